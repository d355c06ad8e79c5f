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
  /** Where the mention sits in `snippet`: [start, end) in UTF-16 units (for highlighting it). */
  highlight?: [number, number];
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
  /** The currency codes the built-in rates know, sorted (the base-currency picker's list). */
  currencies: string[];
  /** The names of those currencies for the picker, from the server's currency table (the client keeps no copy). */
  currencyNames: CurrencyNames[];
}

/** A currency's name in each interface language, and the other names the picker finds it by (RMB, 人民币, NT$ …). */
export interface CurrencyNames {
  code: string;
  en: string;
  'zh-cn': string;
  'zh-tw': string;
  aliases: string[];
}

/** client → server: a note's date and the month of the rates its conversions use (the status bar). */
export const NoteRatesRequest = 'digestLens/noteRates';
export interface NoteRatesParams {
  uri: string;
}
export interface NoteRatesResult {
  /** Whether the document is an indexed digest; when false, the other fields describe the latest rates. */
  indexed: boolean;
  /** The note's date, YYYY-MM-DD, or null (undated, or not a digest). */
  date: string | null;
  /** The month of the rates a conversion in this note uses, YYYY-MM (the latest month for an undated note). */
  rateMonth: string;
  /** The newest month of the built-in rates, YYYY-MM. */
  latestMonth: string;
  baseCurrency: string;
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

// ---------------------------------------------------------------------------------------
// Facts: the figures table (one row per fact), the entity dossier, entity search

/** Another figure stating the same fact: the stated conversion, the other language, a repetition. */
export interface FactMention {
  range: WireRange;
  text: string;
}

/** One fact: the figure that states it, and what the analysis says about it. */
export interface FactRow {
  uri: string;
  /** The first figure stating it. */
  range: WireRange;
  text: string;
  currency: string;
  value: number;
  min: number | null;
  max: number | null;
  approximate: boolean;
  per: string | null;
  /** The value in the base currency at the note's date, or null when no rate is known. */
  baseValue: number | null;
  baseCurrency: string;
  date: string | null;
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
export const FactsRequest = 'digestLens/facts';
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
export const DossierRequest = 'digestLens/dossier';
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

/** One entity found by any of its names, aliases or tickers. */
export interface EntityMatch {
  id: string;
  name: string;
  kind: string;
  mentions: number;
  files: number;
  /** The name, alias or ticker that matched, as written in the entity list (null: the display name did). */
  matched: string | null;
}

/** client → server: entities of the workspace matching a query in any script. */
export const SearchEntitiesRequest = 'digestLens/searchEntities';
export interface SearchEntitiesParams {
  query: string;
  /** At most this many (default 200). */
  limit?: number;
}
export interface SearchEntitiesResult {
  entities: EntityMatch[];
}

/**
 * client → server: the edit that adds one entity to the entity file of a folder (the "Add
 * entity" command; the "Add … to your entity list" code action makes the same edit). The
 * server only computes the edit; the client applies it, as the user asked for it.
 */
export const AddEntityEditRequest = 'digestLens/addEntityEdit';
export interface AddEntityEditParams {
  name: string;
  aliases?: string[];
  tickers?: string[];
  /** One of the entity kinds (company, person, product, fund, index, exchange, regulator, media); default company. */
  kind?: string;
  /** A document or folder of the workspace: its folder's entity file gets the entry (default: the first folder's). */
  uri?: string;
  /** The editor's text of the entity file when it has it open (it may hold unsaved changes). */
  file?: { uri: string; text: string };
}
/** The edit (an LSP WorkspaceEdit, creating the file when absent), or why there is none. */
export type AddEntityEditResult =
  | { edit: { changes?: Record<string, { range: WireRange; newText: string }[]>; documentChanges?: unknown[] }; uri: string; id: string; name: string }
  | { refusal: string; /** The entity file, when the refusal is about its content (the client offers to open it). */ file?: string };
