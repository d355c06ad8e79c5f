// The first-use offer on plain notes (client/src/firstUse.ts), in a real VS Code. Runs after
// workspace.test.js (name order), since it writes notes and a setting into the workspace;
// it removes them again and waits for the index of the three fixtures before the restart
// test. The message is answered through the test hook api.firstUse.respondWith (the real
// message is in the UI test's screenshots).
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { log } = require('./index');
const { ready, waitFor, waitIndexed, workspaceDir } = require('./helpers');

const SIMPLIFIED = '2025年8月28日\n\n北辰半导体宣布完成 12 亿元 C 轮融资，投后估值约 150 亿元人民币。\n宁德时代拟在港交所发行 H 股，募资不超过 50 亿港元。\n';
const TRADITIONAL = '2025年9月3日\n\n台積電8月營收新臺幣3,357.7億元，年增33.8%。\n鴻海集團宣布斥資約 10 億美元擴建美國伺服器廠。\n';
const ENGLISH = 'Aug 28, 2025\n\nNvidia reported revenue of $46.7B for the quarter.\nAlibaba Group will spend RMB 380bn on cloud over three years; HSBC Holdings booked a HK$4.19B charge.\n';
const README = '# Tools\n\nA helper for globbing files. Released 2025-08-28.\n\n    $ npm install tools\n\nMIT © 2025 Example Ltd.\n';
const PROSE = '# Trip\n\nWe walked along the lake in the afternoon and had tea in the village; the evening train was late.\n';

const folder = () => vscode.workspace.workspaceFolders[0];
const config = () => vscode.workspace.getConfiguration('digestLens');
const settingsFile = () => path.join(workspaceDir(), '.vscode', 'settings.json');

function write(rel, text) {
  const full = path.join(workspaceDir(), rel);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
}

/** Removes what the tests wrote: notes, the include setting, and the settings file it made. */
async function cleanUp(api) {
  api.firstUse.respondWith(null);
  await api.firstUse.forget(folder().uri);
  if (config().inspect('include').workspaceValue !== undefined) await config().update('include', undefined, vscode.ConfigurationTarget.Workspace);
  // A note opened in the digest mode stays a synced digest while VS Code keeps the document:
  // back to plain text, so the index holds the three fixtures again.
  for (const d of vscode.workspace.textDocuments) {
    if (d.languageId === 'digest' && d.uri.fsPath.startsWith(path.join(workspaceDir(), 'notes'))) await vscode.languages.setTextDocumentLanguage(d, 'plaintext');
  }
  for (const rel of ['notes', 'docs']) fs.rmSync(path.join(workspaceDir(), rel), { recursive: true, force: true });
  // VS Code leaves "{}" behind; the fixture had no .vscode folder.
  fs.rmSync(path.join(workspaceDir(), '.vscode'), { recursive: true, force: true });
}

test('first use: a folder of ordinary markdown gets no offer', async () => {
  const api = await ready();
  try {
    write('docs/README.md', README);
    write('docs/trip.md', PROSE);
    await api.firstUse.forget(folder().uri);
    api.firstUse.respondWith('accept');
    const before = api.firstUse.offers().length;
    const [outcome] = await api.firstUse.check();
    assert.strictEqual(outcome.result, 'skipped');
    assert.strictEqual(outcome.reason, 'no digest-like notes');
    assert.strictEqual(api.firstUse.offers().length, before, 'an offer was made');
    assert.deepStrictEqual(config().get('include'), [], 'the include setting changed');
    assert.ok(!fs.existsSync(settingsFile()), 'a settings file was written');
  } finally {
    await cleanUp(api);
  }
});

test('first use: plain digests get the offer; accepting writes only digestLens.include, and the notes get the features', async () => {
  const api = await ready();
  try {
    write('notes/0828.md', SIMPLIFIED);
    write('notes/0903.txt', TRADITIONAL);
    write('notes/en.md', ENGLISH);
    await api.firstUse.forget(folder().uri);
    api.firstUse.respondWith('accept');
    const [outcome] = await api.firstUse.check();
    assert.strictEqual(outcome.result, 'offered', JSON.stringify(outcome));
    assert.strictEqual(outcome.answer, 'accept');
    assert.deepStrictEqual(outcome.offer.globs, ['notes/**/*.md', 'notes/**/*.txt']);
    assert.match(outcome.offer.message, /digestLens\.include/);
    // Only the include setting was written, and where the user would expect it.
    await waitFor('the include setting', () => JSON.stringify(config().get('include')) === JSON.stringify(outcome.offer.globs));
    const written = JSON.parse(fs.readFileSync(settingsFile(), 'utf8'));
    assert.deepStrictEqual(Object.keys(written), ['digestLens.include'], `settings written: ${JSON.stringify(written)}`);
    // The client restarts with the new selector and the server indexes the notes.
    await waitFor('the notes to be indexed', async () => {
      const s = await (await api.currentClient()).sendRequest('digestLens/status');
      return !s.indexing && s.files === 6;
    }, { timeoutMs: 20000 });
    // A Markdown note stays Markdown, with Digest Lens tokens on top.
    const md = await vscode.workspace.openTextDocument(path.join(workspaceDir(), 'notes', '0828.md'));
    await vscode.window.showTextDocument(md);
    assert.strictEqual(md.languageId, 'markdown');
    const tokens = await waitFor('semantic tokens in the Markdown note', async () => {
      const t = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', md.uri);
      return t && t.data.length ? t : null;
    });
    log(`    ${tokens.data.length / 5} Digest Lens tokens in notes/0828.md (markdown)`);
    // A plain-text note opens in the digest mode (word wrap, grammar); no setting changes for it.
    const txt = await vscode.workspace.openTextDocument(path.join(workspaceDir(), 'notes', '0903.txt'));
    await waitFor('the .txt note in the digest mode', () => vscode.workspace.textDocuments.find((d) => d.uri.fsPath === txt.uri.fsPath && d.languageId === 'digest'));
    assert.deepStrictEqual(Object.keys(JSON.parse(fs.readFileSync(settingsFile(), 'utf8'))), ['digestLens.include']);
    // With the globs set, the folder is not asked again.
    const [again] = await api.firstUse.check();
    assert.strictEqual(again.reason, 'include set');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  } finally {
    await cleanUp(api);
  }
  await waitFor('the index of the three fixtures', async () => {
    const s = await (await api.currentClient()).sendRequest('digestLens/status');
    return !s.indexing && s.files === 3;
  }, { timeoutMs: 20000 });
});

test('first use: asked once — "Not now" (or closing) and "Never for this folder" are remembered', async () => {
  const api = await ready();
  try {
    write('notes/0828.md', SIMPLIFIED);
    write('notes/en.md', ENGLISH);
    await api.firstUse.forget(folder().uri);
    const before = api.firstUse.offers().length;
    api.firstUse.respondWith(undefined); // the message closed without an answer
    const [first] = await api.firstUse.check();
    assert.strictEqual(first.result, 'offered');
    assert.strictEqual(first.answer, 'notNow');
    const [second] = await api.firstUse.check();
    assert.strictEqual(second.result, 'skipped');
    assert.strictEqual(second.reason, 'answered');
    assert.strictEqual(api.firstUse.offers().length, before + 1, 'asked twice');
    assert.deepStrictEqual(config().get('include'), [], 'declining changed the setting');

    await api.firstUse.forget(folder().uri);
    api.firstUse.respondWith('never');
    const [third] = await api.firstUse.check();
    assert.strictEqual(third.answer, 'never');
    const [fourth] = await api.firstUse.check();
    assert.strictEqual(fourth.reason, 'never');
    assert.deepStrictEqual(config().get('include'), []);
    assert.ok(!fs.existsSync(settingsFile()), 'a settings file was written');
  } finally {
    await cleanUp(api);
  }
  await waitIndexed(api);
});
