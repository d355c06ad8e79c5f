/**
 * The sidebar's custom requests (protocol/src/sidebar.ts): entities and themes with counts
 * for a scope, the mentions of one entity or the keyword hits of one theme with one-line
 * snippets, and every figure of a scope converted into the base currency with its subject
 * (the figures table itself, one row per fact, is features/facts.ts). Answers come from the index; `complete` says whether it is still being built.
 */
import type { CancellationToken } from 'vscode-languageserver';
import type { IndexedDoc, WorkspaceIndex } from '../index/workspaceIndex';
import { convertFigure } from '../fx/convert';
import * as P from '../../../protocol/src';
import type { Feature, FeatureContext } from './context';
import { toRange } from './positions';
import { runNow, runPaced, type Work } from './pacer';
import { themeLabeller } from '../l10n/themeLabel';

/** Default and largest `limit` of a mentions request. */
export const DEFAULT_MENTION_LIMIT = 2000;
const MAX_MENTION_LIMIT = 100000;
/** Snippets are cut to about this many characters around the mention. */
export const SNIPPET_WIDTH = 80;

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

/** Themes with counts and first dates, most mentioned first; `label` writes a theme's label in the user's language. */
export function themesOf(index: WorkspaceIndex, scope: P.Scope | undefined, label?: (id: string) => string | undefined): P.ThemeSummary[] {
  const uri = scope?.kind === 'file' ? scope.uri : undefined;
  const first = new Map<string, string | null>();
  for (const doc of docsOf(index, scope)) {
    for (const t of doc.analysis.themes) first.set(t.id, first.has(t.id) ? earlier(first.get(t.id)!, doc.analysis.date) : doc.analysis.date);
  }
  return index
    .themeCounts(uri)
    .map((c) => ({ id: c.id, label: label?.(c.id) ?? c.label, mentions: c.mentions, files: c.files, firstDate: first.get(c.id) ?? null }))
    .sort((a, b) => b.mentions - a.mentions || b.files - a.files || a.label.localeCompare(b.label));
}

/**
 * The line around a span, whitespace collapsed, cut to about `width` characters centred on
 * the span, with "…" where it was cut.
 */
export function snippetAt(text: string, offset: number, length: number, width = SNIPPET_WIDTH): string {
  return snippetSpanAt(text, offset, length, width).snippet;
}

/** A snippet and where the span sits in it: [start, end) in UTF-16 units of `snippet`. */
export interface SnippetSpan {
  snippet: string;
  highlight: [number, number];
}

/** What snippetAt gives, with the place of the span in the snippet (for highlighting it). */
export function snippetSpanAt(text: string, offset: number, length: number, width = SNIPPET_WIDTH): SnippetSpan {
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
  // Collapse whitespace before, inside and after the span separately, so the span's place is known.
  const collapse = (t: string) => t.replace(/\s+/g, ' ');
  const spanEnd = Math.min(offset + length, to);
  const before = collapse(text.slice(from, Math.max(from, offset))).trimStart();
  const inside = collapse(text.slice(Math.max(from, offset), spanEnd));
  const after = collapse(text.slice(spanEnd, to)).trimEnd();
  const lead = from > lineStart ? '…' : '';
  const start = lead.length + before.length;
  const body = before + inside + after;
  const trimmed = body.trimEnd();
  const snippet = lead + trimmed + (to < lineEnd ? '…' : '');
  const end = Math.min(start + inside.length, lead.length + trimmed.length);
  return { snippet, highlight: [start, Math.max(start, end)] };
}

/** Every mention of an entity, or keyword hit of a theme, in a scope, at most `limit`. */
export function mentionsOf(index: WorkspaceIndex, params: P.MentionsParams): P.MentionsResult {
  return runNow(mentionsWork(index, params));
}

/** `mentionsOf` as work that pauses every 256 mentions (features/pacer.ts). */
export function* mentionsWork(index: WorkspaceIndex, params: P.MentionsParams): Work<P.MentionsResult> {
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
    if ((items.length & 255) === 255) yield;
    const doc = index.get(s.uri);
    if (!doc) continue;
    const { snippet, highlight } = snippetSpanAt(doc.text, s.offset, s.length);
    items.push({
      uri: s.uri,
      range: toRange(doc, s.offset, s.length),
      text: doc.text.slice(s.offset, s.offset + s.length),
      snippet,
      highlight,
      date: doc.analysis.date,
    });
  }
  return { items, truncated: spans.length > items.length };
}

/** Every figure of a scope converted into `base`, with its subject, source, metric, period and fact. */
export function figuresOf(index: WorkspaceIndex, scope: P.Scope | undefined, base: string, overrides: Record<string, number>): P.FigureRow[] {
  return runNow(figuresWork(index, scope, base, overrides));
}

/** `figuresOf` as work that pauses between documents (features/pacer.ts). */
export function* figuresWork(index: WorkspaceIndex, scope: P.Scope | undefined, base: string, overrides: Record<string, number>): Work<P.FigureRow[]> {
  const rows: P.FigureRow[] = [];
  for (const doc of docsOf(index, scope).sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0))) {
    yield;
    const { figures, date } = doc.analysis;
    for (let i = 0; i < figures.length; i++) {
      const f = figures[i];
      const conv = convertFigure(f, base, date, overrides);
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
        entityId: f.subject?.id ?? null,
        entityName: f.subject?.name ?? null,
        counterpartyId: f.counterparty?.id ?? null,
        counterpartyName: f.counterparty?.name ?? null,
        sourceId: f.source?.id ?? null,
        sourceName: f.source?.name ?? null,
        metric: f.metric ?? 'other',
        period: f.period ?? null,
        fact: f.fact ?? i,
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
    ctx.guard('sidebar', async (params: P.ThemesParams): Promise<P.ThemesResult> => {
      const scope = params?.scope;
      const locale = await ctx.locale(scope?.kind === 'file' ? scope.uri : undefined);
      return { themes: themesOf(index, scope, themeLabeller(ctx.taxonomy(), locale)), complete: !ctx.indexing() };
    }),
  );
  connection.onRequest(
    P.MentionsRequest,
    ctx.guard('sidebar', (params: P.MentionsParams, token: CancellationToken): Promise<P.MentionsResult> => runPaced(mentionsWork(index, params ?? { scope: { kind: 'workspace' } }), token)),
  );
  connection.onRequest(
    P.FiguresRequest,
    ctx.guard('sidebar', async (params: P.FiguresParams, token: CancellationToken): Promise<P.FiguresResult> => {
      const scope = params?.scope;
      const settings = await ctx.settings(scope?.kind === 'file' ? scope.uri : undefined);
      return { figures: await runPaced(figuresWork(index, scope, settings.baseCurrency, settings.rateOverrides), token), baseCurrency: settings.baseCurrency };
    }),
  );
}

export const feature: Feature = { name: 'sidebar', register };
