// Runs last (files run in name order): after every open, hover, export, settings change and
// reindex of the other tests, the workspace on disk is exactly as it was when the tests
// were loaded — same files, same bytes, same modification times — and its digests are
// still the repository's fixtures.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { log } = require('./index');
const { EXTENSION_ID, initialSnapshot, snapshot, workspaceDir } = require('./helpers');

test('no file of the workspace was written, created or removed', async () => {
  if (initialSnapshot instanceof Error) throw initialSnapshot;
  const now = snapshot(workspaceDir());
  assert.deepStrictEqual([...now.keys()], [...initialSnapshot.keys()], 'the set of files changed');
  for (const [rel, before] of initialSnapshot) {
    const after = now.get(rel);
    assert.ok(after.bytes.equals(before.bytes), `${rel} changed`);
    assert.strictEqual(after.mtimeMs, before.mtimeMs, `${rel} was written (mtime changed)`);
  }
  // The copy the runner made is still the repository's fixture workspace.
  const original = path.join(vscode.extensions.getExtension(EXTENSION_ID).extensionPath, 'test/fixtures/workspace');
  for (const rel of ['simplified.digest.md', 'traditional.digest.txt', 'english.digest', '.digestlens/entities.json']) {
    assert.ok(now.get(rel), `${rel} is missing from the workspace`);
    assert.ok(now.get(rel).bytes.equals(fs.readFileSync(path.join(original, rel))), `${rel} differs from test/fixtures/workspace`);
  }
  log(`    ${now.size} files unchanged`);
});
