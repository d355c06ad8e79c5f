// scripts/e2e/run-host-tests.mjs end to end with stand-ins for desktop VS Code: small shell
// scripts given as VSCODE_EXECUTABLE, which @vscode/test-electron's runTests launches as it
// would launch VS Code. They print what the suite would print (tagged lines), exit as VS Code
// would, or hang. Checks: the arguments VS Code gets, the line that says which way the run
// took, the exit codes, and that a hung run is killed at E2E_TIMEOUT_S.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const RUNNER = join(ROOT, 'scripts/e2e/run-host-tests.mjs');

/** A fake VS Code install: <dir>/code running `body`, <dir>/resources/app/package.json. */
function fakeVSCode(body: string) {
  const dir = mkdtempSync(join(tmpdir(), 'digest-lens-fake-vscode-'));
  mkdirSync(join(dir, 'resources/app'), { recursive: true });
  writeFileSync(join(dir, 'resources/app/package.json'), JSON.stringify({ name: 'code-oss-dev', version: '1.96.4' }));
  const code = join(dir, 'code');
  writeFileSync(code, `#!/bin/sh\nprintf '%s\\n' "$@" > "${dir}/args"\necho $$ > "${dir}/pid"\n${body}\n`);
  chmodSync(code, 0o755);
  return { dir, code };
}

function run(env: Record<string, string | undefined>, args: string[] = []) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [RUNNER, ...args], {
    cwd: ROOT,
    env: { ...process.env, DIGEST_LENS_E2E_RUNNER: undefined, VSCODE_EXECUTABLE: undefined, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, out: r.stdout, err: r.stderr, ms: Date.now() - started };
}

const TAG = '[digest-lens-e2e] ';

/** Whether `pid` runs: gone, or a zombie (killed, not yet reaped where PID 1 does not reap), is not. */
function alive(pid: number) {
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

test('VSCODE_EXECUTABLE: the suite runs in it through runTests, the line names its version, exit 0', () => {
  // The summary behind a prefix, as VS Code may forward the extension host's console.
  const fake = fakeVSCode(`echo "${TAG}  ok   smoke.test.js > activates"\necho "[exthost] ${TAG}1 passed, 0 failed"\nexit 0`);
  try {
    const r = run({ VSCODE_EXECUTABLE: fake.code, DISPLAY: ':99' });
    assert.equal(r.status, 0, r.out + r.err);
    assert.match(r.out, /^extension-host tests: desktop VS Code 1\.96\.4 via @vscode\/test-electron \(VSCODE_EXECUTABLE\)$/m);
    // The suite's lines without their tag.
    assert.match(r.out, /^ {2}ok {3}smoke\.test\.js > activates$/m);
    assert.match(r.out, /^\[exthost\] 1 passed, 0 failed$/m);
    assert.ok(!r.out.includes(TAG));
    const args = readFileSync(join(fake.dir, 'args'), 'utf8').split('\n');
    assert.ok(args.includes(`--extensionTestsPath=${join(ROOT, 'test/e2e/suite/index.js')}`), args.join(' '));
    assert.ok(args.includes(`--extensionDevelopmentPath=${ROOT}`));
    assert.ok(args.includes('--disable-extensions'));
    // The workspace (first argument) is a scratch copy of the fixture, with its own profile.
    assert.match(args[0], /digest-lens-e2e-electron-.*\/workspace$/);
    assert.ok(args.some((a) => /^--user-data-dir=.*digest-lens-e2e-electron-/.test(a)));
  } finally {
    rmSync(fake.dir, { recursive: true, force: true });
  }
});

test('a failing test makes the run fail with VS Code\'s exit code', () => {
  const fake = fakeVSCode(`echo "${TAG}  FAIL views.test.js > tree"\necho "${TAG}0 passed, 1 failed"\nexit 1`);
  try {
    const r = run({ VSCODE_EXECUTABLE: fake.code, DISPLAY: ':99' });
    assert.equal(r.status, 1, r.out + r.err);
    assert.match(r.out, /^0 passed, 1 failed$/m);
  } finally {
    rmSync(fake.dir, { recursive: true, force: true });
  }
});

test('VS Code exiting 0 without the suite\'s summary is a failure (the suite never ran)', () => {
  const fake = fakeVSCode('echo "[main] nothing to see"\nexit 0');
  try {
    const r = run({ VSCODE_EXECUTABLE: fake.code, DISPLAY: ':99' });
    assert.equal(r.status, 1, r.out + r.err);
    assert.match(r.err, /no summary from test\/e2e\/suite\/index\.js/);
  } finally {
    rmSync(fake.dir, { recursive: true, force: true });
  }
});

test('a hung VS Code is killed, process group and all, at E2E_TIMEOUT_S: exit 2', () => {
  const fake = fakeVSCode('exec sleep 60');
  try {
    const r = run({ VSCODE_EXECUTABLE: fake.code, DISPLAY: ':99', E2E_TIMEOUT_S: '2' });
    assert.equal(r.status, 2, r.out + r.err);
    assert.ok(r.ms < 20_000, `took ${r.ms} ms`);
    assert.match(r.err, /took over 2 s: killing it/);
    const pid = Number(readFileSync(join(fake.dir, 'pid'), 'utf8'));
    assert.ok(!alive(pid), 'the fake VS Code still runs');
  } finally {
    rmSync(fake.dir, { recursive: true, force: true });
  }
});

test('--choose-only: the line for code-server with the reason, nothing run', () => {
  const fake = fakeVSCode('touch ran');
  try {
    const r = run({ VSCODE_EXECUTABLE: fake.code, DISPLAY: ':99', DIGEST_LENS_E2E_RUNNER: 'code-server' }, ['--choose-only']);
    assert.equal(r.status, 0, r.out + r.err);
    assert.match(r.out, /^extension-host tests: code-server .*\(desktop VS Code not available: DIGEST_LENS_E2E_RUNNER=code-server\)$/m);
    assert.throws(() => readFileSync(join(fake.dir, 'args')), /ENOENT/);
    const missing = run({ VSCODE_EXECUTABLE: join(fake.dir, 'absent'), DISPLAY: ':99' }, ['--choose-only']);
    assert.match(missing.out, /desktop VS Code not available: VSCODE_EXECUTABLE=.*absent does not exist\)$/m);
  } finally {
    rmSync(fake.dir, { recursive: true, force: true });
  }
});

test('DIGEST_LENS_E2E_RUNNER: electron that cannot be honoured, or a bad value, exits 2 with a message', () => {
  const strict = run({ VSCODE_EXECUTABLE: '/nonexistent/code', DISPLAY: ':99', DIGEST_LENS_E2E_RUNNER: 'electron' }, ['--choose-only']);
  assert.equal(strict.status, 2);
  assert.match(strict.err, /DIGEST_LENS_E2E_RUNNER=electron, but desktop VS Code is not available: VSCODE_EXECUTABLE=\/nonexistent\/code does not exist/);
  const bad = run({ DIGEST_LENS_E2E_RUNNER: 'desktop' }, ['--choose-only']);
  assert.equal(bad.status, 2);
  assert.match(bad.err, /DIGEST_LENS_E2E_RUNNER=desktop is not one of/);
});

test('an unknown option: a one-line message and exit 2, no stack trace', () => {
  const r = run({}, ['--choose-only', '--bogus']);
  assert.equal(r.status, 2);
  assert.match(r.err, /^\[e2e\] Unknown option '--bogus'.*\(options: --choose-only/);
  assert.ok(!/\n\s+at /.test(r.err), r.err);
});

test('--workspace and --tests reach the desktop run', () => {
  const fake = fakeVSCode(`echo "${TAG}1 passed, 0 failed"\nexit 0`);
  try {
    const r = run({ VSCODE_EXECUTABLE: fake.code, DISPLAY: ':99' }, ['--workspace', fake.dir, '--tests', join(fake.dir, 'suite.js')]);
    assert.equal(r.status, 0, r.out + r.err);
    const args = readFileSync(join(fake.dir, 'args'), 'utf8').split('\n');
    assert.equal(args[0], fake.dir);
    assert.ok(args.includes(`--extensionTestsPath=${join(fake.dir, 'suite.js')}`), args.join(' '));
  } finally {
    rmSync(fake.dir, { recursive: true, force: true });
  }
});

test('stopping the runner (SIGTERM) stops the desktop VS Code it started', async () => {
  const fake = fakeVSCode('exec sleep 60');
  try {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [RUNNER], {
      cwd: ROOT,
      env: { ...process.env, DIGEST_LENS_E2E_RUNNER: undefined, VSCODE_EXECUTABLE: fake.code, DISPLAY: ':99' },
      stdio: 'ignore',
    });
    const pidFile = join(fake.dir, 'pid');
    const deadline = Date.now() + 20_000;
    while (!existsSync(pidFile) || !readFileSync(pidFile, 'utf8').trim()) {
      assert.ok(Date.now() < deadline, 'the fake VS Code never started');
      await new Promise((r) => setTimeout(r, 50));
    }
    const pid = Number(readFileSync(pidFile, 'utf8'));
    assert.ok(alive(pid));
    const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 143);
    const until = Date.now() + 5_000;
    while (alive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    assert.ok(!alive(pid), 'the fake VS Code outlived the runner');
  } finally {
    rmSync(fake.dir, { recursive: true, force: true });
  }
});
