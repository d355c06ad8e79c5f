/**
 * Completion while writing a note (issue 17). Three sources, each in its own file: a new
 * note's template (template.ts), currencies, scales and conversions after a figure
 * (amounts.ts), and entities by any name, alias or ticker (entities.ts). Their items are
 * merged in that order; the list is marked incomplete so the editor asks again as the
 * user types (the sources rank by what is typed, not only filter).
 */
import type { CompletionList } from 'vscode-languageserver';
import type { Feature } from '../context';
import { complete as template } from './template';
import { complete as amounts } from './amounts';
import { complete as entities } from './entities';
import type { CompletionRequest, CompletionSource } from './source';

const SOURCES: CompletionSource[] = [template, amounts, entities];

/** Characters that open a completion by themselves: a conversion after a figure. */
export const TRIGGER_CHARACTERS = ['(', '（'];

export const feature: Feature = {
  name: 'completion',
  capabilities: { completionProvider: { triggerCharacters: TRIGGER_CHARACTERS } },
  register(ctx) {
    ctx.connection.onCompletion(
      ctx.guard('completion', async (params): Promise<CompletionList | null> => {
        const doc = ctx.documents.get(params.textDocument.uri);
        if (!doc) return null;
        const req: CompletionRequest = { ctx, doc, position: params.position, settings: await ctx.settings(doc.uri), trigger: params.context?.triggerCharacter };
        const items = [];
        for (const source of SOURCES) items.push(...(await source(req)));
        return { isIncomplete: true, items };
      }),
    );
  },
};
