/**
 * Rename for the user's own entities (those of the entity file). Renaming replaces every
 * mention written as the entity's display name (in either Chinese script: 遠瀾算力 is the
 * same name as 远澜算力) across the workspace, and the "name" in the entity file, keeping
 * the old name there as an alias so older digests still match. Other aliases and tickers
 * are other spellings and stay. The server never writes files: it returns one
 * WorkspaceEdit and the client applies it.
 */
import { LSPErrorCodes, ResponseError, TextDocumentEdit, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { Entity, Mention } from '../analysis/types';
import { foldText, lineStarts, positionAt } from '../analysis/text';
import type { IndexedDoc, WorkspaceIndex } from '../index/workspaceIndex';
import type { Feature } from './context';
import { readEntityFile, type EntityFile } from './definition';
import { entityAt } from './entityAt';
import { locateUserEntry } from '../analysis/userFiles/entities';
import { toOffset, toRange } from './positions';
import { english, translator, type Translator } from '../l10n';

/** A result, or the message a refused request answers with. */
export type Outcome<T> = { ok: T } | { refused: string };

/** What prepareRename answers: the mention's range and the entity's display name. */
export function prepareRenameAt(doc: IndexedDoc, offset: number, userEntities: readonly Entity[], tr: Translator = english): Outcome<{ range: Range; placeholder: string }> {
  const mention = entityAt(doc, offset);
  if (!mention) return { refused: tr('rename.nothingHere') };
  const entity = userEntities.find((e) => e.id === mention.id);
  if (!entity) return { refused: tr('rename.builtIn', mention.name) };
  return { ok: { range: toRange(doc, mention.offset, mention.length), placeholder: entity.name } };
}

/** Whether a mention is written as the display name (in either script), not as an alias. */
const writtenAsName = (m: Mention, name: string) => m.text === name || foldText(m.text) === foldText(name);

/** A document's version for a TextDocumentEdit: the editor's version when open, else null. */
export type VersionOf = (uri: string) => number | null;

/**
 * The WorkspaceEdit renaming user entity `entity` to `newName`: every mention written as the
 * display name, and the entity file's "name" (with the old name added to "aliases" when it
 * is not there yet). `file` is the entity file's text, or null when it cannot be read.
 */
export function renameEdit(index: WorkspaceIndex, entity: Entity, newName: string, file: EntityFile | null, versionOf: VersionOf, inScope: (uri: string) => boolean = () => true, tr: Translator = english): Outcome<WorkspaceEdit> {
  const name = newName.trim();
  if (!name) return { refused: tr('rename.empty') };
  if (/[\r\n]/.test(name)) return { refused: tr('rename.oneLine') };
  const changes: TextDocumentEdit[] = [];
  const byUri = new Map<string, TextEdit[]>();
  for (const { uri, mention } of index.mentionsOf(entity.id)) {
    if (!writtenAsName(mention, entity.name) || mention.text === name || !inScope(uri)) continue;
    const doc = index.get(uri);
    if (!doc) continue;
    let edits = byUri.get(uri);
    if (!edits) byUri.set(uri, (edits = []));
    edits.push({ range: toRange(doc, mention.offset, mention.length), newText: name });
  }
  for (const [uri, edits] of byUri) changes.push(TextDocumentEdit.create({ uri, version: versionOf(uri) }, edits));
  if (file) {
    const edits = entityFileEdits(file, entity, name, tr);
    if ('refused' in edits) return edits;
    if (edits.ok.length) changes.push(TextDocumentEdit.create({ uri: file.uri, version: versionOf(file.uri) }, edits.ok));
  }
  return { ok: { documentChanges: changes } };
}

/** The minimal edits of the entity file: the name value, and the old name kept as an alias. */
function entityFileEdits(file: EntityFile, entity: Entity, newName: string, tr: Translator): Outcome<TextEdit[]> {
  const csv = /\.csv$/i.test(URI.parse(file.uri).path);
  const entry = locateUserEntry(file.text, URI.parse(file.uri).path, entity.id, entity.name);
  if (!entry) return { ok: [] };
  // A CSV cell is not re-quoted here, so it only takes text that needs no quoting.
  if (csv && /[",|]/.test(newName)) return { refused: tr('rename.csvCharacters') };
  const starts = lineStarts(file.text);
  const at = (offset: number, length = 0): Range => ({ start: positionAt(starts, offset), end: positionAt(starts, offset + length) });
  const escaped = csv ? newName : JSON.stringify(newName).slice(1, -1);
  const edits: TextEdit[] = [{ range: at(entry.name.offset, entry.name.length), newText: escaped }];
  const old = entry.nameValue;
  const kept = entry.aliases?.includes(old) ?? false;
  if (!kept && old !== newName && entry.aliasInsert && !(csv && /[",|]/.test(old))) {
    edits.push({ range: at(entry.aliasInsert.offset), newText: entry.aliasInsert.format(old) });
  }
  return { ok: edits };
}

/** Turns a refusal into the error the client shows to the user. */
function unwrap<T>(outcome: Outcome<T> | null): T | null {
  if (!outcome) return null;
  if ('refused' in outcome) throw new ResponseError(LSPErrorCodes.RequestFailed, outcome.refused);
  return outcome.ok;
}

export const feature: Feature = {
  name: 'rename',
  capabilities: { renameProvider: { prepareProvider: true } },
  register(ctx) {
    const versionOf: VersionOf = (uri) => ctx.documents.get(uri)?.version ?? null;
    // The guard turns exceptions into a generic failure, so refusals travel as values
    // through it and become a ResponseError with their own message only outside it.
    const prepare = ctx.guard('rename', async (uri: string, position: { line: number; character: number }) => {
      const doc = ctx.index.get(uri);
      return doc ? prepareRenameAt(doc, toOffset(doc, position), ctx.userEntities(uri), translator(await ctx.locale(uri))) : null;
    });
    const rename = ctx.guard('rename', async (uri: string, position: { line: number; character: number }, newName: string) => {
      const doc = ctx.index.get(uri);
      if (!doc) return null;
      const tr = translator(await ctx.locale(uri));
      const prepared = prepareRenameAt(doc, toOffset(doc, position), ctx.userEntities(uri), tr);
      if ('refused' in prepared) return prepared;
      const mention = entityAt(doc, toOffset(doc, position))!;
      const entity = ctx.userEntities(uri).find((e) => e.id === mention.id)!;
      // Only the notes of this folder (an entity of the same id in another folder's file is
      // another entity) and this folder's entity file.
      const folder = ctx.folderOf(uri);
      const inScope = (other: string) => ctx.folderOf(other) === folder;
      return renameEdit(ctx.index, entity, newName, await readEntityFile(ctx, uri), versionOf, inScope, tr);
    });
    ctx.connection.onPrepareRename(async (params) => unwrap(await prepare(params.textDocument.uri, params.position)));
    ctx.connection.onRenameRequest(async (params) => unwrap(await rename(params.textDocument.uri, params.position, params.newName)));
  },
};
