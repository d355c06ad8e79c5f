/**
 * The workspace's entities: search by any name in any script, and the user's entity file
 * (server/src/features/addEntity.ts owns its format; the client only applies edits).
 */
import { RequestType } from 'vscode-jsonrpc';
import type { WireRange } from './common';

/** One entity found by any of its names, aliases or tickers. */
export interface EntityMatch {
  id: string;
  name: string;
  kind: string;
  mentions: number;
  files: number;
  /** The name, alias or ticker that matched, as written in the entity list (null: the display name did). */
  matched: string | null;
}

/** client → server: entities of the workspace matching a query in any script. */
export const SearchEntitiesRequest = new RequestType<SearchEntitiesParams, SearchEntitiesResult, void>('digestLens/searchEntities');
export interface SearchEntitiesParams {
  query: string;
  /** At most this many (default 200). */
  limit?: number;
}
export interface SearchEntitiesResult {
  entities: EntityMatch[];
}

/**
 * client → server: the edit that adds one entity to the entity file of a folder (the "Add
 * entity" command; the "Add … to your entity list" code action makes the same edit). The
 * server only computes the edit; the client applies it, as the user asked for it.
 */
export const AddEntityEditRequest = new RequestType<AddEntityEditParams, AddEntityEditResult, void>('digestLens/addEntityEdit');
export interface AddEntityEditParams {
  name: string;
  aliases?: string[];
  tickers?: string[];
  /** One of the entity kinds (company, person, product, fund, index, exchange, regulator, media); default company. */
  kind?: string;
  /** A document or folder of the workspace: its folder's entity file gets the entry (default: the first folder's). */
  uri?: string;
  /** The editor's text of the entity file when it has it open (it may hold unsaved changes). */
  file?: { uri: string; text: string };
}
/** The edit (an LSP WorkspaceEdit, creating the file when absent), or why there is none. */
export type AddEntityEditResult =
  | { edit: { changes?: Record<string, { range: WireRange; newText: string }[]>; documentChanges?: unknown[] }; uri: string; id: string; name: string }
  | { refusal: string; /** The entity file, when the refusal is about its content (the client offers to open it). */ file?: string };

/**
 * client → server: the text of a new, empty entity file (the "Open entity file" command
 * creates the file with it). The server owns the file's format, JSON or CSV by the name.
 */
export const EntityFileTemplateRequest = new RequestType<EntityFileTemplateParams, EntityFileTemplateResult, void>('digestLens/entityFileTemplate');
export interface EntityFileTemplateParams {
  /** The entity file to be created: its name decides the format. */
  uri: string;
}
export interface EntityFileTemplateResult {
  text: string;
}
