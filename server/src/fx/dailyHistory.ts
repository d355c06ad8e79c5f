/**
 * The built-in DAILY rate history (ECB reference rates, and the Fed's H.10 rates for
 * currencies the ECB does not publish, from 2015), decoded from server/data/rates-daily.json
 * (scripts/build-rates-daily.mjs describes the packed form) into units per 1 USD. Only
 * rates.ts reads it: that module stays the one owner of the rate table and decides when a
 * day's rate is used.
 */
import { builtinData } from '../data/builtin';

interface PackedSeries {
  decimals: number;
  deltas: string;
  /** 1: each field is the difference from the previous value moved with the dollar (scripts/build-rates-daily.mjs, pack). */
  usd?: 1;
}

interface DailyFile {
  sources: { ecb: string; fed: string };
  from: string;
  gaps: string;
  /** The ECB's figures, units per 1 EUR (USD among them). */
  perEur: Record<string, PackedSeries>;
  /** The Fed's figures for currencies the ECB does not publish, units per 1 USD. */
  perUsd: Record<string, PackedSeries>;
}

export interface DailyHistory {
  /** Publication days, as days since 1970-01-01, ascending. */
  days: Int32Array;
  /** The currencies with a daily series (EUR included). */
  codes: ReadonlySet<string>;
  /** A currency's value in units per 1 USD on each publication day, NaN where there is none; undefined for a currency without a series. */
  series(code: string): Float64Array | undefined;
  /** Who published a currency's daily rates ("ECB reference rate", "Federal Reserve H.10 noon buying rate"). */
  sourceOf(code: string): string;
}

/** Days since 1970-01-01 of a "YYYY-MM-DD" date, or null when it is not a real calendar day. */
export function dayNumber(date: string): number | null {
  if (date.length !== 10) return null;
  for (let i = 0; i < 10; i++) {
    const c = date.charCodeAt(i);
    if (i === 4 || i === 7 ? c !== 45 : c < 48 || c > 57) return null; // YYYY-MM-DD, digits and dashes only
  }
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(ms)) return null;
  const n = ms / 86400000;
  return dayName(n) === date ? n : null; // Date.parse accepts 2024-02-30; the round trip does not
}

export function dayName(n: number): string {
  return new Date(n * 86400000).toISOString().slice(0, 10);
}

/**
 * One currency's packed fields → its published figures as the build's integers (figure ×
 * 10^decimals; NaN for an empty field). A series marked `usd` was coded against the
 * previous figure moved with the dollar: `usdScaled` is USD per EUR as such integers.
 */
function decodeScaled(packed: PackedSeries, length: number, usdScaled?: Float64Array): Float64Array {
  const out = new Float64Array(length).fill(NaN);
  // split() and unary + run in native code: a hand-written digit loop over the ~15,000
  // characters got hot enough for V8 to optimise it, and that compilation alone added
  // about 4 MB of resident memory (npm run bench, case rates), twice the whole history.
  // For the same reason each series is decoded once, in one loop.
  const fields = packed.deltas.split(',');
  const moved = packed.usd === 1 && usdScaled !== undefined;
  let q = 0;
  let lastDay = -1;
  for (let i = 0; i < fields.length; i++) {
    if (fields[i] === '') continue;
    // The same arithmetic as the build's, so the same integers come back.
    q = (moved && lastDay >= 0 ? Math.round((q * usdScaled[i]) / usdScaled[lastDay]) : q) + +fields[i];
    lastDay = i;
    out[i] = q;
  }
  return out;
}

/**
 * Decodes the packed history: the days at once, each currency's values when first asked
 * for (a note converts a handful of currencies; decoding all of them would triple the load
 * time). An ECB currency is X per EUR / USD per EUR on the days both were published.
 */
export function decodeDaily(file: DailyFile): DailyHistory {
  const days = new Int32Array(file.gaps.length);
  let day = dayNumber(file.from)! - 1;
  for (let i = 0; i < file.gaps.length; i++) {
    const c = file.gaps.charCodeAt(i);
    days[i] = day += c <= 57 ? c - 48 : c - 87; // one base-36 digit
  }
  const decoded = new Map<string, Float64Array>();
  const codes = new Set([...Object.keys(file.perEur).filter((c) => c !== 'USD'), 'EUR', ...Object.keys(file.perUsd)]);
  let usdScaled: Float64Array | undefined;
  const scaleOf = (p: PackedSeries) => 10 ** p.decimals;
  const derive = (code: string): Float64Array => {
    if (code in file.perUsd) {
      const p = file.perUsd[code];
      const scale = scaleOf(p);
      return decodeScaled(p, days.length).map((q) => q / scale);
    }
    const usd = file.perEur.USD;
    usdScaled ??= decodeScaled(usd, days.length);
    const uScale = scaleOf(usd);
    if (code === 'EUR') return usdScaled.map((u) => 1 / (u / uScale));
    const p = file.perEur[code];
    const scale = scaleOf(p);
    const perEur = decodeScaled(p, days.length, usdScaled);
    // X per USD = (X per EUR) / (USD per EUR), from the published figures; NaN stays NaN.
    for (let i = 0; i < perEur.length; i++) perEur[i] = perEur[i] / scale / (usdScaled[i] / uScale);
    return perEur;
  };
  return {
    days,
    codes,
    series(code) {
      if (!codes.has(code)) return undefined;
      let v = decoded.get(code);
      if (!v) decoded.set(code, (v = derive(code)));
      return v;
    },
    sourceOf(code) {
      return code in file.perUsd ? file.sources.fed : file.sources.ecb;
    },
  };
}

let cached: DailyHistory | undefined;

/** The built-in daily history, decoded on first use. */
export function dailyHistory(): DailyHistory {
  return (cached ??= decodeDaily(builtinData('rates-daily') as DailyFile));
}

/** Index of the last publication day ≤ `day`, or -1. */
export function dayIndexAtOrBefore(h: DailyHistory, day: number): number {
  let lo = 0;
  let hi = h.days.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (h.days[mid] <= day) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
