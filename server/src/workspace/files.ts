/**
 * Which files are digests, and finding them on disk. The only module of the server that
 * walks directories; it reads nothing but names and sizes (contents are read by the caller).
 */
import { promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';

/** File endings that are always digests. */
export const DIGEST_EXTENSIONS = ['.digest', '.digest.md', '.digest.txt'];

/** Folders never walked into, whatever the settings say. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', '.bench']);

export interface FilePolicy {
  /** Globs (workspace-relative) of extra digest files. */
  include: string[];
  /** Globs (workspace-relative) of files never indexed: digestLens.exclude plus files.exclude. */
  exclude: string[];
}

/** Decides, for a workspace-relative path, whether it is a digest the index wants. */
export class DigestMatcher {
  private readonly includes: picomatch.Matcher | null;
  private readonly excludes: picomatch.Matcher | null;

  constructor(policy: FilePolicy) {
    this.includes = policy.include.length ? picomatch(policy.include, { dot: true }) : null;
    this.excludes = policy.exclude.length ? picomatch(policy.exclude.flatMap((g) => [g, `${g}/**`]), { dot: true }) : null;
  }

  /** True when `rel` (forward slashes, relative to a workspace folder) is an indexed digest. */
  isDigest(rel: string): boolean {
    if (this.isExcluded(rel)) return false;
    return DIGEST_EXTENSIONS.some((x) => rel.endsWith(x)) || (this.includes?.(rel) ?? false);
  }

  /** True when `rel` (a file or a folder) is excluded. */
  isExcluded(rel: string): boolean {
    return this.excludes?.(rel) ?? false;
  }
}

/** Converts a path below `root` into a workspace-relative path with forward slashes. */
export function relativePath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/**
 * Walks a folder and yields every digest file below it, with its size. Never throws:
 * unreadable folders are skipped. Yields to the event loop between folders so that a huge
 * tree does not block the server.
 */
export async function* findDigests(root: string, matcher: DigestMatcher): AsyncGenerator<{ path: string; size: number }> {
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const files: string[] = [];
    for (const e of entries) {
      const path = join(dir, e.name);
      const rel = relativePath(root, path);
      if (e.isDirectory()) {
        if (!ALWAYS_SKIPPED.has(e.name) && !matcher.isExcluded(rel)) stack.push(path);
      } else if (e.isFile() && matcher.isDigest(rel)) files.push(path);
    }
    for (const path of files) {
      try {
        const st = await fs.stat(path);
        if (st.isFile()) yield { path, size: st.size }; // not a pipe put there since the listing
      } catch {
        // Gone since the listing: ignore.
      }
    }
  }
}

/** Globs of VS Code's files.exclude setting that are switched on. */
export function enabledGlobs(filesExclude: unknown): string[] {
  if (!filesExclude || typeof filesExclude !== 'object') return [];
  return Object.entries(filesExclude as Record<string, unknown>)
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}
