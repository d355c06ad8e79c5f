/**
 * CSV and JSON text of the figures table and the entity list, for the export commands.
 * Pure (no `vscode`): unit-tested in test/unit/client-export.test.ts.
 */
import type { EntitySummary, FigureRow } from '../../server/src/protocol';

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
export const FIGURE_COLUMNS = ['file', 'line', 'column', 'text', 'currency', 'value', 'min', 'max', 'approximate', 'per', 'baseValue', 'baseCurrency', 'date', 'entityId', 'entityName'] as const;

/** The figures as CSV, one row per figure. */
export function figuresCsv(rows: readonly FigureRow[], label: UriLabel): string {
  return toCsv(
    FIGURE_COLUMNS,
    rows.map((r) => [label(r.uri), r.range.start.line + 1, r.range.start.character + 1, r.text, r.currency, r.value, r.min, r.max, r.approximate, r.per, r.baseValue, r.baseCurrency, r.date, r.entityId, r.entityName]),
  );
}

/** The figures as JSON: the rows with file labels and 1-based positions. */
export function figuresJson(rows: readonly FigureRow[], label: UriLabel, baseCurrency: string): string {
  const figures = rows.map((r) => ({
    file: label(r.uri),
    line: r.range.start.line + 1,
    column: r.range.start.character + 1,
    text: r.text,
    currency: r.currency,
    value: r.value,
    min: r.min,
    max: r.max,
    approximate: r.approximate,
    per: r.per,
    baseValue: r.baseValue,
    date: r.date,
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
