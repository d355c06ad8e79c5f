/**
 * What the Themes and Entities trees share: a cache of child promises per refresh, refresh
 * on state changes and (debounced) on the server's digestLens/indexChanged notification,
 * the view's description and message, and an event tests can wait on.
 */
import * as vscode from 'vscode';
import type { IndexChangedParams } from '../../../protocol/src';
import type { ClientManager } from '../client';
import { changeConcerns } from './model';
import type { SidebarState } from './scope';

/** Quiet time after the last index change before the trees ask again. */
export const REFRESH_DEBOUNCE_MS = 300;

/** A line of text in a tree: a note such as "200 more not shown" or an error. */
export interface NoteNode {
  type: 'note';
  id: string;
  text: string;
  tooltip?: string;
}

/** Base of a tree provider whose nodes are plain data and whose children come from requests. */
export abstract class CachedTree<N extends { type: string; id: string }> implements vscode.TreeDataProvider<N | NoteNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<N | NoteNode | undefined>();
  private readonly loaded = new vscode.EventEmitter<(N | NoteNode)[]>();
  private cache = new Map<string, Promise<(N | NoteNode)[]>>();
  private timer: NodeJS.Timeout | undefined;
  private _view: vscode.TreeView<N | NoteNode> | undefined;
  private generation = 0;
  protected readonly disposables: vscode.Disposable[] = [this.changed, this.loaded];
  /** Whether the last root answer said the index was still being built. */
  protected incomplete = false;

  readonly onDidChangeTreeData = this.changed.event;
  /** Fires with the root nodes each time a refresh has loaded them (for tests and the status bar). */
  readonly onDidLoad = this.loaded.event;

  constructor(
    protected readonly manager: ClientManager,
    protected readonly state: SidebarState,
  ) {
    this.disposables.push(
      state.onDidChange(() => this.refresh()),
      manager.onIndexChanged((e) => this.indexChanged(e)),
      // A restarted server (crash or new selector) has a new index: ask again.
      manager.onStarted(() => this.refresh()),
    );
  }

  /** Attaches the tree view so the provider can set its description and message. */
  attach(view: vscode.TreeView<N | NoteNode>): void {
    this._view = view;
    this.updateView();
  }

  /** Drops every cached answer and tells VS Code to ask for the tree again. */
  refresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.generation++;
    this.cache = new Map();
    this.updateView();
    this.changed.fire(undefined);
  }

  /**
   * An index change, debounced: typing produces a notification per pause of the server's own
   * debounce, and the trees need at most one refresh for a burst. No extra synchronisation
   * with the edits is needed: vscode-languageclient sends pending didChange notifications
   * before any later request, so the requests made after the debounce see the latest text.
   */
  private indexChanged(e: IndexChangedParams): void {
    if (!changeConcerns(this.state.scope, this.state.file?.toString(), e)) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, REFRESH_DEBOUNCE_MS);
  }

  /** The children of a node (the roots for undefined), from the cache of this refresh. */
  getChildren(element?: N | NoteNode): Promise<(N | NoteNode)[]> {
    const key = element ? element.id : '';
    let p = this.cache.get(key);
    if (!p) {
      const generation = this.generation;
      p = this.load(element).catch((e: unknown) => {
        this.manager.log.warn(`${this.viewName}: ${(e as Error)?.message ?? String(e)}`);
        return [this.note(`error:${key}`, vscode.l10n.t('Digest Lens could not answer: {0}', (e as Error)?.message ?? String(e)))];
      });
      if (!element) {
        void p.then((nodes) => {
          if (generation !== this.generation) return;
          this.updateView();
          this.loaded.fire(nodes);
        });
      }
      this.cache.set(key, p);
    }
    return p;
  }

  /** The nodes under a node; never does synchronous work beyond shaping a request's answer. */
  private load(element: N | NoteNode | undefined): Promise<(N | NoteNode)[]> {
    if (element?.type === 'note') return Promise.resolve([]);
    return this.children(element as N | undefined);
  }

  protected note(id: string, text: string, tooltip?: string): NoteNode {
    return { type: 'note', id: `note:${id}`, text, tooltip };
  }

  getTreeItem(node: N | NoteNode): vscode.TreeItem {
    if (node.type === 'note') {
      const n = node as NoteNode;
      const item = new vscode.TreeItem(n.text, vscode.TreeItemCollapsibleState.None);
      item.id = n.id;
      item.tooltip = n.tooltip ?? n.text;
      item.iconPath = new vscode.ThemeIcon('info');
      item.contextValue = 'note';
      return item;
    }
    return this.item(node as N);
  }

  /** The view's description (scope and filter) and its message (indexing, or nothing matches). */
  private updateView(): void {
    if (!this._view) return;
    this._view.description = this.state.describe();
    const parts = [this.incomplete ? vscode.l10n.t('Indexing the workspace… counts may still grow.') : '', this.notice];
    this._view.message = parts.filter(Boolean).join(' ') || undefined;
  }

  /** A standing notice under the view's title (e.g. the files that were not indexed). */
  private notice = '';
  setNotice(text: string): void {
    this.notice = text;
    this.updateView();
  }

  /** Name of the view, for logs. */
  protected abstract readonly viewName: string;
  /** Children of a node of this tree (the roots for undefined). */
  protected abstract children(element: N | undefined): Promise<(N | NoteNode)[]>;
  /** The tree item of a node of this tree. */
  protected abstract item(node: N): vscode.TreeItem;

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

/** "1 mention", "4 mentions", "4 mentions in 3 files": the count in a tree item's description. */
export function mentionCount(mentions: number, files = 1): string {
  if (files > 1) return vscode.l10n.t('{0} mentions in {1} files', mentions, files);
  return mentions === 1 ? vscode.l10n.t('1 mention') : vscode.l10n.t('{0} mentions', mentions);
}

/** "1 entity", "4 entities" ("1 个实体", "4 個實體"). */
export function entityCount(n: number): string {
  return n === 1 ? vscode.l10n.t('1 entity') : vscode.l10n.t('{0} entities', n);
}

/** The command a mention's tree item runs: reveal and select its range. */
export function openMentionCommand(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, title: string): vscode.Command {
  return { command: 'digestLens.openLocation', title, arguments: [uri, range] };
}
