import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_DATA } from '../../server/src/data/builtin';
import { packBuiltin, unpackBuiltin } from '../../server/src/data/packing';

const REPO = join(__dirname, '..', '..');
const source = (name: string) => JSON.parse(readFileSync(join(REPO, 'server', 'data', `${name}.json`), 'utf8'));

test('every built-in data file unpacks to exactly its server/data JSON', () => {
  for (const name of BUILTIN_DATA) assert.deepStrictEqual(unpackBuiltin(name, packBuiltin(name, source(name))), source(name), name);
});

test('an id or a name that does not follow from the others is kept as it is', () => {
  const data = {
    version: 1,
    entities: [
      ['sh-600906', '财达证券', 'company', '财达证券|財達證券', 'SH:600906', '', 1],
      ['tencent', 'Tencent', 'company', '腾讯|Tencent', 'HK:0700', 'internet', 0],
      ['nameless', '', 'product', '', '', '', 0],
      ['x', 'X Corp', 'company', 'X Corp', '', '', 0],
    ],
    ambiguous: 'A|ON',
  };
  const packed = JSON.parse(packBuiltin('companies', data));
  assert.deepEqual(packed.columns[0], [null, 'tencent', 'nameless', 'x']);
  assert.deepEqual(packed.columns[1], [null, 'Tencent', '', null]);
  assert.deepStrictEqual(unpackBuiltin('companies', JSON.stringify(packed)), data);
});
