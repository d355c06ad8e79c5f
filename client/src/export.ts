/**
 * CSV and JSON text of the figures table and the entity list, for the export commands.
 * Pure (no `vscode`): unit-tested in test/unit/client-export.test.ts.
 */
import type { EntitySummary, FactRow, FigureRow } from '../../protocol/src';

/** The formats an export can be written in. */
export type ExportFormat = 'csv' | 'json';

/** The format a chosen file name asks for: JSON for ".json", CSV otherwise. */
export function formatOf(path: string): ExportFormat {
  return /\.json$/i.test(path) ? 'json' : 'csv';
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) gets a leading
 * apostrophe, because cells come from document text the user did not write as formulas.
 * Numbers are written as numbers, so negative values stay numeric.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text with a header row; CRLF line ends and a BOM so spreadsheets read the Chinese as UTF-8. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  const lines = [header.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

/** How a URI is written in an export: the caller's relative path when it has one. */
export type UriLabel = (uri: string) => string;

/** Columns of the figures export, in order. */
export const FIGURE_COLUMNS = ['file', 'line', 'column', 'text', 'currency', 'value', 'min', 'max', 'approximate', 'per', 'baseValue', 'baseCurrency', 'date', 'entityId', 'entityName', 'metric', 'period', 'fact'] as const;

/** The figures as CSV, one row per figure. */
export function figuresCsv(rows: readonly FigureRow[], label: UriLabel): string {
  return toCsv(
    FIGURE_COLUMNS,
    rows.map((r) => [label(r.uri), r.range.start.line + 1, r.range.start.character + 1, r.text, r.currency, r.value, r.min, r.max, r.approximate, r.per, r.baseValue, r.baseCurrency, r.date, r.entityId, r.entityName, r.metric, r.period, r.fact]),
  );
}

/** Where a figure or fact is written, and as what: the first fields of a JSON row. */
function placedJson(r: FigureRow | FactRow, label: UriLabel) {
  return { file: label(r.uri), line: r.range.start.line + 1, column: r.range.start.character + 1, text: r.text };
}

/** The amount of a JSON row, as stated and in the base currency at the note's date. */
function amountJson(r: FigureRow | FactRow) {
  return { currency: r.currency, value: r.value, min: r.min, max: r.max, approximate: r.approximate, per: r.per, baseValue: r.baseValue, date: r.date };
}

/** The figures as JSON: the rows with file labels and 1-based positions. */
export function figuresJson(rows: readonly FigureRow[], label: UriLabel, baseCurrency: string): string {
  const figures = rows.map((r) => ({
    ...placedJson(r, label),
    ...amountJson(r),
    entityId: r.entityId,
    entityName: r.entityName,
  }));
  return JSON.stringify({ baseCurrency, figures }, null, 2) + '\n';
}

/** Columns of the entities export, in order. */
export const ENTITY_COLUMNS = ['id', 'name', 'kind', 'mentions', 'files', 'firstDate'] as const;

/** The entities as CSV. */
export function entitiesCsv(entities: readonly EntitySummary[]): string {
  return toCsv(
    ENTITY_COLUMNS,
    entities.map((e) => [e.id, e.name, e.kind, e.mentions, e.files, e.firstDate]),
  );
}

/** The entities as JSON. */
export function entitiesJson(entities: readonly EntitySummary[]): string {
  return JSON.stringify({ entities: entities.map((e) => ({ id: e.id, name: e.name, kind: e.kind, mentions: e.mentions, files: e.files, firstDate: e.firstDate })) }, null, 2) + '\n';
}

/** Columns of the facts export (one row per fact), in order. */
export const FACT_COLUMNS = [
  'file', 'line', 'column', 'text', 'alsoStatedAs', 'currency', 'value', 'min', 'max', 'approximate', 'per', 'baseValue', 'baseCurrency', 'date',
  'subjectId', 'subject', 'counterpartyId', 'counterparty', 'sourceId', 'source', 'metric', 'period',
] as const;

function factCells(r: FactRow, label: UriLabel): (string | number | boolean | null)[] {
  return [
    label(r.uri), r.range.start.line + 1, r.range.start.character + 1, r.text, r.others.map((o) => o.text).join(' | '), r.currency, r.value, r.min, r.max, r.approximate, r.per,
    r.baseValue, r.baseCurrency, r.date, r.subjectId, r.subjectName, r.counterpartyId, r.counterpartyName, r.sourceId, r.sourceName, r.metric, r.period,
  ];
}

/** The facts as CSV, one row per fact; the figures restating it in `alsoStatedAs`. */
export function factsCsv(rows: readonly FactRow[], label: UriLabel): string {
  return toCsv(FACT_COLUMNS, rows.map((r) => factCells(r, label)));
}

/** The facts as JSON: rows with file labels, 1-based positions and every restating figure. */
export function factsJson(rows: readonly FactRow[], label: UriLabel, baseCurrency: string, scope: string): string {
  const facts = rows.map((r) => ({
    ...placedJson(r, label),
    alsoStatedAs: r.others.map((o) => ({ text: o.text, line: o.range.start.line + 1, column: o.range.start.character + 1 })),
    ...amountJson(r),
    subject: r.subjectId ? { id: r.subjectId, name: r.subjectName } : null,
    counterparty: r.counterpartyId ? { id: r.counterpartyId, name: r.counterpartyName } : null,
    source: r.sourceId ? { id: r.sourceId, name: r.sourceName } : null,
    metric: r.metric,
    period: r.period,
  }));
  return JSON.stringify({ baseCurrency, scope, facts }, null, 2) + '\n';
}

/** Columns of the copied table (Markdown and TSV): what an analyst pastes into a note or a sheet. */
export const COPY_COLUMNS = ['Subject', 'Metric', 'Period', 'Figure', 'Also stated as', 'Base value', 'Source', 'Date', 'File'] as const;

function copyCells(r: FactRow, label: UriLabel): string[] {
  const subject = r.subjectName ? (r.counterpartyName ? `${r.subjectName} → ${r.counterpartyName}` : r.subjectName) : r.counterpartyName ? `→ ${r.counterpartyName}` : '';
  const base = r.baseValue === null ? '' : `${r.baseCurrency} ${Number(r.baseValue.toPrecision(4))}${r.per ? `/${r.per}` : ''}`;
  return [subject, r.metric, r.period ?? '', r.text, r.others.map((o) => o.text).join(', '), base, r.sourceName ?? '', r.date ?? '', `${label(r.uri)}:${r.range.start.line + 1}`];
}

/** The facts as a Markdown table; pipes and line breaks in cells escaped. */
export function factsMarkdown(rows: readonly FactRow[], label: UriLabel): string {
  const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(COPY_COLUMNS), `|${COPY_COLUMNS.map(() => ' --- ').join('|')}|`, ...rows.map((r) => line(copyCells(r, label)))].join('\n') + '\n';
}

/** The facts as tab-separated values (tabs and line breaks in cells become spaces). */
export function factsTsv(rows: readonly FactRow[], label: UriLabel): string {
  const cell = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  return [COPY_COLUMNS.join('\t'), ...rows.map((r) => copyCells(r, label).map(cell).join('\t'))].join('\n') + '\n';
}
