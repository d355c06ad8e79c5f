/**
 * Dated rates that come from outside the built-in tables: the user's own rates file
 * (kind 'user', it wins over everything) and the rates downloaded by `rates update`
 * (kind 'downloaded', it wins over the built-in history for the days it covers and is
 * the newest rate for today's notes). Both are the same shape: per currency, publication
 * days ascending and their values in units per 1 USD.
 *
 * The layers are module state, set by whoever reads those files (the language server's
 * rates loader, the CLI's --rates and its downloaded store); rates.ts consults them. A
 * process that sets none behaves exactly as the built-in tables alone.
 */
import { dayName } from './dailyHistory';

export type LayerKind = 'user' | 'downloaded';

export interface DayRate {
  /** Days since 1970-01-01. */
  day: number;
  /** Units of the currency per 1 USD. */
  perUsd: number;
}

export interface DatedRates {
  kind: LayerKind;
  /** Where the rates came from, in words for a hover ("desk-rates.csv", "ECB reference rate, downloaded 2026-12-03"). */
  source: string;
  /** Per currency (upper-case ISO code): days ascending, no day twice; `source` where a currency's rates come from elsewhere than the layer's (the Fed's H.10 beside the ECB's). */
  series: ReadonlyMap<string, { days: Int32Array; values: Float64Array; source?: string }>;
}

/**
 * How far back a user fixing stands in for a day without one (a weekend, a holiday): a
 * desk's file lists working days, so a Sunday note takes Friday's fixing; older than this
 * and the built-in or downloaded rates are used instead.
 */
export const USER_REACH_DAYS = 7;

const layers: Record<LayerKind, DatedRates | null> = { user: null, downloaded: null };

/** Installs (or, with null, removes) the layer of one kind. */
export function setRateLayer(kind: LayerKind, rates: DatedRates | null): void {
  layers[kind] = rates && rates.series.size > 0 ? rates : null;
}

export function rateLayer(kind: LayerKind): DatedRates | null {
  return layers[kind];
}

/**
 * Builds a layer from rows in any order; a later row for the same currency and day
 * replaces an earlier one (the last line of a file wins, as a reader would expect).
 */
export function buildLayer(kind: LayerKind, source: string, rows: Iterable<{ currency: string; day: number; perUsd: number }>): DatedRates {
  const byCode = new Map<string, Map<number, number>>();
  for (const r of rows) {
    let m = byCode.get(r.currency);
    if (!m) byCode.set(r.currency, (m = new Map()));
    m.set(r.day, r.perUsd);
  }
  const series = new Map<string, { days: Int32Array; values: Float64Array }>();
  for (const [code, m] of byCode) {
    const days = Int32Array.from([...m.keys()].sort((a, b) => a - b));
    const values = Float64Array.from(days, (d) => m.get(d)!);
    series.set(code, { days, values });
  }
  return { kind, source, series };
}

/** Index of the last day ≤ `day` in ascending `days`, or -1. */
export function atOrBefore(days: Int32Array, day: number): number {
  let lo = 0;
  let hi = days.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] <= day) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** A layer's rate of `code` for `day`: that day's, or the nearest earlier one within `reach` days (Infinity: any). */
export function layerRate(layer: DatedRates | null, code: string, day: number, reach: number): DayRate | null {
  const s = layer?.series.get(code);
  if (!s) return null;
  const i = atOrBefore(s.days, day);
  if (i < 0 || day - s.days[i] > reach) return null;
  return { day: s.days[i], perUsd: s.values[i] };
}

/** The newest rate of `code` in a layer, or null. */
export function layerLatest(layer: DatedRates | null, code: string): DayRate | null {
  const s = layer?.series.get(code);
  if (!s || s.days.length === 0) return null;
  const i = s.days.length - 1;
  return { day: s.days[i], perUsd: s.values[i] };
}

/** The newest day of any currency in a layer, YYYY-MM-DD, or null. */
export function layerNewestDay(layer: DatedRates | null): string | null {
  let best = -Infinity;
  for (const s of layer?.series.values() ?? []) if (s.days.length) best = Math.max(best, s.days[s.days.length - 1]);
  return best === -Infinity ? null : dayName(best);
}
