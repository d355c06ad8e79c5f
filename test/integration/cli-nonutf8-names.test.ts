/**
 * Issue 16: file names that are not UTF-8, over the built CLI (dist/cli.js). On Linux a name
 * can be any bytes; node decodes names and arguments as UTF-8 with U+FFFD for the rest, and
 * such a file used to be reported missing (ENOENT). Real files named with the bytes ff fe e9
 * (and a folder named sub<ff>): every format reads them and names them with `\xHH` escapes,
 * the same text each time, in the folder's walk, a glob, an explicit argument (its bytes
 * come back from /proc/self/cmdline) and in worker threads.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../helpers/isolatedRatesStore';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const NOTE = '腾讯 2025年3月 投资 1,350 亿美元\n';
const NAME = Buffer.from([0xff, 0xfe, 0xe9, 0x2e, 0x6d, 0x64]); // "\xff\xfe\xe9.md"
const SHOWN = '\\xff\\xfe\\xe9.md';

/**
 * A folder holding `NAME`, `plain.md`, a literal `\xff.md` (which must not print like a raw
 * byte), `sub<ff>/<e9><e9>.md` and a binary `bin<fe>.md`; null where the file system refuses
 * names that are not UTF-8 (macOS's APFS, Windows).
 */
function folder(): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'dl-nonutf8-'));
  const at = (...names: (string | Buffer)[]) => Buffer.concat([Buffer.from(dir), ...names.flatMap((n) => [Buffer.from('/'), Buffer.from(n)])]);
  try {
    writeFileSync(at(NAME), NOTE);
    // Some systems accept the call but store another name: the bytes must be there as given.
    if (!readdirSync(dir, { encoding: 'buffer' }).some((n) => n.equals(NAME))) throw new Error('name changed');
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  writeFileSync(join(dir, 'plain.md'), NOTE);
  writeFileSync(join(dir, '\\xff.md'), NOTE);
  mkdirSync(at(Buffer.from('sub\xff', 'latin1')));
  writeFileSync(at(Buffer.from('sub\xff', 'latin1'), Buffer.from([0xe9, 0xe9, 0x2e, 0x6d, 0x64])), NOTE);
  writeFileSync(at(Buffer.from('bin\xfe.md', 'latin1')), Buffer.from([0, 1, 2, 0]));
  return dir;
}

const PROBE = folder();
const SKIP = PROBE === null && 'this file system refuses file names that are not UTF-8';
if (PROBE) rmSync(PROBE, { recursive: true, force: true });

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The paths each file of the folder prints as, in the walk's order. */
function expected(dir: string): string[] {
  return [`${dir}/\\x5cxff.md`, `${dir}/plain.md`, `${dir}/sub\\xff/\\xe9\\xe9.md`, `${dir}/${SHOWN}`];
}

function withFolder(body: (dir: string) => void): void {
  const dir = folder()!;
  try {
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('jsonl and json: every file is read, named with \\xHH escapes, in one thread and in workers', { skip: SKIP }, () => {
  withFolder((dir) => {
    for (const env of [{}, { DIGEST_LENS_CLI_WORKERS: '2' }] as Record<string, string>[]) {
      const lines = run(['scan', '--format', 'jsonl', dir], env);
      assert.equal(lines.status, 1, 'the binary note fails the scan, nothing else');
      const records = lines.stdout.trim().split('\n').map((l) => JSON.parse(l) as { path: string; figures: { value: number }[] });
      assert.deepEqual(records.map((r) => r.path), expected(dir), JSON.stringify(env));
      for (const r of records) assert.equal(r.figures[0]?.value, 135_000_000_000, r.path);
      assert.doesNotMatch(lines.stderr, /ENOENT/);
      assert.equal(lines.stderr, `digest-lens: skipped ${dir}/bin\\xfe.md: binary file (NUL byte at 0)\n`);

      const doc = run(['scan', '--format', 'json', dir], env);
      assert.deepEqual((JSON.parse(doc.stdout).files as { path: string }[]).map((f) => f.path), expected(dir));
      assert.ok(!doc.stdout.includes('\ufffd'), 'no name lost its bytes');
    }
  });
});

test('csv and table: the same text names the file; the table has no replacement character', { skip: SKIP }, () => {
  withFolder((dir) => {
    const csv = run(['scan', '--format', 'csv', dir]);
    const firstCells = csv.stdout.trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    assert.deepEqual([...new Set(firstCells)], expected(dir));
    const table = run(['scan', '--format', 'table', dir]);
    for (const p of expected(dir)) assert.ok(table.stdout.includes(`${p}  (date: none, 1 figures`), p);
    assert.ok(!table.stdout.includes('\ufffd') && !table.stderr.includes('\ufffd'));
    assert.match(table.stderr, /bin\\xfe\.md: binary file/);
  });
});

test('a glob matches such names exactly, bytes in the glob included', { skip: SKIP }, () => {
  withFolder((dir) => {
    const all = run(['scan', '--format', 'jsonl', `${dir}/**/*.md`]);
    const paths = all.stdout.trim().split('\n').map((l) => JSON.parse(l).path as string);
    assert.deepEqual(paths, expected(dir));
    // A glob given with the byte ff (through a shell, as a user would type it) matches the
    // folder sub<ff> and not the file <ff><fe>…, which starts with another byte after it.
    const sh = spawnSync('/bin/sh', ['-c', `exec "$0" "$1" scan --format jsonl "$2$(printf '\\377')/*.md"`, process.execPath, CLI, `${dir}/sub`], { encoding: 'utf8' });
    assert.equal(sh.status, 0, sh.stderr);
    assert.deepEqual(sh.stdout.trim().split('\n').map((l) => JSON.parse(l).path), [`${dir}/sub\\xff/\\xe9\\xe9.md`]);
  });
});

test('an explicit argument with such bytes is read (its bytes come from the kernel), a missing one is said plainly', { skip: SKIP || (!existsSync('/proc/self/cmdline') && 'needs /proc/self/cmdline') }, () => {
  withFolder((dir) => {
    // Through a shell, so that the argument holds the raw bytes ff fe e9.
    const script = `exec "$0" "$1" scan --format jsonl "$2$(printf '\\377\\376\\351').md" "$2sub$(printf '\\377')" "$2$(printf '\\376').md"`;
    const r = spawnSync('/bin/sh', ['-c', script, process.execPath, CLI, `${dir}/`], { encoding: 'utf8' });
    const paths = r.stdout.trim().split('\n').map((l) => JSON.parse(l).path);
    assert.deepEqual(paths, [`${dir}/${SHOWN}`, `${dir}/sub\\xff/\\xe9\\xe9.md`]);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, `digest-lens: cannot read ${dir}/\\xfe.md: ENOENT\n`);
  });
});

test('a flag whose value is not UTF-8 is bad usage with a message, not a crash', { skip: SKIP || (!existsSync('/proc/self/cmdline') && 'needs /proc/self/cmdline') }, () => {
  withFolder((dir) => {
    const script = `exec "$0" "$1" scan --entities "$2$(printf '\\377').json" "$2"`;
    const r = spawnSync('/bin/sh', ['-c', script, process.execPath, CLI, `${dir}/`], { encoding: 'utf8' });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /the value of --entities \(.*\\xff\.json\) is not UTF-8/);
  });
});
