/**
 * Issue 15, downloaded rates: the parsers of the ECB's reference-rate XML and the Fed's
 * H.10 CSV, on recorded files in the real formats (made-up values, test/fixtures/rates/),
 * and on broken ones, which are refused with a reason, never half-read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEcb } from '../../server/src/fx/update/parseEcb';
import { parseFed, csvCells } from '../../server/src/fx/update/parseFed';
import { MAX_SOURCE_BYTES, type Parsed, type RateRow } from '../../server/src/fx/update/types';
import { dayName } from '../../server/src/fx/dailyHistory';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'rates', name), 'utf8');
const rows = (p: Parsed): RateRow[] => {
  assert.ok(p.ok, `refused: ${JSON.stringify(p)}`);
  return p.rows;
};
const rate = (rs: RateRow[], currency: string, day: string) => rs.find((r) => r.currency === currency && dayName(r.day) === day)?.perUsd;
const near = (a: number | undefined, b: number) => assert.ok(a !== undefined && Math.abs(a - b) < 1e-9, `${a} ≠ ${b}`);

test('the ECB daily file: rates per EUR become rates per USD, EUR itself 1 / USD per EUR', () => {
  const rs = rows(parseEcb(fixture('eurofxref-daily.xml')));
  near(rate(rs, 'CNY', '2026-12-03'), 8.12 / 1.16);
  near(rate(rs, 'JPY', '2026-12-03'), 150);
  near(rate(rs, 'EUR', '2026-12-03'), 1 / 1.16);
  assert.equal(rate(rs, 'USD', '2026-12-03'), undefined, 'USD is the unit, not a row');
  assert.equal(new Set(rs.map((r) => r.currency)).size, 8); // 7 others + EUR
});

test('the ECB 90-day file: every day, double quotes as well as single', () => {
  const rs = rows(parseEcb(fixture('eurofxref-hist-90d.xml')));
  assert.deepEqual([...new Set(rs.map((r) => dayName(r.day)))].sort(), ['2026-11-30', '2026-12-01', '2026-12-02']);
  near(rate(rs, 'CNY', '2026-12-02'), 7);
  near(rate(rs, 'CNY', '2026-12-01'), 7);
  near(rate(rs, 'HKD', '2026-11-30'), 7.8);
  near(rate(rs, 'EUR', '2026-12-01'), 1 / 1.2);
});

test('broken ECB files are refused with a reason', () => {
  const refused = (text: string) => {
    const p = parseEcb(text);
    assert.equal(p.ok, false);
    return (p as { code: string }).code;
  };
  assert.equal(refused(fixture('ecb-truncated.xml')), 'truncated');
  assert.equal(refused(fixture('ecb-error-page.html')), 'html');
  assert.equal(refused(fixture('ecb-no-usd.xml')), 'noUsd');
  assert.equal(refused('date,currency\n2026-12-03,CNY\n'), 'notXml');
  assert.equal(refused(''), 'notXml');
  assert.equal(refused('<?xml version="1.0"?><gesmes:Envelope></gesmes:Envelope>'), 'noCube');
  assert.equal(refused("<gesmes:Envelope><Cube><Cube time='2026-12-03'></Cube></Cube></gesmes:Envelope>"), 'noUsd');
  assert.equal(refused("<gesmes:Envelope><Cube><Cube time='not a day'><Cube currency='USD' rate='1.1'/></Cube></Cube></gesmes:Envelope>"), 'noCube');
  assert.equal(refused('<' + 'x'.repeat(MAX_SOURCE_BYTES + 1)), 'tooLarge');
});

test('bad entries of an ECB day are skipped, the rest kept', () => {
  const xml = "<gesmes:Envelope><Cube><Cube time='2026-12-03'><Cube currency='USD' rate='1.25'/><Cube currency='CNY' rate='-3'/><Cube currency='cny' rate='9'/><Cube currency='JPY' rate='Infinity'/><Cube currency='HKD' rate='10.0'/></Cube></Cube></gesmes:Envelope>";
  const rs = rows(parseEcb(xml));
  assert.deepEqual(rs.map((r) => r.currency).sort(), ['EUR', 'HKD']);
  near(rate(rs, 'HKD', '2026-12-03'), 8);
});

test('the Fed H.10 CSV: per-USD columns as they are, USD-per-unit columns inverted, ND and the index left out', () => {
  const rs = rows(parseFed(fixture('fed-h10.csv')));
  near(rate(rs, 'CNY', '2026-11-27'), 7.1);
  near(rate(rs, 'TWD', '2026-11-30'), 32.5);
  near(rate(rs, 'JPY', '2026-11-30'), 151);
  near(rate(rs, 'EUR', '2026-11-27'), 1 / 1.25); // "Currency:_Per_EUR" in USD: inverted
  near(rate(rs, 'GBP', '2026-11-30'), 1 / 1.28); // its "Multiplier: 0.01" is not applied; a YYYY/M/D date is read
  assert.equal(rs.filter((r) => dayName(r.day) === '2026-11-26').length, 0, 'ND is no data');
  assert.equal(new Set(rs.map((r) => r.currency)).size, 5, 'the broad dollar index is no currency');
});

test('broken Fed files are refused with a reason', () => {
  const code = (p: Parsed) => (p.ok ? 'ok' : p.code);
  assert.equal(code(parseFed(fixture('fed-no-units.csv'))), 'notCsv');
  assert.equal(code(parseFed(fixture('fed-no-rows.csv'))), 'noRows');
  assert.equal(code(parseFed(fixture('ecb-error-page.html'))), 'html');
  assert.equal(code(parseFed(fixture('eurofxref-daily.xml'))), 'notCsv');
  assert.equal(code(parseFed('')), 'notCsv');
  const indexOnly = ['"Series Description","Broad"', '"Unit:","Index:_January_2006_=_100"', '"Multiplier:","1"', '"Currency:","NA"', '"Time Period","X"', '2026-11-27,121.5'].join('\n');
  assert.equal(code(parseFed(indexOnly)), 'noSeries');
  assert.equal(code(parseFed('x'.repeat(MAX_SOURCE_BYTES + 1))), 'tooLarge');
});

test('CSV cells: quotes, doubled quotes and commas inside quotes', () => {
  assert.deepEqual(csvCells('"a, b","c ""d""",e,'), ['a, b', 'c "d"', 'e', '']);
});
