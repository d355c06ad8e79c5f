// The Add Entity command end to end: it asks the server for the edit
// (digestLens/addEntityEdit) and applies it. It writes to a file of its own
// (digestLens.entitiesFile set in the user settings), so the fixture's entities.json is
// untouched: the first add creates the file, the second inserts into it, a repeated name is
// refused and leaves it as it was, and the server then knows the new entities. The file and
// the setting are removed afterwards (workspace.test.js checks that nothing else changed).
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { log } = require('./index');
const { ready, waitFor, workspaceDir } = require('./helpers');

const REL = '.digestlens/e2e-added.json';
const config = () => vscode.workspace.getConfiguration('digestLens');

test('addEntity creates the entity file, inserts into it, refuses a repeated name, and the server picks the entries up', async () => {
  const api = await ready();
  const file = path.join(workspaceDir(), REL);
  assert.ok(!fs.existsSync(file), `${REL} exists before the test`);
  await config().update('entitiesFile', REL, vscode.ConfigurationTarget.Global);
  try {
    // 1. No file yet: it is created holding the entry (with its typed aliases, tickers and kind).
    const uri = await vscode.commands.executeCommand('digestLens.addEntity', { name: 'Zephyr Orbital', aliases: ['Zephyr'], tickers: ['ZORB'], kind: 'product' });
    assert.ok(uri, 'the command reported no file');
    assert.strictEqual(uri.fsPath, file);
    const first = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.deepStrictEqual(first.entities, [{ id: 'zephyr-orbital', name: 'Zephyr Orbital', aliases: ['Zephyr'], tickers: ['ZORB'], kind: 'product' }]);

    // 2. The file exists: a Chinese name is inserted after it, with its Traditional form.
    await vscode.commands.executeCommand('digestLens.addEntity', { name: '杭州云栖科技' });
    const text = fs.readFileSync(file, 'utf8');
    const second = JSON.parse(text);
    assert.deepStrictEqual(second.entities.map((e) => e.id), ['zephyr-orbital', 'user-杭州云栖科技']);
    assert.ok(second.entities[1].aliases.includes('杭州雲棲科技'), JSON.stringify(second.entities[1]));
    assert.match(text, /\n {4}\{\n {6}"id": "user-杭州云栖科技"/, 'the new entry follows the file\'s indentation');

    // 3. The same name again (by an alias here): refused, the file unchanged.
    const again = await vscode.commands.executeCommand('digestLens.addEntity', { name: 'zephyr' });
    assert.strictEqual(again, undefined);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), text);

    // 4. The server reads the saved file: a note naming both finds them as entities
    //    (the Traditional spelling too), found by the entity search.
    const note = await vscode.workspace.openTextDocument({ language: 'digest', content: 'Zephyr Orbital raised $200 million, led by 杭州雲棲科技.\n' });
    await vscode.window.showTextDocument(note);
    try {
      await waitFor('the server to know the added entities', async () => {
        const en = await api.request('digestLens/searchEntities', { query: 'Zephyr' });
        const zh = await api.request('digestLens/searchEntities', { query: '杭州雲棲科技' });
        return en.entities.some((e) => e.id === 'zephyr-orbital' && e.kind === 'product') && zh.entities.some((e) => e.id === 'user-杭州云栖科技');
      });
    } finally {
      await vscode.window.showTextDocument(note);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    log(`    added 2 entities to ${REL}; a repeated name was refused`);
  } finally {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await config().update('entitiesFile', undefined, vscode.ConfigurationTarget.Global);
    fs.rmSync(file, { force: true });
  }
});
