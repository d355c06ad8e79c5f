/**
 * The CLI (dist/cli.js) with the user's rates file (issue 15): `--rates FILE` converts at
 * the user's fixing (base.rateKind "user", base.rateDate its day), the default
 * `.digestlens/rates.csv` of a scanned folder is found like the entity file, a malformed
 * file gives one stderr line per problem (FILE:LINE:COL: message) and the scan still runs
 * on its good lines, a missing file is bad usage (exit 2), and worker threads convert alike.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HAS_FIFOS, rescuePipes, specialFolder } from '../helpers/specialFiles';

const repo = join(__dirname, '..', '..');
const cli = join(repo, 'dist', 'cli.js');
const fixtures = join(repo, 'test', 'fixtures', 'user-rates');
const fixingDay = join(fixtures, 'fixing-day.digest');
const weekend = join(fixtures, 'weekend.digest');

function run(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [cli, 'scan', ...args], { encoding: 'utf8', cwd: opts.cwd ?? tmpdir(), env: { ...process.env, ...opts.env }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Each CNY figure's base conversion of a JSON scan. */
function cnyBases(stdout: string): { path: string; rate: number; rateDate: string; rateKind: string }[] {
  const out = JSON.parse(stdout);
  return out.files.flatMap((f: any) => f.figures.filter((g: any) => g.currency === 'CNY').map((g: any) => ({ path: f.path.split(/[\\/]/).pop(), ...g.base })).map(({ path, rate, rateDate, rateKind }: any) => ({ path, rate, rateDate, rateKind })));
}

test('--rates: the fixing of the note\'s day is used, rateKind "user" and rateDate its day; a Sunday takes Friday\'s', () => {
  const r = run(['--rates', join(fixtures, '.digestlens', 'rates.csv'), fixingDay, weekend]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.deepEqual(cnyBases(r.stdout), [
    { path: 'fixing-day.digest', rate: 0.13333333, rateDate: '2024-03-15', rateKind: 'user' },
    { path: 'weekend.digest', rate: 0.13333333, rateDate: '2024-03-15', rateKind: 'user' },
  ]);
  // Without the file (run outside the fixture folder, which has a default one): the built-in day.
  const plain = run([fixingDay]);
  assert.equal(plain.status, 0, plain.stderr);
  const [builtin] = cnyBases(plain.stdout);
  assert.equal(builtin.rateKind, 'daily');
  assert.equal(builtin.rateDate, '2024-03-15');
  assert.notEqual(builtin.rate, 0.13333333);
});

test('without --rates, the .digestlens/rates.csv of the scanned folder is used', () => {
  const r = run(['--format', 'json', fixtures]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(cnyBases(r.stdout).every((b) => b.rateKind === 'user' && b.rate === 0.13333333), r.stdout);
});

test('a base currency the user fixes: EUR per USD from the file, in every format', () => {
  const rates = join(fixtures, '.digestlens', 'rates.csv');
  const json = run(['--rates', rates, '--base', 'EUR', fixingDay]);
  assert.equal(json.status, 0, json.stderr);
  const base = JSON.parse(json.stdout).files[0].figures[0].base;
  // 1 CNY = 1/7.5 USD = 0.8/7.5 EUR.
  assert.equal(base.rate, Number((0.8 / 7.5).toPrecision(8)));
  assert.equal(base.rateKind, 'user');
  const jsonl = run(['--rates', rates, '--format', 'jsonl', fixingDay]);
  assert.equal(JSON.parse(jsonl.stdout.trim()).figures[0].base.rateKind, 'user');
});

test('a malformed file: one stderr line per problem at its line and column, and its good line is used', () => {
  const bad = join(fixtures, 'malformed.csv');
  const r = run(['--rates', bad, fixingDay]);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.deepEqual(
    lines.map((l) => l.slice(l.indexOf(bad) + bad.length).split(': ')[0]),
    [':2:16', ':3:1', ':4:1', ':5:12'],
    r.stderr,
  );
  assert.match(lines[0], /Rate "7,5" has a comma: write a decimal point/);
  assert.match(lines[1], /Expected 3 fields separated by ","/);
  assert.match(lines[2], /Date "2024-02-30" is not a day of the calendar/);
  assert.match(lines[3], /USD is 1 per USD by definition/);
  // The one good line, 2024-03-14 at 7.25, stands in for the next day.
  assert.deepEqual(cnyBases(r.stdout), [{ path: 'fixing-day.digest', rate: Number((1 / 7.25).toPrecision(8)), rateDate: '2024-03-14', rateKind: 'user' }]);
});

test('several --rates files: the first one wins on the same currency and day', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dl-cli-rates-'));
  try {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    writeFileSync(a, '2024-03-15,CNY,7.0\n');
    writeFileSync(b, '2024-03-15,CNY,8.0\n2024-03-15,EUR,0.5\n');
    const r = run(['--rates', a, '--rates', b, '--base', 'EUR', fixingDay]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).files[0].figures[0].base.rate, Number((0.5 / 7).toPrecision(8)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a missing or unreadable rates file is bad usage (exit 2) with a message naming it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dl-cli-rates-'));
  try {
    const missing = run(['--rates', join(dir, 'none.csv'), fixingDay]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /digest-lens: cannot read .*none\.csv: ENOENT/);
    assert.equal(missing.stdout, '');
    const folder = run(['--rates', dir, fixingDay]);
    assert.equal(folder.status, 2);
    assert.match(folder.stderr, /cannot read .*dl-cli-rates-/);
    const empty = run(['--rates', fixingDay]);
    assert.equal(empty.status, 2, 'the only path went to --rates: no files left to scan');
    const noValue = run([fixingDay, '--rates']);
    assert.equal(noValue.status, 2);
    assert.match(noValue.stderr, /--rates needs a value/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('worker threads convert at the user\'s rates too: the same bytes as one thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dl-cli-rates-'));
  try {
    // Enough text for the scan to be shared out.
    const note = 'Date: 2024-03-15\n\n' + '腾讯营收 1000 亿元，同比增长 5%。\n'.repeat(400);
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, `n${i}.digest`), note);
    const rates = join(fixtures, '.digestlens', 'rates.csv');
    const one = run(['--rates', rates, '--format', 'jsonl', dir], { env: { DIGEST_LENS_CLI_WORKERS: '0' } });
    const two = run(['--rates', rates, '--format', 'jsonl', dir], { env: { DIGEST_LENS_CLI_WORKERS: '2' } });
    assert.equal(one.status, 0, one.stderr);
    assert.equal(two.status, 0, two.stderr);
    assert.equal(two.stdout, one.stdout);
    assert.ok(one.stdout.includes('"rateKind":"user"'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--rates naming a named pipe, a symlink to one or /dev/zero: refused at once, never waited on', { skip: !HAS_FIFOS && 'needs mkfifo and /dev/zero (POSIX)' }, () => {
  const f = specialFolder('dl-cli-rates-special-', 'Date: 2024-03-15\n\n腾讯营收 1000 亿元。\n');
  const rescue = rescuePipes([f.pipe]);
  try {
    for (const special of [f.pipe, f.link, f.zero]) {
      const r = spawnSync(process.execPath, [cli, 'scan', '--rates', special, f.note], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.status, 2, `${special}: ${r.stderr}`);
      assert.match(r.stderr, /digest-lens: cannot read .*not a regular file/, special);
    }
    assert.equal(rescue.rescued(), false, 'a reader waited on the pipe');
  } finally {
    rescue.stop();
    rmSync(f.dir, { recursive: true, force: true });
  }
});
