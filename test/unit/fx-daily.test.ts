/**
 * Issue 15, part 1: the daily rate history and the rate choice for a dated note (the day's
 * reference rate; else the month's average; else the nearest earlier day; after the
 * history, the newest rate with its age). The data is the committed, built-in history, so
 * these tests need no network and no ../shared.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { rateAt, coverage } from '../../server/src/fx/rates';
import { dailyHistory, dayIndexAtOrBefore, dayName, dayNumber, decodeDaily } from '../../server/src/fx/dailyHistory';
import { rateLabel, sourceLabel } from '../../server/src/features/hover';

test('the history runs daily from 2015-01-02 (the first day of 2015 with a rate): ECB to 2026-04-13, the Fed\'s TWD to 2026-09-25', () => {
  const h = dailyHistory();
  assert.equal(dayName(h.days[0]), '2015-01-02');
  assert.equal(dayName(h.days[h.days.length - 1]), '2026-09-25');
  assert.ok(h.days.length > 2800, String(h.days.length));
  for (let i = 1; i < h.days.length; i++) assert.ok(h.days[i] > h.days[i - 1], 'ascending');
  for (const code of ['CNY', 'HKD', 'JPY', 'EUR', 'GBP', 'KRW', 'IDR']) assert.ok(h.codes.has(code), code);
  assert.equal(h.sourceOf('CNY'), 'ECB reference rate');
  assert.equal(h.sourceOf('TWD'), 'Federal Reserve H.10 noon buying rate', 'the ECB does not publish TWD: the Fed\'s series');
});

test('a published day converts at that day\'s ECB rate (units per USD = X per EUR / USD per EUR)', () => {
  const r = rateAt('CNY', '2024-03-15')!;
  assert.equal(r.kind, 'daily');
  assert.equal(r.date, '2024-03-15');
  assert.equal(r.month, '2024-03');
  assert.equal(r.source, 'ECB reference rate');
  assert.equal(r.stale, false);
  // eurofxref-hist 2024-03-15: USD 1.0892, CNY 7.838 per EUR, kept as published: the cross is exact.
  assert.equal(r.perUsd, 7.838 / 1.0892);
  assert.ok(Math.abs(rateAt('EUR', '2024-03-15')!.perUsd - 1 / 1.0892) < 5e-6);
});

test('a day without a rate (weekend, holiday) takes the month\'s average', () => {
  const sat = rateAt('CNY', '2024-03-16')!;
  assert.equal(sat.kind, 'monthly');
  assert.equal(sat.date, '2024-03');
  assert.match(sat.source, /Federal Reserve/);
  const twdSat = rateAt('TWD', '2024-03-16')!;
  assert.equal(twdSat.kind, 'monthly');
  assert.equal(twdSat.date, '2024-03');
});

test('TWD converts at the Fed\'s H.10 noon rate of the day, beyond the monthly table too', () => {
  const twd = rateAt('TWD', '2024-03-15')!;
  assert.equal(twd.kind, 'daily');
  assert.equal(twd.source, 'Federal Reserve H.10 noon buying rate');
  assert.equal(twd.perUsd, 31.66); // DEXTAUS 2024-03-15
  assert.equal(rateLabel(twd), 'Federal Reserve H.10 noon buying rate of 2024-03-15');
  // The monthly table ends 2026-06; the Fed's days go on to 2026-09-25.
  assert.equal(coverage('TWD')!.to, '2026-06');
  const aug = rateAt('TWD', '2026-08-14')!;
  assert.equal(aug.kind, 'daily');
  assert.equal(aug.stale, false);
  const sat = rateAt('TWD', '2026-08-15')!;
  assert.equal(sat.kind, 'nearest-earlier');
  assert.equal(sat.date, '2026-08-14');
});

test('no day rate and no month average: the nearest earlier day, and the result says so', () => {
  // IDR's monthly series ends 2026-03; 2026-04-11 is a Saturday inside the daily history.
  assert.equal(coverage('IDR')!.to, '2026-03');
  const r = rateAt('IDR', '2026-04-11')!;
  assert.equal(r.kind, 'nearest-earlier');
  assert.equal(r.date, '2026-04-10');
  assert.equal(r.perUsd, rateAt('IDR', '2026-04-10')!.perUsd);
  assert.equal(rateAt('IDR', '2026-04-10')!.kind, 'daily');
});

test('today\'s note, after the history: the newest rate, with the staleness warning', () => {
  const today = new Date().toISOString().slice(0, 10);
  const cny = rateAt('CNY', today)!;
  // The monthly table (to 2026-06) is newer than the daily one (to 2026-04-13).
  assert.equal(cny.kind, 'monthly');
  assert.equal(cny.date, coverage('CNY')!.to);
  assert.equal(cny.stale, cny.ageMonths >= 3);
  const idr = rateAt('IDR', '2026-12-04')!;
  assert.equal(idr.kind, 'nearest-earlier');
  assert.equal(idr.date, '2026-04-13', 'the daily history is newer than IDR\'s monthly table');
  assert.equal(idr.stale, true);
  assert.equal(idr.ageMonths, 8);
});

test('an impossible or malformed day is not a day: the month rule applies', () => {
  assert.equal(dayNumber('2024-02-30'), null);
  assert.equal(dayNumber('2024-2-03'), null);
  assert.equal(rateAt('CNY', '2024-02-30')!.kind, 'monthly');
  assert.equal(rateAt('CNY', '2024-03')!.kind, 'monthly');
});

test('property: for every day of the history, the choice follows the rule', () => {
  const h = dailyHistory();
  const first = h.days[0] - 3;
  const last = h.days[h.days.length - 1] + 40;
  fc.assert(
    fc.property(fc.constantFrom('CNY', 'EUR', 'JPY', 'IDR', 'RUB', 'HKD'), fc.integer({ min: first, max: last }), (code, day) => {
      const date = dayName(day);
      const r = rateAt(code, date)!;
      const values = h.series(code)!;
      const i = dayIndexAtOrBefore(h, day);
      const published = i >= 0 && h.days[i] === day && !Number.isNaN(values[i]);
      assert.equal(r.kind === 'daily', published, `${code} ${date}`);
      if (published) assert.equal(r.perUsd, values[i]);
      if (r.kind === 'nearest-earlier') assert.ok(r.date < date, `${r.date} is before ${date}`);
      if (r.kind === 'daily' || r.kind === 'nearest-earlier') assert.equal(r.month, r.date.slice(0, 7));
      assert.ok(r.perUsd > 0);
    }),
    { numRuns: 3000 },
  );
});

test('the packed form decodes gaps, missing fields, published decimals and the cross through USD', () => {
  const h = decodeDaily({
    sources: { ecb: 'E', fed: 'F' },
    from: '2024-01-01',
    gaps: '113',
    perEur: { USD: { decimals: 4, deltas: '11000,,100' }, ABC: { decimals: 2, deltas: '770,5,-10' } },
    perUsd: { XYZ: { decimals: 2, deltas: '3145,,5' } },
  });
  assert.deepEqual([...h.days].map(dayName), ['2024-01-01', '2024-01-02', '2024-01-05']);
  const abc = h.series('ABC')!;
  assert.equal(abc[0], 7.7 / 1.1);
  assert.ok(Number.isNaN(abc[1]), 'no USD that day: no cross');
  assert.equal(abc[2], 7.65 / 1.11);
  assert.equal(h.series('EUR')![2], 1 / 1.11);
  const xyz = h.series('XYZ')!;
  assert.equal(xyz[0], 31.45);
  assert.ok(Number.isNaN(xyz[1]));
  assert.equal(xyz[2], 31.5);
  assert.equal(h.sourceOf('ABC'), 'E');
  assert.equal(h.sourceOf('XYZ'), 'F');
  assert.deepEqual([...h.codes].sort(), ['ABC', 'EUR', 'XYZ']);
  assert.equal(h.series('USD'), undefined, 'USD is 1 by definition, not a series');
});

test('a series coded against the dollar\'s move decodes to the published figures', () => {
  // USD per EUR 1.1000 → 1.1100: a currency at 7.70 per EUR that follows the dollar is
  // predicted at round(770 × 11100 / 11000) = 777; published 7.78, so the field is 1.
  const h = decodeDaily({
    sources: { ecb: 'E', fed: 'F' },
    from: '2024-01-01',
    gaps: '111',
    perEur: { USD: { decimals: 4, deltas: '11000,100,-200' }, ABC: { decimals: 2, usd: 1, deltas: '770,1,-5' } },
    perUsd: {},
  });
  const abc = h.series('ABC')!;
  // Day 3: USD 1.0900; predicted round(778 × 10900 / 11100) = 764, plus -5 → 7.59.
  assert.deepEqual([...abc], [7.7 / 1.1, 7.78 / 1.11, 7.59 / 1.09]);
});

test('the hover label says which rate was used', () => {
  assert.equal(rateLabel(rateAt('CNY', '2024-03-15')!), 'ECB reference rate of 2024-03-15');
  assert.match(rateLabel(rateAt('CNY', '2024-03-16')!), /^monthly average, 2024-03 · Federal Reserve/);
  assert.equal(rateLabel(rateAt('IDR', '2026-04-11')!), 'nearest earlier day with a rate, 2026-04-10 · ECB reference rate');
  assert.equal(rateLabel(rateAt('CNY', '2024-03-15', { CNY: 7 })!), '2024-03 · user setting');
});

test('the hover names the source in the hover\'s language; a user\'s file name stays as written', async () => {
  const { translator } = await import('../../server/src/l10n');
  assert.equal(rateLabel(rateAt('CNY', '2024-03-15')!, translator('zh-cn')), '2024-03-15 的欧洲央行参考汇率');
  assert.equal(rateLabel(rateAt('TWD', '2024-03-15')!, translator('zh-tw')), '2024-03-15 的聯準會 H.10 中午買入匯率');
  assert.equal(rateLabel(rateAt('CNY', '2024-03-16')!, translator('zh-tw')), '2024-03 月均值 · 聯準會 H.10/G.5 月均值（FRED）');
  assert.equal(sourceLabel('desk_rates.csv'), 'desk\\_rates.csv', 'escaped as Markdown, not translated');
});
