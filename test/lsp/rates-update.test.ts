/**
 * Issue 15 over the protocol: the server installs the store of downloaded rates it finds in
 * initializationOptions.ratesDir (a hover says "downloaded … of <day>"), `digestLens/updateRates`
 * fetches from the (here local) sources, stores, installs and the hover changes; with
 * digestLens.rates.autoUpdate off (the default) the server fetches nothing, turned on it
 * fetches once. The sources are a node:http server of this test on 127.0.0.1 serving the
 * recorded files of test/fixtures/rates/.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeWorkspace, startServer, uriOf, type TestServer } from './harness';
import { mergeStore, writeStore } from '../../server/src/fx/update/store';
import { dayNumber } from '../../server/src/fx/dailyHistory';

const FIXTURES = join(__dirname, '..', 'fixtures', 'rates');
let http: Server;
const served: string[] = [];
let files = { ecb: 'eurofxref-daily.xml', fed: 'fed-h10.csv' };

before(async () => {
  http = createServer((req, res) => {
    served.push(req.url ?? '');
    const file = req.url === '/ecb' ? files.ecb : req.url === '/fed' ? files.fed : null;
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200).end(readFileSync(join(FIXTURES, file)));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  // The spawned servers inherit the environment: the sources are this test's.
  process.env.DIGEST_LENS_RATES_ECB_URL = `${base}/ecb`;
  process.env.DIGEST_LENS_RATES_FED_URL = `${base}/fed`;
});

after(() => {
  delete process.env.DIGEST_LENS_RATES_ECB_URL;
  delete process.env.DIGEST_LENS_RATES_FED_URL;
  http.closeAllConnections();
  http.close();
});

const NOTE = 'Date: 2026-12-03\n\nRevenue was ¥70 billion in the quarter.\n';

/** A workspace with the note, and a rates folder outside it (as the global storage is). */
function setup(): { ws: string; ratesDir: string; uri: string } {
  const ws = mkdtempSync(join(tmpdir(), 'digest-lens-ws-'));
  writeFileSync(join(ws, 'note.digest'), NOTE);
  const ratesDir = join(mkdtempSync(join(tmpdir(), 'digest-lens-global-')), 'rates');
  mkdirSync(ratesDir);
  return { ws, ratesDir, uri: uriOf(join(ws, 'note.digest')) };
}

async function hover(server: TestServer, uri: string): Promise<string> {
  const h = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: NOTE.split('\n')[2].indexOf('¥') + 1 } });
  assert.ok(h, 'no hover on the amount');
  return h.contents.value as string;
}

test('a store in ratesDir is installed at start: the hover says downloaded, of which day', async () => {
  const { ws, ratesDir, uri } = setup();
  const day = dayNumber('2026-12-02')!;
  writeStore(ratesDir, mergeStore(null, [{ source: 'ecb', url: 'recorded', rows: [{ currency: 'CNY', day, perUsd: 7.25 }] }], new Date()));
  const server = await startServer({ folder: ws, initializationOptions: { ratesDir } });
  try {
    server.open(uri, NOTE);
    const text = await hover(server, uri);
    assert.match(text, /downloaded ECB reference rate of 2026-12-02, the nearest earlier day/);
    assert.match(text, /7\.25/);
    assert.deepEqual(served, [], 'autoUpdate is off: nothing was fetched');
  } finally {
    await server.stop();
    removeWorkspace(ws);
  }
});

test('digestLens/updateRates fetches, stores in ratesDir, installs: the hover changes; autoUpdate off fetches nothing by itself', async () => {
  const { ws, ratesDir, uri } = setup();
  served.length = 0;
  files = { ecb: 'eurofxref-daily.xml', fed: 'fed-h10.csv' };
  const server = await startServer({ folder: ws, initializationOptions: { ratesDir } });
  try {
    server.open(uri, NOTE);
    const before = await hover(server, uri);
    assert.doesNotMatch(before, /downloaded/);
    assert.deepEqual(served, [], 'no fetch before the request');
    const result = await server.request('digestLens/updateRates', {});
    assert.equal(result.updated, true, result.message);
    assert.match(result.message, /Exchange rates updated \(ECB up to 2026-12-03; Federal Reserve H\.10 up to 2026-11-30\)/);
    assert.equal(result.newestDay, '2026-12-03');
    assert.ok(existsSync(join(ratesDir, 'rates-store.json')), 'stored in ratesDir');
    assert.ok(!existsSync(join(ws, 'rates-store.json')), 'nothing in the workspace');
    const after = await hover(server, uri);
    assert.match(after, /downloaded ECB reference rate of 2026-12-03/);
    // A broken source: the old rates stay, the answer says why.
    files = { ecb: 'ecb-truncated.xml', fed: 'ecb-error-page.html' };
    const failed = await server.request('digestLens/updateRates', {});
    assert.equal(failed.updated, false);
    assert.match(failed.message, /ECB failed: the file is cut short.*The rates you had are kept/);
    assert.match(await hover(server, uri), /downloaded ECB reference rate of 2026-12-03/);
    const state = await server.request('digestLens/ratesState', { uri });
    assert.deepEqual(state, { noteDate: '2026-12-03', newestDay: '2026-12-03', canUpdate: true });
  } finally {
    await server.stop();
    removeWorkspace(ws);
  }
});

test('digestLens.rates.autoUpdate on: the server fetches once by itself; without ratesDir the request says it cannot', async () => {
  const { ws, ratesDir, uri } = setup();
  served.length = 0;
  files = { ecb: 'eurofxref-daily.xml', fed: 'fed-h10.csv' };
  const server = await startServer({ folder: ws, initializationOptions: { ratesDir }, settings: { rates: { autoUpdate: true } } });
  try {
    server.open(uri, NOTE);
    const deadline = Date.now() + 15000;
    while (!existsSync(join(ratesDir, 'rates-store.json')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.ok(existsSync(join(ratesDir, 'rates-store.json')), 'the background update stored the rates');
    assert.deepEqual([...served].sort(), ['/ecb', '/fed']);
  } finally {
    await server.stop();
  }
  const bare = await startServer({ folder: ws });
  try {
    const r = await bare.request('digestLens/updateRates', {});
    assert.equal(r.updated, false);
    assert.match(r.message, /no storage folder/);
    assert.equal((await bare.request('digestLens/ratesState', { uri })).canUpdate, false);
  } finally {
    await bare.stop();
    removeWorkspace(ws);
  }
});
