/**
 * Stated conversions: a figure immediately followed by the same amount in another currency,
 * "1,600 亿人民币(约 230 亿美元)", "HK$4.19B / $538M", "59.7 billion yuan (about $8.6 billion)",
 * "$1 billion, or 7.1 billion yuan". Pure: no LSP, no settings lookup; the diagnostics and
 * code actions build on it.
 *
 * Pairing is deliberately syntactic and strict. Only what stands between the two figures
 * decides: an opening parenthesis, a slash, or a conversion word (约合, 约, about, or...)
 * optionally after a comma. Anything else ("A, then B", "A and B", "A 与 B") means the
 * second figure is a different amount, not a restatement of the first.
 */
import type { Figure } from '../analysis/types';
import { convertAmount } from '../fx/convert';
import { USER_SOURCE, type RateInfo } from '../fx/rates';
import { pairConversions, type ConversionPair } from '../analysis/facts/conversions';
import { marketPair, pairText } from './moneyText';
import { english, type Translator } from '../l10n';

/** A figure and its stated conversion written right after it. */

/** The verdict on one stated conversion. */
export interface ConversionCheck extends ConversionPair {
  /** What `to` should say at the reference rate, in `to.currency` (midpoint for a range). */
  expected: number;
  /** Relative difference of the stated value from `expected`: 0.13 = 13% too high. */
  off: number;
  /** True when |off| exceeds the tolerance. */
  flagged: boolean;
  /** The rate pair the message is written in: units of `quote` per 1 `base`. */
  quote: string;
  base: string;
  /** Rate implied by the two stated figures, units of `quote` per `base`. */
  impliedRate: number;
  /** Reference rate, units of `quote` per `base`. */
  referenceRate: number;
  /** "2026-01 average, Fed H.10" or "user setting". */
  reference: string;
  /** The rates of the two currencies the reference comes from. */
  rates: [RateInfo, RateInfo];
  /** The full diagnostic message, in English (conversionMessage writes it in another language). */
  message: string;
}

// The stated-conversion pairing is the analysis's (one owner, shared with fact grouping).
export { isConversionGap, pairConversions, type ConversionPair } from '../analysis/facts/conversions';

/** Short names of the rate sources, for one-line messages. */
function shortSource(source: string): string {
  if (/^Federal Reserve H\.10/i.test(source)) return 'Fed H.10';
  if (/^ECB reference rates?,? daily/i.test(source) || /daily/i.test(source) || source === 'ECB reference rate') return 'ECB daily';
  if (/^ECB/i.test(source)) return 'ECB';
  if (/spot/i.test(source)) return 'spot quote';
  return source;
}

/** Where a reference rate comes from: "2026-01 average, Fed H.10", or "user setting". */
export function describeReference(a: RateInfo, b: RateInfo, tr: Translator = english): string {
  const rates = [a, b].filter((r) => r.currency !== 'USD');
  if (!rates.length) return tr('rate.definition');
  if (rates.some((r) => r.source === USER_SOURCE)) return tr('rate.userSetting');
  const sources = [...new Set(rates.map((r) => shortSource(r.source)))].join(' / ');
  // A day's rate (fx/rates.ts RateKind) is named by its day, a monthly average by its month.
  const month = rates.map((r) => (r.kind === 'monthly' ? r.month : r.date)).sort()[0];
  const monthly = rates.every((r) => r.kind === 'monthly' && !/daily|spot/i.test(r.source));
  return tr(monthly ? 'rate.monthAverage' : 'rate.month', month, sources);
}

/** A rate for a message: "6.97", "156.3", "0.128". */
export function formatRate(rate: number): string {
  if (rate >= 100) return rate.toFixed(1);
  if (rate >= 1) return rate.toFixed(2);
  return rate.toPrecision(3);
}

/** A relative difference for a message: "13%", "5.4%". */
function formatOff(off: number): string {
  const pct = Math.abs(off) * 100;
  return pct >= 10 ? `${Math.round(pct)}%` : `${pct.toFixed(1)}%`;
}

/**
 * Checks one stated conversion against the reference rate for `date` (overrides win).
 * Null when a currency has no rate or a value is not positive.
 */
export function checkConversion(
  pair: ConversionPair,
  date: string | null,
  tolerance: number,
  overrides?: Record<string, number>,
): ConversionCheck | null {
  const { from, to } = pair;
  if (!(from.value > 0) || !(to.value > 0)) return null;
  const conv = convertAmount(from.value, from.currency, to.currency, date, overrides);
  if (!conv || !(conv.value > 0)) return null;
  const off = to.value / conv.value - 1;
  // The pair as markets quote it (USD/CNY, EUR/USD). conv.rate is units of `to` per 1 unit of `from`.
  const toPerFrom = conv.rate;
  const { base, quote } = marketPair(from.currency, to.currency, toPerFrom);
  const fromIsBase = base === from.currency;
  const referenceRate = fromIsBase ? toPerFrom : 1 / toPerFrom;
  const impliedRate = fromIsBase ? to.value / from.value : from.value / to.value;
  const reference = describeReference(conv.fromRate, conv.toRate);
  const check = { from, to, expected: conv.value, off, flagged: Math.abs(off) > tolerance, base, quote, impliedRate, referenceRate, reference, rates: [conv.fromRate, conv.toRate] as [RateInfo, RateInfo], message: '' };
  check.message = conversionMessage(check, english);
  return check;
}

/** The message of a stated conversion check: "Stated conversion implies USD/CNY 6.15; reference USD/CNY 6.97 (2026-01 average, Fed H.10): 13% off". */
export function conversionMessage(c: Omit<ConversionCheck, 'message'>, tr: Translator): string {
  const implied = pairText(c.base, c.quote, c.impliedRate, formatRate);
  const reference = pairText(c.base, c.quote, c.referenceRate, formatRate);
  return tr('diag.conversionMismatch', implied, reference, describeReference(c.rates[0], c.rates[1], tr), formatOff(c.off));
}

/** Every stated conversion of a document that disagrees with the reference rate beyond `tolerance`. */
export function findMismatches(
  text: string,
  figures: readonly Figure[],
  date: string | null,
  tolerance: number,
  overrides?: Record<string, number>,
): ConversionCheck[] {
  const out: ConversionCheck[] = [];
  for (const pair of pairConversions(text, figures)) {
    const check = checkConversion(pair, date, tolerance, overrides);
    if (check?.flagged) out.push(check);
  }
  return out;
}
