/**
 * Long requests in slices. A handler that runs for a long time on the main thread keeps the
 * server from reading anything else, a cancellation included, so it never sees that its
 * answer is no longer wanted. Its work is written once, as a generator that yields where it
 * may pause (between documents, every few hundred items); `runNow` runs it at once (tests,
 * the CLI), `runPaced` gives the event loop a turn whenever a slice of SLICE_MS is used up
 * and stops with RequestCancelled once the request's token is cancelled.
 *
 * Between two slices the index may change (an edit, a file event): each slice is consistent
 * with the index of its own turn, as the streamed references already were.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

/** The longest a request holds the main thread at one go. */
export const SLICE_MS = 10;

/** Work that yields (any value, ignored) where it may pause, and returns its answer. */
export type Work<T> = Generator<unknown, T, void>;

/** Runs `work` to its end on this turn. */
export function runNow<T>(work: Work<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs `work` in slices; rejects with RequestCancelled, and stops the work, once `token` is cancelled. */
export async function runPaced<T>(work: Work<T>, token?: CancellationToken): Promise<T> {
  let since = performance.now();
  for (;;) {
    if (token?.isCancellationRequested) {
      work.return(undefined as T);
      throw new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
    }
    const step = work.next();
    if (step.done) return step.value;
    if (performance.now() - since >= SLICE_MS) {
      await nextTurn();
      since = performance.now();
    }
  }
}
