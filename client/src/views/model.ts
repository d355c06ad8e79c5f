/**
 * The pure part of the sidebar: sorting, filtering and grouping of what the server sends.
 * No `vscode` import, so unit tests (test/unit/client-model.test.ts) run it directly.
 */
import type { EntitySummary, IndexChangedParams, MentionItem, ThemeSummary } from '../../../protocol/src';

/** How the trees order their top-level items. */
export type SortMode = 'count' | 'name' | 'date';

/** Which documents the trees summarise. */
export type ScopeMode = 'file' | 'workspace';

export const SORT_MODES: readonly SortMode[] = ['count', 'name', 'date'];

/** A summary the trees can sort: an entity or a theme. */
export interface Sortable {
  mentions: number;
  files: number;
  firstDate: string | null;
}

const collator = new Intl.Collator(['en', 'zh'], { sensitivity: 'base', numeric: true });

/**
 * Sorted copy of `items`: by count (most mentioned first), by name, or by first date (oldest
 * first, undated last). Ties fall back to the name so the order is stable between refreshes.
 */
export function sortSummaries<T extends Sortable>(items: readonly T[], mode: SortMode, nameOf: (t: T) => string): T[] {
  const byName = (a: T, b: T) => collator.compare(nameOf(a), nameOf(b));
  const byCount = (a: T, b: T) => b.mentions - a.mentions || b.files - a.files;
  const byDate = (a: T, b: T) => {
    if (a.firstDate === b.firstDate) return 0;
    if (a.firstDate === null) return 1;
    if (b.firstDate === null) return -1;
    return a.firstDate < b.firstDate ? -1 : 1;
  };
  const primary = mode === 'name' ? byName : mode === 'date' ? byDate : byCount;
  return [...items].sort((a, b) => primary(a, b) || byName(a, b));
}

/** Text folded for filtering: NFKC (full-width letters and digits), lower case, no spaces. */
export function foldForFilter(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** Whether any of `texts` contains the filter (case- and width-insensitive); an empty filter matches all. */
export function matchesFilter(filter: string, ...texts: (string | null | undefined)[]): boolean {
  const f = foldForFilter(filter);
  if (!f) return true;
  return texts.some((t) => !!t && foldForFilter(t).includes(f));
}

/** Entities whose name, id or kind contains the filter. */
export function filterEntities(entities: readonly EntitySummary[], filter: string): EntitySummary[] {
  return entities.filter((e) => matchesFilter(filter, e.name, e.id));
}

/** Themes whose label or id contains the filter. */
export function filterThemes(themes: readonly ThemeSummary[], filter: string): ThemeSummary[] {
  return themes.filter((t) => matchesFilter(filter, t.label, t.id));
}

/** The order of kinds in the Entities tree: companies first, then the rest. */
const KIND_ORDER = ['company', 'candidate', 'person', 'product', 'fund', 'index', 'exchange', 'regulator', 'media'];

/** One kind of the Entities tree with its entities, already sorted. */
export interface KindGroup {
  kind: string;
  entities: EntitySummary[];
  mentions: number;
}

/** Groups entities by kind (known kinds in a fixed order, others by name), each group sorted. */
export function groupByKind(entities: readonly EntitySummary[], mode: SortMode): KindGroup[] {
  const groups = new Map<string, EntitySummary[]>();
  for (const e of entities) {
    const list = groups.get(e.kind);
    if (list) list.push(e);
    else groups.set(e.kind, [e]);
  }
  const rank = (k: string) => {
    const i = KIND_ORDER.indexOf(k);
    return i < 0 ? KIND_ORDER.length : i;
  };
  return [...groups.keys()]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((kind) => {
      const list = groups.get(kind)!;
      return { kind, entities: sortSummaries(list, mode, (e) => e.name), mentions: list.reduce((n, e) => n + e.mentions, 0) };
    });
}

/** Mentions of one file, in document order. */
export interface FileGroup {
  uri: string;
  items: MentionItem[];
}

/** Groups mentions by file: files by name, mentions by position. */
export function groupByFile(items: readonly MentionItem[]): FileGroup[] {
  const groups = new Map<string, MentionItem[]>();
  for (const m of items) {
    const list = groups.get(m.uri);
    if (list) list.push(m);
    else groups.set(m.uri, [m]);
  }
  const byPosition = (a: MentionItem, b: MentionItem) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
  return [...groups.entries()]
    .sort(([a], [b]) => collator.compare(baseName(a), baseName(b)) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([uri, list]) => ({ uri, items: list.sort(byPosition) }));
}

/** The last path segment of a URI, percent-decoded ("file:///a/%E8%85%BE.md" → "腾.md"). */
export function baseName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** "name.digest.md:12" (1-based line) for a mention. */
export function mentionLabel(m: MentionItem): string {
  return `${baseName(m.uri)}:${m.range.start.line + 1}`;
}

/**
 * Whether an index change concerns the trees: always in workspace scope; in file scope only
 * when the change is 'all' or names the file (another file's edit cannot change its counts).
 */
export function changeConcerns(scope: ScopeMode, fileUri: string | undefined, change: Pick<IndexChangedParams, 'uris'>): boolean {
  if (scope === 'workspace' || change.uris === 'all') return true;
  return fileUri !== undefined && change.uris.includes(fileUri);
}

/** Mentions of one note, with the note's date: a group row of an entity in the Entities view. */
export interface NoteGroup extends FileGroup {
  date: string | null;
}

/** Groups mentions by note: newest note first, undated notes last, then by file name; mentions in document order. */
export function groupByNote(items: readonly MentionItem[]): NoteGroup[] {
  const dates = new Map<string, string | null>();
  for (const m of items) if (!dates.has(m.uri) || m.date) dates.set(m.uri, m.date ?? dates.get(m.uri) ?? null);
  const byName = groupByFile(items);
  const order = new Map(byName.map((g, i) => [g.uri, i]));
  return byName
    .map((g) => ({ ...g, date: dates.get(g.uri) ?? null }))
    .sort((a, b) => {
      if (a.date !== b.date) {
        if (a.date === null) return 1;
        if (b.date === null) return -1;
        return a.date < b.date ? 1 : -1;
      }
      return order.get(a.uri)! - order.get(b.uri)!;
    });
}

/** Stems longer than this many characters are shortened in labels. */
export const MAX_STEM = 20;

/**
 * A file name short enough to leave room for the text beside it: a long stem (a hash, a
 * long title) keeps its first 8 and last 4 characters around "…", the extension stays
 * ("3f2a9c0d…00e1.digest.md"). Short names are unchanged.
 */
export function shortFileName(name: string, maxStem = MAX_STEM): string {
  const m = /^(.*?)((?:\.digest)?(?:\.[A-Za-z0-9]{1,8})?)$/.exec(name);
  const stem = m ? m[1] : name;
  const ext = m ? m[2] : '';
  const chars = [...stem];
  if (chars.length <= maxStem) return name;
  return chars.slice(0, 8).join('') + '…' + chars.slice(-4).join('') + ext;
}

/** A highlight range clamped into a label of `length` UTF-16 units, or null when there is nothing to mark. */
export function labelHighlight(highlight: readonly [number, number] | undefined, length: number): [number, number] | null {
  if (!highlight) return null;
  const start = Math.max(0, Math.min(highlight[0], length));
  const end = Math.max(start, Math.min(highlight[1], length));
  return end > start ? [start, end] : null;
}

/** Text for screen readers: HTML entities and Markdown escapes spelled out as the characters they stand for, whitespace collapsed. */
export function plainText(s: string): string {
  return s
    .replace(/&nbsp;|&#160;|&#xa0;/gi, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
