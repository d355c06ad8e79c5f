/**
 * The status bar item: base currency, the month of the rates the ACTIVE note's conversions
 * use (from its date, as its hovers do; the latest month for an undated note or another
 * editor) and the indexing state, from the digestLens/status and digestLens/noteRates
 * requests, refreshed by digestLens/indexChanged and when the active editor changes.
 * Clicking it opens the figures table; when the server is down it opens the log instead.
 */
import * as vscode from 'vscode';
import * as P from '../../protocol/src';
import type { ClientManager } from './client';
import { statusText } from './restartPolicy';
import { noteRateLabel, noteRateSentence } from './noteRatesText';

/** Owns the status bar item. */
export class StatusController implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private last: P.StatusResult | null = null;
  /** The rates of the note in the active editor (null: no editor, or not asked yet). */
  private note: P.NoteRatesResult | null = null;
  private pending: Promise<void> | undefined;
  private again = false;

  constructor(private readonly manager: ClientManager) {
    this.item = vscode.window.createStatusBarItem('digestLens.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = vscode.l10n.t('Digest Lens');
    this.disposables.push(
      this.item,
      manager.onHealthChanged(() => {
        this.render();
        if (manager.health === 'running' || manager.health === 'restarted') void this.update();
      }),
      manager.onIndexChanged((e) => {
        // The notification already carries the indexing state: show it at once, then ask for the rest.
        if (this.last) this.last = { ...this.last, indexing: e.indexing, files: e.files };
        this.render();
        void this.update();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('digestLens.baseCurrency') || e.affectsConfiguration('digestLens.rateOverrides')) void this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      vscode.window.onDidChangeVisibleTextEditors(() => void this.update()),
    );
    this.render();
  }

  /** Called with the files the server did not index (binary, over the size cap), after each status. */
  onSkipped?: (skipped: P.SkippedFile[]) => void;

  /** The text shown now (tests read it through the extension's API). */
  get text(): string {
    return this.item.text;
  }

  /** The last status the server sent, or null. */
  get status(): P.StatusResult | null {
    return this.last;
  }

  /** The rates of the active note as last shown, or null. */
  get noteRates(): P.NoteRatesResult | null {
    return this.note;
  }

  /** Asks the server for its status; requests that arrive meanwhile collapse into one more. */
  update(): Promise<void> {
    // Nothing to show (and no server to start) before Digest Lens starts in this window.
    if (!this.manager.isStarted) return Promise.resolve();
    if (this.pending) {
      this.again = true;
      return this.pending;
    }
    this.pending = (async () => {
      do {
        this.again = false;
        try {
          const next = await this.manager.request(P.StatusRequest);
          // The tooltip points at the log for skipped files: write them there when the list changes.
          const key = (r: P.StatusResult | null) => JSON.stringify(r?.skipped ?? []);
          if (key(next) !== key(this.last)) for (const f of next.skipped) this.manager.log.info(`not indexed: ${f.uri} (${f.reason})`);
          this.last = next;
          this.onSkipped?.(next.skipped);
          this.note = await this.activeNoteRates();
        } catch (e) {
          this.manager.log.warn(`status: ${(e as Error).message}`);
        }
        this.render();
      } while (this.again);
    })().finally(() => (this.pending = undefined));
    return this.pending;
  }

  /** The uri of the last text editor that was active, for when a panel (figures, dossier) takes the focus. */
  private lastEditorUri: string | undefined;

  /**
   * The note the status bar describes: the active text editor's; while a webview panel is
   * active (no active text editor), the last active one if it is still visible.
   */
  private noteUri(): string | undefined {
    const active = vscode.window.activeTextEditor?.document;
    if (active && active.uri.scheme !== 'output') return (this.lastEditorUri = active.uri.toString());
    if (active) return undefined;
    const last = this.lastEditorUri;
    return last && vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === last) ? last : undefined;
  }

  /** The active note's date and rate month (its date may have changed: asked every time). */
  private async activeNoteRates(): Promise<P.NoteRatesResult | null> {
    const uri = this.noteUri();
    if (!uri) return null;
    try {
      return await this.manager.request(P.NoteRatesRequest, { uri });
    } catch (e) {
      this.manager.log.warn(`note rates: ${(e as Error).message}`);
      return null;
    }
  }

  private render(): void {
    if (!this.manager.isStarted) {
      this.item.hide();
      return;
    }
    this.item.show();
    const health = this.manager.health;
    const s = this.last;
    const note = this.note?.indexed ? this.note : null;
    // A dated note shows its rate's own day (or month) and whose rate it is; an undated one says it gets the latest rates.
    const month = !note ? s?.rateMonth : note.date ? noteRateLabel(note, vscode.l10n.t) : vscode.l10n.t('latest rates ({0})', note.rateMonth);
    this.item.text = statusText(s && { ...s, rateMonth: month ?? s.rateMonth }, health);
    const down = health === 'failed' || health === 'stopped';
    this.item.command = down ? 'digestLens.showLog' : { command: 'digestLens.showFigures', title: vscode.l10n.t('Show figures'), arguments: ['workspace'] };
    this.item.backgroundColor = down ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    const md = new vscode.MarkdownString();
    if (down) md.appendText(vscode.l10n.t('The Digest Lens server is not running. Click to show the log.'));
    else if (!s) md.appendText(vscode.l10n.t('Digest Lens is starting…'));
    else {
      md.appendText(vscode.l10n.t('Base currency: {0}', s.baseCurrency) + '\n\n');
      if (note?.date) md.appendText(noteRateSentence({ ...note, date: note.date }, vscode.l10n.t) + '\n\n');
      else if (note) md.appendText(vscode.l10n.t('This note has no date: its amounts are converted at the latest rates ({0})', note.rateMonth) + '\n\n');
      else md.appendText(vscode.l10n.t('No note in the active editor: latest rates ({0})', s.rateMonth) + '\n\n');
      md.appendText(vscode.l10n.t('Built-in rates up to {0}', s.rateMonth) + '\n\n');
      md.appendText((s.indexing ? vscode.l10n.t('Indexing… {0} files so far', s.files) : vscode.l10n.t('{0} digest files indexed', s.files)) + '\n\n');
      if (s.skipped.length) md.appendText(vscode.l10n.t('{0} files skipped (see the log)', s.skipped.length) + '\n\n');
      if (health === 'restarted') md.appendText(vscode.l10n.t('The server was restarted after it stopped unexpectedly.') + '\n\n');
      md.appendText(vscode.l10n.t('Click to show the figures table.'));
    }
    this.item.tooltip = md;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
