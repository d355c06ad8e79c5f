/**
 * The skeletons of a new entity file, one owner for both ways a file is created: the "add
 * entity" edit, and the empty file the client's Open Entity File asks for
 * (digestLens/entityFileTemplate).
 */

/** The header row of a CSV entity file. */
export const CSV_HEADER = 'id,name,aliases,tickers,kind';

/** Whether an entity file name is a CSV file (else JSON). */
export const isCsvFile = (fileName: string): boolean => /\.csv$/i.test(fileName);

/** A new entity file with an empty list, or with these entries (JSON text of each, already indented by four spaces). */
export function entityFileWith(fileName: string, rows: string[] = []): string {
  if (isCsvFile(fileName)) return `${CSV_HEADER}\n${rows.map((r) => `${r}\n`).join('')}`;
  return rows.length ? `{\n  "entities": [\n${rows.join(',\n')}\n  ]\n}\n` : '{\n  "entities": []\n}\n';
}
