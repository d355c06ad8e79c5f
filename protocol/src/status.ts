/**
 * The status bar and the index's life: the server's state, a note's rate month, a rebuild of
 * the index, and the notification that the index changed.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-jsonrpc';

/** A file that was not indexed, and why. */
export interface SkippedFile {
  uri: string;
  reason: string;
}

/** client → server: the state shown in the status bar. */
export const StatusRequest = new RequestType0<StatusResult, void>('digestLens/status');
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
export const NoteRatesRequest = new RequestType<NoteRatesParams, NoteRatesResult, void>('digestLens/noteRates');
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
  /** The rate a conversion in this note uses, as its hovers say: its own date (YYYY-MM-DD for a day's rate, YYYY-MM for a month's average)… */
  rateDate: string;
  /** …which rate it is (the server's RateKind)… */
  rateKind: 'daily' | 'monthly' | 'nearest-earlier' | 'user' | 'downloaded';
  /** …and where it comes from (a source's name; for the user's rates, the rates file's name). */
  rateSource: string;
}

/** client → server: drop the index and rebuild it from disk. */
export const ReindexRequest = new RequestType0<ReindexResult, void>('digestLens/reindex');
export interface ReindexResult {
  /** Files in the rebuilt index. */
  files: number;
}

/** server → client: the index changed (debounced); the client refreshes its views. */
export const IndexChangedNotification = new NotificationType<IndexChangedParams>('digestLens/indexChanged');
export interface IndexChangedParams {
  /** The uris touched, or 'all'. */
  uris: string[] | 'all';
  indexing: boolean;
  files: number;
}

/**
 * client → server: the template of a new note (issue 17) in the house style of the notes of
 * a workspace folder (the folder of `uri`, a folder's or a note's; every note without one):
 * today's date line and the sections the notes use most.
 */
export const NoteTemplateRequest = new RequestType<NoteTemplateParams, NoteTemplateResult, void>('digestLens/noteTemplate');
export interface NoteTemplateParams {
  uri?: string;
}
export interface NoteTemplateResult {
  /** The template as plain text. */
  text: string;
  /** The same as an LSP snippet: a tab stop for the title (when the notes have one) and each section's body. */
  snippet: string;
  /** Today's date, YYYY-MM-DD (local time): the date the template's date line shows. */
  date: string;
  /** The notes whose style it follows (0: no note had a date line, the default was used). */
  notes: number;
}
