/**
 * The user's own entity list, `.digestlens/entities.json` or `.csv`.
 *
 * JSON: an array of {id?, name, aliases?, tickers?, kind?}, or {"entities": [...]}. CSV: header
 * `id,name,aliases,tickers,kind`, lists separated by `|`. Parsing is linear and never throws:
 * a syntax error is reported at its 1-based line and column, a bad entry at the entry's own
 * position, and every valid entry still loads.
 */
import type { Entity, EntityKind } from './types';

/** One problem in a user file, 1-based. */
export interface UserEntityError {
  message: string;
  line: number;
  column: number;
}

const KINDS = new Set<EntityKind>(['company', 'exchange', 'media', 'fund', 'product', 'person', 'regulator', 'index', 'candidate']);

/** Parses a user entity file; the extension of `fileName` chooses JSON or CSV. */
export function parseUserEntities(content: string, fileName: string): { entities: Entity[]; errors: UserEntityError[] } {
  if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
  return /\.csv$/i.test(fileName) ? parseCsvEntities(content) : parseJsonEntities(content);
}

function slug(name: string): string {
  const s = name.toLowerCase().replace(/[^a-z0-9\u3400-\u9fff]+/g, '-').replace(/^-|-$/g, '');
  return s || 'entity';
}

/** Kinds of the notable-companies vocabulary that are companies under another name. */
const COMPANY_KINDS = new Set(['listed', 'private', 'subsidiary', 'state-owned', 'broker', 'research', 'investor', 'bank']);

/** Reads a kind, accepting the notable-companies vocabulary ("listed", "private"...) as company. */
function kindFrom(text: string): EntityKind | null {
  const k = text.trim().toLowerCase();
  if (KINDS.has(k as EntityKind)) return k as EntityKind;
  return COMPANY_KINDS.has(k) ? 'company' : null;
}

function makeEntity(id: string | undefined, name: string, aliases: string[], tickers: string[], kind: EntityKind): Entity {
  const names = [name, ...aliases.filter((a) => a && a !== name)];
  return { id: id || `user:${slug(name)}`, name, kind, names, tickers: tickers.filter(Boolean), origin: 'user' };
}

/** Line and column (1-based) of an offset; `starts` are the line start offsets. */
function position(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

// ---------------------------------------------------------------------------------------
// JSON: a small recursive-descent reader that keeps the offset of every value, so errors
// point at the exact character.

type JValue = { kind: 'object'; at: number; entries: Map<string, JValue> } | { kind: 'array'; at: number; items: JValue[] } | { kind: 'string'; at: number; value: string } | { kind: 'other'; at: number; type: string };

class JsonSyntaxError extends Error {
  constructor(message: string, readonly offset: number) { super(message); }
}

class JsonReader {
  i = 0;
  constructor(private readonly s: string) {}

  private ws(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else break;
    }
  }

  private fail(message: string): never {
    throw new JsonSyntaxError(message, this.i);
  }

  document(): JValue {
    this.ws();
    const v = this.value();
    this.ws();
    if (this.i < this.s.length) this.fail(`Unexpected '${this.s[this.i]}' after the end of the JSON value`);
    return v;
  }

  value(): JValue {
    this.ws();
    const at = this.i;
    const c = this.s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return { kind: 'string', at, value: this.string() };
    if (c === undefined) this.fail('Unexpected end of file');
    const m = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(this.s.slice(this.i, this.i + 64));
    if (!m) this.fail(`Unexpected '${c}'`);
    this.i += m[0].length;
    return { kind: 'other', at, type: m[0] === 'null' ? 'null' : m[0] === 'true' || m[0] === 'false' ? 'boolean' : 'number' };
  }

  private object(): JValue {
    const at = this.i++;
    const entries = new Map<string, JValue>();
    this.ws();
    if (this.s[this.i] === '}') { this.i++; return { kind: 'object', at, entries }; }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail(this.i >= this.s.length ? 'Unexpected end of file in an object' : `Expected a property name in double quotes, found '${this.s[this.i]}'`);
      const key = this.string();
      this.ws();
      if (this.s[this.i] !== ':') this.fail(`Expected ':' after property name "${key}"`);
      this.i++;
      entries.set(key, this.value());
      this.ws();
      const c = this.s[this.i];
      if (c === ',') { this.i++; continue; }
      if (c === '}') { this.i++; return { kind: 'object', at, entries }; }
      this.fail(c === undefined ? 'Unexpected end of file in an object' : `Expected ',' or '}' in an object, found '${c}'`);
    }
  }

  private array(): JValue {
    const at = this.i++;
    const items: JValue[] = [];
    this.ws();
    if (this.s[this.i] === ']') { this.i++; return { kind: 'array', at, items }; }
    for (;;) {
      items.push(this.value());
      this.ws();
      const c = this.s[this.i];
      if (c === ',') { this.i++; continue; }
      if (c === ']') { this.i++; return { kind: 'array', at, items }; }
      this.fail(c === undefined ? 'Unexpected end of file in an array' : `Expected ',' or ']' in an array, found '${c}'`);
    }
  }

  private string(): string {
    const s = this.s;
    const start = ++this.i;
    let out = '';
    let chunk = start;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 34) { out += s.slice(chunk, this.i); this.i++; return out; }
      if (c === 10) this.fail('Unterminated string');
      if (c === 92) {
        out += s.slice(chunk, this.i);
        const e = s[this.i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e in simple) { out += simple[e]; this.i += 2; }
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(this.i + 2, this.i + 6))) { out += String.fromCharCode(parseInt(s.slice(this.i + 2, this.i + 6), 16)); this.i += 6; }
        else this.fail('Invalid escape in string');
        chunk = this.i;
        continue;
      }
      this.i++;
    }
    return this.fail('Unterminated string');
  }
}

function parseJsonEntities(content: string): { entities: Entity[]; errors: UserEntityError[] } {
  const starts = lineStartsOf(content);
  const errors: UserEntityError[] = [];
  const entities: Entity[] = [];
  let doc: JValue;
  const reader = new JsonReader(content);
  try {
    doc = reader.document();
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    errors.push({ message: e.message, ...position(starts, e.offset) });
    // Keep what was readable: re-read the array item by item up to the error.
    return { entities: salvage(content, e.offset, starts, errors), errors };
  }
  // Both `[...]` and `{"entities": [...]}` are accepted.
  if (doc.kind === 'object' && doc.entries.get('entities')?.kind === 'array') doc = doc.entries.get('entities')!;
  if (doc.kind !== 'array') {
    errors.push({ message: 'Expected an array of entities, or an object with an "entities" array', ...position(starts, doc.at) });
    return { entities, errors };
  }
  for (const item of doc.items) readEntry(item, starts, entities, errors);
  return { entities, errors };
}

/** Reads the complete entries of a JSON array that has a syntax error after them. */
function salvage(content: string, errorAt: number, starts: number[], errors: UserEntityError[]): Entity[] {
  const entities: Entity[] = [];
  const reader = new JsonReader(content);
  let i = 0;
  while (i < content.length && /\s/.test(content[i])) i++;
  if (content[i] !== '[') return entities;
  reader.i = i + 1;
  for (;;) {
    try {
      const item = reader.value();
      if (reader.i > errorAt) break;
      readEntry(item, starts, entities, errors);
      while (reader.i < content.length && /[\s,]/.test(content[reader.i])) reader.i++;
      if (reader.i >= errorAt) break;
    } catch {
      break;
    }
  }
  return entities;
}

function readEntry(item: JValue, starts: number[], entities: Entity[], errors: UserEntityError[]): void {
  const bad = (message: string, at: number) => errors.push({ message, ...position(starts, at) });
  if (item.kind !== 'object') { bad('Each entity must be an object with at least a "name"', item.at); return; }
  const get = (k: string) => item.entries.get(k);
  const str = (k: string): string | undefined | null => {
    const v = get(k);
    if (v === undefined) return undefined;
    if (v.kind !== 'string') { bad(`"${k}" must be a string`, v.at); return null; }
    return v.value;
  };
  const strList = (k: string): string[] | null => {
    const v = get(k);
    if (v === undefined) return [];
    if (v.kind === 'string') return v.value.split('|').map((x) => x.trim()).filter(Boolean);
    if (v.kind !== 'array') { bad(`"${k}" must be an array of strings`, v.at); return null; }
    const out: string[] = [];
    for (const x of v.items) {
      if (x.kind !== 'string') { bad(`"${k}" must contain only strings`, x.at); return null; }
      out.push(x.value);
    }
    return out;
  };
  const name = str('name');
  if (name === undefined) { bad('Entity has no "name"', item.at); return; }
  const id = str('id');
  const kindText = str('kind');
  const aliases = strList('aliases');
  const tickers = strList('tickers');
  // Other-script names are aliases too: `name_en`, `name_zh` as in the notable-companies list.
  for (const k of ['name_en', 'name_zh']) {
    const v = str(k);
    if (v && aliases) aliases.push(v);
  }
  if (name === null || id === null || kindText === null || aliases === null || tickers === null) return;
  if (!name.trim()) { bad('"name" is empty', get('name')!.at); return; }
  let kind: EntityKind = 'company';
  if (kindText !== undefined) {
    const k = kindFrom(kindText);
    if (!k) { bad(`Unknown kind "${kindText}" (expected one of ${[...KINDS].join(', ')})`, get('kind')!.at); return; }
    kind = k;
  }
  entities.push(makeEntity(id, name.trim(), aliases, tickers, kind));
}

// ---------------------------------------------------------------------------------------
// CSV

function parseCsvEntities(content: string): { entities: Entity[]; errors: UserEntityError[] } {
  const entities: Entity[] = [];
  const errors: UserEntityError[] = [];
  const rows: { fields: string[]; line: number; cols: number[] }[] = [];
  let fields: string[] = [];
  let cols: number[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let lineStart = 0;
  let rowLine = 1;
  let fieldCol = 1;
  for (let i = 0; i <= content.length; i++) {
    const c = i < content.length ? content[i] : '\n';
    if (quoted) {
      if (i === content.length) { errors.push({ message: 'Unterminated quoted field', line: rowLine, column: fieldCol }); quoted = false; }
      else if (c === '"') { if (content[i + 1] === '"') { field += '"'; i++; } else quoted = false; continue; }
      else { if (c === '\n') { line++; lineStart = i + 1; } field += c; continue; }
    }
    if (c === '"' && field === '') { quoted = true; continue; }
    if (c === ',') { fields.push(field); cols.push(fieldCol); field = ''; fieldCol = i - lineStart + 2; continue; }
    if (c === '\r') continue;
    if (c === '\n') {
      fields.push(field); cols.push(fieldCol);
      if (fields.length > 1 || fields[0] !== '') rows.push({ fields, line: rowLine, cols });
      fields = []; cols = []; field = '';
      line++; lineStart = i + 1; rowLine = line; fieldCol = 1;
      continue;
    }
    field += c;
  }
  if (!rows.length) return { entities, errors };
  const header = rows[0].fields.map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const iName = col('name');
  if (iName < 0) {
    errors.push({ message: 'The header must have a "name" column (expected id,name,aliases,tickers,kind)', line: rows[0].line, column: 1 });
    return { entities, errors };
  }
  const iId = col('id');
  const iAliases = col('aliases');
  const iTickers = col('tickers');
  const iKind = col('kind');
  const split = (s: string | undefined) => (s ? s.split('|').map((x) => x.trim()).filter(Boolean) : []);
  for (let r = 1; r < rows.length; r++) {
    const { fields: f, line: ln, cols: cs } = rows[r];
    if (f.length > header.length) { errors.push({ message: `Row has ${f.length} fields, the header has ${header.length}`, line: ln, column: cs[header.length] }); continue; }
    const name = (f[iName] ?? '').trim();
    if (!name) { errors.push({ message: 'Entity has no "name"', line: ln, column: cs[Math.min(iName, cs.length - 1)] }); continue; }
    let kind: EntityKind = 'company';
    const kindText = iKind >= 0 ? (f[iKind] ?? '').trim() : '';
    if (kindText) {
      const k = kindFrom(kindText);
      if (!k) { errors.push({ message: `Unknown kind "${kindText}" (expected one of ${[...KINDS].join(', ')})`, line: ln, column: cs[iKind] }); continue; }
      kind = k;
    }
    entities.push(makeEntity(iId >= 0 ? (f[iId] ?? '').trim() : undefined, name, split(f[iAliases]), split(f[iTickers]), kind));
  }
  return { entities, errors };
}
