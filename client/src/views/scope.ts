/**
 * The state both sidebar trees share: the scope (the current digest or the workspace), the
 * sort order and the filter. Each change sets a context key, so view/title menus show the
 * right toggle (`digestLens.scope`, `digestLens.sort`, `digestLens.filtered`), and fires
 * onDidChange so the trees refresh.
 */
import * as vscode from 'vscode';
import type { Scope } from '../../../protocol/src';
import { baseName, type ScopeMode, type SortMode } from './model';

/** Whether a document belongs to Digest Lens: the digest language (include globs are decided by the client's selector). */
export function isDigestDocument(doc: vscode.TextDocument, selector?: vscode.DocumentSelector): boolean {
  if (doc.languageId === 'digest') return true;
  return !!selector && vscode.languages.match(selector, doc) > 0;
}

/** Shared state of the Themes and Entities views. */
export class SidebarState implements vscode.Disposable {
  private _scope: ScopeMode;
  private _sort: SortMode;
  private _filter = '';
  /** The digest the file scope shows: the active one, or the last active one when focus moved to a non-digest editor. */
  private _file: vscode.Uri | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Extra documents that count as digests (the include globs), set by the extension. */
  selector: vscode.DocumentSelector | undefined;

  /** Fires when the scope, the file of the file scope, the sort or the filter changes. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento) {
    this._scope = memento.get<ScopeMode>('digestLens.scope') === 'file' ? 'file' : 'workspace';
    const sort = memento.get<SortMode>('digestLens.sort');
    this._sort = sort === 'name' || sort === 'date' ? sort : 'count';
    this.trackEditor(vscode.window.activeTextEditor);
    this.disposables.push(vscode.window.onDidChangeActiveTextEditor((e) => this.trackEditor(e)));
    void this.updateContext();
  }

  get scope(): ScopeMode {
    return this._scope;
  }
  get sort(): SortMode {
    return this._sort;
  }
  get filter(): string {
    return this._filter;
  }
  /** The digest shown in file scope, if any. */
  get file(): vscode.Uri | undefined {
    return this._file;
  }

  /** The scope as the server's requests take it; null in file scope with no digest open. */
  requestScope(): Scope | null {
    if (this._scope === 'workspace') return { kind: 'workspace' };
    return this._file ? { kind: 'file', uri: this._file.toString() } : null;
  }

  /** "Workspace" or "File: name.digest.md", plus the filter, for the views' description. */
  describe(): string {
    const scope = this._scope === 'workspace' ? vscode.l10n.t('Workspace') : this._file ? vscode.l10n.t('File: {0}', baseName(this._file.toString())) : vscode.l10n.t('No digest open');
    return this._filter ? vscode.l10n.t('{0} · filter: "{1}"', scope, this._filter) : scope;
  }

  setScope(scope: ScopeMode): void {
    if (scope === this._scope) return;
    this._scope = scope;
    void this.memento.update('digestLens.scope', scope);
    this.fire();
  }

  setSort(sort: SortMode): void {
    if (sort === this._sort) return;
    this._sort = sort;
    void this.memento.update('digestLens.sort', sort);
    this.fire();
  }

  setFilter(filter: string): void {
    const f = filter.trim();
    if (f === this._filter) return;
    this._filter = f;
    this.fire();
  }

  private trackEditor(editor: vscode.TextEditor | undefined): void {
    if (!editor || !isDigestDocument(editor.document, this.selector)) return;
    const uri = editor.document.uri;
    if (this._file?.toString() === uri.toString()) return;
    this._file = uri;
    if (this._scope === 'file') this.fire();
  }

  private fire(): void {
    void this.updateContext();
    this.changed.fire();
  }

  private async updateContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'digestLens.scope', this._scope);
    await vscode.commands.executeCommand('setContext', 'digestLens.sort', this._sort);
    await vscode.commands.executeCommand('setContext', 'digestLens.filtered', this._filter !== '');
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * The scope a command works on: 'workspace', a file URI (from an explorer or editor menu),
 * else the active digest, else the workspace.
 */
export function scopeFromArgument(arg: unknown, state: SidebarState): Scope {
  if (arg === 'workspace') return { kind: 'workspace' };
  if (arg === 'sidebar') return state.requestScope() ?? { kind: 'workspace' };
  if (arg instanceof vscode.Uri) return { kind: 'file', uri: arg.toString() };
  if (typeof arg === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(arg)) return { kind: 'file', uri: arg };
  const doc = vscode.window.activeTextEditor?.document;
  if (doc && isDigestDocument(doc, state.selector)) return { kind: 'file', uri: doc.uri.toString() };
  return { kind: 'workspace' };
}
