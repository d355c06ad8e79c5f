/**
 * The CSV reader of the user entity file: rows of cells, each cell with its value and where
 * it is written (inside the quotes for a quoted cell), so the parser can point at a cell
 * and rename can replace one. Linear, never throws. Blank lines and lines starting with
 * "#" are skipped.
 */

/** One cell: its value (quotes resolved) and its span in the file. */
export interface CsvCell {
  value: string;
  offset: number;
  length: number;
}

export interface CsvRow {
  cells: CsvCell[];
  /** 1-based line of the row's first character. */
  line: number;
  /** Offset of the row's first character. */
  offset: number;
}

/** Reads every row; an unterminated quoted cell is reported at its opening quote. */
export function readCsv(text: string): { rows: CsvRow[]; errors: { message: string; offset: number }[] } {
  const rows: CsvRow[] = [];
  const errors: { message: string; offset: number }[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i <= text.length) {
    const rowStart = i;
    const rowLine = line;
    const cells: CsvCell[] = [];
    for (;;) {
      if (text[i] === '"') {
        const open = i++;
        let value = '';
        let chunk = i;
        for (;;) {
          if (i >= text.length) {
            errors.push({ message: 'Unterminated quoted field', offset: open });
            break;
          }
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += text.slice(chunk, i + 1);
              i += 2;
              chunk = i;
              continue;
            }
            break;
          }
          if (c === '\n') line++;
          i++;
        }
        value += text.slice(chunk, i);
        cells.push({ value, offset: open + 1, length: i - open - 1 });
        if (i < text.length) i++; // the closing quote
        // Anything between the closing quote and the next comma belongs to the cell.
        const after = i;
        while (i < text.length && text[i] !== ',' && text[i] !== '\n') i++;
        if (i > after) cells[cells.length - 1].value += text.slice(after, i).replace(/\r$/, '');
      } else {
        const start = i;
        while (i < text.length && text[i] !== ',' && text[i] !== '\n') i++;
        let end = i;
        if (end > start && text[end - 1] === '\r' && text[end] !== ',') end--;
        cells.push({ value: text.slice(start, end), offset: start, length: end - start });
      }
      if (text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    // i is at a line break or the end.
    const blank = cells.length === 1 && !cells[0].value.trim();
    const comment = text[rowStart] === '#';
    if (!blank && !comment) rows.push({ cells, line: rowLine, offset: rowStart });
    if (i >= text.length) break;
    i++;
    line++;
  }
  return { rows, errors };
}

/** A cell's text for a CSV file: quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
