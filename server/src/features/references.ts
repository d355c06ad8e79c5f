/**
 * Find all references of an entity: every mention with the same id in every digest of the
 * workspace, open or not, in any script, alias or ticker, straight from the index.
 *
 * A common company of a large workspace has tens of thousands of mentions (megabytes of
 * JSON). When the client gives a `partialResultToken`, the locations go out in batches as
 * they are found, document by document in uri order: a small first batch, so the first
 * results show at once, then larger ones, with a turn of the event loop between them so
 * other requests are not held up and a cancellation is seen.
 */
import type { CancellationToken, Location } from 'vscode-languageserver';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { Feature } from './context';
import { lineOf } from '../analysis/text';
import { definitionAt } from './definition';
import { runPaced, type Work } from './pacer';

/** Locations in the first partial result, and in each one after it. */
const FIRST_BATCH = 200;
const BATCH = 8000;

const sameLocation = (a: Location, b: Location) =>
  a.uri === b.uri &&
  a.range.start.line === b.range.start.line &&
  a.range.start.character === b.range.start.character &&
  a.range.end.line === b.range.end.line &&
  a.range.end.character === b.range.end.character;

/**
 * Every mention of entity `id` in batches of about `first`, then `size` locations (a batch
 * ends at a mention, not at a document's end), documents in uri order. The declaration (the
 * definition target) is listed first when `includeDeclaration` is set, and left out when it
 * is not.
 */
export function* referenceBatches(index: WorkspaceIndex, id: string, declaration: Location | null, includeDeclaration: boolean, first = FIRST_BATCH, size = BATCH): Generator<Location[]> {
  let out: Location[] = [];
  let limit = first;
  if (includeDeclaration && declaration) out.push(declaration);
  if (out.length >= limit) {
    yield out;
    out = [];
    limit = size;
  }
  for (const doc of index.docsMentioning(id)) {
    const spans = index.mentionSpansIn(doc, id);
    // Per document, not per location: its line starts, and whether the declaration is in it
    // (comparing two long uris for every location of a common entity adds up).
    const starts = doc.lineStarts;
    const skip = declaration !== null && declaration.uri === doc.uri;
    // Spans come in text order, so each line search starts from the line of the last one.
    let line = 0;
    for (let k = 0; k < spans.length; k += 2) {
      const start = spans[k];
      const end = start + spans[k + 1];
      line = lineFrom(starts, line, start);
      const startPos = { line, character: start - starts[line] };
      const endLine = lineFrom(starts, line, end);
      const loc: Location = { uri: doc.uri, range: { start: startPos, end: { line: endLine, character: end - starts[endLine] } } };
      if (skip && sameLocation(loc, declaration)) continue;
      out.push(loc);
      if (out.length >= limit) {
        yield out;
        out = [];
        limit = size;
      }
    }
  }
  if (out.length) yield out;
}

/**
 * The line of `offset` (the last line start at or before it), searching forward from line
 * `from`, which starts at or before it: a step or two for the next mention of the same
 * document, a binary search when it is far.
 */
function lineFrom(starts: ArrayLike<number>, from: number, offset: number): number {
  const n = starts.length;
  if (starts[from] > offset) return lineOf(starts, offset); // not in text order after all
  let line = from;
  for (let steps = 0; steps < 8; steps++) {
    if (line + 1 >= n || starts[line + 1] > offset) return line;
    line++;
  }
  let lo = line;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Every reference at once (see referenceBatches). */
export function referencesOf(index: WorkspaceIndex, id: string, declaration: Location | null, includeDeclaration: boolean, token?: CancellationToken): Location[] {
  const out: Location[] = [];
  for (const batch of referenceBatches(index, id, declaration, includeDeclaration, BATCH)) {
    if (token?.isCancellationRequested) return [];
    for (const loc of batch) out.push(loc);
  }
  return out;
}

/** `referencesOf` as work that pauses between batches (features/pacer.ts). */
function* referencesWork(index: WorkspaceIndex, id: string, declaration: Location | null, includeDeclaration: boolean): Work<Location[]> {
  const out: Location[] = [];
  for (const batch of referenceBatches(index, id, declaration, includeDeclaration, BATCH)) {
    for (const loc of batch) out.push(loc);
    yield;
  }
  return out;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export const feature: Feature = {
  name: 'references',
  capabilities: { referencesProvider: true },
  register(ctx) {
    ctx.connection.onReferences(
      ctx.guard('references', async (params, token, _workDone, resultProgress) => {
        const found = await definitionAt(ctx, params.textDocument.uri, params.position);
        if (!found) return null;
        if (!resultProgress) return runPaced(referencesWork(ctx.index, found.id, found.target, params.context.includeDeclaration), token);
        // Streamed: the answer itself is empty, everything went out as partial results.
        // The index may change between batches; a batch is consistent with the index of
        // its own turn, and the generator's list of documents is the one of the first.
        for (const batch of referenceBatches(ctx.index, found.id, found.target, params.context.includeDeclaration)) {
          if (token.isCancellationRequested) break;
          resultProgress.report(batch);
          await nextTurn();
        }
        return [];
      }),
    );
  },
};
