/**
 * The Entities view: kind → entity → note (the file with its date, newest first) → mentions
 * (the line around the mention, the mention highlighted, as the references view shows it),
 * with counts in each item's description. Entities come from digestLens/entities, mentions from
 * digestLens/mentions, both for the sidebar's scope; sort and filter are applied here. The
 * filter matches the display name and id here, and every name, alias and ticker in any script
 * through the server's entity search (digestLens/searchEntities).
 */
import * as vscode from 'vscode';
import * as P from '../../../protocol/src';
import { baseName, filterEntities, groupByKind, groupByNote, labelHighlight, matchesFilter, plainText, shortFileName, type KindGroup, type NoteGroup } from './model';
import { CachedTree, entityCount, mentionCount, openMentionCommand, type NoteNode } from './treeBase';

/** A node of the Entities tree. Plain data: tests read `getChildren()` directly. */
export type EntityNode =
  | { type: 'kind'; id: string; group: KindGroup }
  | { type: 'entity'; id: string; entity: P.EntitySummary }
  | { type: 'file'; id: string; entityId: string; group: NoteGroup }
  | { type: 'mention'; id: string; entityId: string; item: P.MentionItem };

/** Codicons per kind, so the tree reads at a glance without our own icon files. */
const KIND_ICONS: Record<string, string> = {
  company: 'symbol-class',
  candidate: 'question',
  person: 'person',
  product: 'package',
  fund: 'briefcase',
  index: 'graph-line',
  exchange: 'symbol-namespace',
  regulator: 'law',
  media: 'book',
};

/** The kind's name as shown, localised. */
export function kindLabel(kind: string): string {
  switch (kind) {
    case 'company':
      return vscode.l10n.t('Companies');
    case 'candidate':
      return vscode.l10n.t('Possible companies');
    case 'person':
      return vscode.l10n.t('People');
    case 'product':
      return vscode.l10n.t('Products');
    case 'fund':
      return vscode.l10n.t('Funds');
    case 'index':
      return vscode.l10n.t('Indices');
    case 'exchange':
      return vscode.l10n.t('Exchanges');
    case 'regulator':
      return vscode.l10n.t('Regulators');
    case 'media':
      return vscode.l10n.t('Media');
    default:
      return kind;
  }
}

/** Tree data provider of the Entities view. */
export class EntitiesTreeProvider extends CachedTree<EntityNode> {
  protected readonly viewName = 'entities view';
  /** The entities of the last root load, filtered and in tree order, for exports and tests. */
  lastEntities: P.EntitySummary[] = [];

  /**
   * Ids of the entities the server finds for the filter by any name, alias or ticker in any
   * script (騰訊, 腾讯, tencent, 0700 → Tencent), for the filter they were asked for.
   */
  private found: { filter: string; ids: Set<string> } = { filter: '', ids: new Set() };

  /** Whether an entity passes the view's filter (the export of the view uses it). */
  matches(e: P.EntitySummary): boolean {
    return matchesFilter(this.state.filter, e.name, e.id) || (this.found.filter === this.state.filter && this.found.ids.has(e.id));
  }

  /** Asks the server which entities the filter names (on each load: new digests bring new entities). */
  private async search(filter: string): Promise<void> {
    if (!filter.trim()) return;
    try {
      const res = await this.manager.request(P.SearchEntitiesRequest, { query: filter, limit: 10000 });
      this.found = { filter, ids: new Set(res.entities.map((e) => e.id)) };
    } catch {
      this.found = { filter, ids: new Set() };
    }
  }

  protected async children(element: EntityNode | undefined): Promise<(EntityNode | NoteNode)[]> {
    const scope = this.state.requestScope();
    if (!scope) return [];
    if (!element) {
      const [res] = await Promise.all([this.manager.request(P.EntitiesRequest, { scope }), this.search(this.state.filter)]);
      this.incomplete = !res.complete;
      const groups = groupByKind(this.state.filter.trim() ? res.entities.filter((e) => this.matches(e)) : filterEntities(res.entities, ''), this.state.sort);
      this.lastEntities = groups.flatMap((g) => g.entities);
      return groups.map((group) => ({ type: 'kind', id: `kind:${group.kind}`, group }));
    }
    if (element.type === 'kind') return element.group.entities.map((entity) => ({ type: 'entity', id: `entity:${entity.id}`, entity }));
    if (element.type === 'entity') {
      const res = await this.manager.request(P.MentionsRequest, { scope, entityId: element.entity.id });
      const nodes: (EntityNode | NoteNode)[] = groupByNote(res.items).map((group) => ({
        type: 'file',
        id: `file:${element.entity.id}:${group.uri}`,
        entityId: element.entity.id,
        group,
      }));
      if (res.truncated) nodes.push(this.note(`more:${element.entity.id}`, vscode.l10n.t('More mentions not shown ({0} listed)', res.items.length)));
      return nodes;
    }
    if (element.type === 'file') {
      return element.group.items.map((item) => ({
        type: 'mention',
        id: `mention:${element.entityId}:${item.uri}:${item.range.start.line}:${item.range.start.character}`,
        entityId: element.entityId,
        item,
      }));
    }
    return [];
  }

  protected item(node: EntityNode): vscode.TreeItem {
    const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.type) {
      case 'kind': {
        const item = new vscode.TreeItem(kindLabel(node.group.kind), vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.description = `${entityCount(node.group.entities.length)} · ${mentionCount(node.group.mentions)}`;
        item.accessibilityInformation = { label: `${kindLabel(node.group.kind)}, ${item.description}` };
        item.iconPath = new vscode.ThemeIcon(KIND_ICONS[node.group.kind] ?? 'symbol-misc');
        item.contextValue = 'kind';
        return item;
      }
      case 'entity': {
        const e = node.entity;
        const item = new vscode.TreeItem(e.name, Collapsed);
        item.id = node.id;
        item.description = mentionCount(e.mentions, e.files);
        const tooltip = new vscode.MarkdownString();
        tooltip.appendText(e.name);
        tooltip.appendMarkdown('\n\n');
        tooltip.appendText(`${e.id} · ${kindLabel(e.kind)}` + (e.firstDate ? ' · ' + vscode.l10n.t('first seen {0}', e.firstDate) : ''));
        item.tooltip = tooltip;
        item.iconPath = new vscode.ThemeIcon(KIND_ICONS[e.kind] ?? 'symbol-misc');
        // The Markdown tooltip escapes spaces as &nbsp;: screen readers get plain text instead.
        item.accessibilityInformation = { label: plainText(`${e.name}, ${kindLabel(e.kind)}, ${item.description}`) };
        // "entity.candidate" lets the context menu offer "Add to my entities" for unknown names only.
        item.contextValue = `entity.${e.kind}`;
        return item;
      }
      case 'file': {
        const g = node.group;
        const uri = vscode.Uri.parse(g.uri);
        const name = baseName(g.uri);
        const date = g.date ?? vscode.l10n.t('undated');
        const item = new vscode.TreeItem(date, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.resourceUri = uri;
        item.iconPath = vscode.ThemeIcon.File;
        // A long (hashed) file name is shortened here; the tooltip has the whole path.
        item.description = `${shortFileName(name)} · ${mentionCount(g.items.length)}`;
        const path = uri.scheme === 'file' ? vscode.workspace.asRelativePath(uri) : g.uri;
        item.tooltip = `${path}\n${date} · ${mentionCount(g.items.length)}`;
        item.accessibilityInformation = { label: plainText(`${date}, ${name}, ${mentionCount(g.items.length)}`) };
        item.contextValue = 'mentionFile';
        return item;
      }
      case 'mention': {
        const m = node.item;
        const highlight = labelHighlight(m.highlight, m.snippet.length);
        const label: vscode.TreeItemLabel = { label: m.snippet, highlights: highlight ? [highlight] : undefined };
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        const line = m.range.start.line + 1;
        item.description = vscode.l10n.t('line {0}', line);
        const where = `${baseName(m.uri)}:${line}`;
        item.tooltip = m.date ? `${where} · ${m.date}\n${m.snippet}` : `${where}\n${m.snippet}`;
        item.accessibilityInformation = { label: plainText(vscode.l10n.t('{0}, line {1} of {2}: {3}', m.text, line, baseName(m.uri), m.snippet)) };
        item.iconPath = new vscode.ThemeIcon('symbol-text');
        item.command = openMentionCommand(m.uri, m.range, vscode.l10n.t('Open mention'));
        item.contextValue = 'mention';
        return item;
      }
    }
  }
}
