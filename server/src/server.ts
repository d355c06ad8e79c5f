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
  ErrorCodes,
  ResponseError,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Disposable,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, Utils } from 'vscode-uri';
import { WorkspaceIndex } from './index/workspaceIndex';
import { dataVersion } from './index/analysisSetup';
import { readDigestText, type DiskReader } from './index/disk';
import { translator } from './l10n';
import { SettingsSource } from './settingsSource';
import { DEFAULT_SETTINGS } from './settings';
import { effectOfChange } from './settingsEffects';
import { UserFileLoader } from './workspace/userFileLoader';
import { UserRatesLoader } from './workspace/userRatesLoader';
import { CacheSaver } from './workspace/cacheSaver';
import { CacheLocation } from './workspace/cacheLocation';
import { Discovery } from './workspace/discovery';
import { analyserOf, Indexer, type Progress } from './workspace/indexer';
import { featureCapabilities, FeatureHost } from './featureHost';
import * as P from '../../protocol/src';
import { knownCurrencies, latestMonth } from './fx/rates';
import { ExactPhase } from './index/exactPhase';
import { IndexChangeNotifier } from './indexChangeNotifier';
import { currencyNames } from './analysis/currencyTable';
import { ProtocolGate } from './protocolGate';
import { uriKey } from './uriKey';
import { isAbsolute } from 'node:path';
import { DownloadedRates, ratesDirOf } from './workspace/downloadedRates';
import { newestRateDay } from './fx/update/newest';
import { outcomeText } from './fx/update/describe';

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

export function startServer(client: Connection, deps: ServerDeps): ServerHandle {
  // Every handler is registered through the gate: lifecycle states, cancellation and uri
  // keys are checked there once (protocolGate.ts), never in a feature.
  const gate = new ProtocolGate();
  const connection = gate.gate(client);
  const documents = new TextDocuments(TextDocument);
  let folders: string[] = [];
  const caps = { configuration: false, watchedFiles: false, relativePatterns: false, progress: false, workspaceFolders: false, refreshTokens: false, refreshHints: false };
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
    // Digests indexed from disk keep no text: features that need it read it on demand, with
    // indexing's checks and its folder's size cap (a file grown past it reads as stale).
    loadText: (uri) => readDigestText(deps.disk, URI.parse(uri).fsPath, indexer.indexedWith?.get(discovery.folderOf(uri) ?? '')?.settings.maxFileSize ?? DEFAULT_SETTINGS.maxFileSize),
    onStale: (uri) => track(indexer.indexFromDisk(uri)),
  });
  const notifier = new IndexChangeNotifier((uris) => {
    const params: P.IndexChangedParams = { uris, indexing: indexer.indexing(), files: index.size };
    void connection.sendNotification(P.IndexChangedNotification, params);
  });
  index.onChange((change) => notifier.schedule(change.uris));
  const cacheLocation = new CacheLocation(log);
  const cache = new CacheSaver({
    index,
    // Never inside a workspace folder (cacheLocation.ts).
    file: () => cacheLocation.file(deps.cacheDir === undefined ? (initOptions as { cacheDir?: unknown } | undefined)?.cacheDir : deps.cacheDir, folders),
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
    refresh: () => host.refresh(),
    log,
  });
  const host = new FeatureHost({
    connection,
    documents,
    index,
    settings,
    discovery,
    userFiles,
    isRatesFile: (uri) => userRates.isRatesFile(uri),
    folders: () => folders,
    indexing: () => indexer.indexing(),
    canRefresh: () => ({ tokens: caps.refreshTokens, hints: caps.refreshHints }),
    log,
  });
  const reindex = (force = false) => track(indexer.indexWorkspace(force));
  // The user's rates file (issue 15): conversions read it at request time, so a change of
  // it needs no re-analysis, only fresh views (hovers, hints, conversion checks, the table).
  const userRates = new UserRatesLoader({
    disk: deps.disk,
    openText: (uri) => documents.get(uri)?.getText(),
    settings: (folder) => settings.forResource(folder),
    locale: (folder) => settings.locale(folder),
    publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
    changed: () => {
      host.refresh();
      notifier.schedule('all');
    },
    watchOutside: (uris) => {
      if (!caps.watchedFiles) return;
      const previous = outsideWatch;
      outsideWatch = uris.length
        ? connection.client.register(DidChangeWatchedFilesNotification.type, {
            watchers: uris.map((u) => {
              const uri = URI.parse(u);
              return { globPattern: caps.relativePatterns ? { baseUri: Utils.dirname(uri).toString(), pattern: Utils.basename(uri) } : uri.fsPath };
            }),
          })
        : undefined;
      void previous?.then((d) => d.dispose()).catch(() => undefined);
    },
    log,
  });
  let outsideWatch: Promise<Disposable> | undefined;
  const loadRates = () => userRates.load(folders).catch((e) => log.error(`user rates: ${(e as Error).message}`));
  // Downloaded rates (issue 15): the store in the user's global storage; the network only on request or with rates.autoUpdate on.
  const rates = new DownloadedRates({
    dir: () => ratesDirOf(initOptions, folders.map((f) => URI.parse(f).fsPath), isAbsolute),
    changed: () => {
      host.refresh();
      notifier.schedule('all');
    },
    log,
  });
  const readAutoUpdate = () => track((async () => rates.setAuto((await settings.forResource(folders[0]))['rates.autoUpdate']))());
  // A long open note's analysis is patched at each edit and made whole once edits pause.
  const exact = new ExactPhase(index, { track, log });

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

  // Lifecycle
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    gate.initialize();
    const c = params.capabilities;
    caps.configuration = !!c.workspace?.configuration;
    caps.watchedFiles = !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    caps.relativePatterns = !!c.workspace?.didChangeWatchedFiles?.relativePatternSupport;
    caps.progress = !!c.window?.workDoneProgress;
    caps.workspaceFolders = !!c.workspace?.workspaceFolders;
    caps.refreshTokens = !!c.workspace?.semanticTokens?.refreshSupport;
    caps.refreshHints = !!c.workspace?.inlayHint?.refreshSupport;
    initOptions = params.initializationOptions;
    settings.configure({ hasConfiguration: caps.configuration, initOptions, editorLocale: params.locale });
    folders = (params.workspaceFolders ?? []).map((f) => uriKey(f.uri));
    if (!folders.length && params.rootUri) folders = [uriKey(params.rootUri)];
    const capabilities = featureCapabilities({
      textDocumentSync: TextDocumentSyncKind.Incremental,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    });
    return { capabilities, serverInfo: { name: 'digest-lens', version: '0.1.0' } };
  });

  connection.onInitialized(() => {
    if (caps.configuration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'digestLens' });
    if (caps.watchedFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    if (caps.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        folders = folders.filter((f) => !e.removed.some((r) => r.uri === f)).concat(e.added.map((a) => a.uri));
        track(loadRates());
        reindex();
      });
    }
    // The user's rates first (a read of one small file), so that the first views use them.
    track(loadRates().then(() => reindex()));
    rates.load();
    readAutoUpdate();
  });

  connection.onDidChangeConfiguration(() => {
    settings.reset();
    for (const doc of documents.all()) readCap(doc.uri);
    // Hovers and inlay hints read the new settings at once: ask the editor for fresh views
    // now, not only when a (possibly long) reindex ends.
    host.refresh();
    track(loadRates());
    readAutoUpdate();
    track(
      (async () => {
        // Only settings that change which files are digests or how they are analysed
        // (settingsEffects.ts) cost an indexing run; the others are read by every request.
        if (effectOfChange(indexer.indexedWith, await discovery.inputs()) === 'reindex') return indexer.indexWorkspace();
        notifier.schedule('all'); // the client's views (trees, figures) ask again too
      })(),
    );
  });

  // Open documents: their live text is the indexed state, analysed up to digestLens.maxFileSize
  // of their folder (index/analysedPart.ts). Settings come asynchronously: until a document's
  // cap is read, the last one read applies, and the document is set again if it differs.
  const openCaps = new Map<string, number>();
  let lastCap = DEFAULT_SETTINGS.maxFileSize;
  const setOpen = (doc: TextDocument) => {
    index.set(doc.uri, doc.getText(), doc.version, openCaps.get(doc.uri) ?? lastCap);
    exact.edited(doc.uri);
  };
  const readCap = (uri: string) =>
    track(
      (async () => {
        const cap = (lastCap = (await settings.forResource(uri)).maxFileSize);
        if (openCaps.get(uri) === cap) return;
        openCaps.set(uri, cap);
        const doc = documents.get(uri);
        if (doc) setOpen(doc);
      })(),
    );
  documents.onDidOpen((e) => {
    setOpen(e.document);
    readCap(e.document.uri);
  });
  documents.onDidChangeContent((e) => {
    setOpen(e.document);
    // The rates file as it is typed (opening it is a first change too).
    if (userRates.isRatesFile(e.document.uri)) track(loadRates());
    track(
      (async () => {
        if (await userFiles.isUserFile(folders, e.document.uri)) await indexer.userFilesChanged();
      })(),
    );
  });
  documents.onDidClose((e) => {
    openCaps.delete(e.document.uri);
    // Unsaved edits of the rates file no longer count: its disk state does.
    if (userRates.isRatesFile(e.document.uri)) track(loadRates());
    exact.forget(e.document.uri);
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
        let ratesChanged = false;
        for (const change of e.changes) {
          if (userRates.isRatesFile(change.uri)) {
            ratesChanged = true;
            continue;
          }
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
        if (ratesChanged) await loadRates();
      })(),
    );
  });

  connection.onShutdown(async () => {
    gate.shutdown();
    rates.dispose();
    indexer.stop();
    await cache.shutdown();
  });

  // Status and reindex requests (the sidebar's requests live in features/sidebar.ts).
  connection.onRequest(
    P.StatusRequest,
    host.guard('status', async (): Promise<P.StatusResult> => {
      const s = await settings.forResource(folders[0]);
      return {
        indexing: indexer.indexing(),
        files: index.size,
        skipped: [...index.skipped].map(([uri, reason]) => ({ uri, reason })),
        baseCurrency: s.baseCurrency,
        rateMonth: latestMonth(),
        currencies: knownCurrencies(),
        currencyNames: currencyNames(knownCurrencies()),
      };
    }),
  );
  connection.onRequest(
    P.ReindexRequest,
    host.guard('reindex', async () => {
      settings.clear();
      const run = indexer.indexWorkspace(true);
      track(run);
      await run;
      return { files: index.size };
    }),
  );

  connection.onRequest(
    P.UpdateRatesRequest,
    host.guard('updateRates', async (): Promise<P.UpdateRatesResult> => {
      const tr = translator(await settings.locale(folders[0]));
      const run = rates.update();
      if (!run) return { updated: false, message: tr('rates.noStorage'), newestDay: newestRateDay() };
      const outcome = await run;
      return { updated: outcome.updated, message: outcomeText(tr, outcome), newestDay: newestRateDay() };
    }),
  );
  connection.onRequest(
    P.RatesStateRequest,
    host.guard('ratesState', async (params: P.RatesStateParams): Promise<P.RatesStateResult> => {
      const uri = typeof params?.uri === 'string' ? params.uri : '';
      const noteDate = (uri && index.get(uri)?.analysis.date) || null;
      return { noteDate, newestDay: newestRateDay(), canUpdate: ratesDirOf(initOptions, folders.map((f) => URI.parse(f).fsPath), isAbsolute) !== undefined };
    }),
  );

  // Any other method: MethodNotFound, as vscode-jsonrpc would answer, but through the gate,
  // so that before initialize and after shutdown it too gets the lifecycle's errors.
  connection.onRequest((method: string) => {
    throw new ResponseError(ErrorCodes.MethodNotFound, `unhandled method ${method}`);
  });

  host.registerFeatures();
  documents.listen(connection);
  connection.listen();

  return {
    index,
    stats: () => ({ ...indexer.stats }),
    async whenIdle() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
    dispose() {
      rates.dispose();
      exact.dispose();
      indexer.stop();
      cache.cancel();
      notifier.dispose();
    },
  };
}
