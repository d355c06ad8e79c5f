/**
 * The Themes view: theme → files → keyword hits, with counts in the descriptions. Themes come
 * from digestLens/themes; a theme's hits come in one digestLens/mentions request, grouped by
 * file here, and the file level reuses that answer (cached per refresh).
 */
import * as vscode from 'vscode';
import * as P from '../../../protocol/src';
import { baseName, filterThemes, groupByFile, sortSummaries, type FileGroup } from './model';
import { CachedTree, mentionCount, openMentionCommand, type NoteNode } from './treeBase';

/** A node of the Themes tree. Plain data: tests read `getChildren()` directly. */
export type ThemeNode =
  | { type: 'theme'; id: string; theme: P.ThemeSummary }
  | { type: 'file'; id: string; themeId: string; group: FileGroup }
  | { type: 'hit'; id: string; themeId: string; item: P.MentionItem };

/** Tree data provider of the Themes view. */
export class ThemesTreeProvider extends CachedTree<ThemeNode> {
  protected readonly viewName = 'themes view';
  /** The themes of the last root load, filtered and sorted, for tests. */
  lastThemes: P.ThemeSummary[] = [];

  protected async children(element: ThemeNode | undefined): Promise<(ThemeNode | NoteNode)[]> {
    const scope = this.state.requestScope();
    if (!scope) return [];
    if (!element) {
      const res = await this.manager.request(P.ThemesRequest, { scope });
      this.incomplete = !res.complete;
      this.lastThemes = sortSummaries(filterThemes(res.themes, this.state.filter), this.state.sort, (t) => t.label);
      return this.lastThemes.map((theme) => ({ type: 'theme', id: `theme:${theme.id}`, theme }));
    }
    if (element.type === 'theme') {
      const res = await this.manager.request(P.MentionsRequest, { scope, themeId: element.theme.id });
      const nodes: (ThemeNode | NoteNode)[] = groupByFile(res.items).map((group) => ({
        type: 'file',
        id: `theme:${element.theme.id}:file:${group.uri}`,
        themeId: element.theme.id,
        group,
      }));
      if (res.truncated) nodes.push(this.note(`more:${element.theme.id}`, vscode.l10n.t('More mentions not shown ({0} listed)', res.items.length)));
      return nodes;
    }
    if (element.type === 'file') {
      return element.group.items.map((item) => ({
        type: 'hit',
        id: `theme:${element.themeId}:hit:${item.uri}:${item.range.start.line}:${item.range.start.character}`,
        themeId: element.themeId,
        item,
      }));
    }
    return [];
  }

  protected item(node: ThemeNode): vscode.TreeItem {
    switch (node.type) {
      case 'theme': {
        const t = node.theme;
        const item = new vscode.TreeItem(t.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.id;
        item.description = mentionCount(t.mentions, t.files);
        item.tooltip = t.firstDate ? `${t.label} · ${vscode.l10n.t('first seen {0}', t.firstDate)}` : t.label;
        item.iconPath = new vscode.ThemeIcon('tag');
        item.contextValue = 'theme';
        return item;
      }
      case 'file': {
        const uri = vscode.Uri.parse(node.group.uri);
        const item = new vscode.TreeItem(baseName(node.group.uri), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.id;
        item.resourceUri = uri;
        item.iconPath = vscode.ThemeIcon.File;
        item.description = node.group.items.length === 1 ? vscode.l10n.t('1 hit') : vscode.l10n.t('{0} hits', node.group.items.length);
        item.tooltip = vscode.workspace.asRelativePath(uri);
        item.contextValue = 'themeFile';
        return item;
      }
      case 'hit': {
        const m = node.item;
        const item = new vscode.TreeItem(m.text, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.description = `${m.range.start.line + 1}: ${m.snippet}`;
        item.tooltip = m.snippet;
        item.iconPath = new vscode.ThemeIcon('search');
        item.command = openMentionCommand(m.uri, m.range, vscode.l10n.t('Open mention'));
        item.contextValue = 'hit';
        return item;
      }
    }
  }
}
