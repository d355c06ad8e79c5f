/**
 * The persistent index cache: the packed analyses of a workspace's digests in one binary
 * file in the extension's storage folder (never in the workspace). A warm start loads it,
 * stats every digest and re-analyses only files whose size or mtime changed.
 *
 * Trust rules: an entry is used only for a file with the same path, size and mtimeMs, and
 * the whole file only under the same engine version and data version (built-in data and
 * the user's entity and theme files, analysisSetup.ts). A file that is truncated, fails its
 * checksum, or does not parse is discarded with a log line (and rewritten later); so is one
 * whose checksum holds but whose documents could not be served (packed.ts validPacked: a
 * file crafted, or written by a buggy build).
 *
 * Writes are atomic: a temp file with a unique name in the same folder, fsync, rename.
 * Two servers on one workspace may both write; the last rename wins, neither corrupts.
 *
 * Layout (little-endian):
 *   "DLIC" | u32 format | u32 header bytes | u32 checksum kind | header JSON | pad to 8 |
 *   Float64 floats of every doc | Int32 ints of every doc | Int32 line starts of every doc |
 *   checksum of everything before: CRC-32 (4 bytes) where zlib has it, else SHA-1 (20)
 * Header: {engine, data, strings, entities, docs: [uri, size, mtimeMs, textLength, ints, floats, lines][],
 *          skipped: [uri, size, mtimeMs, reason][]}
 * (strings and entities: the string table the packed references point into; skipped: files
 * read and found not to be text, so that a warm start does not read them again).
 * Loading is one read, one hash and one JSON.parse; arrays are views on the file's buffer.
 * Only a regular file of a sane size is read: a named pipe would block, a device never end.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, promises as fs, read } from 'node:fs';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import { ENGINE_VERSION } from './analysisSetup';
import { validLineStarts, validPacked, type PackedAnalysis, type StringTable } from './packed';
import type { FileStamp } from './workspaceIndex';

const MAGIC = 0x43494c44; // "DLIC"
const FORMAT = 4;
/** Far above any real cache (10,000 digests: ~50 MB): anything bigger is not read. */
const MAX_CACHE_BYTES = 1 << 30;
const PREFIX = 16;

/** A running checksum: CRC-32 (fast; Node ≥ 20.15) or SHA-1 (everywhere). */
interface Checksum {
  update(bytes: Uint8Array): void;
  digest(): Buffer;
}
const CRC32 = 1;
const SHA1 = 2;
const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
const checksumBytes = (kind: number) => (kind === CRC32 ? 4 : 20);

function checksum(kind: number): Checksum | null {
  if (kind === SHA1) return createHash('sha1');
  if (kind !== CRC32 || !crc32) return null;
  let value = 0;
  return {
    update: (bytes) => void (value = crc32(bytes, value)),
    digest: () => {
      const out = Buffer.alloc(4);
      out.writeUInt32LE(value >>> 0);
      return out;
    },
  };
}
/** Bytes gathered before each write while saving. */
const CHUNK = 1 << 20;

/**
 * One cached file analysis: the index's disk state as it is (the data version is the one
 * the whole file was checked against), so a warm start inserts it without a copy.
 */
export interface CacheEntry {
  stamp: FileStamp;
  packed: PackedAnalysis;
  /** A view on the file's buffer, like the packed arrays. */
  lineStarts: Int32Array;
  textLength: number;
  dataVersion: string;
}

/** A file that was read and not indexed, and why (binary, not decodable). */
export interface SkippedFile {
  uri: string;
  stamp: FileStamp;
  reason: string;
}

/** A loaded cache: entries by uri, with the string tables their references point into. */
export interface LoadedCache {
  entries: Map<string, CacheEntry>;
  skipped: Map<string, SkippedFile>;
  strings: string[];
  entities: number[];
}

/** What a cache file is saved from. */
export interface CacheSource {
  uri: string;
  stamp: FileStamp;
  packed: PackedAnalysis;
  lineStarts: Int32Array;
  textLength: number;
}

/** The cache file of a set of workspace folders in the cache folder. */
export function cacheFile(cacheDir: string, folders: string[]): string {
  const key = createHash('sha1').update([...folders].sort().join('\n')).digest('hex').slice(0, 16);
  return join(cacheDir, `index-${key}.bin`);
}

type DocRow = [uri: string, size: number, mtimeMs: number, textLength: number, ints: number, floats: number, lines: number];
type SkipRow = [uri: string, size: number, mtimeMs: number, reason: string];
interface Header {
  engine: number;
  data: string;
  strings: string[];
  entities: number[];
  docs: DocRow[];
  skipped: SkipRow[];
}

/**
 * The whole cache file in one read, or a reason. The file is opened without blocking and
 * must be a regular file of a sane size. One read request (not fs.readFile's many small
 * ones) so that it is not queued behind the stats of the workspace walk going on meanwhile;
 * the buffer is its own, so its typed-array views are aligned.
 */
async function readCacheFile(file: string): Promise<Buffer | string> {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return 'no cache file';
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return 'not a regular file';
    if (st.size > MAX_CACHE_BYTES) return `too large (${st.size} bytes)`;
    const buf = Buffer.allocUnsafeSlow(st.size);
    let at = 0;
    while (at < buf.length) {
      const n = await new Promise<number>((resolve, reject) => read(fd, buf, at, buf.length - at, at, (e, bytes) => (e ? reject(e) : resolve(bytes))));
      if (n <= 0) return 'truncated while reading';
      at += n;
    }
    return buf;
  } catch (e) {
    return `unreadable (${(e as Error).message})`;
  } finally {
    closeSync(fd);
  }
}

/**
 * Loads a cache file. Returns null, with a reason, when there is none, or it is corrupt, or
 * made by another engine or data version.
 */
export async function loadCache(file: string, dataVersion: string): Promise<{ cache: LoadedCache | null; reason?: string }> {
  const buf = await readCacheFile(file);
  if (typeof buf === 'string') return { cache: null, reason: buf };
  try {
    if (buf.length < PREFIX || buf.readUInt32LE(0) !== MAGIC) return { cache: null, reason: 'not an index cache' };
    if (buf.readUInt32LE(4) !== FORMAT) return { cache: null, reason: `cache format ${buf.readUInt32LE(4)}, not ${FORMAT}` };
    const kind = buf.readUInt32LE(12);
    const sum = checksum(kind);
    if (!sum) return { cache: null, reason: `checksum kind ${kind} not available here` };
    if (buf.length < PREFIX + checksumBytes(kind)) return { cache: null, reason: 'truncated' };
    const body = buf.subarray(0, buf.length - checksumBytes(kind));
    sum.update(body);
    if (!sum.digest().equals(buf.subarray(body.length))) return { cache: null, reason: 'checksum mismatch (truncated or damaged)' };
    const headerBytes = buf.readUInt32LE(8);
    const header = JSON.parse(buf.toString('utf8', PREFIX, PREFIX + headerBytes)) as Header;
    if (header.engine !== ENGINE_VERSION) return { cache: null, reason: `engine version ${header.engine}, not ${ENGINE_VERSION}` };
    if (header.data !== dataVersion) return { cache: null, reason: 'built-in data or user entity/theme files changed' };
    let floatCount = 0;
    let intCount = 0;
    let lineCount = 0;
    for (const d of header.docs) {
      floatCount += d[5];
      intCount += d[4];
      lineCount += d[6];
    }
    const floatsAt = align8(PREFIX + headerBytes);
    const intsAt = floatsAt + floatCount * 8;
    const linesAt = intsAt + intCount * 4;
    if (linesAt + lineCount * 4 !== body.length) return { cache: null, reason: 'sizes do not add up' };
    // Views need aligned offsets; a buffer that is not 8-aligned is copied once.
    const bytes = buf.byteOffset % 8 === 0 ? buf : Buffer.from(buf);
    const floats = new Float64Array(bytes.buffer, bytes.byteOffset + floatsAt, floatCount);
    const ints = new Int32Array(bytes.buffer, bytes.byteOffset + intsAt, intCount);
    const lines = new Int32Array(bytes.buffer, bytes.byteOffset + linesAt, lineCount);
    if (!wellFormed(header)) return { cache: null, reason: 'malformed header' };
    const entries = new Map<string, CacheEntry>();
    let f = 0;
    let i = 0;
    let l = 0;
    const strings = header.strings.length;
    const triples = header.entities.length / 3;
    // Checking 10,000 documents takes ~40 ms: in slices, so requests are answered meanwhile
    // (the walk of the workspace goes on at the same time).
    let since = Date.now();
    for (const [uri, size, mtimeMs, textLength, ni, nf, nl] of header.docs) {
      if (Date.now() - since > CHECK_SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        since = Date.now();
      }
      const entry = { stamp: { size, mtimeMs }, packed: { ints: ints.subarray(i, i + ni), floats: floats.subarray(f, f + nf) }, lineStarts: lines.subarray(l, l + nl), textLength, dataVersion };
      // The checksum says the file is as written, not that a writer was ours: each document
      // must be one the index can serve without reading past its text or a table. The text
      // of a file decoded from `size` bytes has at most `size` code units.
      if (textLength > size || !validPacked(entry.packed, strings, triples, textLength) || !validLineStarts(entry.lineStarts, textLength)) {
        return { cache: null, reason: `malformed document ${uri}` };
      }
      if (entries.has(uri)) return { cache: null, reason: `document ${uri} twice` };
      entries.set(uri, entry);
      f += nf;
      i += ni;
      l += nl;
    }
    const skipped = new Map<string, SkippedFile>();
    for (const [uri, size, mtimeMs, reason] of header.skipped) skipped.set(uri, { uri, stamp: { size, mtimeMs }, reason });
    return { cache: { entries, skipped, strings: header.strings, entities: header.entities } };
  } catch (e) {
    return { cache: null, reason: `unreadable (${(e as Error).message})` };
  }
}

const align8 = (n: number) => (n + 7) & ~7;
/** The longest run of document checks between two yields. */
const CHECK_SLICE_MS = 8;

const count = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
const text = (v: unknown) => typeof v === 'string';

/**
 * The header's shape: what loading and adopting rely on (counts that are counts, entity
 * triples that point at strings of the table). The checksum catches damage; this catches
 * a file that was never ours.
 */
function wellFormed(h: Header): boolean {
  if (!Array.isArray(h.strings) || !Array.isArray(h.entities) || !Array.isArray(h.docs) || !Array.isArray(h.skipped)) return false;
  if (!h.strings.every(text) || h.entities.length % 3 !== 0 || !h.entities.every((r) => count(r) && r < h.strings.length)) return false;
  const doc = (d: DocRow) => Array.isArray(d) && d.length === 7 && text(d[0]) && typeof d[2] === 'number' && [d[1], d[3], d[4], d[5], d[6]].every(count);
  const skip = (d: SkipRow) => Array.isArray(d) && d.length === 4 && text(d[0]) && count(d[1]) && typeof d[2] === 'number' && text(d[3]);
  return h.docs.every(doc) && h.skipped.every(skip);
}

/**
 * Saves the given analyses atomically, with the whole string table (it grows only with
 * files changed during a session, and a restart from the cache starts from what was
 * saved). The arrays are written as they are, in 1 MB chunks with a yield between: saving
 * 10,000 digests costs the server's thread a few milliseconds at a time. The sources must
 * not change meanwhile (packed analyses never do; the table only grows).
 */
export async function saveCache(file: string, dir: string, dataVersion: string, table: StringTable, sources: CacheSource[], skipped: SkippedFile[] = []): Promise<void> {
  const header: Header = {
    engine: ENGINE_VERSION,
    data: dataVersion,
    strings: table.strings.slice(),
    entities: table.entities.slice(),
    docs: sources.map((s) => [s.uri, s.stamp.size, s.stamp.mtimeMs, s.textLength, s.packed.ints.length, s.packed.floats.length, s.lineStarts.length]),
    skipped: skipped.map((s) => [s.uri, s.stamp.size, s.stamp.mtimeMs, s.reason]),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');

  await fs.mkdir(dir, { recursive: true });
  const tmp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`; // tempPid below reads it
  const handle = await fs.open(tmp, 'w');
  const kind = crc32 ? CRC32 : SHA1;
  const hash = checksum(kind)!;
  let ok = false;
  try {
    let chunk = Buffer.allocUnsafe(CHUNK);
    let used = 0;
    const flush = async () => {
      if (!used) return;
      const part = chunk.subarray(0, used);
      hash.update(part);
      await handle.write(part);
      chunk = Buffer.allocUnsafe(CHUNK);
      used = 0;
    };
    const put = async (bytes: Uint8Array) => {
      if (used + bytes.length > CHUNK) await flush();
      if (bytes.length > CHUNK) {
        hash.update(bytes);
        await handle.write(bytes);
        return;
      }
      chunk.set(bytes, used);
      used += bytes.length;
    };
    const view = (a: Float64Array | Int32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const prefix = Buffer.alloc(PREFIX);
    prefix.writeUInt32LE(MAGIC, 0);
    prefix.writeUInt32LE(FORMAT, 4);
    prefix.writeUInt32LE(headerBytes.length, 8);
    prefix.writeUInt32LE(kind, 12);
    await put(prefix);
    await put(headerBytes);
    await put(Buffer.alloc(align8(PREFIX + headerBytes.length) - (PREFIX + headerBytes.length)));
    for (const s of sources) await put(view(s.packed.floats));
    for (const s of sources) await put(view(s.packed.ints));
    for (const s of sources) await put(view(s.lineStarts));
    await flush();
    await handle.write(hash.digest());
    await handle.sync();
    ok = true;
  } finally {
    await handle.close();
    if (!ok) await fs.rm(tmp, { force: true });
  }
  await fs.rename(tmp, file);
}


/** True when `s` is `n` lowercase hexadecimal digits. */
const isHex = (s: string, n: number) => s.length === n && [...s].every((c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));

/**
 * The saving process's id when `name` is a save's temporary file as saveCache names it —
 * index-<16 hex>.bin.<pid>-<8 hex>.tmp — else null.
 */
function tempPid(name: string): number | null {
  if (!name.startsWith('index-') || !name.endsWith('.tmp') || !isHex(name.slice(6, 22), 16) || name.slice(22, 27) !== '.bin.') return null;
  const rest = name.slice(27, -4);
  const dash = rest.indexOf('-');
  const pid = rest.slice(0, dash);
  if (dash < 1 || dash > 10 || ![...pid].every((c) => c >= '0' && c <= '9') || !isHex(rest.slice(dash + 1), 8)) return null;
  return Number(pid);
}
/** A temporary file this old is no save in progress, whoever made it. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/** True while process `pid` runs (EPERM: it runs as another user). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files that saves killed midway left in the cache folder: only
 * regular files named as saveCache names them, made by a process that no longer runs (a
 * second server on the same workspace may be saving now) or older than an hour. Returns
 * the names removed; never throws.
 */
export async function removeOrphanedTemps(dir: string, isRunning: (pid: number) => boolean = running, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const pid = tempPid(name);
    if (pid === null) continue;
    const path = join(dir, name);
    try {
      const st = await fs.lstat(path);
      if (!st.isFile()) continue;
      if (isRunning(pid) && now - st.mtimeMs < STALE_TEMP_MS) continue;
      await fs.unlink(path);
      removed.push(name);
    } catch {
      // Gone meanwhile (its save ended), or not ours to remove.
    }
  }
  return removed;
}
