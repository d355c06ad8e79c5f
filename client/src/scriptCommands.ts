/**
 * Convert to Traditional / Simplified Chinese: runs the server's script-conversion code
 * actions for the selection (or, with an empty selection, the whole document) and applies
 * the one asked for, as one undoable edit. The conversion stays on the server (opencc-js
 * there, with Taiwan and Hong Kong words), so the command, the light bulb and the CLI all
 * convert the same way. Which Traditional: the command's argument ('tw', 'hk', 'plain'),
 * else the setting digestLens.traditionalVariant, else ("ask", the default) a quick pick.
 */
import * as vscode from 'vscode';
import type { Register } from './exportCommands';

import { KIND_PREFIX, kindMatches, traditionalTarget, type ScriptTarget } from './scriptTargets';

/** Quick-pick labels of the variants, in the order offered. */
function variantLabel(kind: string): { label: string; detail: string } {
  const variant = kind.slice(KIND_PREFIX.length);
  if (variant === 'tw') return { label: vscode.l10n.t('Taiwan'), detail: vscode.l10n.t('Traditional characters and Taiwan words: 軟體, 晶片, 資訊') };
  if (variant === 'hk') return { label: vscode.l10n.t('Hong Kong'), detail: vscode.l10n.t('Traditional characters and Hong Kong words: 軟件, 芯片, 滑鼠') };
  return { label: vscode.l10n.t('Characters only'), detail: vscode.l10n.t('Traditional characters, words left as written') };
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
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', editor.document.uri, range, 'refactor.rewrite.script')) ?? [];
  // A bare Command has a string `command`; a CodeAction has an edit and maybe a Command object.
  const matching = actions.filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string' && kindMatches((a as vscode.CodeAction).kind?.value, target));
  let chosen: vscode.CodeAction | undefined = matching[0];
  if (matching.length > 1) {
    const pick = await vscode.window.showQuickPick(
      matching.map((a) => ({ ...variantLabel(a.kind!.value), action: a })),
      { title: vscode.l10n.t('Which Traditional Chinese?'), placeHolder: vscode.l10n.t('Set digestLens.traditionalVariant to skip this question') },
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

/**
 * Registers convertToTraditional (optional argument 'tw', 'hk' or 'plain' skips the choice,
 * as does the setting digestLens.traditionalVariant) and convertToSimplified.
 */
export function registerScriptCommands(reg: Register): void {
  reg('digestLens.convertToTraditional', (variant) => {
    const setting = vscode.workspace.getConfiguration('digestLens', vscode.window.activeTextEditor?.document.uri).get('traditionalVariant');
    return convert(traditionalTarget(variant, setting));
  });
  reg('digestLens.convertToSimplified', () => convert('simplified'));
}
