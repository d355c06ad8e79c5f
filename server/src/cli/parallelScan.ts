/**
 * A scan of many files on every core: consecutive files go out in batches to worker threads
 * (cliWorker.ts), which read, analyse and render them exactly as this thread would
 * (scanFile.ts), and this thread analyses batches too while the workers are busy. Output is
 * written in the files' order, whoever analysed them, so it is byte for byte the output of a
 * scan in one thread. Few batches wait at a time (two per worker), so memory stays flat.
 * A worker that fails hands its batches back to this thread.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { builtinGazetteer } from '../analysis/gazetteer';
import { sharedBuiltinImage } from '../data/builtinImage';
import { CSV_HEADER } from './csv';
import type { CliBatchResult, CliWorkerRequest, CliWorkerSetup } from './cliWorker';
import type { OutputBuffer } from './output';
import { JSON_OPENING, jsonClosing } from './report';
import { separator, type FileOutcome, type ScanSetup } from './scanFile';
import { bytesBetween, scanBatch, type EncodedBatch } from './encodedBatch';
import { displayPath, type FsPath } from '../io/fsPath';
import { lostBytesNote } from './rawArgv';

/**
 * A file to scan (bytes when its name is not UTF-8, io/fsPath.ts), a glob that matched
 * nothing, or a folder that could not be listed (both reported where their files would be).
 */
export type ScanEntry = { path: FsPath } | PlacedProblem;
export type PlacedProblem = { unmatched: string } | { unlisted: FsPath; why: string };

/** The outcome of an entry that is a problem in place of files. */
export function placedOutcome(entry: PlacedProblem): FileOutcome {
  if ('unmatched' in entry) return unmatchedOutcome(entry.unmatched);
  return { messages: [`digest-lens: cannot read folder ${displayPath(entry.unlisted)}: ${entry.why}\n`], failed: true };
}

/**
 * Below this much text a worker's start (its bundle, its matchers) costs more than it saves.
 * Workers are used only when asked for (DIGEST_LENS_CLI_WORKERS): on the 2-core reference
 * machine two threads analysing at once each ran at about half speed (the analysis reads
 * large tables at random and the two cores share their caches), so a second thread brought
 * no gain in wall time and doubled the CPU time; see the cli bench case, which measures both.
 */
const MIN_PARALLEL_BYTES = 1024 * 1024;
const WORKERS_BY_DEFAULT = false;
/** Bytes and files per batch: big enough that messages cost little, small enough to balance. */
const BATCH_BYTES = 128 * 1024;
const BATCH_FILES = 32;
/** Batches a worker holds at once, so that it never waits for this thread. */
const IN_FLIGHT = 2;

export function unmatchedOutcome(glob: string): FileOutcome {
  return { messages: [`digest-lens: no files match ${glob}${lostBytesNote(glob)}\n`], failed: true };
}

/** A file's size, 0 when it cannot be read (its error comes when it is scanned). */
function sizeOf(path: FsPath): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** How a scan runs: with how many workers, over which entries (those looked at first come again). */
export interface ScanPlan {
  workers: number;
  entries: Iterable<ScanEntry>;
  /** Sizes of the files looked at so far (a Buffer path by identity: the same one comes again). */
  sizes: Map<FsPath, number>;
}

/**
 * Looks at the first files until they add up to enough text for workers to pay off.
 * DIGEST_LENS_CLI_WORKERS=n asks for n workers (0: none), whatever the size.
 */
export function planScan(entries: Generator<ScanEntry>): ScanPlan {
  const sizes = new Map<FsPath, number>();
  const seen: ScanEntry[] = [];
  const asked = process.env.DIGEST_LENS_CLI_WORKERS;
  const n = asked ? Number(asked) : NaN;
  const forced = Number.isInteger(n) && n >= 0 ? Math.min(n, 16) : undefined;
  const rest = (): Iterable<ScanEntry> => ({
    *[Symbol.iterator]() {
      yield* seen;
      yield* { [Symbol.iterator]: () => entries };
    },
  });
  if (forced === 0 || (forced === undefined && !WORKERS_BY_DEFAULT)) return { workers: 0, entries: rest(), sizes };
  const script = join(__dirname, 'cliWorker.js');
  if (!existsSync(script)) return { workers: 0, entries: rest(), sizes };
  let bytes = 0;
  while (forced === undefined && bytes < MIN_PARALLEL_BYTES) {
    const next = entries.next();
    if (next.done) break;
    seen.push(next.value);
    if ('path' in next.value) {
      const size = sizeOf(next.value.path);
      sizes.set(next.value.path, size);
      bytes += size;
    }
  }
  const cores = typeof availableParallelism === 'function' ? availableParallelism() : 1;
  const workers = forced ?? (bytes >= MIN_PARALLEL_BYTES ? Math.max(0, Math.min(cores - 1, 7)) : 0);
  return { workers, entries: rest(), sizes };
}

interface Batch {
  index: number;
  paths: FsPath[];
}

/**
 * A path as a worker message carries it. A small Buffer is a view of node's shared pool,
 * and a message would copy the whole pool with it: a byte path goes as a copy of its own.
 */
function forWorker(p: FsPath): string | Uint8Array {
  return typeof p === 'string' ? p : new Uint8Array(p);
}

interface Slot {
  worker: import('node:worker_threads').Worker;
  inFlight: Map<number, Batch>;
}

/**
 * Scans the plan's entries with its workers and this thread; writes the output to `stdout`
 * and the messages to `err`; resolves with the exit status.
 */
export function scanInParallel(plan: ScanPlan, setup: ScanSetup, userFiles: Omit<CliWorkerSetup, 'format' | 'base' | 'maxBytes' | 'gazetteerImage'>, stdout: OutputBuffer, err: (s: string) => void): Promise<number> {
  const { format } = setup;
  const entries = plan.entries[Symbol.iterator]();
  // The built-in gazetteer's image, in shared memory, is the workers' gazetteer too.
  builtinGazetteer();
  const request: CliWorkerRequest = { type: 'setup', format, base: setup.base, maxBytes: setup.maxBytes, ...userFiles, gazetteerImage: sharedBuiltinImage() };
  let slots: Slot[] = [];
  // Required here, not at load: a scan in one thread (the default) does not pay for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  for (let i = 0; i < plan.workers; i++) {
    try {
      const worker = new Worker(join(__dirname, 'cliWorker.js'));
      // The scan's end is this thread's to decide: idle workers do not keep the process up.
      worker.unref();
      worker.postMessage(request);
      slots.push({ worker, inFlight: new Map() });
    } catch {
      // No worker: this thread does the work.
    }
  }

  let status = 0;
  let first = true;
  let exhausted = false;
  let batches = 0;
  let written = 0;
  /** An entry read while filling a batch that belongs to the next one. */
  let held: ScanEntry | undefined;
  /** Batches of a lost worker, to be done here, in order. */
  const retry: Batch[] = [];
  /** Done batches waiting for those before them to be written, their output in UTF-8. */
  const done = new Map<number, EncodedBatch>();

  if (format === 'csv') stdout.write(CSV_HEADER.join(',') + '\n');
  if (format === 'json') stdout.write(JSON_OPENING);

  /** The next consecutive files, or undefined when every entry has gone out. */
  const nextBatch = (): Batch | undefined => {
    if (retry.length) return retry.shift();
    const paths: FsPath[] = [];
    let bytes = 0;
    while (!exhausted && paths.length < BATCH_FILES && bytes < BATCH_BYTES) {
      let entry = held;
      held = undefined;
      if (!entry) {
        const next = entries.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        entry = next.value;
      }
      if (!('path' in entry)) {
        // Its message is written after the files before it: it closes the batch, or is one.
        if (paths.length) {
          held = entry;
          break;
        }
        done.set(batches++, ((o) => ({ messages: [o.messages], failed: [true], ends: [-1], chunks: [] }))(placedOutcome(entry)));
        continue;
      }
      paths.push(entry.path);
      bytes += plan.sizes.get(entry.path) ?? sizeOf(entry.path);
    }
    return paths.length ? { index: batches++, paths } : undefined;
  };

  const writeDone = () => {
    for (let batch = done.get(written); batch; batch = done.get(written)) {
      done.delete(written++);
      let start = 0;
      for (let i = 0; i < batch.messages.length; i++) {
        for (const m of batch.messages[i]) err(m);
        if (batch.failed[i]) status = 1;
        const end = batch.ends[i];
        if (end < 0) continue;
        stdout.write(separator(format, first));
        for (const part of bytesBetween(batch.chunks, start, end)) stdout.writeBytes(part);
        start = end;
        first = false;
      }
    }
  };

  return new Promise((resolve) => {
    let finished = false;
    let scheduled = false;
    const lose = (slot: Slot) => {
      if (!slots.includes(slot)) return;
      slots = slots.filter((s) => s !== slot);
      retry.push(...slot.inFlight.values());
      retry.sort((a, b) => a.index - b.index);
      slot.inFlight.clear();
      void slot.worker.terminate();
      schedule();
    };
    const step = () => {
      scheduled = false;
      if (finished) return;
      writeDone();
      for (const slot of slots) {
        while (slot.inFlight.size < IN_FLIGHT) {
          const batch = nextBatch();
          if (!batch) break;
          slot.inFlight.set(batch.index, batch);
          slot.worker.postMessage({ type: 'batch', id: batch.index, paths: batch.paths.map(forWorker) } satisfies CliWorkerRequest);
        }
      }
      // While the workers are busy this thread does a batch too, then looks at their answers.
      const batch = nextBatch();
      if (batch) {
        done.set(batch.index, scanBatch(batch.paths, setup));
        schedule();
        return;
      }
      writeDone();
      if (written < batches || !exhausted || retry.length) return; // a worker's answer comes next
      finished = true;
      for (const s of slots) void s.worker.terminate();
      if (format === 'json') stdout.write(jsonClosing(!first));
      resolve(status);
    };
    function schedule(): void {
      if (!scheduled) {
        scheduled = true;
        setImmediate(step);
      }
    }
    for (const slot of slots) {
      slot.worker.on('message', (m: CliBatchResult) => {
        const batch = slot.inFlight.get(m.id);
        if (!batch) return;
        slot.inFlight.delete(m.id);
        done.set(m.id, m);
        schedule();
      });
      // An exception in a worker (a bug the same file would hit here) or a worker that ends:
      // its batches are done here, where the exception, if any, is the scan's own.
      slot.worker.on('error', () => lose(slot));
      slot.worker.on('exit', () => lose(slot));
    }
    schedule();
  });
}
