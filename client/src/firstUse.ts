/**
 * First use on plain notes. When a workspace folder has no `digestLens.include` globs but
 * its .md / .txt notes look like digests (noteSampler.ts: a bounded sample, a prefix of
 * each), Digest Lens offers once, in a non-modal message, to use itself for them:
 *
 *   - "Use Digest Lens" writes `digestLens.include` (a workspace setting:
 *     the action the user asked for, and nothing else; the setting is window-scoped, so in
 *     a multi-root workspace its globs, relative to each folder, apply to every folder);
 *   - "Not now" (or closing the message) is remembered for this workspace;
 *   - "Never for this folder" is remembered for the folder in every workspace.
 *
 * Answers live in the extension's workspaceState / globalState, never in a workspace file.
 * Markdown notes stay in Markdown mode with Digest Lens on top (the client's selector takes
 * every file the include globs match, whatever its language; VS Code wraps Markdown by
 * default). Plain-text notes matched by the globs are switched to the digest mode when
 * opened (PlainNotesMode): plain text loses nothing, and gains wrapping and the grammar.
 */
import * as vscode from 'vscode';
import { includeFilters } from './selector';
import { assessFolder, type FolderAssessment } from './noteSampler';

/** The `digestLens.include` globs in force (a window-scoped setting). */
function includeOf(): string[] {
  const v = vscode.workspace.getConfiguration('digestLens').get<unknown>('include');
  return Array.isArray(v) ? v.filter((g): g is string => typeof g === 'string') : [];
}

export type FirstUseAnswer = 'accept' | 'notNow' | 'never';

/** An offer made (or that would be made) for one folder. */
export interface FirstUseOffer {
  folder: string;
  globs: string[];
  message: string;
  assessment: FolderAssessment;
}

/** What became of the check of one folder. */
export type FirstUseOutcome =
  | { folder: string; result: 'skipped'; reason: 'not a local folder' | 'untrusted' | 'include set' | 'answered' | 'never' | 'no digest-like notes' | 'busy' }
  | { folder: string; result: 'offered'; offer: FirstUseOffer; answer: FirstUseAnswer };

/** workspaceState: folder uri → answer given in this workspace. */
const ANSWERED_KEY = 'digestLens.firstUse.answered';
/** globalState: folder uris the user said never to ask about. */
const NEVER_KEY = 'digestLens.firstUse.never';

export class FirstUse implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly busy = new Set<string>();
  /**
   * Test hook (api.ts): when set, answers offers instead of the user, who then sees no
   * message. Every offer is still recorded in `offers`.
   */
  responder: ((offer: FirstUseOffer) => Promise<FirstUseAnswer | undefined>) | undefined;
  readonly offers: FirstUseOffer[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.added) void this.check(f);
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.checkAll()),
    );
  }

  /** Checks every workspace folder, one after another (at most one message at a time). */
  async checkAll(): Promise<FirstUseOutcome[]> {
    const out: FirstUseOutcome[] = [];
    for (const f of vscode.workspace.workspaceFolders ?? []) out.push(await this.check(f));
    return out;
  }

  /** Checks one folder and offers when it qualifies; never throws. */
  async check(folder: vscode.WorkspaceFolder): Promise<FirstUseOutcome> {
    const key = folder.uri.toString();
    const skipped = (reason: Extract<FirstUseOutcome, { result: 'skipped' }>['reason']): FirstUseOutcome => ({ folder: key, result: 'skipped', reason });
    if (folder.uri.scheme !== 'file') return skipped('not a local folder');
    // In Restricted Mode the workspace's digestLens.include is ignored (package.json
    // restrictedConfigurations): writing it would change nothing the user could see.
    if (!vscode.workspace.isTrusted) return skipped('untrusted');
    if (this.busy.has(key)) return skipped('busy');
    this.busy.add(key);
    try {
      if (includeOf().length) return skipped('include set');
      if (this.never().includes(key)) return skipped('never');
      if (this.answered()[key]) return skipped('answered');
      const started = Date.now();
      const assessment = await assessFolder(folder.uri.fsPath);
      this.log.info(`first use: ${folder.name}: ${assessment.digestLike.length} of ${assessment.sampled} sampled notes (${assessment.found} found) look like digests, in ${Date.now() - started} ms`);
      if (!assessment.offer) return skipped('no digest-like notes');
      // Asked again while this one was sampled (another window event): ask once.
      if (this.answered()[key] || this.never().includes(key)) return skipped('answered');
      const offer: FirstUseOffer = {
        folder: key,
        globs: assessment.globs,
        assessment,
        message: vscode.l10n.t(
          'The notes in {0} look like digests (dates, money amounts, companies). Use Digest Lens for them? This adds "digestLens.include": {1} to the workspace settings.',
          folder.name,
          JSON.stringify(assessment.globs),
        ),
      };
      this.offers.push(offer);
      // Remembered before the answer: a second window event never asks again meanwhile.
      await this.remember(key, 'notNow');
      const answer = (await this.ask(offer)) ?? 'notNow';
      await this.remember(key, answer);
      if (answer === 'accept') await this.accept(folder, offer.globs);
      return { folder: key, result: 'offered', offer, answer };
    } catch (e) {
      this.log.warn(`first use: ${folder.name}: ${(e as Error).message}`);
      return skipped('no digest-like notes');
    } finally {
      this.busy.delete(key);
    }
  }

  /** Forgets the answers for a folder (test hook; the user never needs it). */
  async forget(folder: vscode.Uri): Promise<void> {
    const key = folder.toString();
    const answered = { ...this.answered() };
    delete answered[key];
    await this.context.workspaceState.update(ANSWERED_KEY, answered);
    await this.context.globalState.update(NEVER_KEY, this.never().filter((k) => k !== key));
  }

  private async ask(offer: FirstUseOffer): Promise<FirstUseAnswer | undefined> {
    if (this.responder) return this.responder(offer);
    const use = vscode.l10n.t('Use Digest Lens');
    const later = vscode.l10n.t('Not now');
    const never = vscode.l10n.t('Never for this folder');
    const choice = await vscode.window.showInformationMessage(offer.message, use, later, never);
    return choice === use ? 'accept' : choice === never ? 'never' : choice === later ? 'notNow' : undefined;
  }

  /** Writes the include globs (workspace settings): the only setting the offer changes. */
  private async accept(folder: vscode.WorkspaceFolder, globs: string[]): Promise<void> {
    try {
      const config = vscode.workspace.getConfiguration('digestLens');
      const current = config.inspect<unknown>('include')?.workspaceValue;
      const kept = Array.isArray(current) ? current.filter((g): g is string => typeof g === 'string') : [];
      await config.update('include', [...kept, ...globs.filter((g) => !kept.includes(g))], vscode.ConfigurationTarget.Workspace);
      this.log.info(`first use: ${folder.name}: digestLens.include set to ${JSON.stringify(globs)}`);
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not write the setting digestLens.include: {0}', (e as Error).message));
    }
  }

  private answered(): Record<string, FirstUseAnswer> {
    const v = this.context.workspaceState.get<Record<string, FirstUseAnswer>>(ANSWERED_KEY);
    return v && typeof v === 'object' ? v : {};
  }

  private never(): string[] {
    const v = this.context.globalState.get<string[]>(NEVER_KEY);
    return Array.isArray(v) ? v : [];
  }

  private async remember(key: string, answer: FirstUseAnswer): Promise<void> {
    await this.context.workspaceState.update(ANSWERED_KEY, { ...this.answered(), [key]: answer });
    if (answer === 'never' && !this.never().includes(key)) await this.context.globalState.update(NEVER_KEY, [...this.never(), key]);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * Opens plain-text notes matched by `digestLens.include` in the digest mode (word wrap, the
 * digest grammar). Only plain text: a Markdown note keeps its mode and gets the features on
 * top. Changes the editor's mode for the document, never a setting.
 */
export class PlainNotesMode implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** Documents switched once: a user who sets one back to plain text keeps it so. */
  private readonly switched = new Set<string>();

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => void this.adopt(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('digestLens.include')) this.adoptOpen();
      }),
    );
    this.adoptOpen();
  }

  private adoptOpen(): void {
    for (const d of vscode.workspace.textDocuments) void this.adopt(d);
  }

  private async adopt(doc: vscode.TextDocument): Promise<void> {
    if (doc.languageId !== 'plaintext' || doc.uri.scheme !== 'file') return;
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    if (!folder) return;
    const include = includeOf();
    if (!include.length) return;
    const filters = includeFilters(include, [folder.uri.fsPath]);
    if (!filters.length || vscode.languages.match(filters, doc) <= 0) return;
    const key = doc.uri.toString();
    if (this.switched.has(key)) return;
    this.switched.add(key);
    try {
      await vscode.languages.setTextDocumentLanguage(doc, 'digest');
    } catch {
      // Closed meanwhile.
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
