/**
 * Inlay hints (off by default, setting digestLens.inlayHints): after each figure whose
 * currency is not the base currency, its converted amount, short and in the script of the
 * sentence it stands in: "≈230亿美元" after "1,600 亿人民币", "≈230億美元" in a Traditional
 * sentence, "≈US$538M" in English (setting digestLens.numberStyle: "zh" or "en" forces
 * Chinese or English). The rate, month and source are in the tooltip only. Only the
 * figures of the requested range are looked at (binary search), so the cost is that of the range.
 */
import type { CancellationToken, InlayHint } from 'vscode-languageserver';
import type { IndexedDoc } from '../index/workspaceIndex';
import type { DigestSettings } from '../settings';
import { convertFigure } from '../fx/convert';
import type { Feature } from './context';
import { toOffset, toPosition } from './positions';
import { compactFigure, hintAmount, rateText, styleAt } from './moneyText';

/** The settings inlay hints read. */
export type InlayHintSettings = Pick<DigestSettings, 'inlayHints' | 'baseCurrency' | 'rateOverrides'> & Partial<Pick<DigestSettings, 'numberStyle'>>;

/**
 * The hints for the figures that end inside [start, end) (UTF-16 offsets; default the
 * whole document); [] when the setting is off.
 */
export function computeInlayHints(doc: IndexedDoc, settings: InlayHintSettings, start = 0, end = doc.text.length, token?: CancellationToken): InlayHint[] {
  if (!settings.inlayHints) return [];
  const figures = doc.analysis.figures;
  let lo = 0;
  let hi = figures.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (figures[mid].offset + figures[mid].length < start) lo = mid + 1;
    else hi = mid;
  }
  const date = doc.analysis.date;
  const hints: InlayHint[] = [];
  for (let i = lo; i < figures.length; i++) {
    const f = figures[i];
    const at = f.offset + f.length;
    if (at > end) break;
    if ((i & 255) === 0 && token?.isCancellationRequested) break;
    if (f.currency === settings.baseCurrency) continue;
    const c = convertFigure(f, settings.baseCurrency, date, settings.rateOverrides);
    if (!c) continue;
    const from = c.fromRate.source === 'definition' ? c.toRate : c.fromRate;
    // The rate's own date: a day for a day's rate (fx/rates.ts), else its month.
    const when = date ? `rates of ${from.date}` : `latest rates (${from.month}; the note has no date)`;
    const style = styleAt(doc.text, f.offset, f.text, doc.analysis.traditional, settings.numberStyle);
    const amount = hintAmount(c, style);
    const english = style === 'en' ? '' : ` (${compactFigure(c)})`;
    hints.push({
      position: toPosition(doc, at),
      label: `≈${amount}`,
      paddingLeft: true,
      tooltip: `${f.text} ≈ ${amount}${english} at ${rateText(f.currency, c.currency, c.rate)}, ${when}, ${from.source}`,
    });
  }
  return hints;
}

export const feature: Feature = {
  name: 'inlayHints',
  capabilities: { inlayHintProvider: true },
  register(ctx) {
    ctx.connection.languages.inlayHint.on(
      ctx.guard('inlayHints', async (params, token) => {
        const doc = ctx.index.get(params.textDocument.uri);
        if (!doc) return [];
        const settings = await ctx.settings(doc.uri);
        return computeInlayHints(doc, settings, toOffset(doc, params.range.start), toOffset(doc, params.range.end), token);
      }),
    );
  },
};
