/**
 * The human-readable report of `digest-lens scan --format table`: per file, one row
 * per figure with its value in the base currency, then entities with counts, then themes.
 */
import { viewOfRecord, type FigureRecord, type FileRecord, type FileRecordView } from './report';
import { formatAmount } from '../fx/format';
import { visible } from './visible';

/** Display width of a string in a terminal: CJK and full-width characters take two cells. */
export function displayWidth(s: string): number {
  // Most cells are plain ASCII or Latin text: one cell per code unit, no code point walk.
  let plain = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c >= 0x300) {
      plain = false;
      break;
    }
  }
  if (plain) return s.length;
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || (c >= 0x300 && c < 0x370) || c === 0x200b) continue;
    w += isWide(c) ? 2 : 1;
  }
  return w;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0x303e) ||
    (c >= 0x3041 && c <= 0x33ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xa000 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x1f300 && c <= 0x1faff) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}

function pad(s: string, sWidth: number, width: number, right = false): string {
  const gap = Math.max(0, width - sWidth);
  return right ? ' '.repeat(gap) + s : s + ' '.repeat(gap);
}

function clip(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…';
}

/** Renders rows as an aligned table with a header and a rule. */
export function renderTable(header: string[], cells: string[][], rightAligned: boolean[] = []): string {
  let out = '';
  writeTable(header, cells.length, (r) => cells[r], rightAligned, (s) => (out += s));
  return out;
}

/**
 * Writes an aligned table (header, rule, rows; lines joined by newlines, no newline at the
 * end) line by line. The rows are made twice, by `row(r)`, once to measure the columns and
 * once to write them, so a table of a million figures never holds its cells.
 */
export function writeTable(header: string[], rowCount: number, row: (r: number) => string[], rightAligned: boolean[], write: (s: string) => void): void {
  // Text from the folder never reaches the terminal as control characters (visible.ts).
  const cellsOf = (r: number) => row(r).map((c) => visible(c));
  const cellWidths = (cells: string[]) => cells.map((c) => displayWidth(c));
  const headerWidths = cellWidths(header);
  const widths = headerWidths.slice();
  for (let r = 0; r < rowCount; r++) {
    const rw = cellWidths(cellsOf(r));
    for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i], rw[i] ?? 0);
  }
  const line = (cells: string[], cw: number[]) => cells.map((c, i) => pad(c, cw[i], widths[i], rightAligned[i])).join('  ').trimEnd();
  write(line(header, headerWidths) + '\n' + widths.map((w) => '─'.repeat(w)).join('  '));
  for (let r = 0; r < rowCount; r++) {
    const cells = cellsOf(r);
    write('\n' + line(cells, cellWidths(cells)));
  }
}

/** Renders one file's report. */
export function renderFileTable(file: FileRecord, base: string): string {
  let out = '';
  writeFileTable(viewOfRecord(file), base, (s) => (out += s));
  return out;
}

/** Writes one file's report piece by piece (without a newline at the end). */
export function writeFileTable(file: FileRecordView, base: string, write: (s: string) => void): void {
  write(`${visible(file.path)}  (date: ${file.date ?? 'none'}, ${file.figureCount} figures, ${file.entityCount} entity mentions)\n\n`);
  if (file.figureCount) {
    const row = (i: number): string[] => {
      const f = file.figure(i);
      return [
        `${f.line + 1}:${f.character + 1}`,
        clip(f.text, 28),
        f.currency,
        formatAmount(f.value, f.currency, 'en') + (f.per ? `/${f.per}` : ''),
        f.min !== null && f.max !== null ? `${formatAmount(f.min, f.currency, 'en')} – ${formatAmount(f.max, f.currency, 'en')}` : '',
        f.approximate ? (f.qualifier ? `≈ (${f.qualifier})` : '≈') : '',
        f.base ? formatAmount(f.base.value, base, 'en') + (f.per ? `/${f.per}` : '') : 'n/a',
        f.base && f.currency !== base ? `${trimRate(f.base.rate)} ${f.base.rateDate}` : '',
        clip(partyText(f), 24),
        f.metric === 'other' ? '' : f.metric,
        f.period ?? '',
        f.source ? clip(f.source.name, 16) : '',
        factText(file, i, f.fact),
      ];
    };
    writeTable(['at', 'figure', 'ccy', 'value', 'range', 'approx', base, 'rate', 'subject', 'metric', 'period', 'source', 'fact'], file.figureCount, row, [
      false, false, false, true, false, false, true, false, false, false, false, false, false,
    ], write);
  } else write('(no figures)');
  write('\n\n');
  const entities = new Map<string, { name: string; kind: string; count: number; texts: Set<string> }>();
  for (let i = 0; i < file.entityCount; i++) {
    const e = file.entity(i);
    const entry = entities.get(e.id) ?? { name: e.name, kind: e.kind, count: 0, texts: new Set<string>() };
    entry.count++;
    entry.texts.add(e.text);
    entities.set(e.id, entry);
  }
  if (entities.size) {
    const rows = [...entities.entries()]
      .sort((a, b) => b[1].count - a[1].count || a[1].name.localeCompare(b[1].name))
      .map(([id, e]) => [clip(e.name, 28), e.kind, String(e.count), clip([...e.texts].join(' / '), 40), id]);
    write(renderTable(['entity', 'kind', 'count', 'as written', 'id'], rows, [false, false, true, false, false]));
  } else write('(no entities)');
  write('\n\n');
  if (file.themes.length) {
    write(renderTable(['theme', 'mentions'], file.themes.map((t) => [t.label, String(t.mentions)]), [false, true]));
  } else write('(no themes)');
}

/** "Tencent", or "SoftBank → Ampere" for a transaction with a counterparty. */
function partyText(f: FigureRecord): string {
  if (!f.subject) return f.counterparty ? `→ ${f.counterparty.name}` : '';
  return f.counterparty ? `${f.subject.name} → ${f.counterparty.name}` : f.subject.name;
}

/** "= 3:12" when the figure restates the fact of an earlier figure (its position), else "". */
function factText(file: FileRecordView, i: number, first: number): string {
  if (first === i || !(first >= 0 && first < file.figureCount)) return '';
  const f = file.figure(first);
  return `= ${f.line + 1}:${f.character + 1}`;
}

function trimRate(rate: number): string {
  return rate >= 100 ? rate.toFixed(2) : rate >= 1 ? rate.toFixed(4) : rate.toPrecision(4);
}
