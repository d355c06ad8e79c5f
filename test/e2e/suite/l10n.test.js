// The server's texts in the user's language inside a real VS Code: with digestLens.language
// "auto" they follow the display language the client sends (code-server's, "en" here: this
// machine cannot download a language pack), and the setting switches hovers, diagnostics
// and quick fix titles to Simplified or Traditional Chinese and back. The setting is
// changed in the user settings only, and restored.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { log } = require('./index');
const { ready, waitFor, waitIndexed, openDoc, positionOf, hoverText } = require('./helpers');

/** What the server makes of a display language (server/src/l10n/locale.ts). */
function expectedLocale(tag) {
  const parts = String(tag || '').toLowerCase().replace(/_/g, '-').split('-');
  if (parts[0] !== 'zh') return 'en';
  if (parts.includes('hans')) return 'zh-cn';
  return parts.some((p) => ['hant', 'tw', 'hk', 'mo'].includes(p)) ? 'zh-tw' : 'zh-cn';
}

/** The heading of a dated figure hover's conversions, per language. */
const CONVERTED = { en: "Converted at the digest's date", 'zh-cn': '按摘要日期', 'zh-tw': '依摘要日期' };
const MISMATCH = { en: /^Stated conversion implies USD\/CNY 6\.15/, 'zh-cn': /^文中换算隐含汇率 USD\/CNY 6\.15/, 'zh-tw': /^文中換算隱含匯率 USD\/CNY 6\.15/ };
const INSERT = { en: /^Insert conversion: ≈ US\$/, 'zh-cn': /^插入换算：≈ US\$/, 'zh-tw': /^插入換算：≈ US\$/ };

const config = () => vscode.workspace.getConfiguration('digestLens');

async function figureHover(doc) {
  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, positionOf(doc, '1,600 亿人民币', { delta: 2 }));
  return hoverText(hovers || []);
}

/** Waits until the hover, the mismatch diagnostic and the quick fix titles are in `locale`. */
async function expectLanguage(doc, locale) {
  const text = await waitFor(`a ${locale} hover`, async () => {
    const t = await figureHover(doc);
    return t.includes(CONVERTED[locale]) ? t : null;
  });
  const diag = await waitFor(`a ${locale} conversion diagnostic`, () =>
    vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === 'conversion-mismatch' && MISMATCH[locale].test(d.message)),
  );
  const at = positionOf(doc, '1,600 亿人民币', { delta: 2 });
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(at, at));
  const titles = (actions || []).map((a) => a.title);
  assert.ok(titles.some((t) => INSERT[locale].test(t)), `no ${locale} insert-conversion title among:\n${titles.join('\n')}`);
  return { text, diag, titles };
}

test('the server speaks the display language the client sends (digestLens.language "auto")', async () => {
  await ready();
  assert.strictEqual(config().get('language'), 'auto');
  const locale = expectedLocale(vscode.env.language);
  log(`    display language: ${vscode.env.language} → ${locale}`);
  const doc = await openDoc('simplified.digest.md');
  await vscode.window.showTextDocument(doc); // diagnostics are published for open documents
  const { text } = await expectLanguage(doc, locale);
  log(`    hover: ${text.split('\n').filter(Boolean).slice(0, 3).join(' | ')}`);
});

test('digestLens.language switches the server to Simplified, then Traditional Chinese, and back', async () => {
  const api = await ready();
  const doc = await openDoc('simplified.digest.md');
  await vscode.window.showTextDocument(doc);
  try {
    await config().update('language', 'zh-cn', vscode.ConfigurationTarget.Global);
    const cn = await expectLanguage(doc, 'zh-cn');
    log(`    zh-cn: ${cn.text.split('\n').filter(Boolean).slice(0, 3).join(' | ')}`);
    log(`    zh-cn: ${cn.diag.message}`);
    await waitIndexed(api);
    const themes = await api.request('digestLens/themes', { scope: { kind: 'workspace' } });
    assert.ok(themes.themes.some((t) => t.label === 'AI基础设施与资本开支'), `theme labels: ${themes.themes.map((t) => t.label).join(', ')}`);

    await config().update('language', 'zh-tw', vscode.ConfigurationTarget.Global);
    const tw = await expectLanguage(doc, 'zh-tw');
    log(`    zh-tw: ${tw.titles.join(' | ')}`);
    await waitIndexed(api);
    const twThemes = await api.request('digestLens/themes', { scope: { kind: 'workspace' } });
    assert.ok(twThemes.themes.some((t) => t.label === 'AI基礎設施與資本開支'), `theme labels: ${twThemes.themes.map((t) => t.label).join(', ')}`);
  } finally {
    await config().update('language', undefined, vscode.ConfigurationTarget.Global);
  }
  await expectLanguage(doc, expectedLocale(vscode.env.language));
  await waitIndexed(api);
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
});
