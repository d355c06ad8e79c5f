/**
 * The command line's work on one file, from its path to its output text: read, decode,
 * analyse, render in the chosen format. The same function runs in the CLI's own thread and
 * in its worker threads (cliWorker.ts), so a scan's bytes do not depend on which thread
 * analysed which file. What comes between two files (a comma in json, a blank line in
 * table) depends on the files before, so the caller adds it (`separator`).
 *
 * The output is rendered piece by piece (`openFile` … `render(write)`): the CLI's own thread
 * writes each piece into its output buffer as it is made, and a batch waiting its turn
 * (encodedBatch.ts) keeps the pieces' UTF-8, so a dense file's output is never one string,
 * nor its records one array.
 */
import { analyse } from '../analysis/analyse';
import type { Gazetteer } from '../analysis/gazetteer';
import type { Taxonomy } from '../analysis/themes';
import { decodeBytes, formatBytes } from '../io/decode';
import { NotRegularFileError, readRegularFileSync } from '../io/safeRead';
import { displayPath, type FsPath } from '../io/fsPath';
import { lostBytesNote } from './rawArgv';
import { recordView, writeJsonFileBody, writeJsonLine } from './report';
import { writeCsvRows } from './csv';
import { writeFileTable } from './table';

export type Format = 'json' | 'jsonl' | 'csv' | 'table';

/** What every file of a scan is analysed and written with. */
export interface ScanSetup {
  format: Format;
  base: string;
  maxBytes: number;
  gazetteer: Gazetteer;
  taxonomy: Taxonomy;
}

/**
 * One file's outcome without output (skipped, or a glob that matched nothing): `messages`
 * what goes to standard error about it, in order, and `failed` whether the exit status is 1.
 */
export interface FileOutcome {
  messages: string[];
  failed: boolean;
}

/**
 * A file read and analysed, not yet rendered: `messages` and `failed` as in FileOutcome;
 * `render` (absent when the file was skipped) writes its output through `write`, in pieces.
 */
export interface OpenedFile extends FileOutcome {
  render?: (write: (s: string) => void) => void;
}

/**
 * Reads and analyses one file; its output is rendered when `render` is called. A Buffer
 * path is a name that is not UTF-8; every format and message names a file by its
 * `displayPath` (io/fsPath.ts).
 */
export function openFile(path: FsPath, setup: ScanSetup): OpenedFile {
  const name = displayPath(path);
  let bytes: Uint8Array;
  try {
    // Only a regular file, read no further than the cap: a pipe or a device named on the
    // command line (or matched by a glob) is reported and the scan goes on.
    const read = readRegularFileSync(path, setup.maxBytes);
    if (!read.bytes) return { messages: [`digest-lens: skipped ${name}: file is ${formatBytes(read.stamp.size)}, over the ${formatBytes(setup.maxBytes)} size cap\n`], failed: true };
    bytes = read.bytes;
  } catch (e) {
    if (e instanceof NotRegularFileError) return { messages: [`digest-lens: skipped ${name}: not a regular file (${e.kind})\n`], failed: true };
    const code = (e as NodeJS.ErrnoException).code;
    // A name given as text whose bytes were not UTF-8 and could not be had back (cli/rawArgv.ts).
    const lost = code === 'ENOENT' ? lostBytesNote(path) : '';
    const why = code === 'EACCES' || code === 'EPERM' ? `permission denied (${code})` : (code ?? (e as Error).message);
    return { messages: [`digest-lens: cannot read ${name}: ${why}${lost}\n`], failed: true };
  }
  const decoded = decodeBytes(bytes, setup.maxBytes);
  if (!decoded.ok) return { messages: [`digest-lens: skipped ${name}: ${decoded.reason}\n`], failed: true };
  const messages = decoded.note ? [`digest-lens: ${name}: ${decoded.note}\n`] : [];
  const view = recordView(name, decoded.text, analyse(decoded.text, { gazetteer: setup.gazetteer, taxonomy: setup.taxonomy }), setup.base);
  const { format, base } = setup;
  const render = (write: (s: string) => void): void => {
    switch (format) {
      case 'json':
        writeJsonFileBody(view, write);
        break;
      case 'jsonl':
        writeJsonLine(view, write);
        break;
      case 'csv':
        writeCsvRows(view, (row) => write(row + '\n'));
        break;
      case 'table':
        writeFileTable(view, base, write);
        write('\n');
        break;
    }
  };
  return { messages, failed: false, render };
}

/** What goes before a file's body: json separates records with a comma, table with a blank line. */
export function separator(format: Format, first: boolean): string {
  if (format === 'json') return first ? '\n' : ',\n';
  if (format === 'table') return first ? '' : '\n\n';
  return '';
}
