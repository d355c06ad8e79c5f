/**
 * The monetary-figure recogniser: finds amounts of money in bilingual digest text.
 *
 * One pass over the folded text (full-width → ASCII, Traditional → Simplified, same offsets) stops
 * only at anchors: an Arabic digit, a character that can open a Chinese numeral, or the first
 * letter of an English vague amount ("billions"). From an anchor it reads, inside bounded
 * windows, a numeral, an optional range end, the currency (before or after), a per-unit suffix
 * and the hedge words around the span. A short second pass over the figures found handles what
 * needs neighbours: conversions that inherit a hedge, coordinated hedges ("至多A和B") and bare
 * amounts ("数千万甚至上亿美元", "to billions") that take their currency from the same sentence.
 */
import type { Figure } from './types';
import {
  CN_NUMERAL_CHAR, CN_NUMERAL_CHAR_CODES, CN_NUMERAL_START, CN_NUMERAL_START_CODES, cnDigit, cnUnit, type EnglishScale, type Numeral, isSpace, newNumeral, parseEnglishScale,
  parseEnglishVague, parseNumeral, skipDigitRun, tidyNumber, wordAt,
} from './numbers';
import {
  type CurrencyMatch, YenResolver, YuanResolver, matchCurrencyAfter, matchCurrencyBefore, maybePrefixEnd, maybePrefixEndAnyCase, newCurrencyMatch, prefixEndCandidates,
} from './currencies';
import { codeUnits } from './text';

// ---------------------------------------------------------------------------------------------
// Context: hedge words, per-unit suffixes and unit-price cues. Small tables, bounded windows.
// ---------------------------------------------------------------------------------------------

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** CJK ideographs (not CJK punctuation such as 、 or ,). */
function isCjkIdeograph(c: number): boolean {
  return (c >= 0x3400 && c < 0xa000) || (c >= 0xf900 && c < 0xfb00);
}

/** True when `word` occurs at `i` (ASCII compared case-insensitively). */
function startsWithAt(s: string, i: number, word: string): boolean {
  const m = word.length;
  if (i < 0 || i + m > s.length) return false;
  for (let k = 0; k < m; k++) {
    let c = s.charCodeAt(i + k);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== word.charCodeAt(k)) return false;
  }
  return true;
}

function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** True when `word` ends at `end`. */
function endsWithAt(s: string, end: number, word: string): boolean {
  return startsWithAt(s, end - word.length, word);
}

interface Hedge {
  word: string;
  /** False for words that report an observed price rather than bound an amount (最高涨至, 低至). */
  approx: boolean;
}

/**
 * Hedge and bound words written before an amount, Simplified (the text is folded) and English.
 * Not hedges: 预计/预期/估计 (forecasts), 高达 (emphasis), expected/projected.
 */
const LEAD_HEDGES: Hedge[] = [
  ...['最高涨至', '最高涨到', '最高升至', '最高触及', '最低跌至', '最低降至', '最低至', '低至'].map((word) => ({ word, approx: false })),
  ...[
    '约', '约为', '约合', '大约', '大概', '近', '接近', '将近', '逼近', '超', '超过', '超出', '逾', '突破', '破', '最高',
    '最多', '至多', '至少', '最少', '不到', '不足', '低于', '不超过', '不少于', '少于', '多于',
    'about', 'around', 'approximately', 'approx.', 'roughly', 'nearly', 'almost', 'up to', 'as much as',
    'more than', 'over', 'under', 'less than', 'at least', 'at most', 'close to', 'upwards of', 'north of',
    'in excess of', 'some', '~', '≈',
  ].map((word) => ({ word, approx: true })),
].sort((x, y) => y.word.length - x.word.length);

/** Lead hedges by their last code unit: LEAD_LISTS[LEAD_INDEX[c]] (index 0 = none), one table read when none applies. */
const LEAD_INDEX = new Uint8Array(65536);
const LEAD_LISTS: Hedge[][] = [[]];
for (const h of LEAD_HEDGES) {
  const key = h.word.charCodeAt(h.word.length - 1);
  if (LEAD_INDEX[key] === 0) {
    LEAD_INDEX[key] = LEAD_LISTS.length;
    LEAD_LISTS.push([]);
  }
  LEAD_LISTS[LEAD_INDEX[key]].push(h); // LEAD_HEDGES is sorted longest first, and so is every list.
}

/** Bounds written after an amount: "3000亿美元以上", "500亿元左右". */
const TRAIL_HEDGES = ['以上', '以下', '左右', '上下', '出头', 'or more', 'or so'];
/** 1 for the first code units of TRAIL_HEDGES (both cases of a letter). */
const TRAIL_FIRST = new Uint8Array(65536);
for (const w of TRAIL_HEDGES) {
  const c = w.charCodeAt(0);
  TRAIL_FIRST[c] = 1;
  if (c >= 97 && c <= 122) TRAIL_FIRST[c - 32] = 1;
}
const C_YI = '以'.charCodeAt(0);
const C_XIA_ = '下'.charCodeAt(0);
const C_SHANG_ = '上'.charCodeAt(0);

/** What `matchLeadHedge` found besides its start: the end of the hedge words and whether they hedge. */
let leadEndOut = 0;
let leadApproxOut = false;

/**
 * The start of the hedge words that end right before `start` (a chain such as 最高约), or
 * `start` when there are none; their end goes into `leadEndOut` (= `start` when none) and
 * whether they make the amount approximate into `leadApproxOut`.
 */
function matchLeadHedge(s: string, start: number): number {
  let p = start;
  if (isSpace(s.charCodeAt(p - 1))) p--;
  const end = p;
  let first = start;
  let approx = false;
  let observed = false;
  for (let chain = 0; chain < 3; chain++) {
    let hit: Hedge | null = null;
    const index = LEAD_INDEX[lowerAscii(s.charCodeAt(p - 1))];
    if (!index) break; // 0, or undefined before the text
    const list = LEAD_LISTS[index];
    for (let q = 0; q < list.length; q++) {
      const h = list[q];
      if (!endsWithAt(s, p, h.word)) continue;
      const c0 = h.word.charCodeAt(0);
      // English words need a word edge before them ("over" is not the end of "turnover").
      if (isLetter(c0) && isLetter(s.charCodeAt(p - h.word.length - 1))) continue;
      hit = h;
      break;
    }
    if (!hit) break;
    p -= hit.word.length;
    first = p;
    if (hit.approx && !observed) approx = true;
    if (!hit.approx) observed = true;
    if (isSpace(s.charCodeAt(p - 1))) p--;
  }
  if (first === start) {
    leadEndOut = start;
    leadApproxOut = false;
    return start;
  }
  leadEndOut = end;
  leadApproxOut = observed ? false : approx;
  return first;
}

/** What `matchTrailHedge` found besides its end: where the bound starts and whether it is distant. */
let trailStartOut = 0;
let trailDistantOut = false;

/**
 * A bound after the span: adjacent ("以上") or closing the same clause a few words later
 * ("压到6万元/吨这一水平线以下"). Returns its end, 0 when there is none; its start goes into
 * `trailStartOut` and whether it is distant into `trailDistantOut`.
 */
function matchTrailHedge(s: string, end: number): number {
  let p = end;
  if (isSpace(s.charCodeAt(p))) p++;
  if (TRAIL_FIRST[s.charCodeAt(p)] === 1) {
    for (const w of TRAIL_HEDGES) {
      if (startsWithAt(s, p, w)) {
        trailStartOut = p;
        trailDistantOut = false;
        return p + w.length;
      }
    }
  }
  // The distant form must end its clause, and the words between must hold no other number.
  for (let k = p + 1; k < s.length && k - p < 24; k++) {
    const c = s.charCodeAt(k);
    if (!isCjkIdeograph(c)) break;
    if (c === C_YI && (s.charCodeAt(k + 1) === C_XIA_ || s.charCodeAt(k + 1) === C_SHANG_)) { // 以下, 以上
      const after = s.charCodeAt(k + 2);
      if (!isCjkIdeograph(after)) {
        trailStartOut = k;
        trailDistantOut = true;
        return k + 2;
      }
    }
  }
  return 0;
}

/** Unit-price suffixes after "/" (folded Simplified or ASCII). Longest first. */
const PER_UNITS: [string, string][] = ([
  ['千瓦时', 'kWh'], ['兆瓦时', 'MWh'], ['瓦时', 'Wh'], ['千瓦', 'kW'], ['度', 'kWh'], ['瓦', 'W'],
  ['平方米', 'm2'], ['平米', 'm2'], ['吨', 't'], ['公斤', 'kg'], ['千克', 'kg'], ['克', 'g'], ['盎司', 'oz'],
  ['股', 'share'], ['桶', 'bbl'], ['枚', 'coin'], ['比特币', 'BTC'],
  ['TH/s', 'TH/s'], ['PH/s', 'PH/s'], ['EH/s', 'EH/s'], ['kWh', 'kWh'], ['MWh', 'MWh'], ['Wh', 'Wh'], ['kW', 'kW'],
  ['W', 'W'], ['MMBtu', 'MMBtu'], ['tonne', 't'], ['ton', 't'], ['t', 't'], ['oz', 'oz'], ['ounce', 'oz'],
  ['m2', 'm2'], ['m²', 'm2'], ['sqm', 'm2'], ['share', 'share'], ['bbl', 'bbl'], ['barrel', 'bbl'],
  ['kg', 'kg'], ['g', 'g'], ['BTC', 'BTC'],
] as [string, string][]).sort((x, y) => y[0].length - x[0].length);

/** English unit prices after a space: "$3 per share", "$2,000 an ounce". */
const PER_PHRASES: [string, string][] = [
  [' per share', 'share'], [' a share', 'share'], [' per ounce', 'oz'], [' an ounce', 'oz'], [' per tonne', 't'],
  [' a tonne', 't'], [' per ton', 't'], [' a ton', 't'], [' per barrel', 'bbl'], [' a barrel', 'bbl'],
  [' per kwh', 'kWh'], [' per bitcoin', 'BTC'], [' per btc', 'BTC'],
];

function exactAt(s: string, i: number, word: string): boolean {
  if (i + word.length > s.length) return false;
  for (let k = 0; k < word.length; k++) if (s.charCodeAt(i + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** The unit `matchPerUnit` found. */
let perUnitOut: string | null = null;

/** A unit-price suffix at `i` ("/吨", "/TH/s", " per share"): its end (i when there is none), its unit in `perUnitOut`. */
function matchPerUnit(s: string, i: number): number {
  perUnitOut = null;
  const c = s.charCodeAt(i);
  if (c === 47 /* / */) {
    for (const [w, unit] of PER_UNITS) {
      if (!exactAt(s, i + 1, w)) continue;
      // ASCII units must end the word: "/t" but not "/tablet"; "/s" time rates are not prices.
      if (isLetter(w.charCodeAt(w.length - 1)) && isLetter(s.charCodeAt(i + 1 + w.length))) continue;
      perUnitOut = unit;
      return i + 1 + w.length;
    }
    return i;
  }
  // Every phrase is " per …", " a …" or " an …".
  const next = s.charCodeAt(i + 1) | 0x20;
  if (c === 32 && (next === 112 /* p */ || next === 97 /* a */)) {
    for (const [w, unit] of PER_PHRASES) {
      if (startsWithAt(s, i, w) && !isLetter(s.charCodeAt(i + w.length))) {
        perUnitOut = unit;
        return i + w.length;
      }
    }
  }
  return i;
}

/** Words before a plain price that make it a share price ("发行价19.6港元", "开盘跳涨至35.7港元"). */
const SHARE_CUES = ['发行价', '招股价', '股价', '开盘', '收盘', '收报', '报收', '每股', '目标价', '收市', '高见', '低见', 'share price', 'offer price',
  'target price', 'price target', 'target to', 'closed at', 'priced at', 'ipo price', 'dividend of', 'eps of', 'earnings per share', 'shares rose', 'shares fell',
  'shares jumped', 'shares climbed', 'shares closed', 'shares gained', 'shares slid', 'shares dropped', 'shares ended', 'shares traded', 'stock rose', 'stock fell',
  'stock closed', 'stock jumped'];
/** Words that make an amount the cost of one bitcoin ("单币全成本", "挖掘 1 枚 BTC 的成本"). */
const BTC_CUES = ['单币', '单枚', '每枚', '每个比特币', ' 1 枚', '(1 枚', '挖1枚', '挖一枚', '一枚比特币', 'per bitcoin', 'per btc'];

/**
 * The unit of a price named by words before it in the same clause, not by a "/unit" suffix.
 * `scaled` amounts (with 万/亿/billion) cannot be share prices but can be per-bitcoin costs.
 */
function perFromContext(u: Uint16Array, start: number, value: number, scaled = false): string | null {
  // The clause: stop at sentence or clause punctuation, at most 30 code units back. Read
  // backwards in one pass; the cue that starts first wins. Most code units are neither a stop
  // nor the first two of a cue: one table read each (`u` holds the folded text).
  let found: string | null = null;
  for (let k = start - 1; k >= 0 && start - k <= 30; k--) {
    const raw = u[k];
    const kind = CONTEXT_UNIT[raw];
    if (kind === 0) continue;
    if (kind === CLAUSE_STOP) break;
    const first = lowerAscii(raw);
    const second = lowerAscii(u[k + 1]);
    if (CUE_PAIR[cuePairHash(first, second)] === 0) continue;
    const list = CUE_LISTS[CUE_FIRST[first]];
    for (let q = 0; q < list.length; q++) {
      const [cue, unit] = list[q];
      // The second code unit first: most candidates fail there (every cue has two or more).
      if (cue.charCodeAt(1) !== second || k + cue.length > start || !startsWithAt(s, k, cue)) continue;
      if (unit === 'share' && (scaled || value >= 1e5)) continue;
      // "1 枚" only when it is the number one, not the end of "21 枚".
      if (cue === ' 1 枚' && isDigit(u[k - 1])) continue;
      found = unit;
      break;
    }
  }
  return found;
}

/** The cues by their first code unit: CUE_LISTS[CUE_FIRST[c]] (index 0 = none). */
const CUE_LISTS: [string, string][][] = [[]];
const CUE_FIRST = new Uint8Array(65536);
for (const [cues, unit] of [[SHARE_CUES, 'share'], [BTC_CUES, 'BTC']] as [string[], string][]) {
  for (const cue of cues) {
    const key = cue.charCodeAt(0);
    if (CUE_FIRST[key] === 0) {
      CUE_FIRST[key] = CUE_LISTS.length;
      CUE_LISTS.push([]);
    }
    CUE_LISTS[CUE_FIRST[key]].push([cue, unit]);
  }
}

/** What a code unit is to `perFromContext`: a clause stop, the first of a cue (either case), or neither (0). */
const CLAUSE_STOP = 1;
const CUE_START = 2;
const CONTEXT_UNIT = new Uint8Array(65536);
// Every c with CUE_FIRST[lowerAscii(c)] set, from the cues' first code units (not a pass over all 65,536).
for (const list of CUE_LISTS) for (const [cue] of list) for (const c of [cue.charCodeAt(0), cue.charCodeAt(0) - 32]) if (CUE_FIRST[lowerAscii(c)] !== 0) CONTEXT_UNIT[c] = CUE_START;
for (const ch of '\u3002\n;,\u3001!?') CONTEXT_UNIT[ch.charCodeAt(0)] = CLAUSE_STOP;
/** One bit per (first, second) code units of a cue (lower case), hashed: most first units fail here. */
const cuePairHash = (c0: number, c1: number): number => (c0 * 31 + c1) & 0xffff;
const CUE_PAIR = new Uint8Array(1 << 16);
for (const list of CUE_LISTS) for (const [cue] of list) CUE_PAIR[cuePairHash(cue.charCodeAt(0), cue.charCodeAt(1))] = 1;

/** Options from the document: Traditional script decides how 兆 is read. */
export interface FindFiguresOptions {
  traditional: boolean;
}

/** A figure under construction; `bare` ones still need a currency from a neighbour. */
interface Draft {
  start: number;
  end: number;
  currency: string | null;
  value: number;
  min: number | null;
  max: number | null;
  approximate: boolean;
  per: string | null;
  /** Start/end of the hedge words before the span (equal when none). */
  leadStart: number;
  leadEnd: number;
  leadApprox: boolean;
  /** The qualifier, verbatim from the original text, or null. */
  qualifier: string | null;
  ambiguity: 'zhao' | 'yen-sign' | null;
  bare: boolean;
  // Every draft has every field, written in one order: one object shape for all readers.
  /** Written in a sub-unit ("50 cents"): may complete the amount before it ("$3 and 50 cents"). */
  subunit: boolean;
  /** A bare member of a list ("1.66亿、1.50亿和0.24亿元") waiting for the list's currency. */
  list: boolean;
  /** What the amount's own scale words multiply by (亿 = 1e8, "billion" = 1e9), 1 when none. */
  unitScale: number;
}

const ANCHOR = new Uint8Array(65536);
{
  for (let c = 48; c <= 57; c++) ANCHOR[c] = 1;
  for (const c of CN_NUMERAL_START_CODES) ANCHOR[c] = 2;
  // A zero opens a place-by-place numeral below one ("〇.一八五美元"); parsePositional rejects the rest.
  ANCHOR['〇'.charCodeAt(0)] = ANCHOR['○'.charCodeAt(0)] = 2;
  // First letters of "billions", "millions", "trillions", "thousands", "tens of", "hundreds of", "several".
  for (const ch of 'bmthsBMTHS') ANCHOR[ch.charCodeAt(0)] = 3;
  // First letters of currency words after an amount in words: dollars, cents, euros, yuan, pounds,
  // pence, rupees, renminbi, usd, francs, yen.
  for (const ch of 'dceyprufUw') ANCHOR[ch.charCodeAt(0)] = 4;
}

/** The second letter each kind-4 anchor letter needs (a cheap rejection before any word is read). */
const SECOND_LETTER: Record<string, string> = { d: 'o', c: 'e', e: 'u', y: 'ue', p: 'oe', r: 'ue', u: 's', f: 'r', U: 'S.', w: 'o' };
const SECOND_OK = new Uint8Array(128 * 128);
for (const [f, seconds] of Object.entries(SECOND_LETTER)) for (const c of seconds) SECOND_OK[f.charCodeAt(0) * 128 + c.charCodeAt(0)] = 1;

/**
 * The third letter (lower case) of the English vague-amount word that starts with a given first
 * and second letter (tens, thousands, trillions, hundreds, several, millions, billions), 0 when
 * none does: `parseEnglishVague` reads nothing else, so other words starting with t, h, s, m or
 * b ("the", "this", "share", "more") are skipped at once.
 */
const VAGUE_THIRD = new Uint8Array(128 * 128);
for (const word of ['tens', 'thousands', 'trillions', 'hundreds', 'several', 'millions', 'billions']) {
  VAGUE_THIRD[word.charCodeAt(0) * 128 + word.charCodeAt(1)] = word.charCodeAt(2);
}

/**
 * 1 for code units that may end a currency marker written before a number, in either case.
 * Looser than `maybePrefixEnd` on purpose: which numbers `nextAnchor` passes over decides which
 * bare numbers can become list members ("and 5、6和7亿元"), so this test must not change.
 */
const PREFIX_END = new Uint8Array(65536);
for (const c of prefixEndCandidates()) if (maybePrefixEndAnyCase(c)) PREFIX_END[c] = 1;

/**
 * The first anchor at or after `i` (s.length when none): a digit, a character that can open
 * a Chinese numeral, or an English anchor letter that starts a word. Numerals that `tryNumber`
 * would drop at its first look are passed over here (see there), and so are anchor letters
 * whose second letter opens no word that `tryEnglishVague` or `tryWordAmount` reads. `u`
 * holds two 0s past the end.
 */
function nextAnchor(u: Uint16Array, n: number, i: number): number {
  // The tables in locals: the loop reads them at every step.
  const anchor = ANCHOR;
  const prefixEnd = PREFIX_END;
  const deadAfter = DEAD_AFTER;
  for (; i < n; i++) {
    const kind = anchor[u[i]];
    if (kind === 0) continue;
    if (kind < 3) {
      // No currency marker can end before it (none before the text either) …
      if (i > 0) {
        const prev = u[i - 1];
        if (prefixEnd[prev] === 1 || (prev === 32 && i > 1 && prefixEnd[u[i - 2]] === 1)) return i;
      }
      // … and what follows the digit run (or the Chinese character) can neither continue a
      // numeral nor follow one in a figure: scanning resumes right after it.
      let k = i + 1;
      if (kind === 1) while (u[k] >= 48 && u[k] <= 57) k++;
      if (deadAfter[u[k]] === 0) return i;
      i = k - 1;
      continue;
    }
    // An anchor letter: only at the start of a word, and only before the letters that can
    // follow it in a vague amount (second and third) or a currency word (second): most words
    // starting with t, s, d, c, e … are none.
    if (i > 0 && isLetter(u[i - 1])) continue;
    if (kind === 3) {
      const second = u[i + 1] | 0x20;
      if (second < 128 && VAGUE_THIRD[(u[i] | 0x20) * 128 + second] === (u[i + 2] | 0x20)) return i;
    } else if (u[i + 1] < 128 && SECOND_OK[u[i] * 128 + u[i + 1]] === 1) return i;
  }
  return n;
}

/**
 * Characters that may come right after a numeral in a figure: a space, Latin letters (scales,
 * currency words, "to"), the first characters of Chinese currency words, range connectors, 多/余.
 */
const CAN_FOLLOW = new Uint8Array(65536);
/** The code units set in CAN_FOLLOW, listed (DEAD_AFTER is built from them). */
const CAN_FOLLOW_CODES: number[] = [];
{
  for (let c = 65; c <= 90; c++) CAN_FOLLOW_CODES.push(c, c + 32);
  for (const ch of ' \t-~\u2010\u2011\u2013\u2014\u2212\u2015\u301c至到和与多余美港人日欧英韩新台澳加瑞卢块円元$€£¢仙分泰林印兰挪丹雷土纽¥令') CAN_FOLLOW_CODES.push(ch.charCodeAt(0));
  for (const c of CAN_FOLLOW_CODES) CAN_FOLLOW[c] = 1;
}

/**
 * Code units after which a numeral and its figure cannot go on: not a digit, separator or
 * decimal point, not a character of a Chinese numeral (digits, units, 数/几), and not one that
 * may follow a numeral in a figure (CAN_FOLLOW).
 */
const DEAD_AFTER = new Uint8Array(65536).fill(1);
{
  // Cleared where a numeral goes on (digits, separators, the characters of a Chinese numeral,
  // 点, ¼ ½ ¾) and where CAN_FOLLOW is set, which holds only ASCII and the characters listed there.
  for (let c = 48; c <= 57; c++) DEAD_AFTER[c] = 0;
  for (const c of [44, 46, 32, 0x70b9 /* 点 */, 0xbc, 0xbd, 0xbe /* ¼ ½ ¾ */, ...CN_NUMERAL_CHAR_CODES]) DEAD_AFTER[c] = 0;
  for (const c of CAN_FOLLOW_CODES) DEAD_AFTER[c] = 0;
}

const C_DUO = '多'.charCodeAt(0);
const C_YU = '余'.charCodeAt(0);
const C_ZHI = '至'.charCodeAt(0);
const C_DAO = '到'.charCodeAt(0);
const C_YUAN = '元'.charCodeAt(0);
const C_KUAI = '块'.charCodeAt(0);
const C_DE = '的'.charCodeAt(0);
const C_QIAN = '钱'.charCodeAt(0);
const C_DIAN = '点'.charCodeAt(0);
const C_XIAN = '仙'.charCodeAt(0);
/** What may follow 仙 in a price: 的, a move's end (至, 到, 报 "升4仙报6.73元") or a list word. */
const XIAN_NEXT = new Set([...'的至到报、和及与或'].map((ch) => ch.charCodeAt(0)));
/** Currency symbols written after a number: "20€", "10$", "3.14US$". */
const IS_SYMBOL_SUFFIX = new Uint8Array(65536);
for (const ch of '$€£¢¥') IS_SYMBOL_SUFFIX[ch.charCodeAt(0)] = 1;
/** Characters that make a following 元 part of another word: 元旦, 元宇宙, 元素, 元器件, 元老 ... */
const NOT_AFTER_YUAN = new Uint8Array(65536);
for (const ch of '旦宇素件器老首帅气组音朝宵胞') NOT_AFTER_YUAN[ch.charCodeAt(0)] = 1;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Range connectors between two numbers: - – — − ~ 〜 至 到 (a doubled dash too); "and", 和 and 与
 * only after "between" or 介于 before the range's start `rangeStart`. Returns the end or -1.
 */
function matchConnector(s: string, i: number, rangeStart: number): number {
  let j = i;
  if (isSpace(s.charCodeAt(j))) j++;
  const c = s.charCodeAt(j);
  let k = -1;
  if (c === 45 || c === 0x2013 || c === 0x2014 || c === 0x2212 || c === 126 || c === 0x301c || c === 0x2015 || c === 0x2010 || c === 0x2011) {
    k = j + 1;
    const c2 = s.charCodeAt(k);
    if (c2 === 0x2014 || c2 === 0x2013 || c2 === 45) k++;
  } else if (c === C_ZHI || c === C_DAO) {
    k = j + 1;
  } else if (j > i && wordAt(s, j, 'to') && isSpace(s.charCodeAt(j + 2))) {
    k = j + 2;
  } else if (j > i && wordAt(s, j, 'and') && isSpace(s.charCodeAt(j + 3)) && isBetween(rangeStart)) {
    k = j + 3; // "between $5 billion and $7 billion"
  } else if ((c === 0x548c /* 和 */ || c === 0x4e0e /* 与 */) && isBetween(rangeStart)) {
    k = j + 1; // "介于50亿和60亿美元之间"
  } else return -1;
  if (isSpace(s.charCodeAt(k))) k++;
  return k;
}

// The state of one `findFigures` call, shared by its helpers below. Module-level rather than
// closures made per call: closures made per call lose their optimised code whenever a full
// garbage collection drops the previous ones, and must be compiled again.
const NO_UNITS = new Uint16Array(2);
let s = '';
/** The code units of `s` followed by two 0s (text.ts's shared buffer, valid during the call). */
let units: Uint16Array = NO_UNITS;
let n = 0;
let text = '';
let traditional = false;
let drafts: Draft[] = [];
let a: Numeral = newNumeral();
let b: Numeral = newNumeral();
let eng: EnglishScale = { mult: 0, end: 0, plural: false };
let pre: CurrencyMatch = newCurrencyMatch();
let suf: CurrencyMatch = newCurrencyMatch();
let suf2: CurrencyMatch = newCurrencyMatch();
let pre2: CurrencyMatch = newCurrencyMatch();
let yen: YenResolver | null = null;
let yuan: YuanResolver | null = null;
let pounds: boolean | null = null;
let dollar: string | null = null;
/** The currency a "(人民币，下同)" note set for the bare 元 amounts after it, or null. */
let carried: string | null = null;
/** End of the last figure pushed: spans never overlap. */
let lastEnd = 0;
/** Offsets of every ".HK" of the document in order, found when first asked (see `hkListingBefore`). */
let hkMarks: number[] | null = null;

/**
 * Finds the monetary figures of a document. `text` is the original, `folded = foldText(text)`.
 * Figures come sorted by offset and never overlap; values are finite and min ≤ value ≤ max.
 */
export function findFigures(original: string, folded: string, opts: FindFiguresOptions): Figure[] {
  s = folded;
  n = s.length;
  text = original;
  traditional = opts.traditional;
  drafts = [];
  a = newNumeral();
  b = newNumeral();
  eng = { mult: 0, end: 0, plural: false };
  pre = newCurrencyMatch();
  suf = newCurrencyMatch();
  suf2 = newCurrencyMatch();
  pre2 = newCurrencyMatch();
  yen = null;
  yuan = null;
  pounds = null;
  dollars = null;
  dollar = null;
  carried = null;
  lastEnd = 0;
  hkMarks = null;

  // The folded text as UTF-16 code units for `nextAnchor` (a typed-array read is cheaper than
  // charCodeAt): the buffer text.ts shares between the scanners (foldDocument fills it).
  const u = codeUnits(s);
  units = u;
  let i = nextAnchor(u, n, 0);
  while (i < n) {
    const kind = ANCHOR[u[i]];
    i = kind === 3 ? tryEnglishVague(i) : kind === 4 ? tryWordAmount(i) : tryNumber(i, kind === 1);
    i = nextAnchor(u, n, i);
  }
  const figures = finish(text, s, drafts);
  // Let go of the document.
  s = '';
  text = '';
  drafts = [];
  units = NO_UNITS;
  yen = null;
  yuan = null;
  hkMarks = null;
  return figures;
}

/** Reads a figure that starts with a numeral at `i`; returns where scanning resumes (> i). */
function tryNumber(i: number, arabic: boolean): number {
  const prevCode = s.charCodeAt(i - 1);
  // "$.047/kWh": a decimal point right after a currency symbol opens the amount.
  if (arabic && prevCode === 46 && IS_SYMBOL[s.charCodeAt(i - 2)] === 1) return tryNumberFrom(i - 1, readBareFraction(i));
  // Most anchors are no money: "[3]", "2026-01", "一些", "上市". When nothing before them can
  // be a currency marker and the code unit after the digit run (or after the Chinese
  // character) can neither continue a numeral nor follow one in a figure, every path below
  // resumes right there: `nextAnchor` found that without reading the numeral, and passed it over.
  // Digits glued to letters with no currency marker before them (FY2025, A100): an identifier,
  // as below, found without reading the numeral when no currency marker ends with that letter.
  if (arabic && (isLetter(prevCode) || prevCode === 95) && !maybePrefixEnd(prevCode) && !epsBefore(i)) return skipDigitRun(s, i);
  // "14,59 euros": one or two digits after a comma glued to digits are the decimals of a
  // European amount, never an amount of their own (a miss, not 59 euros).
  if (arabic && prevCode === 44 && isDigit(s.charCodeAt(i - 2)) && (!isDigit(s.charCodeAt(i + 1)) || !isDigit(s.charCodeAt(i + 2)))) return skipDigitRun(s, i);
  // Inside a longer Chinese numeral ("…七点四亿" of "五〇五七点四亿"): a part of a numeral is
  // never a figure of its own, so skip the rest of it.
  if (!arabic && (cnDigit(prevCode) >= 0 || ((prevCode === C_DIAN || prevCode === 46) && cnDigit(s.charCodeAt(i - 2)) >= 0))) {
    let k = i + 1;
    while (k < n && (CN_NUMERAL_CHAR[s.charCodeAt(k)] === 1 || s.charCodeAt(k) === C_DIAN || s.charCodeAt(k) === 46)) k++;
    return k;
  }
  const e = parseNumeral(s, i, a);
  if (e === i) return arabic ? skipDigitRun(s, i) : i + 1;
  // Digits glued to letters are identifiers (FY2025, A100, GB300) unless a currency code is the glue.
  if (arabic && (isLetter(prevCode) || prevCode === 95) && !(matchCurrencyBefore(s, i, pre) && pre.start >= lastEnd) && !epsBefore(i)) {
    return skipDigitRun(s, i);
  }
  return tryNumberFrom(i, e);
}

/** Currency symbols that may stand right before a bare decimal point ("$.047"). */
const IS_SYMBOL = new Uint8Array(65536);
for (const ch of '$€£¥') IS_SYMBOL[ch.charCodeAt(0)] = 1;

/** Reads the digits after the point of "$.047" into `a` as 0.047; returns their end. */
function readBareFraction(i: number): number {
  let k = i;
  let f = 0;
  let div = 1;
  while (k < n && k - i < 12 && isDigit(s.charCodeAt(k))) {
    f = f * 10 + (s.charCodeAt(k) - 48);
    div *= 10;
    k++;
  }
  a.value = tidyNumber(f / div);
  a.min = a.max = a.value;
  a.scale = 1;
  a.hasDigit = a.hasArabic = true;
  a.hasBig = a.vague = a.upTo = a.zhao = false;
  a.chineseChars = 0;
  a.bodyStart = i - 1;
  a.end = k;
  return k;
}

/** The rest of `tryNumber`: the numeral `a` runs from `i` to `e`. */
function tryNumberFrom(i: number, e: number): number {
  // A prefix never reaches back into the previous figure ("1港元兆" is not "港元兆").
  let hasPrefix = matchCurrencyBefore(s, i, pre) && pre.start >= lastEnd;
  // Most numbers are followed by something that cannot lead to money (%, 年, 月, 股): leave early.
  if (!hasPrefix && !CAN_FOLLOW[s.charCodeAt(e)]) return tryBare(i, e, e);
  let value = a.value;
  let scale = a.scale;
  let end = e;
  let approxInside = false;
  let insideQualifier: string | null = null;
  // English scale right after Arabic digits: "22.5B", "135 billion", "4.19B港元".
  let engScaled = false;
  if (a.hasArabic && !a.hasBig && parseEnglishScale(s, end, eng)) {
    engScaled = true;
    value *= eng.mult;
    scale *= eng.mult;
    end = eng.end;
  } else if ((s.charCodeAt(end) === C_DUO || s.charCodeAt(end) === C_YU) && !a.hasBig) {
    // "20多亿", "100余万": the hedge sits inside the numeral and multiplies by what follows.
    const e2 = parseNumeral(s, end + 1, b);
    if (e2 > end + 1 && !b.hasDigit && b.hasBig) {
      value *= b.value;
      scale *= b.value;
      insideQualifier = text.slice(end, end + 1);
      end = e2;
      approxInside = true;
      a.hasBig = true;
    }
  }
  if (!(value >= 0 && Number.isFinite(value))) return Math.max(e, i + 1);
  // "多" or "余" after the unit: "3亿多美元".
  let afterNum = end;
  if ((s.charCodeAt(afterNum) === C_DUO || s.charCodeAt(afterNum) === C_YU) && a.hasBig) {
    insideQualifier = text.slice(afterNum, afterNum + 1);
    afterNum++;
    approxInside = true;
  }
  let hasSuffix = matchCurrencyAfter(s, afterNum, suf);
  if (hasSuffix && !acceptWeakSuffix(a, suf, engScaled)) hasSuffix = false;
  if (hasPrefix && pre.weak && !a.hasBig && !engScaled && !hasSuffix && !namedPriceMove(pre.start, afterNum)) hasPrefix = false;
  // The currency of a figure: the prefix wins, except a generic $ before a specific word.
  let currency: string | null = hasPrefix ? pre.code : null;
  if (hasPrefix && pre.end - pre.start === 1 && s.charCodeAt(pre.start) === 36) {
    currency = localDollar();
    // Hong Kong papers write a bare "$" for their dollar ("配售價$0.237", "沽空金額$3.40百萬"):
    // in Chinese text, the passage's reading of 元 decides, when it is Hong Kong's or Taiwan's.
    if (currency === 'USD' && cjkBefore(pre.start)) {
      const local = (yuan ??= new YuanResolver(s, codeUnits(s), traditional)).resolve(pre.start);
      if (local === 'HKD' || local === 'TWD') currency = local;
    }
  }
  let yenSign = hasPrefix && pre.yenSign;
  if (hasSuffix && (!hasPrefix || (pre.code === 'USD' && suf.code !== 'USD' && !suf.weak))) {
    currency = suf.code;
    // "1,200¥": a yen sign after the number is read like one before it.
    yenSign = s.charCodeAt(suf.start) === 0xa5;
  }
  let spanStart = hasPrefix ? pre.start : i;
  let spanEnd = hasSuffix ? suf.end : end;
  let lo = value;
  let hi = value;
  let ranged = false;

  // A range: "2—3美元", "20萬-25萬元", "5000億至10000億美元", "$1.2–1.5 billion", "3 to 4 dollars".
  let conn = matchConnector(s, hasSuffix ? suf.end : end, hasPrefix ? pre.start : i);
  // "2.155¢/kWh to 2.966¢/kWh", "2元/吨至3元/吨": both ends carry the same unit.
  const midPer = conn < 0 && hasSuffix ? perUnitEnd(suf.end) : -1;
  if (midPer > 0) conn = matchConnector(s, midPer, hasPrefix ? pre.start : i);
  if (conn > 0 && !isFromChange(hasPrefix ? pre.start : i) && !(isToWord(hasSuffix ? suf.end : end) && isChangeVerbBefore(hasPrefix ? pre.start : i))
    && !(isZhiWord(hasSuffix ? suf.end : end) && isCjkChangeBefore(hasPrefix ? pre.start : i))) {
    // The second end may repeat the currency symbol: "$100M-$200M", "$5 billion and $7 billion".
    let bStart = conn;
    while (bStart < n && bStart - conn < 5 && !isDigit(s.charCodeAt(bStart)) && !isCjkIdeograph(s.charCodeAt(bStart))) bStart++;
    const hasPre2 = bStart > conn && matchCurrencyBefore(s, bStart, pre2) && pre2.start === conn;
    if (!hasPre2) bStart = conn;
    const firstB = s.charCodeAt(bStart);
    // Without a prefix, a range needs a currency after its second end. When the numeral run
    // of that end is followed by a character that can start neither a scale nor a currency
    // ("1-2–3—4", "2026-01-07"), skip reading it: the next anchor reads it once, not twice.
    if ((isDigit(firstB) || CN_NUMERAL_START[firstB]) && (hasPrefix || !noSuffixAfterRun(bStart))) {
      const eb = parseNumeral(s, bStart, b);
      if (eb > bStart && b.hasDigit === a.hasDigit) {
        let bValue = b.value;
        let bEnd = eb;
        if (b.hasArabic && !b.hasBig && parseEnglishScale(s, bEnd, eng)) {
          bValue *= eng.mult;
          b.scale *= eng.mult;
          bEnd = eng.end;
        }
        const hasSuf2 = matchCurrencyAfter(s, bEnd, suf2) && acceptWeakSuffix(b, suf2, bEnd > eb);
        let ok = false;
        if (hasSuffix) ok = hasSuf2 && suf2.code === suf.code && (midPer < 0 || s.startsWith(s.slice(suf.end, midPer), suf2.end));
        else if (hasSuf2) ok = !hasPrefix || suf2.code === currency || suf2.weak;
        else ok = hasPrefix && (!hasPre2 || pre2.code === pre.code) && b.scale >= 1;
        let aValue = value;
        // A bare first end borrows the scale of the second: "20-25万" = 20万-25万.
        if (ok && scale === 1 && a.hasArabic && !a.hasBig && b.scale > 1) aValue = value * b.scale;
        if (ok && aValue > 0 && bValue > 0 && !b.vague && !a.vague) {
          // "6.74英镑至6.64英镑": a range written from the top.
          lo = Math.min(aValue, bValue);
          hi = Math.max(aValue, bValue);
          ranged = true;
          if (hasSuf2) {
            if (!hasSuffix && !hasPrefix) currency = suf2.code;
            else if (!hasSuffix && hasPrefix && suf2.code !== 'USD' && !suf2.weak && pre.code === 'USD') currency = suf2.code;
            spanEnd = suf2.end;
            hasSuffix = true;
            suf.code = suf2.code;
            suf.start = suf2.start;
            suf.end = suf2.end;
            suf.weak = suf2.weak;
            suf.factor = suf2.factor;
            suf.cents = suf2.cents;
          } else spanEnd = bEnd;
          if (b.zhao) a.zhao = true;
        }
      }
    }
  }
  if (!ranged && !hasSuffix && !hasPrefix) {
    return tryBare(i, e, end, value, scale);
  }
  if (!ranged && !hasSuffix && hasPrefix) spanEnd = end;
  // 亿元 or 万元 alone is a unit label ("单位:亿元"); 兆元 and 万亿美元 are magnitudes; so is a
  // hedged one ("近亿元", "超亿元", "过亿元") or a class of amounts ("亿元级融资"): about one.
  if (!a.hasDigit && !a.vague && !a.upTo && a.chineseChars < 2 && !a.zhao && !(BARE_UNIT_HEDGE[s.charCodeAt(i - 1)] === 1 || s.charCodeAt(spanEnd) === 0x7ea7 /* 级 */)) return Math.max(spanEnd, i + 1);
  if (currency === null) return Math.max(spanEnd, i + 1);

  // Per-unit suffix: "元/股", "美元/千瓦时", "美元/TH/s", "per share".
  let per: string | null = null;
  const perEnd = matchPerUnit(s, spanEnd);
  if (perEnd > spanEnd) {
    per = perUnitOut;
    spanEnd = perEnd;
  }
  // Sub-units: "86 cents", "12.1港仙", "30 pence" are hundredths of their currency.
  const factor = hasSuffix && currency === suf.code ? suf.factor : 1;
  if (factor !== 1 && suf.cents) currency = dollarOfPassage(spanStart);
  // "增加5.1仙至63.4美仙": a bare 仙 is in the cents of the amount it moves to.
  if (factor !== 1 && s.charCodeAt(suf.start) === C_XIAN && suf.end - suf.start === 1) currency = xianMovesTo(spanEnd) ?? currency;
  let fromYuan = false;
  if (yenSign) currency = (yen ??= new YenResolver(s)).resolve(spanStart);
  else if (hasSuffix && currency === 'CNY' && suf.weak && s.charCodeAt(suf.start) === C_YUAN) {
    // "八十元九角", "十八元五角二仙": the 角 and 分 of a price.
    const subEnd = readJiaoFen(spanEnd);
    if (subEnd > spanEnd && !ranged) {
      value += jiaoFenOut;
      spanEnd = subEnd;
    }
    const note = readCurrencyNote(spanEnd);
    // "人民币1.85万元", "人民幣103.7億元": the yuan named before the amount is the yuan, in a
    // Hong Kong or Taiwan passage too.
    if (hasPrefix && pre.code === 'CNY') { /* named */ }
    else if (note.code !== null) currency = note.code;
    else if (carried !== null) currency = carried;
    else { currency = (yuan ??= new YuanResolver(s, codeUnits(s), traditional)).resolve(spanStart); fromYuan = true; }
    if (note.carry) carried = currency;
  } else if (hasSuffix || hasPrefix) {
    // "50.93亿美元(下同)": the note names no currency, the figure's own is carried.
    const note = readCurrencyNote(spanEnd);
    if (note.carry && note.code === null) carried = currency;
  }
  const d: Draft = {
    start: spanStart, end: spanEnd, currency, value: ranged ? (lo + hi) / 2 : value,
    min: ranged ? lo : null, max: ranged ? hi : null, approximate: approxInside,
    per, leadStart: spanStart, leadEnd: spanStart, leadApprox: false, qualifier: insideQualifier,
    ambiguity: yenSign ? 'yen-sign' : a.zhao && !traditional ? 'zhao' : null, bare: false, subunit: false, list: false,
    unitScale: scale,
  };
  if (a.vague) setSpread(d, a.min * (value / a.value), a.max * (value / a.value));
  else if (a.upTo || !a.hasDigit) d.approximate = true;
  if (factor !== 1) {
    d.subunit = true;
    d.value *= factor;
    if (d.min !== null && d.max !== null) {
      d.min *= factor;
      d.max *= factor;
    }
  }
  if (per === null) d.per = perFromContext(units, hasPrefix ? pre.start : spanStart, value, a.hasBig || engScaled);
  // A price per share in a bare 元 beside a Hong Kong listing code ("(00388.HK)买入，目标价65元",
  // "每股9.6元" after "(2638.HK)") is in Hong Kong dollars, whatever the script.
  if (fromYuan && currency === 'CNY' && d.per === 'share' && hkListingBefore(spanStart) && sharePriceWordBefore(spanStart)) d.currency = 'HKD';
  // "阿里(09988.HK)由156元升至172元": a plain price in 元 in the clause a Hong Kong listing code
  // opens is that stock's price, in Hong Kong dollars.
  else if (fromYuan && currency === 'CNY' && !a.hasBig && (d.per === null || d.per === 'share') && hkCodeOpensClause(spanStart)) { d.currency = 'HKD'; d.per = 'share'; }
  // "淨利78.2億元（約台幣338億）": an amount converted into the local dollar in a note after it
  // is in another currency, the yuan.
  if (fromYuan && (currency === 'TWD' || currency === 'HKD') && convertedInto(spanEnd) === currency) d.currency = 'CNY';
  if (ranged && negativeSignAt(spanStart)) {
    // "-20元至30元": a range from a negative amount is not read (a miss, never a wrong middle).
    lastEnd = spanEnd;
    return Math.max(spanEnd, i + 1);
  }
  if (!ranged && negativeSignAt(spanStart)) {
    // "基差为-340元/吨": a minus sign right before, not a range's dash.
    d.start = spanStart - 1;
    d.leadStart = d.leadEnd = d.start;
    d.value = -d.value;
  }
  addHedges(d);
  drafts.push(d);
  lastEnd = spanEnd;
  return Math.max(spanEnd, i + 1);
}

/**
 * True when the numeral characters from `k` are followed by a character that cannot begin
 * an English scale or a currency: one that can follow nothing (DEAD_AFTER) or a range
 * connector. A shortcut only: false means "maybe".
 */
function noSuffixAfterRun(k: number): boolean {
  let c = s.charCodeAt(k);
  while (k < n && (isDigit(c) || c === 44 || c === 46 || CN_NUMERAL_CHAR[c] === 1 || c === C_DIAN)) c = s.charCodeAt(++k);
  return k >= n || DEAD_AFTER[c] === 1 || IS_CONNECTOR[c] === 1;
}

/** Hedges right before a bare 亿元 or 万元 that make it an amount of about one unit (近亿元, 超亿元). */
const BARE_UNIT_HEDGE = new Uint8Array(65536);
for (const ch of '近超逾过破约达') BARE_UNIT_HEDGE[ch.charCodeAt(0)] = 1;

/** Range connectors (dashes, ~, 〜, 至, 到): no currency or scale word starts with one. */
const IS_CONNECTOR = new Uint8Array(65536);
for (const ch of '-~\u2013\u2014\u2212\u2015\u301c至到') IS_CONNECTOR[ch.charCodeAt(0)] = 1;

/**
 * What a bare "$" means. Australian and New Zealand papers write "$US" for the US dollar and a
 * bare "$" for their own: in a document that writes "$US", "$" is AUD (NZD beside New Zealand
 * cues). A report on companies of the ASX, the TSX or the NZX that does not write the market's
 * dollar out means it by a bare "$", as local papers do (they write "US$" for the US dollar);
 * one that writes it out (C$, A$, NZ$) beside bare amounts, as the wires do, means the US
 * dollar by the bare ones, except ASX reports that never name the US dollar, which write A$
 * and $ alike. Everywhere else it is USD. Read once per document.
 */
/** Singapore's market, whose papers write its dollar as a bare $ ("SGX-listed", "the Straits Times Index"). */
const SINGAPORE_MARKET = ['SGX', 'Singapore Exchange', 'Straits Times Index', 'Singapore-listed'];
function localDollar(): string {
  if (dollar === null) {
    dollar = 'USD';
    if (s.includes('$US')) dollar = ['NZ$', '$NZ', 'New Zealand', 'NZX'].some((w) => s.includes(w)) ? 'NZD' : 'AUD';
    else {
      const market = s.includes('ASX') || s.includes('Australian Securities Exchange') ? 'AUD'
        : CANADA_MARKET.some((w) => s.includes(w)) ? 'CAD' : s.includes('NZX') ? 'NZD'
        : SINGAPORE_MARKET.some((w) => s.includes(w)) ? 'SGD' : null;
      if (market !== null) {
        const marked = market === 'CAD' ? s.includes('C$') : market === 'NZD' ? s.includes('NZ$') : market === 'SGD' ? s.includes('S$') || s.includes('SG$') : s.includes('A$');
        if (!marked || ((market === 'AUD' || market === 'SGD') && !US_DOLLAR_WORDS.some((w) => s.includes(w)))) dollar = market;
      }
    }
  }
  return dollar;
}
/** Whether a Hong Kong listing code (".HK)") stands in the 160 characters before `at`, on its line. */
function hkListingBefore(at: number): boolean {
  // The last ".HK" at or before `at`, from the document's list of them (found once per
  // document): scanning back 160 places for every per-share yuan price was a quarter of the
  // figures' time on text dense with prices.
  if (hkMarks === null) {
    hkMarks = [];
    for (let k = s.indexOf('.HK'); k >= 0; k = s.indexOf('.HK', k + 3)) hkMarks.push(k);
  }
  let lo = 0;
  let hi = hkMarks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hkMarks[mid] <= at) lo = mid + 1;
    else hi = mid;
  }
  const k = lo > 0 ? hkMarks[lo - 1] : -1;
  if (k < 0 || at - k > 160) return false;
  const c = s.charCodeAt(k + 3);
  if (c !== 41 && c !== 0xff09) return false;
  for (let j = k + 1; j <= at; j++) if (s.charCodeAt(j) === 10) return false;
  return true;
}
/** Moves of a price after an amount ("由港元265升至470港元"). */
const MOVES_AFTER = ['升至', '降至', '上调至', '下调至', '调高至', '调低至', '增至', '减至', '上调到', '下调到'];
/** Words of a price right before a currency's name ("目标价港元265", "股价报港元12.5"). */
const PRICE_BEFORE = ['目标价', '股价', '价由', '报', '收报', '收市价', '作价'];
/**
 * Whether an amount whose currency's Chinese name stands before it ([start, end) from the name
 * to the end of the number) is a price: a move follows it or a word of a price stands before.
 */
function namedPriceMove(start: number, end: number): boolean {
  for (const w of MOVES_AFTER) if (s.startsWith(w, end)) return true;
  let p = start;
  if (s.charCodeAt(p - 1) === 0x7531 /* 由 */) p--;
  for (const w of PRICE_BEFORE) if (p >= w.length && s.startsWith(w, p - w.length)) return true;
  return false;
}
/** Whether a Hong Kong listing code ("(09988.HK)") closes within 14 characters before `at`, in the same clause. */
function hkCodeOpensClause(at: number): boolean {
  for (let k = at - 1; k >= 0 && at - k <= 14; k--) {
    const c = s.charCodeAt(k);
    if (c === 0x3002 || c === 0xff0c || c === 0xff1b || c === 10 || c === 44 || c === 59) return false;
    // Earnings and dividends per share (派息, 每股盈利, 收益, 分红), which mainland issuers give in yuan.
    if (c === 0x606f /* 息 */ || c === 0x76c8 /* 盈 */ || c === 0x76ca /* 益 */ || c === 0x7ea2 /* 红 */ || c === 0x6da6 /* 润 */) return false;
    // "内资股要约价1.20元": the price of a class of shares traded on the mainland.
    if ((c === 0x5185 /* 内 */ && s.startsWith('内资股', k)) || (c === 65 && s.startsWith('A股', k))) return false;
    if ((c === 41 || c === 0xff09) && s.startsWith('.HK', k - 3)) return true;
  }
  return false;
}
/** The local dollar a note right after `end` converts into ("（約台幣338億）" → TWD), or null. */
function convertedInto(end: number): string | null {
  let k = end;
  if (s.charCodeAt(k) === 32) k++;
  const open = s.charCodeAt(k);
  if (open !== 40 && open !== 0xff08) return null;
  k++;
  const c = s.charCodeAt(k);
  if (c === 0x7ea6 /* 约 */ || c === 0x7d04 /* 約 */ || c === 0x5408 /* 合 */) k++;
  for (const [w, code] of CONVERTED_INTO) if (s.startsWith(w, k)) return code;
  return null;
}
const CONVERTED_INTO: [string, string][] = [['新台币', 'TWD'], ['新台幣', 'TWD'], ['台币', 'TWD'], ['台幣', 'TWD'], ['港币', 'HKD'], ['港幣', 'HKD'], ['港元', 'HKD']];
/** Words of a share's price (not of its earnings or dividend, which mainland issuers give in yuan). */
const SHARE_PRICE_WORDS = ['目标价', '股价', '收市价', '收报', '配售价', '作价', '招股价', '要约价', '发行价', '认购价', '下限', '上限', '以每股'];
/** The first code units of SHARE_PRICE_WORDS: most places start none of them. */
const SHARE_PRICE_FIRST: ReadonlySet<number> = new Set(SHARE_PRICE_WORDS.map((w) => w.charCodeAt(0)));
/** Whether a word of SHARE_PRICE_WORDS stands in the 16 characters before `at`, in a clause about no mainland share class. */
function sharePriceWordBefore(at: number): boolean {
  let price = false;
  for (let k = at - 2; k >= 0 && at - k <= 40; k--) {
    const c = s.charCodeAt(k);
    if (c === 0x3002 || c === 0xff0c || c === 0xff1b || c === 10) break;
    // "内资股要约价1.20元": the price of a class of shares traded on the mainland.
    if ((c === 0x5185 /* 内 */ && s.startsWith('内资股', k)) || (c === 65 && s.startsWith('A股', k))) return false;
    if (!price && at - k <= 16 && SHARE_PRICE_FIRST.has(c)) for (const w of SHARE_PRICE_WORDS) if (s.startsWith(w, k)) { price = true; break; }
  }
  return price;
}
/** Whether a Chinese character or full-width mark stands right before `at`. */
function cjkBefore(at: number): boolean {
  const c = s.charCodeAt(at - 1);
  return isCjkIdeograph(c) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef);
}
/** Words that name the US dollar. */
const US_DOLLAR_WORDS = ['US$', 'USD', 'U.S. dollar', 'US dollar', 'U.S.$'];
/** The Toronto exchanges, as listings and news name them ("TSX:TD", "(CGX-T)", "TSX Venture"). */
const CANADA_MARKET = ['TSX', 'Toronto Stock Exchange', '-T)', '.TO)', 'TSXV'];

/** Whether the document is about sterling (so "11p" is pence); read once per document. */
function poundPassage(): boolean {
  if (pounds === null) pounds = ['£', 'pence', 'FTSE', 'sterling', 'London', 'GBP', '英镑'].some((w) => s.includes(w));
  return pounds;
}

/** The currency of the cents a bare 仙 amount moves to ("5.1仙至63.4美仙"), or null. */
function xianMovesTo(end: number): string | null {
  const c = s.charCodeAt(end);
  if (c !== 0x81f3 /* 至 */ && c !== 0x5230 /* 到 */) return null;
  let k = end + 1;
  while (k < n && (isDigit(s.charCodeAt(k)) || s.charCodeAt(k) === 46)) k++;
  return k > end + 1 && s.startsWith('美仙', k) ? 'USD' : null;
}

/** Verbs of a share-price move before a number of pence ("added 12p", "climbed 11p"). */
const PRICE_MOVES = new Set(['rose', 'fell', 'added', 'climbed', 'jumped', 'gained', 'lost', 'slid', 'dropped', 'shed', 'slipped', 'eased', 'rallied', 'tumbled', 'soared', 'sank', 'firmed']);

/**
 * Whether "Np" at [start, end) reads as a price move in pence without any other sign of
 * sterling: a verb of price moves before it ("added 12p"), or a move in pence before "to".
 */
function penceMove(start: number, end: number): boolean {
  if (s.charCodeAt(start - 1) !== 32) return false;
  // "12p to 491p": the second end of a move read as pence.
  const last = drafts.length ? drafts[drafts.length - 1] : null;
  if (last && last.currency === 'GBP' && last.end === start - 4 && s.startsWith(' to ', last.end)) return true;
  let w = start - 1;
  while (w > 0 && isLetter(s.charCodeAt(w - 1))) w--;
  return PRICE_MOVES.has(s.slice(w, start - 1).toLowerCase());
}

/** Words before a bare "80c" that make it a price in a text about dollars ("down to 80c", "at 5c"). */
const CENTS_BEFORE = new Set(['to', 'at', 'from', 'of', 'by']);
let dollars: boolean | null = null;
/** Whether the document writes dollars at all ($, "dollar", "cents"). */
function dollarText(): boolean {
  if (dollars === null) dollars = s.includes('$') || s.includes('dollar') || s.includes('cents');
  return dollars;
}
/** "rose 5c", "5c to 80c": a move of a share price in cents. */
function centsMove(start: number): boolean {
  const last = drafts.length ? drafts[drafts.length - 1] : null;
  if (last && last.end === start - 4 && s.startsWith(' to ', last.end) && s.charCodeAt(last.end - 1) === 99) return true;
  return s.charCodeAt(start - 1) === 32 && PRICE_MOVES.has(wordBefore(start - 1));
}

/** The dollar a passage is about, for "cents" and "¢": the currency of the last figure in the same line, else the document's dollar. */
function dollarOfPassage(at: number): string {
  for (let k = drafts.length - 1; k >= 0 && k >= drafts.length - 4; k--) {
    const d = drafts[k];
    if (at - d.end > 300) break;
    if (s.slice(d.end, at).includes('\n')) break;
    if (d.currency !== null && DOLLARS.has(d.currency)) return d.currency;
  }
  return localDollar();
}
const DOLLARS = new Set(['USD', 'HKD', 'SGD', 'AUD', 'CAD', 'NZD', 'TWD', 'EUR']);

/**
 * 元 and 块 alone are weak: "三元前驱体", "两块电池", "5块屏幕" and "2025元旦" are not money; so is 仙
 * ("八仙"). Symbols after a number must end the token ("10$" but not "10 $ARM"), and "pounds" or
 * "won" need a scale word before them.
 */
function acceptWeakSuffix(num: Numeral, m: CurrencyMatch, scaled: boolean): boolean {
  const next = s.charCodeAt(m.end);
  // "1,500 won a share": a price per share needs no scale to be money.
  if (m.needsScale && !scaled && !(startsWithAt(s, m.end, ' a share') || startsWithAt(s, m.end, ' per share'))) return false;
  // "806p": pence only glued to the number, in a passage that is about sterling.
  if (m.end - m.start === 1 && (s.charCodeAt(m.start) | 0x20) === 112) return m.start === num.end && (poundPassage() || penceMove(num.bodyStart, m.end));
  // "5c": cents glued to Arabic digits, after a share-price move or "to"/"at" in a text about dollars.
  if (m.end - m.start === 1 && s.charCodeAt(m.start) === 99) return m.start === num.end && num.hasArabic && (centsMove(num.bodyStart) || (dollarText() && s.charCodeAt(num.bodyStart - 1) === 32 && CENTS_BEFORE.has(wordBefore(num.bodyStart - 1))));
  if (m.end - m.start <= 3 && IS_SYMBOL_SUFFIX[s.charCodeAt(m.end - 1)] === 1 && (isLetter(next) || isDigit(next))) return false;
  if (!m.weak) return true;
  if (s.charCodeAt(m.start) === C_YUAN && readJiaoFen(m.end) > m.end) return true;
  // 仙 after Arabic digits or a numeral of two characters or more ("十五仙"), never "八仙".
  // After 每股 it is a price whatever follows ("以每股9仙配售").
  if (s.charCodeAt(m.start) === C_XIAN) return (num.hasArabic || num.chineseChars >= 2) && (!isCjkIdeograph(next) || XIAN_NEXT.has(next) || startsWithAt(s, num.bodyStart - 2, '每股'));
  // 分 is the fen of an amount per share that a report gives in the yuan's cents ("每股盈利8.08分",
  // "每股派息5分"): Arabic digits, a 每股 shortly before in the same clause, and no word glued after
  // it (3分钟, 8分之一 and scores are not money).
  if (s.charCodeAt(m.start) === C_FEN) return num.hasArabic && !isCjkIdeograph(next) && perShareBefore(num.bodyStart);
  if (s.charCodeAt(m.start) === C_KUAI) return !isCjkIdeograph(next);
  // (元认知 is a word; 亿元认购 and 元认缴 are amounts.)
  if (NOT_AFTER_YUAN[next] || (next === 0x8ba4 /* 认 */ && s.charCodeAt(m.end + 1) === 0x77e5 /* 知 */)) return false;
  if (!num.hasArabic && !num.hasBig && num.chineseChars <= 2) {
    return !isCjkIdeograph(next) || next === C_DE || next === C_QIAN;
  }
  return true;
}

/** Whether 每股 stands at most eight characters before `at`, with no clause mark between. */
function perShareBefore(at: number): boolean {
  for (let k = at - 2; k >= 0 && at - k <= 10; k--) {
    const c = s.charCodeAt(k);
    if (c === 0x3002 || c === 0xff0c || c === 0xff1b || c === 44 || c === 59 || c === 10) return false;
    if (c === 0x6bcf && s.charCodeAt(k + 1) === 0x80a1) return true; // 每股
  }
  return false;
}

/** "between A and B", "介于A和B之间": the only contexts where "and"/"和" join a range. */
function isBetween(start: number): boolean {
  let p = start;
  if (isSpace(s.charCodeAt(p - 1))) p--;
  return endsWithAt(s, p, 'between') || endsWithAt(s, p, '介于');
}

/** Verbs after which "A to B" is a move from one figure to another ("rose 86 cents to $12"), not a range. */
const CHANGE_VERBS = new Set([
  'rose', 'jumped', 'climbed', 'gained', 'added', 'fell', 'dropped', 'slid', 'slipped', 'declined', 'increased', 'decreased',
  'cut', 'raised', 'lifted', 'lowered', 'surged', 'soared', 'tumbled', 'plunged', 'grew', 'shrank', 'advanced', 'edged',
  'eased', 'lost', 'boosted', 'trimmed', 'hiked', 'widened', 'narrowed', 'up', 'down', 'rising', 'falling', 'sank', 'shed',
  // The same moves in the present and the infinitive ("are expected to fall 80.6 billion yen to …").
  'rise', 'rises', 'fall', 'falls', 'drop', 'drops', 'climb', 'climbs', 'gain', 'gains', 'grow', 'grows', 'decline', 'declines',
  'increase', 'increases', 'decrease', 'decreases', 'jump', 'jumps', 'slip', 'slips', 'slide', 'slides', 'surge', 'surges',
  'plunge', 'plunges', 'lose', 'loses', 'shrink', 'shrinks',
]);

/** True when the connector after `k` is the word "to". */
function isToWord(k: number): boolean {
  let j = k;
  if (isSpace(s.charCodeAt(j))) j++;
  return wordAt(s, j, 'to');
}

/**
 * True when a minus sign stands right before `start` as a sign: after a space, an opening
 * bracket, a colon, a comma, a Chinese word or the start of a line; never after a digit, a
 * letter, a closing bracket, a numeral or a unit (where it is a range's dash or a hyphen).
 */
/** Units and currencies after which a dash joins a range ("3元-5元", "2吨-3吨"). */
const NOT_BEFORE_SIGN = new Set([...'元角分圆镑吨股块克盎斤瓦时度倍成个']);
function negativeSignAt(start: number): boolean {
  const c = s.charCodeAt(start - 1);
  if (c !== 45 && c !== 0x2212 && c !== 0xff0d) return false;
  if (start < 2) return true;
  const b = s.charCodeAt(start - 2);
  if (b === 32 || b === 10 || b === 40 || b === 0xff08 || b === 58 || b === 0xff1a || b === 0xff0c || b === 44 || b === 0x3001) return true;
  // After a word ("报-120元", "为-340元"), not after a numeral or a unit ("5亿-6亿元", "3元-5元").
  return isCjkIdeograph(b) && CN_NUMERAL_CHAR[b] !== 1 && !NOT_BEFORE_SIGN.has(s[start - 2]);
}

/** True when the connector after `k` is 至 or 到. */
function isZhiWord(k: number): boolean {
  let j = k;
  if (isSpace(s.charCodeAt(j))) j++;
  const c = s.charCodeAt(j);
  return c === 0x81f3 /* 至 */ || c === 0x5230 /* 到 */;
}

/** Chinese verbs of change: after them "A至B" is a move to B ("续升1元至73.45元"), not a range. */
const CJK_CHANGE_LAST = new Set([...'升涨跌降增减调高低扩缩']);
/** Percentages written with 成 ("两成六"): a digit after 成 ends the percentage, no amount starts there. */
const C_CHENG = 0x6210;

/**
 * True when a Chinese verb of change ends right before `start`, or at most a percentage before
 * it ("下跌两成六至二十二亿元"); or when `start` is the last digit of such a percentage.
 */
function isCjkChangeBefore(start: number): boolean {
  let p = start;
  while (p > 0 && isSpace(s.charCodeAt(p - 1))) p--;
  if (s.charCodeAt(p - 1) === C_CHENG && cnDigit(s.charCodeAt(p - 2)) >= 0) return true;
  return CJK_CHANGE_LAST.has(s[p - 1] ?? '');
}

/** True when the word before `start` (hedges skipped) is a verb of change. */
function isChangeVerbBefore(start: number): boolean {
  let p = matchLeadHedge(s, start);
  while (p > 0 && isSpace(s.charCodeAt(p - 1))) p--;
  let k = p;
  while (k > 0 && p - k < 12 && isLetter(s.charCodeAt(k - 1))) k--;
  // "soared by 19.45 cents to 340.80 cents": the verb, then "by" and the size of the change.
  if (p - k === 2 && (s.charCodeAt(k) | 0x20) === 98 && (s.charCodeAt(k + 1) | 0x20) === 121 && isSpace(s.charCodeAt(k - 1))) {
    p = k - 1;
    k = p;
    while (k > 0 && p - k < 12 && isLetter(s.charCodeAt(k - 1))) k--;
  }
  return k < p && CHANGE_VERBS.has(s.slice(k, p).toLowerCase());
}

/** End of a unit written after a slash at `at` ("/kWh", "/吨"), or -1. */
function perUnitEnd(at: number): number {
  if (s.charCodeAt(at) !== 47 /* / */) return -1;
  let q = at + 1;
  while (q < n && q - at <= 6 && (isLetter(s.charCodeAt(q)) || (isCjkIdeograph(s.charCodeAt(q)) && s.charCodeAt(q) !== C_ZHI && s.charCodeAt(q) !== C_DAO))) q++;
  return q > at + 1 ? q : -1;
}

/** "从 A 至 B" and "from A to B" describe a change between two figures, not a range. */
function isFromChange(start: number): boolean {
  let p = start;
  while (p > 0 && start - p < 2 && isSpace(s.charCodeAt(p - 1))) p--;
  const c = s.charCodeAt(p - 1);
  if (c === 0x4ece /* 从 */ || c === 0x7531 /* 由 */) return true;
  // "from A to B" is a change, but "range(s) from A to B" and "ranging from" a range.
  return endsWithAt(s, p, 'from') && !(s.charCodeAt(p - 5) === 32 && RANGE_WORDS.has(wordBefore(p - 5)));
}
const RANGE_WORDS = new Set(['range', 'ranges', 'ranged', 'ranging', 'vary', 'varies', 'varying', 'valued', 'anywhere']);

/** "EPS4.6元": earnings per share glued to the amount, in Taiwan's and Hong Kong's reports. */
function epsBefore(i: number): boolean {
  return s.charCodeAt(i - 1) === 83 && s.charCodeAt(i - 3) === 69 && endsWithAt(s, i, 'eps') && !isLetter(s.charCodeAt(i - 4));
}

/** English month names and their short forms, lower case (a number after one is a day). */
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/**
 * A numeral with no currency of its own. Only word-only amounts (数千万, 上亿, 千亿) qualify, and
 * only when hedged, vague or coordinated, so "活跃用户超过 1,000 万" stays a count.
 */
function tryBare(i: number, numEnd: number, end: number, value = a.value, scale = a.scale): number {
  const resume = Math.max(end, i + 1);
  if (a.hasDigit && !a.vague && !a.upTo) {
    if (a.hasBig && (s.charCodeAt(end) === 40 || carried !== null)) {
      const noted = tryNoted(i, end, value);
      if (noted !== null) return noted;
    }
    // Cheap tests first: most bare numbers are neither followed by a list word nor right after a figure.
    const next = s.charCodeAt(end);
    const maybeList = LIST_FIRST[next] === 1 || (next === 44 && (scale > 1 || a.hasBig));
    // A year ("and 2025 sales") is no member of a list of amounts.
    const year = scale === 1 && !a.hasBig && end - i === 4 && value >= 1900 && value <= 2100 && value === Math.floor(value);
    // Nor is a day after its month ("on July 11 and 2.37 trillion yen on July 12").
    const day = scale === 1 && !a.hasBig && end - i <= 2 && s.charCodeAt(i - 1) === 32 && MONTHS.has(wordBefore(i - 1));
    // A count ("3.5年期", "3倍") is no member of a list of amounts.
    if (value >= 0 && !year && !day && COUNTED[next] !== 1 && (maybeList || i - lastEnd <= 6) && (listSeparatorAt(end, scale > 1 || a.hasBig) || followsListMember(i) || (a.hasBig && COUNTED[s.charCodeAt(end)] !== 1 && changedFrom(drafts[drafts.length - 1], i) !== null))) {
      drafts.push({
        start: i, end, currency: null, value, min: null, max: null, approximate: false, per: null,
        leadStart: i, leadEnd: i, leadApprox: false, qualifier: null, ambiguity: null, bare: true, subunit: false, list: true,
        unitScale: a.hasBig || scale > 1 ? scale : 1,
      });
      lastEnd = end;
    }
    return resume;
  }
  if (!a.hasBig) return resume;
  if (a.hasDigit) return tryNoted(i, end, value) ?? resume;
  if (!a.vague && !a.upTo && a.chineseChars < 2) return resume;
  let k = end;
  while (k < n && k - end < 2 && isSpace(s.charCodeAt(k))) k++;
  const next = s.charCodeAt(k);
  const coordinated = startsWithAt(s, k, '甚至') || next === 0x3001 /* 、 */ || next === 0x6216 /* 或 */;
  if (isCjkIdeograph(next) && next !== C_DE && !coordinated) return resume;
  const d: Draft = {
    start: i, end: numEnd, currency: null, value: a.value, min: null, max: null, approximate: true,
    per: null, leadStart: i, leadEnd: i, leadApprox: false, qualifier: null,
    ambiguity: a.zhao && !traditional ? 'zhao' : null, bare: true, subunit: false, list: false, unitScale: 1,
  };
  if (a.vague) setSpread(d, a.min, a.max);
  addHedges(d);
  if (!a.vague && !a.upTo && !d.leadApprox && !coordinated) return resume;
  drafts.push(d);
  lastEnd = numEnd;
  return resume;
}

/** Characters after which a bare amount with 万/亿/兆 counts things, not money: 3亿人, 2万辆. */
const COUNTED = new Uint8Array(65536);
for (const ch of '人户股名家个台辆件次张份吨只项座部架颗枚条亩瓦度桶笔手位倍年月日天周季期例套栋间首款种批轮单') COUNTED[ch.charCodeAt(0)] = 1;

/**
 * A bare amount with 万/亿/兆 followed by a note naming its currency ("8628.61亿(台币,下同)"),
 * or read in the currency an earlier "下同" note carried. Returns where to resume, or null.
 */
function tryNoted(i: number, end: number, value: number): number | null {
  const note = readCurrencyNote(end);
  const currency = note.code ?? (note.carry ? null : carried);
  if (currency === null || COUNTED[s.charCodeAt(end)] === 1) return null;
  if (note.carry) carried = currency;
  const d: Draft = {
    start: i, end, currency, value, min: null, max: null, approximate: false, per: null, leadStart: i, leadEnd: i,
    leadApprox: false, qualifier: null, ambiguity: a.zhao && !traditional ? 'zhao' : null, bare: false, subunit: false,
    list: false, unitScale: a.scale,
  };
  addHedges(d);
  drafts.push(d);
  lastEnd = end;
  return Math.max(end, i + 1);
}

/** A note after an amount: "(人民币,下同)", "(美元‧下同)", "(下同)", "(台币)". */
interface CurrencyNote {
  code: string | null;
  /** "下同": the same currency for the amounts that follow. */
  carry: boolean;
}
const NO_NOTE: CurrencyNote = { code: null, carry: false };
const C_XIA = '下'.charCodeAt(0);
const C_TONG = '同'.charCodeAt(0);

/** Reads a currency note at `k` (one space may come first); NO_NOTE when there is none. */
function readCurrencyNote(k: number): CurrencyNote {
  let j = k;
  if (isSpace(s.charCodeAt(j))) j++;
  if (s.charCodeAt(j) !== 40) return NO_NOTE;
  j++;
  let code: string | null = null;
  if (matchCurrencyAfter(s, j, suf2) && suf2.start === j && !suf2.weak && suf2.factor === 1) {
    code = suf2.code;
    j = suf2.end;
    const c = s.charCodeAt(j);
    if (c === 44 || c === 0x3001 || c === 0x2027 || c === 0xb7 || c === 0x30fb || c === 46 || c === 59 || c === 0xff1b) j++;
  }
  let carry = false;
  if (s.charCodeAt(j) === C_XIA && s.charCodeAt(j + 1) === C_TONG) {
    carry = true;
    j += 2;
    // "(台币,下同,约274亿美元)": more may follow in the same parenthesis.
    if (s.charCodeAt(j) === 44) {
      const close = s.indexOf(')', j);
      const open = s.indexOf('(', j);
      if (close > 0 && close - j <= 30 && (open < 0 || open > close)) j = close;
    }
  }
  if (s.charCodeAt(j) !== 41 || (code === null && !carry)) return NO_NOTE;
  return { code, carry };
}

const C_JIAO = '角'.charCodeAt(0);
const C_FEN = '分'.charCodeAt(0);

/** The value in 元 that `readJiaoFen` read. */
let jiaoFenOut = 0;

/** "九角", "五角二仙", "3角5分" right after 元: their end (k when none), their value in 元 in `jiaoFenOut`. */
function readJiaoFen(k: number): number {
  let j = k;
  let value = 0;
  // 角 (a tenth), then 分 or 仙 (a hundredth).
  for (let step = 0; step < 2; step++) {
    const c = s.charCodeAt(j);
    const d = isDigit(c) ? c - 48 : cnDigit(c);
    const u = s.charCodeAt(j + 1);
    if (d < 0 || d > 9) break;
    if (step === 0 ? u === C_JIAO : u === C_FEN || u === C_XIAN) {
      value += d * (step === 0 ? 0.1 : 0.01);
      j += 2;
    } else break;
  }
  jiaoFenOut = tidyNumber(value);
  return j;
}

/** Code units that can begin a list separator (、 和 及 与 或 以及, a space before "and"/"or" or before a Chinese one). */
const LIST_FIRST = new Uint8Array(65536);
for (const ch of '、和及与或以甚乃 /') LIST_FIRST[ch.charCodeAt(0)] = 1;

/** True when the figure or list member before `i` is joined to it by a list separator. */
function followsListMember(i: number): boolean {
  const last = drafts[drafts.length - 1];
  return last !== undefined && (last.list === true || !last.bare) && listSeparatorAt(last.end, true) === i;
}

/** Separators between the members of a list: 、 和 及 与 或 以及, "and", "or", and a comma after a scaled amount. */
function listSeparatorAt(k0: number, scaled: boolean): number {
  const e = listSeparatorEnd(k0, scaled);
  return e > 0 && isSpace(s.charCodeAt(e)) ? e + 1 : e;
}

function listSeparatorEnd(k0: number, scaled: boolean): number {
  // A space may stand on either side of a Chinese separator: "9.64 亿及 1.98 亿元".
  const k = isSpace(s.charCodeAt(k0)) && !isSpace(s.charCodeAt(k0 + 1)) && isCjkIdeograph(s.charCodeAt(k0 + 1)) ? k0 + 1 : k0;
  const c = s.charCodeAt(k);
  if (c === 0x3001 || c === 0x548c || c === 0x53ca || c === 0x4e0e || c === 0x6216) return k + 1;
  if (c === 0x4ee5 && s.charCodeAt(k + 1) === 0x53ca) return k + 2; // 以及
  // "30亿甚至50亿元", "数亿乃至数十亿元": the second amount raises the first.
  if ((c === 0x751a && s.charCodeAt(k + 1) === 0x81f3) || (c === 0x4e43 && s.charCodeAt(k + 1) === 0x81f3)) return k + 2;
  if (c === 44 && scaled) return isSpace(s.charCodeAt(k + 1)) ? k + 2 : k + 1;
  // "15.8/21.41/29.52亿元": a slash between two numbers.
  if (c === 47 && isDigit(s.charCodeAt(k - 1)) && isDigit(s.charCodeAt(k + 1))) return k + 1;
  if (c === 32 && (startsWithAt(s, k, ' and ') || startsWithAt(s, k, ' or '))) return k + (s.charCodeAt(k + 1) === 97 ? 5 : 4);
  return 0;
}

/** Words that take a figure to a new amount: "降到", "升至", "increased to". */
const CHANGE_TO = new Set(['到', '至', '降到', '降至', '升到', '升至', '增至', '增到', '减至', '减到', '跌至', '跌到', '涨至', '涨到', '下调至', '上调至', '调高至', '调低至', '下调到', '上调到',
  '增加到', '增加至', '减少到', '减少至', '提高到', '提高至', '降低到', '降低至', '缩减至', '扩大至']);

/**
 * The figure `d` with a currency when the bare amount at `at` is what it changed to ("从10亿港元
 * 降到7亿"): only a word of change stands between them. Else null.
 */
function changedFrom(d: Draft | undefined, at: number): Draft | null {
  if (d === undefined || d.end > at || d.bare || d.currency === null || d.min !== null || d.per !== null || at - d.end > 4) return null;
  const word = s.slice(d.end, at);
  if (!CHANGE_TO.has(word)) return null;
  // A bare 到 or 至 is a change only after 从 ("从10亿港元到7亿"); else it may close a range.
  if (word.length === 1 && s.charCodeAt(d.leadStart - 1) !== 0x4ece /* 从 */ && s.charCodeAt(d.start - 1) !== 0x4ece) return null;
  return d;
}

/**
 * Gives the bare members of a list the currency of the list's last member ("分别为1.66亿、1.50亿和
 * 0.24亿元", "人民币872.2万、2.4万和0元"), or of its first when only that one names it. Members
 * without scale words borrow the scale of that member ("1.66、1.50和0.24亿元") only when no member
 * has its own. Members that stay without a currency are dropped.
 */
function resolveLists(s: string, drafts: Draft[]): void {
  for (let k = 0; k < drafts.length; k++) {
    if (!drafts[k].list) continue;
    let j = k;
    while (j + 1 < drafts.length && drafts[j].list && listSeparatorAt(drafts[j].end, true) === drafts[j + 1].start) j++;
    const last = drafts[j];
    const first = k > 0 && !drafts[k - 1].bare && drafts[k - 1].currency !== null && listSeparatorAt(drafts[k - 1].end, true) === drafts[k].start
      ? drafts[k - 1] : null;
    // "从10亿港元降到7亿、1.5亿": the amounts a figure changed to are in its currency.
    const before = first === null && k > 0 ? changedFrom(drafts[k - 1], drafts[k].start) : null;
    const from = before !== null && drafts.slice(k, j + 1).every((d) => !d.list || d.unitScale > 1) ? before : null;
    const owner = !last.bare && last.currency !== null ? last : first ?? from;
    const end = owner === last ? j : j + 1;
    // A list of amounts per unit shares the unit too ("EPS 38.2/67.3/83.6元", "300、400元/吨").
    if (owner !== null && owner.min === null) {
      const borrow = owner.unitScale > 1 && drafts.slice(k, end).every((d) => !d.list || d.unitScale === 1);
      for (let m = k; m < end; m++) {
        const d = drafts[m];
        if (!d.list) continue;
        d.currency = owner.currency;
        d.per = owner.per;
        if (borrow) d.value *= owner.unitScale;
        d.bare = false;
        d.list = false;
        addHedges(d);
      }
    }
    k = end;
  }
}

/** "billions", "tens of billions", "several billion (dollars)". */
function tryEnglishVague(i: number): number {
  const base = parseEnglishVague(s, i, eng);
  if (!base) return i + 1;
  let end = eng.end;
  let currency: string | null = null;
  let spanEnd = end;
  if (startsWithAt(s, end, ' of ') && matchCurrencyAfter(s, end + 4, suf) && !suf.weak) {
    currency = suf.code;
    spanEnd = suf.end;
  } else if (!eng.plural && matchCurrencyAfter(s, end, suf) && !suf.weak) {
    currency = suf.code;
    spanEnd = suf.end;
  } else if (startsWithAt(s, end, ' of ')) {
    return end; // "billions of users"
  }
  const d: Draft = {
    start: i, end: spanEnd, currency, value: base, min: null, max: null, approximate: true, per: null,
    leadStart: i, leadEnd: i, leadApprox: false, qualifier: null, ambiguity: null, bare: currency === null,
    subunit: false, list: false, unitScale: 1,
  };
  setSpread(d, 2 * base, 9 * base);
  addHedges(d);
  drafts.push(d);
  lastEnd = spanEnd;
  end = spanEnd;
  return end;
}

/** Number words and their values; scales are handled apart. */
const NUMBER_WORDS = new Map<string, number>([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8],
  ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15],
  ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40],
  ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
]);
const WORD_SCALES = new Map<string, number>([['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12], ['lakh', 1e5], ['lakhs', 1e5], ['crore', 1e7], ['crores', 1e7]]);
/** Longest run of words an amount in words may have. */
const MAX_WORDS = 10;

/** The lower-case ASCII word that ends at `end` (letters only), or '' when there is none. */
function wordBefore(end: number): string {
  let k = end;
  while (k > 0 && end - k < 12 && isLetter(s.charCodeAt(k - 1))) k--;
  if (k === end || (k > 0 && isLetter(s.charCodeAt(k - 1)))) return '';
  return s.slice(k, end).toLowerCase();
}

/** The Arabic whole number that ends at `end` (at most 6 digits, not after a letter or digit separator), or ''. */
function digitsBefore(end: number): string {
  let k = end;
  while (k > 0 && end - k < 6 && isDigit(s.charCodeAt(k - 1))) k--;
  const before = s.charCodeAt(k - 1);
  if (k === end || isDigit(before) || isLetter(before) || before === 46 || before === 44) return '';
  return s.slice(k, end);
}

/**
 * The value of number words in order ("two hundred million", "a half million", "one and a half
 * billion", "twenty five thousand"), or -1 when they do not make one number.
 */
function wordsValue(words: string[]): number {
  let total = 0;
  let current = 0;
  let real = false;
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    const v = NUMBER_WORDS.get(w);
    if (v !== undefined) {
      current += v;
      real = true;
    } else if (w === 'hundred') {
      current = (current || 1) * 100;
      real = true;
    } else if (WORD_SCALES.has(w)) {
      total += (current || 1) * WORD_SCALES.get(w)!;
      current = 0;
      real = true;
    } else if (w === 'point') {
      // "eight point five billion": the digit words after it are decimals.
      let div = 10;
      let any = false;
      while (k + 1 < words.length && (NUMBER_WORDS.get(words[k + 1]) ?? 10) < 10) {
        current += NUMBER_WORDS.get(words[++k])! / div;
        div *= 10;
        any = true;
      }
      if (!any) return -1;
    } else if (/^\d+$/.test(w)) {
      current += Number(w); // "12-point-one trillion won"
      real = true;
    } else if (w === 'half') {
      current += 0.5;
      real = true;
    } else if (w === 'a' || w === 'an') {
      // "a million", "a hundred": one of the next word; "a half", "half a million": no value of its own.
      const next = words[k + 1];
      if (next !== 'half' && words[k - 1] !== 'half') current += 1;
    } else if (w !== 'and') return -1;
  }
  return real ? total + current : -1;
}

/**
 * An amount written in words before a currency word at `i`: "ten million dollars", "two hundred
 * million yuan", "a half million usd", "fourteen cents". Reads the number words backwards from
 * the currency word; nothing is found unless at least one of them is a number.
 */
function tryWordAmount(i: number): number {
  const c0 = s.charCodeAt(i);
  const c1 = s.charCodeAt(i + 1);
  if (c1 >= 128 || SECOND_OK[c0 * 128 + c1] === 0) return i + 1;
  if (!matchCurrencyAfter(s, i, suf) || suf.start !== i || suf.weak || !isLetter(c0)) return i + 1;
  const resume = Math.max(suf.end, i + 1);
  // Walk back over number words separated by one space or a hyphen.
  const starts: number[] = [];
  const words: string[] = [];
  let p = i;
  while (words.length < MAX_WORDS) {
    const sep = s.charCodeAt(p - 1);
    if (sep !== 32 && sep !== 45) break;
    let w = wordBefore(p - 1);
    // An Arabic whole number may open "12-point-one".
    if (!w && words[0] === 'point') w = digitsBefore(p - 1);
    if (!w || !(NUMBER_WORDS.has(w) || WORD_SCALES.has(w) || w === 'hundred' || w === 'half' || w === 'a' || w === 'an' || w === 'and' || w === 'point' || /^\d/.test(w))) break;
    // A hyphen joins only tens and units ("twenty-five") and the parts of "8-point-5".
    if (sep === 45 && !NUMBER_WORDS.has(w) && w !== 'point' && words[0] !== 'point') break;
    p = p - 1 - w.length;
    words.unshift(w);
    starts.unshift(p);
  }
  // Leading "and" belongs to what came before ("US$3 and fourteen cents").
  while (words.length && words[0] === 'and') {
    words.shift();
    starts.shift();
  }
  if (!words.length || starts[0] < lastEnd) return resume;
  const value = wordsValue(words);
  if (!(value > 0)) return resume;
  const scaled = words.some((w) => WORD_SCALES.has(w));
  if (suf.needsScale && !scaled) return resume;
  let currency = suf.code;
  if (suf.cents) currency = dollarOfPassage(starts[0]);
  const d: Draft = {
    start: starts[0], end: suf.end, currency, value: value * suf.factor, min: null, max: null, approximate: false,
    per: null, leadStart: starts[0], leadEnd: starts[0], leadApprox: false, qualifier: null, ambiguity: null, bare: false,
    subunit: suf.factor !== 1, list: false, unitScale: 1,
  };
  const perEnd = matchPerUnit(s, d.end);
  if (perEnd > d.end) {
    d.per = perUnitOut;
    d.end = perEnd;
  }
  addHedges(d);
  drafts.push(d);
  lastEnd = d.end;
  return Math.max(d.end, i + 1);
}

/** A vague amount: its interval, the midpoint as value, and always approximate. */
function setSpread(d: Draft, min: number, max: number): void {
  d.min = min;
  d.max = max;
  d.value = (min + max) / 2;
  d.approximate = true;
}

/** Hedge words before and after the span decide `approximate` and `qualifier`. */
function addHedges(d: Draft): void {
  const leadStart = matchLeadHedge(s, d.start);
  let qual = d.qualifier;
  if (leadStart < d.start) {
    d.leadStart = leadStart;
    d.leadEnd = leadEndOut;
    d.leadApprox = leadApproxOut;
    if (leadApproxOut) d.approximate = true;
    qual = text.slice(leadStart, leadEndOut);
  }
  const trailEnd = matchTrailHedge(s, d.end);
  if (trailEnd > 0) {
    d.approximate = true;
    const t = (trailDistantOut ? '…' : '') + text.slice(trailStartOut, trailEnd);
    qual = qual && leadStart < d.start ? `${qual}…${text.slice(trailStartOut, trailEnd)}` : t;
  }
  d.qualifier = qual;
}


/** Gap characters between an amount and its conversion: "X(Y)", "X / Y", "X,Y". */
function isConversionGap(s: string, from: number, to: number): boolean {
  if (to - from > 4 || to < from) return false;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (!(c === 32 || c === 40 || c === 47 || c === 44 || c === 61 || c === 0x2248)) return false;
  }
  return true;
}

const COORDINATORS = ['和', '与', '及', '以及', '、', '或', ' and ', ' or ', ', '];

/** True when the text between two figures is a single sentence fragment without a stop. */
function sameSentence(s: string, from: number, to: number, limit: number): boolean {
  if (to < from || to - from > limit) return false;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x3002 || c === 10 || c === 13 || c === 59 || c === 33 || c === 63) return false;
    if (c === 46 && isSpace(s.charCodeAt(k + 1))) return false;
  }
  return true;
}

/**
 * Second pass: hedges inherited by conversions and coordinated amounts, currencies inherited by
 * bare amounts, and the final plain objects.
 */
function finish(text: string, s: string, drafts: Draft[]): Figure[] {
  mergeSubunits(s, drafts);
  resolveLists(s, drafts);
  for (let k = 1; k < drafts.length; k++) {
    const prev = drafts[k - 1];
    const cur = drafts[k];
    if (prev.bare || cur.bare || !prev.approximate || cur.qualifier !== null) continue;
    // A conversion in parentheses or after a slash converts the same amount, hedge included.
    if (prev.currency !== cur.currency && isConversionGap(s, prev.end, cur.leadStart)) {
      cur.approximate = true;
      continue;
    }
    // "至多100亿美元和50亿美元": the bound covers both members of the pair.
    if (prev.leadApprox && prev.currency === cur.currency && prev.min === null && cur.min === null) {
      const gap = s.slice(prev.end, cur.leadStart);
      if (COORDINATORS.includes(gap)) cur.approximate = true;
    }
  }
  const out: Figure[] = [];
  for (let k = 0; k < drafts.length; k++) {
    const d = drafts[k];
    if (d.list) continue; // a list member whose list names no currency
    if (d.bare) {
      d.currency = neighbourCurrency(s, drafts, k);
      if (d.currency === null) continue;
    }
    if (d.currency === null) continue;
    // Rounding to 12 significant digits removes binary noise such as 4.19 × 1e9 = 4190000000.0000005.
    let value = tidy(d.value);
    const min = d.min === null ? null : tidy(d.min);
    const max = d.max === null ? null : tidy(d.max);
    // Only a figure read with its own minus sign may be negative.
    if (!Number.isFinite(value) || (value < 0 && !(min === null && negativeSignAt(d.start + 1)))) continue;
    if (min !== null && max !== null) {
      if (!(Number.isFinite(min) && Number.isFinite(max)) || min > max) continue;
      value = Math.min(Math.max(value, min), max);
    }
    out.push({
      text: text.slice(d.start, d.end), offset: d.start, length: d.end - d.start, currency: d.currency,
      value, min, max, approximate: d.approximate, per: d.per, qualifier: d.qualifier, ambiguity: d.ambiguity,
      // The fact fields, set by the facts step: present from the start, so every figure keeps one shape.
      subject: null, counterparty: null, source: null, metric: 'other', period: null, fact: out.length,
    });
  }
  return out;
}

const tidy = tidyNumber;

/** "US$3 and fourteen cents", "5 dollars and 50 cents": one amount written in two units. */
function mergeSubunits(s: string, drafts: Draft[]): void {
  for (let k = drafts.length - 1; k > 0; k--) {
    const cur = drafts[k];
    const prev = drafts[k - 1];
    if (!cur.subunit || prev.subunit || prev.bare || prev.currency !== cur.currency || prev.min !== null || cur.min !== null) continue;
    if (cur.value >= 1 || prev.value !== Math.floor(prev.value) || !startsWithAt(s, prev.end, ' and ') || cur.start !== prev.end + 5) continue;
    // "5.23 billion dollars and 61 cents a year earlier": an amount of millions has no cents
    // part; the cents are another figure (a per-share one).
    if (prev.value >= 1e6) continue;
    prev.end = cur.end;
    prev.value += cur.value;
    prev.approximate ||= cur.approximate;
    drafts.splice(k, 1);
  }
}

/**
 * The currency of a bare amount: the figure it is coordinated with ("数千万甚至上亿美元"), else
 * the nearest figure with a currency in the same sentence ("超139亿港元,…超百亿").
 */
function neighbourCurrency(s: string, drafts: Draft[], k: number): string | null {
  const d = drafts[k];
  let next: Draft | null = null;
  for (let j = k + 1; j < drafts.length && j <= k + 3; j++) if (!drafts[j].bare) { next = drafts[j]; break; }
  let prev: Draft | null = null;
  for (let j = k - 1; j >= 0 && j >= k - 3; j--) if (!drafts[j].bare) { prev = drafts[j]; break; }
  const nextOk = next !== null && sameSentence(s, d.end, next.leadStart, 40);
  const prevOk = prev !== null && sameSentence(s, prev.end, d.leadStart, 60);
  if (nextOk && next!.leadStart - d.end <= 4) return next!.currency;
  if (prevOk) return prev!.currency;
  if (nextOk) return next!.currency;
  return null;
}
