/**
 * The gazetteer: every known entity and a trie over the folded forms of their names.
 *
 * Keys are folded (full-width to ASCII, Traditional to Simplified) and ASCII-lowercased, so
 * 騰訊/腾讯 and NVIDIA/Nvidia share a path; each terminal record says how strictly case must
 * match. Children live in one open-addressing hash table keyed by (node, char) and the root
 * has a direct Int32Array table, so a lookup never allocates.
 *
 * Name policy (what is matched at all):
 *  - curated entries (notable.csv, entities-extra.json, user lists) are matched as given;
 *  - names equal to an ambiguous ticker (ARM, ON, NOW, GS...) are never matched as names:
 *    they only count in ticker context (see entities.ts);
 *  - listed.csv-only rows are riskier (20k short names, some ordinary words): their CJK
 *    names need three or more characters and must not be on COMMON_WORDS; their Latin names
 *    must be multi-word, camel-cased or digit-bearing ("Core Scientific", "CleanSpark"),
 *    or all capitals of four letters or more ("IREN"); a plain capitalised word
 *    ("Target", "Block") is too often an English word and is not matched.
 * Blockers (entities-extra.json) are phrases such as 社会大众 that contain a name but
 * are not a mention; the longest match wins, so they hide the name inside them.
 */
import type { Entity, EntityKind } from './types';
import { foldCode } from './text';
import { normaliseTicker } from './tickers';
import { builtinData } from '../data/builtin';
import { ListEntityTable, type EntityTable } from './entityTable';
import { readImage, writeImage, type GazetteerTables } from '../data/gazetteerImage';
import { buildStamp, findBuiltinImage, keepBuiltinImage } from '../data/builtinImage';

/** Listed short names that are ordinary words in Chinese prose. */
const COMMON_WORDS = new Set([
  '太阳能', '机器人', '中国国贸', '电子城', '数据港', '新能源', '人民网', '新华网', '中国卫星', '中国医药', '中国电影', '农产品',
  '银行', '高科技', '新材料', '新经济', '互联网', '云计算', '大数据', '物联网', '人工智能', '能源', '驱动力', '海量数据', '大西洋',
  '太平洋', '东方明珠', '创新医疗', '智慧农业', '科技园', '海南发展', '国际实业', '新华医疗', '中国人寿', '人人乐', '好想你', '我爱我家',
]);
/**
 * Names that are also ordinary words; they need evidence: a legal suffix or stock marker
 * that widens them, a parenthesis right after them, or a place in a list after another mention.
 * Two-character listed short names (泉为 of *ST泉为) get the same treatment.
 */
const RISKY_WORDS = new Set(['理想', '浪潮', '曙光', '慧与', '大众', '美的', '海尔', '格力', '中兴', '联想', '三星', '苹果', '高通', '创意', '中环', '海光', '黑芝麻']);

/** Case rule of one name. */
const enum CaseMode { Any = 0, Exact = 1, ExactOrUpper = 2, Camel = 3 }

interface CompactData { entities: [string, string, string, string, string, string, number][]; ambiguous: string }
interface ExtraEntry { id: string; name: string; kind: EntityKind; names: string[]; tickers?: string[]; sector?: string }
interface ExtraData { entities: ExtraEntry[]; blockers: string[] }

const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

function caseModeOf(name: string): CaseMode {
  let letters = 0;
  let internalCap = false;
  let digit = false;
  let other = false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!isAsciiLetter(c) && !(c >= 48 && c <= 57)) other = true;
    if (isAsciiLetter(c)) {
      letters++;
      if (c <= 90 && i > 0 && name.charCodeAt(i - 1) >= 97 && name.charCodeAt(i - 1) <= 122) internalCap = true;
    } else if (c >= 48 && c <= 57) digit = true;
  }
  if (letters === 0) return CaseMode.Any;
  // "SOLiD", "CleanSpark": any case but an inner capital must stay one ("solid" is a word).
  if (internalCap && name.length >= 5) return CaseMode.Camel;
  if (digit && name.length >= 5) return CaseMode.Any;
  // "a16z" is also written "A16Z": a short name with a digit is no English word in capitals either.
  return letters >= 4 || (digit && !other && name.length >= 3) ? CaseMode.ExactOrUpper : CaseMode.Exact;
}

const kindOf = (e: Entity) => e.kind;

/** Folds a short name without the chunked buffer of foldText (names are tiny, there are 60k). */
function foldText(s: string): string {
  let changed = false;
  for (let i = 0; i < s.length; i++) if (foldCode(s.charCodeAt(i)) !== s.charCodeAt(i)) { changed = true; break; }
  if (!changed) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(foldCode(s.charCodeAt(i)));
  return out;
}

function isLatinOnly(name: string): boolean {
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) >= 0x2e80) return false;
  return true;
}

/** Whether a listed.csv-only name is distinctive enough to match without further evidence. */
/** Two or more capitalised words of three letters or more joined by hyphens ("Cleveland-Cliffs"). */
function titleCompound(n: string): boolean {
  const parts = n.split('-');
  if (parts.length < 2 || n.length < 8) return false;
  for (const p of parts) {
    if (p.length < 3 || p.charCodeAt(0) < 65 || p.charCodeAt(0) > 90) return false;
    for (let k = 1; k < p.length; k++) if (p.charCodeAt(k) < 97 || p.charCodeAt(k) > 122) return false;
  }
  return true;
}

function listedNameAllowed(folded: string, original: string): boolean {
  if (!isLatinOnly(folded)) {
    let cjk = 0;
    for (let i = 0; i < folded.length; i++) if (folded.charCodeAt(i) >= 0x2e80) cjk++;
    if (cjk + (folded.length - cjk) / 2 < 3) return false;
    return !COMMON_WORDS.has(folded.replace(/^\*?ST/, ''));
  }
  if (original.includes(' ')) return original.length >= 6;
  if (/^[A-Z0-9&.-]{4,}$/.test(original)) return true;
  return /[a-z][A-Z]|\d/.test(original) && original.length >= 5;
}

/** Legal and stock-name endings a listed Chinese short name is also known without. */
const CJK_LEGAL = ['股份有限公司', '有限公司', '股份', '集团', '控股'];
/** Trade words at the end of registered names, longest first. */
const TRADE_TAILS = ['精密科技', '网络科技', '智能科技', '信息科技', '生物科技', '医疗科技', '电子科技', '新能源科技', '信息技术', '生物技术', '医药科技', '科技', '技术'];
/** Remainders that are ordinary words or classes, never a short form of one company. */
const GENERIC_SHORT = new Set(['创业', 
  '中国', '国际', '发展', '科技', '电子', '电力', '能源', '银行', '证券', '保险', '信托', '投资', '实业', '建设', '建筑', '交通', '航天', '航空', '医药', '医疗',
  '生物', '化工', '材料', '环境', '环保', '传媒', '文化', '旅游', '地产', '置业', '物流', '港口', '机场', '高速', '汽车', '钢铁', '有色', '黄金', '矿业', '石油',
  '石化', '电气', '通信', '网络', '信息', '数据', '智能', '新能', '光电', '电器', '食品', '农业', '水务', '燃气', '热电', '城投', '创新', '未来', '华夏', '东方',
  '中华', '长江', '黄河', '新华', '人民', '世纪', '时代', '天下', '大众', '国泰', '平安', '太平', '和平', '合力', '力量', '天然',
  // Places: what is left of 北京控股, 深圳国际… names a city, not the company.
  '北京', '上海', '天津', '重庆', '深圳', '广州', '香港', '澳门', '台湾', '广东', '江苏', '浙江', '山东', '河南', '河北', '湖北', '湖南', '四川', '福建',
  '安徽', '江西', '山西', '陕西', '辽宁', '吉林', '云南', '贵州', '广西', '海南', '甘肃', '青海', '宁夏', '新疆', '西藏', '内蒙', '杭州', '南京', '武汉', '成都',
  '西安', '苏州', '厦门', '青岛', '大连', '宁波', '珠海', '东莞', '佛山', '无锡', '长沙', '郑州', '济南', '合肥', '福州', '昆明', '沈阳', '哈尔滨',
  // Ordinary words that are also what is left of some listed names.
  '联合', '高科', '明珠', '凤凰', '百货', '高新', '熊猫', '水泥', '人力', '有线', '出版', '远洋', '橡胶', '酒家', '黎明', '火炬', '汽配', '自然', '港湾', '先导',
  '机床', '化纤', '公用', '照明', '轮胎', '饮食', '港务', '焦煤', '白银', '园林', '规划', '阳光', '胜利', '龙头', '北方', '统一', '友好', '通用', '四方', '日月',
  '领先', '常青', '神农', '可靠', '招标', '标榜', '争光', '风光', '矩阵', '经纬', '立方', '春光', '测绘', '天工', '兴业', '建业', '永和', '远程', '远端', '公元',
  '西元', '新星', '中元', '江山', '彩虹', '骆驼', '天鹅', '三维', '海星', '百合', '石英', '八方', '纵横', '中创', '渤海', '中南', '南山', '海峡', '齐心', '长青',
  '安宁', '双飞', '电声', '正强', '采纳', '金钟', '通灵', '上大', '同力', '巨能', '友谊', '信达', '方正', '东方', '东风', '北化', '国光', '国安', '华西', '华联',
  '中集', '海天', '日上', '天山', '胜蓝', '风范', '如通', '三元', '金地', '汇通', '新城', '新农', '中化', '天元', '宏大', '远大', '通达', '世纪', '星云',
]);
/** Provinces and large cities that begin many listed names and are left out in prose (贵州茅台 is 茅台). */
export const PLACE_PREFIXES = ['黑龙江', '内蒙古', '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北',
  '湖南', '广东', '广西', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '宁夏', '新疆', '西藏', '深圳', '广州', '杭州', '南京', '苏州', '宁波', '厦门', '青岛',
  '大连', '武汉', '成都', '西安', '长沙', '泸州', '宜宾', '绍兴', '无锡', '常州', '佛山', '东莞', '珠海', '合肥', '福州', '济南', '郑州', '沈阳', '长春', '哈尔滨',
  '昆明', '南宁', '贵阳', '兰州', '太原', '石家庄', '南昌', '烟台', '威海', '潍坊', '徐州', '温州', '嘉兴', '湖州', '金华', '台州', '中山', '汕头', '惠州'];
/** Last characters of an industry word: a remainder ending so is a class, not a name (铜业, 建工, 石化). */
const INDUSTRY_LAST = new Set([...'业工建化电气港场行险券运材矿钢铁油车医药影视媒酒气水路桥商贸网讯通机械装饰包园城房股份团']);
/** Latin words that end a listed name and may be left out in prose ("Rivian Automotive" is "Rivian"). */
const LATIN_TAIL = new Set(['Inc', 'Inc.', 'Corp', 'Corp.', 'Corporation', 'Company', 'Co', 'Co.', 'Ltd', 'Ltd.', 'Limited', 'plc', 'PLC', 'Holdings', 'Holding', 'Group',
  'Industries', 'Automotive', 'International', 'Technologies', 'Technology', 'Enterprises', 'Motors', 'Motor', 'Pharmaceuticals', 'Therapeutics', 'Bancorp',
  'Systems', 'Semiconductor', 'Electronics', 'Entertainment', 'Communications', 'Networks', 'Software', 'Resources', 'Platforms', 'Brands', 'Labs', 'AG', 'SA', 'SE', 'NV', 'N.V.']);
/**
 * Tails that are dropped, like a third tail, only when a single word written in camel case is
 * left ("FactSet Research Systems Inc." gives FactSet, "UnitedHealth Group Incorporated"
 * UnitedHealth; "Natural Gas Services Group, Inc." gives no "Natural Gas").
 */
const LATIN_TAIL_WEAK = new Set(['Incorporated', 'Research', 'Solutions', 'Services', 'Worldwide']);
/** Capitalised English words too common to stand alone as a short name. */
const LATIN_COMMON = new Set(['General', 'American', 'United', 'National', 'First', 'Global', 'International', 'China', 'Chinese', 'Royal', 'New', 'Great', 'Western',
  'Eastern', 'Northern', 'Southern', 'Pacific', 'Atlantic', 'Digital', 'Advanced', 'Applied', 'Capital', 'Energy', 'Golden', 'Silver', 'Power', 'Smart', 'Blue', 'Green',
  'Red', 'Black', 'White', 'Standard', 'Federal', 'Central', 'Universal', 'Premier', 'Prime', 'Alpha', 'Beta', 'Asia', 'Euro', 'Japan', 'Korea', 'Hong', 'Taiwan', 'India',
  'Canadian', 'British', 'European', 'Asian', 'Korean', 'Japanese', 'Indian', 'Texas', 'California', 'Florida', 'Western', 'Strategic', 'Innovative', 'Integrated',
  'Medical', 'Health', 'Healthcare', 'Financial', 'Home', 'Real', 'Life', 'Data', 'Cloud', 'Clean', 'Solar', 'Water', 'Metal', 'Metals', 'Gold', 'Oil', 'Gas', 'Star',
  'Sun', 'Sky', 'Ocean', 'World', 'Super', 'Ultra', 'Micro', 'Nano', 'Bio', 'Tech', 'Next', 'One', 'Best', 'Big', 'Good', 'True', 'Open', 'Public', 'Private',
  'Shenzhen', 'Shanghai', 'Beijing', 'Fujian', 'Qingdao', 'Guangzhou', 'Hangzhou', 'Tianjin', 'Chongqing', 'Wuhan', 'Nanjing', 'Jiangsu', 'Zhejiang', 'Shandong',
  'Sichuan', 'Hunan', 'Hubei', 'Henan', 'Hebei', 'Anhui', 'Yunnan', 'Guangdong', 'Guangxi', 'Hainan', 'Jilin', 'Liaoning', 'Shaanxi', 'Shanxi', 'Gansu', 'Xinjiang',
  'Macau', 'Macao', 'Singapore', 'Melbourne', 'Sydney', 'London', 'Tokyo', 'Seoul', 'Nanyang', 'Kingdom', 'Dalian', 'Xiamen', 'Suzhou', 'Ningbo', 'Harbin', 'Shenyang',
  'Community', 'Citizens', 'Peoples', 'Security', 'Trust', 'Bank', 'Union', 'Mutual', 'Summit', 'Pioneer', 'Frontier', 'Liberty', 'Victory', 'Eagle', 'Phoenix']);

/**
 * Short forms under which a listed (listed.csv-only) company is also written: a mainland
 * A/B share-class letter left out (京东方A is 京东方), a legal ending left out (伊利股份 is 伊利),
 * an English descriptor word left out (Rivian Automotive is Rivian, Techtronic Industries is
 * Techtronic). Ordinary words and classes are never derived.
 */
/** Words a derived English short form may not end with. */
const FUNCTION_WORDS = new Set(['of', 'and', 'the', 'for', '&', 'de', 'du', 'des', 'la', 'le', 'del', 'di', 'da', 'do', 'van', 'von']);

export function derivedNames(folded: string[]): string[] {
  const out: string[] = [];
  for (const f of folded) {
    if (/^\*?ST/.test(f)) continue;
    if (!isLatinOnly(f)) {
      let base = f;
      const share = /^([\u3400-\u9fff]{2,})[AB]$/.exec(base);
      if (share) { base = share[1]; out.push(base); }
      for (const l of CJK_LEGAL) {
        if (base.length - l.length >= 2 && base.endsWith(l)) {
          const stem = base.slice(0, -l.length);
          if (/^[\u3400-\u9fff]+$/.test(stem) && !GENERIC_SHORT.has(stem) && !COMMON_WORDS.has(stem) && !GENERIC_SHORT.has(stem.slice(-2))) out.push(stem);
          base = stem;
          break;
        }
      }
      for (const place of PLACE_PREFIXES) {
        if (base.length - place.length >= 2 && base.startsWith(place)) {
          const rest = base.slice(place.length);
          if (/^[\u3400-\u9fff]+$/.test(rest) && !GENERIC_SHORT.has(rest) && !COMMON_WORDS.has(rest) && !INDUSTRY_LAST.has(rest[rest.length - 1]) && !GENERIC_SHORT.has(rest.slice(0, 2))) out.push(rest);
          base = rest;
          break;
        }
      }
      // "创新奇智科技集团", "深圳西普尼精密科技": the trade words left out too, when three
      // characters or more of a name remain (两个字 short forms are too often words).
      for (const trade of TRADE_TAILS) {
        if (base.length - trade.length >= 3 && base.endsWith(trade)) {
          const stem = base.slice(0, -trade.length);
          if (/^[\u3400-\u9fff]+$/.test(stem) && !GENERIC_SHORT.has(stem.slice(0, 2)) && !GENERIC_SHORT.has(stem.slice(-2)) && !COMMON_WORDS.has(stem) && !INDUSTRY_LAST.has(stem[stem.length - 1])) out.push(stem);
          break;
        }
      }
      continue;
    }
    let words = f.split(' ');
    let weak = false;
    for (let k = 0; k < 3 && words.length >= 2; k++) {
      const tail = words[words.length - 1].replace(/,$/, '');
      if (LATIN_TAIL_WEAK.has(tail)) weak = true;
      else if (!LATIN_TAIL.has(tail)) break;
      words = words.slice(0, -1);
      if (words[words.length - 1].endsWith(',')) words[words.length - 1] = words[words.length - 1].slice(0, -1);
      const name = words.join(' ');
      // "Bank of" of "Bank of Communications": a short form never ends in a function word.
      if (FUNCTION_WORDS.has(words[words.length - 1].toLowerCase())) break;
      if (words.length === 1 && (!/^[A-Z][a-z]{3,}$|^[A-Z][a-z]*[A-Z][A-Za-z]*$/.test(name) || LATIN_COMMON.has(name))) break;
      if ((weak || k === 2) && !(words.length === 1 && /^[A-Z][a-z]+[A-Z][A-Za-z]*$/.test(name))) continue;
      if (words.length >= 2 && LATIN_COMMON.has(words[0]) && words.every((w) => LATIN_COMMON.has(w) || LATIN_TAIL.has(w))) break;
      out.push(name);
    }
  }
  return out;
}

/** A set of entities with a trie over their folded names and an index of their tickers. */
export class Gazetteer {
  /** The entities, their ids, tickers and tiers (built here, or read lazily from an image). */
  private readonly table: EntityTable;
  private readonly blockers: string[];
  /** Bare US codes that may be matched in running text (curated, not ambiguous). */
  readonly bareTickers = new Map<string, number>();
  readonly ambiguous: Set<string>;
  /** Root table: folded lowercased char -> node, or -1. */
  readonly root: Int32Array;
  private nodeCount = 1;
  private hashMask: number;
  /**
   * Open-addressing table of trie edges, four ints a slot: parent node, char, child, unused.
   * One slot is one 16-byte run, so a lookup touches one cache line (three parallel arrays
   * cost three cache misses a step, which dominated matching time).
   */
  slots: Int32Array;
  /**
   * One bit per hashed (first char, second char) pair of every name: a cheap, cache-resident
   * test that rejects most text positions before the edge table is touched.
   */
  readonly bigrams: Uint8Array;
  /** Bits of `bigramHash` for two-character names only. */
  readonly pairEnds: Uint8Array;
  /**
   * Bits of `trigramHash` for the first three characters of longer names. With `pairEnds`
   * this is a sharper filter than `bigrams`: about half the positions that begin a known
   * two-character prefix begin no name at all.
   */
  readonly triples: Uint8Array;
  /**
   * Bits of `trigramHash` (less its lowest bit) for names that can begin at a lower-case
   * letter of the text as written ("eBay", or a name with no case rule, "insta360"): the fast
   * skip reads running English words against this sparse table alone. Three characters, not
   * two: names such as "insta360" or "comScore" would stop it at every "in" and "co". All
   * bits are set when a two-letter name could begin so; a two-character name whose second
   * character is no letter ("e&") goes into `lowerPairs` instead.
   */
  readonly lowerStarts: Uint8Array;
  /** Bits of `bigramHash` for two-character names that begin lower-case and end in a non-letter ("e&"). */
  readonly lowerPairs: Uint8Array;
  /** 1 for chars that are a whole name on their own (one-character names skip the bigram test). */
  readonly singles: Uint8Array;
  /** Per node: first terminal record, or -1. */
  termHead: Int32Array;
  /** Per record (a name in the trie): its entity index, or -1 for a blocker. */
  recEntity: Int32Array;
  /** Per record: the next record of the same trie node, or -1. */
  recNext: Int32Array;
  recMode: Int32Array;
  recName: string[];
  /**
   * Per record: 1 when the name needs evidence around it (see RISKY_WORDS, two-character
   * listed names), 2 for a one-word English name that needs a company-like context, 3 for a
   * two-character short form derived from a listed name (stricter evidence).
   */
  recRisky: Int32Array;
  /** Per record: 0 for a curated name, 1 for a listed.csv-only name, 2 for a derived short form. */
  recTier: Int32Array;
  /** Records while the constructor inserts names (plain arrays grow; the typed ones above do not). */
  private building: { entity: number[]; next: number[]; mode: number[]; name: string[]; risky: number[]; tier: number[] } | null;

  /**
   * Builds a gazetteer from entities (later entries win name conflicts) and blocker phrases.
   * (With `tables`, the gazetteer is the one an image holds, taken as it is: see fromTables.)
   */
  constructor(entities: Entity[], blockers: string[] = [], ambiguous: Iterable<string> = [], tiers?: Uint8Array, tables?: GazetteerTables) {
    if (tables) {
      this.ambiguous = new Set(tables.ambiguous);
      this.blockers = tables.blockers;
      this.table = tables.table;
      this.root = tables.root;
      this.nodeCount = tables.nodeCount;
      this.hashMask = tables.hashMask;
      this.slots = tables.slots;
      this.bigrams = tables.bigrams;
      this.pairEnds = tables.pairEnds;
      this.triples = tables.triples;
      this.lowerStarts = tables.lowerStarts;
      this.lowerPairs = tables.lowerPairs;
      this.singles = tables.singles;
      this.termHead = tables.termHead;
      this.recEntity = tables.recEntity;
      this.recNext = tables.recNext;
      this.recMode = tables.recMode;
      this.recName = tables.recName;
      this.recRisky = tables.recRisky;
      this.recTier = tables.recTier;
      this.recInfo = tables.recInfo;
      this.recInner = tables.recInner;
      this.packed = tables.packed;
      this.pairs = tables.pairs;
      this.pairMask = tables.pairMask;
      this.pairShift = tables.pairShift;
      for (const [k, v] of tables.bareTickers) this.bareTickers.set(k, v);
      this.building = null;
      return;
    }
    this.building = { entity: [], next: [], mode: [], name: [], risky: [], tier: [] };
    this.root = new Int32Array(65536).fill(-1);
    this.bigrams = new Uint8Array(1 << 14);
    this.pairEnds = new Uint8Array(1 << 14);
    this.triples = new Uint8Array(1 << 15);
    this.lowerStarts = new Uint8Array(1 << 14);
    this.lowerPairs = new Uint8Array(1 << 14);
    this.singles = new Uint8Array(65536);
    this.ambiguous = new Set(ambiguous);
    this.blockers = blockers;
    const byId = new Map<string, number>();
    const tickerMap = new Map<string, number>();
    let estimate = 1024;
    for (const e of entities) for (const n of e.names) estimate += n.length;
    for (const b of blockers) estimate += b.length;
    let size = 1024;
    while (size < estimate * 2) size <<= 1;
    this.hashMask = size - 1;
    this.slots = new Int32Array(size * 4).fill(-1);
    this.termHead = new Int32Array(estimate + 2).fill(-1);
    // Which names are matched at all, and which entity owns a name claimed by several:
    // a curated entry (tier 0) beats a listed.csv-only row, and among equals the later entry
    // wins. A name that is not matched claims nothing, so it cannot hide another's name.
    // Short forms derived from listed names (see derivedNames) come last: they never take a
    // name from a real one, and one derived by two rows is dropped.
    const plans: { entity: number; key: string; folded: string; mode: CaseMode; risky: number; rank: number }[] = [];
    for (let i = 0; i < entities.length; i++) {
      const e = entities[i];
      const tier = tiers?.[i] ?? 0;
      const seen = new Set<string>();
      for (const n of e.names) {
        const folded = foldText(n);
        const key = folded.toLowerCase();
        if (isLatinOnly(n) && /^[A-Z0-9.]{1,5}$/.test(n) && this.ambiguous.has(n)) continue;
        // One character ("的", "X") would match inside ordinary words: never a name here.
        if (key.length < 2 || (key.length === 2 && key.codePointAt(0)! > 0xffff)) continue;
        let risky = RISKY_WORDS.has(folded) && kindOf(e) !== 'product' ? 1 : 0;
        if (tier === 1 && !listedNameAllowed(folded, n)) {
          // A plain capitalised English word ("Westlake") needs a company-like context.
          if (isLatinOnly(folded)) {
            // "Cleveland-Cliffs", "Rolls-Royce": capitalised words joined by hyphens are a name.
            if (titleCompound(n)) risky = 0;
            else if (!/^[A-Z][a-z]{3,}$/.test(n) || LATIN_COMMON.has(n)) continue;
            else risky = 2;
          } else if (folded.length !== 2 || COMMON_WORDS.has(folded)) continue;
          else risky = 1;
        }
        seen.add(key);
        plans.push({ entity: i, key, folded, mode: caseModeOf(n), risky, rank: (tier === 1 ? 1 : 2) * 0x1000000 + i });
      }
      if (tier === 1) {
        for (const d of derivedNames(e.names.map(foldText))) {
          const key = d.toLowerCase();
          // A short form that is also a common abbreviation (PCB of PCB Bancorp) is no name.
          if (seen.has(key) || this.ambiguous.has(d)) continue;
          seen.add(key);
          const latin = isLatinOnly(d);
          plans.push({ entity: i, key, folded: d, mode: caseModeOf(d), risky: latin ? (d.includes(' ') ? 0 : 2) : d.length <= 2 ? 3 : 0, rank: -1 });
        }
      }
    }
    const owner = new Map<string, number>();
    const derivedBy = new Map<string, number>();
    for (const p of plans) {
      if (p.rank < 0) {
        derivedBy.set(p.key, derivedBy.has(p.key) && derivedBy.get(p.key) !== p.entity ? -1 : p.entity);
        continue;
      }
      const best = owner.get(p.key);
      if (best === undefined || p.rank > best) owner.set(p.key, p.rank);
    }
    for (let i = 0; i < entities.length; i++) {
      const e = entities[i];
      byId.set(e.id, i);
      for (const t of e.tickers) {
        const key = normaliseTicker(t);
        tickerMap.set(key, i);
        const us = /^(?:NASDAQ|NYSE|AMEX|OTC):([A-Z][A-Z.]{0,5})$/.exec(key);
        if (us && (!tickerMap.has(us[1]) || (tiers?.[i] ?? 0) === 0)) tickerMap.set(us[1], i);
        if (/^[A-Z]{3,5}$/.test(key) && !this.ambiguous.has(key) && (tiers?.[i] ?? 0) === 0) this.bareTickers.set(key, i);
      }
    }
    for (const p of plans) {
      if (p.rank >= 0 ? owner.get(p.key) !== p.rank : owner.has(p.key) || derivedBy.get(p.key) !== p.entity) continue;
      this.insert(p.key, p.entity, p.mode, p.folded, p.risky, p.rank >= 0 ? (tiers?.[p.entity] ?? 0) : 2);
    }
    this.table = new ListEntityTable(entities, byId, tickerMap, tiers);
    for (const b of blockers) {
      const folded = foldText(b);
      this.insert(folded.toLowerCase(), -1, caseModeOf(b), folded, 0, 0);
    }
    const built = this.building;
    this.recEntity = Int32Array.from(built.entity);
    this.recNext = Int32Array.from(built.next);
    this.recMode = Int32Array.from(built.mode);
    this.recName = built.name;
    this.recRisky = Int32Array.from(built.risky);
    this.recTier = Int32Array.from(built.tier);
    this.building = null;
    // Rehash into a table sized to the edges actually made (load about 0.5 to 0.7): the
    // estimate above is generous, and a smaller table keeps more of it in cache.
    let fit = 1024;
    while (fit < this.nodeCount * 1.4) fit <<= 1;
    const old = this.slots;
    const slots = new Int32Array(fit * 4).fill(-1);
    const mask = fit - 1;
    for (let k = 0; k < old.length; k += 4) {
      if (old[k] === -1) continue;
      let h = (Math.imul(old[k], 0x9e3779b1) ^ Math.imul(old[k + 1], 0x85ebca6b)) & mask;
      while (slots[h << 2] !== -1) h = (h + 1) & mask;
      slots[h << 2] = old[k];
      slots[(h << 2) + 1] = old[k + 1];
      slots[(h << 2) + 2] = old[k + 2];
      // Each child's terminal head sits next to its edge (see `edge`).
      slots[(h << 2) + 3] = this.termHead[old[k + 2]];
    }
    this.slots = slots;
    this.hashMask = mask;
    this.buildPairs();
    // What the matcher reads of a record when it takes a name, in one int (see `recInfo`).
    this.recInfo = new Int32Array(this.recName.length);
    for (let r = 0; r < this.recName.length; r++) {
      const e = this.recEntity[r];
      this.recInfo[r] = ((e + 1) << 3) | (this.recRisky[r] << 1) | (e >= 0 && entities[e].kind === 'company' ? 1 : 0);
    }
    // Per record, the inner positions where another name may start and run past its end
    // (微 of 中微 begins 微软): only those are looked at when a match is in doubt.
    this.recInner = new Int32Array(this.recName.length);
    for (let r = 0; r < this.recName.length; r++) {
      const key = this.recName[r].toLowerCase();
      let bits = 0;
      for (let p = 1; p < key.length && p < 31; p++) {
        let node = 0;
        for (let k = p; k < key.length && node >= 0; k++) node = this.next(node, key.charCodeAt(k));
        if (node > 0 && this.hasChildren(node)) bits |= 1 << p;
      }
      this.recInner[r] = bits;
    }
  }

  /**
   * Per record, for the matcher: (entity index + 1, 0 for a blocker) << 3, recRisky << 1, and
   * 1 when the entity is a company. One read instead of three arrays and the entity object.
   */
  recInfo: Int32Array = new Int32Array(0);

  /** Per record: bit p set when a name may start at offset p inside it and run past its end. */
  recInner: Int32Array = new Int32Array(0);

  private childCount: Uint8Array | null = null;
  /** Whether a trie node has children. */
  private hasChildren(node: number): boolean {
    if (!this.childCount) {
      this.childCount = new Uint8Array(this.nodeCount);
      for (let k = 0; k < this.slots.length; k += 4) if (this.slots[k] !== -1) this.childCount[this.slots[k]] = 1;
    }
    return this.childCount[node] === 1;
  }

  /**
   * The trie below the root, packed in depth-first order for the matcher: per node, its first
   * terminal record r as r << 2 | recMode[r] (or -1), its child count, then (char, child
   * offset) pairs sorted by char. The case mode rides along so that a match of a name with no
   * case rule reads no record array.
   * A node's first child follows it directly, so walking down a name reads consecutive
   * memory instead of one random cache line of `slots` a character.
   */
  packed: Int32Array = new Int32Array(0);
  /**
   * Depth-two nodes keyed by the first two characters (c1 << 16 | c2), two ints a slot: key
   * and the node's offset in `packed`. A small table that stays in cache: the second step
   * of a match is by far the most frequent one.
   */
  pairs: Int32Array = new Int32Array(0);
  private pairMask = 0;
  /** 32 minus log2 of the slot count: a key's home slot is the top bits of its product (see `pairSlot`). */
  private pairShift = 32;

  private buildPairs(): void {
    const count = this.nodeCount;
    // Children of every node but the root, from the edge table, grouped by parent.
    const kidCount = new Int32Array(count + 1);
    for (let k = 0; k < this.slots.length; k += 4) if (this.slots[k] !== -1) kidCount[this.slots[k] + 1]++;
    for (let v = 0; v < count; v++) kidCount[v + 1] += kidCount[v];
    const kidStart = kidCount;
    const fill = kidStart.slice(0, count);
    const kidChar = new Int32Array(kidStart[count]);
    const kidNode = new Int32Array(kidStart[count]);
    for (let k = 0; k < this.slots.length; k += 4) {
      if (this.slots[k] === -1) continue;
      const at = fill[this.slots[k]]++;
      kidChar[at] = this.slots[k + 1];
      kidNode[at] = this.slots[k + 2];
    }
    for (let v = 0; v < count; v++) {
      // Insertion sort by char: most nodes have one or two children.
      for (let x = kidStart[v] + 1; x < kidStart[v + 1]; x++) {
        const c = kidChar[x];
        const nd = kidNode[x];
        let y = x - 1;
        while (y >= kidStart[v] && kidChar[y] > c) { kidChar[y + 1] = kidChar[y]; kidNode[y + 1] = kidNode[y]; y--; }
        kidChar[y + 1] = c;
        kidNode[y + 1] = nd;
      }
    }
    // Depth-first order from every depth-one node; offsets first, then the records.
    const offset = new Int32Array(count).fill(-1);
    const order: number[] = [];
    const stack: number[] = [];
    let size = 0;
    for (let c = 0; c < 65536; c++) {
      if (this.root[c] < 0) continue;
      stack.push(this.root[c]);
      while (stack.length) {
        const v = stack.pop()!;
        offset[v] = size;
        order.push(v);
        size += 2 + 2 * (kidStart[v + 1] - kidStart[v]);
        for (let x = kidStart[v + 1] - 1; x >= kidStart[v]; x--) stack.push(kidNode[x]);
      }
    }
    const packed = new Int32Array(size);
    for (const v of order) {
      let at = offset[v];
      const term = this.termHead[v];
      packed[at++] = term >= 0 ? (term << 2) | this.recMode[term] : -1;
      packed[at++] = kidStart[v + 1] - kidStart[v];
      for (let x = kidStart[v]; x < kidStart[v + 1]; x++) {
        packed[at++] = kidChar[x];
        packed[at++] = offset[kidNode[x]];
      }
    }
    this.packed = packed;
    // The depth-two table.
    let pairCount = 0;
    for (let c = 0; c < 65536; c++) if (this.root[c] >= 0) pairCount += kidStart[this.root[c] + 1] - kidStart[this.root[c]];
    let slotsWanted = 1024;
    while (slotsWanted < pairCount * 2) slotsWanted <<= 1;
    const pairs = new Int32Array(slotsWanted * 2).fill(-1);
    const mask = slotsWanted - 1;
    const shift = 32 - Math.log2(slotsWanted);
    for (let c1 = 0; c1 < 65536; c1++) {
      const v = this.root[c1];
      if (v < 0) continue;
      for (let x = kidStart[v]; x < kidStart[v + 1]; x++) {
        const key = (c1 << 16) | kidChar[x];
        let h = pairSlot(key, shift);
        while (pairs[h * 2] !== -1) h = (h + 1) & mask;
        pairs[h * 2] = key;
        pairs[h * 2 + 1] = offset[kidNode[x]];
      }
    }
    this.pairs = pairs;
    this.pairMask = mask;
    this.pairShift = shift;
  }

  /** Offset in `packed` of the depth-two node for characters c1 c2 (folded, lowercased), or -1. */
  pair(c1: number, c2: number): number {
    const key = (c1 << 16) | c2;
    const pairs = this.pairs;
    const mask = this.pairMask;
    let h = pairSlot(key, this.pairShift);
    for (;;) {
      const k = h << 1;
      const v = pairs[k];
      if (v === key) return pairs[k + 1];
      if (v === -1) return -1;
      h = (h + 1) & mask;
    }
  }

  /**
   * Index in `slots` of the edge (node, c), or -1. `slots[k + 2]` is the child and
   * `slots[k + 3]` the child's first terminal record (or -1), both on the same cache line.
   */
  edge(node: number, c: number): number {
    const slots = this.slots;
    const mask = this.hashMask;
    let h = (Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & mask;
    for (;;) {
      const k = h << 2;
      const n = slots[k];
      if (n === -1) return -1;
      if (n === node && slots[k + 1] === c) return k;
      h = (h + 1) & mask;
    }
  }

  private child(node: number, c: number): number {
    const k = this.edge(node, c);
    return k < 0 ? -1 : this.slots[k + 2];
  }


  /** Child of `node` for a folded, lowercased char code; -1 when there is none. Node 0 is the root. */
  next(node: number, c: number): number {
    return node === 0 ? this.root[c] : this.child(node, c);
  }

  private insert(key: string, entity: number, mode: CaseMode, folded: string, risky: number, tier: number): void {
    // The filters hold every upper/lower-case variant of the second and third characters, so
    // that the scanner can hash the text's characters as they are, without lowercasing them.
    const c0 = key.charCodeAt(0);
    const f0 = folded.charCodeAt(0);
    // (A Camel name written with a capital first, "InMode", could match "inMode" by its rule;
    // such a spelling is left to the name's own form.)
    const lowerStart = c0 >= 97 && c0 <= 122 && ((f0 >= 97 && f0 <= 122) || mode === CaseMode.Any);
    if (key.length >= 2) {
      if (lowerStart && key.length === 2) {
        const c1 = key.charCodeAt(1);
        if ((c1 >= 97 && c1 <= 122) || (c1 >= 65 && c1 <= 90)) this.lowerStarts.fill(0xff);
        else { const b = bigramHash(c0, c1); this.lowerPairs[b >> 3] |= 1 << (b & 7); }
      }
      for (const c1 of caseVariants(key.charCodeAt(1))) {
        const b = bigramHash(c0, c1);
        this.bigrams[b >> 3] |= 1 << (b & 7);
        if (key.length === 2) this.pairEnds[b >> 3] |= 1 << (b & 7);
        else {
          for (const c2 of caseVariants(key.charCodeAt(2))) {
            const t = trigramHash(c0, c1, c2);
            this.triples[t >> 3] |= 1 << (t & 7);
            if (lowerStart) this.lowerStarts[t >> 4] |= 1 << ((t >> 1) & 7);
          }
        }
      }
    } else this.singles[c0] = 1;
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let nxt = this.next(node, c);
      if (nxt < 0) {
        nxt = this.nodeCount++;
        if (node === 0) this.root[c] = nxt;
        else {
          let h = (Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & this.hashMask;
          while (this.slots[h << 2] !== -1) h = (h + 1) & this.hashMask;
          this.slots[h << 2] = node;
          this.slots[(h << 2) + 1] = c;
          this.slots[(h << 2) + 2] = nxt;
        }
      }
      node = nxt;
    }
    const built = this.building!;
    const rec = built.entity.length;
    built.entity.push(entity);
    built.mode.push(mode);
    built.name.push(folded);
    built.risky.push(risky);
    built.tier.push(tier);
    built.next.push(this.termHead[node]);
    this.termHead[node] = rec;
  }

  /**
   * Sets the pair-filter bits of these words so that the scanner's fast skip stops where one
   * begins (candidate endings); a stop that begins no name costs one failed lookup.
   */
  markPairs(words: string[]): void {
    for (const w of words) {
      const b = bigramHash(w.charCodeAt(0), w.charCodeAt(1));
      setBit(this.bigrams, b);
      // Longer words stop the skip only where their first three characters stand.
      if (w.length === 2) setBit(this.pairEnds, b);
      else setBit(this.triples, trigramHash(w.charCodeAt(0), w.charCodeAt(1), w.charCodeAt(2)));
    }
  }

  /** The entity with this id. */
  get(id: string): Entity | undefined {
    const i = this.table.indexOf(id);
    return i < 0 ? undefined : this.table.at(i);
  }

  /** Internal index of an id (for the matcher). */
  indexOf(id: string): number {
    return this.table.indexOf(id);
  }

  /** The entity at an internal index. */
  at(index: number): Entity {
    return this.table.at(index);
  }

  /** How many entities there are (internal indexes run from 0 to this, less one). */
  get entityCount(): number {
    return this.table.size;
  }

  /** The kind of the entity at an internal index (without reading the whole entity). */
  kindAt(index: number): EntityKind {
    return this.table.kindAt(index);
  }

  /** All entities, built-in first. */
  all(): Entity[] {
    return this.table.all();
  }

  /** True for listed.csv-only entities (matched under the stricter policy). */
  isListedOnly(index: number): boolean {
    return this.table.tier(index) === 1;
  }

  /** Everything an image of this gazetteer holds (see data/gazetteerImage.ts). */
  tables(): GazetteerTables {
    return {
      table: this.table, blockers: this.blockers, ambiguous: [...this.ambiguous], bareTickers: [...this.bareTickers],
      root: this.root, nodeCount: this.nodeCount, hashMask: this.hashMask, slots: this.slots, bigrams: this.bigrams, pairEnds: this.pairEnds,
      triples: this.triples, lowerStarts: this.lowerStarts, lowerPairs: this.lowerPairs, singles: this.singles, termHead: this.termHead,
      recEntity: this.recEntity, recNext: this.recNext, recMode: this.recMode, recName: this.recName, recRisky: this.recRisky, recTier: this.recTier,
      recInfo: this.recInfo, recInner: this.recInner, packed: this.packed, pairs: this.pairs, pairMask: this.pairMask, pairShift: this.pairShift,
    };
  }

  /** The gazetteer an image holds, on its arrays as they are (nothing is rebuilt). */
  static fromTables(tables: GazetteerTables): Gazetteer {
    return new Gazetteer([], [], [], undefined, tables);
  }

  /** The entity listed under a ticker in any written form ("0700.HK", "HK:00700", "NVDA"). */
  byTicker(ticker: string): Entity | undefined {
    const i = this.tickerIndex(normaliseTicker(ticker));
    return i < 0 ? undefined : this.table.at(i);
  }

  /** Internal index for a canonical ticker key, or -1. */
  tickerIndex(key: string): number {
    const i = this.table.ticker(key);
    if (i >= 0) return i;
    const colon = key.indexOf(':');
    if (colon > 0 && /^(NASDAQ|NYSE|AMEX|OTC)$/.test(key.slice(0, colon))) return this.table.ticker(key.slice(colon + 1));
    return -1;
  }

  /** Exact lookup of a whole name (folded, case rules applied). */
  lookupName(name: string): Entity | undefined {
    const direct = this.lookupFolded(foldText(name));
    if (direct || !/^\*?ST/.test(name)) return direct;
    return this.lookupFolded(foldText(name.replace(/^\*?ST/, '')));
  }

  /**
   * A whole name looked up without its case rules ("Deepmind" for DeepMind), for names the
   * text already shows to be a company: the first entity of that spelling, or undefined.
   */
  lookupAnyCase(name: string): Entity | undefined {
    const folded = foldText(name);
    let node = 0;
    for (let i = 0; i < folded.length && node >= 0; i++) node = this.next(node, lower(folded.charCodeAt(i)));
    if (node <= 0) return undefined;
    for (let r = this.termHead[node]; r >= 0; r = this.recNext[r]) if (this.recEntity[r] >= 0) return this.table.at(this.recEntity[r]);
    return undefined;
  }

  private lookupFolded(folded: string): Entity | undefined {
    let node = 0;
    for (let i = 0; i < folded.length && node >= 0; i++) node = this.next(node, lower(folded.charCodeAt(i)));
    if (node <= 0) return undefined;
    for (let r = this.termHead[node]; r >= 0; r = this.recNext[r]) {
      if (this.recEntity[r] >= 0 && caseOk(this.recMode[r], this.recName[r], folded, 0)) return this.table.at(this.recEntity[r]);
    }
    return undefined;
  }

  /** A new gazetteer: these entities plus the given ones, which win on id and name conflicts. */
  withEntities(extra: Entity[]): Gazetteer {
    const ids = new Set(extra.map((e) => e.id));
    const all = this.table.all();
    const kept = all.filter((e) => !ids.has(e.id));
    const tiers = new Uint8Array(kept.length + extra.length);
    let k = 0;
    all.forEach((e, i) => { if (!ids.has(e.id)) tiers[k++] = this.table.tier(i); });
    return new Gazetteer([...kept, ...extra], this.blockers, this.ambiguous, tiers);
  }
}

/**
 * Home slot of a pair key (c1 << 16 | c2) in a table of 2^(32 - shift) slots: the top bits of
 * a multiplicative hash. (Its low bits depend on the low bits of the key alone, that is on
 * c2: every pair with the same second character landed in one cluster, and a lookup probed
 * some sixteen slots on average.)
 */
function pairSlot(key: number, shift: number): number {
  return Math.imul(key, 0x9e3779b1) >>> shift;
}

/** Offset in `packed` of the child of the node at `at` for char `c`, or -1 (children are sorted by char). */
export function childAt(packed: Int32Array, at: number, c: number): number {
  const count = packed[at + 1];
  let lo = at + 2;
  let hi = lo + 2 * count;
  if (count > 8) {
    // Binary search down to a short run.
    while (hi - lo > 16) {
      const mid = lo + (((hi - lo) >> 2) << 1);
      if (packed[mid] <= c) lo = mid;
      else hi = mid;
    }
  }
  for (; lo < hi; lo += 2) {
    const x = packed[lo];
    if (x >= c) return x === c ? packed[lo + 1] : -1;
  }
  return -1;
}

/**
 * Sets bit `i` of a filter. The filters of an image may be shared by threads (a
 * SharedArrayBuffer) that mark the same words at once: a missing bit is set atomically, so
 * that no thread's write undoes another's, and a bit already set is not written at all.
 */
function setBit(bits: Uint8Array, i: number): void {
  const m = 1 << (i & 7);
  if ((bits[i >> 3] & m) === 0) Atomics.or(bits, i >> 3, m);
}

/** A lowercased char code and, for an ASCII letter, its upper-case form. */
function caseVariants(c: number): number[] {
  return c >= 97 && c <= 122 ? [c, c - 32] : [c];
}

/** Bit index of a (first, second, third) char triple in `Gazetteer.triples`. */
export function trigramHash(a: number, b: number, c: number): number {
  return (Math.imul(a, 0x2f0b3) ^ Math.imul(b, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) >>> 14;
}

/** Bit index of a (first, second) char pair in `Gazetteer.bigrams`. */
export function bigramHash(a: number, b: number): number {
  return (Math.imul(a, 0x2f0b3) ^ Math.imul(b, 0x9e3779b1)) >>> 15;
}

/** Whether `text` at `start` satisfies a record's case rule against its folded name. */
export function caseOk(mode: number, name: string, text: string, start: number): boolean {
  if (mode === CaseMode.Any) return true;
  if (mode === CaseMode.Camel) {
    let upper = true;
    // "Mediatek", "Softbank": a camel-case name of six letters or more written with only its
    // first letter a capital is still that name.
    let title = name.length >= 6 && text.charCodeAt(start) >= 65 && text.charCodeAt(start) <= 90;
    for (let k = 0; k < name.length; k++) {
      const a = name.charCodeAt(k);
      const b = text.charCodeAt(start + k);
      if (k > 0 && a >= 65 && a <= 90 && b === a) return true;
      if (b >= 97 && b <= 122) upper = false;
      if (k > 0 && b >= 65 && b <= 90) title = false;
    }
    return upper || title;
  }
  let exact = true;
  let upper = true;
  for (let k = 0; k < name.length; k++) {
    const a = name.charCodeAt(k);
    const b = text.charCodeAt(start + k);
    if (a !== b) exact = false;
    if (b !== (a >= 97 && a <= 122 ? a - 32 : a)) upper = false;
    if (!exact && !upper) return false;
  }
  return exact || (mode === CaseMode.ExactOrUpper && upper);
}

/**
 * The built-in gazetteer from this build's image when there is one (a few milliseconds);
 * else built from the data (a few hundred), leaving an image for the next start and for
 * this server's workers (data/builtinImage.ts).
 */
function loadBuiltin(): Gazetteer {
  const stamp = buildStamp();
  const bytes = stamp ? findBuiltinImage() : undefined;
  const tables = bytes && stamp ? readImage(bytes, stamp) : undefined;
  if (tables) return Gazetteer.fromTables(tables);
  const g = rebuildBuiltinGazetteer();
  if (stamp) keepBuiltinImage(writeImage(g.tables(), stamp));
  return g;
}

/** The built-in gazetteer built from companies.json and entities-extra.json (no image). */
export function rebuildBuiltinGazetteer(): Gazetteer {
  const data = builtinData('companies') as CompactData;
  const extra = builtinData('entities-extra') as ExtraData;
  const entities: Entity[] = [];
  const tiers: number[] = [];
  const index = new Map<string, number>();
  for (const [id, name, kind, names, tickers, sector, tier] of data.entities) {
    index.set(id, entities.length);
    entities.push({ id, name, kind: kind as EntityKind, names: names ? names.split('|') : [], tickers: tickers ? tickers.split('|') : [], sector: sector || undefined, origin: 'builtin' });
    tiers.push(tier);
  }
  // Curated extras: a known id gains names and may change kind; a new id is appended last so
  // that its names win over the generated data.
  for (const x of extra.entities) {
    const at = index.get(x.id);
    if (at !== undefined) {
      const e = entities[at];
      entities[at] = { ...e, kind: x.kind ?? e.kind, names: [...e.names, ...x.names], tickers: [...e.tickers, ...(x.tickers ?? [])] };
      tiers[at] = 0;
      // Move it after the generated rows so that its names win.
      entities.push(entities[at]);
      tiers.push(0);
      entities[at] = { ...e, names: [], tickers: [] };
    } else {
      // A ticker of an extra entry that belongs to a generated row: take that row over.
      for (const t of x.tickers ?? []) {
        const key = normaliseTicker(t);
        const row = entities.findIndex((e, i) => tiers[i] === 1 && e.tickers.includes(key));
        if (row >= 0) {
          x.names = [...x.names, ...entities[row].names];
          x.tickers = [...new Set([...(x.tickers ?? []), ...entities[row].tickers])];
          entities[row] = { ...entities[row], names: [], tickers: [] };
        }
      }
      entities.push({ id: x.id, name: x.name, kind: x.kind, names: x.names, tickers: x.tickers ?? [], sector: x.sector, origin: 'builtin' });
      tiers.push(0);
    }
  }
  const live = entities.map((e, i) => ({ e, t: tiers[i] })).filter(({ e }) => e.names.length || e.tickers.length);
  return new Gazetteer(live.map((x) => x.e), extra.blockers, data.ambiguous.split('|'), Uint8Array.from(live.map((x) => x.t)));
}

let cached: Gazetteer | undefined;

/** The built-in gazetteer (companies.json + entities-extra.json), built once and cached. */
export function builtinGazetteer(): Gazetteer {
  return (cached ??= loadBuiltin());
}
