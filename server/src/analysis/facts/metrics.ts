/**
 * What a figure measures: the metric word nearest to it in its clause (before it, else
 * right after it), else the topic word of its sentence, refined by the figure's own shape
 * (a per-share amount is a price unless the words say dividend or earnings).
 */
import type { Figure, Metric } from '../types';
import type { Bounds } from './sentences';

/** Metric words in Simplified script (the folded text) and in English, by metric. */
const WORDS: Record<Metric, string[]> = {
  revenue: ['营收', '营业收入', '营业总收入', '营业额', '总收入', '收入', '收益', '销售额', '销售收入', '营运收入', '年化收入', '年收入', '销售', '出货额', 'GMV', 'ARR',
    'revenue', 'revenues', 'sales', 'turnover', 'top line', 'bookings', 'annualized revenue', 'run-rate', 'run rate'],
  profit: ['营益', '获利', '税后', '净损', '净利润', '净利', '利润', '盈利', '纯利', '纯益', '溢利', '净亏损', '亏损', '净亏', '毛利', '扣非', '归母', '每股收益', '每股盈利', '每股纯益', '每股净利', '税前', '息税', 'EBITDA', 'EPS',
    '每股基本收益', '每股基本盈利', '基本每股收益', '基本每股盈利', '每股摊薄收益', '稀释每股收益', '每股盈余', '盈余', '每股盈测',
    'profit', 'profits', 'net income', 'earnings', 'earned', 'earn', 'earns', 'loss', 'losses', 'net loss', 'operating income', 'ebitda', 'eps', 'per diluted share'],
  capex: ['资本开支', '资本支出', '资本性支出', '资本投入', '建设', '建厂', '扩产', '投建', '基础设施', '数据中心', '算力', 'capex',
    'capital expenditure', 'capital expenditures', 'capital spending', 'data center', 'data centers', 'data centre', 'data centres', 'infrastructure', 'buildout', 'build-out'],
  investment: ['投资', '注资', '入股', '增资', '出资', '领投', '参投', '跟投', '认购', '战略投资', '股权投资',
    'invest', 'invests', 'invested', 'investing', 'investment', 'investments', 'stake'],
  funding: ['融资', '募资', '募集', '募得', '集资', '筹资', '筹集', '融得', '上市', '配售', '配股', '定增', '发债', '债券', '可转债', '贷款', '授信', '招股', '天使轮', 'IPO',
    'raise', 'raised', 'raises', 'raising', 'seeking', 'seeks', 'seek', 'funding', 'financing', 'round', 'proceeds', 'offering', 'placement', 'placing', 'bond', 'bonds', 'notes', 'loan', 'loans', 'ipo', 'series', 'credit line', 'collected'],
  valuation: ['估值', '投后', '投前', 'valuation', 'valued', 'valuing', 'value of'],
  'market-value': ['市值', 'market cap', 'market capitalization', 'market capitalisation', 'market value'],
  'market-size': ['市场规模', '市场空间', '市场容量', '行业规模', '产业规模', '产值', '市场', 'market size', 'addressable market', 'TAM', 'industry', 'market'],
  price: ['市场价格', '市场价', '股价', '收报', '收于', '报收', '价格', '售价', '单价', '均价', '目标价', '发行价', '招股价', '现价', '金价', '油价', '报价', '开盘', '收盘', '价',
    'price', 'prices', 'priced', 'target', 'shares', 'stock', 'closed at', 'traded at', 'offer price', 'charged', 'charges', 'quoted', 'receipt', 'bill'],
  cost: ['成本', '费用', '开支', '支出', '研发', '投入', '花费', '耗资', '罚款', '赔偿', '代价',
    'cost', 'costs', 'expense', 'expenses', 'spending', 'spend', 'spent', 'r&d', 'fine', 'fined', 'penalty'],
  dividend: ['股息', '派息', '分红', '股利', '末期息', '中期息', '特别息', 'dividend', 'dividends', 'payout'],
  buyback: ['回购', 'buyback', 'buybacks', 'repurchase', 'repurchases', 'repurchased', 'buy back'],
  deal: ['收购', '并购', '买下', '购买', '买入', '出售', '转让', '交易', '对价', '合同', '订单', '大单', '中标', '支付', '总价', '总价格', '总对价', '总代价', '交易总额', '交易总价', '交易总价格', '签约', '采购', '协议', '合约', '购入', '竞得', '拍得',
    'acquire', 'acquires', 'acquired', 'acquisition', 'acquisitions', 'buy', 'buys', 'bought', 'purchase', 'purchases', 'purchased', 'deal', 'deals',
    'sell', 'sells', 'sold', 'sale', 'contract', 'contracts', 'order', 'orders', 'agreement', 'takeover', 'merger', 'bid',
    'offer', 'offers', 'paid', 'pay', 'pays', 'paying'],
  trading: ['成交额', '成交金额', '成交', '净买入', '净卖出', '净流入', '净流出', '资金流入', '流入', '流出', '南向资金', '北向资金', '卖空', '沽空', '换手',
    'on turnover', 'trading volume', 'inflow', 'inflows', 'outflow', 'outflows', 'net buying', 'net selling', 'net purchases', 'traded'],
  // Words read only so that a shorter word inside them is not: "市场预期" is the consensus
  // about another metric, not a market's size; "价值" (worth) and "身价" (a fortune) are no price.
  other: ['市场预期', '市场预估', '市场估计', '市场共识', '市场普遍预期', '市场资金', '市场人士', '市场传闻', '市场消息', '价值', '持股价值', '身价', '身家', '净资产', 'market expectations', 'market consensus'],
};

const METRIC_OF = new Map<string, Metric>();
for (const [metric, words] of Object.entries(WORDS) as [Metric, string[]][]) {
  for (const w of words) {
    const key = /[\u3400-\u9fff]/.test(w) ? w : w.toLowerCase();
    if (!METRIC_OF.has(key)) METRIC_OF.set(key, metric);
  }
}
/** For each character that starts a Chinese metric word, the length of the longest such word. */
const LONGEST_FROM = new Uint8Array(65536);
/** Characters that are a metric word alone (价), and the first two characters of longer words. */
const SINGLE = new Uint8Array(65536);
const PAIRS = new Set<number>();
/** Characters that can start a metric word: the first characters of the Chinese words, letters. */
const CAN_START = new Uint8Array(65536);
for (let c = 0x41; c <= 0x5a; c++) CAN_START[c] = CAN_START[c + 0x20] = 1;
/** First words of the English metric words ("net" of "net income"). */
const FIRST_WORDS = new Set<string>();
for (const w of METRIC_OF.keys()) {
  if (!/[\u3400-\u9fff]/.test(w)) {
    // In lower case, capitalised and upper case, so the text needs no lower-casing to be looked up.
    const first = w.split(' ')[0];
    FIRST_WORDS.add(first).add(first[0].toUpperCase() + first.slice(1)).add(first.toUpperCase());
    continue;
  }
  const c = w.charCodeAt(0);
  CAN_START[c] = 1;
  LONGEST_FROM[c] = Math.max(LONGEST_FROM[c], w.length);
  if (w.length === 1) SINGLE[c] = 1;
  else PAIRS.add(c * 65536 + w.charCodeAt(1));
}

/** The first two letters (lower case, a–z) of the English first words: most words of a text start no metric word. */
const FIRST_PAIR = new Uint8Array(32 * 32);
let FIRST_LONGEST = 0;
for (const w of FIRST_WORDS) {
  const a = w.charCodeAt(0) | 0x20;
  const b = w.length > 1 ? w.charCodeAt(1) | 0x20 : 0x60;
  if (a >= 0x61 && a <= 0x7a && b >= 0x60 && b <= 0x7a) FIRST_PAIR[(a - 0x60) * 32 + (b - 0x60)] = 1;
  else FIRST_PAIR.fill(1);
  FIRST_LONGEST = Math.max(FIRST_LONGEST, w.length);
}

/** A hash of a word's letters in lower case, the same for "Revenue", "revenue" and "REVENUE". */
function foldedHash(s: string, i: number, k: number): number {
  let h = 0;
  for (let j = i; j < k; j++) h = (Math.imul(h, 31) + (s.charCodeAt(j) | 0x20)) | 0;
  return h;
}
/** The hashes of the English first words. */
const FIRST_HASHES = new Set<number>();
for (const w of FIRST_WORDS) FIRST_HASHES.add(foldedHash(w, 0, w.length));

/** True when the word [i, k) may be a first word of an English metric word (cheap test before the lookup). */
function mayStartWord(s: string, i: number, k: number): boolean {
  if (k - i > FIRST_LONGEST) return false;
  const a = s.charCodeAt(i) | 0x20;
  const b = k - i > 1 ? s.charCodeAt(i + 1) | 0x20 : 0x60;
  if (a >= 0x61 && a <= 0x7a && b >= 0x60 && b <= 0x7a && FIRST_PAIR[(a - 0x60) * 32 + (b - 0x60)] !== 1) return false;
  return FIRST_HASHES.has(foldedHash(s, i, k));
}

const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x26 || c === 0x2d;
const isCjkChar = (c: number) => c >= 0x3400 && c <= 0x9fff;

/** Words of the "other" list that do name what an amount is (a fortune, a stake's worth): read as "other". */
const NAMES_OTHER = new Set(['身价', '身家', '净资产', '持股价值']);

/** How far after a figure the words that name it are read ("… in second-quarter operating profit"). */
export const AFTER_WORDS = 40;

export interface MetricWord {
  offset: number;
  length: number;
  metric: Metric;
}

/**
 * Every metric word in [from, to), leftmost-longest, without overlaps: Chinese words
 * anywhere, English words (up to four, case-insensitive) between word bounds.
 */
export function metricWords(s: string, from: number, to: number): MetricWord[] {
  const out: MetricWord[] = [];
  let i = from;
  while (i < to) {
    // Characters that start no word are passed in one tight loop.
    while (i < to && !CAN_START[s.charCodeAt(i)]) i++;
    if (i >= to) break;
    const c = s.charCodeAt(i);
    if (isCjkChar(c)) {
      let hit = 0;
      if (LONGEST_FROM[c] >= 2 && i + 1 < to && PAIRS.has(c * 65536 + s.charCodeAt(i + 1))) {
        for (let len = Math.min(LONGEST_FROM[c], to - i); len >= 2 && !hit; len--) if (METRIC_OF.has(s.substr(i, len))) hit = len;
      }
      if (!hit && SINGLE[c]) hit = 1;
      if (hit) {
        out.push({ offset: i, length: hit, metric: METRIC_OF.get(s.substr(i, hit))! });
        i += hit;
      } else i++;
      continue;
    }
    if (isLetter(c) && !(i > 0 && (isLetter(s.charCodeAt(i - 1)) || isDigit(s.charCodeAt(i - 1))))) {
      // The words starting here: the longest run of up to four found in the table wins.
      let k0 = i;
      while (k0 < to && isLetter(s.charCodeAt(k0))) k0++;
      if (!mayStartWord(s, i, k0)) {
        i = k0;
        continue;
      }
      const first = s.slice(i, k0);
      if (!FIRST_WORDS.has(first) && !(hasInnerCapital(first) && FIRST_WORDS.has(first.toLowerCase()))) {
        i = k0;
        continue;
      }
      const ends: number[] = [];
      let j = i;
      while (ends.length < 4 && j < to) {
        let k = j;
        while (k < to && isLetter(s.charCodeAt(k))) k++;
        if (k === j || (k < s.length && isDigit(s.charCodeAt(k)))) break;
        ends.push(k);
        let n = k;
        while (n < to && s.charCodeAt(n) === 0x20) n++;
        if (n === k || n >= to || !isLetter(s.charCodeAt(n))) break;
        j = n;
      }
      let matched = 0;
      for (let e = ends.length - 1; e >= 0 && !matched; e--) {
        const word = s.slice(i, ends[e]).toLowerCase().replace(/ +/g, ' ');
        const metric = METRIC_OF.get(word);
        if (metric) {
          out.push({ offset: i, length: ends[e] - i, metric });
          matched = ends[e];
        }
      }
      i = matched || (ends[0] ?? i + 1);
      continue;
    }
    i++;
  }
  return out;
}

/** A capital after the first letter ("CapEx"): such a word is looked up in lower case too. */
function hasInnerCapital(w: string): boolean {
  for (let k = 1; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c >= 0x41 && c <= 0x5a) return true;
  }
  return false;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** What money is spent on when an "investment" is capital spending on one's own assets. */
export const CAPEX_OBJECTS = /建设|建厂|设厂|扩厂|数据中心|工厂|产能|基地|扩产|产线|项目|厂房|infrastructure|data cent|plant|factory|fab\b|campus/i;

/** Words of a quoted price or a price move, read only when no metric word is near. */
const PRICE_MOVE = /收市报|收报|现报|报|升至|涨至|跌至|降至|升到|涨到|跌到|上调至|下调至|调升至|调高至|调降至|调低至|一度|高见|低见|收涨|收跌|盘中|\b(?:climbed|rose|fell|jumped|added|slipped|gained|dropped|lost|declined|surged|soared|tumbled|plunged|edged|closed|close|trading|traded|was\s+(?:down|up)|hit|touching|touched|at\s+(?:about\s+)?(?:HK|US|C|A|S)?\$)\b/i;

/** A share named right after an amount: "a share", "per Suez share", "for each share", "每股". */
const PER_SHARE_AFTER = /^\s*(?:U\.S\.\s+)?(?:a|per|each|for\s+each|\/)\s*(?:[A-Za-z]+\s+)?(?:share|股)\b|^\s*\/\s*股/i;

/** True when the figure is an amount per share, as parsed or as the words after it say ("$3.05 per diluted share"). */
export function isPerShare(s: string, figure: Figure): boolean {
  const end = figure.offset + figure.length;
  return figure.per === 'share' || (figure.per === null && PER_SHARE_AFTER.test(s.slice(end, end + 24)));
}

/** What may stand between an amount and the metric word after it: "的", "in", "of", and up to two modifiers. */
const ATTACHED_AFTER = /^\s*(?:(?:的|in|of|worth of|for)\s*)?(?:[a-z][a-z-]*\s+){0,2}$/i;
/** A gap that leads on to what comes next rather than naming the amount before: " at a ", " with a ". */
const LEADS_ON = /^\s*(?:at|with)\s/i;
/** A metric word tied to the amount after it by "of" (and a hedge): "valuation of over ", "revenue of ". */
const TIED_BEFORE = /^\s+of\s+(?:(?:about|around|over|nearly|roughly|some|approximately|almost|up\s+to|more\s+than|at\s+least)\s+)?$/i;

export interface MetricChoice {
  metric: Metric;
  /** The word the metric was read from, or null. */
  word: MetricWord | null;
}

/**
 * The metric of a figure from the words of its clause and sentence. `words` are the metric
 * words of the clause (in text order; those outside the clause are passed over), `topicOf`
 * gives those of the sentence before the clause (read only when needed). The figure reads
 * the words between the clause start and itself, and those in the `AFTER_WORDS` characters after it.
 */
export function chooseMetric(figure: Figure, s: string, clause: Bounds, words: readonly MetricWord[], topicOf: () => MetricWord[]): MetricChoice {
  const end = figure.offset + figure.length;
  const afterEnd = Math.min(clause.end, end + AFTER_WORDS);
  // The last three words before the figure and the first two after it; words that name no
  // metric ("市场预期") stand only to hide the shorter words inside them.
  let b1: MetricWord | null = null;
  let b2: MetricWord | null = null;
  let b3: MetricWord | null = null;
  let a1: MetricWord | null = null;
  let a2: MetricWord | null = null;
  for (const w of words) {
    if (w.offset < clause.start || (w.metric === 'other' && !NAMES_OTHER.has(s.substr(w.offset, w.length)))) continue;
    if (w.offset + w.length <= figure.offset) {
      b3 = b2;
      b2 = b1;
      b1 = w;
    } else if (w.offset >= end && w.offset + w.length <= afterEnd) {
      if (!a1) a1 = w;
      else if (!a2) a2 = w;
      else break;
    }
  }
  // A word right after the figure that names it: "500亿元的营收", "$5 billion in revenue".
  const next = a1;
  const gap = next ? s.slice(end, next.offset) : '';
  // "… at a valuation of $20 billion": a word after "at" or "with" belongs to the amount after it.
  const nextAttached = next !== null && ATTACHED_AFTER.test(gap) && !LEADS_ON.test(gap);
  const last = b1;
  // "valuation of over $20 billion", "revenue of $5 billion": the word before, tied by "of", names the amount.
  const lastTied = last !== null && TIED_BEFORE.test(s.slice(last.offset + last.length, figure.offset));
  let word: MetricWord | null = null;
  // "… in second-quarter operating profit" names the amount before it, unless a word stands
  // right against the amount's other side ("营收50亿元").
  const phrase = nextAttached && /^\s*(?:in|of|for|worth)\b/i.test(gap);
  if (next && nextAttached && !lastTied && (!last || (phrase && figure.offset - (last.offset + last.length) > 2) || next.offset - end < figure.offset - (last.offset + last.length))) word = next;
  else if (last) word = last;
  else if (next) word = next;
  else {
    const topic = topicOf();
    for (let k = topic.length - 1; k >= 0 && !word; k--) if (topic[k].metric !== 'other') word = topic[k];
  }
  let metric: Metric = word?.metric ?? 'other';
  // A price move or quote with no other metric word: "climbed 11p to 806p", "收市报433.2元".
  if (metric === 'other' && PRICE_MOVE.test(s.slice(Math.max(clause.start, figure.offset - 30), Math.min(clause.end, end + 12)))) metric = 'price';
  // "投资100亿元建设数据中心", "spent $6 billion on data centers": money into one's own assets is capex.
  if ((metric === 'investment' || metric === 'cost') && CAPEX_OBJECTS.test(s.slice(word!.offset, clause.end))) metric = 'capex';
  // "$54.20 for each share", "20.50 euros per Suez share": a price per share however written.
  const perShare = isPerShare(s, figure);
  // The three words before the figure and the two after it.
  const says = (m: Metric) => b1?.metric === m || b2?.metric === m || b3?.metric === m || a1?.metric === m || a2?.metric === m;
  if (perShare) {
    if (says('dividend')) metric = 'dividend';
    else if (says('profit')) metric = 'profit';
    else if (metric !== 'buyback') metric = 'price';
  } else if (figure.per) {
    if (metric !== 'cost' && metric !== 'revenue') metric = 'price';
  }
  return { metric, word };
}
