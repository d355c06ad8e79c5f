/**
 * The downloaded rates on disk: one JSON file in the user's global storage (the extension's
 * globalStorageUri/rates, or the CLI's $XDG_DATA_HOME/digest-lens/rates), never in a
 * workspace. It holds, per source, each currency's days and rates per USD, where each
 * source's file came from and when it was last fetched. A new fetch is merged into what was
 * there (new days added, the old kept) and written atomically (a temporary file renamed),
 * so a reader sees the old store or the new one, never half of one. A store that does not
 * read back as this shape is ignored, with a reason for the log.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { dayName } from '../dailyHistory';
import type { DatedRates } from '../layers';
import { readRegularTextSync } from '../../io/safeRead';
import { isCode, SOURCE_NAMES, type RateRow, type SourceId } from './types';

export const STORE_FILE = 'rates-store.json';
const STORE_KIND = 'digest-lens downloaded rates';
/** Far above years of daily rates of both sources (about 0.5 MB a year). */
export const MAX_STORE_BYTES = 32 * 1024 * 1024;

export interface SourceState {
  /** Where the file was fetched from. */
  url: string;
  /** When it was last fetched successfully (ISO time). */
  fetchedAt: string;
}

export interface RatesStore {
  /** The last successful fetch of any source (ISO time). */
  fetchedAt: string;
  sources: Partial<Record<SourceId, SourceState>>;
  /** Per source, per currency: publication days ascending and the rates of those days. */
  rates: Partial<Record<SourceId, Record<string, StoredSeries>>>;
}

/**
 * One currency of one source: days as numbers since 1970-01-01 (not date strings: a store
 * of years of both sources is then read and checked in a few milliseconds) and units per USD.
 */
export interface StoredSeries {
  days: number[];
  values: number[];
}

const SOURCES: readonly SourceId[] = ['ecb', 'fed'];
/** 2200-01-01: a day number beyond it is no rate's. */
const MAX_DAY = 84006;

/** The CLI's store folder: --rates-store, else $DIGEST_LENS_RATES_STORE, else the XDG data folder. */
export function defaultStoreDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DIGEST_LENS_RATES_STORE) return env.DIGEST_LENS_RATES_STORE;
  const data = env.XDG_DATA_HOME && env.XDG_DATA_HOME.trim() ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(data, 'digest-lens', 'rates');
}

export type StoreRead = { store: RatesStore | null; problem?: string };

/** Reads a folder's store: null when there is none; null and a problem when it is not a store. */
export function readStore(dir: string): StoreRead {
  const file = join(dir, STORE_FILE);
  let text: string;
  try {
    text = readRegularTextSync(file, MAX_STORE_BYTES);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { store: null };
    return { store: null, problem: `cannot read ${file}: ${(e as Error).message}` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { store: null, problem: `${file} is not JSON (${(e as Error).message}); it is ignored` };
  }
  const store = validStore(raw);
  return store ? { store } : { store: null, problem: `${file} is not a store of downloaded rates; it is ignored` };
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isTime = (v: unknown): v is string => typeof v === 'string' && Number.isFinite(Date.parse(v));

/** The store in `raw`, checked entry by entry, or null when anything is off. */
export function validStore(raw: unknown): RatesStore | null {
  if (!isObject(raw) || raw.kind !== STORE_KIND || raw.version !== 1 || !isTime(raw.fetchedAt)) return null;
  if (!isObject(raw.sources) || !isObject(raw.rates)) return null;
  const store: RatesStore = { fetchedAt: raw.fetchedAt, sources: {}, rates: {} };
  for (const id of SOURCES) {
    const s = raw.sources[id];
    if (s !== undefined) {
      if (!isObject(s) || typeof s.url !== 'string' || !isTime(s.fetchedAt)) return null;
      store.sources[id] = { url: s.url, fetchedAt: s.fetchedAt };
    }
    const r = raw.rates[id];
    if (r === undefined) continue;
    if (!isObject(r)) return null;
    const byCode: Record<string, StoredSeries> = Object.create(null);
    for (const [code, series] of Object.entries(r)) {
      if (!isCode(code) || !isObject(series)) return null;
      const { days, values } = series;
      if (!Array.isArray(days) || !Array.isArray(values) || days.length !== values.length) return null;
      let last = -Infinity;
      for (let i = 0; i < days.length; i++) {
        const d = days[i];
        const v = values[i];
        // Days ascending, whole, between 1970 and 2200; rates positive and finite.
        if (typeof d !== 'number' || !Number.isInteger(d) || d <= last || d < 0 || d > MAX_DAY) return null;
        if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) return null;
        last = d;
      }
      byCode[code] = { days: days as number[], values: values as number[] };
    }
    store.rates[id] = byCode;
  }
  return store;
}

/** What one source brought in a fetch. */
export interface Fetched {
  source: SourceId;
  url: string;
  rows: RateRow[];
}

/** The store after a fetch: each source's new days added (a day fetched again takes the new rate), the rest kept. */
export function mergeStore(old: RatesStore | null, fetched: readonly Fetched[], now: Date): RatesStore {
  const at = now.toISOString();
  const store: RatesStore = { fetchedAt: old?.fetchedAt ?? at, sources: { ...old?.sources }, rates: { ...old?.rates } };
  for (const f of fetched) {
    const byCode = new Map<string, Map<number, number>>();
    for (const [code, s] of Object.entries(old?.rates[f.source] ?? {})) byCode.set(code, new Map(s.days.map((d, i) => [d, s.values[i]])));
    for (const r of f.rows) {
      let m = byCode.get(r.currency);
      if (!m) byCode.set(r.currency, (m = new Map()));
      m.set(r.day, r.perUsd);
    }
    const out: Record<string, StoredSeries> = {};
    for (const code of [...byCode.keys()].sort()) {
      const m = byCode.get(code)!;
      const days = [...m.keys()].sort((a, b) => a - b);
      out[code] = { days, values: days.map((d) => m.get(d)!) };
    }
    store.rates[f.source] = out;
    store.sources[f.source] = { url: f.url, fetchedAt: at };
    store.fetchedAt = at;
  }
  return store;
}

/** Writes the store into `dir` (made if missing): a temporary file, then a rename over the old one. */
export function writeStore(dir: string, store: RatesStore): void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, STORE_FILE);
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  // One line per currency: small, and readable when someone opens it.
  const rates = SOURCES.filter((id) => store.rates[id])
    .map((id) => {
      const codes = Object.entries(store.rates[id]!).map(([code, series]) => `    ${JSON.stringify(code)}: ${JSON.stringify(series)}`);
      return `  ${JSON.stringify(id)}: {\n${codes.join(',\n')}\n  }`;
    })
    .join(',\n');
  const head = { kind: STORE_KIND, version: 1, days: 'days since 1970-01-01', fetchedAt: store.fetchedAt, sources: store.sources };
  const text = `{\n${JSON.stringify(head).slice(1, -1)},\n"rates": {\n${rates}\n}\n}\n`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

/** A source's newest day, YYYY-MM-DD, or null. */
export function newestDay(store: RatesStore | null, source: SourceId): string | null {
  let best = -1;
  for (const s of Object.values(store?.rates[source] ?? {})) if (s.days.length) best = Math.max(best, s.days[s.days.length - 1]);
  return best < 0 ? null : dayName(best);
}

/**
 * The store as the 'downloaded' rate layer: the ECB's reference rate for the currencies it
 * publishes, the Fed's H.10 for the others (the order: ECB daily, Fed for the rest).
 */
export function layerOfStore(store: RatesStore | null): DatedRates | null {
  if (!store) return null;
  const series = new Map<string, { days: Int32Array; values: Float64Array; source?: string }>();
  for (const id of SOURCES) {
    const byCode = store.rates[id];
    if (!byCode) continue;
    for (const [code, s] of Object.entries(byCode)) {
      if (series.has(code) || code === 'USD' || !s.days.length) continue;
      // Already ascending and unique (validStore, mergeStore): straight into typed arrays.
      series.set(code, { days: Int32Array.from(s.days), values: Float64Array.from(s.values), source: SOURCE_NAMES[id] });
    }
  }
  return series.size ? { kind: 'downloaded', source: SOURCE_NAMES.ecb, series } : null;
}
