// The digestLens.* commands, run with arguments so that no prompt opens: the figures panel,
// the export, the base currency, reindexing and the script conversion. Each test leaves the
// window as it found it (panel and editors closed, settings restored, temp files removed).
'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const vscode = require('vscode');
const { log } = require('./index');
const { ready, waitFor, waitIndexed, nextEvent, fileUri, workspaceDir } = require('./helpers');

const FIGURE = '1,600 亿人民币';

test('showFigures: the panel receives one row per fact of the file, with values in USD', async () => {
  const api = await ready();
  const uri = fileUri('simplified.digest.md');
  // The panel posts its data once its page says it is ready: wait on that, not on the command.
  const shown = nextEvent(api.onFiguresShown, 'the figures panel to post its rows', (m) => m.rows.length > 0);
  await vscode.commands.executeCommand('digestLens.showFigures', uri);
  const message = await shown;
  assert.strictEqual(api.figuresShown(), message);
  assert.strictEqual(message.baseCurrency, 'USD');
  assert.strictEqual(message.scope, 'file');
  // 8 figures, 6 facts: the two stated conversions are folded into the figure they convert.
  assert.strictEqual(message.rows.length, 6, `rows: ${message.rows.map((r) => r.text).join(', ')}`);
  assert.ok(message.rows.every((r) => r.file === 'simplified.digest.md'));
  const row = message.rows.find((r) => r.text === FIGURE);
  assert.ok(row, `no row for ${FIGURE}`);
  assert.deepStrictEqual(row.others, ['260 亿美元']);
  assert.strictEqual(row.currency, 'CNY');
  assert.strictEqual(row.value, 1.6e11);
  assert.ok(row.baseValue > 22e9 && row.baseValue < 24e9, `base value ${row.baseValue}`);
  assert.ok(!message.rows.some((r) => r.text === '85 亿美元'), 'a stated conversion has a row of its own');
  assert.ok(message.rows.every((r) => typeof r.baseValue === 'number'), 'a row has no base value');
  assert.ok(message.chart.bars.length > 0, 'the chart has no bars');
  log(`    figures panel: ${message.rows.length} facts; ${FIGURE} = US$${(row.baseValue / 1e9).toFixed(2)} billion, also ${row.others.join(', ')}`);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await waitFor('the figures panel to close', () => api.figuresShown() === undefined);
});

test('exportFigures writes JSON and CSV files with every fact of the workspace', async () => {
  const api = await ready();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-lens-export-'));
  try {
    const expected = await api.request('digestLens/facts', { scope: { kind: 'workspace' }, limit: 0 });
    const figures = await api.request('digestLens/figures', { scope: { kind: 'workspace' } });
    assert.strictEqual(figures.figures.length, 25, 'the three fixture digests hold 8 + 8 + 9 figures');
    assert.ok(expected.total < 25 && expected.rows.length === expected.total, `${expected.total} facts`);

    const json = path.join(dir, 'figures.json');
    await vscode.commands.executeCommand('digestLens.exportFigures', 'workspace', vscode.Uri.file(json));
    assert.ok(fs.existsSync(json), 'no figures.json written');
    const data = JSON.parse(fs.readFileSync(json, 'utf8'));
    // Files are written workspace-relative; the client asks for the folder's name in front
    // (asRelativePath(uri, true)), so "workspace/english.digest" in this one-folder window.
    const folder = path.basename(workspaceDir());
    const fileName = (f) => (f.startsWith(`${folder}/`) ? f.slice(folder.length + 1) : f);
    assert.strictEqual(data.baseCurrency, 'USD');
    assert.strictEqual(data.facts.length, expected.total);
    assert.deepStrictEqual([...new Set(data.facts.map((f) => fileName(f.file)))].sort(), ['english.digest', 'simplified.digest.md', 'traditional.digest.txt']);
    const row = data.facts.find((f) => f.text === FIGURE);
    assert.ok(row, `no ${FIGURE} in the export`);
    assert.deepStrictEqual([fileName(row.file), row.line, row.column, row.currency, row.value], ['simplified.digest.md', 4, 27, 'CNY', 1.6e11]);
    assert.deepStrictEqual(row.alsoStatedAs.map((o) => o.text), ['260 亿美元']);
    assert.ok(row.baseValue > 22e9 && row.baseValue < 24e9, `base value ${row.baseValue}`);

    const csv = path.join(dir, 'figures.csv');
    await vscode.commands.executeCommand('digestLens.exportFigures', 'workspace', vscode.Uri.file(csv));
    const lines = fs.readFileSync(csv, 'utf8').replace(/^\ufeff/, '').trimEnd().split('\r\n');
    assert.strictEqual(lines.length, expected.total + 1, 'a header and one row per fact');
    assert.match(lines[0], /^file,line,column,text,alsoStatedAs,currency,value/);
    assert.ok(lines.some((l) => l.replace(`${folder}/`, '').startsWith(`simplified.digest.md,4,27,"${FIGURE}",260 亿美元,CNY,160000000000`)), `no CSV row for ${FIGURE}`);
    log(`    exported ${data.facts.length} facts (${figures.figures.length} figures) to JSON and CSV`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('setBaseCurrency CNY: the status bar and the conversions follow, then USD is restored', async () => {
  const api = await ready();
  const config = () => vscode.workspace.getConfiguration('digestLens');
  assert.match(api.statusText(), /\bUSD\b/, `status before: ${api.statusText()}`);
  try {
    // 'global': user settings, so nothing is written into the workspace.
    await vscode.commands.executeCommand('digestLens.setBaseCurrency', 'CNY', 'global');
    assert.strictEqual(config().get('baseCurrency'), 'CNY');
    await waitFor('the status bar to show CNY', () => /\bCNY\b/.test(api.statusText()));
    const res = await api.request('digestLens/figures', { scope: { kind: 'file', uri: fileUri('simplified.digest.md').toString() } });
    assert.strictEqual(res.baseCurrency, 'CNY');
    assert.strictEqual(res.figures.find((f) => f.text === FIGURE).baseValue, 1.6e11, 'a CNY figure keeps its value in CNY');
    const usd = res.figures.find((f) => f.text === '85 亿美元').baseValue;
    assert.ok(usd > 5.5e10 && usd < 6.5e10, `85 亿美元 in CNY: ${usd}`);
    log(`    status with CNY: ${api.statusText()}`);
  } finally {
    await config().update('baseCurrency', undefined, vscode.ConfigurationTarget.Global);
  }
  await waitFor('the status bar to show USD again', () => /\bUSD\b/.test(api.statusText()));
  assert.strictEqual(config().get('baseCurrency'), 'USD');
  // The settings change reindexed the workspace: let that finish before the next test.
  await waitIndexed(api);
  await waitFor('the status bar to stop spinning', () => !/sync~spin/.test(api.statusText()));
});

test('reindex rebuilds the index and announces it', async () => {
  const api = await ready();
  // The server announces the rebuilt index; listen before asking for it.
  const done = nextEvent(api.onIndexChanged, 'an indexChanged notification after reindex', (e) => !e.indexing);
  await vscode.commands.executeCommand('digestLens.reindex');
  const change = await done;
  assert.ok(change.files >= 3, `files after reindex: ${change.files}`);
  const status = await waitIndexed(api);
  assert.strictEqual(status.files, 3);
  assert.doesNotMatch(api.statusText(), /sync~spin/, `status still spinning: ${api.statusText()}`);
  // Everything is there again.
  const entities = await api.request('digestLens/entities', { scope: { kind: 'workspace' } });
  assert.strictEqual(entities.entities.find((e) => e.id === 'tencent')?.files, 3);
});

test('convertToTraditional rewrites a new digest document in Traditional script', async () => {
  const api = await ready();
  // No company or figure: the workspace's counts stay those of the three fixtures.
  const simplified = '# 周记\n\n这里发生了许多变化,简体字转换为繁体字。\n';
  const doc = await vscode.workspace.openTextDocument({ language: 'digest', content: simplified });
  const editor = await vscode.window.showTextDocument(doc);
  try {
    // The server indexes the open document (the code actions look it up there).
    await waitFor('the untitled digest to be indexed', async () => (await api.request('digestLens/status')).files === 4);
    const ok = await vscode.commands.executeCommand('digestLens.convertToTraditional', 'tw');
    assert.strictEqual(ok, true, 'the conversion was not applied');
    const text = editor.document.getText();
    assert.notStrictEqual(text, simplified);
    assert.match(text, /這裡發生了許多變化/, `converted text: ${text}`);
    assert.match(text, /簡體字轉換為繁體字/, `converted text: ${text}`);
    assert.strictEqual(text.split('\n').length, simplified.split('\n').length, 'lines were added or lost');
    log(`    converted: ${text.split('\n')[2]}`);
    // Nothing left to convert: the same command now reports that and changes nothing.
    assert.strictEqual(await vscode.commands.executeCommand('digestLens.convertToTraditional', 'tw'), false);
  } finally {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await waitFor('the closed untitled digest to leave the index', async () => (await api.request('digestLens/status')).files === 3);
});

test('convertToTraditional follows digestLens.traditionalVariant: Hong Kong words, one undo restores the text', async () => {
  const api = await ready();
  const simplified = '# 周记\n\n无线鼠标销量大增,软件和芯片业务的信息更完整。\n';
  const config = () => vscode.workspace.getConfiguration('digestLens');
  await config().update('traditionalVariant', 'hk', vscode.ConfigurationTarget.Global);
  const doc = await vscode.workspace.openTextDocument({ language: 'digest', content: simplified });
  const editor = await vscode.window.showTextDocument(doc);
  try {
    await waitFor('the untitled digest to be indexed', async () => (await api.request('digestLens/status')).files === 4);
    // No argument: the setting chooses, no quick pick opens.
    assert.strictEqual(await vscode.commands.executeCommand('digestLens.convertToTraditional'), true);
    const text = editor.document.getText();
    assert.match(text, /無線滑鼠銷量大增/, `Hong Kong words: ${text}`);
    assert.match(text, /軟件和芯片業務的信息更完整/, `Hong Kong keeps 軟件, 芯片, 信息: ${text}`);
    log(`    converted (hk): ${text.split('\n')[2]}`);
    // The conversion is one edit: one undo gives the Simplified text back.
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), simplified);
    // The argument wins over the setting: Taiwan words.
    assert.strictEqual(await vscode.commands.executeCommand('digestLens.convertToTraditional', 'tw'), true);
    assert.match(editor.document.getText(), /軟體和晶片業務的資訊更完整/);
  } finally {
    await config().update('traditionalVariant', undefined, vscode.ConfigurationTarget.Global);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await waitFor('the closed untitled digest to leave the index', async () => (await api.request('digestLens/status')).files === 3);
});
