/**
 * Issue 16 (writing): text from a folder shown in a terminal never carries control
 * characters, and CSV cells a spreadsheet would run as formulas are neutralised.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { visible } from '../../server/src/cli/visible';
import { csvField } from '../../server/src/cli/csv';
import { renderTable } from '../../server/src/cli/table';

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/;

test('control characters are written as escapes: OSC title, OSC 52 clipboard, clear screen, bidi override', () => {
  assert.equal(visible('Bad\u001b]0;pwned\u0007Co'), 'Bad\\x1b]0;pwned\\x07Co');
  assert.equal(visible('\u001b]52;c;aGk=\u0007'), '\\x1b]52;c;aGk=\\x07');
  assert.equal(visible('note\u001b[2J.digest'), 'note\\x1b[2J.digest');
  assert.equal(visible('abc\u202edcba'), 'abc\\u202edcba');
  assert.equal(visible('\u009b31m'), '\\x9b31m', 'the one-byte CSI of C1');
  assert.equal(visible('tab\there\r\n'), 'tab\\there\\r\\n');
  assert.equal(visible('line one\nline two\n', true), 'line one\nline two\n', 'a message keeps its own line ends');
  const plain = '腾讯 Tencent 1,350 亿美元';
  assert.equal(visible(plain), plain, 'ordinary text is returned as it is');
});

test('any text: the escaped form holds no control character', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (s) => {
      assert.ok(!CONTROL.test(visible(s)));
      assert.ok(!/\n/.test(visible(s)));
    }),
    { numRuns: 500 },
  );
});

test('a table never prints a control character from its cells, and stays aligned on the escaped text', () => {
  const out = renderTable(['name', 'n'], [['Bad\u001b]0;x\u0007Co', '1'], ['ok', '2']]);
  assert.ok(!CONTROL.test(out), JSON.stringify(out));
  const lines = out.split('\n');
  assert.equal(lines[2].lastIndexOf('1'), lines[3].lastIndexOf('2'), 'the number column lines up');
});

test('CSV: a cell starting with = + - @ tab or CR is neutralised with an apostrophe (as the extension\'s export); numbers are untouched', () => {
  assert.equal(csvField('=HYPERLINK("http://x","y")'), '"\'=HYPERLINK(""http://x"",""y"")"');
  assert.equal(csvField('+1+2'), "'+1+2");
  assert.equal(csvField('-2+3'), "'-2+3");
  assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvField('\t=1'), "'\t=1");
  assert.equal(csvField('\r=1'), '"\'\r=1"', 'a carriage return is quoted too');
  assert.equal(csvField(-5), '-5');
  assert.equal(csvField('Tencent, Ltd'), '"Tencent, Ltd"');
  assert.equal(csvField('腾讯'), '腾讯');
});
