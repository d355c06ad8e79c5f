/**
 * digestLens/noteRates: the date of one note and the month of the rates its conversions
 * use, as its hovers do (the rate of the note's month, or the nearest month the table has;
 * the latest month for an undated note), and the rate itself: its day (or month), its kind
 * (daily, monthly, nearest earlier day, the user's rates file, downloaded) and its source.
 * The status bar shows it for the active editor.
 */
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { latestMonth, rateAt } from '../fx/rates';
import type { DigestSettings } from '../settings';
import * as P from '../../../protocol/src';
import type { Feature, FeatureContext } from './context';

/** The currency whose monthly series dates a conversion: the base currency, or CNY (the reference series) when it is USD. */
function seriesCurrency(base: string): string {
  return base === 'USD' ? 'CNY' : base;
}

/** The note's date and rate month; a document not in the index gets the latest rates. */
export function noteRates(index: WorkspaceIndex, uri: string, settings: Pick<DigestSettings, 'baseCurrency' | 'rateOverrides'>): P.NoteRatesResult {
  const latest = latestMonth();
  const doc = uri ? index.get(uri) : undefined;
  const date = doc?.analysis.date ?? null;
  let rateMonth = latest;
  const r = rateAt(seriesCurrency(settings.baseCurrency), date, settings.rateOverrides) ?? rateAt('CNY', date);
  if (date) rateMonth = r?.month ?? latest;
  const rate = r ? { rateDate: r.date, rateKind: r.kind, rateSource: r.source } : { rateDate: rateMonth, rateKind: 'monthly' as const, rateSource: '' };
  return { indexed: !!doc, date, rateMonth, latestMonth: latest, baseCurrency: settings.baseCurrency, ...rate };
}

function register(ctx: FeatureContext): void {
  ctx.connection.onRequest(
    P.NoteRatesRequest,
    ctx.guard('noteRates', async (params: P.NoteRatesParams): Promise<P.NoteRatesResult> => {
      const uri = typeof params?.uri === 'string' ? params.uri : '';
      const settings = await ctx.settings(uri && ctx.index.get(uri) ? uri : undefined);
      return noteRates(ctx.index, uri, settings);
    }),
  );
}

export const feature: Feature = { name: 'noteRates', register };
