/**
 * The Federal Reserve's H.10 release as the Data Download Program writes it in CSV with
 * labels, series in columns: header rows whose first cell is "Series Description", "Unit:",
 * "Multiplier:", "Currency:", "Unique Identifier:" and "Time Period", then one row per date
 * ("ND" where there is no data). Each column is one series: most are currency units per USD
 * (Unit "Currency:_Per_USD", Currency the code), some USD per unit (Unit "Currency:_Per_EUR",
 * Currency "USD": EUR, GBP, AUD, NZD), which are inverted; index columns are left out.
 * The "Multiplier:" row is not applied: the pound's column says 0.01 in real files while its
 * values are plain dollars per pound.
 */
import { dayNumber } from '../dailyHistory';
import { isCode, looksLikeHtml, MAX_SOURCE_BYTES, positiveNumber, roundRate, type Parsed, type RateRow } from './types';

/** One CSV line's cells (RFC 4180 quotes; a line is never longer than the file). */
export function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** A column's reading: the currency and whether its values are USD per unit (to invert). */
interface Column {
  code: string;
  invert: boolean;
}

const UNIT_PREFIX = 'Currency:_Per_';

function columnOf(unit: string | undefined, currency: string | undefined): Column | null {
  const u = (unit ?? '').trim();
  const c = (currency ?? '').trim();
  if (!u.startsWith(UNIT_PREFIX)) return null;
  const per = u.slice(UNIT_PREFIX.length).trim();
  if (per === 'USD' && isCode(c) && c !== 'USD') return { code: c, invert: false };
  if (c === 'USD' && isCode(per) && per !== 'USD') return { code: per, invert: true };
  return null;
}

/** YYYY-MM-DD from the DDP's date cell: as is, or YYYY/M/D as some exports write it. */
function isoDay(cell: string): string {
  const parts = cell.split('/');
  if (parts.length !== 3 || parts[0].length !== 4) return cell;
  return `${parts[0]}-${parts[1].padStart(2, '0')}-${parts[2].padStart(2, '0')}`;
}

export function parseFed(text: string): Parsed {
  if (text.length > MAX_SOURCE_BYTES) return { ok: false, code: 'tooLarge', detail: String(text.length) };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (looksLikeHtml(body)) return { ok: false, code: 'html' };
  const header = new Map<string, string[]>();
  const rows: RateRow[] = [];
  let columns: (Column | null)[] | null = null;
  let start = 0;
  while (start < body.length) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    const raw = body.slice(start, end);
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    start = end + 1;
    if (line.trim() === '') continue;
    const cells = csvCells(line);
    const label = cells[0].trim();
    if (columns === null) {
      // The labels as the DDP writes them, with or without a trailing space or colon.
      const key = label.endsWith(':') ? label.slice(0, -1).trim() : label;
      header.set(key, cells);
      if (key !== 'Time Period') continue;
      const unit = header.get('Unit');
      const currency = header.get('Currency');
      if (!unit || !currency) return { ok: false, code: 'notCsv' };
      columns = cells.map((_, j) => (j === 0 ? null : columnOf(unit[j], currency[j])));
      if (!columns.some(Boolean)) return { ok: false, code: 'noSeries' };
      continue;
    }
    const day = dayNumber(isoDay(label));
    if (day === null) continue;
    for (let j = 1; j < cells.length && j < columns.length; j++) {
      const col = columns[j];
      if (!col) continue;
      const v = positiveNumber(cells[j]); // "ND" and empty cells are NaN
      if (Number.isNaN(v)) continue;
      rows.push({ currency: col.code, day, perUsd: roundRate(col.invert ? 1 / v : v) });
    }
  }
  if (columns === null) return { ok: false, code: 'notCsv' };
  return rows.length ? { ok: true, rows } : { ok: false, code: 'noRows' };
}
