/**
 * A ticker beside the wrong company, as the user sees it: the ticker-mismatch diagnostic
 * (Warning at the ticker), its quick fix "Replace with 0700.HK", and the lines a hover on a
 * ticker adds (which company and exchange it is, the company's other tickers). The finding
 * itself is analysis/tickerCheck.ts's (pure); this file words it in the request's language
 * and names companies in the script the reader expects.
 */
import { CodeActionKind, DiagnosticSeverity, TextEdit, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { Gazetteer } from '../analysis/gazetteer';
import type { Entity, Mention } from '../analysis/types';
import { scriptOf } from '../analysis/script';
import { exchangeOfKey, listingExchange, tickerKeys, tickerMismatches, tickerOwners, writeTicker, type TickerMismatch } from '../analysis/tickerCheck';
import type { IndexedDoc } from '../index/workspaceIndex';
import { english, hasKey, type Translator } from '../l10n';
import type { Locale } from '../l10n';
import { toRange } from './positions';
import { escapeMarkdown as escape } from './moneyText';
import { firstEndingAfter, foldText } from '../analysis/text';

/** The `source` and code of the diagnostic (diagnostics.ts lists it in Codes). */
const SOURCE = 'digest-lens';
export const TICKER_MISMATCH = 'ticker-mismatch';

/** Data carried by a ticker-mismatch diagnostic, for the quick fix. */
export interface TickerMismatchData {
  /** The named company's ticker, written as the wrong one was; absent when it has none. */
  replacement?: string;
}

type NameScript = 'en' | 'simplified' | 'traditional';

const hasCjk = (s: string) => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) return true;
  }
  return false;
};

/**
 * The entity's name in a script: its Latin name for English, a Chinese name whose
 * characters are Simplified (or shared) for Simplified, and for Traditional that name's
 * Traditional spelling (a name of shared characters as it is); its display name when it has
 * none such.
 */
export function nameIn(entity: Entity, script: NameScript): string {
  const names = [entity.name, ...entity.names];
  if (script === 'en') return names.find((n) => !hasCjk(n)) ?? entity.name;
  const chinese = names.filter(hasCjk);
  const simplified = chinese.find((n) => scriptOf(n) !== 'traditional') ?? chinese[0];
  if (script === 'simplified' || simplified === undefined) return simplified ?? entity.name;
  // The Traditional spelling of that same name (騰訊 for 腾讯), not another alias (阿里雲 for 阿里巴巴).
  const key = foldText(simplified);
  return chinese.find((n) => scriptOf(n) === 'traditional' && foldText(n) === key)
    ?? (scriptOf(simplified) !== 'simplified' ? simplified : chinese.find((n) => scriptOf(n) === 'traditional') ?? simplified);
}

/** The script names are written in for a locale. */
export const localeScript = (locale: Locale): NameScript => (locale === 'zh-tw' ? 'traditional' : locale === 'zh-cn' ? 'simplified' : 'en');

/** The script of a name as the note writes it. */
function writtenScript(text: string, traditional: boolean): NameScript {
  if (!hasCjk(text)) return 'en';
  return (scriptOf(text) ?? (traditional ? 'traditional' : 'simplified')) === 'traditional' ? 'traditional' : 'simplified';
}

/** "9988.HK is Alibaba’s ticker (阿里巴巴), not Tencent’s", in the translator's language, the owner also named as the note would write it. */
export function mismatchMessage(m: TickerMismatch, writtenName: string, traditional: boolean, tr: Translator = english): string {
  const script = localeScript(tr.locale);
  const owner = nameIn(m.owner, script);
  const ownerAsWritten = nameIn(m.owner, writtenScript(writtenName, traditional));
  const named = nameIn(m.named, script);
  return owner === ownerAsWritten
    ? tr('diag.tickerMismatchPlain', m.ticker, owner, named)
    : tr('diag.tickerMismatch', m.ticker, owner, ownerAsWritten, named);
}

/** The Warning diagnostics of one note's tickers written beside another company's name. */
export function tickerMismatchDiagnostics(doc: IndexedDoc, g: Gazetteer, tr: Translator = english): Diagnostic[] {
  return tickerMismatches(doc.text, doc.analysis.mentions, g).map((m) => {
    const data: TickerMismatchData = m.replacement ? { replacement: m.replacement } : {};
    return {
      range: toRange(doc, m.offset, m.length),
      severity: DiagnosticSeverity.Warning,
      source: SOURCE,
      code: TICKER_MISMATCH,
      message: mismatchMessage(m, doc.text.slice(m.nameOffset, m.nameOffset + m.nameLength), doc.analysis.traditional, tr),
      relatedInformation: [{ location: { uri: doc.uri, range: toRange(doc, m.nameOffset, m.nameLength) }, message: tr('diag.tickerNamed') }],
      data,
    };
  });
}

/** "Replace with 0700.HK" for each mismatched ticker overlapping [start, end]. */
export function replaceTickerActions(doc: IndexedDoc, g: Gazetteer, start: number, end: number, diagnostics: readonly Diagnostic[], tr: Translator = english): CodeAction[] {
  const out: CodeAction[] = [];
  for (const m of tickerMismatches(doc.text, doc.analysis.mentions, g)) {
    if (m.offset > end || m.offset + m.length < start || !m.replacement) continue;
    const range = toRange(doc, m.offset, m.length);
    const related = diagnostics.filter((d) => d.code === TICKER_MISMATCH && d.range.start.line === range.start.line && d.range.start.character === range.start.character);
    out.push({
      title: tr('action.replaceTicker', m.replacement),
      kind: CodeActionKind.QuickFix,
      diagnostics: related.length ? related : undefined,
      isPreferred: true,
      edit: { changes: { [doc.uri]: [TextEdit.replace(range, m.replacement)] } },
    });
  }
  return out;
}

/** An exchange's full name in the translator's language ("Hong Kong Stock Exchange", "香港交易所"), or its code. */
export function exchangeName(exchange: string, tr: Translator = english): string {
  const key = `exchange.${exchange}`;
  return hasKey(key) ? tr(key) : exchange;
}

/**
 * The hover lines of a ticker written in a note: which company and exchange it is, in the
 * hover's language and script, and the company's other tickers ("0700.HK" → "Ticker
 * 0700.HK: 腾讯, 香港交易所" · "Other tickers: TCEHY"). Empty when the ticker is unknown.
 */
export function tickerHoverLines(written: string, g: Gazetteer, tr: Translator = english): string[] {
  const owners = tickerOwners(g, written);
  if (!owners.length) return [];
  const owner = g.at(owners[0]);
  const keys = tickerKeys(written)!;
  const key = keys.find((k) => g.tickerIndex(k) === owners[0]) ?? keys[0];
  const exchange = listingExchange(key, owner);
  const lines = [tr('hover.tickerListing', escape(written), escape(nameIn(owner, localeScript(tr.locale))), escape(exchangeName(exchange, tr)))];
  // The others, each once: a bare US code repeats its prefixed listing ("TCEHY" of "OTC:TCEHY").
  const others: string[] = [];
  for (const t of owner.tickers) {
    if (t === key || t.endsWith(':' + key) || (exchangeOfKey(t) === 'US' && owner.tickers.some((u) => u !== t && u.endsWith(':' + t)))) continue;
    const shown = writeTicker(t, 'suffix', false);
    if (!others.includes(shown)) others.push(shown);
  }
  if (others.length) lines.push(tr('hover.otherTickers', others.map(escape).join(' · ')));
  return lines;
}

/** Mentions looked at each side of a hovered ticker: its name, the other names of its brackets. */
const HOVER_REACH = 6;

/**
 * The mismatch of the ticker at `offset` (end inclusive), if it is written beside another
 * company's name. Only the few mentions around the offset are checked, so a hover costs
 * the same in any note.
 */
export function mismatchAt(doc: IndexedDoc, g: Gazetteer, offset: number): TickerMismatch | undefined {
  const mentions = doc.analysis.mentions;
  const at = firstEndingAfter(mentions, offset);
  const window: Mention[] = mentions.slice(Math.max(0, at - HOVER_REACH), at + HOVER_REACH);
  return tickerMismatches(doc.text, window, g).find((m) => offset >= m.offset && offset <= m.offset + m.length);
}
