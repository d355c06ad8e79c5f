/**
 * The figures webview's HTML shell and the data it receives. Pure (no `vscode`), so the
 * escaping and the Content-Security-Policy are unit-tested (test/unit/client-figures.test.ts).
 *
 * The page holds no data and no inline script: media/figures/figures.js (loaded with a
 * nonce) builds the table and the chart from a `figures` message, using textContent only.
 */
import { randomBytes } from 'node:crypto';
import type { FigureRow } from '../../../server/src/protocol';

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

/** The HTML shell of the figures panel. Every interpolated value is escaped. */
export function figuresHtml(o: ShellOptions): string {
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
<section id="chart-section"><h2 id="chart-title"></h2><div id="chart"></div></section>
<section id="table-section"><table id="figures"><thead></thead><tbody></tbody></table></section>
<p id="empty" hidden></p>
<script nonce="${e(o.nonce)}" src="${e(o.scriptUri)}"></script>
</body>
</html>
`;
}

/** The localised labels the page shows (the extension translates them; the page only displays them). */
export interface FiguresLabels {
  text: string;
  value: string;
  converted: string;
  entity: string;
  file: string;
  date: string;
  chartTitle: string;
  empty: string;
  summary: string;
  noRate: string;
  sortHint: string;
}

/** One row as the page receives it: plain values, the file as a label, and its index for "open". */
export interface PageRow {
  index: number;
  text: string;
  currency: string;
  value: number;
  baseValue: number | null;
  approximate: boolean;
  per: string | null;
  entity: string | null;
  file: string;
  line: number;
  date: string | null;
}

/** extension → page: the data to show. */
export interface FiguresMessage {
  type: 'figures';
  baseCurrency: string;
  locale: string;
  labels: FiguresLabels;
  rows: PageRow[];
  /** The chart's bars, computed here by largestByEntity so the page only draws. */
  bars: ChartBar[];
}

/** One bar of the chart. */
export interface ChartBar {
  entity: string;
  value: number;
  text: string;
  index: number;
  /** The figure was hedged or vague (约, 数兆): the page marks the bar with ≈. */
  approximate: boolean;
}

/** page → extension: the page is ready for data, or the user clicked a row. */
export type PageMessage = { type: 'ready' } | { type: 'open'; index: number };

/** Validates a message from the page: it is untrusted input, like any webview message. */
export function parsePageMessage(m: unknown, rowCount: number): PageMessage | null {
  if (!m || typeof m !== 'object') return null;
  const o = m as { type?: unknown; index?: unknown };
  if (o.type === 'ready') return { type: 'ready' };
  if (o.type === 'open' && typeof o.index === 'number' && Number.isInteger(o.index) && o.index >= 0 && o.index < rowCount) return { type: 'open', index: o.index };
  return null;
}

/** The rows the page shows, with files written by `label`. */
export function pageRows(rows: readonly FigureRow[], label: (uri: string) => string): PageRow[] {
  return rows.map((r, index) => ({
    index,
    text: r.text,
    currency: r.currency,
    value: r.value,
    baseValue: r.baseValue,
    approximate: r.approximate,
    per: r.per,
    entity: r.entityName,
    file: label(r.uri),
    line: r.range.start.line + 1,
    date: r.date,
  }));
}

/**
 * The bars of the chart: per entity, its largest figure in the base currency. Prices per
 * unit (元/吨) are left out: they are not amounts and would dwarf nothing or everything.
 */
export function largestByEntity(rows: readonly PageRow[], limit = 12): ChartBar[] {
  const best = new Map<string, ChartBar>();
  for (const r of rows) {
    if (!r.entity || r.per !== null || r.baseValue === null || !(r.baseValue > 0)) continue;
    const cur = best.get(r.entity);
    if (!cur || r.baseValue > cur.value) best.set(r.entity, { entity: r.entity, value: r.baseValue, text: r.text, index: r.index, approximate: r.approximate });
  }
  return [...best.values()].sort((a, b) => b.value - a.value).slice(0, limit);
}
