/**
 * Go to definition on an entity mention (any script, alias or ticker). A user-defined entity
 * goes to its entry in the entity file of the note's own workspace folder; any other entity goes to its earliest-dated
 * mention in the workspace. Answered from the index: no digest is read or rescanned.
 */
import { readRegularText, USER_FILE_READ_CAP } from '../io/safeRead';
import { URI } from 'vscode-uri';
import type { Location } from 'vscode-languageserver';
import type { Entity } from '../analysis/types';
import { lineStarts, positionAt } from '../analysis/text';
import type { MentionLocation, WorkspaceIndex } from '../index/workspaceIndex';
import type { Feature, FeatureContext } from './context';
import { entityAt } from './entityAt';
import { locateUserEntry } from '../analysis/userFiles/entities';
import { toOffset, toRange } from './positions';

/** The text of the user's entity file, with its uri. */
export interface EntityFile {
  uri: string;
  text: string;
}

/**
 * The mention a definition goes to for a built-in entity: the one in the digest with the
 * earliest date (undated digests sort last), ties broken by uri then offset.
 */
export function earliestMention(index: WorkspaceIndex, id: string): MentionLocation | undefined {
  // Documents come in uri order and mentions in document order, so the first document with
  // the earliest date holds the answer: the index keeps which one it is, one document unpacked.
  const bestUri = index.earliestFileOf(id);
  const mention = bestUri === undefined ? undefined : index.get(bestUri)?.analysis.mentions.find((m) => m.id === id);
  return mention && { uri: bestUri!, mention };
}

/** Location of a mention in the index. */
export function mentionLocation(index: WorkspaceIndex, loc: MentionLocation): Location | null {
  const doc = index.get(loc.uri);
  return doc ? { uri: loc.uri, range: toRange(doc, loc.mention.offset, loc.mention.length) } : null;
}

/** Location of a user entity's "name" value in the entity file, or null when it cannot be found. */
export function userEntryLocation(file: EntityFile, entity: Entity): Location | null {
  const entry = locateUserEntry(file.text, URI.parse(file.uri).path, entity.id, entity.name);
  if (!entry) return null;
  const starts = lineStarts(file.text);
  return {
    uri: file.uri,
    range: { start: positionAt(starts, entry.name.offset), end: positionAt(starts, entry.name.offset + entry.name.length) },
  };
}

/**
 * Where the definition of entity `id` is: the user's entry for a user entity (when the file
 * is given and the entry found), else the earliest-dated mention.
 */
export function definitionOf(index: WorkspaceIndex, id: string, user?: { entity: Entity; file: EntityFile | null }): Location | null {
  if (user?.file) {
    const loc = userEntryLocation(user.file, user.entity);
    if (loc) return loc;
  }
  const first = earliestMention(index, id);
  return first ? mentionLocation(index, first) : null;
}

/**
 * Reads the entity file of the folder of document `docUri`: the open document's text when
 * it is open, else the file on disk (once per request). Null when there is none or it
 * cannot be read.
 */
export async function readEntityFile(ctx: FeatureContext, docUri: string): Promise<EntityFile | null> {
  const uri = ctx.userFiles(docUri).entities.uri;
  if (!uri) return null;
  const open = ctx.documents.get(uri);
  if (open) return { uri, text: open.getText() };
  try {
    return { uri, text: await readRegularText(URI.parse(uri).fsPath, USER_FILE_READ_CAP) };
  } catch {
    return null;
  }
}

/** The definition target of the mention at a position, reading the entity file only when needed. */
export async function definitionAt(ctx: FeatureContext, uri: string, position: { line: number; character: number }): Promise<{ id: string; target: Location | null } | null> {
  const doc = ctx.index.get(uri);
  if (!doc) return null;
  const mention = entityAt(doc, toOffset(doc, position));
  if (!mention) return null;
  // The document's own folder's entities and entity file: in a multi-root workspace each
  // folder has its own.
  const entity = ctx.userEntities(uri).find((e) => e.id === mention.id);
  const user = entity ? { entity, file: await readEntityFile(ctx, uri) } : undefined;
  return { id: mention.id, target: definitionOf(ctx.index, mention.id, user) };
}

export const feature: Feature = {
  name: 'definition',
  capabilities: { definitionProvider: true },
  register(ctx) {
    ctx.connection.onDefinition(
      ctx.guard('definition', async (params) => (await definitionAt(ctx, params.textDocument.uri, params.position))?.target ?? null),
    );
  },
};
