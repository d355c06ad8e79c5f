/**
 * The sidebar's custom requests over JSON-RPC against the real server, on the three-file
 * fixture workspace (no document opened: the answers come from the workspace index).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { copyWorkspace, removeWorkspace, startServer, uriOf, type TestServer } from './harness';

let ws: string;
let server: TestServer;
let simplified: string;
let traditional: string;
let english: string;

before(async () => {
  ws = copyWorkspace();
  server = await startServer({ folder: ws });
  simplified = uriOf(join(ws, 'simplified.digest.md'));
  traditional = uriOf(join(ws, 'traditional.digest.txt'));
  english = uriOf(join(ws, 'english.digest'));
});

after(async () => {
  await server.stop();
  removeWorkspace(ws);
});

const WORKSPACE = { kind: 'workspace' };

test('entities of the workspace, with counts and first dates', async () => {
  const res = await server.request('digestLens/entities', { scope: WORKSPACE });
  assert.equal(res.complete, true);
  const byId = new Map(res.entities.map((e: any) => [e.id, e]));
  assert.deepEqual(byId.get('tencent'), { id: 'tencent', name: (byId.get('tencent') as any).name, kind: 'company', mentions: 4, files: 3, firstDate: '2026-01-14' });
  assert.equal((byId.get('tsmc') as any).firstDate, '2026-01-15');
  assert.equal((byId.get('microsoft') as any).mentions, 3);
  assert.equal((byId.get('microsoft') as any).firstDate, '2026-01-16');
  assert.equal((byId.get('yuanlan-compute') as any).files, 2);
  // Most mentioned first.
  const counts = res.entities.map((e: any) => e.mentions);
  assert.deepEqual(counts, [...counts].sort((a: number, b: number) => b - a));
});

test('entities of one file are only that file\'s', async () => {
  const res = await server.request('digestLens/entities', { scope: { kind: 'file', uri: simplified } });
  const ids = res.entities.map((e: any) => e.id).sort();
  assert.deepEqual(ids, ['bytedance', 'catl', 'nvidia', 'tencent', 'yuanlan-compute']);
  const tencent = res.entities.find((e: any) => e.id === 'tencent');
  assert.equal(tencent.files, 1);
  assert.equal(tencent.mentions, 1);
  assert.equal(tencent.firstDate, '2026-01-14');
  const none = await server.request('digestLens/entities', { scope: { kind: 'file', uri: uriOf(join(ws, 'missing.digest')) } });
  assert.deepEqual(none.entities, []);
});

test('mentions of an entity across the workspace, with snippets and dates, capped by limit', async () => {
  const res = await server.request('digestLens/mentions', { scope: WORKSPACE, entityId: 'tencent' });
  assert.equal(res.truncated, false);
  // 腾讯, 騰訊控股, and Tencent twice in the English file: three files.
  assert.equal(res.items.length, 4);
  assert.deepEqual([...new Set(res.items.map((i: any) => i.uri))].sort(), [english, simplified, traditional].sort());
  const zh = res.items.find((i: any) => i.uri === simplified);
  assert.equal(zh.text, '腾讯');
  assert.equal(zh.date, '2026-01-14');
  assert.deepEqual(zh.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } });
  assert.match(zh.snippet, /^腾讯 2025 年前三季度资本开支为 597 亿元/);
  const tw = res.items.find((i: any) => i.uri === traditional);
  assert.equal(tw.text, '騰訊控股');
  for (const item of res.items) {
    assert.ok(item.snippet.includes(item.text), item.snippet);
    // The place of the mention in the snippet, which the Entities view highlights.
    assert.equal(item.snippet.slice(item.highlight[0], item.highlight[1]), item.text, JSON.stringify(item));
    assert.ok(!/\n|\s\s/.test(item.snippet));
    assert.ok(item.snippet.length <= 84, item.snippet);
  }
  const capped = await server.request('digestLens/mentions', { scope: WORKSPACE, entityId: 'tencent', limit: 2 });
  assert.equal(capped.items.length, 2);
  assert.equal(capped.truncated, true);
  const file = await server.request('digestLens/mentions', { scope: { kind: 'file', uri: english }, entityId: 'tencent' });
  assert.deepEqual(file.items.map((i: any) => i.text), ['Tencent', 'Tencent']);
});

test('themes of the workspace, and keyword hits of one theme', async () => {
  const res = await server.request('digestLens/themes', { scope: WORKSPACE });
  assert.equal(res.complete, true);
  const ai = res.themes.find((t: any) => t.id === 'ai-infrastructure');
  assert.ok(ai, JSON.stringify(res.themes));
  assert.equal(ai.files, 3);
  assert.equal(ai.firstDate, '2026-01-14');
  const power = res.themes.find((t: any) => t.id === 'power-energy');
  assert.equal(power.files, 1);
  assert.equal(power.firstDate, '2026-01-15');
  const hits = await server.request('digestLens/mentions', { scope: WORKSPACE, themeId: 'ai-infrastructure' });
  assert.equal(hits.items.length, ai.mentions);
  for (const h of hits.items) assert.ok(h.snippet.includes(h.text) && h.text.length > 0, JSON.stringify(h));
});

test('figures converted into the base currency, with the subject the analysis gives them', async () => {
  const res = await server.request('digestLens/figures', { scope: WORKSPACE });
  assert.equal(res.baseCurrency, 'USD');
  const row = (text: string) => res.figures.find((f: any) => f.text === text);
  const capex = row('597 亿元');
  assert.equal(capex.currency, 'CNY');
  assert.equal(capex.uri, simplified);
  assert.equal(capex.date, '2026-01-14');
  // 597 亿元 at the January 2026 average (~6.97 CNY per USD) is about US$8.57 billion.
  assert.ok(Math.abs(capex.baseValue - 5.97e10 / 6.9692) < 2e8, String(capex.baseValue));
  assert.equal(capex.entityId, 'tencent');
  assert.equal(capex.baseCurrency, 'USD');
  // The subject before the figure wins over a closer company after it (英伟达).
  assert.equal(row('85 亿美元').entityId, 'tencent');
  assert.equal(row('85 亿美元').baseValue, 8.5e9);
  assert.equal(row('1,600 亿人民币').entityId, 'bytedance');
  const perUnit = row('15.2 万元/吨');
  assert.equal(perUnit.per, 't');
  assert.ok(perUnit.baseValue > 20000 && perUnit.baseValue < 23000);
  const range = row('300—350 亿元');
  assert.equal(range.min, 3e10);
  assert.equal(range.entityId, 'catl');
  const hkd = row('86億港元');
  assert.ok(hkd.baseValue > 1.0e9 && hkd.baseValue < 1.2e9, String(hkd.baseValue));
  for (const f of res.figures.filter((x: any) => x.currency === 'CNY')) assert.ok(typeof f.baseValue === 'number' && f.baseValue > 0);

  const file = await server.request('digestLens/figures', { scope: { kind: 'file', uri: english } });
  assert.ok(file.figures.every((f: any) => f.uri === english));
  assert.equal(file.figures.find((f: any) => f.text === '$37.5 billion').entityName, 'Microsoft');
  const yuan = file.figures.find((f: any) => f.text === '59.7 billion yuan');
  assert.deepEqual([yuan.entityName, yuan.metric, yuan.fact], ['Tencent', 'capex', 0]);
  // The stated conversion is the same fact.
  assert.equal(file.figures.find((f: any) => f.text === '$8.6 billion').fact, 0);
});

test('a base currency setting converts figures into it', async () => {
  const ws2 = copyWorkspace();
  const s2 = await startServer({ folder: ws2, settings: { baseCurrency: 'CNY' } });
  try {
    const res = await s2.request('digestLens/figures', { scope: WORKSPACE });
    assert.equal(res.baseCurrency, 'CNY');
    const f = res.figures.find((x: any) => x.text === '597 亿元');
    assert.equal(f.baseValue, 5.97e10);
  } finally {
    await s2.stop();
    removeWorkspace(ws2);
  }
});

test('a long line is cut to about 80 characters around the mention, whitespace collapsed', async () => {
  const uri = uriOf(join(ws, 'long.digest.md'));
  const filler = 'lorem   ipsum\tdolor sit amet '.repeat(6);
  server.open(uri, `${filler}Tencent said capex rose.  ${filler}\n`);
  // Messages are handled in order: the open is indexed before the request is answered.
  const res = await server.request('digestLens/mentions', { scope: { kind: 'file', uri }, entityId: 'tencent' });
  assert.equal(res.items.length, 1);
  const { snippet } = res.items[0];
  assert.ok(snippet.startsWith('…') && snippet.endsWith('…'), snippet);
  assert.ok(snippet.length <= 82, `${snippet.length}: ${snippet}`);
  assert.ok(snippet.includes('Tencent said capex rose.'), snippet);
  assert.ok(!/\s\s|\t/.test(snippet), snippet);
  server.close(uri);
});
