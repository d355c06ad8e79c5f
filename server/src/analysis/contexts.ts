/**
 * Companies in no list, found by the words around them rather than by their shape:
 *  - a source: "据时代周报报道", "据《经济通》报道", "另据格隆汇报道", "中新社香港5月12日电",
 *    "IT桔子统计显示" (media for reports, a research firm for data);
 *  - an investor: "X领投", "X跟投", "由X领投";
 *  - an English name next to a word of business: "metals miner Fresnillo", "led by Edaphon",
 *    "according to LSEG data", "Rolls-Royce jumped 87p", "UOB's".
 * Each rule reads a bounded number of characters around a cue; names are two to six
 * Chinese characters or one to three capitalised English words, never a generic phrase.
 */
import { isCommonEnglish, isNonCompanyAcronym } from './english';
import { isCommonWord } from './segment';
import { WordIndex } from './wordIndex';

const isCjk = (c: number) => (c >= 0x3400 && c < 0xa000) || (c >= 0xf900 && c < 0xfb00);
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const isLetter = (c: number) => isUpper(c) || isLower(c);
const isDigit = (c: number) => c >= 48 && c <= 57;

function startsWithAt(s: string, word: string, at: number): boolean {
  if (at + word.length > s.length) return false;
  for (let k = 0; k < word.length; k++) if (s.charCodeAt(at + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** A name found by context: [start, end) and the kind it gets. */
export type Found = [number, number, 'candidate' | 'media'];

/** Sources that are no company ("据知情人士透露", "据不完全统计"). */
const NOT_SOURCE = ['不', '某', '独家', '财务', '经营', '业绩', '交易', '最新', '有关', '披露', '透露', '显示', '估算', '预测', '调研', '查询', '观察', '悉', '了解', '称', '介绍', '估计', '测算', '不完全统计', '统计', '报道', '消息', '初步', '公开', '官方', '官网', '公告', '财报', '市场', '分析', '研报', '报告',
  '调查', '数据', '媒体', '外媒', '港媒', '台媒', '日媒', '韩媒', '美媒', '英媒', '此', '说', '传', '知情', '相关', '接近', '业内', '内部', '当地', '该', '其',
  '公司', '集团', '我们', '我', '本', '笔者', '记者', '作者', '专家', '分析师', '团队', '机构', '行业', '市场人士', '券商', '研究', '业界', '外界', '各界',
  '坊间', '投资者', '投资人', '业者', '民间', '国家', '政府', '官员', '当局', '按', '依', '根据',
  // Wires and quoting words, not outlets ("外电报道", "《华尔街日报》引述消息人士报道").
  '外电', '外讯', '引述', '援引', '转引', '引用', '陆媒', '央媒', '官媒', '党媒', '网媒', '自媒体', '财经媒体',
  // Prepositions that open a clause about a piece of news, not its source ("较收购消息传出前", "受利好消息").
  '较', '比', '受', '因', '对', '在', '随', '于', '从', '自', '待', '一', '透过', '通过', '经由', '借助', '总'];
const NOT_SOURCE_END = ['人士', '人员', '方面', '部门', '报告', '资料', '信息', '显示', '统计', '调查', '测算', '估计', '介绍', '机构', '媒体', '分析', '研究', '记者',
  // Government offices ("主计处统计", "商务部数据", "统计局").
  '处', '局', '署', '部', '厅', '委'];
/** Characters that may stand before a clause-opening 据. */
const JU_BEFORE = new Set([...'另而但并又则也且还均']);

/** Whether `name` may be a source (not a generic phrase). */
function sourceName(name: string): boolean {
  if (name.length < 2 || name.length > 8 || name.length - (name.endsWith('数据') ? 2 : 0) < 2) return false;
  for (const w of NOT_SOURCE) if (name.startsWith(w)) return false;
  for (const w of NOT_SOURCE_END) if (name.endsWith(w)) return false;
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if (!(isCjk(c) || isLetter(c) || isDigit(c) || c === 32)) return false;
  }
  return isCjk(name.charCodeAt(0)) || isUpper(name.charCodeAt(0));
}

/** Places and dates between a news agency and 电/讯 ("中新社香港5月12日电"). */
const DATELINE_PLACES = ['香港', '北京', '上海', '台北', '深圳', '广州', '纽约', '华盛顿', '伦敦', '东京', '新加坡', '首尔', '旧金山', '柏林', '巴黎'];
const DATELINE_INDEX = new WordIndex(DATELINE_PLACES, -1);

/**
 * A source name that opens a sentence and is followed by a report cue at `cue`
 * ("中新社报道", "站长之家11月7日报道", "IT桔子统计显示"): the name, or null.
 */
export function sourceBeforeCue(folded: string, cue: number, lastEnd: number, media: boolean, stop: Uint8Array): Found | null {
  let e = cue;
  // A date, then a place, may stand between the name and the cue.
  let d = e;
  if (folded.charCodeAt(d - 1) === 0x65e5 /* 日 */) {
    d--;
    const day = d;
    while (d > lastEnd && isDigit(folded.charCodeAt(d - 1))) d--;
    if (folded.charCodeAt(d - 1) === 0x6708 /* 月 */) {
      d--;
      const m = d;
      while (d > lastEnd && isDigit(folded.charCodeAt(d - 1))) d--;
      if (d < m) e = d;
      // "美通社香港2023年8月16日电": a year before the month.
      if (d < m && folded.charCodeAt(d - 1) === 0x5e74 /* 年 */) {
        let y = d - 1;
        while (y > lastEnd && d - 1 - y < 4 && isDigit(folded.charCodeAt(y - 1))) y--;
        if (d - 1 - y === 4) e = y;
      }
    } else if (day - d >= 1 && day - d <= 2) e = d; // "经济通通讯社22日报道": the day alone

  }
  for (const p of DATELINE_INDEX.with(folded.charCodeAt(e - 1))) if (e - p.length > lastEnd && startsWithAt(folded, p, e - p.length)) { e -= p.length; break; }
  // "据《经济通》报道": the name between quotes.
  const close = folded.charCodeAt(e - 1);
  const quoted = close === 0x300b /* 》 */ || close === 0x201d /* ” */;
  if (quoted) e--;
  let s = e;
  if (startsWithAt(folded, '数据', e - 2)) s -= 2; // "鱼眼数据统计显示": 据 ends no name here
  while (s > lastEnd && e - s < 8) {
    const c = folded.charCodeAt(s - 1);
    // Inside quotes any character belongs to the name; 经 of 经济 opens many a paper's name.
    // So do 财经 and 日报 (房财经网, 科创板日报).
    if ((isCjk(c) && (quoted || !stop[c] || (c === 0x7ecf /* 经 */ && (folded.charCodeAt(s) === 0x6d4e /* 济 */ || folded.charCodeAt(s - 2) === 0x8d22 /* 财 */))
      || (c === 0x65e5 /* 日 */ && folded.charCodeAt(s) === 0x62a5 /* 报 */))) || isLetter(c) || (isDigit(c) && s < e)) s--;
    else break;
  }
  let before = s > 0 ? folded.charCodeAt(s - 1) : 10;
  if (quoted) {
    if (before !== 0x300a && before !== 0x201c) return null;
    s--;
    before = s > 0 ? folded.charCodeAt(s - 1) : 10;
  }
  // The name opens a sentence or a clause, or follows a clause-opening 据 ("另据X报道").
  const ju = before === 0x636e /* 据 */ && (s < 2 || !isCjk(folded.charCodeAt(s - 2)) || JU_BEFORE.has(folded[s - 2]));
  if (!(ju || s === 0 || before === 10 || before === 0x3002 || before === 0xff0c || before === 44 || before === 0xff1b || before === 59 || before === 32 || before === 0x300b || before === 0x201d || before === 0xff1a || before === 58
    || before === 0x3010 /* 【 */ || before === 0x300c /* 「 */ || before === 40 || before === 0xff08)) return null;
  if (quoted) { s++; media = true; }
  const name = folded.slice(s, e);
  if (!sourceName(name) || name.length > 6) return null;
  return [s, e, media ? 'media' : 'candidate'];
}

/** Class words before an English name ("metals miner Fresnillo", "led by Edaphon"). */
const LATIN_CUE_BEFORE = ['subsidiary ', 'unit ', 'rival ', 'rivals ', 'peer ', 'miner ', 'jeweler ', 'jeweller ', 'retailer ', 'group ', 'startup ', 'start-up ', 'lender ', 'carmaker ',
  'automaker ', 'chipmaker ', 'broker ', 'brokerage ', 'insurer ', 'firm ', 'brand ', 'developer ', 'conglomerate ', 'operator ', 'supplier ', 'manufacturer ', 'producer ',
  'led by ', 'backed by ', 'according to ', 'analysts at ', 'analyst at ', 'economists at ', 'strategists at ', 'stake in ', 'shares of ', 'shares in ', 'invest in ',
  'invested in ', 'investment in ', 'acquisition of ', 'merger with ', 'selling its ', 'owner of ', 'parent ', 'stakes in ', 'bid for ', 'takeover of ', 'spin off ', 'spun off ',
  'acquire ', 'acquired ', 'acquiring ', 'bought ', 'buyout of ', 'purchase of ', 'acquisitions of ', 'takeovers of ', 'deal with ', 'partnership with ', 'maker ', 'makers ', 'groups ',
  'giant ', 'provider ', 'builder ', 'platform ', 'lab ', 'labs ', 'to buy ', 'to sell ', 'aggregator ', 'agreement with ', 'merger agreement with ',
  // Investors of a round ("funding from Lightbank and NEA", "participation from 500 Startups").
  'funding from ', 'financing from ', 'investment from ', 'investments from ', 'participation from ', 'backing from ', 'capital from ', 'investors including ',
  'investors such as ', 'co-led by ', 'joined by ',
  // Trackers, consultancies and agencies quoted for a figure ("tracker CEO Score said").
  'tracker ', 'consultancy ', 'agency ', 'data provider ',
  // Kinds of firm before a name ("Fintech Tide landed", "wealth manager Banca Generali", "marketplace Infra. Market").
  'fintech ', 'marketplace ', 'manager ', 'bottler ', 'chain ',
  // A bidder's target, a fund's exit, a firm's officers and owners ("offer for METRO", "exited
  // Kapiva", "founder of Zepto", "shareholders in Cofinimmo").
  'offer for ', 'exited ', 'founder of ', 'co-founder of ', 'chief executive of ', 'CEO of ', 'spokesperson for ', 'spokesman for ', 'spokeswoman for ',
  'shareholder in ', 'shareholders in ', 'shareholders of ', 'investor in ', 'investors in ',
  // Providers of a figure ("data from FactSet", "estimates from Visible Alpha").
  'data from ', 'figures from ', 'estimates from ', 'a survey by ', 'a report by ', 'a report from ',
  // Outlets named after their kind ("website VT Markets said"), and a unit's results ("revenues at UnitedHealthcare").
  'website ', 'newspaper ', 'magazine ', 'broadcaster ', 'portal ', 'outlet ', 'publication ', 'news agency ',
  'revenue at ', 'revenues at ', 'sales at ', 'profit at ', 'earnings at ', 'growth at ', 'Revenue at ', 'Revenues at ', 'Sales at ', 'Profit at ', 'Earnings at '];
/** Places of a company before its name ("Luxembourg-based Skype", "Hong Kong-listed Techtronic"). */
const LATIN_PLACE_CUES = ['-based ', '-listed ', '-headquartered ', '-owned '];
/** Chinese class words before an English name ("空壳公司Poema", "初创公司AheadForm"). */
const CJK_CUE_BEFORE = ['公司', '企业', '品牌', '厂商', '初创', '券商', '投行', '平台', '旗下', '车企', '药企', '对手', '集团', '资商', '新创', '巨头', '龙头', '应商', '伙伴',
  // Taiwan's way of naming a foreign company by its country: 美商 X, 日商 X, 韩商 X.
  '美商', '日商', '韩商', '德商', '英商', '法商', '荷商', '港商', '陆商', '外商',
  // Kinds of investor and outlet ("投资基金Robostrategy", "媒体Axios").
  '基金', '机构', '媒体', '网站',
  // Deals: the bought or entered company ("收购Maxim", "入股Mistral").
  '收购', '并购', '入股', '认购',
  // Makers and sellers of a trade (制造商, 运营商, 开发商, 零售商, 服务商, 经销商, 生产商).
  '造商', '营商', '发商', '售商', '务商', '销商', '产商', '货商'];
/** Market and funding verbs after an English name ("Rolls-Royce jumped", "AheadForm raised"). */
const LATIN_CUE_AFTER = new Set(['jumped', 'rose', 'fell', 'gained', 'slid', 'dropped', 'climbed', 'tumbled', 'soared', 'plunged', 'surged', 'sank', 'shed', 'raised', 'secured',
  'posted', 'priced', 'listed', 'filed', 'shares', 'stock', 'reported', 'tipped', 'downgraded', 'upgraded', 'rallied', 'slumped', 'advanced', 'declined', 'edged', 'lost',
  'added', 'unit', 'subsidiary', 'spokesperson', 'spokesman', 'spokeswoman', 'co-led', 'co-founded', 'earned', 'booked', 'landed', 'acquired',
  'shareholders', 'shareholder']);
/** Chinese words after an English name that make it a company ("AheadForm宣布完成"). */
const CJK_CUE_AFTER = ['宣布', '完成', '获得', '股价', '公司', '旗下', '发布', '推出', '表示', '融资', '上市', '市值', '创始人', '首席', '董事', '报道', '报导', '创办人', '执行长',
  '营收', '财报', '估值', '收购案', '母公司', '子公司', '持股', '股东', '股权', '的收购', '的股权', '盘中'];
const CJK_CUE_AFTER_INDEX = new WordIndex(CJK_CUE_AFTER);

/**
 * One to three capitalised English words starting at `at` that may be an unknown company:
 * [end, words], or null. The first word is no common English word; an all-capitals word is
 * no known non-company acronym.
 */
function latinName(folded: string, at: number, limit: number): [number, number] | null {
  let p = at;
  let words = 0;
  let end = -1;
  while (words < 3 && p < limit && isUpper(folded.charCodeAt(p))) {
    let q = p + 1;
    while (q < limit) {
      const c = folded.charCodeAt(q);
      if (isLetter(c) || isDigit(c) || c === 38 || ((c === 45 || c === 46) && isLetter(folded.charCodeAt(q + 1)))) q++;
      else break;
    }
    const word = folded.slice(p, q);
    if (/-[a-z]/.test(word)) break; // "Kong-listed", "Shenzhen-based"
    if (words === 0 ? isCommonEnglish(word) || isNonCompanyAcronym(word) : isCommonEnglish(word) && !/^[A-Z][a-z]/.test(word)) break;
    if (words > 0 && (word === 'The' || word === 'And' || word === 'Of' || word === 'In')) break;
    words++;
    end = q;
    if (folded.charCodeAt(q) !== 32 || !isUpper(folded.charCodeAt(q + 1))) break;
    p = q + 1;
  }
  return words ? [end, words] : null;
}

/** An unknown English company name at `at` shown by the words around it, or null. */
export function latinByContext(folded: string, at: number, wordEnd: number, limit: number): Found | null {
  // The cue first, cheaply; the name's words only when there is one.
  let before = false;
  const prev = at > 0 ? folded.charCodeAt(at - 1) : 10;
  if (prev === 32 && isLower(folded.charCodeAt(at - 2))) {
    let w = at - 1;
    let h = 0;
    while (w > 0 && (isLetter(folded.charCodeAt(w - 1)) || folded.charCodeAt(w - 1) === 45) && at - w < 16) { w--; h = (Math.imul(h, 31) + folded.charCodeAt(w)) | 0; }
    if (CUE_LAST_HASH.has(h)) {
      for (const c of LATIN_CUE_BEFORE) if (at >= c.length && startsWithAt(folded, c, at - c.length)) { before = true; break; }
    } else if (folded.charCodeAt(at - 2) === 100 /* d */) {
      for (const c of LATIN_PLACE_CUES) if (at >= c.length && startsWithAt(folded, c, at - c.length)) { before = true; break; }
    }
  } else if (isCjk(prev) && at >= 2) {
    before = CJK_CUE_BEFORE_KEYS.has((folded.charCodeAt(at - 2) << 16) | prev);
    // "软银旗下的ARM": a relation, then 的.
    if (!before && prev === 0x7684 /* 的 */ && at >= 3) before = startsWithAt(folded, '旗下', at - 3);
  }
  else if (prev === 32 && at >= 3 && isCjk(folded.charCodeAt(at - 2))) before = CJK_CUE_BEFORE_KEYS.has((folded.charCodeAt(at - 3) << 16) | folded.charCodeAt(at - 2));
  // End of the capitalised run (up to three words), by characters only.
  let end = at;
  let words = 0;
  for (let p = at; words < 3 && p < limit && isUpper(folded.charCodeAt(p));) {
    let q = p === at ? wordEnd : p + 1;
    while (q < limit) {
      const c = folded.charCodeAt(q);
      if (isLetter(c) || isDigit(c) || c === 38 || ((c === 45 || c === 46) && isLetter(folded.charCodeAt(q + 1)))) q++;
      else break;
    }
    words++;
    end = q;
    if (folded.charCodeAt(q) !== 32 || !isUpper(folded.charCodeAt(q + 1))) break;
    p = q + 1;
  }
  // A run of more than three capitalised words is a longer name than this rule reads
  // ("NEW ALVOGEN GROUP HOLDING, INC."): the rules of legal endings read it.
  if (words === 3 && folded.charCodeAt(end) === 32 && isUpper(folded.charCodeAt(end + 1))) return null;
  let after = 0; // 1: a verb of business or "data"; 2: a possessive
  if (!before) {
    const next = folded.charCodeAt(end);
    if ((next === 39 || next === 0x2019) && folded.charCodeAt(end + 1) === 115 && !isLetter(folded.charCodeAt(end + 2))) after = 2;
    // "BMS' experience": the possessive of a name ending in s.
    else if ((next === 39 || next === 0x2019) && folded.charCodeAt(end - 1) === 83 /* S */ && folded.charCodeAt(end + 1) === 32) after = 2;
    else if (next === 32 && isLower(folded.charCodeAt(end + 1))) {
      let q = end + 1;
      let h = 0;
      while (q < limit && q - end < 14 && (isLower(folded.charCodeAt(q)) || (folded.charCodeAt(q) === 45 && isLower(folded.charCodeAt(q + 1))))) { h = (Math.imul(h, 31) + folded.charCodeAt(q)) | 0; q++; }
      if (AFTER_HASH.has(h)) {
        const verb = folded.slice(end + 1, q);
        if (LATIN_CUE_AFTER.has(verb) || verb === 'data') after = verb === 'data' ? 3 : 1;
      }
    } else if (isCjk(next)) {
      if (CJK_CUE_AFTER_INDEX.startingAt(folded, end) !== null) after = 1;
    } else if (next === 44 && folded.charCodeAt(end + 1) === 32 && appositiveCompany(folded, end + 2, limit)) after = 1;
    if (!after) return null;
  }
  const read = latinName(folded, at, limit);
  if (!read) return null;
  const name = folded.slice(at, read[0]);
  const acronym = /^[A-Z]{2,5}$/.test(name);
  const camel = read[1] === 1 && /^[A-Z][a-z]+[A-Z]/.test(name);
  if (read[0] !== end && !before) return null;
  if ((after === 2 && !acronym && !camel && !possessesBusiness(folded, end + 3, limit)) || (after === 3 && !acronym)) return null;
  return [at, read[0], 'candidate'];
}

/** Nouns of an appositive that make the name before it a company ("Acme, a Beijing-based startup"). */
const APPOSITIVE_NOUNS = new Set(['startup', 'start-up', 'company', 'firm', 'maker', 'developer', 'provider', 'lender', 'bank', 'insurer', 'retailer', 'chipmaker', 'automaker',
  'carmaker', 'operator', 'producer', 'manufacturer', 'supplier', 'conglomerate', 'brokerage', 'unicorn', 'subsidiary', 'unit', 'miner', 'airline', 'designer', 'fund',
  'investor', 'platform', 'giant', 'group', 'outlet', 'publication', 'newspaper', 'broadcaster', 'arm']);
/**
 * Whether an appositive at `at` (after "X, ") names a kind of company: "a", "an" or "the",
 * up to four words, then one of APPOSITIVE_NOUNS ending the phrase ("a Shenzhen-based drone
 * maker", "the trading firm"). Not a possessive noun ("the company's CEO": a person).
 */
function appositiveCompany(folded: string, at: number, limit: number): boolean {
  let p = at;
  if (startsWithAt(folded, 'a ', p)) p += 2;
  else if (startsWithAt(folded, 'an ', p)) p += 3;
  else if (startsWithAt(folded, 'the ', p)) p += 4;
  else return false;
  for (let words = 0; words < 5 && p < limit; words++) {
    let q = p;
    while (q < limit && (isLetter(folded.charCodeAt(q)) || (folded.charCodeAt(q) === 45 && isLetter(folded.charCodeAt(q + 1))))) q++;
    if (q === p) return false;
    const next = folded.charCodeAt(q);
    if (APPOSITIVE_NOUNS.has(folded.slice(p, q).toLowerCase())) return next !== 39 && next !== 0x2019 && !isLetter(next);
    if (next !== 32) return false;
    p = q + 1;
  }
  return false;
}

/** What a company owns or does, after a possessive ("Didi's IPO", "Goertek's unit"). */
const POSSESSED = new Set(['ipo', 'listing', 'shares', 'stock', 'offer', 'bid', 'deal', 'stake', 'revenue', 'revenues', 'profit', 'profits', 'sales', 'results', 'earnings',
  'valuation', 'board', 'chief', 'ceo', 'cfo', 'founder', 'co-founder', 'chairman', 'unit', 'subsidiary', 'parent', 'acquisition', 'takeover', 'shareholders',
  'investors', 'platform', 'business', 'operations', 'factory', 'plant', 'chips', 'bonds', 'debt', 'market', 'headquarters', 'app', 'brand', 'customers',
  'guidance', 'quarterly', 'annual', 'fiscal', 'net', 'operating', 'ill-fated', 'flagship', 'venture', 'fund', 'half-year', 'first-half', 'full-year',
  'interim', 'pre-tax', 'dividend', 'management', 'executives', 'share', 'market-value', 'outlook', 'forecast', 'margins', 'orders',
  'review', 'estimates', 'survey', 'closing']);

/** Whether the word at `at` (after "X's ") is one of POSSESSED, perhaps after one capitalised word ("Goertek's Tongge Venture"). */
function possessesBusiness(folded: string, at: number, limit: number): boolean {
  let p = at;
  for (let words = 0; words < 3 && p < limit; words++) {
    let q = p;
    while (q < limit && (isLetter(folded.charCodeAt(q)) || folded.charCodeAt(q) === 45)) q++;
    if (q === p) return false;
    const word = folded.slice(p, q).toLowerCase();
    if (POSSESSED.has(word)) return true;
    // Only names (capitalised) may stand between the possessive and the noun.
    if (!isUpper(folded.charCodeAt(p)) || folded.charCodeAt(q) !== 32) return false;
    p = q + 1;
  }
  return false;
}

/** Hash of a word read backwards (as the cue test reads it) or forwards. */
function hashOf(word: string, backwards: boolean): number {
  let h = 0;
  for (let k = 0; k < word.length; k++) h = (Math.imul(h, 31) + word.charCodeAt(backwards ? word.length - 1 - k : k)) | 0;
  return h;
}
/** The last word of every English cue before a name, hashed; the verbs after, hashed; the Chinese cues as a set. */
const CUE_LAST_HASH = new Set(LATIN_CUE_BEFORE.map((c) => hashOf(c.trim().split(' ').pop()!, true)));
const AFTER_HASH = new Set([...LATIN_CUE_AFTER, 'data'].map((w) => hashOf(w, false)));
const CJK_CUE_BEFORE_KEYS = new Set(CJK_CUE_BEFORE.map((w) => (w.charCodeAt(0) << 16) | w.charCodeAt(1)));

/** "X领投", "X跟投": the investor's name right before the cue at `cue`, or null. */
export function investorBefore(folded: string, cue: number, lastEnd: number, stop: Uint8Array, stop2: (s: number) => boolean): Found | null {
  let s = cue;
  let cjk = 0;
  while (s > lastEnd && cue - s < 8) {
    const c = folded.charCodeAt(s - 1);
    if (isCjk(c) && !stop[c]) {
      if (s - 2 >= lastEnd && stop2(s)) break;
      cjk++;
      s--;
    } else if (isLetter(c) || (c === 32 && isLetter(folded.charCodeAt(s - 2)))) s--;
    else break;
  }
  while (folded.charCodeAt(s) === 32) s++;
  const name = folded.slice(s, cue);
  if (name.length < 2 || cjk > 6 || (cjk === 0 && !isUpper(name.charCodeAt(0)))) return null;
  if (!sourceName(name) || NOT_INVESTOR.has(name)) return null;
  return [s, cue, 'candidate'];
}
/** Adverbs that stand before 领投/跟投 without naming anyone ("先后领投", "再次跟投"). */
const NOT_INVESTOR = new Set(['先后', '共同', '再次', '继续', '分别', '同时', '此前', '曾经', '亲自', '独家', '连续', '多次', '首次', '均由', '也曾', '还曾', '参与']);

/** Marks that end a clause, where the subject of the next one starts. */
const CLAUSE_MARK = new Set([10, 0x3002, 0xff0c, 44, 0xff1b, 59, 0xff1a, 58, 0xff01, 0xff1f, 0x3010, 0x3011, 0x300c, 0x201c, 0x201d, 0x3001]);
/** Verbs of a funding round before 融资 ("完成近10亿元B轮融资", "获得数亿元融资"). */
const FUNDING_VERBS = ['完成', '获得', '拿到', '斩获', '获'];
/** Words between a subject and its verb that belong to neither ("也宣布", "近日正式"). */
const ADVERBS = ['宣布', '已经', '已', '也', '亦', '还', '再次', '再', '又', '正式', '成功', '顺利', '近日', '日前', '今日', '今天', '昨日', '昨天', '此前', '先后', '相继', '刚刚', '同日', '同时', '分别', '率先', '首次',
  '拟', '将', '计划', '预计', '预期', '预定', '下周一', '下周二', '下周三', '下周四', '下周五', '纷纷', '陆续', '集体', '联合', '共同', '随后', '最终', '均', '同样', '今日起', '明日起', '今起', '明起', '周一', '周二', '周三', '周四', '周五', '周六', '周日', '本周', '上周', '今年', '去年'];
/** Kinds of firm written right before a company's name ("芯片设计公司X", "运营企业X"). */
const KIND_NOUNS = ['公司', '企业', '厂商', '初创', '创企', '车企', '药企', '巨头', '龙头', '独角兽', '运营商', '制造商', '供应商', '开发商', '服务商', '品牌商', '平台'];
const KIND_LAST = new Set(KIND_NOUNS.map((x) => x.charCodeAt(x.length - 1)));
/** ADVERBS by their last character, longest first. */
const ADVERBS_BY_LAST = new Map<number, string[]>();
for (const w of ADVERBS.slice().sort((a, b) => b.length - a.length)) {
  const c = w.charCodeAt(w.length - 1);
  if (!ADVERBS_BY_LAST.has(c)) ADVERBS_BY_LAST.set(c, []);
  ADVERBS_BY_LAST.get(c)!.push(w);
}
/** Words that open a clause before its subject ("其中X完成", "同一天，X"). */
const OPENERS = ['其中', '此外', '另外', '同时', '同一天', '同日', '与此同时', '而', '另',
  // Hong Kong papers' "the market says" before the subject ("另市传X集资约5亿美元").
  '另市传', '市传', '消息指', '据悉', '据了解'];

const OPENER_LAST = new Set(OPENERS.map((x) => x.charCodeAt(x.length - 1)));

function endsWithAt(s: string, word: string, end: number): boolean {
  return end >= word.length && startsWithAt(s, word, end - word.length);
}

/**
 * The subject that opens the clause and ends at `end`, once the adverbs before the verb are
 * taken off: a name of two to eight characters, or null. "同一天，松延动力也宣布完成…" gives 松延动力.
 */
function clauseSubject(folded: string, end: number, lastEnd: number, stop: Uint8Array, kindOnly = false): Found | null {
  let e = end;
  for (let guard = 0; guard < 4; guard++) {
    const w = ADVERBS_BY_LAST.get(folded.charCodeAt(e - 1))?.find((x) => e - x.length > lastEnd && endsWithAt(folded, x, e));
    if (!w) break;
    e -= w.length;
  }
  let s = e;
  let kind = false;
  while (s > lastEnd && e - s < 10) {
    const c = folded.charCodeAt(s - 1);
    if (e - s >= 2 && OPENER_LAST.has(c) && OPENERS.some((x) => endsWithAt(folded, x, s))) break;
    // "眼科药物公司X今日起招股", "卫星运营企业X宣布": a kind of firm right before the name.
    if (e - s >= 2 && KIND_LAST.has(c) && KIND_NOUNS.some((x) => endsWithAt(folded, x, s))) { kind = true; break; }
    if ((isCjk(c) && !stop[c]) || isLetter(c) || isDigit(c) || (c === 32 && isLetter(folded.charCodeAt(s - 2)))) s--;
    else break;
  }
  // A clause may open with its date ("1月27日X正式登陆港交所").
  const opensClause = (at: number) => at <= 0 || CLAUSE_MARK.has(folded.charCodeAt(at - 1)) || dateOpensClause(folded, at);
  if (kindOnly && !kind) return null;
  if (kind) { /* the kind of firm opens the name */ }
  else if (!opensClause(s)) {
    // "其中X": an opener the scan stopped at (其 ends names) before the subject.
    const opener = OPENERS.find((x) => endsWithAt(folded, x, s) && s - x.length >= lastEnd && opensClause(s - x.length));
    if (!opener) return null;
  } else {
    const opener = OPENERS.find((x) => startsWithAt(folded, x, s) && e - s - x.length >= 2);
    if (opener) s += opener.length;
  }
  const name = folded.slice(s, e);
  if (name.length < 2 || name.length > 8 || !sourceName(name) || isCommonWord(name) || NOT_SUBJECT.has(name)) return null;
  // "较招股价": a comparison, not a subject.
  if (name.charCodeAt(0) === 0x8f83 /* 较 */) return null;
  // An amount is never part of the subject ("数亿元", "3亿元").
  if (amountIn(name)) return null;
  return [s, e, 'candidate'];
}
/** Whether a date ("1月27日", "27日") ends at `at` right after a clause mark or the start. */
function dateOpensClause(folded: string, at: number): boolean {
  if (folded.charCodeAt(at - 1) !== 0x65e5 /* 日 */) return false;
  let p = at - 1;
  for (let parts = 0; parts < 3; parts++) {
    let q = p;
    while (q > 0 && p - q < 4 && isDigit(folded.charCodeAt(q - 1))) q--;
    if (q === p) return false;
    const u = folded.charCodeAt(q - 1);
    if (u === 0x6708 /* 月 */ || u === 0x5e74 /* 年 */) { p = q - 1; continue; }
    return q <= 0 || CLAUSE_MARK.has(u);
  }
  return false;
}
/** Digits and the characters of amounts. */
const AMOUNT_CHAR = new Set([...'0123456789数几'].map((ch) => ch.charCodeAt(0)));
const AMOUNT_UNIT = new Set([...'亿万元'].map((ch) => ch.charCodeAt(0)));
const NUMERAL_CHAR = new Set([...'0123456789一二三四五六七八九十百千两数几'].map((ch) => ch.charCodeAt(0)));
/** Whether a name holds an amount ("3亿元", "数千万"): digits, 数/几, or 亿/万/元 after a numeral or first; 启元世界 and 万科 do not. */
function amountIn(name: string): boolean {
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if (AMOUNT_CHAR.has(c)) return true;
    if (AMOUNT_UNIT.has(c) && (k === 0 || NUMERAL_CHAR.has(name.charCodeAt(k - 1)))) return true;
  }
  return false;
}
/** Subjects of a funding or share-price sentence that name no company. */
const NOT_SUBJECT = new Set(['行业', '赛道', '板块', '项目', '产品', '平台', '企业', '初创', '初创企业', '创企', '个股', '该股', '公司股', '龙头', '概念股', '全年', '今年', '去年', '本轮', '此轮', '上轮', '前者', '后者',
  // A firm's organs and officers, not its name ("公司董事会宣布").
  '董事会', '管理层', '股东', '股东会', '高层', '官方', '方面', '团队', '负责人', '发言人', '创始人', '董事长', '总裁', '总经理', '首席执行官', '大股东', '控股股东']);

/**
 * "X完成…融资", "X也宣布完成近10亿元B轮融资", "X获得数亿元融资": the company that raised
 * the round at the cue 融资 at `cue`, or null. The verb stands at most twenty characters before
 * the cue, in the same clause.
 */
export function fundedBefore(folded: string, cue: number, lastEnd: number, stop: Uint8Array): Found | null {
  for (let v = cue - 1; v > lastEnd && cue - v <= 20; v--) {
    const c = folded.charCodeAt(v);
    if (CLAUSE_MARK.has(c) && c !== 0x3001) return null;
    for (const w of FUNDING_VERBS) {
      if (!startsWithAt(folded, w, v) || v + w.length > cue) continue;
      return clauseSubject(folded, v, lastEnd, stop);
    }
  }
  return null;
}

/** "消息公布后，恒生股价收盘大涨": the company whose share price opens the clause, or null. */
export function sharePriceBefore(folded: string, cue: number, lastEnd: number, stop: Uint8Array): Found | null {
  return clauseSubject(folded, cue, lastEnd, stop);
}

/** "卫星运营企业X宣布": the company a kind of firm names right before a verb, or null. */
export function kindSubjectBefore(folded: string, cue: number, lastEnd: number, stop: Uint8Array): Found | null {
  return clauseSubject(folded, cue, lastEnd, stop, true);
}

/**
 * The English name before "and" at the start `at` of a name found by context ("Jane Street and
 * Situational Awareness co-led"): [start, end] of one to three capitalised words, or null.
 */
export function coordinatedBefore(folded: string, at: number, floor: number): [number, number] | null {
  if (at < 6 || !startsWithAt(folded, ' and ', at - 5)) return null;
  const e = at - 5;
  let s = e;
  for (let words = 0; words < 3; words++) {
    let w = s;
    while (w > floor && (isLetter(folded.charCodeAt(w - 1)) || isDigit(folded.charCodeAt(w - 1)) || folded.charCodeAt(w - 1) === 38)) w--;
    if (w === s || !isUpper(folded.charCodeAt(w))) break;
    s = w;
    // Go on over the space only to another capitalised word.
    if (s - 2 < floor || folded.charCodeAt(s - 1) !== 32 || !isLetter(folded.charCodeAt(s - 2))) break;
    let v = s - 1;
    while (v > floor && isLetter(folded.charCodeAt(v - 1))) v--;
    if (!isUpper(folded.charCodeAt(v))) break;
    s--;
  }
  while (folded.charCodeAt(s) === 32) s++;
  if (s >= e || s < floor) return null;
  const read = latinName(folded, s, e + 1);
  return read && read[0] === e ? [s, e] : null;
}

/**
 * "funding from Lightbank and NEA": the capitalised name after " and " that follows a name a
 * cue before it found (ending `at`), when the name closes the phrase (punctuation, the end, or
 * another " and "). [start, end] or null.
 */
export function coordinatedAfter(folded: string, at: number, limit: number): [number, number] | null {
  if (!startsWithAt(folded, ' and ', at) || !isUpper(folded.charCodeAt(at + 5))) return null;
  const read = latinName(folded, at + 5, limit);
  if (!read) return null;
  let end = read[0];
  // "Burrill & Co.", "Smith & Nephew": a name joined by an ampersand.
  if (startsWithAt(folded, ' & ', end) && isUpper(folded.charCodeAt(end + 3))) {
    const more = latinName(folded, end + 3, limit);
    if (more) end = more[0];
  }
  // "Burrill & Co.": a legal ending with its dot.
  if (folded.charCodeAt(end) === 46 && folded.charCodeAt(end - 1) === 111 /* o */ && folded.charCodeAt(end - 2) === 67 /* C */) end++;
  const next = folded.charCodeAt(end);
  if (!(end >= limit || next === 44 || next === 46 || next === 59 || next === 10 || next === 41 || startsWithAt(folded, ' and ', end))) return null;
  return [at + 5, end];
}

/**
 * Start of the capitalised English name (one to four words) that ends at `end`, as before a
 * ticker in parentheses ("Arcadium Lithium（ALTM.US）"), or -1.
 */
export function latinNameBefore(folded: string, end: number, floor: number): number {
  let s = end;
  for (let words = 0; words < 4; words++) {
    let w = s;
    while (w > floor && (isLetter(folded.charCodeAt(w - 1)) || isDigit(folded.charCodeAt(w - 1)) || folded.charCodeAt(w - 1) === 38 || folded.charCodeAt(w - 1) === 46 || folded.charCodeAt(w - 1) === 45)) w--;
    if (w === s || !isUpper(folded.charCodeAt(w))) break;
    s = w;
    // "Acme Robotics, Inc.": a legal form after a comma belongs to the name before it.
    if (words === 0 && s - 3 >= floor && startsWithAt(folded, ', ', s - 2) && isLetter(folded.charCodeAt(s - 3)) && COMMA_FORMS.has(folded.slice(s, end).trim())) { s -= 2; continue; }
    if (s - 2 < floor || folded.charCodeAt(s - 1) !== 32 || !isLetter(folded.charCodeAt(s - 2))) break;
    s--;
  }
  while (folded.charCodeAt(s) === 32) s++;
  if (s >= end || !isUpper(folded.charCodeAt(s))) return -1;
  // A legal form alone is no name ("2seventy bio, Inc.": the name before it is not read).
  if (COMMA_FORMS.has(folded.slice(s, end).trim())) return -1;
  // The first word is no common English word ("The", "Shares") nor a known acronym.
  let w = s;
  while (w < end && isLetter(folded.charCodeAt(w))) w++;
  const first = folded.slice(s, w);
  return isCommonEnglish(first) || isNonCompanyAcronym(first) ? -1 : s;
}

/** Legal forms written after a comma ("Acme, Inc."). */
export const COMMA_FORMS = new Set(['Inc.', 'Inc', 'Ltd.', 'Ltd', 'LLC', 'L.L.C.', 'Corp.', 'Corp', 'Co.', 'plc', 'PLC', 'S.A.', 'N.V.', 'AG', 'SE', 'L.P.', 'LP', 'Limited', 'Incorporated']);

/** Words after the company a deal verb takes ("认购X新增注册资本", "收购X的股权"). */
const OBJECT_TAILS = ['新增注册资本', '注册资本', '的股权', '股权', '的股份', '全部股份', '的全部资产'];
/** "4.4415%股权", "51%的股份": a stake written as a percentage right after the object. */
function stakeAfter(folded: string, at: number, limit: number): boolean {
  let p = at;
  while (p < limit && p - at < 9 && (isDigit(folded.charCodeAt(p)) || (folded.charCodeAt(p) === 46 && p > at))) p++;
  if (p === at || folded.charCodeAt(p) !== 37 /* % */) return false;
  p++;
  return startsWithAt(folded, '股权', p) || startsWithAt(folded, '股份', p) || startsWithAt(folded, '的股权', p) || startsWithAt(folded, '的股份', p);
}
/** Shares of no one in particular ("收购剩余股权", "认购大部分股份"). */
const NOT_OBJECT = ['剩余', '少数', '多数', '大部分', '部分', '全部', '控制', '控股', '相关', '标的', '目标', '其余', '所持', '持有', '现有', '新增', '少量', '大量',
  '更多', '一定', '百分之', '对方', '双方', '合资', '项目', '资产', '公司', '企业', '海外', '境外', '国内', '上市', '优质', '核心', '重要', '主要', '新能源', '国有'];

/** Verbs that end right before the company whose stake follows ("购买X 99.99%股份"). */
const STAKE_VERBS = ['收购', '购买', '持有', '受让', '出售', '转让', '认购', '增持', '减持', '入股', '所持', '买入', '卖出', '取得', '获得'];
/** Words that open no company's name before a stake ("该公司51%股权", "其持有的30%股份"). */
const NOT_STAKE_HOLDER = ['该', '本', '其', '此', '上述', '前述', '对方', '标的', '目标', '公司', '剩余', '合计', '累计', '共计', '约'];

/**
 * "购买兴福新材99.9978%股份", "新昇晶投46.7354%股权、新昇晶科49.1228%股权": the company whose
 * stake, a percentage then 股权 or 股份, the cue at `cue` ends. The name stands right before the
 * percentage, after a deal verb, a list mark, 及/和/与 or a clause's start. [start, end] of three
 * to eight characters, or null.
 */
export function stakeHolderBefore(folded: string, cue: number, lastEnd: number, stop: Uint8Array): Found | null {
  let p = cue;
  if (folded.charCodeAt(p - 1) === 0x7684 /* 的 */) p--;
  if (folded.charCodeAt(p - 1) !== 37 /* % */) return null;
  p--;
  const digitsEnd = p;
  while (p > lastEnd && digitsEnd - p < 10 && (isDigit(folded.charCodeAt(p - 1)) || folded.charCodeAt(p - 1) === 46)) p--;
  if (p === digitsEnd || !isDigit(folded.charCodeAt(p))) return null;
  const e = p;
  let s = e;
  let verb = false;
  while (s > lastEnd && e - s < 9) {
    if (e - s >= 2 && STAKE_VERBS.some((v) => s - v.length >= lastEnd && startsWithAt(folded, v, s - v.length))) { verb = true; break; }
    const c = folded.charCodeAt(s - 1);
    if (!isCjk(c) || stop[c]) break;
    s--;
  }
  // "受让同仁药业30%股份": a name with a function character inside (同, 以, 有) is read back to
  // the deal verb before it.
  if (!verb && s > lastEnd && stop[folded.charCodeAt(s - 1)]) {
    for (let k = e - 3; k >= lastEnd + 2 && e - k <= 8; k--) {
      const c = folded.charCodeAt(k);
      if (!isCjk(c) || c === 0x7684 /* 的 */) break;
      if (STAKE_VERBS.some((v) => k - v.length >= lastEnd && startsWithAt(folded, v, k - v.length))) { s = k; verb = true; break; }
    }
  }
  const before = s > 0 ? folded.charCodeAt(s - 1) : 10;
  // "其持有的X 30%股份": a deal verb, then 的.
  if (!verb && before === 0x7684 /* 的 */) verb = STAKE_VERBS.some((v) => s - 1 - v.length >= lastEnd && startsWithAt(folded, v, s - 1 - v.length));
  // The name opens the phrase: a deal verb, a list mark, a conjunction or punctuation before it.
  if (!(verb || s === 0 || before === 0x3001 || before === 0xff0c || before === 44 || before === 0x3002 || before === 10 || before === 0xff1b
    || before === 0x53ca /* 及 */ || before === 0x548c /* 和 */ || before === 0x4e0e /* 与 */)) return null;
  const name = folded.slice(s, e);
  if (name.length < 3 || name.length > 8 || !sourceName(name) || isCommonWord(name) || NOT_SUBJECT.has(name)) return null;
  if (NOT_STAKE_HOLDER.some((w) => name.startsWith(w)) || NOT_OBJECT.some((w) => name.startsWith(w)) || amountIn(name)) return null;
  return [s, e, 'candidate'];
}

/**
 * The company a deal verb (收购, 认购, 入股, 增资) takes at `at` (where the object starts),
 * shown by what its shares are called after it: "认购星翼芯能新增注册资本", "收购澄海电子的股权".
 * [start, end] of three to eight characters, or null. (Before mere punctuation the object is as
 * often a thing as a company: 收购补充资源, 收购价仍偏低.)
 */
export function objectAfter(folded: string, at: number, limit: number, stop: Uint8Array): Found | null {
  let e = at;
  while (e < limit && e - at < 9) {
    const c = folded.charCodeAt(e);
    if (!isCjk(c) || stop[c]) break;
    if (e - at >= 2 && OBJECT_TAILS.some((w) => startsWithAt(folded, w, e))) break;
    e++;
  }
  const len = e - at;
  const tail = OBJECT_TAILS.some((w) => startsWithAt(folded, w, e)) || stakeAfter(folded, e, limit);
  if (!tail || len < 3 || len > 8) return null;
  const name = folded.slice(at, e);
  if (!sourceName(name) || isCommonWord(name) || NOT_SUBJECT.has(name) || NOT_OBJECT.some((w) => name.startsWith(w))) return null;
  if (amountIn(name)) return null;
  return [at, e, 'candidate'];
}
