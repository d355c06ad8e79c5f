/**
 * Issue 15: the user's rates and the downloaded rates, layered over the built-in tables.
 * Order for a day: the user's fixing (that day, or up to USER_REACH_DAYS earlier) → the
 * downloaded rate of that very day → the built-in day → the month's average → the nearest
 * earlier day, where a downloaded day later than the built-in one wins.
 */
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { knownCurrencies, rateAt } from '../../server/src/fx/rates';
import { buildLayer, layerNewestDay, setRateLayer, USER_REACH_DAYS } from '../../server/src/fx/layers';
import { dayNumber } from '../../server/src/fx/dailyHistory';
import { rateLabel } from '../../server/src/features/hover';

const day = (d: string) => dayNumber(d)!;

afterEach(() => {
  setRateLayer('user', null);
  setRateLayer('downloaded', null);
});

function downloaded(rows: [string, string, number][]) {
  setRateLayer('downloaded', buildLayer('downloaded', 'ECB reference rate', rows.map(([d, currency, perUsd]) => ({ day: day(d), currency, perUsd }))));
}
function user(rows: [string, string, number][]) {
  setRateLayer('user', buildLayer('user', 'desk.csv', rows.map(([d, currency, perUsd]) => ({ day: day(d), currency, perUsd }))));
}

test('without layers, a note of December 2026 falls back on the built-in tables', () => {
  const r = rateAt('CNY', '2026-12-03')!;
  assert.notEqual(r.kind, 'downloaded');
  assert.ok(r.ageMonths > 0, 'the built-in table ends before December 2026');
});

test('a downloaded rate of the note\'s own day is used, kind downloaded, with its day', () => {
  downloaded([['2026-12-02', 'CNY', 7.01], ['2026-12-03', 'CNY', 7.02]]);
  const r = rateAt('CNY', '2026-12-03')!;
  assert.equal(r.kind, 'downloaded');
  assert.equal(r.date, '2026-12-03');
  assert.equal(r.perUsd, 7.02);
  assert.equal(r.ageMonths, 0);
  assert.equal(r.stale, false);
  assert.equal(r.earlier, undefined);
  assert.equal(rateLabel(r), 'downloaded ECB reference rate of 2026-12-03');
});

test('today\'s note before today\'s publication takes the nearest earlier downloaded day and says so', () => {
  downloaded([['2026-12-01', 'CNY', 7.0], ['2026-12-02', 'CNY', 7.01]]);
  const r = rateAt('CNY', '2026-12-05')!;
  assert.equal(r.kind, 'downloaded');
  assert.equal(r.date, '2026-12-02');
  assert.equal(r.earlier, true);
  assert.match(rateLabel(r), /nearest earlier day/);
});

test('a downloaded day overrides the built-in history only on the days it has', () => {
  const builtin = rateAt('CNY', '2024-03-15')!;
  assert.equal(builtin.kind, 'daily');
  downloaded([['2024-03-15', 'CNY', 7.5]]);
  assert.equal(rateAt('CNY', '2024-03-15')!.kind, 'downloaded');
  // The next day is a Saturday: the month's average comes before an earlier downloaded day.
  const sat = rateAt('CNY', '2024-03-16')!;
  assert.equal(sat.kind, 'monthly');
  assert.deepEqual(rateAt('CNY', '2024-03-14'), rateAt('CNY', '2024-03-14'));
  assert.equal(rateAt('CNY', '2024-03-14')!.kind, 'daily');
});

test('the user\'s fixing wins over downloaded and built-in rates, and reaches back a week at most', () => {
  downloaded([['2026-12-03', 'CNY', 7.02]]);
  user([['2026-12-03', 'CNY', 7.1], ['2024-03-15', 'CNY', 7.3]]);
  const r = rateAt('CNY', '2026-12-03')!;
  assert.equal(r.kind, 'user');
  assert.equal(r.perUsd, 7.1);
  assert.equal(r.source, 'desk.csv');
  assert.equal(rateLabel(r), 'your rate of 2026-12-03 · desk.csv');
  // A Sunday takes Friday's fixing; it says it is an earlier day.
  const sun = rateAt('CNY', '2024-03-17')!;
  assert.equal(sun.kind, 'user');
  assert.equal(sun.date, '2024-03-15');
  assert.equal(sun.earlier, true);
  // Beyond the reach, the built-in history is used again.
  const late = new Date((day('2024-03-15') + USER_REACH_DAYS + 1) * 86400000).toISOString().slice(0, 10);
  assert.notEqual(rateAt('CNY', late)!.kind, 'user');
});

test('the user\'s layer answers month-only and undated amounts with its own fixings', () => {
  user([['2025-06-10', 'CNY', 7.2], ['2025-06-20', 'CNY', 7.25], ['2025-08-01', 'CNY', 7.3]]);
  const june = rateAt('CNY', '2025-06')!;
  assert.equal(june.kind, 'user');
  assert.equal(june.date, '2025-06-20');
  assert.equal(rateAt('CNY', '2025-07')!.kind, 'monthly', 'no fixing inside July');
  const undated = rateAt('CNY', null)!;
  assert.equal(undated.kind, 'user');
  assert.equal(undated.perUsd, 7.3);
});

test('a currency only the user knows becomes known; other currencies are untouched', () => {
  assert.equal(rateAt('AED', '2026-01-05'), null);
  user([['2026-01-05', 'AED', 3.6725]]);
  assert.equal(rateAt('AED', '2026-01-05')!.perUsd, 3.6725);
  assert.ok(knownCurrencies().includes('AED'));
  assert.equal(rateAt('JPY', '2024-03-15')!.kind, 'daily');
  assert.equal(rateAt('USD', '2026-01-05')!.perUsd, 1);
});

test('the last row for a day wins; layers report their newest day; an empty layer is no layer', () => {
  const l = buildLayer('user', 'x', [
    { day: day('2026-01-05'), currency: 'CNY', perUsd: 7 },
    { day: day('2026-01-02'), currency: 'CNY', perUsd: 6.9 },
    { day: day('2026-01-05'), currency: 'CNY', perUsd: 7.05 },
  ]);
  assert.deepEqual([...l.series.get('CNY')!.days], [day('2026-01-02'), day('2026-01-05')]);
  assert.deepEqual([...l.series.get('CNY')!.values], [6.9, 7.05]);
  assert.equal(layerNewestDay(l), '2026-01-05');
  setRateLayer('user', buildLayer('user', 'empty', []));
  assert.equal(rateAt('CNY', '2024-03-15')!.kind, 'daily');
});

test('an undated amount converts at the newest rate there is: a downloaded day newer than the tables', () => {
  const before = rateAt('CNY', null)!;
  assert.equal(before.kind, 'monthly');
  downloaded([['2026-12-01', 'CNY', 7.0], ['2026-12-02', 'CNY', 7.01]]);
  const r = rateAt('CNY', null)!;
  assert.equal(r.kind, 'downloaded');
  assert.equal(r.date, '2026-12-02');
  assert.equal(r.perUsd, 7.01);
  // A downloaded day older than the tables' newest month does not replace it.
  downloaded([['2020-01-02', 'CNY', 6.9]]);
  assert.deepEqual(rateAt('CNY', null), before);
});

test('the hover of an undated note names the newest downloaded day as the latest rates', async () => {
  const { figureHoverMarkdown } = await import('../../server/src/features/hover');
  const figure = { text: '50 亿元', currency: 'CNY', value: 5e9, min: null, max: null, per: null, approximate: false, qualifier: null } as never;
  const settings = { baseCurrency: 'USD', displayCurrencies: ['USD'], rateOverrides: {}, numberStyle: 'auto' } as never;
  assert.match(figureHoverMarkdown(figure, null, settings), /latest rates \(2026-06\)/);
  downloaded([['2026-12-02', 'CNY', 7.01]]);
  const md = figureHoverMarkdown(figure, null, settings);
  assert.match(md, /latest rates \(2026-12-02\)/);
  assert.match(md, /downloaded ECB reference rate of 2026-12-02/);
});
