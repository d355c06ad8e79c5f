// The growth curve: how time and memory of `digest-lens scan --format jsonl` (the CLI end
// to end, output to /dev/null) grow with the amount of text and the number of files.
//   text:  copies of the seeds adding up to 1, 10 and 100 MB (.bench/cli-text-*);
//   files: generated workspaces of 1,000 and 10,000 digests (.bench/ws-N, shared with the
//          scale case), and 100,000 (about 1 GB to write and scan, several minutes) only
//          with DIGEST_LENS_BENCH_FULL=1.
// --quick uses 1, 3 and 10 MB and leaves out 10,000 files. Each row gives wall time,
// time per MB (start-up taken off: the time of a scan of one empty file) and peak RSS.
// Linear means: time per MB at the largest size within 1.5× of the size ten times smaller,
// and peak RSS of the largest within 1.25× of that smaller one (jsonl keeps nothing).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fastest, seedCopies } from './cli.mjs';
import { workspace } from './scale.mjs';

export const name = 'growth';
export const description = 'growth curve of scan --format jsonl: time and peak memory for 1/10/100 MB of text and 1,000/10,000(/100,000) files';

const BUDGET = { perMbRatio: 1.5, rssRatio: 1.25 };
const MB = 1024 * 1024;

function totalBytes(dir) {
  try {
    return JSON.parse(readFileSync(path.join(dir, '.gen-workspace.json'), 'utf8')).bytes;
  } catch {
    return null;
  }
}

export async function run(ctx) {
  const full = process.env.DIGEST_LENS_BENCH_FULL === '1';
  const rows = [];
  const emptyFile = path.join(ctx.repoRoot, '.bench', 'cli-empty.txt');
  writeFileSync(emptyFile, '');
  const startup = await fastest(ctx, ['scan', '--format', 'jsonl', emptyFile], 2);

  /** Runs one point of a curve; returns its row and its numbers. */
  const point = async (label, dir, bytes) => {
    const r = await fastest(ctx, ['scan', '--format', 'jsonl', dir], 1, true);
    const perMb = (r.ms - startup.ms) / (bytes / 1e6);
    rows.push({
      figure: `growth: scan --format jsonl, ${label} (${(bytes / 1e6).toFixed(1)} MB)`,
      budget: 'info',
      measured: `${(r.ms / 1000).toFixed(2)} s, ${perMb.toFixed(1)} ms/MB without start-up, ${(r.hwm / 1e6).toFixed(0)} MB peak RSS`,
      verdict: 'info',
      value: perMb,
      unit: 'ms/MB',
    });
    return { ...r, perMb };
  };

  /** The linearity rows between a point and the one ten (or so) times smaller. */
  const linear = (what, small, large) => {
    const t = large.perMb / small.perMb;
    const m = large.hwm / small.hwm;
    rows.push({ figure: `growth: ${what}, time per MB, large / small`, budget: `≤ ${BUDGET.perMbRatio}×`, measured: `${t.toFixed(2)}×`, verdict: t <= BUDGET.perMbRatio ? 'PASS' : 'FAIL', value: t, unit: 'ratio' });
    rows.push({ figure: `growth: ${what}, peak RSS, large / small`, budget: `flat, ≤ ${BUDGET.rssRatio}×`, measured: `${m.toFixed(2)}×`, verdict: m <= BUDGET.rssRatio ? 'PASS' : 'FAIL', value: m, unit: 'ratio' });
  };

  const sizes = ctx.quick ? [1, 3, 10] : [1, 10, 100];
  const text = [];
  for (const s of sizes) {
    const copies = seedCopies(ctx, s * MB, `${s}mb`);
    text.push(await point(`${s} MB of seed copies`, copies.dir, copies.bytes));
  }
  linear(`text ${sizes[1]} → ${sizes[2]} MB`, text[1], text[2]);

  const counts = ctx.quick ? [1000] : full ? [1000, 10_000, 100_000] : [1000, 10_000];
  const files = [];
  for (const n of counts) {
    const dir = workspace(ctx, n);
    files.push(await point(`${n.toLocaleString('en')} generated files`, dir, totalBytes(dir) ?? n * 10_000));
  }
  if (files.length >= 2) linear(`files ${counts.at(-2).toLocaleString('en')} → ${counts.at(-1).toLocaleString('en')}`, files.at(-2), files.at(-1));
  if (!full) rows.push({ figure: 'growth: 100,000 files', budget: 'opt-in', measured: 'not run (about 1 GB; DIGEST_LENS_BENCH_FULL=1 to include it)', verdict: 'info', value: null, unit: '' });
  return rows;
}
