/**
 * Everything the server reads from the disk, behind one interface: the language server is
 * given a reader when it starts, so tests can index an in-memory folder in process. The
 * analysis workers read the real disk themselves (analyseFile's default reader); a server
 * given another reader is started without workers.
 */
import { promises as fs } from 'node:fs';
import { decodeBytes } from '../io/decode';
import { assertInsideFolder } from '../io/insideFolder';
import { readRegularText, USER_FILE_READ_CAP } from '../io/safeRead';
import type { DigestMatcher } from '../workspace/files';
import { readWithStamp, type ReadFile } from './analyseFile';
import { discoverDigests, type FoundFile } from './discover';
import type { FileStamp } from './workspaceIndex';

export interface DiskReader {
  /** Every digest below a folder with its stamp, sorted by path; never throws. */
  discover(root: string, matcher: DigestMatcher, cancelled: () => boolean): Promise<FoundFile[]>;
  /** A file's stamp and bytes (null bytes: over `maxSize`); synchronous; throws when unreadable. */
  read: ReadFile;
  /** A file's stamp; rejects when the file is missing. */
  stat(path: string): Promise<FileStamp>;
  /**
   * A UTF-8 text file (the user's entity, theme and rates files); rejects when missing, when
   * not a regular file (a pipe, a device), when over USER_FILE_READ_CAP, and, given `within`
   * (a folder's path), when the file's links lead out of that folder (io/insideFolder.ts).
   */
  readText(path: string, within?: string): Promise<string>;
}

/** The real file system. */
export const nodeDisk: DiskReader = {
  discover: discoverDigests,
  read: readWithStamp,
  async stat(path) {
    const st = await fs.stat(path);
    return { size: st.size, mtimeMs: st.mtimeMs };
  },
  async readText(path, within) {
    if (within !== undefined) await assertInsideFolder(path, within);
    return readRegularText(path, USER_FILE_READ_CAP);
  },
};

/**
 * The text of a digest on disk, decoded as indexing decodes it, or null when it cannot be
 * read, is not text or is over `maxBytes` (the folder's digestLens.maxFileSize, as indexing
 * checks it: a file that grew past it is not read, and the caller finds it stale).
 */
export function readDigestText(disk: DiskReader, path: string, maxBytes: number): string | null {
  try {
    const { bytes } = disk.read(path, maxBytes);
    const decoded = bytes && decodeBytes(bytes, maxBytes);
    return decoded && decoded.ok ? decoded.text : null;
  } catch {
    return null;
  }
}
