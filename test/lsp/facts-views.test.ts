/**
 * The requests of the views over facts on the real server (dist/server.js over JSON-RPC):
 * the figures table one row per fact, filtered and totalled; the dossier; the entity search
 * in three scripts; and the consistency diagnostic on the later of two notes. Sentences are
 * the simple ones the engine attributes (subject, metric, period).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeWorkspace, startServer, uriOf, type TestServer } from './harness';

let ws: string;
let server: TestServer;
const A = '腾讯2025年资本开支为800亿元(约112亿美元)。阿里巴巴2025年资本开支为1200亿元。碳酸锂现货报15万元/吨。\n\n2025-11-02\n';
const B = '腾讯2025年资本开支为900亿元。东吴证券预计2030年AI算力市场规模达1万亿元。软银集团向Ampere投资65亿美元。\n\n2026-01-14\n';
const C = '騰訊控股(0700.HK)週四收報612.5港元/股。\n\n2026-01-15\n';

before(async () => {
  ws = mkdtempSync(join(tmpdir(), 'digest-lens-facts-'));
  writeFileSync(join(ws, 'a.digest'), A);
  writeFileSync(join(ws, 'b.digest'), B);
  writeFileSync(join(ws, 'c.digest'), C);
  server = await startServer({ folder: ws });
});

after(async () => {
  await server.stop();
  removeWorkspace(ws);
});

const WORKSPACE = { kind: 'workspace' };

test('the figures table: one row per fact, the conversion folded in, filters, totals, chart', async () => {
  const res = await server.request('digestLens/facts', { scope: WORKSPACE });
  assert.equal(res.complete, true);
  assert.ok(!res.rows.some((r: any) => r.text === '112亿美元'), 'the stated conversion is not a row of its own');
  const capex = res.rows.find((r: any) => r.text === '800亿元');
  assert.deepEqual(capex.others.map((o: any) => o.text), ['112亿美元']);
  assert.deepEqual([capex.subjectId, capex.metric, capex.period, capex.date], ['tencent', 'capex', '2025', '2025-11-02']);
  assert.equal(res.total, res.rows.length);
  // Tencent's 2025 capex counts once (the later note's 900亿元), Alibaba's on its own.
  const tencent = res.totals.find((t: any) => t.entityId === 'tencent' && t.metric === 'capex');
  assert.equal(tencent.count, 1);
  const nine = res.rows.find((r: any) => r.text === '900亿元');
  assert.ok(Math.abs(tencent.value - nine.baseValue) < 1);
  assert.ok(!res.totals.some((t: any) => t.metric === 'market-size' || t.metric === 'price'));
  assert.equal(res.chart.kind, 'totals');
  const filtered = await server.request('digestLens/facts', { scope: WORKSPACE, filter: { entityId: 'tencent', metric: 'capex' }, sort: { key: 'date', dir: 1 } });
  assert.deepEqual(filtered.rows.map((r: any) => r.text), ['800亿元', '900亿元']);
  assert.equal(filtered.inScope, res.inScope);
  const dated = await server.request('digestLens/facts', { scope: WORKSPACE, filter: { from: '2026-01-01', to: '2026-01-14' } });
  assert.ok(dated.rows.length > 0 && dated.rows.every((r: any) => r.date === '2026-01-14'));
  const file = await server.request('digestLens/facts', { scope: { kind: 'file', uri: uriOf(join(ws, 'a.digest')) } });
  assert.ok(file.rows.every((r: any) => r.uri === uriOf(join(ws, 'a.digest'))));
});

test('the dossier of a company: capex by date with a total and the notes that disagree', async () => {
  const d = await server.request('digestLens/dossier', { entityId: 'tencent' });
  assert.equal(d.entity.name, 'Tencent');
  const capex = d.groups.find((g: any) => g.metric === 'capex');
  assert.deepEqual(capex.facts.map((f: any) => [f.text, f.date, f.role]), [['800亿元', '2025-11-02', 'subject'], ['900亿元', '2026-01-14', 'subject']]);
  assert.equal(capex.total.count, 1);
  assert.equal(d.conflicts.length, 1);
  assert.deepEqual([d.conflicts[0].a.text, d.conflicts[0].b.text, d.conflicts[0].period], ['800亿元', '900亿元', '2025']);
  const ampere = await server.request('digestLens/dossier', { entityId: 'ampere-computing' });
  assert.equal(ampere.groups[0].facts[0].role, 'counterparty');
  const none = await server.request('digestLens/dossier', { entityId: 'no-such-entity' });
  assert.equal(none.entity, null);
});

test('entity search in any script: 騰訊, 腾讯, tencent and 0700 all find Tencent', async () => {
  for (const query of ['騰訊', '腾讯', 'tencent', '0700']) {
    const res = await server.request('digestLens/searchEntities', { query });
    assert.equal(res.entities[0]?.id, 'tencent', query);
  }
  const res = await server.request('digestLens/searchEntities', { query: '騰訊' });
  assert.match(res.entities[0].matched, /騰訊/);
});

test('a later note giving another value for the same subject, metric and period gets an information diagnostic', async () => {
  const uri = uriOf(join(ws, 'b.digest'));
  server.open(uri, B);
  const diags = await server.diagnostics(uri, (d) => d.some((x: any) => x.code === 'inconsistent-fact'));
  const d = diags.find((x: any) => x.code === 'inconsistent-fact');
  assert.equal(d.severity, 3);
  assert.match(d.message, /^Tencent capex 2025: 900亿元 \(2026-01-14\) here, but 800亿元 \(2025-11-02\) in a\.digest$/);
  assert.equal(d.relatedInformation[0].location.uri, uriOf(join(ws, 'a.digest')));
  // The earlier note says nothing; agreeing once edited, the diagnostic goes.
  const a = uriOf(join(ws, 'a.digest'));
  server.open(a, A);
  const earlier = await server.diagnostics(a);
  assert.ok(!earlier.some((x: any) => x.code === 'inconsistent-fact'));
  server.change(uri, B.replace('900亿元', '800亿元'));
  await server.diagnostics(uri, (ds) => !ds.some((x: any) => x.code === 'inconsistent-fact'));
});
