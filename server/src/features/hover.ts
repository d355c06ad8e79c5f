/**
 * Hover on a money figure (its value in both number styles, range, hedge, per-unit, and
 * conversions into the display currencies at the digest's date, with rates, months and
 * sources) and on an entity mention (names in every script, tickers, workspace counts,
 * its own facts: the figures whose subject, or counterparty, it is, one line per fact, and a
 * link to its dossier); a ticker, alone or after a name, also says which company and exchange
 * it is and the company's other tickers, with a warning when it is another company's than
 * the name beside it (tickerMismatch.ts). Everything comes from the index; document text put into
 * the Markdown is escaped.
 */
import type { Hover, MarkupContent } from 'vscode-languageserver';
import type { Figure, Mention } from '../analysis/types';
import type { Gazetteer } from '../analysis/gazetteer';
import type { IndexedDoc, WorkspaceIndex } from '../index/workspaceIndex';
import type { DigestSettings } from '../settings';
import { convertFigure, type ConvertedFigure } from '../fx/convert';
import { describeFigure, formatAmount, formatRange, type MoneyStyle } from '../fx/format';
import { latestMonth, USER_SOURCE, type RateInfo } from '../fx/rates';
import { layerNewestDay, rateLayer } from '../fx/layers';
import type { Feature } from './context';
import { spanAt, toOffset, toRange } from './positions';
import { compactFigure, escapeMarkdown, rateText, styleFor, unitName } from './moneyText';
import { lineOf } from '../analysis/text';
import { tickerOwnerAt, tickerSpan } from './entityAt';
import { mismatchAt, mismatchMessage, tickerHoverLines } from './tickerMismatch';
import { factStoreOf, type StoredFact } from '../facts/store';
import { english, hasKey, metricLabel, translator, type MessageKey, type Translator } from '../l10n';

/** The settings a hover reads. */
export type HoverSettings = Pick<DigestSettings, 'baseCurrency' | 'displayCurrencies' | 'rateOverrides' | 'numberStyle'>;

/** Names listed in an entity hover before "and N more". */
const MAX_NAMES = 12;
/** Figures listed next to a mention (figuresNear). */
const MAX_NEARBY = 5;
/** Facts listed in a company's hover. */
export const MAX_HOVER_FACTS = 6;
/** Lines a paragraph may extend each way from a mention (bounds the work on huge files). */
const MAX_PARAGRAPH_LINES = 60;

/** A converted figure written in one style: "US$22.96 billion", "229.6亿美元", "US$21.8k/t". */
function writeConverted(c: ConvertedFigure, style: MoneyStyle): string {
  // Per-unit prices read better compact in English ("US$21.8k/t" rather than "US$21,810/t").
  if (style === 'en' && c.per && Math.abs(c.value) >= 1000) return compactFigure(c);
  const opts = { digits: 4, per: c.per };
  if (c.min !== null && c.max !== null && c.min !== c.max) return formatRange(c.min, c.max, c.currency, style, opts);
  return formatAmount(c.value, c.currency, style, opts);
}

/** The second style of a conversion line: English after Chinese (either script), Simplified after English. */
function otherStyle(style: MoneyStyle): MoneyStyle {
  return style === 'en' ? 'zh' : 'en';
}

/** The month of a YYYY-MM-DD date. */
function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Warning lines about the rates used: older or newer than the note, or the note has no date. */
function rateWarnings(rates: RateInfo[], date: string | null, tr: Translator): string[] {
  if (date === null) {
    // The latest rates: the newest downloaded day when there is one newer than the tables.
    const downloaded = layerNewestDay(rateLayer('downloaded'));
    return [tr('hover.noDate', downloaded && downloaded > latestMonth() ? downloaded : latestMonth())];
  }
  const out: string[] = [];
  for (const r of rates) {
    if (r.source === 'definition') continue;
    if (r.ageMonths > 0) {
      out.push(tr('hover.rateOlder', r.ageMonths, r.currency, r.month, monthOf(date)));
    } else if (r.ageMonths < 0) {
      out.push(tr('hover.rateNewer', r.currency, r.month, monthOf(date)));
    }
  }
  return out;
}

/** The built-in and downloaded sources' names (fx/rates.ts, fx/dailyHistory.ts, fx/update/types.ts) → their message keys. */
const SOURCE_KEYS: ReadonlyMap<string, MessageKey> = new Map<string, MessageKey>([
  ['ECB reference rate', 'source.ecbDaily'],
  ['ECB reference rate, daily USD cross rate', 'source.ecbDaily'],
  ['Federal Reserve H.10 noon buying rate', 'source.fedDaily'],
  ['Federal Reserve H.10/G.5 monthly average (FRED)', 'source.fedMonthly'],
  ['ECB reference rates, monthly mean of daily USD cross rates', 'source.ecbMonthly'],
  ['fawazahmed0/currency-api spot snapshot (unofficial)', 'source.spot'],
]);

/** A rate's source in the hover's language; a user's file name as written. */
export function sourceLabel(source: string, tr: Translator = english): string {
  const key = SOURCE_KEYS.get(source);
  return key ? tr(key) : escapeMarkdown(source);
}

/** Which rate was used, in words: "ECB reference rate of 2024-03-15", "monthly average, 2024-03 · …". */
export function rateLabel(r: RateInfo, tr: Translator = english): string {
  const source = sourceLabel(r.source, tr);
  if (r.kind === 'daily') return tr('hover.rateDaily', r.date, source);
  if (r.kind === 'nearest-earlier') return tr('hover.rateNearest', r.date, source);
  if (r.kind === 'downloaded') return tr(r.earlier ? 'hover.rateDownloadedEarlier' : 'hover.rateDownloaded', r.date, source);
  if (r.kind === 'user' && r.date.length === 10) return tr(r.earlier ? 'hover.rateUserEarlier' : 'hover.rateUser', r.date, source);
  if (r.kind === 'monthly' && r.source !== USER_SOURCE) return tr('hover.rateMonthly', r.month, source);
  return `${r.month} · ${source}`;
}

/** The name of a per-unit unit in the hover's language: "t" → "tonne", "吨", "公噸". */
function unitLabel(per: string, tr: Translator): string {
  const key = `unit.${per}`;
  return hasKey(key) ? tr(key) : unitName(per);
}

/**
 * The currencies a figure's hover converts into: the base currency first (even when it is
 * not a display currency), then the display currencies; never the figure's own.
 */
export function conversionTargets(from: string, settings: Pick<HoverSettings, 'baseCurrency' | 'displayCurrencies'>): string[] {
  return [...new Set([settings.baseCurrency, ...settings.displayCurrencies])].filter((c) => c !== from);
}

export function figureHoverMarkdown(f: Figure, date: string | null, settings: HoverSettings, tr: Translator = english): string {
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(f.text)}** · ${tr('hover.money')}`);
  lines.push(escapeMarkdown(describeFigure(f, undefined, tr.locale !== 'en')));
  const facts: string[] = [];
  if (f.min !== null && f.max !== null) {
    const opts = { per: f.per };
    // The Chinese half in the figure's own script (萬/億 for a Traditional figure).
    const chinese = styleFor(f.text, 'zh');
    const mid = `${formatAmount(f.value, f.currency, 'en', opts)} / ${formatAmount(f.value, f.currency, chinese, opts)}`;
    facts.push(tr('hover.interval', escapeMarkdown(formatRange(f.min, f.max, f.currency, 'en', opts)), escapeMarkdown(mid)));
  }
  if (f.approximate) facts.push(f.qualifier ? tr('hover.approximateQualified', escapeMarkdown(f.qualifier)) : tr('hover.approximate'));
  if (f.per) facts.push(tr('hover.perUnit', escapeMarkdown(unitLabel(f.per, tr)), escapeMarkdown(f.per)));
  if (f.ambiguity === 'zhao') facts.push(tr('hover.zhao'));
  if (f.ambiguity === 'yen-sign') facts.push(tr('hover.yenSign'));
  if (facts.length) lines.push(facts.map((x) => `- ${x}`).join('\n'));

  const style = styleFor(f.text, settings.numberStyle);
  const conversions: string[] = [];
  const rates = new Map<string, RateInfo>();
  for (const to of conversionTargets(f.currency, settings)) {
    const c = convertFigure(f, to, date, settings.rateOverrides);
    if (!c) continue;
    rates.set(c.fromRate.currency, c.fromRate);
    rates.set(c.toRate.currency, c.toRate);
    conversions.push(`- ≈ ${escapeMarkdown(writeConverted(c, style))} / ${escapeMarkdown(writeConverted(c, otherStyle(style)))} · ${escapeMarkdown(rateText(f.currency, c.currency, c.rate))}`);
  }
  if (conversions.length) {
    const heading = date ? tr('hover.convertedAtDate', date) : tr('hover.convertedLatest');
    lines.push(`${heading}\n${conversions.join('\n')}`);
    // One line per rate (kind, date and source), so the day's rate, a monthly average,
    // a fallback to an earlier day and overrides are each visible.
    const bySource = new Map<string, string[]>();
    for (const r of rates.values()) {
      if (r.source === 'definition') continue;
      const key = rateLabel(r, tr);
      bySource.set(key, [...(bySource.get(key) ?? []), r.currency]);
    }
    const sources = [...bySource].map(([key, codes]) => tr('hover.ratesPerUsd', codes.join(', '), key));
    if (sources.length) lines.push(tr('hover.rates', sources.join('; ')));
    lines.push(...rateWarnings([...rates.values()], date, tr));
  }
  return lines.join('\n\n');
}

/** The paragraph around `offset`: adjacent non-blank lines, a bounded number each way. */
function paragraphAround(doc: IndexedDoc, offset: number): { start: number; end: number } {
  const starts = doc.lineStarts;
  const text = doc.text;
  const line = lineOf(starts, offset);
  // Scans only up to the first visible character, so long lines cost nothing.
  const blank = (l: number) => {
    const end = l + 1 < starts.length ? starts[l + 1] : text.length;
    for (let i = starts[l]; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0x3000) return false;
    }
    return true;
  };
  let first = line;
  while (first > 0 && line - first < MAX_PARAGRAPH_LINES && !blank(first - 1)) first--;
  let last = line;
  while (last + 1 < starts.length && last - line < MAX_PARAGRAPH_LINES && !blank(last + 1)) last++;
  return { start: starts[first], end: last + 1 < starts.length ? starts[last + 1] : text.length };
}

/** Up to MAX_NEARBY figures of the mention's paragraph, the closest ones, in text order. */
export function figuresNear(doc: IndexedDoc, mention: Mention): Figure[] {
  const { start, end } = paragraphAround(doc, mention.offset);
  const figures = doc.analysis.figures;
  let lo = 0;
  let hi = figures.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (figures[mid].offset < start) lo = mid + 1;
    else hi = mid;
  }
  const inside: Figure[] = [];
  for (let i = lo; i < figures.length && figures[i].offset < end; i++) inside.push(figures[i]);
  const distance = (f: Figure) => Math.abs(f.offset - mention.offset);
  return inside
    .sort((a, b) => distance(a) - distance(b))
    .slice(0, MAX_NEARBY)
    .sort((a, b) => a.offset - b.offset);
}

/** The Markdown of an entity mention's hover. */
export function mentionHoverMarkdown(doc: IndexedDoc, m: Mention, index: WorkspaceIndex, settings: HoverSettings, gazetteer: Gazetteer, tr: Translator = english, tickerLines: readonly string[] = []): string {
  const entity = gazetteer.get(m.id);
  const name = entity?.name ?? m.name;
  const kind = entity?.kind ?? m.kind;
  const kindKey = `kind.${kind}`;
  const what = hasKey(kindKey) ? tr(kindKey) : kind;
  const lines: string[] = [`**${escapeMarkdown(name)}** · ${escapeMarkdown(what)}${entity?.sector ? ` · ${escapeMarkdown(entity.sector)}` : ''}`];

  const seen = new Set<string>();
  const names: string[] = [];
  for (const n of [name, ...(entity?.names ?? []), m.text]) {
    const key = n.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    names.push(n.trim());
  }
  const shown = names.slice(0, MAX_NAMES).map(escapeMarkdown).join(' · ');
  // A hovered ticker first: which company and exchange it is (tickerMismatch.ts).
  const facts: string[] = [...tickerLines, tr('hover.names', names.length > MAX_NAMES ? tr('hover.namesMore', shown, names.length - MAX_NAMES) : shown)];
  const tickers = [...new Set(entity?.tickers ?? [])];
  if (tickers.length || m.ticker) {
    const listed = tickers.length ? tickers.map(escapeMarkdown).join(' · ') : escapeMarkdown(m.ticker ?? '');
    const written = tickers.length && m.ticker && !tickers.includes(m.ticker);
    facts.push(tr('hover.tickers', written ? tr('hover.tickerWrittenHere', listed, escapeMarkdown(m.ticker!)) : listed));
  }
  // Running totals of the index: a common entity has tens of thousands of mentions.
  const { mentions: count, files } = index.countsOf(m.id);
  facts.push(tr('hover.mentionsInFiles', tr('count.mentions', count), tr('count.files', files)));
  lines.push(facts.map((x) => `- ${x}`).join('\n'));

  const own = factLines(doc, m.id, index, settings, tr);
  if (own) lines.push(own);
  return lines.join('\n\n');
}

/** One fact as a hover line: amount, conversion, metric, period, source, and the restatements folded in. */
export function factLine(f: StoredFact, id: string, settings: HoverSettings, here: boolean, tr: Translator = english): string {
  const base = settings.baseCurrency;
  const c = convertFigure(f.figure, base, f.date, settings.rateOverrides);
  const value = c ? ` ${f.figure.currency === base ? '=' : '≈'} ${escapeMarkdown(writeConverted(c, 'en'))}` : '';
  const also = f.others.length ? ` (${f.others.map((o) => escapeMarkdown(o.text)).join(', ')})` : '';
  const what = [f.metric === 'other' ? '' : metricLabel(tr, f.metric), f.period ?? ''].filter(Boolean).join(' ');
  const parts = [`${escapeMarkdown(f.figure.text)}${also}${value}`];
  if (what) parts.push(escapeMarkdown(what));
  if (f.subject?.id !== id && f.counterparty?.id === id) parts.push(tr('hover.counterpartyOf', escapeMarkdown(f.subject?.name ?? tr('hover.unnamedParty'))));
  else if (f.counterparty) parts.push(`→ ${escapeMarkdown(f.counterparty.name)}`);
  if (f.source) parts.push(tr('hover.source', escapeMarkdown(f.source.name)));
  if (!here) parts.push(escapeMarkdown(`${baseName(f.uri)}${f.date ? ` ${f.date}` : ''}`));
  return `- ${parts.join(' · ')}`;
}

/** The command link of an entity's dossier: its id JSON-encoded, every character that could end the link escaped. */
export function dossierLink(id: string): string {
  const args = encodeURIComponent(JSON.stringify([id])).replace(/[()'!*~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `command:digestLens.showDossier?${args}`;
}

/** The last path segment of a uri, decoded. */
function baseName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * The entity's own facts (as subject, or as counterparty, labelled so): this note's first,
 * then the most recent of other notes, one line per fact, and a link to the dossier.
 */
function factLines(doc: IndexedDoc, id: string, index: WorkspaceIndex, settings: HoverSettings, tr: Translator): string {
  const store = factStoreOf(index);
  const total = store.countAbout(id);
  const involves = (f: StoredFact) => f.subject?.id === id || f.counterparty?.id === id;
  const here = store.factsIn(doc.uri).filter(involves).slice(0, MAX_HOVER_FACTS);
  const lines = here.map((f) => factLine(f, id, settings, true, tr));
  if (lines.length < MAX_HOVER_FACTS) {
    // The most recent facts of other notes, without sorting them all.
    const recent: StoredFact[] = [];
    const room = MAX_HOVER_FACTS - lines.length;
    for (const f of store.about(id)) {
      if (f.uri === doc.uri) continue;
      recent.push(f);
      if (recent.length > room * 4) {
        recent.sort((a, b) => ((b.date ?? '') < (a.date ?? '') ? -1 : (b.date ?? '') > (a.date ?? '') ? 1 : 0));
        recent.length = room;
      }
    }
    recent.sort((a, b) => ((b.date ?? '') < (a.date ?? '') ? -1 : (b.date ?? '') > (a.date ?? '') ? 1 : 0));
    for (const f of recent.slice(0, room)) lines.push(factLine(f, id, settings, false, tr));
  }
  const more = `${total ? tr('hover.factCount', total) : tr('hover.noFacts')} · [${tr('hover.openDossier')}](${dossierLink(id)} "${tr('hover.openDossierTitle')}")`;
  return lines.length ? `${tr('hover.facts')}\n${lines.join('\n')}\n\n${more}` : more;
}

/**
 * The hover at `offset` of an indexed document: a figure's, a mention's, or null. A span
 * strictly containing the offset wins over one that merely ends there.
 */
export function hoverAt(doc: IndexedDoc, offset: number, index: WorkspaceIndex, settings: HoverSettings, gazetteer: Gazetteer, tr: Translator = english): Hover | null {
  const figure = spanAt(doc.analysis.figures, offset);
  const mention = spanAt(doc.analysis.mentions, offset);
  const inside = (s: { offset: number; length: number } | undefined) => !!s && offset < s.offset + s.length;
  let item: Figure | Mention | undefined;
  if (figure && mention) item = inside(mention) && !inside(figure) ? mention : figure;
  else item = figure ?? mention;
  if (!item) {
    // The ticker written after a mention ("騰訊控股(0700.HK)") hovers as its company; one
    // beside another company's name ("腾讯 (9988.HK)") as its own company, with a warning.
    const m = tickerOwnerAt(doc.analysis.mentions, offset);
    const t = m && tickerSpan(m);
    if (!m || !t) return null;
    const wrong = mismatchAt(doc, gazetteer, offset);
    const shown: Mention = wrong ? { ...m, offset: t.offset, length: t.length, text: m.ticker!, id: wrong.owner.id, name: wrong.owner.name, kind: wrong.owner.kind, tickerOffset: t.offset } : m;
    const value = mentionHoverMarkdown(doc, shown, index, settings, gazetteer, tr, tickerHere(doc, m.ticker!, offset, gazetteer, tr));
    return { contents: { kind: 'markdown', value }, range: toRange(doc, t.offset, t.length) };
  }
  // A ticker written alone ("0700.HK rose") says which company and exchange it is.
  const bare = !('currency' in item) && item.ticker !== null && item.tickerOffset === item.offset;
  const value = 'currency' in item
    ? figureHoverMarkdown(item, doc.analysis.date, settings, tr)
    : mentionHoverMarkdown(doc, item, index, settings, gazetteer, tr, bare ? tickerHere(doc, item.ticker!, offset, gazetteer, tr) : []);
  const contents: MarkupContent = { kind: 'markdown', value };
  return { contents, range: toRange(doc, item.offset, item.length) };
}

/** The lines of a hovered ticker: a warning when it is beside another company's name, then its company and exchange. */
function tickerHere(doc: IndexedDoc, written: string, offset: number, gazetteer: Gazetteer, tr: Translator): string[] {
  const wrong = mismatchAt(doc, gazetteer, offset);
  const warning = wrong ? [tr('hover.tickerMismatch', escapeMarkdown(mismatchMessage(wrong, doc.text.slice(wrong.nameOffset, wrong.nameOffset + wrong.nameLength), doc.analysis.traditional, tr)))] : [];
  return [...warning, ...tickerHoverLines(written, gazetteer, tr)];
}

export const feature: Feature = {
  name: 'hover',
  capabilities: { hoverProvider: true },
  register(ctx) {
    ctx.connection.onHover(
      ctx.guard('hover', async (params) => {
        const doc = ctx.index.get(params.textDocument.uri);
        if (!doc) return null;
        const settings = await ctx.settings(doc.uri);
        return hoverAt(doc, toOffset(doc, params.position), ctx.index, settings, ctx.gazetteer(doc.uri), translator(await ctx.locale(doc.uri)));
      }),
    );
  },
};
