/**
 * The entity dossier: every fact about one company or person across the workspace (as the
 * subject, or as the counterparty of a transaction), grouped by metric and ordered by the
 * note's date, with totals where they make sense (query.ts SUMMABLE), the facts it states as
 * a source, and the notes that disagree on one of its metrics for one period.
 */
import type { Entity } from '../analysis/types';
import type * as P from '../../../protocol/src';
import { later, valuesDiffer } from './consistency';
import { sumFacts, toRow, type Money } from './query';
import { consistencyKey, type FactStore, type StoredFact } from './store';
import { METRICS } from '../analysis/types';

/** Most facts stated as a source that are listed. */
export const MAX_STATED = 200;
/** Most facts listed per metric (the most recent): a company in every note has thousands. */
export const MAX_FACTS_PER_METRIC = 300;
/** Most conflicts listed. */
export const MAX_CONFLICTS = 100;

const byDate = (a: StoredFact, b: StoredFact) => {
  const x = a.date ?? '9999';
  const y = b.date ?? '9999';
  return x < y ? -1 : x > y ? 1 : a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.figure.offset - b.figure.offset;
};

export function dossierOf(
  store: FactStore,
  id: string,
  entity: Entity | undefined,
  counts: { mentions: number; files: number; name?: string; kind?: string },
  m: Money,
  tolerance: number,
): Omit<P.DossierResult, 'complete'> {
  const about = store.about(id);
  const byMetric = new Map<string, StoredFact[]>();
  for (const f of about) {
    const list = byMetric.get(f.metric);
    if (list) list.push(f);
    else byMetric.set(f.metric, [f]);
  }
  const order = (metric: string) => {
    const i = (METRICS as readonly string[]).indexOf(metric);
    return i < 0 ? METRICS.length : i;
  };
  const groups: P.DossierGroup[] = [...byMetric]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([metric, facts]) => {
      facts.sort(byDate);
      // Only the entity's own amounts add up (not the deals it is the target of).
      const own = facts.filter((f) => f.subject?.id === id);
      const sum = sumFacts(own, () => 'all', m).get('all');
      // The most recent ones are listed; the total counts them all.
      const shown = facts.length > MAX_FACTS_PER_METRIC ? facts.slice(facts.length - MAX_FACTS_PER_METRIC) : facts;
      return {
        metric,
        count: facts.length,
        facts: shown.map((f) => ({ ...toRow(f, m), role: f.subject?.id === id ? ('subject' as const) : ('counterparty' as const) })),
        total: sum ? { value: sum.value, count: sum.count } : null,
      };
    });
  const stated = [...store.statedBy(id)].sort((a, b) => byDate(b, a)).slice(0, MAX_STATED).map((f) => toRow(f, m));
  // Conflicts: per subject, metric and period, each note whose value differs from the note
  // before it (by date): linear in the facts, however many notes repeat a figure.
  const conflicts: P.FactConflict[] = [];
  const byKey = new Map<string, StoredFact[]>();
  for (const f of about) {
    if (f.subject?.id !== id || !f.date) continue;
    const k = consistencyKey(f);
    if (!k) continue;
    const list = byKey.get(k);
    if (list) list.push(f);
    else byKey.set(k, [f]);
  }
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    list.sort(byDate);
    for (let i = 1; i < list.length && conflicts.length < MAX_CONFLICTS; i++) {
      const a = list[i - 1];
      const b = list[i];
      if (a.uri === b.uri || !later(b, a) || !valuesDiffer(b, a, tolerance, m.overrides)) continue;
      conflicts.push({ metric: b.metric, period: b.period!, entityId: id, entityName: b.subject!.name, a: toRow(a, m), b: toRow(b, m) });
    }
  }
  conflicts.sort((x, y) => (x.b.date ?? '') < (y.b.date ?? '') ? 1 : -1);
  const first = about.find((f) => f.subject?.id === id)?.subject ?? about[0]?.counterparty;
  const name = entity?.name ?? counts.name ?? first?.name ?? id;
  return {
    entity: about.length || entity || counts.mentions
      ? { id, name, kind: entity?.kind ?? counts.kind ?? 'company', names: entity?.names ?? [name], tickers: entity?.tickers ?? [], mentions: counts.mentions, files: counts.files }
      : null,
    groups,
    stated,
    conflicts,
    baseCurrency: m.base,
  };
}
