/**
 * Samples a folder's plain notes (.md, .txt) for the first-use offer, at a bounded cost
 * whatever the folder's size: the walk stops after a few thousand entries, a few dozen
 * notes spread over those found are read, and of each only the first kilobytes. Files that
 * are digests already (*.digest.md, *.digest.txt) and tool folders (node_modules, .git,
 * dot folders) are left out. Node only (no `vscode`): test/unit/client-digestLike.test.ts.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { folderLooksLikeDigests, includeGlobsFor, looksLikeDigest } from './digestLike';

export interface SampleLimits {
  /** Directory entries looked at, at most. */
  maxEntries: number;
  /** Notes read, at most. */
  maxSampled: number;
  /** Bytes read of each note. */
  prefixBytes: number;
}

export const DEFAULT_LIMITS: SampleLimits = { maxEntries: 5000, maxSampled: 40, prefixBytes: 4096 };

/** Folders never walked into. */
const SKIPPED = new Set(['node_modules', 'dist', 'out', 'build', 'target', 'vendor', '__pycache__']);

/** What the sampling found. */
export interface FolderAssessment {
  /** Plain notes found by the (bounded) walk. */
  found: number;
  /** Notes read. */
  sampled: number;
  /** Folder-relative paths (forward slashes) of the sampled notes that look like digests. */
  digestLike: string[];
  /** Whether to offer Digest Lens for this folder. */
  offer: boolean;
  /** The include globs the offer proposes. */
  globs: string[];
}

const isPlainNote = (name: string) => /\.(md|txt)$/i.test(name) && !/\.digest\.(md|txt)$/i.test(name);

/** Lists plain notes below `root` breadth-first, looking at `maxEntries` entries at most. */
export async function listNotes(root: string, maxEntries: number): Promise<string[]> {
  const out: string[] = [];
  const queue: string[] = [''];
  let seen = 0;
  while (queue.length && seen < maxEntries) {
    const rel = queue.shift()!;
    let entries;
    try {
      entries = await fs.readdir(join(root, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (++seen > maxEntries) break;
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !SKIPPED.has(e.name)) queue.push(path);
      } else if (e.isFile() && isPlainNote(e.name)) out.push(path);
    }
  }
  return out;
}

/** The first `bytes` bytes of a file as text (a character cut at the end is dropped), or null. */
export async function readPrefix(path: string, bytes: number): Promise<string | null> {
  let handle;
  try {
    handle = await fs.open(path, 'r');
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    const slice = buf.subarray(0, bytesRead);
    if (slice.includes(0)) return null; // binary
    return new TextDecoder('utf-8', { fatal: false }).decode(slice).replace(/\uFFFD+$/, '');
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}

/** Picks `n` items spread evenly over `items` (all when there are fewer). */
export function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(items[Math.floor((i * items.length) / n)]);
  return out;
}

/** Walks, samples and judges a folder's plain notes. */
export async function assessFolder(root: string, limits: SampleLimits = DEFAULT_LIMITS): Promise<FolderAssessment> {
  const notes = await listNotes(root, limits.maxEntries);
  const sample = spread(notes, limits.maxSampled);
  const digestLike: string[] = [];
  let sampled = 0;
  for (const rel of sample) {
    const text = await readPrefix(join(root, ...rel.split('/')), limits.prefixBytes);
    if (text === null) continue;
    sampled++;
    if (looksLikeDigest(text)) digestLike.push(rel);
  }
  const offer = folderLooksLikeDigests(digestLike.length, sampled);
  return { found: notes.length, sampled, digestLike, offer, globs: offer ? includeGlobsFor(digestLike) : [] };
}
