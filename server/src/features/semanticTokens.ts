/**
 * Semantic tokens: money figures and entity mentions, full, by range, and as deltas.
 *
 * Tokens are built as plain records {line, char, length, type, modifiers} from the
 * analysis, then one encoder sorts and delta-encodes them (LSP's relative format). A
 * record never crosses a line break: LSP tokens are single-line, so a span that does is
 * split per line. The range request binary-searches the figures and mentions, so its
 * cost is the size of the range, not of the document. For deltas the last result of each
 * document is kept (a capped cache) and the new integers are diffed against it.
 */
import type {
  CancellationToken,
  SemanticTokens,
  SemanticTokensDelta,
  SemanticTokensEdit,
  SemanticTokensLegend,
} from 'vscode-languageserver';
import type { EntityKind, Figure } from '../analysis/types';
import type { IndexedDoc } from '../index/workspaceIndex';
import type { Feature } from './context';
import { firstEndingAfter, lineOf } from '../analysis/text';
import { toOffset } from './positions';
import { tickerSpan } from './entityAt';
import { runNow, runPaced, type Work } from './pacer';

/** Token types, in legend order. Custom ones are declared with a superType in package.json. */
export const TOKEN_TYPES = ['money', 'company', 'person', 'product', 'ticker', 'organization'] as const;
/** Token modifiers, in legend order (bit i is TOKEN_MODIFIERS[i]). */
export const TOKEN_MODIFIERS = ['approximate', 'range', 'perUnit', 'foreign', 'candidate'] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

const TYPE = Object.fromEntries(TOKEN_TYPES.map((t, i) => [t, i])) as Record<TokenType, number>;
const MOD = Object.fromEntries(TOKEN_MODIFIERS.map((m, i) => [m, 1 << i])) as Record<TokenModifier, number>;

/** One token before encoding; `type` indexes TOKEN_TYPES, `modifiers` is a bit set. */
export interface TokenRecord {
  line: number;
  char: number;
  length: number;
  type: number;
  modifiers: number;
}

/** Entity kinds to token types. A fund (an ETF, say) is a financial product. */
const KIND_TYPE: Record<EntityKind, TokenType> = {
  company: 'company',
  candidate: 'company',
  person: 'person',
  product: 'product',
  fund: 'product',
  exchange: 'organization',
  media: 'organization',
  regulator: 'organization',
  index: 'organization',
};

/** Options of token computation. */
export interface TokenOptions {
  /** Figures in any other currency get the `foreign` modifier. */
  baseCurrency: string;
  /** Only items overlapping [start, end) (UTF-16 offsets); default the whole document. */
  start?: number;
  end?: number;
  token?: CancellationToken;
}

/**
 * Appends the records of the span [start, end), one per line it touches. `line` is a hint
 * (a line at or before the span) so that a walk over sorted spans stays linear; returns the
 * line of the span's end, the hint for the next span.
 */
function pushSpan(out: TokenRecord[], doc: IndexedDoc, start: number, end: number, line: number, type: number, modifiers: number): number {
  const starts = doc.lineStarts;
  const text = doc.text;
  while (line > 0 && starts[line] > start) line--;
  while (line + 1 < starts.length && starts[line + 1] <= start) line++;
  while (start < end) {
    const next = line + 1 < starts.length ? starts[line + 1] : text.length;
    // The line's content ends before its line break ("\n" or "\r\n").
    let contentEnd = next;
    if (contentEnd > starts[line] && text.charCodeAt(contentEnd - 1) === 10) contentEnd--;
    if (contentEnd > starts[line] && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
    const pieceEnd = Math.min(end, contentEnd);
    if (pieceEnd > start) out.push({ line, char: start - starts[line], length: pieceEnd - start, type, modifiers });
    if (end <= next || line + 1 >= starts.length) break;
    start = next;
    line++;
  }
  return line;
}

function figureModifiers(f: Figure, base: string): number {
  let m = 0;
  if (f.approximate) m |= MOD.approximate;
  if (f.min !== null && f.max !== null) m |= MOD.range;
  if (f.per) m |= MOD.perUnit;
  if (f.currency !== base) m |= MOD.foreign;
  return m;
}

/**
 * The token records of a document (or of the part overlapping [start, end)), in document
 * order: figures as `money`, mentions by kind, tickers written after a mention as `ticker`.
 */
export function collectTokens(doc: IndexedDoc, opts: TokenOptions): TokenRecord[] {
  return runNow(collectTokensWork(doc, opts));
}

/**
 * `collectTokens` as work that pauses every 1,024 items (features/pacer.ts): a long note's
 * tokens leave room for a cancellation. The document's analysis is read once, at the start.
 */
export function* collectTokensWork(doc: IndexedDoc, opts: TokenOptions): Work<TokenRecord[]> {
  const { figures, mentions } = doc.analysis;
  const start = opts.start ?? 0;
  const end = opts.end ?? doc.text.length;
  const out: TokenRecord[] = [];
  let fi = firstEndingAfter(figures, start);
  let mi = firstEndingAfter(mentions, start);
  // The first items may begin before `start` (they overlap it): the hint starts at them.
  let line = lineOf(doc.lineStarts, Math.min(start, figures[fi]?.offset ?? start, mentions[mi]?.offset ?? start));
  let steps = 0;
  // Two sorted lists merged in offset order, so the line hint only moves forward.
  for (;;) {
    const f = fi < figures.length && figures[fi].offset < end ? figures[fi] : undefined;
    const m = mi < mentions.length && mentions[mi].offset < end ? mentions[mi] : undefined;
    if (!f && !m) break;
    if ((++steps & 1023) === 0) {
      if (opts.token?.isCancellationRequested) break;
      yield;
    }
    if (f && (!m || f.offset <= m.offset)) {
      line = pushSpan(out, doc, f.offset, f.offset + f.length, line, TYPE.money, figureModifiers(f, opts.baseCurrency));
      fi++;
      continue;
    }
    const mention = m!;
    mi++;
    const isTicker = mention.ticker !== null && mention.tickerOffset === mention.offset;
    const type = isTicker ? TYPE.ticker : TYPE[KIND_TYPE[mention.kind] ?? 'company'];
    const modifiers = mention.kind === 'candidate' ? MOD.candidate : 0;
    line = pushSpan(out, doc, mention.offset, mention.offset + mention.length, line, type, modifiers);
    // The ticker written apart from the name, where the analysis read it. Names of one
    // parenthesis share it ("腾讯(Tencent, 0700.HK)"): the encoder drops the repeated token.
    const t = tickerSpan(mention);
    if (t && t.offset < end) line = pushSpan(out, doc, t.offset, t.offset + t.length, line, TYPE.ticker, 0);
  }
  return out;
}

/**
 * Encodes records into LSP's relative integer format. Records are sorted by position
 * first; a record overlapping the previous one on its line is dropped, since editors do
 * not support overlapping tokens.
 */
export function encodeTokens(records: readonly TokenRecord[]): number[] {
  const sorted = [...records].sort((a, b) => a.line - b.line || a.char - b.char);
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  let prevEnd = -1;
  for (const r of sorted) {
    if (r.length <= 0) continue;
    if (r.line === prevLine && r.char < prevEnd) continue;
    data.push(r.line - prevLine, r.line === prevLine ? r.char - prevChar : r.char, r.length, r.type, r.modifiers);
    prevLine = r.line;
    prevChar = r.char;
    prevEnd = r.char + r.length;
  }
  return data;
}

/** A decoded token, readable: for tests and logs. */
export interface DecodedToken {
  line: number;
  char: number;
  length: number;
  type: string;
  modifiers: string[];
}

/** Decodes LSP relative integers back into absolute, named tokens. */
export function decodeTokens(data: readonly number[]): DecodedToken[] {
  const out: DecodedToken[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    if (data[i] > 0) char = 0;
    line += data[i];
    char += data[i + 1];
    const mods = TOKEN_MODIFIERS.filter((_, k) => (data[i + 4] & (1 << k)) !== 0);
    out.push({ line, char, length: data[i + 2], type: TOKEN_TYPES[data[i + 3]] ?? String(data[i + 3]), modifiers: mods });
  }
  return out;
}

/** The encoded tokens of a document, or of the part overlapping [start, end). */
export function computeTokens(doc: IndexedDoc, opts: TokenOptions): number[] {
  return encodeTokens(collectTokens(doc, opts));
}

/** `computeTokens` in slices, for requests: RequestCancelled once the request is cancelled. */
async function computeTokensPaced(doc: IndexedDoc, opts: TokenOptions): Promise<number[]> {
  return encodeTokens(await runPaced(collectTokensWork(doc, opts), opts.token));
}

/**
 * The edits that turn `before` into `after`: one replacement between their common prefix
 * and common suffix (empty when they are equal). Linear in the arrays' length.
 */
export function diffTokens(before: readonly number[], after: readonly number[]): SemanticTokensEdit[] {
  let prefix = 0;
  const min = Math.min(before.length, after.length);
  while (prefix < min && before[prefix] === after[prefix]) prefix++;
  if (prefix === before.length && prefix === after.length) return [];
  let suffix = 0;
  while (suffix < min - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return [{ start: prefix, deleteCount: before.length - prefix - suffix, data: after.slice(prefix, after.length - suffix) }];
}

/** Applies delta edits to an integer array (what a client does); for tests. */
export function applyTokenEdits(before: readonly number[], edits: readonly SemanticTokensEdit[]): number[] {
  const out = [...before];
  // Edits refer to the original array: apply from the back so earlier starts stay valid.
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out.splice(e.start, e.deleteCount, ...(e.data ?? []));
  return out;
}

/** The last full result of each document, for deltas; least recently used entries leave first. */
export class TokenResultCache {
  private readonly results = new Map<string, { resultId: string; data: number[] }>();
  private counter = 0;

  constructor(private readonly capacity = 64) {}

  /** Stores a document's newest result and returns its fresh result id. */
  store(uri: string, data: number[]): string {
    const resultId = String(++this.counter);
    this.results.delete(uri);
    this.results.set(uri, { resultId, data });
    while (this.results.size > this.capacity) this.results.delete(this.results.keys().next().value as string);
    return resultId;
  }

  /** The stored data when `resultId` is the document's latest result, else undefined. */
  previous(uri: string, resultId: string): number[] | undefined {
    const r = this.results.get(uri);
    return r && r.resultId === resultId ? r.data : undefined;
  }

  forget(uri: string): void {
    this.results.delete(uri);
  }

  get size(): number {
    return this.results.size;
  }
}

/** Answers a delta request: edits against the previous result, or full tokens when it is gone. */
export function deltaTokens(cache: TokenResultCache, uri: string, previousResultId: string, data: number[]): SemanticTokens | SemanticTokensDelta {
  const before = cache.previous(uri, previousResultId);
  const resultId = cache.store(uri, data);
  if (!before) return { resultId, data };
  return { resultId, edits: diffTokens(before, data) };
}

export const feature: Feature = {
  name: 'semanticTokens',
  capabilities: { semanticTokensProvider: { legend: LEGEND, full: { delta: true }, range: true } },
  register(ctx) {
    const cache = new TokenResultCache();
    ctx.documents.onDidClose((e) => cache.forget(e.document.uri));
    const base = async (uri: string) => (await ctx.settings(uri)).baseCurrency;

    ctx.connection.languages.semanticTokens.on(
      ctx.guard('semanticTokens', async (params, token) => {
        const doc = ctx.index.get(params.textDocument.uri);
        if (!doc) return { data: [] };
        const data = await computeTokensPaced(doc, { baseCurrency: await base(doc.uri), token });
        return { resultId: cache.store(doc.uri, data), data };
      }),
    );
    ctx.connection.languages.semanticTokens.onDelta(
      ctx.guard('semanticTokens', async (params, token) => {
        const doc = ctx.index.get(params.textDocument.uri);
        if (!doc) return { data: [] };
        const data = await computeTokensPaced(doc, { baseCurrency: await base(doc.uri), token });
        return deltaTokens(cache, doc.uri, params.previousResultId, data);
      }),
    );
    ctx.connection.languages.semanticTokens.onRange(
      ctx.guard('semanticTokens', async (params, token) => {
        const doc = ctx.index.get(params.textDocument.uri);
        if (!doc) return { data: [] };
        const start = toOffset(doc, params.range.start);
        const end = toOffset(doc, params.range.end);
        return { data: await computeTokensPaced(doc, { baseCurrency: await base(doc.uri), start, end, token }) };
      }),
    );
  },
};
