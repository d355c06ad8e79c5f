/**
 * A pool of analysis workers (analysisWorker.ts) for indexing many files on every core.
 * Work goes out in batches of a few hundred kilobytes, two batches in flight per worker
 * so that no worker waits for the main thread; results come back packed, their strings
 * are mapped into the index's string table here. A worker that dies hands its batches back;
 * when none is left the caller analyses the rest itself.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FolderUserFiles } from './folderSetups';
import type { FileResult, FileTask } from './analyseFile';
import { RefMap, remap, type StringTable } from './packed';
import type { WorkerBatchResult, WorkerRequest } from './analysisWorker';
import { builtinGazetteer } from '../analysis/gazetteer';
import { sharedBuiltinImage } from '../data/builtinImage';

/** Bytes of files per batch, and most files per batch. */
const BATCH_BYTES = 256 * 1024;
const BATCH_FILES = 64;
const IN_FLIGHT = 2;
/** The calling thread, when it helps, analyses at most this long before answering requests. */
const HELPER_SLICE_MS = 12;
const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Logger {
  info(m: string): void;
  warn(m: string): void;
}

/** How the analysis of a cold index is shared between threads. */
export interface WorkerPlan {
  /** Analysis workers to start (0: analyse in the server only). */
  workers: number;
  /** Whether the server's own thread analyses too (between requests). */
  help: boolean;
}

/**
 * The memory model behind `planWorkers`, measured on the 2-core reference machine with
 * 1,000- and 10,000-digest (10 and 124 MB) workspaces. A worker reads the server's image of
 * the built-in gazetteer in shared memory (data/builtinImage.ts), so it costs its own copy of
 * the bundle, the theme automaton and its analysis heap: ~37 MB idle, ~40 MB more at the
 * server's peak on 10,000 digests (297-305 MB with one worker helping, 259-263 MB without:
 * at the edge of the budget). Before the image, each worker built its own gazetteer (~90 MB).
 */
const MEMORY_BUDGET_MB = 300;
const SERVER_BASE_MB = 95; // the server with nothing indexed
const INDEX_MB_PER_MB = 0.7; // the packed index, per MB of digests
const SERVER_ANALYSER_MB = 75; // the server's own gazetteer and analysis working set
const WORKER_MB = 40; // one worker, analysing, heaps capped as below
/** A worker's old generation: one large digest's analysis (the gazetteer is not on its heap). */
const WORKER_OLD_MB = 32;
/**
 * With user entity files a worker builds its own gazetteer (the image holds the built-in
 * one only): ~25 MB more on its heap, ~90 MB a worker in all, as before the image.
 */
const WORKER_OLD_USER_MB = 64;
const WORKER_USER_MB = 90;
/**
 * A worker's young generation. With 2 MB the worker spends ~14% of its time collecting
 * (every few hundred kilobytes of analysis objects); 8 MB halves that, but the server's
 * peak RSS on 10,000 digests then measured up to 306 MB (budget 300): kept at 2 until the
 * analysis allocates less.
 */
const WORKER_YOUNG_MB = 2;
/** Files larger than this are analysed by the server, not sent to a capped worker. */
export const WORKER_MAX_FILE_BYTES = 1024 * 1024;
/** Below this many bytes, a worker's start (bundle, theme automaton; once ~0.5 s with the gazetteer) costs more than it saves. */
const MIN_WORKER_BYTES = 16 * 1024 * 1024;

/**
 * As many analysing threads as there are cores, within the memory budget; the server's
 * thread helping costs less than another worker, so it is counted first. One thread is the
 * server's own (cheaper than a worker, and as fast). On the 2-core reference machine a
 * 10,000-digest (124 MB) workspace is analysed by one worker and the server.
 * DIGEST_LENS_WORKERS=n forces n workers (0: the server alone), n+ the same with the server helping.
 */
export function planWorkers(bytes: number, userEntities = false): WorkerPlan {
  const forced = /^(\d+)(\+?)$/.exec(process.env.DIGEST_LENS_WORKERS ?? '');
  if (forced) return { workers: Math.min(+forced[1], 8), help: forced[2] === '+' };
  if (bytes < MIN_WORKER_BYTES) return { workers: 0, help: false };
  const cores = Math.max(1, Math.min(typeof availableParallelism === 'function' ? availableParallelism() : 1, 8));
  const room = MEMORY_BUDGET_MB - SERVER_BASE_MB - (INDEX_MB_PER_MB * bytes) / 1048576;
  const worker = userEntities ? WORKER_USER_MB : WORKER_MB;
  for (let threads = cores; threads > 1; threads--) {
    // The server helping plus threads-1 workers, else threads workers.
    if (SERVER_ANALYSER_MB + (threads - 1) * worker <= room) return { workers: threads - 1, help: true };
    if (threads * worker <= room) return { workers: threads, help: false };
  }
  return { workers: 0, help: false };
}

/**
 * Workers worth starting before the workspace's size is known, when everything is likely to
 * be analysed (no cache yet): a worker takes ~0.2 s to start, about as long as the walk of a
 * large workspace, so it is ready when the walk ends. One (any plan with workers has one),
 * on a machine with more than one core; DIGEST_LENS_WORKERS as in planWorkers.
 */
export function earlyWorkers(): number {
  const forced = /^(\d+)(\+?)$/.exec(process.env.DIGEST_LENS_WORKERS ?? '');
  if (forced) return Math.min(+forced[1], 8);
  const cores = typeof availableParallelism === 'function' ? availableParallelism() : 1;
  return cores > 1 ? 1 : 0;
}

interface Slot {
  worker: Worker;
  inFlight: Map<number, FileTask[]>;
  /** The worker's string and triple refs → the index's, grown with every batch it sends. */
  refs: RefMap;
}

export class AnalysisPool {
  private slots: Slot[] = [];
  private nextId = 1;

  private constructor(
    private readonly log: Logger,
    private readonly table: StringTable,
    private readonly spawn: () => Slot | null,
  ) {}

  /**
   * Starts `count` workers from `script`, each set up with the user files; null when the
   * script is missing or no worker starts (the caller then analyses in-process).
   */
  static start(script: string, count: number, folders: FolderUserFiles[], dataVersion: string, table: StringTable, log: Logger): AnalysisPool | null {
    if (count < 1) return null;
    if (!existsSync(script)) {
      log.warn(`analysis workers unavailable (${script} not found): analysing in the server`);
      return null;
    }
    // The server's own built-in gazetteer (read from its image, or built and imaged now):
    // its image goes to every worker in shared memory.
    builtinGazetteer();
    const gazetteerImage = sharedBuiltinImage();
    const oldMb = folders.some((f) => f.entities) ? WORKER_OLD_USER_MB : WORKER_OLD_MB;
    const spawn = (): Slot | null => {
      try {
        // Small heaps: a worker's memory counts against the server's (the gazetteer is in
        // shared memory, not on its heap). A worker that runs out anyway exits; its files go
        // to the server (see run).
        const worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB, maxOldGenerationSizeMb: oldMb } });
        worker.unref();
        const slot: Slot = { worker, inFlight: new Map(), refs: new RefMap() };
        // Always listening: an unhandled 'error' event would take the server down.
        worker.on('error', (e) => log.warn(`analysis worker failed: ${e.message}`));
        worker.on('exit', () => {
          pool.slots = pool.slots.filter((s) => s !== slot);
        });
        worker.postMessage({ type: 'setup', folders, dataVersion, gazetteerImage } satisfies WorkerRequest);
        return slot;
      } catch (e) {
        log.warn(`analysis worker could not start: ${(e as Error).message}`);
        return null;
      }
    };
    const pool = new AnalysisPool(log, table, spawn);
    pool.grow(count);
    return pool.slots.length ? pool : null;
  }

  /**
   * Starts `count` more workers, set up as the first (a pool started early, before the
   * workspace's size was known, grows to the plan). Not while `run` goes on.
   */
  grow(count: number): void {
    for (let i = 0; i < count; i++) {
      const slot = this.spawn();
      if (slot) this.slots.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /**
   * Analyses `tasks`; calls `onResults` with each batch (strings already mapped into the
   * table). With `helper`, the calling thread analyses batches too (see `help`). Resolves
   * with the tasks left undone: none, unless every worker died or `cancelled()` turned true.
   */
  run(
    tasks: FileTask[],
    sizes: Map<string, number>,
    onResults: (results: FileResult[]) => void,
    cancelled: () => boolean,
    helper?: (task: FileTask) => FileResult,
  ): Promise<FileTask[]> {
    const queue: FileTask[][] = [];
    let batch: FileTask[] = [];
    let bytes = 0;
    for (const t of tasks) {
      batch.push(t);
      bytes += sizes.get(t.uri) ?? 0;
      if (bytes >= BATCH_BYTES || batch.length >= BATCH_FILES) {
        queue.push(batch);
        batch = [];
        bytes = 0;
      }
    }
    if (batch.length) queue.push(batch);
    queue.reverse(); // popped from the end: files go out in order

    return new Promise((resolve) => {
      let settled = false;
      let helping = false;
      const handlers: { slot: Slot; message: (m: WorkerBatchResult) => void; error: (e: Error) => void; exit: (code: number) => void }[] = [];
      const finish = () => {
        if (settled || helping || this.slots.some((s) => s.inFlight.size > 0)) return;
        if (queue.length && this.slots.length && !cancelled()) return;
        settled = true;
        for (const h of handlers) {
          h.slot.worker.off('message', h.message);
          h.slot.worker.off('error', h.error);
          h.slot.worker.off('exit', h.exit);
        }
        resolve(queue.reverse().flat());
      };
      const feed = (slot: Slot) => {
        while (slot.inFlight.size < IN_FLIGHT && queue.length && !cancelled()) {
          const files = queue.pop()!;
          const id = this.nextId++;
          slot.inFlight.set(id, files);
          slot.worker.postMessage({ type: 'batch', id, files } satisfies WorkerRequest);
        }
      };
      const lost = new Set<Slot>();
      const lose = (slot: Slot, why: string) => {
        if (lost.has(slot)) return;
        lost.add(slot);
        this.log.warn(`analysis worker stopped (${why}); its files go to the others`);
        this.slots = this.slots.filter((s) => s !== slot);
        for (const files of slot.inFlight.values()) queue.push(files);
        slot.inFlight.clear();
        void slot.worker.terminate();
        for (const s of this.slots) feed(s);
        finish();
      };
      for (const slot of this.slots) {
        const h = {
          slot,
          message: (msg: WorkerBatchResult) => {
            if (!slot.inFlight.has(msg.id)) return;
            // The new strings are adopted even when cancelled: later batches refer to them.
            const results = this.adopt(slot, msg);
            if (!results) return lose(slot, 'its string table went out of step'); // the batch goes back to the queue
            slot.inFlight.delete(msg.id);
            feed(slot); // keep the worker busy while this batch is merged
            if (!cancelled()) onResults(results);
            finish();
          },
          error: (e: Error) => lose(slot, e.message),
          exit: (code: number) => lose(slot, `exit code ${code}`),
        };
        handlers.push(h);
        slot.worker.on('message', h.message);
        slot.worker.on('error', h.error);
        slot.worker.on('exit', h.exit);
        feed(slot);
      }
      /**
       * The calling thread takes batches too, yielding to requests every few milliseconds:
       * one more core's worth of analysis without the memory of another isolate. It stops
       * once the workers have the rest in flight.
       */
      const help = async (analyse: (task: FileTask) => FileResult) => {
        helping = true;
        try {
          while (queue.length > this.slots.length && !cancelled()) {
            const files = queue.shift()!; // from the far end: workers keep the order
            const results: FileResult[] = [];
            let since = Date.now();
            for (const f of files) {
              results.push(analyse(f));
              if (Date.now() - since > HELPER_SLICE_MS) {
                await yieldNow();
                since = Date.now();
              }
            }
            if (!cancelled()) onResults(results);
            await yieldNow();
          }
        } finally {
          helping = false;
          finish();
        }
      };
      if (helper) void help(helper);
      finish();
    });
  }

  /**
   * Maps a batch's new strings into the index's table and its results' refs through the
   * worker's map; null when the batch does not follow the one before (never expected).
   */
  private adopt(slot: Slot, msg: WorkerBatchResult): FileResult[] | null {
    // Bases of 0: the worker's table started afresh (see analysisWorker.ts), and so does the map.
    if (msg.stringBase === 0 && msg.entityBase === 0) slot.refs = new RefMap();
    const refs = slot.refs;
    if (msg.stringBase !== refs.stringCount || msg.entityBase !== refs.entityCount) return null;
    this.table.extend(refs, msg.strings, msg.entities);
    const maps = refs.view();
    for (const r of msg.results) if (r.kind === 'ok') remap(r.packed, maps);
    return msg.results;
  }

  /** Stops every worker (their memory goes back to the system). */
  stop(): void {
    for (const s of this.slots) {
      s.worker.removeAllListeners();
      void s.worker.terminate();
    }
    this.slots = [];
  }
}
