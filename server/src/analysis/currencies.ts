/**
 * Currency markers in three scripts: symbols ($, HK$, ¥, €), ISO codes (USD, HKD, RMB) and words
 * (美元, 港币, 人民币, 元, yuan, dollars). Matching runs on the folded text, so Traditional forms
 * (港幣, 歐元, 英鎊, 日圓) are found through their Simplified counterparts. Which markers name which
 * currency is data of currencyTable.ts; this module builds its lookup tables from it once, at load.
 *
 * Matchers fill a caller-owned `CurrencyMatch` and never allocate.
 */

import { CURRENCY_TABLE, type MarkerSpec } from './currencyTable';

/** A currency marker found next to a number. */
export interface CurrencyMatch {
  /** ISO 4217 code. */
  code: string;
  /** Start of the marker in the text (for prefixes, the start of the span). */
  start: number;
  /** End of the marker (exclusive). */
  end: number;
  /**
   * Needs support from the context. Suffixes: 元 or 块 alone, common in other words (三元前驱体,
   * 两块电池). Prefixes: currency words (人民币, 美元), which also open exchange rates
   * ("人民币7.3兑1美元"), so they count only before an amount with 万/亿 or its own 元.
   */
  weak: boolean;
  /** A bare ¥/￥ whose currency had to be guessed from the context. */
  yenSign: boolean;
  /** Units of the currency per unit written: 0.01 for cents, pence and 港仙, else 1. */
  factor: number;
  /** A hundredth of whichever dollar the passage is about ("86 cents", "50¢"), not of `code` itself. */
  cents: boolean;
  /** Counts only after an English scale word: "pounds" and "won" alone are also weight and a verb. */
  needsScale: boolean;
}

/** Creates an empty match object. */
export function newCurrencyMatch(): CurrencyMatch {
  return { code: '', start: 0, end: 0, weak: false, yenSign: false, factor: 1, cents: false, needsScale: false };
}

interface Marker {
  text: string;
  /** The length of `text` and its second code unit (lower case where case folds; -1 for one-unit markers). */
  length: number;
  second: number;
  /** Its last but one code unit, the same way (-1 for one-unit markers). */
  penult: number;
  code: string;
  /** ASCII words need word edges and match case-insensitively (except ISO codes). */
  ascii: boolean;
  caseSensitive: boolean;
  weak: boolean;
  factor: number;
  cents: boolean;
  needsScale: boolean;
}

function marker(text: string, code: string, weak = false): Marker {
  const ascii = /^[\x20-\x7e]+$/.test(text);
  const caseSensitive = ascii && /^[A-Z]+$/.test(text);
  let second = text.length > 1 ? text.charCodeAt(1) : -1;
  if (!caseSensitive && second >= 65 && second <= 90) second += 32;
  let penult = text.length > 1 ? text.charCodeAt(text.length - 2) : -1;
  if (!caseSensitive && penult >= 65 && penult <= 90) penult += 32;
  return { text, length: text.length, second, penult, code, ascii, caseSensitive, weak, factor: 1, cents: false, needsScale: false };
}

/** A marker of the table (currencyTable.ts) with its flags; a case-sensitive one keeps the case of its second and last but one units. */
function fromSpec(spec: MarkerSpec, code: string): Marker {
  if (typeof spec === 'string') return marker(spec, code);
  const m = marker(spec.text, code, spec.weak ?? false);
  m.factor = spec.factor ?? 1;
  m.cents = spec.cents ?? false;
  m.needsScale = spec.needsScale ?? false;
  if (spec.caseSensitive) {
    m.caseSensitive = true;
    m.second = spec.text.length > 1 ? spec.text.charCodeAt(1) : -1;
    m.penult = spec.text.length > 1 ? spec.text.charCodeAt(spec.text.length - 2) : -1;
  }
  return m;
}

/**
 * The markers of the table, built once at load. Codes (USD, RMB) and Chinese names are read
 * on both sides of a number; a Chinese name before one is weak (it also opens exchange rates:
 * "人民币7.3兑1美元"). The order does not matter: the lists are sorted longest first below, and
 * markers of one length that match the same text name the same currency.
 */
const SUFFIXES: Marker[] = [];
const PREFIXES: Marker[] = [];
for (const row of CURRENCY_TABLE) {
  for (const w of row.zh ?? []) {
    SUFFIXES.push(marker(w, row.code));
    PREFIXES.push(marker(w, row.code, true));
  }
  for (const spec of row.after ?? []) SUFFIXES.push(fromSpec(spec, row.code));
  for (const spec of row.before ?? []) PREFIXES.push(fromSpec(spec, row.code));
  for (const c of row.codes) {
    SUFFIXES.push(marker(c, row.code));
    PREFIXES.push(marker(c, row.code));
  }
}

function byFirstCode(list: Marker[], last: boolean): Map<number, Marker[]> {
  const m = new Map<number, Marker[]>();
  for (const mk of list) {
    let key = mk.text.charCodeAt(last ? mk.text.length - 1 : 0);
    if (mk.ascii && key >= 97 && key <= 122) key -= 32; // index by upper case (textAt then checks the case)
    const arr = m.get(key) ?? [];
    arr.push(mk);
    m.set(key, arr);
  }
  // Longest first, so 元人民币 wins over 元 and US$ over $.
  for (const arr of m.values()) arr.sort((a, b) => b.text.length - a.text.length);
  return m;
}

/** The lists of a map by code unit, as a table read: lists[index[c]] (index 0 = no list). */
function asTable(m: Map<number, Marker[]>): { index: Uint16Array; lists: Marker[][] } {
  const index = new Uint16Array(65536);
  const lists: Marker[][] = [[]];
  for (const [key, arr] of m) {
    index[key] = lists.length;
    lists.push(arr);
  }
  return { index, lists };
}

const SUFFIX_BY_FIRST = asTable(byFirstCode(SUFFIXES, false));
const PREFIX_BY_LAST = asTable(byFirstCode(PREFIXES, true));

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Compares `word` with the text at `i`; ASCII letters fold case unless `caseSensitive`. */
function textAt(s: string, i: number, word: string, caseSensitive: boolean): boolean {
  const m = word.length;
  if (i < 0 || i + m > s.length) return false;
  for (let k = 0; k < m; k++) {
    let c = s.charCodeAt(i + k);
    const w = word.charCodeAt(k);
    if (!caseSensitive) {
      if (c >= 65 && c <= 90) c += 32;
      if (w >= 65 && w <= 90 ? c !== w + 32 : c !== w) return false;
    } else if (c !== w) return false;
  }
  return true;
}

const upperKey = (c: number): number => (c >= 97 && c <= 122 ? c - 32 : c);

/**
 * Matches a currency marker starting at `i` (one space may come first: "1,350 亿 美元" is rare,
 * but "135 billion dollars" and "3–4 美元" are common). Returns true and fills `out`.
 */
export function matchCurrencyAfter(s: string, i: number, out: CurrencyMatch): boolean {
  for (let skip = 0; skip <= 1; skip++) {
    const j = i + skip;
    // One space, or a hyphen before a word ("50-billion-yuan").
    const hyphen = skip === 1 && s.charCodeAt(i) === 45;
    if (skip === 1 && s.charCodeAt(i) !== 32 && !hyphen) break;
    const k = SUFFIX_BY_FIRST.index[upperKey(s.charCodeAt(j))];
    if (!k) continue; // 0, or undefined past the end of the text
    const list = SUFFIX_BY_FIRST.lists[k];
    // The second code unit first (lower case where the marker's case folds): most markers fail there.
    const c1 = s.charCodeAt(j + 1);
    const c1Lower = c1 >= 65 && c1 <= 90 ? c1 + 32 : c1;
    for (let q = 0; q < list.length; q++) {
      const mk = list[q];
      if (mk.second >= 0 && (mk.caseSensitive ? c1 : c1Lower) !== mk.second) continue;
      if (!textAt(s, j, mk.text, mk.caseSensitive)) continue;
      if (hyphen && !isLetter(mk.text.charCodeAt(0))) continue;
      if (mk.ascii && isLetter(mk.text.charCodeAt(mk.text.length - 1)) && isLetter(s.charCodeAt(j + mk.text.length))) continue;
      // Glued Latin words ("5dollars") are fine, but "3USD" inside an identifier is not.
      out.code = mk.code;
      out.start = j;
      out.end = j + mk.text.length;
      out.weak = mk.weak;
      out.yenSign = false;
      out.factor = mk.factor;
      out.cents = mk.cents;
      out.needsScale = mk.needsScale;
      return true;
    }
  }
  return false;
}

/**
 * 1 for the code units a marker written before a number can end with: ISO codes only in upper
 * case (they match case-sensitively), the other Latin markers in both cases. Most code units
 * before a number (lower-case letters of English words, most CJK characters) fail here.
 */
const PREFIX_LAST = new Uint8Array(65536);
for (const mk of PREFIXES) {
  const c = mk.text.charCodeAt(mk.length - 1);
  PREFIX_LAST[c] = 1;
  if (!mk.caseSensitive && isLetter(c)) PREFIX_LAST[c ^ 0x20] = 1;
}

/** False when no currency marker written before a number ends with the code unit `c`. */
export function maybePrefixEnd(c: number): boolean {
  return PREFIX_LAST[c] === 1;
}

/**
 * Like `maybePrefixEnd`, but with every letter in both cases (ISO codes too): the looser test
 * the money scanner has always used to decide which numbers it may pass over unread.
 */
export function maybePrefixEndAnyCase(c: number): boolean {
  return PREFIX_BY_LAST.index[upperKey(c)] > 0;
}

/**
 * Every code unit for which `maybePrefixEndAnyCase` can hold (and some for which it does not):
 * the last code unit of each marker written before a number, in both cases. A table of the
 * test is built from these, not from a pass over all 65,536 code units.
 */
export function prefixEndCandidates(): number[] {
  const out: number[] = [];
  for (const mk of PREFIXES) {
    const c = mk.text.charCodeAt(mk.length - 1);
    out.push(c);
    if (isLetter(c)) out.push(c ^ 0x20);
  }
  return out;
}

/**
 * Matches a currency marker ending at `i` (optionally followed by one space before the number):
 * "$", "HK$", "USD ", "人民币". Returns true and fills `out` (start = where the marker begins).
 */
export function matchCurrencyBefore(s: string, i: number, out: CurrencyMatch): boolean {
  for (let skip = 0; skip <= 1; skip++) {
    const j = i - skip; // the marker ends at j
    if (skip === 1 && s.charCodeAt(i - 1) !== 32) break;
    if (j <= 0) return false;
    const last = s.charCodeAt(j - 1);
    if (PREFIX_LAST[last] !== 1) continue;
    const k = PREFIX_BY_LAST.index[upperKey(last)];
    const list = PREFIX_BY_LAST.lists[k];
    // The last but one code unit first (lower case where the marker's case folds): most markers fail there.
    const c1 = s.charCodeAt(j - 2);
    const c1Lower = c1 >= 65 && c1 <= 90 ? c1 + 32 : c1;
    for (let q = 0; q < list.length; q++) {
      const mk = list[q];
      if (mk.penult >= 0 && (mk.caseSensitive ? c1 : c1Lower) !== mk.penult) continue;
      const st = j - mk.length;
      if (!textAt(s, st, mk.text, mk.caseSensitive)) continue;
      // Latin prefixes need a word edge before them: "HK$" inside "XHK$" is not HK$.
      if (mk.ascii && isLetter(mk.text.charCodeAt(0)) && isLetter(s.charCodeAt(st - 1))) continue;
      // "USD/CNY 7.25" is an exchange rate, not an amount of yuan.
      if (mk.caseSensitive && s.charCodeAt(st - 1) === 47) continue;
      out.code = mk.code;
      out.start = st;
      out.end = j;
      out.weak = mk.weak;
      out.yenSign = mk.text === '¥' || mk.text === '￥';
      out.factor = 1;
      out.cents = false;
      out.needsScale = false;
      return true;
    }
  }
  return false;
}

/** Words near a ¥ that make it the yen: Japan, its currency, cities, press and best-known issuers. */
const JAPAN_CUES = [
  '日元', '日圆', '円', 'JPY', 'yen', '日本', 'Japan', '东京', 'Tokyo', 'Osaka', 'Nikkei', '日经', 'Jiji', 'Kyodo',
  'Toyota', 'Sony', 'SoftBank', 'Nissan', 'Honda', 'Mitsubishi', 'Panasonic', 'Hitachi', 'Toshiba', 'Nintendo',
  '丰田', '索尼', '软银', '日产', '本田', '三菱', '松下', '日立', '东芝', '任天堂',
];
/** Words near a ¥ that make it the yuan. */
const CHINA_CUES = ['人民币', 'RMB', 'yuan', 'renminbi', 'China', 'Chinese', 'Beijing', 'Shanghai', 'Shenzhen', '中国', '内地', 'A股'];
/** How far from a ¥ a cue still decides its reading. */
const YEN_WINDOW = 300;

/**
 * Decides what bare ¥ signs mean: the reading of the nearest cue within a bounded window —
 * JPY for a Japanese one (日元, 円, JPY, Japan, Tokyo, Toyota …), CNY for a Chinese one (人民币,
 * yuan, China …) — else CNY, the common reading in Chinese digests. Build one per document:
 * the cue positions are collected on the first call, so many ¥ signs cost one pass in total.
 */
export class YenResolver {
  private cues: { at: number; jp: boolean }[] | null = null;
  constructor(private readonly s: string) {}

  /** The currency of the ¥ at `at`. */
  resolve(at: number): string {
    if (this.cues === null) {
      const cues: { at: number; jp: boolean }[] = [];
      for (const [list, jp] of [[JAPAN_CUES, true], [CHINA_CUES, false]] as [string[], boolean][]) {
        for (const cue of list) for (let k = this.s.indexOf(cue); k >= 0; k = this.s.indexOf(cue, k + 1)) cues.push({ at: k, jp });
      }
      this.cues = cues.sort((x, y) => x.at - y.at);
    }
    // Binary search for the first cue at or after at - YEN_WINDOW, then the nearest in the window.
    const c = this.cues;
    let lo = 0;
    let hi = c.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (c[mid].at < at - YEN_WINDOW) lo = mid + 1;
      else hi = mid;
    }
    let best: { at: number; jp: boolean } | null = null;
    for (let k = lo; k < c.length && c[k].at <= at + YEN_WINDOW; k++) {
      if (best === null || Math.abs(c[k].at - at) < Math.abs(best.at - at)) best = c[k];
    }
    if (best === null) {
      // No cue near: the reading of the ¥ before it in the same paragraph ("lost ¥258.9 billion…
      // expected ¥203.4 billion"), else the yuan.
      const prev = this.decided;
      if (prev !== null && at - prev.at <= 2 * YEN_WINDOW) {
        const lineEnd = this.s.indexOf('\n', prev.at);
        if (lineEnd < 0 || lineEnd > at) return prev.currency;
      }
      return 'CNY';
    }
    const currency = best.jp ? 'JPY' : 'CNY';
    this.decided = { at, currency };
    return currency;
  }
  /** The last ¥ a cue decided, and how. */
  private decided: { at: number; currency: string } | null = null;
}

/** True when `code` is an ISO 4217 code this module can produce. */
export function isKnownCurrency(code: string): boolean {
  return SUFFIXES.some((m) => m.code === code) || PREFIXES.some((m) => m.code === code);
}

/** Words (folded) that place a passage in Taiwan: its currency, market, institutions, largest issuers. */
const TAIWAN_CUES = [
  '新台币', '台币', 'NT$', '台股', '柜买', '上柜', '兴柜', '金管会', '法说会', '主计总处', '国发会', '台湾', '台北',
  '新竹', '台积电', '鸿海', '联发科', '广达', '台达电', '日月光', '联电', '纬创', '富邦金', '国泰金', '中华电',
  // Taiwan's own financial words: 纯益 and 每股盈余 (mainland 净利润, 每股收益), 金控, 现金股利, 配息, 上市柜.
  '纯益', '每股盈余', '金控', '现金股利', '配息', '上市柜', '营益率',
];
/** Words that place a passage in Hong Kong's market. */
// (Not 港元 or HK$: a passage that names the Hong Kong dollar outright uses a bare 元 for another.)
const HONG_KONG_CUES = ['港股', '恒指', '恒生指数', '港交所', '联交所', '港仙', '香港'];
/** Words of Hong Kong's market that the mainland does not use: they place a passage there in any script. */
const HONG_KONG_ONLY = [
  '收市', '孖展', '暗盘', '入场费', '半新股', '恒指', '港仙', '汇控', '港交所', '高见', '低见', '招股价', '沽空',
  // Hong Kong's property market counts in square feet (呎): 方呎, 实呎, 呎价 (尺价), and sells by
  // price lists (价单) at discounted prices (折实).
  '方呎', '实呎', '呎价', '尺价', '价单', '折实',
];
/**
 * Hong Kong's reporting words: 纯利, 每股盈利, 按年 (mainland 净利润, 每股收益, 同比), 中期息, 末期息,
 * 集资, 每手 (a board lot's value). Mainland companies listed in Hong Kong report in them too, in yuan: in Simplified text
 * they count like 香港, in Traditional text like the market words.
 */
const HONG_KONG_REPORTING = ['纯利', '每股盈利', '按年', '中期息', '末期息', '集资', '每手'];
/**
 * Characters before a cue that make it the tail of a longer, ordinary word: 集资 in 募集资金
 * (mainland "funds raised"), 纯利 in 单纯利用, 按年 in 按年度 is after, see CUE_NOT_BEFORE.
 */
const CUE_NOT_AFTER = new Map<string, string>([['集资', '募'], ['纯利', '单'], ['收市', '回']]);
/** Characters after a cue that make it the head of a longer word (按年度, 按年龄). */
const CUE_NOT_BEFORE = new Map<string, string>([['按年', '度龄'], ['高见', '解']]);
function inLongerWord(s: string, w: string, k: number): boolean {
  const before = CUE_NOT_AFTER.get(w);
  if (before !== undefined && k > 0 && before.includes(s[k - 1])) return true;
  const after = CUE_NOT_BEFORE.get(w);
  return after !== undefined && after.includes(s[k + w.length] ?? '');
}
/** Words that place a passage in the mainland's currency or markets. */
const MAINLAND_CUES = [
  '人民币', 'RMB', 'A股', '沪深', '上证', '深证', '科创板', '创业板', '北交所', '沪指', '深成指', '内地', '大陆',
  '同比', '环比', '每股收益', '净利润', '营业收入',
];

/** Cue kinds, as indices into the counts a line scan returns. */
const CUE_TW = 0;
const CUE_HK = 1;
const CUE_HK_ONLY = 2;
const CUE_CN = 3;
const CUE_HK_REPORT = 4;
/** A code written "(00700.HK)": counts like 香港 in Traditional text, not at all in Simplified. */
const CUE_HK_CODE = 5;
/**
 * A four-digit code in parentheses ("(2330)"): Taiwan's way of writing a listing, and Hong
 * Kong papers' short way too ("信達生物(1801)"). It counts for Taiwan only where no word of
 * Hong Kong's own market (收市, 暗盤, 集資 in Traditional text…) is near.
 */
const CUE_TW_CODE = 6;
/** Cue lists by first code unit, for the bounded line scan. */
const CUES_BY_FIRST = new Map<number, [string, number][]>();
for (const [list, kind] of [[TAIWAN_CUES, CUE_TW], [HONG_KONG_CUES, CUE_HK], [HONG_KONG_ONLY, CUE_HK_ONLY], [HONG_KONG_REPORTING, CUE_HK_REPORT], [MAINLAND_CUES, CUE_CN]] as [string[], number][]) {
  for (const w of list) {
    const k = w.charCodeAt(0);
    const arr = CUES_BY_FIRST.get(k) ?? [];
    arr.push([w, kind]);
    CUES_BY_FIRST.set(k, arr);
  }
}
/** One bit per (first, second) code-unit pair of a cue, hashed: most characters fail here at one read. */
const CUE_PAIR = new Uint8Array(1 << 16);
const pairHash = (c0: number, c1: number): number => (c0 * 31 + c1) & 0xffff;
for (const list of CUES_BY_FIRST.values()) for (const [w] of list) CUE_PAIR[pairHash(w.charCodeAt(0), w.charCodeAt(1))] = 1;
CUE_PAIR[pairHash(40, 48)] = CUE_PAIR[pairHash(40, 49)] = 1; // "(0…" and "(1…" open stock codes
for (let d = 50; d <= 57; d++) CUE_PAIR[pairHash(40, d)] = 1;
/**
 * 1 for the first and second code units of every cue (and of "(" and a digit): where the code
 * unit after `k` is none of them, no cue starts at `k` or at `k + 1`.
 */
const CUE_UNIT = new Uint8Array(65536);
for (const list of CUES_BY_FIRST.values()) for (const [w] of list) CUE_UNIT[w.charCodeAt(0)] = CUE_UNIT[w.charCodeAt(1)] = 1;
CUE_UNIT[40] = 1;
for (let d = 48; d <= 57; d++) CUE_UNIT[d] = 1;
/** How far the line scan reads on each side of a figure. */
const LINE_WINDOW = 600;

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/** The length of the stock code in parentheses at `k` ("(2330)" → 4, "(00700)" → 5), else 0. */
function parenCode(s: string, k: number): number {
  let j = k + 1;
  while (j - k <= 6 && isDigitCode(s.charCodeAt(j))) j++;
  // "(00700.HK)", "(0700.hk)": a Hong Kong listing written with its market, read as a five-digit code.
  if (s.charCodeAt(j) === 46 && j - k - 1 >= 4 && (s.charCodeAt(j + 1) | 0x20) === 104 && (s.charCodeAt(j + 2) | 0x20) === 107 && s.charCodeAt(j + 3) === 41) return HK_LISTING;
  return s.charCodeAt(j) === 41 ? j - k - 1 : 0;
}
/** What parenCode returns for a code written with ".HK". */
const HK_LISTING = -1;

/**
 * The currency the cues of a passage name, or null when they name none or are tied: the kind
 * with the most cues wins. Hong Kong's general words (港股, 香港) decide only in Traditional
 * script, where 元 is written for the Hong Kong dollar, and only two or more of them; its own
 * market words decide in any script.
 */
function currencyOfCues(c: Int32Array, traditional: boolean): string | null {
  // Hong Kong's own market words decide alone; its general ones (香港, 港股) take two, in Traditional script.
  const only = c[CUE_HK_ONLY] + (traditional ? c[CUE_HK_REPORT] : 0);
  const tw = c[CUE_TW] + (only > 0 ? 0 : c[CUE_TW_CODE]);
  const general = c[CUE_HK] + (traditional ? c[CUE_HK_CODE] : c[CUE_HK_REPORT]);
  const hk = only > 0 || (traditional && general >= 2) ? general + only : 0;
  const cn = c[CUE_CN];
  if (cn > tw && cn > hk) return 'CNY';
  if (tw > hk && tw >= cn) return 'TWD';
  if (hk > tw && hk >= cn) return 'HKD';
  return null;
}

/**
 * Decides what a bare 元 (亿元, 兆元, 十九点五元) means. In mainland text it is the yuan; in a
 * passage about Taiwan (新台币, 台股, Taiwan's institutions and largest issuers) the New Taiwan
 * dollar; in a Traditional-script passage about Hong Kong's market the Hong Kong dollar. The
 * line of the figure decides first; a line without cues follows the whole document, and cues
 * that disagree keep the yuan. Build one per document: the document is read at most once.
 */
export class YuanResolver {
  /** The last window read and its reading: figures of one paragraph share it. */
  private lineFrom = -1;
  private lineTo = -1;
  private lineCurrency: string | null = null;
  private readonly counts = new Int32Array(7);
  /** The cues of every window read so far: the reading of a line that has none of its own. */
  private readonly seen = new Int32Array(7);
  /** The line of the last figure: from `lineStart` to its line break (or the end) at `lineEnd`. */
  private lineStart = -1;
  private lineEnd = -1;
  /**
   * The cues found so far, in order of position (`hitAt`) with their kinds (`hitKind`): every
   * cue that starts from `coverFrom` to `coverTo`. Windows of one long line overlap; the part
   * they share is read once.
   */
  private hitAt: number[] = [];
  private hitKind: number[] = [];
  private coverFrom = 0;
  private coverTo = 0;
  /** `u` holds the code units of `s` (text.ts's shared buffer, valid while the figures are read). */
  constructor(private readonly s: string, private readonly u: Uint16Array, private readonly traditional: boolean) {}

  resolve(at: number): string {
    if (!(at >= this.lineFrom && at < this.lineTo)) {
      // The line of the figure, at most LINE_WINDOW on each side (bounded: one huge line must
      // not make every figure read all of it); only lines that hold a 元 figure are ever read.
      // Figures come in order, so each line's ends are looked for once.
      if (!(at >= this.lineStart && at <= this.lineEnd)) {
        this.lineStart = at > 0 ? this.s.lastIndexOf('\n', at - 1) + 1 : 0;
        const e = this.s.indexOf('\n', at);
        this.lineEnd = e < 0 ? this.s.length : e;
      }
      const from = Math.max(this.lineStart, at - LINE_WINDOW);
      const to = Math.min(this.lineEnd, at + LINE_WINDOW);
      const c = this.cuesIn(from, to);
      // Windows of one long line overlap: the document's tally takes each part once.
      if (from >= this.lineTo) for (let k = 0; k < 7; k++) this.seen[k] += c[k];
      this.lineCurrency = currencyOfCues(c, this.traditional);
      this.lineFrom = from;
      this.lineTo = to;
    }
    return this.lineCurrency ?? currencyOfCues(this.seen, this.traditional) ?? 'CNY';
  }

  /** Counts the cues of each kind that start from `from` to `to`. */
  private cuesIn(from: number, to: number): Int32Array {
    if (from < this.coverFrom || from > this.coverTo) {
      this.hitAt.length = 0;
      this.hitKind.length = 0;
      this.coverFrom = this.coverTo = from;
    }
    if (to > this.coverTo) {
      findCues(this.s, this.u, this.coverTo, to, this.hitAt, this.hitKind);
      this.coverTo = to;
    }
    const counts = this.counts.fill(0);
    const at = this.hitAt;
    // The first cue at or after `from`.
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < at.length && at[k] < to; k++) counts[this.hitKind[k]]++;
    return counts;
  }
}

/**
 * The first position from `from` to `to` (`to` when none) where the first two code units of
 * a cue may stand. The tight loop of the cue scan, kept apart from the handling of its rare hits.
 */
function nextCuePair(u: Uint16Array, from: number, to: number): number {
  // The tables in locals: the loop reads them at every step.
  const unit = CUE_UNIT;
  const pair = CUE_PAIR;
  for (let k = from; k < to; k++) {
    const c1 = u[k + 1]; // the buffer holds two zeros past the end
    if (unit[c1] === 0) {
      k++; // no cue starts at k or k + 1
      continue;
    }
    if (pair[(u[k] * 31 + c1) & 0xffff] === 1) return k; // pairHash(u[k], c1)
  }
  return to;
}

/** Appends the position and kind of every cue that starts from `from` to `to`. */
function findCues(s: string, u: Uint16Array, from: number, to: number, hitAt: number[], hitKind: number[]): void {
  for (let k = nextCuePair(u, from, to); k < to; k = nextCuePair(u, k + 1, to)) {
    const c0 = u[k];
    if (c0 === 40) {
      const len = parenCode(s, k);
      const c1 = u[k + 1];
      if (len === 4 && c1 !== 48) {
        hitAt.push(k);
        hitKind.push(CUE_TW_CODE);
      } else if (len === HK_LISTING) {
        hitAt.push(k);
        hitKind.push(CUE_HK_CODE);
      } else if (len === 5 && c1 === 48) {
        hitAt.push(k);
        hitKind.push(CUE_HK);
      }
    } else {
      const list = CUES_BY_FIRST.get(c0);
      if (list) {
        for (const [w, kind] of list) {
          if (s.startsWith(w, k) && !inLongerWord(s, w, k)) {
            hitAt.push(k);
            hitKind.push(kind);
          }
        }
      }
    }
  }
}
