/**
 * The CLI's output writers: OutputBuffer writes exactly the UTF-8 of what it is given
 * (small writes gathered, a write larger than its buffer passed straight through, CJK,
 * emoji and a lone surrogate), and the json document written one record at a time
 * (report.ts: opening, entries, closing) is JSON.stringify({version: 1, files}, null, 2).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutputBuffer } from '../../server/src/cli/output';
import { JSON_OPENING, jsonClosing, jsonFileEntry, jsonLine, type FileRecord } from '../../server/src/cli/report';

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

test('the json document written record by record is the pretty-printed whole', () => {
  for (const files of [[], [record('a.md')], [record('a.md'), record('b\n.md', { date: null, figures: [] }), record('c.md')]]) {
    let text = JSON_OPENING;
    files.forEach((f, i) => (text += jsonFileEntry(f, i === 0)));
    text += jsonClosing(files.length > 0);
    assert.equal(text, JSON.stringify({ version: 1, files }, null, 2) + '\n');
  }
});

test('a jsonl line is the compact record and one line break', () => {
  const r = record('a.md');
  assert.equal(jsonLine(r), JSON.stringify(r) + '\n');
  assert.equal(jsonLine(r).indexOf('\n'), jsonLine(r).length - 1);
});
