/**
 * One `rates update`: fetch each source, parse it, and, when at least one gave rates, merge
 * them into the store and write it; when none did, the store is left as it was, byte for
 * byte. Shared by the CLI verb and the language server's request; neither decides anything
 * about sources here. The outcome lists each source's result, for a message in any language.
 */
import { dailyHistory, dayName, dayNumber } from '../dailyHistory';
import { download, DEFAULT_TIMEOUT_MS, ECB_90D_URL, ECB_DAILY_URL, ECB_HIST_URL, fedH10Url } from './download';
import { parseEcb } from './parseEcb';
import { parseFed } from './parseFed';
import { mergeStore, newestDay, readStore, writeStore, type Fetched, type RatesStore } from './store';
import type { Failure, SourceId } from './types';

/** The ECB's one-day file is enough while the rates are this fresh; older, the 90-day file fills the gap. */
const DAILY_FILE_REACH_DAYS = 4;
/** Older than this (the 90-day file's reach, less a margin), only the whole history fills the gap. */
const NINETY_DAY_FILE_REACH_DAYS = 85;
/** The Fed's observations asked for: enough to reach back to the newest day known, within bounds. */
const FED_MIN_OBSERVATIONS = 10;
const FED_MAX_OBSERVATIONS = 400;

/**
 * The newest day with a rate of `code` in the built-in daily history, or null: an update
 * need not fetch what ships with the extension, only what came after it.
 */
export function builtinNewestDay(code: string): string | null {
  const h = dailyHistory();
  const values = h.series(code);
  if (!values) return null;
  for (let i = values.length - 1; i >= 0; i--) if (!Number.isNaN(values[i])) return dayName(h.days[i]);
  return null;
}

/** Days from the newer of a stored and a built-in day to `now` (Infinity when neither). */
function ageInDays(stored: string | null, builtin: string | null, now: Date): number {
  const newest = [stored, builtin].filter((d): d is string => d !== null).sort().pop();
  return newest ? dayNumber(now.toISOString().slice(0, 10))! - dayNumber(newest)! : Infinity;
}

export interface UpdateOptions {
  storeDir: string;
  /** Overrides for tests (env DIGEST_LENS_RATES_ECB_URL / _FED_URL, CLI --ecb-url / --fed-url). */
  ecbUrl?: string;
  fedUrl?: string;
  timeoutMs?: number;
  now?: Date;
}

export type SourceOutcome = { source: SourceId; url: string } & ({ ok: true; newest: string; rows: number } | ({ ok: false } & Failure));

export interface UpdateOutcome {
  /** Whether the store was written (at least one source gave rates). */
  updated: boolean;
  sources: SourceOutcome[];
  /** The store after the update (the old one when nothing was written), or null. */
  store: RatesStore | null;
  /** A problem with the store (unreadable old store, or the write failed), for the log. */
  problem?: string;
}

/** The URLs and timeout from the environment, for tests: never a setting of the workspace. */
export function envOverrides(env: NodeJS.ProcessEnv = process.env): Pick<UpdateOptions, 'ecbUrl' | 'fedUrl' | 'timeoutMs'> {
  const t = Number(env.DIGEST_LENS_RATES_TIMEOUT_MS);
  return {
    ecbUrl: env.DIGEST_LENS_RATES_ECB_URL || undefined,
    fedUrl: env.DIGEST_LENS_RATES_FED_URL || undefined,
    timeoutMs: Number.isFinite(t) && t > 0 ? t : undefined,
  };
}

/**
 * Which ECB file to ask for, by how old the newest ECB day is (stored or built in): the
 * one-day file while it is recent, the 90-day file for a gap it covers, else the whole
 * history (of which only the days after the built-in history are kept).
 */
export function ecbUrlFor(store: RatesStore | null, now: Date): string {
  const age = ageInDays(newestDay(store, 'ecb'), builtinNewestDay('EUR'), now);
  return age <= DAILY_FILE_REACH_DAYS ? ECB_DAILY_URL : age <= NINETY_DAY_FILE_REACH_DAYS ? ECB_90D_URL : ECB_HIST_URL;
}

/** The Fed's H.10 CSV with as many observations as reach back to the newest Fed day known (stored or built in). */
export function fedUrlFor(store: RatesStore | null, now: Date): string {
  const age = ageInDays(newestDay(store, 'fed'), builtinNewestDay('TWD'), now);
  return fedH10Url(Math.min(FED_MAX_OBSERVATIONS, Math.max(FED_MIN_OBSERVATIONS, age + FED_MIN_OBSERVATIONS)));
}

/** Of the ECB's whole history, the days after the built-in one (the days it ships are the same figures). */
export function afterBuiltinHistory<R extends { day: number }>(rows: R[]): R[] {
  const end = builtinNewestDay('EUR');
  const after = end === null ? -Infinity : dayNumber(end)!;
  return rows.filter((r) => r.day > after);
}

async function fetchSource(source: SourceId, url: string, timeoutMs: number): Promise<{ outcome: SourceOutcome; fetched?: Fetched }> {
  const d = await download(url, timeoutMs);
  if (!d.ok) return { outcome: { source, url, ok: false, code: d.code, detail: d.detail } };
  const parsed = source === 'ecb' ? parseEcb(d.text) : parseFed(d.text);
  if (!parsed.ok) return { outcome: { source, url, ok: false, code: parsed.code, detail: parsed.detail } };
  if (url === ECB_HIST_URL) {
    parsed.rows = afterBuiltinHistory(parsed.rows);
    if (!parsed.rows.length) return { outcome: { source, url, ok: false, code: 'noRows' } };
  }
  const newest = dayName(Math.max(...parsed.rows.map((r) => r.day)));
  return { outcome: { source, url, ok: true, newest, rows: parsed.rows.length }, fetched: { source, url, rows: parsed.rows } };
}

export async function updateRates(opts: UpdateOptions): Promise<UpdateOutcome> {
  const now = opts.now ?? new Date();
  const old = readStore(opts.storeDir);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const results = await Promise.all([
    fetchSource('ecb', opts.ecbUrl ?? ecbUrlFor(old.store, now), timeoutMs),
    fetchSource('fed', opts.fedUrl ?? fedUrlFor(old.store, now), timeoutMs),
  ]);
  const fetched = results.flatMap((r) => (r.fetched ? [r.fetched] : []));
  const sources = results.map((r) => r.outcome);
  if (!fetched.length) return { updated: false, sources, store: old.store, problem: old.problem };
  const store = mergeStore(old.store, fetched, now);
  try {
    writeStore(opts.storeDir, store);
  } catch (e) {
    return { updated: false, sources, store: old.store, problem: `cannot write the rates store in ${opts.storeDir}: ${(e as Error).message}` };
  }
  return { updated: true, sources, store, problem: old.problem };
}
