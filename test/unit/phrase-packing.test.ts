/**
 * The packed form of opencc-js's phrase dictionary (server/src/data/phrasePacking.ts) gives
 * back exactly the dictionary opencc-js ships, entry for entry. The bundle built from it is
 * checked against opencc-js itself in test/integration/opencc-bundle.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packPhrases, unpackPhrases } from '../../server/src/data/phrasePacking';

const DICT = join(__dirname, '..', '..', 'node_modules', 'opencc-js', 'dist', 'esm-lib', 'dict');

/** One of opencc-js's dictionaries, in its "src dst|src dst" form. */
async function dictionary(name: string): Promise<string> {
  const mod = (await import(pathToFileURL(join(DICT, `${name}.js`)).href)) as { default: string };
  return mod.default;
}

test("opencc-js's phrase dictionary unpacks to itself, entry for entry, from under 60% of its characters", async () => {
  const phrases = await dictionary('STPhrases');
  const characters = await dictionary('STCharacters');
  const packed = packPhrases(phrases, characters);
  const unpacked = unpackPhrases(packed, characters);
  assert.deepEqual(unpacked.split('|'), phrases.split('|'));
  assert.equal(unpacked, phrases);
  assert.ok(packed.length < phrases.length * 0.6, `packed ${packed.length} of ${phrases.length} characters`);
});

const CHARS = '发 發|干 乾|钟 鐘|𠀾 𪜀';

test('a target that follows from the characters is left out; another keeps only the characters that differ', () => {
  // 头 is not in the table: 頭 and 髮 both differ from what the characters give (头, 發).
  const phrases = '一发 一發|头发 頭髮|干杯 乾杯|干活 幹活|钟发 鐘髮';
  assert.equal(packPhrases(phrases, CHARS), '0一发|0头发 頭髮|0干杯|1活 幹.|0钟发 .髮');
  assert.equal(unpackPhrases(packPhrases(phrases, CHARS), CHARS), phrases);
});

test('shared beginnings are written once, astral characters included', () => {
  const phrases = '𠀾钟 𪜀鐘|𠀾钟表 𪜀鐘錶|𠀾𠀾 𪜀𪜀|𠀾𠀾发 𪜀𪜀髮';
  const packed = packPhrases(phrases, CHARS);
  assert.equal(packed, '0𠀾钟|3表 ..錶|2𠀾|4发 ..髮');
  assert.equal(unpackPhrases(packed, CHARS), phrases);
});

test('a target of another length is kept whole', () => {
  const phrases = '发钟 發|钟 鐘鐘';
  assert.equal(packPhrases(phrases, CHARS), '0发钟 發|0钟 鐘鐘');
  assert.equal(unpackPhrases(packPhrases(phrases, CHARS), CHARS), phrases);
});

test('an entry the format cannot hold stops the build instead of shipping something else', () => {
  for (const bad of ['发1 發1', '发. 發.', '发', '发 發 髮']) assert.throws(() => packPhrases(bad, CHARS), /cannot pack/, bad);
});
