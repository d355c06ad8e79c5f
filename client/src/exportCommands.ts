/**
 * Export of the figures table and the entity list as CSV or JSON. The file is chosen in a
 * save dialog (or passed by the caller, e.g. a test); nothing else is written.
 */
import * as vscode from 'vscode';
import * as P from '../../server/src/protocol';
import type { CommandContext } from './commands';
import { scopeFromArgument } from './views/scope';
import { entitiesCsv, entitiesJson, figuresCsv, figuresJson, formatOf } from './export';
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

/** Registers exportFigures and exportEntities: (scope?: 'workspace' | 'sidebar' | Uri, target?: Uri). */
export function registerExportCommands(c: CommandContext, reg: Register): void {
  reg('digestLens.exportFigures', async (scopeArg, targetArg) => {
    const scope = scopeFromArgument(scopeArg, c.state);
    const target = await chooseTarget(targetArg, 'figures.csv', vscode.l10n.t('Export figures'));
    if (!target) return;
    const res = await c.manager.request<P.FiguresResult>(P.FiguresRequest, { scope } satisfies P.FiguresParams);
    const text = formatOf(target.path) === 'json' ? figuresJson(res.figures, uriLabel, res.baseCurrency) : figuresCsv(res.figures, uriLabel);
    await write(target, text, res.figures.length);
  });

  reg('digestLens.exportEntities', async (scopeArg, targetArg) => {
    // From the Entities view's title bar the export follows the view's scope and filter.
    const fromView = scopeArg === undefined || scopeArg === 'sidebar';
    const scope = scopeFromArgument(fromView ? 'sidebar' : scopeArg, c.state);
    const target = await chooseTarget(targetArg, 'entities.csv', vscode.l10n.t('Export entities'));
    if (!target) return;
    const res = await c.manager.request<P.EntitiesResult>(P.EntitiesRequest, { scope } satisfies P.EntitiesParams);
    const entities = fromView ? res.entities.filter((e) => c.entities.matches(e)) : res.entities;
    const text = formatOf(target.path) === 'json' ? entitiesJson(entities) : entitiesCsv(entities);
    await write(target, text, entities.length);
  });
}
