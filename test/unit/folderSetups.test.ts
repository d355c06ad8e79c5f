/**
 * Per-folder analysis setups (server/src/index/folderSetups.ts): a note gets its own
 * folder's user entities, equal folders share one setup, folders without user files leave
 * the signature (the cache's data version) as the built-in data's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containingFolder, FolderSetups } from '../../server/src/index/folderSetups';

const entities = (id: string, name: string) => ({ uri: `file:///x/${id}.json`, content: JSON.stringify([{ id, name, aliases: [], tickers: [], kind: 'private' }]) });
const ids = (s: { userEntities: { id: string }[] }) => s.userEntities.map((e) => e.id);

test('a note gets the setup of the deepest folder containing it; outside every folder, all entries', () => {
  const setups = new FolderSetups([
    { folder: 'file:///w/a', entities: entities('alpha-co', '阿尔法'), themes: null },
    { folder: 'file:///w/b', entities: entities('beta-co', '贝塔'), themes: null },
    { folder: 'file:///w/a/inner', entities: null, themes: null },
  ]);
  assert.deepEqual(ids(setups.forUri('file:///w/a/n.md')), ['alpha-co']);
  assert.deepEqual(ids(setups.forUri('file:///w/b/x/n.md')), ['beta-co']);
  assert.deepEqual(ids(setups.forUri('file:///w/a/inner/n.md')), [], 'the inner folder has no file of its own');
  assert.deepEqual(ids(setups.forUri('file:///w/ab/n.md')), ['alpha-co', 'beta-co'], 'a sibling with a common prefix is outside');
  assert.deepEqual(ids(setups.forUri('untitled:Untitled-1')), ['alpha-co', 'beta-co']);
  assert.equal(containingFolder(['file:///w/a', 'file:///w/a/inner'], 'file:///w/a/inner/x'), 'file:///w/a/inner');
});

test('folders with equal entries share one setup, and a reload reuses it', () => {
  const same = entities('alpha-co', '阿尔法');
  const setups = new FolderSetups([
    { folder: 'file:///w/a', entities: same, themes: null },
    { folder: 'file:///w/b', entities: { ...same, uri: 'file:///w/b/e.json' }, themes: null },
  ]);
  assert.equal(setups.forUri('file:///w/a/n.md'), setups.forUri('file:///w/b/n.md'));
  assert.equal(setups.setups().length, 1);
  const again = new FolderSetups(setups.files, setups);
  assert.equal(again.forUri('file:///w/a/n.md'), setups.forUri('file:///w/a/n.md'));
  assert.equal(again.signature, setups.signature);
});

test('folders without user files leave the signature of the built-in data alone; a folder with them changes it', () => {
  const none = new FolderSetups([]);
  const empty = new FolderSetups([{ folder: 'file:///w/a', entities: null, themes: null }, { folder: 'file:///w/b', entities: null, themes: null }]);
  assert.equal(empty.signature, none.signature);
  const withA = new FolderSetups([{ folder: 'file:///w/a', entities: entities('alpha-co', '阿尔法'), themes: null }]);
  const withB = new FolderSetups([{ folder: 'file:///w/b', entities: entities('alpha-co', '阿尔法'), themes: null }]);
  assert.notEqual(withA.signature, none.signature);
  assert.notEqual(withA.signature, withB.signature, 'which folder has the entries matters');
});
