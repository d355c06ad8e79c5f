// Throughput of analyse() on hostile input: long runs of what the scanners stop at (digits
// and separators, Chinese scales, currency signs, brackets, full-width digits, every dash,
// a company name over and over) and a 10 MB single line of seed text with no newline. Each
// must keep a floor of 5 MB/s: a superlinear path (a window that is rescanned from every
// anchor, a backtracking regex) shows up here as a collapse, not as a few percent.

export const name = 'adversarial';
export const description = 'analyse() steady-state throughput on 1 MB runs of hostile text and a 10 MB single line (2 MB quick)';

/** Floor for every hostile input: a tenth of the 50 MB/s budget on ordinary text. */
const BUDGET_MBPS = 5;
const MB = 1e6;

/** Repeats `unit` until the UTF-8 size reaches `bytes`. */
function runOf(unit, bytes) {
  const unitBytes = Buffer.byteLength(unit, 'utf8');
  return unit.repeat(Math.ceil(bytes / unitBytes));
}

/** The seeds on one line: every line break turned into a space, repeated to `bytes`. */
function singleLine(seeds, bytes) {
  const joined = seeds.map((s) => s.text.replace(/\r\n|[\r\n]/g, ' ')).join(' ');
  return runOf(joined + ' ', bytes);
}

/** The hostile inputs, with the label printed for each. */
function inputs(ctx) {
  const run = 1 * MB;
  return [
    ['"1,1,1,…" digits and commas', runOf('1,', run)],
    ['"亿亿亿…" Chinese scale', runOf('亿', run)],
    ['"$$$…" currency signs', runOf('$', run)],
    ['"((((…" brackets', runOf('(', run)],
    ['"１２３，…" full-width digits', runOf('１２３，', run)],
    ['"1-2–3—4―5~6…" every dash', runOf('1-2–3—4―5~6〜7至8−9', run)],
    ['"腾讯腾讯…" one company', runOf('腾讯', run)],
    ['"约数十亿至上百亿美元…" hedges and vague scales', runOf('约数十亿至上百亿美元', run)],
    ['"HK$1.2B-HK$…" prefixed range ends', runOf('HK$1.2B-', run)],
    [`${ctx.quick ? 2 : 10} MB single line of seed text`, singleLine(ctx.seeds, (ctx.quick ? 2 : 10) * MB)],
  ];
}

export async function run(ctx) {
  let mod;
  try {
    mod = await ctx.loadAnalysis();
  } catch (e) {
    return [{ figure: 'adversarial inputs', budget: `≥ ${BUDGET_MBPS} MB/s`, measured: `build error: ${String(e.message ?? e).split('\n')[0]}`, verdict: 'ERROR', value: null, unit: 'MB/s' }];
  }
  const rows = [];
  const passes = ctx.quick ? 2 : 3;
  for (const [label, text] of inputs(ctx)) {
    const bytes = Buffer.byteLength(text, 'utf8');
    let best = Infinity;
    let figures = 0;
    let mentions = 0;
    try {
      // Warm-up on a 64 KB slice of the same input: the rows are steady-state throughput, as in
      // the analysis case (V8 optimises each path only after it has run for a while).
      const slice = text.slice(0, 65_536);
      for (let t0 = performance.now(); performance.now() - t0 < (ctx.quick ? 200 : 500); ) mod.analyse(slice);
      for (let p = 0; p < passes; p++) {
        ctx.collectGarbage();
        const t0 = performance.now();
        const a = mod.analyse(text);
        const ms = performance.now() - t0;
        ctx.sampleMemory();
        best = Math.min(best, ms);
        figures = a.figures.length;
        mentions = a.mentions.length;
        // One pass is enough when it is already far too slow: the verdict will not change.
        if (ms > 20_000) break;
      }
    } catch (e) {
      rows.push({ figure: `adversarial: ${label}`, budget: `≥ ${BUDGET_MBPS} MB/s`, measured: `threw: ${String(e.message ?? e).split('\n')[0]}`, verdict: 'ERROR', value: null, unit: 'MB/s' });
      continue;
    }
    const speed = bytes / MB / (best / 1000);
    ctx.log(`adversarial ${label}: ${speed.toFixed(1)} MB/s (${(bytes / MB).toFixed(1)} MB in ${best.toFixed(0)} ms, ${figures} figures, ${mentions} mentions)`);
    rows.push({
      figure: `adversarial: ${label} (${(bytes / MB).toFixed(0)} MB)`,
      budget: `≥ ${BUDGET_MBPS} MB/s`,
      measured: `${speed.toFixed(1)} MB/s (${best.toFixed(0)} ms; ${figures} figures, ${mentions} mentions)`,
      verdict: speed >= BUDGET_MBPS ? 'PASS' : 'FAIL',
      value: speed,
      unit: 'MB/s',
    });
  }
  return rows;
}
