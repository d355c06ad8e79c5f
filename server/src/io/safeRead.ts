/**
 * The one way the server and the CLI read a file named by a path. A path may name a named
 * pipe (opening it for reading waits for a writer, for ever), a socket, a device (/dev/zero
 * never ends) or a symlink to one of those: the file is opened without blocking, the open
 * descriptor (not the path, which can change meanwhile) is checked to be a regular file,
 * its size is held against a cap, and then at most that many bytes are read.
 */
import { closeSync, constants, fstatSync, openSync, promises as fs, readSync, statSync, type Stats } from 'node:fs';
import { displayPath, type FsPath } from './fsPath';

/** Open flags: read only, never waiting (Windows has no O_NONBLOCK and no pipes on paths). */
const READ_NONBLOCK = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** A file's size and modification time, as read from its open descriptor. */
export interface ReadStamp {
  size: number;
  mtimeMs: number;
}

/** Thrown for a path that is there but is not a regular file; `code` is 'ENOTREGULAR'. */
export class NotRegularFileError extends Error {
  readonly code = 'ENOTREGULAR';
  constructor(
    readonly path: FsPath,
    readonly kind: string,
  ) {
    super(`not a regular file (${kind}): ${displayPath(path)}`);
  }
}

/** Thrown by the text readers for a regular file over their cap; `code` is 'ETOOLARGE'. */
export class FileTooLargeError extends Error {
  readonly code = 'ETOOLARGE';
  constructor(
    readonly path: string,
    readonly size: number,
    readonly maxBytes: number,
  ) {
    super(`file is ${size} bytes, over the ${maxBytes}-byte limit: ${path}`);
  }
}

/** What a non-regular file is, in words for a log line or a message. */
export function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isDirectory()) return 'a folder';
  return 'not a plain file';
}

/** Errors of open(2) on a path that is there but cannot be opened as a file (a socket: ENXIO). */
const SPECIAL_OPEN_ERRORS = new Set(['ENXIO', 'ENODEV', 'EOPNOTSUPP']);

/** The error to throw for a failed open: NotRegularFileError when the path names a special file. */
function refusedOpen(path: FsPath, e: unknown, stat: () => Stats): unknown {
  if (!SPECIAL_OPEN_ERRORS.has((e as NodeJS.ErrnoException).code ?? '')) return e;
  try {
    const st = stat();
    return st.isFile() ? e : new NotRegularFileError(path, kindOf(st));
  } catch {
    return e;
  }
}

/**
 * A regular file's stamp and bytes; bytes null when the file is over `maxBytes` (the caller
 * says why). Throws NotRegularFileError for anything else, and the system's error when the
 * path cannot be opened. Never blocks on a pipe and never reads past the size it saw.
 * A Buffer path is a name that is not UTF-8 (io/fsPath.ts), read as the bytes it is.
 */
export function readRegularFileSync(path: FsPath, maxBytes: number): { stamp: ReadStamp; bytes: Buffer | null } {
  let fd: number;
  try {
    fd = openSync(path, READ_NONBLOCK);
  } catch (e) {
    throw refusedOpen(path, e, () => statSync(path));
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new NotRegularFileError(path, kindOf(st));
    const stamp = { size: st.size, mtimeMs: st.mtimeMs };
    if (st.size > maxBytes) return { stamp, bytes: null };
    const bytes = Buffer.allocUnsafe(st.size);
    let at = 0;
    while (at < st.size) {
      const n = readSync(fd, bytes, at, st.size - at, at);
      if (n === 0) break; // truncated since the fstat: what is there
      at += n;
    }
    return { stamp, bytes: bytes.subarray(0, at) };
  } finally {
    closeSync(fd);
  }
}

/** readRegularFileSync without holding the thread while the bytes come. */
export async function readRegularFile(path: FsPath, maxBytes: number): Promise<{ stamp: ReadStamp; bytes: Buffer | null }> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, READ_NONBLOCK);
  } catch (e) {
    throw refusedOpen(path, e, () => statSync(path));
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new NotRegularFileError(path, kindOf(st));
    const stamp = { size: st.size, mtimeMs: st.mtimeMs };
    if (st.size > maxBytes) return { stamp, bytes: null };
    const bytes = Buffer.allocUnsafe(st.size);
    let at = 0;
    while (at < st.size) {
      const { bytesRead } = await handle.read(bytes, at, st.size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return { stamp, bytes: bytes.subarray(0, at) };
  } finally {
    await handle.close();
  }
}

/** A regular file as UTF-8 text; throws FileTooLargeError over `maxBytes`. */
export async function readRegularText(path: string, maxBytes: number): Promise<string> {
  const { stamp, bytes } = await readRegularFile(path, maxBytes);
  if (!bytes) throw new FileTooLargeError(path, stamp.size, maxBytes);
  return bytes.toString('utf8');
}

/** readRegularText, synchronously (the CLI). */
export function readRegularTextSync(path: string, maxBytes: number): string {
  const { stamp, bytes } = readRegularFileSync(path, maxBytes);
  if (!bytes) throw new FileTooLargeError(path, stamp.size, maxBytes);
  return bytes.toString('utf8');
}

/**
 * The stamp of a path if it is a regular file (following symlinks), else null: for walks
 * and watcher events that must not hand a pipe or a device on to a reader. Never opens it.
 */
export async function regularStamp(path: string): Promise<ReadStamp | null> {
  const st = await fs.stat(path);
  return st.isFile() ? { size: st.size, mtimeMs: st.mtimeMs } : null;
}

/**
 * Largest entity or theme file read from disk (the parser has its own, smaller limits):
 * far above any hand-written list, and below what would strain the server's memory.
 */
export const USER_FILE_READ_CAP = 64 * 1024 * 1024;
