/**
 * Workspace symbols: companies (and other entities) and themes found in the digests,
 * searched by any of their names in any script or by ticker. "騰訊", "腾讯", "tencent" and
 * "0700" all find Tencent. Only what occurs in the index is listed, each entity once, at its
 * first mention.
 */
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver';
import type { Gazetteer } from '../analysis/gazetteer';
import type { Taxonomy } from '../analysis/themes';
import { foldText } from '../analysis/text';
import type { Span } from '../analysis/types';
import type { EntityCount, IndexedDoc, ThemeCount, WorkspaceIndex } from '../index/workspaceIndex';
import type { Feature } from './context';
import type { EntityMatch } from '../../../protocol/src';
import { toRange } from './positions';
import { runNow, runPaced, type Work } from './pacer';
import { english, translator, type Translator } from '../l10n';

/** Most results returned for one query. */
export const MAX_SYMBOLS = 200;

const COMPANY_KINDS = new Set(['company', 'exchange', 'media', 'candidate']);

/** Folded for matching: Traditional to Simplified, full-width to ASCII, lowercase. */
export const foldKey = (s: string) => foldText(s).toLowerCase().trim();

/**
 * How well `query` (folded) matches `name` (folded): 4 exact, 3 prefix, 2 substring,
 * 1 subsequence, 0 no match.
 */
export function matchScore(query: string, name: string): number {
  if (!query) return 1;
  if (name === query) return 4;
  if (name.startsWith(query)) return 3;
  if (name.includes(query)) return 2;
  let j = 0;
  for (let i = 0; i < name.length && j < query.length; i++) if (name[i] === query[j]) j++;
  return j === query.length ? 1 : 0;
}

interface Candidate {
  kind: 'entity' | 'theme';
  id: string;
  name: string;
  entityKind: string;
  mentions: number;
  files: number;
  /** Folded names and tickers to match the query against. */
  keys: string[];
  /** The same names as written, parallel to `keys`. */
  names: string[];
  /** Where the symbol points, resolved when first listed. */
  first?: { doc: IndexedDoc; span: Span } | null;
}

/**
 * The first mention of an entity (first file in uri order) or the first hit of a theme.
 * Only the first file is looked at, so a common entity costs one document, not all its mentions.
 */
function firstOccurrence(index: WorkspaceIndex, c: Candidate): { doc: IndexedDoc; span: Span } | undefined {
  if (c.kind === 'theme') {
    const hit = index.themeHitsOf(c.id, 1)[0];
    const doc = hit && index.get(hit.uri);
    return doc ? { doc, span: hit.span } : undefined;
  }
  const doc = index.get(index.firstFileOf(c.id) ?? '');
  const span = doc?.analysis.mentions.find((m) => m.id === c.id);
  return doc && span ? { doc, span } : undefined;
}

/** Candidates are rebuilt only when the index changes (its generation moves). */
let cache: { index: WorkspaceIndex; generation: number; gazetteer: Gazetteer; taxonomy: Taxonomy; candidates: Candidate[] } | undefined;

function candidatesOf(index: WorkspaceIndex, gazetteer: Gazetteer, taxonomy: Taxonomy): Candidate[] {
  if (cache && cache.index === index && cache.generation === index.generation && cache.gazetteer === gazetteer && cache.taxonomy === taxonomy) return cache.candidates;
  const candidates: Candidate[] = [];
  for (const c of index.entityCounts() as EntityCount[]) {
    const e = gazetteer.get(c.id);
    const names = [c.name, c.id, ...(e?.names ?? []), ...(e?.tickers ?? [])];
    // Tickers are also searched without their exchange prefix and leading zeros ("HK:00700" → "700").
    for (const t of e?.tickers ?? []) names.push(t.replace(/^[A-Z]+:/, ''), t.replace(/^[A-Z]+:0*/, ''));
    candidates.push({ kind: 'entity', id: c.id, name: e?.name ?? c.name, entityKind: c.kind, mentions: c.mentions, files: c.files, ...keyed(names) });
  }
  const defs = new Map(taxonomy.themes.map((t) => [t.id, t]));
  for (const t of index.themeCounts() as ThemeCount[]) {
    const def = defs.get(t.id);
    const names = [t.label, t.id, def?.labelZh ?? ''].filter(Boolean);
    candidates.push({ kind: 'theme', id: t.id, name: t.label, entityKind: 'theme', mentions: t.mentions, files: t.files, ...keyed(names) });
  }
  cache = { index, generation: index.generation, gazetteer, taxonomy, candidates };
  return candidates;
}

/** Folded keys and the names as written they come from (each name once; 騰訊 and 腾讯 both kept). */
function keyed(all: string[]): { keys: string[]; names: string[] } {
  const keys: string[] = [];
  const names: string[] = [];
  const seen = new Set<string>();
  for (const raw of all) {
    const n = raw.trim();
    const k = foldKey(n);
    if (!k || seen.has(n.toLowerCase())) continue;
    seen.add(n.toLowerCase());
    keys.push(k);
    names.push(n);
  }
  return { keys, names };
}

/**
 * The name (as written) that matches the folded query best, and its score; among equals, one
 * that contains the query as typed (騰訊 for "騰訊", 腾讯 for "腾讯").
 */
function bestName(query: string, c: Candidate, raw = query): { name: string; score: number } {
  let best = { name: c.name, score: 0 };
  const bare = /^\d+$/.test(query) ? query.replace(/^0+/, '') : null;
  const typed = raw.trim().toLowerCase();
  const literal = (n: string) => (typed && n.toLowerCase().includes(typed) ? 1 : 0);
  for (let i = 0; i < c.keys.length; i++) {
    const score = Math.max(matchScore(query, c.keys[i]), bare ? Math.min(matchScore(bare, c.keys[i]), 3) : 0);
    if (score > best.score || (score === best.score && score > 0 && literal(c.names[i]) > literal(best.name))) best = { name: c.names[i], score };
  }
  return best;
}

/** Whether `query`'s characters occur in `label` in order, ignoring case: how the editor filters symbols. */
export function editorWouldShow(label: string, query: string): boolean {
  const l = label.toLowerCase();
  const q = query.toLowerCase().replace(/\s+/g, '');
  let j = 0;
  for (let i = 0; i < l.length && j < q.length; i++) if (l[i] === q[j]) j++;
  return j === q.length;
}

/**
 * The label of a symbol found by `query`: its display name, with the alias or ticker that
 * matched added when the name alone does not contain the query ("Tencent · 騰訊控股"). The
 * editor filters workspace symbols by their label, so the matched alias must be in it.
 */
export function symbolLabel(c: Pick<Candidate, 'name' | 'names' | 'keys'>, rawQuery: string): string {
  const query = rawQuery.trim();
  if (!query || editorWouldShow(c.name, query)) return c.name;
  const shown = c.names.filter((n) => n !== c.name && editorWouldShow(n, query));
  if (shown.length) {
    // The shortest name that contains the query as typed reads best.
    const contains = shown.filter((n) => n.toLowerCase().includes(query.toLowerCase()));
    const pick = (contains.length ? contains : shown).sort((a, b) => a.length - b.length)[0];
    return `${c.name} · ${pick}`;
  }
  // A query in another script than every name ("騰訊" for names written only in Simplified):
  // the matched name, then the query as typed so the editor keeps the symbol.
  const best = bestName(foldKey(query), c as Candidate, query);
  return `${c.name} · ${best.name === c.name ? query : `${best.name} (${query})`}`;
}

/** Entities (not themes) matching `query` in any script, best first. */
export function searchEntities(index: WorkspaceIndex, gazetteer: Gazetteer, taxonomy: Taxonomy, query: string, limit = MAX_SYMBOLS): EntityMatch[] {
  const q = foldKey(query);
  const scored: { c: Candidate; score: number }[] = [];
  for (const c of candidatesOf(index, gazetteer, taxonomy)) {
    if (c.kind !== 'entity') continue;
    const score = scoreOf(q, c.keys);
    if (score > 0) scored.push({ c, score });
  }
  scored.sort((a, b) => b.score - a.score || b.c.mentions - a.c.mentions || a.c.name.localeCompare(b.c.name));
  return scored.slice(0, limit).map(({ c }) => {
    const best = q ? bestName(q, c, query) : { name: c.name, score: 0 };
    return { id: c.id, name: c.name, kind: c.entityKind, mentions: c.mentions, files: c.files, matched: best.name === c.name || foldKey(best.name) === foldKey(c.name) ? null : best.name };
  });
}

/** How a query like "0700" compares with a ticker key like "hk:00700": leading zeros do not count. */
function scoreOf(query: string, keys: string[]): number {
  let best = 0;
  const bare = /^\d+$/.test(query) ? query.replace(/^0+/, '') : null;
  for (const k of keys) {
    best = Math.max(best, matchScore(query, k), bare ? Math.min(matchScore(bare, k), 3) : 0);
    if (best === 4) break;
  }
  return best;
}

/** Symbols matching `query`, best first (exact > prefix > substring > subsequence, then most mentioned). */
export function workspaceSymbols(index: WorkspaceIndex, gazetteer: Gazetteer, taxonomy: Taxonomy, query: string, tr: Translator = english): SymbolInformation[] {
  return runNow(workspaceSymbolsWork(index, gazetteer, taxonomy, query, tr));
}

/** `workspaceSymbols` as work that pauses every 1,024 candidates and 64 symbols (features/pacer.ts). */
export function* workspaceSymbolsWork(index: WorkspaceIndex, gazetteer: Gazetteer, taxonomy: Taxonomy, query: string, tr: Translator = english): Work<SymbolInformation[]> {
  const q = foldKey(query);
  const scored: { c: Candidate; score: number }[] = [];
  const candidates = candidatesOf(index, gazetteer, taxonomy);
  for (let i = 0; i < candidates.length; i++) {
    if ((i & 1023) === 1023) yield;
    const score = scoreOf(q, candidates[i].keys);
    if (score > 0) scored.push({ c: candidates[i], score });
  }
  scored.sort((a, b) => b.score - a.score || b.c.mentions - a.c.mentions || a.c.name.localeCompare(b.c.name));
  const out: SymbolInformation[] = [];
  for (const { c } of scored) {
    if (out.length >= MAX_SYMBOLS) break;
    if ((out.length & 63) === 63) yield;
    c.first ??= firstOccurrence(index, c) ?? null;
    if (!c.first) continue;
    const { doc, span } = c.first;
    out.push({
      name: symbolLabel(c, query),
      kind: c.kind === 'theme' ? SymbolKind.Namespace : COMPANY_KINDS.has(c.entityKind) ? SymbolKind.Class : SymbolKind.Object,
      location: { uri: doc.uri, range: toRange(doc, span.offset, span.length) },
      containerName: tr('hover.mentionsInFiles', tr('count.mentions', c.mentions), tr('count.files', c.files)),
    });
  }
  return out;
}

export const feature: Feature = {
  name: 'workspaceSymbols',
  capabilities: { workspaceSymbolProvider: true },
  register(ctx) {
    ctx.connection.onWorkspaceSymbol(
      ctx.guard('workspaceSymbols', async (params, token) => {
        const tr = translator(await ctx.locale());
        return runPaced(workspaceSymbolsWork(ctx.index, ctx.gazetteer(), ctx.taxonomy(), params.query, tr), token);
      }),
    );
  },
};
