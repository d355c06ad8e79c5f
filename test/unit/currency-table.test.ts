/**
 * The currency table is the one list of currencies: the recogniser, the formatter and the
 * picker's names derive from it, and the rates data must agree with it. These tests fail
 * when a currency is added in one place and not the other.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CURRENCY_TABLE, currencyNames, currencyRow, type MarkerSpec } from '../../server/src/analysis/currencyTable';
import { isKnownCurrency, matchCurrencyAfter, matchCurrencyBefore, newCurrencyMatch } from '../../server/src/analysis/currencies';
import { knownCurrencies, rateAt } from '../../server/src/fx/rates';
import { formatAmount } from '../../server/src/fx/format';

const withRates = new Set(knownCurrencies());

test('every code of the table has rates or is marked as read without rates', () => {
  for (const row of CURRENCY_TABLE) {
    if (row.noRates) assert.ok(!withRates.has(row.code) && rateAt(row.code, null) === null, `${row.code} is marked noRates but the data has a rate`);
    else assert.ok(withRates.has(row.code) && rateAt(row.code, '2025-06') !== null, `${row.code} has no rate: add it to the rates data or mark it noRates`);
  }
});

test('every code with rates is in the table, written back and named', () => {
  for (const code of withRates) {
    const row = currencyRow(code);
    assert.ok(row, `${code} has rates but is not in the currency table`);
    assert.ok(row.write && row.write.zh && row.write.zhHant, `${code}: how to write it back`);
    assert.ok(row.names && row.names.en && row.names['zh-cn'] && row.names['zh-tw'], `${code}: its names for the picker`);
  }
  assert.deepEqual(currencyNames([...withRates]).map((n) => n.code), [...withRates]);
});

test('the table has one row per code, each an ISO-like code in upper case', () => {
  const codes = CURRENCY_TABLE.map((r) => r.code);
  assert.equal(new Set(codes).size, codes.length);
  for (const row of CURRENCY_TABLE) {
    assert.match(row.code, /^[A-Z]{3}$/);
    for (const c of row.codes) assert.match(c, /^[A-Z]{3}$/, `${row.code}: code form ${c}`);
  }
});

test('markers of one side that read alike name one currency in one way', () => {
  // The recogniser tries markers of one length in no promised order, so two that match the
  // same text (usd and USD) must mean the same thing.
  for (const side of ['after', 'before'] as const) {
    const seen = new Map<string, string>();
    for (const row of CURRENCY_TABLE) {
      const specs: MarkerSpec[] = [...(row[side] ?? []), ...row.codes, ...(row.zh ?? []).map((text) => ({ text, weak: side === 'before' }))];
      for (const spec of specs) {
        const s = typeof spec === 'string' ? { text: spec } : spec;
        const key = s.text.toLowerCase();
        const meaning = JSON.stringify([row.code, s.weak ?? false, s.factor ?? 1, s.cents ?? false, s.needsScale ?? false]);
        const before = seen.get(key);
        assert.ok(before === undefined || before === meaning, `${side} ${s.text}: ${before} and ${meaning}`);
        seen.set(key, meaning);
      }
    }
  }
});

test('the recogniser reads every code form and Chinese name of the table, on both sides of a number', () => {
  const m = newCurrencyMatch();
  for (const row of CURRENCY_TABLE) {
    for (const word of [...row.codes, ...(row.zh ?? [])]) {
      assert.ok(matchCurrencyAfter(`5 ${word}`, 1, m) && m.code === row.code && m.end === 2 + word.length, `5 ${word}`);
      const s = `${word} 5`;
      assert.ok(matchCurrencyBefore(s, word.length + 1, m) && m.code === row.code && m.start === 0, s);
    }
    for (const spec of row.after ?? []) {
      const text = typeof spec === 'string' ? spec : spec.text;
      assert.ok(matchCurrencyAfter(`5${text}`, 1, m) && m.code === row.code, `5${text}`);
    }
    for (const spec of row.before ?? []) {
      const text = typeof spec === 'string' ? spec : spec.text;
      assert.ok(matchCurrencyBefore(`${text}5`, text.length, m) && m.code === row.code, `${text}5`);
    }
    const read = row.codes.length + (row.zh?.length ?? 0) + (row.after?.length ?? 0) + (row.before?.length ?? 0) > 0;
    assert.equal(isKnownCurrency(row.code), read, row.code);
  }
  assert.equal(isKnownCurrency('XYZ'), false);
});

test('the formatter writes each currency with the words of its row', () => {
  for (const row of CURRENCY_TABLE) {
    if (!row.write) {
      assert.equal(formatAmount(2e8, row.code, 'zh'), `2亿 ${row.code}`);
      continue;
    }
    assert.equal(formatAmount(2e8, row.code, 'zh'), `2亿${row.write.zh}`);
    assert.equal(formatAmount(2e8, row.code, 'zh-Hant'), `2億${row.write.zhHant}`);
    assert.equal(formatAmount(2e8, row.code, 'en'), `${row.write.en ?? row.code + ' '}200.0 million`);
  }
});
