/**
 * The CLI's output against its published JSON Schema (schema/scan.schema.json for
 * --format json, schema/scan-line.schema.json for each line of --format jsonl; draft
 * 2020-12, checked with ajv), and the formats against each other: json streamed one record
 * at a time is byte for byte JSON.stringify({version: 1, files}, null, 2) of the jsonl
 * records, and the csv columns are fields of the schema. The texts: examples/, the test
 * fixtures and every text of the dev set (written out as files), plus one file of
 * characters that need escaping. Runs the real bundle (dist/cli.js, built by `npm test`).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import '../helpers/isolatedRatesStore';

const repo = join(__dirname, '..', '..');
const cli = join(repo, 'dist', 'cli.js');
const schemaDir = join(repo, 'schema');

type Schema = Record<string, unknown>;
const loadSchema = (name: string): Schema => JSON.parse(readFileSync(join(schemaDir, name), 'utf8'));

let dir = '';
const outputs: Record<string, string> = {};

function scan(format: string, ...extra: string[]): string {
  const r = spawnSync(process.execPath, [cli, 'scan', '--format', format, ...extra, join(repo, 'examples'), join(repo, 'test', 'fixtures', 'workspace'), dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-schema-'));
  for (const script of ['hans', 'hant', 'en']) {
    const set = JSON.parse(readFileSync(join(repo, 'test', 'devset', `${script}.json`), 'utf8')) as { items: { id: string; text: string }[] };
    mkdirSync(join(dir, script));
    for (const item of set.items) writeFileSync(join(dir, script, `${item.id}.txt`), item.text);
  }
  // Quotes, a tab, a control character, CRLF, an emoji and a lone surrogate: every escape of JSON and CSV.
  writeFileSync(join(dir, 'escapes.txt'), 'Tencent said "revenue" rose to US$1.2 billion,\r\nand Alibaba\tpaid 3亿元 \u0001 ok\r\n"蘋果" 收購 \ud83d\ude00 1000万美元 \ud800 end');
  for (const format of ['json', 'jsonl', 'csv']) outputs[format] = scan(format);
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of a schema that refuses unknown members, so a field the CLI adds must be added to the schema too. */
function strict(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strict);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: Schema = {};
  for (const [k, v] of Object.entries(schema)) copy[k] = k === 'properties' || k === '$defs' ? Object.fromEntries(Object.entries(v as Schema).map(([p, s]) => [p, strict(s)])) : strict(v);
  if (copy.type === 'object' && copy.properties) copy.additionalProperties = false;
  return copy;
}

function validators(make: (s: Schema) => unknown) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addSchema(make(loadSchema('scan.schema.json')) as Schema);
  ajv.addSchema(make(loadSchema('scan-line.schema.json')) as Schema);
  return { document: ajv.getSchema('scan.schema.json')!, line: ajv.getSchema('scan-line.schema.json')! };
}

test('the schemas are valid draft 2020-12 and compile without unknown keywords', () => {
  const v = validators((s) => s);
  assert.equal(typeof v.document, 'function');
  assert.equal(typeof v.line, 'function');
});

test('--format json validates against schema/scan.schema.json, every member declared', () => {
  const doc = JSON.parse(outputs.json);
  assert.ok(doc.files.length > 600, 'the dev set texts were scanned');
  assert.ok(doc.files.some((f: { figures: unknown[] }) => f.figures.length > 0));
  for (const v of [validators((s) => s), validators((s) => strict(s) as Schema)]) {
    const ok = v.document(doc);
    assert.ok(ok, JSON.stringify(v.document.errors?.slice(0, 3)));
  }
});

test('each line of --format jsonl validates against schema/scan-line.schema.json, every member declared', () => {
  const v = validators((s) => strict(s) as Schema);
  const lines = outputs.jsonl.trimEnd().split('\n');
  for (const line of lines) assert.ok(v.line(JSON.parse(line)), JSON.stringify(v.line.errors?.slice(0, 3)));
});

test('the schema refuses a record that breaks the contract', () => {
  const v = validators((s) => s);
  const record = JSON.parse(outputs.jsonl.split('\n').find((l) => JSON.parse(l).figures.length > 0)!);
  assert.ok(v.line(record));
  for (const broken of [
    { ...record, figures: [{ ...record.figures[0], offset: -1 }] },
    { ...record, figures: [{ ...record.figures[0], currency: 'dollars' }] },
    { ...record, figures: [{ ...record.figures[0], metric: 'mood' }] },
    { ...record, date: '17 Oct 2025' },
    (({ themes: _t, ...rest }) => rest)(record),
  ]) {
    assert.equal(v.line(broken), false, JSON.stringify(broken).slice(0, 200));
  }
});

test('every converted figure says which rate it used: base.rateKind and base.rateDate agree (issue 15)', () => {
  const v = validators((s) => s);
  const kinds = new Set<string>();
  let record: any;
  for (const line of outputs.jsonl.trimEnd().split('\n')) {
    const r = JSON.parse(line);
    for (const f of r.figures) {
      if (!f.base) continue;
      record ??= { r, f };
      kinds.add(f.base.rateKind);
      // Already in the base currency: rate 1 and the note's own date, no rate looked up.
      assert.equal(f.base.rateKind === 'same', f.currency === f.base.currency, JSON.stringify(f));
      if (f.base.rateKind === 'same') {
        assert.equal(f.base.rate, 1);
        if (r.date) assert.equal(f.base.rateDate, r.date);
        continue;
      }
      // A day's rate is dated to the day, a monthly average to the month.
      const dayLong = f.base.rateKind === 'daily' || f.base.rateKind === 'nearest-earlier';
      assert.equal(f.base.rateDate.length, dayLong ? 10 : 7, JSON.stringify(f.base));
      if (f.base.rateKind === 'daily' && f.currency !== 'USD') assert.equal(f.base.rateDate, r.date, 'a daily rate is the note\'s own day');
    }
  }
  assert.ok(kinds.has('daily') && kinds.has('same'), [...kinds].join());
  const { r, f } = record;
  const broken = { ...r, figures: [{ ...f, base: { ...f.base, rateKind: 'guess' } }] };
  assert.equal(v.line(broken), false, 'an unknown rateKind is refused');
  const { rateKind: _k, ...withoutKind } = f.base;
  assert.equal(v.line({ ...r, figures: [{ ...f, base: withoutKind }] }), false, 'rateKind is required');
});

test('json streamed per file is byte for byte the pretty-printed document of the jsonl records', () => {
  const lines = outputs.jsonl.trimEnd().split('\n');
  for (const line of lines) assert.equal(JSON.stringify(JSON.parse(line)), line);
  assert.equal(outputs.json, JSON.stringify({ version: 1, files: lines.map((l) => JSON.parse(l)) }, null, 2) + '\n');
});

test('json of no file at all is the empty document', () => {
  const empty = join(dir, 'empty');
  mkdirSync(empty, { recursive: true });
  const r = spawnSync(process.execPath, [cli, 'scan', '--format', 'json', empty], { encoding: 'utf8' });
  assert.equal(r.stdout, JSON.stringify({ version: 1, files: [] }, null, 2) + '\n');
});

test('every csv column is a field of the schema, and each figure row matches its jsonl figure', () => {
  const schema = loadSchema('scan.schema.json');
  const defs = schema.$defs as Record<string, { properties: Record<string, { $ref?: string; oneOf?: { $ref?: string }[] }> }>;
  const header = outputs.csv.slice(0, outputs.csv.indexOf('\n')).split(',');
  /** A column is a member of a file, figure, entity or theme, or `<member>_<field>` of a figure's object member. */
  const resolves = (column: string): boolean => {
    if (column === 'type') return true; // the csv's own: which kind of row
    if (['file', 'figure', 'entity', 'theme'].some((d) => column in defs[d].properties)) return true;
    const [outer, inner] = column.split('_');
    const member = defs.figure.properties[outer];
    const target = member?.oneOf?.find((s) => s.$ref)?.$ref?.split('/').pop();
    return target !== undefined && inner in defs[target].properties;
  };
  for (const column of header) assert.ok(resolves(column), `csv column ${column} is not in the schema`);

  // The figure rows carry the same values as the jsonl figures, in order.
  const figures = outputs.jsonl
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l))
    .filter((r) => !r.path.endsWith('escapes.txt')) // its text breaks csv lines; compared below by count only
    .flatMap((r) => r.figures.map((f: Record<string, unknown>) => ({ path: r.path, ...f })));
  const rows = outputs.csv
    .split('\n')
    .filter((l) => l.includes(',figure,') && !l.includes('escapes.txt'))
    .map((l) => l.split(','));
  const col = (name: string) => header.indexOf(name);
  const simple = rows.filter((r) => r.length === header.length);
  assert.ok(simple.length > 1000);
  const byKey = new Map(figures.map((f) => [`${f.path}@${f.offset}`, f]));
  for (const r of simple) {
    const f = byKey.get(`${r[col('path')]}@${r[col('offset')]}`) as Record<string, unknown> | undefined;
    assert.ok(f, r.join(','));
    assert.equal(Number(r[col('value')]), f.value);
    assert.equal(r[col('currency')], f.currency);
    assert.equal(r[col('metric')], f.metric);
    assert.equal(Number(r[col('line')]), f.line);
  }
});
