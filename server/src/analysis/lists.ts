/**
 * Names in enumerations. A list of names is read as a whole: "麦格纳、斯特兰蒂斯、大众、采埃孚等企业",
 * "黑石、TPG、普徕仕等十余家机构", "stakes in Paytm, Zomato, PB Fintech and Delhivery". Its unknown
 * items are companies when the list says so: a company noun after 等 ("等企业", "等多家车企"),
 * or known companies among its items (at least half of them).
 * Items must look like names: two to six Chinese characters or one to three capitalised
 * English words, never a place, a common word or a phrase with a function word in it.
 * Pure and bounded: each list is read once, each item at most eight characters back.
 */
import { isCommonWord } from './segment';
import { isCommonEnglish } from './english';

/** A mention already found: [start, end) and whether it names a company-like entity. */
export interface Known { start: number; end: number; company: boolean }

const isCjk = (c: number) => (c >= 0x3400 && c < 0xa000) || (c >= 0xf900 && c < 0xfb00);
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isLatin = (c: number) => isUpper(c) || isLower(c) || isDigit(c);

function startsWithAt(s: string, word: string, at: number): boolean {
  if (at + word.length > s.length) return false;
  for (let k = 0; k < word.length; k++) if (s.charCodeAt(at + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** Nouns after 等 that make the list one of companies. */
const COMPANY_NOUNS = ['企业', '公司', '厂商', '厂家', '车企', '药企', '房企', '险企', '巨头', '大厂', '车厂', '机构', '券商', '投行', '银行', '平台', '客户', '股东',
  '投资方', '投资人', '投资者', '基金', '供应商', '龙头', '集团', '品牌', '同行', '对手', '玩家', '企', '家'];
const NOUN_FIRST = new Uint8Array(65536);
for (const w of COMPANY_NOUNS) NOUN_FIRST[w.charCodeAt(0)] = 1;
/** What may stand between 等 and the noun ("等多家", "等知名", "等十余家"). */
const NOUN_GAP = 6;
/** Characters that make the noun part of a longer word (企业家, 公司法). */
const NOUN_NOT_BEFORE = new Set([...'家主法级界化']);
/** Words that open a list: the first item starts after them ("已拿到", "吸引了", "包括"). */
const OPENERS = ['包括', '包含', '涵盖', '例如', '比如', '像是', '诸如', '吸引', '引入', '引进', '拿下', '联合', '携手', '选择', '供货', '合作', '像',
  ...'的与和及在对将由向把被为等是了从到以于其该这那也都就而或并且又给让使如各每有无非个只位名年月日称据至即同跟经获自此更最很已还均再'];
/** 1: a one-character opener; 2: the last character of a two-character one (looked up in OPENER_PAIRS). */
const OPENER_LAST = new Uint8Array(65536);
const OPENER_PAIRS = new Set<number>();
for (const w of OPENERS) {
  if (w.length === 1) OPENER_LAST[w.charCodeAt(0)] |= 1;
  else { OPENER_LAST[w.charCodeAt(1)] |= 2; OPENER_PAIRS.add((w.charCodeAt(0) << 16) | w.charCodeAt(1)); }
}
/** Places and regions: never a company in a list ("美国、日本等市场"). */
const PLACES = new Set(['中国', '美国', '日本', '韩国', '德国', '法国', '英国', '意大利', '西班牙', '荷兰', '瑞士', '瑞典', '挪威', '丹麦', '芬兰', '比利时', '奥地利', '波兰',
  '印度', '越南', '泰国', '印尼', '新加坡', '马来西亚', '菲律宾', '澳大利亚', '澳洲', '新西兰', '加拿大', '墨西哥', '巴西', '阿根廷', '智利', '秘鲁', '俄罗斯', '乌克兰',
  '沙特', '阿联酋', '卡塔尔', '以色列', '土耳其', '伊朗', '埃及', '南非', '欧洲', '欧盟', '中东', '非洲', '东南亚', '北美', '南美', '拉美', '亚洲', '亚太', '香港', '台湾',
  '澳门', '大陆', '内地', '北京', '上海', '深圳', '广州', '杭州', '苏州', '南京', '成都', '武汉', '重庆', '天津', '西安', '合肥', '东莞', '宁波', '纽约', '伦敦', '东京',
  '首尔', '巴黎', '柏林', '硅谷', '华尔街', '日韩', '欧美', '中美', '港澳', '两岸', '全球', '海外', '国内', '国外']);
/** Last characters of places and of classes of things (浙江省, 新能源车, 储能业). */
const NOT_NAME_LAST = new Set([...'省市县区州国洲岛业类型化性股板链']);
/** Characters no name contains. */
const NOT_IN_NAME = new Set([...'的了着过是在和与及或等这那其该每各个些们']);

/** Whether [s, e) of `folded` looks like the name of a company in a list. */
function nameShaped(folded: string, s: number, e: number): boolean {
  const len = e - s;
  if (len < 2) return false;
  const first = folded.charCodeAt(s);
  if (isCjk(first)) {
    if (len > 6) return false;
    const w = folded.slice(s, e);
    for (let k = 0; k < len; k++) {
      const c = folded.charCodeAt(s + k);
      if (!isCjk(c) && !isLatin(c)) return false;
      if (NOT_IN_NAME.has(w[k])) return false;
    }
    if (PLACES.has(w) || isCommonWord(w) || NOT_NAME_LAST.has(w[len - 1])) return false;
    if (isDigit(folded.charCodeAt(s))) return false;
    return true;
  }
  if (!isUpper(first) && !isDigit(first)) return false;
  const words = folded.slice(s, e).split(' ');
  if (words.length > 3) return false;
  for (const w of words) {
    if (!w || !/^[A-Za-z0-9][A-Za-z0-9&.'’-]*$/.test(w)) return false;
  }
  if (!/[A-Za-z]/.test(words[0]) || isDigit(first)) return false;
  if (words.length === 1 && isCommonEnglish(words[0])) return false;
  return !words.every((w) => isCommonEnglish(w));
}

/**
 * Index of the first known mention that ends after `s` (mentions sorted by start, never
 * overlapping). The lists are read left to right and each look-up is near the one before, so
 * a cursor that walks from the last answer takes a step or two where a binary search took
 * ten; it is used only when the ends never decrease, where both give the same index.
 */
function firstEndingAfter(known: Known[], s: number): number {
  if (known !== cursorOf) {
    cursorOf = known;
    cursorAt = 0;
    cursorOk = true;
    for (let k = 1; k < known.length && cursorOk; k++) cursorOk = known[k].end >= known[k - 1].end;
  }
  if (cursorOk) {
    let k = cursorAt;
    while (k > 0 && known[k - 1].end > s) k--;
    while (k < known.length && known[k].end <= s) k++;
    cursorAt = k;
    return k;
  }
  let lo = 0;
  let hi = known.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (known[mid].end <= s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
/** The list of mentions the cursor walks (the last one read), where it stands, and whether its ends never decrease. */
let cursorOf: Known[] | null = null;
let cursorAt = 0;
let cursorOk = false;

/** The known mention covering [s, e), or null. */
function knownAt(known: Known[], s: number, e: number): Known | null {
  const k = firstEndingAfter(known, s);
  return k < known.length && known[k].start < e ? known[k] : null;
}

/** Whether a known company lies in [s, e). */
function hasCompanyIn(known: Known[], s: number, e: number): boolean {
  for (let k = firstEndingAfter(known, s); k < known.length && known[k].start < e; k++) if (known[k].company) return true;
  return false;
}

/** End of a Chinese list item starting at `s`: before a separator, 等, a function word or punctuation. */
function itemEnd(folded: string, s: number, limit: number): number {
  let e = s;
  while (e < limit && e - s <= 8) {
    const c = folded.charCodeAt(e);
    if (c === 0x3001 || c === 0x7b49 /* 等 */) break;
    if (!isCjk(c) && !isLatin(c) && !(c === 32 && isLatin(folded.charCodeAt(e - 1)) && isLatin(folded.charCodeAt(e + 1)))) break;
    if (e > s && (c === 0x548c || c === 0x53ca || c === 0x4e0e) /* 和 及 与 */) break;
    // "…、北极光跟投": the verb of a round after the last investor.
    if (e > s && ROUND_FIRST.has(c) && investCueAt(folded, e)) break;
    e++;
  }
  return e;
}

/** Verbs of a funding round after a list of investors ("五源、IDG、北极光跟投"): its items are investors. */
const ROUND_CUES = ['跟投', '领投', '参投', '联合领投', '共同领投', '共同投资', '参与投资', '追加投资'];
const ROUND_FIRST = new Set(ROUND_CUES.map((w) => w.charCodeAt(0)));
function investCueAt(folded: string, at: number): boolean {
  for (const w of ROUND_CUES) if (folded.startsWith(w, at)) return true;
  return false;
}

const isOpen = (c: number) => c === 40 || c === 0xff08;
const isClose = (c: number) => c === 41 || c === 0xff09;

/** After an item's parenthesis ("东硕资讯（3272-TW）"): the offset past it, or `e` when there is none. */
function pastParenthesis(folded: string, e: number): number {
  if (!isOpen(folded.charCodeAt(e))) return e;
  for (let k = e + 1; k < folded.length && k - e <= 14; k++) if (isClose(folded.charCodeAt(k))) return k + 1;
  return e;
}
/** Before an item's parenthesis ending at `e`: the offset where it opens, or `e`. */
function beforeParenthesis(folded: string, e: number): number {
  if (!isClose(folded.charCodeAt(e - 1))) return e;
  for (let k = e - 2; k >= 0 && e - k <= 14; k--) if (isOpen(folded.charCodeAt(k))) return k;
  return e;
}

/** Start of the first item of a Chinese list ending at `e`, or -1 when no boundary is clear. */
function firstItemStart(folded: string, e: number, floor: number, known: Known[]): number {
  const k = knownAt(known, e - 1, e);
  if (k && k.end === e) return k.start;
  let s = e;
  while (s > floor && e - s < 8) {
    const c = folded.charCodeAt(s - 1);
    if (!isCjk(c) && !isLatin(c) && !(c === 32 && isLatin(folded.charCodeAt(s - 2)))) return s;
    const o = OPENER_LAST[c];
    if (o && ((o & 1) || OPENER_PAIRS.has((folded.charCodeAt(s - 2) << 16) | c))) {
      // "…股权投资基金有限公司、": 有 of a legal form opens nothing; the name is longer than this reads.
      if (c === 0x6709 /* 有 */ && folded.charCodeAt(s) === 0x9650 /* 限 */) return -1;
      // "HW的电动货车、…": what follows 的 is a thing of someone, not a name.
      return e - s >= 2 && c !== 0x7684 /* 的 */ ? s : -1;
    }
    s--;
  }
  return s === floor && e - s <= 6 ? s : -1;
}

/** Marks that end the clause a list is read in: 。，,；;\n：:！？ */
const CLAUSE_END = new Uint8Array(65536);
for (const c of [0x3002, 0xff0c, 44, 0xff1b, 59, 10, 0xff1a, 58, 0xff01, 0xff1f]) CLAUSE_END[c] = 1;

/** Whether a company noun follows the 等 at `at` ("等企业", "等多家车企"). */
function companyNounAfter(folded: string, at: number, limit: number): boolean {
  for (let p = at + 1; p < limit && p - at <= NOUN_GAP + 1; p++) {
    const c = folded.charCodeAt(p);
    if (!isCjk(c) && !isDigit(c)) return false;
    if (!NOUN_FIRST[c]) continue;
    for (const w of COMPANY_NOUNS) {
      if (w.length === 1 && p - at > 1 && folded.charCodeAt(p - 1) === 0x5bb6 /* 家 */) continue;
      if (startsWithAt(folded, w, p) && !NOUN_NOT_BEFORE.has(folded[p + w.length] ?? '')) {
        // A bare 企 or 家 counts only as the classifier of a number ("等三家", "等多家").
        if (w.length === 1 && !(w === '家' && (isDigit(folded.charCodeAt(p - 1)) || '多几数余两三四五六七八九十'.includes(folded[p - 1])))) continue;
        return true;
      }
    }
  }
  return false;
}

/**
 * Unknown company names of the Chinese lists in `folded`: [start, end) pairs, sorted, not
 * overlapping `known` (sorted by start) nor each other.
 */
export function listNames(folded: string, known: Known[], marks: readonly number[]): [number, number][] {
  // (The cursor of firstEndingAfter is set up afresh for each call and let go at its end.)
  cursorOf = null;
  const out: [number, number][] = [];
  const n = folded.length;
  // The places of 、 in order, as the caller's scan noted them.
  let mi = 0;
  const nextMark = (from: number): number => {
    while (mi < marks.length && marks[mi] < from) mi++;
    return mi < marks.length ? marks[mi] : -1;
  };
  let p = nextMark(0);
  let done = 0;
  // The clause last looked at, and whether it may hold a list of companies at all: a 等 with
  // a company noun after it, or a known company near. Most lists (of sectors, products,
  // places) are passed by on this test alone.
  let clauseEnd = -1;
  let clauseMay = false;
  while (p >= 0) {
    if (p < done) { p = nextMark(p + 1); continue; }
    if (p >= clauseEnd) {
      let q = p;
      let deng = false;
      while (q < n && q - p < 80) {
        const c = folded.charCodeAt(q);
        if (CLAUSE_END[c]) break;
        if (c === 0x7b49 /* 等 */ && !deng) deng = companyNounAfter(folded, q, n);
        q++;
      }
      clauseEnd = q;
      clauseMay = deng || hasCompanyIn(known, p - 40, q);
    }
    if (!clauseMay) { p = nextMark(clauseEnd); continue; }
    const items: [number, number][] = [];
    // An item may carry its stock code in parentheses: the name ends before them.
    const e0 = beforeParenthesis(folded, p);
    const s0 = firstItemStart(folded, e0, Math.max(0, done), known);
    items.push([s0, e0]);
    let at = p;
    let end = p;
    let closedByDeng = false;
    while (at < n && folded.charCodeAt(at) === 0x3001) {
      const s = at + 1;
      const e = itemEnd(folded, s, n);
      items.push([s, e]);
      end = e;
      at = pastParenthesis(folded, e);
      const c = folded.charCodeAt(at);
      if ((c === 0x548c || c === 0x53ca || c === 0x4e0e) && folded.charCodeAt(at - 1) !== 0x3001) {
        // "A、B和C": the last item.
        const s2 = startsWithAt(folded, '以及', at) ? at + 2 : at + 1;
        const e2 = itemEnd(folded, s2, n);
        items.push([s2, e2]);
        end = at = e2;
        break;
      }
    }
    const tail = pastParenthesis(folded, end);
    if (folded.charCodeAt(tail) === 0x7b49 /* 等 */) closedByDeng = companyNounAfter(folded, tail, n) || investCueAt(folded, tail + 1);
    else if (investCueAt(folded, tail)) closedByDeng = true;
    done = end;
    // Which items are known companies, which are something else.
    let companies = 0;
    let others = 0;
    for (const [s, e] of items) {
      if (s < 0) continue;
      const k = knownAt(known, s, e);
      if (k) { if (k.company) companies++; else others++; }
    }
    const count = items.length;
    // Known companies make the others companies only where they are at least half of the list.
    const isCompanyList = others === 0 && (closedByDeng || companies * 2 >= count);
    if (isCompanyList) {
      for (const [s, e] of items) {
        if (s < 0 || knownAt(known, s, e)) continue;
        // An item followed by text that is no boundary (a verb glued to the last item) is not read.
        if (e === end && !closedByDeng) {
          const c = folded.charCodeAt(e);
          if (isCjk(c) && c !== 0x7b49) continue;
        }
        if (nameShaped(folded, s, e)) out.push([s, e]);
      }
    }
    p = nextMark(Math.max(p + 1, end));
  }
  cursorOf = null;
  return out;
}

/** Capitalised words that are no company in an English list. */
const NOT_LATIN_ITEM = new Set(['CEO', 'CFO', 'CTO', 'COO', 'Chairman', 'President', 'Inc', 'Ltd', 'Co', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct',
  'Nov', 'Dec', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Monday', 'Tuesday',
  'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'China', 'India', 'Japan', 'Korea', 'Taiwan', 'Germany', 'France', 'Britain', 'Europe', 'Asia', 'Africa', 'America',
  'Canada', 'Mexico', 'Brazil', 'Australia', 'Singapore', 'Indonesia', 'Vietnam', 'Thailand', 'Malaysia', 'Russia', 'Ukraine', 'Israel', 'Italy', 'Spain', 'Beijing',
  'Shanghai', 'Shenzhen', 'London', 'Paris', 'Tokyo', 'Seoul', 'Mumbai', 'Delhi', 'Bengaluru', 'Bangalore', 'California', 'Texas', 'Washington', 'Wall', 'Street',
  'US', 'UK', 'EU', 'UAE', 'U.S.', 'U.K.', 'Hong', 'Kong', 'New', 'York', 'Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2', 'FY', 'AI', 'EV', 'EVs', 'GPU', 'GPUs', 'IPO', 'IPOs',
  // Units of an organisation and classes of shares, not companies ("Strategic Investment Department", "Class B").
  'Department', 'Division', 'Office', 'Committee', 'Ministry', 'Bureau', 'Commission', 'Council', 'Class', 'Series', 'Tranche']);

/** The capitalised item ending at `e` (before a separator): [start, end) or null. */
function latinItemBefore(folded: string, e: number): [number, number] | null {
  let s = e;
  for (let words = 0; words < 3; words++) {
    let w = s;
    while (w > 0 && (isLatin(folded.charCodeAt(w - 1)) || '&.\'’-'.includes(folded[w - 1]))) w--;
    if (w === s || !isUpper(folded.charCodeAt(w))) break;
    s = w;
    if (folded.charCodeAt(s - 1) !== 32 || !isUpper(folded.charCodeAt(s - 2 - wordLengthBack(folded, s - 1) + 1))) break;
    s--;
  }
  while (folded.charCodeAt(s) === 32) s++;
  return s < e ? [s, e] : null;
}
/** Length of the Latin word ending at `e` (exclusive). */
function wordLengthBack(folded: string, e: number): number {
  let w = e;
  while (w > 0 && isLatin(folded.charCodeAt(w - 1))) w--;
  return e - w;
}

/** The capitalised item starting at `s`: its end, or -1. */
function latinItemAfter(folded: string, s: number, limit: number): number {
  let e = s;
  for (let words = 0; words < 3; words++) {
    if (!isUpper(folded.charCodeAt(e))) break;
    let w = e;
    while (w < limit && (isLatin(folded.charCodeAt(w)) || '&\'’-'.includes(folded[w]))) w++;
    if (folded.slice(e, w) === 'and') break;
    e = w;
    if (folded.charCodeAt(e) !== 32 || !isUpper(folded.charCodeAt(e + 1))) break;
    e++;
  }
  while (e > s && folded.charCodeAt(e - 1) === 32) e--;
  return e > s ? e : -1;
}

function latinSeparatorBefore(folded: string, s: number): number {
  if (folded.charCodeAt(s - 1) !== 32) return -1;
  if (folded.charCodeAt(s - 2) === 44) return s - 2;
  if (s >= 5 && startsWithAt(folded, ' and ', s - 5)) return folded.charCodeAt(s - 6) === 44 ? s - 6 : s - 5;
  return -1;
}
function latinSeparatorAfter(folded: string, e: number): number {
  if (folded.charCodeAt(e) === 44 && folded.charCodeAt(e + 1) === 32) return startsWithAt(folded, 'and ', e + 2) ? e + 6 : e + 2;
  if (startsWithAt(folded, ' and ', e)) return e + 5;
  return -1;
}

function latinItemOk(folded: string, s: number, e: number): boolean {
  const words = folded.slice(s, e).split(' ');
  if (words.some((w) => NOT_LATIN_ITEM.has(w))) return false;
  return nameShaped(folded, s, e);
}

/**
 * Unknown company names of English lists ("in Paytm, Zomato, PB Fintech and Delhivery"): the
 * capitalised items chained by ", " and "and" to a known company, in lists of three or more
 * whose known items are companies. Sorted [start, end) pairs.
 */
export function latinListNames(folded: string, known: Known[], limit = folded.length): [number, number][] {
  const out: [number, number][] = [];
  cursorOf = null;
  let lastEnd = 0;
  for (const k of known) {
    if (k.start < lastEnd || !k.company || !isUpper(folded.charCodeAt(k.start)) && !isDigit(folded.charCodeAt(k.start))) continue;
    // Most company names stand in no list: with no separator on either side the walks below
    // find no other item (and need not be set up).
    if (latinSeparatorBefore(folded, k.start) < 0 && latinSeparatorAfter(folded, k.end) < 0) { lastEnd = k.end; continue; }
    // Walk left, then right, over separated items.
    const items: [number, number, boolean][] = [[k.start, k.end, true]];
    let s = k.start;
    for (let guard = 0; guard < 8; guard++) {
      const sep = latinSeparatorBefore(folded, s);
      if (sep < 0) break;
      const item = latinItemBefore(folded, sep);
      if (!item) break;
      const kn = knownAt(known, item[0], item[1]);
      if (kn && !kn.company) { items.length = 0; break; }
      items.unshift([item[0], item[1], kn !== null]);
      s = item[0];
    }
    if (!items.length) continue;
    let e = k.end;
    for (let guard = 0; guard < 8; guard++) {
      const next = latinSeparatorAfter(folded, e);
      if (next < 0) break;
      const ie = latinItemAfter(folded, next, limit);
      if (ie < 0) break;
      const kn = knownAt(known, next, ie);
      if (kn && !kn.company) { items.length = 0; break; }
      items.push([kn ? kn.start : next, kn ? kn.end : ie, kn !== null]);
      e = kn ? kn.end : ie;
    }
    lastEnd = e;
    if (items.length < 3) continue;
    for (const [a, b, isKnown] of items) if (!isKnown && latinItemOk(folded, a, b)) out.push([a, b]);
  }
  cursorOf = null;
  return out.sort((x, y) => x[0] - y[0]);
}
