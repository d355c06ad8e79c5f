/**
 * The entity dossier: every fact about one company or person across the workspace (as the
 * subject, or as the counterparty of a transaction), grouped by metric and ordered by the
 * note's date, with totals where they make sense (query.ts SUMMABLE), the facts it states as
 * a source, and the notes that disagree on one of its metrics for one period.
 */
import type { Entity } from '../analysis/types';
import type * as P from '../protocol';
import { conflictsOf } from './consistency';
import { sumFacts, toRow, type Money } from './query';
import type { FactStore, StoredFact } from './store';
import { METRICS } from '../analysis/types';

/** Most facts stated as a source that are listed. */
export const MAX_STATED = 200;
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
      return {
        metric,
        facts: facts.map((f) => ({ ...toRow(f, m), role: f.subject?.id === id ? ('subject' as const) : ('counterparty' as const) })),
        total: sum ? { value: sum.value, count: sum.count } : null,
      };
    });
  const stated = [...store.statedBy(id)].sort((a, b) => byDate(b, a)).slice(0, MAX_STATED).map((f) => toRow(f, m));
  const conflicts: P.FactConflict[] = [];
  for (const f of about) {
    if (f.subject?.id !== id || !f.period) continue;
    for (const earlier of conflictsOf(f, store.sameKey(f), tolerance, m.overrides)) {
      if (conflicts.length >= MAX_CONFLICTS) break;
      conflicts.push({ metric: f.metric, period: f.period, entityId: id, entityName: f.subject.name, a: toRow(earlier, m), b: toRow(f, m) });
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
