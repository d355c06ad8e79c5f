/**
 * Custom requests and notifications between the Digest Lens client and server. Each is
 * defined once here, with its method name, its typed params and who sends it; both sides
 * import this file. Plain JSON types only: no vscode or LSP runtime imports.
 */

/** A range in LSP terms (0-based lines, UTF-16 characters). */
export interface WireRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** Which documents a summary covers: one file, or the whole workspace. */
export type Scope = { kind: 'file'; uri: string } | { kind: 'workspace' };

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
  /** The digest's date, or null. */
  date: string | null;
}

/** A file that was not indexed, and why. */
export interface SkippedFile {
  uri: string;
  reason: string;
}

/** client → server: entities with counts for a scope. */
export const EntitiesRequest = 'digestLens/entities';
export interface EntitiesParams {
  scope: Scope;
}
export interface EntitiesResult {
  entities: EntitySummary[];
  /** Whether the workspace index is complete (false while it is being built). */
  complete: boolean;
}

/** client → server: themes with counts for a scope. */
export const ThemesRequest = 'digestLens/themes';
export interface ThemesParams {
  scope: Scope;
}
export interface ThemesResult {
  themes: ThemeSummary[];
  complete: boolean;
}

/** client → server: every mention of one entity (or keyword hit of one theme) in a scope. */
export const MentionsRequest = 'digestLens/mentions';
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
export interface FigureRow {
  uri: string;
  range: WireRange;
  text: string;
  currency: string;
  value: number;
  min: number | null;
  max: number | null;
  approximate: boolean;
  per: string | null;
  /** Value in the base currency, or null when no rate is known. */
  baseValue: number | null;
  baseCurrency: string;
  date: string | null;
  /** The nearest company mention in the same paragraph, for grouping. */
  entityId: string | null;
  entityName: string | null;
}

/** client → server: every figure of a scope, converted into the base currency. */
export const FiguresRequest = 'digestLens/figures';
export interface FiguresParams {
  scope: Scope;
}
export interface FiguresResult {
  figures: FigureRow[];
  baseCurrency: string;
}

/** client → server: the state shown in the status bar. */
export const StatusRequest = 'digestLens/status';
export interface StatusResult {
  indexing: boolean;
  files: number;
  skipped: SkippedFile[];
  baseCurrency: string;
  /** The newest month of the built-in rates, YYYY-MM. */
  rateMonth: string;
}

/** client → server: drop the index and rebuild it from disk. */
export const ReindexRequest = 'digestLens/reindex';

/** server → client: the index changed (debounced); the client refreshes its views. */
export const IndexChangedNotification = 'digestLens/indexChanged';
export interface IndexChangedParams {
  /** The uris touched, or 'all'. */
  uris: string[] | 'all';
  indexing: boolean;
  files: number;
}
