// Throughput on hostile input, through analyse() and through the CLI end to end: long runs
// of what the scanners stop at (digits and separators, every Chinese scale, currency signs
// and words, brackets, full-width digits, every dash, a company name over and over), text
// that is valid but unusual (lone surrogates, right-to-left controls, combining marks,
// zero-width characters, emoji, mixed scripts, full-width forms, very many short lines) and
// a single line of seed text with no newline (scripts/lib/hostileInputs.mjs lists them).
// Each must keep a floor of 10 MB/s and at least a third of the speed on ordinary text: a
// superlinear path (a window rescanned from every anchor, a backtracking regex, every pair
// of figures compared) shows up here as a collapse, not as a few percent.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hostileInputs, runOf } from '../lib/hostileInputs.mjs';

export const name = 'adversarial';
export const description = 'analyse() and the CLI on 1 MB runs of hostile text and a 10 MB single line (2 MB quick); floor 10 MB/s and a third of ordinary text';

/** Floor for every hostile input (issue 13). */
const FLOOR_MBPS = 10;
const MB = 1e6;
/** Size of each hostile input through the CLI (half with --quick). */
const CLI_MB = 4;

/** The hostile inputs, with the label printed for each. */
function inputs(ctx) {
  const list = hostileInputs(ctx.seeds, 1 * MB).filter(([label]) => label !== 'one very long line of seed text');
  const size = ctx.quick ? 2 : 10;
  const line = hostileInputs(ctx.seeds, 1).find(([label]) => label === 'one very long line of seed text')[1];
  return [...list, [`${size} MB single line of seed text`, runOf(line, size * MB)]];
}

/**
 * Speed on ordinary text as the analysis case measured it, or measured here on the seeds
 * (one document per seed, 1 MB in all) when that case did not run.
 */
function ordinarySpeed(ctx, mod) {
  if (ctx.metrics.analysisMBps) return ctx.metrics.analysisMBps;
  const docs = [];
  for (let bytes = 0, k = 0; bytes < MB; k++) {
    const seed = ctx.seeds[k % ctx.seeds.length];
    docs.push(seed.text + ' '.repeat(k));
    bytes += seed.bytes + k;
  }
  for (let t0 = performance.now(); performance.now() - t0 < 1500; ) for (const d of docs) mod.analyse(d);
  let best = Infinity;
  for (let p = 0; p < 3; p++) {
    const t0 = performance.now();
    for (const d of docs) mod.analyse(d);
    best = Math.min(best, performance.now() - t0);
  }
  const bytes = docs.reduce((s, d) => s + Buffer.byteLength(d, 'utf8'), 0);
  return bytes / MB / (best / 1000);
}

/** Milliseconds of one `digest-lens scan --format json FILE` with its output thrown away, best of `runs`. */
function timeCli(ctx, file, runs) {
  const cli = path.join(ctx.repoRoot, 'dist', 'cli.js');
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const res = spawnSync(process.execPath, [cli, 'scan', '--format', 'json', '--max-bytes', String(64 * MB), file], { stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = performance.now() - t0;
    if (res.status !== 0) throw new Error(`cli exited ${res.status}: ${String(res.stderr).split('\n')[0]}`);
    best = Math.min(best, ms);
  }
  return best;
}

/**
 * Where one analysis of `text` spends its time, part by part, for a row that fails: the
 * three largest shares ("facts 58%, figures 21%, mentions 12%"), or '' when the bundle does
 * not expose the parts. The parts are called as analyse() calls them, timed once each.
 */
function partShares(mod, text) {
  const { text: fold, money, entities, gazetteer, facts, themes, date, sections } = mod;
  if (!fold?.foldDocument || !money?.findFigures || !entities?.findMentions || !gazetteer?.builtinGazetteer || !facts?.attachFacts || !themes?.findThemes || !date?.findDate || !sections?.findSections) return '';
  const gaz = gazetteer.builtinGazetteer();
  const taxonomy = themes.builtinTaxonomy();
  const times = {};
  const timed = (part, f) => {
    const t0 = performance.now();
    const out = f();
    times[part] = performance.now() - t0;
    return out;
  };
  const { folded, traditional } = timed('fold', () => fold.foldDocument(text));
  const figures = timed('figures', () => money.findFigures(text, folded, { traditional }));
  const mentions = timed('mentions', () => entities.findMentions(text, folded, gaz, figures));
  timed('facts', () => facts.attachFacts(text, folded, figures, mentions, (id) => gaz.get(id)?.sector));
  timed('themes', () => themes.findThemes(text, folded, taxonomy));
  timed('date', () => date.findDate(text));
  timed('sections', () => sections.findSections(text));
  const total = Object.values(times).reduce((a, b) => a + b, 0);
  return Object.entries(times)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([part, ms]) => `${part} ${((ms / total) * 100).toFixed(0)}%`)
    .join(', ');
}

export async function run(ctx) {
  let mod;
  try {
    mod = await ctx.loadAnalysis();
  } catch (e) {
    return [{ figure: 'adversarial inputs', budget: `≥ ${FLOOR_MBPS} MB/s`, measured: `build error: ${String(e.message ?? e).split('\n')[0]}`, verdict: 'ERROR', value: null, unit: 'MB/s' }];
  }
  const ordinary = ordinarySpeed(ctx, mod);
  const floor = Math.max(FLOOR_MBPS, ordinary / 3);
  const budget = `≥ ${floor.toFixed(1)} MB/s`;
  ctx.log(`adversarial: ordinary text ${ordinary.toFixed(1)} MB/s, floor ${floor.toFixed(1)} MB/s (the larger of ${FLOOR_MBPS} and a third of it)`);
  const rows = [];
  const cliRows = [];
  const passes = ctx.quick ? 2 : 3;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'digest-lens-adversarial-'));
  try {
    // The CLI's start-up, timed on an empty note, is taken off each input's time for the
    // "net" figure: start-up has its own budget, the floor is about reading the text.
    const empty = path.join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const startups = [];
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
        rows.push({ figure: `adversarial: ${label}`, budget, measured: `threw: ${String(e.message ?? e).split('\n')[0]}`, verdict: 'ERROR', value: null, unit: 'MB/s' });
        continue;
      }
      const speed = bytes / MB / (best / 1000);
      ctx.log(`adversarial ${label}: ${speed.toFixed(1)} MB/s (${(bytes / MB).toFixed(1)} MB in ${best.toFixed(0)} ms, ${figures} figures, ${mentions} mentions)`);
      // A row that fails says which parts of the analysis take its time.
      const shares = speed < floor ? partShares(mod, text) : '';
      rows.push({
        figure: `adversarial: ${label} (${(bytes / MB).toFixed(0)} MB)`,
        budget,
        measured: `${speed.toFixed(1)} MB/s (${best.toFixed(0)} ms; ${figures} figures, ${mentions} mentions; ${((speed / ordinary) * 100).toFixed(0)}% of ordinary${shares ? `; ${shares}` : ''})`,
        verdict: speed >= floor ? 'PASS' : 'FAIL',
        value: speed,
        unit: 'MB/s',
      });
      // The same text through the CLI, JSON written to nowhere: reading, analysis and output.
      // Repeated to CLI_MB so that the process's start-up (timed on an empty note, alternating
      // with the input, best of each) is a small part of the time taken off.
      const file = path.join(dir, 'hostile.txt');
      const cliText = runOf(text, (ctx.quick ? CLI_MB / 2 : CLI_MB) * MB);
      const cliBytes = Buffer.byteLength(cliText, 'utf8');
      writeFileSync(file, cliText);
      try {
        let ms = Infinity;
        let startupMs = Infinity;
        for (let r = 0; r < (ctx.quick ? 1 : 2); r++) {
          startupMs = Math.min(startupMs, timeCli(ctx, empty, 1));
          ms = Math.min(ms, timeCli(ctx, file, 1));
        }
        startups.push(startupMs);
        const e2e = cliBytes / MB / (ms / 1000);
        const netMs = ms - startupMs;
        const net = netMs > 0 ? cliBytes / MB / (netMs / 1000) : null;
        cliRows.push({
          figure: `adversarial CLI: ${label} (${(cliBytes / MB).toFixed(0)} MB)`,
          budget: `≥ ${FLOOR_MBPS} MB/s net`,
          measured: (net === null ? 'within the noise of start-up' : `${net.toFixed(1)} MB/s net of start-up`) + ` (${e2e.toFixed(1)} MB/s end to end, ${ms.toFixed(0)} ms)`,
          verdict: net !== null && net >= FLOOR_MBPS ? 'PASS' : 'FAIL',
          value: net,
          unit: 'MB/s',
        });
      } catch (e) {
        cliRows.push({ figure: `adversarial CLI: ${label}`, budget: `≥ ${FLOOR_MBPS} MB/s net`, measured: `failed: ${String(e.message ?? e).split('\n')[0]}`, verdict: 'ERROR', value: null, unit: 'MB/s' });
      }
    }
    const startupMs = Math.min(...startups);
    cliRows.unshift({ figure: 'adversarial CLI: start-up on an empty note (best)', budget: null, measured: `${startupMs.toFixed(0)} ms (worst ${Math.max(...startups).toFixed(0)} ms)`, verdict: 'info', value: startupMs, unit: 'ms' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return [...rows, ...cliRows];
}
