/**
 * The figures webview: a sortable table of every figure of a file or the workspace with its
 * value in the base currency, and a bar chart of the largest figure per entity. The page is
 * static (media/figures/figures.js and figures.css under a strict CSP with a nonce); the data
 * arrives by postMessage once the page says it is ready, and the page can only ask to open a
 * row, which is validated here.
 */
import * as vscode from 'vscode';
import * as P from '../../../server/src/protocol';
import type { ClientManager } from '../client';
import { baseName } from '../views/model';
import { REFRESH_DEBOUNCE_MS } from '../views/treeBase';
import { figuresHtml, largestByEntity, makeNonce, pageRows, parsePageMessage, type FiguresLabels, type FiguresMessage } from './html';

/** Every message any figures panel sent its page (tests observe them through the extension's API). */
const posted = new vscode.EventEmitter<FiguresMessage>();

/** The one figures panel; showing figures again reuses it. */
export class FiguresPanel implements vscode.Disposable {
  /** Fires each time a figures panel has sent data to its page. */
  static readonly onDidPost = posted.event;
  private static current: FiguresPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private rows: P.FigureRow[] = [];
  private message: FiguresMessage | undefined;
  private ready = false;
  private scope: P.Scope | undefined;
  private timer: NodeJS.Timeout | undefined;

  /** The panel shown now, if any. */
  static get active(): FiguresPanel | undefined {
    return FiguresPanel.current;
  }

  /** Shows the figures of a scope, creating the panel or reusing it. */
  static async show(context: vscode.ExtensionContext, manager: ClientManager, scope: P.Scope): Promise<FiguresPanel> {
    let panel = FiguresPanel.current;
    if (!panel) {
      const media = vscode.Uri.joinPath(context.extensionUri, 'media');
      const webview = vscode.window.createWebviewPanel('digestLens.figures', vscode.l10n.t('Digest Lens: Figures'), vscode.ViewColumn.Beside, {
        enableScripts: true,
        // The page reads nothing but its own script and stylesheet.
        localResourceRoots: [media],
        retainContextWhenHidden: false,
      });
      panel = new FiguresPanel(webview, context, manager);
      FiguresPanel.current = panel;
    } else panel.panel.reveal(undefined, true);
    await panel.load(scope);
    return panel;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly context: vscode.ExtensionContext,
    private readonly manager: ClientManager,
  ) {
    const webview = panel.webview;
    const root = vscode.Uri.joinPath(context.extensionUri, 'media', 'figures');
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'digest-lens.svg');
    webview.html = figuresHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'figures.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'figures.css')).toString(),
      lang: vscode.env.language,
      title: vscode.l10n.t('Figures'),
    });
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      webview.onDidReceiveMessage((m: unknown) => this.received(m)),
      // A page that was hidden is rebuilt when shown again and asks for data with "ready".
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
      // Edits change the figures: reload after the index settles (same debounce as the trees).
      manager.onIndexChanged((e) => {
        const scope = this.scope;
        if (!scope || (scope.kind === 'file' && e.uris !== 'all' && !e.uris.includes(scope.uri))) return;
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.load(scope).catch((err: unknown) => manager.log.warn(`figures: ${(err as Error).message}`));
        }, REFRESH_DEBOUNCE_MS);
      }),
    );
  }

  /** The last message the page received. */
  lastPosted: FiguresMessage | undefined;

  /** The rows shown now (for tests and the export command). */
  get figures(): readonly P.FigureRow[] {
    return this.rows;
  }

  /** Asks the server for the figures of a scope and sends them to the page. */
  async load(scope: P.Scope): Promise<void> {
    this.scope = scope;
    const res = await this.manager.request<P.FiguresResult>(P.FiguresRequest, { scope } satisfies P.FiguresParams);
    this.rows = res.figures;
    const label = (uri: string) => {
      const u = vscode.Uri.parse(uri);
      return u.scheme === 'file' ? vscode.workspace.asRelativePath(u) : baseName(uri);
    };
    const rows = pageRows(res.figures, label);
    this.panel.title = scope.kind === 'file' ? vscode.l10n.t('Figures: {0}', baseName(scope.uri)) : vscode.l10n.t('Figures: workspace');
    this.message = { type: 'figures', baseCurrency: res.baseCurrency, locale: vscode.env.language, labels: labels(res.baseCurrency, rows.length), rows, bars: largestByEntity(rows) };
    if (this.ready) await this.post();
  }

  private async post(): Promise<void> {
    if (!this.message) return;
    if (await this.panel.webview.postMessage(this.message)) {
      this.lastPosted = this.message;
      posted.fire(this.message);
    }
  }

  private received(raw: unknown): void {
    const m = parsePageMessage(raw, this.rows.length);
    if (!m) return;
    if (m.type === 'ready') {
      this.ready = true;
      void this.post();
    } else {
      const row = this.rows[m.index];
      void vscode.commands.executeCommand('digestLens.openLocation', row.uri, row.range);
    }
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

/** The page's labels in the UI language. */
function labels(base: string, count: number): FiguresLabels {
  return {
    text: vscode.l10n.t('Figure'),
    value: vscode.l10n.t('Amount'),
    converted: vscode.l10n.t('In {0}', base),
    entity: vscode.l10n.t('Entity'),
    file: vscode.l10n.t('File'),
    date: vscode.l10n.t('Date'),
    chartTitle: vscode.l10n.t('Largest figure per entity, in {0}', base),
    empty: vscode.l10n.t('No figures found.'),
    summary: vscode.l10n.t('{0} figures. Click a column to sort, a row to open it.', count),
    noRate: vscode.l10n.t('no rate'),
    sortHint: vscode.l10n.t('Sort by this column'),
  };
}
