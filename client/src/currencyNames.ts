/**
 * The base-currency picker's pure part: each currency the server knows with its name in the
 * interface language, the current one first, and matching by code, name or alias in any
 * script (RMB, 人民币, 港幣, NT$, 美金 …). The names come from the server's status answer
 * (its currency table is their one owner); the client keeps no list of its own. Pure: no
 * `vscode` import (test/unit/client-currencyNames.test.ts runs it directly).
 */
import type { CurrencyNames } from '../../protocol/src';

/** The user interface languages the names exist in. */
export type UiLanguage = 'en' | 'zh-cn' | 'zh-tw';

/** The currencies analysts of Chinese and English digests pick most, in this order, after the current one. */
const COMMON = ['USD', 'CNY', 'HKD', 'TWD', 'EUR', 'JPY', 'GBP'];

/** What the picker offers, by code only, when the server cannot answer (not running, or crashed). */
export function fallbackCurrencies(): string[] {
  return [...COMMON];
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** The well-formed entries of a status answer's `currencyNames` (anything else is dropped: the answer crossed a process boundary). */
export function readCurrencyNames(value: unknown): CurrencyNames[] {
  if (!Array.isArray(value)) return [];
  const out: CurrencyNames[] = [];
  for (const v of value as Record<string, unknown>[]) {
    if (typeof v !== 'object' || v === null) continue;
    const { code, en, aliases } = v;
    const cn = v['zh-cn'];
    const tw = v['zh-tw'];
    if (!isString(code) || !isString(en) || !isString(cn) || !isString(tw) || !Array.isArray(aliases)) continue;
    out.push({ code: code.toUpperCase(), en, 'zh-cn': cn, 'zh-tw': tw, aliases: aliases.filter(isString) });
  }
  return out;
}

/** The interface language from VS Code's `env.language` ("en", "zh-cn", "zh-tw", "zh-hk" …). */
export function uiLanguage(language: string): UiLanguage {
  const l = language.toLowerCase();
  if (l === 'zh-tw' || l === 'zh-hk' || l === 'zh-mo' || l === 'zh-hant' || l.startsWith('zh-hant')) return 'zh-tw';
  if (l.startsWith('zh')) return 'zh-cn';
  return 'en';
}

/** The name of `code` in a language, from the names the server sent, or null for one it did not name. */
export function currencyName(names: readonly CurrencyNames[], code: string, lang: UiLanguage): string | null {
  const c = code.toUpperCase();
  const n = names.find((x) => x.code === c);
  return n ? n[lang] : null;
}

/** One row of the picker, before the words of the interface ("current") are added. */
export interface CurrencyChoice {
  code: string;
  /** The name in the interface language ("Chinese yuan", "人民币", "人民幣"); the code when unknown. */
  name: string;
  /** Every other name and alias, for matching and as the row's detail ("RMB · renminbi · 人民幣 …"). */
  aliases: string[];
  current: boolean;
}

/**
 * The picker's rows: the current currency first, then the common ones, then the rest by code.
 * Aliases hold the names in the other languages too, so 人民币 finds CNY in any interface. A
 * code without names (the server named none) shows as itself.
 */
export function currencyChoices(codes: readonly string[], names: readonly CurrencyNames[], current: string, lang: UiLanguage): CurrencyChoice[] {
  const cur = current.toUpperCase();
  const byCode = new Map(names.map((n) => [n.code, n]));
  const rank = (c: string) => (c === cur ? -1 : COMMON.includes(c) ? COMMON.indexOf(c) : COMMON.length);
  return [...new Set(codes.map((c) => c.toUpperCase()))]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((code) => {
      const n = byCode.get(code);
      const name = n ? n[lang] : code;
      const all = n ? [n.en, n['zh-cn'], n['zh-tw'], ...n.aliases] : [];
      const aliases = [...new Set(all)].filter((a) => a !== name && a !== code);
      return { code, name, aliases, current: code === cur };
    });
}

/** Folds text for matching: NFKC, lower case, no spaces. */
function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The codes whose code, name or any alias contains the query (case- and width-insensitive). */
export function matchCurrency(choices: readonly CurrencyChoice[], query: string): string[] {
  const q = fold(query);
  if (!q) return choices.map((c) => c.code);
  return choices.filter((c) => [c.code, c.name, ...c.aliases].some((t) => fold(t).includes(q))).map((c) => c.code);
}
