/**
 * Reads, decodes, analyses and packs one digest file: the unit of work of the analysis
 * workers, and of the server itself when workers cannot start or for a single file event.
 */
import { analyse } from '../analysis/analyse';
import { lineStarts } from '../analysis/text';
import { decodeBytes } from '../io/decode';
import { NotRegularFileError, readRegularFileSync } from '../io/safeRead';
import type { AnalysisSetup } from './analysisSetup';
import { pack, type PackedAnalysis, type StringTable } from './packed';
import type { FileStamp } from './workspaceIndex';

/** A file to analyse. */
export interface FileTask {
  uri: string;
  path: string;
  /** digestLens.maxFileSize of its folder. */
  maxSize: number;
}

/** What became of a file. */
export type FileResult =
  | { kind: 'ok'; uri: string; packed: PackedAnalysis; lineStarts: Int32Array; textLength: number; stamp: FileStamp; dataVersion: string; note?: string }
  | { kind: 'skip'; uri: string; reason: string; stamp?: FileStamp }
  | { kind: 'error'; uri: string; message: string };

/**
 * Reads a file's bytes and its stamp. The stamp is taken before the bytes are read: if the
 * file changes in between, the stamp is older than the contents and the cache will not
 * trust the entry next time, which is the safe way round. Only a regular file is read
 * (io/safeRead.ts): a named pipe, a socket or a device throws NotRegularFileError at once.
 */
export function readWithStamp(path: string, maxSize: number): { stamp: FileStamp; bytes: Uint8Array | null } {
  return readRegularFileSync(path, maxSize);
}

/** Line starts (after \n, \r\n or a lone \r) as a typed array (transferable). */
export function lineStartsOf(text: string): Int32Array {
  if (text.includes('\r')) return Int32Array.from(lineStarts(text));
  // The common case, with the engine's own search: several times faster than a char loop.
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  const starts = new Int32Array(count);
  let k = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
  return starts;
}

/** How a file's stamp and bytes are read: readWithStamp on a real disk (the workers' only reader). */
export type ReadFile = (path: string, maxSize: number) => { stamp: FileStamp; bytes: Uint8Array | null };

/** Reads, decodes and analyses one file; never throws. */
export function analyseFile(task: FileTask, setup: AnalysisSetup, table: StringTable, dataVersion: string, read: ReadFile = readWithStamp): FileResult {
  try {
    const { stamp, bytes } = read(task.path, task.maxSize);
    if (!bytes) return { kind: 'skip', uri: task.uri, reason: `file is ${(stamp.size / 1048576).toFixed(1)} MB, over the ${(task.maxSize / 1048576).toFixed(1)} MB size cap (digestLens.maxFileSize)` };
    const decoded = decodeBytes(bytes, task.maxSize);
    // The stamp lets the cache remember it (a warm start does not read it again); not for
    // the size cap above, which depends on a setting.
    if (!decoded.ok) return { kind: 'skip', uri: task.uri, reason: decoded.reason, stamp };
    const text = decoded.text;
    const packed = pack(analyse(text, { gazetteer: setup.gazetteer, taxonomy: setup.taxonomy }), table, text);
    return { kind: 'ok', uri: task.uri, packed, lineStarts: lineStartsOf(text), textLength: text.length, stamp, dataVersion, note: decoded.note };
  } catch (e) {
    // A pipe or a device where a digest was expected: skipped with its reason, not cached
    // (no stamp), so that a regular file put there later is read.
    if (e instanceof NotRegularFileError) return { kind: 'skip', uri: task.uri, reason: `not a regular file (${e.kind})` };
    // Permission denied: listed as skipped with why (not cached either: read again next time).
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return { kind: 'skip', uri: task.uri, reason: 'file cannot be read: permission denied' };
    return { kind: 'error', uri: task.uri, message: (e as Error).message };
  }
}
