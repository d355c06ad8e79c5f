/**
 * When the index cache is written: at the end of an indexing run that changed something,
 * half a minute after the last file change, and at shutdown. The cache's format is
 * index/cache.ts's; the file lives in the extension's storage folder, never the workspace.
 */
import { dirname, join } from 'node:path';
import { removeOrphanedTemps, saveCache, type CacheSource, type SkippedFile } from '../index/cache';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { Logger } from '../features/context';

/**
 * Saving 10,000 digests writes ~50 MB: it blocks this thread ~15 ms once, then costs I/O
 * and CPU for ~150 ms. Half a minute after the last change it disturbs no editing burst;
 * the save at shutdown covers the rest.
 */
export const CACHE_SAVE_DELAY_MS = 30_000;

export interface CacheSaverDeps {
  index: WorkspaceIndex;
  /** The cache file of this workspace, or null when there is nowhere to keep one. */
  file(): string | null;
  /** True while an indexing run is going: it saves at its own end. */
  busy(): boolean;
  log: Logger;
}

export class CacheSaver {
  /** Something in the index is not in the cache file yet. */
  dirty = false;
  private timer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly deps: CacheSaverDeps) {}

  /** Cache folders whose leftovers were looked for. */
  private readonly cleaned = new Set<string>();

  /**
   * The cache file of this workspace, or null. The first time a folder is named, the
   * temporary files of saves killed midway are removed from it (in the background).
   */
  file(): string | null {
    const file = this.deps.file();
    if (file && !this.cleaned.has(dirname(file))) {
      const dir = dirname(file);
      this.cleaned.add(dir);
      this.cleaning = removeOrphanedTemps(dir).then((names) => {
        if (names.length) this.deps.log.info(`removed ${names.length} temporary file(s) of interrupted cache saves: ${names.join(', ')}`);
      });
    }
    return file;
  }

  /** The removal of leftovers started by file(), for tests and shutdown. */
  cleaning: Promise<void> = Promise.resolve();

  /** Saves after `delayMs` unless another change comes first (then after that one). */
  schedule(delayMs = CACHE_SAVE_DELAY_MS): void {
    if (!this.deps.file()) return;
    this.dirty = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save();
    }, delayMs);
    this.timer.unref?.();
  }

  /** Writes the cache if something changed (not while indexing: the run saves at its end). */
  save(): Promise<void> {
    this.saving = this.saving.then(async () => {
      const file = this.deps.file();
      if (!file || !this.dirty || this.deps.busy()) return;
      this.dirty = false;
      const { index, log } = this.deps;
      const version = index.dataVersion;
      const sources: CacheSource[] = [];
      for (const d of index.all()) {
        const disk = index.diskState(d.uri);
        if (disk && disk.dataVersion === version) sources.push({ uri: d.uri, ...disk });
      }
      const skipped: SkippedFile[] = [];
      for (const [uri, reason] of index.skipped) {
        const stamp = index.skippedStamps.get(uri);
        if (stamp) skipped.push({ uri, stamp, reason });
      }
      const started = Date.now();
      try {
        await saveCache(file, join(file, '..'), version, index.table, sources, skipped);
        log.info(`index cache saved: ${sources.length} digests in ${Date.now() - started} ms`);
      } catch (e) {
        this.dirty = true;
        log.warn(`cannot save the index cache: ${(e as Error).message}`);
      }
    });
    return this.saving;
  }

  /** At shutdown: no more waiting, save now. */
  shutdown(): Promise<void> {
    this.cancel();
    return this.save();
  }

  /** Drops a pending delayed save. */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
