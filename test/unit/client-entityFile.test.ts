/**
 * What the user types in the Add Entity prompts (client/src/entityFile.ts). Writing the
 * entry into the file is the server's: test/unit/userFiles.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitList } from '../../client/src/entityFile';

test('lists typed by the user split on ASCII and Chinese separators', () => {
  assert.deepEqual(splitList(' 0700.HK, TCEHY ，騰訊、Tencent;  | '), ['0700.HK', 'TCEHY', '騰訊', 'Tencent']);
  assert.deepEqual(splitList('a, a'), ['a']);
  assert.deepEqual(splitList(' , ；'), []);
});
