/**
 * The figures table over the fact store: filter, sort, page, totals per entity and metric,
 * the chart of what is filtered, and the values of the filters' drop-downs. Pure (facts and
 * settings in, protocol objects out).
 *
 * Totals add only what adds up: flows (revenue, profit, capex, investment, funding, cost,
 * dividend, buyback, deal), never prices per unit, market or industry sizes, valuations or
 * market values; each in the base currency at its note's date; and a subject's metric for
 * one period counts once (the latest note's value), so two notes repeating a figure do not
 * double it.
 */
import type { Figure } from '../analysis/types';
import { positionAt } from '../analysis/text';
import { convertAmount } from '../fx/convert';
import type * as P from '../../../protocol/src';
import type { StoredFact } from './store';

/** Metrics whose amounts add up across facts. */
export const SUMMABLE: ReadonlySet<string> = new Set(['revenue', 'profit', 'capex', 'investment', 'funding', 'cost', 'dividend', 'buyback', 'deal']);

/** Default and largest page of rows. */
export const DEFAULT_LIMIT = 500;
/** Bars of the chart. */
export const CHART_BARS = 12;
/** Values listed in the entity drop-down. */
export const MAX_ENTITY_FACETS = 300;

/** Conversion settings of one request. */
export interface Money {
  base: string;
  overrides: Record<string, number>;
}

const moneyKey = (m: Money) => m.base + JSON.stringify(m.overrides);

/** The fact's value in the base currency at its note's date (memoised on the fact). */
export function baseValueOf(f: StoredFact, m: Money, key = moneyKey(m)): number | null {
  if (f.baseKey === key) return f.baseValue!;
  // One rate per currency and note date (a workspace has a few thousand of them).
  let rates = rateCache.get(key);
  if (!rates) {
    if (rateCache.size > 8) rateCache.clear();
    rateCache.set(key, (rates = new Map()));
  }
  const rk = `${f.figure.currency}\u0000${f.date ?? ''}`;
  let rate = rates.get(rk);
  if (rate === undefined) {
    const c = convertAmount(1, f.figure.currency, m.base, f.date, m.overrides);
    rates.set(rk, (rate = c ? c.rate : null));
  }
  f.baseKey = key;
  f.baseValue = rate === null ? null : f.figure.value * rate;
  return f.baseValue;
}

/** Rates per money setting, currency and date. */
const rateCache = new Map<string, Map<string, number | null>>();

function range(lineStarts: ArrayLike<number>, fig: Figure): P.WireRange {
  return { start: positionAt(lineStarts, fig.offset), end: positionAt(lineStarts, fig.offset + fig.length) };
}

/** A fact as a row of the protocol. */
export function toRow(f: StoredFact, m: Money): P.FactRow {
  const g = f.figure;
  return {
    uri: f.uri,
    range: range(f.lineStarts, g),
    text: g.text,
    currency: g.currency,
    value: g.value,
    min: g.min,
    max: g.max,
    approximate: g.approximate,
    per: g.per,
    baseValue: baseValueOf(f, m),
    baseCurrency: m.base,
    date: f.date,
    subjectId: f.subject?.id ?? null,
    subjectName: f.subject?.name ?? null,
    counterpartyId: f.counterparty?.id ?? null,
    counterpartyName: f.counterparty?.name ?? null,
    sourceId: f.source?.id ?? null,
    sourceName: f.source?.name ?? null,
    metric: f.metric,
    period: f.period,
    others: f.others.map((o) => ({ range: range(f.lineStarts, o), text: o.text })),
  };
}

/** Whether a fact passes the filter. */
export function matchesFilter(f: StoredFact, filter: P.FactFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.entityId && f.subject?.id !== filter.entityId && f.counterparty?.id !== filter.entityId) return false;
  if (filter.metric && f.metric !== filter.metric) return false;
  if (filter.themeId && !f.themes.includes(filter.themeId)) return false;
  if (filter.from || filter.to) {
    if (!f.date) return false;
    if (filter.from && f.date < filter.from) return false;
    if (filter.to && f.date > filter.to) return false;
  }
  return true;
}

/** Whether a fact's amount may be added to others of its entity and metric. */
export function summable(f: StoredFact): boolean {
  return SUMMABLE.has(f.metric) && f.figure.per === null;
}

/**
 * Sums of facts in the base currency, per key, one value per (key, period) — the latest
 * note's — and every fact without a period.
 */
export function sumFacts<K>(facts: Iterable<StoredFact>, keyOf: (f: StoredFact) => K | null, m: Money): Map<K, { value: number; count: number; facts: StoredFact[] }> {
  const mk = moneyKey(m);
  const latest = new Map<string, StoredFact>();
  const out = new Map<K, { value: number; count: number; facts: StoredFact[] }>();
  const add = (k: K, f: StoredFact, v: number) => {
    const t = out.get(k);
    if (t) {
      t.value += v;
      t.count++;
      t.facts.push(f);
    } else out.set(k, { value: v, count: 1, facts: [f] });
  };
  const keys = new Map<string, K>();
  for (const f of facts) {
    if (!summable(f)) continue;
    const k = keyOf(f);
    if (k === null) continue;
    const v = baseValueOf(f, m, mk);
    if (v === null) continue;
    if (f.period) {
      const pk = typeof k === 'string' && k === f.totalKey ? (f.periodKey ??= `${k}\u0000${f.period}`) : `${String(k)}\u0000${f.period}`;
      const cur = latest.get(pk);
      if (!cur || (f.date ?? '') > (cur.date ?? '')) {
        latest.set(pk, f);
        keys.set(pk, k);
      }
    } else add(k, f, v);
  }
  for (const [pk, f] of latest) add(keys.get(pk)!, f, baseValueOf(f, m, mk)!);
  return out;
}

/** Totals per entity (subject) and metric over facts. */
export function totalsOf(facts: readonly StoredFact[], m: Money): P.FactTotal[] {
  const names = new Map<string, string>();
  const sums = sumFacts(
    facts,
    (f) => {
      if (!f.subject) return null;
      if (!names.has(f.subject.id)) names.set(f.subject.id, f.subject.name);
      return (f.totalKey ??= `${f.subject.id}\u0000${f.metric}`);
    },
    m,
  );
  return [...sums]
    .map(([k, t]) => {
      const [entityId, metric] = k.split('\u0000');
      return { entityId, entityName: names.get(entityId) ?? entityId, metric, value: t.value, count: t.count };
    })
    .sort((a, b) => b.value - a.value);
}

let collatorMade: Intl.Collator | null = null;
/** Made at first use: loading ICU's Chinese collation cost several milliseconds of every server start. */
const collator = (): Intl.Collator => (collatorMade ??= new Intl.Collator(['en', 'zh'], { sensitivity: 'base', numeric: true }));
const SORT_KEYS: ReadonlySet<string> = new Set(['baseValue', 'value', 'text', 'subject', 'metric', 'period', 'source', 'file', 'date']);

/** The value of a fact in a sort column (null: empty). */
function columnOf(f: StoredFact, key: P.FactSortKey, m: Money, mk: string): string | number | null {
  switch (key) {
    case 'baseValue':
      return baseValueOf(f, m, mk);
    case 'value':
      return f.figure.value;
    case 'text':
      return f.figure.text;
    case 'subject':
      return f.subject?.name ?? null;
    case 'metric':
      return f.metric;
    case 'period':
      return f.period;
    case 'source':
      return f.source?.name ?? null;
    case 'file':
      return f.uri;
    case 'date':
      return f.date;
  }
}

/** Columns compared as plain strings (dates, periods, uris); the others with the collator. */
const PLAIN: ReadonlySet<P.FactSortKey> = new Set(['file', 'date', 'period']);

/**
 * Sorts facts by a column, empty values last whatever the direction, ties by file and
 * position. Keys are computed once per fact and strings ranked once per distinct value, so a
 * workspace of 150,000 facts sorts on numbers, not on collator calls.
 */
export function sortFacts(facts: readonly StoredFact[], key: P.FactSortKey, dir: 1 | -1, m: Money): StoredFact[] {
  const n = facts.length;
  const mk = moneyKey(m);
  const keys = new Float64Array(n);
  const raw: (string | number | null)[] = new Array(n);
  let strings = false;
  for (let i = 0; i < n; i++) {
    const v = columnOf(facts[i], key, m, mk);
    raw[i] = v;
    if (typeof v === 'string') strings = true;
  }
  if (strings) {
    const distinct = [...new Set(raw.filter((v): v is string => typeof v === 'string'))];
    distinct.sort(PLAIN.has(key) ? (a, b) => (a < b ? -1 : a > b ? 1 : 0) : collator().compare);
    const rank = new Map(distinct.map((v, i) => [v, i]));
    for (let i = 0; i < n; i++) keys[i] = typeof raw[i] === 'string' ? rank.get(raw[i] as string)! : NaN;
  } else for (let i = 0; i < n; i++) keys[i] = raw[i] === null ? NaN : (raw[i] as number);
  // Ties: by file (ranked once per distinct uri), then position.
  const uris = [...new Set(facts.map((f) => f.uri))].sort();
  const uriRank = new Map(uris.map((u, i) => [u, i]));
  const tie = new Float64Array(n);
  for (let i = 0; i < n; i++) tie[i] = uriRank.get(facts[i].uri)! * 2 ** 24 + facts[i].figure.offset;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    const x = keys[a];
    const y = keys[b];
    const xe = x !== x;
    const ye = y !== y;
    if (xe || ye) return xe && ye ? tie[a] - tie[b] : xe ? 1 : -1;
    return (x - y) * dir || tie[a] - tie[b];
  });
  const out: StoredFact[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = facts[order[i]];
  return out;
}

/** Counts per value, most frequent first. */
function facet(counts: Map<string, { label: string; count: number }>, limit = Infinity): P.FacetValue[] {
  return [...counts]
    .map(([id, v]) => ({ id, label: v.label, count: v.count }))
    .sort((a, b) => b.count - a.count || collator().compare(a.label, b.label))
    .slice(0, limit);
}

function count(map: Map<string, { label: string; count: number }>, id: string, label: string): void {
  const v = map.get(id);
  if (v) v.count++;
  else map.set(id, { label, count: 1 });
}

/** The figures table's answer for facts in scope. */
export function queryFacts(
  inScope: Iterable<StoredFact>,
  params: Pick<P.FactsParams, 'filter' | 'sort' | 'offset' | 'limit'>,
  m: Money,
  themeLabel: (id: string) => string = (id) => id,
  cache?: ScopeCache,
  metricName: (metric: string) => string = (metric) => metric,
): Omit<P.FactsResult, 'complete'> {
  const scope = cache ?? new ScopeCache([...inScope]);
  const sort = params.sort ?? { key: 'baseValue', dir: -1 };
  // Filtering the sorted scope keeps its order: one sort per scope and column, not per filter.
  const sorted = scope.sorted(SORT_KEYS.has(sort.key) ? sort.key : 'baseValue', sort.dir === 1 ? 1 : -1, m);
  const filter = params.filter;
  const active = !!filter && Object.keys(filter).some((k) => (filter as Record<string, unknown>)[k]);
  const filtered = active ? sorted.filter((f) => matchesFilter(f, filter)) : sorted;
  const offset = Math.max(0, Math.floor(params.offset ?? 0));
  const limit = params.limit === 0 ? Infinity : Math.max(1, Math.floor(params.limit ?? DEFAULT_LIMIT));
  const page = filtered.slice(offset, offset + limit);
  const rows = page.map((f) => toRow(f, m));
  const totals = active ? totalsOf(filtered, m) : scope.totals(m);
  return {
    rows,
    total: filtered.length,
    inScope: scope.facts.length,
    totals: totals.slice(0, MAX_TOTALS),
    chart: chartOf(filtered, totals, page, m, metricName),
    facets: scope.facets(themeLabel, metricName),
    baseCurrency: m.base,
  };
}

/** Totals sent with an answer (the largest). */
export const MAX_TOTALS = 500;

/**
 * The facts of one scope at one state of the store, with what does not depend on the filter:
 * the values of the drop-downs and the order per sort column. The feature keeps one per scope
 * while the store's generation stays, so re-filtering the workspace never sorts it again.
 */
export class ScopeCache {
  private facetValues?: P.FactsResult['facets'];
  private readonly orders = new Map<string, StoredFact[]>();
  constructor(readonly facts: StoredFact[]) {}

  /** The drop-downs' values; labels are written on each call (the user's language may change), counts are kept. */
  facets(themeLabel: (id: string) => string, metricName: (metric: string) => string = (metric) => metric): P.FactsResult['facets'] {
    const f = this.countFacets();
    return {
      ...f,
      metrics: f.metrics.map((v) => ({ ...v, label: metricName(v.id) })),
      themes: f.themes.map((v) => ({ ...v, label: themeLabel(v.id) })),
    };
  }

  private countFacets(): P.FactsResult['facets'] {
    if (this.facetValues) return this.facetValues;
    const entities = new Map<string, { label: string; count: number }>();
    const metrics = new Map<string, { label: string; count: number }>();
    const themes = new Map<string, { label: string; count: number }>();
    let minDate: string | null = null;
    let maxDate: string | null = null;
    for (const f of this.facts) {
      if (f.subject) count(entities, f.subject.id, f.subject.name);
      if (f.counterparty && f.counterparty.id !== f.subject?.id) count(entities, f.counterparty.id, f.counterparty.name);
      count(metrics, f.metric, f.metric);
      for (const t of f.themes) count(themes, t, t);
      if (f.date) {
        if (minDate === null || f.date < minDate) minDate = f.date;
        if (maxDate === null || f.date > maxDate) maxDate = f.date;
      }
    }
    return (this.facetValues = { entities: facet(entities, MAX_ENTITY_FACETS), metrics: facet(metrics), themes: facet(themes), minDate, maxDate });
  }

  private totalsMemo?: { key: string; totals: P.FactTotal[] };

  /** Totals of the whole scope (no filter). */
  totals(m: Money): P.FactTotal[] {
    const key = moneyKey(m);
    if (this.totalsMemo?.key !== key) this.totalsMemo = { key, totals: totalsOf(this.facts, m) };
    return this.totalsMemo.totals;
  }

  sorted(key: P.FactSortKey, dir: 1 | -1, m: Money): StoredFact[] {
    const k = `${key}\u0000${dir}\u0000${key === 'baseValue' ? moneyKey(m) : ''}`;
    let order = this.orders.get(k);
    if (!order) this.orders.set(k, (order = sortFacts(this.facts, key, dir, m)));
    return order;
  }
}

/**
 * The chart of what is filtered: the totals per entity and metric when some add up, else the
 * largest filtered facts (per-unit prices left out: they are not amounts).
 */
function chartOf(filtered: readonly StoredFact[], totals: readonly P.FactTotal[], page: readonly StoredFact[], m: Money, metricName: (metric: string) => string): P.FactsResult['chart'] {
  if (totals.length) {
    return {
      kind: 'totals',
      bars: totals.slice(0, CHART_BARS).map((t) => ({ label: `${t.entityName} · ${metricName(t.metric)}`, value: t.value, approximate: false, row: -1, entityId: t.entityId, metric: t.metric })),
    };
  }
  const rowOf = new Map(page.map((f, i) => [f, i]));
  // The CHART_BARS largest, in one pass (the filter may hold the whole workspace).
  const largest: { f: StoredFact; v: number }[] = [];
  for (const f of filtered) {
    if (f.figure.per !== null) continue;
    const v = baseValueOf(f, m) ?? 0;
    if (!(v > 0) || (largest.length === CHART_BARS && v <= largest[CHART_BARS - 1].v)) continue;
    let at = largest.length;
    while (at > 0 && largest[at - 1].v < v) at--;
    largest.splice(at, 0, { f, v });
    if (largest.length > CHART_BARS) largest.pop();
  }
  return {
    kind: 'largest',
    bars: largest.map(({ f, v }) => ({
      label: [f.subject?.name ?? f.source?.name ?? '—', metricName(f.metric), f.period].filter(Boolean).join(' · '),
      value: v,
      approximate: f.figure.approximate,
      row: rowOf.get(f) ?? -1,
    })),
  };
}
