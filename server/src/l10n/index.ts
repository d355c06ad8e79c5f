/**
 * The one owner of the server's user-visible texts: t(locale, key, ...args) and the
 * translator of a locale. Features take a Translator (or a Locale) and never write English
 * sentences of their own.
 */
import { en, type Catalogue, type Message, type MessageKey } from './messages';
import { zhCn } from './zh-cn';
import { zhTw } from './zh-tw';
import type { Locale } from './locale';

export { en, type MessageKey } from './messages';
export { LOCALES, resolveLocale, toLocale, type LanguageSetting, type Locale } from './locale';

export const CATALOGUES: Record<Locale, Record<MessageKey, Message>> = { en, 'zh-cn': zhCn, 'zh-tw': zhTw } satisfies Record<Locale, Catalogue | typeof en>;

/** A message argument: text, or a number (the first one chooses English plural forms). */
export type Arg = string | number;

/** The text of `key` in `locale` with {0}, {1}… replaced by the arguments. */
export function t(locale: Locale, key: MessageKey, ...args: Arg[]): string {
  const message = CATALOGUES[locale][key] ?? en[key];
  const text = typeof message === 'string' ? message : args[0] === 1 ? message.one : message.other;
  return text.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
}

/** The texts of one locale. */
export type Translator = ((key: MessageKey, ...args: Arg[]) => string) & { locale: Locale };

const translators = new Map<Locale, Translator>();

/** The translator of a locale (one per locale, reused). */
export function translator(locale: Locale): Translator {
  let tr = translators.get(locale);
  if (!tr) translators.set(locale, (tr = Object.assign((key: MessageKey, ...args: Arg[]) => t(locale, key, ...args), { locale })));
  return tr;
}

/** The English translator, for callers with no locale (the CLI, tests, logs). */
export const english: Translator = translator('en');

/** Whether a message key exists (for keys built from data, e.g. a unit or a metric). */
export function hasKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** The display name of a metric id ("revenue" → "营收"); unknown ids are shown as they are. */
export function metricLabel(tr: Translator, metric: string): string {
  const key = `metric.${metric}`;
  return hasKey(key) ? tr(key) : metric;
}
