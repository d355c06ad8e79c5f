/**
 * What the rate sources' parsers, the download and the store pass each other (issue 15,
 * downloaded rates). Reasons are codes, not sentences: the server writes them in the user's
 * language and the CLI in English, from the same catalogue (l10n/messages.ts, "rates.*").
 */

/** One downloaded rate: units of `currency` per 1 USD on `day` (days since 1970-01-01). */
export interface RateRow {
  currency: string;
  day: number;
  perUsd: number;
}

/** The two sources a `rates update` reads. */
export type SourceId = 'ecb' | 'fed';

/** Why a source gave nothing usable; the message key is `rates.why.<code>`. */
export type FailureCode =
  | 'tooLarge'
  | 'html'
  | 'notXml'
  | 'truncated'
  | 'noCube'
  | 'noUsd'
  | 'noRows'
  | 'notCsv'
  | 'noSeries'
  | 'status'
  | 'timeout'
  | 'network'
  | 'redirect'
  | 'badUrl';

export interface Failure {
  code: FailureCode;
  /** A detail for the message: the HTTP status, the system's error, the size. */
  detail?: string;
}

export type Parsed = { ok: true; rows: RateRow[] } | ({ ok: false } & Failure);

/** Largest source file read: the ECB's 90-day file is about 40 KB, the Fed's CSV less. */
export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

/** The source names the hover and `rates status` show. */
export const SOURCE_NAMES: Readonly<Record<SourceId, string>> = Object.freeze({
  ecb: 'ECB reference rate',
  fed: 'Federal Reserve H.10 noon buying rate',
});

/** Whether `s` is an upper-case three-letter code, checked by character (no regular expression). */
export function isCode(s: string): boolean {
  if (s.length !== 3) return false;
  for (let i = 0; i < 3; i++) {
    const c = s.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/** A positive finite decimal, or NaN: Number() alone would take "", "0x10" or "Infinity". */
export function positiveNumber(s: string): number {
  const t = s.trim();
  if (t === '') return NaN;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 46)) return NaN;
  }
  const n = Number(t);
  return Number.isFinite(n) && n > 0 ? n : NaN;
}

/**
 * A derived rate to 10 significant digits: the sources publish 5 or 6, so nothing is lost,
 * and 8.4 / 1.2 is stored as 7, not 7.000000000000001.
 */
export function roundRate(v: number): number {
  return Number(v.toPrecision(10));
}

/** Whether a text looks like an HTML page (an error page served with status 200). */
export function looksLikeHtml(head: string): boolean {
  const h = head.slice(0, 512).trimStart().toLowerCase();
  return h.startsWith('<!doctype html') || h.startsWith('<html') || h.includes('<html');
}
