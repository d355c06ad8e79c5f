// Which VS Code runs the extension-host suite (test/e2e/suite): the policy, as pure
// functions. The caller (scripts/e2e/run-host-tests.mjs) gathers the facts (environment,
// file checks, the download's outcome) and passes them in; nothing here reads the disk or
// the environment, so test/unit/e2e-hostChoice.test.ts can pin every branch.
//
// Policy, with DIGEST_LENS_E2E_RUNNER = auto (the default):
//   1. VSCODE_EXECUTABLE names a runnable desktop VS Code → @vscode/test-electron with it;
//      set but not runnable → code-server, saying why.
//   2. Linux without a display (no DISPLAY / WAYLAND_DISPLAY) and no xvfb-run → code-server:
//      desktop VS Code cannot start there, downloading it would be wasted.
//   3. Otherwise @vscode/test-electron downloads VS Code (bounded timeouts); a failure
//      (offline, update.code.visualstudio.com unreachable) → code-server, saying why.
// DIGEST_LENS_E2E_RUNNER = code-server skips all that; = electron makes each of those
// fallbacks an error instead (exit 2), for a machine that must run desktop VS Code.

export const MODES = ['auto', 'electron', 'code-server'];

/**
 * The mode named by DIGEST_LENS_E2E_RUNNER: unset or empty is 'auto'; case and surrounding
 * spaces do not matter. Returns { mode } or { error } for a value that is none of MODES.
 * @param {string | undefined} value
 */
export function parseMode(value) {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '') return { mode: 'auto' };
  if (MODES.includes(v)) return { mode: v };
  return { error: `DIGEST_LENS_E2E_RUNNER=${value} is not one of ${MODES.join(', ')}` };
}

/**
 * The first decision, before any download.
 * @param {{
 *   mode: string,                 // from parseMode
 *   vscodeExecutable?: string,    // VSCODE_EXECUTABLE, if set and not empty
 *   executableProblem?: string | null, // why vscodeExecutable cannot run (null: it can)
 *   platform: string,             // process.platform
 *   display: boolean,             // DISPLAY or WAYLAND_DISPLAY set
 *   xvfbRun: boolean,             // xvfb-run is on PATH
 * }} facts
 * @returns {{ action: 'electron', executable: string, via: 'VSCODE_EXECUTABLE', xvfb: boolean }
 *   | { action: 'download', xvfb: boolean }
 *   | { action: 'code-server', reason: string }
 *   | { action: 'fail', message: string }}
 */
export function planHost(facts) {
  const { mode } = facts;
  if (mode === 'code-server') return { action: 'code-server', reason: 'DIGEST_LENS_E2E_RUNNER=code-server' };
  const notAvailable = (reason) => (mode === 'electron'
    ? { action: 'fail', message: `DIGEST_LENS_E2E_RUNNER=electron, but desktop VS Code is not available: ${reason}` }
    : { action: 'code-server', reason });

  if (facts.vscodeExecutable && facts.executableProblem) {
    return notAvailable(`VSCODE_EXECUTABLE=${facts.vscodeExecutable} ${facts.executableProblem}`);
  }
  // Desktop VS Code on Linux draws on an X (or Wayland) display; xvfb-run makes a virtual one.
  const xvfb = facts.platform === 'linux' && !facts.display;
  if (xvfb && !facts.xvfbRun) {
    return notAvailable('no display (DISPLAY is unset) and no xvfb-run (Debian package xvfb)');
  }
  if (facts.vscodeExecutable) {
    return { action: 'electron', executable: facts.vscodeExecutable, via: 'VSCODE_EXECUTABLE', xvfb };
  }
  return { action: 'download', xvfb };
}

/**
 * The decision once @vscode/test-electron's download has ended.
 * @param {string} mode
 * @param {{ action: 'download', xvfb: boolean }} plan
 * @param {{ executable: string } | { error: string }} outcome
 */
export function afterDownload(mode, plan, outcome) {
  if ('executable' in outcome && outcome.executable) {
    return { action: 'electron', executable: outcome.executable, via: 'download', xvfb: plan.xvfb };
  }
  const reason = `download failed: ${'error' in outcome ? outcome.error : 'no executable'}`;
  return mode === 'electron'
    ? { action: 'fail', message: `DIGEST_LENS_E2E_RUNNER=electron, but desktop VS Code is not available: ${reason}` }
    : { action: 'code-server', reason };
}

/**
 * The one line that says which way the run takes.
 * @param {{ action: string, via?: string, xvfb?: boolean, reason?: string }} choice
 * @param {{ desktopVersion?: string | null, codeServerVersion?: string | null }} versions
 */
export function hostLine(choice, versions = {}) {
  if (choice.action === 'electron') {
    const v = versions.desktopVersion ? ` ${versions.desktopVersion}` : ' (version unknown)';
    const from = choice.via === 'download' ? 'downloaded' : 'VSCODE_EXECUTABLE';
    return `extension-host tests: desktop VS Code${v} via @vscode/test-electron (${from}${choice.xvfb ? ', under xvfb-run' : ''})`;
  }
  if (choice.action === 'code-server') {
    const v = versions.codeServerVersion ? ` ${versions.codeServerVersion}` : ' (not installed: run `npm run e2e:setup`)';
    return `extension-host tests: code-server${v} (desktop VS Code not available: ${choice.reason})`;
  }
  throw new Error(`no line for action ${choice.action}`);
}

/**
 * Where a desktop VS Code keeps its package.json (which holds its version), relative to the
 * Electron binary: <dir>/resources/app on Linux and Windows, Contents/Resources/app on macOS
 * (binary in Contents/MacOS). `dirname` is the folder of the binary (symlinks resolved).
 * @param {string} dirname
 * @param {(a: string, ...b: string[]) => string} join
 */
export function desktopPackageJsonCandidates(dirname, join) {
  return [
    join(dirname, 'resources', 'app', 'package.json'),
    join(dirname, '..', 'Resources', 'app', 'package.json'),
  ];
}

/**
 * Strips the suite's tag (test/e2e/suite/index.js TAG) from a line of VS Code's output:
 * `text` is the line without it, `own` what the suite printed (after the tag; null when the
 * line is not the suite's), whatever prefix VS Code put before it.
 */
export function untag(line, tag) {
  const at = line.indexOf(tag);
  if (at < 0) return { tagged: false, text: line, own: null };
  const own = line.slice(at + tag.length);
  return { tagged: true, text: line.slice(0, at) + own, own };
}

/** The suite's closing line ('N passed, N failed', index.js) as numbers, or null. */
export function summaryOf(own) {
  const m = /^(\d+) passed, (\d+) failed\s*$/.exec(own ?? '');
  return m ? { passed: Number(m[1]), failed: Number(m[2]) } : null;
}
