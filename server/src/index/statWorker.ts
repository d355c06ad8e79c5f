/**
 * Stats of many files on a thread of their own. On the server's thread each statSync costs
 * more than the system call: a Stats object with four Dates (Node 20), and their garbage;
 * 10,000 of them were a third of a warm start's walk, while the cache file was being
 * checked on the same thread. A small worker (node:fs only, no bundle to load) stats the list
 * and sends back sizes and mtimes in one Float64Array; the server's thread meanwhile does
 * the rest of the start. Null when the worker cannot be had: the caller stats here.
 */
import { Worker } from 'node:worker_threads';

/** The worker's whole program: for each path its size and mtimeMs, or a size of -1 when it is gone, unreadable or no longer a regular file (a pipe put there since the listing). */
const SOURCE = `
const { parentPort } = require('node:worker_threads');
const { statSync } = require('node:fs');
const options = { throwIfNoEntry: false };
parentPort.once('message', (paths) => {
  const out = new Float64Array(paths.length * 2);
  for (let i = 0; i < paths.length; i++) {
    let st;
    try { st = statSync(paths[i], options); } catch { st = undefined; }
    if (st && st.isFile()) { out[2 * i] = st.size; out[2 * i + 1] = st.mtimeMs; } else out[2 * i] = -1;
  }
  parentPort.postMessage(out, [out.buffer]);
});`;

/**
 * A worker started now (it takes 10-20 ms to come up, on another core: the walk can start it
 * as soon as it sees many files), which stats one list of paths and ends.
 */
export class StatWorker {
  private readonly worker: Worker | null;
  private readonly answer: Promise<unknown>;

  constructor() {
    let worker: Worker | null = null;
    try {
      worker = new Worker(SOURCE, { eval: true });
    } catch {
      worker = null;
    }
    this.worker = worker;
    this.answer = new Promise((resolve) => {
      if (!worker) return resolve(null);
      worker.once('message', resolve);
      worker.once('error', () => resolve(null));
      worker.once('exit', () => resolve(null));
    });
  }

  /** [size, mtimeMs] pairs of `paths` (size -1: left out), or null when the worker could not do it. Once. */
  async stat(paths: string[]): Promise<Float64Array | null> {
    if (!this.worker) return null;
    try {
      this.worker.postMessage(paths);
      const out = await this.answer;
      return out instanceof Float64Array && out.length === paths.length * 2 ? out : null;
    } finally {
      this.stop();
    }
  }

  /** Ends the worker (not needed after all, or done). */
  stop(): void {
    void this.worker?.terminate();
  }
}
