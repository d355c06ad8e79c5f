/**
 * Cancellation over JSON-RPC (protocolGate.ts, features/pacer.ts): requests cancelled right
 * after they are sent are answered RequestCancelled (-32800) unless their work was done
 * first, in which case the answer is the right one; nothing else comes back, and the
 * server's later answers are unchanged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CancellationTokenSource, ProgressType } from 'vscode-jsonrpc/node';
import { copyWorkspace, removeWorkspace, startServer, uriOf, type TestServer } from './harness';

const CANCELLED = -32800;

/** An answer without what differs between two right answers (semantic tokens' resultId). */
function comparable(value: unknown): unknown {
  if (value && typeof value === 'object' && 'resultId' in value) return { ...(value as object), resultId: undefined };
  return value;
}

/** The long requests of the server, as an editor sends them. */
function requests(ws: string): [string, unknown][] {
  const uri = uriOf(join(ws, 'english.digest'));
  const zh = uriOf(join(ws, 'simplified.digest.md'));
  return [
    ['textDocument/references', { textDocument: { uri }, position: { line: 2, character: 2 }, context: { includeDeclaration: true } }],
    ['workspace/symbol', { query: '' }],
    ['textDocument/documentSymbol', { textDocument: { uri } }],
    ['textDocument/semanticTokens/full', { textDocument: { uri } }],
    ['digestLens/figures', { scope: { kind: 'workspace' } }],
    ['digestLens/mentions', { scope: { kind: 'workspace' } }],
    ['digestLens/entities', { scope: { kind: 'workspace' } }],
    ['digestLens/facts', { scope: { kind: 'workspace' } }],
    ['textDocument/rename', { textDocument: { uri: zh }, position: { line: 5, character: 1 }, newName: '远澜' }],
  ];
}

/** Sends every request `rounds` times and cancels each at once; the outcomes in order. */
async function sendAndCancel(server: TestServer, list: [string, unknown][], rounds: number): Promise<{ method: string; value?: unknown; code?: number }[]> {
  const sent: Promise<{ method: string; value?: unknown; code?: number }>[] = [];
  const sources: CancellationTokenSource[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const [method, params] of list) {
      const source = new CancellationTokenSource();
      sources.push(source);
      sent.push(
        server.connection.sendRequest(method, params, source.token).then(
          (value) => ({ method, value }),
          (e) => ({ method, code: (e as { code: number }).code }),
        ),
      );
    }
  }
  for (const s of sources) s.cancel();
  return Promise.all(sent);
}

test('requests cancelled at once are answered RequestCancelled or rightly; later answers are unchanged', async () => {
  const ws = copyWorkspace();
  const server = await startServer({ folder: ws });
  try {
    const list = requests(ws);
    const expected = new Map<string, unknown>();
    for (const [method, params] of list) expected.set(method, comparable(await server.request(method, params)));
    const outcomes = await sendAndCancel(server, list, 5);
    let cancelled = 0;
    for (const o of outcomes) {
      if (o.code !== undefined) {
        assert.equal(o.code, CANCELLED, `${o.method} failed with ${o.code}`);
        cancelled++;
      } else assert.deepEqual(comparable(o.value), expected.get(o.method), `${o.method} answered, but wrongly`);
    }
    // Before the gate none of them was answered cancelled.
    // How many were read before their cancellation depends on the pipe; the next test holds
    // every request in the server until it is cancelled.
    assert.ok(cancelled >= 1, `none of ${outcomes.length} cancelled`);
    for (const [method, params] of list) assert.deepEqual(comparable(await server.request(method, params)), expected.get(method), `${method} after the cancellations`);
  } finally {
    await server.stop();
    removeWorkspace(ws);
  }
});

test('requests waiting in the server (here for the settings) are answered RequestCancelled as soon as they are cancelled', async () => {
  const ws = copyWorkspace();
  const server = await startServer({ folder: ws });
  try {
    const uri = uriOf(join(ws, 'english.digest'));
    // Each of these reads the settings of its document first.
    const list: [string, unknown][] = [
      ['textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 18 } }],
      ['textDocument/documentSymbol', { textDocument: { uri } }],
      ['textDocument/semanticTokens/full', { textDocument: { uri } }],
      ['textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } } }],
      ['digestLens/facts', { scope: { kind: 'workspace' } }],
      ['digestLens/dossier', { entityId: 'tencent' }],
    ];
    const expected = new Map<string, unknown>();
    for (const [method, params] of list) expected.set(method, comparable(await server.request(method, params)));
    // The editor is slow to answer: settings asked for are held until released.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    server.connection.onRequest('workspace/configuration', async (params: any) => {
      await held;
      return params.items.map((item: any) => (item.section === 'files.exclude' ? {} : item.section === 'digestLens' ? server.settings : null));
    });
    server.changeSettings({ ...server.settings }); // the server forgets the settings it had
    // Fallback only: without a working cancellation the answers come once the settings do.
    const fallback = setTimeout(release, 10_000);
    const outcomes = await sendAndCancel(server, list, 3);
    clearTimeout(fallback);
    for (const o of outcomes) assert.equal(o.code, CANCELLED, `${o.method} answered ${JSON.stringify(o.value)?.slice(0, 80)} though cancelled while it waited`);
    release();
    for (const [method, params] of list) assert.deepEqual(comparable(await server.request(method, params)), expected.get(method), `${method} after the cancellations`);
  } finally {
    await server.stop();
    removeWorkspace(ws);
  }
});

test('references cancelled while they stream are answered RequestCancelled, and the next ones are whole', async () => {
  // 200 notes of 150 mentions of Tencent: the answer streams in several batches.
  const ws = mkdtempSync(join(tmpdir(), 'digest-lens-ws-'));
  const line = 'Tencent and Tencent and Tencent booked 5 billion yuan.\n';
  for (let i = 0; i < 200; i++) writeFileSync(join(ws, `n${i}.digest`), `Notes ${i}\n\n${line.repeat(50)}`);
  const server = await startServer({ folder: ws });
  try {
    const uri = uriOf(join(ws, 'n0.digest'));
    const params = { textDocument: { uri }, position: { line: 2, character: 2 }, context: { includeDeclaration: false } };
    const whole: any[] = await server.request('textDocument/references', params);
    assert.ok(whole.length > 3 * 8000, `${whole.length} references: too few for several batches`);
    // Cancelled as soon as the first batch arrives, the work is under way: the answer is
    // RequestCancelled (before the gate: an empty result). The server may finish a batch
    // between two reads of the pipe, so a few tries are allowed for the cancellation to land.
    let cancelledMidway = false;
    for (let attempt = 0; attempt < 5 && !cancelledMidway; attempt++) {
      const partialResultToken = `refs-${attempt}`;
      const source = new CancellationTokenSource();
      const first = new Promise<void>((resolve) => {
        const listening = server.connection.onProgress(new ProgressType<unknown>(), partialResultToken, () => {
          listening.dispose();
          resolve();
        });
      });
      const answer = server.connection.sendRequest('textDocument/references', { ...params, partialResultToken }, source.token).then(
        (value) => ({ value, code: undefined as number | undefined }),
        (e) => ({ value: undefined, code: (e as { code: number }).code }),
      );
      await first;
      source.cancel();
      const outcome = await answer;
      if (outcome.code !== undefined) {
        assert.equal(outcome.code, CANCELLED);
        cancelledMidway = true;
      } else assert.deepEqual(outcome.value, [], 'a streamed answer that finished first is empty');
    }
    assert.ok(cancelledMidway, 'no streamed references were answered RequestCancelled');
    assert.deepEqual(await server.request('textDocument/references', params), whole);
  } finally {
    await server.stop();
    removeWorkspace(ws);
  }
});
