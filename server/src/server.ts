/**
 * The Digest Lens language server: LSP wiring only. `startServer` takes a connection and
 * what depends on the environment (the disk, the worker script, the cache folder), keeps
 * the workspace index in step with open documents and files on disk (workspace/indexer.ts),
 * loads settings (settingsSource.ts) and the user's entity and theme files
 * (workspace/userFileLoader.ts), and hands every request to a feature (features/).
 * Importing this module does nothing; main.ts starts the real server on stdio or IPC.
 */
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ResponseError,
  ErrorCodes,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { WorkspaceIndex } from './index/workspaceIndex';
import { dataVersion } from './index/analysisSetup';
import { cacheFile } from './index/cache';
import { readDigestText, type DiskReader } from './index/disk';
import { translator } from './l10n';
import { SettingsSource } from './settingsSource';
import { effectOfChange } from './settingsEffects';
import { UserFileLoader } from './workspace/userFileLoader';
import { CacheSaver } from './workspace/cacheSaver';
import { Discovery } from './workspace/discovery';
import { analyserOf, Indexer, type Progress } from './workspace/indexer';
import type { FeatureContext } from './features/context';
import { FEATURES } from './features';
import * as P from './protocol';
import { knownCurrencies, latestMonth } from './fx/rates';
import { IndexChangeNotifier } from './indexChangeNotifier';

/** What differs between the real server and one under test. */
export interface ServerDeps {
  /** Where digests and user files are read from. */
  disk: DiskReader;
  /** The analysis worker script (dist/analysisWorker.js), or null: analyse on this thread only. */
  workerScript: string | null;
  /**
   * The folder of the index cache. Undefined: the one the client sends as
   * initializationOptions.cacheDir (none sent, no cache); null: never a cache.
   */
  cacheDir?: string | null;
}

/** A running server, for its owner (main.ts ignores it; tests look inside). */
export interface ServerHandle {
  index: WorkspaceIndex;
  /** Full indexing runs finished and files read from disk and analysed, so far. */
  stats(): { runs: number; analysed: number };
  /** Resolves when no indexing run or other background work of the server is going on. */
  whenIdle(): Promise<void>;
  /** Stops timers and runs (the connection is the caller's). */
  dispose(): void;
}

export function startServer(connection: Connection, deps: ServerDeps): ServerHandle {
  const documents = new TextDocuments(TextDocument);
  let folders: string[] = [];
  const caps = { configuration: false, watchedFiles: false, progress: false, workspaceFolders: false, refreshTokens: false, refreshHints: false };
  let initOptions: unknown;

  const log = {
    info: (m: string) => connection.console.info(m),
    warn: (m: string) => connection.console.warn(m),
    error: (m: string) => connection.console.error(m),
  };
  const settings = new SettingsSource(connection, () => folders, log);

  // Background work (indexing runs, file events), so that whenIdle can wait for all of it.
  const pending = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>): void => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };

  const userFiles = new UserFileLoader({ disk: deps.disk, openText: (uri) => documents.get(uri)?.getText(), settings: (folder) => settings.forResource(folder), log });
  const index: WorkspaceIndex = new WorkspaceIndex(analyserOf(userFiles), {
    dataVersion: dataVersion(userFiles.setups),
    // Digests indexed from disk keep no text: features that need it read it on demand.
    loadText: (uri) => readDigestText(deps.disk, URI.parse(uri).fsPath),
    onStale: (uri) => track(indexer.indexFromDisk(uri)),
  });
  const notifier = new IndexChangeNotifier((uris) => {
    const params: P.IndexChangedParams = { uris, indexing: indexer.indexing(), files: index.size };
    void connection.sendNotification(P.IndexChangedNotification, params);
  });
  index.onChange((change) => notifier.schedule(change.uris));
  const cache = new CacheSaver({
    index,
    file: () => {
      const dir = deps.cacheDir === undefined ? (initOptions as { cacheDir?: unknown } | undefined)?.cacheDir : deps.cacheDir;
      return typeof dir === 'string' && dir && folders.length ? cacheFile(dir, folders) : null;
    },
    busy: () => indexer.indexing(),
    log,
  });
  const discovery = new Discovery({ disk: deps.disk, folders: () => folders, settings: (folder) => settings.forResource(folder), filesExclude: (folder) => settings.filesExclude(folder) });
  const indexer: Indexer = new Indexer({
    index,
    userFiles,
    cache,
    disk: deps.disk,
    discovery,
    workerScript: deps.workerScript,
    folders: () => folders,
    isOpen: (uri) => !!documents.get(uri),
    settings: (folder) => settings.forResource(folder),
    beginProgress,
    indexChanged: (uris) => notifier.schedule(uris),
    refresh: refreshEditorViews,
    log,
  });
  const reindex = (force = false) => track(indexer.indexWorkspace(force));

  async function beginProgress(): Promise<Progress | undefined> {
    if (!caps.progress) return undefined;
    try {
      const progress = await connection.window.createWorkDoneProgress();
      settings.serverLocale = await settings.locale(folders[0]);
      progress.begin('Digest Lens', 0, translator(settings.serverLocale)('progress.indexing'), false);
      return {
        report: (done, total) => progress.report(Math.round((done / total) * 100), translator(settings.serverLocale)('progress.digests', done, total)),
        done: () => progress.done(),
      };
    } catch {
      return undefined;
    }
  }

  // Fault isolation: an exception fails its request only.
  const failedFeatures = new Set<string>();
  /** When the editor last asked for anything: background work waits until it has been quiet. */
  let lastRequestAt = 0;
  function guard<A extends unknown[], R>(feature: string, handler: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
    return async (...args: A) => {
      lastRequestAt = performance.now();
      try {
        return await handler(...args);
      } catch (e) {
        // Log a failing feature once; the request fails, the server keeps serving.
        if (!failedFeatures.has(feature)) {
          failedFeatures.add(feature);
          log.error(`${feature} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        }
        throw new ResponseError(ErrorCodes.InternalError, translator(settings.serverLocale)('server.featureFailed', feature));
      }
    };
  }

  /**
   * Asks the editor to re-request semantic tokens and inlay hints: after settings change
   * (base currency, inlay hints on or off) or user entities change, open documents need
   * fresh ones even though their text did not change.
   */
  const refreshListeners: (() => void)[] = [];
  function refreshEditorViews(): void {
    if (caps.refreshTokens) void connection.languages.semanticTokens.refresh();
    if (caps.refreshHints) void connection.languages.inlayHint.refresh();
    for (const listener of refreshListeners) {
      try {
        listener();
      } catch (e) {
        log.error(`refresh listener failed: ${(e as Error).message}`);
      }
    }
  }

  // Lifecycle
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const c = params.capabilities;
    caps.configuration = !!c.workspace?.configuration;
    caps.watchedFiles = !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    caps.progress = !!c.window?.workDoneProgress;
    caps.workspaceFolders = !!c.workspace?.workspaceFolders;
    caps.refreshTokens = !!c.workspace?.semanticTokens?.refreshSupport;
    caps.refreshHints = !!c.workspace?.inlayHint?.refreshSupport;
    initOptions = params.initializationOptions;
    settings.configure({ hasConfiguration: caps.configuration, initOptions, editorLocale: params.locale });
    folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (!folders.length && params.rootUri) folders = [params.rootUri];
    const capabilities: ServerCapabilities = {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    };
    for (const f of FEATURES) if (f.capabilities) Object.assign(capabilities, f.capabilities);
    return { capabilities, serverInfo: { name: 'digest-lens', version: '0.1.0' } };
  });

  connection.onInitialized(() => {
    if (caps.configuration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'digestLens' });
    if (caps.watchedFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    if (caps.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        folders = folders.filter((f) => !e.removed.some((r) => r.uri === f)).concat(e.added.map((a) => a.uri));
        reindex();
      });
    }
    reindex();
  });

  connection.onDidChangeConfiguration(() => {
    settings.reset();
    // Hovers and inlay hints read the new settings at once: ask the editor for fresh views
    // now, not only when a (possibly long) reindex ends.
    refreshEditorViews();
    track(
      (async () => {
        // Only settings that change which files are digests or how they are analysed
        // (settingsEffects.ts) cost an indexing run; the others are read by every request.
        if (effectOfChange(indexer.indexedWith, await discovery.inputs()) === 'reindex') return indexer.indexWorkspace();
        notifier.schedule('all'); // the client's views (trees, figures) ask again too
      })(),
    );
  });

  // Open documents: their live text is the indexed state.
  documents.onDidOpen((e) => {
    index.set(e.document.uri, e.document.getText(), e.document.version);
  });
  documents.onDidChangeContent((e) => {
    index.set(e.document.uri, e.document.getText(), e.document.version);
    track(
      (async () => {
        if (await userFiles.isUserFile(folders, e.document.uri)) await indexer.userFilesChanged();
      })(),
    );
  });
  documents.onDidClose((e) => {
    index.markClosed(e.document.uri);
    track(
      (async () => {
        // A closed workspace digest goes back to its state on disk; anything else leaves.
        if (await discovery.isWorkspaceDigest(e.document.uri)) await indexer.indexFromDisk(e.document.uri);
        else index.delete(e.document.uri);
      })(),
    );
  });

  connection.onDidChangeWatchedFiles((e) => {
    track(
      (async () => {
        let userFilesChanged = false;
        for (const change of e.changes) {
          if (await userFiles.isUserFile(folders, change.uri)) {
            userFilesChanged = true;
            continue;
          }
          if (change.type === FileChangeType.Deleted) {
            if (!documents.get(change.uri)) index.delete(change.uri);
            // A deleted folder: drop everything below it.
            const prefix = change.uri.endsWith('/') ? change.uri : change.uri + '/';
            for (const d of [...index.all()]) if (d.uri.startsWith(prefix) && !documents.get(d.uri)) index.delete(d.uri);
          } else if (await discovery.isWorkspaceDigest(change.uri)) {
            await indexer.indexFromDisk(change.uri);
          }
        }
        if (userFilesChanged) await indexer.userFilesChanged();
      })(),
    );
  });

  connection.onShutdown(async () => {
    indexer.stop();
    await cache.shutdown();
  });

  // Status and reindex requests (the sidebar's requests live in features/sidebar.ts).
  connection.onRequest(
    P.StatusRequest,
    guard('status', async (): Promise<P.StatusResult> => {
      const s = await settings.forResource(folders[0]);
      return {
        indexing: indexer.indexing(),
        files: index.size,
        skipped: [...index.skipped].map(([uri, reason]) => ({ uri, reason })),
        baseCurrency: s.baseCurrency,
        rateMonth: latestMonth(),
        currencies: knownCurrencies(),
      };
    }),
  );
  connection.onRequest(
    P.ReindexRequest,
    guard('reindex', async () => {
      settings.clear();
      const run = indexer.indexWorkspace(true);
      track(run);
      await run;
      return { files: index.size };
    }),
  );

  // Features
  const setupOf = (uri?: string) => (uri ? userFiles.setups.forUri(uri) : userFiles.setups.union());
  const context: FeatureContext = {
    connection,
    documents,
    index,
    settings: (uri?: string) => settings.forResource(uri ?? folders[0]),
    locale: (uri?: string) => settings.locale(uri ?? folders[0]),
    folders: () => folders,
    folderOf: (uri) => discovery.folderOf(uri),
    gazetteer: (uri) => setupOf(uri).gazetteer,
    taxonomy: (uri) => setupOf(uri).taxonomy,
    userEntities: (uri) => setupOf(uri).userEntities,
    userFiles: (uri) => userFiles.stateOf((uri && discovery.folderOf(uri)) ?? folders[0]),
    allUserFiles: () => userFiles.allStates(),
    indexing: () => indexer.indexing(),
    log,
    onRefresh: (listener) => refreshListeners.push(listener),
    guard,
    idleMs: () => performance.now() - lastRequestAt,
  };
  for (const f of FEATURES) {
    try {
      f.register(context);
    } catch (e) {
      log.error(`feature ${f.name} could not start: ${(e as Error).message}`);
    }
  }

  documents.listen(connection);
  connection.listen();

  return {
    index,
    stats: () => ({ ...indexer.stats }),
    async whenIdle() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
    dispose() {
      indexer.stop();
      cache.cancel();
      notifier.dispose();
    },
  };
}
