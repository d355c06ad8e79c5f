/**
 * What the server gives its features (features/context.ts): the context they are built on,
 * fault isolation per request (`guard`), and the refresh of editor views when results change
 * without any document changing. One host per server.
 */
import { ErrorCodes, LSPErrorCodes, ResponseError, type Connection, type ServerCapabilities, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceIndex } from './index/workspaceIndex';
import { translator } from './l10n';
import type { SettingsSource } from './settingsSource';
import type { Discovery } from './workspace/discovery';
import type { UserFileLoader } from './workspace/userFileLoader';
import type { FeatureContext, Logger } from './features/context';
import { FEATURES } from './features';

export interface FeatureHostDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  index: WorkspaceIndex;
  settings: SettingsSource;
  discovery: Discovery;
  userFiles: UserFileLoader;
  /** The user's rates files (workspace/userRatesLoader.ts). */
  isRatesFile(uri: string): boolean;
  folders(): string[];
  indexing(): boolean;
  /** Whether the editor can be asked to re-request semantic tokens, and inlay hints. */
  canRefresh(): { tokens: boolean; hints: boolean };
  log: Logger;
}

/** What the features declare, merged into the server's own capabilities. */
export function featureCapabilities(own: ServerCapabilities): ServerCapabilities {
  const capabilities = { ...own };
  for (const f of FEATURES) if (f.capabilities) Object.assign(capabilities, f.capabilities);
  return capabilities;
}

export class FeatureHost {
  private readonly failed = new Set<string>();
  private readonly refreshListeners: (() => void)[] = [];
  /** When the editor last asked for anything: background work waits until it has been quiet. */
  private lastRequestAt = 0;

  constructor(private readonly deps: FeatureHostDeps) {}

  /** Wraps a request handler: an exception fails that request only, and is logged once per feature. */
  guard<A extends unknown[], R>(feature: string, handler: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
    return async (...args: A) => {
      this.lastRequestAt = performance.now();
      try {
        return await handler(...args);
      } catch (e) {
        // A request given up on (protocolGate.ts) is no failure of the feature.
        if (e instanceof ResponseError && e.code === LSPErrorCodes.RequestCancelled) throw e;
        if (!this.failed.has(feature)) {
          this.failed.add(feature);
          this.deps.log.error(`${feature} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        }
        throw new ResponseError(ErrorCodes.InternalError, translator(this.deps.settings.serverLocale)('server.featureFailed', feature));
      }
    };
  }

  /**
   * Asks the editor to re-request semantic tokens and inlay hints, and tells the features:
   * after settings change (base currency, inlay hints on or off) or user entities change,
   * open documents need fresh ones even though their text did not change.
   */
  refresh(): void {
    const { connection, log } = this.deps;
    const can = this.deps.canRefresh();
    if (can.tokens) void connection.languages.semanticTokens.refresh();
    if (can.hints) void connection.languages.inlayHint.refresh();
    for (const listener of this.refreshListeners) {
      try {
        listener();
      } catch (e) {
        log.error(`refresh listener failed: ${(e as Error).message}`);
      }
    }
  }

  /** Registers every feature (after the server's own document listeners: they see an updated index). */
  registerFeatures(): void {
    const context = this.context();
    for (const f of FEATURES) {
      try {
        f.register(context);
      } catch (e) {
        this.deps.log.error(`feature ${f.name} could not start: ${(e as Error).message}`);
      }
    }
  }

  private context(): FeatureContext {
    const { connection, documents, index, settings, discovery, userFiles, folders, log } = this.deps;
    const setupOf = (uri?: string) => (uri ? userFiles.setups.forUri(uri) : userFiles.setups.union());
    return {
      connection,
      documents,
      index,
      settings: (uri?: string) => settings.forResource(uri ?? folders()[0]),
      locale: (uri?: string) => settings.locale(uri ?? folders()[0]),
      folders,
      folderOf: (uri) => discovery.folderOf(uri),
      gazetteer: (uri) => setupOf(uri).gazetteer,
      taxonomy: (uri) => setupOf(uri).taxonomy,
      userEntities: (uri) => setupOf(uri).userEntities,
      userFiles: (uri) => userFiles.stateOf((uri && discovery.folderOf(uri)) ?? folders()[0]),
      allUserFiles: () => userFiles.allStates(),
      isRatesFile: (uri) => this.deps.isRatesFile(uri),
      indexing: () => this.deps.indexing(),
      log,
      onRefresh: (listener) => void this.refreshListeners.push(listener),
      guard: (feature, handler) => this.guard(feature, handler),
      idleMs: () => performance.now() - this.lastRequestAt,
    };
  }
}
