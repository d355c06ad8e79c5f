/**
 * The CLI given special files (issue 14): a named pipe, a symlink to one and a symlink to
 * /dev/zero, named on the command line, matched by a glob, inside a scanned folder, and as
 * --entities or --themes. Each is reported on stderr and the scan goes on with the other
 * files (in this thread and with worker threads); a user file that cannot be read stops the
 * scan with exit status 2 and a message naming it. Runs the real bundle (dist/cli.js).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HAS_FIFOS, rescuePipes, specialFolder } from '../helpers/specialFiles';
import '../helpers/isolatedRatesStore';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
const SKIP = !HAS_FIFOS && 'needs mkfifo and /dev/zero (POSIX)';

/** Runs the CLI; a blocked CLI is let go by the pipe's writer (and then fails on `rescued`), or killed after 60 s. */
function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const folder = () => specialFolder('digest-lens-cli-special-', '# 2025-03-01\n腾讯控股营收 1,200 亿元。\n');

const paths = (stdout: string) => (JSON.parse(stdout).files as { path: string }[]).map((f) => f.path);

test('special files named on the command line are reported on stderr; the others are scanned', { skip: SKIP }, () => {
  const f = folder();
  const rescue = rescuePipes([f.pipe]);
  try {
    for (const env of [{}, { DIGEST_LENS_CLI_WORKERS: '2' }] as Record<string, string>[]) {
      const r = run(['scan', '--format', 'json', f.pipe, f.note, f.link, f.zero], env);
      assert.equal(r.status, 1, r.stderr);
      assert.deepEqual(paths(r.stdout), [f.note], JSON.stringify(env));
      assert.equal(
        r.stderr,
        [
          `digest-lens: skipped ${f.pipe}: not a regular file (a named pipe)`,
          `digest-lens: skipped ${f.link}: not a regular file (a named pipe)`,
          `digest-lens: skipped ${f.zero}: not a regular file (a device)`,
          '',
        ].join('\n'),
      );
    }
    // A folder or a glob: only regular files are walked into the scan.
    for (const input of [f.dir, join(f.dir, '*.digest')]) {
      const r = run(['scan', '--format', 'json', input]);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(paths(r.stdout), [f.note], input);
    }
    assert.equal(rescue.rescued(), false, 'the CLI never waited on the pipe');
  } finally {
    rescue.stop();
    rmSync(f.dir, { recursive: true, force: true });
  }
});

test('an entity or theme file that is a pipe or a device stops the scan with a message naming it', { skip: SKIP }, () => {
  const f = folder();
  const rescue = rescuePipes([f.pipe]);
  try {
    for (const [flag, path, kind] of [
      ['--entities', f.pipe, 'a named pipe'],
      ['--entities', f.zero, 'a device'],
      ['--themes', f.link, 'a named pipe'],
      ['--themes', f.zero, 'a device'],
    ]) {
      const r = run(['scan', flag, path, f.note]);
      assert.equal(r.status, 2, `${flag} ${path}`);
      assert.equal(r.stdout, '');
      assert.ok(r.stderr.startsWith(`digest-lens: cannot read ${path}: not a regular file (${kind})`), r.stderr);
    }
    assert.equal(rescue.rescued(), false, 'the CLI never waited on the pipe');
  } finally {
    rescue.stop();
    rmSync(f.dir, { recursive: true, force: true });
  }
});

test('a sparse 1 GB file (made with truncate) is skipped from its size: the CLI never holds the gigabyte', () => {
  const dir = mkdtempSync(join(tmpdir(), 'digest-lens-cli-sparse-'));
  try {
    const big = join(dir, 'big.md');
    const note = join(dir, 'note.md');
    writeFileSync(big, '');
    truncateSync(big, 1024 ** 3);
    writeFileSync(note, '# 2025-03-01\n腾讯控股营收 1,200 亿元。\n');
    // The CLI's peak memory, said by the process itself as it exits.
    const peak = join(dir, 'peak.js');
    writeFileSync(peak, "process.on('exit', () => process.stderr.write('peak ' + process.resourceUsage().maxRSS + '\\n'));\n");
    const r = spawnSync(process.execPath, ['-r', peak, cli, 'scan', '--format', 'jsonl', big, note], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stdout.trim().split('\n').map((l) => JSON.parse(l).path).join(), note);
    const lines = r.stderr.trim().split('\n');
    assert.match(lines[0], /^digest-lens: skipped .*big\.md: file is 1024\.0 MB, over the 2\.0 MB size cap$/);
    const kb = Number(lines.at(-1)!.replace('peak ', ''));
    assert.ok(kb > 0 && kb < 400 * 1024, `peak ${Math.round(kb / 1024)} MB: the file was read`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
