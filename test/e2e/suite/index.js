// The test runner that VS Code's extension host loads (extensionTestsPath): it must be
// CommonJS and export run(). A deliberately tiny harness instead of mocha: each
// test/e2e/suite/*.test.js calls the global `test(name, fn)` (fn may be async); the tests
// run one after another, each with a timeout, and the closing line is the plain
// 'N passed, N failed' that CI reads. run() rejects when any test failed, which makes the
// extension host exit with code 1 (reported to the browser through codeAutomationExit in
// code-server; the exit code of the VS Code process under @vscode/test-electron, which
// calls the same run(): scripts/e2e/run-host-tests.mjs picks the host).
//
// The extension host's console reaches the driver mixed with the workbench's own log, so
// the suite's lines start with TAG (see log()); scripts/e2e/run-extension-tests.mjs prints
// those lines without it.
'use strict';
const fs = require('fs');
const path = require('path');
const { inspect } = require('util');

const TEST_TIMEOUT_MS = Number(process.env.DIGEST_LENS_E2E_TEST_TIMEOUT_MS) || 30000;
/** Marks the suite's output; keep in sync with run-extension-tests.mjs. */
const TAG = '[digest-lens-e2e] ';

/**
 * Prints a line of the suite's output (tests use it instead of console.log). The extension
 * host pins its own console methods (a no-op setter), so the tag cannot be added by
 * wrapping console: plain console.log from a test shows only with the runner's --verbose.
 */
function log(...args) {
  console.log(TAG + args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' '));
}

/** Runs `fn` and fails it when it has not settled after `ms`. */
function withTimeout(fn, ms, name) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`test "${name}" timed out after ${ms} ms`)), ms);
  });
  return Promise.race([Promise.resolve().then(fn), timeout]).finally(() => clearTimeout(timer));
}

/** Loads every *.test.js beside this file (sorted, so the order is stable) and collects tests. */
function collect(dir) {
  const tests = [];
  const previous = global.test;
  global.test = (name, fn) => { tests.push({ file: '', name, fn }); };
  try {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort();
    for (const file of files) {
      const before = tests.length;
      try {
        require(path.join(dir, file));
      } catch (err) {
        // A file that does not load counts as one failed test, not as a crash of the run.
        tests.push({ name: 'loads', fn: () => { throw err; } });
      }
      for (const t of tests.slice(before)) t.file = file;
    }
  } finally {
    global.test = previous;
  }
  return tests;
}

/** Entry point called by the extension host; resolves when every test passed. */
async function run() {
  await runAll(collect(__dirname));
}

/** Runs the tests one after another; throws when any failed (or when there is none). */
async function runAll(tests) {
  let passed = 0;
  let failed = 0;
  log(`digest-lens e2e: ${tests.length} test(s)`);
  for (const t of tests) {
    const started = Date.now();
    try {
      await withTimeout(t.fn, TEST_TIMEOUT_MS, t.name);
      passed++;
      log(`  ok   ${t.file} > ${t.name} (${Date.now() - started} ms)`);
    } catch (err) {
      failed++;
      const detail = err && err.stack ? err.stack : inspect(err);
      log(`  FAIL ${t.file} > ${t.name} (${Date.now() - started} ms)\n${detail.replace(/^/gm, '       ')}`);
    }
  }
  if (tests.length === 0) {
    failed++;
    log('  FAIL no test found');
  }
  log(`${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} e2e test(s) failed`);
}

module.exports = { run, log };
