/**
 * The Digest Lens extension: starts the language client, the status bar item, the Themes and
 * Entities views and the commands, and returns a small API for the end-to-end tests
 * (client/src/api.ts). Activation is late (package.json "activationEvents": the digest
 * language, workspaces containing digests or an entity file, and start-up finished, for the
 * first-use offer); the language server itself starts only where there are digests or when
 * Digest Lens is used (lazyStart.ts).
 */
import * as vscode from 'vscode';
import type { DigestLensApi } from './api';
import { ClientManager } from './client';
import { registerNewNote } from './newNote';
import { registerCommands } from './commands';
import { FiguresPanel } from './figures/figuresPanel';
import { DossierPanel } from './dossier/dossierPanel';
import { StatusController } from './status';
import { documentSelector } from './selector';
import { FirstUse, PlainNotesMode } from './firstUse';
import { startWhenNeeded } from './lazyStart';
import { EntitiesTreeProvider } from './views/entitiesView';
import { SidebarState } from './views/scope';
import { ThemesTreeProvider } from './views/themesView';
import { registerRatesUpdate } from './ratesOffer';

let manager: ClientManager | undefined;

export function activate(context: vscode.ExtensionContext): DigestLensApi {
  const log = vscode.window.createOutputChannel('Digest Lens', { log: true });
  context.subscriptions.push(log);
  try {
    return start(context, log);
  } catch (e) {
    // Fail loudly at start: a message with a way to the log, then let VS Code record the failure.
    reportStartFailure(log, e);
    throw e;
  }
}

function reportStartFailure(log: vscode.LogOutputChannel, e: unknown): void {
  const message = (e as Error)?.message ?? String(e);
  log.error(`Digest Lens could not start: ${(e as Error)?.stack ?? message}`);
  const show = vscode.l10n.t('Show log');
  void vscode.window.showErrorMessage(vscode.l10n.t('Digest Lens could not start: {0}', message), show).then((c) => {
    if (c === show) log.show();
  });
}

function start(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): DigestLensApi {
  manager = new ClientManager(context, log);
  context.subscriptions.push(manager);

  const state = new SidebarState(context.workspaceState);
  context.subscriptions.push(state);
  const updateSelector = () => {
    const include = vscode.workspace.getConfiguration('digestLens').get<string[]>('include') ?? [];
    const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
    state.selector = documentSelector(Array.isArray(include) ? include : [], folders);
  };
  updateSelector();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('digestLens.include')) updateSelector();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(updateSelector),
  );

  const status = new StatusController(manager);
  context.subscriptions.push(status);

  const entities = new EntitiesTreeProvider(manager, state);
  const themes = new ThemesTreeProvider(manager, state);
  const entitiesView = vscode.window.createTreeView('digestLens.entities', { treeDataProvider: entities, showCollapseAll: true });
  const themesView = vscode.window.createTreeView('digestLens.themes', { treeDataProvider: themes, showCollapseAll: true });
  // Files the server skipped, with the reason, head the Entities view (and go to the log).
  status.onSkipped = (skipped) => {
    entities.setNotice(
      skipped.length
        ? vscode.l10n.t('Not indexed: {0}', skipped.slice(0, 5).map((f) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(f.uri))} (${f.reason})`).join('; ') + (skipped.length > 5 ? ' …' : ''))
        : '',
    );
  };
  entities.attach(entitiesView);
  themes.attach(themesView);
  context.subscriptions.push(entities, themes, entitiesView, themesView);

  registerCommands({ context, manager, state, status, entities, themes });
  registerRatesUpdate(context, manager);
  registerNewNote(context, manager);

  // Closing the window or deactivating closes the panel too.
  context.subscriptions.push({ dispose: () => FiguresPanel.active?.dispose() }, { dispose: () => DossierPanel.active?.dispose() });

  // The server starts where there are digests (or when Digest Lens is used), not in every window.
  const m0 = manager;
  const lazy = startWhenNeeded({ start: () => m0.start().catch((e: unknown) => reportStartFailure(log, e)) }, () => state.selector ?? [{ language: 'digest' }], log);
  context.subscriptions.push(lazy);

  // First use on plain notes: offer once per folder whose .md/.txt notes look like digests.
  const firstUse = new FirstUse(context, log);
  context.subscriptions.push(firstUse, new PlainNotesMode());
  void firstUse.checkAll();

  const m = manager;
  return {
    get client() {
      return m.ready();
    },
    serverWanted: () => lazy.decided,
    currentClient: () => m.ready(),
    serverHealth: () => m.health,
    serverPid: () => m.serverPid(),
    request: (method, params) => m.request(method, params),
    onIndexChanged: m.onIndexChanged,
    entitiesView: entities,
    themesView: themes,
    sidebar: () => ({ scope: state.scope, sort: state.sort, filter: state.filter, file: state.file?.toString(), description: state.describe() }),
    statusText: () => status.text,
    status: () => status.status,
    noteRates: () => status.noteRates,
    refreshStatus: () => status.update(),
    figuresShown: () => FiguresPanel.active?.lastPosted,
    onFiguresShown: FiguresPanel.onDidPost,
    figuresCopy: (format) => FiguresPanel.active?.copy(format) ?? Promise.resolve(undefined),
    figuresQuery: async (filter, sort) => {
      const p = FiguresPanel.active;
      if (p?.scope) await p.load(p.scope, { filter, sort: sort ?? { key: 'baseValue', dir: -1 }, limit: 500 });
    },
    dossierShown: () => DossierPanel.active?.lastPosted,
    onDossierShown: DossierPanel.onDidPost,
    firstUse: {
      check: () => firstUse.checkAll(),
      offers: () => [...firstUse.offers],
      respondWith: (answer) => {
        firstUse.responder = answer === null ? undefined : async () => answer;
      },
      forget: (folder) => firstUse.forget(folder),
    },
  };
}

/** Stops the language server; VS Code waits for the returned promise. */
export async function deactivate(): Promise<void> {
  const m = manager;
  manager = undefined;
  await m?.stop();
}
