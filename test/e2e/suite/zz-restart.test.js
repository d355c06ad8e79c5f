// Runs after every other test (files run in name order; this one kills the server): the
// language server process is killed with SIGKILL, as an out-of-memory kill or a crash
// would, and the client must start a new one by itself — the health says 'restarted', a
// new process answers, hover works again on a figure and the Entities view lists Tencent
// again. No sleeps: every wait polls a condition or waits on an event.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { log } = require('./index');
const { ready, openDoc, positionOf, hoverText, waitFor, waitIndexed } = require('./helpers');

/** Whether a process exists (signal 0 checks without sending anything). */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

test('a killed server is restarted: hover and the Entities view work again', async () => {
  const api = await ready();
  assert.strictEqual(typeof api.serverPid, 'function', 'the extension API has no serverPid()');
  const before = await waitFor('the server pid', () => api.serverPid());
  assert.ok(alive(before), `pid ${before} is not a live process`);
  assert.notStrictEqual(before, process.pid, 'serverPid() returned the extension host itself');
  assert.strictEqual(api.serverHealth(), 'running');

  process.kill(before, 'SIGKILL');
  await waitFor(`process ${before} to die`, () => !alive(before));
  await waitFor('the client to notice the crash', () => api.serverHealth() === 'restarted');

  // A new process, answering requests, with the whole workspace indexed again.
  const after = await waitFor('a new server process', () => {
    const pid = api.serverPid();
    return pid && pid !== before ? pid : null;
  }, { timeoutMs: 20000 });
  assert.ok(alive(after));
  await waitFor('the client to be running again', async () => (await api.currentClient()).isRunning());
  const status = await waitIndexed(api);
  assert.strictEqual(status.files, 3);
  assert.strictEqual(api.serverHealth(), 'restarted');
  log(`    server ${before} killed, ${after} answering (${status.files} files)`);

  // Hover on a figure works again.
  const doc = await openDoc('simplified.digest.md');
  const text = await waitFor('a hover on 1,600 亿人民币 from the new server', async () => {
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, positionOf(doc, '1,600 亿人民币', { delta: 2 }));
    const t = hoverText(hovers || []);
    return /CNY\s*160(\.0+)?\s*billion/i.test(t) ? t : null;
  });
  assert.match(text, /US\$/);

  // The Entities view asks the new server and lists Tencent in its three files again.
  // (The view refreshes itself when the client is running again; the poll waits for that.)
  const tencent = await waitFor('Tencent in the Entities view', async () => {
    const kinds = await api.entitiesView.getChildren();
    const companies = kinds.find((k) => k.group.kind === 'company');
    if (!companies) return null;
    const entities = await api.entitiesView.getChildren(companies);
    return entities.find((e) => e.entity.id === 'tencent');
  });
  assert.strictEqual(tencent.entity.files, 3);
  assert.strictEqual(tencent.entity.mentions, 4);
});
