/**
 * The figures webview: one row per fact of a file or the workspace (the figures restating it
 * listed in its row), filters by entity, metric, theme and date range, totals per entity and
 * metric, a chart of what is filtered, copy as Markdown or TSV, and export with an explicit
 * scope. The server filters, sorts, totals and pages (digestLens/facts), from its index; the
 * page (media/figures/figures.js and figures.css under a strict CSP with a nonce) only draws
 * and asks by message, and every message is validated here.
 */
import * as vscode from 'vscode';
import * as P from '../../../protocol/src';
import type { ClientManager } from '../client';
import { baseName } from '../views/model';
import { REFRESH_DEBOUNCE_MS } from '../views/treeBase';
import { factsMarkdown, factsTsv } from '../export';
import { figuresPlacement } from './placement';
import { createPagePanel, pageEvents, pageShell } from '../webviewPanel';
import { figuresHtml, pageRows, parsePageMessage, type FiguresLabels, type FiguresMessage, type FiguresState } from './html';

/** Every message any figures panel sent its page (tests observe them through the extension's API). */
const posted = new vscode.EventEmitter<FiguresMessage>();

/** A file's label: workspace-relative when it is in the workspace. */
export function uriLabel(uri: string): string {
  const u = vscode.Uri.parse(uri);
  return u.scheme === 'file' ? vscode.workspace.asRelativePath(u) : baseName(uri);
}

const INITIAL: FiguresState = { filter: {}, sort: { key: 'baseValue', dir: -1 }, limit: 500 };

/** The one figures panel; showing figures again reuses it. */
export class FiguresPanel implements vscode.Disposable {
  /** Fires each time a figures panel has sent data to its page. */
  static readonly onDidPost = posted.event;
  private static current: FiguresPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private rows: P.FactRow[] = [];
  private message: FiguresMessage | undefined;
  private ready = false;
  private scopeNow: P.Scope | undefined;
  private stateNow: FiguresState = INITIAL;
  private timer: NodeJS.Timeout | undefined;
  private loading: Promise<void> = Promise.resolve();

  /** The panel shown now, if any. */
  static get active(): FiguresPanel | undefined {
    return FiguresPanel.current;
  }

  /** Shows the facts of a scope (optionally filtered), creating the panel or reusing it. */
  static async show(context: vscode.ExtensionContext, manager: ClientManager, scope: P.Scope, filter?: P.FactFilter): Promise<FiguresPanel> {
    let panel = FiguresPanel.current;
    if (!panel) {
      // Focus goes to the panel (preserveFocus false): the user's first click in it then acts
      // on the page instead of only moving the focus into the webview.
      const webview = createPagePanel(context, 'digestLens.figures', vscode.l10n.t('Digest Lens: Figures'), { viewColumn: await panelColumn(), preserveFocus: false });
      panel = new FiguresPanel(webview, context, manager);
      FiguresPanel.current = panel;
    } else panel.panel.reveal(undefined, false);
    const sameScope = panel.scopeNow && JSON.stringify(panel.scopeNow) === JSON.stringify(scope);
    await panel.load(scope, filter ? { ...INITIAL, filter } : sameScope ? panel.stateNow : INITIAL);
    return panel;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly context: vscode.ExtensionContext,
    private readonly manager: ClientManager,
  ) {
    panel.webview.html = figuresHtml(pageShell(panel, context, 'figures', vscode.l10n.t('Figures')));
    this.disposables.push(
      ...pageEvents(panel, { disposed: () => this.dispose(), message: (m) => this.received(m), hidden: () => (this.ready = false) }),
      // Edits change the facts: reload after the index settles (same debounce as the trees).
      manager.onIndexChanged((e) => {
        const scope = this.scopeNow;
        if (!scope || (scope.kind === 'file' && e.uris !== 'all' && !e.uris.includes(scope.uri))) return;
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.load(scope, this.stateNow, true).catch((err: unknown) => manager.log.warn(`figures: ${(err as Error).message}`));
        }, REFRESH_DEBOUNCE_MS);
      }),
    );
  }

  /** The last message the page received. */
  lastPosted: FiguresMessage | undefined;

  /** The rows shown now (for tests and the export command). */
  get facts(): readonly P.FactRow[] {
    return this.rows;
  }

  /** The scope and the filter shown now: what "export the current filter" exports. */
  get scope(): P.Scope | undefined {
    return this.scopeNow;
  }
  get filter(): P.FactFilter {
    return this.stateNow.filter;
  }

  /** Asks the server for the facts of a scope in a state and sends them to the page. */
  load(scope: P.Scope, state: FiguresState, onIndexChange = false): Promise<void> {
    this.loading = this.loading.then(() => this.query(scope, state, onIndexChange)).catch((e: unknown) => this.manager.log.warn(`figures: ${(e as Error).message}`));
    return this.loading;
  }

  private async query(scope: P.Scope, state: FiguresState, onIndexChange: boolean): Promise<void> {
    this.scopeNow = scope;
    this.stateNow = state;
    const res = await this.manager.request(P.FactsRequest, { scope, filter: state.filter, sort: state.sort, limit: state.limit });
    this.rows = res.rows;
    const rows = pageRows(res.rows, uriLabel);
    this.panel.title = scope.kind === 'file' ? vscode.l10n.t('Figures: {0}', baseName(scope.uri)) : vscode.l10n.t('Figures: workspace');
    this.message = {
      type: 'facts',
      baseCurrency: res.baseCurrency,
      locale: vscode.env.language,
      labels: labels(res.baseCurrency, res.total, res.inScope),
      scope: scope.kind,
      rows,
      total: res.total,
      inScope: res.inScope,
      totals: res.totals,
      chart: res.chart,
      facets: res.facets,
      state,
    };
    // After an index change that changed nothing shown, the page is left alone.
    if (this.ready && !(onIndexChange && sameData(this.message, this.lastPosted))) await this.post();
  }

  private async post(): Promise<void> {
    if (!this.message) return;
    if (await this.panel.webview.postMessage(this.message)) {
      this.lastPosted = this.message;
      posted.fire(this.message);
    }
  }

  /** Every fact of the current filter (not only the page shown). */
  async allFiltered(): Promise<P.FactRow[]> {
    if (!this.scopeNow) return [];
    const res = await this.manager.request(P.FactsRequest, { scope: this.scopeNow, filter: this.stateNow.filter, sort: this.stateNow.sort, limit: 0 });
    return res.rows;
  }

  /** Copies the current filter's facts to the clipboard as Markdown or TSV; returns the text. */
  async copy(format: 'markdown' | 'tsv'): Promise<string> {
    const rows = await this.allFiltered();
    const text = format === 'markdown' ? factsMarkdown(rows, uriLabel) : factsTsv(rows, uriLabel);
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage(vscode.l10n.t('Copied {0} facts.', rows.length));
    return text;
  }

  private received(raw: unknown): void {
    const m = parsePageMessage(raw, this.rows.length, (i) => this.rows[i]?.others.length ?? 0);
    if (!m) return;
    switch (m.type) {
      case 'ready':
        this.ready = true;
        void this.post();
        return;
      case 'open': {
        const row = this.rows[m.index];
        const range = m.mention < 0 ? row.range : row.others[m.mention].range;
        void this.openNote(row.uri, range);
        return;
      }
      case 'query':
        if (this.scopeNow) void this.load(this.scopeNow, { filter: m.filter, sort: m.sort, limit: m.limit });
        return;
      case 'copy':
        void this.copy(m.format);
        return;
      case 'export':
        void vscode.commands.executeCommand('digestLens.exportFigures', m.scope);
        return;
    }
  }

  /**
   * Opens a figure in the note (digestLens.openLocation: the first group). When the panel is
   * alone in that group, the note goes into a new group above it, so the table stays in view.
   */
  private async openNote(uri: string, range: P.WireRange): Promise<void> {
    if (this.panel.viewColumn === vscode.ViewColumn.One && vscode.window.tabGroups.all.length === 1) {
      await vscode.commands.executeCommand('workbench.action.newGroupAbove');
    }
    await vscode.commands.executeCommand('digestLens.openLocation', uri, range);
  }

  private disposed = false;

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    if (FiguresPanel.current === this) FiguresPanel.current = undefined;
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}

/**
 * Whether two messages show the same thing. An index change (opening a note re-reads it)
 * reloads the facts; re-sending identical data would redraw the table under the user's
 * pointer, and a row replaced between mousedown and mouseup gets no click.
 */
function sameData(a: FiguresMessage | undefined, b: FiguresMessage | undefined): boolean {
  return !!a && !!b && JSON.stringify(a) === JSON.stringify(b);
}

/** The column the panel opens in (see placement.ts): never a new group beside the note. */
async function panelColumn(): Promise<vscode.ViewColumn> {
  const groups = vscode.window.tabGroups.all.map((g) => ({ viewColumn: g.viewColumn, tabs: g.tabs.length, isActive: g.isActive }));
  const place = figuresPlacement(groups);
  if (place.kind === 'column') return place.viewColumn;
  if (place.kind === 'below') {
    // An empty group below the active one, which becomes active: the panel goes into it.
    await vscode.commands.executeCommand('workbench.action.newGroupBelow');
  }
  return vscode.ViewColumn.Active;
}

/** The page's labels in the UI language. */
function labels(base: string, total: number, inScope: number): FiguresLabels {
  return {
    text: vscode.l10n.t('Figure'),
    value: vscode.l10n.t('Amount'),
    converted: vscode.l10n.t('In {0}', base),
    subject: vscode.l10n.t('Subject'),
    metric: vscode.l10n.t('Metric'),
    period: vscode.l10n.t('Period'),
    source: vscode.l10n.t('Source'),
    file: vscode.l10n.t('File'),
    date: vscode.l10n.t('Date'),
    chartTotals: vscode.l10n.t('Totals of the filtered facts per entity and metric, in {0}', base),
    chartLargest: vscode.l10n.t('Largest filtered facts, in {0}', base),
    totals: vscode.l10n.t('Totals per entity and metric (one value per period; no prices or market sizes)'),
    total: vscode.l10n.t('Total'),
    count: vscode.l10n.t('Facts'),
    empty: vscode.l10n.t('No figures found.'),
    summary: total === inScope ? vscode.l10n.t('{0} facts. Click a column to sort, a row to open it.', total) : vscode.l10n.t('{0} of {1} facts match the filter. Click a column to sort, a row to open it.', total, inScope),
    noRate: vscode.l10n.t('no rate'),
    sortHint: vscode.l10n.t('Sort by this column'),
    also: vscode.l10n.t('also'),
    allEntities: vscode.l10n.t('All entities'),
    allMetrics: vscode.l10n.t('All metrics'),
    allThemes: vscode.l10n.t('All themes'),
    from: vscode.l10n.t('From'),
    to: vscode.l10n.t('To'),
    clear: vscode.l10n.t('Clear filters'),
    copyMarkdown: vscode.l10n.t('Copy as Markdown'),
    copyTsv: vscode.l10n.t('Copy as TSV'),
    exportLabel: vscode.l10n.t('Export…'),
    exportFile: vscode.l10n.t('Export this file'),
    exportWorkspace: vscode.l10n.t('Export the workspace'),
    exportFilter: vscode.l10n.t('Export the current filter'),
    more: vscode.l10n.t('Show more'),
    counterpartyOf: vscode.l10n.t('counterparty'),
  };
}
