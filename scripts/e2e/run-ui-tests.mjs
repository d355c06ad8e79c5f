#!/usr/bin/env node
// Runs the UI tests (test/e2e/ui/*.test.mjs): a user's view of Digest Lens in a real VS Code
// (code-server), driven through headless Debian chromium with playwright-core — keyboard,
// Quick Open, the command palette, the mouse — and checked by reading the page.
//
// Unlike the extension tests (run-extension-tests.mjs, which load this repository as the
// extension under development), Digest Lens is installed here the way users get it: from
// the .vsix that `npm run package` builds. Each run uses fresh data folders (code-server's,
// VS Code's, the browser profile), a fresh copy of test/fixtures/workspace, and stops its
// server at the end. Each test saves a screenshot under screenshots/ (git-ignored); a failed
// test saves screenshots/failed-<n>.png.
//
// A test file exports `tests`: [{ name, run({ page, workspace, shot }) }]; run() may return
// a line to print. Tests run in file-name order, then in array order, in one window.
//
// Usage: node scripts/e2e/run-ui-tests.mjs [--vsix FILE] [--workspace DIR] [--grep TEXT]
//          [--timeout SECONDS] [--verbose]
// Env: E2E_VERBOSE=1, E2E_KEEP=1 (keep the temp folders), CHROMIUM (default /usr/bin/chromium).
// Exit code: 0 all passed, 1 a test failed, 2 the run itself broke (no vsix, no browser...).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ROOT, loadPlaywright, startCodeServer } from './codeServer.mjs';

const { values: opts } = parseArgs({
  options: {
    vsix: { type: 'string', default: join(ROOT, 'digest-lens.vsix') },
    workspace: { type: 'string' },
    tests: { type: 'string', default: join(ROOT, 'test/e2e/ui') },
    grep: { type: 'string' },
    timeout: { type: 'string', default: process.env.E2E_UI_TEST_TIMEOUT_S || '60' },
    verbose: { type: 'boolean', default: process.env.E2E_VERBOSE === '1' },
  },
});
const testTimeoutMs = Number(opts.timeout) * 1000;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// As in run-extension-tests.mjs: headless, no sandbox (containers), nothing on the network.
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const VIEWPORT = { width: 1440, height: 900 };
const SCREENSHOTS = join(ROOT, 'screenshots');
/** The screenshots the tests write; removed first so an old one is never taken for new. */
const SHOT_NAMES = ['hover.png', 'references.png', 'sidebar.png', 'tokens.png', 'figures.png', 'figures-light.png', 'dossier.png', 'dossier-light.png', 'symbols-zh.png', 'find-entity.png', 'sidebar-filter-zh.png',
  'mentions.png', 'mentions-light.png', 'currency-picker.png', 'currency-picker-all.png', 'currency-picker-light.png', 'status.png', 'status-light.png', 'figures-placement.png', 'figures-placement-light.png',
  'inlay-hints.png', 'inlay-hints-light.png', 'first-use-offer.png', 'first-use-offer-light.png', 'first-use-note.png', 'first-use-note-light.png'];

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const say = (msg) => console.log(`[ui ${elapsed()}] ${msg}`);

/** Runs `fn` and rejects when it has not settled after `ms`. */
function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The tests of every *.test.mjs under `dir`, in file-name order. */
async function collect(dir) {
  const tests = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).sort()) {
    const mod = await import(pathToFileURL(join(dir, file)).href);
    if (!Array.isArray(mod.tests)) throw new Error(`${file} exports no \`tests\` array`);
    for (const t of mod.tests) tests.push({ file, ...t });
  }
  return opts.grep ? tests.filter((t) => t.name.includes(opts.grep)) : tests;
}

async function main() {
  const vsix = resolve(opts.vsix);
  if (!existsSync(vsix)) throw new Error(`no extension package at ${vsix}: run \`npm run package\` first`);
  const builtAt = statSync(vsix).mtimeMs;
  const newer = ['client/src', 'server/src'].flatMap((d) => readdirSync(join(ROOT, d), { recursive: true }).map((f) => join(ROOT, d, String(f))))
    .filter((f) => statSync(f).isFile() && statSync(f).mtimeMs > builtAt);
  if (newer.length) say(`warning: ${newer.length} source file(s) are newer than ${vsix} (run \`npm run package\`)`);
  const tests = await collect(resolve(opts.tests));
  if (!tests.length) throw new Error('no UI test found');

  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const name of SHOT_NAMES) rmSync(join(SCREENSHOTS, name), { force: true });
  for (const f of readdirSync(SCREENSHOTS)) if (/^failed-\d+\.png$/.test(f)) rmSync(join(SCREENSHOTS, f));

  const scratch = mkdtempSync(join(tmpdir(), 'digest-lens-ui-'));
  let workspace = opts.workspace && resolve(opts.workspace);
  if (!workspace) {
    workspace = join(scratch, 'workspace');
    cpSync(join(ROOT, 'test/fixtures/workspace'), workspace, { recursive: true });
  }

  say(`installing ${vsix} and starting code-server`);
  const serverLog = [];
  const server = await startCodeServer({
    vsix,
    // A user's window, not the test driver's: no smoke-test option.
    vscodeOptions: [],
    settings: {
      // Pinned so the colours and the layout the tests read do not follow a default change.
      'workbench.colorTheme': 'Default Dark Modern',
      'editor.semanticHighlighting.enabled': 'configuredByTheme',
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'window.commandCenter': false,
      'git.enabled': false,
    },
    log: (text) => {
      serverLog.push(text);
      if (opts.verbose) process.stdout.write(`[code-server] ${text}`);
    },
  }).catch((err) => {
    rmSync(scratch, { recursive: true, force: true });
    throw err;
  });
  say(`code-server at ${server.url}`);

  let context;
  let passed = 0;
  let failed = 0;
  const pageErrors = [];
  try {
    const { chromium } = loadPlaywright();
    context = await chromium.launchPersistentContext(join(scratch, 'chromium-profile'), {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: VIEWPORT,
    });
    const page = context.pages()[0] ?? await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (err) => pageErrors.push(err.message));
    if (opts.verbose) page.on('console', (msg) => console.log(`[browser ${msg.type()}] ${msg.text()}`));

    say('opening the workbench');
    await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'commit' });
    const { waitForDigestLens } = await import(pathToFileURL(join(resolve(opts.tests), 'workbench.mjs')).href);
    const status = await waitForDigestLens(page);
    say(`Digest Lens is running (status bar: "${status}")`);

    console.log(`digest-lens ui: ${tests.length} test(s)`);
    for (const [i, t] of tests.entries()) {
      const started = Date.now();
      const shot = (name) => page.screenshot({ path: join(SCREENSHOTS, name) });
      try {
        const note = await withTimeout(t.run({ page, workspace, shot }), testTimeoutMs, `test "${t.name}"`);
        passed++;
        console.log(`  ok   ${t.file} > ${t.name} (${Date.now() - started} ms)`);
        if (note) console.log(`       ${note}`);
      } catch (err) {
        failed++;
        const file = `failed-${i + 1}.png`;
        await page.screenshot({ path: join(SCREENSHOTS, file) }).catch(() => {});
        console.log(`  FAIL ${t.file} > ${t.name} (${Date.now() - started} ms) — screenshots/${file}`);
        console.log(String(err && err.stack ? err.stack : err).replace(/^/gm, '       '));
      }
    }
  } finally {
    await context?.close().catch(() => {});
    await server.stop();
    if (!process.env.E2E_KEEP) rmSync(scratch, { recursive: true, force: true });
  }
  if (failed && !opts.verbose) {
    if (pageErrors.length) console.log(`--- page errors ---\n${pageErrors.join('\n')}`);
    console.log(`--- code-server log (last 40 lines) ---\n${serverLog.join('').trimEnd().split('\n').slice(-40).join('\n')}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => { say(`done: exit ${code}`); process.exit(code); },
  (err) => { console.error(`[ui ${elapsed()}] run broke: ${err.stack || err}`); process.exit(2); },
);
