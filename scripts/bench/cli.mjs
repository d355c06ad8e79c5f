// The command line end to end, as a user runs it: `node dist/cli.js scan --format F` over
// the seeds repeated to 10 MB (copies of the seed files in .bench/cli-text-10mb/, written
// once), output to /dev/null, for each format. Wall time includes start-up (loading the
// bundle and the gazetteer); the time of the same command on one empty file is measured
// too, and the throughput without it is shown beside. Peak RSS is the process's VmHWM.
// Beside them: json with a worker thread (two threads), and the ceiling, a node process that
// reads the same files and makes one regular-expression pass over each.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { peakRss } from './scale.mjs';

export const name = 'cli';
export const description = 'digest-lens scan end to end (json, jsonl, csv, table) on the seeds repeated to 10 MB, with and without start-up, with two threads, beside a one-regex-pass ceiling';

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
export function runCli(ctx, args, skips = false, env = {}, command = [path.join(ctx.repoRoot, 'dist', 'cli.js')]) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [...command, ...args], { stdio: ['ignore', 'ignore', 'ignore'], env: { ...process.env, ...env } });
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
export async function fastest(ctx, args, runs, skips = false, env = {}, command = undefined) {
  let best = null;
  for (let i = 0; i < runs; i++) {
    const r = await runCli(ctx, args, skips, env, command);
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
  // The same scan with a worker thread beside the main one (DIGEST_LENS_CLI_WORKERS=1;
  // cli/parallelScan.ts): its output is the same bytes. Not the default: see the row.
  const jsonOne = await fastest(ctx, ['scan', '--format', 'json', text.dir], runs);
  const jsonTwo = await fastest(ctx, ['scan', '--format', 'json', text.dir], runs, false, { DIGEST_LENS_CLI_WORKERS: '1' });
  rows.push({
    figure: `CLI end to end, --format json, two threads (DIGEST_LENS_CLI_WORKERS=1) vs one, same output`,
    budget: 'info',
    measured: `${(mb / (jsonTwo.ms / 1000)).toFixed(1)} vs ${(mb / (jsonOne.ms / 1000)).toFixed(1)} MB/s (${(jsonOne.ms / jsonTwo.ms).toFixed(2)}×); ${(jsonTwo.hwm / 1e6).toFixed(0)} MB peak RSS`,
    verdict: 'info',
    value: mb / (jsonTwo.ms / 1000),
    unit: 'MB/s',
  });
  // The ceiling beside it: a node process that walks and reads the same files and makes one
  // pass of one regular expression over each (what any money finder must at least look at),
  // writing one line per file; spawn → exit, like the CLI.
  const ceiling = await fastest(ctx, [text.dir], runs, false, {}, ['-e', CEILING_SCRIPT]);
  ctx.metrics['cli.ceiling.mbPerS'] = mb / (ceiling.ms / 1000);
  rows.push({
    figure: 'ceiling: a node process reading the same files, one regular-expression pass each (spawn → exit)',
    budget: 'info',
    measured: `${(mb / (ceiling.ms / 1000)).toFixed(1)} MB/s (${(ceiling.ms / 1000).toFixed(2)} s); the CLI's json reads at ${((ctx.metrics['cli.json.mbPerS'] / (mb / (ceiling.ms / 1000))) * 100).toFixed(1)}% of it`,
    verdict: 'info',
    value: mb / (ceiling.ms / 1000),
    unit: 'MB/s',
  });
  return rows;
}

/** The ceiling's program (`node -e`, the folder as its argument): the regex of the analysis case's ceiling. */
const CEILING_SCRIPT = `
const fs = require('fs'), path = require('path');
const re = /[0-9０-９]+|[$¥€£₩₹]|[万萬亿億兆]/g;
const out = [];
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else {
      const text = fs.readFileSync(p, 'utf8');
      let n = 0;
      re.lastIndex = 0;
      while (re.exec(text) !== null) n++;
      out.push(JSON.stringify({ path: p, hits: n }));
    }
  }
};
walk(process.argv[1]);
fs.writeFileSync(1, out.join('\\n') + '\\n');
`;
