/**
 * Export of the figures table (one row per fact) and the entity list as CSV or JSON, with an
 * explicit scope: this file, the workspace, or the figures table's current filter. The file is
 * chosen in a save dialog (or passed by the caller, e.g. a test); nothing else is written.
 */
import * as vscode from 'vscode';
import * as P from '../../protocol/src';
import type { CommandContext } from './commands';
import { scopeFromArgument } from './views/scope';
import { entitiesCsv, entitiesJson, factsCsv, factsJson, formatOf } from './export';
import { FiguresPanel } from './figures/figuresPanel';
import { baseName } from './views/model';

/** Registers a command; provided by commands.ts. */
export type Register = (id: string, fn: (...args: unknown[]) => unknown) => void;

/** A file's label in an export: workspace-relative when it is in the workspace. */
function uriLabel(uri: string): string {
  const u = vscode.Uri.parse(uri);
  return u.scheme === 'file' ? vscode.workspace.asRelativePath(u) : baseName(uri);
}

/** The save dialog, starting in the first workspace folder; undefined when cancelled. */
async function chooseTarget(arg: unknown, defaultName: string, title: string): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({
    title,
    defaultUri: folder ? vscode.Uri.joinPath(folder, defaultName) : undefined,
    filters: { CSV: ['csv'], JSON: ['json'] },
    saveLabel: vscode.l10n.t('Export'),
  });
}

async function write(target: vscode.Uri, text: string, count: number): Promise<void> {
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const open = vscode.l10n.t('Open');
  // Not awaited: the command finishes when the file is written, not when the message is dismissed.
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} rows to {1}.', count, baseName(target.toString())), open).then((choice) => {
    if (choice === open) void vscode.window.showTextDocument(target);
  });
}

/** What an export of figures covers: a scope and, for "the current filter", the figures table's filter. */
interface ExportChoice {
  scope: P.Scope;
  filter?: P.FactFilter;
  /** Said in the dialog title and the JSON. */
  label: string;
}

/**
 * The scope of a figures export, explicit: 'file' (the table's file, else the active digest),
 * 'workspace', 'filter' (the figures table's scope and filter), a file uri, or 'sidebar'. With
 * no argument while the figures table is open, the user picks among the three.
 */
async function exportScope(c: CommandContext, arg: unknown): Promise<ExportChoice | undefined> {
  const panel = FiguresPanel.active;
  const fileOf = (): P.Scope | undefined => {
    if (panel?.scope?.kind === 'file') return panel.scope;
    const s = scopeFromArgument(undefined, c.state);
    return s.kind === 'file' ? s : undefined;
  };
  const file = (s: P.Scope & { kind: 'file' }): ExportChoice => ({ scope: s, label: vscode.l10n.t('this file ({0})', baseName(s.uri)) });
  const workspace: ExportChoice = { scope: { kind: 'workspace' }, label: vscode.l10n.t('the workspace') };
  const filtered = (): ExportChoice | undefined => (panel?.scope ? { scope: panel.scope, filter: panel.filter, label: vscode.l10n.t('the current filter') } : undefined);
  if (arg === 'workspace') return workspace;
  if (arg === 'filter') return filtered() ?? workspace;
  if (arg === 'file') {
    const s = fileOf();
    return s && s.kind === 'file' ? file(s) : undefined;
  }
  if (arg !== undefined || !panel) {
    const s = scopeFromArgument(arg, c.state);
    return s.kind === 'file' ? file(s) : workspace;
  }
  const items: (vscode.QuickPickItem & { choice: ExportChoice })[] = [];
  const f = fileOf();
  if (f && f.kind === 'file') items.push({ label: vscode.l10n.t('This file'), description: baseName(f.uri), choice: file(f) });
  items.push({ label: vscode.l10n.t('The workspace'), choice: workspace });
  const cur = filtered();
  if (cur) items.push({ label: vscode.l10n.t('The current filter'), description: vscode.l10n.t('as in the figures table'), choice: cur });
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export which figures?') });
  return pick?.choice;
}

/** Registers exportFigures ((scope?: 'file' | 'workspace' | 'filter' | 'sidebar' | Uri, target?: Uri)) and exportEntities. */
export function registerExportCommands(c: CommandContext, reg: Register): void {
  reg('digestLens.exportFigures', async (scopeArg, targetArg) => {
    const choice = await exportScope(c, scopeArg);
    if (!choice) return;
    const target = await chooseTarget(targetArg, 'facts.csv', vscode.l10n.t('Export figures: {0}', choice.label));
    if (!target) return;
    const res = await c.manager.request(P.FactsRequest, { scope: choice.scope, filter: choice.filter, limit: 0 });
    const text = formatOf(target.path) === 'json' ? factsJson(res.rows, uriLabel, res.baseCurrency, choice.label) : factsCsv(res.rows, uriLabel);
    await write(target, text, res.rows.length);
  });

  reg('digestLens.exportEntities', async (scopeArg, targetArg) => {
    // From the Entities view's title bar the export follows the view's scope and filter.
    const fromView = scopeArg === undefined || scopeArg === 'sidebar';
    const scope = scopeFromArgument(fromView ? 'sidebar' : scopeArg, c.state);
    const target = await chooseTarget(targetArg, 'entities.csv', vscode.l10n.t('Export entities'));
    if (!target) return;
    const res = await c.manager.request(P.EntitiesRequest, { scope });
    const entities = fromView ? res.entities.filter((e) => c.entities.matches(e)) : res.entities;
    const text = formatOf(target.path) === 'json' ? entitiesJson(entities) : entitiesCsv(entities);
    await write(target, text, entities.length);
  });
}
