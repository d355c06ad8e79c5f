// Scores figures as facts (issue 10) against the gold of test/devset/facts/: subject,
// counterparty, source and metric accuracy over the gold figures the engine found, source
// precision and recall, and same-fact pairwise precision, recall and F1. The baseline
// "nearest company before the figure" is scored beside the subject.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Reads the facts gold: a Map from item id (or seed file name) to its records. */
export function loadFactsGold(dir) {
  const out = new Map();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const data = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
    for (const [id, records] of Object.entries(data.items ?? {})) out.set(id, records);
  }
  return out;
}

/** Gold company and people mentions of a dev item, or of a seed (with its person ids). */
export function goldMentions(text, companies, people, records) {
  const out = [...companies, ...(people ?? [])].map((m) => ({ text: m.text, offset: m.offset, length: m.text.length, id: m.id }));
  for (const r of records) {
    for (const id of [r.subject, r.counterparty, r.source]) {
      if (!id?.startsWith('person:')) continue;
      const name = id.slice('person:'.length);
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) out.push({ text: name, offset: at, length: name.length, id });
    }
  }
  return out;
}

/** Items of the facts held-out part: a fifth of the dev items, by the number of their id. */
export function isFactsHeldout(id) {
  const m = /-(\d+)$/.exec(id);
  return m ? Number(m[1]) % 5 === 0 : false;
}

const COMPANY_KINDS = new Set(['company', 'candidate', 'fund', 'media', 'exchange']);
const overlaps = (a, b) => a.offset < b.offset + b.length && b.offset < a.offset + a.length;

/** The gold id a predicted party stands for: the gold mention under it, else one with its text. */
function goldIdOf(party, mentions) {
  if (!party) return null;
  const under = mentions.find((m) => overlaps(m, party));
  if (under) return under.id;
  const text = party.text;
  const same = mentions.find((m) => m.text === text || m.text === party.name);
  if (same) return same.id;
  return `unmapped:${party.id}`;
}

function emptyTotals() {
  return {
    figures: 0, matched: 0, subject: 0, baseline: 0, counterparty: 0, source: 0, metric: 0,
    srcTp: 0, srcFp: 0, srcFn: 0, pairTp: 0, pairPred: 0, pairGold: 0, misses: [], pairMisses: [],
  };
}

/**
 * Scores one document. `text` is its text, `gold` its facts records, `mentions` its gold
 * company and people mentions ({text, offset, length, id}), `pred` the CLI's record.
 */
export function scoreFacts(totals, key, text, gold, mentions, pred) {
  const figures = pred?.figures ?? [];
  const entities = pred?.entities ?? [];
  const matched = [];
  const used = new Set();
  for (const g of gold) {
    totals.figures++;
    const span = { offset: g.offset, length: g.text.length };
    const k = figures.findIndex((f, i) => !used.has(i) && overlaps(f, span));
    if (k < 0) continue;
    used.add(k);
    matched.push({ g, p: figures[k] });
  }
  // Gold ids the engine recognised somewhere in the document (a subject it never found cannot be chosen).
  const found = new Set(entities.map((e) => goldIdOf({ ...e, text: text.slice(e.offset, e.offset + e.length) }, mentions)));
  const withText = (party) => (party ? { ...party, text: text.slice(party.offset, party.offset + party.length) } : null);
  for (const { g, p } of matched) {
    totals.matched++;
    const subject = goldIdOf(withText(p.subject), mentions);
    const counterparty = goldIdOf(withText(p.counterparty), mentions);
    const source = goldIdOf(withText(p.source), mentions);
    const near = [...entities].reverse().find((e) => COMPANY_KINDS.has(e.kind) && e.offset + e.length <= p.offset);
    const baseline = goldIdOf(near ? { ...near } : null, mentions);
    const ok = {
      subject: subject === (g.subject ?? null),
      counterparty: counterparty === (g.counterparty ?? null),
      source: source === (g.source ?? null),
      metric: p.metric === g.metric,
    };
    if (ok.subject) totals.subject++;
    if (baseline === (g.subject ?? null)) totals.baseline++;
    if (ok.counterparty) totals.counterparty++;
    if (ok.source) totals.source++;
    if (ok.metric) totals.metric++;
    if (source && ok.source) totals.srcTp++;
    if (source && !ok.source) totals.srcFp++;
    if (g.source && !ok.source) totals.srcFn++;
    if (!ok.subject || !ok.source || !ok.metric || !ok.counterparty) {
      totals.misses.push({
        key, text: g.text, offset: g.offset, unrecognised: !!g.subject && !found.has(g.subject),
        subject: [g.subject ?? null, subject], counterparty: [g.counterparty ?? null, counterparty],
        source: [g.source ?? null, source], metric: [g.metric, p.metric],
        context: text.slice(Math.max(0, g.offset - 40), g.offset + g.text.length + 20).replace(/\s+/g, ' '),
      });
    }
  }
  for (let i = 0; i < matched.length; i++) {
    for (let j = i + 1; j < matched.length; j++) {
      const goldSame = matched[i].g.fact === matched[j].g.fact;
      const predSame = matched[i].p.fact === matched[j].p.fact;
      if (goldSame) totals.pairGold++;
      if (predSame) totals.pairPred++;
      if (goldSame && predSame) totals.pairTp++;
      if (goldSame !== predSame) totals.pairMisses.push({ key, gold: goldSame, a: matched[i].g, b: matched[j].g });
    }
  }
}

/** The summary numbers of a totals object. */
export function factsSummary(t) {
  const rate = (x) => (t.matched ? x / t.matched : null);
  const p = t.pairPred ? t.pairTp / t.pairPred : t.pairGold ? 0 : 1;
  const r = t.pairGold ? t.pairTp / t.pairGold : 1;
  const sp = t.srcTp + t.srcFp ? t.srcTp / (t.srcTp + t.srcFp) : null;
  const sr = t.srcTp + t.srcFn ? t.srcTp / (t.srcTp + t.srcFn) : null;
  return {
    figures: t.figures,
    matched: t.matched,
    subject: rate(t.subject),
    baseline: rate(t.baseline),
    counterparty: rate(t.counterparty),
    source: rate(t.source),
    sourceP: sp,
    sourceR: sr,
    metric: rate(t.metric),
    sameFact: { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, goldPairs: t.pairGold, predPairs: t.pairPred },
  };
}

export { emptyTotals };
