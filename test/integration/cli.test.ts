/**
 * The command line: the binding JSON contract (ARCHITECTURE.md, "Invariants"; the fields are listed in the README), the other formats, and the
 * exit codes. Runs the real bundle (dist/cli.js, built by `npm test`) as a user would.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../helpers/isolatedRatesStore';

const repo = join(__dirname, '..', '..');
const cli = join(repo, 'dist', 'cli.js');
const ws = join(repo, 'test', 'fixtures', 'workspace');
const simplified = join(ws, 'simplified.digest.md');
const traditional = join(ws, 'traditional.digest.txt');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('json: one object with version 1 and one record per file, in the contract shape', () => {
  const r = run('scan', '--format', 'json', simplified, traditional);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.version, 1);
  assert.deepEqual(out.files.map((f: any) => f.path), [simplified, traditional]);
  const f = out.files[0];
  assert.equal(f.date, '2026-01-14');
  assert.deepEqual(Object.keys(f), ['path', 'date', 'figures', 'entities', 'themes']);
  for (const key of ['text', 'offset', 'length', 'line', 'character', 'currency', 'value', 'min', 'max', 'approximate', 'per', 'base']) {
    assert.ok(key in f.figures[0], `figure has ${key}`);
  }
  for (const key of ['text', 'offset', 'length', 'line', 'character', 'id', 'name', 'kind', 'ticker']) {
    assert.ok(key in f.entities[0], `entity has ${key}`);
  }
  assert.deepEqual(Object.keys(f.themes[0]), ['id', 'label', 'mentions']);
});

test('json: offsets, lengths, lines and characters point at the text, in UTF-16 code units', () => {
  const r = run('scan', traditional);
  const text = readFileSync(traditional, 'utf8');
  const lines = text.split('\n');
  const file = JSON.parse(r.stdout).files[0];
  for (const item of [...file.figures, ...file.entities]) {
    assert.equal(text.substr(item.offset, item.length), item.text);
    assert.equal(lines[item.line].substr(item.character, item.length), item.text);
  }
});

test('json: base values convert at the digest date, with the rate and its month', () => {
  const file = JSON.parse(run('scan', simplified).stdout).files[0];
  const cny = file.figures.find((f: any) => f.text === '1,600 亿人民币');
  assert.equal(cny.currency, 'CNY');
  assert.equal(cny.value, 160e9);
  assert.equal(cny.base.currency, 'USD');
  assert.equal(cny.base.rateDate, '2026-01-14', "the ECB rate of the note's own day");
  assert.equal(cny.base.rateKind, 'daily');
  assert.ok(cny.base.rate > 0.13 && cny.base.rate < 0.15, `CNY→USD rate ${cny.base.rate}`);
  assert.ok(Math.abs(cny.base.value / (cny.value * cny.base.rate) - 1) < 1e-6, 'value × rate');
  const usd = file.figures.find((f: any) => f.currency === 'USD');
  assert.equal(usd.base.rate, 1);
  assert.equal(usd.base.value, usd.value);
});

test('--base converts into another currency', () => {
  const file = JSON.parse(run('scan', '--base', 'cny', simplified).stdout).files[0];
  const usd = file.figures.find((f: any) => f.text === '85 亿美元');
  assert.equal(usd.base.currency, 'CNY');
  assert.ok(usd.base.value > 8.5e9 * 6.5 && usd.base.value < 8.5e9 * 7.5);
});

test('the same company in three scripts gets one id', () => {
  const out = JSON.parse(run('scan', ...['simplified.digest.md', 'traditional.digest.txt', 'english.digest'].map((f) => join(ws, f))).stdout);
  const tencent = out.files.map((f: any) => f.entities.filter((e: any) => e.id === 'tencent').map((e: any) => e.text));
  assert.deepEqual(tencent.map((texts: string[]) => [...new Set(texts)]), [['腾讯'], ['騰訊控股'], ['Tencent']]);
  assert.equal(out.files[1].entities.find((e: any) => e.id === 'tencent').ticker, '0700.HK');
});

test('jsonl: one JSON object per file, one per line', () => {
  const r = run('scan', '--format', 'jsonl', simplified, traditional);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 2);
  assert.deepEqual(lines.map((l) => JSON.parse(l).path), [simplified, traditional]);
});

test('csv: a header and one row per figure, entity and theme', () => {
  const r = run('scan', '--format', 'csv', simplified);
  const json = JSON.parse(run('scan', simplified).stdout).files[0];
  const rows = r.stdout.trim().split('\n');
  assert.match(rows[0], /^path,type,text,offset/);
  const types = rows.slice(1).map((row) => row.split(',')[1]);
  assert.equal(types.filter((t) => t === 'figure').length, json.figures.length);
  assert.equal(types.filter((t) => t === 'entity').length, json.entities.length);
  assert.equal(types.filter((t) => t === 'theme').length, json.themes.length);
  assert.ok(rows.some((row) => row.includes('"1,600 亿人民币"')), 'a comma in a field is quoted');
});

test('table: figures with their USD value, then entities with counts, then themes', () => {
  const r = run('scan', '--format', 'table', simplified);
  assert.equal(r.status, 0);
  const figuresAt = r.stdout.indexOf('1,600 亿人民币');
  const entitiesAt = r.stdout.indexOf('\nentity ');
  const themesAt = r.stdout.indexOf('\ntheme ');
  assert.ok(figuresAt > 0 && entitiesAt > figuresAt && themesAt > entitiesAt);
  assert.match(r.stdout, /US\$2[23]\.\d billion/);
});

test('bad usage exits 2 with a message', () => {
  for (const args of [[], ['scan'], ['scan', '--format', 'xml', simplified], ['scan', '--base', 'XYZ', simplified], ['scan', '--bogus', simplified], ['frobnicate']]) {
    const r = run(...args);
    if (args.length === 0) continue; // plain `digest-lens` prints help
    assert.equal(r.status, 2, `exit status for ${args.join(' ')}`);
    assert.match(r.stderr, /digest-lens: /);
  }
  assert.equal(run().status, 0);
});

test('an unreadable, binary or over-size file exits 1, and the other files are still reported', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dl-cli-'));
  const binary = join(dir, 'image.digest');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
  const r = run('scan', join(dir, 'missing.digest'), binary, simplified);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /missing\.digest/);
  assert.match(r.stderr, /binary/);
  assert.deepEqual(JSON.parse(r.stdout).files.map((f: any) => f.path), [simplified]);
  const big = run('scan', '--max-bytes', '100', simplified);
  assert.equal(big.status, 1);
  assert.match(big.stderr, /size cap/);
});

test('a malformed entity file is reported with line and column, and built-in data still works', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dl-cli-'));
  const bad = join(dir, 'entities.json');
  writeFileSync(bad, '[\n  {"name": "远澜算力"},\n  {"name": 42}\n]\n');
  const r = run('scan', '--entities', bad, simplified);
  assert.equal(r.status, 0);
  assert.match(r.stderr, /entities\.json:3:\d+: /);
  const ids = JSON.parse(r.stdout).files[0].entities.map((e: any) => e.id);
  assert.ok(ids.includes('tencent'));
  assert.ok(ids.some((id: string) => id.startsWith('user:')), 'the valid user entry is matched');
});

test('a directory is scanned recursively for digest files', () => {
  const out = JSON.parse(run('scan', ws).stdout);
  assert.deepEqual(out.files.map((f: any) => f.path.slice(ws.length + 1)).sort(), ['english.digest', 'simplified.digest.md', 'traditional.digest.txt']);
});
