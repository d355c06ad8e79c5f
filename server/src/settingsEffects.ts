/**
 * What a change of each setting asks of the server. Most settings only change how results
 * are shown (a currency, a language, a tolerance): features read them on every request, so
 * the editor's views need only be refreshed. A few change which files are digests or how a
 * digest is analysed: those need the workspace indexed again. The table below is the one
 * place that decides; a unit test checks that it covers every setting of package.json.
 */
import type { DigestSettings } from './settings';

/** 'reindex': which files are indexed, or their analysis, may change. 'refresh': views only. */
export type SettingEffect = 'reindex' | 'refresh';

/** Settings of package.json the server never reads (the client's own): nothing to do here. */
type ClientOnlySetting = 'traditionalVariant' | 'trace.server';

export const SETTING_EFFECTS: Readonly<Record<keyof DigestSettings | ClientOnlySetting, SettingEffect>> = Object.freeze({
  // Which files are digests, and which are too large to read.
  include: 'reindex',
  exclude: 'reindex',
  maxFileSize: 'reindex',
  // The user's entities and themes are part of every analysis.
  entitiesFile: 'reindex',
  themesFile: 'reindex',
  // The user's rates are read by conversions at request time; the server reloads the file
  // on a configuration change (workspace/userRatesLoader.ts) and refreshes the views.
  ratesFile: 'refresh',
  // Read by features at request time: hovers, hints, tokens, diagnostics, the figures table.
  baseCurrency: 'refresh',
  displayCurrencies: 'refresh',
  rateOverrides: 'refresh',
  inlayHints: 'refresh',
  diagnosticsEnabled: 'refresh',
  conversionTolerance: 'refresh',
  numberStyle: 'refresh',
  language: 'refresh',
  // Read when the server decides whether to fetch rates in the background (fx/update/).
  'rates.autoUpdate': 'refresh',
  // Read by entity completion at request time.
  'completion.insertTicker': 'refresh',
  traditionalVariant: 'refresh',
  'trace.server': 'refresh',
});

/** What decides a folder's index besides its settings: the editor's files.exclude globs. */
export interface IndexInputs {
  settings: DigestSettings;
  filesExclude: readonly string[];
}

/** Equality of setting values (strings, numbers, booleans, lists, plain maps), key order aside. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => same(v, b[i]));
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The settings whose values differ between two states of one folder. */
export function changedSettings(before: DigestSettings, after: DigestSettings): (keyof DigestSettings)[] {
  return (Object.keys(after) as (keyof DigestSettings)[]).filter((k) => !same(before[k], after[k]));
}

/**
 * The least work after a configuration change, from each folder's inputs when the workspace
 * was last indexed and now: 'reindex' when a folder appeared or went, when its files.exclude
 * changed, or when any setting that needs it changed; else 'refresh'.
 */
export function effectOfChange(before: ReadonlyMap<string, IndexInputs> | null, after: ReadonlyMap<string, IndexInputs>): SettingEffect {
  if (!before || before.size !== after.size) return 'reindex';
  for (const [folder, now] of after) {
    const was = before.get(folder);
    if (!was || !same(was.filesExclude, now.filesExclude)) return 'reindex';
    if (changedSettings(was.settings, now.settings).some((k) => SETTING_EFFECTS[k] === 'reindex')) return 'reindex';
  }
  return 'refresh';
}
