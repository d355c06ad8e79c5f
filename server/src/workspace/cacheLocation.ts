/**
 * Where the index cache file of a workspace goes. The folder comes from the client
 * (initializationOptions.cacheDir, or the server's deps under test); nothing may be written
 * into the workspace (ARCHITECTURE.md, "Invariants"), so a folder that is a workspace
 * folder or lies inside one — symlinks resolved — is refused with a log line, and so is a
 * relative path (relative to what the server's working directory happens to be). The
 * user's cache folder is used instead; if even that is inside a workspace folder, no cache.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { URI } from 'vscode-uri';
import { userCacheDir } from '../data/builtinImage';
import { cacheFile } from '../index/cache';
import type { Logger } from '../features/context';

/** The folder used when the client's is refused. */
export function defaultCacheDir(): string {
  return join(userCacheDir(), 'index-cache');
}

/** A path with its symlinks resolved, as far up as it exists (the rest appended as written). */
function real(path: string): string {
  let head = resolve(path);
  const tail: string[] = [];
  for (;;) {
    try {
      return join(realpathSync.native(head), ...tail.reverse());
    } catch {
      const up = dirname(head);
      if (up === head) return resolve(path);
      tail.push(basename(head));
      head = up;
    }
  }
}

/** Paths compared as the file system does (Windows and macOS ignore case, as a rule). */
const key = (p: string) => (process.platform === 'win32' || process.platform === 'darwin' ? p.toLowerCase() : p);

/** True when `dir` is `folder` or below it. */
function isInside(dir: string, folder: string): boolean {
  const rel = relative(key(folder), key(dir));
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Why `dir` cannot hold the cache of `folders` (workspace folder uris), or null when it
 * can. Folders of other schemes (virtual) are not on this disk and cannot contain it.
 */
export function cacheDirRefusal(dir: string, folders: readonly string[]): string | null {
  if (!isAbsolute(dir)) return `${JSON.stringify(dir)} is not an absolute path`;
  const at = real(dir);
  for (const folder of folders) {
    if (!folder.startsWith('file:')) continue;
    const path = URI.parse(folder).fsPath;
    if (isInside(at, real(path)) || isInside(resolve(dir), resolve(path))) return `${dir} is inside the workspace folder ${path}`;
  }
  return null;
}

export class CacheLocation {
  private last: { requested: unknown; folders: string; file: string | null } | undefined;

  constructor(
    private readonly log: Logger,
    private readonly fallback: () => string = defaultCacheDir,
  ) {}

  /**
   * The cache file for `folders` given the requested folder (a string, or nothing: no
   * cache), or null. Decided again only when the request or the folders change, so a
   * refusal is logged once.
   */
  file(requested: unknown, folders: readonly string[]): string | null {
    const joined = folders.join('\n');
    if (this.last && this.last.requested === requested && this.last.folders === joined) return this.last.file;
    this.last = { requested, folders: joined, file: this.decide(requested, folders) };
    return this.last.file;
  }

  private decide(requested: unknown, folders: readonly string[]): string | null {
    if (!folders.length || requested === undefined || requested === null || requested === '') return null;
    const why = typeof requested === 'string' ? cacheDirRefusal(requested, folders) : 'it is not a path';
    if (!why) return cacheFile(requested as string, [...folders]);
    const fallback = this.fallback();
    const also = cacheDirRefusal(fallback, folders);
    if (also) {
      this.log.warn(`index cache folder refused (${why}), and the default (${also}): no index cache`);
      return null;
    }
    this.log.warn(`index cache folder refused (${why}): using ${fallback}`);
    return cacheFile(fallback, [...folders]);
  }
}
