/**
 * Dense notes through the CLI (issue 16): every format is written item by item as it is
 * rendered (report.ts, csv.ts, table.ts, scanFile.ts), and a batch waiting its turn keeps
 * UTF-8 chunks (encodedBatch.ts). What is written must still be everything, exactly: a note
 * of 10,000 sentences naming 腾讯 twice each has 20,000 mentions in json, jsonl, csv and
 * table alike, a note of 10,000 "HK$4.19B / $538M " 20,000 figures; the json document is
 * byte for byte JSON.stringify of itself re-read with a two-space indent; and a scan shared
 * with a worker thread writes the same bytes. Runs the real bundle (dist/cli.js).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../helpers/isolatedRatesStore';

const repo = join(__dirname, '..', '..');
const cli = join(repo, 'dist', 'cli.js');
const REPEAT = 10_000;

let dir = '';
let company = '';
let money = '';

function scan(file: string, format: string, workers = 0): string {
  const r = spawnSync(process.execPath, [cli, 'scan', '--format', format, file], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, DIGEST_LENS_CLI_WORKERS: String(workers) },
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

interface Doc {
  files: { entities: { id: string; offset: number }[]; figures: { currency: string; value: number; offset: number }[] }[];
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-dense-'));
  company = join(dir, 'company.md');
  money = join(dir, 'money.md');
  writeFileSync(company, '腾讯投资了腾讯音乐。'.repeat(REPEAT));
  writeFileSync(money, 'HK$4.19B / $538M '.repeat(REPEAT));
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('a note naming 腾讯 20,000 times: 20,000 mentions in every format', () => {
  const json = scan(company, 'json');
  assert.equal(json, JSON.stringify(JSON.parse(json), null, 2) + '\n', 'json is the pretty-printed document');
  const doc = JSON.parse(json) as Doc;
  const entities = doc.files[0].entities;
  assert.equal(entities.length, 2 * REPEAT);
  assert.equal(entities.filter((e) => e.id === 'tencent').length, REPEAT);
  assert.equal(entities.filter((e) => e.id === 'nyse-tme').length, REPEAT);
  assert.ok(entities.every((e, i) => e.offset === Math.floor(i / 2) * 10 + (i % 2) * 5), 'each mention where its sentence puts it');

  const lines = scan(company, 'jsonl').split('\n');
  assert.equal(lines.length, 2, 'one line and the final line break');
  assert.deepEqual(JSON.parse(lines[0]), doc.files[0]);

  const csv = scan(company, 'csv').trimEnd().split('\n');
  assert.equal(csv.filter((row) => row.split(',')[1] === 'entity').length, 2 * REPEAT);

  const table = scan(company, 'table');
  assert.match(table, new RegExp(`0 figures, ${2 * REPEAT} entity mentions\\)`));
  assert.match(table, new RegExp(`Tencent\\s+company\\s+${REPEAT}\\s`));
});

test('a note of 10,000 "HK$4.19B / $538M ": 20,000 figures in every format', () => {
  const json = scan(money, 'json');
  assert.equal(json, JSON.stringify(JSON.parse(json), null, 2) + '\n', 'json is the pretty-printed document');
  const figures = (JSON.parse(json) as Doc).files[0].figures;
  assert.equal(figures.length, 2 * REPEAT);
  assert.equal(figures.filter((f) => f.currency === 'HKD' && f.value === 4_190_000_000).length, REPEAT);
  assert.equal(figures.filter((f) => f.currency === 'USD' && f.value === 538_000_000).length, REPEAT);

  const csv = scan(money, 'csv').trimEnd().split('\n');
  assert.equal(csv.filter((row) => row.split(',')[1] === 'figure').length, 2 * REPEAT);
  // The table's rows: a header, a rule, then one row per figure before the blank line.
  const table = scan(money, 'table').split('\n');
  assert.match(table[0], new RegExp(`${2 * REPEAT} figures, 0 entity mentions\\)`));
  assert.equal(table.indexOf('', 2) - 4, 2 * REPEAT);
});

test('a dense note scanned with a worker thread: the same bytes in every format', () => {
  for (const format of ['json', 'jsonl', 'csv', 'table']) {
    for (const file of [company, money]) {
      assert.ok(scan(file, format, 1) === scan(file, format, 0), `${format}, ${file}`);
    }
  }
});
