// What an incremental analysis of open notes has to carry across paragraphs (issue 13: an
// edit of a 1 MB note reflected in 5 ms). Each seed, and all seeds as one note, is analysed
// whole and paragraph by paragraph (blocks split at blank lines, each analysed alone and
// shifted back); every figure, mention and theme hit of the whole analysis that the blocks
// do not give, or the other way round, is a result that depends on text outside its own
// paragraph, so a block cache must treat what produced it as document-level input.
//
//   npm run build && node scripts/paragraph-audit.mjs [--examples N]
//
// It prints counts, then a few examples per kind. It measures nothing and asserts nothing:
// the equality of incremental and full analysis belongs in a test.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBenchModule } from './lib/benchBundle.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.DIGEST_LENS_SHARED ?? path.join(repoRoot, '..', 'shared');
const examplesArg = process.argv.indexOf('--examples');
const EXAMPLES = examplesArg > 0 ? Number(process.argv[examplesArg + 1]) : 3;

async function loadAnalyse() {
  const mod = await loadBenchModule(repoRoot, 'paragraph-audit', "export { analyse } from './server/src/analysis/analyse';");
  return mod.analyse;
}

/** Blocks of a text: [start, end) pairs split after the line break that ends a paragraph. */
function blocksOf(text) {
  const blocks = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    // A blank line (only spaces or tabs) follows: the block ends after this line break.
    let j = i + 1;
    while (text[j] === ' ' || text[j] === '\t') j++;
    if (text[j] === '\n' && i + 1 > start) {
      blocks.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < text.length) blocks.push([start, text.length]);
  return blocks;
}

const shiftParty = (p, d) => (p ? { ...p, offset: p.offset + d } : p);
const figureKey = (f, d) => JSON.stringify({ ...f, offset: f.offset + d, fact: undefined, subject: shiftParty(f.subject, d), counterparty: shiftParty(f.counterparty, d), source: shiftParty(f.source, d) });
const mentionKey = (m, d) => JSON.stringify({ ...m, offset: m.offset + d, tickerOffset: m.tickerOffset >= 0 ? m.tickerOffset + d : m.tickerOffset });

const dir = path.join(shared, 'seeds');
if (!existsSync(dir)) throw new Error(`no seeds at ${dir} (set DIGEST_LENS_SHARED)`);
const seeds = readdirSync(dir).sort().map((f) => readFileSync(path.join(dir, f), 'utf8'));
const analyse = await loadAnalyse();
const counts = {};
const examples = {};
const count = (kind, n = 1) => (counts[kind] = (counts[kind] ?? 0) + n);
const differs = (kind, example) => {
  count(kind);
  if ((examples[kind] ??= []).length < EXAMPLES) examples[kind].push(example.slice(0, 240));
};

for (const text of [...seeds, seeds.join('\n\n')]) {
  const full = analyse(text);
  const blocks = blocksOf(text);
  const parts = { figures: new Set(), mentions: new Set(), hits: new Set() };
  for (const [a, b] of blocks) {
    const p = analyse(text.slice(a, b));
    for (const f of p.figures) parts.figures.add(figureKey(f, a));
    for (const m of p.mentions) parts.mentions.add(mentionKey(m, a));
    for (const t of p.themes) for (const h of t.hits) parts.hits.add(`${t.id}@${h.offset + a}`);
  }
  const whole = {
    figures: new Set(full.figures.map((f) => figureKey(f, 0))),
    mentions: new Set(full.mentions.map((m) => mentionKey(m, 0))),
    hits: new Set(full.themes.flatMap((t) => t.hits.map((h) => `${t.id}@${h.offset}`))),
  };
  for (const kind of ['figures', 'mentions', 'hits']) {
    for (const k of whole[kind]) if (!parts[kind].has(k)) differs(`${kind}: only in the whole analysis`, k);
    for (const k of parts[kind]) if (!whole[kind].has(k)) differs(`${kind}: only in the blocks`, k);
    count(kind, whole[kind].size);
  }
  // Same-fact groups whose figures sit in more than one block: the grouping is a document pass.
  const blockOf = (offset) => blocks.findIndex(([a, b]) => offset >= a && offset < b);
  const groups = new Map();
  for (const f of full.figures) if (f.fact !== undefined) (groups.get(f.fact) ?? groups.set(f.fact, new Set()).get(f.fact)).add(blockOf(f.offset));
  count('same-fact groups', groups.size);
  for (const g of groups.values()) if (g.size > 1) count('same-fact groups across blocks');
  count('notes');
  count('blocks', blocks.length);
}

console.log(counts);
for (const [kind, list] of Object.entries(examples)) console.log(`\n${kind}:\n  ${list.join('\n  ')}`);
