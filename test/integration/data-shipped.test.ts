/**
 * The built-in data as the build ships it (dist/data/*.json.br, written by `npm test`'s
 * build) holds exactly server/data; the packing itself is test/unit/data-packing.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { BUILTIN_DATA } from '../../server/src/data/builtin';
import { foldFromT2s, unpackBuiltin } from '../../server/src/data/packing';

const REPO = join(__dirname, '..', '..');
const source = (name: string) => JSON.parse(readFileSync(join(REPO, 'server', 'data', `${name}.json`), 'utf8'));
const fold = foldFromT2s(source('t2s'));

test('the shipped dist/data/*.json.br (built by npm test) hold exactly server/data, companies in columns', () => {
  for (const name of BUILTIN_DATA) {
    const text = brotliDecompressSync(readFileSync(join(REPO, 'dist', 'data', `${name}.json.br`))).toString('utf8');
    assert.deepStrictEqual(unpackBuiltin(name, text, fold), source(name), name);
  }
  const packed = JSON.parse(brotliDecompressSync(readFileSync(join(REPO, 'dist', 'data', 'companies.json.br'))).toString('utf8'));
  assert.equal(packed.entities, undefined);
  assert.equal(packed.columns.length, 7);
});
