/**
 * Which figures of a document state the same fact: a stated conversion and the amount it
 * converts ("1,600 亿人民币（约 230 亿美元）", "HK$4.19B / $538M"), and one amount said
 * again about the same thing (the English paragraph of a bilingual digest, a later
 * sentence): same currency, same unit, equal up to the rounding of the less precise of the
 * two, same metric, same subject and compatible periods.
 */
import type { Figure } from '../types';
import { samePeriod } from './periods';
import { pairConversions } from './conversions';

/** Half the place value of the last written digit of the figure's number, in its currency. */
function tolerance(f: Figure): number {
  const m = /(\d[\d,]*)(?:\.(\d+))?/.exec(f.text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
  if (!m) return Math.abs(f.value) * 0.05;
  const mantissa = Number(m[1].replace(/,/g, '') + (m[2] ? `.${m[2]}` : ''));
  if (!mantissa) return 0;
  const scale = Math.abs(f.min !== null && f.max !== null ? f.min : f.value) / mantissa;
  const decimals = m[2]?.length ?? 0;
  return (scale * 10 ** -decimals) / 2;
}

function closeValues(a: Figure, b: Figure, toleranceOf: (f: Figure) => number): boolean {
  // Far apart values need no rounding to tell them apart.
  if (Math.abs(a.value - b.value) > 0.2 * Math.max(Math.abs(a.value), Math.abs(b.value))) return false;
  const tol = Math.max(toleranceOf(a), toleranceOf(b)) * 1.0001 + 1e-9;
  const near = (x: number | null, y: number | null) => (x === null || y === null ? x === y : Math.abs(x - y) <= tol);
  if (!near(a.value, b.value)) return false;
  // A range matches only a range with the same ends.
  if ((a.min === null) !== (b.min === null)) return false;
  return near(a.min, b.min) && near(a.max, b.max);
}

/** Metrics one language may word as another: spending, and prices per unit. */
const KIN: Partial<Record<string, string>> = { capex: 'spend', investment: 'spend', cost: 'spend', price: 'price' };

/** Whether two figures far apart state the same fact. */
export function restates(a: Figure, b: Figure, toleranceOf: (f: Figure) => number = tolerance): boolean {
  if (a.currency !== b.currency || a.per !== b.per) return false;
  // The metric may be missed on one side ("other"), not on both, or read as a near one in
  // the other language (capex / investment / cost; price / cost).
  if (a.metric === 'other' && b.metric === 'other') return false;
  if (a.metric !== b.metric && a.metric !== 'other' && b.metric !== 'other' && !(KIN[a.metric ?? 'other'] && KIN[a.metric ?? 'other'] === KIN[b.metric ?? 'other'])) return false;
  if ((a.subject?.id ?? null) !== (b.subject?.id ?? null)) return false;
  // Amounts of nobody's are one fact only about a market, or with one stated period on both.
  if (!a.subject && a.metric !== 'market-size') return false;
  if (!samePeriod(a.period, b.period)) return false;
  return closeValues(a, b, toleranceOf);
}

/** Sets `fact` on every figure: the index of the first figure of its fact. */
export function groupFacts(s: string, figures: Figure[], conversions = pairConversions(s, figures)): void {
  const parent = figures.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const join = (i: number, j: number) => {
    const a = find(i);
    const b = find(j);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };
  const index = new Map(figures.map((f, i) => [f, i]));
  // Each figure's rounding, worked out once.
  const tolerances = new Map<Figure, number>();
  const toleranceAt = (f: Figure): number => {
    let t = tolerances.get(f);
    if (t === undefined) tolerances.set(f, (t = tolerance(f)));
    return t;
  };
  for (const { from, to } of conversions) join(index.get(from)!, index.get(to)!);
  // Restatements are compared only within one currency, unit, metric and subject.
  const buckets = new Map<string, number[]>();
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i];
    // A figure owned by nobody can only restate a market size.
    if (!f.subject && f.metric !== 'market-size') continue;
    const key = `${f.currency}|${f.per ?? ''}|${f.subject?.id ?? ''}`;
    const list = buckets.get(key);
    if (list) list.push(i);
    else buckets.set(key, [i]);
  }
  for (const list of buckets.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x];
        const j = list[y];
        if (find(i) !== find(j) && restates(figures[i], figures[j], toleranceAt)) join(i, j);
      }
    }
  }
  for (let i = 0; i < figures.length; i++) figures[i].fact = find(i);
}
