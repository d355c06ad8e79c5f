/**
 * One `rates update`: fetch each source, parse it, and, when at least one gave rates, merge
 * them into the store and write it; when none did, the store is left as it was, byte for
 * byte. Shared by the CLI verb and the language server's request; neither decides anything
 * about sources here. The outcome lists each source's result, for a message in any language.
 */
import { dayName, dayNumber } from '../dailyHistory';
import { download, DEFAULT_TIMEOUT_MS, ECB_90D_URL, ECB_DAILY_URL, FED_H10_URL } from './download';
import { parseEcb } from './parseEcb';
import { parseFed } from './parseFed';
import { mergeStore, newestDay, readStore, writeStore, type Fetched, type RatesStore } from './store';
import type { Failure, SourceId } from './types';

/** The ECB's one-day file is enough while the store is this fresh; older, the 90-day file fills the gap. */
const DAILY_FILE_REACH_DAYS = 4;

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

/** Which ECB file to ask for: the 90-day one when the store has no recent ECB day. */
export function ecbUrlFor(store: RatesStore | null, now: Date): string {
  const newest = newestDay(store, 'ecb');
  const today = dayNumber(now.toISOString().slice(0, 10))!;
  return newest && today - dayNumber(newest)! <= DAILY_FILE_REACH_DAYS ? ECB_DAILY_URL : ECB_90D_URL;
}

async function fetchSource(source: SourceId, url: string, timeoutMs: number): Promise<{ outcome: SourceOutcome; fetched?: Fetched }> {
  const d = await download(url, timeoutMs);
  if (!d.ok) return { outcome: { source, url, ok: false, code: d.code, detail: d.detail } };
  const parsed = source === 'ecb' ? parseEcb(d.text) : parseFed(d.text);
  if (!parsed.ok) return { outcome: { source, url, ok: false, code: parsed.code, detail: parsed.detail } };
  const newest = dayName(Math.max(...parsed.rows.map((r) => r.day)));
  return { outcome: { source, url, ok: true, newest, rows: parsed.rows.length }, fetched: { source, url, rows: parsed.rows } };
}

export async function updateRates(opts: UpdateOptions): Promise<UpdateOutcome> {
  const now = opts.now ?? new Date();
  const old = readStore(opts.storeDir);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const results = await Promise.all([
    fetchSource('ecb', opts.ecbUrl ?? ecbUrlFor(old.store, now), timeoutMs),
    fetchSource('fed', opts.fedUrl ?? FED_H10_URL, timeoutMs),
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
