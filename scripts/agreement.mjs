#!/usr/bin/env node
// How far two careful annotators agree on figures as facts: the second, blind annotation in
// test/devset/facts/agreement/ scored against the gold exactly as `npm run eval` scores the
// engine (subject, counterparty, source, metric, same-fact pairs), and the engine scored on
// the same items against each of them. The agreement of two readers is the ceiling a bar on
// these measures can sensibly ask for.
//
//   node scripts/agreement.mjs [--json]      (reads dist/cli.js; `npm run build` first)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyTotals, factsSummary, goldMentions, loadFactsGold, scoreFacts } from './lib/facts.mjs';
import { predictItems } from './lib/devset.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FACTS = path.join(repoRoot, 'test', 'devset', 'facts');
const SECOND = path.join(FACTS, 'agreement', 'second-annotator.json');

/** The dev items by id, from the three scripts' files. */
function devItems() {
  const out = new Map();
  for (const script of ['hans', 'hant', 'en']) {
    const data = JSON.parse(readFileSync(path.join(repoRoot, 'test', 'devset', `${script}.json`), 'utf8'));
    for (const item of data.items) out.set(item.id, item);
  }
  return out;
}

/**
 * Records of an annotator in the shape of the CLI's figures, so that `scoreFacts` reads them as
 * it reads the engine: each party becomes the first mention of the item with its id.
 */
function asPrediction(records, mentions) {
  const party = (id) => {
    if (!id) return null;
    const m = mentions.find((x) => x.id === id);
    return m ? { id, name: m.text, offset: m.offset, length: m.length } : null;
  };
  return {
    entities: mentions.map((m) => ({ offset: m.offset, length: m.length, kind: 'company' })),
    figures: records.map((r) => ({
      offset: r.offset, length: r.text.length, subject: party(r.subject), counterparty: party(r.counterparty),
      source: party(r.source), metric: r.metric, fact: r.fact,
    })),
  };
}

function main() {
  const json = process.argv.includes('--json');
  const gold = loadFactsGold(FACTS);
  const second = JSON.parse(readFileSync(SECOND, 'utf8')).items;
  const items = devItems();
  const entries = Object.keys(second).map((id) => ({ item: items.get(id) })).filter((e) => e.item && gold.has(e.item.id));
  const cli = process.env.DIGEST_LENS_CLI ?? path.join(repoRoot, 'dist', 'cli.js');
  const engine = predictItems(cli, entries);
  const readers = emptyTotals();
  const engineGold = emptyTotals();
  const engineSecond = emptyTotals();
  for (const { item } of entries) {
    const g = gold.get(item.id);
    const s = second[item.id];
    const mentionsG = goldMentions(item.text, item.companies ?? [], item.people, g);
    const mentionsS = goldMentions(item.text, item.companies ?? [], item.people, s);
    scoreFacts(readers, item.id, item.text, g, mentionsG, asPrediction(s, mentionsS));
    scoreFacts(engineGold, item.id, item.text, g, mentionsG, engine.get(item.id));
    scoreFacts(engineSecond, item.id, item.text, s, mentionsS, engine.get(item.id));
  }
  const rows = [
    ['second annotator vs gold', factsSummary(readers)],
    ['engine vs gold', factsSummary(engineGold)],
    ['engine vs second annotator', factsSummary(engineSecond)],
  ];
  if (json) {
    console.log(JSON.stringify({ items: entries.length, rows: Object.fromEntries(rows) }, null, 2));
    return;
  }
  const f = (x) => (x === null ? '—' : x.toFixed(3));
  console.log(`Agreement on figures as facts: ${entries.length} dev items, ${readers.figures} figures`);
  console.log('pair                          subject  counterp.  source  src P  src R  metric  same P  same R  same F1');
  for (const [name, t] of rows) {
    console.log(`${name.padEnd(28)}  ${f(t.subject).padStart(7)}  ${f(t.counterparty).padStart(9)}  ${f(t.source).padStart(6)}  ${f(t.sourceP).padStart(5)}  ${f(t.sourceR).padStart(5)}  ${f(t.metric).padStart(6)}  ${f(t.sameFact.p).padStart(6)}  ${f(t.sameFact.r).padStart(6)}  ${f(t.sameFact.f1).padStart(7)}`);
  }
}

main();
