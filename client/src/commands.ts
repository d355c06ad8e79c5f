/**
 * The commands of the palette, the views' title bars and the context menus (all
 * `digestLens.*`). The larger ones live in their own files: exports (exportCommands.ts),
 * the entity file (entityCommands.ts) and script conversion (scriptCommands.ts).
 *
 * Commands take optional arguments so menus (a tree node, a file URI) and tests can call
 * them without prompts; with no argument they ask the user.
 */
import * as vscode from 'vscode';
import * as P from '../../protocol/src';
import { currencyChoices, fallbackCurrencies, matchCurrency, readCurrencyNames, uiLanguage } from './currencyNames';
import type { ClientManager } from './client';
import { registerEntityCommands } from './entityCommands';
import { registerExportCommands } from './exportCommands';
import { FiguresPanel } from './figures/figuresPanel';
import { registerScriptCommands } from './scriptCommands';
import { registerFindCommands } from './findCommands';
import type { StatusController } from './status';
import { SORT_MODES, type SortMode } from './views/model';
import { scopeFromArgument, type SidebarState } from './views/scope';
import type { Register } from './exportCommands';
import type { EntitiesTreeProvider } from './views/entitiesView';
import type { ThemesTreeProvider } from './views/themesView';

/** Everything the commands work on. */
export interface CommandContext {
  context: vscode.ExtensionContext;
  manager: ClientManager;
  state: SidebarState;
  status: StatusController;
  entities: EntitiesTreeProvider;
  themes: ThemesTreeProvider;
}

/** Reveals and selects a range: what clicking a mention, a theme hit or a figure row does. */
async function openLocation(uri: string | vscode.Uri, range?: P.WireRange): Promise<void> {
  const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  const selection = range ? new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character) : undefined;
  const editor = await vscode.window.showTextDocument(target, { selection, preview: true, viewColumn: vscode.ViewColumn.One });
  if (selection) editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function sortLabel(mode: SortMode): string {
  return mode === 'count' ? vscode.l10n.t('By number of mentions') : mode === 'name' ? vscode.l10n.t('By name') : vscode.l10n.t('By first date');
}

async function pickSort(state: SidebarState, arg: unknown): Promise<void> {
  if (typeof arg === 'string' && (SORT_MODES as readonly string[]).includes(arg)) return state.setSort(arg as SortMode);
  const items = SORT_MODES.map((mode) => ({ label: sortLabel(mode), mode, picked: mode === state.sort, description: mode === state.sort ? vscode.l10n.t('current') : undefined }));
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Sort themes and entities') });
  if (pick) state.setSort(pick.mode);
}

async function askFilter(state: SidebarState, arg: unknown): Promise<void> {
  if (typeof arg === 'string') return state.setFilter(arg);
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('Filter themes and entities'),
    prompt: vscode.l10n.t('Show only names containing this text (case and width are ignored). Leave empty to clear.'),
    value: state.filter,
  });
  if (value !== undefined) state.setFilter(value);
}

/**
 * The currencies the language server has rates for, with their names (its status answer, so
 * the client carries neither the rate tables nor the currency table); the common codes,
 * unnamed, if the server cannot answer.
 */
async function knownCurrencies(manager: ClientManager): Promise<{ codes: string[]; names: P.CurrencyNames[] }> {
  try {
    const status = await manager.request(P.StatusRequest);
    if (Array.isArray(status?.currencies) && status.currencies.length) {
      return { codes: status.currencies, names: readCurrencyNames(status.currencyNames) };
    }
  } catch {
    // The server is not running (or crashed): fall through to the common codes.
  }
  return { codes: fallbackCurrencies(), names: [] };
}

/** The picker's rows: the current currency first and marked, names in the user's language, aliases as the detail. */
function currencyItems(codes: readonly string[], names: readonly P.CurrencyNames[], current: string): (vscode.QuickPickItem & { code: string })[] {
  return currencyChoices(codes, names, current, uiLanguage(vscode.env.language)).map((c) => ({
    code: c.code,
    label: c.current ? `$(check) ${c.code}` : c.code,
    description: c.current ? vscode.l10n.t('{0} — current', c.name) : c.name,
    detail: c.aliases.join(' · ') || undefined,
    picked: c.current,
  }));
}

/**
 * Quick pick of the known currencies, found by code, name or alias in any script (RMB,
 * 人民币, 港幣, NT$ …); writes digestLens.baseCurrency in workspace or user settings. A
 * code or alias passed as argument (menus, tests) skips the picker.
 */
async function setBaseCurrency(manager: ClientManager, arg: unknown, targetArg: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration('digestLens');
  const current = (config.get<string>('baseCurrency') ?? 'USD').toUpperCase();
  const { codes, names } = await knownCurrencies(manager);
  let code: string | undefined;
  if (typeof arg === 'string' && arg.trim()) {
    const choices = currencyChoices(codes, names, current, uiLanguage(vscode.env.language));
    const exact = choices.find((c) => c.code === arg.trim().toUpperCase());
    const found = exact ? [exact.code] : matchCurrency(choices, arg);
    if (found.length !== 1) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Digest Lens: "{0}" is not a known currency. Choose one with "Set Base Currency".', arg));
      return;
    }
    code = found[0];
  } else {
    const pick = await vscode.window.showQuickPick(currencyItems(codes, names, current), {
      title: vscode.l10n.t('Base currency for conversions'),
      placeHolder: vscode.l10n.t('Type a code, a name or an alias (RMB, 人民币, 港幣, NT$ …); now {0}', current),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    code = pick?.code;
  }
  if (!code) return;
  let target: vscode.ConfigurationTarget = vscode.ConfigurationTarget.Global;
  if (targetArg === 'workspace' && vscode.workspace.workspaceFolders?.length) target = vscode.ConfigurationTarget.Workspace;
  else if (targetArg === undefined && vscode.workspace.workspaceFolders?.length) {
    const where = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('This workspace'), target: vscode.ConfigurationTarget.Workspace },
        { label: vscode.l10n.t('All workspaces (user settings)'), target: vscode.ConfigurationTarget.Global },
      ],
      { title: vscode.l10n.t('Where to save the base currency') },
    );
    if (!where) return;
    target = where.target;
  }
  await config.update('baseCurrency', code, target);
}

/** Drops the server's index and rebuilds it, restarting a server that gave up after crashes. */
async function reindex(c: CommandContext): Promise<void> {
  await vscode.window.withProgress({ location: { viewId: 'digestLens.entities' }, title: vscode.l10n.t('Reindexing digests…') }, async () => {
    if (!c.manager.isRunning()) await c.manager.restart();
    await c.manager.request(P.ReindexRequest);
  });
  c.entities.refresh();
  c.themes.refresh();
  await c.status.update();
}

/** Registers every command; the disposables go into context.subscriptions. */
export function registerCommands(c: CommandContext): void {
  const { context, manager, state } = c;
  const reg: Register = (id, fn) => {
    context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  };

  reg('digestLens.showFigures', async (arg) => {
    await FiguresPanel.show(context, manager, scopeFromArgument(arg, state));
  });
  reg('digestLens.showWorkspaceFigures', async () => {
    await FiguresPanel.show(context, manager, { kind: 'workspace' });
  });
  reg('digestLens.openLocation', (uri, range) => openLocation(uri as string | vscode.Uri, range as P.WireRange | undefined));
  reg('digestLens.showLog', () => manager.log.show(true));
  reg('digestLens.setBaseCurrency', (code, target) => setBaseCurrency(manager, code, target));
  reg('digestLens.reindex', () => reindex(c));
  reg('digestLens.refreshViews', async () => {
    c.entities.refresh();
    c.themes.refresh();
    await c.status.update();
  });
  reg('digestLens.toggleScope', () => state.setScope(state.scope === 'file' ? 'workspace' : 'file'));
  reg('digestLens.scopeToFile', () => state.setScope('file'));
  reg('digestLens.scopeToWorkspace', () => state.setScope('workspace'));
  reg('digestLens.sortBy', (arg) => pickSort(state, arg));
  reg('digestLens.filter', (arg) => askFilter(state, arg));
  reg('digestLens.clearFilter', () => state.setFilter(''));

  registerExportCommands(c, reg);
  registerEntityCommands(c, reg);
  registerScriptCommands(reg);
  registerFindCommands(c, reg);
}
