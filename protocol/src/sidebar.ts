/**
 * The sidebar's requests (server/src/features/sidebar.ts answers them): entities and themes
 * with counts for a scope, the mentions of one of them, and the figures of a scope.
 */
import { RequestType } from 'vscode-jsonrpc';
import type { PlacedAmount, Scope, WireRange } from './common';

/** One entity in the sidebar. */
export interface EntitySummary {
  id: string;
  name: string;
  kind: string;
  mentions: number;
  files: number;
  /** Earliest digest date among the files that mention it, YYYY-MM-DD, or null. */
  firstDate: string | null;
}

/** One theme in the sidebar. */
export interface ThemeSummary {
  id: string;
  label: string;
  mentions: number;
  files: number;
  firstDate: string | null;
}

/** One place in a file, with a one-line snippet around it. */
export interface MentionItem {
  uri: string;
  range: WireRange;
  /** The text of the mention as written. */
  text: string;
  /** The line around it, trimmed, for display. */
  snippet: string;
  /** Where the mention sits in `snippet`: [start, end) in UTF-16 units (for highlighting it). */
  highlight?: [number, number];
  /** The digest's date, or null. */
  date: string | null;
}

/** client → server: entities with counts for a scope. */
export const EntitiesRequest = new RequestType<EntitiesParams, EntitiesResult, void>('digestLens/entities');
export interface EntitiesParams {
  scope: Scope;
}
export interface EntitiesResult {
  entities: EntitySummary[];
  /** Whether the workspace index is complete (false while it is being built). */
  complete: boolean;
}

/** client → server: themes with counts for a scope. */
export const ThemesRequest = new RequestType<ThemesParams, ThemesResult, void>('digestLens/themes');
export interface ThemesParams {
  scope: Scope;
}
export interface ThemesResult {
  themes: ThemeSummary[];
  complete: boolean;
}

/** client → server: every mention of one entity (or keyword hit of one theme) in a scope. */
export const MentionsRequest = new RequestType<MentionsParams, MentionsResult, void>('digestLens/mentions');
export interface MentionsParams {
  scope: Scope;
  entityId?: string;
  themeId?: string;
  /** At most this many items (default 2000); `truncated` says when more exist. */
  limit?: number;
}
export interface MentionsResult {
  items: MentionItem[];
  truncated: boolean;
}

/** One figure of the figures table. */
export interface FigureRow extends PlacedAmount {
  /** The figure's subject (whose amount it is), as the analysis attributes it, or null. */
  entityId: string | null;
  entityName: string | null;
  counterpartyId: string | null;
  counterpartyName: string | null;
  sourceId: string | null;
  sourceName: string | null;
  metric: string;
  period: string | null;
  /** Figures of one file with the same number state the same fact. */
  fact: number;
}

/** client → server: every figure of a scope, converted into the base currency. */
export const FiguresRequest = new RequestType<FiguresParams, FiguresResult, void>('digestLens/figures');
export interface FiguresParams {
  scope: Scope;
}
export interface FiguresResult {
  figures: FigureRow[];
  baseCurrency: string;
}
