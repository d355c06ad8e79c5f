import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_DATA } from '../../server/src/data/builtin';
import { foldFromT2s, packBuiltin, unpackBuiltin } from '../../server/src/data/packing';

const REPO = join(__dirname, '..', '..');
const source = (name: string) => JSON.parse(readFileSync(join(REPO, 'server', 'data', `${name}.json`), 'utf8'));
const fold = foldFromT2s(source('t2s'));

test('every built-in data file unpacks to exactly its server/data JSON', () => {
  for (const name of BUILTIN_DATA) assert.deepStrictEqual(unpackBuiltin(name, packBuiltin(name, source(name), fold), fold), source(name), name);
});

test('an id or a name that does not follow from the others is kept as it is', () => {
  const data = {
    version: 1,
    entities: [
      ['sh-600906', '财达证券', 'company', '财达证券|財達證券', 'SH:600906', '', 1],
      ['tencent', 'Tencent', 'company', '腾讯|Tencent', 'HK:0700', 'internet', 0],
      ['nameless', '', 'product', '', '', '', 0],
      ['x', 'X Corp', 'company', 'X Corp', '', '', 0],
      ['y', 'Y Inc.', 'company', 'Y|Y Co', '', '', 0],
    ],
    ambiguous: 'A|ON',
  };
  const packed = JSON.parse(packBuiltin('companies', data, fold));
  assert.deepEqual(packed.columns[0], [null, 0, 'nameless', 'x', 1], 'an id that is the slug of the display name (0) or of a name (1 + its index) is that index');
  assert.deepEqual(packed.columns[1], [null, 1, '', null, 'Y Inc.'], 'a display name among the names is its index');
  assert.deepStrictEqual(unpackBuiltin('companies', JSON.stringify(packed), fold), data);
});

test('a name in both scripts is kept once, in Traditional; following tickers are kept as steps', () => {
  const data = {
    version: 1,
    entities: [
      ['sz-001206', '依依股份', 'company', '依依股份', 'SZ:001206', '', 1],
      ['sz-001207', '联科科技', 'company', '联科科技|聯科科技|Lianke', 'SZ:001207', '', 1],
      ['sz-001215', '千味央厨', 'company', '千味央厨|千味央廚', 'SZ:001215|HK:1234', '', 1],
      ['twse-3047', '訊舟', 'company', '訊舟|讯舟|EDIMAX', 'TWSE:3047', '', 1],
      ['sh-600000', '浦发银行', 'company', '浦发银行|浦發銀行', 'SH:600000', '', 1],
      ['sh-60001', 'odd width', 'company', 'odd width', 'SH:60001', '', 1],
      ['sh-600001', '邯郸钢铁', 'company', '邯郸钢铁|臺灣|台湾', 'SH:600001', '', 1],
    ],
    ambiguous: '',
  };
  const packed = JSON.parse(packBuiltin('companies', data, fold));
  assert.deepEqual(packed.columns[3], ['依依股份', '\u0001聯科科技|Lianke', '\u0001千味央廚', '\u0002訊舟|EDIMAX', '\u0001浦發銀行', 'odd width', '邯郸钢铁|\u0002臺灣']);
  assert.deepEqual(packed.columns[4], ['SZ:001206', '+', '+8|HK:1234', 'TWSE:3047', 'SH:600000', 'SH:60001', 'SH:600001']);
  assert.deepStrictEqual(unpackBuiltin('companies', JSON.stringify(packed), fold), data);
});

test('a name or ticker that looks like a packing mark is refused, not mangled', () => {
  const row = (names: string, tickers: string) => ({ version: 1, entities: [['x', 'x', 'company', names, tickers, '', 0]], ambiguous: '' });
  assert.throws(() => packBuiltin('companies', row('\u0001x', ''), fold), /marker/);
  assert.throws(() => packBuiltin('companies', row('x', '+1'), fold), /'\+'/);
});

test('entities-extra: fields in columns, an absent field stays absent, a name list that cannot be joined stays a list', () => {
  const data = {
    comment: 'c',
    entities: [
      { id: 'hkex', name: 'HKEX', kind: 'exchange', names: ['港交所', '香港交易所', '香港联交所'], tickers: ['HK:00388'] },
      { id: 'csrc', name: 'CSRC', kind: 'regulator', names: ['中国证监会', '中國證監會', 'CSRC'] },
      { id: 'odd', name: 'Odd', kind: 'media', names: ['A|B', 'C'], sector: 'x' },
      { id: 'none', name: 'None', kind: 'media', names: [] },
    ],
    blockers: ['大众化'],
  };
  const packed = JSON.parse(packBuiltin('entities-extra', data, fold));
  assert.equal(packed.entities, undefined);
  assert.deepEqual(packed.fields.names, ['港交所|香港交易所|香港联交所', '\u0001中國證監會|CSRC', ['A|B', 'C'], []]);
  assert.deepEqual(packed.fields.tickers, [['HK:00388'], null, null, null]);
  assert.deepStrictEqual(unpackBuiltin('entities-extra', JSON.stringify(packed), fold), data);
  assert.throws(() => packBuiltin('entities-extra', { entities: [{ id: 'x', extra: 1 }] }, fold), /field extra/);
});
