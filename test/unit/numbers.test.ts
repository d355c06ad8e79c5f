/**
 * Numerals: Arabic with separators, Chinese numerals, mixed forms, vague amounts and English
 * scales. Run with `node --import tsx --test test/unit/numbers.test.ts`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  newNumeral, parseArabic, parseChineseNumber, parseEnglishScale, parseEnglishVague, parseNumeral,
} from '../../server/src/analysis/numbers';
import { foldText } from '../../server/src/analysis/text';

/** Parses the numeral at the start of `text` (folded) and returns what it read. */
function read(text: string) {
  const out = newNumeral();
  const folded = foldText(text);
  const end = parseNumeral(folded, 0, out);
  return { end, value: out.value, min: out.min, max: out.max, vague: out.vague, upTo: out.upTo, hasDigit: out.hasDigit, scale: out.scale, zhao: out.zhao };
}

test('Arabic numerals with thousands separators and decimals', () => {
  const out = newNumeral();
  assert.equal(parseArabic('1,350 亿', 0, out), 5);
  assert.equal(out.value, 1350);
  assert.equal(parseArabic('1 350 元', 0, out), 5);
  assert.equal(out.value, 1350);
  assert.equal(parseArabic('12,345,678.5', 0, out), 12);
  assert.equal(out.value, 12345678.5);
  assert.equal(parseArabic('0.03—0.05', 0, out), 4);
  assert.equal(out.value, 0.03);
});

test('a comma that does not head a group of three digits ends the number', () => {
  const out = newNumeral();
  // "3800,1.5" is a list of two numbers; "2026,12" is a year followed by a clause.
  assert.equal(parseArabic('3800,1.5', 0, out), 4);
  assert.equal(out.value, 3800);
  assert.equal(parseArabic('1,1,1', 0, out), 1);
  assert.equal(parseArabic('2026,12', 0, out), 4);
  // A version number is not an amount.
  assert.equal(parseArabic('1.2.3', 0, out), 0);
});

test('full-width digits parse after folding and keep their offsets', () => {
  const r = read('３８００，１．５');
  assert.equal(r.value, 3800);
  assert.equal(r.end, 4);
  assert.equal(read('１．５万').value, 15000);
});

test('overlong digit runs are refused, so values stay finite', () => {
  const out = newNumeral();
  assert.equal(parseArabic('9'.repeat(400), 0, out), 0);
  assert.equal(parseNumeral('9'.repeat(400) + '亿', 0, out), 0);
});

test('Chinese numerals', () => {
  assert.equal(parseChineseNumber('十五'), 15);
  assert.equal(parseChineseNumber('两'), 2);
  assert.equal(parseChineseNumber('三千'), 3000);
  assert.equal(parseChineseNumber('一百二十亿'), 12_000_000_000);
  assert.equal(parseChineseNumber('一千零五'), 1005);
  assert.equal(parseChineseNumber('二十五万'), 250_000);
  assert.equal(parseChineseNumber('一万二千亿'), 1.2e12);
  assert.equal(parseChineseNumber('叁佰'), 300);
});

test('mixed Arabic and Chinese units', () => {
  assert.equal(read('3万4000').value, 34000);
  assert.equal(read('1,100.9亿').value, 110_090_000_000);
  assert.equal(read('1亿2000万').value, 120_000_000);
  assert.equal(read('3万亿').value, 3e12);
  assert.equal(read('8000亿').value, 8e11);
  assert.equal(read('13.78 萬').value, 137_800);
  assert.equal(read('25万').scale, 1e4);
});

test('兆 is a trillion and is flagged', () => {
  const r = read('7兆');
  assert.equal(r.value, 7e12);
  assert.equal(r.zhao, true);
  assert.equal(read('1兆2000亿').value, 1.2e12);
});

test('unit words that belong to the next word are not read', () => {
  // 1億千瓦 is power: the 千 opens 千瓦, it does not multiply.
  assert.equal(read('1億千瓦').end, 2);
  assert.equal(read('1億千瓦').value, 1e8);
  // "亿亿" and "亿万" stop after the first unit.
  assert.equal(read('亿亿亿').end, 1);
  assert.equal(read('亿万富翁').end, 1);
});

test('vague amounts: 数/几 × base gives 2..9 × base', () => {
  const r = read('数十亿');
  assert.equal(r.vague, true);
  assert.equal(r.min, 2e9);
  assert.equal(r.max, 9e9);
  assert.equal(r.value, 5.5e9);
  assert.deepEqual([read('幾十萬').min, read('幾十萬').max], [2e5, 9e5]);
  assert.deepEqual([read('數兆').min, read('數兆').max], [2e12, 9e12]);
  assert.deepEqual([read('十几亿').min, read('十几亿').max], [1.2e9, 1.9e9]);
});

test('上 + unit reaches the base; 数据 and 上市 are words', () => {
  const r = read('上亿');
  assert.equal(r.upTo, true);
  assert.equal(r.value, 1e8);
  assert.equal(read('数据').end, 0);
  assert.equal(read('上市').end, 0);
});

test('English scales: words, glued letters, and no letters inside words', () => {
  const sc = { mult: 0, end: 0, plural: false };
  assert.equal(parseEnglishScale(' billion yuan', 0, sc), 1e9);
  assert.equal(sc.end, 8);
  assert.equal(parseEnglishScale('B港元', 0, sc), 1e9);
  assert.equal(parseEnglishScale('M)', 0, sc), 1e6);
  assert.equal(parseEnglishScale('bn', 0, sc), 1e9);
  assert.equal(parseEnglishScale('k ', 0, sc), 1e3);
  assert.equal(parseEnglishScale('MM', 0, sc), 1e6);
  assert.equal(parseEnglishScale(' TWh', 0, sc), 0);
  assert.equal(parseEnglishScale('GW', 0, sc), 0);
  assert.equal(parseEnglishScale(' tonnes', 0, sc), 0);
});

test('English vague amounts', () => {
  const sc = { mult: 0, end: 0, plural: false };
  assert.equal(parseEnglishVague('billions in 2025', 0, sc), 1e9);
  assert.equal(parseEnglishVague('tens of billions', 0, sc), 1e10);
  assert.equal(parseEnglishVague('hundreds of millions', 0, sc), 1e8);
  assert.equal(parseEnglishVague('several billion dollars', 0, sc), 1e9);
  assert.equal(parseEnglishVague('billionaire', 0, sc), 0);
  assert.equal(parseEnglishVague('several times', 0, sc), 0);
});
