/**
 * CSV and JSON exports (client/src/export.ts): RFC 4180 quoting, formula neutralising,
 * numbers kept numeric, a BOM for spreadsheets, JSON that parses back to the same data.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntitySummary, FactRow, FigureRow } from '../../protocol/src';
import { csvCell, entitiesCsv, entitiesJson, FACT_COLUMNS, factsCsv, factsJson, factsMarkdown, factsTsv, figuresCsv, figuresJson, formatOf, toCsv } from '../../client/src/export';

/** A minimal RFC 4180 reader, to check the writer round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

test('cells with commas, quotes or line breaks are quoted; others are not', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(-3.5), '-3.5');
  assert.equal(csvCell(Number.NaN), '');
  assert.equal(csvCell(true), 'true');
});

test('text a spreadsheet would run as a formula is neutralised, numbers are not', () => {
  assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
  assert.equal(csvCell('+1'), "'+1");
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvCell(-1), '-1');
});

test('CSV text starts with a BOM and uses CRLF', () => {
  const text = toCsv(['a', 'b'], [[1, 'x']]);
  assert.ok(text.startsWith('\ufeffa,b\r\n1,x\r\n'));
});

const row: FigureRow = {
  uri: 'file:///w/simplified.digest.md',
  range: { start: { line: 4, character: 10 }, end: { line: 4, character: 20 } },
  text: '1,350 亿美元, "big"',
  currency: 'USD',
  value: 135e9,
  min: null,
  max: null,
  approximate: true,
  per: null,
  baseValue: 135e9,
  baseCurrency: 'USD',
  date: '2025-03-01',
  entityId: 'tencent',
  entityName: '腾讯',
  counterpartyId: null,
  counterpartyName: null,
  sourceId: null,
  sourceName: null,
  metric: 'capex',
  period: '2025',
  fact: 0,
};

test('the figures CSV round-trips through a CSV reader with 1-based positions', () => {
  const rows = parseCsv(figuresCsv([row], () => 'simplified.digest.md').slice(1));
  assert.equal(rows.length, 2);
  const [header, data] = rows;
  const get = (name: string) => data[header.indexOf(name)];
  assert.equal(get('text'), '1,350 亿美元, "big"');
  assert.equal(get('line'), '5');
  assert.equal(get('column'), '11');
  assert.equal(get('value'), '135000000000');
  assert.equal(get('min'), '');
  assert.equal(get('entityName'), '腾讯');
  assert.equal(get('file'), 'simplified.digest.md');
});

test('the figures JSON keeps types and the base currency', () => {
  const parsed = JSON.parse(figuresJson([row], (u) => u, 'USD'));
  assert.equal(parsed.baseCurrency, 'USD');
  assert.equal(parsed.figures[0].value, 135e9);
  assert.equal(parsed.figures[0].min, null);
  assert.equal(parsed.figures[0].approximate, true);
  assert.equal(parsed.figures[0].line, 5);
});

test('entities export as CSV and JSON', () => {
  const list: EntitySummary[] = [{ id: 'tencent', name: '腾讯, Tencent', kind: 'company', mentions: 3, files: 2, firstDate: null }];
  const rows = parseCsv(entitiesCsv(list).slice(1));
  assert.deepEqual(rows[1], ['tencent', '腾讯, Tencent', 'company', '3', '2', '']);
  assert.deepEqual(JSON.parse(entitiesJson(list)).entities[0], list[0]);
});

test('the format follows the chosen file name', () => {
  assert.equal(formatOf('/x/figures.JSON'), 'json');
  assert.equal(formatOf('/x/figures.csv'), 'csv');
  assert.equal(formatOf('/x/figures'), 'csv');
});

const factRow: FactRow = {
  uri: 'file:///w/a.digest',
  range: { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } },
  text: '800亿元',
  currency: 'CNY',
  value: 8e10,
  min: null,
  max: null,
  approximate: false,
  per: null,
  baseValue: 11234567890,
  baseCurrency: 'USD',
  date: '2025-11-02',
  subjectId: 'softbank',
  subjectName: 'Soft|Bank',
  counterpartyId: 'ampere',
  counterpartyName: 'Ampere',
  sourceId: null,
  sourceName: null,
  metric: 'investment',
  period: '2025',
  others: [{ range: { start: { line: 2, character: 12 }, end: { line: 2, character: 18 } }, text: '112亿美元' }],
};

test('facts export one row per fact, the restating figures in a column, parties and metric', () => {
  const [header, data] = parseCsv(factsCsv([factRow], () => 'a.digest').slice(1));
  const get = (name: string) => data[header.indexOf(name)];
  assert.deepEqual(header, [...FACT_COLUMNS]);
  assert.equal(get('alsoStatedAs'), '112亿美元');
  assert.equal(get('subject'), 'Soft|Bank');
  assert.equal(get('counterparty'), 'Ampere');
  assert.equal(get('metric'), 'investment');
  assert.equal(get('line'), '3');
  const json = JSON.parse(factsJson([factRow], () => 'a.digest', 'USD', 'the workspace'));
  assert.equal(json.scope, 'the workspace');
  assert.deepEqual(json.facts[0].alsoStatedAs, [{ text: '112亿美元', line: 3, column: 13 }]);
  assert.deepEqual(json.facts[0].subject, { id: 'softbank', name: 'Soft|Bank' });
});

test('copy as Markdown escapes pipes; copy as TSV is one line per fact', () => {
  const md = factsMarkdown([factRow], () => 'a.digest').trimEnd().split('\n');
  assert.equal(md.length, 3);
  assert.match(md[0], /^\| Subject \| Metric \| Period \| Figure \|/);
  assert.equal(md[2], '| Soft\\|Bank → Ampere | investment | 2025 | 800亿元 | 112亿美元 | USD 11230000000 |  | 2025-11-02 | a.digest:3 |');
  const tsv = factsTsv([factRow, { ...factRow, text: 'a\tb\nc' }], () => 'a.digest').trimEnd().split('\n');
  assert.equal(tsv.length, 3);
  assert.equal(tsv[2].split('\t')[3], 'a b c');
});
