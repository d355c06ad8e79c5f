/**
 * The CLI's `--rates FILE` (repeatable; without it, `.digestlens/rates.csv` found as the
 * entity file is): each file read through io/safeRead.ts, parsed, its problems written as
 * `FILE:LINE:COL: message` lines, and the rates installed as the 'user' layer that every
 * conversion of the scan consults (the first file wins on the same currency and day).
 * An unreadable file throws, for the CLI to refuse the run as bad usage.
 */
import { basename } from 'node:path';
import { readRegularTextSync, USER_FILE_READ_CAP } from '../../io/safeRead';
import { installUserRates, type UserRatesFile } from './merge';
import { parseUserRates, rateProblemText } from './parse';

/** Reads, checks and installs the files (none: no user layer). `warn` gets one line per problem; null for a worker thread, which the main thread has already spoken for. */
export function loadRatesFilesSync(paths: readonly string[], warn: ((line: string) => void) | null): void {
  const files: UserRatesFile[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = readRegularTextSync(path, USER_FILE_READ_CAP);
    } catch (e) {
      throw new RatesFileError(path, e as Error);
    }
    const parsed = parseUserRates(text);
    if (warn) for (const p of parsed.problems) warn(`${path}:${p.line}:${p.column}: ${p.severity === 'warning' ? 'warning: ' : ''}${rateProblemText(p)}`);
    files.push({ name: basename(path), rows: parsed.rows });
  }
  installUserRates(files);
}

/** A rates file that cannot be read (missing, a folder, a pipe, too large): the message names it. */
export class RatesFileError extends Error {
  constructor(
    readonly path: string,
    cause: Error,
  ) {
    super(`cannot read ${path}: ${cause.message}`);
  }
}
