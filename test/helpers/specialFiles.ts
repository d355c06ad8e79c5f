/**
 * Real special files for the tests that a path naming one never blocks or explodes: named
 * pipes made with mkfifo, symlinks to them and to /dev/zero. POSIX only (Linux CI, macOS);
 * on Windows the tests that use them skip.
 *
 * A reader that (wrongly) opens a pipe without O_NONBLOCK waits for a writer for ever; a
 * test would then hang instead of failing. `rescuePipes` starts, in another process, a
 * writer that opens each pipe after a while: a blocked reader is let go (and sees an empty
 * file), so the test ends and fails on what it asserts, and `rescued()` says it happened.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** True where named pipes and /dev/zero exist. */
export const HAS_FIFOS = process.platform !== 'win32' && existsSync('/dev/zero');

/** Makes a named pipe at `path`. */
export function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

/** Makes a symlink at `path` to `target`. */
export function symlink(target: string, path: string): void {
  symlinkSync(target, path);
}

/**
 * Starts a writer that opens each pipe for writing after `afterMs` (and writes nothing).
 * `rescued()` is true when a reader was waiting on one of them (the writer's open then
 * succeeded at once); `stop()` kills the writer. Call stop() in a finally.
 */
export function rescuePipes(pipes: string[], afterMs = 8000): { rescued(): boolean; stop(): void } {
  // Each pipe's open for writing waits for a reader; `timeout` ends a wait nobody answers,
  // so the marker line is printed only for a pipe a reader had open.
  const script = pipes.map((p) => `(timeout 1 sh -c ': > "$0"' ${JSON.stringify(p)} && echo rescued) &`).join('\n');
  const child = spawn('sh', ['-c', `sleep ${afterMs / 1000}\n${script}\nwait`], { stdio: ['ignore', 'pipe', 'ignore'], detached: true });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  return {
    rescued: () => out.includes('rescued'),
    stop: () => {
      // The writer's whole process group (its sleep too), so the test process can end now.
      if (child.exitCode === null && child.pid) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Gone meanwhile.
        }
      }
    },
  };
}

/**
 * A new temporary folder holding `note.digest` (with `noteText`), a pipe `pipe.digest`, a
 * symlink to it `link.digest` and a symlink to /dev/zero `zero.digest`: every special kind
 * named like a digest beside one ordinary note.
 */
export function specialFolder(prefix: string, noteText: string): { dir: string; note: string; pipe: string; link: string; zero: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const note = join(dir, 'note.digest');
  writeFileSync(note, noteText);
  const pipe = join(dir, 'pipe.digest');
  mkfifo(pipe);
  const link = join(dir, 'link.digest');
  symlink(pipe, link);
  const zero = join(dir, 'zero.digest');
  symlink('/dev/zero', zero);
  return { dir, note, pipe, link, zero };
}
