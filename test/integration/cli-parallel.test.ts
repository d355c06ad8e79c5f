/**
 * The CLI's scan with worker threads (DIGEST_LENS_CLI_WORKERS, cli/parallelScan.ts) writes
 * the very bytes of a scan in one thread: the same standard output, the same messages in
 * the same order, the same exit status, in every format, with files that are skipped,
 * unreadable or matched by no glob among them, and with the user's entity and theme files.
 * Runs the real bundle (dist/cli.js and dist/cliWorker.js, built by `npm test`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../helpers/isolatedRatesStore';

const repo = join(__dirname, '..', '..');
const cli = join(repo, 'dist', 'cli.js');
const fixtures = join(repo, 'test', 'fixtures', 'workspace');

function run(cwd: string, workers: number, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, DIGEST_LENS_CLI_WORKERS: String(workers) } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A folder of many small digests (more than a batch of them, so that the work is shared),
 * a binary file and an empty one among them, and a user entity file and theme file.
 */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cli-parallel-'));
  const digests = ['simplified.digest.md', 'traditional.digest.txt', 'english.digest'].map((f) => readFileSync(join(fixtures, f), 'utf8'));
  for (let i = 0; i < 100; i++) {
    const sub = join(dir, 'notes', String(Math.floor(i / 40)));
    mkdirSync(sub, { recursive: true });
    // Each file a little different, so that a file written in another's place would show.
    writeFileSync(join(sub, `${String(i).padStart(3, '0')}.md`), `${digests[i % 3]}\n第${i}条：Acme Widgets 营收 ${i + 1} 亿元。\n`);
  }
  writeFileSync(join(dir, 'notes', '0', '050-binary.md'), Buffer.from([0x41, 0, 0x42, 0, 0x43]));
  writeFileSync(join(dir, 'notes', '1', '060-empty.md'), '');
  mkdirSync(join(dir, '.digestlens'));
  writeFileSync(join(dir, '.digestlens', 'entities.json'), JSON.stringify({ entities: [{ id: 'acme', name: 'Acme Widgets', kind: 'company', names: ['Acme Widgets'] }] }));
  writeFileSync(join(dir, '.digestlens', 'themes.json'), JSON.stringify({ themes: [{ id: 'widgets', label: 'Widgets', keywords: ['营收'] }] }));
  return dir;
}

test('a scan shared with worker threads writes what a scan in one thread writes, in every format', () => {
  assert.ok(existsSync(join(repo, 'dist', 'cliWorker.js')), 'dist/cliWorker.js is built');
  const dir = workspace();
  try {
    for (const format of ['json', 'jsonl', 'csv', 'table']) {
      // A missing file and a glob that matches nothing between the folders: their messages keep their places.
      const args = ['scan', '--format', format, 'notes/0', 'missing.md', 'notes/1', 'nothing/*.md', 'notes/2'];
      const alone = run(dir, 0, ...args);
      assert.equal(alone.status, 1, `${format}: the binary, missing and unmatched inputs make the status 1`);
      assert.ok(alone.stdout.length > 50_000, `${format}: a scan of some size`);
      assert.match(alone.stderr, /entities|Acme|binary/i);
      for (const workers of format === 'json' ? [1, 3] : [2]) {
        const shared = run(dir, workers, ...args);
        assert.equal(shared.status, alone.status, `${format}, ${workers} workers: status`);
        assert.equal(shared.stderr, alone.stderr, `${format}, ${workers} workers: messages`);
        assert.ok(shared.stdout === alone.stdout, `${format}, ${workers} workers: output differs`);
      }
    }
    // The user's entity file is used by the workers too: its company is found in every file.
    const out = JSON.parse(run(dir, 2, 'scan', '--format', 'json', 'notes').stdout) as { files: { entities: { id: string }[]; themes: { id: string }[] }[] };
    const withText = out.files.filter((f) => f.entities.length > 0);
    assert.ok(withText.length >= 100);
    assert.ok(withText.every((f) => f.entities.some((e) => e.id === 'acme')), 'every digest mentions the user entity');
    assert.ok(withText.every((f) => f.themes.some((t) => t.id === 'widgets')), 'every digest has the user theme');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
