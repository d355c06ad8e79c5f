/**
 * The one place that decides what a test does when it needs something the repository does
 * not hold: the seed digests in ../shared (or $DIGEST_LENS_SHARED), or a program such as
 * Neovim. On a contributor's machine the test SKIPS with one line saying what is missing
 * and how to get it; with CI=true (.ci/run sets it) the same absence FAILS, so CI keeps the
 * coverage.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The test context node:test passes to a test function (only what is used here). */
interface TestContext {
  skip(message?: string): void;
}

const REPO = join(__dirname, '..', '..');

/** True when missing material must fail rather than skip. */
export function inCI(): boolean {
  return process.env.CI === 'true' || process.env.CI === '1';
}

/** The shared material's folder: $DIGEST_LENS_SHARED, else ../shared beside the repository. */
export function sharedRoot(): string {
  return process.env.DIGEST_LENS_SHARED ? resolve(process.env.DIGEST_LENS_SHARED) : resolve(REPO, '..', 'shared');
}

function missing(t: TestContext, reason: string): void {
  if (inCI()) throw new Error(`${reason} (CI=true: required here)`);
  t.skip(reason);
}

function sharedReason(path: string): string {
  return `needs ${path}: put the project's shared folder (seeds, gold) beside the repository as ../shared, or set DIGEST_LENS_SHARED`;
}

/**
 * The path of `parts` under the shared folder, or null after skipping the test (failing it
 * under CI) when that path is absent. Use as: `const seeds = needShared(t, 'seeds'); if (!seeds) return;`
 */
export function needShared(t: TestContext, ...parts: string[]): string | null {
  const path = join(sharedRoot(), ...parts);
  if (existsSync(path)) return path;
  missing(t, sharedReason(path));
  return null;
}

/**
 * For a test that uses shared material only to widen its input: the path, or null when it
 * is absent (the test then runs on the repository's own fixtures). Under CI an absence throws.
 */
export function optionalShared(...parts: string[]): string | null {
  const path = join(sharedRoot(), ...parts);
  if (existsSync(path)) return path;
  if (inCI()) throw new Error(`${sharedReason(path)} (CI=true: required here)`);
  return null;
}

const INSTALL: Record<string, string> = {
  nvim: 'install Neovim 0.7+ (Debian/Ubuntu: apt-get install -y --no-install-recommends neovim; .ci/run does this)',
};

/**
 * The first line of `program --version`, or null after skipping the test (failing it under
 * CI) when the program is not on PATH or does not run.
 */
export function needProgram(t: TestContext, program: string, args: string[] = ['--version']): string | null {
  const probe = spawnSync(program, args, { encoding: 'utf8', timeout: 10_000 });
  if (!probe.error && probe.status === 0) return probe.stdout.split('\n')[0];
  const why = probe.error ? (probe.error as NodeJS.ErrnoException).code ?? probe.error.message : `exit ${probe.status}`;
  missing(t, `needs the program ${program} (${why}): ${INSTALL[program] ?? `install ${program} and put it on PATH`}`);
  return null;
}
