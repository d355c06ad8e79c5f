/**
 * The language client: starts dist/server.js over IPC, syncs the digest language and the
 * `digestLens.include` globs, restarts with a new selector when those globs (or the
 * workspace folders) change, and restarts a crashed server up to 5 times in 3 minutes.
 *
 * The client's id is "digestLens", so vscode-languageclient reads `digestLens.trace.server`
 * by itself and traces into the same log output channel.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type MessageSignature,
  type RequestType,
  type RequestType0,
  type ServerOptions,
} from 'vscode-languageclient/node';
import * as P from '../../protocol/src';
import { MAX_RESTARTS, RestartPolicy, type ServerHealth } from './restartPolicy';
import { documentSelector, selectorKey } from './selector';
import { serverPid } from './serverProcess';

export { MAX_RESTARTS, RESTART_WINDOW_MS, RestartPolicy, type ServerHealth } from './restartPolicy';

function includeGlobs(): string[] {
  const v = vscode.workspace.getConfiguration('digestLens').get<unknown>('include');
  return Array.isArray(v) ? v.filter((g): g is string => typeof g === 'string') : [];
}

function folderPaths(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
}

/** Owns the running LanguageClient; replaces it when the document selector must change. */
export class ClientManager implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private key = '';
  private readonly policy = new RestartPolicy();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly indexChanged = new vscode.EventEmitter<P.IndexChangedParams>();
  private readonly healthChanged = new vscode.EventEmitter<ServerHealth>();
  private readonly started = new vscode.EventEmitter<LanguageClient>();
  private restartedOnce = false;
  private _health: ServerHealth = 'starting';

  /** The server's digestLens/indexChanged notifications, from whichever client is running. */
  readonly onIndexChanged = this.indexChanged.event;
  /** Fires when the server starts, crashes, restarts or stops. */
  readonly onHealthChanged = this.healthChanged.event;
  /** Fires with each client once it is running (also after a selector restart). */
  readonly onStarted = this.started.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.indexChanged,
      this.healthChanged,
      this.started,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('digestLens.include')) void this.restartIfSelectorChanged();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.restartIfSelectorChanged()),
    );
  }

  get health(): ServerHealth {
    return this._health;
  }

  private setHealth(h: ServerHealth): void {
    this._health = h;
    this.healthChanged.fire(h);
  }

  /** Starts the client; the promise settles when the server has answered `initialize`. */
  start(): Promise<LanguageClient> {
    this.starting ??= this.create();
    return this.starting;
  }

  /** Whether the client was started (it may still be starting, or have stopped since). */
  get isStarted(): boolean {
    return this.starting !== undefined || this.client !== undefined;
  }

  /** The running client, waiting for it to start. */
  ready(): Promise<LanguageClient> {
    return this.start();
  }

  /**
   * Sends a custom request of the protocol once the client is running; its params and
   * result are typed by the request. A bare method name (the test API) is taken on trust.
   */
  request<R>(type: RequestType0<R, void>): Promise<R>;
  request<Params, R>(type: RequestType<Params, R, void>, params: Params, token?: vscode.CancellationToken): Promise<R>;
  request<R>(method: string, params?: unknown): Promise<R>;
  async request<R>(type: string | MessageSignature, params?: unknown, token?: vscode.CancellationToken): Promise<R> {
    const client = await this.ready();
    const method = typeof type === 'string' ? type : type.method;
    return params === undefined ? client.sendRequest<R>(method) : client.sendRequest<R>(method, params, token);
  }

  private async create(): Promise<LanguageClient> {
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
    };
    const include = includeGlobs();
    const folders = folderPaths();
    this.key = selectorKey(include, folders);
    // The server keeps its index cache in the extension's storage, never in the workspace.
    const storage = this.context.storageUri ?? this.context.globalStorageUri;
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSelector(include, folders),
      initializationOptions: {
        ...(storage ? { cacheDir: vscode.Uri.joinPath(storage, 'index-cache').fsPath } : {}),
        // Downloaded exchange rates are the user's, for every workspace: the GLOBAL storage, never the workspace's.
        ratesDir: vscode.Uri.joinPath(this.context.globalStorageUri, 'rates').fsPath,
      },
      outputChannel: this.log,
      // The company hover links to its dossier; no other command may run from a hover.
      markdown: { isTrusted: { enabledCommands: ['digestLens.showDossier'] } },
      errorHandler: this.errorHandler(),
      // A crash is announced once, quietly (see closed()); never pop the output open.
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationFailedHandler: (error) => {
        this.log.error(`initialize failed: ${String(error?.message ?? error)}`);
        return false;
      },
    };
    const client = new LanguageClient('digestLens', 'Digest Lens', serverOptions, clientOptions);
    // Handlers registered before start() are kept across the client's own restarts.
    client.onNotification(P.IndexChangedNotification, (params: P.IndexChangedParams) => this.indexChanged.fire(params));
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) {
        this.setHealth(this.restartedOnce ? 'restarted' : 'running');
        this.started.fire(client);
      } else if (e.newState === State.Stopped && this.client === client && this._health !== 'failed') this.setHealth('stopped');
    });
    this.client = client;
    this.setHealth('starting');
    try {
      await client.start();
    } catch (e) {
      this.setHealth('failed');
      this.starting = undefined;
      throw e;
    }
    return client;
  }

  private errorHandler(): ErrorHandler {
    return {
      error: (error, _message, count): ErrorHandlerResult => {
        this.log.error(`connection error: ${error.message}`);
        // A few write errors happen while a dying server is being replaced; keep going until they pile up.
        return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
      },
      closed: (): CloseHandlerResult => {
        if (this.policy.crashed()) {
          this.log.warn('the server stopped unexpectedly; restarting it');
          if (!this.restartedOnce) {
            this.restartedOnce = true;
            // Said once per session; later restarts only show in the status bar and the log.
            void vscode.window.showInformationMessage(vscode.l10n.t('Digest Lens: the language server stopped and was restarted.'));
          }
          this.setHealth('restarted');
          return { action: CloseAction.Restart, handled: true };
        }
        this.log.error(`the server crashed ${MAX_RESTARTS} times in 3 minutes; it will not be restarted`);
        this.setHealth('failed');
        return {
          action: CloseAction.DoNotRestart,
          message: vscode.l10n.t('The Digest Lens server crashed {0} times in 3 minutes and will not be restarted. Run "Digest Lens: Reindex Workspace" or reload the window to try again.', MAX_RESTARTS),
        };
      },
    };
  }

  private async restartIfSelectorChanged(): Promise<void> {
    if (!this.starting || selectorKey(includeGlobs(), folderPaths()) === this.key) return;
    this.log.info('digestLens.include or the workspace folders changed: restarting the client with the new document selector');
    await this.restart();
  }

  /**
   * Replaces the client with a new one (a new document selector needs a new client). A
   * server that had given up after crashes is started again the same way.
   */
  async restart(): Promise<LanguageClient> {
    const old = this.client;
    this.client = undefined;
    this.starting = undefined;
    if (old) {
      try {
        await old.dispose(2000);
      } catch (e) {
        this.log.warn(`stopping the old client: ${(e as Error).message}`);
      }
    }
    return this.start();
  }

  /** The pid of the running server process, or undefined when none runs (or it cannot be found). */
  serverPid(): number | undefined {
    return this.client ? serverPid(this.client, this.context.asAbsolutePath('dist/server.js')) : undefined;
  }

  /** Whether the server is running (false when it gave up after crashes). */
  isRunning(): boolean {
    return this.client?.state === State.Running;
  }

  /** Stops the server; `deactivate` waits on it. */
  async stop(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    this.starting = undefined;
    if (c) await c.dispose(2000);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    void this.stop();
  }
}
