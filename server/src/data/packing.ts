/**
 * The shipped form of the built-in data (dist/data/<name>.json.br): what esbuild.mjs writes
 * and builtin.ts reads back. Every file is JSON, brotli-compressed; companies.json is also
 * turned into columns (one array per field, which compresses far better than one array per
 * entity) with what follows from other fields left out:
 *  - an id that is the first ticker written in lower case with '-' for ':' ("SH:600906" →
 *    "sh-600906") is null; one that is the slug of the display name or of a name (ASCII
 *    letters and digits in lower case, the rest as single '-': "Character AI" →
 *    "character-ai") is the index of that name in [display, ...names]; a display name that is one of the names (null for the first, else its
 *    index: "Zhipu AI" in "智谱|智譜|Zhipu AI|…" is 2);
 *  - of two neighbouring names that are one name in both scripts ("华菱线缆|華菱線纜",
 *    "訊舟|讯舟"), the Simplified one, which the Traditional→Simplified table (t2s.json, shipped
 *    beside it) gives back character by character: "\u0001T" stands for "fold(T)|T" and
 *    "\u0002T" for "T|fold(T)";
 *  - a first ticker that follows the previous row's in the same exchange, with as many
 *    digits ("SZ:001207" after "SZ:001206"): "+" for the next number, "+K" for K further.
 * Unpacking gives back exactly the JSON of server/data/ (esbuild.mjs checks it at each build).
 */

type Row = [string, string, string, string, string, string, number];
interface Companies {
  entities: Row[];
  [key: string]: unknown;
}
interface PackedCompanies {
  columns: [(string | number | null)[], (string | number | null)[], string[], string[], string[], string[], number[]];
  [key: string]: unknown;
}

const idFromTickers = (tickers: string): string => tickers.split('|')[0].toLowerCase().replace(':', '-');
const firstName = (names: string): string => names.split('|')[0];

/** ASCII only, so that packing and unpacking agree whatever the runtime's Unicode tables. */
function slug(text: string): string {
  let out = '';
  let dash = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (dash && out) out += '-';
      out += String.fromCharCode(c);
      dash = false;
    } else dash = true;
  }
  return out;
}

/** Traditional → Simplified, character by character: the table of t2s.json ({ pairs: "繁简繁简…" }). */
export type Fold = (text: string) => string;

/** The fold of t2s.json's parsed data. */
export function foldFromT2s(data: unknown): Fold {
  const pairs = [...String((data as { pairs?: unknown }).pairs ?? '')];
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < pairs.length; i += 2) map.set(pairs[i], pairs[i + 1]);
  return (text) => {
    let out = '';
    for (const ch of text) out += map.get(ch) ?? ch;
    return out;
  };
}

const SIMPLIFIED_FIRST = '\u0001';
const TRADITIONAL_FIRST = '\u0002';

function packNames(names: string, fold: Fold): string {
  const parts = names.split('|');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const a = parts[i];
    const b = parts[i + 1];
    if (a.startsWith(SIMPLIFIED_FIRST) || a.startsWith(TRADITIONAL_FIRST)) throw new Error(`packing: a name starts with a marker: ${JSON.stringify(a)}`);
    if (b !== undefined && a !== b && fold(b) === a) {
      out.push(SIMPLIFIED_FIRST + b);
      i++;
    } else if (b !== undefined && a !== b && fold(a) === b) {
      out.push(TRADITIONAL_FIRST + a);
      i++;
    } else out.push(a);
  }
  return out.join('|');
}

function unpackNames(packed: string, fold: Fold): string {
  if (!packed.includes(SIMPLIFIED_FIRST) && !packed.includes(TRADITIONAL_FIRST)) return packed;
  return packed
    .split('|')
    .map((p) => (p.startsWith(SIMPLIFIED_FIRST) ? `${fold(p.slice(1))}|${p.slice(1)}` : p.startsWith(TRADITIONAL_FIRST) ? `${p.slice(1)}|${fold(p.slice(1))}` : p))
    .join('|');
}

const TICKER = /^([A-Z0-9]+):(\d+)(?=\||$)/;

/** The first tickers of a column, each after the previous one in the same exchange written as "+K". */
function packTickers(column: string[]): string[] {
  let prev: { exchange: string; n: number; width: number } | null = null;
  return column.map((tickers) => {
    if (tickers.startsWith('+')) throw new Error(`packing: a ticker starts with '+': ${tickers}`);
    const m = TICKER.exec(tickers);
    if (!m) return tickers;
    const n = Number(m[2]);
    const last = prev;
    prev = { exchange: m[1], n, width: m[2].length };
    if (!last || last.exchange !== m[1] || last.width !== m[2].length || !(n > last.n)) return tickers;
    return `+${n - last.n === 1 ? '' : n - last.n}${tickers.slice(m[0].length)}`;
  });
}

function unpackTickers(column: string[]): string[] {
  let prev: { exchange: string; n: number; width: number } | null = null;
  return column.map((packed) => {
    let tickers = packed;
    if (packed.startsWith('+') && prev) {
      const digits = /^\+(\d*)/.exec(packed)!;
      const n = prev.n + (digits[1] === '' ? 1 : Number(digits[1]));
      tickers = `${prev.exchange}:${String(n).padStart(prev.width, '0')}${packed.slice(digits[0].length)}`;
    }
    const m = TICKER.exec(tickers);
    if (m) prev = { exchange: m[1], n: Number(m[2]), width: m[2].length };
    return tickers;
  });
}

/** The packed form of one data file's parsed JSON, as JSON text; `fold` is t2s.json's (foldFromT2s). */
export function packBuiltin(name: string, data: unknown, fold: Fold): string {
  if (name === 'entities-extra') return packExtra(data as Extra, fold);
  if (name !== 'companies') return JSON.stringify(data);
  const { entities, ...rest } = data as Companies;
  const columns: PackedCompanies['columns'] = [[], [], [], [], [], [], []];
  for (const [id, display, kind, names, tickers, sector, tier] of entities) {
    const sluggable = [display, ...names.split('|')].findIndex((n) => n && slug(n) === id);
    columns[0].push(tickers && id === idFromTickers(tickers) ? null : sluggable >= 0 ? sluggable : id);
    const at = names ? names.split('|').indexOf(display) : -1;
    columns[1].push(at === 0 ? null : at > 0 ? at : display);
    columns[2].push(kind);
    columns[3].push(packNames(names, fold));
    columns[4].push(tickers);
    columns[5].push(sector);
    columns[6].push(tier);
  }
  columns[4] = packTickers(columns[4]);
  return JSON.stringify({ ...rest, columns });
}

/** The parsed JSON of one data file from its packed JSON text; `fold` as for packBuiltin. */
export function unpackBuiltin(name: string, text: string, fold: Fold): unknown {
  const data = JSON.parse(text);
  if (name === 'entities-extra') return unpackExtra(data as PackedExtra, fold);
  if (name !== 'companies') return data;
  const { columns, ...rest } = data as PackedCompanies;
  const [ids, displays, kinds, packedNames, packedTickers, sectors, tiers] = columns;
  const tickers = unpackTickers(packedTickers);
  const entities: Row[] = kinds.map((kind, i) => {
    const names = unpackNames(packedNames[i], fold);
    const d = displays[i];
    const display = d === null ? firstName(names) : typeof d === 'number' ? names.split('|')[d] : d;
    const id = ids[i];
    const name = typeof id === 'number' ? (id === 0 ? display : names.split('|')[id - 1]) : null;
    return [id === null ? idFromTickers(tickers[i]) : name !== null ? slug(name) : (id as string), display, kind, names, tickers[i], sectors[i], tiers[i]];
  });
  return { ...rest, entities };
}

/**
 * entities-extra.json: its entity objects become one array per field (a field an entity
 * does not have is null there; the source never holds null), and each name list one
 * string packed as the companies' names are.
 */
const EXTRA_FIELDS = ['id', 'name', 'kind', 'names', 'tickers', 'sector'] as const;
type ExtraEntity = Partial<Record<(typeof EXTRA_FIELDS)[number], unknown>>;
interface Extra {
  entities: ExtraEntity[];
  [key: string]: unknown;
}
interface PackedExtra {
  fields: Record<string, unknown[]>;
  [key: string]: unknown;
}

function packExtra(data: Extra, fold: Fold): string {
  const { entities, ...rest } = data;
  const fields: Record<string, unknown[]> = {};
  for (const f of EXTRA_FIELDS) fields[f] = [];
  for (const e of entities) {
    for (const key of Object.keys(e)) if (!(EXTRA_FIELDS as readonly string[]).includes(key)) throw new Error(`packing: entities-extra field ${key} is not one of ${EXTRA_FIELDS.join(', ')}`);
    for (const f of EXTRA_FIELDS) {
      const v = e[f];
      if (v === null) throw new Error(`packing: entities-extra ${String(e.id)} has ${f}: null`);
      // A name list becomes one packed string unless joining would lose something (none, or a '|' in a name).
      const joinable = f === 'names' && Array.isArray(v) && v.length > 0 && v.every((n) => typeof n === 'string' && !n.includes('|'));
      fields[f].push(v === undefined ? null : joinable ? packNames((v as string[]).join('|'), fold) : v);
    }
  }
  return JSON.stringify({ ...rest, fields });
}

function unpackExtra(data: PackedExtra, fold: Fold): Extra {
  const { fields, ...rest } = data;
  const entities = fields.id.map((_, i) => {
    const e: ExtraEntity = {};
    for (const f of EXTRA_FIELDS) {
      const v = fields[f][i];
      if (v !== null) e[f] = f === 'names' && typeof v === 'string' ? unpackNames(v, fold).split('|') : v;
    }
    return e;
  });
  return { ...rest, entities };
}
