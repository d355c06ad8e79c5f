/**
 * The command "New Digest Note" (issue 17): asks the server for the template of the active
 * workspace folder (digestLens/noteTemplate: today's date line and the sections the notes use
 * most) and opens it as a new, unsaved note with its tab stops. Nothing is written: the note
 * is untitled, offered under a dated name in the folder, and the user saves it or not.
 */
import * as vscode from 'vscode';
import * as P from '../../protocol/src';
import type { ClientManager } from './client';
import { folderForNewNote, newNoteName } from './newNoteName';

export function registerNewNote(context: vscode.ExtensionContext, manager: ClientManager): void {
  context.subscriptions.push(vscode.commands.registerCommand('digestLens.newNote', () => newNote(manager)));
}

/** True when a file of that uri exists (its metadata only is read) or a note of that uri is open. */
async function taken(uri: vscode.Uri): Promise<boolean> {
  const untitled = uri.with({ scheme: 'untitled' }).toString();
  if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === untitled)) return true;
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function newNote(manager: ClientManager): Promise<void> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const activeFolder = active ? vscode.workspace.getWorkspaceFolder(active)?.uri.toString() : undefined;
  const folder = folderForNewNote(activeFolder, (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString()));
  let template: P.NoteTemplateResult;
  try {
    template = await manager.request(P.NoteTemplateRequest, folder ? { uri: folder } : {});
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Digest Lens could not make a new note: {0}', (e as Error).message));
    return;
  }
  // In a folder on disk the note is offered under a dated name there; it is still untitled until saved.
  const base = folder ? vscode.Uri.parse(folder) : undefined;
  let doc: vscode.TextDocument;
  const name = base?.scheme === 'file' ? await newNoteName(template.date, (n) => taken(vscode.Uri.joinPath(base, n))) : null;
  if (base && name) {
    doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(base, name).with({ scheme: 'untitled' }));
    if (doc.languageId !== 'digest') doc = await vscode.languages.setTextDocumentLanguage(doc, 'digest');
  } else doc = await vscode.workspace.openTextDocument({ language: 'digest', content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  await editor.insertSnippet(new vscode.SnippetString(template.snippet), new vscode.Position(0, 0));
}
