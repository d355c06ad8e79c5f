/**
 * Keeps the workspace index in line with the files on disk: the full indexing run (discovery,
 * the cache, the analysis on worker threads or here, with progress), a single file read
 * again after an event, the re-analysis of stale digests after the user files change, and
 * the list of skipped files. All its state lives in one Indexer; it speaks no LSP: the
 * server gives it what it needs (settings, progress, notifications) as plain functions.
 */
import { existsSync } from 'node:fs';
import { URI } from 'vscode-uri';
import { analyse } from '../analysis/analyse';
import { analyseFile, type FileResult, type FileTask } from '../index/analyseFile';
import { dataVersion } from '../index/analysisSetup';
import { loadCache, type CacheEntry } from '../index/cache';
import type { DiskReader } from '../index/disk';
import { remap } from '../index/packed';
import { AnalysisPool, earlyWorkers, planWorkers, WORKER_MAX_FILE_BYTES } from '../index/workerPool';
import type { Analyser, DiskState, FileStamp, WorkspaceIndex } from '../index/workspaceIndex';
import type { DigestSettings } from '../settings';
import type { IndexInputs } from '../settingsEffects';
import type { Discovery } from './discovery';
import type { Logger } from '../features/context';
import type { CacheSaver } from './cacheSaver';
import type { UserFileLoader } from './userFileLoader';

/** Progress of an indexing run, as the editor shows it. */
export interface Progress {
  report(done: number, total: number): void;
  done(): void;
}

export interface IndexerDeps {
  index: WorkspaceIndex;
  userFiles: UserFileLoader;
  cache: CacheSaver;
  disk: DiskReader;
  /** The analysis worker script, or null: every file is analysed on this thread. */
  workerScript: string | null;
  discovery: Discovery;
  folders(): readonly string[];
  /** True when the editor has the document open (its live text wins over the disk). */
  isOpen(uri: string): boolean;
  /** The settings of a folder (the first folder's for a file outside every folder). */
  settings(folder: string | undefined): Promise<DigestSettings>;
  /** Starts showing progress, or undefined when the editor cannot. */
  beginProgress(): Promise<Progress | undefined>;
  /** The index changed (`indexing()` tells whether a run goes on). */
  indexChanged(uris: string[] | 'all'): void;
  /** Results may change without any document changing: the editor's views should ask again. */
  refresh(): void;
  log: Logger;
}

/** The analyser of every note: its folder's entities and themes (user files), else the union. */
export function analyserOf(userFiles: UserFileLoader): Analyser {
  return (text, uri) => {
    const setup = userFiles.setups.forUri(uri);
    return analyse(text, { gazetteer: setup.gazetteer, taxonomy: setup.taxonomy });
  };
}

/** Up to this many digests are re-analysed at once after the user files change. */
const SYNC_REANALYSE_FILES = 200;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class Indexer {
  private running = false;
  private run = 0;
  /** The cache is read by the first run only; later runs start from the index in memory. */
  private cacheLoaded = false;
  /** What decided each folder's index when the last run started (null before any). */
  indexedWith: ReadonlyMap<string, IndexInputs> | null = null;
  /** Counters for tests: full runs finished, files read from disk and analysed (here or on a worker). */
  readonly stats = { runs: 0, analysed: 0 };

  constructor(private readonly deps: IndexerDeps) {}

  /** True while a full indexing run goes on. */
  indexing(): boolean {
    return this.running;
  }

  /** Stops any run (at shutdown). */
  stop(): void {
    this.run++;
    this.running = false;
  }

  /**
   * Reads the user files again; when their entries changed (or `force`) the index gets the
   * new analyser (open documents re-analysed at once, digests from disk stale) and true is
   * returned. The views are refreshed either way: a file's problems may have changed.
   */
  async reloadUserFiles(force = false): Promise<boolean> {
    const { userFiles, index } = this.deps;
    const changed = await userFiles.load(this.deps.folders(), force);
    if (changed) index.setAnalyser(analyserOf(userFiles), dataVersion(userFiles.setups));
    this.deps.refresh();
    return changed;
  }

  /** After the user's entity or theme file changed: reload, and re-analyse what became stale. */
  async userFilesChanged(): Promise<void> {
    if (await this.reloadUserFiles()) await this.reanalyseStale();
  }

  /** Reads one digest from disk into the index (on this thread), or records why it is skipped. */
  async indexFromDisk(uri: string): Promise<void> {
    const { index, disk, isOpen } = this.deps;
    if (isOpen(uri)) return; // the open document's live text wins
    const path = URI.parse(uri).fsPath;
    const maxSize = (await this.deps.settings(this.deps.discovery.folderOf(uri) ?? this.deps.folders()[0])).maxFileSize;
    try {
      // A closed document whose file did not change goes back to its disk state, unanalysed.
      if (index.revertToDisk(uri, await disk.stat(path))) return;
    } catch {
      // analyseFile reports it.
    }
    if (isOpen(uri)) return; // opened meanwhile
    this.apply(this.analyse({ uri, path, maxSize }, index.dataVersion), true);
    this.deps.cache.schedule();
  }

  /**
   * After the user's entities or themes changed: a small workspace is re-analysed at once
   * (the next request sees the new entities), a large one by an indexing run with progress.
   */
  async reanalyseStale(): Promise<void> {
    const { index, folders } = this.deps;
    if (this.running || index.staleOnDisk().length > SYNC_REANALYSE_FILES) return this.indexWorkspace();
    const maxSizes = new Map<string | undefined, number>();
    for (const folder of [...folders(), undefined]) maxSizes.set(folder, (await this.deps.settings(folder ?? folders()[0])).maxFileSize);
    // From here on, synchronous: no request sees half the workspace re-analysed.
    const stale = index.staleOnDisk();
    for (const uri of stale) this.apply(this.analyse({ uri, path: URI.parse(uri).fsPath, maxSize: maxSizes.get(this.deps.discovery.folderOf(uri))! }, index.dataVersion), false);
    if (stale.length) index.notifyChanged('all');
    this.deps.cache.schedule();
  }

  /**
   * Brings the index in line with the workspace: finds every digest with its size and mtime,
   * keeps analyses that are current, takes others from the cache when size and mtime match
   * (first run only), and analyses the rest, on as many threads as the memory budget allows.
   * `force` (the reindex command) re-analyses all.
   */
  async indexWorkspace(force = false): Promise<void> {
    const { index, cache, log } = this.deps;
    const run = ++this.run;
    const cancelled = () => run !== this.run;
    this.running = true;
    this.deps.indexChanged('all');
    const progress = await this.deps.beginProgress();
    const started = Date.now();
    let pool: AnalysisPool | null = null;
    try {
      this.indexedWith = await this.deps.discovery.inputs();
      await this.reloadUserFiles(force);
      const version = index.dataVersion;
      const file = cache.file();
      const cachePromise = file && !this.cacheLoaded && !force ? loadCache(file, version) : null;
      // A first run with no cache (or the reindex command) analyses everything: a worker
      // started now is ready when the walk ends. Stopped below if the workspace is small.
      const script = this.deps.workerScript;
      const likelyCold = force || (this.stats.runs === 0 && (!file || !existsSync(file)));
      const userEntities = [...this.deps.userFiles.setups.files].some((f) => f.entities);
      if (script && likelyCold) pool = AnalysisPool.start(script, earlyWorkers(), [...this.deps.userFiles.setups.files], version, index.table, log);
      const found = await this.deps.discovery.all(cancelled);
      if (!found) return;
      const walked = Date.now();
      // Files indexed earlier but no longer found (deleted or newly excluded) leave the index.
      const keep = new Set(found.map((f) => f.uri));
      let removed = 0;
      for (const d of [...index.all()]) {
        if (!keep.has(d.uri) && !this.deps.isOpen(d.uri)) {
          index.delete(d.uri);
          removed++;
        }
      }
      for (const uri of [...index.skipped.keys()]) if (!keep.has(uri)) index.skipped.delete(uri);

      const loaded = cachePromise ? await cachePromise : null;
      if (cancelled()) return;
      const cacheWaited = Date.now();
      if (loaded) {
        this.cacheLoaded = true;
        if (!loaded.cache && loaded.reason !== 'no cache file') log.info(`index cache discarded: ${loaded.reason}`);
      }
      const saved = loaded?.cache ?? null;
      const maps = saved ? index.table.adopt(saved.strings, saved.entities) : null;
      const identity = !!maps && maps.strings.every((v, i) => v === i) && maps.entities.every((v, i) => v === i);
      const tasks: FileTask[] = [];
      const sizes = new Map<string, number>();
      const adopted: string[] = [];
      const cached: { uri: string; disk: CacheEntry }[] = [];
      let reskipped = 0;
      let current = 0;
      let lastYield = Date.now();
      for (const f of found) {
        if (Date.now() - lastYield > 20) {
          await yieldToEventLoop(); // 10,000 adoptions take ~200 ms: answer requests meanwhile
          lastYield = Date.now();
          if (cancelled()) return;
        }
        if (f.special) {
          this.skip(f.uri, `not a regular file (${f.special})`); // never opened
          continue;
        }
        if (f.unreadable) {
          this.skip(f.uri, f.unreadable); // a folder that cannot be listed, a file that cannot be looked at
          continue;
        }
        if (f.size > f.maxSize) {
          this.skip(f.uri, `file is ${(f.size / 1048576).toFixed(1)} MB, over the ${(f.maxSize / 1048576).toFixed(1)} MB size cap (digestLens.maxFileSize)`);
          continue;
        }
        if (!force && index.isCurrent(f.uri, f)) {
          current++;
          continue;
        }
        const entry = saved?.entries.get(f.uri);
        if (entry && entry.stamp.size === f.size && entry.stamp.mtimeMs === f.mtimeMs) {
          if (!identity) remap(entry.packed, maps!);
          cached.push({ uri: f.uri, disk: entry }); // the cache's data version is this one (loadCache checked)
          adopted.push(f.uri);
          continue;
        }
        const skipped = saved?.skipped.get(f.uri);
        if (skipped && skipped.stamp.size === f.size && skipped.stamp.mtimeMs === f.mtimeMs) {
          this.skip(f.uri, skipped.reason, skipped.stamp);
          reskipped++;
          continue;
        }
        tasks.push({ uri: f.uri, path: f.path, maxSize: f.maxSize });
        sizes.set(f.uri, f.size);
      }
      index.setDiskMany(cached);
      if (adopted.length) index.notifyChanged(adopted);
      const inserted = Date.now();

      let done = 0;
      let lastReport = Date.now();
      const onResults = (results: FileResult[]) => {
        // A batch's analyses go into the index together (one map update per entity).
        const states: { uri: string; disk: DiskState }[] = [];
        for (const r of results) this.apply(r, false, states);
        index.setDiskMany(states);
        cache.dirty ||= !!file; // a shutdown in the middle saves what is done
        index.notifyChanged(results.map((r) => r.uri));
        done += results.length;
        if (Date.now() - lastReport > 100) {
          progress?.report(done, tasks.length);
          lastReport = Date.now();
        }
      };
      let bytes = 0;
      for (const v of sizes.values()) bytes += v;
      const plan = planWorkers(bytes, userEntities);
      const analyseHere = (task: FileTask) => this.analyse(task, version);
      if (pool && (!tasks.length || plan.workers === 0)) {
        pool.stop(); // started early for nothing: a small workspace, or all from the cache
        pool = null;
      } else if (pool) pool.grow(plan.workers - pool.size);
      else if (script && tasks.length) pool = AnalysisPool.start(script, plan.workers, [...this.deps.userFiles.setups.files], version, index.table, log);
      const workers = pool?.size ?? 0;
      let rest = tasks;
      if (pool && tasks.length) {
        const small = tasks.filter((t) => sizes.get(t.uri)! <= WORKER_MAX_FILE_BYTES);
        const large = tasks.filter((t) => sizes.get(t.uri)! > WORKER_MAX_FILE_BYTES);
        const running = pool.run(small, sizes, onResults, cancelled, plan.help ? analyseHere : undefined);
        // The large files here, while the workers analyse the rest (not after them, when
        // the workers would wait idle).
        lastYield = Date.now();
        for (const task of large) {
          if (cancelled()) break;
          onResults([analyseHere(task)]);
          if (Date.now() - lastYield > 20) {
            await yieldToEventLoop();
            lastYield = Date.now();
          }
        }
        rest = await running;
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
      // Where the time went: the walk (settings, user files, discovery), the wait for the
      // cache file after it, taking in what is current or cached, and the analysis.
      const phases = `walk ${walked - started} ms, cache ${cacheWaited - walked} ms, insert ${inserted - cacheWaited} ms, analysis ${Date.now() - inserted} ms`;
      log.info(`indexed ${index.size} digests in ${Date.now() - started} ms: ${adopted.length} from cache, ${tasks.length} analysed${where}, ${current} unchanged (${index.skipped.size} skipped; ${phases})`);
      if (file && (tasks.length || removed || (saved && (saved.entries.size !== adopted.length || saved.skipped.size !== reskipped)))) cache.dirty = true;
      this.stats.runs++;
    } finally {
      pool?.stop();
      if (run === this.run) {
        this.running = false;
        this.deps.indexChanged('all');
        this.deps.refresh();
        if (cache.dirty) cache.schedule();
      }
      progress?.done();
    }
  }

  /** Reads and analyses one file on this thread. */
  private analyse(task: FileTask, version: string): FileResult {
    return analyseFile(task, this.deps.userFiles.setups.forUri(task.uri), this.deps.index.table, version, this.deps.disk.read);
  }

  /** Puts one file's analysis (from a worker or from this thread) into the index. */
  private apply(r: FileResult, notify: boolean, into?: { uri: string; disk: DiskState }[]): void {
    const { index, log } = this.deps;
    this.stats.analysed++;
    if (r.kind === 'ok') {
      if (r.note) log.info(`${r.uri}: ${r.note}`);
      if (r.dataVersion !== index.dataVersion) return; // made with user files since replaced
      const disk: DiskState = { stamp: r.stamp, packed: r.packed, lineStarts: r.lineStarts, textLength: r.textLength, dataVersion: r.dataVersion };
      if (into) into.push({ uri: r.uri, disk });
      else index.setDisk(r.uri, disk, notify);
    } else if (r.kind === 'skip') this.skip(r.uri, r.reason, r.stamp);
    else {
      index.delete(r.uri);
      log.warn(`cannot read ${r.uri}: ${r.message}`);
    }
  }

  /** Records that a file is not indexed, and why (logged when the reason is new). */
  private skip(uri: string, reason: string, stamp?: FileStamp): void {
    const { index, log } = this.deps;
    if (index.skipped.get(uri) !== reason) log.info(`skipped ${uri}: ${reason}`);
    index.skip(uri, reason, stamp);
    this.deps.indexChanged([uri]);
  }
}
