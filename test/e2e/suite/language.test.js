// The language features as VS Code itself sees them: each test runs one of VS Code's
// provider commands (vscode.execute*Provider, vscode.provideDocumentSemanticTokens) on the
// fixture digests, so the request goes through the real language client, the real server
// and VS Code's own conversion of the answer.
'use strict';
const assert = require('assert');
const path = require('path');
const vscode = require('vscode');
const { log } = require('./index');
const { ready, openDoc, positionOf, hoverText, fileUri } = require('./helpers');

const base = (uri) => path.basename(uri.fsPath);

test('hover on 1,600 亿人民币 shows CNY 160 billion and about US$23 billion', async () => {
  await ready();
  const doc = await openDoc('simplified.digest.md');
  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, positionOf(doc, '1,600 亿人民币', { delta: 2 }));
  assert.ok(hovers && hovers.length > 0, 'no hover on the figure');
  const text = hoverText(hovers);
  log(`    hover: ${text.split('\n').filter(Boolean).slice(0, 4).join(' | ')}`);
  assert.match(text, /CNY\s*160(\.0+)?\s*billion/i, `the hover does not state CNY 160 billion:\n${text}`);
  // The stated 260 亿美元 is deliberately wrong; the real conversion is about 22.9 billion.
  const usd = [...text.matchAll(/US\$\s*([\d.,]+)\s*billion/gi)].map((m) => Number(m[1].replace(/,/g, '')));
  assert.ok(usd.some((v) => v >= 22 && v <= 24), `no USD conversion between 22 and 24 billion in the hover (found ${usd.join(', ') || 'none'}):\n${text}`);
  // The hover's range is the figure itself.
  const range = hovers.find((h) => h.range)?.range;
  assert.ok(range, 'the hover has no range');
  assert.strictEqual(doc.getText(range), '1,600 亿人民币');
});

test('hover on plain text shows nothing', async () => {
  await ready();
  const doc = await openDoc('english.digest');
  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'booked', { delta: 2 }));
  assert.strictEqual(hoverText(hovers || []).trim(), '', 'a hover appeared on the word "booked"');
});

test('references of Tencent in english.digest reach all three files', async () => {
  await ready();
  const doc = await openDoc('english.digest');
  const locations = await vscode.commands.executeCommand('vscode.executeReferenceProvider', doc.uri, positionOf(doc, 'Tencent', { nth: 1, delta: 1 }));
  assert.ok(Array.isArray(locations), 'no reference answer');
  const byFile = new Map();
  for (const loc of locations) byFile.set(base(loc.uri), [...(byFile.get(base(loc.uri)) || []), loc]);
  log(`    references: ${[...byFile].map(([f, l]) => `${f}×${l.length}`).join(', ')}`);
  assert.deepStrictEqual([...byFile.keys()].sort(), ['english.digest', 'simplified.digest.md', 'traditional.digest.txt']);
  assert.strictEqual(byFile.get('english.digest').length, 2, 'english.digest names Tencent twice');
  // Each location covers the name as written in its script.
  const texts = [];
  for (const loc of locations) texts.push((await vscode.workspace.openTextDocument(loc.uri)).getText(loc.range));
  assert.ok(texts.includes('腾讯'), `no 腾讯 among ${texts.join(', ')}`);
  assert.ok(texts.some((t) => t.startsWith('騰訊')), `no 騰訊… among ${texts.join(', ')}`);
  assert.strictEqual(texts.filter((t) => t === 'Tencent').length, 2);
  assert.ok(!texts.includes('NVIDIA'), 'another company among the references');
});

/** Decodes VS Code's relative semantic token encoding into absolute tokens. */
function decodeTokens(tokens, legend) {
  const out = [];
  let line = 0;
  let char = 0;
  const d = tokens.data;
  for (let i = 0; i + 4 < d.length; i += 5) {
    line += d[i];
    char = d[i] === 0 ? char + d[i + 1] : d[i + 1];
    const modifiers = legend.tokenModifiers.filter((_, bit) => d[i + 4] & (1 << bit));
    out.push({ line, char, length: d[i + 2], type: legend.tokenTypes[d[i + 3]], modifiers });
  }
  return out;
}

test('semantic tokens mark the figure as money and 騰訊控股 as a company', async () => {
  await ready();
  const simplified = await openDoc('simplified.digest.md');
  const legend = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokensLegend', simplified.uri);
  assert.ok(legend && legend.tokenTypes.includes('money') && legend.tokenTypes.includes('company'), `legend: ${JSON.stringify(legend)}`);

  const tokens = decodeTokens(await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', simplified.uri), legend);
  const at = positionOf(simplified, '1,600 亿人民币');
  const money = tokens.find((t) => t.line === at.line && t.char === at.character);
  assert.ok(money, `no token at the figure (line ${at.line}: ${JSON.stringify(tokens.filter((t) => t.line === at.line))})`);
  assert.strictEqual(money.type, 'money');
  assert.strictEqual(money.length, '1,600 亿人民币'.length);
  // USD is the base currency: a CNY figure is "foreign".
  assert.ok(money.modifiers.includes('foreign'), `modifiers of the CNY figure: ${money.modifiers}`);
  // Plain words get no token: 2025 年 is a year, not money.
  const year = positionOf(simplified, '2025');
  assert.ok(!tokens.some((t) => t.line === year.line && t.char === year.character), 'the year 2025 has a token');

  const traditional = await openDoc('traditional.digest.txt');
  const tokens2 = decodeTokens(await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', traditional.uri), legend);
  const co = positionOf(traditional, '騰訊控股');
  const company = tokens2.find((t) => t.line === co.line && t.char === co.character);
  assert.ok(company, `no token at 騰訊控股 (${JSON.stringify(tokens2.filter((t) => t.line === co.line))})`);
  assert.strictEqual(company.type, 'company');
  assert.strictEqual(company.length, '騰訊控股'.length);
  log(`    tokens: ${tokens.length} in simplified, ${tokens2.length} in traditional; figure ${money.type}[${money.modifiers}], 騰訊控股 ${company.type}`);
});

test('go to definition: a built-in company goes to its earliest mention, a user entity to entities.json', async () => {
  await ready();
  const english = await openDoc('english.digest');
  const defs = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', english.uri, positionOf(english, 'Tencent', { nth: 1 }));
  assert.ok(defs && defs.length > 0, 'no definition for Tencent');
  const def = defs[0];
  const uri = def.targetUri || def.uri;
  const range = def.targetSelectionRange || def.targetRange || def.range;
  // simplified.digest.md is dated 2026-01-14, the earliest of the three.
  assert.strictEqual(base(uri), 'simplified.digest.md');
  assert.strictEqual((await vscode.workspace.openTextDocument(uri)).getText(range), '腾讯');

  const traditional = await openDoc('traditional.digest.txt');
  const userDefs = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', traditional.uri, positionOf(traditional, '遠瀾算力', { delta: 1 }));
  assert.ok(userDefs && userDefs.length > 0, 'no definition for 遠瀾算力');
  const u = userDefs[0].targetUri || userDefs[0].uri;
  assert.strictEqual(u.fsPath, fileUri('.digestlens/entities.json').fsPath);
  const entry = (await vscode.workspace.openTextDocument(u)).getText(userDefs[0].targetSelectionRange || userDefs[0].targetRange || userDefs[0].range);
  assert.match(entry, /yuanlan-compute|远澜算力/, `the definition's range covers ${JSON.stringify(entry)}`);
});

test('workspace symbols: 腾讯 finds Tencent', async () => {
  await ready();
  const symbols = await vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', '腾讯');
  assert.ok(Array.isArray(symbols) && symbols.length > 0, 'no symbol for 腾讯');
  const tencent = symbols.find((s) => /Tencent|腾讯|騰訊/.test(s.name));
  assert.ok(tencent, `no Tencent among ${symbols.map((s) => s.name).join(', ')}`);
  assert.ok(!symbols.some((s) => /NVIDIA|Microsoft/.test(s.name)), `unrelated symbols: ${symbols.map((s) => s.name).join(', ')}`);
  const doc = await vscode.workspace.openTextDocument(tencent.location.uri);
  assert.match(doc.getText(tencent.location.range), /^(腾讯|騰訊|Tencent)/);
  // The Traditional spelling finds the same entity.
  const traditional = await vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', '騰訊');
  // (Labelled with the alias that matched: "Tencent · 騰訊".)
  assert.ok(traditional.some((s) => s.name.split(' · ')[0] === tencent.name.split(' · ')[0]), `騰訊 did not find ${tencent.name}: ${traditional.map((s) => s.name).join(', ')}`);
  log(`    workspace symbol: ${tencent.name} (${vscode.SymbolKind[tencent.kind]}) at ${base(tencent.location.uri)}:${tencent.location.range.start.line + 1}`);
});
