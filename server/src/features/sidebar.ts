/**
 * The sidebar's custom requests (server/src/protocol.ts): entities and themes with counts
 * for a scope, the mentions of one entity or the keyword hits of one theme with one-line
 * snippets, and every figure of a scope converted into the base currency with the company
 * it is about. Answers come from the index; `complete` says whether it is still being built.
 */
import type { CancellationToken } from 'vscode-languageserver';
import type { IndexedDoc, WorkspaceIndex } from '../index/workspaceIndex';
import type { Mention } from '../analysis/types';
import { convertFigure } from '../fx/convert';
import * as P from '../protocol';
import type { Feature, FeatureContext } from './context';
import { toRange } from './positions';

/** Default and largest `limit` of a mentions request. */
export const DEFAULT_MENTION_LIMIT = 2000;
const MAX_MENTION_LIMIT = 100000;
/** Snippets are cut to about this many characters around the mention. */
export const SNIPPET_WIDTH = 80;

/** Mentions that name a company, for grouping figures by entity. */
const COMPANY_KINDS = new Set(['company', 'candidate']);

/** The documents of a scope. */
function docsOf(index: WorkspaceIndex, scope: P.Scope | undefined): IndexedDoc[] {
  if (scope && scope.kind === 'file') {
    const doc = index.get(scope.uri);
    return doc ? [doc] : [];
  }
  return [...index.all()];
}

const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

/** Entities with counts and first dates, most mentioned first. */
export function entitiesOf(index: WorkspaceIndex, scope: P.Scope | undefined): P.EntitySummary[] {
  const uri = scope?.kind === 'file' ? scope.uri : undefined;
  const first = new Map<string, string | null>();
  for (const doc of docsOf(index, scope)) {
    const date = doc.analysis.date;
    const seen = new Set<string>();
    for (const m of doc.analysis.mentions) {
      if (seen.has(m.id)) continue;
      seen.add(m.id);
      first.set(m.id, first.has(m.id) ? earlier(first.get(m.id)!, date) : date);
    }
  }
  return index
    .entityCounts(uri)
    .map((c) => ({ id: c.id, name: c.name, kind: c.kind, mentions: c.mentions, files: c.files, firstDate: first.get(c.id) ?? null }))
    .sort((a, b) => b.mentions - a.mentions || b.files - a.files || a.name.localeCompare(b.name));
}

/** Themes with counts and first dates, most mentioned first. */
export function themesOf(index: WorkspaceIndex, scope: P.Scope | undefined): P.ThemeSummary[] {
  const uri = scope?.kind === 'file' ? scope.uri : undefined;
  const first = new Map<string, string | null>();
  for (const doc of docsOf(index, scope)) {
    for (const t of doc.analysis.themes) first.set(t.id, first.has(t.id) ? earlier(first.get(t.id)!, doc.analysis.date) : doc.analysis.date);
  }
  return index
    .themeCounts(uri)
    .map((c) => ({ id: c.id, label: c.label, mentions: c.mentions, files: c.files, firstDate: first.get(c.id) ?? null }))
    .sort((a, b) => b.mentions - a.mentions || b.files - a.files || a.label.localeCompare(b.label));
}

/**
 * The line around a span, whitespace collapsed, cut to about `width` characters centred on
 * the span, with "…" where it was cut.
 */
export function snippetAt(text: string, offset: number, length: number, width = SNIPPET_WIDTH): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset + length);
  if (lineEnd < 0) lineEnd = text.length;
  let from = lineStart;
  let to = lineEnd;
  if (to - from > width) {
    const spare = Math.max(0, width - length);
    from = Math.max(lineStart, offset - Math.floor(spare / 2));
    to = Math.min(lineEnd, from + Math.max(width, length));
    from = Math.max(lineStart, Math.min(from, to - width));
  }
  // Never cut a surrogate pair in half.
  if (from > lineStart && /[\udc00-\udfff]/.test(text[from])) from--;
  if (to < lineEnd && /[\ud800-\udbff]/.test(text[to - 1])) to++;
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return (from > lineStart ? '…' : '') + body + (to < lineEnd ? '…' : '');
}

/** Every mention of an entity, or keyword hit of a theme, in a scope, at most `limit`. */
export function mentionsOf(index: WorkspaceIndex, params: P.MentionsParams, token?: CancellationToken): P.MentionsResult {
  const limit = Math.min(MAX_MENTION_LIMIT, Math.max(0, Math.floor(params.limit ?? DEFAULT_MENTION_LIMIT)));
  const fileUri = params.scope?.kind === 'file' ? params.scope.uri : undefined;
  let spans: { uri: string; offset: number; length: number }[];
  if (params.entityId) {
    const all = fileUri ? (index.get(fileUri)?.analysis.mentions ?? []).filter((m) => m.id === params.entityId).map((mention) => ({ uri: fileUri, mention })) : index.mentionsOf(params.entityId);
    spans = all.map(({ uri, mention }) => ({ uri, offset: mention.offset, length: mention.length }));
  } else if (params.themeId) {
    spans = index
      .themeHitsOf(params.themeId)
      .filter((h) => !fileUri || h.uri === fileUri)
      .map((h) => ({ uri: h.uri, offset: h.span.offset, length: h.span.length }));
  } else spans = [];
  const items: P.MentionItem[] = [];
  for (const s of spans) {
    if (items.length >= limit) break;
    if (token?.isCancellationRequested) break;
    const doc = index.get(s.uri);
    if (!doc) continue;
    items.push({
      uri: s.uri,
      range: toRange(doc, s.offset, s.length),
      text: doc.text.slice(s.offset, s.offset + s.length),
      snippet: snippetAt(doc.text, s.offset, s.length),
      date: doc.analysis.date,
    });
  }
  return { items, truncated: spans.length > items.length };
}

/** Offsets where paragraphs (runs of non-blank lines) start, ascending. */
function paragraphStarts(text: string): number[] {
  const starts = [0];
  const re = /\n[ \t\u3000]*\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

/** Index of the last element ≤ x in an ascending array (−1 if none). */
function floorIndex(values: number[], x: number): number {
  let lo = 0;
  let hi = values.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= x) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/**
 * The company a figure is about: the nearest company mention before it on the same line,
 * else after it on the same line, else the same two in its paragraph. Subjects come first
 * in digest sentences ("腾讯 ... 597 亿元"), so a mention before wins over a closer one after.
 */
export function companyFor(doc: IndexedDoc, companies: Mention[], offsets: number[], paragraphs: number[], figureOffset: number): Mention | null {
  const i = floorIndex(offsets, figureOffset - 1); // last company starting before the figure
  const lineOf = (o: number) => floorIndex(doc.lineStarts, o);
  const paraOf = (o: number) => floorIndex(paragraphs, o);
  const line = lineOf(figureOffset);
  const para = paraOf(figureOffset);
  const before = i >= 0 ? companies[i] : null;
  const after = i + 1 < companies.length ? companies[i + 1] : null;
  if (before && lineOf(before.offset) === line) return before;
  if (after && lineOf(after.offset) === line) return after;
  if (before && paraOf(before.offset) === para) return before;
  if (after && paraOf(after.offset) === para) return after;
  return null;
}

/** Every figure of a scope converted into `base`, with the company it is about. */
export function figuresOf(index: WorkspaceIndex, scope: P.Scope | undefined, base: string, overrides: Record<string, number>, token?: CancellationToken): P.FigureRow[] {
  const rows: P.FigureRow[] = [];
  for (const doc of docsOf(index, scope).sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0))) {
    if (token?.isCancellationRequested) break;
    const { figures, mentions, date } = doc.analysis;
    if (!figures.length) continue;
    const companies = mentions.filter((m) => COMPANY_KINDS.has(m.kind));
    const offsets = companies.map((m) => m.offset);
    const paragraphs = paragraphStarts(doc.text);
    for (const f of figures) {
      const conv = convertFigure(f, base, date, overrides);
      const company = companyFor(doc, companies, offsets, paragraphs, f.offset);
      rows.push({
        uri: doc.uri,
        range: toRange(doc, f.offset, f.length),
        text: f.text,
        currency: f.currency,
        value: f.value,
        min: f.min,
        max: f.max,
        approximate: f.approximate,
        per: f.per,
        baseValue: conv ? conv.value : null,
        baseCurrency: base,
        date,
        entityId: company?.id ?? null,
        entityName: company?.name ?? null,
      });
    }
  }
  return rows;
}

function register(ctx: FeatureContext): void {
  const { connection, index } = ctx;
  connection.onRequest(
    P.EntitiesRequest,
    ctx.guard('sidebar', (params: P.EntitiesParams): P.EntitiesResult => ({ entities: entitiesOf(index, params?.scope), complete: !ctx.indexing() })),
  );
  connection.onRequest(
    P.ThemesRequest,
    ctx.guard('sidebar', (params: P.ThemesParams): P.ThemesResult => ({ themes: themesOf(index, params?.scope), complete: !ctx.indexing() })),
  );
  connection.onRequest(
    P.MentionsRequest,
    ctx.guard('sidebar', (params: P.MentionsParams, token: CancellationToken): P.MentionsResult => mentionsOf(index, params ?? { scope: { kind: 'workspace' } }, token)),
  );
  connection.onRequest(
    P.FiguresRequest,
    ctx.guard('sidebar', async (params: P.FiguresParams, token: CancellationToken): Promise<P.FiguresResult> => {
      const scope = params?.scope;
      const settings = await ctx.settings(scope?.kind === 'file' ? scope.uri : undefined);
      return { figures: figuresOf(index, scope, settings.baseCurrency, settings.rateOverrides, token), baseCurrency: settings.baseCurrency };
    }),
  );
}

export const feature: Feature = { name: 'sidebar', register };
