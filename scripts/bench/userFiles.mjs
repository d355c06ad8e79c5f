// Hostile entity and theme files (issue 14): each loaded through the code the server uses
// (index/analysisSetup.ts: parse, then the gazetteer and taxonomy built from the entries),
// in a fresh process whose built-in data is already loaded. Budget for each: at most 2 s
// and 100 MB of resident memory over that baseline. The five files of the probe (nesting,
// 50 MB files, one 50 MB name, 100,000 one-character themes) are refused or cut by the caps
// of server/src/analysis/userFiles/limits.ts; the files at the caps are the worst that load.
// The baseline of each row is an ordinary one-entry file of the same kind, measured first:
// any user entity makes the server rebuild the whole gazetteer (about 60 MB and most of a
// second with the built-in data alone), which is not what a hostile file adds. Time is
// budgeted whole, that rebuild included.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadBenchModule } from '../lib/benchBundle.mjs';
import { entitiesAtTheCaps, hostileUserFiles, oneCharacterThemes, themesAtTheCaps, themesEndingOneAnother } from '../lib/hostileUserFiles.mjs';

export const name = 'userFiles';
export const description = 'hostile entity and theme files through the server\'s setup code: each ≤ 2 s and ≤ 100 MB over the baseline';

const BUDGET_MS = 2000;
const BUDGET_MB = 100;
const MB = 1e6;
const HERE = fileURLToPath(import.meta.url);

const BUNDLE = `
export { analysisSetup } from './server/src/index/analysisSetup';
export { builtinGazetteer } from './server/src/analysis/gazetteer';
export { builtinTaxonomy } from './server/src/analysis/themes';
export * as limits from './server/src/analysis/userFiles/limits';
`;

/** Every file measured: [label, 'entities' | 'themes', make() → text, budgeted]. */
function files(limits) {
  return [
    ['ordinary: one entity', 'entities', () => '[{"id": "acme", "name": "Acme Holdings", "aliases": ["艾克美"]}]', false],
    ['ordinary: one theme', 'themes', () => '[{"id": "quantum", "label": "Quantum", "keywords": ["量子计算", "qubit"]}]', false],
    ...hostileUserFiles().map(([label, which, make]) => [label, which, make, true]),
    // Within the file-size cap, so every entry is read and refused one by one.
    ['20,000 themes of keywords 的 and 1 (1 MB)', 'themes', () => oneCharacterThemes(20_000), true],
    [`entities at the caps (${limits.MAX_FILE_CHARS / MB} M characters)`, 'entities', () => entitiesAtTheCaps(limits.MAX_FILE_CHARS, limits.MAX_ENTITIES), true],
    [
      `themes at the caps (${limits.MAX_THEMES} themes, ${limits.MAX_KEYWORDS_PER_FILE} keywords of ${limits.MAX_KEYWORD_CHARS} characters)`,
      'themes',
      () => themesAtTheCaps({ maxThemes: limits.MAX_THEMES, maxKeywordsPerTheme: limits.MAX_KEYWORDS_PER_THEME, maxKeywordsPerFile: limits.MAX_KEYWORDS_PER_FILE, maxKeywordChars: limits.MAX_KEYWORD_CHARS }),
      true,
    ],
    [
      `themes at the caps whose keywords end one another (a keyword of all ${limits.MAX_THEMES} themes inside every other)`,
      'themes',
      () => themesEndingOneAnother({ maxThemes: limits.MAX_THEMES, maxKeywordsPerFile: limits.MAX_KEYWORDS_PER_FILE, maxKeywordChars: limits.MAX_KEYWORD_CHARS }),
      true,
    ],
  ];
}

/** In the child: loads file `index` after the built-in data, prints {ms, mb, problems, kept}. */
async function child(bundlePath, index) {
  const mod = (await import(pathToFileURL(bundlePath).href)).default;
  const [, which, make] = files(mod.limits)[index];
  const text = make();
  mod.builtinGazetteer();
  mod.builtinTaxonomy();
  globalThis.gc?.();
  globalThis.gc?.();
  const base = process.memoryUsage.rss();
  let peak = base;
  const sample = () => (peak = Math.max(peak, process.memoryUsage.rss()));
  const timer = setInterval(sample, 5);
  const file = { uri: `file:///bench/.digestlens/${which}.json`, content: text };
  const t0 = performance.now();
  const setup = mod.analysisSetup({ entities: which === 'entities' ? [file] : [], themes: which === 'themes' ? [file] : [] });
  sample();
  void setup.gazetteer;
  sample();
  void setup.taxonomy;
  const ms = performance.now() - t0;
  sample();
  clearInterval(timer);
  const errors = [...setup.entityErrors, ...setup.themeErrors].flatMap((e) => e.errors);
  const kept = which === 'entities' ? setup.userEntities.length : setup.userThemes.length;
  process.stdout.write(JSON.stringify({ ms, mb: (peak - base) / MB, problems: errors.length, first: errors[0]?.message ?? '', kept }));
}

export async function run(ctx) {
  const mod = await loadBenchModule(ctx.repoRoot, 'userFiles', BUNDLE);
  const bundlePath = path.join(ctx.repoRoot, '.bench', 'userFiles.cjs');
  const rows = [];
  const list = files(mod.limits);
  /** Memory of the ordinary file of each kind: the floor any file of that kind costs. */
  const ordinary = {};
  for (let i = 0; i < list.length; i++) {
    const [label, which, , budgeted] = list[i];
    ctx.log(`userFiles: ${label}`);
    // A process per file: resident memory never shrinks back for the next one to measure.
    const res = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', HERE, '--child', bundlePath, String(i)], { encoding: 'utf8', maxBuffer: 16 * MB });
    if (res.status !== 0) {
      rows.push({ figure: `load ${label}`, budget: null, measured: `error: ${String(res.stderr).trim().split('\n').pop()}`, verdict: 'ERROR', value: null, unit: null });
      continue;
    }
    const r = JSON.parse(res.stdout);
    if (!budgeted) ordinary[which] = r.mb;
    const what = `${r.kept} kept, ${r.problems} problem(s)${r.first ? `: ${r.first.slice(0, 60)}` : ''}`;
    if (!budgeted) {
      rows.push({ figure: `load ${label} (${what}): time`, budget: null, measured: `${r.ms.toFixed(0)} ms`, verdict: 'info', value: r.ms, unit: 'ms' });
      rows.push({ figure: `load ${label}: memory over the built-in data alone (the baseline of its kind)`, budget: null, measured: `${r.mb.toFixed(1)} MB`, verdict: 'info', value: r.mb * MB, unit: 'bytes' });
      continue;
    }
    // A file refused at once costs less than the ordinary one (no rebuild): 0, not below.
    const over = Math.max(0, r.mb - (ordinary[which] ?? 0));
    rows.push({ figure: `load ${label} (${what}): time`, budget: `≤ ${BUDGET_MS} ms`, measured: `${r.ms.toFixed(0)} ms`, verdict: r.ms <= BUDGET_MS ? 'PASS' : 'FAIL', value: r.ms, unit: 'ms' });
    rows.push({ figure: `load ${label}: memory over the baseline (an ordinary ${which} file)`, budget: `≤ ${BUDGET_MB} MB`, measured: `${over.toFixed(1)} MB (${r.mb.toFixed(1)} MB over the built-in data alone)`, verdict: over <= BUDGET_MB ? 'PASS' : 'FAIL', value: over * MB, unit: 'bytes' });
  }
  return rows;
}

if (process.argv[2] === '--child') await child(process.argv[3], Number(process.argv[4]));
