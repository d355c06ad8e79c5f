/**
 * Adding an entry to the user's entity file (.digestlens/entities.json or .csv) as a text
 * insertion, so the command can apply it through a WorkspaceEdit (undoable, keeps the
 * user's formatting). Pure (no `vscode`): unit-tested in test/unit/client-entityFile.test.ts.
 *
 * The formats are those the server reads (server/src/analysis/userEntities.ts): a JSON
 * array of {id?, name, aliases?, tickers?, kind?} or {"entities": [...]}, and CSV with the
 * header `id,name,aliases,tickers,kind` and lists separated by `|`.
 */

/** One new entry. */
export interface NewEntity {
  id: string;
  name: string;
  aliases: string[];
  tickers: string[];
  kind: string;
}

/** Splits what the user typed into a list: commas (also full-width), 、, ; or |. */
export function splitList(input: string): string[] {
  return [...new Set(input.split(/[,，、;；|]/).map((s) => s.trim()).filter(Boolean))];
}

const HAS_CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Id for a new entity: kebab-case of a Latin name, "user-<name>" for a Chinese one, made unique. */
export function entityIdFor(name: string, taken: ReadonlySet<string>): string {
  const kebab = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const base = HAS_CJK.test(name) || !kebab ? 'user-' + name.trim().replace(/\s+/g, '-') : kebab;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Ids already in a file's text (JSON "id": "…" or the first CSV column), for uniqueness. */
export function idsIn(text: string, csv: boolean): Set<string> {
  const ids = new Set<string>();
  if (csv) {
    for (const line of text.split(/\r?\n/).slice(1)) {
      const first = /^\s*"?([^",]*)/.exec(line)?.[1]?.trim();
      if (first) ids.add(first);
    }
  } else {
    const re = /"id"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
    for (let m = re.exec(text); m; m = re.exec(text)) ids.add(m[1]);
  }
  return ids;
}

/** The entry as JSON lines, each line prefixed with `indent`, fields indented by one more `unit`. */
function entryJson(e: NewEntity, indent: string, unit: string): string {
  const fields = Object.entries(e).map(([k, v]) => `${indent}${unit}${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `${indent}{\n${fields.join(',\n')}\n${indent}}`;
}

/** One CSV row of the entry (lists joined with `|`), quoting cells that need it. */
export function csvRow(e: NewEntity): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [e.id, e.name, e.aliases.join('|'), e.tickers.join('|'), e.kind].map(cell).join(',');
}

export const CSV_HEADER = 'id,name,aliases,tickers,kind';

/** The content of a new entity file holding only this entry. */
export function newFileContent(e: NewEntity, csv: boolean): string {
  return csv ? `${CSV_HEADER}\n${csvRow(e)}\n` : `{\n  "entities": [\n${entryJson(e, '    ', '  ')}\n  ]\n}\n`;
}

/** Index just past a JSON string starting at `i` (a quote). */
function skipString(s: string, i: number): number {
  for (i++; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i + 1;
  }
  return s.length;
}

/** Index of the first character after whitespace and comments from `i`. */
function skipBlank(s: string, i: number): number {
  for (;;) {
    while (i < s.length && /\s/.test(s[i])) i++;
    if (s.startsWith('//', i)) {
      const nl = s.indexOf('\n', i);
      i = nl < 0 ? s.length : nl + 1;
    } else if (s.startsWith('/*', i)) {
      const end = s.indexOf('*/', i + 2);
      i = end < 0 ? s.length : end + 2;
    } else return i;
  }
}

/** Index of the bracket closing the one at `open`, skipping strings and comments; -1 when unbalanced. */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; ) {
    const c = s[i];
    if (c === '"') {
      i = skipString(s, i);
      continue;
    }
    if (c === '/' && (s[i + 1] === '/' || s[i + 1] === '*')) {
      i = skipBlank(s, i);
      continue;
    }
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i;
    }
    i++;
  }
  return -1;
}

/** The entity list of a JSON file: the top-level array, or the array under a top-level "entities" key. */
function entityArray(s: string): { open: number; close: number } | null {
  const start = skipBlank(s, s.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (s[start] === '[') {
    const close = closing(s, start);
    return close < 0 ? null : { open: start, close };
  }
  if (s[start] !== '{') return null;
  // Walk the top-level keys of the object; values are skipped whole.
  let i = skipBlank(s, start + 1);
  while (i < s.length && s[i] === '"') {
    const keyEnd = skipString(s, i);
    const key = s.slice(i + 1, keyEnd - 1);
    i = skipBlank(s, keyEnd);
    if (s[i] !== ':') return null;
    i = skipBlank(s, i + 1);
    if (key === 'entities' && s[i] === '[') {
      const close = closing(s, i);
      return close < 0 ? null : { open: i, close };
    }
    if (s[i] === '"') i = skipString(s, i);
    else if (s[i] === '[' || s[i] === '{') {
      const close = closing(s, i);
      if (close < 0) return null;
      i = close + 1;
    } else while (i < s.length && !/[,}\s]/.test(s[i])) i++;
    i = skipBlank(s, i);
    if (s[i] === ',') i = skipBlank(s, i + 1);
  }
  return null;
}

const indentAt = (s: string, offset: number) => /^[ \t]*/.exec(s.slice(s.lastIndexOf('\n', offset - 1) + 1))![0];

/**
 * Where and what to insert so the file lists `e` too, keeping it valid and its indentation;
 * null when the file has no entity list we can find (the command then says so).
 */
export function entityInsertion(text: string, e: NewEntity, csv: boolean): { offset: number; text: string } | null {
  if (csv) {
    if (!text.trim()) return { offset: 0, text: `${CSV_HEADER}\n${csvRow(e)}\n` };
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const sep = text.endsWith('\n') ? '' : eol;
    return { offset: text.length, text: `${sep}${csvRow(e)}${eol}` };
  }
  const arr = entityArray(text);
  if (!arr) return null;
  const closeIndent = indentAt(text, arr.close);
  const first = skipBlank(text, arr.open + 1);
  const empty = first >= arr.close;
  let itemIndent = closeIndent + '  ';
  if (!empty && text.slice(arr.open, first).includes('\n')) itemIndent = indentAt(text, first);
  const unit = itemIndent.length > closeIndent.length ? itemIndent.slice(closeIndent.length) : '  ';
  if (empty) {
    const tail = text.slice(arr.open + 1, arr.close).includes('\n') ? '' : `\n${closeIndent}`;
    return { offset: arr.open + 1, text: `\n${entryJson(e, itemIndent, unit)}${tail}` };
  }
  let last = arr.close;
  while (last > arr.open && /\s/.test(text[last - 1])) last--;
  const comma = text[last - 1] === ',' ? '' : ',';
  return { offset: last, text: `${comma}\n${entryJson(e, itemIndent, unit)}` };
}
