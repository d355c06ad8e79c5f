/**
 * Sentence and clause bounds around an offset of the folded text (Simplified script,
 * half-width ASCII). A sentence ends at 。！？；, a line break, a citation marker ("[12] "),
 * or an English full stop followed by a space and a capital; a clause also ends at a comma that is not a thousands
 * separator and not inside parentheses. Bounds never reach further than `REACH` characters from the offset.
 */
import type { Figure } from '../types';

export interface Bounds {
  start: number;
  end: number;
  /** What the facts step reads once per sentence (set on sentence bounds only). */
  memo?: SentenceMemo;
}

/** Per-sentence results kept on the sentence's bounds. */
export interface SentenceMemo {
  breaks?: number[];
  marks?: { at: number; english: boolean }[];
  verbs?: { pay: { at: number; word: string }[]; sale: { at: number; word: string }[] };
  /** The figures of the clause last asked about, and whether they are a plain list (see subjects.ts). */
  clauseAmounts?: { start: number; end: number; amounts: Figure[]; plain: boolean };
}

const REACH = 400;
/** Words whose full stop does not end a sentence ("U.S. ", "Inc. ", "Dr. "). */
const ABBREVIATIONS = new Set(['inc', 'co', 'corp', 'ltd', 'plc', 'dr', 'mr', 'mrs', 'ms', 'st', 'no', 'vs', 'jr', 'sr', 'u.s', 'u.k', 'e.g', 'i.e', 'bros', 'mt', 'approx']);

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
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

/** True when the "]" at `i` closes a citation marker followed by a space ("… 3800亿元 [15] - …"). */
function isCitationEnd(s: string, i: number): boolean {
  if (s.charCodeAt(i + 1) !== 0x20) return false;
  let k = i - 1;
  while (k > i - 5 && isDigitCode(s.charCodeAt(k))) k--;
  return k < i - 1 && s.charCodeAt(k) === 0x5b;
}

/**
 * 1 for the characters that always end a sentence, 2 for the full stop (which may), 3 for
 * the "]" of a citation marker: a bulleted digest ends its statements with "[12]".
 */
const END = new Uint8Array(65536);
for (const c of [0x3002, 0x21, 0x3f, 0x3b, 0x0a, 0x0d]) END[c] = 1;
END[0x2e] = 2;
END[0x5d] = 3;

function isSentenceEnd(s: string, i: number): boolean {
  const e = END[s.charCodeAt(i)];
  return e === 1 || (e === 2 && isEnglishStop(s, i)) || (e === 3 && isCitationEnd(s, i));
}

/** The sentence around [from, to). */
export function sentenceAt(s: string, from: number, to: number): Bounds {
  let start = from;
  const lo = Math.max(0, from - REACH);
  while (start > lo && (END[s.charCodeAt(start - 1)] === 0 || !isSentenceEnd(s, start - 1))) start--;
  let end = to;
  const hi = Math.min(s.length, to + REACH);
  while (end < hi && (END[s.charCodeAt(end)] === 0 || !isSentenceEnd(s, end))) end++;
  return { start, end, memo: undefined };
}

/** The start of the sentence holding `at`: `sentenceAt(s, at, at).start` without looking past `at`. */
export function sentenceStart(s: string, at: number): number {
  let start = at;
  const lo = Math.max(0, at - REACH);
  while (start > lo && (END[s.charCodeAt(start - 1)] === 0 || !isSentenceEnd(s, start - 1))) start--;
  return start;
}

/** A comma that separates clauses: not between two digits ("1,350"). */
function isClauseComma(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c !== 0x2c && c !== 0x3a) return false; // , and : (，and ：fold to them)
  return !(isDigitCode(s.charCodeAt(i - 1)) && isDigitCode(s.charCodeAt(i + 1)));
}

/** English words that open a new clause after a comma-less join ("… $3.69 billion while GlobalFoundries …"). */
const CLAUSE_JOIN = /^\s(?:and|while|whereas|but)\s$/i;

/**
 * The clause around [from, to) inside its sentence, from the sentence's clause breaks, found
 * once per sentence.
 */
export function clauseOf(s: string, sentence: Bounds, from: number, to: number): Bounds {
  const memo = (sentence.memo ??= {});
  let breaks = memo.breaks;
  if (!breaks) {
    breaks = [];
    // A comma or colon inside parentheses ("(ASX: EHE)", "（人民币，下同）") breaks no clause.
    let depth = 0;
    for (let i = sentence.start + 1; i < sentence.end; i++) {
      const c = s.charCodeAt(i - 1);
      if (c === 0x28) depth++;
      else if (c === 0x29) depth = depth > 0 ? depth - 1 : 0;
      else if (depth === 0 && (c === 0x2c || c === 0x3a ? isClauseComma(s, i - 1) : c === 0x20 && joinEndsAt(s, i))) breaks.push(i);
    }
    memo.breaks = breaks;
  }
  let start = sentence.start;
  let end = sentence.end;
  for (const b of breaks) {
    if (b <= from) start = b;
    else if (b > to) {
      // A clause ends at its comma, or before the space of an "and"/"while" join.
      end = isClauseComma(s, b - 1) ? b - 1 : joinStartBefore(s, b);
      break;
    }
  }
  return { start, end };
}

/** Where the join that ends at `b` ("… and Meta") starts: the space before the word. */
function joinStartBefore(s: string, b: number): number {
  const k = s.lastIndexOf(' ', b - 2);
  return k >= 0 ? k : b;
}


/** True when a clause join ("and", "while") followed by a capitalised word ends at `i`. */
function joinEndsAt(s: string, i: number): boolean {
  if (s.charCodeAt(i - 1) !== 0x20 || !isUpper(s.charCodeAt(i))) return false;
  // The join words end in d, e, s or t (and, while, whereas, but): most words do not.
  const last = s.charCodeAt(i - 2) | 0x20;
  if (last !== 0x64 && last !== 0x65 && last !== 0x73 && last !== 0x74) return false;
  const k = s.lastIndexOf(' ', i - 2);
  return k >= 0 && CLAUSE_JOIN.test(s.slice(k, i));
}


/** True when a blank line or a line break lies between two offsets (another paragraph). */
export function lineBreakBetween(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 0x0a) return true;
  return false;
}
