/**
 * Issue 15: `digest-lens rates update` against a local HTTP server on 127.0.0.1 (in this
 * test, on a random port) serving recorded copies of the ECB's and the Fed's file formats
 * (test/fixtures/rates/, made-up values). Success writes the store and a scan converts with
 * it (kind downloaded); a broken file, a server that never answers and a 500 leave the store
 * as it was, byte for byte, exit 1 and say which source failed and why; one source failing
 * keeps the other's rates.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../helpers/isolatedRatesStore';
import { dayName } from '../../server/src/fx/dailyHistory';

const REPO = join(__dirname, '..', '..');
const CLI = join(REPO, 'dist', 'cli.js');
const FIXTURES = join(REPO, 'test', 'fixtures', 'rates');

/** What the server answers for a path: a fixture, a status, or nothing at all. */
type Answer = { file: string } | { status: number } | 'hang';
const routes = new Map<string, Answer>();
const hanging: ServerResponse[] = [];
let server: Server;
let base = '';

before(async () => {
  server = createServer((req, res) => {
    const answer = routes.get(req.url ?? '') ?? { status: 404 };
    if (answer === 'hang') return void hanging.push(res);
    if ('status' in answer) {
      res.writeHead(answer.status, { 'content-type': 'text/plain' });
      return void res.end('server error');
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(readFileSync(join(FIXTURES, answer.file)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  for (const res of hanging) res.destroy();
  server.closeAllConnections();
  server.close();
});

/** Runs the CLI without blocking this process (its HTTP server must answer meanwhile). */
function cli(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function update(store: string, ecb: string, fed: string, env: Record<string, string> = {}) {
  routes.set('/ecb', { file: ecb });
  routes.set('/fed', { file: fed });
  return cli(['rates', 'update', '--rates-store', store, '--ecb-url', `${base}/ecb`, '--fed-url', `${base}/fed`], env);
}

const storeFile = (dir: string) => join(dir, 'rates-store.json');

/** A store filled by one successful update. */
async function filledStore(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'digest-lens-rates-'));
  const r = await update(dir, 'eurofxref-hist-90d.xml', 'fed-h10.csv');
  assert.equal(r.status, 0, r.stderr);
  return dir;
}

/** The figure's conversion in a scan of a note dated `date` mentioning `amount`. */
async function scanBase(store: string, date: string, amount: string) {
  const dir = mkdtempSync(join(tmpdir(), 'digest-lens-note-'));
  const note = join(dir, 'note.digest');
  writeFileSync(note, `Date: ${date}\n\nRevenue was ${amount} in the quarter.\n`);
  const r = await cli(['scan', '--rates-store', store, note]);
  assert.equal(r.status, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  return json.files[0].figures[0].base;
}

test('rates update: both sources stored; status lists them; a scan converts with the downloaded day', async () => {
  const dir = await filledStore();
  const store = JSON.parse(readFileSync(storeFile(dir), 'utf8'));
  assert.deepEqual(Object.keys(store.rates).sort(), ['ecb', 'fed']);
  assert.deepEqual(store.rates.ecb.CNY.days.map(dayName), ['2026-11-30', '2026-12-01', '2026-12-02']);
  assert.deepEqual(store.rates.ecb.CNY.values, [7, 7, 7]);
  assert.equal(store.rates.fed.TWD.values.at(-1), 32.5);
  const status = await cli(['rates', 'status', '--rates-store', dir]);
  assert.equal(status.status, 0);
  assert.match(status.stdout, /ECB reference rate: newest day 2026-12-02/);
  assert.match(status.stdout, /Federal Reserve H\.10 noon buying rate: newest day 2026-11-30/);
  // A later update with the one-day file adds its day and keeps the others.
  const again = await update(dir, 'eurofxref-daily.xml', 'fed-h10.csv');
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /ECB up to 2026-12-03/);
  const merged = JSON.parse(readFileSync(storeFile(dir), 'utf8'));
  assert.deepEqual(merged.rates.ecb.CNY.days.map(dayName), ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03']);

  const cny = await scanBase(dir, '2026-12-01', '¥70 billion');
  assert.equal(cny.rateKind, 'downloaded');
  assert.equal(cny.rateDate, '2026-12-01');
  assert.equal(cny.value, 10e9);
  // TWD is not an ECB currency: the Fed's H.10 gives it.
  const twd = await scanBase(dir, '2026-11-30', 'NT$325 billion');
  assert.equal(twd.rateKind, 'downloaded');
  assert.equal(twd.value, 10e9);
});

test('rates update: a broken file (truncated XML, an HTML page with 200) keeps the old store byte for byte', async () => {
  const dir = await filledStore();
  const before = readFileSync(storeFile(dir));
  const r = await update(dir, 'ecb-truncated.xml', 'ecb-error-page.html');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /ECB failed: the file is cut short/);
  assert.match(r.stderr, /Federal Reserve H\.10 failed: the server sent a web page, not the rates file/);
  assert.match(r.stderr, /The rates you had are kept/);
  assert.deepEqual(readFileSync(storeFile(dir)), before);
});

test('rates update: a server that never answers times out, the store is kept', async () => {
  const dir = await filledStore();
  const before = readFileSync(storeFile(dir));
  routes.set('/ecb', 'hang');
  routes.set('/fed', 'hang');
  const r = await cli(['rates', 'update', '--rates-store', dir, '--ecb-url', `${base}/ecb`, '--fed-url', `${base}/fed`], { DIGEST_LENS_RATES_TIMEOUT_MS: '300' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /ECB failed: no answer within 0\.3 s/);
  assert.match(r.stderr, /Federal Reserve H\.10 failed: no answer within/);
  assert.deepEqual(readFileSync(storeFile(dir)), before);
});

test('rates update: HTTP 500 from both keeps the store; from one, the other is still stored', async () => {
  const dir = await filledStore();
  const before = readFileSync(storeFile(dir));
  routes.set('/ecb', { status: 500 });
  routes.set('/fed', { status: 500 });
  const r = await cli(['rates', 'update', '--rates-store', dir, '--ecb-url', `${base}/ecb`, '--fed-url', `${base}/fed`]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /ECB failed: the server answered HTTP 500/);
  assert.deepEqual(readFileSync(storeFile(dir)), before);

  routes.set('/ecb', { file: 'eurofxref-daily.xml' });
  const partial = await cli(['rates', 'update', '--rates-store', dir, '--ecb-url', `${base}/ecb`, '--fed-url', `${base}/fed`]);
  assert.equal(partial.status, 0, partial.stderr);
  assert.match(partial.stdout, /ECB up to 2026-12-03; Federal Reserve H\.10 failed: the server answered HTTP 500/);
  const store = JSON.parse(readFileSync(storeFile(dir), 'utf8'));
  assert.equal(store.rates.fed.TWD.values.at(-1), 32.5, "the Fed's old rates are kept");
});

test('rates update with nothing stored and every source failing writes no store', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'digest-lens-rates-'));
  const r = await update(dir, 'fed-no-units.csv', 'eurofxref-daily.xml');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /ECB failed: not an XML file/);
  assert.match(r.stderr, /Federal Reserve H\.10 failed: not the H\.10 CSV/);
  assert.equal(existsSync(storeFile(dir)), false);
});

test('a corrupt store is ignored with a message; the scan still runs on the built-in rates', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'digest-lens-rates-'));
  writeFileSync(storeFile(dir), '{"kind": "digest-lens downloaded rates", "version": 1, "rates": ');
  const note = join(dir, 'note.digest');
  writeFileSync(note, 'Date: 2024-03-15\n\nRevenue was ¥70 billion.\n');
  const r = await cli(['scan', '--rates-store', dir, note]);
  assert.equal(r.status, 0);
  assert.match(r.stderr, /rates-store\.json is not JSON/);
  assert.equal(JSON.parse(r.stdout).files[0].figures[0].base.rateKind, 'daily');
});

test('rates: bad usage exits 2', async () => {
  assert.equal((await cli(['rates', 'fetch'])).status, 2);
  assert.equal((await cli(['rates', 'update', '--bogus'])).status, 2);
  const help = await cli(['rates', '--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /rates update\|status/);
});
