/**
 * The language server started in this process (startServer) on an in-memory connection and
 * an in-memory folder of notes: what it indexes, and how much work a settings change costs.
 * test/lsp drives the built server as a separate process; this drives the same wiring
 * without one, so the counts of walks and reads can be looked at directly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { startServer, type ServerHandle } from '../../server/src/server';
import { MemoryDisk } from '../helpers/memoryDisk';

const ROOT = '/mem/ws';
const FOLDER = `file://${ROOT}`;

const NOTES: Record<string, string> = {
  'a.digest.md': '# 周记\n\n腾讯 2025 年资本开支为 597 亿元(约 85 亿美元)。\n',
  'b.digest': 'Tencent (腾讯) spent $8.5B on capex; 腾讯 also bought chips.\n',
  // Not a digest by its name: indexed only when digestLens.include says so.
  'notes/c.md': '腾讯 的 AI 预算约 100 亿元。\n',
};

interface Session {
  client: MessageConnection;
  server: ServerHandle;
  disk: MemoryDisk;
  settings: Record<string, unknown>;
  notifications: { method: string; params: any }[];
  refreshes: { tokens: number };
  /** Waits until the server has handled everything sent so far, including background work. */
  settle(): Promise<void>;
  changeSettings(settings: Record<string, unknown>): Promise<void>;
  /** Resolves with the first notification of `method` after the `since`-th that passes `test`. */
  waitFor(method: string, test: (params: any) => boolean, since: number): Promise<any>;
  stop(): void;
}

async function start(settings: Record<string, unknown> = {}): Promise<Session> {
  const disk = new MemoryDisk();
  for (const [rel, text] of Object.entries(NOTES)) disk.write(`${ROOT}/${rel}`, text);
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), { disk, workerScript: null, cacheDir: null });
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const s: Session = {
    client,
    server,
    disk,
    settings,
    notifications: [],
    refreshes: { tokens: 0 },
    async settle() {
      // Messages are handled in order: once this answers, every earlier one has started.
      await client.sendRequest('digestLens/status', null);
      await server.whenIdle();
    },
    async changeSettings(next) {
      s.settings = next;
      void client.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await s.settle();
    },
    waitFor(method, test, since) {
      return new Promise((resolve) => {
        const look = () => {
          const hit = s.notifications.slice(since).find((n) => n.method === method && test(n.params));
          if (hit) resolve(hit.params);
          else waiters.push(look);
        };
        look();
      });
    },
    stop() {
      server.dispose();
      client.dispose();
    },
  };
  let waiters: (() => void)[] = [];
  client.onNotification((method: string, params: any) => {
    s.notifications.push({ method, params });
    const waiting = waiters;
    waiters = [];
    for (const w of waiting) w();
  });
  client.onRequest('workspace/configuration', (p: any) => p.items.map((item: any) => (item.section === 'digestLens' ? s.settings : {})));
  client.onRequest('client/registerCapability', () => null);
  client.onRequest('window/workDoneProgress/create', () => null);
  client.onRequest('workspace/semanticTokens/refresh', () => void s.refreshes.tokens++);
  client.onRequest('workspace/inlayHint/refresh', () => null);
  client.listen();
  await client.sendRequest('initialize', {
    processId: null,
    rootUri: FOLDER,
    workspaceFolders: [{ uri: FOLDER, name: 'ws' }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, semanticTokens: { refreshSupport: true }, inlayHint: { refreshSupport: true } },
      window: { workDoneProgress: true },
    },
  });
  void client.sendNotification('initialized', {});
  await s.settle();
  return s;
}

const uriOf = (rel: string) => `${FOLDER}/${rel}`;

test('in process: the server indexes an in-memory folder and answers references across its notes', async () => {
  const s = await start();
  try {
    const { index } = s.server;
    assert.equal(index.size, 2, 'the two digests, not notes/c.md');
    assert.deepEqual(index.filesOf('tencent'), [uriOf('a.digest.md'), uriOf('b.digest')]);
    assert.equal(index.countsOf('tencent').mentions, 4);
    assert.deepEqual(s.server.stats(), { runs: 1, analysed: 2 });
    // A request over the protocol, on a note never opened: its text is read through the disk reader.
    const reads = s.disk.calls.read;
    const refs = await s.client.sendRequest<any[]>('textDocument/references', {
      textDocument: { uri: uriOf('a.digest.md') },
      position: { line: 2, character: 0 },
      context: { includeDeclaration: true },
    });
    assert.deepEqual([...new Set(refs.map((r) => r.uri))].sort(), [uriOf('a.digest.md'), uriOf('b.digest')]);
    assert.equal(refs.length, 4);
    assert.ok(s.disk.calls.read > reads, 'the texts came from the disk reader');
  } finally {
    s.stop();
  }
});

test('in process: a change of base currency refreshes the views but neither walks nor re-analyses the workspace', async () => {
  const s = await start();
  try {
    const before = { stats: s.server.stats(), discover: s.disk.calls.discover, read: s.disk.calls.read, tokens: s.refreshes.tokens, notes: s.notifications.length };
    await s.changeSettings({ baseCurrency: 'EUR', inlayHints: true, language: 'zh-cn' });
    assert.deepEqual(s.server.stats(), before.stats, 'no indexing run, no file analysed');
    assert.equal(s.disk.calls.discover, before.discover, 'the workspace was not walked again');
    assert.equal(s.disk.calls.read, before.read, 'no file was read');
    assert.ok(s.refreshes.tokens > before.tokens, 'the editor was asked for fresh semantic tokens');
    const status = await s.client.sendRequest<any>('digestLens/status', null);
    assert.equal(status.baseCurrency, 'EUR');
    // The client's own views (trees, figures) hear of it as of any index change.
    const changed = await s.waitFor('digestLens/indexChanged', (p) => p.uris === 'all', before.notes);
    assert.equal(changed.indexing, false);
  } finally {
    s.stop();
  }
});

test('in process: a change of include or exclude indexes again, analysing only the files that are new', async () => {
  const s = await start();
  try {
    const { index } = s.server;
    await s.changeSettings({ include: ['notes/**/*.md'] });
    assert.deepEqual(s.server.stats(), { runs: 2, analysed: 3 }, 'one more run; only notes/c.md analysed');
    assert.equal(index.size, 3);
    assert.equal(index.countsOf('tencent').files, 3);

    await s.changeSettings({ include: ['notes/**/*.md'], exclude: ['b.*'] });
    assert.equal(s.server.stats().runs, 3);
    assert.deepEqual(index.filesOf('tencent'), [uriOf('a.digest.md'), uriOf('notes/c.md')]);

    // The same settings again: nothing to do beyond a refresh.
    const discover = s.disk.calls.discover;
    await s.changeSettings({ include: ['notes/**/*.md'], exclude: ['b.*'] });
    assert.equal(s.disk.calls.discover, discover);
    assert.equal(s.server.stats().runs, 3);
  } finally {
    s.stop();
  }
});

test('in process: pointing digestLens.entitiesFile at another file indexes again with its entities', async () => {
  const s = await start();
  try {
    s.disk.write(`${ROOT}/my-entities.json`, JSON.stringify({ entities: [{ id: 'yuanlan', name: '远澜算力', aliases: ['远澜算力'], kind: 'private' }] }));
    s.disk.write(`${ROOT}/d.digest`, '远澜算力完成新一轮融资。\n');
    await s.changeSettings({ entitiesFile: 'my-entities.json' });
    assert.equal(s.server.stats().runs, 2);
    assert.deepEqual(s.server.index.filesOf('yuanlan'), [uriOf('d.digest')]);
    assert.ok(s.disk.calls.readText > 0, 'the entity file came from the disk reader');
  } finally {
    s.stop();
  }
});
