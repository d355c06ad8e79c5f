// Dense inputs and many files through the command line (issue 16): `node dist/cli.js scan`
// end to end, its output written to a temporary file (counted, then deleted), peak RSS the
// process's VmHWM.
//   dense: 4 MB of one company ("腾讯投资了腾讯音乐。" repeated, no line break: 2 mentions a
//          sentence) and 4 MB of money ("HK$4.19B / $538M " repeated: 2 figures each), with
//          --format json (the default) and --max-bytes raised over the 2 MB cap; and the same
//          at 1 MB, so that time and memory can be seen to grow linearly. Written into a
//          temporary folder, removed at the end.
//   files: --format json over the 10,000-digest workspace of the scale case (.bench/ws-10000,
//          reused while current); --quick uses 1,000. 100,000 digests (about 1 GB to write
//          once and scan) is the opt-in case `density100k` (npm run bench -- --case density100k),
//          which measures 10,000 again beside it.
// Budgets, from measurements on the 2-core machine with headroom (README, "Tests"): see BUDGET.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { peakRss, workspace } from './scale.mjs';

export const name = 'density';
export const description = 'scan --format json of 4 MB dense with one company and of 4 MB dense with money (time, peak RSS, output size; 1 MB beside), and of 10,000 generated files';

export const BUDGET = {
  // 4 MB dense inputs: measured 0.8 s / 190 MB (company) and 2.2 s / 375 MB (money, 346 MB of output).
  companySeconds: 4,
  companyRss: 400e6,
  moneySeconds: 8,
  moneyRss: 700e6,
  // From 1 to 4 MB: time per MB (start-up taken off) may not grow more than this, nor the
  // memory over start-up's grow more than 4 MB / 1 MB (linear) with headroom.
  perMbRatio: 1.5,
  rssGrowth: 4.5,
  // 10,000 generated files with --format json: measured ~170 MB.
  filesRss: 300e6,
  // 100,000 files: flat, at most this times the 10,000-file peak.
  filesRatio: 1.5,
};

const MB = 1024 * 1024;

/** Runs dist/cli.js once with `args`; stdout into a temporary file; wall time, peak RSS, output bytes. */
function runOnce(ctx, args, outFile) {
  return new Promise((resolve, reject) => {
    const fd = openSync(outFile, 'w');
    const t0 = performance.now();
    const child = spawn(process.execPath, [path.join(ctx.repoRoot, 'dist', 'cli.js'), ...args], { stdio: ['ignore', fd, 'ignore'] });
    let hwm = 0;
    const poll = setInterval(() => (hwm = peakRss(child.pid) ?? hwm), 10);
    child.on('error', (e) => {
      clearInterval(poll);
      closeSync(fd);
      reject(e);
    });
    child.on('exit', (code) => {
      const ms = performance.now() - t0;
      clearInterval(poll);
      closeSync(fd);
      const bytes = statSync(outFile).size;
      rmSync(outFile, { force: true });
      // Exit status 1: a file skipped (the generated workspaces' huge and binary ones).
      if (code !== 0 && code !== 1) reject(new Error(`cli ${args.join(' ')} exited with ${code}`));
      else resolve({ ms, hwm, bytes });
    });
  });
}

/** The fastest of `runs` runs, with the highest peak seen. */
async function measure(ctx, args, outFile, runs) {
  let best = null;
  for (let i = 0; i < runs; i++) {
    const r = await runOnce(ctx, args, outFile);
    best = !best || r.ms < best.ms ? { ...r, hwm: Math.max(r.hwm, best?.hwm ?? 0) } : { ...best, hwm: Math.max(best.hwm, r.hwm) };
  }
  return best;
}

/** `unit` repeated to `bytes` of UTF-8, no line break. */
function dense(unit, bytes) {
  const n = Math.ceil(bytes / Buffer.byteLength(unit));
  return unit.repeat(n);
}

const mbOf = (b) => `${(b / 1e6).toFixed(0)} MB`;

function verdict(ok) {
  return ok ? 'PASS' : 'FAIL';
}

/** The rows of --format json over a generated workspace of `files` digests. */
async function filesRow(ctx, files, outFile, runs) {
  const dir = workspace(ctx, files);
  const r = await measure(ctx, ['scan', '--format', 'json', dir], outFile, runs);
  return r;
}

export async function run(ctx) {
  const runs = ctx.quick ? 1 : 2;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'digest-lens-density-'));
  const outFile = path.join(tmp, 'out.json');
  const rows = [];
  try {
    const empty = path.join(tmp, 'empty.txt');
    writeFileSync(empty, '');
    const start = await measure(ctx, ['scan', '--format', 'json', empty], outFile, 3);
    rows.push({ figure: 'density: start-up, scan --format json of one empty file', budget: 'info', measured: `${start.ms.toFixed(0)} ms, ${mbOf(start.hwm)} peak RSS`, verdict: 'info', value: start.ms, unit: 'ms' });

    const inputs = [
      { label: 'one company (腾讯投资了腾讯音乐。, no line break)', unit: '腾讯投资了腾讯音乐。', seconds: BUDGET.companySeconds, rss: BUDGET.companyRss },
      { label: 'money (HK$4.19B / $538M )', unit: 'HK$4.19B / $538M ', seconds: BUDGET.moneySeconds, rss: BUDGET.moneyRss },
    ];
    for (const input of inputs) {
      const at = {};
      for (const size of [1, 4]) {
        const file = path.join(tmp, `dense-${size}.txt`);
        writeFileSync(file, dense(input.unit, size * MB));
        at[size] = await measure(ctx, ['scan', '--format', 'json', '--max-bytes', String(8 * MB), file], outFile, runs);
        rmSync(file, { force: true });
      }
      const big = at[4];
      const s = big.ms / 1000;
      const ok = s <= input.seconds && big.hwm <= input.rss;
      rows.push({
        figure: `density: 4 MB dense with ${input.label}, --format json`,
        budget: `≤ ${input.seconds} s, ≤ ${mbOf(input.rss)}`,
        measured: `${s.toFixed(2)} s, ${mbOf(big.hwm)} peak RSS, ${mbOf(big.bytes)} of output (1 MB: ${(at[1].ms / 1000).toFixed(2)} s, ${mbOf(at[1].hwm)}, ${mbOf(at[1].bytes)})`,
        verdict: verdict(ok),
        value: s,
        unit: 's',
      });
      const perMb = (r) => Math.max(1, r.ms - start.ms) / (r === big ? 4 : 1);
      const t = perMb(big) / perMb(at[1]);
      const m = Math.max(1, big.hwm - start.hwm) / Math.max(1, at[1].hwm - start.hwm);
      rows.push({
        figure: `density: ${input.label}, 1 → 4 MB: time per MB ratio; memory over start-up ratio`,
        budget: `≤ ${BUDGET.perMbRatio}×; ≤ ${BUDGET.rssGrowth}×`,
        measured: `${t.toFixed(2)}×; ${m.toFixed(2)}×`,
        verdict: verdict(t <= BUDGET.perMbRatio && m <= BUDGET.rssGrowth),
        value: t,
        unit: 'ratio',
      });
    }

    const files = ctx.quick ? 1000 : 10_000;
    const r = await filesRow(ctx, files, outFile, runs);
    rows.push({
      figure: `density: scan --format json of ${files.toLocaleString('en')} generated files`,
      budget: `≤ ${mbOf(BUDGET.filesRss)}`,
      measured: `${(r.ms / 1000).toFixed(2)} s, ${mbOf(r.hwm)} peak RSS, ${mbOf(r.bytes)} of output`,
      verdict: verdict(r.hwm <= BUDGET.filesRss),
      value: r.hwm,
      unit: 'bytes',
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}

/** The opt-in case `density100k`: --format json over 100,000 generated files beside 10,000. */
export async function runHundredThousand(ctx) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'digest-lens-density-'));
  const outFile = path.join(tmp, 'out.json');
  try {
    const small = await filesRow(ctx, 10_000, outFile, 1);
    const large = await filesRow(ctx, 100_000, outFile, 1);
    const ratio = large.hwm / small.hwm;
    const row = (n, r) => ({ figure: `density: scan --format json of ${n.toLocaleString('en')} generated files`, budget: 'info', measured: `${(r.ms / 1000).toFixed(1)} s, ${mbOf(r.hwm)} peak RSS, ${mbOf(r.bytes)} of output`, verdict: 'info', value: r.hwm, unit: 'bytes' });
    return [
      row(10_000, small),
      row(100_000, large),
      { figure: 'density: --format json, peak RSS of 100,000 files / 10,000', budget: `flat, ≤ ${BUDGET.filesRatio}×`, measured: `${ratio.toFixed(2)}×`, verdict: verdict(ratio <= BUDGET.filesRatio), value: ratio, unit: 'ratio' },
    ];
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
