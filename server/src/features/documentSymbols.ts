/**
 * Document symbols (the outline): each section of the digest holds the companies and the
 * figures written in it. A digest without headings gets two groups, Companies and Figures.
 */
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver';
import type { Figure, Mention } from '../analysis/types';
import { describeFigure } from '../fx/format';
import type { IndexedDoc } from '../index/workspaceIndex';
import type { Feature } from './context';
import { toRange } from './positions';
import { english, translator, type Translator } from '../l10n';
import { runNow, runPaced, type Work } from './pacer';

/** One child per entity id, at its first mention in `mentions`, with the count as detail. */
function* companySymbols(doc: IndexedDoc, mentions: Mention[], tr: Translator): Work<DocumentSymbol[]> {
  const byId = new Map<string, { first: Mention; count: number }>();
  for (let i = 0; i < mentions.length; i++) {
    if ((i & 1023) === 1023) yield;
    const m = mentions[i];
    const seen = byId.get(m.id);
    if (seen) seen.count++;
    else byId.set(m.id, { first: m, count: 1 });
  }
  return [...byId.values()].map(({ first, count }) => {
    const range = toRange(doc, first.offset, first.length);
    return { name: first.name || first.text, detail: tr('count.mentions', count), kind: SymbolKind.Class, range, selectionRange: range };
  });
}

function* figureSymbols(doc: IndexedDoc, figures: Figure[]): Work<DocumentSymbol[]> {
  const out: DocumentSymbol[] = [];
  for (let i = 0; i < figures.length; i++) {
    if ((i & 255) === 255) yield;
    const f = figures[i];
    const range = toRange(doc, f.offset, f.length);
    out.push({ name: f.text || '?', detail: describeFigure(f), kind: SymbolKind.Number, range, selectionRange: range });
  }
  return out;
}

/** Index of the first item starting at or after `offset`; items are in document order. */
function lowerBound(items: readonly { offset: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items that start in [from, to), found by binary search so many sections stay cheap. */
function within<T extends { offset: number }>(items: T[], from: number, to: number): T[] {
  return items.slice(lowerBound(items, from), lowerBound(items, to));
}

/** Companies and Figures parents over a stretch of the document; empty groups are left out. */
function* groups(doc: IndexedDoc, mentions: Mention[], figures: Figure[], range: Range, tr: Translator): Work<DocumentSymbol[]> {
  const out: DocumentSymbol[] = [];
  const companies = yield* companySymbols(doc, mentions, tr);
  if (companies.length) out.push({ name: tr('symbols.companies'), detail: tr('count.entities', companies.length), kind: SymbolKind.Namespace, range, selectionRange: companies[0].selectionRange, children: companies });
  const figs = yield* figureSymbols(doc, figures);
  if (figs.length) out.push({ name: tr('symbols.figures'), detail: tr('count.figures', figs.length), kind: SymbolKind.Namespace, range, selectionRange: figs[0].selectionRange, children: figs });
  return out;
}

/** The outline of one digest. */
export function documentSymbols(doc: IndexedDoc, tr: Translator = english): DocumentSymbol[] {
  return runNow(documentSymbolsWork(doc, tr));
}

/** `documentSymbols` as work that pauses every few hundred items (features/pacer.ts): a long note's outline can be cancelled. */
function* documentSymbolsWork(doc: IndexedDoc, tr: Translator): Work<DocumentSymbol[]> {
  const { sections, mentions, figures } = doc.analysis;
  const end = doc.text.length;
  if (!sections.length) return yield* groups(doc, mentions, figures, toRange(doc, 0, end), tr);
  const out: DocumentSymbol[] = [];
  // Whatever comes before the first heading still belongs in the outline.
  const head = sections[0].offset;
  if (head > 0) out.push(...(yield* groups(doc, within(mentions, 0, head), within(figures, 0, head), toRange(doc, 0, head), tr)));
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i];
    const to = i + 1 < sections.length ? sections[i + 1].offset : end;
    const children = [
      ...(yield* companySymbols(doc, within(mentions, s.offset, to), tr)),
      ...(yield* figureSymbols(doc, within(figures, s.offset, to))),
    ];
    out.push({
      name: s.title.trim() || tr('symbols.section', i + 1),
      kind: SymbolKind.Namespace,
      range: toRange(doc, s.offset, to - s.offset),
      selectionRange: toRange(doc, s.offset, s.length),
      children,
    });
    yield;
  }
  return out;
}

export const feature: Feature = {
  name: 'documentSymbols',
  capabilities: { documentSymbolProvider: true },
  register(ctx) {
    ctx.connection.onDocumentSymbol(
      ctx.guard('documentSymbols', async (params, token) => {
        const doc = ctx.index.get(params.textDocument.uri);
        return doc ? runPaced(documentSymbolsWork(doc, translator(await ctx.locale(doc.uri))), token) : null;
      }),
    );
  },
};
