// The command line end to end, as a user runs it: `node dist/cli.js scan --format F` over
// the seeds repeated to 10 MB (copies of the seed files in .bench/cli-text-10mb/, written
// once), output to /dev/null, for each format. Wall time includes start-up (loading the
// bundle and the gazetteer); the time of the same command on one empty file is measured
// too, and the throughput without it is shown beside. Peak RSS is the process's VmHWM.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { peakRss } from './scale.mjs';

export const name = 'cli';
export const description = 'digest-lens scan end to end (json, jsonl, csv, table) on the seeds repeated to 10 MB, with and without start-up';

const BUDGET = { mbPerS: 50 };
const FORMATS = ['json', 'jsonl', 'csv', 'table'];

/**
 * A folder of copies of the seeds adding up to at least `bytes`, 500 files a sub-folder,
 * written once into .bench/ and reused while its marker says the same size.
 */
export function seedCopies(ctx, bytes, label) {
  const out = path.join(ctx.repoRoot, '.bench', `cli-text-${label}`);
  const marker = path.join(out, '.copies.json');
  const want = JSON.stringify({ bytes, seeds: ctx.seeds.map((s) => s.name) });
  if (existsSync(marker) && readFileSync(marker, 'utf8') === want) return { dir: out, bytes: JSON.parse(readFileSync(path.join(out, '.total.json'), 'utf8')).total };
  rmSync(out, { recursive: true, force: true });
  let total = 0;
  let n = 0;
  while (total < bytes) {
    for (const s of ctx.seeds) {
      const sub = path.join(out, String(Math.floor(n / 500)).padStart(4, '0'));
      if (n % 500 === 0) mkdirSync(sub, { recursive: true });
      writeFileSync(path.join(sub, `${String(n).padStart(6, '0')}-${s.name}`), s.text);
      total += s.bytes;
      n++;
      if (total >= bytes) break;
    }
  }
  writeFileSync(path.join(out, '.total.json'), JSON.stringify({ total, files: n }));
  writeFileSync(marker, want);
  ctx.log(`cli: wrote ${n} copies of the seeds (${(total / 1e6).toFixed(1)} MB) into ${path.relative(ctx.repoRoot, out)}`);
  return { dir: out, bytes: total };
}

/**
 * Runs dist/cli.js with `args`, output thrown away; wall time and peak RSS (polled VmHWM).
 * `skips`: exit status 1 (a file skipped, e.g. the generated workspaces' huge and binary ones) is fine.
 */
export function runCli(ctx, args, skips = false) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [path.join(ctx.repoRoot, 'dist', 'cli.js'), ...args], { stdio: ['ignore', 'ignore', 'ignore'] });
    let hwm = 0;
    const poll = setInterval(() => (hwm = peakRss(child.pid) ?? hwm), 10);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      const ms = performance.now() - t0;
      if (code !== 0 && !(skips && code === 1)) reject(new Error(`cli ${args.join(' ')} exited with ${code}`));
      else resolve({ ms, hwm });
    });
  });
}

/** The fastest of `runs` runs (the machine is shared; the minimum is the least disturbed). */
export async function fastest(ctx, args, runs, skips = false) {
  let best = null;
  for (let i = 0; i < runs; i++) {
    const r = await runCli(ctx, args, skips);
    if (!best || r.ms < best.ms) best = { ms: r.ms, hwm: Math.max(r.hwm, best?.hwm ?? 0) };
    else best.hwm = Math.max(best.hwm, r.hwm);
  }
  return best;
}

export async function run(ctx) {
  const runs = ctx.quick ? 1 : 3;
  const text = seedCopies(ctx, 10 * 1024 * 1024, '10mb');
  const emptyFile = path.join(ctx.repoRoot, '.bench', 'cli-empty.txt');
  writeFileSync(emptyFile, '');
  const rows = [];
  const startup = await fastest(ctx, ['scan', '--format', 'json', emptyFile], runs);
  rows.push({ figure: 'CLI start-up: scan --format json of one empty file', budget: 'info (≤ 100 ms is H1\'s row)', measured: `${startup.ms.toFixed(0)} ms, ${(startup.hwm / 1e6).toFixed(0)} MB peak RSS`, verdict: 'info', value: startup.ms, unit: 'ms' });
  const mb = text.bytes / 1e6;
  for (const format of FORMATS) {
    const r = await fastest(ctx, ['scan', '--format', format, text.dir], runs);
    const withStart = mb / (r.ms / 1000);
    const withoutStart = mb / (Math.max(1, r.ms - startup.ms) / 1000);
    ctx.metrics[`cli.${format}.mbPerS`] = withStart;
    rows.push({
      figure: `CLI end to end, --format ${format}, ${mb.toFixed(1)} MB (${ctx.seeds.length}-seed copies)`,
      budget: format === 'json' ? `≥ ${BUDGET.mbPerS} MB/s` : 'info',
      measured: `${withStart.toFixed(1)} MB/s (${(r.ms / 1000).toFixed(2)} s); without start-up ${withoutStart.toFixed(1)} MB/s; ${(r.hwm / 1e6).toFixed(0)} MB peak RSS`,
      verdict: format === 'json' ? (withStart >= BUDGET.mbPerS ? 'PASS' : 'FAIL') : 'info',
      value: withStart,
      unit: 'MB/s',
    });
  }
  return rows;
}
