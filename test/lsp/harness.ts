/**
 * Drives the real language server (dist/server.js, built by `npm test`) over JSON-RPC on
 * stdio, the way an editor does. Every test gets a fresh copy of a fixture workspace and
 * its own server process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { URI } from 'vscode-uri';

export const REPO = join(__dirname, '..', '..');
export const SERVER = join(REPO, 'dist', 'server.js');
export const FIXTURE_WORKSPACE = join(REPO, 'test', 'fixtures', 'workspace');

/** A file path as a file: uri, spelled as VS Code spells it. */
export function uriOf(path: string): string {
  return URI.file(path).toString();
}

/** Copies a fixture folder (default: the three-script fixture workspace) into a temp folder. */
export function copyWorkspace(from = FIXTURE_WORKSPACE): string {
  const dir = mkdtempSync(join(tmpdir(), 'digest-lens-ws-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}

export interface Notification {
  method: string;
  params: any;
}

export interface StartOptions {
  /** Workspace folder path. */
  folder: string;
  /** The digestLens settings the client answers with. */
  settings?: Record<string, unknown>;
  /** files.exclude the client answers with. */
  filesExclude?: Record<string, boolean>;
  /** Whether the client supports workspace/configuration (default true). */
  configuration?: boolean;
  /** Sent in the initialize request (e.g. the cacheDir the server may write to). */
  initializationOptions?: unknown;
  /**
   * More workspace folders after `folder` (a multi-root workspace), each with its own
   * digestLens settings, answered for requests scoped to a uri inside it.
   */
  moreFolders?: { path: string; settings?: Record<string, unknown> }[];
  /** The editor's display language sent in initialize ("en", "zh-cn", "zh-TW"…); none by default. */
  locale?: string;
  /**
   * Runs the server as this user and group (the test runs as root, which every permission
   * lets through: an unprivileged server meets "permission denied" as a user would).
   */
  as?: { uid: number; gid: number };
}

export class TestServer {
  readonly notifications: Notification[] = [];
  settings: Record<string, unknown>;
  filesExclude: Record<string, boolean>;
  private waiters: { method: string; test: (p: any) => boolean; resolve: (p: any) => void }[] = [];
  private versions = new Map<string, number>();

  constructor(readonly process: ChildProcess, readonly connection: MessageConnection, readonly folder: string, opts: StartOptions) {
    this.settings = opts.settings ?? {};
    this.filesExclude = opts.filesExclude ?? {};
  }

  record(method: string, params: any): void {
    this.notifications.push({ method, params });
    this.waiters = this.waiters.filter((w) => {
      if (w.method === method && w.test(params)) {
        w.resolve(params);
        return false;
      }
      return true;
    });
  }

  /** Sends a request by method name or by a typed request of protocol/src (params unchecked: tests send bad ones too). */
  request<R = any>(method: string | { method: string }, params: unknown): Promise<R> {
    return this.connection.sendRequest(typeof method === 'string' ? method : method.method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  /** Waits for a notification (already received ones after `since` count too). */
  waitFor(method: string, test: (p: any) => boolean = () => true, timeoutMs = 15000, since = 0): Promise<any> {
    const seen = this.notifications.slice(since).find((n) => n.method === method && test(n.params));
    if (seen) return Promise.resolve(seen.params);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${method}`)), timeoutMs);
      this.waiters.push({ method, test, resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  }

  /** Resolves when the server says the index is complete, after the notifications seen so far. */
  waitForIndex(timeoutMs = 30000): Promise<any> {
    return this.waitFor('digestLens/indexChanged', (p) => p.indexing === false, timeoutMs, this.notifications.length);
  }

  /** The latest diagnostics published for a uri (waits for the first publication). */
  async diagnostics(uri: string, test: (d: any[]) => boolean = () => true): Promise<any[]> {
    for (let i = this.notifications.length - 1; i >= 0; i--) {
      const n = this.notifications[i];
      if (n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri) {
        if (test(n.params.diagnostics)) return n.params.diagnostics;
        break;
      }
    }
    const p = await this.waitFor('textDocument/publishDiagnostics', (q) => q.uri === uri && test(q.diagnostics), 15000, this.notifications.length);
    return p.diagnostics;
  }

  open(uri: string, text: string, languageId = 'digest'): void {
    this.versions.set(uri, 1);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text of an open document. */
  change(uri: string, text: string): void {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Tells the server that files changed on disk (1 created, 2 changed, 3 deleted). */
  filesChanged(changes: { uri: string; type: 1 | 2 | 3 }[]): void {
    this.notify('workspace/didChangeWatchedFiles', { changes });
  }

  /** Changes the settings and tells the server, as an editor does. */
  changeSettings(settings: Record<string, unknown>): void {
    this.settings = settings;
    this.notify('workspace/didChangeConfiguration', { settings: { digestLens: settings } });
  }

  logs(): string[] {
    return this.notifications.filter((n) => n.method === 'window/logMessage').map((n) => n.params.message);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit', null);
    } catch {
      // Already gone.
    }
    await new Promise((r) => setTimeout(r, 50));
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}

/**
 * A server process and a connection to it, nothing sent yet (no initialize): for tests of
 * the protocol's states. `exited` resolves with the process's exit code.
 */
export function spawnRawServer(): { child: ChildProcess; connection: MessageConnection; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: tmpdir() });
  child.stderr!.on('data', () => {});
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onRequest(() => null);
  connection.onNotification(() => undefined);
  connection.onError(() => undefined);
  connection.listen();
  return { child, connection, exited };
}

/** Starts the server on a workspace folder and completes the initialize handshake. */
export async function startServer(opts: StartOptions): Promise<TestServer> {
  // Started outside any workspace, so a relative path in the server could never land in one.
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: tmpdir(), ...opts.as });
  child.stderr!.on('data', (d) => process.env.DL_SERVER_STDERR && process.stderr.write(d));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const server = new TestServer(child, connection, opts.folder, opts);
  connection.onNotification((method: string, params: any) => server.record(method, params));
  const more = (opts.moreFolders ?? []).map((f) => ({ uri: uriOf(f.path), settings: f.settings ?? {} }));
  const settingsOf = (scopeUri: unknown) => {
    const own = typeof scopeUri === 'string' ? more.find((f) => scopeUri === f.uri || scopeUri.startsWith(f.uri + '/')) : undefined;
    return own ? { ...server.settings, ...own.settings } : server.settings;
  };
  connection.onRequest('workspace/configuration', (params: any) =>
    params.items.map((item: any) => (item.section === 'files.exclude' ? server.filesExclude : item.section === 'digestLens' ? settingsOf(item.scopeUri) : null)),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('client/unregisterCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('window/showMessageRequest', () => null);
  connection.onRequest('workspace/applyEdit', (p: any) => {
    server.record('workspace/applyEdit', p);
    return { applied: true };
  });
  connection.onRequest('workspace/semanticTokens/refresh', () => null);
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.listen();
  const folderUri = uriOf(opts.folder);
  await connection.sendRequest('initialize', {
    // The library ends a server whose parent it cannot signal: another user's test runner
    // (EPERM) would look dead to it, so a server run as another user is given no parent.
    processId: opts.as ? null : process.pid,
    rootUri: folderUri,
    workspaceFolders: [{ uri: folderUri, name: 'ws' }, ...more.map((f, i) => ({ uri: f.uri, name: `ws${i + 2}` }))],
    initializationOptions: opts.initializationOptions,
    locale: opts.locale,
    capabilities: {
      workspace: { configuration: opts.configuration ?? true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
      window: { workDoneProgress: true },
      textDocument: {
        hover: { contentFormat: ['markdown', 'plaintext'] },
        semanticTokens: { requests: { full: { delta: true }, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
        rename: { prepareSupport: true },
        publishDiagnostics: {},
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'refactor.rewrite', 'source'] } } },
        inlayHint: {},
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      },
    },
  });
  const indexed = server.waitForIndex();
  void connection.sendNotification('initialized', {});
  await indexed;
  return server;
}

/** Removes a temp workspace (best effort). */
export function removeWorkspace(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
