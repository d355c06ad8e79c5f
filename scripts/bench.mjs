#!/usr/bin/env node
// Performance benchmarks against the quality budgets of ARCHITECTURE.md ("Invariants").
//
//   node --expose-gc scripts/bench.mjs [--quick] [--json] [--case NAME]... [--src DIR]
//
// Each case lives in scripts/bench/<name>.mjs and exports
//   `name`, `description` and `async run(ctx)` returning rows
//   { figure, budget, measured, verdict: 'PASS'|'FAIL'|'info'|'ERROR', value, unit }.
// Cases run in the order of CASES, in this one thread; a case can read what an earlier
// one left in ctx.metrics (the peer case divides by the analysis throughput).
// To add a benchmark, write a case file and add its name to CASES (or to OPT_IN, for a case
// run only when named with --case).
//
// --quick uses smaller sizes, --json prints the rows as JSON on stdout (progress goes to
// stderr either way), --src points at another analysis folder (default server/src/analysis).
// Exit status: 0, or 1 when a case could not run (its rows say ERROR).
import { existsSync, readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchDataOptions } from './lib/benchBundle.mjs';

const CASES = ['startup', 'analysis', 'peer', 'edit', 'scale', 'views', 'adversarial', 'cli', 'growth', 'density', 'userFiles', 'rates', 'completion'];
/** Cases run only when named with --case (too long for every run). */
const OPT_IN = ['density100k'];

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.DIGEST_LENS_SHARED
  ? path.resolve(process.env.DIGEST_LENS_SHARED)
  : path.resolve(repoRoot, '..', 'shared');

const USAGE = 'usage: node --expose-gc scripts/bench.mjs [--quick] [--json] [--case NAME]... [--src DIR]';

function parseArgs(argv) {
  const opts = { quick: false, json: false, cases: [], src: path.join(repoRoot, 'server', 'src', 'analysis') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') opts.quick = true;
    else if (a === '--json') opts.json = true;
    else if (a === '--case' && argv[i + 1]) opts.cases.push(argv[++i]);
    else if (a === '--src' && argv[i + 1]) opts.src = path.resolve(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log(`${USAGE}\ncases: ${CASES.join(', ')}; only when named: ${OPT_IN.join(', ')}`);
      process.exit(0);
    } else {
      console.error(`bench: unknown argument ${a}\n${USAGE}`);
      process.exit(2);
    }
  }
  for (const c of opts.cases) {
    if (!CASES.includes(c) && !OPT_IN.includes(c)) {
      console.error(`bench: unknown case ${c} (cases: ${[...CASES, ...OPT_IN].join(', ')})`);
      process.exit(2);
    }
  }
  return opts;
}

/** Peak resident set size, sampled by the cases inside their loops and by a timer. */
const memory = { peakRss: process.memoryUsage.rss() };
function sampleMemory() {
  const rss = process.memoryUsage.rss();
  if (rss > memory.peakRss) memory.peakRss = rss;
}

/** Forces a full collection when node runs with --expose-gc; returns whether it could. */
function collectGarbage() {
  if (typeof globalThis.gc !== 'function') return false;
  globalThis.gc();
  globalThis.gc();
  return true;
}

function readSeeds() {
  const dir = path.join(shared, 'seeds');
  if (!existsSync(dir)) throw new Error(`no seeds at ${dir} (set DIGEST_LENS_SHARED)`);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => {
      const text = readFileSync(path.join(dir, name), 'utf8');
      return { name, text, bytes: Buffer.byteLength(text, 'utf8') };
    });
}

let analysisModule = null;

/**
 * Bundles the analysis (analyse.ts plus the separately timed parts that exist) with
 * esbuild into .bench/analysis.cjs and loads it. Parts are exposed as namespaces
 * (`money`, `entities`, `themes`, `text`, `gazetteer`, `date`, `sections`), so a missing export is simply
 * undefined; a missing file is left out.
 */
async function loadAnalysis(src) {
  if (analysisModule) return analysisModule;
  const esbuild = await import('esbuild');
  const rel = (p) => './' + path.relative(repoRoot, p).split(path.sep).join('/');
  const entry = path.join(src, 'analyse.ts');
  if (!existsSync(entry)) throw new Error(`${entry} not found`);
  const lines = [`export { analyse } from ${JSON.stringify(rel(entry))};`];
  const parts = {};
  for (const part of ['money', 'entities', 'themes', 'text', 'gazetteer', 'date', 'sections', 'facts']) {
    const file = existsSync(path.join(src, part, 'index.ts')) ? path.join(src, part, 'index.ts') : path.join(src, `${part}.ts`);
    if (existsSync(file)) {
      lines.push(`export * as ${part} from ${JSON.stringify(rel(file))};`);
      parts[part] = true;
    }
  }
  const outdir = path.join(repoRoot, '.bench');
  mkdirSync(outdir, { recursive: true });
  const outfile = path.join(outdir, 'analysis.cjs');
  await esbuild.build({
    stdin: { contents: lines.join('\n'), resolveDir: repoRoot, sourcefile: 'bench-entry.ts', loader: 'ts' },
    bundle: true,
    outfile,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    ...benchDataOptions(repoRoot),
    logLevel: 'silent',
    legalComments: 'none',
  });
  // Stop esbuild's helper process so nothing else runs while the cases measure.
  await esbuild.stop?.();
  const require = createRequire(import.meta.url);
  delete require.cache[outfile];
  analysisModule = require(outfile);
  return analysisModule;
}

// ---------------------------------------------------------------- output

function table(rows) {
  const header = ['figure', 'budget', 'measured', 'verdict'];
  const cells = rows.map((r) => [r.figure, r.budget ?? '—', r.measured ?? '—', r.verdict]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => String(c[i]).length)));
  const line = (c) => c.map((x, i) => String(x).padEnd(widths[i])).join(' | ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n');
}

function formatMB(bytes) {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const log = (msg) => process.stderr.write(`bench: ${msg}\n`);
  const timer = setInterval(sampleMemory, 50);
  timer.unref();
  const ctx = {
    repoRoot,
    shared,
    quick: opts.quick,
    src: opts.src,
    seeds: readSeeds(),
    metrics: {},
    log,
    sampleMemory,
    collectGarbage,
    loadAnalysis: () => loadAnalysis(opts.src),
  };
  const started = performance.now();
  const rows = [];
  let failed = false;
  for (const name of opts.cases.length ? [...CASES, ...OPT_IN].filter((c) => opts.cases.includes(c)) : CASES) {
    const mod = await import(pathToFileURL(path.join(repoRoot, 'scripts', 'bench', `${name}.mjs`)).href);
    log(`${name}: ${mod.description ?? ''}`);
    try {
      const caseRows = await mod.run(ctx);
      rows.push(...caseRows.map((r) => ({ case: name, ...r })));
      if (caseRows.some((r) => r.verdict === 'ERROR')) failed = true;
    } catch (e) {
      failed = true;
      log(`${name} failed: ${e.stack ?? e}`);
      rows.push({ case: name, figure: `${name} case`, budget: null, measured: `error: ${String(e.message ?? e).split('\n')[0]}`, verdict: 'ERROR', value: null, unit: null });
    }
  }
  sampleMemory();
  const gcOk = collectGarbage();
  const heapAfterGc = process.memoryUsage().heapUsed;
  rows.push({ case: 'memory', figure: 'peak RSS (sampled)', budget: null, measured: formatMB(memory.peakRss), verdict: 'info', value: memory.peakRss, unit: 'bytes' });
  rows.push({
    case: 'memory',
    figure: 'heap used after GC',
    budget: null,
    measured: gcOk ? formatMB(heapAfterGc) : `${formatMB(heapAfterGc)} (no --expose-gc, not collected)`,
    verdict: 'info',
    value: heapAfterGc,
    unit: 'bytes',
  });
  const seconds = (performance.now() - started) / 1000;
  const meta = {
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism?.() ?? os.cpus().length,
    quick: opts.quick,
    seconds: Number(seconds.toFixed(1)),
    date: new Date().toISOString(),
  };
  if (opts.json) {
    console.log(JSON.stringify({ meta, metrics: ctx.metrics, rows }, null, 2));
  } else {
    console.log(`Digest Lens bench${opts.quick ? ' (quick)' : ''}: node ${meta.node}, ${meta.cpu}, ${meta.cores} cores, single thread, ${meta.seconds} s`);
    console.log('');
    console.log(table(rows));
  }
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
