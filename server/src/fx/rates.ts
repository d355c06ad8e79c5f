/**
 * The built-in exchange-rate table: monthly averages in units of currency per 1 USD,
 * generated into server/data/rates.json by scripts/build-rates.mjs, plus user overrides.
 *
 * Lookup rule (DESIGN §7, issue 15): an amount dated to the DAY converts at that day's
 * reference rate when one was published (the daily history, dailyHistory.ts); else at the
 * month's average; else at the nearest earlier published day. A date later than both
 * tables (today's notes) converts at the newest rate there is, with its age (stale after
 * STALE_AFTER_MONTHS); a date earlier than the table, at the first month. An amount dated
 * only to a month converts at that month's average; an undated one at the latest month, or at
 * the newest downloaded day when that is newer.
 * The result's `kind` and `date` say which rate was used.
 */
import { builtinData } from '../data/builtin';
import { dailyHistory, dayIndexAtOrBefore, dayName, dayNumber } from './dailyHistory';
import { layerLatest, layerRate, rateLayer, USER_REACH_DAYS, type DatedRates, type DayRate } from './layers';

/**
 * Which rate was used: the day's own reference rate from the built-in history, a monthly
 * average, the nearest earlier published day of the built-in history, the user's own
 * value (a setting or the user's rates file), or a rate downloaded by `rates update`
 * (that day's, or the nearest earlier one: `date` says which day).
 */
export type RateKind = 'daily' | 'monthly' | 'nearest-earlier' | 'user' | 'downloaded';

/** One rate, with everything a hover needs to say where it came from. */
export interface RateInfo {
  /** Which rate this is (see RateKind). */
  kind: RateKind;
  /** The rate's own date: YYYY-MM-DD for a day's rate, YYYY-MM for a monthly average. */
  date: string;
  /** ISO 4217 code, upper case. */
  currency: string;
  /** Units of `currency` per 1 USD. */
  perUsd: number;
  /** The month the rate stands for, YYYY-MM (the month of `date`). */
  month: string;
  /** Human-readable source name, or "user setting" for an override. */
  source: string;
  /**
   * Months between the date asked for and the rate's month: 0 when the month covers the
   * date, > 0 when the date is later than the rate (the table ends earlier), < 0 when the
   * date is earlier than the first month of the table.
   */
  ageMonths: number;
  /** True when the rate is STALE_AFTER_MONTHS or more away from the date asked for. */
  stale: boolean;
  /** For a user or downloaded rate: true when it is an earlier day's, the asked day having none. */
  earlier?: boolean;
}

/** A "latest" hint kept next to the monthly table: the newest daily or spot quote. */
export interface LatestRate {
  currency: string;
  perUsd: number;
  /** YYYY-MM-DD. */
  date: string;
  source: string;
  kind: 'daily' | 'spot';
}

/** A rate this many months or more away from the date is flagged as stale. */
export const STALE_AFTER_MONTHS = 3;

/** Source name used for rates that come from the user's settings. */
export const USER_SOURCE = 'user setting';

interface Series {
  source: string;
  first: number;
  values: (number | null)[];
}

interface RatesFile {
  sources: Record<string, string>;
  currencies: Record<string, { source: string; from: string; values: (number | null)[] }>;
  latest: Record<'daily' | 'spot', { date: string; source: string; values: Record<string, number> }>;
}

const file = builtinData('rates') as RatesFile;
const SERIES = new Map<string, Series>();
let LATEST_MONTH = 0;
for (const [code, s] of Object.entries(file.currencies)) {
  const first = monthIndex(s.from)!;
  SERIES.set(code, { source: file.sources[s.source] ?? s.source, first, values: s.values });
  LATEST_MONTH = Math.max(LATEST_MONTH, first + s.values.length - 1);
}

/** Parses "YYYY-MM" or "YYYY-MM-DD" (the day is checked loosely) into a month index. */
function monthIndex(date: string): number | null {
  if (date.length < 7 || date.charCodeAt(4) !== 45) return null;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  if (!Number.isInteger(y) || !Number.isInteger(m) || m < 1 || m > 12) return null;
  if (date.length !== 7 && !(date.length === 10 && date.charCodeAt(7) === 45)) return null;
  return y * 12 + (m - 1);
}

function monthName(index: number): string {
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${m < 10 ? '0' : ''}${m}`;
}

function info(currency: string, perUsd: number, month: number, source: string, asked: number | null, kind: RateKind = 'monthly', day?: string): RateInfo {
  const ageMonths = asked === null ? 0 : asked - month;
  return {
    kind,
    date: day ?? monthName(month),
    currency,
    perUsd,
    month: monthName(month),
    source,
    ageMonths,
    stale: Math.abs(ageMonths) >= STALE_AFTER_MONTHS,
  };
}

/** Looks a user override up, case-insensitively; ignores values that are not positive numbers. */
function override(code: string, overrides: Record<string, number> | undefined): number | null {
  if (!overrides) return null;
  for (const key of Object.keys(overrides)) {
    if (key.trim().toUpperCase() === code) {
      const v = overrides[key];
      if (typeof v === 'number' && Number.isFinite(v) && v > 0) return v;
    }
  }
  return null;
}

/**
 * The rate of `currency` (units per 1 USD) for an amount dated `date` ("YYYY-MM-DD" or
 * "YYYY-MM"; null or unparsable means undated). USD is always 1. A positive override
 * (from the user's settings, per USD) wins over the table. A currency with no monthly
 * series falls back on its latest daily or spot quote. Unknown currency → null.
 */
export function rateAt(currency: string, date: string | null, overrides?: Record<string, number>): RateInfo | null {
  const code = currency.trim().toUpperCase();
  const asked = date === null ? null : monthIndex(date);
  if (code === 'USD') return info('USD', 1, asked ?? LATEST_MONTH, 'definition', asked);
  const user = override(code, overrides);
  if (user !== null) return info(code, user, asked ?? LATEST_MONTH, USER_SOURCE, asked, 'user');
  const day = date === null ? null : dayNumber(date);
  const layered = layeredRate(code, date, day, asked);
  if (layered) return layered;
  const builtin = builtinRate(code, date, day, asked);
  // Today's notes: the built-in tables end months ago; a downloaded rate of a later day
  // is the nearest earlier day there is (the note's own month average is still preferred).
  if (day !== null && (!builtin || (builtin.kind !== 'daily' && !(builtin.kind === 'monthly' && builtin.ageMonths === 0)))) {
    const layer = rateLayer('downloaded');
    const d = layerRate(layer, code, day, Infinity);
    if (d && (!builtin || dayName(d.day) > builtin.date)) return dayInfo(code, d, layer!, asked, day);
  }
  // An undated amount converts at the latest rate: a downloaded day newer than the tables is that.
  if (date === null) {
    const layer = rateLayer('downloaded');
    const d = layerLatest(layer, code);
    if (d && (!builtin || dayName(d.day) > builtin.date)) return dayInfo(code, d, layer!, asked);
  }
  return builtin;
}

/** The built-in tables' rate (see `rateAt`), without the user's and downloaded layers. */
function builtinRate(code: string, date: string | null, day: number | null, asked: number | null): RateInfo | null {
  const series = SERIES.get(code);
  if (!series) {
    const hint = latestRate(code);
    if (!hint) return null;
    return info(code, hint.perUsd, monthIndex(hint.date)!, hint.source, asked);
  }
  const last = series.first + series.values.length - 1;
  if (day !== null && asked !== null) {
    const daily = dailyRate(code, day, asked, series, last);
    if (daily) return daily;
  }
  let month = asked === null ? last : Math.min(Math.max(asked, series.first), last);
  // Walk back over missing months; if none before, forward to the first present one.
  let i = month - series.first;
  while (i >= 0 && series.values[i] === null) i--;
  if (i < 0) {
    i = month - series.first;
    while (i < series.values.length && series.values[i] === null) i++;
    if (i >= series.values.length) return null;
  }
  month = series.first + i;
  return info(code, series.values[i] as number, month, series.source, asked);
}

/** A RateInfo for one day's rate of a layer. */
function dayInfo(code: string, r: DayRate, layer: DatedRates, asked: number | null, day: number | null = null): RateInfo {
  const name = dayName(r.day);
  const out = info(code, r.perUsd, monthIndex(name)!, layer.series.get(code)?.source ?? layer.source, asked, layer.kind, name);
  if (day !== null && r.day < day) out.earlier = true;
  return out;
}

/**
 * The user's rates file and the downloaded rates, which come before the built-in tables:
 * a day's user fixing (or the nearest earlier one within USER_REACH_DAYS), then the
 * downloaded rate of that very day. A month-only date takes the user's last fixing inside
 * that month; an undated amount the user's newest fixing.
 */
function layeredRate(code: string, date: string | null, day: number | null, asked: number | null): RateInfo | null {
  const user = rateLayer('user');
  if (day !== null) {
    const u = layerRate(user, code, day, USER_REACH_DAYS);
    if (u) return dayInfo(code, u, user!, asked, day);
    const downloaded = rateLayer('downloaded');
    const d = layerRate(downloaded, code, day, 0);
    return d && dayInfo(code, d, downloaded!, asked, day);
  }
  if (!user) return null;
  if (date === null) {
    const u = layerLatest(user, code);
    return u && dayInfo(code, u, user, asked);
  }
  if (asked === null) return null;
  const monthEnd = Date.UTC(Math.floor(asked / 12), (asked % 12) + 1, 0) / 86400000;
  const u = layerRate(user, code, monthEnd, 30);
  return u && monthIndex(dayName(u.day)) === asked ? dayInfo(code, u, user, asked) : null;
}

/**
 * The daily-history part of `rateAt` for a date `day` in month `asked`: the day's own rate;
 * null when the month's average should be used instead (the month is in the monthly
 * table, or the date is before the history); else the nearest earlier day, unless the
 * monthly table reaches further (then its latest month, the newest rate, is used).
 */
function dailyRate(code: string, day: number, asked: number, series: Series, lastMonth: number): RateInfo | null {
  const h = dailyHistory();
  const values = h.series(code);
  if (!values) return null;
  let i = dayIndexAtOrBefore(h, day);
  if (i >= 0 && h.days[i] === day && !Number.isNaN(values[i])) {
    return info(code, values[i], asked, h.sourceOf(code), asked, 'daily', dayName(day));
  }
  const idx = asked - series.first;
  if (idx >= 0 && idx < series.values.length && series.values[idx] !== null) return null;
  while (i >= 0 && Number.isNaN(values[i])) i--;
  if (i < 0) return null;
  const name = dayName(h.days[i]);
  const month = monthIndex(name)!;
  if (month < lastMonth && asked > lastMonth) return null;
  return info(code, values[i], month, h.sourceOf(code), asked, 'nearest-earlier', name);
}

/**
 * The newest daily quote of `currency` (ECB), or failing that the spot snapshot; a hint
 * for undated amounts or for display, not used by `rateAt` when a monthly series exists.
 */
export function latestRate(currency: string, kind?: 'daily' | 'spot'): LatestRate | null {
  const code = currency.trim().toUpperCase();
  for (const k of kind ? [kind] : (['daily', 'spot'] as const)) {
    const block = file.latest[k];
    const v = block?.values[code];
    if (typeof v === 'number') {
      return { currency: code, perUsd: v, date: block.date, source: file.sources[block.source] ?? block.source, kind: k };
    }
  }
  return null;
}

/** Every currency with a rate: USD, the monthly series and the latest-only quotes, sorted. */
export function knownCurrencies(): string[] {
  const all = new Set<string>(['USD', ...SERIES.keys()]);
  for (const kind of ['user', 'downloaded'] as const) for (const code of rateLayer(kind)?.series.keys() ?? []) all.add(code);
  for (const block of Object.values(file.latest)) for (const code of Object.keys(block.values)) all.add(code);
  return [...all].sort();
}

/** The first and last month of the built-in table of `currency`, or null if it has none. */
export function coverage(currency: string): { from: string; to: string; source: string } | null {
  const s = SERIES.get(currency.trim().toUpperCase());
  if (!s) return null;
  return { from: monthName(s.first), to: monthName(s.first + s.values.length - 1), source: s.source };
}

/** The newest month of the built-in monthly table (the CNY series), YYYY-MM. */
export function latestMonth(): string {
  return coverage('CNY')?.to ?? monthName(LATEST_MONTH);
}
