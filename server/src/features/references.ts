/**
 * Find all references of an entity: every mention with the same id in every digest of the
 * workspace, open or not, in any script, alias or ticker, straight from the index.
 */
import type { CancellationToken, Location } from 'vscode-languageserver';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { Feature } from './context';
import { definitionAt } from './definition';
import { toRange } from './positions';

const sameLocation = (a: Location, b: Location) =>
  a.uri === b.uri &&
  a.range.start.line === b.range.start.line &&
  a.range.start.character === b.range.start.character &&
  a.range.end.line === b.range.end.line &&
  a.range.end.character === b.range.end.character;

/**
 * Every mention of entity `id`, documents in uri order. The declaration (the definition
 * target) is listed first when `includeDeclaration` is set, and left out when it is not.
 */
export function referencesOf(index: WorkspaceIndex, id: string, declaration: Location | null, includeDeclaration: boolean, token?: CancellationToken): Location[] {
  const out: Location[] = [];
  if (includeDeclaration && declaration) out.push(declaration);
  const mentions = index.mentionsOf(id);
  let doc = undefined as ReturnType<WorkspaceIndex['get']>;
  for (let i = 0; i < mentions.length; i++) {
    // A common entity in a large workspace has tens of thousands of mentions.
    if (i % 2048 === 0 && token?.isCancellationRequested) return [];
    const { uri, mention } = mentions[i];
    if (doc?.uri !== uri) doc = index.get(uri);
    if (!doc) continue;
    const loc: Location = { uri, range: toRange(doc, mention.offset, mention.length) };
    if (declaration && sameLocation(loc, declaration)) continue;
    out.push(loc);
  }
  return out;
}

export const feature: Feature = {
  name: 'references',
  capabilities: { referencesProvider: true },
  register(ctx) {
    ctx.connection.onReferences(
      ctx.guard('references', async (params, token) => {
        const found = await definitionAt(ctx, params.textDocument.uri, params.position);
        if (!found) return null;
        return referencesOf(ctx.index, found.id, found.target, params.context.includeDeclaration, token);
      }),
    );
  },
};
