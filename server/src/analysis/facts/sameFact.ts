/**
 * Which figures of a document state the same fact: a stated conversion and the amount it
 * converts ("1,600 亿人民币（约 230 亿美元）", "HK$4.19B / $538M"), and one amount said
 * again about the same thing (the English paragraph of a bilingual digest, a later
 * sentence): same currency, same unit, equal up to the rounding of the less precise of the
 * two, same metric, same subject and compatible periods.
 */
import type { Figure } from '../types';
import { samePeriod } from './periods';
import { isConversionGap, pairConversions } from './conversions';

const FULL_WIDTH_DIGIT = /[０-９]/;
const WRITTEN_NUMBER = /(\d[\d,]*)(?:\.(\d+))?/;

/** The written number of a figure: its digits (full-width folded) and decimals, or null. */
function writtenNumber(f: Figure): { mantissa: number; digits: string; decimals: number } | null {
  const text = FULL_WIDTH_DIGIT.test(f.text) ? f.text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)) : f.text;
  const m = WRITTEN_NUMBER.exec(text);
  if (!m) return null;
  const whole = m[1].replace(/,/g, '');
  return { mantissa: Number(whole + (m[2] ? `.${m[2]}` : '')), digits: whole + (m[2] ?? ''), decimals: m[2]?.length ?? 0 };
}

/** Half the place value of the last written digit of the figure's number, in its currency. */
function tolerance(f: Figure): number {
  const n = writtenNumber(f);
  if (!n) return Math.abs(f.value) * 0.05;
  if (!n.mantissa) return 0;
  const scale = Math.abs(f.min !== null && f.max !== null ? f.min : f.value) / n.mantissa;
  return (scale * 10 ** -n.decimals) / 2;
}

/**
 * Significant digits the figure is written with: 626.61 has five, 34.7 and 347 three, 210
 * two, 3000 one. The more there are, the less likely two things share the amount by chance.
 */
export function significantDigits(f: Figure): number {
  const n = writtenNumber(f);
  if (!n) return 0;
  let from = 0;
  let to = n.digits.length;
  while (from < to && n.digits.charCodeAt(from) === 0x30) from++;
  if (!n.decimals) while (to > from && n.digits.charCodeAt(to - 1) === 0x30) to--;
  return to - from;
}

/** At most this far apart (relative) are a figure and its rounded restatement (16.3亿 / $1.6B). */
const ROUNDING_GAP = 0.06;

function closeValues(a: Figure, b: Figure, toleranceOf: (f: Figure) => number): boolean {
  // Far apart values need no rounding to tell them apart.
  if (Math.abs(a.value - b.value) > ROUNDING_GAP * Math.max(Math.abs(a.value), Math.abs(b.value))) return false;
  const tol = Math.max(toleranceOf(a), toleranceOf(b)) * 1.0001 + 1e-9;
  const near = (x: number | null, y: number | null) => (x === null || y === null ? x === y : Math.abs(x - y) <= tol);
  if (!near(a.value, b.value)) return false;
  // A range matches only a range with the same ends.
  if ((a.min === null) !== (b.min === null)) return false;
  return near(a.min, b.min) && near(a.max, b.max);
}

/** Exactly the same amount, range ends included. */
function equalValues(a: Figure, b: Figure): boolean {
  return a.value === b.value && a.min === b.min && a.max === b.max;
}

/** Measures a sector total may be read as, besides its market size. */
const SECTOR_KIN: ReadonlySet<string> = new Set(['funding', 'revenue', 'profit', 'investment']);

/** Metrics one language may word as another: spending, and prices per unit. */
const KIN: Partial<Record<string, string>> = { capex: 'spend', investment: 'spend', cost: 'spend', price: 'price' };

/** The metric may be missed on one side ("other"), not on both, or read as a near one in the other language. */
function metricsAgree(a: Figure, b: Figure): boolean {
  if (a.metric === 'other' && b.metric === 'other') return false;
  if (a.metric === b.metric || a.metric === 'other' || b.metric === 'other') return true;
  const kin = KIN[a.metric ?? 'other'];
  return kin !== undefined && kin === KIN[b.metric ?? 'other'];
}

/** Whether two figures far apart state the same fact. */
export function restates(a: Figure, b: Figure, toleranceOf: (f: Figure) => number = tolerance, digitsOf: (f: Figure) => number = significantDigits): boolean {
  if (a.currency !== b.currency || a.per !== b.per) return false;
  if ((a.subject?.id ?? null) !== (b.subject?.id ?? null)) return false;
  if (a.counterparty && b.counterparty && a.counterparty.id !== b.counterparty.id) return false;
  if (!samePeriod(a.period, b.period)) return false;
  // A distinctive amount (three significant digits or more: 347亿 / $34.7B) said again about
  // the same party is the same fact even where one of the two metrics was misread.
  const exact = equalValues(a, b);
  const digits = exact ? Math.min(digitsOf(a), digitsOf(b)) : 0;
  if (a.subject) {
    if (digits >= 3) return true;
    if (!metricsAgree(a, b) || !closeValues(a, b, toleranceOf)) return false;
    // A round price (600元, $50) recurs as a threshold or a level: said again, it is no evidence.
    return !(a.metric === 'price' && b.metric === 'price' && Math.min(digitsOf(a), digitsOf(b)) < 2);
  }
  // Amounts of nobody's are one fact about a market, or about the same measure with a
  // distinctive amount or one stated period on both.
  // A sector total may be read as the market's size in one language and as money raised or
  // earned in the other.
  if (a.metric === 'market-size' || b.metric === 'market-size') {
    const other = a.metric === 'market-size' ? b.metric : a.metric;
    return (other === 'market-size' || SECTOR_KIN.has(other ?? 'other')) && closeValues(a, b, toleranceOf);
  }
  if (!exact || a.metric !== b.metric || a.metric === 'other') return false;
  return digits >= 3 || (a.period !== null && a.period === b.period);
}

/** One amount said again right after itself in the same currency, another unit: "0.1美元，即派息10美仙". */
function saidAgainAt(s: string, a: Figure, b: Figure): boolean {
  const end = a.offset + a.length;
  return b.offset >= end && b.offset - end <= 12 && a.value === b.value && isConversionGap(s.slice(end, b.offset));
}

/** Sets `fact` on every figure: the index of the first figure of its fact. `sentenceOf` numbers the sentence of figure i. */
export function groupFacts(s: string, figures: Figure[], conversions = pairConversions(s, figures), sentenceOf?: (i: number) => number): void {
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

  // Each figure's rounding, worked out once.
  const tolerances = new Map<Figure, number>();
  const toleranceAt = (f: Figure): number => {
    let t = tolerances.get(f);
    if (t === undefined) tolerances.set(f, (t = tolerance(f)));
    return t;
  };
  const digits = new Map<Figure, number>();
  const digitsAt = (f: Figure): number => {
    let d = digits.get(f);
    if (d === undefined) digits.set(f, (d = significantDigits(f)));
    return d;
  };
  // Conversions pair neighbours: each is looked up from where the last one was found.
  let at = 0;
  for (const { from, to } of conversions) {
    while (at < figures.length && figures[at] !== from) at++;
    const i = at < figures.length ? at : figures.indexOf(from);
    const j = figures[i + 1] === to ? i + 1 : figures.indexOf(to);
    if (i >= 0 && j >= 0) join(i, j);
  }
  // One amount said again right after itself in another unit of its currency ("0.1美元，即派息10美仙").
  for (let i = 0; i + 1 < figures.length; i++) {
    const a = figures[i];
    const b = figures[i + 1];
    if (a.currency === b.currency && (b.per === null || b.per === a.per) && saidAgainAt(s, a, b)) join(i, i + 1);
  }
  // Restatements are compared only within one currency, unit, metric and subject.
  const buckets = new Map<string, number[]>();
  // The bucket of the figure before: text dense with figures repeats one bucket, found then
  // without building and hashing its key for every figure.
  let last: Figure | null = null;
  let lastList: number[] = [];
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i];
    // A figure owned by nobody restates only a market size or a measure it names.
    if (!f.subject && f.metric === 'other') continue;
    if (last && f.currency === last.currency && (f.per ?? '') === (last.per ?? '') && (f.subject?.id ?? '') === (last.subject?.id ?? '')) {
      lastList.push(i);
      continue;
    }
    const key = `${f.currency}|${f.per ?? ''}|${f.subject?.id ?? ''}`;
    let list = buckets.get(key);
    if (list) list.push(i);
    else buckets.set(key, (list = [i]));
    last = f;
    lastList = list;
  }
  const sentence = sentenceOf ?? ((i: number) => i);
  for (const list of buckets.values()) joinRestatements(figures, list, sentence, join, toleranceAt, digitsAt);
  for (let i = 0; i < figures.length; i++) figures[i].fact = find(i);
}

/**
 * Figures that `restates` cannot tell apart: every field it reads is in the key. A digest
 * that repeats one amount hundreds of times (or hostile text that repeats it a million
 * times) then costs one comparison per pair of distinct amounts, not per pair of figures.
 */
function restatementKey(f: Figure): string {
  const cp = f.counterparty ? `c${f.counterparty.id}` : '-';
  return `${f.value}|${f.min}|${f.max}|${f.per}|${f.subject ? 1 : 0}|${cp}|${f.period || ''}|${f.metric}|${f.text}`;
}

/**
 * True only when the two figures have the same `restatementKey` (it may say false for some
 * that have: a NaN value, then the key decides). Cheaper than building the key.
 */
function sameRestatementKey(a: Figure, b: Figure): boolean {
  return a.value === b.value && a.min === b.min && a.max === b.max && a.per === b.per && !a.subject === !b.subject
    && (a.counterparty ? !!b.counterparty && a.counterparty.id === b.counterparty.id : !b.counterparty && a.counterparty === b.counterparty)
    && (a.period || '') === (b.period || '') && a.metric === b.metric && a.text === b.text;
}

/** The figures of one class: in document order, with the first of a sentence other than the first's. */
interface RestatementClass {
  members: number[];
  other: number;
  value: number;
}

/**
 * Joins every two figures of `list` (one bucket) that restate each other and lie in
 * different sentences, as comparing every pair would, in time near linear in the figures.
 * Two amounts more than 6% apart never restate (`closeValues`, `equalValues`), so classes
 * sorted by value are compared only within a slightly wider window. Within a pair of classes
 * that restate, joining each figure to the first figure of the other class and to its first
 * figure of another sentence gives the same groups as joining every pair of figures of
 * different sentences (the two together always include one of another sentence).
 */
function joinRestatements(
  figures: Figure[],
  list: number[],
  sentence: (i: number) => number,
  join: (i: number, j: number) => void,
  toleranceOf: (f: Figure) => number,
  digitsOf: (f: Figure) => number,
): void {
  if (list.length < 2) return;
  // A digest's bucket holds a handful of figures: every pair is then cheaper than the classes.
  if (list.length <= SMALL_BUCKET) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x];
        const j = list[y];
        // One sentence does not say one amount twice: two amounts there are two facts
        // ("$9.7 billion, just under the $10 billion expected") unless one converts the other.
        if (sentence(i) !== sentence(j) && restates(figures[i], figures[j], toleranceOf, digitsOf)) join(i, j);
      }
    }
    return;
  }
  const byKey = new Map<string, RestatementClass>();
  // The class of the figure before, tried first without a key (see `sameRestatementKey`).
  let lastClass: RestatementClass | null = null;
  for (const i of list) {
    let c: RestatementClass | undefined;
    if (lastClass && sameRestatementKey(figures[i], figures[lastClass.members[0]])) c = lastClass;
    else {
      const key = restatementKey(figures[i]);
      c = byKey.get(key);
      if (!c) {
        byKey.set(key, (lastClass = { members: [i], other: -1, value: figures[i].value }));
        continue;
      }
      lastClass = c;
    }
    c.members.push(i);
    if (c.other < 0 && sentence(i) !== sentence(c.members[0])) c.other = i;
  }
  const finite: RestatementClass[] = [];
  const odd: RestatementClass[] = [];
  for (const c of byKey.values()) (Number.isFinite(c.value) ? finite : odd).push(c);
  finite.sort((a, b) => a.value - b.value);
  const pair = (a: RestatementClass, b: RestatementClass) => {
    if (!restates(figures[a.members[0]], figures[b.members[0]], toleranceOf, digitsOf)) return;
    joinAcross(a, b, sentence, join);
    if (a !== b) joinAcross(b, a, sentence, join);
  };
  for (let x = 0; x < finite.length; x++) {
    const a = finite[x];
    for (let y = x; y < finite.length; y++) {
      const b = finite[y];
      if (!(Math.abs(b.value - a.value) <= WINDOW * Math.max(Math.abs(a.value), Math.abs(b.value)))) break;
      pair(a, b);
    }
  }
  // Infinite or undefined amounts (a thousand-digit number) escape the window: compared with all.
  for (let x = 0; x < odd.length; x++) {
    for (let y = x; y < odd.length; y++) pair(odd[x], odd[y]);
    for (const b of finite) pair(odd[x], b);
  }
}

/** Up to this many figures in a bucket are compared pair by pair. */
const SMALL_BUCKET = 24;

/** Wider than ROUNDING_GAP, so that no rounding of the products can drop a pair the gap keeps. */
const WINDOW = ROUNDING_GAP + 0.01;

/** Joins each figure of `from` to the first figure of `to` and to its first of another sentence, where their sentences differ. */
function joinAcross(from: RestatementClass, to: RestatementClass, sentence: (i: number) => number, join: (i: number, j: number) => void): void {
  const first = to.members[0];
  for (const i of from.members) {
    const s = sentence(i);
    if (s !== sentence(first)) join(i, first);
    if (to.other >= 0 && s !== sentence(to.other)) join(i, to.other);
  }
}
