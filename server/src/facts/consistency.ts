/**
 * Consistency across notes: two facts with the same subject, metric, period (and unit) in
 * different notes whose values differ beyond rounding. Compared in one currency: as written
 * when both are in the same one, else each converted into USD at its own note's date, with
 * the conversion tolerance on top. A range that contains the other value agrees with it.
 * The later note (by date; undated notes are never compared) carries the finding.
 */
import { convertAmount } from '../fx/convert';
import type { StoredFact } from './store';

/** Relative difference below which two amounts in one currency are the same figure rounded. */
export const ROUNDING = 0.01;

function inRange(f: StoredFact, v: number): boolean {
  const { min, max } = f.figure;
  return min !== null && max !== null && v >= min * (1 - ROUNDING) && v <= max * (1 + ROUNDING);
}

/** Whether two facts state different values, beyond rounding (and beyond `tolerance` across currencies). */
export function valuesDiffer(a: StoredFact, b: StoredFact, tolerance: number, overrides?: Record<string, number>): boolean {
  let x = a.figure.value;
  let y = b.figure.value;
  let tol = ROUNDING;
  if (a.figure.currency !== b.figure.currency) {
    const cx = convertAmount(x, a.figure.currency, 'USD', a.date, overrides);
    const cy = convertAmount(y, b.figure.currency, 'USD', b.date, overrides);
    if (!cx || !cy) return false;
    x = cx.value;
    y = cy.value;
    tol = Math.max(ROUNDING, tolerance);
  } else if (inRange(a, y) || inRange(b, x)) return false;
  const big = Math.max(Math.abs(x), Math.abs(y));
  return big > 0 && Math.abs(x - y) / big > tol;
}

/** Whether `a` comes from a later note than `b` (dated notes only; same date: the later uri). */
export function later(a: StoredFact, b: StoredFact): boolean {
  if (!a.date || !b.date) return false;
  return a.date > b.date || (a.date === b.date && a.uri > b.uri);
}

/** The facts of earlier notes that `fact` disagrees with, among facts with its key. */
export function conflictsOf(fact: StoredFact, sameKey: readonly StoredFact[], tolerance: number, overrides?: Record<string, number>): StoredFact[] {
  const out: StoredFact[] = [];
  const seen = new Set<string>();
  for (const other of sameKey) {
    if (other === fact || other.uri === fact.uri || !later(fact, other)) continue;
    if (!valuesDiffer(fact, other, tolerance, overrides)) continue;
    // One line per note and value.
    const k = `${other.uri}\u0000${other.figure.value}\u0000${other.figure.currency}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(other);
  }
  return out.sort((a, b) => ((b.date ?? '') < (a.date ?? '') ? -1 : (b.date ?? '') > (a.date ?? '') ? 1 : 0));
}
