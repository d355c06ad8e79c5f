// Workspace trust and virtual workspaces: what package.json "capabilities" declares is what
// the extension does. The extension is active whatever the trust (it runs nothing from the
// workspace), the settings it declares restricted are its own path settings, documents of
// any scheme are served (an untitled digest, as a virtual workspace would open), and hover
// Markdown from the server reaches VS Code untrusted and without HTML, even when the
// document holds HTML and command links.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { log } = require('./index');
const { EXTENSION_ID, ready, hoverText, positionOf, waitFor } = require('./helpers');

test('capabilities: limited trust with the path settings restricted, limited virtual workspaces', async () => {
  const api = await ready();
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  const caps = ext.packageJSON.capabilities;
  log(`    workspace trusted: ${vscode.workspace.isTrusted}; extension active: ${ext.isActive}`);
  assert.strictEqual(typeof vscode.workspace.isTrusted, 'boolean');
  assert.ok(ext.isActive, 'the extension is not active');
  assert.strictEqual(api.serverHealth(), 'running');

  assert.ok(caps && caps.untrustedWorkspaces && caps.virtualWorkspaces, 'package.json declares no capabilities');
  assert.strictEqual(caps.untrustedWorkspaces.supported, 'limited');
  assert.ok(caps.untrustedWorkspaces.description.length > 40);
  const restricted = caps.untrustedWorkspaces.restrictedConfigurations;
  assert.deepStrictEqual([...restricted].sort(), ['digestLens.entitiesFile', 'digestLens.include', 'digestLens.ratesFile', 'digestLens.themesFile']);
  // Each restricted key is a setting the extension contributes (a typo would restrict nothing).
  const contributed = Object.keys(ext.packageJSON.contributes.configuration.properties);
  for (const key of restricted) assert.ok(contributed.includes(key), `${key} is not a contributed setting`);
  assert.strictEqual(caps.virtualWorkspaces.supported, 'limited');
  assert.ok(caps.virtualWorkspaces.description.length > 40);

  // The language client syncs the digest language in every scheme (not only file:), which is
  // what serving open documents in a virtual workspace needs.
  const client = await api.currentClient();
  const selector = client.clientOptions.documentSelector;
  const language = selector.find((f) => f.language === 'digest');
  assert.ok(language, `no digest language filter in ${JSON.stringify(selector)}`);
  assert.strictEqual(language.scheme, undefined, 'the digest language filter is limited to one scheme');
  // The server's Markdown may run one command (the dossier link of the company hover) and
  // never renders HTML.
  assert.deepStrictEqual(client.clientOptions.markdown.isTrusted, { enabledCommands: ['digestLens.showDossier'] });
  assert.ok(!client.clientOptions.markdown.supportHtml);
  assert.ok(!client.clientOptions.middleware || !client.clientOptions.middleware.provideHover, 'a hover middleware is installed');
});

test('an untitled digest with HTML and command links: hover works, untrusted and escaped', async () => {
  const api = await ready();
  const hostile = 'Acme <img src=x onerror=alert(1)> raised $3 billion [x](command:workbench.action.quit) from Tencent.\n';
  const doc = await vscode.workspace.openTextDocument({ language: 'digest', content: hostile });
  assert.strictEqual(doc.uri.scheme, 'untitled');
  await vscode.window.showTextDocument(doc);
  try {
    await waitFor('the untitled digest to be indexed', async () => (await api.request('digestLens/status')).files === 4);
    for (const [needle, expect] of [['$3 billion', /\$3 billion/], ['Tencent', /Tencent/]]) {
      const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, positionOf(doc, needle, { delta: 1 }));
      assert.ok(hovers && hovers.length > 0, `no hover on ${needle} in an untitled document`);
      const text = hoverText(hovers);
      assert.match(text, expect);
      for (const h of hovers) {
        for (const c of h.contents) {
          if (typeof c === 'string') continue;
          const trusted = c.isTrusted;
          assert.ok(!trusted || (trusted !== true && JSON.stringify(trusted.enabledCommands) === '["digestLens.showDossier"]'), `hover Markdown on ${needle} is trusted: ${JSON.stringify(trusted)}`);
          assert.ok(!c.supportHtml, `hover Markdown on ${needle} may render HTML`);
        }
      }
      assert.doesNotMatch(text, /(^|[^\\])<img/, `raw HTML in the hover:\n${text}`);
      const links = text.match(/\]\(command:[^)]*\)/g) || [];
      assert.ok(links.every((l) => l.startsWith('](command:digestLens.showDossier?')), `a command link in the hover:\n${text}`);
    }
    // References from the untitled document reach the workspace's files.
    const refs = await vscode.commands.executeCommand('vscode.executeReferenceProvider', doc.uri, positionOf(doc, 'Tencent', { delta: 1 }));
    const schemes = new Set(refs.map((l) => l.uri.scheme));
    assert.ok(schemes.has('untitled') && schemes.has('file'), `reference schemes: ${[...schemes]}`);
    assert.strictEqual(refs.length, 5, 'four workspace mentions and this one');
  } finally {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  // The views tests that follow count Tencent in the three fixture files only.
  await waitFor('the closed untitled digest to leave the index', async () => (await api.request('digestLens/status')).files === 3);
});
