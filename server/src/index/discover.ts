/**
 * Finds the digests of a workspace folder with their size and mtime, fast: folders are
 * listed many at a time (the file system answers in parallel), files are stat'ed in
 * synchronous runs between which the server answers requests. The walk policy (what is a
 * digest, what is excluded) is workspace/files.ts's DigestMatcher.
 */
import { existsSync, promises as fs, statSync, type Dirent } from 'node:fs';
import { normalize, sep } from 'node:path';
import type { DigestMatcher } from '../workspace/files';
import { StatWorker } from './statWorker';
import type { FileStamp } from './workspaceIndex';

/** Folders never walked into (as workspace/files.ts's findDigests). */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', '.bench']);
/** Directory listings in flight at once. */
const PARALLEL = 64;
/** Stats per synchronous run (~1 ms from the page cache), and the longest run before yielding. */
const STAT_RUN = 256;
const STAT_SLICE_MS = 10;
/** From this many files the stats are made on a worker (starting one costs ~10-20 ms of another core). */
const WORKER_STATS_FROM = 2000;
/** One options object for every stat (not one made per file). */
const STAT_OPTIONS = { throwIfNoEntry: false } as const;
const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A digest on disk. */
export interface FoundFile extends FileStamp {
  path: string;
  /**
   * Set for a named pipe, a socket or a device named like a digest ('a named pipe'…): never
   * opened, reported as skipped (its size and mtime are 0).
   */
  special?: string;
  /**
   * Set for a folder (or a file) that is there but cannot be read, with the reason
   * ('folder cannot be read: permission denied'): reported as skipped, never indexed.
   */
  unreadable?: string;
}

/** Why a listing or a stat failed, in words for the skipped list; null when the path simply went away. */
export function unreadableReason(e: unknown, what: 'folder' | 'file'): string | null {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return null;
  return `${what} cannot be read: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? 'error')}`;
}

/** What a listed entry that is neither a file, a folder nor a symlink is, in words. */
function specialKind(e: Dirent): string {
  return e.isFIFO() ? 'a named pipe' : e.isSocket() ? 'a socket' : 'a device';
}

/** Runs `fn` over `items`, at most `limit` at a time. */
async function forEachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * Every digest below `root` with its stamp, sorted by path. Never throws: files that
 * vanish during the walk are left out; folders that cannot be listed come with `unreadable`. `cancelled` stops early.
 * `workerFrom`: the number of files from which the stats are made on a worker.
 */
export async function discoverDigests(root: string, matcher: DigestMatcher, cancelled: () => boolean = () => false, workerFrom = WORKER_STATS_FROM): Promise<FoundFile[]> {
  const paths: string[] = [];
  const special: FoundFile[] = [];
  // Each folder with its workspace-relative path (forward slashes), built name by name:
  // path.relative on every file of a large workspace costs more than the listing.
  // Paths are joined by hand below a normalised root (path.join normalises every time):
  // the same strings as path.join(dir, name), since a listed name holds no separator.
  let level: { dir: string; rel: string }[] = [{ dir: normalize(root), rel: '' }];
  let worker: StatWorker | null = null;
  while (level.length && !cancelled()) {
    const below: { dir: string; rel: string }[] = [];
    await forEachLimit(level, PARALLEL, async ({ dir, rel: at }) => {
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch (e) {
        // Gone meanwhile: nothing to say. Unreadable: listed among the skipped, with why.
        const why = unreadableReason(e, 'folder');
        if (why) special.push({ path: dir, size: 0, mtimeMs: 0, unreadable: why });
        return;
      }
      const prefix = dir.endsWith(sep) ? dir : dir + sep;
      for (const e of entries) {
        const rel = at ? `${at}/${e.name}` : e.name;
        // A name that is not UTF-8 comes back with U+FFFD and cannot be opened by that
        // string (nor named by a uri): listed as skipped with why, not left out unseen.
        if (e.name.includes('\uFFFD') && (e.isDirectory() || matcher.isDigest(rel)) && !existsSync(prefix + e.name)) {
          special.push({ path: prefix + e.name, size: 0, mtimeMs: 0, unreadable: `${e.isDirectory() ? 'folder' : 'file'} cannot be read: its name is not valid UTF-8` });
          continue;
        }
        if (e.isDirectory()) {
          if (!ALWAYS_SKIPPED.has(e.name) && !matcher.isExcluded(rel)) below.push({ dir: prefix + e.name, rel });
        } else if (e.isFile()) {
          if (matcher.isDigest(rel)) paths.push(prefix + e.name);
        } else if (!e.isSymbolicLink() && matcher.isDigest(rel)) special.push({ path: prefix + e.name, size: 0, mtimeMs: 0, special: specialKind(e) });
      }
    });
    level = below;
    // Many files already: the stat worker starts coming up while the walk goes on.
    if (!worker && paths.length >= workerFrom) worker = new StatWorker();
  }
  const found: FoundFile[] = special;
  // Many files: stats on a worker (see statWorker.ts), the same answers as the loop below.
  const stamps = worker && !cancelled() ? await worker.stat(paths) : (worker?.stop(), null);
  if (stamps) {
    for (let i = 0; i < paths.length; i++) if (stamps[2 * i] >= 0) found.push({ path: paths[i], size: stamps[2 * i], mtimeMs: stamps[2 * i + 1] });
    return found.sort(byPath);
  }
  // Else synchronous stats: each answers from the page cache in a few microseconds, while a
  // callback through the thread pool costs the server's thread more than the stat itself
  // (10,000 files on the 2-core machine: ~25 ms this way, 60-200 ms by callbacks under
  // load). Runs are short and the server answers requests between them.
  let since = Date.now();
  for (let from = 0; from < paths.length && !cancelled(); from += STAT_RUN) {
    const to = Math.min(paths.length, from + STAT_RUN);
    for (let i = from; i < to; i++) {
      try {
        const st = statSync(paths[i], STAT_OPTIONS);
        // A listed file can be replaced by a pipe or a folder before the stat: only regular files.
        if (st?.isFile()) found.push({ path: paths[i], size: st.size, mtimeMs: st.mtimeMs });
      } catch (e) {
        // Gone since the listing: left out. There but not to be looked at: said why.
        const why = unreadableReason(e, 'file');
        if (why) found.push({ path: paths[i], size: 0, mtimeMs: 0, unreadable: why });
      }
    }
    if (Date.now() - since > STAT_SLICE_MS) {
      await yieldNow();
      since = Date.now();
    }
  }
  return found.sort(byPath);
}

const byPath = (a: FoundFile, b: FoundFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
