/**
 * The digest's own date.
 *
 * Only *date lines* count: a line (at most MAX_LINE code units) that consists of a full
 * date and nothing but decoration around it:
 *   - an optional short prefix ending in a separator, naming a source or a label:
 *     "36氪· 2026-01-27 08:25", "华福证券 | 2026/01/26", "日期:2026年1月7日";
 *   - the date itself: YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD (one or two digits for month
 *     and day, the same separator twice) or YYYY年M月D日 (spaces allowed, 日 or 号);
 *   - an optional tail of weekday names ("(Wednesday)", "星期三", "周三"), clock times
 *     ("08:25", "21:02:10", "AM"), time zones ("UTC", "HKT", "+08:00"), hex hashes of at
 *     least six characters ("· 4df42ba1e518…"), separators and brackets.
 * Dates inside running prose ("2026年1月2日,壁仞科技…", "1月22日马斯克在达沃斯") and bare
 * years ("2026年", "2026–2030") are never the digest's date. Month and day are validated.
 *
 * Choice among date lines: when the last non-blank line of the text is a date line, it is
 * the date (a footer such as "2026-01-07 (Wednesday) · <hash>"); otherwise the newest
 * date line wins (an aggregation of "source · timestamp" entries, newest first or not).
 * Full-width digits and Traditional characters are folded first.
 */
import { foldCode, foldedUnitsOf } from './text';

/** Longer lines are prose, never date lines. */
const MAX_LINE = 160;
/** Longest prefix (source name or label) before the date. */
const MAX_PREFIX = 32;

const SEPARATORS = new Set([0xb7, 0x2022, 0x30fb, 0x7c, 0x3a, 0x2c, 0x3001, 0x2d, 0x2013, 0x2014, 0x2f, 0x7e, 0x40]);
const BRACKETS = new Set([0x28, 0x29, 0x5b, 0x5d, 0x3010, 0x3011, 0x300c, 0x300d, 0x7b, 0x7d]);
const SENTENCE_STOPS = new Set([0x3002, 0x2c, 0x3b, 0x21, 0x3f, 0xff0c, 0xff1b, 0xff01, 0xff1f]);
const LABELS = new Set(['日期', '时间', '发布', '发布于', '发布时间', '更新', '更新于', '更新时间', 'date', 'updated', 'published', 'posted']);
const WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'am', 'pm', 'utc', 'gmt', 'cst', 'hkt', 'sgt', 'jst', 'bjt', 'cet', 'cest', 'est', 'edt', 'pst', 'pdt', 'et', 'pt',
]);
const WEEKDAY_CHARS = '一二三四五六日天';
/** Names of editions that may follow a header date ("2026-01-15 晨报", "Jan 15, 2026 Morning Brief"), folded. */
const EDITION_WORDS = ['晨报', '早报', '晚报', '日报', '周报', '午报', '快报', '简报', '要闻', '速递', '早评', '晚评', '午评', '收评', '复盘', '精选', '汇总', '摘要', '早间', '晚间', '财经', '版'];
for (const w of ['digest', 'brief', 'briefing', 'morning', 'evening', 'daily', 'weekly', 'edition', 'newsletter', 'recap', 'update', 'wrap', 'notes']) WORDS.add(w);

const MONTHS = new Map<string, number>([
  ['jan', 1], ['january', 1], ['feb', 2], ['february', 2], ['mar', 3], ['march', 3], ['apr', 4], ['april', 4], ['may', 5],
  ['jun', 6], ['june', 6], ['jul', 7], ['july', 7], ['aug', 8], ['august', 8], ['sep', 9], ['sept', 9], ['september', 9],
  ['oct', 10], ['october', 10], ['nov', 11], ['november', 11], ['dec', 12], ['december', 12],
]);
/** "Jan 15, 2026", "January 15 2026", "15 January 2026", "15 Jan. 2026". */
const ENGLISH_DATE = /(?:\b([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})|\b(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4}))(?!\d)/;

/**
 * The first three letters of every month name, in any case, by `firstThree`: a cheap test
 * before a word is looked up.
 */
const MONTH_START = new Uint8Array(1 << 15);
const firstThree = (c0: number, c1: number, c2: number): number => ((c0 & 31) << 10) | ((c1 & 31) << 5) | (c2 & 31);
for (const name of MONTHS.keys()) MONTH_START[firstThree(name.charCodeAt(0), name.charCodeAt(1), name.charCodeAt(2))] = 1;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number) => c === 32 || c === 9;

/**
 * The line being read, folded, as code units (see `dateOfUnits`): reading a typed array is
 * cheaper than reading slices of the text, and nothing is copied unless a date is found.
 */
const LINE = new Uint16Array(MAX_LINE + 2);

/** The code units `from` to `to` of LINE as a string. */
function lineText(from: number, to: number): string {
  return String.fromCharCode.apply(null, LINE.subarray(from, to) as unknown as number[]);
}

/** One table read per code unit for the character sets of date lines. */
const IS_SEPARATOR = new Uint8Array(65536);
for (const c of SEPARATORS) IS_SEPARATOR[c] = 1;
const IS_BRACKET = new Uint8Array(65536);
for (const c of BRACKETS) IS_BRACKET[c] = 1;
const IS_STOP = new Uint8Array(65536);
for (const c of SENTENCE_STOPS) IS_STOP[c] = 1;
const IS_WEEKDAY = new Uint8Array(65536);
for (let k = 0; k < WEEKDAY_CHARS.length; k++) IS_WEEKDAY[WEEKDAY_CHARS.charCodeAt(k)] = 1;

/**
 * True when LINE from `from` to `to` has a month name (any case) as a whole run of ASCII
 * letters. The month word of an English date is such a run, so without one `englishDate`
 * finds nothing.
 */
function hasMonthWord(from: number, to: number): boolean {
  // A run of three letters or more covers one of every three positions: look at those
  // only, and measure the run of letters around one found there. After a run, the next
  // position looked at is the third after its end, which the next long run must cover.
  for (let i = from + 2; i < to; i += 3) {
    if (!isLetter(LINE[i])) continue;
    let lo = i;
    while (lo > from && isLetter(LINE[lo - 1])) lo--;
    let hi = i + 1;
    while (hi < to && isLetter(LINE[hi])) hi++;
    if (hi - lo >= 3 && hi - lo <= 9 && MONTH_START[firstThree(LINE[lo], LINE[lo + 1], LINE[lo + 2])] === 1 && MONTHS.has(lineText(lo, hi).toLowerCase())) return true;
    i = hi;
  }
  return false;
}

/** The English date in `s` with its start and end, or null. */
function englishDate(s: string): { date: string; start: number; end: number } | null {
  const m = ENGLISH_DATE.exec(s);
  if (!m) return null;
  const month = MONTHS.get((m[1] ?? m[5]).toLowerCase());
  if (!month) return null;
  const date = iso(Number(m[3] ?? m[6]), month, Number(m[2] ?? m[4]));
  return date ? { date, start: m.index, end: m.index + m[0].length } : null;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function iso(y: number, m: number, d: number): string | null {
  if (y < 1970 || y > 2100 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return null;
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/*
 * The readers below work on LINE up to `to`, which holds a 0 (and one more 0 after it): a 0
 * is no digit, space, separator or date character, so no reader goes past it.
 */

/** The value of the 1–2 digits at `i` (and their end in `digitsEnd`), or -1. */
let digitsEnd = 0;
function digits12(i: number): number {
  if (!isDigit(LINE[i])) return -1;
  let v = LINE[i] - 48;
  let j = i + 1;
  if (isDigit(LINE[j])) v = v * 10 + LINE[j++] - 48;
  if (isDigit(LINE[j])) return -1;
  digitsEnd = j;
  return v;
}

function skipSpaces(i: number, to: number): number {
  while (i < to && isSpace(LINE[i])) i++;
  return i;
}

/** The end of the full date that starts at `i` (a four-digit year), its ISO form in `dateFound`; -1 when none. */
let dateFound = '';
function dateAt(from: number, to: number, i: number): number {
  if (i > from && isDigit(LINE[i - 1])) return -1;
  for (let k = 0; k < 4; k++) if (!isDigit(LINE[i + k])) return -1;
  const y = (LINE[i] - 48) * 1000 + (LINE[i + 1] - 48) * 100 + (LINE[i + 2] - 48) * 10 + (LINE[i + 3] - 48);
  let j = i + 4;
  const sep = LINE[j];
  if (sep === 45 || sep === 47 || sep === 46) {
    const m = digits12(j + 1);
    if (m < 0 || LINE[digitsEnd] !== sep) return -1;
    const d = digits12(digitsEnd + 1);
    if (d < 0) return -1;
    const date = iso(y, m, d);
    if (date === null) return -1;
    dateFound = date;
    return digitsEnd;
  }
  j = skipSpaces(j, to);
  if (LINE[j] !== 0x5e74) return -1; // 年
  const m = digits12(skipSpaces(j + 1, to));
  if (m < 0) return -1;
  j = skipSpaces(digitsEnd, to);
  if (LINE[j] !== 0x6708) return -1; // 月
  const d = digits12(skipSpaces(j + 1, to));
  if (d < 0) return -1;
  j = skipSpaces(digitsEnd, to);
  const day = LINE[j];
  if (day !== 0x65e5 && day !== 0x53f7) return -1; // 日 or 号
  const date = iso(y, m, d);
  if (date === null) return -1;
  dateFound = date;
  return j + 1;
}

/** True when the prefix (the text before the date) is empty, a label, or a short source name and a separator. */
function prefixOk(from: number, to: number): boolean {
  let end = to;
  while (end > from && isSpace(LINE[end - 1])) end--;
  if (end === from) return true;
  if (end - from > MAX_PREFIX) return false;
  for (let i = from; i < end; i++) if (IS_STOP[LINE[i]] === 1 && LINE[i] !== 0x2c) return false;
  const lastChar = LINE[end - 1];
  if (IS_SEPARATOR[lastChar] === 1 && lastChar !== 0x2c) return true;
  return LABELS.has(lineText(from, end).toLowerCase());
}

/** True when LINE from `from` to `to` starts with `word`. */
function lineStartsWith(i: number, to: number, word: string): boolean {
  if (i + word.length > to) return false;
  for (let k = 0; k < word.length; k++) if (LINE[i + k] !== word.charCodeAt(k)) return false;
  return true;
}

/** True when the tail (the text after the date) is only decoration: weekdays, times, zones, hashes. */
function tailOk(from: number, to: number): boolean {
  let i = from;
  while (i < to) {
    const c = LINE[i];
    if (isSpace(c) || IS_SEPARATOR[c] === 1 || IS_BRACKET[c] === 1 || c === 0x2b) {
      i++;
    } else if (isDigit(c) || isLetter(c)) {
      let j = i;
      let hex = true;
      let clock = true;
      let colon = false;
      while (j < to && (isDigit(LINE[j]) || isLetter(LINE[j]) || LINE[j] === 58)) {
        const d = LINE[j];
        if (!(isDigit(d) || (d >= 97 && d <= 102) || (d >= 65 && d <= 70))) hex = false;
        if (!(isDigit(d) || d === 58)) clock = false;
        if (d === 58 && j > i) colon = true;
        j++;
      }
      const isClock = clock && colon;
      const prev = i > from ? LINE[i - 1] : 0;
      const offset = (prev === 0x2b || prev === 0x2d) && clock && j - i <= 5; // "UTC+8", "+08:00"
      if (!(isClock || offset || (hex && j - i >= 6) || WORDS.has(lineText(i, j).toLowerCase()))) return false;
      i = j;
    } else if (c === 0x661f && LINE[i + 1] === 0x671f && i + 1 < to && (i + 2 >= to || IS_WEEKDAY[LINE[i + 2]] === 1)) {
      i += 3; // 星期X (星期 alone at the end too)
    } else if (c === 0x793c && LINE[i + 1] === 0x62dc && i + 1 < to && (i + 2 >= to || IS_WEEKDAY[LINE[i + 2]] === 1)) {
      i += 3; // 礼拜X
    } else if (c === 0x5468 && (i + 1 >= to || IS_WEEKDAY[LINE[i + 1]] === 1)) {
      i += 2; // 周X
    } else {
      let w = '';
      for (const e of EDITION_WORDS) {
        if (lineStartsWith(i, to, e)) {
          w = e;
          break;
        }
      }
      if (!w) return false;
      i += w.length;
    }
  }
  return true;
}

/**
 * The date of a *date line* (see the module comment), as YYYY-MM-DD, or null when the
 * line is anything else. Used by the section finder too ("title, then source · date").
 */
export function parseDateLine(line: string): string | null {
  return parseDateLineIn(line, 0, line.length);
}

/** `parseDateLine(text.slice(a, b))` without the slice (the section finder asks of every short line). */
export function parseDateLineIn(text: string, a: number, b: number): string | null {
  // Every date has a four-digit year: lines without four digits in a row are no date lines.
  if (b - a > MAX_LINE || !hasFourDigits(text, a, b)) return null;
  for (let k = 0; k < b - a; k++) LINE[k] = foldCode(text.charCodeAt(a + k));
  return dateOfUnits(b - a);
}

/**
 * `parseDateLine` for the line in LINE (folded, `n` code units, at most MAX_LINE), known to
 * hold four digits in a row.
 */
function dateOfUnits(n: number): string | null {
  // Markdown decoration around the whole line: headings, quotes, emphasis.
  let a = 0;
  let b = n;
  while (a < b && (isSpace(LINE[a]) || LINE[a] === 35 || LINE[a] === 62 || LINE[a] === 42 || LINE[a] === 95)) a++;
  while (b > a && (isSpace(LINE[b - 1]) || LINE[b - 1] === 13 || LINE[b - 1] === 42 || LINE[b - 1] === 95)) b--;
  LINE[b] = 0;
  LINE[b + 1] = 0;
  if (hasMonthWord(a, b)) {
    const en = englishDate(lineText(a, b));
    if (en && en.start <= MAX_PREFIX + 2) return prefixOk(a, a + en.start) && tailOk(a + en.end, b) ? en.date : null;
  }
  for (let i = a; i + 4 <= b && i - a <= MAX_PREFIX + 2; i++) {
    if (!isDigit(LINE[i])) continue;
    const end = dateAt(a, b, i);
    if (end >= 0) {
      const date = dateFound;
      return prefixOk(a, i) && tailOk(end, b) ? date : null;
    }
    // Skip the rest of this digit run: a date starts at a run's first digit.
    while (i + 1 < b && isDigit(LINE[i + 1])) i++;
  }
  return null;
}

/**
 * The digest's own date, YYYY-MM-DD, or null when no date line is found (see the module
 * comment for what a date line is and which one wins).
 */
/** Every date form has a four-digit year (ASCII or full-width): lines without one are skipped cheaply. */
function hasFourDigits(text: string, a: number, b: number): boolean {
  let run = 0;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) {
      if (++run === 4) return true;
    } else run = 0;
  }
  return false;
}

/** `hasFourDigits` for folded code units, where every digit is ASCII. */
function hasFourFoldedDigits(units: Uint16Array, a: number, b: number): boolean {
  // Four digits in a row cover one of every four positions: look at those only, and
  // measure the run of digits around one found there.
  for (let i = a + 3; i < b; i += 4) {
    if (!isDigit(units[i])) continue;
    let lo = i;
    while (lo > a && isDigit(units[lo - 1])) lo--;
    let hi = i + 1;
    while (hi < b && isDigit(units[hi])) hi++;
    if (hi - lo >= 4) return true;
  }
  return false;
}

/** Labels of a line that states the note's date outright ("Digest date: 2026-01-15"). */
const STATED = /^[ \t]*(?:digest date|note date|date of (?:the )?(?:digest|note)|摘要日期|笔记日期|筆記日期)[ \t]*[:：]([^\n]*)$/im;

/**
 * The date the note states itself: a `date:` key of its front matter (a block between "---"
 * lines at the very top) or a "Digest date:" line anywhere. It wins over any guess.
 */
export function statedDate(text: string): string | null {
  if (text.startsWith('---')) {
    const end = text.indexOf('\n---', 3);
    if (end > 0) {
      const m = /^date[ \t]*:([^\n]*)$/im.exec(text.slice(3, end));
      const date = m ? parseDateLine(unquote(m[1])) : null;
      if (date) return date;
    }
  }
  // Only the first few kilobytes: a stated date belongs to the head of a note.
  const head = text.length > STATED_HEAD ? text.slice(0, STATED_HEAD) : text;
  if (!mayStateDate(head)) return null;
  const m = STATED.exec(head);
  return m ? parseDateLine(m[1].trim()) : null;
}

/** How much of the head of a note `statedDate` reads. */
const STATED_HEAD = 4096;
/** The labels of STATED, lower case (English ones match in any case). */
const STATED_LABELS = ['digest date', 'note date', 'date of digest', 'date of note', 'date of the digest', 'date of the note', '摘要日期', '笔记日期', '筆記日期'];

/**
 * A cheap test that STATED may match `head`: some ':' or '：' follows one of its labels, with
 * only spaces or tabs around the label back to a line's start. False means it cannot match;
 * true is confirmed by the regular expression itself.
 */
function mayStateDate(head: string): boolean {
  for (let k = head.indexOf(':'); k >= 0; k = head.indexOf(':', k + 1)) if (labelBefore(head, k)) return true;
  for (let k = head.indexOf('：'); k >= 0; k = head.indexOf('：', k + 1)) if (labelBefore(head, k)) return true;
  return false;
}

/** True when a STATED label ends before the colon at `k` (spaces or tabs between) and opens its line. */
function labelBefore(text: string, k: number): boolean {
  let p = k;
  while (p > 0 && isSpace(text.charCodeAt(p - 1))) p--;
  // Every label ends with "date", "digest", "note" or 日期: most colons (times, "表示：") follow none.
  const last = text.charCodeAt(p - 1);
  if ((last | 0x20) !== 101 /* e */ && (last | 0x20) !== 116 /* t */ && last !== 0x671f /* 期 */) return false;
  for (const label of STATED_LABELS) {
    let q = p - label.length;
    if (q < 0) continue;
    let same = true;
    for (let j = 0; j < label.length && same; j++) {
      let c = text.charCodeAt(q + j);
      if (c >= 65 && c <= 90) c += 32;
      same = c === label.charCodeAt(j);
    }
    if (!same) continue;
    while (q > 0 && isSpace(text.charCodeAt(q - 1))) q--;
    const c = q > 0 ? text.charCodeAt(q - 1) : 10;
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/** A front-matter value without its spaces and quotes. */
function unquote(v: string): string {
  const t = v.trim();
  const q = t.charCodeAt(0);
  return (q === 34 || q === 39) && t.charCodeAt(t.length - 1) === q ? t.slice(1, -1).trim() : t;
}

export function findDate(text: string): string | null {
  const stated = statedDate(text);
  if (stated) return stated;
  // Read the lines from the folded text when foldDocument has just made it (its offsets are
  // the text's); fold them here otherwise.
  const folded = foldedUnitsOf(text);
  const dates: string[] = [];
  let lastDateLine = -1;
  let nonBlank = 0;
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = n;
    let a = pos;
    let b = nl;
    while (a < b && text.charCodeAt(a) <= 32) a++;
    while (b > a && text.charCodeAt(b - 1) <= 32) b--;
    if (b > a) {
      nonBlank++;
      if (b - a <= MAX_LINE && (folded ? hasFourFoldedDigits(folded, a, b) : hasFourDigits(text, a, b))) {
        if (folded) for (let k = a; k < b; k++) LINE[k - a] = folded[k];
        else for (let k = a; k < b; k++) LINE[k - a] = foldCode(text.charCodeAt(k));
        const date = dateOfUnits(b - a);
        if (date) {
          dates.push(date);
          lastDateLine = nonBlank;
        }
      }
    }
    pos = nl + 1;
  }
  if (dates.length === 0) return null;
  if (lastDateLine === nonBlank) return dates[dates.length - 1];
  return dates.reduce((newest, d) => (d > newest ? d : newest));
}
