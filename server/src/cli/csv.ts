/**
 * CSV output of `digest-lens scan --format csv`: one row per figure, entity mention
 * and theme, with a `type` column saying which. A figure's row ends with its fact fields:
 * subject, counterparty and source (id and name), metric, period and fact number.
 */
import { viewOfRecord, type FileRecord, type FileRecordView } from './report';

export const CSV_HEADER = [
  'path', 'type', 'text', 'offset', 'length', 'line', 'character',
  'currency', 'value', 'min', 'max', 'approximate', 'per', 'base_currency', 'base_value',
  'id', 'name', 'kind', 'ticker', 'mentions',
  'subject_id', 'subject_name', 'counterparty_id', 'counterparty_name', 'source_id', 'source_name', 'metric', 'period', 'fact',
];

/**
 * Whether a spreadsheet would read this text as a formula: it starts with =, +, -, @, a tab
 * or a carriage return (OWASP, "CSV Injection").
 */
function formulaLike(v: string): boolean {
  const c = v.charCodeAt(0);
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d;
}

/**
 * One CSV field. Text that a spreadsheet would run as a formula (an entity named
 * "=HYPERLINK(…)" in a folder's entity file) gets a leading apostrophe, as the OWASP
 * guidance says, so it shows as text; a field holding a comma, a quote or a line break is
 * quoted. Numbers and booleans are written as they are (a negative number stays
 * a number).
 */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return String(v);
  // The same rule as the extension's export (client/src/export.ts csvCell).
  const s = formulaLike(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line of values, without building an array of quoted fields first. */
function csvLine(values: unknown[]): string {
  let line = csvField(values[0]);
  for (let i = 1; i < values.length; i++) line += ',' + csvField(values[i]);
  return line;
}

/** The CSV rows (without header) of one file. */
export function csvRows(file: FileRecord): string[] {
  const rows: string[] = [];
  writeCsvRows(viewOfRecord(file), (row) => rows.push(row));
  return rows;
}

/** Gives the CSV rows of one file (without header or line ends) one at a time, as each is made. */
export function writeCsvRows(file: FileRecordView, row: (line: string) => void): void {
  for (let i = 0; i < file.figureCount; i++) {
    const f = file.figure(i);
    row(csvLine([file.path, 'figure', f.text, f.offset, f.length, f.line, f.character, f.currency, f.value, f.min, f.max, f.approximate, f.per, f.base?.currency, f.base?.value, '', '', '', '', '',
      f.subject?.id, f.subject?.name, f.counterparty?.id, f.counterparty?.name, f.source?.id, f.source?.name, f.metric, f.period, f.fact]));
  }
  for (let i = 0; i < file.entityCount; i++) {
    const e = file.entity(i);
    row(csvLine([file.path, 'entity', e.text, e.offset, e.length, e.line, e.character, '', '', '', '', '', '', '', '', e.id, e.name, e.kind, e.ticker, '', '', '', '', '', '', '', '', '', '']));
  }
  for (const t of file.themes) {
    row(csvLine([file.path, 'theme', t.label, '', '', '', '', '', '', '', '', '', '', '', '', t.id, t.label, 'theme', '', t.mentions, '', '', '', '', '', '', '', '', '']));
  }
}
