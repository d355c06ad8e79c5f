/**
 * Completion source: a new note's template (issue 17). Offered while a note has nothing to
 * follow yet: when it is empty, or the cursor is on its first line and it has no date line.
 * The one item is the template of the note's folder (features/noteTemplate.ts) as a snippet
 * that replaces what the cursor's line holds before it. Its label is what the editor
 * filters it by: on an empty line it is always offered, on a line being typed only when the
 * typing matches its name.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import { parseDateLine } from '../../analysis/date';
import { translator } from '../../l10n';
import { noteTemplate } from '../noteTemplate';
import type { CompletionSource } from './source';

/** A first line longer than this is a sentence being written, not the start of a note. */
const MAX_TYPED = 60;

export const complete: CompletionSource = async ({ ctx, doc, position }) => {
  const text = doc.getText();
  const empty = text.trim() === '';
  if (!empty) {
    if (position.line !== 0 || position.character > MAX_TYPED) return [];
    // A date line anywhere means the note has begun; the index knows its date without a scan.
    const indexed = ctx.index.get(doc.uri);
    const dated = indexed ? indexed.analysis.date !== null : text.split('\n').some((l) => parseDateLine(l) !== null);
    if (dated) return [];
  }
  // An edit of one line, up to the cursor, as the protocol asks of a completion's edit.
  const range = { start: { line: position.line, character: 0 }, end: position };
  const typed = doc.getText(range);
  const template = await noteTemplate(ctx, doc.uri);
  const tr = translator(await ctx.locale(doc.uri));
  const item: CompletionItem = {
    label: tr('template.label'),
    kind: CompletionItemKind.Snippet,
    detail: template.notes ? tr('template.detail', template.notes) : tr('template.detailDefault'),
    documentation: { kind: 'markdown', value: '```\n' + template.text + '```' },
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: template.snippet },
    // Filtered by its label: on a first line being typed it stays out of the way of the
    // names being completed ("騰") unless its own name is typed ("新建", "new").
    sortText: typed.trim() ? '~' : '0',
  };
  return [item];
};
