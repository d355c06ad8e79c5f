// Smoke test: the extension host of a real VS Code (code-server) loaded this repository as
// the extension under development. Only presence is checked here: activation is tested
// once the client (client/) exists.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { log } = require('./index');

test('runs inside VS Code with the Digest Lens extension present', () => {
  assert.match(vscode.version, /^\d+\.\d+\.\d+/, `vscode.version is ${vscode.version}`);
  const ext = vscode.extensions.getExtension('digest-lens.digest-lens');
  assert.ok(ext, 'extension digest-lens.digest-lens is not installed');
  assert.strictEqual(ext.packageJSON.name, 'digest-lens');
  log(`  vscode ${vscode.version}, extension at ${ext.extensionPath}`);
});
