// The built-in daily rate history (issue 15): loading it (read dist/data/rates-daily.json.br,
// brotli, parse, decode into typed arrays; server/src/fx/dailyHistory.ts) adds at most
// 10 ms and 5 MB. Measured in fresh processes (the history is decoded once per process),
// after the monthly table is loaded, so only what the history adds is counted; the median
// of three runs is reported.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadBenchModule } from '../lib/benchBundle.mjs';

export const name = 'rates';
export const description = 'loading the daily rate history: ≤ 10 ms and ≤ 5 MB';

const BUDGET_MS = 10;
const BUDGET_MB = 5;
const MB = 1e6;
const RUNS = 3;
const HERE = fileURLToPath(import.meta.url);

const BUNDLE = `
export { rateAt } from './server/src/fx/rates';
export { dailyHistory } from './server/src/fx/dailyHistory';
`;

/** In the child: the time and memory that loading the history adds. */
async function child(bundlePath) {
  const mod = (await import(pathToFileURL(bundlePath).href)).default;
  mod.rateAt('CNY', '2024-03'); // the monthly table only: a month-only date never reads the days
  globalThis.gc?.();
  globalThis.gc?.();
  const rss0 = process.memoryUsage.rss();
  const mem0 = process.memoryUsage();
  const heap0 = mem0.heapUsed + mem0.arrayBuffers;
  const t0 = performance.now();
  const h = mod.dailyHistory();
  // A note's conversion decodes the series it needs: count CNY's and USD's partner EUR's.
  h.series('CNY');
  h.series('EUR');
  const ms = performance.now() - t0;
  globalThis.gc?.();
  const rss = (process.memoryUsage.rss() - rss0) / MB;
  // Typed arrays live outside the JS heap: count them with the heap.
  const mem = process.memoryUsage();
  const heap = (mem.heapUsed + mem.arrayBuffers - heap0) / MB;
  process.stdout.write(JSON.stringify({ ms, rss, heap, days: h.days.length, currencies: h.codes.size }));
}

export async function run(ctx) {
  await loadBenchModule(ctx.repoRoot, 'rates', BUNDLE);
  const bundlePath = path.join(ctx.repoRoot, '.bench', 'rates.cjs');
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    const res = spawnSync(process.execPath, ['--expose-gc', HERE, '--child', bundlePath], { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(String(res.stderr).trim().split('\n').pop());
    results.push(JSON.parse(res.stdout));
  }
  const median = (k) => results.map((r) => r[k]).sort((a, b) => a - b)[RUNS >> 1];
  const ms = median('ms');
  const rss = median('rss');
  const heap = median('heap');
  const mb = Math.max(rss, heap);
  const { days, currencies } = results[0];
  return [
    { figure: `load the daily rate history (${days} days × ${currencies} currencies): time`, budget: `≤ ${BUDGET_MS} ms`, measured: `${ms.toFixed(1)} ms`, verdict: ms <= BUDGET_MS ? 'PASS' : 'FAIL', value: ms, unit: 'ms' },
    { figure: 'load the daily rate history: memory (the larger of RSS and heap + buffers added)', budget: `≤ ${BUDGET_MB} MB`, measured: `${mb.toFixed(1)} MB (RSS ${rss.toFixed(1)}, heap + buffers ${heap.toFixed(1)})`, verdict: mb <= BUDGET_MB ? 'PASS' : 'FAIL', value: mb * MB, unit: 'bytes' },
  ];
}

if (process.argv[2] === '--child') await child(process.argv[3]);
