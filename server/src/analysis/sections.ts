/**
 * Sections: heading-like lines, for document symbols and the sidebar.
 *
 * The rule, kept deliberately simple and predictable. A line is a section when it is
 *  1. a Markdown ATX heading: up to three spaces, 1–6 '#', a space, a non-empty title
 *     ("## 市场观察"; a lone "#" is not a section), outside fenced code blocks; or
 *  2. a *title line*: a short line (2–MAX_TITLE code units once trimmed; "**…**" emphasis
 *     around the whole line is looked through) that
 *     - contains a letter, digit or CJK character and no sentence break ("。" or ". ");
 *     - does not end like a clause or sentence ("。", ",", ";", ":", "、", ".", "…" or their
 *       full-width forms); "?" and "!" are fine ("那为何智谱AI急于上市呢?");
 *     - is not a list item, quote, table row or citation ("- 要点", "• …", "1. …", "> …",
 *       "| …", "[1] …"), not navigation ("← 返回"), not a file name or URL ("x.png",
 *       "https://…"), and not itself a date line ("36氪· 2026-01-27 08:25");
 *     - and is followed by body: either the very next line is a date line (an article
 *       title above its "source · date" stamp), or the next non-blank line is a paragraph
 *       at least twice as long and at least MIN_BODY code units long, and not a title.
 * Lines such as "文章核心观点 - …" inside a paragraph, or a short line between two short
 * lines ("Workflow", "icon"), are not sections. Headings are not nested: every section
 * has the same level.
 */
import type { Section } from './types';
import { parseDateLine, parseDateLineIn } from './date';

/** Longest title line, in UTF-16 code units after trimming. */
const MAX_TITLE = 140;
/** Shortest paragraph that makes the line above it a title. */
const MIN_BODY = 60;

const CLAUSE_ENDS = new Set(['。', ',', ',', ';', ';', ':', ':', '、', '.', '…', '，', '：', '；']);
const LIST_MARKS = new Set(['-', '*', '+', '•', '·', '●', '○', '▪', '■', '◆', '>', '|', '[', '【', '←', '→', '↑', '↓', '!']);
const IMAGE_ENDS = ['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.bmp'];

/** The two sets above by code unit (every entry is one code unit): no one-character string per test. */
const IS_CLAUSE_END = codeSet(CLAUSE_ENDS);
const IS_LIST_MARK = codeSet(LIST_MARKS);

function codeSet(chars: Set<string>): Uint8Array {
  const set = new Uint8Array(65536);
  for (const c of chars) set[c.charCodeAt(0)] = 1;
  return set;
}

/**
 * True when `s` ends with `ext` (lower-case ASCII) in any case: `s.toLowerCase().endsWith(ext)`
 * without lowering the whole line. The same answer: the only characters outside ASCII that
 * lower to ASCII are the Kelvin sign (to "k", in no extension) and "İ" (to "i" and a
 * combining dot, which no extension has).
 */
function endsWithLower(s: string, ext: string): boolean {
  const from = s.length - ext.length;
  if (from < 0) return false;
  for (let k = 0; k < ext.length; k++) {
    let c = s.charCodeAt(from + k);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== ext.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * The lines of a text as offsets, four numbers a line in one array (no object or string
 * per line: a note of many short lines made one of each): the untrimmed line without its
 * line break [rawStart, rawEnd), and its content without blanks around [start, end).
 */
interface Lines {
  count: number;
  at: Int32Array;
}
const RAW_START = 0;
const RAW_END = 1;
const START = 2;
const END = 3;

/** The lines' numbers, kept between calls and grown when a text has more lines. */
let LINE_BUFFER = new Int32Array(4 * 1024);

function splitLines(text: string): Lines {
  let at = LINE_BUFFER;
  let count = 0;
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = n;
    let a = pos;
    let b = nl;
    while (a < b && isBlankChar(text.charCodeAt(a))) a++;
    while (b > a && isBlankChar(text.charCodeAt(b - 1))) b--;
    if (count * 4 + 4 > at.length) {
      const grown = new Int32Array(at.length * 2);
      grown.set(at);
      at = LINE_BUFFER = grown;
    }
    at[count * 4 + RAW_START] = pos;
    at[count * 4 + RAW_END] = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    at[count * 4 + START] = a;
    at[count * 4 + END] = b;
    count++;
    pos = nl + 1;
  }
  return { count, at };
}

function isBlankChar(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 0x3000 || c === 0xa0;
}

function hasWordChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0x3400 && c < 0xa000)) return true;
  }
  return false;
}

/** "1. ", "2) ", "3、", "(a) " style list items. */
function isNumberedItem(s: string): boolean {
  let i = 0;
  while (i < s.length && i < 4 && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  if (i === 0) return false;
  const mark = s[i];
  return mark === '、' || ((mark === '.' || mark === ')' || mark === ')') && (s[i + 1] === ' ' || s[i + 1] === undefined));
}

/** The title of an ATX heading line, or null. `raw` is the untrimmed line. */
function atxTitle(raw: string): string | null {
  let i = 0;
  while (i < 3 && raw[i] === ' ') i++;
  let level = 0;
  while (raw[i + level] === '#') level++;
  if (level === 0 || level > 6) return null;
  const rest = raw.slice(i + level);
  if (rest !== '' && rest[0] !== ' ' && rest[0] !== '\t') return null;
  let title = rest.trim();
  // A closing sequence of '#' after a space is decoration.
  let end = title.length;
  while (end > 0 && title[end - 1] === '#') end--;
  if (end < title.length && (end === 0 || title[end - 1] === ' ' || title[end - 1] === '\t')) title = title.slice(0, end).trim();
  return title === '' ? null : title;
}

function looksLikeTitle(s: string): boolean {
  if (s.length < 2 || s.length > MAX_TITLE || !hasWordChar(s)) return false;
  if (IS_LIST_MARK[s.charCodeAt(0)] === 1 || isNumberedItem(s)) return false;
  if (IS_CLAUSE_END[s.charCodeAt(s.length - 1)] === 1) return false;
  if (s.includes('。') || s.includes('. ') || s.includes('://')) return false;
  if (IMAGE_ENDS.some((ext) => endsWithLower(s, ext))) return false;
  return parseDateLine(s) === null;
}

/** Strips Markdown emphasis around a whole title: "**标题**" → "标题". */
function cleanTitle(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && (s[a] === '*' || s[a] === '_')) a++;
  while (b > a && (s[b - 1] === '*' || s[b - 1] === '_')) b--;
  return s.slice(a, b).trim() || s;
}

/** Finds the sections of a document (see the module comment for the rule), in order. */
export function findSections(text: string): Section[] {
  const { count, at } = splitLines(text);
  const start = (i: number) => at[i * 4 + START];
  const end = (i: number) => at[i * 4 + END];
  const blank = (i: number) => at[i * 4 + START] === at[i * 4 + END];
  const dateLine = (i: number) => parseDateLineIn(text, start(i), end(i)) !== null;
  const sections: Section[] = [];
  let fenced = false;
  for (let i = 0; i < count; i++) {
    const a = start(i);
    const length = end(i) - a;
    if (length >= 3 && (text.startsWith('```', a) || text.startsWith('~~~', a))) {
      fenced = !fenced;
      continue;
    }
    if (fenced || length === 0) continue;
    if (text.charCodeAt(a) === 35 /* # */) {
      const title = atxTitle(text.slice(at[i * 4 + RAW_START], at[i * 4 + RAW_END]));
      if (title !== null) sections.push({ offset: a, length, title: cleanTitle(title), line: i });
      continue;
    }
    // Too short or too long to be a title (emphasis may only shorten a line that opens with
    // "*" or "_"): the commonest answer, from the length alone, before any string is made.
    const c0 = text.charCodeAt(a);
    if (length < 2 || (length > MAX_TITLE && c0 !== 42 /* * */ && c0 !== 95 /* _ */)) continue;
    const s = text.slice(a, a + length);
    const emphasised = s.length > 4 && ((s.startsWith('**') && s.endsWith('**')) || (s.startsWith('__') && s.endsWith('__')));
    if (!looksLikeTitle(emphasised ? cleanTitle(s) : s)) continue;
    let isTitle = i + 1 < count && !blank(i + 1) && dateLine(i + 1);
    if (!isTitle) {
      let j = i + 1;
      while (j < count && blank(j)) j++;
      if (j < count) {
        const bodyLength = end(j) - start(j);
        isTitle =
          bodyLength >= MIN_BODY &&
          bodyLength >= 2 * length &&
          text.charCodeAt(start(j)) !== 35 &&
          !(bodyLength <= MAX_TITLE && looksLikeTitle(text.slice(start(j), end(j))) && j + 1 < count && !blank(j + 1) && dateLine(j + 1));
      }
    }
    if (isTitle) sections.push({ offset: a, length, title: cleanTitle(s), line: i });
  }
  // A buffer grown for a note of very many lines is not kept for the next note.
  if (LINE_BUFFER.length > 4 * 65536) LINE_BUFFER = new Int32Array(4 * 1024);
  return sections;
}
