/**
 * What every LSP feature gets from the server. Features register their handlers on the
 * connection and answer from the index; they never read files or rescan the workspace.
 */
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { DigestSettings } from '../settings';
import type { Locale } from '../l10n';
import type { Gazetteer } from '../analysis/gazetteer';
import type { Taxonomy } from '../analysis/themes';
import type { Entity } from '../analysis/types';

/** A problem in a user file (entities or themes), located for a diagnostic. */
export interface UserFileProblem {
  message: string;
  /** 1-based, as the parsers report them. */
  line: number;
  column: number;
  /** 'warning' for a problem that leaves the entry working; else an error. */
  severity?: 'warning';
}

/** The state of one user file (entities or themes). */
export interface UserFileState {
  /** The file's uri, or null when the workspace has none. */
  uri: string | null;
  problems: UserFileProblem[];
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface FeatureContext {
  connection: Connection;
  /** Open documents, with their live text. */
  documents: TextDocuments<TextDocument>;
  /** Every digest of the workspace, open or not. */
  index: WorkspaceIndex;
  /** Settings for a resource, validated; cached per uri until the configuration changes. */
  settings(uri?: string): Promise<DigestSettings>;
  /** The language of the texts about a resource: digestLens.language, else the editor's display language. */
  locale(uri?: string): Promise<Locale>;
  /** Workspace folder uris. */
  folders(): string[];
  /** The workspace folder (uri) containing a uri, or undefined. */
  folderOf(uri: string): string | undefined;
  /**
   * The entities in force for a document: built-in plus its folder's own. Without a uri,
   * every folder's (workspace-wide lookups such as symbols and search).
   */
  gazetteer(uri?: string): Gazetteer;
  /** The themes in force for a document (its folder's), or every folder's without a uri. */
  taxonomy(uri?: string): Taxonomy;
  /** The user's own entities for a document (its folder's file), for definition and rename. */
  userEntities(uri?: string): Entity[];
  /** State of the entity file and the theme file of the folder of `uri` (the first folder without). */
  userFiles(uri?: string): { entities: UserFileState; themes: UserFileState };
  /** The entity and theme file states of every folder. */
  allUserFiles(): { entities: UserFileState; themes: UserFileState }[];
  /** True for a rates file (digestLens.ratesFile): its loader publishes its diagnostics, never the digest checks. */
  isRatesFile(uri: string): boolean;
  /** True while the workspace is being indexed. */
  indexing(): boolean;
  log: Logger;
  /**
   * Calls `listener` whenever results may change without any document changing: settings
   * changed, the workspace was re-indexed, or the user's entity or theme file was reloaded.
   */
  onRefresh(listener: () => void): void;
  /**
   * Wraps a request handler so that an exception fails that request only: it is logged
   * once per feature and the request answers with an error; the server keeps serving.
   */
  guard<A extends unknown[], R>(feature: string, handler: (...args: A) => R | Promise<R>): (...args: A) => Promise<R>;
  /** Milliseconds since the editor last asked for anything (background work waits for quiet). */
  idleMs(): number;
}

/** One LSP feature: the capabilities it declares and the handlers it registers. */
export interface Feature {
  /** Name for logs. */
  name: string;
  /** Merged into the server's InitializeResult capabilities. */
  capabilities?: ServerCapabilities;
  register(ctx: FeatureContext): void;
}
