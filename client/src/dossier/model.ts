/**
 * The dossier page's data, built from the server's answer (digestLens/dossier). Pure (no
 * `vscode`): unit-tested in test/unit/client-dossier.test.ts. Every fact the page can open
 * gets an index into one flat list of locations, which the panel validates.
 */
import type { DossierResult, FactRow, WireRange } from '../../../protocol/src';

/** One fact as the page shows it. */
export interface DossierFact {
  index: number;
  text: string;
  others: string[];
  currency: string;
  value: number;
  baseValue: number | null;
  approximate: boolean;
  per: string | null;
  period: string | null;
  date: string | null;
  source: string | null;
  /** Whose fact it is when not the entity's own: "→ Ampere" or "SoftBank →". */
  party: string | null;
  role: 'subject' | 'counterparty' | 'source';
  file: string;
  line: number;
}

/** The labels the page shows (translated by the extension). */
export interface DossierLabels {
  names: string;
  tickers: string;
  counts: string;
  total: string;
  noTotal: string;
  conflicts: string;
  stated: string;
  empty: string;
  timeline: string;
  noRate: string;
  openTable: string;
}

export interface DossierMessage {
  type: 'dossier';
  locale: string;
  baseCurrency: string;
  labels: DossierLabels;
  entity: { id: string; name: string; kind: string; names: string[]; tickers: string[] };
  groups: { metric: string; label: string; count: number; total: { value: number; count: number } | null; facts: DossierFact[] }[];
  stated: DossierFact[];
  conflicts: { metric: string; label: string; period: string; a: DossierFact; b: DossierFact }[];
}

/** Where each fact index leads. */
export interface Location {
  uri: string;
  range: WireRange;
}

/** The page's message and the locations its indices point at. */
export function dossierMessage(res: DossierResult, label: (uri: string) => string, labels: DossierLabels, locale: string): { message: DossierMessage; locations: Location[] } | null {
  if (!res.entity) return null;
  const locations: Location[] = [];
  const fact = (r: FactRow, role: DossierFact['role']): DossierFact => {
    locations.push({ uri: r.uri, range: r.range });
    const party = role === 'counterparty' ? (r.subjectName ? `${r.subjectName} →` : null) : r.counterpartyName ? `→ ${r.counterpartyName}` : role === 'source' ? r.subjectName : null;
    return {
      index: locations.length - 1,
      text: r.text,
      others: r.others.map((o) => o.text),
      currency: r.currency,
      value: r.value,
      baseValue: r.baseValue,
      approximate: r.approximate,
      per: r.per,
      period: r.period,
      date: r.date,
      source: r.sourceName,
      party,
      role,
      file: label(r.uri),
      line: r.range.start.line + 1,
    };
  };
  const e = res.entity;
  return {
    message: {
      type: 'dossier',
      locale,
      baseCurrency: res.baseCurrency,
      labels,
      entity: { id: e.id, name: e.name, kind: e.kind, names: e.names, tickers: e.tickers },
      groups: res.groups.map((g) => ({ metric: g.metric, label: res.metricLabels?.[g.metric] ?? g.metric, count: g.count ?? g.facts.length, total: g.total, facts: g.facts.map((f) => fact(f, f.role)) })),
      stated: res.stated.map((r) => fact(r, 'source')),
      conflicts: res.conflicts.map((c) => ({ metric: c.metric, label: res.metricLabels?.[c.metric] ?? c.metric, period: c.period, a: fact(c.a, 'subject'), b: fact(c.b, 'subject') })),
    },
    locations,
  };
}

/** page → extension: ready, open a fact, or show the figures table filtered to the entity (and a metric). */
export type DossierPageMessage = { type: 'ready' } | { type: 'open'; index: number } | { type: 'table'; metric: string | null };

/** Validates a message from the page. */
export function parseDossierMessage(m: unknown, count: number, metrics: readonly string[]): DossierPageMessage | null {
  if (!m || typeof m !== 'object') return null;
  const o = m as Record<string, unknown>;
  if (o.type === 'ready') return { type: 'ready' };
  if (o.type === 'open' && typeof o.index === 'number' && Number.isInteger(o.index) && o.index >= 0 && o.index < count) return { type: 'open', index: o.index };
  if (o.type === 'table' && (o.metric === null || (typeof o.metric === 'string' && metrics.includes(o.metric)))) return { type: 'table', metric: o.metric as string | null };
  return null;
}
