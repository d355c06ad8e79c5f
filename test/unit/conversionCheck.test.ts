/**
 * Stated conversions: which figure pairs are restatements of one amount, and whether they
 * agree with the reference rate. Figures come from the real analysis, so a change in the
 * money recogniser that breaks pairing shows up here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/analysis/analyse';
import { checkConversion, findMismatches, isConversionGap, pairConversions } from '../../server/src/features/conversionCheck';

const DATE = '2026-01-14';

function pairsOf(text: string) {
  return pairConversions(text, analyse(text).figures).map((p) => [p.from.text, p.to.text]);
}

function mismatches(text: string, tolerance = 0.05, overrides?: Record<string, number>) {
  return findMismatches(text, analyse(text).figures, DATE, tolerance, overrides);
}

test('a right conversion in parentheses is paired and not flagged', () => {
  const text = '字节跳动预算 1,600 亿人民币(约 230 亿美元)。';
  assert.deepEqual(pairsOf(text), [['1,600 亿人民币', '230 亿美元']]);
  const [pair] = pairConversions(text, analyse(text).figures);
  const check = checkConversion(pair, DATE, 0.05)!;
  assert.ok(Math.abs(check.off) < 0.01, `off ${check.off}`);
  assert.equal(check.flagged, false);
  assert.deepEqual(mismatches(text), []);
});

test('a wrong conversion is flagged with the implied and reference rates, month and source', () => {
  const found = mismatches('字节跳动预算 1,600 亿人民币(约 260 亿美元)。');
  assert.equal(found.length, 1);
  const m = found[0];
  assert.equal(m.to.text, '260 亿美元');
  assert.equal(m.quote, 'CNY');
  assert.equal(m.base, 'USD');
  assert.ok(Math.abs(m.impliedRate - 6.1538) < 0.001);
  assert.ok(m.referenceRate > 6.8 && m.referenceRate < 7.1, String(m.referenceRate));
  assert.ok(m.off > 0.12 && m.off < 0.14, String(m.off));
  assert.match(m.message, /implies USD\/CNY 6\.15; reference USD\/CNY 6\.9\d \(2026-01-14, ECB daily\): 13% off/);
});

test('tolerance and rate overrides change the verdict', () => {
  const text = '1,600 亿人民币(约 260 亿美元)';
  assert.equal(mismatches(text, 0.2).length, 0);
  // At 6.2 CNY per USD, 260 亿美元 is right (1600/6.2 = 258).
  assert.equal(mismatches(text, 0.05, { CNY: 6.2 }).length, 0);
  const flagged = mismatches('1,600 亿人民币(约 230 亿美元)', 0.05, { CNY: 6.2 });
  assert.equal(flagged.length, 1);
  assert.match(flagged[0].message, /user setting/);
});

test('slash, "about" and ", or" restatements pair; English text too', () => {
  assert.deepEqual(pairsOf('HK$4.19B / $538M'), [['HK$4.19B', '$538M']]);
  assert.deepEqual(pairsOf('Tencent booked 59.7 billion yuan (about $8.6 billion) of capex.'), [['59.7 billion yuan', '$8.6 billion']]);
  assert.deepEqual(mismatches('Tencent booked 59.7 billion yuan (about $8.6 billion) of capex.'), []);
  assert.deepEqual(pairsOf('The fund is $1 billion, or 7 billion yuan.'), [['$1 billion', '7 billion yuan']]);
  // HKD against USD is quoted per USD.
  const [hk] = mismatches('HK$4.19B / $338M');
  assert.equal(hk.quote, 'HKD');
  assert.equal(hk.base, 'USD');
});

test('a different amount next to a figure is not a conversion', () => {
  assert.deepEqual(pairsOf('Revenue was $5 billion, then 20 billion yuan a year later.'), []);
  assert.deepEqual(pairsOf('NVIDIA and Microsoft pledged $10 billion and 5 billion yuan.'), []);
  assert.deepEqual(pairsOf('营收 500 亿元,净利 30 亿美元。'), []);
  // Same currency twice is never a conversion.
  assert.deepEqual(pairsOf('预算 85 亿美元(约 90 亿美元)'), []);
  // A line break ends the pairing.
  assert.deepEqual(pairsOf('预算 1,600 亿元\n(约 260 亿美元)'), []);
  assert.equal(isConversionGap(', then '), false);
  assert.equal(isConversionGap('(约 '), true);
  assert.equal(isConversionGap(',约合 '), true);
});

test('per-unit prices compare per unit; ranges compare midpoints', () => {
  // 15.2 万元/吨 at ~6.97 is about 21,810 美元/吨.
  assert.deepEqual(mismatches('碳酸锂 15.2 万元/吨(约 21,800 美元/吨)'), []);
  const perUnit = mismatches('碳酸锂 15.2 万元/吨(约 26,000 美元/吨)');
  assert.equal(perUnit.length, 1);
  assert.equal(perUnit[0].to.per, 't');
  // A price per tonne never pairs with a price per share.
  assert.deepEqual(pairsOf('15.2 万元/吨(约 21,800 美元/股)'), []);
  // 300—350 亿元: midpoint 325 亿元 ≈ 46.6 亿美元.
  assert.deepEqual(mismatches('投资 300—350 亿元(约 46 亿美元)'), []);
  assert.equal(mismatches('投资 300—350 亿元(约 60 亿美元)').length, 1);
});
