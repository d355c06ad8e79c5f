/**
 * The CLI's output writers: OutputBuffer writes exactly the UTF-8 of what it is given
 * (small writes gathered, a write larger than its buffer passed straight through, CJK,
 * emoji and a lone surrogate), and the json document written one record at a time
 * (report.ts: opening, entries, closing) is JSON.stringify({version: 1, files}, null, 2),
 * though each record is itself written item by item; a jsonl line is JSON.stringify of the
 * record; the UTF-8 chunks a waiting batch keeps (encodedBatch.ts) hold every byte in order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutputBuffer } from '../../server/src/cli/output';
import { JSON_OPENING, jsonClosing, jsonFileEntry, jsonLine, type FileRecord } from '../../server/src/cli/report';
import { bytesBetween, Utf8Chunks } from '../../server/src/cli/encodedBatch';

function written(writes: string[]): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'cli-output-'));
  try {
    const fd = openSync(join(dir, 'out'), 'w');
    const out = new OutputBuffer(fd);
    for (const w of writes) out.write(w);
    out.flush();
    closeSync(fd);
    return readFileSync(join(dir, 'out'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('OutputBuffer writes the UTF-8 of every write, in order, across flushes and oversized writes', () => {
  const writes = ['abc', '腾讯 營收 1,600 亿人民币\n', '😀', 'lone \ud800 surrogate', 'x'.repeat(400_000), '中'.repeat(500_000), 'end\n'];
  for (let i = 0; i < 50; i++) writes.push(`line ${i} 阿里巴巴\n`);
  assert.deepEqual(written(writes), Buffer.from(writes.join(''), 'utf8'));
  assert.equal(written([]).length, 0);
});

const record = (path: string, extra: Partial<FileRecord> = {}): FileRecord => ({
  path,
  date: '2025-10-17',
  figures: [
    {
      text: '1,600 亿"元"',
      offset: 3,
      length: 9,
      line: 0,
      character: 3,
      currency: 'CNY',
      value: 160_000_000_000,
      min: null,
      max: null,
      approximate: true,
      per: null,
      qualifier: '约',
      base: { currency: 'USD', value: 22_000_000_000, rate: 0.1375, rateDate: '2025-10', rateKind: 'monthly' },
      subject: { id: 'tencent', name: 'Tencent {x}, [y]: z', offset: 0, length: 2 },
      counterparty: null,
      source: null,
      metric: 'revenue',
      period: '2025Q3',
      fact: 0,
    },
  ],
  entities: [],
  themes: [{ id: 'ai', label: 'AI\\chips', mentions: 2 }],
  ...extra,
});

/** A record with several items in every array (the items are written one at a time). */
function fullRecord(path: string): FileRecord {
  const r = record(path);
  const f = r.figures[0];
  return {
    ...r,
    figures: [f, { ...f, text: 'HK$4.19B', currency: 'HKD', min: 1, max: 2, qualifier: null, base: null, subject: null, counterparty: { ...f.subject! }, fact: 0 }, { ...f, per: 'share', period: null }],
    entities: [
      { text: '腾讯', offset: 0, length: 2, line: 0, character: 0, id: 'tencent', name: 'Tencent', kind: 'company', ticker: null },
      { text: '騰訊\t"x"', offset: 9, length: 6, line: 1, character: 2, id: 'tencent', name: 'Tencent', kind: 'company', ticker: '0700.HK' },
    ],
    themes: [r.themes[0], { id: 'games', label: '游戏', mentions: 1 }],
  };
}

test('the json document written record by record is the pretty-printed whole', () => {
  for (const files of [[], [record('a.md')], [record('a.md'), record('b\n.md', { date: null, figures: [] }), record('c.md')], [fullRecord('d.md'), record('e.md', { entities: fullRecord('e').entities, themes: [] })]]) {
    let text = JSON_OPENING;
    files.forEach((f, i) => (text += jsonFileEntry(f, i === 0)));
    text += jsonClosing(files.length > 0);
    assert.equal(text, JSON.stringify({ version: 1, files }, null, 2) + '\n');
  }
});

test('a jsonl line is the compact record and one line break', () => {
  for (const r of [record('a.md'), record('b.md', { figures: [], themes: [] }), fullRecord('c\n.md')]) {
    assert.equal(jsonLine(r), JSON.stringify(r) + '\n');
    assert.equal(jsonLine(r).indexOf('\n'), jsonLine(r).length - 1);
  }
});

test('UTF-8 chunks keep every write in order, and any byte range of them reads back', () => {
  const writes = ['abc', '腾讯 營收\n', '😀', 'lone \ud800 surrogate', 'x'.repeat(300_000), '中'.repeat(100_000), ''];
  for (let i = 0; i < 3000; i++) writes.push(`line ${i} 阿里巴巴\n`);
  const chunks = new Utf8Chunks();
  for (const w of writes) chunks.write(w);
  chunks.seal();
  const whole = Buffer.from(writes.join(''), 'utf8');
  assert.equal(chunks.size, whole.length);
  assert.ok(chunks.chunks.length > 2, 'several chunks');
  assert.deepEqual(Buffer.concat(chunks.chunks), whole);
  for (const [a, b] of [[0, whole.length], [0, 0], [5, 17], [299_990, 700_000], [whole.length - 3, whole.length]]) {
    assert.deepEqual(Buffer.concat(bytesBetween(chunks.chunks, a, b)), whole.subarray(a, b), `${a}..${b}`);
  }
});
