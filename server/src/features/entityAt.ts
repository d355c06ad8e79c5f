/**
 * Pure helpers shared by the navigation features (definition, references, highlights,
 * rename): which entity mention is under the cursor, and where an entity's entry sits in
 * the user's entity file (JSON or CSV). Nothing here touches the connection or the disk.
 */
import type { Mention, Span } from '../analysis/types';
import { spanAt } from './positions';

/** The parts of an indexed document these helpers read. */
export interface MentionSource {
  text: string;
  analysis: { mentions: Mention[] };
}

/**
 * The span of the ticker written right after a mention ("騰訊控股(0700.HK)" → "0700.HK"),
 * or null when the mention carries no ticker. At most one bracket or space may sit between
 * the name and the ticker, as the analysis allows.
 */
export function tickerSpanAfter(text: string, mention: Mention): Span | null {
  if (!mention.ticker) return null;
  let i = mention.offset + mention.length;
  const limit = Math.min(text.length, i + 3);
  while (i < limit && /[\s(（\[【:：]/.test(text[i])) i++;
  const start = i;
  while (i < text.length && i - start < 24 && /[A-Za-z0-9.:\-]/.test(text[i])) i++;
  return i > start ? { offset: start, length: i - start } : null;
}

/**
 * The entity mention at an offset: the mention whose span contains it (end inclusive), or
 * the mention whose ticker, written right after it, contains it. Mentions are in document
 * order, as the analysis produces them.
 */
export function entityAt(doc: MentionSource, offset: number): Mention | undefined {
  const mentions = doc.analysis.mentions;
  const direct = spanAt(mentions, offset);
  if (direct) return direct;
  // The closest mention that ends before the offset; only it can own a ticker there.
  let lo = 0;
  let hi = mentions.length - 1;
  let before = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].offset + mentions[mid].length <= offset) {
      before = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (before < 0) return undefined;
  const m = mentions[before];
  const ticker = tickerSpanAfter(doc.text, m);
  return ticker && offset >= ticker.offset && offset <= ticker.offset + ticker.length ? m : undefined;
}

// ---------------------------------------------------------------------------------------
// The user's entity file

/** Where one entity's entry is written in the user's entity file. */
export interface UserEntry {
  /** The "name" value, inside its quotes (JSON) or its cell (CSV). */
  name: Span;
  /** The name as written (JSON escapes resolved). */
  nameValue: string;
  /** The aliases as written, or null when the entry has no aliases list. */
  aliases: string[] | null;
  /**
   * Where one more alias goes, and the text to insert before and after it: a JSON array
   * gets `, "x"` before its `]`; an entry without aliases gets a whole `"aliases"` member.
   */
  aliasInsert: { offset: number; format: (alias: string) => string } | null;
}

/** Finds the entry of entity `id` (or, for an entry without id, the one named `name`). */
export function locateUserEntry(fileText: string, fileName: string, id: string, name: string): UserEntry | null {
  return /\.csv$/i.test(fileName) ? locateCsvEntry(fileText, id, name) : locateJsonEntry(fileText, id, name);
}

/** A JSON value with the offsets of its first and past-the-end characters. */
type JNode =
  | { kind: 'object'; start: number; end: number; members: { key: string; value: JNode }[] }
  | { kind: 'array'; start: number; end: number; items: JNode[] }
  | { kind: 'string'; start: number; end: number; value: string }
  | { kind: 'other'; start: number; end: number };

/**
 * A small JSON reader that keeps offsets. It returns null on any syntax error: the parser
 * in analysis/userEntities.ts reports those; here a broken file just has no locations.
 */
function parseJson(s: string): JNode | null {
  let i = s.charCodeAt(0) === 0xfeff ? 1 : 0;
  const ws = () => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  const str = (): JNode => {
    const start = i++;
    let value = '';
    while (i < s.length && s[i] !== '"') {
      if (s[i] === '\\') {
        const e = s[i + 1];
        if (e === 'u') {
          value += String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        value += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e;
        i += 2;
        continue;
      }
      value += s[i++];
    }
    if (i >= s.length) throw new Error('unterminated string');
    i++;
    return { kind: 'string', start, end: i, value };
  };
  const val = (): JNode => {
    ws();
    const start = i;
    if (s[i] === '"') return str();
    if (s[i] === '{') {
      i++;
      const members: { key: string; value: JNode }[] = [];
      ws();
      if (s[i] === '}') return { kind: 'object', start, end: ++i, members };
      for (;;) {
        ws();
        if (s[i] !== '"') throw new Error('key expected');
        const key = (str() as { value: string }).value;
        ws();
        if (s[i++] !== ':') throw new Error(': expected');
        members.push({ key, value: val() });
        ws();
        if (s[i] === ',') { i++; continue; }
        if (s[i] === '}') return { kind: 'object', start, end: ++i, members };
        throw new Error(', or } expected');
      }
    }
    if (s[i] === '[') {
      i++;
      const items: JNode[] = [];
      ws();
      if (s[i] === ']') return { kind: 'array', start, end: ++i, items };
      for (;;) {
        items.push(val());
        ws();
        if (s[i] === ',') { i++; continue; }
        if (s[i] === ']') return { kind: 'array', start, end: ++i, items };
        throw new Error(', or ] expected');
      }
    }
    const m = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(s.slice(i, i + 64));
    if (!m) throw new Error('value expected');
    i += m[0].length;
    return { kind: 'other', start, end: i };
  };
  try {
    return val();
  } catch {
    return null;
  }
}

function locateJsonEntry(text: string, id: string, name: string): UserEntry | null {
  const root = parseJson(text);
  if (!root) return null;
  const list = root.kind === 'array' ? root : root.kind === 'object' ? root.members.find((m) => m.key === 'entities')?.value : undefined;
  if (!list || list.kind !== 'array') return null;
  const member = (o: JNode, key: string) => (o.kind === 'object' ? o.members.find((m) => m.key === key)?.value : undefined);
  const stringOf = (n: JNode | undefined) => (n?.kind === 'string' ? n.value : undefined);
  // Match on the id when the entry has one; entries without an id get "user:<slug>", so they match by name.
  const entry =
    list.items.find((o) => stringOf(member(o, 'id')) === id) ??
    list.items.find((o) => !member(o, 'id') && stringOf(member(o, 'name'))?.trim() === name);
  const nameNode = entry && member(entry, 'name');
  if (!entry || !nameNode || nameNode.kind !== 'string') return null;
  const aliasNode = member(entry, 'aliases');
  let aliases: string[] | null = null;
  let aliasInsert: UserEntry['aliasInsert'] = null;
  if (aliasNode?.kind === 'array') {
    aliases = aliasNode.items.filter((n) => n.kind === 'string').map((n) => (n as { value: string }).value);
    const last = aliasNode.items[aliasNode.items.length - 1];
    aliasInsert = last
      ? { offset: last.end, format: (a) => `, ${JSON.stringify(a)}` }
      : { offset: aliasNode.start + 1, format: (a) => JSON.stringify(a) };
  } else if (!aliasNode) {
    aliasInsert = { offset: nameNode.end, format: (a) => `, "aliases": [${JSON.stringify(a)}]` };
  }
  return { name: { offset: nameNode.start + 1, length: nameNode.end - nameNode.start - 2 }, nameValue: nameNode.value, aliases, aliasInsert };
}

/** CSV cells of one line with their spans (inside the quotes for a quoted cell). */
function csvCells(line: string, lineOffset: number): { value: string; span: Span }[] {
  const cells: { value: string; span: Span }[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      const start = ++i;
      while (i < line.length && !(line[i] === '"' && line[i + 1] !== '"')) {
        if (line[i] === '"') i++;
        value += line[i++];
      }
      cells.push({ value, span: { offset: lineOffset + start, length: i - start } });
      i++;
      while (i < line.length && line[i] !== ',') i++;
    } else {
      const start = i;
      while (i < line.length && line[i] !== ',') i++;
      cells.push({ value: line.slice(start, i), span: { offset: lineOffset + start, length: i - start } });
    }
    if (i >= line.length) return cells;
    i++;
  }
}

function locateCsvEntry(text: string, id: string, name: string): UserEntry | null {
  let offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let header: string[] | null = null;
  for (const raw of text.slice(offset).split('\n')) {
    const line = raw.replace(/\r$/, '');
    const lineOffset = offset;
    offset += raw.length + 1;
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const cells = csvCells(line, lineOffset);
    if (!header) {
      header = cells.map((c) => c.value.trim().toLowerCase());
      continue;
    }
    const cell = (col: string) => cells[header!.indexOf(col)];
    const nameCell = cell('name');
    if (!nameCell) continue;
    const idCell = cell('id');
    const matches = idCell && idCell.value.trim() ? idCell.value.trim() === id : nameCell.value.trim() === name;
    if (!matches) continue;
    const aliasCell = cell('aliases');
    const aliases = aliasCell ? aliasCell.value.split('|').map((a) => a.trim()).filter(Boolean) : null;
    // CSV cells cannot safely take arbitrary text without re-quoting; only plain names are added.
    const aliasInsert: UserEntry['aliasInsert'] = aliasCell
      ? { offset: aliasCell.span.offset + aliasCell.span.length, format: (a) => (aliases!.length ? `|${a}` : a) }
      : null;
    const lead = nameCell.value.length - nameCell.value.trimStart().length;
    const trail = nameCell.value.length - nameCell.value.trimEnd().length;
    const nameSpan = { offset: nameCell.span.offset + lead, length: Math.max(0, nameCell.span.length - lead - trail) };
    return { name: nameSpan, nameValue: nameCell.value.trim(), aliases, aliasInsert };
  }
  return null;
}
