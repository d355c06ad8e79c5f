/**
 * The house style of a workspace's notes, for the note template (issue 17): how the notes
 * write their date line (its form, where it sits, the words around it) and which section
 * headings they use most, in their usual order. Pure: given note texts, the same answer.
 *
 * A note's date line is looked for where a note's own date sits, never among its entries:
 * its last non-blank line (a footer, "2026-01-07 (Wednesday) · <hash>"), else its first
 * non-blank line ("# 2026-01-14 早报"), else its second one right after a title line. Its
 * pattern keeps the heading marks and a label ("日期:") before the date, the date's form, a
 * weekday in the same words, and edition words ("早报", "Morning Brief"); a source name
 * before it ("36氪· "), clock times and hashes belong to one note and are left out.
 * Headings are Markdown ATX headings outside fences, other than date lines and a level-1
 * heading opening the note (its title); a heading counts once per note. Ties are broken by text so the answer does not depend on the notes' order.
 */
import { parseDateLine } from './date';

/** How the date itself is written. */
export type DateForm =
  | { kind: 'num'; sep: '-' | '/' | '.'; pad: boolean }
  | { kind: 'cjk'; dayChar: string }
  | { kind: 'en'; order: 'mdy' | 'dmy'; long: boolean; comma: boolean };

/** How a weekday after the date is written. */
export type WeekdayForm = { kind: 'en'; long: boolean } | { kind: 'zh'; lead: string; sunday: string };

export type DatePart = { lit: string } | { date: DateForm } | { weekday: WeekdayForm };

/** Where the date line sits in a note. */
export type DatePlace = 'top' | 'afterTitle' | 'footer';

export interface DateStyle {
  parts: DatePart[];
  place: DatePlace;
  /** The title line's heading marks when the date follows a title or ends the note ("# "), else "". */
  titleMarks: string;
  /** Notes written in this style. */
  notes: number;
}

export interface HeadingStyle {
  title: string;
  /** Its commonest heading level (number of '#'). */
  level: number;
  /** Notes that have it. */
  notes: number;
}

export interface HouseStyle {
  /** The commonest date line, or null when no note has one the template can follow. */
  date: DateStyle | null;
  /** The most used headings (at most MAX_SECTIONS), in their usual order. */
  sections: HeadingStyle[];
  /** Notes looked at. */
  notes: number;
}

/** Sections the template proposes at most. */
export const MAX_SECTIONS = 5;
/** Longest line read as a heading or date line. */
const MAX_LINE = 160;

const MONTHS_LONG = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAYS_LONG = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const ZH_DAYS = '日一二三四五六';
const ZH_LEADS = ['星期', '礼拜', '禮拜', '周', '週'];
/** Words of a clock time or zone, left out with the time. */
const TIME_WORDS = new Set(['am', 'pm', 'utc', 'gmt', 'cst', 'hkt', 'sgt', 'jst', 'bjt', 'cet', 'cest', 'est', 'edt', 'pst', 'pdt', 'et', 'pt']);
/** Separators left dangling at the end once a time or hash is left out. */
const TRAILING = new Set([' ', '\t', '·', '•', '|', '-', '–', '—', '@', ',', '，', '、', '/', '~']);

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isHex = (c: number) => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);

function monthIndex(word: string): number {
  const w = word.toLowerCase();
  if (w.length < 3) return -1;
  for (let m = 0; m < 12; m++) if (MONTHS_LONG[m] === w || (w.length <= 4 && MONTHS_LONG[m].startsWith(w))) return m;
  return -1;
}

function weekdayIndex(word: string): number {
  const w = word.toLowerCase();
  if (w.length < 3) return -1;
  for (let d = 0; d < 7; d++) if (DAYS_LONG[d] === w || (w.length <= 5 && DAYS_LONG[d].startsWith(w))) return d;
  return -1;
}

/** A month written out ("January", "June"), not cut short ("Jan", "Sept"); "May" counts as written out. */
function isLongMonth(word: string): boolean {
  const m = monthIndex(word);
  return m >= 0 && word.length === MONTHS_LONG[m].length;
}

/** The date inside a date line: where it is and its form. */
interface Found {
  start: number;
  end: number;
  form: DateForm;
}

/** Digits from `i` (at most `max`): their count. */
function digitsAt(s: string, i: number, max: number): number {
  let n = 0;
  while (i + n < s.length && n < max + 1 && isDigit(s.charCodeAt(i + n))) n++;
  return n <= max ? n : 0;
}

/** The date written in `line` (known to be a date line): the first four-digit year and its form. */
function findDate(line: string): Found | null {
  for (let y = 0; y + 4 <= line.length; y++) {
    if (!isDigit(line.charCodeAt(y)) || (y > 0 && isDigit(line.charCodeAt(y - 1))) || digitsAt(line, y, 4) !== 4) continue;
    const found = numericAfter(line, y) ?? cjkAfter(line, y) ?? englishAround(line, y);
    if (found) return found;
  }
  return null;
}

/** "2026-01-14", "2026/1/14", "2026.01.14" from the year at `y`. */
function numericAfter(line: string, y: number): Found | null {
  const sep = line[y + 4];
  if (sep !== '-' && sep !== '/' && sep !== '.') return null;
  const m = digitsAt(line, y + 5, 2);
  if (!m || line[y + 5 + m] !== sep) return null;
  const d = digitsAt(line, y + 6 + m, 2);
  if (!d) return null;
  return { start: y, end: y + 6 + m + d, form: { kind: 'num', sep, pad: m === 2 && d === 2 } };
}

/** "2026年1月14日" (spaces allowed, 日 or 号) from the year at `y`. */
function cjkAfter(line: string, y: number): Found | null {
  let i = y + 4;
  const skip = () => {
    while (line[i] === ' ') i++;
  };
  skip();
  if (line[i] !== '年') return null;
  i++;
  skip();
  const m = digitsAt(line, i, 2);
  if (!m) return null;
  i += m;
  skip();
  if (line[i] !== '月') return null;
  i++;
  skip();
  const d = digitsAt(line, i, 2);
  if (!d) return null;
  i += d;
  skip();
  const dayChar = line[i];
  if (dayChar !== '日' && dayChar !== '号' && dayChar !== '號') return null;
  return { start: y, end: i + 1, form: { kind: 'cjk', dayChar } };
}

/** "January 14, 2026", "Jan 14 2026", "14 January 2026" ending with the year at `y`. */
function englishAround(line: string, y: number): Found | null {
  let i = y;
  let comma = false;
  if (line[i - 1] !== ' ') return null;
  i--;
  if (line[i - 1] === ',') {
    comma = true;
    i--;
  }
  // i is the end of the word before the year: a day (mdy) or a month (dmy).
  let j = i;
  while (j > 0 && (isLetter(line.charCodeAt(j - 1)) || isDigit(line.charCodeAt(j - 1)) || line[j - 1] === '.')) j--;
  const before = line.slice(j, i).replace('.', '');
  if (monthIndex(before) >= 0) {
    // "14 January 2026"
    if (line[j - 1] !== ' ') return null;
    let k = j - 1;
    while (k > 0 && isDigit(line.charCodeAt(k - 1))) k--;
    if (k === j - 1) return null;
    return { start: k, end: y + 4, form: { kind: 'en', order: 'dmy', long: isLongMonth(before), comma } };
  }
  const word = line.slice(j, i);
  let n = 0;
  while (n < word.length && isDigit(word.charCodeAt(n))) n++;
  if (n === 0 || n > 2) return null;
  // "January 14, 2026"
  if (line[j - 1] !== ' ') return null;
  let k = j - 1;
  while (k > 0 && (isLetter(line.charCodeAt(k - 1)) || line[k - 1] === '.')) k--;
  const month = line.slice(k, j - 1).replace('.', '');
  if (monthIndex(month) < 0) return null;
  return { start: k, end: y + 4, form: { kind: 'en', order: 'mdy', long: isLongMonth(month), comma } };
}

/** True for a label before the date that is style, not one note's source: heading marks, "日期:", "Date:". */
function keptPrefix(prefix: string): string {
  let marks = 0;
  while (marks < prefix.length && (prefix[marks] === '#' || prefix[marks] === ' ' || prefix[marks] === '>')) marks++;
  const rest = prefix.slice(marks).trim();
  if (!rest) return prefix.slice(0, marks);
  const last = rest[rest.length - 1];
  return last === ':' || last === '：' ? prefix : prefix.slice(0, marks);
}

/** The words after the date as parts: weekdays recognised, times and hashes left out. */
function tailParts(tail: string): DatePart[] {
  const parts: DatePart[] = [];
  let lit = '';
  const flush = () => {
    if (lit) parts.push({ lit });
    lit = '';
  };
  let i = 0;
  while (i < tail.length) {
    const c = tail.charCodeAt(i);
    if (isLetter(c) || isDigit(c)) {
      let j = i;
      while (j < tail.length && (isLetter(tail.charCodeAt(j)) || isDigit(tail.charCodeAt(j)) || tail[j] === ':')) j++;
      const run = tail.slice(i, j);
      const word = isLetter(c) && allLetters(run);
      const wd = word ? weekdayIndex(run) : -1;
      if (j - i >= 6 && allHex(tail, i, j) && hasDigit(tail, i, j)) {
        // A hash ("4df42ba1e518…") is one note's.
        if (tail[j] === '…') j++;
      } else if (wd >= 0) {
        flush();
        parts.push({ weekday: { kind: 'en', long: run.length === DAYS_LONG[wd].length } });
        if (tail[j] === '.') j++;
      } else if ((isDigit(c) && run.includes(':')) || (word && TIME_WORDS.has(run.toLowerCase()))) {
        // A clock time ("08:25", "21:02:10 UTC") is one note's.
      } else lit += run;
      i = j;
      continue;
    }
    const lead = ZH_LEADS.find((w) => tail.startsWith(w, i) && ZH_DAYS.includes(tail[i + w.length]) || (w !== '周' && w !== '週' && tail.startsWith(w, i) && tail[i + w.length] === '天'));
    if (lead) {
      flush();
      const day = tail[i + lead.length];
      parts.push({ weekday: { kind: 'zh', lead, sunday: day === '天' ? '天' : '日' } });
      i += lead.length + 1;
      continue;
    }
    lit += tail[i];
    i++;
  }
  flush();
  // Separators left at the end by a time or hash left out, and doubled spaces.
  const last = parts[parts.length - 1];
  if (last && 'lit' in last) {
    let t = last.lit;
    while (t && TRAILING.has(t[t.length - 1])) t = t.slice(0, -1);
    if (t) last.lit = t;
    else parts.pop();
  }
  for (const p of parts) if ('lit' in p) p.lit = collapseSpaces(p.lit);
  return parts;
}

function allLetters(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (!isLetter(s.charCodeAt(k))) return false;
  return true;
}

function allHex(s: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (!isHex(s.charCodeAt(k))) return false;
  return true;
}

function hasDigit(s: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (isDigit(s.charCodeAt(k))) return true;
  return false;
}

function collapseSpaces(s: string): string {
  let out = '';
  for (let k = 0; k < s.length; k++) if (!(s[k] === ' ' && out.endsWith(' '))) out += s[k];
  return out;
}

/** The pattern of one date line: null when its date cannot be told apart. */
export function datePattern(line: string): DatePart[] | null {
  if (line.length > MAX_LINE || parseDateLine(line) === null) return null;
  const found = findDate(line);
  if (!found) return null;
  const prefix = keptPrefix(line.slice(0, found.start));
  const parts: DatePart[] = [];
  if (prefix) parts.push({ lit: prefix });
  parts.push({ date: found.form });
  parts.push(...tailParts(line.slice(found.end)));
  return parts;
}

/** A pattern as one string, the key notes are counted by ("# {num-true} 早报"). */
export function patternKey(parts: DatePart[]): string {
  return parts
    .map((p) => {
      if ('lit' in p) return p.lit.split('{').join('{{');
      if ('date' in p) return `{date:${JSON.stringify(p.date)}}`;
      return `{weekday:${JSON.stringify(p.weekday)}}`;
    })
    .join('');
}

/** The lines of a note that matter: non-blank ones outside fenced code, trimmed at the end. */
interface NoteLines {
  lines: string[];
  /** Indices into `lines` of the lines that are outside fences and not blank. */
  content: number[];
  fencedOut: boolean[];
}

function readLines(text: string): NoteLines {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const content: number[] = [];
  const fencedOut: boolean[] = [];
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.startsWith('```') || l.startsWith('~~~')) {
      fenced = !fenced;
      fencedOut.push(false);
      continue;
    }
    fencedOut.push(!fenced);
    if (!fenced && l.trim()) content.push(i);
  }
  return { lines, content, fencedOut };
}

/** Heading marks and title of an ATX heading ("## 公司" → 2, "公司"), or null. */
export function atxHeading(line: string): { level: number; title: string } | null {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  let level = 0;
  while (line[i + level] === '#') level++;
  if (level < 1 || level > 6 || line[i + level] !== ' ') return null;
  let title = line.slice(i + level + 1).trim();
  // A closing run of '#' is not part of the title.
  let end = title.length;
  while (end > 0 && title[end - 1] === '#') end--;
  if (end < title.length && (end === 0 || title[end - 1] === ' ')) title = title.slice(0, end).trim();
  return title && title.length <= MAX_LINE ? { level, title } : null;
}

/** The date line of one note, its place and the title marks above it. */
function noteDate(n: NoteLines): { parts: DatePart[]; place: DatePlace; titleMarks: string; line: number } | null {
  const { lines, content } = n;
  if (!content.length) return null;
  const lastLine = content[content.length - 1];
  const titleMarksOf = (i: number) => {
    const h = atxHeading(lines[i]);
    return h ? '#'.repeat(h.level) + ' ' : '';
  };
  const footer = datePattern(lines[lastLine]);
  if (footer && content.length > 1) return { parts: footer, place: 'footer', titleMarks: parseDateLine(lines[content[0]]) ? '' : titleMarksOf(content[0]), line: lastLine };
  const top = datePattern(lines[content[0]]);
  if (top) return { parts: top, place: 'top', titleMarks: '', line: content[0] };
  if (content.length > 1) {
    const second = datePattern(lines[content[1]]);
    if (second) return { parts: second, place: 'afterTitle', titleMarks: titleMarksOf(content[0]), line: content[1] };
  }
  return null;
}

/** Counting by key, remembering the first value seen for each. */
class Tally<T> {
  readonly counts = new Map<string, { value: T; count: number }>();
  add(key: string, value: T): void {
    const e = this.counts.get(key);
    if (e) e.count++;
    else this.counts.set(key, { value, count: 1 });
  }
  /** Entries, most counted first, then by key: independent of the order they were added in. */
  ranked(): { key: string; value: T; count: number }[] {
    return [...this.counts].map(([key, e]) => ({ key, ...e })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

/** The title marks most notes use; on a tie a heading ("# ") over a plain line, as the outline shows it. */
function commonestMarks(marks: Tally<string>): string {
  const ranked = marks.ranked();
  const top = ranked.filter((m) => m.count === ranked[0].count);
  return top[top.length - 1].value;
}

/**
 * The house style of these notes (see the module comment). A heading must be in at least
 * two notes once there are three or more notes, so one note's article titles do not become
 * everyone's sections.
 */
export function houseStyle(texts: readonly string[]): HouseStyle {
  const dates = new Tally<{ parts: DatePart[]; place: DatePlace }>();
  const titleMarks = new Map<string, Tally<string>>();
  const headings = new Map<string, { levels: Tally<number>; positions: number[] }>();
  for (const text of texts) {
    const n = readLines(text);
    const d = noteDate(n);
    if (d) {
      const key = `${d.place}\u0000${patternKey(d.parts)}`;
      dates.add(key, { parts: d.parts, place: d.place });
      let marks = titleMarks.get(key);
      if (!marks) titleMarks.set(key, (marks = new Tally<string>()));
      marks.add(d.titleMarks, d.titleMarks);
    }
    const seen = new Set<string>();
    const found: { title: string; level: number }[] = [];
    for (const i of n.content) {
      if (d && i === d.line) continue;
      const h = atxHeading(n.lines[i]);
      // A level-1 heading opening the note is its title, not a section.
      if (h && h.level === 1 && i === n.content[0]) continue;
      if (!h || parseDateLine(n.lines[i]) !== null || seen.has(h.title)) continue;
      seen.add(h.title);
      found.push(h);
    }
    found.forEach((h, k) => {
      let e = headings.get(h.title);
      if (!e) headings.set(h.title, (e = { levels: new Tally<number>(), positions: [] }));
      e.levels.add(String(h.level), h.level);
      // Where in its note the heading comes, 0 (first) to 1 (last): its usual order.
      e.positions.push(found.length > 1 ? k / (found.length - 1) : 0.5);
    });
  }
  const best = dates.ranked()[0];
  const date: DateStyle | null = best
    ? { parts: best.value.parts, place: best.value.place, titleMarks: commonestMarks(titleMarks.get(best.key)!), notes: best.count }
    : null;
  const minNotes = texts.length >= 3 ? 2 : 1;
  const ranked = [...headings]
    .map(([title, e]) => ({ title, level: e.levels.ranked()[0].value, notes: e.positions.length, at: e.positions.reduce((a, b) => a + b, 0) / e.positions.length }))
    .filter((h) => h.notes >= minNotes)
    .sort((a, b) => b.notes - a.notes || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0))
    .slice(0, MAX_SECTIONS);
  ranked.sort((a, b) => a.at - b.at || b.notes - a.notes || (a.title < b.title ? -1 : 1));
  return { date, sections: ranked.map(({ title, level, notes }) => ({ title, level, notes })), notes: texts.length };
}
