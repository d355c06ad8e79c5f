// Throughput of a general-purpose recogniser on the same text, for scale: the currency
// model of @microsoft/recognizers-text-number-with-unit, Chinese and English culture.
// It is slow (and worse than linear in the input length: a 30 kB seed takes minutes), so
// it gets the seeds line by line, interleaved across seeds, until a time box runs out;
// the box is checked between lines and the longest line takes ~4 s, so it can overrun.
import { createRequire } from 'node:module';

export const name = 'peer';
export const description = 'recognizers-text currency models (zh + en) on seed lines, time-boxed; ratio to analyse()';

/** Budget of ARCHITECTURE.md ("Invariants"): "thousands of times ahead of general recognisers". */
const BUDGET_RATIO = 5000;

/** Non-blank lines of the seeds, taken in turn from each seed so the sample mixes them. */
function interleavedLines(seeds) {
  const perSeed = seeds.map((s) => s.text.split(/\r?\n/).filter((l) => l.trim() !== ''));
  const lines = [];
  for (let i = 0; perSeed.some((ls) => i < ls.length); i++) {
    for (const ls of perSeed) if (i < ls.length) lines.push(ls[i]);
  }
  return lines;
}

export async function run(ctx) {
  const budgetMs = (ctx.quick ? 5 : 15) * 1000;
  const require = createRequire(import.meta.url);
  let R;
  try {
    R = require('@microsoft/recognizers-text-number-with-unit');
  } catch (e) {
    return [{ figure: 'ratio analysis / peer', budget: `≥ ${BUDGET_RATIO}×`, measured: `peer not installed: ${e.message}`, verdict: 'ERROR', value: null, unit: '×' }];
  }
  // The models are built once, outside the timing, which is the peer's best case:
  // recognizeCurrency(text, culture) would build a new recogniser on every call.
  const Recognizer = R.NumberWithUnitRecognizer ?? R.default;
  const models = [R.Culture.Chinese, R.Culture.English].map((c) => new Recognizer(c).getCurrencyModel());
  for (const m of models) m.parse('最高约41.9亿港元(5.38亿美元), up to HK$4.19B / $538M');

  const lines = interleavedLines(ctx.seeds);
  let bytes = 0;
  let found = 0;
  let done = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < budgetMs) {
    const line = lines[done % lines.length];
    for (const m of models) found += m.parse(line).length;
    bytes += Buffer.byteLength(line, 'utf8');
    done++;
    ctx.sampleMemory();
  }
  const ms = performance.now() - t0;
  const peer = bytes / 1e6 / (ms / 1000);
  ctx.metrics.peerMBps = peer;
  ctx.log(`peer: ${(bytes / 1000).toFixed(1)} kB (${done} lines, ${found} currency results) in ${(ms / 1000).toFixed(1)} s`);

  const rows = [{
    figure: 'peer: recognizers-text currency zh+en (MB/s)',
    budget: null,
    measured: `${peer.toFixed(4)} MB/s (${(bytes / 1000).toFixed(1)} kB in ${(ms / 1000).toFixed(1)} s)`,
    verdict: 'info',
    value: peer,
    unit: 'MB/s',
  }];
  const ours = ctx.metrics.analysisMBps;
  if (typeof ours !== 'number') {
    rows.push({ figure: 'ratio analysis / peer', budget: `≥ ${BUDGET_RATIO}×`, measured: 'n/a (the analysis case did not run or failed)', verdict: 'info', value: null, unit: '×' });
  } else {
    const ratio = ours / peer;
    ctx.metrics.peerRatio = ratio;
    rows.push({
      figure: 'ratio analysis / peer',
      budget: `≥ ${BUDGET_RATIO}×`,
      measured: `${Math.round(ratio).toLocaleString('en-US')}×`,
      verdict: ratio >= BUDGET_RATIO ? 'PASS' : 'FAIL',
      value: ratio,
      unit: '×',
    });
  }
  return rows;
}
