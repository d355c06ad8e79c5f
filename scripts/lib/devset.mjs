// The unseen-text dev set (test/devset/*.json): loading, running the CLI on its items and
// scoring them by group. Each item becomes one small document; groups are the scripts, the
// English "expressions" items, all news items and everything. Held-out items are left out
// unless asked for, so they stay unseen until the end of a piece of work.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bcubed, greedyMatch, prf, scoreAll, companyMentions } from './score.mjs';

/** Reads every dev-set file: [{script, item}] for the items of the wanted split. */
export function loadDevset(dir, split) {
  const out = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const data = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
    for (const item of data.items ?? []) if (item.split === split) out.push({ script: data.script, item });
  }
  return out;
}

/** Runs the CLI over the items, each written to its own file; returns the CLI's files by item id. */
export function predictItems(cli, entries) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'digest-lens-devset-'));
  try {
    const paths = entries.map(({ item }) => {
      const p = path.join(dir, `${item.id}.txt`);
      writeFileSync(p, item.text);
      return p;
    });
    const res = spawnSync(process.execPath, [cli, 'scan', '--format', 'json', ...paths], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (res.error || res.status !== 0) throw new Error(`the CLI failed on the dev set: ${res.error?.message ?? res.stderr}`);
    const output = JSON.parse(res.stdout);
    return new Map(output.files.map((f) => [path.basename(f.path, '.txt'), f]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The gold file of an item in the shape score.mjs expects (its date is not scored here). */
function goldOf(item, pred) {
  return {
    file: `${item.id}.txt`,
    date: pred?.date ?? null,
    figures: item.figures ?? [],
    companies: item.companies ?? [],
    money_no_currency: item.money_no_currency ?? [],
    not_money: item.not_money ?? [],
    not_companies: item.not_companies ?? [],
  };
}

/** People: spans overlap, counted once each. */
function scorePeople(files) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { item, pred } of files) {
    const golds = item.people ?? [];
    const preds = (pred?.entities ?? []).filter((e) => e.kind === 'person');
    const m = greedyMatch(golds, preds);
    tp += m.pairs.length;
    fp += m.unmatchedPred.length;
    fn += m.unmatchedGold.length;
  }
  return prf(tp, fp, fn);
}

/**
 * Grouping across the whole group, not per item: company mentions paired by span in every
 * item, then B³ over all of them, so one company written in three scripts in three items must
 * get one predicted id.
 */
function crossItemGrouping(files) {
  const items = [];
  for (const { item, pred } of files) {
    const golds = item.companies ?? [];
    const preds = companyMentions(pred);
    const m = greedyMatch(golds, preds);
    for (const { gold, pred: p } of m.pairs) items.push({ gold: golds[gold].id, pred: preds[p].id, mention: preds[p] });
  }
  return { score: bcubed(items), items };
}

/** Scores one group of items: the totals of scoreAll, cross-item grouping and people. */
export function scoreGroup(entries, predictions) {
  const files = entries.map(({ item }) => {
    const pred = predictions.get(item.id) ?? null;
    return { name: item.id, gold: goldOf(item, pred), pred, item };
  });
  const result = scoreAll(files);
  const grouping = crossItemGrouping(files);
  return { result, files, grouping, people: scorePeople(files) };
}

/** The groups reported: each script, English news and expressions, all news, everything. */
export function groupsOf(entries) {
  const groups = [
    ['Simplified', (e) => e.script === 'hans'],
    ['Traditional', (e) => e.script === 'hant'],
    ['English news', (e) => e.script === 'en' && e.item.category !== 'expressions'],
    ['English expressions', (e) => e.script === 'en' && e.item.category === 'expressions'],
    ['all news', (e) => e.item.category !== 'expressions'],
    ['all', () => true],
  ];
  return groups.map(([name, keep]) => [name, entries.filter(keep)]).filter(([, list]) => list.length > 0);
}
