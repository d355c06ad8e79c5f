/**
 * Ticker syntax: reads the forms found in digests ("SZ:002865", "NASDAQ: HWEP", "06082.HK",
 * "0700.HK", "513770.SH", "$ARM", a bare "(HWEP)" after a name) and reduces them to one
 * canonical key per listing: "SZ:002865", "HK:00700", "NASDAQ:HWEP", or a bare US code.
 * Every scanner here works on folded text, allocates nothing unless it finds a ticker, and
 * looks at a bounded number of characters, so callers stay linear.
 */

/**
 * A lookup table without a prototype: these are indexed by slices of the note's text, and
 * a slice such as "constructor" must find nothing, not Object.prototype's members.
 */
const table = (entries: Record<string, string>): Readonly<Record<string, string | undefined>> => Object.freeze(Object.assign(Object.create(null), entries));

/** Exchange words accepted before a colon, mapped to the canonical prefix. */
const PREFIXES = table({
  SZ: 'SZ', SZSE: 'SZ', SH: 'SH', SS: 'SH', SSE: 'SH', BJ: 'BJ', BSE: 'BJ',
  HK: 'HK', HKEX: 'HK', HKG: 'HK', NASDAQ: 'NASDAQ', NYSE: 'NYSE', AMEX: 'AMEX',
  OTC: 'OTC', TSE: 'TSE', TYO: 'TSE', KRX: 'KRX', KS: 'KRX', TWSE: 'TWSE', TW: 'TWSE',
  TPEX: 'TPEX', LSE: 'LSE', EURONEXT: 'EURONEXT',
  // Exchanges of no listing in the gazetteer: read so that "(ASX:APE)" is a ticker, not the word ASX.
  ASX: 'ASX', TSX: 'TSX', NZX: 'NZX', SGX: 'SGX', KOSDAQ: 'KOSDAQ', BMV: 'BMV', JSE: 'JSE', NSE: 'NSE',
  // Europe, the Gulf, South-East Asia and Latin America, as the names data keys them.
  EPA: 'EPA', XETRA: 'XETRA', ETR: 'XETRA', SWX: 'SWX', SIX: 'SWX', AMS: 'AMS', BIT: 'BIT', BME: 'BME', STO: 'STO', CPH: 'CPH', EBR: 'EBR', LON: 'LSE',
  BIST: 'BIST', TADAWUL: 'TADAWUL', ADX: 'ADX', DFM: 'DFM', QSE: 'QSE', KSE: 'KSE', TASE: 'TASE', NGX: 'NGX',
  KLSE: 'KLSE', BURSA: 'KLSE', MYX: 'KLSE', IDX: 'IDX', SET: 'SET', PSE: 'PSE', HOSE: 'HOSE', HSX: 'HOSE', B3: 'B3', BVMF: 'B3', BCS: 'BCS',
});
/** Suffixes of other markets after a capital code ("BBCA.JK", "D05.SI", "BP.L"). */
const CODE_SUFFIXES = table({
  JK: 'IDX', SI: 'SGX', BK: 'SET', AX: 'ASX', TO: 'TSX', NS: 'NSE', DE: 'XETRA', PA: 'EPA', SW: 'SWX', MI: 'BIT', MC: 'BME', ST: 'STO', CO: 'CPH',
  IS: 'BIST', SA: 'B3', MX: 'BMV', JO: 'JSE', AD: 'ADX', QA: 'QSE', L: 'LSE',
});
/** Suffixes accepted after a dot ("0700.HK"). */
const SUFFIXES = table({
  SZ: 'SZ', SH: 'SH', SS: 'SH', BJ: 'BJ', HK: 'HK', T: 'TSE', KS: 'KRX', KQ: 'KRX',
  TW: 'TWSE', TWO: 'TPEX', AS: 'EURONEXT', L: 'LSE', US: 'US', O: 'NASDAQ', N: 'NYSE', KL: 'KLSE', SR: 'TADAWUL',
});
/** Reuters suffixes of US listings ("JD.O", "BABA.N"). */
const RIC = table({ O: 'NASDAQ', OQ: 'NASDAQ', N: 'NYSE', K: 'NYSE', A: 'AMEX', US: 'US' });
/** Exchange prefixes that may be glued to a numeric code ("HK00700", "SZ300750"). */
const GLUED = table({ HK: 'HK', SH: 'SH', SZ: 'SZ', BJ: 'BJ' });
/** Exchanges whose bare code is also looked up as a US ticker. */
const US = new Set(['NASDAQ', 'NYSE', 'AMEX', 'OTC', 'US']);

/** A ticker found in the text. */
export interface TickerMatch {
  /** End offset (exclusive) of the ticker text. */
  end: number;
  /** Canonical key, e.g. "SZ:002865", "HK:00700", "NASDAQ:NVDA"; bare US codes as written. */
  key: string;
  /** Bare US code when the exchange is a US one, for a second lookup; else null. */
  bare: string | null;
  /** True for six-digit mainland codes of exchange-traded funds (51xxxx, 15xxxx, 56xxxx, 58xxxx, 16xxxx). */
  fund: boolean;
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlnum = (c: number) => isUpper(c) || isDigit(c) || (c >= 97 && c <= 122);

function canonical(prefix: string, code: string): TickerMatch['key'] {
  if (prefix === 'HK') return `HK:${code.padStart(5, '0')}`;
  if (prefix === 'US') return code;
  return `${prefix}:${code}`;
}

function isFundCode(code: string): boolean {
  return code.length === 6 && /^(51|15|56|58|16|50|52)/.test(code);
}

function make(end: number, prefix: string, code: string): TickerMatch {
  return { end, key: canonical(prefix, code), bare: US.has(prefix) ? code : null, fund: (prefix === 'SH' || prefix === 'SZ') && isFundCode(code) };
}

/**
 * Reads a ticker in explicit form at `start`: "EX:CODE", "EX: CODE", "CODE.SUF" or "$CODE".
 * Returns null when the text there is not one. The caller checks the left word edge.
 */
export function readTicker(s: string, start: number, limit = s.length): TickerMatch | null {
  const c = s.charCodeAt(start);
  if (c === 36 /* $ */) {
    let j = start + 1;
    while (j < limit && j - start <= 6 && isUpper(s.charCodeAt(j))) j++;
    if (j === start + 1 || j - start > 6 || (j < limit && isAlnum(s.charCodeAt(j)))) return null;
    return make(j, 'US', s.slice(start + 1, j));
  }
  if (isUpper(c)) {
    let j = start;
    while (j < limit && j - start < 9 && isUpper(s.charCodeAt(j))) j++;
    // "Nasdaq: TSVT": an exchange written in title case before its colon.
    if (j - start === 1) while (j < limit && j - start < 9 && s.charCodeAt(j) >= 97 && s.charCodeAt(j) <= 122) j++;
    const titled = j - start > 1 && s.charCodeAt(start + 1) >= 97;
    if (titled && (j - start < 4 || s.charCodeAt(j) !== 58)) return null;
    const after = s.charCodeAt(j);
    if (after === 46 /* . */ && !titled && (j - start <= 5 || CODE_SUFFIXES[s.slice(j + 1, j + 3)])) {
      // A Reuters-style code: "JD.O", "BABA.N", "PDD.OQ"; "BBCA.JK", "BP.L" elsewhere.
      let k = j + 1;
      while (k < limit && k - j <= 3 && isUpper(s.charCodeAt(k))) k++;
      const exchange = j - start <= 5 ? RIC[s.slice(j + 1, k)] ?? CODE_SUFFIXES[s.slice(j + 1, k)] : CODE_SUFFIXES[s.slice(j + 1, k)];
      if (!exchange || (k < limit && isAlnum(s.charCodeAt(k)))) return null;
      return make(k, exchange, s.slice(start, j));
    }
    if (isDigit(after) && j - start === 2) {
      // An exchange glued to its code: "HK00700", "SH600519".
      const prefix = GLUED[s.slice(start, j)];
      let k = j;
      while (k < limit && k - j < 7 && isDigit(s.charCodeAt(k))) k++;
      const len = k - j;
      if (!prefix || (k < limit && isAlnum(s.charCodeAt(k))) || (prefix === 'HK' ? len < 4 || len > 5 : len !== 6)) return null;
      return make(k, prefix, s.slice(j, k));
    }
    if (after !== 58 /* : */) return null;
    const prefix = PREFIXES[titled ? s.slice(start, j).toUpperCase() : s.slice(start, j)];
    if (!prefix) return null;
    let k = j + 1;
    while (k < limit && s.charCodeAt(k) === 32) k++;
    const codeStart = k;
    while (k < limit && k - codeStart < 8 && (isUpper(s.charCodeAt(k)) || isDigit(s.charCodeAt(k)) || (s.charCodeAt(k) === 46 && isUpper(s.charCodeAt(k + 1))))) k++;
    if (k === codeStart || (k < limit && isAlnum(s.charCodeAt(k)))) return null;
    return make(k, prefix, s.slice(codeStart, k));
  }
  if (isDigit(c)) {
    let j = start;
    while (j < limit && j - start < 7 && isDigit(s.charCodeAt(j))) j++;
    const len = j - start;
    if (len < 4 || len > 6 || s.charCodeAt(j) !== 46 /* . */) return null;
    let k = j + 1;
    while (k < limit && k - j <= 4 && isUpper(s.charCodeAt(k))) k++;
    if (k === j + 1 || (k < limit && isAlnum(s.charCodeAt(k)))) return null;
    const prefix = SUFFIXES[s.slice(j + 1, k)];
    if (!prefix) return null;
    return make(k, prefix, s.slice(start, j));
  }
  return null;
}

/**
 * Reads a whole parenthesised item as a ticker: the explicit forms, a bare US code of one to
 * five capitals ("HWEP", "BRK.B"), or a bare numeric code (six digits: mainland by its first
 * digit; five: Hong Kong). Returns null when the item is not ticker-shaped.
 */
function isDigits(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) < 48 || s.charCodeAt(k) > 57) return false;
  return s.length > 0;
}

/** Capital letters with at most one inner dot ("CGX", "BBD.B"). */
function isUpperCode(code: string): boolean {
  if (!code.length || code.length > 6) return false;
  let dots = 0;
  for (let k = 0; k < code.length; k++) {
    const c = code.charCodeAt(k);
    if (c === 46 && k > 0 && k < code.length - 1) dots++;
    else if (c < 65 || c > 90) return false;
  }
  return dots <= 1;
}

export function parseTickerItem(item: string): TickerMatch | null {
  const t = readTicker(item, 0);
  if (t && t.end === item.length) return t;
  if (/^[A-Z]{1,5}(\.[A-Z])?$/.test(item)) return make(item.length, 'US', item);
  // Hong Kong listings written "02153-HK" (as Taiwan and Hong Kong papers write "-US").
  if ((item.length === 7 || item.length === 8) && item.endsWith('-HK') && isDigits(item.slice(0, -3))) return make(item.length, 'HK', item.slice(0, -3));
  // Taiwan and Hong Kong papers write US listings as "F-US", "AAPL-US".
  const us = /^([A-Z]{1,5})-US$/.exec(item);
  if (us) return make(item.length, 'US', us[1]);
  // Canadian papers write Toronto listings as "CGX-T" (and the venture board's as "ABC-V").
  if (item.length >= 3 && item.length <= 9 && item.charCodeAt(item.length - 2) === 45 && (item.endsWith('T') || item.endsWith('V')) && isUpperCode(item.slice(0, -2))) {
    return make(item.length, item.endsWith('T') ? 'TSX' : 'TSXV', item.slice(0, -2));
  }
  // ...and Taiwan listings as "3272-TW" (the exchange's own) or "6488-TWO" (over the counter).
  if ((item.length === 7 || item.length === 8) && item.startsWith('-TW', 4) && (item.length === 7 || item[7] === 'O') && isDigits(item.slice(0, 4))) {
    const code = item.slice(0, 4);
    return { end: item.length, key: item.length === 8 ? `TPEX:${code}` : `TWSE:${code}`, bare: `TPEX:${code}`, fund: false };
  }
  if (/^\d{6}$/.test(item)) {
    const d = item.charCodeAt(0);
    const prefix = d === 54 || d === 53 || d === 57 ? 'SH' : d === 48 || d === 51 || d === 49 ? 'SZ' : 'BJ';
    return make(item.length, prefix, item);
  }
  if (/^\d{5}$/.test(item)) return make(item.length, 'HK', item);
  // Four digits: a Taiwan code, else a Hong Kong one written short ("2330", "2888").
  if (/^\d{4}$/.test(item)) return { end: item.length, key: `TWSE:${item}`, bare: `HK:0${item}`, fund: false };
  return null;
}

/**
 * Normalises any written ticker to the canonical key used by the gazetteer, or returns
 * the input trimmed when it has no recognisable form.
 */
export function normaliseTicker(written: string): string {
  const item = written.trim().replace(/^\(|\)$/g, '').replace(/^\$/, '');
  const t = parseTickerItem(item);
  return t ? t.key : item;
}
