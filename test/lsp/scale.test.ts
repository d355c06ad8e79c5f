/**
 * The index cache, end to end: a server given `initializationOptions.cacheDir` saves its
 * index there (never in the workspace); a second server on the same cache starts warm,
 * re-analyses only the files whose size or mtime changed, everything when the user's
 * entity file changed, and rebuilds a corrupt cache; references are the same either way.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { copyWorkspace, removeWorkspace, SERVER, TestServer, uriOf } from './harness';

/** startServer of harness.ts, with initialization options. */
async function start(folder: string, initializationOptions: unknown): Promise<TestServer> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr!.on('data', () => {});
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const server = new TestServer(child, connection, folder, { folder });
  connection.onNotification((method: string, params: any) => server.record(method, params));
  connection.onRequest('workspace/configuration', (params: any) => params.items.map((item: any) => (item.section === 'digestLens' ? server.settings : null)));
  for (const m of ['client/registerCapability', 'window/workDoneProgress/create', 'workspace/semanticTokens/refresh', 'workspace/inlayHint/refresh']) connection.onRequest(m, () => null);
  connection.listen();
  const uri = uriOf(folder);
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'ws' }],
    initializationOptions,
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true } },
  });
  const indexed = server.waitForIndex();
  void connection.sendNotification('initialized', {});
  await indexed;
  return server;
}

/** The "indexed N digests ...: C from cache, A analysed" log line, parsed. */
async function indexLine(server: TestServer): Promise<{ fromCache: number; analysed: number; line: string }> {
  const p = await server.waitFor('window/logMessage', (m) => /^indexed \d+ digests/.test(m.message));
  const m = /(\d+) from cache, (\d+) analysed/.exec(p.message);
  assert.ok(m, p.message);
  return { fromCache: Number(m[1]), analysed: Number(m[2]), line: p.message };
}

/** References of Tencent at its first mention in the Simplified digest. */
async function tencentReferences(server: TestServer, ws: string): Promise<string[]> {
  const path = join(ws, 'simplified.digest.md');
  const text = readFileSync(path, 'utf8');
  const at = text.indexOf('腾讯');
  assert.ok(at >= 0);
  const line = text.slice(0, at).split('\n').length - 1;
  const character = at - (text.lastIndexOf('\n', at - 1) + 1);
  const refs = await server.request<any[]>('textDocument/references', { textDocument: { uri: uriOf(path) }, position: { line, character: character + 1 }, context: { includeDeclaration: true } });
  return (refs ?? []).map((r) => `${r.uri}:${r.range.start.line}:${r.range.start.character}-${r.range.end.line}:${r.range.end.character}`).sort();
}

function cacheFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.bin'));
}

test('a second server on the same cache starts warm, and re-analyses only what changed', async () => {
  const ws = copyWorkspace();
  const cacheDir = mkdtempSync(join(tmpdir(), 'digest-lens-cache-'));
  const before = readdirSync(ws, { recursive: true }).map(String).sort();
  let server: TestServer | undefined;
  try {
    // Cold: everything analysed, then the cache is saved in cacheDir.
    server = await start(ws, { cacheDir });
    let line = await indexLine(server);
    assert.equal(line.fromCache, 0, line.line);
    assert.equal(line.analysed, 3, line.line);
    const refs = await tencentReferences(server, ws);
    assert.ok(refs.length >= 3, `references: ${refs}`);
    assert.equal(cacheFiles(cacheDir).length, 0, 'saved later (debounced) or at shutdown');
    await server.stop();
    assert.ok(server.logs().some((l) => /^index cache saved: 3 digests/.test(l)), server.logs().join('\n'));
    assert.equal(cacheFiles(cacheDir).length, 1);
    assert.deepEqual(readdirSync(ws, { recursive: true }).map(String).sort(), before, 'nothing written into the workspace');

    // Warm: every digest from the cache, the same references.
    server = await start(ws, { cacheDir });
    line = await indexLine(server);
    assert.equal(line.fromCache, 3, line.line);
    assert.equal(line.analysed, 0, line.line);
    assert.deepEqual(await tencentReferences(server, ws), refs);
    await server.stop();

    // One file changed on disk (size and mtime): only it is analysed again, and its new
    // mention is found.
    appendFileSync(join(ws, 'english.digest'), '\nTencent again.\n');
    server = await start(ws, { cacheDir });
    line = await indexLine(server);
    assert.equal(line.fromCache, 2, line.line);
    assert.equal(line.analysed, 1, line.line);
    const more = await tencentReferences(server, ws);
    assert.equal(more.length, refs.length + 1);
    await server.stop();

    // Only the mtime changed: analysed again too (the cache never trusts a different stamp).
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(ws, 'traditional.digest.txt'), future, future);
    server = await start(ws, { cacheDir });
    line = await indexLine(server);
    assert.equal(line.fromCache, 2, line.line);
    assert.equal(line.analysed, 1, line.line);
    await server.stop();
  } finally {
    await server?.stop();
    removeWorkspace(ws);
    rmSync(cacheDir, { recursive: true, force: true });
  }
});

test('a warm start does not read a binary file again, and a server that changed nothing does not save the cache again', async () => {
  const ws = copyWorkspace();
  const cacheDir = mkdtempSync(join(tmpdir(), 'digest-lens-cache-'));
  const picture = join(ws, 'picture.digest');
  writeFileSync(picture, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  let server: TestServer | undefined;
  try {
    server = await start(ws, { cacheDir });
    let line = await indexLine(server);
    assert.equal(line.analysed, 4, line.line);
    assert.match(line.line, /\(1 skipped/);
    await server.stop();
    assert.ok(server.logs().some((l) => /^index cache saved: 3 digests/.test(l)), server.logs().join('\n'));

    // Warm: the binary file is known from the cache by its size and mtime, still skipped
    // with its reason, and nothing is analysed, so nothing is saved at shutdown.
    server = await start(ws, { cacheDir });
    line = await indexLine(server);
    assert.equal(line.fromCache, 3, line.line);
    assert.equal(line.analysed, 0, line.line);
    assert.match(line.line, /\(1 skipped/);
    assert.ok(server.logs().some((l) => l.includes('picture.digest') && /binary file/.test(l)), server.logs().join('\n'));
    await server.stop();
    assert.ok(!server.logs().some((l) => /^index cache saved/.test(l)), server.logs().join('\n'));

    // The binary file changed: it is read again.
    writeFileSync(picture, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0, 0]));
    server = await start(ws, { cacheDir });
    line = await indexLine(server);
    assert.equal(line.fromCache, 3, line.line);
    assert.equal(line.analysed, 1, line.line);
    await server.stop();
  } finally {
    await server?.stop();
    removeWorkspace(ws);
    rmSync(cacheDir, { recursive: true, force: true });
  }
});

test('a changed user entity file re-analyses everything; a corrupt or truncated cache is rebuilt', async () => {
  const ws = copyWorkspace();
  const cacheDir = mkdtempSync(join(tmpdir(), 'digest-lens-cache-'));
  let server: TestServer | undefined;
  try {
    server = await start(ws, { cacheDir });
    await indexLine(server);
    await server.stop();

    // The user's entities changed: the data version changed, no entry is trusted.
    const entities = join(ws, '.digestlens', 'entities.json');
    writeFileSync(entities, readFileSync(entities, 'utf8').replace('"Yuanlan Compute"', '"Yuanlan Compute", "YLC"'));
    server = await start(ws, { cacheDir });
    let line = await indexLine(server);
    assert.equal(line.fromCache, 0, line.line);
    assert.equal(line.analysed, 3, line.line);
    assert.ok(server.logs().some((l) => /index cache discarded: .*user entity/.test(l)), server.logs().join('\n'));
    await server.stop();

    // Damaged: a byte flipped in the middle.
    const file = join(cacheDir, cacheFiles(cacheDir)[0]);
    const bytes = readFileSync(file);
    bytes[bytes.length >> 1] ^= 0xff;
    writeFileSync(file, bytes);
    server = await start(ws, { cacheDir });
    line = await indexLine(server);
    assert.equal(line.fromCache, 0, line.line);
    assert.ok(server.logs().some((l) => /index cache discarded: checksum/.test(l)), server.logs().join('\n'));
    await server.stop(); // rebuilt, and saved at shutdown

    // Truncated, as by a crash in the middle of a copy.
    truncateSync(file, Math.floor(readFileSync(file).length / 2));
    server = await start(ws, { cacheDir });
    line = await indexLine(server);
    assert.equal(line.fromCache, 0, line.line);
    assert.ok(server.logs().some((l) => /index cache discarded/.test(l)));
    await server.stop();

    // And the rebuilt cache is good again.
    server = await start(ws, { cacheDir });
    line = await indexLine(server);
    assert.equal(line.fromCache, 3, line.line);
  } finally {
    await server?.stop();
    removeWorkspace(ws);
    rmSync(cacheDir, { recursive: true, force: true });
  }
});

test('without a cacheDir nothing is cached and the server works as before', async () => {
  const ws = copyWorkspace();
  let server: TestServer | undefined;
  try {
    server = await start(ws, undefined);
    const line = await indexLine(server);
    assert.equal(line.analysed, 3);
    assert.ok((await tencentReferences(server, ws)).length >= 3);
    assert.ok(!server.logs().some((l) => /index cache/.test(l)));
  } finally {
    await server?.stop();
    removeWorkspace(ws);
  }
});
