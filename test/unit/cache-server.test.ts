/**
 * The language server (in process, on an in-memory folder) over a crafted index cache whose
 * checksum holds (issue 14): a cache with a broken layout is discarded with a log line and
 * the server answers as a cold one does; a cache with changed values that passes the
 * structure checks is served, and no request — the sidebar's entities, themes, mentions and
 * figures, the facts table, references and hovers at every mention — fails or throws.
 * The loader's own property test over random corruptions: cache-validation.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import * as zlib from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'vscode-languageserver/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { startServer } from '../../server/src/server';
import { MemoryDisk } from '../helpers/memoryDisk';
import { rng } from '../helpers/rng';

const ROOT = '/mem/ws';
const FOLDER = `file://${ROOT}`;
const WS = join(__dirname, '..', 'fixtures', 'workspace');
const NAMES = ['english.digest', 'simplified.digest.md', 'traditional.digest.txt'];

function disk(): MemoryDisk {
  const d = new MemoryDisk();
  for (const name of NAMES) d.write(`${ROOT}/${name}`, readFileSync(join(WS, name), 'utf8'));
  return d;
}

/**
 * Starts a server on `d` with the cache folder `cacheDir`, asks it everything a client
 * asks of an index, and shuts it down (which saves the cache). Returns the answers, the
 * request errors and the log lines.
 */
async function session(d: MemoryDisk, cacheDir: string): Promise<{ answers: unknown[]; errors: string[]; logs: string[] }> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), { disk: d, workerScript: null, cacheDir });
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const logs: string[] = [];
  client.onNotification((method: string, params: any) => {
    if (method === 'window/logMessage') logs.push(params.message);
  });
  client.onRequest('workspace/configuration', (p: any) => p.items.map(() => ({})));
  client.onRequest('client/registerCapability', () => null);
  client.onRequest('window/workDoneProgress/create', () => null);
  client.listen();
  const errors: string[] = [];
  const answers: unknown[] = [];
  const ask = async (method: string, params: unknown) => {
    try {
      answers.push(await client.sendRequest(method, params));
    } catch (e) {
      errors.push(`${method}: ${(e as Error).message}`);
    }
  };
  try {
    await client.sendRequest('initialize', { processId: null, rootUri: FOLDER, workspaceFolders: [{ uri: FOLDER, name: 'ws' }], capabilities: { workspace: { configuration: true } } });
    void client.sendNotification('initialized', {});
    await client.sendRequest('digestLens/status', null);
    await server.whenIdle();
    const workspace = { kind: 'workspace' };
    await ask('digestLens/entities', { scope: workspace });
    await ask('digestLens/themes', { scope: workspace });
    await ask('digestLens/figures', { scope: workspace });
    await ask('digestLens/facts', { scope: workspace });
    const entities = (answers[0] as any)?.entities ?? [];
    for (const e of entities) await ask('digestLens/mentions', { scope: workspace, entityId: e.id });
    for (const t of (answers[1] as any)?.themes ?? []) await ask('digestLens/mentions', { scope: workspace, themeId: t.id });
    // References and a hover at every mention the server lists (its ranges may be anything a cache said).
    const mentions = answers.flatMap((a: any) => a?.items ?? []);
    for (const m of mentions.slice(0, 60)) {
      const at = { textDocument: { uri: m.uri }, position: m.range.start };
      await ask('textDocument/references', { ...at, context: { includeDeclaration: true } });
      await ask('textDocument/hover', at);
    }
    for (const name of NAMES) await ask('textDocument/hover', { textDocument: { uri: `${FOLDER}/${name}` }, position: { line: 2, character: 3 } });
    await client.sendRequest('shutdown');
  } finally {
    server.dispose();
    client.dispose();
  }
  return { answers, errors, logs };
}

/** Takes a cache file apart, lets `change` alter its header and arrays, puts it together with a checksum that holds. */
function rewrite(file: string, change: (header: any, ints: Int32Array, lines: Int32Array, floats: Float64Array) => void): void {
  const buf = readFileSync(file);
  const kind = buf.readUInt32LE(12);
  const headerBytes = buf.readUInt32LE(8);
  const header = JSON.parse(buf.toString('utf8', 16, 16 + headerBytes));
  const total = (k: number) => header.docs.reduce((a: number, d: any[]) => a + d[k], 0);
  const at = (16 + headerBytes + 7) & ~7;
  const floats = new Float64Array(buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + total(5) * 8));
  const ints = new Int32Array(buf.buffer.slice(buf.byteOffset + at + total(5) * 8, buf.byteOffset + at + total(5) * 8 + total(4) * 4));
  const linesAt = at + total(5) * 8 + total(4) * 4;
  const lines = new Int32Array(buf.buffer.slice(buf.byteOffset + linesAt, buf.byteOffset + linesAt + total(6) * 4));
  change(header, ints, lines, floats);
  const text = Buffer.from(JSON.stringify(header));
  const prefix = Buffer.from(buf.subarray(0, 16));
  prefix.writeUInt32LE(text.length, 8);
  const pad = Buffer.alloc(((16 + text.length + 7) & ~7) - 16 - text.length);
  const view = (a: Int32Array | Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const body = Buffer.concat([prefix, text, pad, view(floats), view(ints), view(lines)]);
  const sum = kind === 1 ? Buffer.alloc(4) : createHash('sha1').update(body).digest();
  if (kind === 1) sum.writeUInt32LE((zlib as any).crc32(body) >>> 0);
  writeFileSync(file, Buffer.concat([body, sum]));
}

test('a server over a crafted cache: a broken layout is discarded and answers as cold; changed values are served without a failing request', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'digest-lens-cache-server-'));
  try {
    const d = disk();
    const cold = await session(d, dir);
    assert.deepEqual(cold.errors, []);
    assert.ok(cold.answers.length > 20, `the session asked enough of the index (${cold.answers.length} answers)`);
    const files = readdirSync(dir).filter((f) => f.endsWith('.bin'));
    assert.equal(files.length, 1, 'the cold server saved its cache at shutdown');
    const file = join(dir, files[0]);
    const good = readFileSync(file);
    const warm = await session(d, dir);
    assert.deepEqual(warm.answers, cold.answers, 'the intact cache serves what a cold index does');

    const broken: [string, (h: any) => void][] = [
      ['ints shifted between two documents', (h) => ((h.docs[0][4] -= 5), (h.docs[1][4] += 5))],
      ['a negative length balanced by another', (h) => ((h.docs[0][4] += h.docs[1][4] + 6), (h.docs[1][4] = -6))],
      ['an emptied string table', (h) => (h.strings = [])],
    ];
    for (const [name, change] of broken) {
      writeFileSync(file, good);
      rewrite(file, (h) => change(h));
      const s = await session(d, dir);
      assert.ok(s.logs.some((l) => /index cache discarded: (malformed|sizes do not add up)/.test(l)), `${name}: ${s.logs.join(' | ')}`);
      assert.deepEqual(s.errors, [], name);
      assert.deepEqual(s.answers, cold.answers, `${name}: answers as a cold server`);
    }

    // Values changed at random (the checksum recomputed): whatever loads is served without failing.
    const r = rng(1414);
    let served = 0;
    for (let run = 0; run < 24; run++) {
      writeFileSync(file, good);
      rewrite(file, (_h, ints, lines) => {
        for (let k = 0; k < 3; k++) {
          const a = r() < 0.8 ? ints : lines;
          a[Math.floor(r() * a.length)] = [-1, 0, 1, 7, 255, 4096, 0x7fffffff][Math.floor(r() * 7)];
        }
      });
      const s = await session(d, dir);
      if (!s.logs.some((l) => l.includes('index cache discarded'))) served++;
      assert.deepEqual(s.errors, [], `run ${run}`);
      assert.deepEqual(s.logs.filter((l) => / failed/.test(l)), [], `run ${run}: a feature failed`);
    }
    assert.ok(served > 0, 'some corrupted caches passed the checks and were served');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
