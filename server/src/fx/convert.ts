/**
 * Currency conversion through USD, using the rates of `rateAt` (units per 1 USD):
 * amount_in_to = amount_in_from / perUsd(from) * perUsd(to).
 */
import type { Figure } from '../analysis/types';
import { rateAt, type RateInfo } from './rates';

/** A converted amount and the two rates it went through. */
export interface Conversion {
  value: number;
  /** Units of `to` per 1 unit of `from`. */
  rate: number;
  fromRate: RateInfo;
  toRate: RateInfo;
}

/** A figure expressed in another currency. A per-unit price keeps its unit. */
export interface ConvertedFigure {
  currency: string;
  value: number;
  min: number | null;
  max: number | null;
  per: string | null;
  approximate: boolean;
  /** Units of `currency` per 1 unit of the figure's own currency. */
  rate: number;
  fromRate: RateInfo;
  toRate: RateInfo;
}

/**
 * Converts `value` from one currency to another at the rates for `date` (see `rateAt`).
 * Null when either currency is unknown or the value is not finite.
 */
export function convertAmount(
  value: number,
  from: string,
  to: string,
  date: string | null,
  overrides?: Record<string, number>,
): Conversion | null {
  if (!Number.isFinite(value)) return null;
  const fromRate = rateAt(from, date, overrides);
  const toRate = rateAt(to, date, overrides);
  if (!fromRate || !toRate) return null;
  const rate = fromRate.currency === toRate.currency ? 1 : toRate.perUsd / fromRate.perUsd;
  return { value: value * rate, rate, fromRate, toRate };
}

/**
 * Converts a figure's value, min and max into `to`. A per-unit price is converted per
 * unit ("99.44元/股" → "US$14.27/share"): the unit is unchanged. Null when a currency is
 * unknown.
 */
export function convertFigure(
  figure: Pick<Figure, 'currency' | 'value' | 'min' | 'max' | 'per' | 'approximate'>,
  to: string,
  date: string | null,
  overrides?: Record<string, number>,
): ConvertedFigure | null {
  const base = convertAmount(figure.value, figure.currency, to, date, overrides);
  if (!base) return null;
  const scale = (v: number | null) => (v === null ? null : v * base.rate);
  return {
    currency: base.toRate.currency,
    value: base.value,
    min: scale(figure.min),
    max: scale(figure.max),
    per: figure.per,
    approximate: figure.approximate,
    rate: base.rate,
    fromRate: base.fromRate,
    toRate: base.toRate,
  };
}
