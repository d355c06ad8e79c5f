/**
 * Document highlights: every mention of the entity under the cursor in the current
 * document, whatever its script or spelling. Figures and theme keywords have none.
 */
import { DocumentHighlightKind, type DocumentHighlight } from 'vscode-languageserver';
import type { IndexedDoc } from '../index/workspaceIndex';
import type { Feature } from './context';
import { entityAt } from './entityAt';
import { toOffset, toRange } from './positions';

/** Highlights for the mention at `offset`: Text for the one under the cursor, Read for the others. */
export function highlightsAt(doc: IndexedDoc, offset: number): DocumentHighlight[] | null {
  const here = entityAt(doc, offset);
  if (!here) return null;
  return doc.analysis.mentions
    .filter((m) => m.id === here.id)
    .map((m) => ({
      range: toRange(doc, m.offset, m.length),
      kind: m === here ? DocumentHighlightKind.Text : DocumentHighlightKind.Read,
    }));
}

export const feature: Feature = {
  name: 'highlights',
  capabilities: { documentHighlightProvider: true },
  register(ctx) {
    ctx.connection.onDocumentHighlight(
      ctx.guard('highlights', (params) => {
        const doc = ctx.index.get(params.textDocument.uri);
        return doc ? highlightsAt(doc, toOffset(doc, params.position)) : null;
      }),
    );
  },
};
