/**
 * Pure parts of the amounts completion (issue 17): the currency-and-scale units offered
 * after a number in each writing (Simplified, Traditional, English words, English symbols),
 * the number being typed right before the cursor, and the key a written unit is counted by
 * (so the workspace's habits rank the units). No LSP, no index: text in, plain data out.
 * Scanners over code units, no regular expressions.
 */
import { foldCode, isAsciiDigit, isAsciiLetter, isCjk } from '../../analysis/text';

/** The three writings of a unit: Simplified, Traditional, English. */
export type UnitWriting = 'zh' | 'zh-Hant' | 'en';

/**
 * How a unit joins the number: Chinese keeps whatever space the user typed ("1,350 亿美元"
 * and "1,350亿美元" are both house styles); English words need one ("1,350 billion
 * dollars"); a symbol form wraps the number with nothing between ("US$1,350B").
 */
export type Joint = 'keep' | 'space' | 'none';

export interface UnitForm {
  /** Written before the number ("US$"), else empty. */
  before: string;
  /** Written after it ("亿美元", "billion dollars", "B"). */
  after: string;
  joint: Joint;
  /** The currency the figure parser reads; null for a bare 元, whose yuan the passage decides. */
  currency: string | null;
  /** What one unit of the typed number is worth in the currency. */
  factor: number;
}

const zh = (after: string, currency: string | null, factor: number): UnitForm => ({ before: '', after, joint: 'keep', currency, factor });
const words = (after: string, currency: string, factor: number): UnitForm => ({ before: '', after, joint: 'space', currency, factor });
const symbol = (before: string, after: string, currency: string, factor: number): UnitForm => ({ before, after, joint: 'none', currency, factor });

/**
 * The units offered, in their default order (before the workspace's counts reorder them):
 * the amounts digests write most. Every form here is one the figure parser reads back
 * (test/unit/completion-amounts-units.test.ts analyses each); the source also checks each
 * in its own line before offering it.
 */
export const UNIT_FORMS: Readonly<Record<UnitWriting, readonly UnitForm[]>> = {
  zh: [
    zh('亿美元', 'USD', 1e8), zh('亿元', null, 1e8), zh('亿人民币', 'CNY', 1e8), zh('万元', null, 1e4),
    zh('亿港元', 'HKD', 1e8), zh('万亿美元', 'USD', 1e12), zh('美元', 'USD', 1), zh('港元', 'HKD', 1),
    zh('万亿元', null, 1e12), zh('万美元', 'USD', 1e4), zh('元', null, 1), zh('万港元', 'HKD', 1e4),
    zh('亿欧元', 'EUR', 1e8), zh('亿日元', 'JPY', 1e8), zh('亿新台币', 'TWD', 1e8), zh('人民币', 'CNY', 1),
  ],
  // Traditional as Taiwan's and Hong Kong's financial press write it: 兆 for 10¹² (read so
  // in a Traditional note), 人民幣, 新台幣, 日圓.
  'zh-Hant': [
    zh('億美元', 'USD', 1e8), zh('億元', null, 1e8), zh('億港元', 'HKD', 1e8), zh('萬元', null, 1e4),
    zh('兆美元', 'USD', 1e12), zh('億新台幣', 'TWD', 1e8), zh('億人民幣', 'CNY', 1e8), zh('美元', 'USD', 1),
    zh('港元', 'HKD', 1), zh('兆元', null, 1e12), zh('萬美元', 'USD', 1e4), zh('元', null, 1),
    zh('萬港元', 'HKD', 1e4), zh('億歐元', 'EUR', 1e8), zh('億日圓', 'JPY', 1e8), zh('新台幣', 'TWD', 1),
    zh('人民幣', 'CNY', 1),
  ],
  en: [
    words('billion dollars', 'USD', 1e9), symbol('US$', 'B', 'USD', 1e9), words('billion yuan', 'CNY', 1e9),
    words('million dollars', 'USD', 1e6), symbol('US$', 'M', 'USD', 1e6), words('million yuan', 'CNY', 1e6),
    symbol('HK$', 'B', 'HKD', 1e9), words('billion Hong Kong dollars', 'HKD', 1e9), words('trillion dollars', 'USD', 1e12),
    words('billion USD', 'USD', 1e9), words('billion RMB', 'CNY', 1e9), symbol('HK$', 'M', 'HKD', 1e6),
    words('trillion yuan', 'CNY', 1e12), symbol('US$', 'T', 'USD', 1e12), words('billion euros', 'EUR', 1e9),
    words('dollars', 'USD', 1), words('yuan', 'CNY', 1), symbol('US$', '', 'USD', 1), symbol('HK$', '', 'HKD', 1),
  ],
};

/** The label of a form: its words, or its symbols around an ellipsis ("US$…B"). */
export function formLabel(form: UnitForm): string {
  return form.joint === 'none' ? `${form.before}…${form.after}` : form.after;
}

/** The text a form makes of a number and the space the user typed after it. */
export function formText(form: UnitForm, number: string, space: string): string {
  const joint = form.joint === 'none' ? '' : form.joint === 'space' ? space || ' ' : space;
  return form.before + number + joint + form.after;
}

/** A text folded for comparing units: full-width to ASCII, Traditional to Simplified, ASCII lower case, no spaces. */
function foldUnit(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let c = foldCode(s.charCodeAt(i));
    if (c === 32 || c === 9 || c === 0xa0 || c === 0x3000) continue;
    if (c >= 65 && c <= 90) c += 32;
    out += String.fromCharCode(c);
  }
  return out;
}

const isNumberUnit = (c: number): boolean => isAsciiDigit(c) || c === 44 /* , */ || c === 46; /* . */

/**
 * The unit key of a figure as written: what stands before and after its number, folded,
 * around "#": "1,350 亿美元" and "1,350億美元" → "#亿美元", "US$2.5B" → "us$#b",
 * "2.5 billion dollars" → "#billiondollars". Null without an Arabic number, or with a second
 * one (a range: "20万-25万元").
 */
export function unitKey(text: string): string | null {
  let i = 0;
  while (i < text.length && !isAsciiDigit(text.charCodeAt(i))) i++;
  if (i === text.length) return null;
  let j = i;
  while (j < text.length && isNumberUnit(text.charCodeAt(j))) j++;
  for (let k = j; k < text.length; k++) if (isAsciiDigit(text.charCodeAt(k))) return null;
  return `${foldUnit(text.slice(0, i))}#${foldUnit(text.slice(j))}`;
}

/** The unit key of a form (the same as that of any figure written with it). */
export function formKey(form: UnitForm): string {
  return unitKey(formText(form, '1', ''))!;
}

/** A number typed right before the cursor, and what follows it up to the cursor. */
export interface TypedNumber {
  /** Offsets of the number in the text. */
  start: number;
  end: number;
  /** The number as written ("1,350") and its value (1350). */
  number: string;
  value: number;
  /** The one space typed after it, else empty. */
  space: string;
  /** The start of a unit typed after it ("亿", "bil"), else empty. */
  partial: string;
}

const SPACES = ' \t\u00a0\u3000';
/** How far back a partly typed unit is looked for ("billion Hong Kong d" fits). */
const PARTIAL_REACH = 28;
/** The longest number read (longer runs of digits are not amounts being typed). */
const NUMBER_REACH = 24;

/** Characters right before a number that make it part of something else: a code, a symbol-led amount, a time. */
const REFUSED_BEFORE = '$€£¥￥₩₹_:/#@&%';

/**
 * Checks the spelling of a number: digits, thousands separators in groups of three after a
 * first group of one to three digits, at most one decimal point after them.
 */
function numberValue(s: string): number | null {
  const dot = s.indexOf('.');
  if (dot >= 0 && s.indexOf('.', dot + 1) >= 0) return null;
  const int = dot < 0 ? s : s.slice(0, dot);
  if (dot >= 0 && (dot === s.length - 1 || s.indexOf(',', dot) >= 0)) return null;
  if (!int.length) return null;
  if (int.indexOf(',') >= 0) {
    const groups = int.split(',');
    if (groups[0].length < 1 || groups[0].length > 3) return null;
    for (let g = 1; g < groups.length; g++) if (groups[g].length !== 3) return null;
  }
  let plain = '';
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== 44) plain += s[i];
  const v = Number(plain);
  return Number.isFinite(v) ? v : null;
}

/**
 * The number being typed right before `cursor` in `text`: "1,350", "1350", "2.5", "15",
 * then at most one space and the start of a unit ("1,350 亿", "2.5 bil", "1,350 billion
 * Hong"). Null when the cursor is not after such a number: inside a word, after a letter
 * or symbol that makes the digits a code (A1350, US$15, 10:30), or a malformed number.
 */
export function typedNumberBefore(text: string, cursor: number): TypedNumber | null {
  if (cursor < 1 || cursor > text.length) return null;
  const next = cursor < text.length ? text.charCodeAt(cursor) : 0;
  if (isAsciiDigit(next) || isAsciiLetter(next) || isCjk(next)) return null;
  // The start of a unit: letters, CJK, "$", and single spaces between letters.
  let p = cursor;
  while (p > 0 && cursor - p < PARTIAL_REACH) {
    const c = text.charCodeAt(p - 1);
    if (isCjk(c) || isAsciiLetter(c) || c === 36) p--;
    else if (c === 32 && p < cursor && p >= 2 && isAsciiLetter(text.charCodeAt(p - 2))) p--;
    else break;
  }
  const partial = text.slice(p, cursor);
  let e = p;
  let space = '';
  if (e > 0 && SPACES.indexOf(text[e - 1]) >= 0) {
    space = text[e - 1];
    e--;
  }
  if (e < 1 || !isAsciiDigit(text.charCodeAt(e - 1))) return null;
  let b = e;
  while (b > 0 && e - b < NUMBER_REACH && isNumberUnit(text.charCodeAt(b - 1))) b--;
  if (b > 0 && isNumberUnit(text.charCodeAt(b - 1))) return null; // longer than any amount
  while (b < e && !isAsciiDigit(text.charCodeAt(b))) b++; // ",15" after a list comma
  if (b > 0) {
    const c = text.charCodeAt(b - 1);
    if (isAsciiLetter(c) || REFUSED_BEFORE.indexOf(text[b - 1]) >= 0) return null;
    // "2026-01-15": a date, not an amount (a minus sign right after a digit is a dash).
    if ((c === 45 || c === 0x2013 || c === 0x2014) && b > 1 && isAsciiDigit(text.charCodeAt(b - 2))) return null;
  }
  const number = text.slice(b, e);
  const value = numberValue(number);
  if (value === null) return null;
  return { start: b, end: e, number, value, space, partial };
}

/** True when `form` continues what was typed after the number (a symbol form only when nothing was). */
export function formMatches(form: UnitForm, partial: string): boolean {
  if (!partial) return true;
  if (form.joint === 'none') return false;
  return foldUnit(form.after).startsWith(foldUnit(partial));
}
