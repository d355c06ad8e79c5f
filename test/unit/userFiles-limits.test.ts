/**
 * The caps of the user's entity and theme files (server/src/analysis/userFiles/limits.ts):
 * what is over a cap is reported at its own line and left out, what is within is kept, and
 * the probe's hostile files of issue 14 (deep nesting, huge files, a huge name, one-character
 * keywords by the hundred thousand) come back as problems, not as work. Then prototype keys:
 * ids, names, aliases, tickers and theme ids such as "__proto__" or "constructor" change
 * nothing but their own entries (a property test over the example notes).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { entityInsertion, locateUserEntry, parseUserEntities } from '../../server/src/analysis/userFiles/entities';
import { parseUserThemes } from '../../server/src/analysis/userFiles/themes';
import * as L from '../../server/src/analysis/userFiles/limits';
import { analysisSetup } from '../../server/src/index/analysisSetup';
import { analyse } from '../../server/src/analysis/analyse';
import { builtinTaxonomy, extendTaxonomy, findThemes } from '../../server/src/analysis/themes';
import { foldText } from '../../server/src/analysis/text';
import { deepNesting, hostileUserFiles, oneCharacterThemes } from '../../scripts/lib/hostileUserFiles.mjs';

const REPO = join(__dirname, '..', '..');
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

test("the probe's hostile files: each is one problem at line 1, and nothing of it is used", () => {
  // The 50 MB files at a tenth of their size: still far over the file-size cap.
  for (const [label, which, make] of hostileUserFiles(0.1)) {
    const text = make();
    const parsed = which === 'entities' ? parseUserEntities(text, 'e.json') : parseUserThemes(text, 't.json');
    const kept = 'entities' in parsed ? parsed.entities : parsed.themes;
    assert.equal(kept.length, 0, label);
    assert.equal(parsed.errors.length, 1, label);
    assert.equal(parsed.errors[0].line, 1, label);
    assert.match(parsed.errors[0].message, /File too large|Nesting deeper than 64|Name too long/i, label);
  }
  // Nesting, in both files and in CSV (where "[" is just text).
  assert.match(parseUserThemes(deepNesting(5000), 't.json').errors[0].message, /nesting deeper than 64/);
  assert.deepEqual(parseUserEntities(deepNesting(5000), 'e.csv').entities, []);
});

test('a file over the size cap is refused as a whole, JSON or CSV, entities or themes', () => {
  const big = ' '.repeat(L.MAX_FILE_CHARS) + '[{"name": "Acme"}]';
  for (const file of ['e.json', 'e.csv']) {
    const r = parseUserEntities(file.endsWith('.csv') ? 'name\nAcme\n' + ' '.repeat(L.MAX_FILE_CHARS) : big, file);
    assert.deepEqual(r.entities, [], file);
    assert.deepEqual([r.errors.length, r.errors[0].line, r.errors[0].column], [1, 1, 1], file);
    assert.match(r.errors[0].message, /File too large \(2,000,0\d\d characters, at most 2,000,000\)/);
  }
  const t = parseUserThemes(big, 'mine.json');
  assert.deepEqual(t.themes, []);
  assert.match(t.errors[0].message, /^mine\.json: File too large/);
  // Nor is an entry located in it, or added to it (the Add Entity command refuses the file).
  const entry = { id: 'acme', name: 'Acme', aliases: [], tickers: [], kind: 'company' as const };
  assert.equal(locateUserEntry(big, 'e.json', 'user:acme', 'Acme'), null);
  assert.equal(entityInsertion(big, entry, 'e.json'), null);
  assert.equal(entityInsertion('name\n' + 'x\n'.repeat(L.MAX_FILE_CHARS / 2), entry, 'e.csv'), null);
  assert.ok(entityInsertion('[]', entry, 'e.json'));
  // At the cap exactly, the file is read.
  const fits = '[{"name": "Acme"}]';
  assert.equal(parseUserEntities(fits + ' '.repeat(L.MAX_FILE_CHARS - fits.length), 'e.json').entities.length, 1);
});

test('entity texts over their length are reported at their line; the entry or the one alias goes', () => {
  const longName = '名'.repeat(L.MAX_NAME_CHARS + 1);
  const longAlias = 'A'.repeat(L.MAX_NAME_CHARS + 1);
  const longTicker = 'T'.repeat(L.MAX_TICKER_CHARS + 1);
  const text = [
    '[',
    `  {"name": "${longName}"},`,
    `  {"id": "${'i'.repeat(L.MAX_NAME_CHARS + 1)}", "name": "Long Id"},`,
    `  {"name": "Kept", "aliases": ["Short",`,
    `     "${longAlias}"], "tickers": ["KEPT", "${longTicker}"]},`,
    `  {"name": "${'名'.repeat(L.MAX_NAME_CHARS)}"}`,
    ']',
  ].join('\n');
  const { entities, errors } = parseUserEntities(text, 'e.json');
  assert.deepEqual(entities.map((e) => [e.name.length, e.names.length, e.tickers]), [[4, 2, ['KEPT']], [L.MAX_NAME_CHARS, 1, []]]);
  assert.deepEqual(errors.map((e) => [e.line, e.message.split(' (')[0]]), [[2, 'Name too long'], [3, 'Id too long'], [5, 'Alias too long'], [5, 'Ticker too long']]);
  // The same in CSV, at the row's line.
  const csv = parseUserEntities(`id,name,aliases,tickers\na,${longName},,\nb,Fine,xy|${longAlias},\n`, 'e.csv');
  assert.deepEqual(csv.entities.map((e) => [e.id, e.names]), [['b', ['Fine', 'xy']]]);
  assert.deepEqual(csv.errors.map((e) => [e.line, e.message.split(' (')[0]]), [[2, 'Name too long'], [3, 'Alias too long']]);
});

test('at most MAX_ALIASES aliases and tickers per entity: the rest reported once, at the first left out', () => {
  const aliases = Array.from({ length: L.MAX_ALIASES + 5 }, (_, i) => `"Alias ${i}"`);
  const text = `[{"name": "Many",\n "aliases": [${aliases.join(',\n')}]}]`;
  const { entities, errors } = parseUserEntities(text, 'e.json');
  assert.equal(entities[0].names.length, 1 + L.MAX_ALIASES);
  assert.equal(errors.length, 1);
  assert.equal(errors[0].line, lineOf(text, `"Alias ${L.MAX_ALIASES}"`));
  assert.match(errors[0].message, /More than 50 aliases in this entity/);
});

test('theme keywords of one character or without a letter are refused at their line; the theme keeps its others', () => {
  const text = [
    '[',
    '  {"id": "mine", "label": "Mine", "keywords": [',
    '    "的", "1", "2024", "--", "％", "𠀀",',
    '    "液冷", "AI", "5G基站", "Q3"],',
    '   "exclude": ["x", "液冷板"]},',
    '  {"id": "none", "label": "None", "keywords": ["的"]}',
    ']',
  ].join('\n');
  const { themes, errors } = parseUserThemes(text, 't.json');
  assert.deepEqual(themes.map((t) => [t.id, t.keywords, t.exclude]), [['mine', ['液冷', 'AI', '5G基站', 'Q3'], ['液冷板']]]);
  assert.deepEqual(
    errors.map((e) => [e.line, /single character/.test(e.message) ? 'one' : /no letter/.test(e.message) ? 'letterless' : e.message]),
    [[3, 'one'], [3, 'one'], [3, 'letterless'], [3, 'letterless'], [3, 'one'], [3, 'one'], [5, 'one'], [6, 'one'], [6, 'theme "none" has no keywords']],
  );
});

test('themes, keywords per theme (across entries of one id), per file, and keyword length are capped', () => {
  const kw = (t: number, n: number) => Array.from({ length: n }, (_, i) => `"kw${t}x${i}"`).join(',');
  // Per theme: two entries of one id share the cap.
  const half = L.MAX_KEYWORDS_PER_THEME / 2;
  const perTheme = parseUserThemes(`[{"id": "a", "label": "A", "keywords": [${kw(0, half)}]},\n{"id": "a", "keywords": [${kw(1, half + 3)}]}]`, 't.json');
  assert.equal(perTheme.themes[0].keywords.length, L.MAX_KEYWORDS_PER_THEME);
  assert.deepEqual(perTheme.errors.map((e) => [e.line, e.message]), [[2, '"keywords": More than 200 keywords in this theme: this one and the rest are ignored']]);
  // Themes: the first MAX_THEMES ids; an entry of an id already read still adds to it.
  const rows = Array.from({ length: L.MAX_THEMES + 3 }, (_, t) => `{"id": "t${t}", "label": "T", "keywords": ["kw${t}"]}`);
  rows.push('{"id": "t0", "keywords": ["kwmore"]}');
  const many = parseUserThemes(`[${rows.join(',\n')}]`, 't.json');
  assert.equal(many.themes.length, L.MAX_THEMES);
  assert.deepEqual(many.errors.map((e) => e.line), [L.MAX_THEMES + 1]);
  assert.match(many.errors[0].message, /More than 200 themes/);
  // Per file.
  const perFile = Math.ceil(L.MAX_KEYWORDS_PER_FILE / 100) + 1;
  const fileRows = Array.from({ length: perFile }, (_, t) => `{"id": "f${t}", "label": "F", "keywords": [${kw(t, 100)}]}`);
  const whole = parseUserThemes(`[${fileRows.join(',\n')}]`, 't.json');
  assert.equal(whole.themes.reduce((n, t) => n + t.keywords.length, 0), L.MAX_KEYWORDS_PER_FILE);
  assert.match(whole.errors[0].message, /More than 2,000 keywords in this file/);
  // Length.
  const long = parseUserThemes(`[{"id": "l", "label": "L", "keywords": ["${'长'.repeat(L.MAX_KEYWORD_CHARS + 1)}", "${'长'.repeat(L.MAX_KEYWORD_CHARS)}"]}]`, 't.json');
  assert.deepEqual(long.themes[0].keywords, ['长'.repeat(L.MAX_KEYWORD_CHARS)]);
  assert.match(long.errors[0].message, /Keyword too long \(33 characters, at most 32\)/);
});

test('at most MAX_PROBLEMS problems of one file, then one that counts the rest at the first of them', () => {
  const text = oneCharacterThemes(2000);
  const { themes, errors } = parseUserThemes(text, 't.json');
  assert.equal(themes.length, 0);
  assert.equal(errors.length, L.MAX_PROBLEMS + 1);
  const last = errors[L.MAX_PROBLEMS];
  // Each theme gives three problems ("的", "1", no keywords): 6,000 in all.
  assert.match(last.message, /^5,?900 more problem\(s\) not shown; the first, here: /);
  assert.equal(last.line, errors[L.MAX_PROBLEMS - 1].line + (L.MAX_PROBLEMS % 3 === 0 ? 1 : 0));
});

test('a taxonomy of the longest keywords in thousands of rare characters matches like a small one', () => {
  // Sparse transitions (a dense table would be states × classes): the hits are those of a plain search.
  let s = 3;
  const next = () => String.fromCharCode(0x4e00 + ((s = (s * 48271) % 2147483647) % 20000));
  const words: string[] = [];
  for (let i = 0; i < 600; i++) {
    let w = '';
    while (w.length < L.MAX_KEYWORD_CHARS) w += next();
    words.push(w);
  }
  const tax = extendTaxonomy(builtinTaxonomy(), [{ id: 'rare', label: 'Rare', keywords: words }]);
  const text = `前言${words[5]}中间${words[599].slice(0, 31)}再${words[599]}。${words[17]}`;
  const rare = findThemes(text, foldText(text), tax).find((t) => t.id === 'rare')!;
  assert.deepEqual(rare.hits.map((h) => text.slice(h.offset, h.offset + h.length)), [words[5], words[599], words[17]]);
});

// ---------------------------------------------------------------------------------------
// Prototype keys

const PROTO_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'prototype', 'propertyIsEnumerable', 'toLocaleString'];

/** The example notes and fixtures: every one mentions built-in companies. */
const NOTES: string[] = [];
for (const dir of ['examples/2026-01', 'examples/2026-02', 'test/fixtures/workspace']) {
  for (const f of readdirSync(join(REPO, dir))) if (/\.digest(\.md|\.txt)?$/.test(f)) NOTES.push(readFileSync(join(REPO, dir, f), 'utf8'));
}

/** An analysis with the user's own entries (ids, names and themes of `own`) left out. */
function builtinPart(text: string, setup: ReturnType<typeof analysisSetup>, own: Set<string>) {
  const a = analyse(text, { gazetteer: setup.gazetteer, taxonomy: setup.taxonomy });
  return { ...a, mentions: a.mentions.filter((m) => !own.has(m.id)), themes: a.themes.filter((t) => !own.has(t.id)) };
}

test('prototype keys as entity ids, names, aliases, tickers and theme ids change nothing of the built-in companies and themes', () => {
  assert.ok(NOTES.length >= 4, 'the example notes are there');
  const plain = analysisSetup({ entities: [], themes: [] });
  const expected = NOTES.map((t) => builtinPart(t, plain, new Set()));
  const key = fc.constantFrom(...PROTO_KEYS);
  const entry = fc.record(
    { id: fc.option(key, { nil: undefined }), name: key, aliases: fc.array(key, { maxLength: 3 }), tickers: fc.array(fc.oneof(key, key.map((k) => `${k}:700`), key.map((k) => `HK:${k}`)), { maxLength: 3 }), kind: fc.constantFrom('company', 'fund', 'constructor') },
    { requiredKeys: ['name'] },
  );
  const theme = fc.record({ id: key.map((k) => k.toLowerCase().replace(/_/g, '')), label: key, keywords: fc.array(key, { minLength: 1, maxLength: 3 }) });
  fc.assert(
    fc.property(fc.array(entry, { minLength: 1, maxLength: 6 }), fc.array(theme, { maxLength: 3 }), fc.boolean(), (entries, themes, csv) => {
      const content = csv
        ? 'id,name,aliases,tickers,kind\n' + entries.map((e) => [e.id ?? '', e.name, (e.aliases ?? []).join('|'), (e.tickers ?? []).join('|'), e.kind ?? ''].join(',')).join('\n')
        : JSON.stringify(entries);
      const setup = analysisSetup({ entities: [{ uri: `file:///w/e.${csv ? 'csv' : 'json'}`, content }], themes: [{ uri: 'file:///w/t.json', content: JSON.stringify(themes) }] });
      const own = new Set([...setup.userEntities.map((e) => e.id), ...setup.userThemes.map((t) => t.id)]);
      // The entries themselves were read as data, not as the objects' own machinery.
      for (const e of setup.userEntities) assert.equal(typeof e.id, 'string');
      NOTES.forEach((t, i) => assert.deepEqual(builtinPart(t, setup, own), expected[i]));
      // And the built-in companies are still found by id.
      assert.equal(setup.gazetteer.get('tencent')?.id, 'tencent');
      for (const k of PROTO_KEYS) if (!own.has(k)) assert.equal(setup.gazetteer.get(k), undefined, k);
    }),
    { seed: 14, numRuns: 40 },
  );
});
