/**
 * A worker thread of the command line (dist/cliWorker.js, started by parallelScan.ts): it
 * scans the files of each batch it is given exactly as the main thread would (scanFile.ts)
 * and answers with their output already encoded as UTF-8, in chunks that are moved to the
 * main thread, not copied (encodedBatch.ts).
 *
 * Messages in:  {type: 'setup', format, base, maxBytes, entities?, themes?, rates?, gazetteerImage?}
 *               then any number of {type: 'batch', id, paths} (a path: text, or bytes)
 * Messages out: {type: 'batch', id, messages, failed, ends, chunks} (EncodedBatch: ends[i] is
 *               where file i's bytes end in the chunks, -1 for a file with no output)
 */
import { parentPort } from 'node:worker_threads';
import { builtinGazetteer, type Gazetteer } from '../analysis/gazetteer';
import { builtinTaxonomy, extendTaxonomy, type Taxonomy } from '../analysis/themes';
import { parseUserEntities } from '../analysis/userFiles/entities';
import { parseUserThemes } from '../analysis/userFiles/themes';
import { shareBuiltinImage } from '../data/builtinImage';
import { readRegularTextSync, USER_FILE_READ_CAP } from '../io/safeRead';
import type { Format, ScanSetup } from './scanFile';
import { scanBatch, type EncodedBatch } from './encodedBatch';
import { loadRatesFilesSync } from '../fx/userRates/cliRates';
import { installStore } from '../fx/update/install';

export interface CliWorkerSetup {
  format: Format;
  base: string;
  maxBytes: number;
  /** The user's entity and theme files; the main thread has read them and reported their problems. */
  entities?: string;
  themes?: string;
  /** The user's rates files (the main thread reported their problems). */
  rates?: string[];
  /** The downloaded rates' folder (the main thread has reported its problems). */
  ratesStore?: string;
  /** The main thread's image of the built-in gazetteer, in shared memory. */
  gazetteerImage?: Uint8Array;
}

/** A batch's paths: text, or the bytes of a name that is not UTF-8 (io/fsPath.ts). */
export type CliWorkerRequest = ({ type: 'setup' } & CliWorkerSetup) | { type: 'batch'; id: number; paths: (string | Uint8Array)[] };

export interface CliBatchResult extends EncodedBatch {
  type: 'batch';
  id: number;
}

let setup: ScanSetup | undefined;

function gazetteerOf(path: string | undefined): Gazetteer {
  const builtin = builtinGazetteer();
  return path ? builtin.withEntities(parseUserEntities(readRegularTextSync(path, USER_FILE_READ_CAP), path).entities) : builtin;
}

function taxonomyOf(path: string | undefined): Taxonomy {
  const builtin = builtinTaxonomy();
  return path ? extendTaxonomy(builtin, parseUserThemes(readRegularTextSync(path, USER_FILE_READ_CAP), path).themes) : builtin;
}

parentPort?.on('message', (msg: CliWorkerRequest) => {
  if (msg.type === 'setup') {
    shareBuiltinImage(msg.gazetteerImage);
    try {
      loadRatesFilesSync(msg.rates ?? [], null);
    } catch {
      // Read by the main thread a moment ago; gone since. Never a crash of the scan.
    }
    installStore(msg.ratesStore);
    setup = { format: msg.format, base: msg.base, maxBytes: msg.maxBytes, gazetteer: gazetteerOf(msg.entities), taxonomy: taxonomyOf(msg.themes) };
    return;
  }
  // A Buffer sent to a thread arrives as a plain Uint8Array: a Buffer again over the same bytes.
  const batch = scanBatch(msg.paths.map((p) => (typeof p === 'string' ? p : Buffer.from(p.buffer, p.byteOffset, p.byteLength))), setup!);
  // Every chunk has memory of its own (encodedBatch.ts); each is moved once.
  const transfer = [...new Set(batch.chunks.map((c) => c.buffer as ArrayBuffer))];
  const out: CliBatchResult = { type: 'batch', id: msg.id, ...batch };
  parentPort!.postMessage(out, transfer);
});
