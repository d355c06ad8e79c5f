/**
 * The extension's settings (section "digestLens"), their defaults and their validation.
 * Mirrors `contributes.configuration` in package.json: keep both in step. Settings are
 * pulled per resource by the server and checked here; a wrong value falls back to its
 * default with a message, never an exception.
 */
import { rateAt } from './fx/rates';

export interface DigestSettings {
  /** Currency that hovers, inlay hints and the figures table convert into. */
  baseCurrency: string;
  /** Currencies shown in a figure's hover. */
  displayCurrencies: string[];
  /** Rates that replace the built-in ones: units of the currency per 1 USD, e.g. {"CNY": 7.1}. */
  rateOverrides: Record<string, number>;
  /** Extra globs of digest files beyond *.digest, *.digest.md, *.digest.txt (e.g. "**\/digests/**\/*.md"). */
  include: string[];
  /** Globs of files never indexed (on top of files.exclude). */
  exclude: string[];
  /** Files larger than this many bytes are not indexed. */
  maxFileSize: number;
  /** Show the converted amount after each figure not in the base currency. */
  inlayHints: boolean;
  /** Report stated conversions that disagree with the reference rate. */
  diagnosticsEnabled: boolean;
  /** Relative tolerance of a stated conversion before it is reported (0.05 = 5%). */
  conversionTolerance: number;
  /** Workspace-relative path of the user entity file (.json or .csv). */
  entitiesFile: string;
  /** Workspace-relative path of the user theme file (.json). */
  themesFile: string;
  /** How amounts are written in hovers: "auto" follows the figure's script. */
  numberStyle: 'auto' | 'zh' | 'en';
}

export const DEFAULT_SETTINGS: Readonly<DigestSettings> = Object.freeze({
  baseCurrency: 'USD',
  displayCurrencies: ['USD', 'CNY', 'HKD', 'EUR'],
  rateOverrides: {},
  include: [],
  exclude: [],
  maxFileSize: 2 * 1024 * 1024,
  inlayHints: false,
  diagnosticsEnabled: true,
  conversionTolerance: 0.05,
  entitiesFile: '.digestlens/entities.json',
  themesFile: '.digestlens/themes.json',
  numberStyle: 'auto',
});

export interface SettingsResult {
  settings: DigestSettings;
  /** One sentence per setting that was wrong and fell back to its default. */
  problems: string[];
}

const isCurrency = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z]{3}$/.test(v) && rateAt(v.toUpperCase(), null) !== null;

/** Validates raw settings (whatever the client sent) into a complete, safe settings object. */
export function validateSettings(raw: unknown): SettingsResult {
  const problems: string[] = [];
  const s: DigestSettings = { ...DEFAULT_SETTINGS, displayCurrencies: [...DEFAULT_SETTINGS.displayCurrencies], include: [], exclude: [], rateOverrides: {} };
  if (raw === null || raw === undefined) return { settings: s, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push('digestLens settings must be an object; using the defaults');
    return { settings: s, problems };
  }
  const r = raw as Record<string, unknown>;
  const bad = (key: string, why: string) => problems.push(`digestLens.${key} ${why}; using the default (${JSON.stringify((DEFAULT_SETTINGS as any)[key])})`);

  if (r.baseCurrency !== undefined) {
    if (isCurrency(r.baseCurrency)) s.baseCurrency = r.baseCurrency.toUpperCase();
    else bad('baseCurrency', `is not a known currency code (${JSON.stringify(r.baseCurrency)})`);
  }
  if (r.displayCurrencies !== undefined) {
    if (Array.isArray(r.displayCurrencies)) {
      const good = r.displayCurrencies.filter(isCurrency).map((c) => c.toUpperCase());
      const wrong = r.displayCurrencies.filter((c) => !isCurrency(c));
      if (wrong.length) problems.push(`digestLens.displayCurrencies: unknown currency codes ${JSON.stringify(wrong)} are ignored`);
      s.displayCurrencies = good.length ? [...new Set(good)] : [...DEFAULT_SETTINGS.displayCurrencies];
    } else bad('displayCurrencies', 'must be a list of currency codes');
  }
  if (r.rateOverrides !== undefined) {
    if (r.rateOverrides && typeof r.rateOverrides === 'object' && !Array.isArray(r.rateOverrides)) {
      for (const [k, v] of Object.entries(r.rateOverrides as Record<string, unknown>)) {
        if (isCurrency(k) && typeof v === 'number' && Number.isFinite(v) && v > 0) s.rateOverrides[k.toUpperCase()] = v;
        else problems.push(`digestLens.rateOverrides.${k} is ignored: it needs a known currency code and a positive number of units per USD`);
      }
    } else bad('rateOverrides', 'must be an object such as {"CNY": 7.1}');
  }
  for (const key of ['include', 'exclude'] as const) {
    const v = r[key];
    if (v === undefined) continue;
    if (Array.isArray(v) && v.every((g) => typeof g === 'string')) {
      const globs = (v as string[]).filter((g) => g.trim() !== '');
      const invalid = globs.filter((g) => !isPlausibleGlob(g));
      if (invalid.length) problems.push(`digestLens.${key}: invalid globs ${JSON.stringify(invalid)} are ignored`);
      s[key] = globs.filter(isPlausibleGlob);
    } else bad(key, 'must be a list of glob strings');
  }
  if (r.maxFileSize !== undefined) {
    if (typeof r.maxFileSize === 'number' && Number.isFinite(r.maxFileSize) && r.maxFileSize > 0) s.maxFileSize = Math.floor(r.maxFileSize);
    else bad('maxFileSize', 'must be a positive number of bytes');
  }
  for (const key of ['inlayHints', 'diagnosticsEnabled'] as const) {
    const v = r[key];
    if (v === undefined) continue;
    if (typeof v === 'boolean') s[key] = v;
    else bad(key, 'must be true or false');
  }
  if (r.conversionTolerance !== undefined) {
    const v = r.conversionTolerance;
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 10) s.conversionTolerance = v;
    else bad('conversionTolerance', 'must be a number such as 0.05 (5%)');
  }
  for (const key of ['entitiesFile', 'themesFile'] as const) {
    const v = r[key];
    if (v === undefined) continue;
    if (typeof v === 'string' && v.trim()) s[key] = v.trim();
    else bad(key, 'must be a workspace-relative path');
  }
  if (r.numberStyle !== undefined) {
    if (r.numberStyle === 'auto' || r.numberStyle === 'zh' || r.numberStyle === 'en') s.numberStyle = r.numberStyle;
    else bad('numberStyle', 'must be "auto", "zh" or "en"');
  }
  return { settings: s, problems };
}

/** Rejects globs with unbalanced brackets or braces, which glob matchers read unpredictably. */
function isPlausibleGlob(glob: string): boolean {
  let square = 0;
  let curly = 0;
  for (const ch of glob) {
    if (ch === '[') square++;
    else if (ch === ']') square--;
    else if (ch === '{') curly++;
    else if (ch === '}') curly--;
    if (square < 0 || curly < 0) return false;
  }
  return square === 0 && curly === 0;
}
