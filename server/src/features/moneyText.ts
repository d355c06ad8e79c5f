/**
 * Short texts about money shared by the hover and the inlay hints: Markdown escaping,
 * compact amounts ("US$23.0B", "US$21.8k/t"), rates ("6.9692 CNY/USD"), unit names and
 * the choice of number style. Pure: no LSP, no settings lookups.
 */
import type { Figure } from '../analysis/types';
import { formatAmount, type MoneyStyle } from '../fx/format';

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
 * A rate between two currencies, written the conventional way round so the number is at
 * least 1: converting CNY to USD at 0.1435 USD per CNY reads "6.9692 CNY/USD".
 * `rate` is units of `to` per 1 unit of `from`.
 */
export function rateText(from: string, to: string, rate: number): string {
  if (!(rate > 0) || !Number.isFinite(rate)) return `? ${to}/${from}`;
  return rate >= 1 ? `${rateNumber(rate)} ${to}/${from}` : `${rateNumber(1 / rate)} ${from}/${to}`;
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
  if (setting !== 'auto') return setting;
  return hasCjk(figureText) ? 'zh' : 'en';
}
