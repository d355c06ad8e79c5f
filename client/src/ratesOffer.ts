/**
 * The command "Digest Lens: Update Exchange Rates" and the one-time offer to fetch rates
 * (ratesOfferRule.ts decides when). The update itself is the server's
 * (digestLens/updateRates): it downloads into the user's global storage, installs the rates
 * and refreshes conversions; this side shows its answer. Turning background updates on
 * changes the user setting only because the user clicked that button.
 */
import * as vscode from 'vscode';
import * as P from '../../protocol/src';
import type { ClientManager } from './client';
import { OfferGate } from './ratesOfferRule';

const ASKED_KEY = 'digestLens.ratesOfferAsked';

export function registerRatesUpdate(context: vscode.ExtensionContext, manager: ClientManager): void {
  context.subscriptions.push(vscode.commands.registerCommand('digestLens.updateRates', () => updateRates(manager)));
  const gate = new OfferGate({ asked: () => context.globalState.get<boolean>(ASKED_KEY) === true, remember: () => context.globalState.update(ASKED_KEY, true) });
  let checking = false;
  const check = async () => {
    const editor = vscode.window.activeTextEditor;
    if (checking || !editor || !manager.isStarted || context.globalState.get<boolean>(ASKED_KEY)) return;
    const autoUpdate = vscode.workspace.getConfiguration('digestLens').get<boolean>('rates.autoUpdate') === true;
    if (autoUpdate) return;
    checking = true;
    try {
      const state = await manager.request(P.RatesStateRequest, { uri: editor.document.uri.toString() });
      if (gate.consider({ ...state, autoUpdate })) await offer(manager, state.newestDay);
    } catch (e) {
      manager.log.warn(`rates offer: ${(e as Error).message}`);
    } finally {
      checking = false;
    }
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => void check()),
    // The note's date is known once it is indexed.
    manager.onIndexChanged(() => void check()),
  );
}

async function offer(manager: ClientManager, newestDay: string): Promise<void> {
  const turnOn = vscode.l10n.t('Turn on daily updates');
  const once = vscode.l10n.t('Update once');
  const notNow = vscode.l10n.t('Not now');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('This note is dated after the newest exchange rates Digest Lens has ({0}). Digest Lens can fetch the ECB and Federal Reserve reference rates, at most once a day.', newestDay),
    turnOn,
    once,
    notNow,
  );
  if (choice === turnOn) await vscode.workspace.getConfiguration('digestLens').update('rates.autoUpdate', true, vscode.ConfigurationTarget.Global);
  else if (choice === once) await updateRates(manager);
}

async function updateRates(manager: ClientManager): Promise<void> {
  try {
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Digest Lens: fetching exchange rates…') }, () =>
      manager.request(P.UpdateRatesRequest, { reason: 'command' }),
    );
    if (result.updated) void vscode.window.showInformationMessage(result.message);
    else void vscode.window.showWarningMessage(result.message);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Digest Lens could not update the exchange rates: {0}', (e as Error).message));
  }
}
