/**
 * The fact fields of a figure (subject, counterparty, source, metric, period, fact) survive
 * every hop: packing, remapping into another string table, the index cache file, and the
 * CLI's records, CSV rows and table (the built CLI's output: test/integration/facts-cli.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse } from '../../server/src/analysis/analyse';
import type { DocumentAnalysis, Figure } from '../../server/src/analysis/types';
import { lineStarts } from '../../server/src/analysis/text';
import { loadCache, saveCache } from '../../server/src/index/cache';
import { pack, remap, StringTable, unpack, PackedView } from '../../server/src/index/packed';
import { fileRecord } from '../../server/src/cli/report';
import { csvRows, CSV_HEADER } from '../../server/src/cli/csv';
import { renderFileTable } from '../../server/src/cli/table';

const REPO = join(__dirname, '..', '..');

const TEXT = '2025-10-30\n腾讯2025年资本开支为800亿元(约112亿美元)。软银向Ampere投资65亿美元。东吴证券预计市场规模达1万亿元。\n';

/** An analysis whose figures carry every kind of fact field, whatever the engine says today. */
function withFacts(): DocumentAnalysis {
  const a = analyse(TEXT);
  assert.ok(a.figures.length >= 3, JSON.stringify(a.figures.map((f) => f.text)));
  const [capex, usd, deal] = a.figures;
  const at = (s: string) => TEXT.indexOf(s);
  capex.subject = { id: 'tencent', name: 'Tencent', offset: at('腾讯'), length: 2 };
  capex.metric = 'capex';
  capex.period = '2025';
  capex.fact = 0;
  Object.assign(usd, { subject: capex.subject, metric: 'capex', period: '2025', fact: 0 } satisfies Partial<Figure>);
  Object.assign(deal, {
    subject: { id: 'softbank', name: 'SoftBank', offset: at('软银'), length: 2 },
    counterparty: { id: 'ampere', name: 'Ampere', offset: at('Ampere'), length: 6 },
    metric: 'investment',
    period: null,
    fact: 2,
  } satisfies Partial<Figure>);
  const last = a.figures[a.figures.length - 1];
  if (last !== deal) Object.assign(last, { subject: null, counterparty: null, source: { id: 'soochow-securities', name: '东吴证券', offset: at('东吴证券'), length: 4 }, metric: 'market-size', period: null, fact: a.figures.length - 1 });
  return a;
}

test('packing keeps subject, counterparty, source, metric, period and fact', () => {
  const a = withFacts();
  const table = new StringTable();
  const p = pack(a, table, TEXT);
  assert.deepStrictEqual(unpack(p, table), a);
  assert.deepStrictEqual(new PackedView(p, table).figures, a.figures);
  // Every figure of the engine's own output has the fields, and they round-trip too.
  const b = analyse(TEXT);
  for (const f of b.figures) {
    assert.ok('subject' in f && 'metric' in f && 'fact' in f, JSON.stringify(f));
    assert.ok(Number.isInteger(f.fact) && f.fact! >= 0 && f.fact! < b.figures.length);
  }
  assert.deepStrictEqual(unpack(pack(b, table, TEXT), table), b);
});

test('figures without the fact fields stay without them', () => {
  const a = analyse(TEXT);
  for (const f of a.figures) {
    delete f.subject;
    delete f.counterparty;
    delete f.source;
    delete f.metric;
    delete f.period;
    delete f.fact;
  }
  const table = new StringTable();
  assert.deepStrictEqual(unpack(pack(a, table), table), a);
});

test('the fact fields are remapped into another string table (worker → server, cache → index)', () => {
  const a = withFacts();
  const worker = new StringTable();
  const p = pack(a, worker, TEXT);
  const server = new StringTable();
  server.string('something else first');
  server.string('capex-not-a-metric');
  const maps = server.adopt(worker.strings, worker.entities);
  remap(p, maps);
  assert.deepStrictEqual(unpack(p, server), a);
});

test('the index cache stores the fact fields', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'digest-lens-facts-cache-'));
  try {
    const a = withFacts();
    const table = new StringTable();
    const file = join(dir, 'index.bin');
    await saveCache(file, dir, 'v', table, [{ uri: 'file:///ws/a.digest', stamp: { size: Buffer.byteLength(TEXT), mtimeMs: 2 }, packed: pack(a, table, TEXT), lineStarts: Int32Array.from(lineStarts(TEXT)), textLength: TEXT.length }]);
    const { cache, reason } = await loadCache(file, 'v');
    assert.ok(cache, reason);
    const fresh = new StringTable();
    const entry = cache.entries.get('file:///ws/a.digest')!;
    remap(entry.packed, fresh.adopt(cache.strings, cache.entities));
    assert.deepStrictEqual(unpack(entry.packed, fresh), a);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the CLI record of a figure has its fact fields; CSV and table show them', () => {
  const a = withFacts();
  const record = fileRecord('a.digest', TEXT, a, 'USD');
  const [capex, usd, deal] = record.figures;
  assert.deepEqual(capex.subject, { id: 'tencent', name: 'Tencent', offset: TEXT.indexOf('腾讯'), length: 2 });
  assert.equal(capex.metric, 'capex');
  assert.equal(capex.period, '2025');
  assert.equal(capex.fact, 0);
  assert.equal(usd.fact, 0);
  assert.equal(deal.counterparty!.id, 'ampere');
  assert.equal(deal.source, null);
  // CSV: the header grows at the end; every row has as many cells as the header.
  assert.deepEqual(CSV_HEADER.slice(-9), ['subject_id', 'subject_name', 'counterparty_id', 'counterparty_name', 'source_id', 'source_name', 'metric', 'period', 'fact']);
  const rows = csvRows(record);
  const cells = (row: string) => row.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.length - (row.endsWith(',') ? 0 : 1);
  for (const row of rows) assert.equal(cells(row), CSV_HEADER.length, row);
  assert.ok(rows[0].endsWith(',tencent,Tencent,,,,,capex,2025,0'), rows[0]);
  assert.ok(rows[2].includes(',softbank,SoftBank,ampere,Ampere,,,investment,,2'), rows[2]);
  const table = renderFileTable(record, 'USD');
  for (const col of ['subject', 'metric', 'period', 'source', 'fact']) assert.ok(table.includes(col), col);
  assert.ok(table.includes('SoftBank → Ampere'), table);
  assert.ok(/= 2:1/.test(table), table);
});
