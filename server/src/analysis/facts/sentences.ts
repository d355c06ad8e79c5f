/**
 * Sentence and clause bounds around an offset of the folded text (Simplified script,
 * half-width ASCII). A sentence ends at 。！？；, a line break, or an English full stop
 * followed by a space and a capital; a clause also ends at a comma that is not a thousands
 * separator. Bounds never reach further than `REACH` characters from the offset.
 */

export interface Bounds {
  start: number;
  end: number;
}

const REACH = 400;
/** Words whose full stop does not end a sentence ("U.S. ", "Inc. ", "Dr. "). */
const ABBREVIATIONS = new Set(['inc', 'co', 'corp', 'ltd', 'plc', 'dr', 'mr', 'mrs', 'ms', 'st', 'no', 'vs', 'jr', 'sr', 'u.s', 'u.k', 'e.g', 'i.e', 'bros', 'mt', 'approx']);

function isHardEnd(c: number): boolean {
  // 。 ! ? ; (the full-width forms fold to ASCII) and line breaks
  return c === 0x3002 || c === 0x21 || c === 0x3f || c === 0x3b || c === 0x0a || c === 0x0d;
}

function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

/** True when the full stop at `i` ends an English sentence. */
function isEnglishStop(s: string, i: number): boolean {
  if (s.charCodeAt(i) !== 0x2e) return false;
  const next = s.charCodeAt(i + 1);
  if (next !== 0x20) return i + 1 >= s.length;
  let j = i + 1;
  while (s.charCodeAt(j) === 0x20) j++;
  const after = s.charCodeAt(j);
  if (!(isUpper(after) || after === 0x22 || after === 0x201c || after >= 0x3400)) return false;
  // The word before the stop: a single capital ("J. Smith") or a known abbreviation.
  let k = i;
  while (k > 0 && /[A-Za-z.]/.test(s[k - 1])) k--;
  const word = s.slice(k, i).toLowerCase();
  if (word.length === 1 && isUpper(s.charCodeAt(k))) return false;
  return !ABBREVIATIONS.has(word);
}

function isSentenceEnd(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return isHardEnd(c) || (c === 0x2e && isEnglishStop(s, i));
}

/** The sentence around [from, to). */
export function sentenceAt(s: string, from: number, to: number): Bounds {
  let start = from;
  const lo = Math.max(0, from - REACH);
  while (start > lo && !isSentenceEnd(s, start - 1)) start--;
  let end = to;
  const hi = Math.min(s.length, to + REACH);
  while (end < hi && !isSentenceEnd(s, end)) end++;
  return { start, end };
}

/** A comma that separates clauses: not between two digits ("1,350"). */
function isClauseComma(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c !== 0x2c && c !== 0x3a) return false; // , and : (，and ：fold to them)
  const before = s.charCodeAt(i - 1);
  const after = s.charCodeAt(i + 1);
  const digit = (x: number) => x >= 0x30 && x <= 0x39;
  return !(digit(before) && digit(after));
}

/** English words that open a new clause after a comma-less join ("… $3.69 billion while GlobalFoundries …"). */
const CLAUSE_JOIN = /^\s(?:and|while|whereas|but)\s$/i;

/** The clause around [from, to) inside its sentence. */
export function clauseAt(s: string, sentence: Bounds, from: number, to: number): Bounds {
  let start = from;
  while (start > sentence.start && !isClauseComma(s, start - 1) && !joinEndsAt(s, start)) start--;
  let end = to;
  while (end < sentence.end && !isClauseComma(s, end) && !joinStartsAt(s, end)) end++;
  return { start, end };
}

/** True when a clause join ("and", "while") followed by a capitalised word ends at `i`. */
function joinEndsAt(s: string, i: number): boolean {
  if (s.charCodeAt(i - 1) !== 0x20 || !isUpper(s.charCodeAt(i))) return false;
  const k = s.lastIndexOf(' ', i - 2);
  return k >= 0 && CLAUSE_JOIN.test(s.slice(k, i));
}

/** True when a clause join followed by a capitalised word starts at `i`. */
function joinStartsAt(s: string, i: number): boolean {
  if (s.charCodeAt(i) !== 0x20) return false;
  const k = s.indexOf(' ', i + 1);
  return k > 0 && k - i < 10 && CLAUSE_JOIN.test(s.slice(i, k + 1)) && isUpper(s.charCodeAt(k + 1));
}

/** True when a blank line or a line break lies between two offsets (another paragraph). */
export function lineBreakBetween(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 0x0a) return true;
  return false;
}
