// Base currency, status bar, sidebar mention rows and the figures panel's placement, in a
// real VS Code: a settings change reaches open hovers and inlay hints at once, the status
// bar follows the active note's date, the Entities view groups mentions by dated note with
// the mention highlighted, and the figures panel opens below the note with the focus.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { log } = require('./index');
const { ready, waitFor, waitIndexed, openDoc, positionOf, hoverText } = require('./helpers');

const FIGURE = '1,600 亿人民币';
const config = () => vscode.workspace.getConfiguration('digestLens');

/** The conversion lines of a figure's hover ("- ≈ …"), in order. */
async function conversions(doc) {
  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, positionOf(doc, FIGURE, { delta: 2 }));
  return hoverText(hovers || []).split('\n').filter((l) => /^\s*- ≈/.test(l));
}

/** The labels of the inlay hints of a whole document. */
async function hints(doc) {
  const range = new vscode.Range(0, 0, doc.lineCount, 0);
  const list = (await vscode.commands.executeCommand('vscode.executeInlayHintProvider', doc.uri, range)) || [];
  return list.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
}

test('changing digestLens.baseCurrency changes hovers and inlay hints at once, the new currency first', async () => {
  const api = await ready();
  const doc = await openDoc('simplified.digest.md');
  await vscode.window.showTextDocument(doc);
  try {
    await config().update('inlayHints', true, vscode.ConfigurationTarget.Global);
    const before = await waitFor('inlay hints in USD', async () => {
      const h = await hints(doc);
      return h.length && h.some((l) => /US\$|美元/.test(l)) ? h : null;
    });
    const first = (await conversions(doc))[0];
    assert.match(first, /US\$/, `the first conversion before the change: ${first}`);
    // Hints are written in the note's script (≈85亿美元, ≈1.3万亿日元). JPY is not among the display currencies: the hover must still convert into it, first.
    await config().update('baseCurrency', 'JPY', vscode.ConfigurationTarget.Global);
    const afterHover = await waitFor('the hover to convert into JPY first', async () => {
      const lines = await conversions(doc);
      return lines.length && /JPY|日元/.test(lines[0]) ? lines : null;
    }, { timeoutMs: 5000 });
    const afterHints = await waitFor('inlay hints in JPY', async () => {
      const h = await hints(doc);
      return h.length && h.every((l) => !/US\$|美元/.test(l)) && h.some((l) => /JPY|日元|日圓/.test(l)) ? h : null;
    }, { timeoutMs: 5000 });
    log(`    hover before: ${first.trim()}; after: ${afterHover[0].trim()}`);
    log(`    hints before: ${before.slice(0, 2).join(' | ')}; after: ${afterHints.slice(0, 2).join(' | ')}`);
  } finally {
    await config().update('baseCurrency', undefined, vscode.ConfigurationTarget.Global);
    await config().update('inlayHints', undefined, vscode.ConfigurationTarget.Global);
  }
  await waitFor('the hover back in USD first', async () => /US\$/.test((await conversions(doc))[0] || ''));
  await waitIndexed(api);
});

test('setBaseCurrency takes a name or alias in any script; an unknown one changes nothing', async () => {
  const api = await ready();
  try {
    await vscode.commands.executeCommand('digestLens.setBaseCurrency', '人民币', 'global');
    assert.strictEqual(config().get('baseCurrency'), 'CNY');
    await vscode.commands.executeCommand('digestLens.setBaseCurrency', '港幣', 'global');
    assert.strictEqual(config().get('baseCurrency'), 'HKD');
    await vscode.commands.executeCommand('digestLens.setBaseCurrency', 'NT$', 'global');
    assert.strictEqual(config().get('baseCurrency'), 'TWD');
    await vscode.commands.executeCommand('digestLens.setBaseCurrency', 'not a currency', 'global');
    assert.strictEqual(config().get('baseCurrency'), 'TWD', 'an unknown currency must not change the setting');
    await waitFor('the status bar to show TWD', () => /\bTWD\b/.test(api.statusText()));
  } finally {
    await config().update('baseCurrency', undefined, vscode.ConfigurationTarget.Global);
  }
  await waitFor('the status bar to show USD again', () => /\bUSD\b/.test(api.statusText()));
  await waitIndexed(api);
});

test('the status bar shows the rate day of the active note (issue 15), latest rates for an undated one, and follows a date edit', async () => {
  const api = await ready();
  const latest = (await api.request('digestLens/status')).rateMonth;
  await vscode.window.showTextDocument(await openDoc('simplified.digest.md'));
  await waitFor('the month of simplified.digest.md (2026-01-14)', () => api.noteRates() && api.noteRates().date === '2026-01-14');
  assert.strictEqual(api.noteRates().rateMonth, '2026-01');
  // A published day: the day's reference rate, and the status bar says that day.
  assert.strictEqual(api.noteRates().rateKind, 'daily');
  assert.strictEqual(api.noteRates().rateDate, '2026-01-14');
  assert.match(api.statusText(), /USD · 2026-01-14$/);
  // An undated note (untitled: nothing is written to disk).
  const untitled = await vscode.workspace.openTextDocument({ language: 'digest', content: 'Notes\n\nTencent booked 59.7 billion yuan.\n' });
  const editor = await vscode.window.showTextDocument(untitled);
  try {
    await waitFor('the undated note in the status bar', () => api.noteRates() && api.noteRates().indexed && api.noteRates().date === null);
    assert.strictEqual(api.noteRates().rateMonth, latest);
    assert.ok(api.statusText().includes(`latest rates (${latest})`), api.statusText());
    // Giving it a date moves the status bar to that day's rate.
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), '2025-06-03 (Tuesday)\n'));
    await waitFor('the status bar to show 2025-06-03 after the date edit', () => /USD · 2025-06-03$/.test(api.statusText()));
    log(`    status: ${api.statusText()}`);
  } finally {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
});

test('Entities view: an entity lists its notes by date, each mention as its line with the mention highlighted', async () => {
  const api = await ready();
  const view = api.entitiesView;
  const kinds = await view.getChildren();
  const companies = kinds.find((k) => k.group.kind === 'company');
  const kindItem = view.getTreeItem(companies);
  assert.match(kindItem.description, /^\d+ entities · \d+ mentions$/);
  const people = kinds.find((k) => k.group.entities.length === 1);
  if (people) assert.match(view.getTreeItem(people).description, /^1 entity · (1 mention|\d+ mentions)$/);
  const tencent = (await view.getChildren(companies)).find((e) => e.entity.id === 'tencent');
  const files = await view.getChildren(tencent);
  assert.deepStrictEqual(files.map((f) => f.type), ['file', 'file', 'file']);
  const fileItems = files.map((f) => view.getTreeItem(f));
  // Newest note first, the date as the row's label, the file name and count beside it.
  assert.deepStrictEqual(fileItems.map((i) => i.label), ['2026-01-16', '2026-01-15', '2026-01-14']);
  assert.deepStrictEqual(fileItems.map((i) => i.description), ['english.digest · 2 mentions', 'traditional.digest.txt · 1 mention', 'simplified.digest.md · 1 mention']);
  const mentions = (await Promise.all(files.map((f) => view.getChildren(f)))).flat();
  assert.strictEqual(mentions.length, 4);
  for (const m of mentions) {
    const item = view.getTreeItem(m);
    assert.strictEqual(typeof item.label, 'object', 'a mention row has a highlighted label');
    const [start, end] = item.label.highlights[0];
    assert.strictEqual(item.label.label.slice(start, end), m.item.text, JSON.stringify(item.label));
    assert.match(item.description, /^line \d+$/);
    assert.strictEqual(item.command.command, 'digestLens.openLocation');
    for (const it of [item, fileItems[0], kindItem, view.getTreeItem(tencent)]) {
      const aria = it.accessibilityInformation && it.accessibilityInformation.label;
      assert.ok(aria, 'every row has screen-reader text');
      assert.ok(!/&[#\w]+;/.test(aria), `an HTML entity in ${aria}`);
    }
  }
  const zh = view.getTreeItem(mentions.find((m) => m.item.text === '腾讯'));
  assert.match(zh.label.label, /^腾讯 2025 年前三季度资本开支为 597 亿元/);
  log(`    rows: ${fileItems.map((i) => `${i.label} ${i.description}`).join('; ')}; ${zh.accessibilityInformation.label}`);
});

test('the figures panel opens below the note (not squeezed beside it) and takes the focus', async () => {
  const api = await ready();
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await waitFor('the panels to close', () => api.figuresShown() === undefined);
  const doc = await openDoc('simplified.digest.md');
  await vscode.window.showTextDocument(doc);
  try {
    await vscode.commands.executeCommand('digestLens.showFigures', 'workspace');
    await waitFor('the figures', () => api.figuresShown() && api.figuresShown().rows.length > 0);
    const groups = vscode.window.tabGroups.all;
    assert.strictEqual(groups.length, 2, 'the note and the panel, each in its group');
    const layout = await vscode.commands.executeCommand('vscode.getEditorLayout');
    assert.strictEqual(layout.orientation, 1, `groups stacked vertically: ${JSON.stringify(layout)}`);
    const panelTab = groups[1].tabs.find((t) => t.input instanceof vscode.TabInputWebview);
    assert.ok(panelTab, 'the panel is in the lower group');
    assert.ok(groups[1].isActive && panelTab.isActive, 'the panel has the focus');
    assert.ok(groups[0].tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === doc.uri.toString()), 'the note stays above');
    // The panel has the focus, the note is still in view: the status bar keeps the note's rate day.
    await api.refreshStatus();
    assert.strictEqual(api.noteRates() && api.noteRates().date, '2026-01-14', 'the status bar describes the visible note');
    assert.match(api.statusText(), /USD · 2026-01-14$/);
    // Showing figures again reuses the panel and gives it the focus back.
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('digestLens.showFigures', 'workspace');
    await waitFor('the panel to be active again', () => vscode.window.tabGroups.activeTabGroup.viewColumn === 2);
    assert.strictEqual(vscode.window.tabGroups.all.length, 2, 'no third group');
  } finally {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.editorLayoutSingle');
  }
});
