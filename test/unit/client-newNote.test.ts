import { test } from 'node:test';
import assert from 'node:assert/strict';
import { folderForNewNote, isIsoDate, MAX_TRIES, newNoteName } from '../../client/src/newNoteName';

test('a new note is named by its date, and numbered past the names already taken', async () => {
  assert.equal(await newNoteName('2026-03-05', () => false), '2026-03-05.digest');
  const taken = new Set(['2026-03-05.digest', '2026-03-05-2.digest']);
  assert.equal(await newNoteName('2026-03-05', (n) => taken.has(n)), '2026-03-05-3.digest');
  // An asynchronous check (a stat of the file) is waited for.
  assert.equal(await newNoteName('2026-03-05', async (n) => n === '2026-03-05.digest'), '2026-03-05-2.digest');
});

test('when every dated name is taken, or the date is not a date, no name is offered (a plain untitled note)', async () => {
  let asked = 0;
  assert.equal(await newNoteName('2026-03-05', () => (asked++, true)), null);
  assert.equal(asked, MAX_TRIES);
  for (const bad of ['', '2026-3-5', '../../etc/x', '2026-03-05/..', 'abcd-ef-gh']) assert.equal(await newNoteName(bad, () => false), null, bad);
  assert.equal(isIsoDate(20260305), false);
});

test("a new note goes to the active editor's folder, else the first folder, else none", () => {
  assert.equal(folderForNewNote('file:///b', ['file:///a', 'file:///b']), 'file:///b');
  assert.equal(folderForNewNote(undefined, ['file:///a', 'file:///b']), 'file:///a');
  assert.equal(folderForNewNote(undefined, []), undefined);
});
