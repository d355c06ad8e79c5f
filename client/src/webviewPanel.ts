/**
 * What the two webview panels (the figures table and the dossier) share: how a panel is
 * created (scripts on, resources only from media/, no hidden state kept), the values of its
 * HTML shell (nonce, asset URIs, icon, language) and the panel events each of them handles.
 * The shell's HTML itself is figures/html.ts's (pure, unit-tested).
 */
import * as vscode from 'vscode';
import { makeNonce, type ShellOptions } from './figures/html';

/** Creates a panel whose page may load nothing but what lies under media/. */
export function createPagePanel(
  context: vscode.ExtensionContext,
  viewType: string,
  title: string,
  show: vscode.ViewColumn | { viewColumn: vscode.ViewColumn; preserveFocus: boolean },
): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(viewType, title, show, {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')],
    // A hidden page is rebuilt when shown and asks again for its data ("ready").
    retainContextWhenHidden: false,
  });
}

/** The shell values of a page whose script and stylesheet are media/<page>/<page>.js|css; sets the panel's icon. */
export function pageShell(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, page: 'figures' | 'dossier', title: string): ShellOptions {
  const webview = panel.webview;
  const root = vscode.Uri.joinPath(context.extensionUri, 'media', page);
  panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'digest-lens.svg');
  return {
    cspSource: webview.cspSource,
    nonce: makeNonce(),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, `${page}.js`)).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, `${page}.css`)).toString(),
    lang: vscode.env.language,
    title,
  };
}

/** The events every page handles: closed, a message from the page, hidden (its page is gone until shown again). */
export function pageEvents(
  panel: vscode.WebviewPanel,
  on: { disposed(): void; message(raw: unknown): void; hidden(): void },
): vscode.Disposable[] {
  return [
    panel.onDidDispose(() => on.disposed()),
    panel.webview.onDidReceiveMessage((m: unknown) => on.message(m)),
    panel.onDidChangeViewState(() => {
      if (!panel.visible) on.hidden();
    }),
  ];
}
