/**
 * The image of the themes' compiled automaton (server/src/data/themesImage.ts): read back,
 * it finds the very themes the compiled automaton finds, on text of every script; an image
 * of another build, a damaged one or no image at all is refused (the themes are then
 * compiled as before).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { foldText } from '../../server/src/analysis/text';
import { compileBuiltinTaxonomy, createTaxonomy, findThemes, type Taxonomy } from '../../server/src/analysis/themes';
import { readMatcherImage, writeMatcherImage } from '../../server/src/data/themesImage';

const fixtures = join(__dirname, '..', 'fixtures', 'workspace');
const texts = [
  ...readdirSync(fixtures, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => readFileSync(join(fixtures, e.name), 'utf8')),
  'GPUs in data-centers and 数据中心; 聊天机器人 is no robot, 人形機器人 is.',
  '',
];

function fromImage(tax: Taxonomy, stamp: string): Taxonomy {
  const fields = readMatcherImage(writeMatcherImage(tax.matcher, stamp), stamp);
  assert.ok(fields, 'the image reads back');
  return { themes: tax.themes, matcher: fields as unknown as Taxonomy['matcher'] };
}

test('the built-in automaton read from its image finds what the compiled one finds', () => {
  const compiled = compileBuiltinTaxonomy();
  const read = fromImage(compiled, 'build-1');
  for (const text of texts) assert.deepEqual(findThemes(text, foldText(text), read), findThemes(text, foldText(text), compiled));
  // Every field comes back, typed as it was.
  const fields = readMatcherImage(writeMatcherImage(compiled.matcher, 'b'), 'b')!;
  for (const [name, v] of Object.entries(compiled.matcher)) {
    const back = fields[name];
    if (v === null || typeof v === 'number') assert.equal(back, v, name);
    else {
      assert.equal((back as object).constructor, (v as object).constructor, name);
      assert.deepEqual(Array.from(back as ArrayLike<number>), Array.from(v as ArrayLike<number>), name);
    }
  }
});

test('a small taxonomy survives the image too', () => {
  const tax = createTaxonomy([{ id: 'robots', label: 'Robots', keywords: ['robot', '机器人'], exclude: ['聊天机器人'] }]);
  const read = fromImage(tax, 's');
  const text = 'Robots and 机器人, not 聊天机器人.';
  assert.deepEqual(findThemes(text, foldText(text), read), findThemes(text, foldText(text), tax));
});

test('an image of another build, a damaged image or no image is refused', () => {
  const image = writeMatcherImage(compileBuiltinTaxonomy().matcher, 'this-build');
  assert.equal(readMatcherImage(image, 'another-build'), undefined);
  assert.equal(readMatcherImage(image.subarray(0, image.length >> 1), 'this-build'), undefined, 'cut short');
  assert.equal(readMatcherImage(new Uint8Array(0), 'this-build'), undefined);
  assert.equal(readMatcherImage(new TextEncoder().encode('not an image at all, just text'), 'this-build'), undefined);
  const bad = image.slice();
  bad[14] ^= 0xff; // inside the header's JSON
  assert.equal(readMatcherImage(bad, 'this-build'), undefined);
});
