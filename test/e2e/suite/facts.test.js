// The views over facts in a real VS Code: the figures table (one row per fact, filters,
// totals, copy, export scope), the entity dossier (from a command, the quick pick and the
// hover's link), workspace symbols in Chinese, and the sidebar filter in Chinese.
'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const vscode = require('vscode');
const { log } = require('./index');
const { ready, waitFor, nextEvent, fileUri, openDoc, positionOf, hoverText } = require('./helpers');

async function closeAll(api) {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await waitFor('the panels to close', () => api.figuresShown() === undefined && api.dossierShown() === undefined);
}

test('figures table: workspace facts, filtered by entity, totals, copy as Markdown and TSV, export of the filter', async () => {
  const api = await ready();
  const shown = nextEvent(api.onFiguresShown, 'the workspace figures', (m) => m.rows.length > 0 && m.scope === 'workspace');
  await vscode.commands.executeCommand('digestLens.showWorkspaceFigures');
  const all = await shown;
  assert.strictEqual(all.total, all.inScope);
  assert.ok(all.facets.entities.some((e) => e.id === 'tencent'), 'Tencent is in the entity filter');
  assert.ok(all.facets.metrics.some((m) => m.id === 'capex'));
  // One row per fact: 597 亿元 with its stated conversion, no row for the conversion.
  const capex = all.rows.find((r) => r.text === '597 亿元');
  assert.deepStrictEqual(capex.others, ['85 亿美元']);
  assert.deepStrictEqual([capex.subject, capex.metric, capex.period], ['Tencent', 'capex', '2025-9M']);

  const filtered = nextEvent(api.onFiguresShown, 'the filtered figures', (m) => m.state.filter.entityId === 'tencent');
  await api.figuresQuery({ entityId: 'tencent' });
  const f = await filtered;
  assert.ok(f.rows.length > 0 && f.rows.length < all.rows.length);
  assert.ok(f.rows.every((r) => r.subject === 'Tencent' || r.counterparty === 'Tencent'), f.rows.map((r) => r.subject).join(', '));
  assert.ok(f.totals.every((t) => t.entityId === 'tencent' && !['price', 'market-size'].includes(t.metric)));
  log(`    figures table: ${all.total} facts, ${f.total} about Tencent, totals ${f.totals.map((t) => `${t.metric} ${(t.value / 1e9).toFixed(2)}B`).join(', ')}`);

  const md = await api.figuresCopy('markdown');
  assert.strictEqual(await vscode.env.clipboard.readText(), md);
  const lines = md.trimEnd().split('\n');
  assert.match(lines[0], /^\| Subject \| Metric \| Period \| Figure \|/);
  assert.strictEqual(lines.length, f.total + 2);
  const tsv = await api.figuresCopy('tsv');
  assert.strictEqual(tsv.trimEnd().split('\n').length, f.total + 1);
  assert.ok(tsv.split('\n')[1].includes('\t'));

  // Export with an explicit scope: the current filter, then the workspace.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-lens-export-'));
  try {
    const target = path.join(dir, 'filter.json');
    await vscode.commands.executeCommand('digestLens.exportFigures', 'filter', vscode.Uri.file(target));
    const data = JSON.parse(fs.readFileSync(target, 'utf8'));
    assert.strictEqual(data.facts.length, f.total);
    assert.strictEqual(data.scope, 'the current filter');
    const ws = path.join(dir, 'ws.json');
    await vscode.commands.executeCommand('digestLens.exportFigures', 'workspace', vscode.Uri.file(ws));
    assert.strictEqual(JSON.parse(fs.readFileSync(ws, 'utf8')).facts.length, all.total);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  await closeAll(api);
});

test('dossier: every fact about Tencent by metric, from the command and from the quick pick in Traditional Chinese', async () => {
  const api = await ready();
  const shown = nextEvent(api.onDossierShown, 'the dossier', (m) => m.entity.id === 'tencent');
  await vscode.commands.executeCommand('digestLens.showDossier', 'tencent');
  const d = await shown;
  assert.strictEqual(api.dossierShown(), d);
  assert.strictEqual(d.entity.name, 'Tencent');
  assert.ok(d.entity.names.includes('騰訊') || d.entity.names.includes('腾讯'));
  const capex = d.groups.find((g) => g.metric === 'capex');
  assert.ok(capex, `groups: ${d.groups.map((g) => g.metric)}`);
  assert.ok(capex.facts.some((x) => x.text === '597 亿元' && x.others.includes('85 亿美元')));
  const dates = capex.facts.map((x) => x.date);
  assert.deepStrictEqual(dates, [...dates].sort(), 'facts by note date');
  log(`    dossier: ${d.groups.map((g) => `${g.metric} ${g.facts.length}`).join(', ')}`);
  await closeAll(api);

  // The quick pick: 騰訊 finds Tencent (the query is passed so that no typing is needed).
  const picked = nextEvent(api.onDossierShown, 'the dossier from the quick pick', (m) => m.entity.id === 'tencent');
  void vscode.commands.executeCommand('digestLens.findEntity', '騰訊');
  // Enter, once the server's answer is listed (an Enter before it keeps the pick open).
  const timer = setInterval(() => void vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'), 300);
  try {
    await picked;
  } finally {
    clearInterval(timer);
  }
  await closeAll(api);
});

test('the company hover lists its facts and links to its dossier', async () => {
  const api = await ready();
  const doc = await openDoc('simplified.digest.md');
  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, positionOf(doc, '腾讯', { delta: 1 }));
  const text = hoverText(hovers);
  assert.match(text, /597 亿元 \(85 亿美元\)/);
  assert.match(text, /command:digestLens\.showDossier\?/);
  await closeAll(api);
});

test('workspace symbols (Ctrl+T) in Chinese: the label holds what matched', async () => {
  await ready();
  for (const query of ['騰訊', '腾讯', '0700']) {
    const symbols = await vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', query);
    const top = symbols[0];
    assert.ok(top && top.name.startsWith('Tencent'), `${query}: ${top && top.name}`);
    assert.ok(top.name.includes(query), `${query} is not in the label ${top.name}, so the editor would filter it out`);
  }
});

test('the sidebar filter in Chinese keeps Tencent (騰訊 and 腾讯 both)', async () => {
  const api = await ready();
  try {
    for (const filter of ['騰訊', '腾讯', '0700']) {
      await vscode.commands.executeCommand('digestLens.filter', filter);
      assert.strictEqual(api.sidebar().filter, filter);
      // The roots of the refreshed tree (the view may be hidden: ask as VS Code would).
      await api.entitiesView.getChildren();
      const ids = api.entitiesView.lastEntities.map((e) => e.id);
      assert.ok(ids.includes('tencent'), `${filter}: ${ids.join(', ')}`);
      assert.ok(!ids.includes('microsoft'), `${filter} keeps Microsoft`);
    }
  } finally {
    await vscode.commands.executeCommand('digestLens.clearFilter');
  }
});
