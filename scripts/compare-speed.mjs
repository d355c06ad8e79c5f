#!/usr/bin/env node
// Side-by-side speed of two versions of the analysis, robust on a noisy machine.
//
//   node scripts/compare-speed.mjs --against DIR [--src DIR] [--rounds N] [--part analyse|figures|mentions]
//
// DIR is another checkout's server/src/analysis (for instance a `git worktree` of an older
// commit). Both are bundled with esbuild, loaded into this one process, and run on the
// seeds (../shared/seeds) cut into seed-sized documents, about 2 MB per round. Within a
// round every document is analysed by both versions back to back, in alternating order, so
// that a slow moment of the machine falls on both; the result is the median over rounds of
// (time of --src) / (time of --against). An A/A run reads 1.00 ± 0.03 on our 2-core machine.
// Run it alone (`flock /tmp/bench.lock …` when others may benchmark too).
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchDataOptions } from './lib/benchBundle.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: node scripts/compare-speed.mjs --against DIR [--src DIR] [--rounds N] [--part analyse|figures|mentions]';

function parseArgs(argv) {
  const o = { src: path.join(repoRoot, 'server', 'src', 'analysis'), against: null, rounds: 9, part: 'analyse' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--src' && v) { o.src = path.resolve(v); i++; }
    else if (a === '--against' && v) { o.against = path.resolve(v); i++; }
    else if (a === '--rounds' && v && Number(v) >= 1) { o.rounds = Math.floor(Number(v)); i++; }
    else if (a === '--part' && ['analyse', 'figures', 'mentions'].includes(v)) { o.part = v; i++; }
    else { console.error(`compare-speed: bad argument ${a}\n${USAGE}`); process.exit(2); }
  }
  if (!o.against) { console.error(USAGE); process.exit(2); }
  for (const dir of [o.src, o.against]) {
    if (!existsSync(path.join(dir, 'analyse.ts'))) { console.error(`compare-speed: ${dir} has no analyse.ts`); process.exit(2); }
  }
  return o;
}

/** Bundles one analysis folder into .bench/<name>.cjs and loads it. */
async function load(dir, name) {
  const esbuild = await import('esbuild');
  const rel = (p) => './' + path.relative(repoRoot, p).split(path.sep).join('/');
  const lines = [`export { analyse } from ${JSON.stringify(rel(path.join(dir, 'analyse.ts')))};`];
  for (const part of ['money', 'entities', 'text', 'gazetteer']) lines.push(`export * as ${part} from ${JSON.stringify(rel(path.join(dir, `${part}.ts`)))};`);
  const outdir = path.join(repoRoot, '.bench');
  mkdirSync(outdir, { recursive: true });
  const outfile = path.join(outdir, `${name}.cjs`);
  await esbuild.build({
    stdin: { contents: lines.join('\n'), resolveDir: repoRoot, sourcefile: `${name}-entry.ts`, loader: 'ts' },
    bundle: true, outfile, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error', ...benchDataOptions(repoRoot),
  });
  return createRequire(import.meta.url)(outfile);
}

function seedsDocuments() {
  const dir = process.env.DIGEST_LENS_SHARED ? path.join(process.env.DIGEST_LENS_SHARED, 'seeds') : path.join(repoRoot, '..', 'shared', 'seeds');
  if (!existsSync(dir)) { console.error(`compare-speed: no seeds at ${dir} (set DIGEST_LENS_SHARED)`); process.exit(1); }
  const seeds = readdirSync(dir).sort().map((f) => readFileSync(path.join(dir, f), 'utf8'));
  const docs = [];
  let bytes = 0;
  // Each copy differs by its trailing spaces: no cache keyed by text can answer.
  for (let copy = 0; bytes < 2e6; copy++) for (const s of seeds) { const t = s + '\n' + ' '.repeat(copy); docs.push(t); bytes += Buffer.byteLength(t); }
  return docs;
}

/** One call of the part measured, with its inputs prepared outside the timing. */
function runner(mod, part, docs) {
  if (part === 'analyse') return docs.map((d) => () => mod.analyse(d));
  const g = mod.gazetteer.builtinGazetteer();
  return docs.map((d) => {
    const { folded, traditional } = mod.text.foldDocument(d);
    if (part === 'figures') return () => mod.money.findFigures(d, folded, { traditional });
    const figures = mod.money.findFigures(d, folded, { traditional });
    return () => mod.entities.findMentions(d, folded, g, figures);
  });
}

const opts = parseArgs(process.argv.slice(2));
const [a, b] = [await load(opts.src, 'compare-src'), await load(opts.against, 'compare-against')];
const docs = seedsDocuments();
const ra = runner(a, opts.part, docs);
const rb = runner(b, opts.part, docs);
const ratios = [];
const warmUp = 3;
for (let r = 0; r < opts.rounds + warmUp; r++) {
  let ta = 0n;
  let tb = 0n;
  for (let i = 0; i < docs.length; i++) {
    const first = i & 1 ? ra : rb;
    const second = i & 1 ? rb : ra;
    let t = process.hrtime.bigint();
    first[i]();
    const t1 = process.hrtime.bigint() - t;
    t = process.hrtime.bigint();
    second[i]();
    const t2 = process.hrtime.bigint() - t;
    if (i & 1) { ta += t1; tb += t2; } else { tb += t1; ta += t2; }
  }
  if (r >= warmUp) ratios.push(Number(ta) / Number(tb));
}
ratios.sort((x, y) => x - y);
const median = ratios[ratios.length >> 1];
console.log(`${opts.part}: time of --src / time of --against = ${median.toFixed(3)} (median of ${opts.rounds} rounds; range ${ratios[0].toFixed(3)}–${ratios[ratios.length - 1].toFixed(3)})`);
console.log(`throughput of --src = ${(1 / median).toFixed(3)} × that of --against`);
