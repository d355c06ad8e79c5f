// The policy that picks the VS Code of the extension-host suite (scripts/e2e/hostChoice.mjs):
// desktop VS Code through @vscode/test-electron where it can be had, code-server otherwise,
// and the one line that says which.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

// Plain ESM JavaScript without a declaration file: untyped for the checker, pinned here.
// @ts-ignore TS7016
import * as H from '../../scripts/e2e/hostChoice.mjs';

const linuxWithDisplay = { mode: 'auto', platform: 'linux', display: true, xvfbRun: false, executableProblem: null };

test('parseMode: unset or empty is auto; case and spaces do not matter; anything else is an error', () => {
  assert.deepEqual(H.parseMode(undefined), { mode: 'auto' });
  assert.deepEqual(H.parseMode(''), { mode: 'auto' });
  assert.deepEqual(H.parseMode(' Electron '), { mode: 'electron' });
  assert.deepEqual(H.parseMode('code-server'), { mode: 'code-server' });
  const bad = H.parseMode('desktop');
  assert.equal(bad.mode, undefined);
  assert.match(bad.error, /DIGEST_LENS_E2E_RUNNER=desktop is not one of auto, electron, code-server/);
});

test('planHost: VSCODE_EXECUTABLE that runs → electron with it, no download', () => {
  const plan = H.planHost({ ...linuxWithDisplay, vscodeExecutable: '/opt/code/code' });
  assert.deepEqual(plan, { action: 'electron', executable: '/opt/code/code', via: 'VSCODE_EXECUTABLE', xvfb: false });
});

test('planHost: VSCODE_EXECUTABLE that does not run → code-server with the reason (auto), an error (electron)', () => {
  const facts = { ...linuxWithDisplay, vscodeExecutable: '/nope/code', executableProblem: 'does not exist' };
  assert.deepEqual(H.planHost(facts), { action: 'code-server', reason: 'VSCODE_EXECUTABLE=/nope/code does not exist' });
  const strict = H.planHost({ ...facts, mode: 'electron' });
  assert.equal(strict.action, 'fail');
  assert.match(strict.message, /^DIGEST_LENS_E2E_RUNNER=electron, but desktop VS Code is not available: VSCODE_EXECUTABLE=\/nope\/code does not exist$/);
});

test('planHost: nothing given → try the download', () => {
  assert.deepEqual(H.planHost(linuxWithDisplay), { action: 'download', xvfb: false });
  assert.deepEqual(H.planHost({ ...linuxWithDisplay, platform: 'darwin', display: false }), { action: 'download', xvfb: false });
});

test('planHost: Linux without a display uses xvfb-run when it is there, else code-server without downloading', () => {
  const headless = { ...linuxWithDisplay, display: false };
  assert.deepEqual(H.planHost({ ...headless, xvfbRun: true }), { action: 'download', xvfb: true });
  assert.deepEqual(H.planHost({ ...headless, xvfbRun: true, vscodeExecutable: '/c' }),
    { action: 'electron', executable: '/c', via: 'VSCODE_EXECUTABLE', xvfb: true });
  const plan = H.planHost({ ...headless, vscodeExecutable: '/c' });
  assert.equal(plan.action, 'code-server');
  assert.match(plan.reason, /no display \(DISPLAY is unset\) and no xvfb-run \(Debian package xvfb\)/);
  assert.equal(H.planHost({ ...headless, mode: 'electron' }).action, 'fail');
});

test('planHost: DIGEST_LENS_E2E_RUNNER=code-server wins over everything', () => {
  const plan = H.planHost({ ...linuxWithDisplay, mode: 'code-server', vscodeExecutable: '/opt/code/code' });
  assert.deepEqual(plan, { action: 'code-server', reason: 'DIGEST_LENS_E2E_RUNNER=code-server' });
});

test('afterDownload: an executable → electron; a failure → code-server (auto) or an error (electron)', () => {
  const plan = { action: 'download', xvfb: true };
  assert.deepEqual(H.afterDownload('auto', plan, { executable: '/cache/code' }),
    { action: 'electron', executable: '/cache/code', via: 'download', xvfb: true });
  const offline = { error: 'getaddrinfo ENOTFOUND update.code.visualstudio.com' };
  assert.deepEqual(H.afterDownload('auto', plan, offline),
    { action: 'code-server', reason: 'download failed: getaddrinfo ENOTFOUND update.code.visualstudio.com' });
  const strict = H.afterDownload('electron', plan, offline);
  assert.equal(strict.action, 'fail');
  assert.match(strict.message, /download failed: getaddrinfo ENOTFOUND/);
});

test('hostLine: one line naming the host, its version and, for code-server, why', () => {
  assert.equal(
    H.hostLine({ action: 'electron', executable: '/c', via: 'VSCODE_EXECUTABLE', xvfb: false }, { desktopVersion: '1.96.2' }),
    'extension-host tests: desktop VS Code 1.96.2 via @vscode/test-electron (VSCODE_EXECUTABLE)');
  assert.equal(
    H.hostLine({ action: 'electron', executable: '/c', via: 'download', xvfb: true }, {}),
    'extension-host tests: desktop VS Code (version unknown) via @vscode/test-electron (downloaded, under xvfb-run)');
  assert.equal(
    H.hostLine({ action: 'code-server', reason: 'download failed: offline' }, { codeServerVersion: '4.139.1' }),
    'extension-host tests: code-server 4.139.1 (desktop VS Code not available: download failed: offline)');
  assert.match(H.hostLine({ action: 'code-server', reason: 'x' }, {}), /code-server \(not installed: run `npm run e2e:setup`\)/);
  assert.throws(() => H.hostLine({ action: 'fail', message: 'm' }, {}));
});

test('desktopPackageJsonCandidates: resources/app beside the binary (Linux, Windows), Contents/Resources/app (macOS)', () => {
  const c = H.desktopPackageJsonCandidates('/opt/VSCode-linux-x64', join);
  assert.equal(c[0], join('/opt/VSCode-linux-x64', 'resources', 'app', 'package.json'));
  assert.equal(c[1], join('/opt/VSCode-linux-x64', '..', 'Resources', 'app', 'package.json'));
});

test('untag: strips the suite tag wherever VS Code put it, leaves other lines alone', () => {
  const tag = '[digest-lens-e2e] ';
  assert.deepEqual(H.untag('[digest-lens-e2e]   ok   a.test.js > b', tag),
    { tagged: true, text: '  ok   a.test.js > b', own: '  ok   a.test.js > b' });
  assert.deepEqual(H.untag('[exthost] [digest-lens-e2e] 3 passed, 0 failed', tag),
    { tagged: true, text: '[exthost] 3 passed, 0 failed', own: '3 passed, 0 failed' });
  assert.deepEqual(H.untag('[main] starting', tag), { tagged: false, text: '[main] starting', own: null });
});

test('summaryOf: the suite\'s closing line, behind any prefix VS Code adds, and nothing else', () => {
  const tag = '[digest-lens-e2e] ';
  assert.deepEqual(H.summaryOf(H.untag('[exthost] [digest-lens-e2e] 33 passed, 1 failed', tag).own), { passed: 33, failed: 1 });
  assert.deepEqual(H.summaryOf('34 passed, 0 failed\r'), { passed: 34, failed: 0 });
  assert.equal(H.summaryOf(H.untag('34 passed, 0 failed', tag).own), null); // untagged: not the suite's
  assert.equal(H.summaryOf('  ok   x.test.js > 3 passed, 0 failed'), null);
  assert.equal(H.summaryOf(null), null);
});
