/**
 * The Digest Lens language server: LSP wiring only. It keeps the workspace index in step
 * with open documents and files on disk, loads settings and the user's entity and theme
 * files, and hands every request to a feature (server/src/features/). Runs under VS Code
 * (IPC) or on its own: `node dist/server.js --stdio`.
 */
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  ProposedFeatures,
  ResponseError,
  ErrorCodes,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, Utils } from 'vscode-uri';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { analyse } from './analysis/analyse';
import { parseUserEntities } from './analysis/userFiles/entities';
import { parseUserThemes } from './analysis/userFiles/themes';
import { decodeBytes } from './io/decode';
import { WorkspaceIndex } from './index/workspaceIndex';
import { dataVersion } from './index/analysisSetup';
import { containingFolder, FolderSetups, type FolderUserFiles } from './index/folderSetups';
import { analyseFile, readWithStamp, type FileResult, type FileTask } from './index/analyseFile';
import { AnalysisPool, planWorkers, WORKER_MAX_FILE_BYTES } from './index/workerPool';
import { discoverDigests } from './index/discover';
import { cacheFile, loadCache, saveCache, type CacheSource } from './index/cache';
import { remap } from './index/packed';
import { problemTexts, validateSettings, type DigestSettings, type SettingsProblem } from './settings';
import { resolveLocale, translator, type Locale } from './l10n';
import { DigestMatcher, enabledGlobs, relativePath } from './workspace/files';
import type { FeatureContext, UserFileState } from './features/context';
import { FEATURES } from './features';
import * as P from './protocol';
import { knownCurrencies, latestMonth } from './fx/rates';
import { currencyNames } from './analysis/currencyTable';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let folders: string[] = [];
let hasConfiguration = false;
let hasWatchedFiles = false;
let hasProgress = false;
let hasWorkspaceFolders = false;
let canRefreshTokens = false;
let canRefreshHints = false;
let initOptions: unknown = undefined;
/** The editor's display language as sent in initialize ("en", "zh-cn", "zh-TW"…), or undefined. */
let editorLocale: unknown = undefined;
/** The language of the first folder's settings, for texts sent outside any request on a resource. */
let serverLocale: Locale = 'en';
let indexing = false;
let indexRun = 0;

/**
 * Gazetteer and taxonomy of each workspace folder (built on first use), from that folder's
 * entity and theme files: a folder's notes never see another folder's entities. The
 * analysis workers get the same file contents.
 */
let setups = new FolderSetups([]);
/** Each folder's entity and theme file state (keyed by folder uri). */
let userFileState = new Map<string, { entities: UserFileState; themes: UserFileState }>();
const NO_USER_FILES = { entities: { uri: null, problems: [] }, themes: { uri: null, problems: [] } };

const analyser = (text: string, uri: string) => {
  const setup = setups.forUri(uri);
  return analyse(text, { gazetteer: setup.gazetteer, taxonomy: setup.taxonomy });
};
const index = new WorkspaceIndex(analyser);
index.dataVersion = dataVersion(setups);
// Digests indexed from disk keep no text: features that need it read it on demand.
index.loadText = (uri) => {
  try {
    const { bytes } = readWithStamp(URI.parse(uri).fsPath, Number.MAX_SAFE_INTEGER);
    const decoded = bytes && decodeBytes(bytes, Number.MAX_SAFE_INTEGER);
    return decoded && decoded.ok ? decoded.text : null;
  } catch {
    return null;
  }
};
index.onStale = (uri) => void indexFromDisk(uri);

// ---------------------------------------------------------------------------------------
// Logging and fault isolation

const log = {
  info: (m: string) => connection.console.info(m),
  warn: (m: string) => connection.console.warn(m),
  error: (m: string) => connection.console.error(m),
};
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
        log.error(`${feature} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      }
      throw new ResponseError(ErrorCodes.InternalError, translator(serverLocale)('server.featureFailed', feature));
    }
  };
}

// ---------------------------------------------------------------------------------------
// Settings: pulled per resource, validated, cached until the configuration changes

const settingsCache = new Map<string, Promise<DigestSettings>>();
const reportedProblems = new Set<string>();

/** Shows each settings problem once (in the user's language; the log gets English). */
function reportProblems(problems: string[], keyed: SettingsProblem[], locale: Locale): void {
  const fresh = problems.map((p, i) => ({ p, k: keyed[i] })).filter(({ p }) => !reportedProblems.has(p));
  if (!fresh.length) return;
  for (const { p } of fresh) reportedProblems.add(p);
  log.warn(fresh.map(({ p }) => p).join('\n'));
  const tr = translator(locale);
  const message = tr('server.settingsProblems', problemTexts(fresh.map(({ k }) => k), tr).join(tr.locale === 'en' ? '; ' : '；'));
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
}

function settingsFor(uri?: string): Promise<DigestSettings> {
  const key = uri ?? '';
  let cached = settingsCache.get(key);
  if (!cached) {
    cached = (async () => {
      let raw: unknown = (initOptions as { settings?: unknown } | undefined)?.settings;
      if (hasConfiguration) {
        try {
          raw = await connection.workspace.getConfiguration({ scopeUri: uri, section: 'digestLens' });
        } catch {
          raw = undefined;
        }
      }
      const { settings, problems, keyed } = validateSettings(raw);
      const locale = resolveLocale(settings.language, editorLocale);
      if (key === (folders[0] ?? '')) serverLocale = locale;
      reportProblems(problems, keyed, locale);
      return settings;
    })();
    settingsCache.set(key, cached);
  }
  return cached;
}

/** The language of the texts about a resource: digestLens.language, else the editor's. */
async function localeFor(uri?: string): Promise<Locale> {
  return resolveLocale((await settingsFor(uri)).language, editorLocale);
}

async function filesExclude(uri?: string): Promise<string[]> {
  if (!hasConfiguration) return [];
  try {
    return enabledGlobs(await connection.workspace.getConfiguration({ scopeUri: uri, section: 'files.exclude' }));
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------------------------------
// User entity and theme files

function folderPath(folder: string): string {
  return URI.parse(folder).fsPath;
}

async function readUserFile(folder: string, relPath: string): Promise<{ uri: string; content: string } | null> {
  const path = Utils.joinPath(URI.parse(folder), relPath);
  const open = documents.get(path.toString());
  if (open) return { uri: path.toString(), content: open.getText() };
  // A virtual folder (vscode-vfs://…) is not on this disk: never read a local file that
  // happens to have the same path.
  if (path.scheme !== 'file') return null;
  try {
    return { uri: path.toString(), content: await fs.readFile(path.fsPath, 'utf8') };
  } catch {
    return null;
  }
}

/**
 * Loads the user's entity and theme files of every folder. When their entries changed (or
 * `force`), the analyser changes: open documents are re-analysed at once and the digests
 * indexed from disk become stale; returns true, and the caller re-indexes.
 */
async function loadUserFiles(force = false): Promise<boolean> {
  const files: FolderUserFiles[] = [];
  for (const folder of folders) {
    const s = await settingsFor(folder);
    files.push({ folder, entities: await readUserFile(folder, s.entitiesFile), themes: await readUserFile(folder, s.themesFile) });
  }
  const next = new FolderSetups(files, setups);
  const state: typeof userFileState = new Map();
  for (const f of files) {
    const entry = { entities: { uri: f.entities?.uri ?? null, problems: [] as UserFileState['problems'] }, themes: { uri: f.themes?.uri ?? null, problems: [] as UserFileState['problems'] } };
    // Each file's own problems (folders with equal entries share one setup, not their errors).
    for (const which of ['entities', 'themes'] as const) {
      const file = f[which];
      if (!file) continue;
      const errors = which === 'entities' ? parseUserEntities(file.content, file.uri).errors : parseUserThemes(file.content, file.uri).errors;
      entry[which].problems = errors;
      if (errors.length) log.warn(`${file.uri}: ${errors.length} problem(s), first: ${errors[0].line}:${errors[0].column} ${errors[0].message}`);
    }
    state.set(f.folder, entry);
  }
  userFileState = state;
  if (!force && next.signature === setups.signature) {
    // Same entries, but the file's problems may differ (one error replaced by another).
    refreshEditorViews();
    return false;
  }
  setups = next;
  index.setAnalyser(analyser, dataVersion(setups));
  refreshEditorViews();
  return true;
}

async function isUserFile(uri: string): Promise<boolean> {
  for (const folder of folders) {
    const s = await settingsFor(folder);
    for (const rel of [s.entitiesFile, s.themesFile]) if (Utils.joinPath(URI.parse(folder), rel).toString() === uri) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------
// Which files are digests

async function matcherFor(folder: string): Promise<DigestMatcher> {
  const s = await settingsFor(folder);
  return new DigestMatcher({ include: s.include, exclude: [...s.exclude, ...(await filesExclude(folder))] });
}

/** The workspace folder containing a uri, or undefined. */
function folderOf(uri: string): string | undefined {
  return containingFolder(folders, uri);
}

async function isWorkspaceDigest(uri: string): Promise<boolean> {
  const folder = folderOf(uri);
  if (!folder || !uri.startsWith('file:')) return false;
  const rel = relativePath(folderPath(folder), URI.parse(uri).fsPath);
  return (await matcherFor(folder)).isDigest(rel);
}

/** Puts one file's analysis (from a worker or from this thread) into the index. */
function applyResult(r: FileResult, notify: boolean): void {
  if (r.kind === 'ok') {
    if (r.note) log.info(`${r.uri}: ${r.note}`);
    if (r.dataVersion !== index.dataVersion) return; // made with user files since replaced
    index.setDisk(r.uri, { stamp: r.stamp, packed: r.packed, lineStarts: Array.from(r.lineStarts), textLength: r.textLength, dataVersion: r.dataVersion }, notify);
  } else if (r.kind === 'skip') skip(r.uri, r.reason);
  else {
    index.delete(r.uri);
    log.warn(`cannot read ${r.uri}: ${r.message}`);
  }
}

/** Reads one digest from disk into the index (on this thread), or records why it is skipped. */
async function indexFromDisk(uri: string): Promise<void> {
  if (documents.get(uri)) return; // the open document's live text wins
  const path = URI.parse(uri).fsPath;
  const maxSize = (await settingsFor(folderOf(uri) ?? folders[0])).maxFileSize;
  try {
    // A closed document whose file did not change goes back to its disk state, unanalysed.
    const st = await fs.stat(path);
    if (index.revertToDisk(uri, { size: st.size, mtimeMs: st.mtimeMs })) return;
  } catch {
    // analyseFile reports it.
  }
  if (documents.get(uri)) return; // opened meanwhile
  applyResult(analyseFile({ uri, path, maxSize }, setups.forUri(uri), index.table, index.dataVersion), true);
  scheduleCacheSave(CACHE_SAVE_DELAY_MS);
}

function skip(uri: string, reason: string): void {
  if (index.skipped.get(uri) !== reason) log.info(`skipped ${uri}: ${reason}`);
  index.skip(uri, reason);
  scheduleIndexChanged([uri]);
}

// ---------------------------------------------------------------------------------------
// Indexing the workspace: from the cache where it is current, the rest analysed on worker
// threads or here (index/workerPool.ts planWorkers), with progress, answering requests
// between batches

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const WORKER_SCRIPT = join(__dirname, 'analysisWorker.js');
/** The cache is read by the first run only; later runs start from the index in memory. */
let cacheLoaded = false;

/** The index cache file of this workspace, or null (the client gave no cacheDir). */
function cachePath(): string | null {
  const dir = (initOptions as { cacheDir?: unknown } | undefined)?.cacheDir;
  return typeof dir === 'string' && dir && folders.length ? cacheFile(dir, folders) : null;
}

/**
 * Brings the index in line with the workspace: finds every digest with its size and mtime,
 * keeps analyses that are current, takes others from the cache when size and mtime match
 * (first run only), and analyses the rest, on as many threads as the memory budget allows.
 * `force` (the reindex command) re-analyses all.
 */
async function indexWorkspace(force = false): Promise<void> {
  const run = ++indexRun;
  const cancelled = () => run !== indexRun;
  indexing = true;
  scheduleIndexChanged('all');
  let progress: WorkDoneProgressServerReporter | undefined;
  if (hasProgress) {
    try {
      progress = await connection.window.createWorkDoneProgress();
      serverLocale = await localeFor(folders[0]);
      progress.begin('Digest Lens', 0, translator(serverLocale)('progress.indexing'), false);
    } catch {
      progress = undefined;
    }
  }
  const started = Date.now();
  let pool: AnalysisPool | null = null;
  try {
    await loadUserFiles(force);
    const version = index.dataVersion;
    const file = cachePath();
    const useCache = !!file && !cacheLoaded && !force;
    const cachePromise = useCache ? loadCache(file!, version) : null;
    const found: (FileTask & { size: number; mtimeMs: number })[] = [];
    for (const folder of folders) {
      if (!folder.startsWith('file:')) continue;
      const matcher = await matcherFor(folder);
      const maxSize = (await settingsFor(folder)).maxFileSize;
      for (const f of await discoverDigests(folderPath(folder), matcher, cancelled)) {
        found.push({ uri: URI.file(f.path).toString(), path: f.path, maxSize, size: f.size, mtimeMs: f.mtimeMs });
      }
      if (cancelled()) return;
    }
    // Files indexed earlier but no longer found (deleted or newly excluded) leave the index.
    const keep = new Set(found.map((f) => f.uri));
    let removed = 0;
    for (const d of [...index.all()]) {
      if (!keep.has(d.uri) && !documents.get(d.uri)) {
        index.delete(d.uri);
        removed++;
      }
    }
    for (const uri of [...index.skipped.keys()]) if (!keep.has(uri)) index.skipped.delete(uri);

    const loaded = cachePromise ? await cachePromise : null;
    if (cancelled()) return;
    if (loaded) {
      cacheLoaded = true;
      if (!loaded.cache && loaded.reason !== 'no cache file') log.info(`index cache discarded: ${loaded.reason}`);
    }
    const cache = loaded?.cache ?? null;
    const maps = cache ? index.table.adopt(cache.strings, cache.entities) : null;
    const identity = !!maps && maps.strings.every((v, i) => v === i) && maps.entities.every((v, i) => v === i);
    const tasks: FileTask[] = [];
    const sizes = new Map<string, number>();
    const adopted: string[] = [];
    let current = 0;
    let lastYield = Date.now();
    for (const f of found) {
      if (Date.now() - lastYield > 20) {
        await yieldToEventLoop(); // 10,000 adoptions take ~200 ms: answer requests meanwhile
        lastYield = Date.now();
        if (cancelled()) return;
      }
      if (f.size > f.maxSize) {
        skip(f.uri, `file is ${(f.size / 1048576).toFixed(1)} MB, over the ${(f.maxSize / 1048576).toFixed(1)} MB size cap (digestLens.maxFileSize)`);
        continue;
      }
      if (!force && index.isCurrent(f.uri, f)) {
        current++;
        continue;
      }
      const entry = cache?.entries.get(f.uri);
      if (entry && entry.stamp.size === f.size && entry.stamp.mtimeMs === f.mtimeMs) {
        if (!identity) remap(entry.packed, maps!);
        index.setDisk(f.uri, { ...entry, dataVersion: version }, false);
        adopted.push(f.uri);
        continue;
      }
      tasks.push({ uri: f.uri, path: f.path, maxSize: f.maxSize });
      sizes.set(f.uri, f.size);
    }
    if (adopted.length) index.notifyChanged(adopted);

    let done = 0;
    let lastReport = Date.now();
    const onResults = (results: FileResult[]) => {
      for (const r of results) applyResult(r, false);
      cacheDirty ||= !!file; // a shutdown in the middle saves what is done
      index.notifyChanged(results.map((r) => r.uri));
      done += results.length;
      if (Date.now() - lastReport > 100) {
        progress?.report(Math.round((done / tasks.length) * 100), translator(serverLocale)('progress.digests', done, tasks.length));
        lastReport = Date.now();
      }
    };
    let bytes = 0;
    for (const v of sizes.values()) bytes += v;
    const plan = planWorkers(bytes);
    const analyseHere = (task: FileTask) => analyseFile(task, setups.forUri(task.uri), index.table, version);
    pool = AnalysisPool.start(WORKER_SCRIPT, plan.workers, [...setups.files], version, index.table, log);
    const workers = pool?.size ?? 0;
    let rest = tasks;
    if (pool && tasks.length) {
      const small = tasks.filter((t) => sizes.get(t.uri)! <= WORKER_MAX_FILE_BYTES);
      const large = tasks.filter((t) => sizes.get(t.uri)! > WORKER_MAX_FILE_BYTES);
      rest = [...large, ...(await pool.run(small, sizes, onResults, cancelled, plan.help ? analyseHere : undefined))];
    }
    pool?.stop(); // their memory goes back now; a later run starts new ones
    pool = null;
    // Without workers (or what they left): here, answering requests at least every 20 ms.
    // Reads are synchronous: ~30 µs a file from the page cache, less than a promise chain.
    lastYield = Date.now();
    for (const task of rest) {
      if (cancelled()) return;
      onResults([analyseHere(task)]);
      if (Date.now() - lastYield > 20) {
        await yieldToEventLoop();
        lastYield = Date.now();
      }
    }
    if (cancelled()) return;
    const where = !tasks.length ? '' : workers ? ` on ${workers} worker${workers === 1 ? '' : 's'}${plan.help ? ' and the server' : ''}` : ' in the server';
    log.info(`indexed ${index.size} digests in ${Date.now() - started} ms: ${adopted.length} from cache, ${tasks.length} analysed${where}, ${current} unchanged (${index.skipped.size} skipped)`);
    if (file && (tasks.length || removed || (cache && cache.entries.size !== adopted.length))) cacheDirty = true;
  } finally {
    pool?.stop();
    if (run === indexRun) {
      indexing = false;
      scheduleIndexChanged('all');
      refreshEditorViews();
      if (cacheDirty) scheduleCacheSave(CACHE_SAVE_DELAY_MS);
    }
    progress?.done();
  }
}

/** Up to this many digests are re-analysed at once after the user files change. */
const SYNC_REANALYSE_FILES = 200;

/**
 * After the user's entities or themes changed: a small workspace is re-analysed at once
 * (the next request sees the new entities), a large one by an indexing run with progress.
 */
async function reanalyseStale(): Promise<void> {
  if (indexing || index.staleOnDisk().length > SYNC_REANALYSE_FILES) return indexWorkspace();
  const maxSizes = new Map<string | undefined, number>();
  for (const folder of [...folders, undefined]) maxSizes.set(folder, (await settingsFor(folder ?? folders[0])).maxFileSize);
  // From here on, synchronous: no request sees half the workspace re-analysed.
  const stale = index.staleOnDisk();
  for (const uri of stale) {
    const task = { uri, path: URI.parse(uri).fsPath, maxSize: maxSizes.get(folderOf(uri))! };
    applyResult(analyseFile(task, setups.forUri(uri), index.table, index.dataVersion), false);
  }
  if (stale.length) index.notifyChanged('all');
  scheduleCacheSave(CACHE_SAVE_DELAY_MS);
}

// ---------------------------------------------------------------------------------------
// Saving the index cache: after indexing, debounced after file changes, and at shutdown

/**
 * Saving 10,000 digests writes ~50 MB: it blocks this thread ~15 ms once, then costs I/O
 * and CPU for ~150 ms. Half a minute after the last change it disturbs no editing burst;
 * the save at shutdown covers the rest.
 */
const CACHE_SAVE_DELAY_MS = 30_000;
let cacheDirty = false;
let cacheTimer: NodeJS.Timeout | undefined;
let cacheSaving: Promise<void> = Promise.resolve();

function scheduleCacheSave(delayMs: number): void {
  if (!cachePath()) return;
  cacheDirty = true;
  if (cacheTimer) clearTimeout(cacheTimer);
  cacheTimer = setTimeout(() => {
    cacheTimer = undefined;
    void saveIndexCache();
  }, delayMs);
  cacheTimer.unref?.();
}

/** Writes the cache if something changed (not while indexing: the run saves at its end). */
function saveIndexCache(): Promise<void> {
  cacheSaving = cacheSaving.then(async () => {
    const file = cachePath();
    if (!file || !cacheDirty || indexing) return;
    cacheDirty = false;
    const version = index.dataVersion;
    const sources: CacheSource[] = [];
    for (const d of index.all()) {
      const disk = index.diskState(d.uri);
      if (disk && disk.dataVersion === version) sources.push({ uri: d.uri, ...disk });
    }
    const started = Date.now();
    try {
      await saveCache(file, join(file, '..'), version, index.table, sources);
      log.info(`index cache saved: ${sources.length} digests in ${Date.now() - started} ms`);
    } catch (e) {
      cacheDirty = true;
      log.warn(`cannot save the index cache: ${(e as Error).message}`);
    }
  });
  return cacheSaving;
}

/**
 * Asks the editor to re-request semantic tokens and inlay hints: after settings change
 * (base currency, inlay hints on or off) or user entities change, open documents need
 * fresh ones even though their text did not change.
 */
function refreshEditorViews(): void {
  if (canRefreshTokens) void connection.languages.semanticTokens.refresh();
  if (canRefreshHints) void connection.languages.inlayHint.refresh();
  for (const listener of refreshListeners) {
    try {
      listener();
    } catch (e) {
      log.error(`refresh listener failed: ${(e as Error).message}`);
    }
  }
}
const refreshListeners: (() => void)[] = [];

// ---------------------------------------------------------------------------------------
// Index change notifications (debounced)

let pendingChange: Set<string> | 'all' | null = null;
let changeTimer: NodeJS.Timeout | undefined;

function scheduleIndexChanged(uris: string[] | 'all'): void {
  if (uris === 'all' || pendingChange === 'all') pendingChange = 'all';
  else {
    pendingChange ??= new Set();
    for (const u of uris) (pendingChange as Set<string>).add(u);
  }
  if (changeTimer) return;
  changeTimer = setTimeout(() => {
    changeTimer = undefined;
    const change = pendingChange;
    pendingChange = null;
    if (!change) return;
    const params: P.IndexChangedParams = { uris: change === 'all' ? 'all' : [...change], indexing, files: index.size };
    void connection.sendNotification(P.IndexChangedNotification, params);
  }, 150);
}

index.onChange((change) => scheduleIndexChanged(change.uris));

// ---------------------------------------------------------------------------------------
// Lifecycle

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  hasConfiguration = !!caps.workspace?.configuration;
  hasWatchedFiles = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  hasProgress = !!caps.window?.workDoneProgress;
  hasWorkspaceFolders = !!caps.workspace?.workspaceFolders;
  canRefreshTokens = !!caps.workspace?.semanticTokens?.refreshSupport;
  canRefreshHints = !!caps.workspace?.inlayHint?.refreshSupport;
  initOptions = params.initializationOptions;
  editorLocale = params.locale;
  serverLocale = resolveLocale('auto', editorLocale);
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
  if (hasConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'digestLens' });
  if (hasWatchedFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*' }],
    });
  }
  if (hasWorkspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      folders = folders.filter((f) => !e.removed.some((r) => r.uri === f)).concat(e.added.map((a) => a.uri));
      void indexWorkspace();
    });
  }
  void indexWorkspace();
});

connection.onDidChangeConfiguration(() => {
  settingsCache.clear();
  reportedProblems.clear();
  // Hovers and inlay hints read the new settings at once: ask the editor for fresh hints now,
  // not only when the (possibly long) reindex below ends.
  refreshEditorViews();
  void indexWorkspace();
});

// Open documents: their live text is the indexed state.
documents.onDidOpen((e) => {
  index.set(e.document.uri, e.document.getText(), e.document.version);
});
documents.onDidChangeContent((e) => {
  index.set(e.document.uri, e.document.getText(), e.document.version);
  void (async () => {
    if ((await isUserFile(e.document.uri)) && (await loadUserFiles())) await reanalyseStale();
  })();
});
documents.onDidClose((e) => {
  index.markClosed(e.document.uri);
  void (async () => {
    // A closed workspace digest goes back to its state on disk; anything else leaves.
    if (await isWorkspaceDigest(e.document.uri)) await indexFromDisk(e.document.uri);
    else index.delete(e.document.uri);
  })();
});

connection.onDidChangeWatchedFiles(async (e) => {
  let userFilesChanged = false;
  for (const change of e.changes) {
    if (await isUserFile(change.uri)) {
      userFilesChanged = true;
      continue;
    }
    if (change.type === FileChangeType.Deleted) {
      if (!documents.get(change.uri)) index.delete(change.uri);
      // A deleted folder: drop everything below it.
      const prefix = change.uri.endsWith('/') ? change.uri : change.uri + '/';
      for (const d of [...index.all()]) if (d.uri.startsWith(prefix) && !documents.get(d.uri)) index.delete(d.uri);
    } else if (await isWorkspaceDigest(change.uri)) {
      await indexFromDisk(change.uri);
    }
  }
  if (userFilesChanged && (await loadUserFiles())) await reanalyseStale();
});

connection.onShutdown(async () => {
  indexRun++; // stops any indexing run
  indexing = false;
  if (cacheTimer) clearTimeout(cacheTimer);
  await saveIndexCache();
});

// Status and reindex requests (the sidebar's requests live in features/sidebar.ts).
connection.onRequest(
  P.StatusRequest,
  guard('status', async (): Promise<P.StatusResult> => {
    const s = await settingsFor(folders[0]);
    return {
      indexing,
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
  guard('reindex', async () => {
    settingsCache.clear();
    await indexWorkspace(true);
    return { files: index.size };
  }),
);

// ---------------------------------------------------------------------------------------
// Features

const context: FeatureContext = {
  connection,
  documents,
  index,
  settings: (uri?: string) => settingsFor(uri ?? folders[0]),
  locale: (uri?: string) => localeFor(uri ?? folders[0]),
  folders: () => folders,
  folderOf,
  gazetteer: (uri) => (uri ? setups.forUri(uri) : setups.union()).gazetteer,
  taxonomy: (uri) => (uri ? setups.forUri(uri) : setups.union()).taxonomy,
  userEntities: (uri) => (uri ? setups.forUri(uri) : setups.union()).userEntities,
  userFiles: (uri) => userFileState.get((uri && folderOf(uri)) ?? folders[0]) ?? NO_USER_FILES,
  allUserFiles: () => [...userFileState.values()],
  indexing: () => indexing,
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
