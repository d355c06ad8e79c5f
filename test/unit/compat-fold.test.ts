/**
 * The written-out NFKC forms of the Kangxi radicals and CJK compatibility ideographs
 * (analysis/compatFold.ts) against normalize() of the running Node, and folding through them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMPAT_RANGES } from '../../server/src/analysis/compatFold';
import { foldCode, foldText } from '../../server/src/analysis/text';

test('each range holds one target a code point: its NFKC form of one other code unit, else NUL', () => {
  for (const [from, to, targets] of COMPAT_RANGES) {
    assert.equal(targets.length, to - from);
    for (let c = from; c < to; c++) {
      const x = String.fromCharCode(c).normalize('NFKC');
      const expected = x.length === 1 && x.charCodeAt(0) !== c ? x.charCodeAt(0) : 0;
      assert.equal(targets.charCodeAt(c - from), expected, `U+${c.toString(16)}`);
    }
  }
});

test('a radical or a compatibility ideograph folds as the unified ideograph it stands for', () => {
  assert.equal(foldText('交通银\u2f8f'), foldText('交通银行'));
  assert.equal(foldCode(0xf900), foldCode('豈'.charCodeAt(0)));
  // Traditional forms reached through a compatibility ideograph fold on to Simplified.
  assert.equal(foldCode(0x2fa8), foldCode('門'.charCodeAt(0)));
  assert.equal(String.fromCharCode(foldCode('門'.charCodeAt(0))), '门');
});
