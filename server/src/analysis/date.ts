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
import { foldCode } from './text';

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

/** Month names by their first letter (lower case): a cheap test before a word is looked up. */
const MONTH_INITIAL = new Uint8Array(128);
for (const name of MONTHS.keys()) MONTH_INITIAL[name.charCodeAt(0)] = 1;

/**
 * True when `s` has a month name (any case) as a whole run of ASCII letters. The month word
 * of an English date is such a run, so without one `englishDate` finds nothing.
 */
function hasMonthWord(s: string): boolean {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    if (!isLetter(s.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < n && isLetter(s.charCodeAt(j))) j++;
    if (j - i >= 3 && j - i <= 9 && MONTH_INITIAL[s.charCodeAt(i) | 0x20] === 1 && MONTHS.has(s.slice(i, j).toLowerCase())) return true;
    i = j;
  }
  return false;
}

/** The English date in `s` with its start and end, or null. */
function englishDate(s: string): { date: string; start: number; end: number } | null {
  if (!hasMonthWord(s)) return null;
  const m = ENGLISH_DATE.exec(s);
  if (!m) return null;
  const month = MONTHS.get((m[1] ?? m[5]).toLowerCase());
  if (!month) return null;
  const date = iso(Number(m[3] ?? m[6]), month, Number(m[2] ?? m[4]));
  return date ? { date, start: m.index, end: m.index + m[0].length } : null;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number) => c === 32 || c === 9;

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function iso(y: number, m: number, d: number): string | null {
  if (y < 1970 || y > 2100 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return null;
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Reads 1–2 digits at `i`; returns [value, next index] or null. */
function digits12(s: string, i: number): [number, number] | null {
  if (!isDigit(s.charCodeAt(i))) return null;
  let v = s.charCodeAt(i) - 48;
  let j = i + 1;
  if (isDigit(s.charCodeAt(j))) v = v * 10 + s.charCodeAt(j++) - 48;
  if (isDigit(s.charCodeAt(j))) return null;
  return [v, j];
}

function skipSpaces(s: string, i: number): number {
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

/** A full date starting at `i` (a four-digit year): [ISO date, end index] or null. */
function dateAt(s: string, i: number): [string, number] | null {
  if (i > 0 && isDigit(s.charCodeAt(i - 1))) return null;
  for (let k = 0; k < 4; k++) if (!isDigit(s.charCodeAt(i + k))) return null;
  const y = Number(s.slice(i, i + 4));
  let j = i + 4;
  const sep = s.charCodeAt(j);
  if (sep === 45 || sep === 47 || sep === 46) {
    const m = digits12(s, j + 1);
    if (!m || s.charCodeAt(m[1]) !== sep) return null;
    const d = digits12(s, m[1] + 1);
    if (!d) return null;
    const date = iso(y, m[0], d[0]);
    return date ? [date, d[1]] : null;
  }
  j = skipSpaces(s, j);
  if (s.charCodeAt(j) !== 0x5e74) return null; // 年
  const m = digits12(s, skipSpaces(s, j + 1));
  if (!m) return null;
  j = skipSpaces(s, m[1]);
  if (s.charCodeAt(j) !== 0x6708) return null; // 月
  const d = digits12(s, skipSpaces(s, j + 1));
  if (!d) return null;
  j = skipSpaces(s, d[1]);
  const day = s.charCodeAt(j);
  if (day !== 0x65e5 && day !== 0x53f7) return null; // 日 or 号
  const date = iso(y, m[0], d[0]);
  return date ? [date, j + 1] : null;
}

/** True when `prefix` (the text before the date) is empty, a label, or a short source name and a separator. */
function prefixOk(prefix: string): boolean {
  let end = prefix.length;
  while (end > 0 && isSpace(prefix.charCodeAt(end - 1))) end--;
  if (end === 0) return true;
  if (end > MAX_PREFIX) return false;
  for (let i = 0; i < end; i++) if (SENTENCE_STOPS.has(prefix.charCodeAt(i)) && prefix.charCodeAt(i) !== 0x2c) return false;
  const lastChar = prefix.charCodeAt(end - 1);
  if (SEPARATORS.has(lastChar) && lastChar !== 0x2c) return true;
  return LABELS.has(prefix.slice(0, end).toLowerCase());
}

/** True when `tail` (the text after the date) is only decoration: weekdays, times, zones, hashes. */
function tailOk(tail: string): boolean {
  let i = 0;
  const n = tail.length;
  while (i < n) {
    const c = tail.charCodeAt(i);
    if (isSpace(c) || SEPARATORS.has(c) || BRACKETS.has(c) || c === 0x2b) {
      i++;
    } else if (isDigit(c) || isLetter(c)) {
      let j = i;
      let hex = true;
      let clock = true;
      while (j < n && (isDigit(tail.charCodeAt(j)) || isLetter(tail.charCodeAt(j)) || tail.charCodeAt(j) === 58)) {
        const d = tail.charCodeAt(j);
        if (!(isDigit(d) || (d >= 97 && d <= 102) || (d >= 65 && d <= 70))) hex = false;
        if (!(isDigit(d) || d === 58)) clock = false;
        j++;
      }
      const word = tail.slice(i, j);
      const isClock = clock && word.indexOf(':') > 0;
      const prev = i > 0 ? tail.charCodeAt(i - 1) : 0;
      const offset = (prev === 0x2b || prev === 0x2d) && clock && word.length <= 5; // "UTC+8", "+08:00"
      if (!(isClock || offset || (hex && word.length >= 6) || WORDS.has(word.toLowerCase()))) return false;
      i = j;
    } else if (c === 0x661f && tail.charCodeAt(i + 1) === 0x671f && WEEKDAY_CHARS.includes(tail[i + 2] ?? '')) {
      i += 3; // 星期X
    } else if (c === 0x793c && tail.charCodeAt(i + 1) === 0x62dc && WEEKDAY_CHARS.includes(tail[i + 2] ?? '')) {
      i += 3; // 礼拜X
    } else if (c === 0x5468 && WEEKDAY_CHARS.includes(tail[i + 1] ?? '')) {
      i += 2; // 周X
    } else {
      const w = EDITION_WORDS.find((e) => tail.startsWith(e, i));
      if (!w) return false;
      i += w.length;
    }
  }
  return true;
}

function foldLine(line: string): string {
  let i = 0;
  while (i < line.length && foldCode(line.charCodeAt(i)) === line.charCodeAt(i)) i++;
  if (i === line.length) return line;
  let out = line.slice(0, i);
  for (; i < line.length; i++) out += String.fromCharCode(foldCode(line.charCodeAt(i)));
  return out;
}

/**
 * The date of a *date line* (see the module comment), as YYYY-MM-DD, or null when the
 * line is anything else. Used by the section finder too ("title, then source · date").
 */
export function parseDateLine(line: string): string | null {
  // Every date has a four-digit year: lines without four digits in a row are no date lines.
  if (line.length > MAX_LINE || !hasFourDigits(line, 0, line.length)) return null;
  return dateOfLine(line);
}

/** `parseDateLine` for a line known to be short enough and to hold four digits in a row. */
function dateOfLine(line: string): string | null {
  let s = foldLine(line);
  // Markdown decoration around the whole line: headings, quotes, emphasis.
  let a = 0;
  let b = s.length;
  while (a < b && (isSpace(s.charCodeAt(a)) || '#>*_'.includes(s[a]))) a++;
  while (b > a && (isSpace(s.charCodeAt(b - 1)) || s.charCodeAt(b - 1) === 13 || '*_'.includes(s[b - 1]))) b--;
  s = s.slice(a, b);
  const en = englishDate(s);
  if (en && en.start <= MAX_PREFIX + 2) return prefixOk(s.slice(0, en.start)) && tailOk(s.slice(en.end)) ? en.date : null;
  for (let i = 0; i + 4 <= s.length && i <= MAX_PREFIX + 2; i++) {
    if (!isDigit(s.charCodeAt(i))) continue;
    const found = dateAt(s, i);
    if (found) return prefixOk(s.slice(0, i)) && tailOk(s.slice(found[1])) ? found[0] : null;
    // Skip the rest of this digit run: a date starts at a run's first digit.
    while (i + 1 < s.length && isDigit(s.charCodeAt(i + 1))) i++;
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
      if (b - a <= MAX_LINE && hasFourDigits(text, a, b)) {
        const date = dateOfLine(text.slice(a, b));
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
