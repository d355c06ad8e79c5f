/**
 * The user's entity file, `.digestlens/entities.json` or `.csv` (digestLens.entitiesFile):
 * the one owner of its format. Reading (entities and their problems at line and column),
 * locating an entry (definition, rename) and writing a new entry (the "Add entity" command
 * and code action) all go through here. Pure: no LSP, no vscode, no disk.
 *
 * JSON (comments and trailing commas allowed): an array of {id?, name, aliases?, tickers?,
 * kind?}, or {"entities": [...]}; `name_en` / `name_zh` count as aliases. CSV: header
 * `id,name,aliases,tickers,kind`, lists separated by `|`. A bad entry is reported at its
 * own position and every valid entry still loads; after a JSON syntax error the entries
 * written before it load.
 */
import type { Entity, EntityKind } from '../types';
import { foldText } from '../text';
import { csvCell, readCsv, type CsvCell } from './csv';
import { listOf, member, problems, readJson, type JsonNode, type UserFileError } from './json';
import { CSV_HEADER, entityFileWith, isCsvFile } from './templates';
import { MAX_ALIASES, MAX_ENTITIES, MAX_FILE_CHARS, MAX_NAME_CHARS, MAX_TICKER_CHARS, fileTooLarge, isSingleCharacter, singleCharacterName, tooLong, tooMany } from './limits';

export type { UserFileError } from './json';

const isCsv = isCsvFile;

export const ENTITY_KINDS: readonly EntityKind[] = ['company', 'exchange', 'media', 'fund', 'product', 'person', 'regulator', 'index', 'candidate'];
const KINDS = new Set<string>(ENTITY_KINDS);
/** Kinds of the notable-companies vocabulary that are companies under another name. */
const COMPANY_KINDS = new Set(['listed', 'private', 'subsidiary', 'state-owned', 'broker', 'research', 'investor', 'bank']);

/** Reads a kind, accepting the notable-companies vocabulary ("listed", "private"...) as company. */
export function kindFrom(text: string): EntityKind | null {
  const k = text.trim().toLowerCase();
  if (KINDS.has(k)) return k as EntityKind;
  return COMPANY_KINDS.has(k) ? 'company' : null;
}

const unknownKind = (text: string) => `Unknown kind "${text}" (expected one of ${ENTITY_KINDS.join(', ')})`;

function slug(name: string): string {
  const s = name.toLowerCase().replace(/[^a-z0-9\u3400-\u9fff]+/g, '-').replace(/^-|-$/g, '');
  return s || 'entity';
}

/** The id of an entry written without one. */
export const implicitId = (name: string) => `user:${slug(name)}`;

function makeEntity(id: string | undefined, name: string, aliases: string[], tickers: string[], kind: EntityKind): Entity {
  const names = [name, ...aliases.filter((a) => a && a !== name)];
  return { id: id || implicitId(name), name, kind, names, tickers: tickers.filter(Boolean), origin: 'user' };
}

const splitBar = (s: string | undefined) => (s ? s.split('|').map((x) => x.trim()).filter(Boolean) : []);

// ---------------------------------------------------------------------------------------
// Reading

/** Parses a user entity file; the extension of `fileName` chooses JSON or CSV. Never throws. */
export function parseUserEntities(content: string, fileName: string): { entities: Entity[]; errors: UserFileError[] } {
  // A file over the cap is not parsed at all: its tree alone would cost more than the cap
  // is there to bound.
  if (content.length > MAX_FILE_CHARS) return { entities: [], errors: [{ message: fileTooLarge(content.length), line: 1, column: 1 }] };
  return isCsv(fileName) ? parseCsv(content) : parseJson(content);
}

type Report = (message: string, offset: number, severity?: 'warning') => void;

/**
 * Applies the caps of one entry's texts (limits.ts): a name or id over its length drops
 * the entry; an alias or ticker over its length, or past the count cap, is dropped alone.
 * `at(i)` is where the i-th alias (ticker) is written. Returns null when the entry goes.
 */
function capped(
  e: { id: string | undefined; name: string; aliases: string[]; tickers: string[] },
  at: { id: number; name: number; alias: (i: number) => number; ticker: (i: number) => number },
  bad: Report,
): { id: string | undefined; name: string; aliases: string[]; tickers: string[] } | null {
  if (e.name.length > MAX_NAME_CHARS) return void bad(tooLong('Name', e.name.length, MAX_NAME_CHARS), at.name), null;
  if (e.id !== undefined && e.id.length > MAX_NAME_CHARS) return void bad(tooLong('Id', e.id.length, MAX_NAME_CHARS), at.id), null;
  if (isSingleCharacter(e.name)) bad(singleCharacterName('Name', e.name), at.name, 'warning');
  const keep = (list: string[], cap: number, what: string, plural: string, where: (i: number) => number): string[] => {
    const out: string[] = [];
    for (let i = 0; i < list.length; i++) {
      if (out.length === MAX_ALIASES) {
        bad(tooMany(plural, MAX_ALIASES, 'entity'), where(i));
        break;
      }
      if (list[i].length > cap) bad(tooLong(what, list[i].length, cap), where(i));
      else if (what === 'Alias' && isSingleCharacter(list[i].trim())) bad(singleCharacterName('Alias', list[i].trim()), where(i), 'warning');
      else out.push(list[i]);
    }
    return out;
  };
  return { id: e.id, name: e.name, aliases: keep(e.aliases, MAX_NAME_CHARS, 'Alias', 'aliases', at.alias), tickers: keep(e.tickers, MAX_TICKER_CHARS, 'Ticker', 'tickers', at.ticker) };
}

function parseJson(content: string): { entities: Entity[]; errors: UserFileError[] } {
  const { errors, report: bad } = problems(content);
  const entities: Entity[] = [];
  const { root, errors: syntax } = readJson(content);
  // A syntax error is reported (the first is enough: the rest follow from it), and only
  // the entries that end before it are read.
  const firstError = syntax.length ? syntax[0].offset : Infinity;
  if (syntax.length) bad(syntax[0].message, syntax[0].offset);
  if (!root) return { entities, errors };
  const list = listOf(root, 'entities');
  if (!list) {
    if (!syntax.length) bad('Expected an array of entities, or an object with an "entities" array', root.offset);
    return { entities, errors };
  }
  for (const item of list.children ?? []) {
    if (item.offset + item.length > firstError) break;
    if (entities.length === MAX_ENTITIES) {
      bad(tooMany('entities', MAX_ENTITIES), item.offset);
      break;
    }
    readEntry(item, entities, bad);
  }
  return { entities, errors };
}

function readEntry(item: JsonNode, entities: Entity[], bad: (message: string, offset: number) => void): void {
  if (item.type !== 'object') {
    bad('Each entity must be an object with at least a "name"', item.offset);
    return;
  }
  const str = (k: string): string | undefined | null => {
    const v = member(item, k);
    if (v === undefined) return undefined;
    if (v.type !== 'string') {
      bad(`"${k}" must be a string`, v.offset);
      return null;
    }
    return v.value as string;
  };
  // Where each alias (ticker) is written: its own string, or the one "a|b" string.
  const offsets: Record<'aliases' | 'tickers', number[]> = { aliases: [], tickers: [] };
  const strList = (k: 'aliases' | 'tickers'): string[] | null => {
    const v = member(item, k);
    if (v === undefined) return [];
    if (v.type === 'string') {
      const parts = splitBar(v.value as string);
      for (let i = 0; i < parts.length; i++) offsets[k].push(v.offset);
      return parts;
    }
    if (v.type !== 'array') {
      bad(`"${k}" must be an array of strings`, v.offset);
      return null;
    }
    const out: string[] = [];
    for (const x of v.children ?? []) {
      if (x.type !== 'string') {
        bad(`"${k}" must contain only strings`, x.offset);
        return null;
      }
      out.push(x.value as string);
      offsets[k].push(x.offset);
    }
    return out;
  };
  const name = str('name');
  if (name === undefined) {
    bad('Entity has no "name"', item.offset);
    return;
  }
  const id = str('id');
  const kindText = str('kind');
  const aliases = strList('aliases');
  const tickers = strList('tickers');
  // Other-script names are aliases too: `name_en`, `name_zh` as in the notable-companies list.
  for (const k of ['name_en', 'name_zh']) {
    const v = str(k);
    if (v && aliases) {
      aliases.push(v);
      offsets.aliases.push(member(item, k)!.offset);
    }
  }
  if (name === null || id === null || kindText === null || aliases === null || tickers === null) return;
  if (!name.trim()) {
    bad('"name" is empty', member(item, 'name')!.offset);
    return;
  }
  let kind: EntityKind = 'company';
  if (kindText !== undefined) {
    const k = kindFrom(kindText);
    if (!k) {
      bad(unknownKind(kindText), member(item, 'kind')!.offset);
      return;
    }
    kind = k;
  }
  const at = (n: JsonNode | undefined) => n?.offset ?? item.offset;
  const ok = capped(
    { id, name: name.trim(), aliases, tickers },
    { id: at(member(item, 'id')), name: at(member(item, 'name')), alias: (i) => offsets.aliases[i] ?? item.offset, ticker: (i) => offsets.tickers[i] ?? item.offset },
    bad,
  );
  if (ok) entities.push(makeEntity(ok.id, ok.name, ok.aliases, ok.tickers, kind));
}

/** The columns of a CSV entity file, from its header row. */
function csvColumns(header: CsvCell[]) {
  const names = header.map((h) => h.value.trim().toLowerCase());
  const col = (n: string) => names.indexOf(n);
  return { width: names.length, id: col('id'), name: col('name'), aliases: col('aliases'), tickers: col('tickers'), kind: col('kind') };
}

function parseCsv(content: string): { entities: Entity[]; errors: UserFileError[] } {
  const { errors, report: bad } = problems(content);
  const entities: Entity[] = [];
  const { rows, errors: syntax } = readCsv(content);
  for (const e of syntax) bad(e.message, e.offset);
  if (!rows.length) return { entities, errors };
  const cols = csvColumns(rows[0].cells);
  if (cols.name < 0) {
    bad('The header must have a "name" column (expected id,name,aliases,tickers,kind)', rows[0].offset);
    return { entities, errors };
  }
  for (const row of rows.slice(1)) {
    if (entities.length === MAX_ENTITIES) {
      bad(tooMany('entities', MAX_ENTITIES), row.offset);
      break;
    }
    const f = row.cells;
    const cellAt = (i: number) => f[Math.min(i, f.length - 1)].offset;
    if (f.length > cols.width) {
      bad(`Row has ${f.length} fields, the header has ${cols.width}`, f[cols.width].offset);
      continue;
    }
    const name = (f[cols.name]?.value ?? '').trim();
    if (!name) {
      bad('Entity has no "name"', cellAt(cols.name));
      continue;
    }
    let kind: EntityKind = 'company';
    const kindText = cols.kind >= 0 ? (f[cols.kind]?.value ?? '').trim() : '';
    if (kindText) {
      const k = kindFrom(kindText);
      if (!k) {
        bad(unknownKind(kindText), f[cols.kind].offset);
        continue;
      }
      kind = k;
    }
    const id = cols.id >= 0 ? (f[cols.id]?.value ?? '').trim() : undefined;
    const ok = capped(
      { id, name, aliases: splitBar(f[cols.aliases]?.value), tickers: splitBar(f[cols.tickers]?.value) },
      { id: cellAt(Math.max(cols.id, 0)), name: cellAt(cols.name), alias: () => cellAt(Math.max(cols.aliases, 0)), ticker: () => cellAt(Math.max(cols.tickers, 0)) },
      bad,
    );
    if (ok) entities.push(makeEntity(ok.id, ok.name, ok.aliases, ok.tickers, kind));
  }
  return { entities, errors };
}

// ---------------------------------------------------------------------------------------
// Locating an entry

/** A span of the file: offset and length in UTF-16 units. */
export interface FileSpan {
  offset: number;
  length: number;
}

/** Where one entity's entry is written in the user's entity file. */
export interface UserEntry {
  /** The "name" value, inside its quotes (JSON) or its cell (CSV, trimmed). */
  name: FileSpan;
  /** The name as written (JSON escapes resolved). */
  nameValue: string;
  /** The aliases as written, or null when the entry has no aliases list. */
  aliases: string[] | null;
  /**
   * Where one more alias goes and how it is written there: a JSON array gets `, "x"`
   * after its last item; an entry without aliases gets a whole `"aliases"` member; a CSV
   * aliases cell gets `|x`.
   */
  aliasInsert: { offset: number; format: (alias: string) => string } | null;
}

/** Finds the entry of entity `id` (or, for an entry without id, the one named `name`); null when there is none. */
export function locateUserEntry(fileText: string, fileName: string, id: string, name: string): UserEntry | null {
  // A file over the size cap loads no entry, so none is there to find (and its tree is not built).
  if (fileText.length > MAX_FILE_CHARS) return null;
  return isCsv(fileName) ? locateCsv(fileText, id, name) : locateJson(fileText, id, name);
}

function locateJson(text: string, id: string, name: string): UserEntry | null {
  const { root, errors } = readJson(text);
  // A broken file has no locations: its diagnostics say what to fix first.
  if (errors.length) return null;
  const list = listOf(root, 'entities');
  if (!list) return null;
  const stringOf = (n: JsonNode | undefined) => (n?.type === 'string' ? (n.value as string) : undefined);
  const items = list.children ?? [];
  // Match on the id when the entry has one; entries without an id get "user:<slug>", so they match by name.
  const entry = items.find((o) => stringOf(member(o, 'id')) === id) ?? items.find((o) => !member(o, 'id') && stringOf(member(o, 'name'))?.trim() === name);
  const nameNode = member(entry, 'name');
  if (!entry || nameNode?.type !== 'string') return null;
  const aliasNode = member(entry, 'aliases');
  let aliases: string[] | null = null;
  let aliasInsert: UserEntry['aliasInsert'] = null;
  if (aliasNode?.type === 'array') {
    const kids = aliasNode.children ?? [];
    aliases = kids.filter((n) => n.type === 'string').map((n) => n.value as string);
    const last = kids[kids.length - 1];
    aliasInsert = last ? { offset: last.offset + last.length, format: (a) => `, ${JSON.stringify(a)}` } : { offset: aliasNode.offset + 1, format: (a) => JSON.stringify(a) };
  } else if (!aliasNode) {
    aliasInsert = { offset: nameNode.offset + nameNode.length, format: (a) => `, "aliases": [${JSON.stringify(a)}]` };
  }
  return { name: { offset: nameNode.offset + 1, length: nameNode.length - 2 }, nameValue: nameNode.value as string, aliases, aliasInsert };
}

function locateCsv(text: string, id: string, name: string): UserEntry | null {
  const { rows } = readCsv(text);
  if (!rows.length) return null;
  const cols = csvColumns(rows[0].cells);
  if (cols.name < 0) return null;
  for (const row of rows.slice(1)) {
    const nameCell = row.cells[cols.name];
    if (!nameCell) continue;
    const idCell = cols.id >= 0 ? row.cells[cols.id] : undefined;
    const matches = idCell && idCell.value.trim() ? idCell.value.trim() === id : nameCell.value.trim() === name;
    if (!matches) continue;
    const aliasCell = cols.aliases >= 0 ? row.cells[cols.aliases] : undefined;
    const aliases = aliasCell ? splitBar(aliasCell.value) : null;
    // A CSV cell cannot take arbitrary text without re-quoting; aliases go at the cell's end.
    const aliasInsert: UserEntry['aliasInsert'] = aliasCell ? { offset: aliasCell.offset + aliasCell.length, format: (a) => (aliases!.length ? `|${a}` : a) } : null;
    const lead = nameCell.value.length - nameCell.value.trimStart().length;
    const trail = nameCell.value.length - nameCell.value.trimEnd().length;
    const span = { offset: nameCell.offset + lead, length: Math.max(0, nameCell.length - lead - trail) };
    return { name: span, nameValue: nameCell.value.trim(), aliases, aliasInsert };
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Writing a new entry

/** One new entry, as it is written. */
export interface NewEntity {
  id: string;
  name: string;
  aliases: string[];
  tickers: string[];
  kind: string;
}

const HAS_CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Id for a new entity: kebab-case of a Latin name, "user-<name>" for a Chinese one, made unique. */
export function entityIdFor(name: string, taken: (id: string) => boolean): string {
  // Runs are collapsed to one "-" first, so one dash at either end is all there is to trim.
  const kebab = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const base = HAS_CJK.test(name) || !kebab ? 'user-' + name.trim().replace(/\s+/g, '-') : kebab;
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

/** How names compare for "already listed": trimmed, folded (Traditional → Simplified, full-width → ASCII), any case. */
export const nameKey = (name: string): string => foldText(name.trim()).toLowerCase();

/** Every id and name (with aliases, by nameKey → id) an entity file already lists, for uniqueness checks. */
export function listedIn(text: string, fileName: string): { ids: Set<string>; names: Map<string, string> } {
  const { entities } = parseUserEntities(text, fileName);
  const names = new Map<string, string>();
  for (const e of entities) for (const n of e.names) if (!names.has(nameKey(n))) names.set(nameKey(n), e.id);
  return { ids: new Set(entities.map((e) => e.id)), names };
}

/** The entry as JSON lines, each prefixed with `indent`, its fields with one more `unit`. */
function entryJson(e: NewEntity, indent: string, unit: string, eol: string): string {
  const fields = (['id', 'name', 'aliases', 'tickers', 'kind'] as const).map((k) => `${indent}${unit}${JSON.stringify(k)}: ${JSON.stringify(e[k])}`);
  return `${indent}{${eol}${fields.join(`,${eol}`)}${eol}${indent}}`;
}

const CSV_FIELDS = ['id', 'name', 'aliases', 'tickers', 'kind'] as const;

/**
 * One CSV row of the entry, lists joined with `|`, in the given header's columns (the
 * standard id,name,aliases,tickers,kind when none): a file whose header is only "name", or
 * has its columns in another order or columns of its own, gets a row that loads as this
 * entry (what its header has no column for is left out).
 */
export function csvRow(e: NewEntity, header: readonly string[] = CSV_FIELDS): string {
  const value = (column: string): string => {
    switch (column.trim().toLowerCase()) {
      case 'id': return e.id;
      case 'name': return e.name;
      case 'aliases': return e.aliases.join('|');
      case 'tickers': return e.tickers.join('|');
      case 'kind': return e.kind;
      default: return '';
    }
  };
  return header.map((c) => csvCell(value(c))).join(',');
}

/** The content of a new entity file holding only this entry. */
export function newEntityFile(e: NewEntity, fileName: string): string {
  return entityFileWith(fileName, [isCsv(fileName) ? csvRow(e) : entryJson(e, '    ', '  ', '\n')]);
}

const indentAt = (s: string, offset: number) => /^[ \t]*/.exec(s.slice(s.lastIndexOf('\n', offset - 1) + 1, offset))![0];

/**
 * The insertion that adds `e` to an entity file with this text, keeping the file's
 * indentation and line breaks (a file that is empty or blank gets the whole new content);
 * null when the file has no entity list to add to (a syntax error, or no list).
 */
export function entityInsertion(text: string, e: NewEntity, fileName: string): { offset: number; text: string } | null {
  // An entry added to a file over the size cap would not load: the file is refused, like a broken one.
  if (text.length > MAX_FILE_CHARS) return null;
  if (!text.trim()) return { offset: 0, text: newEntityFile(e, fileName) };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (isCsv(fileName)) {
    const { rows, errors } = readCsv(text);
    // A header without a "name" column is no entity list: a row under it would not load.
    if (errors.length || (rows.length && csvColumns(rows[0].cells).name < 0)) return null;
    if (!rows.length) return { offset: text.length, text: `${/\n$/.test(text) ? '' : eol}${CSV_HEADER}${eol}${csvRow(e)}${eol}` };
    const header = rows[0].cells.map((c) => c.value);
    return { offset: text.length, text: `${text.endsWith('\n') ? '' : eol}${csvRow(e, header)}${eol}` };
  }
  const { root, errors } = readJson(text);
  const list = errors.length ? undefined : listOf(root, 'entities');
  if (!list) return null;
  const open = list.offset;
  const close = list.offset + list.length - 1;
  const items = list.children ?? [];
  // The indent of the line holding "]" when it is alone there, else that of the list's own line.
  const closeIndent = /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', close - 1) + 1, close)) ? indentAt(text, close) : indentAt(text, open);
  if (!items.length) {
    const unit = '  ';
    const itemIndent = closeIndent + unit;
    const lineBreakBefore = text.slice(open + 1, close).includes('\n');
    return { offset: open + 1, text: `${eol}${entryJson(e, itemIndent, unit, eol)}${lineBreakBefore ? '' : eol + closeIndent}` };
  }
  const first = items[0];
  const itemIndent = text.slice(open, first.offset).includes('\n') ? indentAt(text, first.offset) : closeIndent + '  ';
  const unit = itemIndent.length > closeIndent.length ? itemIndent.slice(closeIndent.length) : '  ';
  const last = items[items.length - 1];
  const end = last.offset + last.length;
  // After the last item: a comma unless one is written (a trailing comma), then the entry.
  const between = text.slice(end, close);
  const comma = /^\s*,/.test(between) ? '' : ',';
  const at = comma ? end : end + between.indexOf(',') + 1;
  return { offset: at, text: `${comma}${eol}${entryJson(e, itemIndent, unit, eol)}` };
}
