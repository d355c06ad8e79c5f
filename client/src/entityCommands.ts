/**
 * The user's entity file (digestLens.entitiesFile, default .digestlens/entities.json):
 * addEntity asks for a name, aliases, tickers and a kind, asks the server for the edit
 * (digestLens/addEntityEdit: the server owns the file's format) and applies it through a
 * WorkspaceEdit (undoable, creating the file when missing); openEntityFile opens it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { CommandContext } from './commands';
import { splitList } from './entityFile';
import type { Register } from './exportCommands';
import * as P from '../../protocol/src';

/** The fields of a new entity the user gives. */
interface NewEntity {
  name: string;
  aliases: string[];
  tickers: string[];
  kind: string;
}

/** Kinds the server accepts in a user file, in the order offered. */
const KINDS = ['company', 'person', 'product', 'fund', 'index', 'exchange', 'regulator', 'media'];

/** The workspace folder a command works in: the active editor's, else the first. */
function currentFolder(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) || vscode.workspace.workspaceFolders?.[0];
}

/** The entity file of a folder, from the resource-scoped setting. */
export function entityFileOf(folder: vscode.WorkspaceFolder): vscode.Uri {
  const rel = vscode.workspace.getConfiguration('digestLens', folder.uri).get<string>('entitiesFile') || '.digestlens/entities.json';
  if (/^([A-Za-z]:)?[\\/]/.test(rel)) return vscode.Uri.file(rel);
  return vscode.Uri.joinPath(folder.uri, ...rel.split(/[\\/]+/).filter(Boolean));
}

/** The open document of a file, or undefined when the file does not exist. */
async function openIfExists(uri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open;
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
  return vscode.workspace.openTextDocument(uri);
}

/** What addEntity can be called with: a tree node of the Entities view, a name, or a full entry (tests). */
type AddEntityArg = { type?: string; entity?: { name?: string } } | string | Partial<NewEntity> | undefined;

async function askEntity(arg: AddEntityArg): Promise<NewEntity | undefined> {
  if (arg && typeof arg === 'object' && 'name' in arg && typeof arg.name === 'string' && arg.name.trim()) {
    // A complete entry from a caller: no prompts.
    const a = arg as Partial<NewEntity>;
    return { name: a.name!.trim(), aliases: a.aliases ?? [], tickers: a.tickers ?? [], kind: a.kind && KINDS.includes(a.kind) ? a.kind : 'company' };
  }
  const editor = vscode.window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
  const fromNode = arg && typeof arg === 'object' && 'entity' in arg ? arg.entity?.name : undefined;
  const initial = typeof arg === 'string' ? arg : (fromNode ?? (selected.length <= 80 ? selected : ''));
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add entity (1/4): name'),
    prompt: vscode.l10n.t('The name as it is usually written, e.g. 远澜算力 or Yuanlan Compute'),
    value: initial,
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A name is required.')),
  });
  if (!name?.trim()) return undefined;
  const aliases = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add entity (2/4): aliases'),
    prompt: vscode.l10n.t('Other names, separated by commas (Traditional forms are found without listing them). Optional.'),
  });
  if (aliases === undefined) return undefined;
  const tickers = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add entity (3/4): tickers'),
    prompt: vscode.l10n.t('Tickers, separated by commas, e.g. 0700.HK, TCEHY. Optional.'),
  });
  if (tickers === undefined) return undefined;
  const kind = await vscode.window.showQuickPick(KINDS, { title: vscode.l10n.t('Add entity (4/4): kind'), placeHolder: 'company' });
  if (!kind) return undefined;
  return { name: name.trim(), aliases: splitList(aliases).filter((a) => a !== name.trim()), tickers: splitList(tickers), kind };
}

/** Adds an entity; resolves to the file it was written to, or undefined when cancelled or refused. */
async function addEntity(c: CommandContext, arg: AddEntityArg): Promise<vscode.Uri | undefined> {
  const folder = currentFolder();
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: the entity list lives in the workspace.'));
    return undefined;
  }
  const input = await askEntity(arg);
  if (!input) return undefined;
  // The editor's text of the entity file, when open: the server computes the edit on it.
  const fileUri = entityFileOf(folder);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === fileUri.toString());
  let client: LanguageClient;
  let result: P.AddEntityEditResult;
  try {
    client = await c.manager.ready();
    const params: P.AddEntityEditParams = { ...input, uri: folder.uri.toString(), file: open ? { uri: fileUri.toString(), text: open.getText() } : undefined };
    result = await client.sendRequest(P.AddEntityEditRequest, params);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not add the entity: {0}', e instanceof Error ? e.message : String(e)));
    return undefined;
  }
  if ('refusal' in result) {
    const openFile = vscode.l10n.t('Open file');
    const file = result.file;
    void vscode.window.showWarningMessage(result.refusal, ...(file ? [openFile] : [])).then((choice) => {
      if (choice === openFile && file) void vscode.window.showTextDocument(vscode.Uri.parse(file));
    });
    return undefined;
  }
  const uri = vscode.Uri.parse(result.uri);
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit as Parameters<LanguageClient['protocol2CodeConverter']['asWorkspaceEdit']>[0]);
  const wasDirty = open?.isDirty ?? false;
  if (!edit || !(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not edit {0}.', vscode.workspace.asRelativePath(uri)));
    return undefined;
  }
  // The server reads the file from disk, so save it, unless the user had unsaved changes of their own in it.
  const saved = await vscode.workspace.openTextDocument(uri);
  if (!wasDirty) await saved.save();
  void vscode.window.showInformationMessage(vscode.l10n.t('Added {0} to {1}.', result.name, vscode.workspace.asRelativePath(uri)));
  return uri;
}

/** Opens the entity file, offering to create it when it does not exist. */
async function openEntityFile(c: CommandContext, createArg: unknown): Promise<void> {
  const folder = currentFolder();
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: the entity list lives in the workspace.'));
    return;
  }
  const uri = entityFileOf(folder);
  if (!(await openIfExists(uri))) {
    const create = vscode.l10n.t('Create');
    const ok = createArg === true || (await vscode.window.showInformationMessage(vscode.l10n.t('{0} does not exist yet. Create it?', vscode.workspace.asRelativePath(uri)), create)) === create;
    if (!ok) return;
    // The empty file comes from the server, which owns the format (JSON or CSV by the name).
    let template: P.EntityFileTemplateResult;
    try {
      template = await c.manager.request(P.EntityFileTemplateRequest, { uri: uri.toString() });
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not create {0}: {1}', vscode.workspace.asRelativePath(uri), e instanceof Error ? e.message : String(e)));
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { ignoreIfExists: true });
    edit.insert(uri, new vscode.Position(0, 0), template.text);
    await vscode.workspace.applyEdit(edit);
    await (await vscode.workspace.openTextDocument(uri)).save();
  }
  await vscode.window.showTextDocument(uri);
}

/** Registers addEntity and openEntityFile. */
export function registerEntityCommands(c: CommandContext, reg: Register): void {
  reg('digestLens.addEntity', (arg) => addEntity(c, arg as AddEntityArg));
  reg('digestLens.openEntityFile', (arg) => openEntityFile(c, arg));
}
