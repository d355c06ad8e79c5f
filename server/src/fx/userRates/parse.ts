/**
 * The user's rates file (issue 15): a desk's own fixings, one rate per line,
 *
 *     date,currency,units per USD          e.g.   2026-12-03,CNY,7.1182
 *
 * What a line may be, decided here once (the README repeats it for users):
 * - blank, or a comment: `#` starts a comment anywhere on a line (no field can hold one);
 * - the header: the first line that is not blank or a comment, when it has three fields and
 *   no digit at all (`date,currency,per_usd`, `Date;Currency;Rate`, any words and case);
 * - a rate: three fields separated by the file's separator, which is the first line's tab if
 *   it has one, else its semicolon if it has one, else a comma (spreadsheets in countries
 *   with a decimal comma export `;`); spaces around a field, and double quotes around one,
 *   are ignored;
 * - the date is a real calendar day, YYYY-MM-DD (a month alone is refused: the rate of a
 *   fixing applies from its day, and up to a week after it, fx/layers.ts USER_REACH_DAYS);
 * - the currency is a 3-letter code of a currency the analysis reads (any case); USD is 1
 *   per USD by definition and is refused;
 * - the rate is units of the currency per 1 USD, a positive decimal with a point: `7.1182`,
 *   `16250`; a comma (decimal or thousands) is refused with a message saying so, as are
 *   signs, exponents and spaces inside the number.
 * A UTF-8 byte order mark and CRLF or CR line ends are read as an editor reads them.
 * A bad line is a problem at its line and columns and is left out; the good lines count.
 * The same currency and day twice: the last line wins, a warning on the earlier one.
 * A currency's first rate that is nearer the inverse of the tables' rate of its day than the
 * rate itself (EUR 1.08 where the table has 0.92 per USD: a quote of USD per EUR) is kept, with a
 * warning; once per currency, so a file in the wrong direction is not a wall of warnings.
 *
 * Pure and linear: one pass over the text's code units, no regular expression.
 */
import type { Arg, MessageKey, Translator } from '../../l10n';
import { english } from '../../l10n';
import { currencyRow } from '../../analysis/currencyTable';
import { dayNumber } from '../dailyHistory';
import { rateAt } from '../rates';
import { rateLayer, setRateLayer } from '../layers';
import { MAX_RATE_PROBLEMS, MAX_RATE_ROWS, MAX_RATES_FILE_CHARS } from './limits';

export type RateSeparator = ',' | ';' | '\t';

/** One accepted rate. */
export interface UserRateRow {
  /** Upper-case ISO code. */
  currency: string;
  /** Days since 1970-01-01. */
  day: number;
  /** Units of the currency per 1 USD. */
  perUsd: number;
  /** 1-based line of the file. */
  line: number;
}

/** A problem of one line, located for a diagnostic: 1-based line and columns (UTF-16 code units). */
export interface RateFileProblem {
  line: number;
  column: number;
  /** Exclusive; equal to `column` for a place rather than a stretch (an empty field). */
  endColumn: number;
  /** An error leaves its line out; a warning keeps or replaces it knowingly. */
  severity: 'error' | 'warning';
  /** The message, in the l10n tables (ratesFile.*), with its arguments. */
  key: MessageKey;
  args: Arg[];
}

export interface ParsedUserRates {
  rows: UserRateRow[];
  problems: RateFileProblem[];
  separator: RateSeparator;
}

/** The sentence of a problem in one language. */
export function rateProblemText(p: RateFileProblem, tr: Translator = english): string {
  return tr(p.key, ...p.args);
}

/**
 * How far (as a ratio) a rate must be from the built-in one before it may be called inverted:
 * real moves stay within it (EUR 1.02 per USD in 2022 against 0.92 now), while an inverted
 * EUR, GBP or CHF is well beyond it.
 */
const INVERTED_MIN_RATIO = 1.12;

/** Whether `v` per USD reads as the inverse of the reference `ref` per USD (see INVERTED_MIN_RATIO). */
export function looksInverted(v: number, ref: number): boolean {
  const fromRef = Math.abs(Math.log(v / ref));
  const fromInverse = Math.abs(Math.log(v * ref));
  return fromRef > Math.log(INVERTED_MIN_RATIO) && fromInverse < fromRef;
}

/**
 * The rate of `code` on `date` from the tables (built-in and downloaded), without the user's
 * layer that the file being read may be about to replace. Synchronous: nothing else runs
 * while the layer is set aside.
 */
function referenceRate(code: string, date: string): number | null {
  const user = rateLayer('user');
  if (!user) return rateAt(code, date)?.perUsd ?? null;
  setRateLayer('user', null);
  try {
    return rateAt(code, date)?.perUsd ?? null;
  } finally {
    setRateLayer('user', user);
  }
}

/** Longest piece of a field quoted in a message: a hostile line must not make a huge one. */
const QUOTE_CHARS = 32;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Problems up to the cap, the rest counted; the first left out says where the count goes. */
class Problems {
  readonly list: RateFileProblem[] = [];
  private extra = 0;
  private firstExtra: RateFileProblem | null = null;

  add(p: RateFileProblem): void {
    if (this.list.length < MAX_RATE_PROBLEMS) this.list.push(p);
    else if (this.extra++ === 0) this.firstExtra = p;
  }

  /** In file order, and one more problem counting those not shown. */
  done(): RateFileProblem[] {
    const out = this.list.sort((a, b) => a.line - b.line || a.column - b.column);
    if (this.extra && this.firstExtra) {
      const f = this.firstExtra;
      out.push({ line: f.line, column: f.column, endColumn: f.endColumn, severity: 'warning', key: 'ratesFile.moreProblems', args: [this.extra] });
    }
    return out;
  }
}

export function parseUserRates(input: string): ParsedUserRates {
  const problems = new Problems();
  if (input.length > MAX_RATES_FILE_CHARS) {
    problems.add({ line: 1, column: 1, endColumn: 1, severity: 'error', key: 'ratesFile.tooLarge', args: [input.length.toLocaleString('en-US'), MAX_RATES_FILE_CHARS.toLocaleString('en-US')] });
    return { rows: [], problems: problems.done(), separator: ',' };
  }
  const text = input;
  const len = text.length;
  // An editor does not show the byte order mark: line 1's columns start after it.
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let separator: RateSeparator | null = null;
  let first = true;
  let contentLines = 0;
  const rows: (UserRateRow & { column: number; endColumn: number; replaced?: boolean })[] = [];
  /** Per currency, the row index of each day seen. */
  const seen = new Map<string, Map<number, number>>();

  let line = 0;
  let lineStart = pos;
  const quote = (s: number, e: number) => (e - s > QUOTE_CHARS ? text.slice(s, s + QUOTE_CHARS) + '…' : text.slice(s, e));
  const problem = (s: number, e: number, key: MessageKey, args: Arg[] = [], severity: 'error' | 'warning' = 'error') =>
    problems.add({ line, column: s - lineStart + 1, endColumn: e - lineStart + 1, severity, key, args });

  /** Trims spaces (and tabs, unless they separate) and one pair of double quotes: [start, end). */
  const trim = (s: number, e: number): [number, number] => {
    const blank = (c: number) => c === 32 || c === 0x3000 || (c === 9 && separator !== '\t');
    while (s < e && blank(text.charCodeAt(s))) s++;
    while (e > s && blank(text.charCodeAt(e - 1))) e--;
    if (e - s >= 2 && text.charCodeAt(s) === 34 && text.charCodeAt(e - 1) === 34) {
      s++;
      e--;
      while (s < e && blank(text.charCodeAt(s))) s++;
      while (e > s && blank(text.charCodeAt(e - 1))) e--;
    }
    return [s, e];
  };

  /** The date field's day, or null after reporting why not. */
  const readDate = (s: number, e: number): number | null => {
    if (s === e) return problem(s, e, 'ratesFile.emptyDate'), null;
    const value = text.slice(s, Math.min(e, s + 11));
    if (e - s === 10) {
      const day = dayNumber(value);
      if (day !== null) return day;
    }
    // Shapes: YYYY-MM (a month) and YYYY-MM-DD (a day that does not exist) get their own words.
    let shape = '';
    for (let i = s; i < e && i < s + 11; i++) shape += isDigit(text.charCodeAt(i)) ? 'd' : text[i];
    if (e - s === 7 && shape === 'dddd-dd') problem(s, e, 'ratesFile.month', [quote(s, e)]);
    else if (e - s === 10 && shape === 'dddd-dd-dd') problem(s, e, 'ratesFile.noSuchDay', [quote(s, e)]);
    else problem(s, e, 'ratesFile.date', [quote(s, e)]);
    return null;
  };

  /** The currency field's code, or null after reporting why not. */
  const readCurrency = (s: number, e: number): string | null => {
    if (s === e) return problem(s, e, 'ratesFile.emptyCurrency'), null;
    if (e - s !== 3 || !isAsciiLetter(text.charCodeAt(s)) || !isAsciiLetter(text.charCodeAt(s + 1)) || !isAsciiLetter(text.charCodeAt(s + 2))) {
      return problem(s, e, 'ratesFile.currency', [quote(s, e)]), null;
    }
    const code = text.slice(s, e).toUpperCase();
    if (code === 'USD') return problem(s, e, 'ratesFile.usd'), null;
    if (!currencyRow(code)) return problem(s, e, 'ratesFile.unknownCurrency', [code], 'warning'), null;
    return code;
  };

  /** The rate field's value, or null after reporting why not. */
  const readValue = (s: number, e: number): number | null => {
    if (s === e) return problem(s, e, 'ratesFile.emptyValue'), null;
    let digitsBefore = 0;
    let point = -1;
    let digitsAfter = 0;
    let comma = false;
    let other = false;
    for (let i = s; i < e; i++) {
      const c = text.charCodeAt(i);
      if (isDigit(c)) point < 0 ? digitsBefore++ : digitsAfter++;
      else if (c === 46 && point < 0) point = i;
      else if (c === 44) comma = true;
      else other = true;
    }
    const c0 = text.charCodeAt(s);
    if (c0 === 45) return problem(s, e, 'ratesFile.notPositive', [quote(s, e)]), null;
    if (comma && !other) return problem(s, e, 'ratesFile.comma', [quote(s, e)]), null;
    if (comma || other || digitsBefore === 0 || (point >= 0 && digitsAfter === 0)) return problem(s, e, 'ratesFile.value', [quote(s, e)]), null;
    const v = Number(text.slice(s, e));
    if (!Number.isFinite(v)) return problem(s, e, 'ratesFile.value', [quote(s, e)]), null;
    if (v <= 0) return problem(s, e, 'ratesFile.notPositive', [quote(s, e)]), null;
    return v;
  };

  const readLine = (end: number): boolean => {
    // A comment runs from '#' to the end of the line.
    let contentEnd = lineStart;
    while (contentEnd < end && text.charCodeAt(contentEnd) !== 35) contentEnd++;
    let s = lineStart;
    let hasDigit = false;
    let visible = false;
    for (let i = lineStart; i < contentEnd; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 0x3000) visible = true;
      if (isDigit(c)) hasDigit = true;
    }
    if (!visible) return true;
    if (++contentLines > MAX_RATE_ROWS) {
      problem(lineStart, contentEnd, 'ratesFile.tooManyRows', [MAX_RATE_ROWS.toLocaleString('en-US')]);
      return false;
    }
    if (separator === null) {
      separator = ',';
      for (let i = lineStart; i < contentEnd; i++) {
        const c = text.charCodeAt(i);
        if (c === 9) {
          separator = '\t';
          break;
        }
        if (c === 59) separator = ';';
      }
    }
    const sepCode = separator.charCodeAt(0);
    const fields: [number, number][] = [];
    for (let i = lineStart; i <= contentEnd; i++) {
      if (i === contentEnd || text.charCodeAt(i) === sepCode) {
        fields.push(trim(s, i));
        s = i + 1;
      }
    }
    const wasFirst = first;
    first = false;
    if (wasFirst && !hasDigit && fields.length === 3) return true; // the header
    const [whole0, whole1] = trim(lineStart, contentEnd);
    if (fields.length !== 3) {
      // `2026-12-03,CNY,7,1182`: a decimal comma in a comma-separated file.
      const digits = (f: [number, number]) => {
        if (f[0] === f[1]) return false;
        for (let i = f[0]; i < f[1]; i++) if (!isDigit(text.charCodeAt(i))) return false;
        return true;
      };
      if (fields.length === 4 && separator === ',' && digits(fields[2]) && digits(fields[3])) problem(fields[2][0], fields[3][1], 'ratesFile.comma', [quote(fields[2][0], fields[3][1])]);
      else problem(whole0, whole1, 'ratesFile.fields', [fields.length, separator === '\t' ? '"\\t"' : `"${separator}"`]);
      return true;
    }
    const day = readDate(...fields[0]);
    const code = readCurrency(...fields[1]);
    const perUsd = readValue(...fields[2]);
    if (day === null || code === null || perUsd === null) return true;
    let days = seen.get(code);
    if (!days) {
      seen.set(code, (days = new Map()));
      const ref = referenceRate(code, text.slice(fields[0][0], fields[0][1]));
      if (ref && looksInverted(perUsd, ref)) {
        problem(fields[2][0], fields[2][1], 'ratesFile.inverted', [code, quote(fields[2][0], fields[2][1]), String(ref), String(Number((1 / perUsd).toPrecision(6)))], 'warning');
      }
    }
    const before = days.get(day);
    if (before !== undefined) {
      const old = rows[before];
      old.replaced = true;
      problems.add({ line: old.line, column: old.column, endColumn: old.endColumn, severity: 'warning', key: 'ratesFile.duplicate', args: [code, text.slice(fields[0][0], fields[0][1]), line] });
    }
    days.set(day, rows.length);
    rows.push({ currency: code, day, perUsd, line, column: whole0 - lineStart + 1, endColumn: whole1 - lineStart + 1 });
    return true;
  };

  for (;;) {
    line++;
    lineStart = pos;
    let end = pos;
    while (end < len) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    if (!readLine(end) || end >= len) break;
    pos = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }

  const kept: UserRateRow[] = [];
  for (const r of rows) if (!r.replaced) kept.push({ currency: r.currency, day: r.day, perUsd: r.perUsd, line: r.line });
  return { rows: kept, problems: problems.done(), separator: separator ?? ',' };
}
