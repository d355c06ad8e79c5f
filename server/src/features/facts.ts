/**
 * The requests of the figures table (one row per fact, filtered, sorted, paged, with totals
 * and a chart), of the entity dossier and of the entity search (quick pick and sidebar
 * filter). All answered from the fact store (facts/store.ts), i.e. from the index in memory:
 * no file is read.
 */
import type { CancellationToken } from 'vscode-languageserver';
import { runPaced, SLICE_MS, type Work } from './pacer';
import * as P from '../../../protocol/src';
import { factStoreOf, type StoredFact } from '../facts/store';
import { baseValueOf, queryFacts, ScopeCache } from '../facts/query';
import { dossierOf } from '../facts/dossier';
import type { Feature, FeatureContext } from './context';
import { searchEntities } from './workspaceSymbols';
import { metricLabel, translator } from '../l10n';
import { themeLabeller } from '../l10n/themeLabel';

/** Idle time after a change before the store is warmed, and the longest step of warming. */
const WARM_DELAY_MS = 1000;
const WARM_STEP_MS = 4;

/** Every fact of a scope. */
export function* factsInScope(ctx: Pick<FeatureContext, 'index'>, scope: P.Scope | undefined): Generator<StoredFact> {
  const store = factStoreOf(ctx.index);
  if (scope?.kind === 'file') yield* store.factsIn(scope.uri);
  else yield* store.all();
}

function register(ctx: FeatureContext): void {
  const { connection, index } = ctx;
  const themeLabel = (id: string) => ctx.taxonomy().themes.find((t) => t.id === id)?.label ?? id;
  /** The last scopes asked for, valid while the store's generation stays. */
  const scopes = new Map<string, { generation: number; cache: ScopeCache }>();
  const scopeCache = (scope: P.Scope): ScopeCache => {
    const generation = factStoreOf(index).current();
    const key = scope.kind === 'file' ? scope.uri : '';
    const hit = scopes.get(key);
    if (hit && hit.generation === generation) return hit.cache;
    if (scopes.size > 4) scopes.clear();
    const cache = new ScopeCache([...factsInScope(ctx, scope)]);
    scopes.set(key, { generation, cache });
    return cache;
  };

  /**
   * The fact store brought up to date in slices (features/pacer.ts): after a change, a first
   * figures table or dossier on a large workspace derives many digests' facts, and a
   * cancellation must be seen meanwhile.
   */
  function* storeUpToDate(): Work<void> {
    while (!factStoreOf(index).step(SLICE_MS)) yield;
  }

  // When the server is idle after indexing or a change, the fact store is brought up to date in
  // small steps (and the workspace's values in the base currency computed), so that the first
  // figures table or dossier finds it ready instead of deriving 10,000 digests' facts then.
  let warming: NodeJS.Timeout | undefined;
  const warm = () => {
    if (warming) clearTimeout(warming);
    warming = setTimeout(function stepOnce() {
      warming = undefined;
      if (ctx.indexing()) return;
      // Only while the editor is quiet: a request never waits behind the warming.
      if (ctx.idleMs() < WARM_DELAY_MS) {
        warming = setTimeout(stepOnce, WARM_DELAY_MS - ctx.idleMs());
        warming.unref?.();
        return;
      }
      if (!factStoreOf(index).step(WARM_STEP_MS)) {
        warming = setTimeout(stepOnce, 0);
        return;
      }
      void prewarmMoney();
    }, WARM_DELAY_MS);
    warming.unref?.();
  };
  /** The workspace's values in the base currency, in steps (the first sort by value then only sorts). */
  const prewarmMoney = async () => {
    const settings = await ctx.settings();
    const money = { base: settings.baseCurrency, overrides: settings.rateOverrides };
    const store = factStoreOf(index);
    const generation = store.current();
    const facts = scopeCache({ kind: 'workspace' }).facts;
    for (let i = 0; i < facts.length; ) {
      if (ctx.idleMs() < WARM_DELAY_MS) return warm();
      const end = performance.now() + WARM_STEP_MS;
      for (; i < facts.length && performance.now() < end; i += 64) for (let k = i; k < Math.min(i + 64, facts.length); k++) baseValueOf(facts[k], money);
      await new Promise((r) => setTimeout(r, 0));
      if (store.current() !== generation) return;
    }
    // Then the table's first answer, one piece per turn of the event loop (the default order,
    // the drop-downs, the totals: each a few tens of milliseconds on 10,000 digests), so that a
    // request of the editor waits behind one piece at most.
    const cache = scopeCache({ kind: 'workspace' });
    for (const piece of [() => cache.sorted('baseValue', -1, money), () => cache.facets(themeLabel), () => cache.totals(money)]) {
      await new Promise((r) => setTimeout(r, 0));
      if (store.current() !== generation || ctx.indexing()) return;
      if (ctx.idleMs() < WARM_DELAY_MS) return warm();
      piece();
    }
  };
  index.onChange(() => warm());
  ctx.onRefresh(() => warm());

  connection.onRequest(
    P.FactsRequest,
    ctx.guard('facts', async (params: P.FactsParams, token?: CancellationToken): Promise<P.FactsResult> => {
      const scope = params?.scope ?? { kind: 'workspace' };
      const settings = await ctx.settings(scope.kind === 'file' ? scope.uri : undefined);
      await runPaced(storeUpToDate(), token);
      const locale = await ctx.locale(scope.kind === 'file' ? scope.uri : undefined);
      const label = themeLabeller(ctx.taxonomy(), locale);
      const tr = translator(locale);
      const res = queryFacts([], params ?? {}, { base: settings.baseCurrency, overrides: settings.rateOverrides }, (id) => label(id) ?? id, scopeCache(scope), (metric) => metricLabel(tr, metric));
      return { ...res, complete: !ctx.indexing() };
    }),
  );

  connection.onRequest(
    P.DossierRequest,
    ctx.guard('dossier', async (params: P.DossierParams, token?: CancellationToken): Promise<P.DossierResult> => {
      const id = String(params?.entityId ?? '');
      const settings = await ctx.settings();
      await runPaced(storeUpToDate(), token);
      const counts = index.countsOf(id);
      const res = dossierOf(factStoreOf(index), id, ctx.gazetteer().get(id), counts, { base: settings.baseCurrency, overrides: settings.rateOverrides }, settings.conversionTolerance);
      if (res.entity && !ctx.gazetteer().get(id)) {
        // A candidate or an entity of the document only: its name and kind from its mentions.
        const first = index.mentionsOf(id, 1)[0]?.mention;
        if (first) res.entity = { ...res.entity, name: first.name, kind: first.kind, names: [first.name] };
      }
      const tr = translator(await ctx.locale());
      const metricLabels: Record<string, string> = {};
      for (const m of [...res.groups.map((g) => g.metric), ...res.conflicts.map((c) => c.metric)]) metricLabels[m] = metricLabel(tr, m);
      return { ...res, metricLabels, complete: !ctx.indexing() };
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
