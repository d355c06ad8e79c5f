/**
 * The shipped form of the built-in data (dist/data/<name>.json.br): what esbuild.mjs writes
 * and builtin.ts reads back. Every file is JSON, brotli-compressed; companies.json is also
 * turned into columns (one array per field, which compresses far better than one array per
 * entity) with the fields that follow from others left out: an id that is the first
 * ticker written in lower case with '-' for ':' ("SH:600906" → "sh-600906"), a display name
 * that is the first of the names. Unpacking gives back exactly the JSON of server/data/.
 */

type Row = [string, string, string, string, string, string, number];
interface Companies {
  entities: Row[];
  [key: string]: unknown;
}
interface PackedCompanies {
  columns: [(string | null)[], (string | null)[], string[], string[], string[], string[], number[]];
  [key: string]: unknown;
}

const idFromTickers = (tickers: string): string => tickers.split('|')[0].toLowerCase().replace(':', '-');
const firstName = (names: string): string => names.split('|')[0];

/** The packed form of one data file's parsed JSON, as JSON text. */
export function packBuiltin(name: string, data: unknown): string {
  if (name !== 'companies') return JSON.stringify(data);
  const { entities, ...rest } = data as Companies;
  const columns: PackedCompanies['columns'] = [[], [], [], [], [], [], []];
  for (const [id, display, kind, names, tickers, sector, tier] of entities) {
    columns[0].push(tickers && id === idFromTickers(tickers) ? null : id);
    columns[1].push(names && display === firstName(names) ? null : display);
    columns[2].push(kind);
    columns[3].push(names);
    columns[4].push(tickers);
    columns[5].push(sector);
    columns[6].push(tier);
  }
  return JSON.stringify({ ...rest, columns });
}

/** The parsed JSON of one data file from its packed JSON text. */
export function unpackBuiltin(name: string, text: string): unknown {
  const data = JSON.parse(text);
  if (name !== 'companies') return data;
  const { columns, ...rest } = data as PackedCompanies;
  const [ids, displays, kinds, names, tickers, sectors, tiers] = columns;
  const entities: Row[] = kinds.map((kind, i) => [ids[i] ?? idFromTickers(tickers[i]), displays[i] ?? firstName(names[i]), kind, names[i], tickers[i], sectors[i], tiers[i]]);
  return { ...rest, entities };
}
