#!/usr/bin/env node
// Runs the extension tests (test/e2e/suite/index.js) inside a real VS Code: code-server,
// (the way `npm run test:e2e` takes where desktop VS Code is not available: see
// scripts/e2e/run-host-tests.mjs),
// opened in headless Debian chromium driven by playwright-core.
//
// How: code-server runs with `--vscode-option enable-smoke-test-driver`, without which the
// built workbench ignores the `payload` query parameter. The payload names this repository
// as the extension under development and the test runner module; the remote (Node)
// extension host loads both, calls run(), and exits 0 or 1. The workbench then calls
// window.codeAutomationExit(code, logs) — a hook the page leaves to its driver — and the
// extension host's console reaches us through window.codeAutomationLog(level, args) and the
// page console. Both hooks are installed with page.exposeFunction before the page loads.
//
// Usage: node scripts/e2e/run-extension-tests.mjs [--workspace DIR] [--tests FILE]
//          [--timeout SECONDS] [--verbose]
// Env: E2E_TIMEOUT_S (default 300), E2E_VERBOSE=1 (all browser and server logs),
//      E2E_KEEP=1 (keep the temp folders), CHROMIUM (default /usr/bin/chromium).
// Exit code: the tests' exit code; 2 when the run itself broke (timeout, no browser...).
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, loadPlaywright, startCodeServer, waitFor } from './codeServer.mjs';

const { values: opts } = parseArgs({
  options: {
    workspace: { type: 'string' },
    tests: { type: 'string', default: join(ROOT, 'test/e2e/suite/index.js') },
    extension: { type: 'string', default: ROOT },
    timeout: { type: 'string', default: process.env.E2E_TIMEOUT_S || '300' },
    verbose: { type: 'boolean', default: process.env.E2E_VERBOSE === '1' },
  },
});
const timeoutMs = Number(opts.timeout) * 1000;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const say = (msg) => console.log(`[e2e ${elapsed()}] ${msg}`);

/** The workbench configuration code-server embeds in its page (remoteAuthority etc.). */
async function workbenchConfig(url) {
  const html = await (await fetch(url)).text();
  const m = /id="vscode-workbench-web-configuration"\s+data-settings="([^"]*)"/.exec(html);
  if (!m) throw new Error('no vscode-workbench-web-configuration in the workbench page');
  const json = m[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return JSON.parse(json);
}

/** The extension host's logs that code-server wrote under its user data dir (logs/<date>/...). */
function extHostLogs(userDataDir) {
  const logs = join(userDataDir, 'logs');
  if (!existsSync(logs)) return [];
  return readdirSync(logs, { recursive: true })
    // The extension host's own log and this extension's output channels; not the built-in
    // extensions' (git, github), which only add noise.
    .filter((f) => /(remoteexthost|digest-lens)[^/]*\.log$|digest-lens\.digest-lens\/.*\.log$/i.test(String(f)))
    .map((f) => ({ relativePath: String(f), contents: readFileSync(join(logs, String(f)), 'utf8') }))
    .filter((f) => f.contents.trim());
}

/** Marks the lines of test/e2e/suite/index.js among the workbench's log (keep in sync). */
const TAG = '[digest-lens-e2e] ';

async function main() {
  const tests = resolve(opts.tests);
  const extension = resolve(opts.extension);
  if (!existsSync(tests)) throw new Error(`no test runner at ${tests}`);

  // The tests may edit files: work on a copy of the fixture workspace unless told otherwise.
  const scratch = mkdtempSync(join(tmpdir(), 'digest-lens-e2e-ws-'));
  let workspace = opts.workspace && resolve(opts.workspace);
  if (!workspace) {
    workspace = join(scratch, 'workspace');
    cpSync(join(ROOT, 'test/fixtures/workspace'), workspace, { recursive: true });
  }
  const browserProfile = join(scratch, 'chromium-profile');

  const serverLog = [];
  let partial = ''; // code-server writes in chunks: prefix whole lines only
  say('starting code-server');
  const server = await startCodeServer({
    log: (text) => {
      serverLog.push(text);
      if (!opts.verbose) return;
      const lines = (partial + text).split('\n');
      partial = lines.pop();
      for (const line of lines) if (line.trim()) console.log(`[code-server] ${line}`);
    },
  }).catch((err) => {
    rmSync(scratch, { recursive: true, force: true });
    throw err;
  });
  say(`code-server at ${server.url}`);

  let context;
  let exitCode;
  let browserLogs = [];
  let sawTestOutput = false;
  let serverFiles = [];
  let broke; // an error of the run itself (timeout, browser): logs are shown, then it is thrown
  try {
    const { remoteAuthority } = await workbenchConfig(server.url);
    const remote = (p) => `vscode-remote://${remoteAuthority}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extension)],
      ['extensionTestsPath', remote(tests)],
    ];
    const url = `${server.url}?folder=${encodeURIComponent(workspace)}` +
      `&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    const { chromium } = loadPlaywright();
    // A persistent context on a fresh folder: the explicit --user-data-dir of the brief.
    context = await chromium.launchPersistentContext(browserProfile, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
    });
    const page = context.pages()[0] ?? await context.newPage();
    await page.exposeFunction('codeAutomationLog', (level, args) => {
      const text = (Array.isArray(args) ? args : [args])
        .map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      if (text.startsWith(TAG)) {
        console.log(text.slice(TAG.length));
        sawTestOutput = true;
      } else if (opts.verbose) {
        console.log(`[workbench ${level}] ${text}`);
      } else if (level === 'error' && !/^Canceled(: Canceled)*$/.test(text.split('\n')[0].trim())) {
        // Workbench errors (e.g. the extension failing to activate), first line only.
        console.log(`[workbench error] ${text.split('\n')[0]}`);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      exitCode = code;
      browserLogs = Array.isArray(logs) ? logs : [];
    });
    // The workbench logs each line both to codeAutomationLog and to the console ("%c" and
    // CSS): the console only adds the browser's own messages, shown with --verbose.
    page.on('console', (msg) => {
      const text = msg.text();
      if (opts.verbose && !text.startsWith('%c')) console.log(`[browser ${msg.type()}] ${text}`);
    });
    page.on('pageerror', (err) => console.log(`[browser pageerror] ${err.message}`));

    say('opening the workbench');
    // 'commit': the wait below, not goto's own 30 s limit, bounds the page's loading.
    await page.goto(url, { waitUntil: 'commit' });
    await waitFor('the extension tests to finish (window.codeAutomationExit)',
      () => exitCode !== undefined, { timeoutMs, intervalMs: 200 });
    say(`extension host exited with code ${exitCode}`);
    if (!sawTestOutput) {
      // The runner never printed: the test module did not load (path, syntax) — fail.
      console.log('no output from test/e2e/suite/index.js: the extension host did not run it');
      if (exitCode === 0) exitCode = 1;
    }
  } catch (err) {
    broke = err;
  } finally {
    await context?.close().catch(() => {});
    // The remote extension host's log (uncaught errors, activation failures) lives in the
    // server's user data dir, which stop() deletes: read it first when something went wrong.
    if (exitCode !== 0 || opts.verbose) serverFiles = extHostLogs(server.userDataDir);
    await server.stop();
    if (!process.env.E2E_KEEP) rmSync(scratch, { recursive: true, force: true });
  }

  if (exitCode !== 0 || opts.verbose) {
    // The browser's own log files (renderer, extension host messages) help with a failure.
    for (const { relativePath, contents } of browserLogs) {
      if (/exthost|renderer|remote/i.test(relativePath) && !/webWorker/i.test(relativePath)) {
        console.log(`--- browser log ${relativePath} ---\n${contents.trimEnd()}`);
      }
    }
    for (const { relativePath, contents } of serverFiles) {
      console.log(`--- server log ${relativePath} ---\n${contents.trimEnd()}`);
    }
    console.log(`--- code-server log ---\n${serverLog.join('').trimEnd()}`);
  }
  if (broke) throw broke;
  return exitCode;
}

main().then(
  (code) => { say(`done: exit ${code}`); process.exit(code); },
  (err) => { console.error(`[e2e ${elapsed()}] run broke: ${err.stack || err}`); process.exit(2); },
);
