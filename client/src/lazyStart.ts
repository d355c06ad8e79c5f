/**
 * When the language server starts. The extension activates in every window once start-up has
 * finished (to offer itself for folders of plain notes, see firstUse.ts), but the server, its
 * indexing and the status bar item start only where there are digests: a digest file or an
 * entity file in the workspace, an include setting, a digest document opened, or anything the
 * user asks of Digest Lens (a view, a command: every request starts it).
 */
import * as vscode from 'vscode';

/** Files whose presence in a folder makes it a digest workspace (the activation events' patterns). */
const DIGEST_FILES = '{**/*.digest,**/*.digest.md,**/*.digest.txt,.digestlens/entities.json,.digestlens/entities.csv}';

/** What the start-up check needs of the client manager. */
export interface Startable {
  start(): Promise<unknown>;
}

/**
 * Starts `manager` now when the window holds digests, else on the first sign of them. `selector`
 * gives the current document selector (include globs change it). Resolves once the decision
 * for the current workspace is made (true: started).
 */
export function startWhenNeeded(manager: Startable, selector: () => vscode.DocumentSelector, log: vscode.LogOutputChannel): { decided: Promise<boolean>; dispose(): void } {
  let started = false;
  const disposables: vscode.Disposable[] = [];
  const start = (why: string) => {
    if (started) return;
    started = true;
    log.info(`starting the language server: ${why}`);
    for (const d of disposables.splice(0)) d.dispose();
    void manager.start().catch(() => undefined);
  };
  const isDigest = (doc: vscode.TextDocument) => doc.uri.scheme !== 'output' && vscode.languages.match(selector(), doc) > 0;
  const included = () => {
    const include = vscode.workspace.getConfiguration('digestLens').get<unknown>('include');
    return Array.isArray(include) && include.some((g) => typeof g === 'string' && g.trim());
  };
  disposables.push(
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (isDigest(doc)) start(`${vscode.workspace.asRelativePath(doc.uri)} opened`);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('digestLens.include') && included()) start('digestLens.include set');
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void look()),
  );
  const look = async (): Promise<boolean> => {
    if (started) return true;
    if (included()) start('digestLens.include set');
    else if (vscode.workspace.textDocuments.some(isDigest)) start('a digest is open');
    else if ((vscode.workspace.workspaceFolders ?? []).length) {
      try {
        const found = await vscode.workspace.findFiles(DIGEST_FILES, '**/node_modules/**', 1);
        if (found.length) start(`${vscode.workspace.asRelativePath(found[0])} in the workspace`);
      } catch (e) {
        log.warn(`cannot look for digests: ${(e as Error).message}`);
      }
    }
    if (!started) log.info('no digests here yet: the language server starts when one is opened or Digest Lens is used');
    return started;
  };
  return {
    decided: look(),
    dispose: () => {
      for (const d of disposables.splice(0)) d.dispose();
    },
  };
}
