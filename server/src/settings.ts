/**
 * The extension's settings (section "digestLens"), their defaults and their validation.
 * Mirrors `contributes.configuration` in package.json: keep both in step. Settings are
 * pulled per resource by the server and checked here; a wrong value falls back to its
 * default with a message, never an exception.
 */
import { rateAt } from './fx/rates';
import { english, LOCALES, type Arg, type LanguageSetting, type MessageKey, type Translator } from './l10n';

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
  /** The user's rates file (CSV: date,currency,units per USD): workspace-relative, or absolute for one kept outside. */
  ratesFile: string;
  /** How amounts are written in hovers: "auto" follows the figure's script. */
  numberStyle: 'auto' | 'zh' | 'en';
  /** Language of the server's texts: "auto" follows the editor's display language. */
  language: LanguageSetting;
  /** Fetch the ECB's and the Fed's rates at most once a day in the background (user setting; off by default). */
  'rates.autoUpdate': boolean;
  /** Entity completion inserts the name followed by its primary ticker in the note's style (腾讯（0700.HK）). */
  'completion.insertTicker': boolean;
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
  ratesFile: '.digestlens/rates.csv',
  numberStyle: 'auto',
  language: 'auto',
  'rates.autoUpdate': false,
  'completion.insertTicker': false,
});

/** A problem with a setting, as a message of the catalogue (shown in the user's language). */
export interface SettingsProblem {
  key: MessageKey;
  args: Arg[];
}

export interface SettingsResult {
  settings: DigestSettings;
  /** One sentence per setting that was wrong and fell back to its default, in English (for the log). */
  problems: string[];
  /** The same problems, to be written in any language. */
  keyed: SettingsProblem[];
}

/** The sentences of settings problems in one language. */
export function problemTexts(problems: readonly SettingsProblem[], tr: Translator): string[] {
  return problems.map((p) => {
    // "settings.fallback" takes the reason as a message of its own.
    const args = p.key === 'settings.fallback' && typeof p.args[1] === 'string' && p.args[1].startsWith('settings.') ? [p.args[0], tr(p.args[1] as MessageKey, ...p.args.slice(3)), p.args[2]] : p.args;
    return tr(p.key, ...args);
  });
}

const isCurrency = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z]{3}$/.test(v) && rateAt(v.toUpperCase(), null) !== null;

/** Validates raw settings (whatever the client sent) into a complete, safe settings object. */
export function validateSettings(raw: unknown): SettingsResult {
  const keyed: SettingsProblem[] = [];
  const done = (settings: DigestSettings): SettingsResult => ({ settings, problems: problemTexts(keyed, english), keyed });
  const problems = { push: (key: MessageKey, ...args: Arg[]) => keyed.push({ key, args }) };
  const s: DigestSettings = { ...DEFAULT_SETTINGS, displayCurrencies: [...DEFAULT_SETTINGS.displayCurrencies], include: [], exclude: [], rateOverrides: {} };
  if (raw === null || raw === undefined) return done(s);
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push('settings.notObject');
    return done(s);
  }
  const r = raw as Record<string, unknown>;
  /** A setting that falls back to its default; `why` is a message, its arguments follow. */
  const bad = (key: string, why: MessageKey, ...whyArgs: Arg[]) => problems.push('settings.fallback', key, why, JSON.stringify((DEFAULT_SETTINGS as any)[key]), ...whyArgs);

  if (r.baseCurrency !== undefined) {
    if (isCurrency(r.baseCurrency)) s.baseCurrency = r.baseCurrency.toUpperCase();
    else bad('baseCurrency', 'settings.unknownCurrency', JSON.stringify(r.baseCurrency));
  }
  if (r.displayCurrencies !== undefined) {
    if (Array.isArray(r.displayCurrencies)) {
      const good = r.displayCurrencies.filter(isCurrency).map((c) => c.toUpperCase());
      const wrong = r.displayCurrencies.filter((c) => !isCurrency(c));
      if (wrong.length) problems.push('settings.unknownCurrencies', JSON.stringify(wrong));
      s.displayCurrencies = good.length ? [...new Set(good)] : [...DEFAULT_SETTINGS.displayCurrencies];
    } else bad('displayCurrencies', 'settings.currencyList');
  }
  if (r.rateOverrides !== undefined) {
    if (r.rateOverrides && typeof r.rateOverrides === 'object' && !Array.isArray(r.rateOverrides)) {
      for (const [k, v] of Object.entries(r.rateOverrides as Record<string, unknown>)) {
        if (isCurrency(k) && typeof v === 'number' && Number.isFinite(v) && v > 0) s.rateOverrides[k.toUpperCase()] = v;
        else problems.push('settings.rateOverrideIgnored', k);
      }
    } else bad('rateOverrides', 'settings.rateOverridesObject');
  }
  for (const key of ['include', 'exclude'] as const) {
    const v = r[key];
    if (v === undefined) continue;
    if (Array.isArray(v) && v.every((g) => typeof g === 'string')) {
      const globs = (v as string[]).filter((g) => g.trim() !== '');
      const invalid = globs.filter((g) => !isPlausibleGlob(g));
      if (invalid.length) problems.push('settings.invalidGlobs', key, JSON.stringify(invalid));
      s[key] = globs.filter(isPlausibleGlob);
    } else bad(key, 'settings.globList');
  }
  if (r.maxFileSize !== undefined) {
    if (typeof r.maxFileSize === 'number' && Number.isFinite(r.maxFileSize) && r.maxFileSize > 0) s.maxFileSize = Math.floor(r.maxFileSize);
    else bad('maxFileSize', 'settings.positiveBytes');
  }
  for (const key of ['inlayHints', 'diagnosticsEnabled'] as const) {
    const v = r[key];
    if (v === undefined) continue;
    if (typeof v === 'boolean') s[key] = v;
    else bad(key, 'settings.boolean');
  }
  if (r.conversionTolerance !== undefined) {
    const v = r.conversionTolerance;
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 10) s.conversionTolerance = v;
    else bad('conversionTolerance', 'settings.tolerance');
  }
  for (const key of ['entitiesFile', 'themesFile', 'ratesFile'] as const) {
    const v = r[key];
    if (v === undefined) continue;
    if (typeof v === 'string' && v.trim()) s[key] = v.trim();
    else bad(key, 'settings.relativePath');
  }
  if (r.numberStyle !== undefined) {
    if (r.numberStyle === 'auto' || r.numberStyle === 'zh' || r.numberStyle === 'en') s.numberStyle = r.numberStyle;
    else bad('numberStyle', 'settings.numberStyle');
  }
  if (r.language !== undefined) {
    const v = typeof r.language === 'string' ? r.language.trim().toLowerCase() : r.language;
    if (v === 'auto' || (LOCALES as readonly unknown[]).includes(v)) s.language = v as LanguageSetting;
    else bad('language', 'settings.language');
  }
  // VS Code sends dotted keys nested ({"rates": {"autoUpdate": true}}); other clients may not.
  const autoUpdate = r.rates && typeof r.rates === 'object' ? (r.rates as Record<string, unknown>).autoUpdate : r['rates.autoUpdate'];
  if (autoUpdate !== undefined) {
    if (typeof autoUpdate === 'boolean') s['rates.autoUpdate'] = autoUpdate;
    else bad('rates.autoUpdate', 'settings.boolean');
  }
  const insertTicker = r.completion && typeof r.completion === 'object' ? (r.completion as Record<string, unknown>).insertTicker : r['completion.insertTicker'];
  if (insertTicker !== undefined) {
    if (typeof insertTicker === 'boolean') s['completion.insertTicker'] = insertTicker;
    else bad('completion.insertTicker', 'settings.boolean');
  }
  return done(s);
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
