import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rateAt, knownCurrencies, latestRate, coverage, USER_SOURCE } from '../../server/src/fx/rates';
import { convertAmount, convertFigure } from '../../server/src/fx/convert';
import { formatAmount, formatRange, formatPer, describeFigure } from '../../server/src/fx/format';
import type { Figure } from '../../server/src/analysis/types';

test('rateAt takes the month of the date when the day has no rate (a Saturday) or only the month is given', () => {
  const r = rateAt('CNY', '2026-01-17')!;
  assert.equal(r.kind, 'monthly');
  assert.equal(r.date, '2026-01');
  assert.equal(r.month, '2026-01');
  assert.equal(r.perUsd, 6.9692);
  assert.equal(r.ageMonths, 0);
  assert.equal(r.stale, false);
  assert.match(r.source, /Federal Reserve/);
  assert.equal(rateAt('CNY', '2026-01')!.kind, 'monthly', 'a month-only date takes the average even when days exist');
  assert.equal(rateAt('cny', '2026-02')!.month, '2026-02', 'YYYY-MM and lower-case codes are accepted');
});

test('rateAt after the last month uses the last month and reports its age', () => {
  const r = rateAt('HKD', '2026-09-15')!;
  assert.equal(r.month, coverage('HKD')!.to);
  assert.equal(r.month, '2026-06');
  assert.equal(r.ageMonths, 3);
  assert.equal(r.stale, true);
  const near = rateAt('HKD', '2026-07-01')!;
  assert.equal(near.ageMonths, 1);
  assert.equal(near.stale, false);
});

test('rateAt before the first month uses the first month', () => {
  const r = rateAt('EUR', '2010-03-01')!;
  assert.equal(r.month, '2015-01');
  assert.ok(r.ageMonths < 0);
  assert.equal(r.stale, true);
});

test('rateAt with no date uses the latest month; a series that stopped is stale when dated', () => {
  assert.equal(rateAt('CNY', null)!.month, '2026-06');
  assert.equal(rateAt('CNY', null)!.ageMonths, 0);
  // RUB: the monthly series ends 2022-02, the ECB's last RUB day is 2022-03-01 (the nearest earlier day).
  const rub = rateAt('RUB', '2026-01-07')!;
  assert.equal(rub.kind, 'nearest-earlier');
  assert.equal(rub.date, '2022-03-01');
  assert.equal(rub.month, '2022-03');
  assert.equal(rub.stale, true);
});

test('USD is always 1, overrides win, unknown currencies give null', () => {
  assert.equal(rateAt('USD', '2026-01-07')!.perUsd, 1);
  assert.equal(rateAt('USD', null, { USD: 2 })!.perUsd, 1);
  const o = rateAt('CNY', '2026-01-07', { cny: 7.25 })!;
  assert.equal(o.perUsd, 7.25);
  assert.equal(o.source, USER_SOURCE);
  assert.equal(o.month, '2026-01');
  assert.equal(o.kind, 'user');
  // eurofxref-hist 2026-01-07: CNY 8.1685 and USD 1.1684 per EUR.
  assert.equal(rateAt('CNY', '2026-01-07', { CNY: -1 })!.perUsd, 8.1685 / 1.1684, 'a non-positive override is ignored (the day\'s ECB rate)');
  assert.equal(rateAt('XYZ', '2026-01-07'), null);
  assert.equal(rateAt('XYZ', null, { XYZ: 3 })!.perUsd, 3, 'an override can add a currency');
});

test('a currency with only a spot quote falls back on it', () => {
  const vnd = rateAt('VND', '2026-01-07')!;
  assert.ok(vnd.perUsd > 20000);
  assert.match(vnd.source, /spot/);
  assert.equal(latestRate('CNY')!.kind, 'daily');
  assert.equal(latestRate('CNY', 'spot')!.date, '2026-09-29');
  assert.ok(knownCurrencies().includes('USD') && knownCurrencies().includes('VND') && knownCurrencies().includes('TWD'));
});

test('1,600 亿人民币 in January 2026 is about US$23 billion', () => {
  const c = convertAmount(160e9, 'CNY', 'USD', '2026-01-07')!;
  assert.ok(c.value > 22.5e9 && c.value < 23.1e9, String(c.value));
  assert.ok(Math.abs(c.rate - 1.1684 / 8.1685) < 1e-15, 'the ECB rate of 2026-01-07');
  assert.equal(formatAmount(c.value, 'USD', 'en'), 'US$22.9 billion');
  const hk = convertAmount(4.19e9, 'HKD', 'USD', '2026-01-07')!;
  assert.ok(Math.abs(hk.value - 5.381e8) < 0.001e8, String(hk.value)); // at the ECB rate of 2026-01-07, 9.0976 / 1.1684 = 7.78637
  assert.equal(convertAmount(5, 'CNY', 'XYZ', null), null);
  assert.equal(convertAmount(5, 'CNY', 'CNY', null)!.value, 5);
});

test('convertFigure converts value, min and max and keeps the per-unit', () => {
  const figure: Figure = {
    text: '20萬-25萬元/平方米', offset: 0, length: 12, currency: 'CNY', value: 225000, min: 200000, max: 250000,
    approximate: false, per: 'm2', qualifier: null,
  };
  const c = convertFigure(figure, 'USD', '2026-01-23', { CNY: 8 })!;
  assert.equal(c.currency, 'USD');
  assert.equal(c.value, 28125);
  assert.equal(c.min, 25000);
  assert.equal(c.max, 31250);
  assert.equal(c.per, 'm2');
  assert.equal(convertFigure({ ...figure, min: null, max: null }, 'USD', null)!.min, null);
});

test('formatAmount in Chinese style', () => {
  assert.equal(formatAmount(160e9, 'CNY', 'zh'), '1,600亿元');
  assert.equal(formatAmount(160e9, 'CNY', 'zh', { cnyWord: '人民币' }), '1,600亿人民币');
  assert.equal(formatAmount(0, 'CNY', 'zh'), '0元');
  assert.equal(formatAmount(999, 'USD', 'zh'), '999美元');
  assert.equal(formatAmount(1e4, 'HKD', 'zh'), '1万港元');
  assert.equal(formatAmount(1e8, 'USD', 'zh'), '1亿美元');
  assert.equal(formatAmount(1e12, 'CNY', 'zh'), '1万亿元');
  assert.equal(formatAmount(4.19e9, 'HKD', 'zh'), '41.9亿港元');
  assert.equal(formatAmount(-99.8e8, 'CNY', 'zh'), '-99.8亿元');
  assert.equal(formatAmount(99996000, 'CNY', 'zh'), '1亿元', 'rounding carries into the next scale');
  assert.equal(formatAmount(3.5e9, 'EUR', 'zh'), '35亿欧元');
  assert.equal(formatAmount(1.5e9, 'JPY', 'zh'), '15亿日元');
});

test('formatAmount in English style', () => {
  assert.equal(formatAmount(160e9, 'CNY', 'en'), 'CNY 160.0 billion');
  assert.equal(formatAmount(22.5e9, 'USD', 'en'), 'US$22.5 billion');
  assert.equal(formatAmount(4.19e9, 'HKD', 'en'), 'HK$4.19 billion');
  assert.equal(formatAmount(0, 'USD', 'en'), 'US$0');
  assert.equal(formatAmount(999, 'USD', 'en'), 'US$999');
  assert.equal(formatAmount(1e4, 'USD', 'en'), 'US$10,000');
  assert.equal(formatAmount(1e8, 'USD', 'en'), 'US$100.0 million');
  assert.equal(formatAmount(1e12, 'USD', 'en'), 'US$1.00 trillion');
  assert.equal(formatAmount(-22.5e9, 'USD', 'en'), '-US$22.5 billion');
  assert.equal(formatAmount(999.97e6, 'USD', 'en'), 'US$1.00 billion');
  assert.equal(formatAmount(99.44, 'CNY', 'en'), 'CNY 99.44');
  assert.equal(formatAmount(0.03, 'USD', 'en', { per: 'kWh' }), 'US$0.03/kWh');
  assert.equal(formatAmount(22.5e9, 'USD', 'en', { symbols: false }), 'USD 22.5 billion');
  for (const v of [1e11, 1e15, 1e20, 1e-7]) {
    assert.doesNotMatch(formatAmount(v, 'CNY', 'en'), /e[+-]/);
    assert.doesNotMatch(formatAmount(v, 'CNY', 'zh'), /e[+-]/);
  }
});

test('formatRange, formatPer and describeFigure', () => {
  assert.equal(formatRange(2e5, 2.5e5, 'CNY', 'zh', { per: 'm2' }), '20万–25万元/平方米');
  assert.equal(formatRange(1.2e9, 1.5e9, 'USD', 'en'), 'US$1.20–1.50 billion');
  assert.equal(formatRange(8e8, 1.2e9, 'USD', 'en'), 'US$800.0 million–1.20 billion');
  assert.equal(formatRange(2, 3, 'USD', 'en', { per: 'kWh' }), 'US$2–3/kWh');
  assert.equal(formatPer('t'), '/t');
  assert.equal(formatPer('kWh', 'zh'), '/千瓦时');
  assert.equal(formatPer(null), '');
  const base = { currency: 'CNY', value: 160e9, min: null, max: null, per: null, approximate: false };
  assert.equal(describeFigure(base), 'CNY 160.0 billion / 1,600亿元');
  assert.equal(describeFigure({ ...base, currency: 'USD', value: 13e9, approximate: true }), '~US$13.0 billion / ~130亿美元');
});
