/**
 * Completion source: entities by any name, alias or ticker, in any script (issue 17).
 *
 * What is typed before the cursor (typedWord.ts: the longest suffix of a Chinese run that
 * begins a name, or the Latin/ticker token) is looked up in two prefix indexes
 * (entityKeys.ts): one over the built-in list, built once, and one over the folder's own
 * entities. Ranking: the user's own entities first, then a name or code typed in full, then
 * how often the workspace mentions the entity, then the built-in list's order. The item is
 * labelled and inserted in the script of the text around the cursor (entityNames.ts), with
 * the primary ticker after the name when `digestLens.completion.insertTicker` is on, in the
 * note's own way of writing tickers (tickerStyle.ts).
 */
import { exchangeName as exchangeFullName } from '../tickerMismatch';
import { CompletionItemKind, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { builtinGazetteer } from '../../analysis/gazetteer';
import { mostlyChinese, scriptOf, sentenceAround } from '../../analysis/script';
import type { Entity } from '../../analysis/types';
import type { WorkspaceIndex } from '../../index/workspaceIndex';
import { hasKey, translator, type Translator } from '../../l10n';
import { convertName } from '../scriptConversion';
import type { FeatureContext } from '../context';
import { allDigits, foldName, buildEntityKeys, DIGITS_MARK, dotTicker, entitiesWithPrefix, hasPrefix, splitTicker, stripZeros, tickerKeys, type EntityKeys, type KeyHit } from './entityKeys';
import { nameIn, otherName, type NoteScript } from './entityNames';
import type { CompletionSource } from './source';
import { detectTickerStyle, nameWithTicker } from './tickerStyle';
import { typedCandidates, type TypedCandidate } from './typedWord';

/** Most items offered at once. */
export const MAX_ITEMS = 50;
/** Tickers shown in a label. */
const LABEL_TICKERS = 2;

/** The built-in list and its index, built on the first completion. */
let builtin: { entities: Entity[]; keys: EntityKeys } | undefined;
function builtinKeys(): { entities: Entity[]; keys: EntityKeys } {
  if (!builtin) {
    const entities = builtinGazetteer().all();
    builtin = { entities, keys: buildEntityKeys(entities) };
    // The script converters load their dictionaries on first use (~200 ms each): load them
    // with the index, so no later keystroke pays for it.
    convertName('腾', 'tw');
    convertName('騰', 'cn');
  }
  return builtin;
}

/** The index of a folder's own entities, kept while the folder's list is the same array. */
const userKeys = new WeakMap<readonly Entity[], EntityKeys>();
function userKeysOf(entities: readonly Entity[]): EntityKeys {
  let k = userKeys.get(entities);
  if (!k) userKeys.set(entities, (k = buildEntityKeys(entities)));
  return k;
}

/** Workspace mentions per entity id, kept while the index's generation stays. */
let counts: { index: WorkspaceIndex; generation: number; byId: Map<string, number> } | undefined;
function mentionCounts(index: WorkspaceIndex): Map<string, number> {
  if (counts && counts.index === index && counts.generation === index.generation) return counts.byId;
  const byId = new Map<string, number>();
  for (const c of index.entityCounts()) byId.set(c.id, c.mentions);
  counts = { index, generation: index.generation, byId };
  return byId;
}

/** The folded key a typed candidate is looked up under: digits by their value ("0700" → "#700"). */
function lookupKey(c: TypedCandidate): string {
  const folded = foldName(c.text);
  return c.kind === 'latin' && allDigits(folded) ? DIGITS_MARK + stripZeros(folded) : folded;
}

/** The longest typed candidate that begins some key, and its key; null when none does. */
function chooseTyped(line: string, col: number, indexes: EntityKeys[]): { typed: TypedCandidate; key: string } | null {
  for (const typed of typedCandidates(line, col)) {
    const key = lookupKey(typed);
    if (key.length < 1) continue;
    if (indexes.some((k) => hasPrefix(k, key))) return { typed, key };
  }
  return null;
}

/**
 * The script to write in at the cursor, leaving out what is being typed (騰 typed in a
 * Simplified note must not make it Traditional): a paragraph mostly in Latin letters is
 * English; a Chinese one takes the script of its sentence, then of the text around, then
 * the document's.
 */
export function scriptAtCursor(text: string, wordStart: number, cursor: number, docTraditional: boolean): NoteScript {
  const paraStart = paragraphStart(text, wordStart);
  const paraEnd = paragraphEnd(text, cursor);
  const around = text.slice(paraStart, wordStart) + text.slice(cursor, paraEnd);
  const chinese = around.trim() === '' ? mostlyChinese(text, 0, Math.min(text.length, 4000)) || text.trim() === '' : mostlyChinese(around) || !hasLatin(around);
  if (!chinese) return 'english';
  const s = sentenceAround(text, wordStart);
  const own = scriptOf(text.slice(s.start, wordStart) + text.slice(cursor, Math.max(cursor, s.end)));
  if (own) return own;
  const wide = scriptOf(text.slice(Math.max(0, wordStart - 400), wordStart) + text.slice(cursor, Math.min(text.length, cursor + 400)));
  return wide ?? (docTraditional ? 'traditional' : 'simplified');
}

function hasLatin(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (((s.charCodeAt(i) | 32) >= 97 && (s.charCodeAt(i) | 32) <= 122)) return true;
  return false;
}

/** Where the paragraph holding `offset` begins (after a blank line), looking back at most 2,000 characters. */
function paragraphStart(text: string, offset: number): number {
  const lo = Math.max(0, offset - 2000);
  for (let i = offset - 1; i > lo; i--) if (text.charCodeAt(i) === 10 && blankBefore(text, i)) return i + 1;
  return lo;
}
/** True when the line ending at the newline `nl` is blank. */
function blankBefore(text: string, nl: number): boolean {
  for (let i = nl - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}
/** Where the paragraph holding `offset` ends (at a blank line), looking on at most 2,000 characters. */
function paragraphEnd(text: string, offset: number): number {
  const hi = Math.min(text.length, offset + 2000);
  let lineHasText = true;
  for (let i = offset; i < hi; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (!lineHasText) return i;
      lineHasText = false;
    } else if (c !== 32 && c !== 9 && c !== 13) lineHasText = true;
  }
  return hi;
}

/** An entity found, with where it ranks. */
interface Found {
  entity: Entity;
  hit: KeyHit;
  user: boolean;
  mentions: number;
  /** Position in its list (the built-in list's order). */
  order: number;
}

/** The exchange of a ticker named in the reader's language ("Hong Kong Stock Exchange"): the names are tickerMismatch.ts's. */
export function exchangeName(ticker: string, tr: Translator): string {
  return exchangeFullName(splitTicker(ticker).exchange, tr);
}

/** Distinct display forms of an entity's tickers ("0700.HK", "TCEHY"), in its order. */
function shownTickers(e: Entity): { ticker: string; shown: string }[] {
  const out: { ticker: string; shown: string }[] = [];
  const seen = new Set<string>();
  for (const t of e.tickers) {
    const shown = dotTicker(t);
    if (seen.has(shown)) continue;
    seen.add(shown);
    out.push({ ticker: t, shown });
  }
  return out;
}

/** The entity's ticker that the typed key found. */
function matchedTicker(e: Entity, key: string): string | undefined {
  return e.tickers.find((t) => tickerKeys(t).some((k) => k.startsWith(key)));
}

const KIND: Record<string, CompletionItemKind> = { company: CompletionItemKind.Class, exchange: CompletionItemKind.Class, media: CompletionItemKind.Class };

function itemOf(f: Found, i: number, key: string, typed: TypedCandidate, range: Range, script: NoteScript, tr: Translator, withTicker: ((name: string, ticker: string) => string) | null): CompletionItem {
  const e = f.entity;
  // The typed text guides which name is written only when it is a name in that language.
  const chineseTyped = typed.kind === 'cjk';
  const namePrefix = f.hit.byTicker ? null : (script === 'english') !== chineseTyped ? key : null;
  const name = nameIn(e, script, namePrefix);
  const tickers = shownTickers(e);
  const exchanges = [...new Set(tickers.map((t) => exchangeName(t.ticker, tr)))];
  let label: string;
  const byTicker = f.hit.byTicker ? matchedTicker(e, key) : undefined;
  if (byTicker) label = [dotTicker(byTicker), name, exchangeName(byTicker, tr)].join(' · ');
  else {
    const other = otherName(e, script);
    label = [name, ...tickers.slice(0, LABEL_TICKERS).map((t) => t.shown), ...(other && other !== name ? [other] : [])].join(' · ');
  }
  const primary = e.tickers[0];
  const newText = withTicker && primary ? withTicker(name, primary) : name;
  const kindKey = `kind.${e.kind}`;
  const detail = [
    hasKey(kindKey) ? tr(kindKey) : e.kind,
    ...(exchanges.length ? [tr('completion.listedOn', exchanges.join(', '))] : []),
    tr('completion.inWorkspace', tr('count.mentions', f.mentions)),
  ].join(' · ');
  const names = [...new Set([e.name, ...e.names])];
  const doc = [tr('completion.names', names.join(' · ')), ...(tickers.length ? [tr('hover.tickers', tickers.map((t) => `${t.shown} (${exchangeName(t.ticker, tr)})`).join(' · '))] : [])];
  return {
    label,
    kind: KIND[e.kind] ?? CompletionItemKind.Reference,
    detail,
    documentation: { kind: MarkupKind.PlainText, value: doc.join('\n') },
    // The editor filters on this against the typed text, which may be in another script
    // than the label (騰 for 腾讯): the typed text itself keeps every item.
    filterText: typed.text,
    sortText: String(i).padStart(4, '0'),
    textEdit: { range, newText },
    data: { source: 'entity', id: e.id },
  };
}

/** The items for a document at a position (the source, without the request wrapper). */
export async function entityItems(ctx: FeatureContext, doc: TextDocument, position: { line: number; character: number }, insertTicker: boolean): Promise<CompletionItem[]> {
  const text = doc.getText();
  const line = Math.max(0, Math.min(position.line, doc.lineCount - 1));
  const lineStart = doc.offsetAt({ line, character: 0 });
  const cursor = doc.offsetAt({ line, character: Math.max(0, position.character) });
  const col = cursor - lineStart;
  const lineText = text.slice(lineStart, cursor);

  const base = builtinKeys();
  const userEntities = ctx.userEntities(doc.uri);
  const user = userEntities.length ? userKeysOf(userEntities) : null;
  const chosen = chooseTyped(lineText, col, user ? [user, base.keys] : [base.keys]);
  if (!chosen) return [];
  const { typed, key } = chosen;

  const mentions = mentionCounts(ctx.index);
  const found: Found[] = [];
  const userIds = new Set(userEntities.map((e) => e.id));
  if (user) for (const hit of entitiesWithPrefix(user, key)) found.push({ entity: userEntities[hit.entity], hit, user: true, mentions: mentions.get(userEntities[hit.entity].id) ?? 0, order: hit.entity });
  for (const hit of entitiesWithPrefix(base.keys, key)) {
    const e = base.entities[hit.entity];
    if (userIds.has(e.id)) continue;
    found.push({ entity: e, hit, user: false, mentions: mentions.get(e.id) ?? 0, order: hit.entity });
  }
  found.sort((a, b) => Number(b.user) - Number(a.user) || Number(b.hit.exact) - Number(a.hit.exact) || b.mentions - a.mentions || a.order - b.order);
  if (found.length > MAX_ITEMS) found.length = MAX_ITEMS;

  const analysis = ctx.index.get(doc.uri)?.analysis;
  const wordStart = lineStart + typed.start;
  const script = scriptAtCursor(text, wordStart, cursor, analysis?.traditional ?? false);
  const tr = translator(await ctx.locale(doc.uri));
  const style = insertTicker ? detectTickerStyle(text, analysis?.mentions ?? [], script !== 'english') : null;
  const withTicker = style ? (name: string, ticker: string) => nameWithTicker(name, ticker, style) : null;
  const range: Range = { start: { line, character: typed.start }, end: { line, character: col } };
  return found.map((f, i) => itemOf(f, i, key, typed, range, script, tr, withTicker));
}

export const complete: CompletionSource = ({ ctx, doc, position, settings, trigger }) => {
  // "(" and "（" open conversions after a figure (amounts.ts), not names.
  if (trigger) return [];
  return entityItems(ctx, doc, position, settings['completion.insertTicker']);
};
