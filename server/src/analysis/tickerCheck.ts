/**
 * Tickers written beside the wrong company: "腾讯 (9988.HK)" names Tencent, but 9988.HK is
 * Alibaba's listing. The analysis keeps a known name's entity when the ticker after it is
 * another's (entities.ts readParenthesis: the outer mention stays Tencent, its `ticker` is
 * "9988.HK"), and reads an explicit ticker right after a name without brackets
 * ("邁為股份 SZ:300750") as a mention of the ticker's own company. This module compares the
 * two, over mentions already found, and says which ticker the named company would have
 * used. Pure and linear: one pass over the mentions, table lookups per ticker.
 */
import type { Gazetteer } from './gazetteer';
import type { Entity, Mention } from './types';
import { parseTickerItem } from './tickers';
import { foldText } from './text';

/** One ticker that belongs to another company than the name it is written beside. */
export interface TickerMismatch {
  /** Where the ticker is written (UTF-16 offset) and its length. */
  offset: number;
  length: number;
  /** The ticker as written ("9988.HK"). */
  ticker: string;
  /** The company the name beside it means, and where that name is. */
  named: Entity;
  nameOffset: number;
  nameLength: number;
  /** The company the ticker belongs to. */
  owner: Entity;
  /** The named company's ticker written the way this one is ("0700.HK"), or null when it has none. */
  replacement: string | null;
}

/**
 * Unlisted units and their listed parents, as the company notes of the data record them
 * (shared/data/companies/notable-notes.csv): a parent's ticker after the unit's name is how
 * the unit is traded, not a mistake. Ids of the built-in gazetteer.
 */
const PARENTS: ReadonlyMap<string, string> = new Map([
  ['t-head', 'alibaba'],
  ['kunlunxin', 'baidu'],
  ['hisilicon', 'huawei'],
  ['google-deepmind', 'alphabet'],
  ['meta-superintelligence', 'meta'],
  ['high-flyer', 'deepseek'],
  ['deepseek', 'high-flyer'],
  ['softbank-corp', 'softbank-group'],
]);

/** Whether the data knows `a` and `b` as a unit and its parent, either way round. */
function related(a: Entity, b: Entity): boolean {
  return PARENTS.get(a.id) === b.id || PARENTS.get(b.id) === a.id;
}

/** US exchanges: a bare US code ("BABA") is listed on one of them. */
const US_EXCHANGES = new Set(['NASDAQ', 'NYSE', 'AMEX', 'OTC', 'US']);

/** The exchange part of a canonical key: "HK" of "HK:00700"; "US" for a bare US code. */
export function exchangeOfKey(key: string): string {
  const colon = key.indexOf(':');
  return colon > 0 ? key.slice(0, colon) : 'US';
}

/** The code part of a canonical key: "00700" of "HK:00700", "BABA" of "BABA". */
function codeOfKey(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

/**
 * The exchange a ticker is listed on, from its key and the company that owns it: a bare US
 * code takes the exchange of the owner's prefixed listing with the same code ("BABA" → NYSE).
 */
export function listingExchange(key: string, owner: Entity | undefined): string {
  const exchange = exchangeOfKey(key);
  if (exchange !== 'US' || !owner) return exchange;
  for (const t of owner.tickers) if (t.endsWith(':' + key) && US_EXCHANGES.has(exchangeOfKey(t))) return exchangeOfKey(t);
  return exchange;
}

/**
 * Every reading of a written ticker as a canonical key, most likely first: "9988" is a
 * Taiwan code, an over-the-counter one, or a Hong Kong one written short. Null when the
 * text is no ticker at all.
 */
export function tickerKeys(written: string): string[] | null {
  let folded = foldText(written).trim();
  if (folded.startsWith('$')) folded = folded.slice(1);
  const t = parseTickerItem(folded);
  if (!t) return null;
  const keys = [t.key];
  if (t.key.startsWith('TWSE:')) keys.push('TPEX:' + t.key.slice(5));
  if (t.bare && !keys.includes(t.bare)) keys.push(t.bare);
  return keys;
}

/** The companies a written ticker may belong to (gazetteer indexes), in the order of its readings. */
export function tickerOwners(g: Gazetteer, written: string): number[] {
  const keys = tickerKeys(written);
  if (!keys) return [];
  const out: number[] = [];
  for (const k of keys) {
    const i = g.tickerIndex(k);
    if (i >= 0 && !out.includes(i)) out.push(i);
  }
  return out;
}

/** How a ticker is written: "SZ:300750" (prefix), "0700.HK" (suffix), "$ARM" (dollar) or a bare code. */
type TickerStyle = 'prefix' | 'suffix' | 'dollar' | 'bare';

function styleOf(written: string): TickerStyle {
  if (written.includes(':') || written.includes('：')) return 'prefix';
  if (written.startsWith('$')) return 'dollar';
  // (No regular expression here: scanners keep the analysis free of backtracking; see regex-audit.)
  const folded = foldText(written);
  const dot = folded.indexOf('.');
  if (dot > 0 && dot < folded.length - 1 && isCodeRun(folded, 0, dot) && isUpperRun(folded, dot + 1, folded.length)) return 'suffix';
  return 'bare';
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** Capitals and digits only, between two offsets. */
function isCodeRun(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isUpper(s.charCodeAt(i)) && !isDigit(s.charCodeAt(i))) return false;
  return true;
}

/** Capitals only, between two offsets. */
function isUpperRun(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isUpper(s.charCodeAt(i))) return false;
  return true;
}

/** Suffixes of the usual "CODE.SUF" spelling per exchange ("0700.HK", "9984.T"). */
const SUFFIX_OF: Readonly<Record<string, string>> = {
  SZ: 'SZ', SH: 'SH', BJ: 'BJ', HK: 'HK', TSE: 'T', KRX: 'KS', TWSE: 'TW', TPEX: 'TWO', LSE: 'L', EURONEXT: 'AS',
};

/** A Hong Kong code as usually written after a dot: four digits when its fifth is a leading zero. */
const hkShort = (code: string) => (code.length === 5 && code.startsWith('0') ? code.slice(1) : code);

/**
 * A canonical key written in a style: "HK:00700" as "0700.HK" (suffix), "HK:00700"
 * (prefix), "00700" (bare, on the exchange the written ticker was on); a US listing as its
 * bare code, or "$CODE". A listing that a style cannot carry is written with its suffix.
 */
export function writeTicker(key: string, style: TickerStyle, sameExchange: boolean, spaceAfterColon = false): string {
  const exchange = exchangeOfKey(key);
  const code = codeOfKey(key);
  const us = US_EXCHANGES.has(exchange);
  const suffix = () => (us ? code : SUFFIX_OF[exchange] ? `${exchange === 'HK' ? hkShort(code) : code}.${SUFFIX_OF[exchange]}` : key);
  switch (style) {
    case 'prefix':
      return exchange === 'US' ? code : `${exchange}:${spaceAfterColon ? ' ' : ''}${code}`;
    case 'dollar':
      return us ? `$${code}` : suffix();
    case 'bare':
      return sameExchange || us ? code : suffix();
    default:
      return suffix();
  }
}

/**
 * The named company's ticker to write instead of `written`, whose listing is on
 * `exchange`: its listing on the same exchange when it has one, else its first (primary)
 * listing; written in the same style. Null when the company has no ticker.
 */
export function replacementTicker(named: Entity, written: string, exchange: string): string | null {
  // Prefixed keys first ("NASDAQ:BIDU" rather than its bare copy "BIDU").
  const keys = [...new Set(named.tickers)].sort((a, b) => Number(!a.includes(':')) - Number(!b.includes(':')));
  if (!keys.length) return null;
  const usGroup = exchange === 'US';
  const same = keys.find((k) => exchangeOfKey(k) === exchange || (usGroup && US_EXCHANGES.has(exchangeOfKey(k))));
  const key = same ?? named.tickers[0];
  const style = styleOf(written);
  return writeTicker(key, style, same !== undefined, written.includes(': '));
}

/** Kinds of names a ticker is checked against: companies and funds, not products or people. */
const CHECKED_KINDS = new Set(['company', 'fund']);

/** Whether the text between two offsets is at most two spaces (a name and its ticker side by side). */
function besideOnly(text: string, from: number, to: number): boolean {
  if (to < from || to - from > 2) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 0x3000) return false;
  }
  return true;
}

/** A ticker in an explicit form (exchange, suffix, $ or digits), not a bare capital code that could be a word. */
function explicitForm(written: string): boolean {
  for (let i = 0; i < written.length; i++) {
    const c = written.charCodeAt(i);
    if (c === 58 || c === 46 || c === 36 || c === 0xff1a || isDigit(c) || (c >= 0xff10 && c <= 0xff19)) return true;
  }
  return false;
}

/**
 * The tickers of a note written beside another company's name. `mentions` are the note's,
 * in text order, as analysed with `g`. Nothing is reported when the ticker is unknown, when
 * it is one of the named company's own (any share class or market), when the data knows
 * the two as a unit and its parent, when a bare capital code follows a company with no US
 * listing (a short name, not a ticker), when the name is also one of the ticker's company's
 * (an ambiguous name), or when the same brackets name the ticker's company too
 * ("蚂蚁集团(阿里巴巴, 9988.HK)").
 */
export function tickerMismatches(text: string, mentions: readonly Mention[], g: Gazetteer): TickerMismatch[] {
  const out: TickerMismatch[] = [];
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.ticker === null || m.tickerOffset < 0) continue;
    let name: Mention | undefined;
    if (m.tickerOffset !== m.offset) {
      // "腾讯 (9988.HK)": the ticker of the name's own parenthesis.
      name = m;
      // Another name between them, of the ticker's company, explains it.
      let explained = false;
      for (let j = k + 1; j < mentions.length && mentions[j].offset < m.tickerOffset; j++) {
        if (tickerOwners(g, m.ticker).some((i) => g.at(i).id === mentions[j].id)) explained = true;
      }
      if (explained) continue;
    } else {
      // "邁為股份 SZ:300750": a ticker read as a mention of its own, right after a name.
      const prev = k > 0 ? mentions[k - 1] : undefined;
      if (!prev || prev.ticker !== null || !explicitForm(m.ticker) || !besideOnly(text, prev.offset + prev.length, m.offset)) continue;
      name = prev;
    }
    const named = g.get(name.id);
    if (!named || !CHECKED_KINDS.has(named.kind) || !CHECKED_KINDS.has(name.kind)) continue;
    const owners = tickerOwners(g, m.ticker);
    if (!owners.length) continue; // unknown ticker: nothing to say
    if (owners.some((i) => g.at(i).id === named.id)) continue; // one of its own listings
    const owner = g.at(owners[0]);
    if (related(named, owner)) continue;
    // A bare capital code ("TEL", "TARS") beside a company without a US listing is more
    // likely its short name than a ticker: "东京威力科创（TEL）" is Tokyo Electron, whatever
    // trades as TEL in New York.
    if (!explicitForm(m.ticker) && !named.tickers.some((t) => US_EXCHANGES.has(exchangeOfKey(t)))) continue;
    // An ambiguous name: the ticker's company is also called so ("软银" for both SoftBanks).
    const written = foldText(text.slice(name.offset, name.offset + name.length)).toLowerCase();
    if (owner.names.some((n) => foldText(n).toLowerCase() === written)) continue;
    const keys = tickerKeys(m.ticker)!;
    const ownerKey = keys.find((key) => g.tickerIndex(key) === owners[0]) ?? keys[0];
    out.push({
      offset: m.tickerOffset,
      length: m.ticker.length,
      ticker: m.ticker,
      named,
      nameOffset: name.offset,
      nameLength: name.length,
      owner,
      replacement: replacementTicker(named, m.ticker, listingExchange(ownerKey, owner)),
    });
  }
  return out;
}
