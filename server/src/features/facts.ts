/**
 * The requests of the figures table (one row per fact, filtered, sorted, paged, with totals
 * and a chart), of the entity dossier and of the entity search (quick pick and sidebar
 * filter). All answered from the fact store (facts/store.ts), i.e. from the index in memory:
 * no file is read.
 */
import type { CancellationToken } from 'vscode-languageserver';
import * as P from '../protocol';
import { factStoreOf, type StoredFact } from '../facts/store';
import { queryFacts } from '../facts/query';
import { dossierOf } from '../facts/dossier';
import type { Feature, FeatureContext } from './context';
import { searchEntities } from './workspaceSymbols';

/** Every fact of a scope. */
export function* factsInScope(ctx: Pick<FeatureContext, 'index'>, scope: P.Scope | undefined): Generator<StoredFact> {
  const store = factStoreOf(ctx.index);
  if (scope?.kind === 'file') yield* store.factsIn(scope.uri);
  else yield* store.all();
}

function register(ctx: FeatureContext): void {
  const { connection, index } = ctx;
  const themeLabel = (id: string) => ctx.taxonomy().themes.find((t) => t.id === id)?.label ?? id;

  connection.onRequest(
    P.FactsRequest,
    ctx.guard('facts', async (params: P.FactsParams, token?: CancellationToken): Promise<P.FactsResult> => {
      const scope = params?.scope ?? { kind: 'workspace' };
      const settings = await ctx.settings(scope.kind === 'file' ? scope.uri : undefined);
      if (token?.isCancellationRequested) throw new Error('cancelled');
      const res = queryFacts(factsInScope(ctx, scope), params ?? {}, { base: settings.baseCurrency, overrides: settings.rateOverrides }, themeLabel);
      return { ...res, complete: !ctx.indexing() };
    }),
  );

  connection.onRequest(
    P.DossierRequest,
    ctx.guard('dossier', async (params: P.DossierParams): Promise<P.DossierResult> => {
      const id = String(params?.entityId ?? '');
      const settings = await ctx.settings();
      const counts = index.countsOf(id);
      const res = dossierOf(factStoreOf(index), id, ctx.gazetteer().get(id), counts, { base: settings.baseCurrency, overrides: settings.rateOverrides }, settings.conversionTolerance);
      if (res.entity && !ctx.gazetteer().get(id)) {
        // A candidate or an entity of the document only: its name and kind from its mentions.
        const first = index.mentionsOf(id, 1)[0]?.mention;
        if (first) res.entity = { ...res.entity, name: first.name, kind: first.kind, names: [first.name] };
      }
      return { ...res, complete: !ctx.indexing() };
    }),
  );

  connection.onRequest(
    P.SearchEntitiesRequest,
    ctx.guard('searchEntities', (params: P.SearchEntitiesParams): P.SearchEntitiesResult => {
      const limit = Math.min(10000, Math.max(1, Math.floor(params?.limit ?? 200)));
      return { entities: searchEntities(index, ctx.gazetteer(), ctx.taxonomy(), String(params?.query ?? ''), limit) };
    }),
  );
}

export const feature: Feature = { name: 'facts', register };
