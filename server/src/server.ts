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
import { analyse } from './analysis/analyse';
import { builtinGazetteer, type Gazetteer } from './analysis/gazetteer';
import { builtinTaxonomy, extendTaxonomy, parseUserThemes, type Taxonomy } from './analysis/themes';
import { parseUserEntities } from './analysis/userEntities';
import type { Entity } from './analysis/types';
import { decodeBytes } from './io/decode';
import { WorkspaceIndex } from './index/workspaceIndex';
import { validateSettings, type DigestSettings } from './settings';
import { DigestMatcher, enabledGlobs, findDigests, relativePath } from './workspace/files';
import type { FeatureContext, UserFileState } from './features/context';
import { FEATURES } from './features';
import * as P from './protocol';
import { latestMonth } from './fx/rates';

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
let indexing = false;
let indexRun = 0;

let gazetteer: Gazetteer = builtinGazetteer();
let taxonomy: Taxonomy = builtinTaxonomy();
let userEntityList: Entity[] = [];
let userFileState: { entities: UserFileState; themes: UserFileState } = {
  entities: { uri: null, problems: [] },
  themes: { uri: null, problems: [] },
};

const index = new WorkspaceIndex((text) => analyse(text, { gazetteer, taxonomy }));

// ---------------------------------------------------------------------------------------
// Logging and fault isolation

const log = {
  info: (m: string) => connection.console.info(m),
  warn: (m: string) => connection.console.warn(m),
  error: (m: string) => connection.console.error(m),
};
const failedFeatures = new Set<string>();

function guard<A extends unknown[], R>(feature: string, handler: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (e) {
      // Log a failing feature once; the request fails, the server keeps serving.
      if (!failedFeatures.has(feature)) {
        failedFeatures.add(feature);
        log.error(`${feature} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      }
      throw new ResponseError(ErrorCodes.InternalError, `Digest Lens: ${feature} failed`);
    }
  };
}

// ---------------------------------------------------------------------------------------
// Settings: pulled per resource, validated, cached until the configuration changes

const settingsCache = new Map<string, Promise<DigestSettings>>();
const reportedProblems = new Set<string>();

function reportProblems(problems: string[]): void {
  const fresh = problems.filter((p) => !reportedProblems.has(p));
  if (!fresh.length) return;
  for (const p of fresh) reportedProblems.add(p);
  log.warn(fresh.join('\n'));
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Digest Lens: ${fresh.join('; ')}` });
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
      const { settings, problems } = validateSettings(raw);
      reportProblems(problems);
      return settings;
    })();
    settingsCache.set(key, cached);
  }
  return cached;
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
  try {
    return { uri: path.toString(), content: await fs.readFile(path.fsPath, 'utf8') };
  } catch {
    return null;
  }
}

/** Loads the user's entity and theme files of every folder and re-analyses if they changed. */
async function loadUserFiles(): Promise<void> {
  const entities: Entity[] = [];
  const themes = [];
  const state: typeof userFileState = { entities: { uri: null, problems: [] }, themes: { uri: null, problems: [] } };
  for (const folder of folders) {
    const s = await settingsFor(folder);
    const ent = await readUserFile(folder, s.entitiesFile);
    if (ent) {
      const parsed = parseUserEntities(ent.content, ent.uri);
      entities.push(...parsed.entities);
      state.entities = { uri: ent.uri, problems: parsed.errors };
      if (parsed.errors.length) log.warn(`${ent.uri}: ${parsed.errors.length} problem(s), first: ${parsed.errors[0].line}:${parsed.errors[0].column} ${parsed.errors[0].message}`);
    }
    const th = await readUserFile(folder, s.themesFile);
    if (th) {
      const parsed = parseUserThemes(th.content, th.uri);
      themes.push(...parsed.themes);
      state.themes = { uri: th.uri, problems: parsed.errors };
      if (parsed.errors.length) log.warn(`${th.uri}: ${parsed.errors.length} problem(s), first: ${parsed.errors[0].line}:${parsed.errors[0].column} ${parsed.errors[0].message}`);
    }
  }
  userFileState = state;
  const signature = JSON.stringify([entities, themes]);
  if (signature === lastUserSignature) {
    // Same entries, but the file's problems may differ (one error replaced by another).
    refreshEditorViews();
    return;
  }
  lastUserSignature = signature;
  userEntityList = entities;
  gazetteer = entities.length ? builtinGazetteer().withEntities(entities) : builtinGazetteer();
  taxonomy = themes.length ? extendTaxonomy(builtinTaxonomy(), themes) : builtinTaxonomy();
  index.setAnalyser((text) => analyse(text, { gazetteer, taxonomy }));
  refreshEditorViews();
}
let lastUserSignature = JSON.stringify([[], []]);

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
  let best: string | undefined;
  for (const f of folders) {
    const prefix = f.endsWith('/') ? f : f + '/';
    if (uri.startsWith(prefix) && (!best || f.length > best.length)) best = f;
  }
  return best;
}

async function isWorkspaceDigest(uri: string): Promise<boolean> {
  const folder = folderOf(uri);
  if (!folder || !uri.startsWith('file:')) return false;
  const rel = relativePath(folderPath(folder), URI.parse(uri).fsPath);
  return (await matcherFor(folder)).isDigest(rel);
}

/** Reads a digest from disk into the index, or records why it is skipped. */
async function indexFromDisk(uri: string, size?: number): Promise<void> {
  if (documents.get(uri)) return; // the open document's live text wins
  const s = await settingsFor(uri);
  const path = URI.parse(uri).fsPath;
  try {
    if (size === undefined) size = (await fs.stat(path)).size;
    if (size > s.maxFileSize) {
      skip(uri, `file is ${(size / 1048576).toFixed(1)} MB, over the ${(s.maxFileSize / 1048576).toFixed(1)} MB size cap (digestLens.maxFileSize)`);
      return;
    }
    const decoded = decodeBytes(await fs.readFile(path), s.maxFileSize);
    if (!decoded.ok) {
      skip(uri, decoded.reason);
      return;
    }
    if (decoded.note) log.info(`${uri}: ${decoded.note}`);
    index.set(uri, decoded.text, null);
  } catch (e) {
    index.delete(uri);
    log.warn(`cannot read ${uri}: ${(e as Error).message}`);
  }
}

function skip(uri: string, reason: string): void {
  if (index.skipped.get(uri) !== reason) log.info(`skipped ${uri}: ${reason}`);
  index.skip(uri, reason);
  scheduleIndexChanged([uri]);
}

// ---------------------------------------------------------------------------------------
// Indexing the workspace: chunked, with progress, answering requests between chunks

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function indexWorkspace(): Promise<void> {
  const run = ++indexRun;
  indexing = true;
  scheduleIndexChanged('all');
  let progress: WorkDoneProgressServerReporter | undefined;
  if (hasProgress) {
    try {
      progress = await connection.window.createWorkDoneProgress();
      progress.begin('Digest Lens', 0, 'indexing digests…', false);
    } catch {
      progress = undefined;
    }
  }
  const started = Date.now();
  try {
    await loadUserFiles();
    const found: { uri: string; size: number }[] = [];
    for (const folder of folders) {
      if (!folder.startsWith('file:')) continue;
      const matcher = await matcherFor(folder);
      for await (const f of findDigests(folderPath(folder), matcher)) {
        found.push({ uri: URI.file(f.path).toString(), size: f.size });
        if (run !== indexRun) return;
      }
    }
    // Files indexed earlier but no longer found (deleted or newly excluded) leave the index.
    const keep = new Set(found.map((f) => f.uri));
    for (const d of [...index.all()]) if (!keep.has(d.uri) && !documents.get(d.uri)) index.delete(d.uri);
    for (const uri of [...index.skipped.keys()]) if (!keep.has(uri)) index.skipped.delete(uri);
    let done = 0;
    let lastYield = Date.now();
    for (const f of found) {
      if (run !== indexRun) return;
      await indexFromDisk(f.uri, f.size);
      done++;
      // Answer pending requests at least every 20 ms.
      if (Date.now() - lastYield > 20) {
        progress?.report(Math.round((done / found.length) * 100), `${done}/${found.length} digests`);
        await yieldToEventLoop();
        lastYield = Date.now();
      }
    }
    for (const doc of documents.all()) index.set(doc.uri, doc.getText(), doc.version);
    log.info(`indexed ${index.size} digests in ${Date.now() - started} ms (${index.skipped.size} skipped)`);
  } finally {
    if (run === indexRun) {
      indexing = false;
      scheduleIndexChanged('all');
      refreshEditorViews();
    }
    progress?.done();
  }
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
  void indexWorkspace();
});

// Open documents: their live text is the indexed state.
documents.onDidOpen((e) => {
  index.set(e.document.uri, e.document.getText(), e.document.version);
});
documents.onDidChangeContent((e) => {
  index.set(e.document.uri, e.document.getText(), e.document.version);
  void (async () => {
    if (await isUserFile(e.document.uri)) await loadUserFiles();
  })();
});
documents.onDidClose((e) => {
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
  if (userFilesChanged) await loadUserFiles();
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
    };
  }),
);
connection.onRequest(
  P.ReindexRequest,
  guard('reindex', async () => {
    settingsCache.clear();
    lastUserSignature = '';
    await indexWorkspace();
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
  folders: () => folders,
  gazetteer: () => gazetteer,
  taxonomy: () => taxonomy,
  userEntities: () => userEntityList,
  userFiles: () => userFileState,
  indexing: () => indexing,
  log,
  onRefresh: (listener) => refreshListeners.push(listener),
  guard,
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
