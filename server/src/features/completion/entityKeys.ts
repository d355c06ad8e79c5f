/**
 * A prefix index over every name, alias and ticker of a list of entities, for completion
 * (issue 17). Keys are folded as workspace symbols fold them (features/workspaceSymbols.ts
 * `foldKey`: Traditional to Simplified, full-width to ASCII, lowercase), so 騰 and 腾 find
 * the same names. Tickers are keyed as written canonically ("hk:00700"), by their code
 * ("00700", "baba"), in the suffix form notes use ("0700.hk") and, for codes of digits, by
 * the digits without leading zeros under a mark of their own ("#700"): typing 0700, 00700
 * or 700 finds Tencent, and a name never collides with a code.
 *
 * Built once per entity list (the built-in list is 24,000 entities: a sort of about 150,000
 * keys, ~100 ms) and kept; a lookup is a binary search and a walk over the keys that share
 * the prefix, so it costs nothing like a scan of every name.
 */
import type { Entity } from '../../analysis/types';
import { foldCode } from '../../analysis/text';

/** A sorted list of folded keys; `entity[i]` is the position in the list of the key's entity. */
export interface EntityKeys {
  readonly keys: string[];
  readonly entity: Int32Array;
  /** 1 where the key is a ticker form, 0 for a name. */
  readonly ticker: Uint8Array;
}

/**
 * A short name folded as workspace symbols fold their queries (`foldKey`: Traditional to
 * Simplified, full-width to ASCII, lowercase, trimmed), code unit by code unit: names are
 * tiny and there are 100,000 of them, so the whole-document folder's buffers are not used.
 */
export function foldName(s: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const f = foldCode(c);
    if (f !== c) changed = true;
    out += String.fromCharCode(f);
  }
  return (changed ? out : s).toLowerCase().trim();
}

/** The mark before a code of digits without its leading zeros. */
export const DIGITS_MARK = '#';

/** True for a non-empty string of ASCII digits. */
export function allDigits(s: string): boolean {
  if (!s) return false;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 48 || s.charCodeAt(i) > 57) return false;
  return true;
}

/** Digits without their leading zeros ("00700" → "700"; "000" → "0"). */
export function stripZeros(s: string): string {
  let i = 0;
  while (i < s.length - 1 && s.charCodeAt(i) === 48) i++;
  return s.slice(i);
}

/** How a ticker's code is written in notes after a dot ("0700.HK", "300750.SZ"), by exchange. */
const DOT_SUFFIX: Readonly<Record<string, string>> = Object.assign(Object.create(null), {
  HK: 'HK', SZ: 'SZ', SH: 'SH', BJ: 'BJ', TSE: 'T', KRX: 'KS', TWSE: 'TW', TPEX: 'TWO', LSE: 'L',
});
/** US exchanges: their codes are written bare ("BABA", "NVDA"). */
const US_EXCHANGES = new Set(['NASDAQ', 'NYSE', 'AMEX', 'US']);

/** The exchange and code of a canonical ticker ("HK:00700" → HK, 00700; "TCEHY" → US, TCEHY). */
export function splitTicker(ticker: string): { exchange: string; code: string } {
  const colon = ticker.indexOf(':');
  return colon > 0 ? { exchange: ticker.slice(0, colon), code: ticker.slice(colon + 1) } : { exchange: 'US', code: ticker };
}

/**
 * A ticker as notes usually write it: "0700.HK" (Hong Kong codes with four digits at
 * least), "300750.SZ", a US code bare ("BABA"), any other as its canonical form.
 */
export function dotTicker(ticker: string): string {
  const { exchange, code } = splitTicker(ticker);
  if (US_EXCHANGES.has(exchange)) return code;
  const suffix = DOT_SUFFIX[exchange];
  if (!suffix) return ticker;
  const shown = exchange === 'HK' ? stripZeros(code).padStart(4, '0') : code;
  return `${shown}.${suffix}`;
}

/** The forms a ticker is searched under (folded), each once. */
export function tickerKeys(ticker: string): string[] {
  const { code } = splitTicker(ticker);
  const out = new Set([foldName(ticker), foldName(code), foldName(dotTicker(ticker))]);
  if (allDigits(code)) out.add(DIGITS_MARK + stripZeros(code));
  return [...out].filter(Boolean);
}

/** Builds the index of a list of entities (names, aliases, tickers; the display name too). */
export function buildEntityKeys(entities: readonly Entity[]): EntityKeys {
  const rows: { key: string; entity: number; ticker: number }[] = [];
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i];
    const seen = new Set<string>();
    const add = (key: string, ticker: number) => {
      if (!key || seen.has(key)) return;
      seen.add(key);
      rows.push({ key, entity: i, ticker });
    };
    add(foldName(e.name), 0);
    for (const n of e.names) add(foldName(n), 0);
    for (const t of e.tickers) for (const k of tickerKeys(t)) add(k, 1);
  }
  // Plain code-unit order, which is the order startsWith walks in.
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.entity - b.entity));
  return {
    keys: rows.map((r) => r.key),
    entity: Int32Array.from(rows, (r) => r.entity),
    ticker: Uint8Array.from(rows, (r) => r.ticker),
  };
}

/** The first position whose key is not below `prefix`. */
function lowerBound(keys: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One entity found by a prefix: whether a key equals the prefix, whether a ticker form matched. */
export interface KeyHit {
  entity: number;
  exact: boolean;
  byTicker: boolean;
}

/** Whether any key begins with `prefix` (folded). */
export function hasPrefix(index: EntityKeys, prefix: string): boolean {
  const at = lowerBound(index.keys, prefix);
  return at < index.keys.length && index.keys[at].startsWith(prefix);
}

/**
 * Entities with a key beginning with `prefix` (folded), each once, in key order; at most
 * `limit` keys are walked, so a two-letter prefix of thousands of names stays bounded.
 */
export function entitiesWithPrefix(index: EntityKeys, prefix: string, limit = 5000): KeyHit[] {
  const out = new Map<number, KeyHit>();
  const { keys } = index;
  for (let i = lowerBound(keys, prefix), n = 0; i < keys.length && n < limit && keys[i].startsWith(prefix); i++, n++) {
    const e = index.entity[i];
    const exact = keys[i].length === prefix.length;
    const byTicker = index.ticker[i] === 1;
    const hit = out.get(e);
    if (!hit) out.set(e, { entity: e, exact, byTicker });
    else {
      // A name match wins over a ticker one ("baba" is both an alias and a code of Alibaba).
      if (exact && !hit.exact) hit.exact = true;
      if (!byTicker) hit.byTicker = false;
    }
  }
  return [...out.values()];
}
