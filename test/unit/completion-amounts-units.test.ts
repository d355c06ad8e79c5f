/**
 * The pure parts of the amounts completion (issue 17): the number typed before the cursor,
 * the units offered (each read back by the analysis as the amount it says), the unit keys
 * the workspace's counts are kept by, and the read-back check.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/analysis/analyse';
import { UNIT_FORMS, formKey, formLabel, formMatches, formText, typedNumberBefore, unitKey } from '../../server/src/features/completion/amountsUnits';
import { countUnits } from '../../server/src/features/completion/amountsTally';
import { figureReadBack, readsAs } from '../../server/src/features/completion/amountsCheck';

const at = (text: string) => typedNumberBefore(text.replace('|', ''), text.indexOf('|'));

test('the number typed before the cursor, with its space and the start of a unit', () => {
  assert.deepEqual(at('营收1,350|'), { start: 2, end: 7, number: '1,350', value: 1350, space: '', partial: '' });
  assert.deepEqual(at('Revenue was 2.5 |'), { start: 12, end: 15, number: '2.5', value: 2.5, space: ' ', partial: '' });
  assert.equal(at('投资1,350 亿|')?.partial, '亿');
  assert.equal(at('spent 1,350 billion Hong|')?.partial, 'billion Hong');
  assert.equal(at('15|')?.value, 15);
  assert.equal(at('营收1350|。')?.value, 1350);
});

test('no number before the cursor: letters, codes, dates, times, malformed numbers, mid-word', () => {
  for (const text of ['腾讯|', 'A1350|', 'US$15|', '2026-01-15|', '10:30|', '1,35|', '1.2.3|', '1.|', '|', '1,350|亿', '1350|5', 'Q3|', '12345678901234567890123456|']) {
    assert.equal(at(text), null, text);
  }
  assert.equal(typedNumberBefore('1350', 99), null);
  // Words after a number are a start of a unit that no form continues.
  const words = at('营收1,350 收入|')!;
  assert.ok(UNIT_FORMS.zh.every((f) => !formMatches(f, words.partial)));
  assert.equal(typedNumberBefore('', 0), null);
});

/** A sentence in the writing of a form, with the completed amount at `{}`. */
const SENTENCES = { zh: '腾讯今年投资{}。', 'zh-Hant': '騰訊今年投資{}。', en: 'Tencent will invest {} this year.' } as const;

test('every unit offered is read back by the analysis as the amount it says', () => {
  for (const writing of ['zh', 'zh-Hant', 'en'] as const) {
    for (const form of UNIT_FORMS[writing]) {
      for (const [number, value] of [['1,350', 1350], ['2.5', 2.5], ['15', 15]] as const) {
        for (const space of ['', ' ']) {
          const amount = formText(form, number, space);
          const text = SENTENCES[writing].replace('{}', amount);
          const figures = analyse(text).figures;
          assert.equal(figures.length, 1, `${text}: ${JSON.stringify(figures)}`);
          const f = figures[0];
          assert.equal(f.text, amount, text);
          assert.equal(f.currency, form.currency ?? 'CNY', text);
          assert.ok(Math.abs(f.value - value * form.factor) < 1e-6 * value * form.factor, `${text}: ${f.value}`);
        }
      }
    }
  }
});

test('units as written: labels, spacing and the symbol forms around the number', () => {
  const usB = UNIT_FORMS.en.find((f) => f.before === 'US$' && f.after === 'B')!;
  assert.equal(formLabel(usB), 'US$…B');
  assert.equal(formText(usB, '1,350', ' '), 'US$1,350B');
  const billion = UNIT_FORMS.en[0];
  assert.equal(formText(billion, '1,350', ''), '1,350 billion dollars');
  assert.equal(formText(UNIT_FORMS.zh[0], '1,350', ' '), '1,350 亿美元');
  assert.equal(formText(UNIT_FORMS['zh-Hant'][0], '1,350', ''), '1,350億美元');
  assert.ok(formMatches(UNIT_FORMS.zh[0], '亿'));
  assert.ok(formMatches(UNIT_FORMS.zh[0], '億'), 'a Traditional start matches the Simplified unit');
  assert.ok(!formMatches(UNIT_FORMS.zh[0], '万'));
  assert.ok(formMatches(billion, 'Bil'));
  assert.ok(!formMatches(usB, 'B'), 'a symbol form needs the number alone');
});

test('unit keys: one per unit whatever the script or spacing; none for a range or a Chinese numeral', () => {
  assert.equal(unitKey('1,350 亿美元'), '#亿美元');
  assert.equal(unitKey('86億美元'), '#亿美元');
  assert.equal(unitKey('US$2.5B'), 'us$#b');
  assert.equal(unitKey('2.5 Billion Dollars'), '#billiondollars');
  assert.equal(unitKey('20万-25万元'), null);
  assert.equal(unitKey('三千亿元'), null);
  assert.equal(formKey(UNIT_FORMS.zh[0]), formKey(UNIT_FORMS['zh-Hant'][0]));
  const counts = countUnits([
    { text: '597 亿元', min: null, max: null },
    { text: '86億元', min: null, max: null },
    { text: 'US$2.5B', min: null, max: null },
    { text: '300—350 亿元', min: 3e10, max: 3.5e10 },
    { text: '5 bitcoins', min: null, max: null },
  ]);
  assert.deepEqual([...counts], [['#亿元', 2], ['us$#b', 1]]);
});

test('the read-back check: the exact span, the currency and the value', () => {
  const text = '腾讯投资1,350 亿。';
  const start = text.indexOf('1,350');
  const end = text.indexOf('。');
  const f = figureReadBack(text, start, end, '1,350 亿美元', false)!;
  assert.equal(f.text, '1,350 亿美元');
  assert.ok(readsAs(f, 1.35e11, 'USD'));
  assert.ok(!readsAs(f, 1.35e11, 'HKD'));
  assert.ok(!readsAs(f, 1.35e12, 'USD'));
  assert.ok(readsAs(f, 1.35e11, null));
  // Not a figure of its own: "20-25" is a range, read over a longer span.
  const range = '投资20-25。';
  assert.equal(figureReadBack(range, range.indexOf('25'), range.indexOf('。'), '25亿美元', false), null);
  // 兆 is 10¹² in a Traditional note.
  const trad = '投資3。';
  const zhao = figureReadBack(trad, 2, 3, '3兆美元', true)!;
  assert.ok(readsAs(zhao, 3e12, 'USD'));
});
