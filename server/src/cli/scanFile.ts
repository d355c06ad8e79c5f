/**
 * The command line's work on one file, from its path to its output text: read, decode,
 * analyse, render in the chosen format. The same function runs in the CLI's own thread and
 * in its worker threads (cliWorker.ts), so a scan's bytes do not depend on which thread
 * analysed which file. What comes between two files (a comma in json, a blank line in
 * table) depends on the files before, so the caller adds it (`separator`).
 */
import { analyse } from '../analysis/analyse';
import type { Gazetteer } from '../analysis/gazetteer';
import type { Taxonomy } from '../analysis/themes';
import { decodeBytes, formatBytes } from '../io/decode';
import { NotRegularFileError, readRegularFileSync } from '../io/safeRead';
import { displayPath, type FsPath } from '../io/fsPath';
import { lostBytesNote } from './rawArgv';
import { fileRecord, jsonFileBody, jsonLine } from './report';
import { csvRows } from './csv';
import { renderFileTable } from './table';

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
 * One file's outcome: `body` is its output (undefined when it was skipped), `messages` what
 * goes to standard error about it, in order, and `failed` whether the exit status is 1.
 */
export interface FileOutcome {
  body?: string;
  messages: string[];
  failed: boolean;
}

/**
 * Reads, analyses and renders one file. A Buffer path is a name that is not UTF-8; every
 * format and message names a file by its `displayPath` (io/fsPath.ts).
 */
export function scanFile(path: FsPath, setup: ScanSetup): FileOutcome {
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
  const record = fileRecord(name, decoded.text, analyse(decoded.text, { gazetteer: setup.gazetteer, taxonomy: setup.taxonomy }), setup.base);
  let body: string;
  switch (setup.format) {
    case 'json':
      body = jsonFileBody(record);
      break;
    case 'jsonl':
      body = jsonLine(record);
      break;
    case 'csv':
      body = '';
      for (const row of csvRows(record)) body += row + '\n';
      break;
    case 'table':
      body = renderFileTable(record, setup.base) + '\n';
      break;
  }
  return { body, messages, failed: false };
}

/** What goes before a file's body: json separates records with a comma, table with a blank line. */
export function separator(format: Format, first: boolean): string {
  if (format === 'json') return first ? '\n' : ',\n';
  if (format === 'table') return first ? '' : '\n\n';
  return '';
}
