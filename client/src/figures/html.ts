/**
 * The webviews' HTML shell (figures table and dossier) and the figures page's data and
 * messages. Pure (no `vscode`), so the escaping, the Content-Security-Policy and the
 * validation of the page's messages are unit-tested (test/unit/client-figures.test.ts).
 *
 * The page holds no data and no inline script: media/figures/figures.js (loaded with a
 * nonce) builds the filters, totals, chart and table from a `facts` message, using
 * textContent only, and asks for anything else by message.
 */
import { randomBytes } from 'node:crypto';
import type { FactFilter, FactRow, FactSortKey, FactTotal, FactsResult } from '../../../protocol/src';

/** Escapes text for an HTML text node or a double-quoted attribute value. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A fresh nonce for one page load: 128 random bits, base64 without padding characters. */
export function makeNonce(): string {
  return randomBytes(16).toString('base64').replace(/[+/=]/g, (c) => (c === '+' ? '-' : c === '/' ? '_' : ''));
}

/** The Content-Security-Policy of the page: nothing but our stylesheet, our nonce'd script and local images. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource}; script-src 'nonce-${nonce}'; img-src ${cspSource} data:`;
}

/** What the HTML shell needs. */
export interface ShellOptions {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** BCP 47 language of the UI (vscode.env.language). */
  lang: string;
  title: string;
}

/** The HTML shell of a page: the strict CSP, our stylesheet, the body skeleton, our nonce'd script. */
export function pageHtml(o: ShellOptions, body: string): string {
  const e = escapeHtml;
  return `<!DOCTYPE html>
<html lang="${e(o.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${e(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${e(o.styleUri)}">
<title>${e(o.title)}</title>
</head>
<body>
<header><h1 id="title">${e(o.title)}</h1><p id="summary"></p></header>
${body}
<p id="empty" hidden></p>
<script nonce="${e(o.nonce)}" src="${e(o.scriptUri)}"></script>
</body>
</html>
`;
}

/** The HTML shell of the figures panel. Every interpolated value is escaped. */
export function figuresHtml(o: ShellOptions): string {
  return pageHtml(
    o,
    `<section id="toolbar" class="toolbar"></section>
<section id="totals-section" hidden><h2 id="totals-title"></h2><table id="totals"><tbody></tbody></table></section>
<section id="chart-section"><h2 id="chart-title"></h2><div id="chart"></div></section>
<section id="table-section"><table id="figures"><thead></thead><tbody></tbody></table><p id="more"></p></section>`,
  );
}

/** The localised labels the page shows (the extension translates them; the page only displays them). */
export interface FiguresLabels {
  text: string;
  value: string;
  converted: string;
  subject: string;
  metric: string;
  period: string;
  source: string;
  file: string;
  date: string;
  chartTotals: string;
  chartLargest: string;
  totals: string;
  total: string;
  count: string;
  empty: string;
  summary: string;
  noRate: string;
  sortHint: string;
  also: string;
  allEntities: string;
  allMetrics: string;
  allThemes: string;
  from: string;
  to: string;
  clear: string;
  copyMarkdown: string;
  copyTsv: string;
  exportLabel: string;
  exportFile: string;
  exportWorkspace: string;
  exportFilter: string;
  more: string;
  counterpartyOf: string;
}

/** One row as the page receives it: plain values, the file as a label, and its index for "open". */
export interface PageRow {
  index: number;
  text: string;
  /** The other figures stating the same fact, as written. */
  others: string[];
  currency: string;
  value: number;
  baseValue: number | null;
  approximate: boolean;
  per: string | null;
  subject: string | null;
  counterparty: string | null;
  source: string | null;
  metric: string;
  period: string | null;
  file: string;
  line: number;
  date: string | null;
}

/** The table's state: what the page asked for last. */
export interface FiguresState {
  filter: FactFilter;
  sort: { key: FactSortKey; dir: 1 | -1 };
  limit: number;
}

/** extension → page: the data to show. */
export interface FiguresMessage {
  type: 'facts';
  baseCurrency: string;
  locale: string;
  labels: FiguresLabels;
  /** 'file' or 'workspace': which export scopes the page offers. */
  scope: 'file' | 'workspace';
  rows: PageRow[];
  /** Facts matching the filter, and in scope. */
  total: number;
  inScope: number;
  totals: FactTotal[];
  chart: FactsResult['chart'];
  facets: FactsResult['facets'];
  state: FiguresState;
}

/** page → extension, validated by parsePageMessage. */
export type PageMessage =
  | { type: 'ready' }
  | { type: 'open'; index: number; mention: number }
  | { type: 'query'; filter: FactFilter; sort: FiguresState['sort']; limit: number }
  | { type: 'copy'; format: 'markdown' | 'tsv' }
  | { type: 'export'; scope: 'file' | 'workspace' | 'filter' };

const SORT_KEYS: readonly FactSortKey[] = ['baseValue', 'value', 'text', 'subject', 'metric', 'period', 'source', 'file', 'date'];
/** Largest page the page may ask for. */
export const MAX_PAGE = 20000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[^\u0000-\u001f]{1,200}$/;

/** A filter from the page, with only well-formed fields kept. */
export function parseFilter(raw: unknown): FactFilter {
  const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const out: FactFilter = {};
  for (const k of ['entityId', 'metric', 'themeId'] as const) if (typeof o[k] === 'string' && ID.test(o[k] as string)) out[k] = o[k] as string;
  for (const k of ['from', 'to'] as const) if (typeof o[k] === 'string' && DATE.test(o[k] as string)) out[k] = o[k] as string;
  return out;
}

/**
 * Validates a message from the page: it is untrusted input, like any webview message. `others`
 * gives the number of restating figures of a row.
 */
export function parsePageMessage(m: unknown, rowCount: number, others: (index: number) => number = () => 0): PageMessage | null {
  if (!m || typeof m !== 'object') return null;
  const o = m as Record<string, unknown>;
  const int = (v: unknown) => typeof v === 'number' && Number.isInteger(v);
  switch (o.type) {
    case 'ready':
      return { type: 'ready' };
    case 'open': {
      if (!int(o.index) || (o.index as number) < 0 || (o.index as number) >= rowCount) return null;
      const mention = o.mention === undefined ? -1 : o.mention;
      if (!int(mention) || (mention as number) < -1 || (mention as number) >= others(o.index as number)) return null;
      return { type: 'open', index: o.index as number, mention: mention as number };
    }
    case 'query': {
      const sort = o.sort as { key?: unknown; dir?: unknown } | undefined;
      const key = SORT_KEYS.includes(sort?.key as FactSortKey) ? (sort!.key as FactSortKey) : 'baseValue';
      const dir = sort?.dir === 1 ? 1 : -1;
      const limit = int(o.limit) && (o.limit as number) > 0 ? Math.min(MAX_PAGE, o.limit as number) : 500;
      return { type: 'query', filter: parseFilter(o.filter), sort: { key, dir }, limit };
    }
    case 'copy':
      return o.format === 'markdown' || o.format === 'tsv' ? { type: 'copy', format: o.format } : null;
    case 'export':
      return o.scope === 'file' || o.scope === 'workspace' || o.scope === 'filter' ? { type: 'export', scope: o.scope } : null;
    default:
      return null;
  }
}

/** The rows the page shows, with files written by `label`. */
export function pageRows(rows: readonly FactRow[], label: (uri: string) => string): PageRow[] {
  return rows.map((r, index) => ({
    index,
    text: r.text,
    others: r.others.map((o) => o.text),
    currency: r.currency,
    value: r.value,
    baseValue: r.baseValue,
    approximate: r.approximate,
    per: r.per,
    subject: r.subjectName,
    counterparty: r.counterpartyName,
    source: r.sourceName,
    metric: r.metric,
    period: r.period,
    file: label(r.uri),
    line: r.range.start.line + 1,
    date: r.date,
  }));
}
