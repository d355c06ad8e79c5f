/**
 * The languages the server speaks and how an editor's locale maps onto one of them.
 * VS Code sends "en", "zh-cn", "zh-tw"; other editors may send "zh-CN", "zh_TW.UTF-8",
 * "zh-Hant-TW", "zh-HK" or nothing. Traditional variants (Taiwan, Hong Kong, Macau, any
 * zh-Hant) get zh-tw, every other Chinese (zh-Hans before any region) gets zh-cn, everything else English.
 */

export const LOCALES = ['en', 'zh-cn', 'zh-tw'] as const;
export type Locale = (typeof LOCALES)[number];

/** The value of the digestLens.language setting: a locale, or "auto" (follow the editor). */
export type LanguageSetting = 'auto' | Locale;

/** Maps any locale tag (BCP 47 or POSIX style, any case) to a language the server speaks. */
export function toLocale(tag: unknown): Locale {
  if (typeof tag !== 'string') return 'en';
  // "zh_TW.UTF-8" → "zh-tw"; "zh-Hant-TW" → "zh-hant-tw". A POSIX charset or modifier is cut
  // off at its first "." or "@" (by search, not a pattern: the tag comes from the client).
  let t = tag.slice(0, 64).trim().toLowerCase();
  const cut = [t.indexOf('.'), t.indexOf('@')].filter((i) => i >= 0);
  if (cut.length) t = t.slice(0, Math.min(...cut));
  t = t.replace(/_/g, '-');
  const parts = t.split('-');
  if (parts[0] !== 'zh') return 'en';
  if (parts.includes('hans')) return 'zh-cn';
  if (parts.includes('hant') || parts.includes('tw') || parts.includes('hk') || parts.includes('mo')) return 'zh-tw';
  return 'zh-cn';
}

/** The language in force: the setting when it names one, else the editor's locale. */
export function resolveLocale(setting: LanguageSetting | undefined, editorLocale: unknown): Locale {
  return setting && setting !== 'auto' ? setting : toLocale(editorLocale);
}
