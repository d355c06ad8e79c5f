/**
 * Facts: the figures table (one row per fact) and the entity dossier (server/src/features/facts.ts
 * answers them from the fact store).
 */
import { RequestType } from 'vscode-jsonrpc';
import type { PlacedAmount, Scope, WireRange } from './common';

/** Another figure stating the same fact: the stated conversion, the other language, a repetition. */
export interface FactMention {
  range: WireRange;
  text: string;
}

/** One fact: the figure that states it, and what the analysis says about it. */
/** Its place and amount are those of the first figure stating it. */
export interface FactRow extends PlacedAmount {
  subjectId: string | null;
  subjectName: string | null;
  counterpartyId: string | null;
  counterpartyName: string | null;
  sourceId: string | null;
  sourceName: string | null;
  metric: string;
  period: string | null;
  /** The other figures of the same fact (a stated conversion is folded in here). */
  others: FactMention[];
}

/** What the figures table is filtered by; every field is optional and they combine. */
export interface FactFilter {
  /** The fact's subject or counterparty. */
  entityId?: string;
  metric?: string;
  /** A theme with keyword hits in the fact's paragraph. */
  themeId?: string;
  /** Note dates, YYYY-MM-DD, inclusive; undated notes are left out when either is set. */
  from?: string;
  to?: string;
}

export type FactSortKey = 'baseValue' | 'value' | 'text' | 'subject' | 'metric' | 'period' | 'source' | 'file' | 'date';

/** A total of one entity and metric over the filtered facts, in the base currency. */
export interface FactTotal {
  entityId: string;
  entityName: string;
  metric: string;
  value: number;
  /** Facts added up (one per period when periods repeat across notes: the latest note's). */
  count: number;
}

/** A bar of the figures chart. */
export interface FactBar {
  label: string;
  value: number;
  approximate: boolean;
  /** The row it opens (index into `rows`), or -1 for a total. */
  row: number;
  /** For a total: the entity and metric, so a click filters to them. */
  entityId?: string;
  metric?: string;
}

/** One value of a filter's drop-down, with how many facts in scope have it. */
export interface FacetValue {
  id: string;
  label: string;
  count: number;
}

/** client → server: the facts of a scope, filtered, sorted and paged, with totals and a chart. */
export const FactsRequest = new RequestType<FactsParams, FactsResult, void>('digestLens/facts');
export interface FactsParams {
  scope: Scope;
  filter?: FactFilter;
  sort?: { key: FactSortKey; dir: 1 | -1 };
  /** Rows from this one (default 0). */
  offset?: number;
  /** At most this many rows (default 500; 0 for all, e.g. for an export). */
  limit?: number;
}
export interface FactsResult {
  rows: FactRow[];
  /** Facts matching the filter (rows is a page of them). */
  total: number;
  /** Facts in scope before filtering. */
  inScope: number;
  totals: FactTotal[];
  /** What the chart shows: the totals, or the largest filtered facts when nothing adds up. */
  chart: { kind: 'totals' | 'largest'; bars: FactBar[] };
  facets: { entities: FacetValue[]; metrics: FacetValue[]; themes: FacetValue[]; minDate: string | null; maxDate: string | null };
  baseCurrency: string;
  complete: boolean;
}

/** Two notes disagreeing on one subject, metric and period. */
export interface FactConflict {
  metric: string;
  period: string;
  entityId: string;
  entityName: string;
  a: FactRow;
  b: FactRow;
}

/** A group of the dossier: one metric, its facts by note date, and its total where one makes sense. */
export interface DossierGroup {
  metric: string;
  /** Facts of the metric (the list holds the most recent MAX_DOSSIER_FACTS of them). */
  count: number;
  facts: (FactRow & { role: 'subject' | 'counterparty' | 'source' })[];
  /** Sum in the base currency (one value per period), or null for prices, market sizes, stocks. */
  total: { value: number; count: number } | null;
}

/** client → server: every fact about one entity across the workspace. */
export const DossierRequest = new RequestType<DossierParams, DossierResult, void>('digestLens/dossier');
export interface DossierParams {
  entityId: string;
}
export interface DossierResult {
  entity: { id: string; name: string; kind: string; names: string[]; tickers: string[]; mentions: number; files: number } | null;
  groups: DossierGroup[];
  /** Display names of the metrics of the groups and conflicts, in the user's language ("capex" → "资本开支"). */
  metricLabels?: Record<string, string>;
  /** Facts the entity states as a source (a broker's forecast), most recent first. */
  stated: FactRow[];
  conflicts: FactConflict[];
  baseCurrency: string;
  complete: boolean;
}
