/**
 * The user's rates file (issue 15, fx/userRates/parse.ts): what a line may be, every kind of
 * malformed line with its place and words (in the three languages), duplicates, the caps,
 * and any text at all parsed without an exception, each problem inside the text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseUserRates, rateProblemText, type RateFileProblem } from '../../server/src/fx/userRates/parse';
import { MAX_RATE_PROBLEMS, MAX_RATE_ROWS, MAX_RATES_FILE_CHARS } from '../../server/src/fx/userRates/limits';
import { dayName, dayNumber } from '../../server/src/fx/dailyHistory';
import { english, translator } from '../../server/src/l10n';

const rowsOf = (text: string) => parseUserRates(text).rows.map((r) => [dayName(r.day), r.currency, r.perUsd, r.line]);
/** The one problem of a text, with its place and English words. */
function only(text: string): RateFileProblem & { text: string } {
  const { problems } = parseUserRates(text);
  assert.equal(problems.length, 1, JSON.stringify(problems));
  return { ...problems[0], text: rateProblemText(problems[0]) };
}

test('a plain file: one rate per line, in units per USD', () => {
  assert.deepEqual(rowsOf('2026-12-03,CNY,7.1182\n2026-12-03,EUR,0.9412\n2026-12-04,jpy,150\n'), [
    ['2026-12-03', 'CNY', 7.1182, 1],
    ['2026-12-03', 'EUR', 0.9412, 2],
    ['2026-12-04', 'JPY', 150, 3],
  ]);
  assert.deepEqual(parseUserRates('2026-12-03,CNY,7.1182').problems, []);
});

test('a header, blank lines, comments, spaces, quotes, a BOM and CRLF are read as a reader means them', () => {
  const text = '\uFEFF# desk fixings, 16:00 Shanghai\r\nDate , Currency , Per_USD\r\n\r\n  2026-12-03 ,  CNY , 7.1182  # close\r\n"2026-12-04","HKD","7.7810"\r\n   \r\n';
  const parsed = parseUserRates(text);
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(rowsOf(text), [
    ['2026-12-03', 'CNY', 7.1182, 4],
    ['2026-12-04', 'HKD', 7.781, 5],
  ]);
  // Old Mac line ends (CR alone) are line ends too.
  assert.deepEqual(rowsOf('2026-12-03,CNY,7.1\r2026-12-04,CNY,7.2'), [
    ['2026-12-03', 'CNY', 7.1, 1],
    ['2026-12-04', 'CNY', 7.2, 2],
  ]);
});

test('a semicolon or tab file: the first line decides the separator', () => {
  assert.equal(parseUserRates('date;currency;per_usd\n2026-12-03;CNY;7.1182\n').separator, ';');
  assert.deepEqual(rowsOf('date;currency;per_usd\n2026-12-03;CNY;7.1182\n'), [['2026-12-03', 'CNY', 7.1182, 2]]);
  assert.deepEqual(rowsOf('2026-12-03\tCNY\t7.1182\n2026-12-04\tCNY\t7.2'), [
    ['2026-12-03', 'CNY', 7.1182, 1],
    ['2026-12-04', 'CNY', 7.2, 2],
  ]);
  // A semicolon file's decimal comma is named as such.
  const p = only('2026-12-03;CNY;7,1182');
  assert.equal(p.key, 'ratesFile.comma');
  assert.deepEqual([p.line, p.column, p.endColumn], [1, 16, 22]);
});

test('a header is only the first line, and only without digits', () => {
  const { problems, rows } = parseUserRates('2026-12-03,CNY,7.1\ndate,currency,per_usd\n');
  assert.equal(rows.length, 1);
  assert.deepEqual(problems.map((p) => [p.line, p.key]), [
    [2, 'ratesFile.date'],
    [2, 'ratesFile.currency'],
    [2, 'ratesFile.value'],
  ]);
  assert.equal(rateProblemText(problems[0]), 'Date "date" is not a day written YYYY-MM-DD (e.g. 2026-12-03)');
  // A first line of three fields without digits is the header, whatever its words.
  assert.deepEqual(parseUserRates('日期,货币,汇率\n2026-12-03,CNY,7.1').problems, []);
});

test('each malformed kind: its key, its line and the columns of the field at fault', () => {
  const cases: [string, string, number, number, RegExp][] = [
    ['2026-12-03,CNY,7,1182', 'ratesFile.comma', 16, 22, /Rate "7,1182" has a comma/],
    ['2026-12-03;CNY;16,250.5', 'ratesFile.comma', 16, 24, /no thousands separator/],
    ['2026-12-03,CNY', 'ratesFile.fields', 1, 15, /Expected 3 fields separated by ",".*found 2/],
    ['2026-12-03,CNY,7.1,desk', 'ratesFile.fields', 1, 24, /found 4/],
    [',CNY,7.1', 'ratesFile.emptyDate', 1, 1, /The date is missing/],
    ['03/12/2026,CNY,7.1', 'ratesFile.date', 1, 11, /Date "03\/12\/2026" is not a day written YYYY-MM-DD/],
    ['2026-02-30,CNY,7.1', 'ratesFile.noSuchDay', 1, 11, /not a day of the calendar/],
    ['2026-12,CNY,7.1', 'ratesFile.month', 1, 8, /is a month/],
    ['2026-12-03,,7.1', 'ratesFile.emptyCurrency', 12, 12, /currency is missing/],
    ['2026-12-03, yuan ,7.1', 'ratesFile.currency', 13, 17, /Currency "yuan" is not a 3-letter code/],
    ['2026-12-03,usd,1', 'ratesFile.usd', 12, 15, /USD is 1 per USD by definition/],
    ['2026-12-03,XYZ,1', 'ratesFile.unknownCurrency', 12, 15, /XYZ is not a currency Digest Lens reads/],
    ['2026-12-03,CNY,', 'ratesFile.emptyValue', 16, 16, /rate is missing/],
    ['2026-12-03,CNY,7.1.2', 'ratesFile.value', 16, 21, /Rate "7.1.2" is not a number/],
    ['2026-12-03,CNY,7e0', 'ratesFile.value', 16, 19, /not a number/],
    ['2026-12-03,CNY,.5', 'ratesFile.value', 16, 18, /not a number/],
    ['2026-12-03,CNY,7.', 'ratesFile.value', 16, 18, /not a number/],
    ['2026-12-03,CNY,+7.1', 'ratesFile.value', 16, 20, /not a number/],
    ['2026-12-03,CNY,7 100', 'ratesFile.value', 16, 21, /not a number/],
    ['2026-12-03,CNY,1' + '0'.repeat(400), 'ratesFile.value', 16, 417, /not a number/],
    ['2026-12-03,CNY,-7.1', 'ratesFile.notPositive', 16, 20, /not more than 0/],
    ['2026-12-03,CNY,0.000', 'ratesFile.notPositive', 16, 21, /not more than 0/],
  ];
  for (const [line, key, column, endColumn, words] of cases) {
    const p = only(`# header comment\n${line}\n`);
    assert.deepEqual([p.key, p.line, p.column, p.endColumn], [key, 2, column, endColumn], line);
    assert.match(p.text, words, line);
    assert.equal(p.severity, key === 'ratesFile.unknownCurrency' ? 'warning' : 'error', line);
    assert.deepEqual(parseUserRates(`${line}\n`).rows, [], `${line}: the line is left out`);
  }
});

test('a long bad field is quoted shortened in its message', () => {
  const p = only(`2026-12-03,CNY,${'x'.repeat(10_000)}`);
  assert.ok(p.text.length < 200, p.text);
  assert.equal(p.endColumn, 16 + 10_000);
});

test('every fault of one line is reported, and the good lines still count', () => {
  const parsed = parseUserRates('2026-12-03,CNY,7.1\n2026-13-01,US,-1\n2026-12-04,CNY,7.2\n');
  assert.deepEqual(parsed.problems.map((p) => [p.line, p.key]), [
    [2, 'ratesFile.noSuchDay'],
    [2, 'ratesFile.currency'],
    [2, 'ratesFile.notPositive'],
  ]);
  assert.deepEqual(parsed.rows.map((r) => r.line), [1, 3]);
});

test('the same currency and day twice: the last line wins, a warning on the earlier one', () => {
  const parsed = parseUserRates('2026-12-03,CNY,7.1\n2026-12-03,EUR,0.94\n2026-12-03,cny,7.2\n');
  assert.deepEqual(rowsOf('2026-12-03,CNY,7.1\n2026-12-03,EUR,0.94\n2026-12-03,cny,7.2\n'), [
    ['2026-12-03', 'EUR', 0.94, 2],
    ['2026-12-03', 'CNY', 7.2, 3],
  ]);
  assert.equal(parsed.problems.length, 1);
  const p = parsed.problems[0];
  assert.deepEqual([p.line, p.column, p.endColumn, p.severity], [1, 1, 19, 'warning']);
  assert.equal(rateProblemText(p), 'Another rate of CNY for 2026-12-03, on line 3, replaces this one (the last line wins)');
});

test('the messages are in Simplified and Traditional Chinese too', () => {
  const p = only('2026-12-03,CNY,7,1182');
  assert.equal(rateProblemText(p, translator('zh-cn')), '汇率“7,1182”含有逗号：请用小数点，且不要千位分隔符（7.1182、16250.5）');
  assert.equal(rateProblemText(p, translator('zh-tw')), '匯率「7,1182」含有逗號：請用小數點，且不要千位分隔符（7.1182、16250.5）');
  const d = only('2026-12,CNY,7.1');
  for (const locale of ['zh-cn', 'zh-tw'] as const) assert.notEqual(rateProblemText(d, translator(locale)), rateProblemText(d, english));
});

test('caps: a file over the size cap is not used; rows past the row cap are reported once', () => {
  const huge = parseUserRates('2026-12-03,CNY,7.1\n' + ' '.repeat(MAX_RATES_FILE_CHARS));
  assert.deepEqual(huge.rows, []);
  assert.equal(huge.problems.length, 1);
  assert.equal(huge.problems[0].key, 'ratesFile.tooLarge');
  assert.match(rateProblemText(huge.problems[0]), /Rates file too large \(16,000,0\d\d characters, at most 16,000,000\)/);

  // MAX_RATE_ROWS rows of one currency on distinct days, then one more.
  const start = dayNumber('1990-01-01')!;
  const lines: string[] = [];
  for (let i = 0; i <= MAX_RATE_ROWS; i++) lines.push(`${dayName(start + i)},CNY,7.${i % 10}`);
  const many = parseUserRates(lines.join('\n'));
  assert.equal(many.rows.length, MAX_RATE_ROWS);
  assert.equal(many.problems.length, 1);
  assert.equal(many.problems[0].key, 'ratesFile.tooManyRows');
  assert.equal(many.problems[0].line, MAX_RATE_ROWS + 1);
});

test('caps: at most MAX_RATE_PROBLEMS problems, and one more counting the rest', () => {
  const text = Array.from({ length: 250 }, (_, i) => `2026-12-03,CNY,bad${i}`).join('\n');
  const { problems, rows } = parseUserRates(text);
  assert.equal(rows.length, 0);
  assert.equal(problems.length, MAX_RATE_PROBLEMS + 1);
  const last = problems[problems.length - 1];
  assert.equal(last.key, 'ratesFile.moreProblems');
  assert.equal(last.line, MAX_RATE_PROBLEMS + 1);
  assert.equal(rateProblemText(last), '150 more problems in this file are not shown');
});

/** The lines of a text as an editor counts them (CRLF, LF, CR), without the BOM. */
function editorLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

test('any text: no exception, every problem inside the text, every row from a line that reads as one', () => {
  const piece = fc.oneof(
    fc.constantFrom('2026-12-03', '2026-02-29', '2024-02-29', '2026-12', 'CNY', 'usd', 'EUR', 'XYZ', '7.1182', '7,1', '-1', '0', '1e9', '"', '#', ',', ';', '\t', ' ', '\r\n', '\n', '\r', '\uFEFF', 'date', '', '１２'),
    fc.string({ maxLength: 6 }),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      const parsed = parseUserRates(text);
      const lines = editorLines(text);
      for (const p of parsed.problems) {
        assert.ok(p.line >= 1 && p.line <= lines.length, `line ${p.line} of ${lines.length}`);
        const length = lines[p.line - 1].length;
        assert.ok(p.column >= 1 && p.column <= p.endColumn && p.endColumn <= length + 1, JSON.stringify({ p, length }));
        assert.ok(rateProblemText(p).length > 0);
      }
      for (const r of parsed.rows) {
        assert.ok(r.perUsd > 0 && Number.isFinite(r.perUsd));
        assert.ok(lines[r.line - 1].toUpperCase().includes(r.currency));
      }
    }),
    { numRuns: 2000 },
  );
});

test('a rate that reads as the inverse of the day\'s reference (USD per unit) is kept, with one warning per currency', () => {
  const parsed = parseUserRates('2024-03-15,EUR,1.08\n2024-03-18,EUR,1.09\n2024-03-15,CNY,7.19\n');
  assert.equal(parsed.rows.length, 3, 'the lines are used as written');
  assert.equal(parsed.problems.length, 1);
  const p = parsed.problems[0];
  assert.deepEqual([p.line, p.column, p.endColumn, p.severity, p.key], [1, 16, 20, 'warning', 'ratesFile.inverted']);
  assert.match(rateProblemText(p), /^Rate 1\.08 of EUR looks inverted \(USD per EUR\?\): the reference rate of that day is 0\.9\d+ EUR per USD, and this file takes EUR per 1 USD \(0\.925926\?\)/);
  assert.match(rateProblemText(p, translator('zh-cn')), /EUR 的汇率 1\.08 似乎方向相反/);
  // Real moves are no inversion: EUR at 1.02 per USD in late September 2022, CHF at 0.98 in 2015.
  assert.deepEqual(parseUserRates('2022-09-28,EUR,1.02\n2015-03-16,CHF,0.98\n2024-03-15,JPY,149.5\n').problems, []);
});

test('checking a file against the tables leaves the installed user layer as it was', async () => {
  const { installUserRates } = await import('../../server/src/fx/userRates/merge');
  const { rateLayer, setRateLayer } = await import('../../server/src/fx/layers');
  installUserRates([{ name: 'old.csv', rows: parseUserRates('2024-03-15,EUR,0.5').rows }]);
  const before = rateLayer('user');
  try {
    // Against the tables (0.918), not the installed 0.5: 1.08 reads as inverted.
    assert.equal(parseUserRates('2024-03-15,EUR,1.08').problems[0]?.key, 'ratesFile.inverted');
    assert.equal(rateLayer('user'), before);
  } finally {
    setRateLayer('user', null);
  }
});
