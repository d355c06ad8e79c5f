/**
 * The exact phase of an open note's analysis: after an edit a long note's analysis is
 * provisional (provisional.ts); once the edits pause, a whole analysis of the current text
 * is made and installed in its place (WorkspaceIndex.installExact), unless the note has moved
 * on by then. Made by `offload` when given (a worker thread), else on this thread.
 * No LSP here: the server calls `edited` from its document-change handler.
 */
import type { DocumentAnalysis } from '../analysis/types';
import type { WorkspaceIndex } from './workspaceIndex';

export interface ExactPhaseOptions {
  /** Quiet time after the last edit before the whole analysis starts. */
  quietMs?: number;
  /** Longest wait under a steady stream of edits, from the first one not yet analysed whole. */
  maxWaitMs?: number;
  /** Analyses a text elsewhere (a worker); null or a rejection means here. */
  offload?: (uri: string, text: string) => Promise<DocumentAnalysis> | null;
  /** Told of every run (the server's whenIdle waits for them). */
  track?: (work: Promise<unknown>) => void;
  log?: { warn(message: string): void };
}

/** Typing pauses longer than this between words: the analysis is exact soon after. */
const QUIET_MS = 80;
/**
 * A whole analysis of a 1 MB note holds this thread ~50-150 ms (no worker yet): under a
 * steady stream of edits, one every two seconds at most.
 */
const MAX_WAIT_MS = 2000;

export class ExactPhase {
  private readonly timers = new Map<string, { timer: ReturnType<typeof setTimeout>; since: number; done: () => void }>();
  /** Notes whose whole analysis is running elsewhere: one at a time per note. */
  private readonly running = new Set<string>();

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly options: ExactPhaseOptions = {},
  ) {}

  /** Called after every change of an open note: schedules its whole analysis if it is due. */
  edited(uri: string): void {
    if (!this.index.needsExact(uri)) return;
    const quiet = this.options.quietMs ?? QUIET_MS;
    const maxWait = this.options.maxWaitMs ?? MAX_WAIT_MS;
    const now = performance.now();
    const pending = this.timers.get(uri);
    if (pending) {
      clearTimeout(pending.timer);
      pending.done();
    }
    const since = pending?.since ?? now;
    const delay = Math.max(0, Math.min(quiet, since + maxWait - now));
    let done!: () => void;
    this.options.track?.(new Promise<void>((resolve) => (done = resolve)));
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      void this.run(uri).finally(done);
    }, delay);
    this.timers.set(uri, { timer, since, done });
  }

  /** Makes and installs the whole analysis of a note now, if it is still due. */
  async run(uri: string): Promise<void> {
    if (!this.index.needsExact(uri) || this.running.has(uri)) return;
    const doc = this.index.get(uri);
    if (!doc) return;
    const { version, text } = doc;
    const elsewhere = this.options.offload?.(uri, text) ?? null;
    if (!elsewhere) {
      this.index.settleExact(uri);
      return;
    }
    this.running.add(uri);
    try {
      const analysis = await elsewhere;
      // Dropped when the note moved on meanwhile; a later edit has scheduled another run.
      if (!this.index.installExact(uri, version, text, analysis)) this.edited(uri);
    } catch (e) {
      this.options.log?.warn(`whole analysis of ${uri} elsewhere failed (${(e as Error).message}); analysing here`);
      this.index.settleExact(uri);
    } finally {
      this.running.delete(uri);
    }
  }

  /** Forgets a note (closed): no whole analysis of it is made. */
  forget(uri: string): void {
    const pending = this.timers.get(uri);
    if (!pending) return;
    clearTimeout(pending.timer);
    pending.done();
    this.timers.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.timers.keys()]) this.forget(uri);
  }
}
