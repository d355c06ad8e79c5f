#!/usr/bin/env node
// Runs the extension-host suite (test/e2e/suite) in a desktop VS Code through
// @vscode/test-electron where one can be had, in code-server where it cannot, and says which
// in one line. The policy is scripts/e2e/hostChoice.mjs; this file gathers its facts and
// runs the chosen way:
//   - desktop: scripts/e2e/run-electron-tests.mjs in its own process group (under xvfb-run
//     -a on Linux without a display), killed as a whole after E2E_TIMEOUT_S;
//   - code-server: scripts/e2e/run-extension-tests.mjs (which bounds its own run).
//
// Usage: node scripts/e2e/run-host-tests.mjs [--choose-only] [--workspace DIR] [--tests FILE]
//          [--timeout S] [--verbose (code-server only)]
// Env: DIGEST_LENS_E2E_RUNNER=auto|electron|code-server (default auto),
//      VSCODE_EXECUTABLE=/path/to/a desktop VS Code binary (the Electron one, e.g.
//        /usr/share/code/code, not the `code` shell script),
//      DIGEST_LENS_E2E_DOWNLOAD_TIMEOUT_S (default 20: idle time of each request of the
//        download; the whole download is capped at 40 times that),
//      E2E_TIMEOUT_S (default 300, or --timeout: the whole test run in either host).
// --choose-only prints the line and exits 0 (or 2 when DIGEST_LENS_E2E_RUNNER=electron
// cannot be honoured) without running any test.
// Exit code: the tests' (0 all passed); 2 when the run itself broke or timed out.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  afterDownload, desktopPackageJsonCandidates, hostLine, parseMode, planHost, summaryOf, untag,
} from './hostChoice.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The suite's output tag; keep in sync with test/e2e/suite/index.js. */
const TAG = '[digest-lens-e2e] ';
const opts = (() => {
  try {
    return parseArgs({
      options: {
        'choose-only': { type: 'boolean', default: false },
        workspace: { type: 'string' },
        tests: { type: 'string' },
        timeout: { type: 'string' },
        verbose: { type: 'boolean', default: false },
      },
    }).values;
  } catch (err) {
    console.error(`[e2e] ${err.message} (options: --choose-only --workspace DIR --tests FILE --timeout S --verbose)`);
    process.exit(2);
  }
})();
const chooseOnly = opts['choose-only'];
/** Options both runners take (the code-server one also --timeout and --verbose). */
const shared = [
  ...(opts.workspace ? ['--workspace', opts.workspace] : []),
  ...(opts.tests ? ['--tests', opts.tests] : []),
];
const passArgs = [
  ...shared,
  ...(opts.timeout ? ['--timeout', opts.timeout] : []),
  ...(opts.verbose ? ['--verbose'] : []),
];
const seconds = (name, dflt) => {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : dflt;
};

/** Why `file` cannot be run as VS Code's binary, or null when it can. */
function executableProblem(file) {
  try {
    if (!statSync(file).isFile()) return 'is not a file';
    accessSync(file, constants.X_OK);
    return null;
  } catch (err) {
    return err.code === 'ENOENT' ? 'does not exist' : err.code === 'EACCES' ? 'is not executable' : `cannot be read (${err.code || err.message})`;
  }
}

function onPath(tool) {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
}

function readVersion(packageJson) {
  try {
    return JSON.parse(readFileSync(packageJson, 'utf8')).version || null;
  } catch {
    return null;
  }
}

function desktopVersion(executable) {
  let dir;
  try {
    dir = dirname(realpathSync(executable));
  } catch {
    return null;
  }
  for (const file of desktopPackageJsonCandidates(dir, join)) {
    const v = existsSync(file) && readVersion(file);
    if (v) return v;
  }
  return null;
}

/** @vscode/test-electron's download, bounded; resolves { executable } or { error }. */
async function tryDownload() {
  const idleS = seconds('DIGEST_LENS_E2E_DOWNLOAD_TIMEOUT_S', 20);
  let testElectron;
  try {
    testElectron = await import('@vscode/test-electron');
  } catch {
    return { error: '@vscode/test-electron is not installed (run `npm ci`)' };
  }
  console.log(`[e2e] asking @vscode/test-electron for desktop VS Code (update.code.visualstudio.com, ${idleS} s idle timeout)`);
  const reporter = {
    report(p) {
      if (p.stage === 'resolvedVersion') console.log(`[e2e] desktop VS Code ${p.version}`);
      else if (p.stage === 'downloading' && p.bytesSoFar === 0) console.log(`[e2e] downloading ${p.url}`);
      else if (p.stage === 'retrying') console.log(`[e2e] download failed (${p.error?.message || p.error}), retrying`);
    },
    error() {},
  };
  let timer;
  const cap = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`gave up after ${idleS * 40} s`)), idleS * 40 * 1000);
  });
  try {
    const executable = await Promise.race([cap, testElectron.downloadAndUnzipVSCode({
      extensionDevelopmentPath: ROOT, // the newest stable that satisfies engines.vscode
      cachePath: join(ROOT, '.vscode-test'),
      timeout: idleS * 1000,
      reporter,
    })]);
    return { executable };
  } catch (err) {
    // The first line: e.g. "getaddrinfo ENOTFOUND update.code.visualstudio.com".
    return { error: String(err && err.message ? err.message : err).split('\n')[0] };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs `cmd` in its own process group; prints its output (untagged); kills the group at `timeoutMs`. */
function runGroup(cmd, cmdArgs, timeoutMs, filter) {
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, cmdArgs, { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let timedOut = false;
    const killGroup = () => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`[e2e] the desktop VS Code run took over ${timeoutMs / 1000} s: killing it`);
      killGroup();
    }, timeoutMs);
    // The group is detached: stopping this script (Ctrl+C, CI cancel) must stop it too.
    const onSignal = (signal) => {
      killGroup();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
      let partial = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop();
        for (const line of lines) out.write(filter(line) + '\n');
      });
      stream.on('end', () => { if (partial) out.write(filter(partial) + '\n'); });
    }
    child.on('error', (err) => {
      clearTimeout(timer);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      console.error(`[e2e] cannot start ${cmd}: ${err.message}`);
      resolvePromise(2);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolvePromise(timedOut ? 2 : code ?? 2);
    });
  });
}

async function runDesktop(choice) {
  const timeoutMs = (Number(opts.timeout) > 0 ? Number(opts.timeout) : seconds('E2E_TIMEOUT_S', 300)) * 1000;
  const runner = [join(ROOT, 'scripts/e2e/run-electron-tests.mjs'), '--executable', choice.executable, ...shared];
  const [cmd, cmdArgs] = choice.xvfb
    ? ['xvfb-run', ['-a', process.execPath, ...runner]]
    : [process.execPath, runner];
  let summary = null;
  const code = await runGroup(cmd, cmdArgs, timeoutMs, (line) => {
    const { text, own } = untag(line, TAG);
    summary = summaryOf(own) ?? summary;
    return text;
  });
  if (code === 0 && !summary) {
    // VS Code exited cleanly but the suite never printed its summary: it did not run.
    console.error('[e2e] no summary from test/e2e/suite/index.js: the extension host did not run it');
    return 1;
  }
  return code === 0 && summary.failed > 0 ? 1 : code;
}

function runCodeServer() {
  const child = spawn(process.execPath, [join(ROOT, 'scripts/e2e/run-extension-tests.mjs'), ...passArgs],
    { cwd: ROOT, stdio: 'inherit' });
  return new Promise((res) => {
    child.on('close', (code) => res(code ?? 2));
    child.on('error', () => res(2));
  });
}

async function main() {
  const env = process.env;
  const parsed = parseMode(env.DIGEST_LENS_E2E_RUNNER);
  if (parsed.error) {
    console.error(`[e2e] ${parsed.error}`);
    return 2;
  }
  const mode = parsed.mode;
  const vscodeExecutable = env.VSCODE_EXECUTABLE?.trim() || undefined;
  const facts = {
    mode,
    vscodeExecutable,
    executableProblem: vscodeExecutable ? executableProblem(vscodeExecutable) : null,
    platform: process.platform,
    display: Boolean(env.DISPLAY || env.WAYLAND_DISPLAY),
    xvfbRun: process.platform === 'linux' && onPath('xvfb-run'),
  };
  let choice = planHost(facts);
  if (choice.action === 'download') choice = afterDownload(mode, choice, await tryDownload());
  if (choice.action === 'fail') {
    console.error(`[e2e] ${choice.message}`);
    return 2;
  }
  console.log(hostLine(choice, {
    desktopVersion: choice.action === 'electron' ? desktopVersion(choice.executable) : null,
    codeServerVersion: readVersion(join(ROOT, '.e2e/node_modules/code-server/package.json')),
  }));
  if (chooseOnly) return 0;
  return choice.action === 'electron' ? runDesktop(choice) : runCodeServer();
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[e2e] run broke: ${err && err.stack ? err.stack : err}`);
    process.exit(2);
  },
);
