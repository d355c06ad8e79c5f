/**
 * Conversions between analysis offsets (UTF-16 code units) and LSP positions, using the
 * line starts kept with each indexed document.
 */
import type { Position, Range } from 'vscode-languageserver';
import type { IndexedDoc } from '../index/workspaceIndex';
import { offsetAt, positionAt } from '../analysis/text';

export function toPosition(doc: IndexedDoc, offset: number): Position {
  return positionAt(doc.lineStarts, offset);
}

export function toRange(doc: IndexedDoc, offset: number, length: number): Range {
  return { start: positionAt(doc.lineStarts, offset), end: positionAt(doc.lineStarts, offset + length) };
}

export function toOffset(doc: IndexedDoc, position: Position): number {
  return offsetAt(doc.lineStarts, position.line, position.character, doc.text.length);
}

/** The item whose span contains the offset (end inclusive, so a cursor right after a word counts). */
export function spanAt<T extends { offset: number; length: number }>(items: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const it = items[mid];
    if (offset < it.offset) hi = mid - 1;
    else if (offset > it.offset + it.length) lo = mid + 1;
    else return it;
  }
  return undefined;
}
