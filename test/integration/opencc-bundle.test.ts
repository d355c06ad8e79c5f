/**
 * dist/opencc.js.br (built by `npm test` from server/src/data/openccBundle.ts, its phrase
 * dictionary packed, its Japanese tables left out) is opencc-js: the same exports, the same
 * dictionaries entry for entry (the Japanese ones empty),
 * and the same output as opencc-js's own converter for every conversion Digest Lens makes,
 * on the examples, the test fixtures, the seeds when ../shared is there, and every phrase of
 * the dictionaries themselves.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compileFunction } from 'node:vm';
import { brotliDecompressSync } from 'node:zlib';
import type * as OpenCCModule from 'opencc-js';
import { sharedRoot } from '../helpers/requires';

type OpenCC = typeof OpenCCModule;

const REPO = join(__dirname, '..', '..');
const BUNDLE = join(REPO, 'dist', 'opencc.js.br');

/** The bundle, loaded the way the server's bundles load it (esbuild.mjs, opencc-beside). */
function shipped(): OpenCC {
  const code = brotliDecompressSync(readFileSync(BUNDLE)).toString('utf8');
  const mod = { exports: {} };
  compileFunction(code, ['module', 'exports', 'require'], { filename: BUNDLE })(mod, mod.exports, require);
  return mod.exports as OpenCC;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const original = require('opencc-js') as OpenCC;

/** Every file under `dir` (texts only: the corpus is notes and fixtures). */
function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => statSync(f).isFile() && /\.(digest|md|txt|json|csv)$/.test(f))
    .sort();
}

/** Every dictionary of an opencc's Locale (from, to, configs), by where it sits. */
function dictionaries(o: OpenCC): Map<string, string> {
  const all = new Map<string, string>();
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') all.set(path, value);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
  };
  walk(o.Locale, 'Locale');
  return all;
}

test('the shipped opencc has the exports of opencc-js and its dictionaries, entry for entry', () => {
  const built = shipped();
  assert.deepEqual(Object.keys(built).sort(), Object.keys(original).sort());
  const ours = dictionaries(built);
  const theirs = dictionaries(original);
  assert.deepEqual([...ours.keys()].sort(), [...theirs.keys()].sort());
  // The Japanese (shinjitai) tables are left out (esbuild.mjs): empty, every other one whole.
  const japanese = new Set<string>();
  for (const [path, dict] of theirs) if (/\.jp\.|\.(jp2t|t2jp)\.conversionChain\./.test(path)) japanese.add(dict);
  assert.ok(japanese.size >= 3, `${japanese.size} Japanese tables`);
  for (const [path, dict] of theirs) assert.deepEqual(ours.get(path)!.split('|'), japanese.has(dict) ? [''] : dict.split('|'), path);
});

test('every conversion Digest Lens makes gives what opencc-js gives, on notes, fixtures and every phrase', () => {
  const built = shipped();
  const corpus = [...files(join(REPO, 'examples')), ...files(join(REPO, 'test', 'fixtures')), ...files(join(sharedRoot(), 'seeds'))].map((f) => readFileSync(f, 'utf8'));
  assert.ok(corpus.length > 10, `a corpus of ${corpus.length} files`);
  // Every phrase source and target of the dictionaries, one per line: each phrase converted
  // in context of its neighbours, the way a note's text is.
  corpus.push([...new Set(dictionaries(original).values())].map((d) => d.replace(/[| ]/g, '\n')).join('\n'));
  // scriptConversion.ts's converters: cn → tw, twp, hk, hkp; tw, twp, hk, hkp → cn.
  const pairs = [...['tw', 'twp', 'hk', 'hkp'].map((to) => ({ from: 'cn', to })), ...['tw', 'twp', 'hk', 'hkp'].map((from) => ({ from, to: 'cn' }))];
  for (const options of pairs) {
    const ours = built.Converter(options);
    const theirs = original.Converter(options);
    corpus.forEach((text, i) => assert.equal(ours(text), theirs(text), `${options.from} → ${options.to}, text ${i}`));
  }
  const keep: [string, string][] = [['发布', '發布']];
  assert.equal(built.CustomConverter(keep)('发布会'), original.CustomConverter(keep)('发布会'));
});
