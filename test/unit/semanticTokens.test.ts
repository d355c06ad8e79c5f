/**
 * Semantic tokens as pure functions over an in-memory index (records, encoder, ranges,
 * deltas), the TextMate grammar and the language configuration.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyse } from '../../server/src/analysis/analyse';
import { builtinGazetteer } from '../../server/src/analysis/gazetteer';
import { parseUserEntities } from '../../server/src/analysis/userFiles/entities';
import { lineStarts } from '../../server/src/analysis/text';
import type { DocumentAnalysis } from '../../server/src/analysis/types';
import { WorkspaceIndex, type IndexedDoc } from '../../server/src/index/workspaceIndex';
import {
  applyTokenEdits,
  collectTokens,
  computeTokens,
  decodeTokens,
  deltaTokens,
  diffTokens,
  encodeTokens,
  LEGEND,
  TokenResultCache,
  type TokenRecord,
} from '../../server/src/features/semanticTokens';

const REPO = join(__dirname, '..', '..');
const WS = join(REPO, 'test', 'fixtures', 'workspace');
const expected = JSON.parse(readFileSync(join(REPO, 'test', 'fixtures', 'expected.json'), 'utf8'));
const user = parseUserEntities(readFileSync(join(WS, '.digestlens', 'entities.json'), 'utf8'), 'entities.json');
const gazetteer = builtinGazetteer().withEntities(user.entities);

function fixtureIndex(): WorkspaceIndex {
  const index = new WorkspaceIndex((text) => analyse(text, { gazetteer }));
  for (const file of Object.keys(expected.files)) index.set(`file:///ws/${file}`, readFileSync(join(WS, file), 'utf8'), null);
  return index;
}
const index = fixtureIndex();
const doc = (file: string) => index.get(`file:///ws/${file}`)!;

/** Tokens as readable tuples: [line, char, text, type, modifiers]. */
function tuples(d: IndexedDoc, data: number[]): [number, number, string, string, string][] {
  const lines = d.text.split(/\r?\n/);
  return decodeTokens(data).map((t) => [t.line, t.char, lines[t.line].slice(t.char, t.char + t.length), t.type, t.modifiers.join('+')]);
}

/** A document with a hand-made analysis, to test the encoder on spans the analysis never makes. */
function handMade(text: string, analysis: Partial<DocumentAnalysis>): IndexedDoc {
  const full: DocumentAnalysis = { date: null, figures: [], mentions: [], themes: [], sections: [], traditional: false, ...analysis };
  return { uri: 'file:///hand', version: 1, text, analysis: full, lineStarts: lineStarts(text), analysedLength: text.length };
}

test('the legend lists the custom types and modifiers in a fixed order', () => {
  assert.deepEqual(LEGEND.tokenTypes, ['money', 'company', 'person', 'product', 'ticker', 'organization']);
  assert.deepEqual(LEGEND.tokenModifiers, ['approximate', 'range', 'perUnit', 'foreign', 'candidate']);
});

test('package.json declares every token type with a superType, every modifier, and a scope for each type', () => {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  const types = new Map(pkg.contributes.semanticTokenTypes.map((t: any) => [t.id, t.superType]));
  for (const t of LEGEND.tokenTypes) assert.ok(types.get(t), `type ${t} has a superType`);
  assert.equal(types.get('money'), 'number');
  assert.equal(types.get('company'), 'class');
  assert.deepEqual(pkg.contributes.semanticTokenModifiers.map((m: any) => m.id), LEGEND.tokenModifiers);
  const scopes = pkg.contributes.semanticTokenScopes[0].scopes;
  for (const t of LEGEND.tokenTypes) assert.ok(Array.isArray(scopes[t]) && scopes[t].length, `scope for ${t}`);
  assert.deepEqual(scopes.money, ['constant.numeric.money.digest']);
  assert.equal(pkg.contributes.languages[0].configuration, './language-configuration.json');
});

test('every annotated figure is a money token at its line and character, with its modifiers', () => {
  for (const [file, gold] of Object.entries<any>(expected.files)) {
    const d = doc(file);
    const got = decodeTokens(computeTokens(d, { baseCurrency: 'USD' }));
    for (const f of gold.figures) {
      const t = got.find((x) => x.line === f.line && x.char === f.character);
      assert.ok(t, `${file}: token for ${f.text}`);
      assert.equal(t.type, 'money', f.text);
      assert.equal(t.length, f.length, f.text);
      assert.equal(t.modifiers.includes('foreign'), f.currency !== 'USD', `${f.text} foreign`);
      assert.equal(t.modifiers.includes('approximate'), f.approximate, `${f.text} approximate`);
      assert.equal(t.modifiers.includes('range'), f.min !== null, `${f.text} range`);
      assert.equal(t.modifiers.includes('perUnit'), f.per !== null, `${f.text} perUnit`);
    }
  }
});

test('company mentions are company tokens and the written ticker is a ticker token', () => {
  const d = doc('traditional.digest.txt');
  const got = tuples(d, computeTokens(d, { baseCurrency: 'USD' }));
  assert.deepEqual(got.slice(0, 3), [
    [2, 0, '騰訊控股', 'company', ''],
    [2, 5, '0700.HK', 'ticker', ''],
    [2, 18, '612.5港元/股', 'money', 'perUnit+foreign'],
  ]);
  assert.ok(got.some((t) => t[2] === '遠瀾算力' && t[3] === 'company'), 'the user entity in Traditional script');
  assert.ok(got.some((t) => t[2] === '數兆元' && t[4] === 'approximate+range+foreign'));
});

test('the foreign modifier follows the base currency', () => {
  const d = doc('simplified.digest.md');
  const usd = tuples(d, computeTokens(d, { baseCurrency: 'USD' })).find((t) => t[2] === '1,600 亿人民币')!;
  const cny = tuples(d, computeTokens(d, { baseCurrency: 'CNY' })).find((t) => t[2] === '1,600 亿人民币')!;
  assert.deepEqual(usd, [3, 26, '1,600 亿人民币', 'money', 'foreign']);
  assert.deepEqual(cny, [3, 26, '1,600 亿人民币', 'money', '']);
});

test('entity kinds map onto person, product, organization, and candidates carry a modifier', () => {
  const text = 'Elon Musk 与 GB300、Nasdaq、彭博社; 星海能源(SZ:300750).';
  const d = handMade(text, {
    mentions: [
      { offset: 0, length: 9, text: 'Elon Musk', id: 'musk', name: 'Elon Musk', kind: 'person', ticker: null, tickerOffset: -1 },
      { offset: 12, length: 5, text: 'GB300', id: 'gb300', name: 'GB300', kind: 'product', ticker: null, tickerOffset: -1 },
      { offset: 18, length: 6, text: 'Nasdaq', id: 'nasdaq', name: 'Nasdaq', kind: 'exchange', ticker: null, tickerOffset: -1 },
      { offset: 25, length: 3, text: '彭博社', id: 'bloomberg', name: 'Bloomberg', kind: 'media', ticker: null, tickerOffset: -1 },
      { offset: 30, length: 4, text: '星海能源', id: 'candidate:星海能源', name: '星海能源', kind: 'candidate', ticker: 'SZ:300750', tickerOffset: 35 },
    ],
  });
  assert.deepEqual(tuples(d, computeTokens(d, { baseCurrency: 'USD' })), [
    [0, 0, 'Elon Musk', 'person', ''],
    [0, 12, 'GB300', 'product', ''],
    [0, 18, 'Nasdaq', 'organization', ''],
    [0, 25, '彭博社', 'organization', ''],
    [0, 30, '星海能源', 'company', 'candidate'],
    [0, 35, 'SZ:300750', 'ticker', ''],
  ]);
});

test('a span across line breaks becomes one token per line (LF and CRLF)', () => {
  const text = 'ab 12\r\n34 亿\nmore';
  const d = handMade(text, {
    figures: [{ offset: 3, length: 9, text: '12\r\n34 亿', currency: 'CNY', value: 1, min: null, max: null, approximate: false, per: null, qualifier: null }],
  });
  assert.deepEqual(decodeTokens(computeTokens(d, { baseCurrency: 'CNY' })).map((t) => [t.line, t.char, t.length]), [
    [0, 3, 2],
    [1, 0, 4],
  ]);
});

test('the encoder sorts records, delta-encodes them and drops overlaps', () => {
  const records: TokenRecord[] = [
    { line: 2, char: 4, length: 3, type: 1, modifiers: 0 },
    { line: 0, char: 5, length: 2, type: 0, modifiers: 3 },
    { line: 2, char: 1, length: 2, type: 4, modifiers: 0 },
    { line: 2, char: 5, length: 4, type: 0, modifiers: 0 }, // overlaps the token at 2:4
  ];
  const data = encodeTokens(records);
  assert.deepEqual(data, [0, 5, 2, 0, 3, 2, 1, 2, 4, 0, 0, 3, 3, 1, 0]);
  assert.deepEqual(decodeTokens(data).map((t) => [t.line, t.char, t.length, t.type]), [
    [0, 5, 2, 'money'],
    [2, 1, 2, 'ticker'],
    [2, 4, 3, 'company'],
  ]);
});

test('a range request returns exactly the full tokens of the lines in range', () => {
  const d = doc('simplified.digest.md');
  const full = decodeTokens(computeTokens(d, { baseCurrency: 'USD' }));
  const start = d.lineStarts[3];
  const end = d.lineStarts[5];
  const part = decodeTokens(computeTokens(d, { baseCurrency: 'USD', start, end }));
  assert.ok(part.length > 0 && part.length < full.length);
  assert.deepEqual(part, full.filter((t) => t.line >= 3 && t.line < 5));
});

test('a range starting inside a figure still includes it', () => {
  const d = doc('simplified.digest.md');
  const at = d.text.indexOf('1,600 亿人民币') + 3;
  const part = tuples(d, computeTokens(d, { baseCurrency: 'USD', start: at, end: at + 1 }));
  assert.deepEqual(part, [[3, 26, '1,600 亿人民币', 'money', 'foreign']]);
});

test('on a very large document the range request only walks the range', () => {
  const line = '腾讯 2025 年资本开支为 597 亿元(约 85 亿美元),宁德时代拟投资 300—350 亿元。\n';
  const text = line.repeat(20000);
  const big = new WorkspaceIndex((t) => analyse(t, { gazetteer })).set('file:///big', text, null);
  const t0 = performance.now();
  const full = collectTokens(big, { baseCurrency: 'USD' });
  const fullMs = performance.now() - t0;
  const t1 = performance.now();
  let part: TokenRecord[] = [];
  for (let i = 0; i < 100; i++) part = collectTokens(big, { baseCurrency: 'USD', start: big.lineStarts[10000], end: big.lineStarts[10010] });
  const rangeMs = (performance.now() - t1) / 100;
  assert.equal(full.length, 20000 * 5);
  assert.equal(part.length, 50);
  assert.ok(part.every((t) => t.line >= 10000 && t.line < 10010));
  // A range of ten lines must cost a small fraction of the whole document.
  assert.ok(rangeMs < fullMs / 20, `range ${rangeMs.toFixed(3)} ms vs full ${fullMs.toFixed(1)} ms`);
});

test('diffTokens edits turn the old array into the new one (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.nat(9), { maxLength: 60 }), fc.array(fc.nat(9), { maxLength: 60 }), (a, b) => {
      assert.deepEqual(applyTokenEdits(a, diffTokens(a, b)), b);
    }),
    { numRuns: 500 },
  );
  assert.deepEqual(diffTokens([1, 2, 3], [1, 2, 3]), []);
  assert.deepEqual(diffTokens([0, 1, 2, 3, 4, 0, 6, 2, 0, 0], [0, 1, 2, 3, 4, 1, 0, 3, 0, 0, 0, 6, 2, 0, 0]), [{ start: 5, deleteCount: 0, data: [1, 0, 3, 0, 0] }]);
});

test('deltas after an edit reproduce the new full tokens; an unknown result id gets full tokens', () => {
  const idx = fixtureIndex();
  const uri = 'file:///ws/simplified.digest.md';
  const cache = new TokenResultCache();
  const before = computeTokens(idx.get(uri)!, { baseCurrency: 'USD' });
  const id = cache.store(uri, before);
  const edited = idx.set(uri, '腾讯追加 5 亿元投资。\n' + idx.get(uri)!.text, 2);
  const after = computeTokens(edited, { baseCurrency: 'USD' });
  const delta = deltaTokens(cache, uri, id, after) as any;
  assert.ok(Array.isArray(delta.edits) && delta.edits.length === 1);
  assert.notEqual(delta.resultId, id);
  assert.deepEqual(applyTokenEdits(before, delta.edits), after);
  // The previous id is no longer current: a second delta against it answers in full.
  const again = deltaTokens(cache, uri, id, after) as any;
  assert.deepEqual(again.data, after);
  assert.equal(again.edits, undefined);
});

test('the result cache is capped, least recently stored first out', () => {
  const cache = new TokenResultCache(3);
  const ids = ['a', 'b', 'c', 'd'].map((u) => cache.store(u, [1]));
  assert.equal(cache.size, 3);
  assert.equal(cache.previous('a', ids[0]), undefined);
  assert.deepEqual(cache.previous('d', ids[3]), [1]);
  cache.forget('d');
  assert.equal(cache.previous('d', ids[3]), undefined);
});

// ---------------------------------------------------------------------------------------
// TextMate grammar and language configuration

const grammar = JSON.parse(readFileSync(join(REPO, 'syntaxes', 'digest.tmLanguage.json'), 'utf8'));

/** Every regex of the grammar with the scope it gives, found by walking the JSON. */
function grammarRegexes(): { where: string; source: string; scope: string }[] {
  const out: { where: string; source: string; scope: string }[] = [];
  const walk = (node: any, where: string) => {
    if (!node || typeof node !== 'object') return;
    for (const key of ['match', 'begin', 'end']) if (typeof node[key] === 'string') out.push({ where: `${where}.${key}`, source: node[key], scope: node.name ?? node.captures?.['1']?.name ?? '' });
    for (const [k, v] of Object.entries(node)) if (typeof v === 'object') walk(v, `${where}.${k}`);
  };
  walk(grammar, 'grammar');
  return out;
}

test('the grammar is text.digest and every regex compiles in JavaScript', () => {
  assert.equal(grammar.scopeName, 'text.digest');
  const all = grammarRegexes();
  assert.ok(all.length >= 10);
  for (const r of all) assert.doesNotThrow(() => new RegExp(r.source), r.where);
});

/** The scopes of the grammar's regexes matching somewhere in `line`. */
function scopesMatching(line: string): string[] {
  return grammarRegexes()
    .filter((r) => !r.where.endsWith('.end') && new RegExp(r.source).test(line))
    .map((r) => r.scope);
}

test('the grammar recognises the lines and marks of real digests', () => {
  const cases: [string, RegExp][] = [
    ['← 返回 Avalaches', /^comment\.line\.navigation/],
    ['2026-01-07 (Wednesday) · 4df42ba1e518ad238d7567ea2bba5a953b450be8', /^meta\.date-line/],
    ['36氪· 2026-01-27 08:25', /^meta\.source-line/],
    ['华福证券· 2026-01-26 21:02', /^meta\.source-line/],
    ['# AI 算力周记', /^markup\.heading/],
    ['#', /^markup\.heading/],
    ['- 旷视科技在AI 1.0时代是资本宠儿', /^markup\.list/],
    ['• bullet', /^markup\.list/],
    ['* star bullet', /^markup\.list/],
    ['商业闭环的结果比上市更重要 [3][4]', /citation/],
    ['已获得超过50亿元人民币的融资 [1][2][3]', /citation/],
    ['7abd30a5a9f0.png', /image/],
    ['![chart](media/8e5c5f71e06a.png)', /image/],
    ['邁為股份(SZ:300751)率先點火', /ticker/],
    ['天合光能(SH:688599)', /ticker/],
    ['MiniMax(06082.HK)', /ticker/],
    ['騰訊控股(0700.HK)', /ticker/],
    ['Hut 8 (NASDAQ: HWEP)', /ticker/],
    ['港股互联网ETF(513770.SH)', /ticker/],
    ['**Anthropic营收与增长**:预计', /^markup\.bold/],
  ];
  for (const [line, scope] of cases) {
    const scopes = scopesMatching(line);
    assert.ok(scopes.some((s) => scope.test(s)), `${line} → ${scope} (got ${scopes.join(', ')})`);
  }
  // Things that must not be taken for what they are not.
  assert.ok(!scopesMatching('HK$4.19B / $538M').some((s) => /ticker/.test(s)), 'a money amount is not a ticker');
  assert.ok(!scopesMatching('*ST沐邦下跌').some((s) => /^markup\.list/.test(s)), '*ST is not a bullet');
  assert.ok(!scopesMatching('增长 12.5% 至 2026-01-07').some((s) => /date-line|source-line/.test(s)));
});

test('grammar regexes stay linear on hostile lines', () => {
  const hostile = [
    '['.repeat(20000) + '1',
    '[1]'.repeat(20000) + '[',
    '**' + 'a'.repeat(50000),
    'a'.repeat(50000) + '·',
    '9'.repeat(50000) + '.H',
    'SZ:' + 'A'.repeat(50000),
    '#'.repeat(50000),
    '![' + ']('.repeat(20000),
  ];
  const all = grammarRegexes();
  for (const line of hostile) {
    const t0 = performance.now();
    for (const r of all) new RegExp(r.source, 'g').test(line);
    const ms = performance.now() - t0;
    assert.ok(ms < 500, `${line.slice(0, 12)}… took ${ms.toFixed(0)} ms`);
  }
});

test('the language configuration pairs both widths and keeps words sane', () => {
  const conf = JSON.parse(readFileSync(join(REPO, 'language-configuration.json'), 'utf8'));
  const pairs = new Set(conf.autoClosingPairs.map((p: any) => p.open + p.close));
  for (const p of ['()', '（）', '[]', '【】', '「」', '『』', '“”', '‘’', '《》']) assert.ok(pairs.has(p), `auto-closes ${p}`);
  const brackets = new Set(conf.brackets.map((b: string[]) => b.join('')));
  for (const p of ['()', '（）', '[]', '【】', '「」', '『』', '《》']) assert.ok(brackets.has(p), `bracket ${p}`);
  const word = new RegExp(conf.wordPattern, 'g');
  const words = (s: string) => s.match(word) ?? [];
  assert.deepEqual(words('騰訊控股(0700.HK)週四收報'), ['騰訊控股', '0700.HK', '週四收報']);
  assert.deepEqual(words('SZ:300751 与 NASDAQ: HWEP'), ['SZ:300751', '与', 'NASDAQ', 'HWEP']);
  assert.deepEqual(words('投资 1,600 亿人民币'), ['投资', '1,600', '亿人民币']);
  assert.deepEqual(words('SoftBank’s e-commerce'), ['SoftBank’s', 'e-commerce']);
  const t0 = performance.now();
  words('a.'.repeat(50000) + '!' + '1,'.repeat(50000));
  assert.ok(performance.now() - t0 < 500);
});
