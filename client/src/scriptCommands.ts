/**
 * Convert to Traditional / Simplified Chinese: runs the server's "refactor.rewrite" code
 * actions for the selection (or, with an empty selection, the whole document) and applies
 * the one asked for. The conversion stays on the server (opencc there), so the command,
 * the light bulb and the CLI all convert the same way.
 */
import * as vscode from 'vscode';
import type { Register } from './exportCommands';

/** Which conversion a command asks for. 'tw' and 'hk' are the two Traditional variants. */
export type ScriptTarget = 'simplified' | 'traditional' | 'tw' | 'hk';

/**
 * Whether a code action's title is the conversion asked for. The server's titles are
 * "Convert to Traditional Chinese (Taiwan)", "… (Hong Kong)" and "Convert to Simplified
 * Chinese", with " (whole document)" appended; matching on them is the only handle the
 * actions offer (a dedicated code action kind per variant would be sturdier).
 */
export function titleMatches(title: string, target: ScriptTarget): boolean {
  if (!/^Convert to /i.test(title)) return false;
  if (target === 'simplified') return /Simplified/i.test(title);
  if (!/Traditional/i.test(title)) return false;
  if (target === 'tw') return /Taiwan/i.test(title);
  if (target === 'hk') return /Hong Kong/i.test(title);
  return true;
}

async function convert(target: ScriptTarget): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'digest') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a digest note to convert its script.'));
    return false;
  }
  // An empty selection asks the server for the whole document (its rule for an empty range).
  const range = editor.selection.isEmpty ? new vscode.Range(editor.selection.active, editor.selection.active) : editor.selection;
  const actions =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', editor.document.uri, range, vscode.CodeActionKind.RefactorRewrite.value)) ?? [];
  // A bare Command has a string `command`; a CodeAction has an edit and maybe a Command object.
  const matching = actions.filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string' && titleMatches(a.title, target));
  let chosen: vscode.CodeAction | undefined = matching[0];
  if (matching.length > 1) {
    const pick = await vscode.window.showQuickPick(
      matching.map((a) => ({ label: a.title, action: a })),
      { title: vscode.l10n.t('Which Traditional Chinese?') },
    );
    chosen = pick?.action;
    if (!pick) return false;
  }
  if (!chosen) {
    void vscode.window.showInformationMessage(
      target === 'simplified' ? vscode.l10n.t('Nothing to convert: the text is already Simplified Chinese.') : vscode.l10n.t('Nothing to convert: the text is already Traditional Chinese.'),
    );
    return false;
  }
  let ok = true;
  if (chosen.edit) ok = await vscode.workspace.applyEdit(chosen.edit);
  if (ok && chosen.command) await vscode.commands.executeCommand(chosen.command.command, ...(chosen.command.arguments ?? []));
  return ok;
}

/** Registers convertToTraditional (optional argument 'tw' or 'hk' skips the choice) and convertToSimplified. */
export function registerScriptCommands(reg: Register): void {
  reg('digestLens.convertToTraditional', (variant) => convert(variant === 'tw' || variant === 'hk' ? variant : 'traditional'));
  reg('digestLens.convertToSimplified', () => convert('simplified'));
}
