#!/usr/bin/env node
// Runs the extension-host suite (test/e2e/suite/index.js) in a desktop VS Code through
// @vscode/test-electron's runTests. Started by scripts/e2e/run-host-tests.mjs, which picks
// the VS Code, bounds the run's time (it kills this process's group) and reads its output;
// it can also be run by hand:
//
//   node scripts/e2e/run-electron-tests.mjs --executable /path/to/code [--workspace DIR]
//          [--tests FILE]
//
// On Linux without a display, run it under `xvfb-run -a` (Debian package xvfb).
// The tests edit files: they run on a copy of test/fixtures/workspace unless --workspace is
// given, with a fresh user data and extensions dir (nothing of the user's VS Code is read).
// Exit code: VS Code's (0 when every test passed); 2 when the run itself broke.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const { values: opts } = parseArgs({
  options: {
    executable: { type: 'string' },
    workspace: { type: 'string' },
    tests: { type: 'string', default: join(ROOT, 'test/e2e/suite/index.js') },
    extension: { type: 'string', default: ROOT },
  },
});

async function main() {
  if (!opts.executable) throw new Error('--executable (a desktop VS Code binary) is required');
  const { runTests } = await import('@vscode/test-electron');
  const scratch = mkdtempSync(join(tmpdir(), 'digest-lens-e2e-electron-'));
  try {
    let workspace = opts.workspace && resolve(opts.workspace);
    if (!workspace) {
      workspace = join(scratch, 'workspace');
      cpSync(join(ROOT, 'test/fixtures/workspace'), workspace, { recursive: true });
    }
    return await runTests({
      vscodeExecutablePath: resolve(opts.executable),
      extensionDevelopmentPath: resolve(opts.extension),
      extensionTestsPath: resolve(opts.tests),
      launchArgs: [
        workspace,
        '--disable-extensions', // only the extension under development
        `--user-data-dir=${join(scratch, 'user-data')}`,
        `--extensions-dir=${join(scratch, 'extensions')}`,
        '--locale=en', // the suite's l10n tests expect the display language "en", as in code-server
      ],
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    // runTests rejects with TestRunFailedError when VS Code exits non-zero (a failed test).
    if (err && typeof err.code === 'number') {
      console.error(`VS Code exited with code ${err.code}`);
      process.exit(err.code || 1);
    }
    console.error(`electron run broke: ${err && err.stack ? err.stack : err}`);
    process.exit(2);
  },
);
