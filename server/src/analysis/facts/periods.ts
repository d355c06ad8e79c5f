/**
 * The period a figure is about, when the text says it: a year ("2025年", "FY2025",
 * "fiscal 2025"), a half, a quarter, the first three quarters, a month or a day. Written as
 * "2025", "2025H1", "2025Q3", "2025-9M", "2025-12", "2025-01-23".
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const QUARTER_WORD: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4, first: 1, second: 2, third: 3, fourth: 4 };

// A Chinese or numeric year with what may follow it: a half, a quarter, 前三季度, a month and day.
const PERIOD = new RegExp(
  [
    // 2025年上半年 / 2025年第三季度 / 2025年前三季度 / 2025年8月 / 2025年1月23日 / 2025财年 / 2025年
    String.raw`(20\d\d)\s*(?:财年|年度|财政年度|年)\s*(?:(上半年|下半年|前三季度|全年)|第?([一二三四1-4])季度|(\d{1,2})月(?:(\d{1,2})日)?)?`,
    // FY2025 / FY25 / fiscal 2025 / fiscal year 2025
    String.raw`\b(?:FY\s?'?|fiscal\s+(?:year\s+)?)(20\d\d|\d\d)\b`,
    // Q3 2025 / 3Q25 / H1 2025 / 1H25
    String.raw`\b(?:Q([1-4])|([1-4])Q)\s*'?(20\d\d|\d\d)\b`,
    String.raw`\b(?:H([12])|([12])H)\s*'?(20\d\d|\d\d)\b`,
    // third quarter (of) 2025 / first half of 2025 / first nine months of 2025
    String.raw`\b(first|second|third|fourth)[-\s]quarter\s+(?:of\s+)?(20\d\d)\b`,
    String.raw`\b(first|second)\s+half\s+(?:of\s+)?(20\d\d)\b`,
    String.raw`\bfirst\s+(?:nine\s+months|three\s+quarters)\s+(?:of\s+)?(20\d\d)\b`,
    // Aug 2025 / August 2025
    String.raw`\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(20\d\d)\b`,
    // 2025Q3 / 2025H1
    String.raw`\b(20\d\d)\s?(Q[1-4]|H[12])\b`,
    // a bare year in English text ("in 2025", "2026 capex")
    String.raw`\b(20[0-3]\d)\b(?![.,]?\d|\s*(?:亿|万|千|百|元|圆|美元|港元|块|billion|million|bn|mn|%))`,
  ].join('|'),
  'gi',
);

function fullYear(y: string): string {
  return y.length === 2 ? `20${y}` : y;
}

/** The period written by one match of PERIOD. */
function periodOf(m: RegExpExecArray): string {
  const [, y1, part, q1, month, day, fy, q2a, q2b, y2, h2a, h2b, y3, qWord, y4, hWord, y5, y6, mon, y9, y7, qh7, y8] = m;
  if (y1) {
    if (part === '上半年') return `${y1}H1`;
    if (part === '下半年') return `${y1}H2`;
    if (part === '前三季度') return `${y1}-9M`;
    if (q1) return `${y1}Q${QUARTER_WORD[q1]}`;
    if (month) {
      const mm = month.padStart(2, '0');
      return day ? `${y1}-${mm}-${day.padStart(2, '0')}` : `${y1}-${mm}`;
    }
    return y1;
  }
  if (fy) return fullYear(fy);
  if (y2) return `${fullYear(y2)}Q${q2a ?? q2b}`;
  if (y3) return `${fullYear(y3)}H${h2a ?? h2b}`;
  if (y4) return `${y4}Q${QUARTER_WORD[qWord.toLowerCase()]}`;
  if (y5) return `${y5}H${hWord.toLowerCase() === 'first' ? 1 : 2}`;
  if (y6) return `${y6}-9M`;
  if (y9) return `${y9}-${String(MONTHS.indexOf(mon.slice(0, 3).toLowerCase()) + 1).padStart(2, '0')}`;
  if (y7) return `${y7}${qh7.toUpperCase()}`;
  return y8;
}

/** A period written in the text: where, and what it says. */
export interface PeriodMark {
  offset: number;
  length: number;
  period: string;
}

/** Where a period can be: a year 20xx, or the marks of a two-digit year (FY25, 3Q25, H1 25). */
const PERIOD_HINT = /20\d\d|FY|fiscal|[QH][1-4]|[1-4][QH]/gi;
/** The longest text a period has before its year ("first nine months of 2025") or after it. */
const PERIOD_REACH = 32;

/**
 * Every period written in [from, to), never read past `to`. The full pattern runs only on
 * short windows around the hints of a period, not on the whole text.
 */
export function periodsIn(s: string, from: number, to: number): PeriodMark[] {
  const out: PeriodMark[] = [];
  if (to <= from) return out;
  const w = s.slice(from, to);
  PERIOD_HINT.lastIndex = 0;
  let scannedTo = 0;
  for (let h = PERIOD_HINT.exec(w); h; h = PERIOD_HINT.exec(w)) {
    const start = Math.max(scannedTo, h.index - PERIOD_REACH);
    const end = Math.min(w.length, h.index + h[0].length + PERIOD_REACH);
    if (end <= start) continue;
    const window = w.slice(start, end);
    PERIOD.lastIndex = 0;
    let last = start;
    for (let m = PERIOD.exec(window); m; m = PERIOD.exec(window)) {
      if (m[0].length === 0) {
        PERIOD.lastIndex++;
        continue;
      }
      // A match that reaches the window's end may go on: it is read again from the next window.
      if (m.index + m[0].length === window.length && end < w.length) break;
      out.push({ offset: from + start + m.index, length: m[0].length, period: periodOf(m) });
      last = start + m.index + m[0].length;
    }
    scannedTo = Math.max(last, scannedTo);
  }
  return out;
}

const RIGHT_AFTER_GAP = /^\s*(?:(?:in|by|for|during|of|as\s+of|through|at\s+the\s+end\s+of|,)\s*)?(?:the\s+)?$/i;

/**
 * The period of a figure from the periods of its sentence: one written right after it ("$13B
 * by Aug 2025"), else the nearest before it in its clause, else the first after it in its
 * clause, else the nearest before the clause in the sentence.
 */
export function periodOfFigure(s: string, marks: PeriodMark[], clauseStart: number, clauseEnd: number, start: number, end: number): string | null {
  let before: PeriodMark | null = null;
  let topic: PeriodMark | null = null;
  let after: PeriodMark | null = null;
  for (const m of marks) {
    if (m.offset + m.length <= start) {
      if (m.offset >= clauseStart) before = m;
      else topic = m;
    } else if (m.offset >= end && m.offset + m.length <= clauseEnd && !after) after = m;
  }
  if (after && after.offset + after.length <= end + 24 && RIGHT_AFTER_GAP.test(s.slice(end, after.offset))) return after.period;
  if (before) return before.period;
  if (after && after.offset + after.length <= end + 80) return after.period;
  return topic?.period ?? null;
}

/**
 * True when two periods can be the same: equal, either unknown, or one a year and the other
 * a part of that year ("2025" and "2025-9M": one language says the year, the other the span).
 */
export function samePeriod(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b || a === b) return true;
  return a.slice(0, 4) === b.slice(0, 4) && (a.length === 4 || b.length === 4);
}
