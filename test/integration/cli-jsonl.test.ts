/**
 * The CLI's inputs and streaming output: globs (matched with picomatch while walking from
 * the glob's static base), directories and files side by side; `--format jsonl` writes one
 * valid object per line and keeps nothing, and json likewise streams its records, so memory
 * stays flat as the number of files grows; the exit codes (0, 1 unreadable or unmatched, 2 usage) stay what they were.
 * Runs the real bundle (dist/cli.js, built by `npm test`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../helpers/isolatedRatesStore';

const repo = join(__dirname, '..', '..');
const cli = join(repo, 'dist', 'cli.js');
const fixtures = join(repo, 'test', 'fixtures', 'workspace');

function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** notes/{2025/a.md, 2025/deep/b.md, 2026/c.md, d.txt, skip.csv, .hidden/e.md}, other/f.md */
function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cli-glob-'));
  const digest = readFileSync(join(fixtures, 'simplified.digest.md'), 'utf8');
  for (const rel of ['notes/2025/a.md', 'notes/2025/deep/b.md', 'notes/2026/c.md', 'notes/d.txt', 'notes/skip.csv', 'notes/.hidden/e.md', 'other/f.md']) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), digest);
  }
  return dir;
}

const paths = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l).path);

test('a glob selects the files it matches, below its static base, in a stable order', () => {
  const dir = tree();
  try {
    let r = run(dir, 'scan', '--format', 'jsonl', 'notes/**/*.md');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(paths(r.stdout), ['notes/2025/a.md', 'notes/2025/deep/b.md', 'notes/2026/c.md']);
    // Without ** a glob does not descend further than its segments.
    r = run(dir, 'scan', '--format', 'jsonl', 'notes/*/*.md');
    assert.deepEqual(paths(r.stdout), ['notes/2025/a.md', 'notes/2026/c.md']);
    // Braces, an absolute glob, and a glob that picks a file a directory scan would skip.
    r = run(dir, 'scan', '--format', 'jsonl', '{notes,other}/*.{txt,md}');
    assert.deepEqual(paths(r.stdout), ['notes/d.txt', 'other/f.md']);
    r = run(tmpdir(), 'scan', '--format', 'jsonl', join(dir, 'notes', '*.csv'));
    assert.deepEqual(paths(r.stdout), [join(dir, 'notes', 'skip.csv')]);
    // Globs, folders and files mix, each expanded in place.
    r = run(dir, 'scan', '--format', 'jsonl', 'other/f.md', 'notes/2026', 'notes/2025/*.md');
    assert.deepEqual(paths(r.stdout), ['other/f.md', 'notes/2026/c.md', 'notes/2025/a.md']);
    // Hidden folders only when the glob names them.
    r = run(dir, 'scan', '--format', 'jsonl', 'notes/.hidden/*.md');
    assert.deepEqual(paths(r.stdout), ['notes/.hidden/e.md']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an existing file whose name looks like a glob is read as it is', () => {
  const dir = tree();
  try {
    cpSync(join(dir, 'other', 'f.md'), join(dir, 'other', '[draft] f.md'));
    const r = run(dir, 'scan', '--format', 'jsonl', 'other/[draft] f.md');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(paths(r.stdout), ['other/[draft] f.md']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('jsonl: one valid JSON object per line, one line per file, in the json shape', () => {
  const dir = tree();
  try {
    const r = run(dir, 'scan', '--format', 'jsonl', 'notes', 'other');
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.endsWith('\n'));
    const lines = r.stdout.split('\n').slice(0, -1);
    assert.equal(lines.length, 5, 'a.md, b.md, c.md, d.txt, f.md');
    const json = JSON.parse(run(dir, 'scan', '--format', 'json', 'notes', 'other').stdout);
    lines.forEach((line, i) => {
      assert.ok(!line.includes('\n'));
      assert.deepEqual(JSON.parse(line), json.files[i]);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('exit codes: 0 success, 1 unreadable file or unmatched glob (the rest still reported), 2 usage', () => {
  const dir = tree();
  try {
    assert.equal(run(dir, 'scan', '--format', 'jsonl', 'notes/**/*.md').status, 0);
    let r = run(dir, 'scan', '--format', 'jsonl', 'nowhere/**/*.md', 'other/f.md');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /no files match nowhere\/\*\*\/\*\.md/);
    assert.deepEqual(paths(r.stdout), ['other/f.md']);
    r = run(dir, 'scan', '--format', 'jsonl', 'missing.md', 'other/f.md');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /cannot read missing\.md/);
    assert.equal(run(dir, 'scan', '--format', 'yaml', 'notes').status, 2);
    assert.equal(run(dir, 'scan').status, 2);
    assert.equal(run(dir, 'scan', '--frobnicate', 'notes').status, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Runs the CLI (or `script`) with stdout to a file and returns its peak RSS (VmHWM, bytes) from /proc. */
function peakRss(args: string[], out: string, script = cli): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
    let size = 0;
    // A slow reader (a pause after every chunk), as a pipe into a database can be: the CLI
    // must wait for it rather than queue its output. The output is counted, not kept.
    child.stdout.on('data', (b: Buffer) => {
      size += b.length;
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 2);
    });
    let hwm = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) hwm = Number(m[1]) * 1024;
      } catch {
        // Exited between polls.
      }
    }, 10);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      writeFileSync(out, `${size}`);
      if (code !== 0 && code !== 1) reject(new Error(`cli exited ${code}`));
      else resolve(hwm);
    });
  });
}

test('jsonl and json keep memory flat: 1,000 files peak near 400 files; a process that holds 200 MB does not', { skip: process.platform !== 'linux' && 'reads /proc' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-rss-'));
  try {
    const gen = spawnSync(process.execPath, [join(repo, 'scripts', 'gen-workspace.mjs'), '--files', '1000', '--out', join(dir, 'ws'), '--no-measure'], { encoding: 'utf8' });
    assert.equal(gen.status, 0, gen.stderr);
    // 2024 holds about 40% of the digests, with the same size distribution as the rest.
    const small = await peakRss(['scan', '--format', 'jsonl', join(dir, 'ws', '2024', '*', '*')], join(dir, 'o1'));
    const large = await peakRss(['scan', '--format', 'jsonl', join(dir, 'ws')], join(dir, 'o2'));
    const jsonSmall = await peakRss(['scan', '--format', 'json', join(dir, 'ws', '2024', '*', '*')], join(dir, 'o3'));
    const json = await peakRss(['scan', '--format', 'json', join(dir, 'ws')], join(dir, 'o4'));
    // The control: the CLI scanning one file, then holding 200 MB to the end, as a scan that
    // kept every record would. The measure must see it, or the flat lines above prove nothing.
    const holder = join(dir, 'holder.js');
    const one = join(fixtures, 'simplified.digest.md');
    writeFileSync(holder, `require(${JSON.stringify(cli)}).main(['scan', ${JSON.stringify(one)}], () => {}, () => {}); const kept = []; for (let i = 0; i < 200; i++) kept.push(Buffer.alloc(1e6, i)); setTimeout(() => kept.length, 200);`);
    const held = await peakRss([], join(dir, 'o5'), holder);
    const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
    console.log(`# peak RSS: jsonl 2024 (~400 files) ${mb(small)}, jsonl 1,000 files ${mb(large)}, json ${mb(jsonSmall)} / ${mb(json)}, start-up + 200 MB held ${mb(held)}`);
    assert.ok(small > 0 && large > 0);
    assert.ok(large - small < 30e6, `jsonl grew from ${mb(small)} to ${mb(large)}`);
    assert.ok(json - jsonSmall < 30e6, `json grew from ${mb(jsonSmall)} to ${mb(json)}`);
    assert.ok(held - large > 50e6, `held ${mb(held)} vs jsonl ${mb(large)}: the measure can see accumulation`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
