/**
 * Finding an entity anywhere and opening its dossier. The quick pick asks the server
 * (digestLens/searchEntities), which matches every name, alias and ticker in any script
 * (騰訊, 腾讯, tencent and 0700 all find Tencent); the items are always shown, because the
 * editor would otherwise filter them again by their label alone.
 */
import * as vscode from 'vscode';
import * as P from '../../protocol/src';
import type { CommandContext } from './commands';
import { DossierPanel } from './dossier/dossierPanel';
import type { Register } from './exportCommands';
import { kindLabel } from './views/entitiesView';

/** Quick pick item of an entity. */
export interface EntityPickItem extends vscode.QuickPickItem {
  entity: P.EntityMatch;
}

/** Quick pick items for search results; the alias or ticker that matched in the description. */
export function entityItems(found: readonly P.EntityMatch[]): EntityPickItem[] {
  return found.map((e) => ({
    label: e.name,
    description: [e.matched, kindLabel(e.kind)].filter(Boolean).join(' · '),
    detail: vscode.l10n.t('{0} mentions in {1} files', e.mentions, e.files),
    alwaysShow: true,
    entity: e,
  }));
}

/** The quick pick of entities; resolves with the one picked, or undefined. */
export function pickEntity(c: CommandContext, title: string, initial = ''): Promise<P.EntityMatch | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<EntityPickItem>();
    qp.title = title;
    qp.placeholder = vscode.l10n.t('A name, alias or ticker in any script: 騰訊, 腾讯, tencent, 0700…');
    qp.matchOnDescription = false;
    qp.value = initial;
    let run = 0;
    const search = async (query: string) => {
      const mine = ++run;
      qp.busy = true;
      try {
        const res = await c.manager.request(P.SearchEntitiesRequest, { query, limit: 100 });
        if (mine === run) qp.items = entityItems(res.entities);
      } catch (e) {
        c.manager.log.warn(`entity search: ${(e as Error).message}`);
      } finally {
        if (mine === run) qp.busy = false;
      }
    };
    let done = false;
    qp.onDidChangeValue((v) => void search(v));
    qp.onDidAccept(() => {
      // Enter before the first answer arrives: keep the pick open.
      const picked = qp.selectedItems[0] ?? qp.activeItems[0];
      if (!picked) return;
      done = true;
      resolve(picked.entity);
      qp.hide();
    });
    qp.onDidHide(() => {
      if (!done) resolve(undefined);
      qp.dispose();
    });
    qp.show();
    void search(initial);
  });
}

/** The entity id a command argument names: an id, a tree node, or nothing (then ask). */
function entityIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string' && arg) return arg;
  if (arg && typeof arg === 'object') {
    const o = arg as { type?: unknown; entity?: { id?: unknown }; id?: unknown };
    if (o.type === 'entity' && typeof o.entity?.id === 'string') return o.entity.id;
  }
  return undefined;
}

/** Registers showDossier ((entityId | entity node)?) and findEntity ((query?)). */
export function registerFindCommands(c: CommandContext, reg: Register): void {
  reg('digestLens.showDossier', async (arg) => {
    const id = entityIdOf(arg) ?? (await pickEntity(c, vscode.l10n.t('Open the dossier of…')))?.id;
    if (id) await DossierPanel.show(c.context, c.manager, id);
  });
  reg('digestLens.findEntity', async (arg) => {
    const picked = await pickEntity(c, vscode.l10n.t('Find an entity'), typeof arg === 'string' ? arg : '');
    if (picked) await DossierPanel.show(c.context, c.manager, picked.id);
  });
}
