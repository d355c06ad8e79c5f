/**
 * The entity dossier: one webview with every fact about a company or person across the notes
 * (by metric; per metric a timeline in the base currency at each note's date and the facts by
 * date, each with its source and a jump to the sentence; totals where they make sense), the
 * notes that disagree, and what it states as a source. Answered by the server from its index
 * (digestLens/dossier). Same page rules as the figures table: a static page under a strict
 * CSP with a nonce, data by postMessage, every message from the page validated here.
 */
import * as vscode from 'vscode';
import * as P from '../../../protocol/src';
import type { ClientManager } from '../client';
import { REFRESH_DEBOUNCE_MS } from '../views/treeBase';
import { pageHtml } from '../figures/html';
import { createPagePanel, pageEvents, pageShell } from '../webviewPanel';
import { FiguresPanel, uriLabel } from '../figures/figuresPanel';
import { dossierMessage, parseDossierMessage, type DossierLabels, type DossierMessage, type Location } from './model';

const posted = new vscode.EventEmitter<DossierMessage>();

/** The one dossier panel; showing another entity reuses it. */
export class DossierPanel implements vscode.Disposable {
  static readonly onDidPost = posted.event;
  private static current: DossierPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private message: DossierMessage | undefined;
  private locations: Location[] = [];
  private ready = false;
  private entityId: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** The last message the page received. */
  lastPosted: DossierMessage | undefined;

  static get active(): DossierPanel | undefined {
    return DossierPanel.current;
  }

  static async show(context: vscode.ExtensionContext, manager: ClientManager, entityId: string): Promise<DossierPanel> {
    let panel = DossierPanel.current;
    if (!panel) {
      const webview = createPagePanel(context, 'digestLens.dossier', vscode.l10n.t('Digest Lens: Dossier'), vscode.ViewColumn.Beside);
      panel = new DossierPanel(webview, context, manager);
      DossierPanel.current = panel;
    } else panel.panel.reveal(undefined, true);
    await panel.load(entityId);
    return panel;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly context: vscode.ExtensionContext,
    private readonly manager: ClientManager,
  ) {
    panel.webview.html = pageHtml(pageShell(panel, context, 'dossier', vscode.l10n.t('Dossier')), '<section id="facts"></section>');
    this.disposables.push(
      ...pageEvents(panel, { disposed: () => this.dispose(), message: (m) => this.received(m), hidden: () => (this.ready = false) }),
      manager.onIndexChanged(() => {
        const id = this.entityId;
        if (!id) return;
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.load(id).catch((err: unknown) => manager.log.warn(`dossier: ${(err as Error).message}`));
        }, REFRESH_DEBOUNCE_MS);
      }),
    );
  }

  /** Asks the server for the entity's dossier and sends it to the page. */
  async load(entityId: string): Promise<void> {
    this.entityId = entityId;
    const res = await this.manager.request(P.DossierRequest, { entityId });
    const built = dossierMessage(res, uriLabel, labels(res), vscode.env.language);
    if (!built) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No entity {0} in the index.', entityId));
      return;
    }
    this.message = built.message;
    this.locations = built.locations;
    this.panel.title = vscode.l10n.t('Dossier: {0}', built.message.entity.name);
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
    const m = parseDossierMessage(raw, this.locations.length, this.message?.groups.map((g) => g.metric) ?? []);
    if (!m) return;
    if (m.type === 'ready') {
      this.ready = true;
      void this.post();
    } else if (m.type === 'open') {
      const at = this.locations[m.index];
      void vscode.commands.executeCommand('digestLens.openLocation', at.uri, at.range);
    } else if (this.entityId) {
      const filter: P.FactFilter = { entityId: this.entityId };
      if (m.metric) filter.metric = m.metric;
      void FiguresPanel.show(this.context, this.manager, { kind: 'workspace' }, filter);
    }
  }

  private disposed = false;

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    if (DossierPanel.current === this) DossierPanel.current = undefined;
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}

function labels(res: P.DossierResult): DossierLabels {
  const facts = res.groups.reduce((n, g) => n + g.facts.length, 0);
  const base = res.baseCurrency;
  return {
    names: vscode.l10n.t('Names'),
    tickers: vscode.l10n.t('Tickers'),
    counts: vscode.l10n.t('{0} facts · {1} mentions in {2} files', facts, res.entity?.mentions ?? 0, res.entity?.files ?? 0),
    total: vscode.l10n.t('Total in {0} (one value per period)', base),
    noTotal: vscode.l10n.t('No total: these amounts do not add up'),
    conflicts: vscode.l10n.t('Notes that disagree'),
    stated: vscode.l10n.t('Stated or forecast by it'),
    empty: vscode.l10n.t('No facts about this entity yet.'),
    timeline: vscode.l10n.t('By note date, in {0} at each note\'s date', base),
    noRate: vscode.l10n.t('no rate'),
    openTable: vscode.l10n.t('Open in the figures table'),
  };
}
