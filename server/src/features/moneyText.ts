/**
 * Short texts about money shared by the hover, the inlay hints, the code actions and the
 * conversion check: Markdown escaping, compact amounts ("US$23.0B", "230亿美元",
 * "230億美元"), rates as markets quote them ("USD/CNY 6.9692", "EUR/USD 1.08"), unit names
 * and the choice of number style and script. Pure: no LSP, no settings lookups.
 */
import type { Figure } from '../analysis/types';
import { formatAmount, formatRange, type MoneyStyle } from '../fx/format';
import { mostlyChinese, scriptAt, scriptOf, sentenceAround } from '../analysis/script';

/**
 * Escapes text taken from a document (or a user file) for Markdown: every character that
 * can start emphasis, code, a link, an image, a table cell, strikethrough, raw HTML or an
 * entity is backslash-escaped, and line breaks become spaces so the text cannot start a
 * heading or a list of its own.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n|[\r\n]/g, ' ').replace(/[\\`*_[\]<>|~&#!{}()+-]/g, '\\$&');
}

/** The currency prefix of the English style: "US$", "HK$", "€", or "CNY " for an ISO code. */
function prefixOf(currency: string): string {
  // formatAmount knows which currencies have an unambiguous symbol; ask it once for "1".
  const one = formatAmount(1, currency, 'en');
  return one.slice(0, one.lastIndexOf('1'));
}

const COMPACT: [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/** The number part of a compact amount, three significant digits: 23.0B, 21.8k, 0.0600. */
function compactNumber(abs: number): string {
  for (let k = 0; k < COMPACT.length; k++) {
    const [unit, suffix] = COMPACT[k];
    if (abs >= unit) {
      let x = abs / unit;
      let s = x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
      // Rounding can reach the next scale: 999.7k is 1.00M.
      if (Number(s) >= 1000 && k > 0) {
        x = Number(s) / 1000;
        return `${x.toFixed(2)}${COMPACT[k - 1][1]}`;
      }
      return s + suffix;
    }
  }
  if (abs >= 1) return abs.toFixed(2).replace(/\.00$/, '');
  if (abs === 0) return '0';
  return abs.toPrecision(3);
}

/** A compact English amount for tight places: "US$23.0B", "-CNY 5.97B", "US$21.8k/t". */
export function compactMoney(value: number, currency: string, per?: string | null): string {
  const sign = value < 0 ? '-' : '';
  return `${sign}${prefixOf(currency)}${compactNumber(Math.abs(value))}${per ? '/' + per : ''}`;
}

/** A compact figure: its range when it has one ("US$4.30–5.02B"), else its value. */
export function compactFigure(f: Pick<Figure, 'value' | 'min' | 'max' | 'per'> & { currency: string }): string {
  if (f.min === null || f.max === null || f.min === f.max) return compactMoney(f.value, f.currency, f.per);
  const lo = compactNumber(Math.abs(f.min));
  const hi = compactNumber(Math.abs(f.max));
  const prefix = prefixOf(f.currency);
  const per = f.per ? '/' + f.per : '';
  const suffix = (s: string) => (/[kMBT]$/.test(s) ? s[s.length - 1] : '');
  // One scale letter for both ends when they share it: "US$4.30–5.02B".
  if (f.min >= 0 && suffix(lo) === suffix(hi)) return `${prefix}${lo.slice(0, lo.length - suffix(lo).length)}–${hi}${per}`;
  return `${compactMoney(f.min, f.currency)}–${compactMoney(f.max, f.currency)}${per}`;
}

/** Significant digits for a rate: five, trailing zeros dropped ("6.9692", "7.7965", "148.5"). */
function rateNumber(x: number): string {
  const s = x.toPrecision(5);
  return s.indexOf('e') >= 0 ? String(Number(s)) : trimDecimalZeros(s);
}

/**
 * Drops trailing zeros after a decimal point, and the point when nothing is left after it:
 * "6.9690" → "6.969", "150.00" → "150". A number without a point keeps its zeros ("16000"
 * IDR per USD; the regex this replaces, /\.?0+$/, made that "16" and was quadratic on long runs).
 */
function trimDecimalZeros(s: string): string {
  if (s.indexOf('.') < 0) return s;
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46) end--;
  return s.slice(0, end);
}

/**
 * Currencies that markets quote as the base of a pair, first wins: EUR/GBP, GBP/USD,
 * AUD/USD, NZD/USD, then USD before every other currency (USD/CNY, USD/JPY, USD/HKD).
 */
const BASE_RANK: Record<string, number> = { EUR: 0, GBP: 1, AUD: 2, NZD: 3, USD: 4 };

/**
 * The pair of two currencies as markets quote it: { base, quote }, the rate being units of
 * `quote` per 1 `base`. EUR, GBP, AUD and NZD are quoted against USD as base, USD is the
 * base against the rest; a cross of two other currencies is written so the rate is at
 * least 1 (`bPerA` is units of `b` per 1 `a`).
 */
export function marketPair(a: string, b: string, bPerA: number): { base: string; quote: string } {
  const ra = BASE_RANK[a] ?? 9;
  const rb = BASE_RANK[b] ?? 9;
  const aFirst = ra !== rb ? ra < rb : !(bPerA > 0) || bPerA >= 1;
  return aFirst ? { base: a, quote: b } : { base: b, quote: a };
}

/**
 * A rate between two currencies as markets quote it: "USD/CNY 6.9692", "EUR/USD 1.0812",
 * "USD/JPY 156.3". `rate` is units of `to` per 1 unit of `from`; `number` writes the rate
 * (five significant digits by default).
 */
export function rateText(from: string, to: string, rate: number, number: (x: number) => string = rateNumber): string {
  const { base, quote } = marketPair(from, to, rate);
  return pairText(base, quote, base === from ? rate : 1 / rate, number);
}

/** A rate of a pair already oriented (units of `quote` per 1 `base`): "USD/CNY 6.9692"; "USD/CNY ?" when not a positive number. */
export function pairText(base: string, quote: string, rate: number, number: (x: number) => string = rateNumber): string {
  return `${base}/${quote} ${rate > 0 && Number.isFinite(rate) ? number(rate) : '?'}`;
}

const UNIT_NAMES: Record<string, string> = {
  t: 'tonne',
  kg: 'kilogram',
  g: 'gram',
  oz: 'ounce',
  kWh: 'kilowatt-hour',
  MWh: 'megawatt-hour',
  W: 'watt',
  m2: 'square metre',
  share: 'share',
  'TH/s': 'TH/s of hash rate',
};

/** The English name of a per-unit unit: "t" → "tonne"; unknown units are returned as written. */
export function unitName(per: string): string {
  return UNIT_NAMES[per] ?? per;
}

/** True when the text contains a CJK ideograph (decides the "auto" number style). */
export function hasCjk(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) return true;
  }
  return false;
}

/** The style a figure is described in first: the setting, or the figure's own script for "auto". */
export function styleFor(figureText: string, setting: 'auto' | 'zh' | 'en'): MoneyStyle {
  if (setting === 'en') return 'en';
  if (setting === 'auto' && !hasCjk(figureText)) return 'en';
  // Chinese in the figure's own script; Simplified when it does not tell ("230 美元").
  return scriptOf(figureText) === 'traditional' ? 'zh-Hant' : 'zh';
}

/**
 * The style of text written into (or shown in) a sentence of a document at `offset`, next
 * to a figure written `figureText`: English when the setting says so, or for "auto" when
 * neither the figure nor its sentence is Chinese; else Chinese in the sentence's script
 * (the document's, `traditional`, when the sentence does not tell).
 */
export function styleAt(text: string, offset: number, figureText: string, traditional: boolean, setting: 'auto' | 'zh' | 'en' = 'auto'): MoneyStyle {
  if (setting === 'en') return 'en';
  if (setting === 'auto' && !hasCjk(figureText)) {
    const s = sentenceAround(text, offset);
    if (!mostlyChinese(text, s.start, s.end)) return 'en';
  }
  return scriptAt(text, offset, traditional ? 'traditional' : 'simplified') === 'traditional' ? 'zh-Hant' : 'zh';
}

/**
 * A short amount for an inlay hint, in one style: "US$538M", "US$4.30–5.02B" in English;
 * "230亿美元", "20万–25万元/平方米" in Simplified; "230億美元", "2.18萬美元/噸" in
 * Traditional (three significant digits).
 */
export function hintAmount(f: Pick<Figure, 'value' | 'min' | 'max' | 'per'> & { currency: string }, style: MoneyStyle): string {
  if (style === 'en') return compactFigure(f);
  const opts = { digits: 3, per: f.per };
  if (f.min !== null && f.max !== null && f.min !== f.max) return formatRange(f.min, f.max, f.currency, style, opts);
  return formatAmount(f.value, f.currency, style, opts);
}
