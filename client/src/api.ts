/**
 * What `activate` returns: `vscode.extensions.getExtension('digest-lens.digest-lens').exports`.
 * Meant for the end-to-end tests (test/e2e), which drive a real VS Code and need to observe
 * what the user would see without scraping the UI. Every member is read-only observation or
 * an event to wait on; tests change state through the `digestLens.*` commands.
 */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type * as P from '../../protocol/src';
import type { ServerHealth } from './client';
import type { FiguresMessage } from './figures/html';
import type { DossierMessage } from './dossier/model';
import type { ScopeMode, SortMode } from './views/model';
import type { EntitiesTreeProvider, EntityNode } from './views/entitiesView';
import type { ThemesTreeProvider, ThemeNode } from './views/themesView';
import type { FirstUseAnswer, FirstUseOffer, FirstUseOutcome } from './firstUse';

export interface DigestLensApi {
  /** Settles when the language client is running (the server answered `initialize`). */
  /** The client, once started (asking for it starts the server). */
  readonly client: Promise<LanguageClient>;
  /** Whether the window held digests at activation (the server then started at once). */
  serverWanted(): Promise<boolean>;
  /** The client running now (changes after a restart for new `digestLens.include` globs). */
  currentClient(): Promise<LanguageClient>;
  /** Health of the server: starting, running, restarted (after a crash), stopped, failed. */
  serverHealth(): ServerHealth;
  /**
   * The pid of the language server process (forked by the client over IPC), or undefined
   * when it is not running. Tests kill it to check that the client restarts it.
   */
  serverPid(): number | undefined;
  /** Sends one of the custom requests of protocol/src (by method name). */
  request<R>(method: string, params?: unknown): Promise<R>;
  /** The server's digestLens/indexChanged notifications. */
  readonly onIndexChanged: vscode.Event<P.IndexChangedParams>;

  /**
   * The Entities view's provider. `getChildren()` gives the kind nodes, `getChildren(kind)`
   * its entities, `getChildren(entity)` its mentions (plain data: {type, id, ...});
   * `getTreeItem(node)` the label/description VS Code shows. `onDidLoad` fires after each
   * refresh has loaded the roots (wait on it after an edit instead of sleeping).
   */
  readonly entitiesView: EntitiesTreeProvider;
  /** The Themes view's provider: theme → file → hit, same shape as entitiesView. */
  readonly themesView: ThemesTreeProvider;
  /** The sidebar's shared state: scope ('file' | 'workspace'), sort, filter. */
  sidebar(): { scope: ScopeMode; sort: SortMode; filter: string; file: string | undefined; description: string };

  /** The status bar item's text, e.g. "$(symbol-number) USD · 2026-01". */
  statusText(): string;
  /** The last digestLens/status answer, or null before the first. */
  status(): P.StatusResult | null;
  /** The active note's date and rate month as the status bar shows them, or null (no digest editor). */
  noteRates(): P.NoteRatesResult | null;
  /** Asks the server for its status again and resolves when the item shows it. */
  refreshStatus(): Promise<void>;

  /** The figures panel's last message to its page, or undefined when no panel is open. */
  figuresShown(): FiguresMessage | undefined;
  /** Fires each time the figures panel sends data to its page. */
  readonly onFiguresShown: vscode.Event<FiguresMessage>;
  /** Copies the figures table's current filter as Markdown or TSV (as its buttons do); resolves with the text. */
  figuresCopy(format: 'markdown' | 'tsv'): Promise<string | undefined>;
  /** Filters and sorts the open figures table (as its controls do); resolves when the page has the data. */
  figuresQuery(filter: P.FactFilter, sort?: { key: P.FactSortKey; dir: 1 | -1 }): Promise<void>;

  /** The dossier panel's last message to its page, or undefined when no dossier is open. */
  dossierShown(): DossierMessage | undefined;
  /** Fires each time the dossier panel sends data to its page. */
  readonly onDossierShown: vscode.Event<DossierMessage>;

  /** The first-use offer on plain notes (client/src/firstUse.ts). */
  readonly firstUse: {
    /** Checks every workspace folder as activation does; resolves with what became of each. */
    check(): Promise<FirstUseOutcome[]>;
    /** Every offer made since activation. */
    offers(): FirstUseOffer[];
    /**
     * Test hook: answer offers with `answer` (undefined: as if the message were closed)
     * instead of showing the message; null shows the real message again.
     */
    respondWith(answer: FirstUseAnswer | undefined | null): void;
    /** Test hook: forgets the answers given for a folder. */
    forget(folder: vscode.Uri): Promise<void>;
  };
}

export type { EntityNode, ThemeNode };
