/**
 * The figure parser's reading of a completion before it is offered (issue 17): the text is
 * put in place in a window of its line and the parser reads the window, so an item is
 * offered only when the note will say what the item says (the amount, in the currency).
 * Pure: the analysis only.
 */
import type { Figure } from '../../analysis/types';
import { findFigures } from '../../analysis/money';
import { foldDocument } from '../../analysis/text';

/** Context read before the inserted text (a "(人民币，下同)" note, the sentence's currency) and after it. */
const BEFORE = 300;
const AFTER = 100;

/**
 * The figure the parser reads exactly over `newText` once it replaces `text[start, end)`,
 * or null when it reads none there (it reads a longer or shorter span, or nothing).
 * `traditional` is the note's script (it decides how 兆 is read).
 */
export function figureReadBack(text: string, start: number, end: number, newText: string, traditional: boolean): Figure | null {
  const from = Math.max(0, start - BEFORE);
  let to = end;
  while (to < text.length && to - end < AFTER && text.charCodeAt(to) !== 10) to++;
  const window = text.slice(from, start) + newText + text.slice(end, to);
  const at = start - from;
  const figures = findFigures(window, foldDocument(window).folded, { traditional });
  for (const f of figures) {
    if (f.offset === at && f.length === newText.length) return f;
    if (f.offset > at) break;
  }
  return null;
}

/** True when `f` is the amount `value` (one amount, not a range), in `currency` when one is named. */
export function readsAs(f: Figure, value: number, currency: string | null): boolean {
  if (currency !== null && f.currency !== currency) return false;
  if (f.min !== null && f.max !== null && f.min !== f.max) return false;
  return Math.abs(Math.abs(f.value) - value) <= 1e-9 * Math.max(1, value);
}
