/**
 * The CLI on a folder it may not fully read (issue 16): a subfolder without permission to
 * list it and a digest without permission to read it are each named on stderr, in their
 * place, with "permission denied"; the readable files are scanned; the exit status is 1.
 * In this thread and with worker threads, for a folder argument and a glob. Runs the real
 * bundle (dist/cli.js), as user nobody when the tests run as root.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unprivileged } from '../helpers/unprivileged';
import '../helpers/isolatedRatesStore';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
const user = unprivileged(cli);
const NOTE = '# 2025-03-01\n腾讯控股营收 1,200 亿元。\n';

test('an unlistable folder and an unreadable digest are reported in place with the reason; the rest is scanned', { skip: user === null && 'needs POSIX permissions and a user without root (nobody) that can read dist/' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'digest-lens-cli-perm-'));
  chmodSync(dir, 0o755);
  const locked = join(dir, 'b-locked');
  try {
    writeFileSync(join(dir, 'a.md'), NOTE);
    mkdirSync(locked);
    writeFileSync(join(locked, 'inside.md'), NOTE);
    writeFileSync(join(dir, 'c-secret.md'), NOTE);
    writeFileSync(join(dir, 'd.md'), NOTE);
    chmodSync(locked, 0o000);
    chmodSync(join(dir, 'c-secret.md'), 0o000);
    for (const env of [{}, { DIGEST_LENS_CLI_WORKERS: '2' }] as Record<string, string>[]) {
      for (const input of [dir, join(dir, '**', '*.md')]) {
        const r = spawnSync(process.execPath, [cli, 'scan', '--format', 'jsonl', input], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, DIGEST_LENS_RATES_STORE: join(dir, '.no-store'), ...env }, ...user?.spawnAs });
        const what = `${input} ${JSON.stringify(env)}`;
        assert.equal(r.status, 1, `${what}: ${r.stderr}`);
        assert.deepEqual(r.stdout.trim().split('\n').map((l) => JSON.parse(l).path), [join(dir, 'a.md'), join(dir, 'd.md')], what);
        assert.equal(r.stderr, `digest-lens: cannot read folder ${locked}: permission denied (EACCES)\ndigest-lens: cannot read ${join(dir, 'c-secret.md')}: permission denied (EACCES)\n`, what);
      }
    }
  } finally {
    chmodSync(locked, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a folder's .digestlens files that link outside the folder are not used (a line on stderr says where they lead); a flag names any file", { skip: process.platform === 'win32' && 'needs symlinks' }, () => {
  const root = mkdtempSync(join(tmpdir(), 'digest-lens-cli-links-'));
  const ws = join(root, 'notes');
  const secret = join(root, 'secret.json');
  try {
    mkdirSync(join(ws, '.digestlens'), { recursive: true });
    writeFileSync(join(ws, 'a.md'), '# 2025-03-01\n佐布拉克斯完成 5 亿美元融资。\n');
    // A file that is not an entity list at all: its lines would come back as problems.
    writeFileSync(secret, 'root:x:0:0:root:/root:/bin/bash\n');
    symlinkSync(secret, join(ws, '.digestlens', 'entities.json'));
    const scan = (...args: string[]) => spawnSync(process.execPath, [cli, 'scan', '--format', 'jsonl', ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, DIGEST_LENS_RATES_STORE: join(root, '.no-store') } });
    const r = scan(ws);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, `digest-lens: ${join(ws, '.digestlens', 'entities.json')} not used: it links outside ${ws} (to ${secret}); give the file with a flag to use it\n`);
    assert.ok(!r.stderr.includes('root:x'), 'nothing of the outside file is printed');
    // Named with a flag, the same file is read (and is not an entity list).
    const flagged = scan('--entities', join(ws, '.digestlens', 'entities.json'), ws);
    assert.match(flagged.stderr, /entities\.json:1:1:/);
    // A link that stays inside the folder is used.
    writeFileSync(join(ws, 'list.json'), JSON.stringify([{ name: 'Zorblax Holdings', aliases: ['佐布拉克斯'] }]));
    rmSync(join(ws, '.digestlens', 'entities.json'));
    symlinkSync(join('..', 'list.json'), join(ws, '.digestlens', 'entities.json'));
    const inside = scan(ws);
    assert.equal(inside.stderr, '');
    assert.ok(inside.stdout.includes('Zorblax Holdings'), inside.stdout);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
