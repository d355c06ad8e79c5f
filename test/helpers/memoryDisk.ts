/**
 * A folder of files in memory behind the server's DiskReader (server/src/index/disk.ts), so
 * that a language server can index a workspace in process with no file on disk. It counts
 * the calls made of it: a test can tell whether the server walked or read the workspace.
 */
import { posix } from 'node:path';
import type { DiskReader } from '../../server/src/index/disk';
import type { DigestMatcher } from '../../server/src/workspace/files';

export class MemoryDisk implements DiskReader {
  private readonly files = new Map<string, { bytes: Uint8Array; mtimeMs: number }>();
  private clock = 1;
  /** How many times each kind of access happened. */
  readonly calls = { discover: 0, read: 0, stat: 0, readText: 0 };

  /** Writes (or rewrites) a file; paths are absolute, with forward slashes. */
  write(path: string, text: string): void {
    this.files.set(path, { bytes: Buffer.from(text, 'utf8'), mtimeMs: this.clock++ });
  }

  discover = async (root: string, matcher: DigestMatcher, cancelled: () => boolean) => {
    this.calls.discover++;
    const out = [];
    for (const [path, f] of this.files) {
      if (cancelled()) break;
      if (!path.startsWith(root + '/')) continue;
      const rel = posix.relative(root, path);
      // As the real walk: a folder that is excluded is never entered.
      const dirs = rel.split('/').slice(0, -1);
      if (dirs.some((_, i) => matcher.isExcluded(dirs.slice(0, i + 1).join('/')))) continue;
      if (matcher.isDigest(rel)) out.push({ path, size: f.bytes.length, mtimeMs: f.mtimeMs });
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  };

  read = (path: string, maxSize: number) => {
    this.calls.read++;
    const f = this.get(path);
    const stamp = { size: f.bytes.length, mtimeMs: f.mtimeMs };
    return { stamp, bytes: f.bytes.length > maxSize ? null : f.bytes };
  };

  stat = async (path: string) => {
    this.calls.stat++;
    const f = this.get(path);
    return { size: f.bytes.length, mtimeMs: f.mtimeMs };
  };

  readText = async (path: string) => {
    this.calls.readText++;
    return Buffer.from(this.get(path).bytes).toString('utf8');
  };

  private get(path: string) {
    const f = this.files.get(path);
    if (!f) throw new Error(`ENOENT: no such file, '${path}'`);
    return f;
  }
}
