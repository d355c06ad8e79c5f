/**
 * Entity mentions: one left-to-right pass over the folded text with the gazetteer trie
 * (longest valid match wins), ticker reading, and company-like candidates; then a small
 * document pass for aliases learnt from "name(ticker)" and "name(alias)".
 *
 * Rules, in the order they apply at a position:
 *  1. Longest gazetteer match. Latin names need word edges (no letter-letter or digit-digit
 *     join on either side), so "Meta" is not found in "Metadata" and "Meta X" beats "Meta".
 *     A blocker phrase (社会大众) consumes its span without a mention.
 *  2. A company match is widened over stock-name decorations: a leading "*ST"/"ST", a
 *     trailing "-W"/"-SW"/"-U", and a legal suffix (集团, 控股, 股份, 科技, 公司, " Inc.",
 *     " Holdings", " Corp"...).
 *  3. A parenthesis right after a mention is read item by item: tickers go into the
 *     mention's `ticker` (never a mention of their own); a known name is its own mention;
 *     an unknown name becomes an alias of the mention. An unknown mention (candidate)
 *     followed by a known ticker or name takes that entity's id.
 *  4. An explicit ticker with no name before it ("0700.HK", "NASDAQ: NVDA", "$ARM") is a
 *     mention of its company. Ambiguous tickers are only read in these ticker forms.
 *  5. Company-like suffixes (科技, 股份, 集团, 控股, 证券; " Inc.", " Holdings", " Group",
 *     " Technology", " Mining"...) with an unknown stem become candidates. The Chinese left
 *     edge comes from a bounded backward scan that stops at punctuation, spaces, function
 *     characters and the end of the previous mention; a stem longer than four characters
 *     has no trustworthy edge and is dropped.
 */
import type { Entity, EntityKind, Mention, Span } from './types';
import { Gazetteer, PLACE_PREFIXES, bigramHash, caseOk, childAt, trigramHash } from './gazetteer';
import { bestReading, inDoubt, isCommonWord, type Pick } from './segment';
import { TITLE_PAIRS, latinPerson, titledName } from './people';
import { isCommonEnglish, isCommonEnglishHash, isNonCompanyAcronym, mayBeNonCompanyAcronym } from './english';
import { COMMA_FORMS, coordinatedAfter, coordinatedBefore, fundedBefore, kindSubjectBefore, latinNameBefore, investorBefore, objectAfter, latinByContext, sharePriceBefore, sourceBeforeCue, stakeHolderBefore, type Found } from './contexts';
import { latinListNames, listNames, type Known } from './lists';
import { codeUnits, foldCode } from './text';
import { parseTickerItem, readTicker, type TickerMatch } from './tickers';
import { WordIndex } from './wordIndex';

const COMPANY_LIKE = new Set<EntityKind>(['company', 'exchange', 'media', 'candidate']);

/** Characters that end a backward name scan in Chinese: function characters and particles. */
const STOP = new Uint8Array(65536);
for (const ch of '的与和及在对将由向把被为等是了从到以于其该这那也都就而或并且又给让使如各每有无非个只位名年月日称据至即同跟经获自此更最很已还均再如') STOP[ch.charCodeAt(0)] = 1;
/** Two-character function words that also end the scan (verbs of reporting, investing...). */
const STOP2 = new Set(['表示', '宣布', '计划', '预计', '透露', '报道', '消息', '包括', '例如', '比如', '即便', '随着', '通过', '作为', '成为', '其他', '多数', '大多', '众多', '多家',
  '部分', '一些', '投资', '收购', '入股', '参股', '合作', '携手', '联合', '支持', '推出', '发布', '领投', '跟投', '分别', '聚焦', '关注', '看好', '布局', '认购', '旗下', '龙头',
  '以及', '其中', '指出', '认为', '核心', '硬核', '国产', '国内', '海外', '全球', '中国', '美国', '香港', '这家', '一家', '两家', '上市', '签署', '达成', '携同', '旗舰',
  // Verbs that take a company as their object.
  '取得', '受让', '转让', '设立', '增资', '聘请', '成立', '创立', '创办', '创建', '组建', '接管', '承接', '并购', '持有', '增持', '减持', '买入', '卖出', '出售', '注资', '孵化', '起诉', '控告', '拿下', '牵手',
  '联手', '对标', '超越', '击败', '挑战', '加入', '离开', '任职', '效力', '打造', '更名', '重组', '合并', '分拆', '剥离', '登陆', '冲刺', '递表', '押注', '押宝',
  // Words of time ("当天上海某交易所").
  '当天', '当日', '今天', '今日', '昨天', '昨日', '明天', '近日', '日前', '目前', '此前', '随后', '同时', '当时', '之后', '以来', '同日',
  '持股', '选择', '平台', '机构', '品牌', '厂商', '券商', '投行', '巨头', '公司', '企业', '新股', '个股', '初创', '供应', '采购', '替代', '取代', '竞争', '对手', '客户', '股东', '来自', '包含', '涵盖', '覆盖', '前往', '拜访', '访问', '监管', '处罚',
  // Verbs of a rating or an approval, and the parties of a deal, before the name they take ("上调X的目标价", "批准X收购", "卖方X有限公司").
  '上调', '下调', '调升', '调降', '上修', '下修', '扩充', '扩大', '批准', '核准', '卖方', '买方', '维持', '给予', '首予', '予以', '购买']);

/** One bit per character that begins a word of STOP2 (tested before slicing the text). */
const STOP2_FIRST = new Int32Array(2048);
for (const w of STOP2) STOP2_FIRST[w.charCodeAt(0) >> 5] |= 1 << (w.charCodeAt(0) & 31);
/** The words of STOP2 as numbers (first << 16 | second): looked up without slicing the text. */
const STOP2_PAIRS = new Set<number>();
for (const w of STOP2) if (w.length === 2) STOP2_PAIRS.add((w.charCodeAt(0) << 16) | w.charCodeAt(1));
/** Whether the two characters before `s` are a word of STOP2. */
function stop2Before(folded: string, s: number): boolean {
  const c = folded.charCodeAt(s - 2);
  return s >= 2 && (STOP2_FIRST[c >> 5] & (1 << (c & 31))) !== 0 && STOP2_PAIRS.has((c << 16) | folded.charCodeAt(s - 1));
}

/** Stems that make a generic phrase, not a name, before 科技/股份/集团... */
const GENERIC_STEMS = new Set([
  // A rating's object ("上调偏好股份的目标价").
  '偏好', '首选', '看好',
  // Verbs and determiners before 股份 (发行股份, 透过股份转换, 持有股份): shares, not a company.
  '发行', '已发行', '透过', '通过', '持有', '转让', '收购', '回购', '增持', '减持', '认购', '出售', '购买', '注销', '流通', '限售', '全部', '新增', '所持', '增发', '配售',
  '中国', '国产', '国内', '海外', '全球', '美国', '香港', '上海', '北京', '深圳', '硬核', '高', '黑', '上市', '相关', '金融', '信息', '网络',
  '数字', '生物', '新能源', '太阳能', '光伏', '能源', '电子', '半导体', '芯片', '人工智能', '智能', '互联网', '未来', '头部', '龙头', '传统',
  '新兴', '大型', '中小', '民营', '国有', '该', '这家', '此', '其', '科技', '前沿', '尖端', '高新', '创新', '前沿科技', '黑科技', '母', '子',
  '券商', '证券', '基金', '保险', '银行', '投资', '控股', '集团', '股份', '公司', '企业', '行业', '产业', '商业', '航天', '太空', '军工', '医疗',
  '汽车', '电力', '储能', '矿业', '材料', '化工', '消费', '地产', '房地产', '港股', 'A股', '美股', '中概', '主要', '其他', '多家', '一家',
  '目标', '合资', '平台', '空壳', '贸易', '运营', '物流', '航运', '管理', '咨询', '外资', '中资', '国企', '央企', '私募', '公募', '资管', '信托',
  // Markets of a kind, not of a name (加密货币交易所, 期货交易所).
  '加密货币', '数字货币', '虚拟货币', '加密', '期货', '商品', '大宗商品', '碳排放', '产权', '场外', '现货', '衍生品', '证券期货',
  // Words ending in 新 or 子 that are no names (names may: 广新集团, 锤子科技).
  '全新', '最新', '更新', '革新', '焕新', '崭新', '一新', '出新', '上新', '量子', '分子', '原子', '粒子', '种子', '孩子', '电子', '光子', '离子', '中子', '质子', '因子', '份子', '例子',
  // Kinds of company before 公司 ("普通公司", "同类公司").
  '普通', '一般', '同类', '同行', '大型', '小型', '中型', '新兴', '外国', '外资', '本地', '本土', '境外', '境内', '目标', '上游', '下游', '关联', '壳', '离岸',
  // Shares and units of a deal, and what money is used for (待售股份, 代价股份, 附属公司, 用作集团一般营运资金).
  '待售', '代价', '附属', '联营', '合营', '全资', '归属', '资讯', '用作', '拟用作', '将用作', '拟用', '用于', '作为', '本次', '此次',
  '初始', '资本', '家族', '中美', '营销', '数字营销', '应用', '初创', '母公司', '子公司', '科创', '创业', '农业', '服务', '软件', '游戏', '传媒', '网络科技', '信息科技', '数字科技',
  // Currencies and fund-raising before an ending (人民币基金, 美元基金, 筹资回购股份).
  '人民币', '民币', '美元', '港元', '欧元', '日元', '筹资', '集资', '融资', '募资',
  // Kinds of firm in one word (房企 发布公告: property developers, not a name).
  '房企', '车企', '药企', '险企', '民企', '外企', '港企', '台企', '中企', '美企', '日企', '韩企', '欧企', '上市公司', '上市企业', '该集团', '本集团',
]);

/**
 * Endings of Chinese company names that make a candidate of an unknown stem before them, with
 * the kind they give. "strict" endings are also ordinary words (投资, 基金, 汽车...): their stem
 * must be two or three characters and the ending must stand at a boundary.
 */
interface Suffix { word: string; kind: 'candidate' | 'media'; strict: boolean }
const SUFFIX_TABLE: Suffix[] = [
  ...['股份有限公司', '有限责任公司', '有限公司', '合伙企业', '科技', '股份', '集团', '控股', '证券', '实业', '光电', '资本', '创投', '机器人', '半导体', '资管', '传媒', '咨询', '信托',
    '药业', '制药', '微电子', '影业', '互娱', '智造', '重工', '资产管理', '投资集团', '投资管理', '投资控股', '生物科技', '医药科技',
    // Endings of Taiwan and mainland listings (兆盈兴业, 全懋精机, 盛京金控, 日月光投控, 美时生技).
    '金控', '兴业', '精机', '精密', '生技', '投控', '新材', '农商行', '农商银行', '总公司',
    // Firms of accountants and lawyers, and markets ("上海黄金交易所").
    '会计师事务所', '律师事务所', '交易所'].map((word) => ({ word, kind: 'candidate' as const, strict: false })),
  ...['投资', '基金', '银行', '公司'].map((word) => ({ word, kind: 'candidate' as const, strict: true })),
  ...['财经', '日报', '晚报', '早报', '周报', '时报', '商报', '新闻', '快讯', '证券报', '财经网', '新闻网', '周刊', '月刊'].map((word) => ({ word, kind: 'media' as const, strict: false })),
];
/** Suffixes by their first two characters (c1 << 16 | c2), longest first. */
const SUFFIX_BY_PAIR = new Map<number, Suffix[]>();
for (const x of SUFFIX_TABLE.slice().sort((a, b) => b.word.length - a.word.length)) {
  const key = (x.word.charCodeAt(0) << 16) | x.word.charCodeAt(1);
  if (!SUFFIX_BY_PAIR.has(key)) SUFFIX_BY_PAIR.set(key, []);
  SUFFIX_BY_PAIR.get(key)!.push(x);
}
const CJK_SUFFIXES = SUFFIX_TABLE.map((x) => x.word);
/** What may not follow an ending: it would make it part of a longer noun (银行业, 科技股, 投资者). */
const AFTER_SUFFIX_CHAR = new Uint8Array(65536);
for (const ch of '业股者人化界圈类型性级端链价品厂商界类师员家方款额率料') AFTER_SUFFIX_CHAR[ch.charCodeAt(0)] = 1;
const AFTER_SUFFIX_WORD = ['开支', '支出', '运作', '浪潮', '结构', '回报', '投入', '行业', '板块', '领域', '产业', '赛道', '市场', '概念', '价格', '指数', '企业', '公司', '巨头', '龙头', '政策', '监管', '部门', '项目', '经理', '规模', '需求',
  '技术', '产品', '业务', '设备', '系统', '平台', '方案', '基地', '工厂', '产能', '订单', '板', '相关', '发展', '创新', '应用'];
const AFTER_SUFFIX_WORD_INDEX = new WordIndex(AFTER_SUFFIX_WORD);
/** Fund stems that make a fund product, not a fund company (指数基金, 产业基金). */
const FUND_STEM_END = ['指数', '混合', '债券', '货币', '成长', '价值', '红利', '产业', '引导', '主权', '养老', '社保', '对冲', '私募', '公募', '天使', '并购', '母', '专项', '发展', '创新', '投资', '股权', '风险', '国家', '政府', '交易所', '共同', '联接', '货币市场'];
/** Last characters that make the stem an adjective or a class, not a name (高弹性科技, 现代化实业). */
const GENERIC_LAST = new Set([...'性硬黑型化端级类式高大小老本该母家度区'])
const LATIN_SUFFIXES = ['Inc.', 'Inc', 'Corp.', 'Corp', 'Corporation', 'Holdings', 'Holding', 'Group', 'Technology', 'Technologies', 'Mining', 'Capital', 'Management', 'Limited',
  'Ltd.', 'Ltd', 'Labs', 'Partners', 'Ventures', 'Robotics', 'Semiconductor', 'Networks', 'Systems', 'Digital', 'Securities', 'Brokers', 'Brokerage', 'Bank', 'Exchange', 'Energy',
  'Motors', 'Automotive', 'Industries', 'Pharmaceuticals', 'Pharma', 'Therapeutics', 'Biotech', 'Biosciences', 'Fintech', 'Insurance', 'Airlines', 'Financial', 'Renewables',
  'Foods', 'Brands', 'Resources', 'Minerals', 'Solutions', 'Software', 'Analytics', 'Advisors', 'Investments', 'Research', 'AI', 'Press', 'News', 'Times', 'Post', 'Journal',
  'Media', 'Daily', 'Herald', 'Tribune', 'Gazette', 'Investors', 'AG', 'GmbH', 'plc', 'PLC', 'LLC', 'N.V.', 'Communications', 'Telecom', 'Entertainment', 'Logistics',
  'Electronics', 'Chemicals', 'Petroleum', 'Aerospace', 'Healthcare', 'Biologics', 'Semiconductors', 'Microsystems', 'Dynamics', 'Studios', 'Properties', 'Realty', 'Shipping',
  'Airways', 'Bancorp', 'Bancshares', 'Materials', 'Investment', 'Fund',
  // Legal forms of Malaysia, the Gulf, Indonesia, Italy, the Nordics ("United Malacca Berhad", "Dubai Investments PJSC").
  'Berhad', 'Bhd', 'Bhd.', 'PJSC', 'Tbk', 'SpA', 'S.p.A.', 'Oyj', 'ASA', 'Co.'];
/** Latin endings that make a media outlet. */
const LATIN_MEDIA = new Set(['Press', 'News', 'Times', 'Post', 'Journal', 'Media', 'Daily', 'Herald', 'Tribune', 'Gazette', 'Investors']);
/** Stem words that make a public body, not a company ("World Bank", "Central Bank", "Asian Development Bank"). */
const PUBLIC_STEM = new Set(['World', 'Central', 'Reserve', 'Federal', 'Development', 'Investment', 'Export-Import', 'People’s', "People's", 'National', 'Infrastructure', 'Settlements', 'Monetary', 'Pension', 'Wealth', 'Social', 'Security']);
/** Suffixes a known company name is widened over. */
const CJK_EXTEND = ['股份有限公司', '有限责任公司', '有限公司', '集团', '控股', '股份', '科技', '公司'];
const LATIN_EXTEND = [' Inc.', ' Inc', ' Corp.', ' Corp', ' Corporation', ' Holdings', ' Holding', ' Group', ' Ltd.', ' Ltd', ' Limited', ' plc', ' PLC', ' Co.', ' Co', ' Company', ' AG', ' SE', ' SA', ' N.V.', ' NV',
  ' INC.', ' INC', ' CORP.', ' CORP', ' CORPORATION', ' HOLDINGS', ' GROUP', ' LTD.', ' LTD', ' LIMITED', ' PLC', ' CO.', ' PTY LTD.',
  ' Berhad', ' Bhd.', ' Bhd', ' PJSC', ' Tbk', ' SpA', ' S.p.A.', ' Oyj', ' ASA', ' S.A.'];
/** Every Latin ending, as a word. */
const LATIN_SUFFIX_SET = new Set([...LATIN_SUFFIXES, ...LATIN_EXTEND.map((x) => x.trim())]);
/** Every word of LATIN_EXTEND starts with a space: indexed by the letter after it. */
const LATIN_EXTEND_INDEX = new WordIndex(LATIN_EXTEND, 1);
/** First characters of CJK_EXTEND and of LATIN_SUFFIXES (a cheap test before the word loops). */
const CJK_EXTEND_FIRST = new Uint8Array(65536);
for (const s of CJK_EXTEND) CJK_EXTEND_FIRST[s.charCodeAt(0)] = 1;
/**
 * A company name right before a title at `at` ("Gogoro创办人", "星河智能董事长"): one to three
 * capitalised English words, or two to four Chinese characters opening a clause. Null when
 * there is none or it is a common word.
 */
function nameBeforeTitle(folded: string, at: number, lastEnd: number): [number, number] | null {
  let e = at;
  if (folded.charCodeAt(e - 1) === 32) e--;
  if (isAlnum(folded.charCodeAt(e - 1))) {
    let s = e;
    for (let words = 0; words < 3; words++) {
      let w = s;
      while (w > lastEnd && (isAlnum(folded.charCodeAt(w - 1)) || folded.charCodeAt(w - 1) === 45)) w--;
      if (w === s || !(isUpper(folded.charCodeAt(w)) || isDigit(folded.charCodeAt(w)))) break;
      const word = folded.slice(w, s);
      if (isCommonEnglish(word) || LATIN_STOPWORDS.has(word)) break;
      s = w;
      if (folded.charCodeAt(s - 1) !== 32 || !isUpper(folded.charCodeAt(s - 2))) break;
      s--;
      while (folded.charCodeAt(s) === 32) s++;
    }
    while (folded.charCodeAt(s) === 32) s++;
    if (s >= e || !/[a-z]/.test(folded.slice(s, e)) && e - s < 3) return null;
    return s < e && isUpper(folded.charCodeAt(s)) && !/^\d+$/.test(folded.slice(s, e)) ? [s, e] : null;
  }
  let s = e;
  while (s > lastEnd && e - s < 5 && isCjk(folded.charCodeAt(s - 1)) && !STOP[folded.charCodeAt(s - 1)]) s--;
  const len = e - s;
  if (len < 2 || len > 4) return null;
  const before = s > 0 ? folded.charCodeAt(s - 1) : 10;
  if (isCjk(before) && !STOP[before]) return null;
  const name = folded.slice(s, e);
  // A place or region (or a name ending in one: 该行美洲投资长) is where the officer works.
  if (isCommonWord(name) || GENERIC_STEMS.has(name) || PLACE_NAMES.has(name) || PLACE_NAMES.has(name.slice(-2)) || PLACE_NAMES.has(name.slice(-3)) || TITLE_GENERIC.has(name)) return null;
  // "创办人暨执行长": a first title, not a name.
  if ('暨兼及和'.includes(name[len - 1]) || TITLE_PAIRS.some((t) => t.length >= 2 && name.includes(t.slice(0, 2)))) return null;
  return [s, e];
}
/** Words before a title that name no company (公司董事长, 集团总裁, 前任CEO). */
const TITLE_GENERIC = new Set(['公司', '集团', '企业', '本公司', '该公司', '母公司', '子公司', '前任', '现任', '新任', '时任', '副', '联合', '首席', '董事会', '董事', '执行', '名誉', '荣誉', '常务',
  '资深', '高级', '独立', '联席', '代理', '候任', '署理', '非执行']);

/** Legal endings in capitals, by their first letter, longest first. */
const UPPER_SUFFIX_BY_FIRST: (string[] | undefined)[] = [];
for (const w of ['INC.', 'INC', 'LTD.', 'LTD', 'LIMITED', 'CORP.', 'CORP', 'CORPORATION', 'PTY', 'PLC', 'GROUP', 'HOLDINGS', 'HOLDING', 'CO.', 'LLC', 'GMBH', 'S.A.', 'N.V.', 'B.V.', 'K.K.']
  .sort((a, b) => b.length - a.length)) (UPPER_SUFFIX_BY_FIRST[w.charCodeAt(0)] ??= []).push(w);
/** Latin endings by their first letter, longest first. */
const LATIN_SUFFIX_BY_FIRST: (string[] | undefined)[] = [];
for (const w of LATIN_SUFFIXES.slice().sort((a, b) => b.length - a.length)) (LATIN_SUFFIX_BY_FIRST[w.charCodeAt(0)] ??= []).push(w);
/** Suffixes stemKey strips, in order. */
const STEM_SUFFIXES = [...CJK_SUFFIXES, ...LATIN_SUFFIXES.map((x) => ' ' + x.toLowerCase())];
const LATIN_STOPWORDS = new Set(['The', 'This', 'That', 'A', 'An', 'Its', 'Our', 'Their', 'And', 'Of', 'In', 'On', 'For', 'With', 'By', 'As', 'At', 'To', 'From', 'China', 'Chinese', 'US', 'U.S.', 'Hong', 'Kong']);

const SUFFIX_FIRST = new Uint8Array(65536);
for (const s of CJK_SUFFIXES) SUFFIX_FIRST[s.charCodeAt(0)] = 1;
/** Characters at which the scan must stop and look: see the fast skip in findMentions. */
const TRIGGER = new Uint8Array(65536);
for (const ch of '讯则') TRIGGER[ch.charCodeAt(0)] = 1;
for (let c = 48; c <= 57; c++) TRIGGER[c] = 1;
for (let c = 65; c <= 90; c++) TRIGGER[c] = 1;
for (const ch of '$( ') TRIGGER[ch.charCodeAt(0)] = 1;
// The list mark 、: its places are noted for the list reader (lists.ts) as the scan passes.
TRIGGER[0x3001] = 1;

/** Cue words of contexts.ts (report and investing verbs). */
const CUE_WORDS = ['领投', '跟投', '参投', '报道', '报导', '援引', '披露', '统计', '消息', '数据显示', '整理', '测算', '估算', '获悉', '融资', '股价', '撰文',
  // Deal verbs, before the company they take (objectAfter).
  '认购', '收购', '入股', '增资', '出售', '转让', '持有',
  // A filing, by the company that opens the clause ("盛京金控9月12日公告", "X发布公告称").
  '公告',
  // A listing, by the company that opens the clause ("1月27日X正式登陆港交所", "X递表").
  '登陆', '递表', '挂牌上市',
  // A subsidiary named after the word ("旗下子公司X拟以…").
  '子公司',
  // What a publication does, by a name that says it is one ("某某周刊指出", "某某网刊登").
  '指出', '刊登',
  // Verbs of a company named after a kind of firm ("运营企业X宣布", "药物公司X今日起招股").
  '宣布', '招股',
  // Raising money, the Hong Kong way ("X集资约5亿美元", "X拟集资").
  '集资',
  // A contrast, by the company that opens its clause ("，X则计划斥资9亿元").
  '则',
  // A price or a level, by the stock that opens its clause ("截至收盘，X报400港元").
  ...[...'0123456789'].map((d) => '报' + d),
  // An agent's work, by the firm named after 由 ("评估报告由X出具", "由X保荐").
  '出具', '保荐', '承销', '牵头',
  // A stake, a percentage then 股权 or 股份, of the company named right before it (stakeHolderBefore).
  '股权', '股份'];
/** Endings that make a name before 指出 or 刊登 a publication's. */
const PUBLICATION_ENDS = ['日报', '晚报', '早报', '周报', '周刊', '月刊', '时报', '商报', '杂志', '财经', '新闻', '网', '社'];
const CUE_INDEX = new WordIndex(CUE_WORDS);
const CUE_FIRST = new Uint8Array(65536);
for (const w of CUE_WORDS) CUE_FIRST[w.charCodeAt(0)] = 1;
CUE_FIRST[0x8baf] = 1; // 讯
CUE_FIRST[0x65e5] = 1; // 日 before 电 (a dateline)

/**
 * A name before the cue word at `at` (or, for a deal verb, the company after it), or null.
 * `lastEnd` bounds every name; `mentionEnd` (the end of the last mention, at or before
 * `lastEnd`) bounds the subject of a funding round, which the amount of the round may stand
 * between it and the cue.
 */
function cueBefore(folded: string, at: number, lastEnd: number, mentionEnd: number, limit: number): Found | null {
  const c = folded.charCodeAt(at);
  if (c === 0x65e5 /* 日 */) return folded.charCodeAt(at + 1) === 0x7535 /* 电 */ ? sourceBeforeCue(folded, at + 1, lastEnd, true, STOP) : null;
  // "新浪科技讯", "财华社讯", "某某网讯": an agency, a site or a paper before 讯.
  if (c === 0x8baf /* 讯 */) {
    const b = folded.charCodeAt(at - 1);
    return isLetter(b) || b === 0x65e5 /* 日 */ || b === 0x793e /* 社 */ || b === 0x7f51 /* 网 */ ? sourceBeforeCue(folded, at, lastEnd, true, STOP) : null;
  }
  const w = CUE_INDEX.startingAt(folded, at);
  if (w === null) return null;
  if (w === '领投' || w === '跟投' || w === '参投') {
    const f = investorBefore(folded, at, lastEnd, STOP, (s) => stop2Before(folded, s));
    // "持续跟投", "继续领投": how it invests, not who.
    if (f && ROUND_ADVERBS.has(folded.slice(f[0], f[1]))) return null;
    // "已三轮领投": a count of rounds, not an investor.
    return f && !genericName(folded.slice(f[0], f[1])) && !(folded.charCodeAt(f[1] - 1) === 0x8f6e /* 轮 */ && PHASE_NUMERAL.has(folded.charCodeAt(f[1] - 2))) ? f : null;
  }
  // "获悉数行使": 获 then 悉数 (in full), no report cue.
  if (w === '获悉' && folded.charCodeAt(at + 2) === 0x6570 /* 数 */) return null;
  if (w === '融资') return fundedBefore(folded, at, mentionEnd, STOP);
  if (w === '股价') return sharePriceBefore(folded, at, lastEnd, STOP);
  if (w.charCodeAt(0) === 0x62a5 /* 报 */ && isDigit(w.charCodeAt(1))) {
    const f = sharePriceBefore(folded, at, lastEnd, STOP);
    if (!f) return null;
    const name = folded.slice(f[0], f[1]);
    return !genericName(name) && !GENERIC_STEMS.has(name) && !PLACE_NAMES.has(name) && !NOT_PRICED.some((x) => name.endsWith(x)) && !name.includes('价') ? f : null;
  }
  if (w === '出具' || w === '保荐' || w === '承销' || w === '牵头') return agentAfterYou(folded, at, lastEnd);
  if (w === '则') {
    // 则 that ends a word (规则, 原则, 细则, 否则, 一则) opens no contrast.
    if (ZE_WORD_BEFORE.has(folded.charCodeAt(at - 1))) return null;
    const f = sharePriceBefore(folded, at, lastEnd, STOP);
    if (!f) return null;
    const name = folded.slice(f[0], f[1]);
    return name.length >= 3 && !genericName(name) && !GENERIC_STEMS.has(name) && !PLACE_NAMES.has(name) && !NOT_CONTRAST_SUBJECT.some((w) => name.endsWith(w)) && !name.endsWith('融资') ? f : null;
  }
  if (w === '集资') {
    // The verb only: 集资额 and 集资净额 are amounts of an offer, 集资用途 its use.
    const next = folded.charCodeAt(at + 2);
    if (next === 0x989d /* 额 */ || next === 0x51c0 /* 净 */ || next === 0x7528 /* 用 */ || next === 0x6240 /* 所 */) return null;
    const f = sharePriceBefore(folded, at, lastEnd, STOP);
    return f && !genericName(folded.slice(f[0], f[1])) && !GENERIC_STEMS.has(folded.slice(f[0], f[1])) ? f : null;
  }
  if (w === '股权' || w === '股份') {
    const f = stakeHolderBefore(folded, at, lastEnd, STOP);
    return f && !genericName(folded.slice(f[0], f[1])) && !GENERIC_STEMS.has(folded.slice(f[0], f[1])) ? f : null;
  }
  if (w === '公告') {
    let e = startsWithAt(folded, '发布', at - 2) ? at - 2 : at;
    // "新疆城建7月26日晚间公告": the time of day between the date and the filing.
    for (const t of DAY_TIMES) if (e - t.length > lastEnd && startsWithAt(folded, t, e - t.length)) { e -= t.length; break; }
    const f = sharePriceBefore(folded, dateStartBefore(folded, e, lastEnd), lastEnd, STOP);
    return f && !genericName(folded.slice(f[0], f[1])) ? f : null;
  }
  if (w === '登陆' || w === '递表' || w === '挂牌上市') {
    // (An exchange written between them is a mention already: the subject then stands
    // before it, where this scan no longer looks.)
    const f = sharePriceBefore(folded, dateStartBefore(folded, at, lastEnd), lastEnd, STOP);
    return f && !genericName(folded.slice(f[0], f[1])) ? f : null;
  }
  if (w === '子公司') return subsidiaryNamed(folded, at + 3, limit);
  if (w === '宣布') {
    const f = kindSubjectBefore(folded, at, lastEnd, STOP);
    return f && !genericName(folded.slice(f[0], f[1])) ? f : null;
  }
  if (w === '招股') {
    // The verb only: 招股书, 招股价 and 招股说明书 are things of the offer.
    const next = folded.charCodeAt(at + 2);
    if (isCjk(next) && next !== 0x81f3 /* 至 */ && next !== 0x5e76 /* 并 */) return null;
    const f = sharePriceBefore(folded, dateStartBefore(folded, at, lastEnd), lastEnd, STOP);
    return f && !genericName(folded.slice(f[0], f[1])) ? f : null;
  }
  if (w === '指出' || w === '刊登') {
    const f = sourceBeforeCue(folded, at, lastEnd, true, STOP);
    return f && PUBLICATION_ENDS.some((end) => startsWithAt(folded, end, f[1] - end.length)) ? f : null;
  }
  if (w === '认购' || w === '收购' || w === '入股' || w === '增资' || w === '出售' || w === '转让' || w === '持有') {
    const f = objectAfter(folded, at + 2, limit, STOP);
    return f && !GENERIC_STEMS.has(folded.slice(f[0], f[1])) ? f : null;
  }
  return sourceBeforeCue(folded, at, lastEnd, w === '报道' || w === '报导' || w === '消息' || w === '获悉' || w === '撰文', STOP);
}

/** Ends of what is quoted at a level but is no stock ("恒指报", "金价报", "收益率报"). */
const NOT_PRICED = ['指', '指数', '价', '率', '差', '期货', '金', '油', '币', '元', '汇', '债', '量', '额', '盘', '市', '板', '股',
  // Words of the quote itself ("收报", "现报", "普遍报", "一度报").
  '收', '开', '现', '暂', '普遍', '最新', '一度', '最高', '最低', '盘中', '午间', '早盘', '尾盘', '均'];
/** "评估报告由X出具", "由X保荐": the firm between 由 and the verb at `at` (two to eight characters), or null. */
function agentAfterYou(folded: string, at: number, lastEnd: number): Found | null {
  for (let s = at - 2; s > lastEnd && at - s <= 8; s--) {
    const c = folded.charCodeAt(s - 1);
    if (c === 0x7531 /* 由 */) {
      const name = folded.slice(s, at);
      if (!isCjk(folded.charCodeAt(s)) && !isUpper(folded.charCodeAt(s))) return null;
      return genericName(name) || GENERIC_STEMS.has(name) || isCommonWord(name) || NOT_AGENT.some((x) => name.startsWith(x)) ? null : [s, at, 'candidate'];
    }
    if (!(isCjk(c) || isLetter(c)) || (STOP[c] && c !== 0x540c /* 同 */)) return null;
  }
  return null;
}
/** What follows 由 but names no firm ("由公司出具", "由其牵头", "由董事会出具"). */
const NOT_AGENT = ['公司', '本公司', '其', '该', '董事', '总经理', '总裁', '主席', '股东', '双方', '各方', '管理层', '政府', '国家', '市场', '专人', '专家', '员工', '独立', '会计', '律师'];
/** Characters that make a word with 则 after them. */
const ZE_WORD_BEFORE = new Set([...'规原准细守定概法否实总通罚章范附简序然再一二三四五数两几每'].map((ch) => ch.charCodeAt(0)));
/** Ends of the subjects of a contrast that name no company ("投资者则", "下半年则"). */
const NOT_CONTRAST_SUBJECT = ['者', '年', '月', '季', '期', '方', '面', '人', '市', '国', '们', '股', '业', '价', '量', '率', '额',
  // Measures of a business ("研发投入则有", "净利润则").
  '入', '出', '润', '支', '模', '本', '用', '能', '算', '绩', '值', '益', '比', '数', '度', '收', '费', '损', '销'];
/** Marks that close the last item of a list ("…文曄及和碩，"). */
const LIST_END = new Set([0xff0c, 0x3002, 0x3001, 0xff1b, 59, 44, 46, 10, 0xff09, 41, 0xff1a, 58]);
/** Adverbs before 领投 or 跟投 that name no investor. */
const ROUND_ADVERBS = new Set(['持续', '继续', '再次', '再度', '同步', '共同', '联合', '继续加码', '持续加码', '追加', '独家', '超额']);
/** Times of day written between a filing's date and 公告. */
const DAY_TIMES = ['晚间', '早间', '午间', '盘后', '盘前', '晚'];
/** Verbs that end the name of a subsidiary after 子公司 ("子公司X拟以…", "子公司X宣布…"). */
const SUBSIDIARY_VERBS = ['拟', '将', '宣布', '完成', '获得', '已', '正式', '计划', '签署', '成立', '获', '于', '与'];
/** "旗下子公司拓荆键科拟以…": the name of two to five characters after 子公司 and before a verb, or null. */
function subsidiaryNamed(folded: string, p: number, limit: number): Found | null {
  for (let k = p; k < limit && k - p <= 5; k++) {
    const c = folded.charCodeAt(k);
    if (k - p >= 2 && SUBSIDIARY_VERBS.some((v) => startsWithAt(folded, v, k))) {
      const name = folded.slice(p, k);
      return GENERIC_STEMS.has(name) || isCommonWord(name) || genericName(name) || PLACE_NAMES.has(name) ? null : [p, k, 'candidate'];
    }
    if (!isCjk(c) || STOP[c]) return null;
  }
  return null;
}

/** A class of investors or firms, not a name: 产业资本, 国有资本, 外资基金 (a generic stem and an ending). */
function genericName(name: string): boolean {
  if (GENERIC_STEMS.has(name)) return true;
  const list = SUFFIX_BY_PAIR.get((name.charCodeAt(name.length - 2) << 16) | name.charCodeAt(name.length - 1));
  if (list) for (const x of list) if (name.endsWith(x.word) && GENERIC_STEMS.has(name.slice(0, -x.word.length))) return true;
  for (const x of CJK_SUFFIXES) if (x.length > 2 && name.endsWith(x) && GENERIC_STEMS.has(name.slice(0, -x.length))) return true;
  return false;
}

/** Letters and digits: the characters of an English word (joiners are read by the rules). */
const WORD_CHAR = new Uint8Array(65536);
for (let c = 48; c <= 57; c++) WORD_CHAR[c] = 1;
for (let c = 65; c <= 90; c++) WORD_CHAR[c] = WORD_CHAR[c + 32] = 1;
WORD_CHAR[45] = 1; // "Jean-Luc", "Rolls-Royce"

/** First characters of the titles people are named after. */
const TITLE_FIRST = new Uint8Array(65536);
for (const t of TITLE_PAIRS) TITLE_FIRST[t.charCodeAt(0)] = 1;
TITLE_FIRST[67] = 1; // CEO, CFO, CTO, COO before a Chinese name
/** A 4096-bit filter of the first two characters of titles and cue words, tested before any lookup. */
const PAIR_FILTER = new Uint8Array(512);
const pairBit = (a: number, b: number) => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 20;
for (const w of [...TITLE_PAIRS, 'CEO', 'CFO', 'CTO', 'COO']) { const h = pairBit(w.charCodeAt(0), w.charCodeAt(1)); PAIR_FILTER[h >> 3] |= 1 << (h & 7); }
/** Latin letters and digits. */
const ASCII_ALNUM = new Uint8Array(65536);
for (let c = 48; c <= 57; c++) ASCII_ALNUM[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_ALNUM[c] = ASCII_ALNUM[c + 32] = 1;

/** Bits of `charClasses`. */
const NAME_START = 1;
const STOP_HERE = 2;
const SINGLE = 4;
/** ASCII only: a Latin letter or digit; an upper-case letter; a stop for the fast skip at a word start. */
const ALNUM = 8;
const UPPER = 16;
const LATIN_STOP = 32;

/** Tables of the fast skip for one gazetteer (see `scanTables`). */
interface ScanTables {
  classes: Uint8Array;
  /**
   * Two bits per `bigramHash` index: bit 0 from `bigrams`, bit 1 from `pairEnds` (a subset of
   * `bigrams`), interleaved so that the skip reads one byte where it read two tables.
   */
  pairBits: Uint8Array;
  /** One bit per character: STOP_HERE of `classes`, 8 KB instead of the 64 KB table. */
  stopBits: Int32Array;
}
const scanTableCache = new WeakMap<Gazetteer, ScanTables>();
/** Four bits spread to the even bits of a byte (bit k to bit 2k). */
const SPREAD4 = Uint8Array.from({ length: 16 }, (_, n) => (n & 1) | ((n & 2) << 1) | ((n & 4) << 2) | ((n & 8) << 3));
/** The skip tables of `g`, built once after charClasses has marked its pairs. */
function scanTables(g: Gazetteer): ScanTables {
  let t = scanTableCache.get(g);
  if (!t) {
    const classes = charClasses(g);
    // Bit b of bigrams goes to bit 2(b mod 4) of byte b/4, with bigrams & pairEnds beside it
    // at 2(b mod 4) + 1: a byte of each makes two bytes here, four bits spread at a time.
    const pairBits = new Uint8Array(g.bigrams.length * 2);
    for (let j = 0; j < g.bigrams.length; j++) {
      const bg = g.bigrams[j];
      const both = bg & g.pairEnds[j];
      pairBits[2 * j] = SPREAD4[bg & 15] | (SPREAD4[both & 15] << 1);
      pairBits[2 * j + 1] = SPREAD4[bg >> 4] | (SPREAD4[both >> 4] << 1);
    }
    const stopBits = new Int32Array(2048);
    for (let c = 0; c < 65536; c++) if (classes[c] & STOP_HERE) stopBits[c >> 5] |= 1 << (c & 31);
    t = { classes, pairBits, stopBits };
    scanTableCache.set(g, t);
  }
  return t;
}

const charClassCache = new WeakMap<Gazetteer, Uint8Array>();
/**
 * Per character, for one gazetteer: NAME_START when some name starts with it (lowercased),
 * STOP_HERE for a trigger or a one-character name (where the fast skip must stop on
 * non-ASCII text), SINGLE for a one-character name. One 64 KB table is all the fast skip
 * and the first step of a match read (the trie root table is four times larger).
 */
function charClasses(g: Gazetteer): Uint8Array {
  let t = charClassCache.get(g);
  if (!t) {
    t = new Uint8Array(65536);
    for (let c = 0; c < 65536; c++) {
      const l = lower(c);
      t[c] = (g.root[l] >= 0 ? NAME_START : 0) | (TRIGGER[c] || g.singles[l] ? STOP_HERE : 0) | (g.singles[l] ? SINGLE : 0);
      if (c < 128) t[c] |= (ASCII_ALNUM[c] ? ALNUM : 0) | (isUpper(c) ? UPPER : 0) | (c !== 32 && t[c] !== 0 ? LATIN_STOP : 0);
    }
    // Candidate endings stop the fast skip through the pair filter, like two-character names.
    // Strict endings (投资, 基金, 银行) count only before a few characters: the skip stops at
    // those three-character sequences alone, not at every 投资.
    g.markPairs(SUFFIX_TABLE.filter((x) => !x.strict).map((x) => x.word));
    const nexts = [...STRICT_NEXT_CHAR, ...[...STRICT_NEXT].map((w) => w[0])].filter((ch) => ch.length === 1);
    g.markPairs(SUFFIX_TABLE.filter((x) => x.strict).flatMap((x) => nexts.map((ch) => x.word + ch)));
    g.markPairs(TITLE_PAIRS);
    g.markPairs([...CUE_WORDS, '日电']);
    charClassCache.set(g, t);
  }
  return t;
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLowerL = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => isUpper(c) || isLowerL(c);
const isAlnum = (c: number) => isLetter(c) || isDigit(c);
const isCjk = (c: number) => (c >= 0x3400 && c < 0xa000) || (c >= 0xf900 && c < 0xfb00);
const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
/** True when a and b would glue into one Latin word (letter-letter or digit-digit). */
/**
 * True when no name may begin or end between `a` and `b`: inside a Latin word, inside a digit
 * run, or between the two halves of a surrogate pair (a user name may start or end with a
 * lone surrogate; it must not match half of an emoji or of a supplementary-plane character).
 */
const joins = (a: number, b: number) => (isLetter(a) && isLetter(b)) || (isDigit(a) && isDigit(b)) || ((a & 0xfc00) === 0xd800 && (b & 0xfc00) === 0xdc00);

const bareFirstCache = new WeakMap<Gazetteer, Uint8Array>();
/** The gazetteer and table of the last call (documents are scanned with one gazetteer in turn). */
let bareFirstOf: Gazetteer | null = null;
let bareFirstTable: Uint8Array = new Uint8Array(0);
/**
 * Whether some bare ticker of the gazetteer begins with capitals c1 c2 c3 (a test before
 * slicing the text; bare tickers have three to five capitals). The first two capitals
 * of a word often begin some ticker; the first three seldom do.
 */
function bareTickerFirst(g: Gazetteer, c1: number, c2: number, c3: number): boolean {
  if (g !== bareFirstOf) {
    let t = bareFirstCache.get(g);
    if (!t) {
      t = new Uint8Array(26 * 26 * 26);
      for (const key of g.bareTickers.keys()) t[((key.charCodeAt(0) - 65) * 26 + key.charCodeAt(1) - 65) * 26 + key.charCodeAt(2) - 65] = 1;
      bareFirstCache.set(g, t);
    }
    bareFirstOf = g;
    bareFirstTable = t;
  }
  return bareFirstTable[((c1 - 65) * 26 + c2 - 65) * 26 + c3 - 65] === 1;
}

let seenStamp: Int32Array = new Int32Array(1024);
let seenGeneration = 0;
function growStamps(old: Int32Array, index: number): Int32Array {
  const grown = new Int32Array(Math.max(index + 1, old.length * 2));
  grown.set(old);
  return grown;
}

/** A mention under construction; `entity` is a gazetteer index or a document-local entity. */
/** Names learnt in this document: folded name -> known entity index or document entity. */
type Aliases = Map<string, { entity: number; local: Entity | null }>;

interface Raw {
  start: number;
  end: number;
  entity: number;
  local: Entity | null;
  ticker: string | null;
  /** Where `ticker` is written, -1 without one (Mention.tickerOffset). */
  tickerOffset: number;
  /** A one-word English name accepted on context: a candidate ending after it may take it over. */
  weak?: boolean;
}

/** Characters at which some rule of otherAt may start: triggers (tickers, parentheses, capitals), candidate endings, cue words, titles. */
const OTHER_START = new Uint8Array(65536);
{
  // The four tables hold only 0 and 1: their union is a bytewise OR, done four bytes at a time
  // (a pass over every code unit cost a millisecond of every start).
  const out = new Uint32Array(OTHER_START.buffer);
  const [a, b, c, d] = [SUFFIX_FIRST, CUE_FIRST, TITLE_FIRST, TRIGGER].map((t) => new Uint32Array(t.buffer));
  for (let k = 0; k < out.length; k++) out[k] = a[k] | b[k] | c[k] | d[k];
}
/**
 * The rules of otherAt that start at a Chinese character all start with a word of two or more
 * characters (a candidate ending, a cue word, a title), but 讯: a 4096-bit filter of their
 * first two characters lets most of these characters by (其中, 收到, 日期) before any rule runs.
 */
const OTHER_PAIR = new Uint8Array(512);
for (const w of [...CJK_SUFFIXES, ...CUE_WORDS, '日电', ...TITLE_PAIRS]) {
  const h = pairBit(w.charCodeAt(0), w.charCodeAt(1));
  OTHER_PAIR[h >> 3] |= 1 << (h & 7);
}
const otherCjkAt = (c: number, next: number) => c === 0x8baf /* 讯 */ || c === 0x5219 /* 则 */ || (OTHER_PAIR[pairBit(c, next) >> 3] >> (pairBit(c, next) & 7)) & 1;

/** Shared state of one findMentions scan, for the parts of the loop kept out of its hot path. */
interface Scan {
  text: string;
  folded: string;
  units: Uint16Array;
  g: Gazetteer;
  raws: Raw[];
  aliases: Aliases;
  local: Map<string, Entity>;
  stamp: number;
  lastEnd: number;
}

/** The end (after the closing bracket) of a name in corner brackets that goes on at `at` for one to eight more characters, or -1. */
function cornerNameEnd(units: Uint16Array, at: number, limit: number): number {
  for (let k = at; k < limit && k - at <= 8; k++) {
    const c = units[k];
    if (c === 0x300d || c === 0x300f) return k > at ? k + 1 : -1;
    if (!isCjk(c) && !(c >= 48 && c <= 57)) return -1;
  }
  return -1;
}

/** Takes the known name [i, bestEnd) of record bestRec, or passes it by; returns where scanning resumes. */
function acceptName(sc: Scan, i: number, bestEnd: number, bestRec: number, limit: number): number {
  const { text, folded, units, g, raws, aliases, local, stamp } = sc;
  let lastEnd = sc.lastEnd;
    const info = g.recInfo[bestRec];
    const entity = (info >> 3) - 1;
    if (entity < 0) { i = bestEnd; lastEnd = i; { sc.lastEnd = lastEnd; return i; } } // blocker
    // "NYSE:JNJ", "Nasdaq: TSVT": the exchange's name opens a ticker, which the ticker rules read.
    if ((units[bestEnd] === 58 || units[bestEnd] === 0xff1a) && (info & 1) === 0 && g.at(entity).kind === 'exchange' && readTicker(folded, i, limit)) {
      return otherAt(sc, i, units[i], i > 0 ? units[i - 1] : 32, limit);
    }
    // 「華固得月」, 「皇普莊園」: a building project or a product named in corner brackets after its
    // developer is a name of its own, not a mention of the company.
    if ((units[i - 1] === 0x300c || units[i - 1] === 0x300e) && isCjk(units[bestEnd])) {
      const e = cornerNameEnd(units, bestEnd, limit);
      if (e > 0) { sc.lastEnd = e; return e; }
    }
    const raw: Raw = { start: i, end: bestEnd, entity, local: null, ticker: null, tickerOffset: -1 };
    const company = (info & 1) === 1;
    const risky = (info >> 1) & 3;
    // A company's name with a subsidiary word after it ("Intel Capital", "英特尔资本") is the
    // subsidiary: a company of its own, never the parent.
    const after = units[bestEnd];
    // (An exchange's venture arm too: "Coinbase Ventures".)
    let sub = (after === 32 || isCjk(after)) && !risky && (company || (after === 32 && g.at(entity).kind === 'exchange')) ? subsidiaryEnd(folded, bestEnd, limit) : -1;
    // A name that needs evidence with a unit word of two or more characters after it (高通创投,
    // 大业新材料): the unit is the evidence, and the mention is the unit's.
    if (sub < 0 && risky && company && SUB_CJK_FIRST[after] && isCjk(folded.charCodeAt(bestEnd + 1))) {
      const e = subsidiaryEnd(folded, bestEnd, limit);
      if (e - bestEnd >= 2) sub = e;
    }
    // "上海电气香港有限公司": the company's registered unit in a place.
    if (sub < 0 && company && PLACE_FIRST[after]) sub = placeUnitEnd(folded, bestEnd, limit);
    // "大基金二期", "X产业投资基金三期股份有限公司": a fund's later phase is a fund of its own.
    if (sub < 0 && folded.charCodeAt(bestEnd + 1) === 0x671f /* 期 */ && PHASE_NUMERAL.has(after) && folded.charCodeAt(bestEnd - 1) === 0x91d1 /* 金 */ && folded.charCodeAt(bestEnd - 2) === 0x57fa /* 基 */) {
      sub = bestEnd + 2;
      for (const form of UNIT_LEGAL) if (startsWithAt(folded, form, sub)) { sub += form.length; break; }
    }
    // "控股股东罗牛山集团", "母企華虹集團": the group named as a listed company's parent is a
    // company of its own, not the listing whose short name it carries (and stays so when the
    // note names it again).
    if (sub < 0 && company && after === 0x96c6 /* 集 */ && folded.charCodeAt(bestEnd + 1) === 0x56e2 /* 团 */
      && (parentCueBefore(folded, i, lastEnd) || local.has('sub:' + folded.slice(i, bestEnd + 2)))) {
      sub = bestEnd + 2;
      for (const form of UNIT_LEGAL) if (startsWithAt(folded, form, sub)) { sub += form.length; break; }
    }
    // "湖南科力远新能源股份有限公司", "联芸科技(杭州)股份有限公司": the company's registered
    // name, its trade and legal form after it and its province before it, is the company;
    // "招商银行国际资本有限公司", with a unit's trade, is a unit of it.
    let registered = sub < 0 && company && !risky && (isCjk(after) || after === 40) ? registeredEnd(folded, bestEnd, limit) : -1;
    if (registered < -1) { sub = -registered; registered = -1; }
    // "其子公司欣旺达动力科技股份有限公司", "下属子公司匈牙利X有限公司": a subsidiary's registered name.
    if (registered > 0 && subsidiaryBefore(folded, i, lastEnd)) {
      const place = placeBefore(folded, i, lastEnd);
      if (place >= 0) i = place;
      sub = registered;
      registered = -1;
    }
    if (sub > 0) {
      const name = folded.slice(i, sub);
      let e = local.get('sub:' + name);
      if (!e) { e = { id: 'candidate:' + name, name: text.slice(i, sub), kind: 'candidate', names: [text.slice(i, sub)], tickers: [], origin: 'document' }; local.set('sub:' + name, e); }
      const subRaw: Raw = { start: i, end: sub, entity: -1, local: e, ticker: null, tickerOffset: -1 };
      raws.push(subRaw);
      i = readParenthesis(text, folded, subRaw, g, raws, aliases, limit, local);
      lastEnd = i;
      { sc.lastEnd = lastEnd; return i; }
    }
    if (registered > 0) {
      raw.end = registered;
      const place = placeBefore(folded, i, lastEnd);
      if (place >= 0) raw.start = place;
    } else if (company) {
    widen(folded, raw, lastEnd, limit);
    // "皇普建設", "全懋精機": a listed short name with a trade after it is the company's name
    // written long (hasEvidence then asks for a word boundary before it).
    if (raw.end === bestEnd && bestEnd - i <= 3 && TRADE_FIRST[after] && isCjk(after) && g.isListedOnly(entity)) {
      const trade = TRADE_INDEX.startingAt(folded, bestEnd);
      if (trade !== null) raw.end += trade.length;
    }
  }
    if (risky && !(entity < seenStamp.length && seenStamp[entity] === stamp)) {
      if (!hasEvidence(folded, raw, i, bestEnd, raws, limit, g, lastEnd, risky === 3) && !(risky === 2 && (latinContext(folded, i, bestEnd, limit) || latinByContext(folded, i, bestEnd, limit) !== null))) { i++; { sc.lastEnd = lastEnd; return i; } }
      // A one-word English name confirmed once is a name everywhere in the document.
      if (risky === 2) { learn(aliases, folded.slice(i, bestEnd), raw); raw.weak = true; }
    }
    if (entity >= seenStamp.length) seenStamp = growStamps(seenStamp, entity);
    seenStamp[entity] = stamp;
    // "高德软件(AMAP)": a known name alone in parentheses names the Chinese name before them.
    if (company && units[i - 1] === 40 && units[raw.end] === 41 && (!raws.length || raws[raws.length - 1].end < i - 1)) {
      const s = nameBeforeParenthesis(folded, i, lastEnd);
      const name = s >= 0 ? folded.slice(s, i - 1) : '';
      if (s >= 0 && !g.lookupName(name) && !genericName(name) && !isCommonWord(name) && !NOT_NAME_END.some((w) => name.endsWith(w))) {
        raws.push({ start: s, end: i - 1, entity, local: null, ticker: null, tickerOffset: -1 });
        learn(aliases, folded.slice(s, i - 1), raw);
      }
    }
    // "X向港交所递表", "X已于纳斯达克上市": the company that opens the clause lists there.
    if (LISTING_BEFORE_FIRST[units[i - 1]] && !company && g.at(entity).kind === 'exchange') {
      const subject = listingSubject(folded, i, raw.end, lastEnd, limit);
      if (subject && !g.lookupName(folded.slice(subject[0], subject[1]))) {
        const learnt = aliases.get(folded.slice(subject[0], subject[1]));
        raws.push(learnt ? { start: subject[0], end: subject[1], entity: learnt.entity, local: learnt.local, ticker: null, tickerOffset: -1 } : candidateRaw(text, folded, subject[0], subject[1], local));
      }
    }
    raws.push(raw);
    i = raw.end;
    i = readParenthesis(text, folded, raw, g, raws, aliases, limit, local);
    lastEnd = i;
    { sc.lastEnd = lastEnd; return i; }
}

/** Tickers, parentheses, people after titles, names by context and by shape at `i`; returns where scanning resumes. */
function otherAt(sc: Scan, i: number, c: number, prev: number, limit: number): number {
  const { text, folded, units, g, raws, aliases, local } = sc;
  let lastEnd = sc.lastEnd;
    // An explicit ticker with no name before it.
    if ((c === 36 || isUpper(c) || isDigit(c)) && !isAlnum(prev)) {
      const t = readTicker(folded, i, limit);
      if (t) {
        const at = tickerEntity(g, t);
        const named = at >= 0 ? nameBeforeParenthesis(folded, i, lastEnd) : -1;
        if (named >= 0) {
          // "星海能源(SZ:300750)": the name before the parenthesis is a mention of the ticker's company.
          let p = i - 1;
          while (folded.charCodeAt(p) !== 40) p--;
          let e = p;
          while (e > named && folded.charCodeAt(e - 1) === 32) e--;
          const raw: Raw = { start: named, end: e, entity: at, local: null, ticker: text.slice(i, t.end), tickerOffset: i };
          raws.push(raw);
          learn(aliases, folded.slice(named, e), raw);
          let close = t.end;
          while (close < limit && close - t.end < 24 && folded.charCodeAt(close) !== 41) close++;
          i = folded.charCodeAt(close) === 41 ? close + 1 : t.end;
          lastEnd = i;
          { sc.lastEnd = lastEnd; return i; }
        }
        if (at >= 0) {
          const written = text.slice(i, t.end);
          raws.push({ start: i, end: t.end, entity: at, local: null, ticker: written, tickerOffset: i });
        }
        i = t.end; lastEnd = i;
        { sc.lastEnd = lastEnd; return i; }
      }
      if (isDigit(units[i + 5]) && isDigit(c)) {
        // A bare six-digit mainland code used as a name where the text is about stocks
        // ("300750涨停", "代码300750"); right after a name it is that name's ticker.
        let j = i;
        while (j < limit && j - i < 7 && isDigit(units[j])) j++;
        if (j - i === 6 && !isAlnum(units[j]) && !(units[j] === 46 && isDigit(units[j + 1])) && prev !== 46 && prev !== 44) {
          const last = raws.length ? raws[raws.length - 1] : null;
          const attached = last !== null && (last.end === i || (last.end === i - 1 && prev === 32)) && last.ticker === null;
          if (attached || stockContext(folded, i, j, limit)) {
            const t = parseTickerItem(folded.slice(i, j));
            const at = t ? tickerEntity(g, t) : -1;
            if (at >= 0) {
              if (attached && (last!.entity === at || (last!.entity < 0 && last!.local))) {
                if (last!.entity < 0) { last!.entity = at; last!.local = null; }
                last!.ticker = text.slice(i, j);
                last!.tickerOffset = i;
              } else raws.push({ start: i, end: j, entity: at, local: null, ticker: text.slice(i, j), tickerOffset: i });
              i = j; lastEnd = i;
              { sc.lastEnd = lastEnd; return i; }
            }
          }
        }
      }
      if (isUpper(c)) {
        // A curated, non-ambiguous bare US code in running text ("NVDA").
        let j = i;
        while (j < limit && j - i < 6 && isUpper(folded.charCodeAt(j))) j++;
        if (j - i >= 3 && j - i <= 5 && !isAlnum(folded.charCodeAt(j))) {
          // (Not a short form the document defined for another name: "Kingdom Holding Co. (KHC)".)
          const at = bareTickerFirst(g, c, units[i + 1], units[i + 2]) && !aliases.has(folded.slice(i, j)) ? g.bareTickers.get(folded.slice(i, j)) : undefined;
          if (at !== undefined) { raws.push({ start: i, end: j, entity: at, local: null, ticker: text.slice(i, j), tickerOffset: i }); i = j; lastEnd = i; { sc.lastEnd = lastEnd; return i; } }
        }
      }
    }
    if (c === 40 /* ( */) {
      const end = bareParenthesis(text, folded, i, lastEnd, limit, g, raws, aliases, local);
      if (end > i) { i = end; lastEnd = i; { sc.lastEnd = lastEnd; return i; } }
    }
    // An English word here: its end and whether a capitalised word follows it.
    let latinWord = isUpper(c) && !isAlnum(prev);
    let wordEnd = i + 1;
    // The word is a known non-company acronym ("AI", "GPU") as latinByContext would read it,
    // which then finds nothing: the call is saved (these words are frequent in digests).
    let acronym = false;
    if (latinWord) {
      let h = c;
      let hyphen = false;
      while (wordEnd < limit && WORD_CHAR[units[wordEnd]]) { hyphen ||= units[wordEnd] === 45; h = (Math.imul(h, 31) + units[wordEnd++]) | 0; }
      // A common English word ("The", "In", "Shares") opens no name the rules below could find.
      // (A hash match is taken as is: a rare collision only skips these rules for one word.)
      if (isCommonEnglishHash(h)) latinWord = false;
      // (latinByContext reads a word on over "&" and ".X" too: then it is another word.)
      else if (!hyphen && mayBeNonCompanyAcronym(h)) {
        const after = units[wordEnd];
        acronym = after !== 38 && !(after === 46 && isLetter(units[wordEnd + 1])) && isNonCompanyAcronym(folded.slice(i, wordEnd));
      }
    }
    const nextCap = latinWord && units[wordEnd] === 32 && isUpper(units[wordEnd + 1]);
    // People after a title ("董事长王传福", "CEO黄仁勋", "CEO Jane Doe").
    const titled = TITLE_FIRST[c] && (PAIR_FILTER[pairBit(c, units[i + 1]) >> 3] >> (pairBit(c, units[i + 1]) & 7)) & 1;
    if (titled || nextCap) {
      let span: [number, number] | null = null;
      if (titled && (c !== 67 || (units[i + 2] === 79 && !isAlnum(units[i + 3])))) span = titledName(folded, i, limit);
      if (!span && nextCap) { const e = latinPerson(folded, i, limit); if (e > 0) span = [i, e]; }
      if (span && !g.lookupName(folded.slice(span[0], span[1]))) {
        // "Gogoro创办人陆学森": the company whose title it is, right before the title.
        if (titled && (!raws.length || raws[raws.length - 1].end < i) && !NON_FIRM_TITLES.some((t) => startsWithAt(folded, t, i))) {
          const co = nameBeforeTitle(folded, i, lastEnd);
          if (co) {
            const known = g.lookupName(folded.slice(co[0], co[1]));
            raws.push(known ? { start: co[0], end: co[1], entity: g.indexOf(known.id), local: null, ticker: null, tickerOffset: -1 } : candidateRaw(text, folded, co[0], co[1], local));
          }
        }
        const [a, b] = span;
        const name = folded.slice(a, b);
        const key = 'person:' + name;
        let e = local.get(key);
        if (!e) { e = { id: key, name: text.slice(a, b), kind: 'person', names: [text.slice(a, b)], tickers: [], origin: 'document' }; local.set(key, e); }
        const raw: Raw = { start: a, end: b, entity: -1, local: e, ticker: null, tickerOffset: -1 };
        raws.push(raw);
        learn(aliases, name, raw);
        // "Jane Doe" is later "Doe".
        const space = name.lastIndexOf(' ');
        if (space > 0 && b - a - space > 3 && !aliases.has(name.slice(space + 1))) learn(aliases, name.slice(space + 1), raw);
        // "溫拓思(Bill Winters)": the other script's name in parentheses.
        i = readParenthesis(text, folded, raw, g, raws, aliases, limit, local);
        lastEnd = i;
        { sc.lastEnd = lastEnd; return i; }
      }
    }
    // Companies shown by the words around them (see contexts.ts).
    if (CUE_FIRST[c] || latinWord) {
      let found: Found | null = null;
      const mentionEnd = raws.length ? Math.min(lastEnd, raws[raws.length - 1].end) : 0;
      if (CUE_FIRST[c]) found = cueBefore(folded, i, lastEnd, mentionEnd, limit);
      else if (wordEnd > i + 1 && !acronym && !(raws.length && raws[raws.length - 1].end === i - 1 && prev === 32)) found = latinByContext(folded, i, wordEnd, limit);
      if (found && found[0] >= (found[1] <= lastEnd ? mentionEnd : lastEnd) && !g.lookupName(folded.slice(found[0], found[1]))) {
        // A name the document already tied to an entity keeps it.
        const learnt = aliases.get(folded.slice(found[0], found[1]));
        const raw = learnt ? { start: found[0], end: found[1], entity: learnt.entity, local: learnt.local, ticker: null, tickerOffset: -1 } : candidateRaw(text, folded, found[0], found[1], local, found[2]);
        while (raws.length && raws[raws.length - 1].end > found[0]) raws.pop();
        // "Jane Street and Situational Awareness co-led": the cue after the second name is the
        // first one's too.
        const other = isUpper(c) ? coordinatedBefore(folded, found[0], raws.length ? raws[raws.length - 1].end : 0) : null;
        if (other && !g.lookupName(folded.slice(other[0], other[1]))) raws.push(candidateRaw(text, folded, other[0], other[1], local));
        raws.push(raw);
        const name = folded.slice(found[0], found[1]);
        if (!isCjk(name.charCodeAt(0)) || name.length >= 3) learn(aliases, name, raw);
        // "合资伙伴Alumina Ltd." is later "Alumina".
        const core = isUpper(name.charCodeAt(0)) ? latinCore(name) : name;
        if (core !== name && latinStemName(core) && !g.lookupName(core)) learn(aliases, core, raw);
        if (found[1] > i) {
          i = readParenthesis(text, folded, raw, g, raws, aliases, limit, local);
          // "funding from Lightbank and NEA": the name coordinated after it is one of the same kind.
          const next = i === found[1] && isUpper(c) ? coordinatedAfter(folded, i, limit) : null;
          if (next && !g.lookupName(folded.slice(next[0], next[1])) && !aliases.has(folded.slice(next[0], next[1]))) {
            const second = candidateRaw(text, folded, next[0], next[1], local);
            raws.push(second);
            learn(aliases, folded.slice(next[0], next[1]), second);
            i = next[1];
          }
          lastEnd = i;
          { sc.lastEnd = lastEnd; return i; }
        }
        lastEnd = found[1];
      }
    }
    // Company-like candidates.
    if (SUFFIX_FIRST[c]) {
      const cand = cjkCandidate(folded, i, lastEnd, limit);
      if (cand) {
        // "辉瑞营养品公司", "AMC影院公司": a known company, a trade, then 公司 is its unit.
        const last = raws.length ? raws[raws.length - 1] : null;
        if (last && last.end === cand[0] && last.entity >= 0 && folded.charCodeAt(i) === 0x516c /* 公 */ && folded.charCodeAt(i + 1) === 0x53f8 /* 司 */) {
          raws.pop();
          cand[0] = last.start;
        }
        const raw = candidateRaw(text, folded, cand[0], cand[1], local, cand[2]);
        raws.push(raw);
        // "高银地产控股" is later "高银地产": a stem of three characters or more stands for it.
        if (cand[2] === 'candidate' && i - cand[0] >= 3) {
          const stem = folded.slice(cand[0], i);
          if (isCjk(stem.charCodeAt(0)) && !GENERIC_STEMS.has(stem) && !isCommonWord(stem) && !aliases.has(stem) && !g.lookupName(stem)) learn(aliases, stem, raw);
        }
        i = readParenthesis(text, folded, raw, g, raws, aliases, limit, local);
        lastEnd = i;
        { sc.lastEnd = lastEnd; return i; }
      }
    } else if (c === 32 && isUpper(folded.charCodeAt(i + 1)) && isAlnum(prev)) {
      // A one-word listed name right before (Acme in "Acme Robotics") is part of the candidate.
      const last = raws.length ? raws[raws.length - 1] : null;
      // So is a product's name ("Gemini" in "Gemini Communications").
      // So is a candidate that ends in an ending itself ("TCI Fund" before "Management Ltd.").
      const bound = last && last.end === i && (last.weak || (last.entity >= 0 && g.at(last.entity).kind === 'product') || (last.entity < 0 && last.local?.kind === 'candidate')) ? last.start : lastEnd;
      const cand = latinCandidate(folded, i, bound, limit);
      if (cand) {
        const raw = candidateRaw(text, folded, cand[0], cand[1], local, cand[2]);
        // The stem may already have been matched as a known name: replace that mention.
        while (raws.length && raws[raws.length - 1].end > cand[0]) {
          const r = raws.pop()!;
          if (r.weak) aliases.delete(folded.slice(r.start, r.end));
        }
        raws.push(raw);
        // "Alumina Ltd." is later "Alumina": a stem that is no common word and no other name;
        // "Leagold Mining Corp." is later "Leagold".
        const stem = latinCore(folded.slice(cand[0], i));
        if (latinStemName(stem) && !g.lookupName(stem)) learn(aliases, stem, raw);
        i = readParenthesis(text, folded, raw, g, raws, aliases, limit, local);
        lastEnd = i;
        { sc.lastEnd = lastEnd; return i; }
      }
    }
  i++;
  sc.lastEnd = lastEnd;
  return i;
}

/**
 * Finds entity mentions in `text` (scanning its folded form). Results are sorted, never
 * overlap, and never touch a figure span.
 */
export function findMentions(text: string, folded: string, gazetteer: Gazetteer, figures: Span[]): Mention[] {
  const n = folded.length;
  const g = gazetteer;
  const recNext = g.recNext;
  const recMode = g.recMode;
  const pairEnds = g.pairEnds;
  const triples = g.triples;
  const packed = g.packed;
  const lowerStarts = g.lowerStarts;
  const lowerPairs = g.lowerPairs;
  const { classes, pairBits, stopBits } = scanTables(g);
  const units = codeUnits(folded);
  const raws: Raw[] = [];
  const figs = figures.length ? figures.slice().sort((a, b) => a.offset - b.offset) : figures;
  let fi = 0;
  // The span of figs[fi] (the next figure not wholly behind i); n and Infinity past the last.
  let figStart = figs.length ? figs[0].offset : n;
  let figEnd = figs.length ? figs[0].offset + figs[0].length : Infinity;
  let lastEnd = 0;
  let i = 0;
  const local = new Map<string, Entity>();
  const aliases: Aliases = new Map();
  // Entities matched without needing evidence in this document: seenStamp[entity] === stamp.
  if (++seenGeneration > 0x3fffffff) { seenGeneration = 1; seenStamp.fill(0); }
  const stamp = seenGeneration;
  merges.count = 0;
  // The names chosen for the current segmentation window, the next one, and the window's end.
  let plan: Pick[] = [];
  let planAt = 0;
  let planEnd = -1;
  const sc: Scan = { text, folded, units, g, raws, aliases, local, stamp, lastEnd: 0 };
  const listMarks: number[] = [];

  while (i < n) {
    // Skip figure spans.
    while (figEnd <= i) {
      if (++fi < figs.length) { figStart = figs[fi].offset; figEnd = figStart + figs[fi].length; }
      else { figStart = n; figEnd = Infinity; }
    }
    if (figStart <= i) { i = figEnd; lastEnd = i; continue; }
    const limit = figStart;
    // Inside a window read by the segmentation programme: go from pick to pick.
    let forced = -1;
    if (i < planEnd) {
      if (planAt < plan.length) {
        if (i <= plan[planAt].start) { i = plan[planAt].start; forced = plan[planAt++].rec; }
        else { planAt++; continue; }
      } else { i = planEnd; continue; }
    }
    // Fast skip over positions that can start nothing: most of any text. A position is
    // worth the full treatment only if it is a trigger character (tickers, parentheses,
    // candidate suffixes, Latin word starts) or its first two characters begin a name.
    let k = i;
    if (forced < 0) while (k < limit) {
      const ch = units[k];
      if (ch < 128) {
        // Latin: nothing starts inside a word; elsewhere only triggers and name starts count,
        // and a space between a word and a capital (a Latin company suffix may follow).
        const cl = classes[ch];
        const prevAlnum = k > 0 ? classes[units[k - 1]] >> 3 : 0;
        if (ch >= 97 && ch <= 122) {
          // A lower-case letter opens only a name written so ("eBay") or whose case rule lets
          // it by: the words of running English are passed by on that sparse table alone.
          if ((prevAlnum & 1) === 0) {
            const c1 = units[k + 1];
            const t = trigramHash(ch, c1, units[k + 2]) >> 1;
            if ((lowerStarts[t >> 3] >> (t & 7)) & 1) break;
            // "e&": a two-character name whose second character is no letter.
            if (!(c1 >= 97 && c1 <= 122)) { const b = bigramHash(ch, c1); if ((lowerPairs[b >> 3] >> (b & 7)) & 1) break; }
          }
          // The rest of a lower-case word: each letter follows a letter, so none can stop the skip.
          k++;
          while (k < limit && units[k] >= 97 && units[k] <= 122) k++;
          continue;
        }
        if (ch >= 48 ? ch <= 57 : ch === 42) {
          // A digit or "*" opens only a known name ("3M", "*ST"), which the pair filters test,
          // or, for digits, a ticker of four to six digits: the numbers of running text are
          // passed by here.
          if ((prevAlnum & 1) === 0) {
            const h1 = Math.imul(ch, 0x2f0b3) ^ Math.imul(units[k + 1], 0x9e3779b1);
            const b = h1 >>> 15;
            const v = pairBits[b >> 2] >> ((b & 3) << 1);
            if (v & 1) {
              const t = (h1 ^ Math.imul(units[k + 2], 0x85ebca6b)) >>> 14;
              if (((v >> 1) | (triples[t >> 3] >> (t & 7))) & 1) break;
            }
            // (A year before 年, "2025年", is no ticker.)
            if (ch <= 57 && ch >= 48 && isDigit(units[k + 1]) && isDigit(units[k + 2]) && isDigit(units[k + 3]) && !(units[k + 4] === 0x5e74 && (ch === 50 || ch === 49))) break;
          }
          k++;
          continue;
        }
        if (((cl >> 5) & ~((cl >> 3) & prevAlnum) | (ch === 32 ? prevAlnum & (classes[units[k + 1]] >> 4) : 0)) & 1) break;
        k++;
        continue;
      }
      // Everything else: "trigger or single-character name" (stopBits) or "the first two
      // characters end a name, or begin one whose first three characters are here". One
      // byte of pairBits holds both pair bits; the triple is read only after a pair hit.
      const h1 = Math.imul(ch, 0x2f0b3) ^ Math.imul(units[k + 1], 0x9e3779b1);
      const b = h1 >>> 15; // bigramHash
      const v = (pairBits[b >> 2] >> ((b & 3) << 1)) | ((stopBits[ch >> 5] >> ch) << 1);
      if (v & 3) {
        const t = (h1 ^ Math.imul(units[k + 2], 0x85ebca6b)) >>> 14; // trigramHash
        if (((v >> 1) | (triples[t >> 3] >> (t & 7))) & 1) break;
      }
      k++;
    }
    if (k > i && forced < 0) {
      // Stopped before the span's end: the figure and plan tests at the loop's top would pass
      // and the skip would stop here again at once, so the position is taken up directly.
      if (k >= limit) { i = k; continue; }
      i = k;
    }
    const c = units[i];
    if (c === 0x3001) { listMarks.push(i); i++; continue; }
    const prev = i > 0 ? units[i - 1] : 32;
    const lc = lower(c);
    const cls = classes[c];
    let bestEnd = -1;
    let bestRec = -1;
    let go = forced >= 0 ? 0 : cls & NAME_START;
    if (forced >= 0) { bestRec = forced; bestEnd = i + g.recName[forced].length; }
    if (go && !(cls & SINGLE) && i + 1 < n) {
      // Most positions start no name: the two-character names and the three-character
      // prefixes say so without touching the trie (their bits hold every case variant of the
      // second and third characters, so these are hashed as written).
      const c1 = units[i + 1];
      const b = bigramHash(lc, c1);
      if (((pairEnds[b >> 3] >> (b & 7)) & 1) === 0) {
        const t = trigramHash(lc, c1, units[i + 2]);
        if (((triples[t >> 3] >> (t & 7)) & 1) === 0) go = 0;
      }
    }
    if (go && !joins(prev, c)) {
      let j = i + 1;
      if (cls & SINGLE) {
        const term = g.termHead[g.root[lc]];
        if (term >= 0 && (j >= n || !joins(c, units[j]))) {
          for (let r = term; r >= 0; r = recNext[r]) {
            const mode = recMode[r];
            if (mode === 0 || caseOk(mode, g.recName[r], folded, i)) { bestEnd = j; bestRec = r; break; }
          }
        }
      }
      let at = j < limit ? g.pair(lc, lower(units[j])) : -1;
      // Down the packed trie from the depth-two node, one character at a time.
      while (at >= 0) {
        j++;
        const term = packed[at];
        if (term >= 0 && (j >= n || !joins(units[j - 1], units[j]))) {
          // The first record's case mode is in the low bits: 0 (no case rule) takes it at once.
          if ((term & 3) === 0) { bestEnd = j; bestRec = term >> 2; }
          else for (let r = term >> 2; r >= 0; r = recNext[r]) {
            const mode = recMode[r];
            if (mode === 0 || caseOk(mode, g.recName[r], folded, i)) { bestEnd = j; bestRec = r; break; }
          }
        }
        if (j >= limit) break;
        at = childAt(packed, at, lower(units[j]));
      }
    }
    if (bestRec >= 0 && forced < 0 && c >= 0x3400 && inDoubt(g, folded, i, bestEnd, bestRec, lastEnd, limit)) {
      // Overlapping names or a straddling word: read the whole window.
      const picks = bestReading(g, folded, i, bestEnd, lastEnd, limit);
      if (picks.length !== 1 || picks[0].start !== i || picks[0].end !== bestEnd) {
        plan = picks;
        planAt = 0;
        planEnd = Math.max(bestEnd, picks.length ? picks[picks.length - 1].end : 0);
        if (!picks.length || picks[0].start > i) { if (!picks.length) i = planEnd; continue; }
        bestRec = picks[0].rec;
        bestEnd = picks[0].end;
        planAt = 1;
      }
    }
    sc.lastEnd = lastEnd;
    if (bestRec >= 0) i = acceptName(sc, i, bestEnd, bestRec, limit);
    else if (!OTHER_START[c] || (c >= 0x3400 && !otherCjkAt(c, units[i + 1]))) i++; // no rule of otherAt starts here (a lower-case word, "**", 收到)
    else i = otherAt(sc, i, c, prev, limit);
    lastEnd = sc.lastEnd;
  }
  const cjkList = listMarks.length > 0;
  let latinList = false;
  for (let k = 0; k < raws.length && !latinList; k++) latinList = isUpper(units[raws[k].start]) && (units[raws[k].end] === 44 || units[raws[k].start - 2] === 44 || units[raws[k].end] === 32 || units[raws[k].start - 1] === 32);
  if (cjkList || latinList) addListNames(text, folded, raws, g, local, figs, cjkList ? listMarks : null, latinList);
  if (local.size > 1) trimCandidates(folded, raws);
  if (local.size > 0) tieToKnownStems(folded, raws, g);
  applyLearnedAliases(folded, raws, aliases, figs);
  if (local.size > 0) { tieToOtherCase(folded, raws, g); tieAcronyms(folded, raws); }
  return raws.map((r) => toMention(text, r, g));
}

const companyLikeCache = new WeakMap<Gazetteer, Uint8Array>();
/**
 * Per entity index of `g`, 1 when its kind is company-like: read once per gazetteer instead
 * of going to every mentioned entity's record for its kind.
 */
function companyLikeOf(g: Gazetteer): Uint8Array {
  let t = companyLikeCache.get(g);
  if (!t) {
    // By kind alone: a gazetteer read from an image builds no entity it is not asked for.
    t = new Uint8Array(g.entityCount);
    for (let k = 0; k < t.length; k++) t[k] = COMPANY_LIKE.has(g.kindAt(k)) ? 1 : 0;
    companyLikeCache.set(g, t);
  }
  return t;
}

/** Unknown names of enumerations that are lists of companies (lists.ts), merged into `raws` in order. */
function addListNames(text: string, folded: string, raws: Raw[], g: Gazetteer, local: Map<string, Entity>, figs: Span[], marks: number[] | null, latin: boolean): void {
  const companyLike = companyLikeOf(g);
  const known: Known[] = raws.map((r) => ({ start: r.start, end: r.end, company: r.entity >= 0 ? companyLike[r.entity] === 1 : COMPANY_LIKE.has(r.local!.kind) }));
  const found = marks ? listNames(folded, known, marks) : [];
  if (latin) for (const f of latinListNames(folded, known)) if (!found.some(([s, e]) => s < f[1] && f[0] < e)) found.push(f);
  if (!found.length) return;
  const added: Raw[] = [];
  // The first mention starting at each offset, made when first needed: a search of all the
  // mentions for each item would make a note of many lists quadratic.
  let byStart: Map<number, Raw> | null = null;
  for (const [s, e] of found) {
    if (overlapsFigure(figs, s, e)) continue;
    // A known name that needed evidence (大众, 三星): the list is that evidence.
    const entity = g.lookupName(folded.slice(s, e));
    if (entity) { added.push({ start: s, end: e, entity: g.indexOf(entity.id), local: null, ticker: null, tickerOffset: -1 }); continue; }
    // "普徕仕(T. Rowe Price)": the name in parentheses right after says which company it is.
    const open = folded.charCodeAt(e);
    if ((open === 40 || open === 0xff08) && byStart === null) {
      byStart = new Map();
      for (const r of raws) if (!byStart.has(r.start)) byStart.set(r.start, r);
    }
    const inner = open === 40 || open === 0xff08 ? byStart!.get(e + 1) : undefined;
    if (inner) { added.push({ start: s, end: e, entity: inner.entity, local: inner.local, ticker: null, tickerOffset: -1 }); continue; }
    added.push(candidateRaw(text, folded, s, e, local));
  }
  if (!added.length) return;
  const merged = raws.concat(added).sort((a, b) => a.start - b.start);
  raws.length = 0;
  for (const r of merged) raws.push(r);
}

/**
 * A Chinese candidate whose tail is another candidate of the document is that candidate with
 * a word in front of it (承接尚翼光电 when 尚翼光电 stands alone elsewhere): it is cut to the tail.
 */
function trimCandidates(folded: string, raws: Raw[]): void {
  const byName = new Map<string, Entity>();
  for (const r of raws) if (r.local && r.local.kind === 'candidate' && r.entity < 0) byName.set(folded.slice(r.start, r.end), r.local);
  if (byName.size < 2) return;
  for (const r of raws) {
    if (!r.local || r.local.kind !== 'candidate' || r.entity >= 0) continue;
    for (let s = r.start + 1; r.end - s >= 3; s++) {
      if (!isCjk(folded.charCodeAt(s - 1))) break;
      // (Never a legal form's tail: "限公司" is no name of its own.)
      if (folded.charCodeAt(s) === 0x9650 /* 限 */) continue;
      const tail = byName.get(folded.slice(s, r.end));
      if (tail && tail !== r.local) { r.start = s; r.local = tail; break; }
    }
  }
}

/** Words that name the parent of the company a note is about ("控股股东X集团", "母企X集團"). */
const PARENT_CUES = ['控股股东', '间接控股股东', '母公司', '母企', '母集团', '大股东', '控股方'];
/** Whether a parent cue, perhaps with 为 or 是 after it, ends right before `at` (not before `floor`). */
function parentCueBefore(folded: string, at: number, floor: number): boolean {
  let e = at;
  const c = folded.charCodeAt(e - 1);
  if (c === 0x4e3a /* 为 */ || c === 0x662f /* 是 */) e--;
  return PARENT_CUES.some((w) => e - w.length >= floor && startsWithAt(folded, w, e - w.length));
}
/** Numerals of a fund's phase (一期, 二期, 三期). */
const PHASE_NUMERAL = new Set([...'一二三四五六七八九十123456789'].map((ch) => ch.charCodeAt(0)));
/** Words in the trade of a registered name that make it a unit or a fund of the company, not the company. */
const UNIT_TRADE = ['资本', '创投', '证券', '银行', '基金', '投资', '合伙', '资产', '信托', '保险', '支付', '金融', '国际', '香港', '中国', '控股', '集团'];
/**
 * End of the registered form after a company's name at `end`: an optional place in
 * parentheses, up to eight characters of trade ("新能源", "电子技术"), then a legal form; or -1.
 * When the trade is a unit's ("国际资本", "投资"), the end negated (never -1: the shortest such
 * form is far longer).
 */
function registeredEnd(folded: string, end: number, limit: number): number {
  let p = end;
  if (isOpenParen(folded.charCodeAt(p))) {
    const close = p + 3 < limit && isCloseParen(folded.charCodeAt(p + 3)) ? p + 3 : p + 4 < limit && isCloseParen(folded.charCodeAt(p + 4)) ? p + 4 : -1;
    if (close < 0) return -1;
    for (let k = p + 1; k < close; k++) if (!isCjk(folded.charCodeAt(k))) return -1;
    p = close + 1;
  }
  for (let k = p; k < limit && k - p <= 8; k++) {
    const c = folded.charCodeAt(k);
    // "小米智造股权投资基金合伙企业(有限合伙)": a partnership of the company's is a unit of it.
    if (c === 0x5408 /* 合 */ && startsWithAt(folded, '合伙企业', k) && k - p >= 2) {
      let e = k + 4;
      for (const form of PARTNERSHIP_FORMS) if (isOpenParen(folded.charCodeAt(e)) && startsWithAt(folded, form, e + 1) && isCloseParen(folded.charCodeAt(e + 1 + form.length))) { e += form.length + 2; break; }
      return p === end ? -e : -1;
    }
    if (c === 0x80a1 /* 股 */ || c === 0x6709 /* 有 */) {
      for (const form of UNIT_LEGAL) {
        if (!startsWithAt(folded, form, k)) continue;
        const trade = folded.slice(p, k);
        // A unit's trade: its end, negated (the caller makes a unit of it).
        if (UNIT_TRADE.some((w) => trade.includes(w))) return p === end && trade.length >= 2 ? -(k + form.length) : -1;
        return k + form.length;
      }
    }
    if (!isCjk(c) || STOP[c]) return -1;
  }
  return -1;
}
/** Whether 子公司 (or 子公司 and a country: "子公司匈牙利") ends right before `at`. */
function subsidiaryBefore(folded: string, at: number, floor: number): boolean {
  const place = placeBefore(folded, at, floor);
  const p = place >= 0 ? place : at;
  return p - 3 >= floor && startsWithAt(folded, '子公司', p - 3);
}
/** Start of a province or city written right before `at` (not before `floor`), or -1. */
function placeBefore(folded: string, at: number, floor: number): number {
  for (const p of PLACE_PREFIXES) if (at - p.length >= floor && startsWithAt(folded, p, at - p.length)) return at - p.length;
  for (const p of PLACE_NAMES) if (at - p.length >= floor && startsWithAt(folded, p, at - p.length)) return at - p.length;
  return -1;
}

/** First characters of PLACE_NAMES and UNIT_PLACES (a cheap test before placeUnitEnd). */
const PLACE_FIRST = new Uint8Array(65536);
/** Legal forms that close the name of a company's unit in a place. */
const UNIT_LEGAL = ['股份有限公司', '有限责任公司', '控股有限公司', '有限公司'];

/** End of "香港有限公司" (a place, then a legal form) after a company's name at `end`, or -1. */
function placeUnitEnd(folded: string, end: number, limit: number): number {
  for (const place of PLACE_NAMES) {
    if (!startsWithAt(folded, place, end)) continue;
    for (const form of UNIT_LEGAL) if (end + place.length + form.length <= limit && startsWithAt(folded, form, end + place.length)) return end + place.length + form.length;
  }
  return -1;
}

/** Endings a known company's name is shortened by in the same text (恒生银行 → 恒生, Versum Materials → Versum). */
const SHORTENED_BY = [...CJK_SUFFIXES.filter((w) => w.length >= 2), ...CJK_EXTEND, '银行', '集团', ...LATIN_SUFFIXES.map((w) => ' ' + w)];
/** SHORTENED_BY by last character, longest first (most names end in none of them). */
const SHORTENED_BY_LAST = new Map<number, string[]>();
for (const w of [...new Set(SHORTENED_BY)].sort((a, b) => b.length - a.length)) {
  const c = w.charCodeAt(w.length - 1);
  if (!SHORTENED_BY_LAST.has(c)) SHORTENED_BY_LAST.set(c, []);
  SHORTENED_BY_LAST.get(c)!.push(w);
}

/**
 * A candidate whose name is a known or candidate company's name of the same document without
 * its ending ("恒生" beside 恒生银行, "Versum" beside "Versum Materials") is that company.
 */
/**
 * An English candidate that is a known company's name written in another case ("Deepmind
 * said", "NVIDIA's"): that company. Only curated companies' names of five letters or more,
 * where a case slip is likelier than two companies.
 */
function tieToOtherCase(folded: string, raws: Raw[], g: Gazetteer): void {
  const tied = new Map<Entity, number>();
  for (const r of raws) {
    if (r.entity >= 0 || !r.local || r.local.kind !== 'candidate' || r.end - r.start < 5 || !isUpper(folded.charCodeAt(r.start))) continue;
    const known = g.lookupAnyCase(folded.slice(r.start, r.end));
    if (!known || !COMPANY_LIKE.has(known.kind)) continue;
    // Only curated companies: a listed-only name in another case is as likely another company.
    const index = g.indexOf(known.id);
    if (!g.isListedOnly(index)) tied.set(r.local, index);
  }
  // Every mention of the candidate (the document may have learnt it as an alias) follows.
  if (tied.size) for (const r of raws) { const index = r.local ? tied.get(r.local) : undefined; if (index !== undefined) { r.entity = index; r.local = null; } }
}
/**
 * A candidate written in capitals that spells the initials of a company named in the same
 * document ("BMS" after "Bristol-Myers Squibb", "CFE" after "Corporation Financiere
 * Europeenne"): that company.
 */
function tieAcronyms(folded: string, raws: Raw[]): void {
  let acronyms = false;
  let words = false;
  for (const r of raws) {
    if (r.entity >= 0 || !r.local || r.local.kind !== 'candidate' || !isUpper(folded.charCodeAt(r.start))) continue;
    if (r.end - r.start >= 2 && r.end - r.start <= 5 && isUpperRun(folded, r.start, r.end)) acronyms = true;
    else if (r.end - r.start >= 4) words = true;
  }
  if (!acronyms && !words) return;
  // What a short form may stand for, each the first mention it was taken from (one pass, so
  // that a document of many candidates stays linear): the initials of a name or of its first
  // words ("CN" of "Canadian National Railway Co."), and its first word ("CIP" of "CIP
  // Merchant Capital", "Quest" of "Quest Diagnostics Inc.", "Estia" of "Estia Health").
  const byShort = new Map<string, Raw>();
  const byWord = new Map<string, Raw>();
  for (const o of raws) {
    // The first space inside the mention only: a search of the whole text from each mention
    // would read a Chinese note (which has few spaces) once per mention.
    let space = o.start;
    while (space < o.end && folded.charCodeAt(space) !== 32) space++;
    const first = space > o.start && space < o.end ? folded.slice(o.start, space) : '';
    if (acronyms && o.end - o.start >= 6 && !(o.entity < 0 && (!o.local || o.local.kind === 'person'))) {
      const initials = initialsOf(folded, o.start, o.end);
      for (let k = initials.length; k >= 2; k--) if (!byShort.has(initials.slice(0, k))) byShort.set(initials.slice(0, k), o);
      if (first.length >= 3 && !byShort.has(first)) byShort.set(first, o);
    }
    if (words && (o.entity >= 0 || o.local?.kind === 'company' || o.local?.kind === 'candidate') && first.length >= 4 && !byWord.has(first)) byWord.set(first, o);
  }
  const tied = new Map<Entity, Raw>();
  for (const r of raws) {
    if (r.entity >= 0 || !r.local || r.local.kind !== 'candidate' || tied.has(r.local)) continue;
    const short = folded.slice(r.start, r.end);
    let o = r.end - r.start <= 5 && isUpperRun(folded, r.start, r.end) ? byShort.get(short) : undefined;
    // "Quest said" after "Quest Diagnostics Inc.": a one-word candidate (no common word) that
    // opens a known company's name in the document is that company.
    if (!o && r.end - r.start >= 4 && !short.includes(' ') && !isCommonEnglish(short)) o = byWord.get(short);
    if (o && o !== r && o.local !== r.local) tied.set(r.local, o);
  }
  if (tied.size) for (const r of raws) { const o = r.local ? tied.get(r.local) : undefined; if (o) { r.entity = o.entity; r.local = o.local; } }
}
/** The capitals that open the words of [start, end) ("Bristol-Myers Squibb" → "BMS"), or "" when a word opens in lower case. */
function initialsOf(folded: string, start: number, end: number): string {
  let out = '';
  for (let k = start; k < end; k++) {
    const prev = k === start ? 32 : folded.charCodeAt(k - 1);
    if (prev !== 32 && prev !== 45) continue;
    const c = folded.charCodeAt(k);
    if (!isUpper(c)) return '';
    out += folded[k];
  }
  return out;
}
function tieToKnownStems(folded: string, raws: Raw[], g: Gazetteer): void {
  // The candidates first: most documents have none that could be a short form.
  let cands: Map<string, Raw[]> | null = null;
  for (const r of raws) {
    if (!r.local || r.local.kind !== 'candidate' || r.entity >= 0 || r.end - r.start < 2) continue;
    const name = folded.slice(r.start, r.end);
    cands ??= new Map();
    const list = cands.get(name);
    if (list) list.push(r);
    else cands.set(name, [r]);
  }
  if (cands === null) return;
  for (const r of raws) {
    const endings = SHORTENED_BY_LAST.get(folded.charCodeAt(r.end - 1));
    if (!endings) continue;
    const kind = r.entity >= 0 ? g.at(r.entity).kind : r.local!.kind;
    if (kind === 'person' || kind === 'product') continue;
    const name = folded.slice(r.start, r.end);
    for (const w of endings) {
      if (name.length - w.length < 2 || !name.endsWith(w)) continue;
      const stem = name.slice(0, -w.length);
      const list = cands.get(stem);
      // The first company written in full owns the short form.
      if (list) for (const c of list) if (c !== r) { c.entity = r.entity; c.local = r.local; }
      cands.delete(stem);
      break;
    }
  }
}

/** Evidence for a risky name: widened, followed by "(", or listed after another mention. */
/** Trades that follow a listed short name in its longer name (皇普建设, 华泰电子, 全懋精机). */
const TRADE_WORDS = ['建设', '营造', '电子', '精机', '精密', '工业', '实业', '化学', '化工', '食品', '纺织', '钢铁', '航运', '海运', '电机', '光电', '生技', '医药', '制药',
  '金控', '投控', '人寿', '产险', '电力', '能源', '半导体', '材料', '机械', '塑胶', '水泥', '玻璃', '纸业', '建材', '开发', '置业', '资讯', '通讯', '电信', '网通', '光学', '电脑',
  '国际', '控股', '集团', '科技', '股份'];
const TRADE_INDEX = new WordIndex(TRADE_WORDS);
const TRADE_FIRST = new Uint8Array(65536);
for (const w of TRADE_WORDS) TRADE_FIRST[w.charCodeAt(0)] = 1;

/** Class words that end no name written before its other name in parentheses (有关公司(X)). */
const NOT_NAME_END = ['公司', '企业', '部门', '机构', '平台', '模型', '产品', '品牌', '集团'];

/** Words between a company and the exchange it lists on, and what it does there after the exchange's name. */
const LISTING_BEFORE = ['登陆', '向', '于', '在', '赴'];
const LISTING_BEFORE_FIRST = new Uint8Array(65536);
for (const w of LISTING_BEFORE) LISTING_BEFORE_FIRST[w.charCodeAt(w.length - 1)] = 1;
const LISTING_BOARDS = ['主板', '创业板', '科创板', '北交所', 'GEM'];
const LISTING_AFTER = ['递表', '递交', '提交', '交表', '上市', '挂牌', '招股', '公开招股', '申请上市', 'IPO', '首次公开'];
const LISTING_AFTER_INDEX = new WordIndex(LISTING_AFTER);

/**
 * The company that opens the clause of "X向港交所递表" or "X已于纳斯达克上市", where the
 * exchange's name spans [at, end): [start, end] of its name, or null.
 */
function listingSubject(folded: string, at: number, end: number, lastEnd: number, limit: number): Found | null {
  let q = end;
  for (const b of LISTING_BOARDS) if (startsWithAt(folded, b, q)) { q += b.length; break; }
  if (q >= limit || LISTING_AFTER_INDEX.startingAt(folded, q) === null) return null;
  const before = LISTING_BEFORE.find((w) => at - w.length > lastEnd && startsWithAt(folded, w, at - w.length));
  if (!before) return null;
  const f = sharePriceBefore(folded, dateStartBefore(folded, at - before.length, lastEnd), lastEnd, STOP);
  return f && !genericName(folded.slice(f[0], f[1])) ? f : null;
}

/** Whether the parenthesis opening at `open` holds a stock code that is not `entity`'s. */
function otherListingIn(folded: string, open: number, limit: number, g: Gazetteer, entity: number): boolean {
  let close = open + 1;
  while (close < limit && close - open <= 24 && folded.charCodeAt(close) !== 41) close++;
  if (folded.charCodeAt(close) !== 41) return false;
  const t = parseTickerItem(folded.slice(open + 1, close).trim());
  return t !== null && tickerEntity(g, t) !== entity;
}

/** Titles held at universities, associations and the like: the name before them is no company's. */
const NON_FIRM_TITLES = ['教授', '理事长', '研究员', '负责人', '法定代理人', '主任', '行长'];

/** Verbs whose object is a company (of STOP2): 收购X, 入股X, 超越X. */
const OBJECT_VERBS = new Set(['收购', '并购', '竞购', '入股', '参股', '增持', '减持', '受让', '注资', '起诉', '控告', '联手', '携手', '牵手', '对标', '超越', '击败', '挑战']);

function hasEvidence(folded: string, raw: Raw, matchStart: number, matchEnd: number, raws: Raw[], limit: number, g: Gazetteer, lastEnd: number, weak: boolean): boolean {
  if (raw.start !== matchStart) return true;
  // A legal suffix is evidence unless the name may be the tail of a longer unknown one
  // (利达集团 inside 哈利达集团).
  if (raw.end !== matchEnd) return !(matchStart > lastEnd && isCjk(folded.charCodeAt(matchStart - 1)) && !STOP[folded.charCodeAt(matchStart - 1)]);
  let p = raw.end;
  while (p < limit && folded.charCodeAt(p) === 32) p++;
  // A parenthesis after it, unless it holds another listing's code: 瑞博生物（6938.HK） is no
  // mention of the listing called 生物.
  if (folded.charCodeAt(p) === 40 && !otherListingIn(folded, p, limit, g, raw.entity)) return true;
  // Stock and company words right after it ("伊利股价", "格力公告").
  if (CJK_STOCK_AFTER_INDEX.startingAt(folded, raw.end) !== null) return true;
  const prev = raws.length ? raws[raws.length - 1] : null;
  const sep = folded.charCodeAt(raw.start - 1);
  if (prev && prev.end === raw.start - 1 && (sep === 0x3001 || sep === 44)) return true;
  // "緯創、廣達、文曄及和碩", "立訊與和碩": the last of companies joined by 及, 与 or 和.
  if (prev && prev.end === raw.start - 1 && (sep === 0x53ca /* 及 */ || sep === 0x4e0e /* 与 */ || sep === 0x548c /* 和 */) && (prev.entity >= 0 || prev.local !== null)
    && (raw.end >= limit || LIST_END.has(folded.charCodeAt(raw.end)) || STOP[folded.charCodeAt(raw.end)])) return true;
  const next = folded.charCodeAt(raw.end);
  // Names written back to back (茅台五粮液伊利老窖). A short form derived from a listed name
  // (weak) also needs a name or a boundary on its other side, or a run of three names:
  // 龙头 in 概念龙头钧达股份 is a word.
  const boundaryAfter = !isCjk(next) || raw.end >= limit;
  if (prev && prev.end === raw.start && isCjk(sep) && prev.entity >= 0) {
    if (!weak || boundaryAfter || nameEnd(g, folded, raw.end, limit, false) > 0) return true;
    const before = raws.length > 1 ? raws[raws.length - 2] : null;
    if (before && before.end === prev.start) return true;
  }
  // A curated company whose name is also a word (苹果, 三星), with its business after it.
  if (!weak && (isCjk(next) || isDigit(next)) && businessAfter(folded, raw.end, limit)) {
    if (!g.isListedOnly(raw.entity)) return true;
    // A listed short name (国巨, 和硕) only where it stands at a word boundary: after
    // punctuation, a function word or a verb that takes a company (收购, 子公司), never
    // inside a longer word (大中华区, 阳明海运).
    const b = matchStart > 0 ? folded.charCodeAt(matchStart - 1) : 10;
    // After a number, 日, 月, 年 and 号 close a date ("2月8日宣布"): no boundary there.
    const date = isDigit(b) && DATE_UNIT.has(folded.charCodeAt(matchStart));
    if ((!isCjk(b) && !date) || STOP[b] || (matchStart >= 2 && stop2Before(folded, matchStart))) return true;
  }
  // "博通…收购高通，": a verb that takes a company right before, the name closing the clause,
  // in a text that has named a company already.
  if (!weak && boundaryAfter && raws.length > 0 && matchStart >= 2 && OBJECT_VERBS.has(folded.slice(matchStart - 2, matchStart))) return true;
  if (next !== 0x3001 && !isCjk(next)) return false;
  // First item of a list whose next item is a known name ("苹果、谷歌"), or a name right before one.
  const after = nameEnd(g, folded, next === 0x3001 ? raw.end + 1 : raw.end, limit, true);
  if (after < 0) return false;
  if (!weak || next === 0x3001 || raw.start === 0 || !isCjk(sep) || (prev && prev.end === raw.start)) return true;
  return nameEnd(g, folded, after, limit, false) > 0;
}

/**
 * Words of a company's business in the clause after a name that is also an ordinary word
 * ("苹果在大中华区的运营利润", "三星的晶圆代工部门", "阳明去年获利"), read up to BUSINESS_WINDOW
 * characters and never past a clause mark. What is directly after the name can undo it
 * (苹果期货, 苹果价格: the fruit).
 */
const BUSINESS_WORDS = ['营收', '营业收入', '收入', '净利', '利润', '获利', '盈利', '亏损', '财报', '业绩', '市值', '股价', '目标价', '评级', '收购', '并购', '入股', '融资',
  '估值', '出货', '晶圆', '代工', '芯片', '旗下', '宣布', '发布会', '首席执行官', '总裁', '董事长', '创始人', '工厂', '供应链', '供应商', '订单', '裁员', '股东', '季度',
  '财年', '营运', '股份', '股权', '上调', '下调', '手机', '公司', '集团', '子公司', '门店', '销量', '出资', '注资', '上市', '股票',
  '登陆', '挂牌', '港交所', '招股', '递表', '自结', '月营收', '法说会',
  // Taiwan and Hong Kong words of results and spending (税后纯益, 营业利益, 斥资扩厂).
  '纯益', '毛利', '营业利益', '营业额', '派息', '股息', '每股盈余', '斥资', '扩厂', '扩产', '投产', '量产',
  // Meetings and deals of a listed company ("聯強今天召開法人說明會", "鴻海與東元換股結盟").
  '法人说明会', '股东会', '股东大会', '董事会', '换股', '结盟', '增资', '减资', '配股', '回购', '分拆'];
const BUSINESS_INDEX = new WordIndex(BUSINESS_WORDS);
/** Units of dates that follow a number. */
const DATE_UNIT = new Set([...'日月年号'].map((ch) => ch.charCodeAt(0)));
const NOT_BUSINESS_AFTER = ['期货', '价格', '产区', '种植', '果园', '树', '汁', '园', '醋', '干', '派'];
const NOT_BUSINESS_AFTER_INDEX = new WordIndex(NOT_BUSINESS_AFTER);
const BUSINESS_WINDOW = 12;
/** Start of a date written right before `end` ("9月12日", "3日"), or `end` when there is none. */
function dateStartBefore(folded: string, end: number, floor: number): number {
  let p = end;
  for (let parts = 0; parts < 3 && p - 2 >= floor; parts++) {
    if (!DATE_UNIT.has(folded.charCodeAt(p - 1))) break;
    let q = p - 1;
    while (q > floor && p - 1 - q < 4 && isDigit(folded.charCodeAt(q - 1))) q--;
    if (q === p - 1) break;
    p = q;
  }
  return p;
}
/** End of a date written at `at` ("9月11日", "11日", "2025年3月"), or `at` when there is none. */
function dateEnd(folded: string, at: number, limit: number): number {
  let p = at;
  for (let parts = 0; parts < 3; parts++) {
    let q = p;
    while (q < limit && q - p < 4 && isDigit(folded.charCodeAt(q))) q++;
    if (q === p || !DATE_UNIT.has(folded.charCodeAt(q))) break;
    p = q + 1;
  }
  return p;
}
function businessAfter(folded: string, end: number, limit: number): boolean {
  if (NOT_BUSINESS_AFTER_INDEX.startingAt(folded, end) !== null) return false;
  // "和硕9月11日宣布": a date between the name and its business is passed over.
  const from = dateEnd(folded, end, limit);
  for (let p = from; p < limit && p - from < BUSINESS_WINDOW; p++) {
    const c = folded.charCodeAt(p);
    if (c === 0x3002 || c === 0xff0c || c === 44 || c === 0xff1b || c === 59 || c === 10 || c === 0xff01 || c === 0xff1f) return false;
    if (BUSINESS_INDEX.startingAt(folded, p) !== null) return true;
  }
  return false;
}

/** End of the longest known name (not a blocker; with `sure`, not a risky one) at `at`, or -1. */
function nameEnd(g: Gazetteer, folded: string, at: number, limit: number, sure: boolean): number {
  let node = 0;
  let end = -1;
  for (let j = at; j < limit && j - at < 16; j++) {
    node = g.next(node, lower(folded.charCodeAt(j)));
    if (node < 0) break;
    for (let r = g.termHead[node]; r >= 0; r = g.recNext[r]) if (g.recEntity[r] >= 0 && (!sure || !g.recRisky[r])) { end = j + 1; break; }
  }
  return end;
}

/** Words right after a risky Chinese name that make it a company. */
const CJK_STOCK_AFTER = ['股价', '股票', '涨停', '跌停', '市值', '公告', '财报', '股东', '董事长', '总裁', '首席执行官', '创始人', '旗下', '港股', 'A股', '美股'];
const CJK_STOCK_AFTER_INDEX = new WordIndex(CJK_STOCK_AFTER);
/** Words that make a company's name the name of its subsidiary ("Intel Capital", "英特尔资本"). */
const SUB_LATIN = ['Capital Markets', 'Capital', 'Ventures', 'Labs', 'Research', 'Securities', 'Bank', 'Investment Securities', 'Investments', 'Investment', 'Asset Management', 'Global Wealth Management', 'Wealth Management', 'Global Markets', 'Cloud', 'Pay', 'Music', 'Health', 'Financial', 'Foundry', 'Asia', 'Europe', 'China', 'International'];
const SUB_LATIN_INDEX = new WordIndex(SUB_LATIN);
const SUB_CJK = ['资本', '创投', '证券', '银行', '支付', '汽车', '零售', '物流', '数科', '金融', '云', '新材料', '基金', '全球财富管理', '财富管理', '资产管理', '投资证券', '投资银行', '资讯'];
const SUB_CJK_FIRST = new Uint8Array(65536);
for (const w of SUB_CJK) SUB_CJK_FIRST[w.charCodeAt(0)] = 1;
/** What may follow a subsidiary word and make it an ordinary phrase instead (资本开支, 证券化). */
const SUB_CJK_NOT = ['开支', '支出', '市场', '运作', '结构', '主义', '金', '化', '业', '卡', '账户', '交易', '利得', '回报', '投入', '店', '计算', '端', '原生', '行业', '板块', '股', '产业'];

/** End of a subsidiary name whose parent's name ends at `end`, or -1. */
function subsidiaryEnd(folded: string, end: number, limit: number): number {
  const c = folded.charCodeAt(end);
  if (c === 32 && isAlnum(folded.charCodeAt(end - 1)) && isUpper(folded.charCodeAt(end + 1))) {
    for (const w of SUB_LATIN_INDEX.with(folded.charCodeAt(end + 1))) {
      const e = end + 1 + w.length;
      // Not "China-made": a hyphen makes the word part of another.
      if (e <= limit && startsWithAt(folded, w, end + 1) && !isAlnum(folded.charCodeAt(e)) && folded.charCodeAt(e) !== 45) return e;
    }
    return -1;
  }
  if (!isCjk(folded.charCodeAt(end - 1))) return -1;
  if (SUB_CJK_FIRST[c]) {
    for (const w of SUB_CJK) {
      const e = end + w.length;
      if (e <= limit && startsWithAt(folded, w, end)) {
        for (const x of SUB_CJK_NOT) if (startsWithAt(folded, x, e)) return -1;
        return e;
      }
    }
  }
  // "小米智造股权基金": a fund the company names, its purpose between the name and 基金.
  if (isCjk(c) && !STOP[c] && !FUND_NOT_MIDDLE.some((w) => startsWithAt(folded, w, end))) {
    for (let k = end + 1; k < limit && k - end <= 6; k++) {
      const d = folded.charCodeAt(k);
      if (!isCjk(d) || STOP[d]) break;
      if (d === 0x57fa /* 基 */ && folded.charCodeAt(k + 1) === 0x91d1 /* 金 */ && k + 2 <= limit) {
        const after = folded.charCodeAt(k + 2);
        return after === 0x4f1a /* 会 */ || after === 0x7ecf /* 经 */ || after === 0x4e1a /* 业 */ ? -1 : k + 2;
      }
    }
  }
  return -1;
}

/** Words after a company's name that make a fund about it, not its own ("宁德时代股票基金", "概念基金"). */
const FUND_NOT_MIDDLE = ['股票', '概念', '主题', '相关', '持仓', '重仓', '指数', '供应链', '产业链'];

/** Words before and after a bare stock code that make it one ("代码300750", "300750涨停"). */
const CODE_BEFORE = ['股票代码', '证券代码', '代码', '代号', '个股', 'code ', 'Code ', 'ticker '];
const CODE_AFTER = ['涨停', '跌停', '涨', '跌', '收涨', '收跌', '股价', '盘中', '尾盘', '开盘', '收盘', '报收', '上涨', '下跌', '封板', '一字', '领涨', '领跌', '大涨', '大跌'];

/** Stock context around a bare code at [start, end). */
function stockContext(folded: string, start: number, end: number, limit: number): boolean {
  let p = end;
  while (p < limit && p - end < 2 && folded.charCodeAt(p) === 32) p++;
  for (const w of CODE_AFTER) if (startsWithAt(folded, w, p)) return true;
  let b = start;
  while (b > 0 && start - b < 2 && (folded.charCodeAt(b - 1) === 32 || folded.charCodeAt(b - 1) === 58 || folded.charCodeAt(b - 1) === 0xff1a)) b--;
  for (const w of CODE_BEFORE) if (b >= w.length && startsWithAt(folded, w, b - w.length)) return true;
  return false;
}

/** Words after a one-word English name that show it is a company ("Rivian said"). */
const LATIN_AFTER = new Set(['said', 'says', 'reported', 'reports', 'posted', 'posts', 'announced', 'announces', 'agreed', 'agrees', 'acquired', 'acquires', 'rose', 'fell',
  'gained', 'jumped', 'climbed', 'slid', 'dropped', 'plunged', 'surged', 'soared', 'tumbled', 'sank', 'raised', 'expects', 'expected', 'plans', 'planned', 'unveiled',
  'unveils', 'launched', 'launches', 'filed', 'files', 'priced', 'prices', 'shares', 'stock', 'stocks', 'shareholders', 'investors', 'earnings', 'revenue', 'sales',
  'CEO', 'executives', 'management', 'guidance', 'shipped', 'ships', 'sells', 'sold', 'bought', 'buys', 'hired', 'cuts', 'laid', 'missed',
  'delivered', 'delivers', 'IPO', 'listed', 'stake', 'declined', 'disclosed', 'confirmed', 'denied', 'warned', 'reached', 'signed', 'completed', 'closed']);
/** Words before a one-word English name that show it is a company ("shares of Rivian"). */
const LATIN_BEFORE = ['shares of ', 'stake in ', 'stock of ', 'acquisition of ', 'rival ', 'rivals ', 'peer ', 'CEO of ', 'chief executive of ', 'analysts at ', 'according to ',
  'investors in ', 'maker ', 'supplier ', 'customers of ', 'spokesperson for ', 'spokesman for ', 'spokeswoman for ', 'founder of ', 'chairman of ', 'led by ', 'backed by ',
  'owned by ', 'acquired by ', 'bought by ', 'invested in '];
/** CJK words next to an English name that show it is a company ("Rivian股价"). */
const CJK_AFTER = ['股价', '股份', '公司', '宣布', '表示', '发布', '公布', '旗下', '市值', '财报', '营收', '涨', '跌', '创始人', '首席', '董事', 'CEO'];
const CJK_BEFORE = ['公司', '企业', '品牌', '厂商', '初创', '龙头', '巨头', '车企', '药企', '同行', '对手'];
const CJK_AFTER_INDEX = new WordIndex(CJK_AFTER);
const CJK_BEFORE_INDEX = new WordIndex(CJK_BEFORE, -1);
/** Every word of LATIN_BEFORE ends with a space: indexed by the letter before it. */
const LATIN_BEFORE_INDEX = new WordIndex(LATIN_BEFORE, -2);

/** Company-like context around a one-word English name at [start, end). */
function latinContext(folded: string, start: number, end: number, limit: number): boolean {
  let p = end;
  if ((folded.charCodeAt(p) === 39 || folded.charCodeAt(p) === 0x2019) && folded.charCodeAt(p + 1) === 115 && !isLetter(folded.charCodeAt(p + 2))) return true;
  if (folded.charCodeAt(p) === 32) {
    let q = p + 1;
    while (q < limit && q - p < 16 && isLetter(folded.charCodeAt(q))) q++;
    if (q > p + 1 && LATIN_AFTER.has(folded.slice(p + 1, q))) return true;
  }
  while (p < limit && folded.charCodeAt(p) === 32) p++;
  if (CJK_AFTER_INDEX.startingAt(folded, p) !== null) return true;
  let b = start;
  while (b > 0 && start - b < 2 && folded.charCodeAt(b - 1) === 32) b--;
  return CJK_BEFORE_INDEX.endingAt(folded, b) !== null || LATIN_BEFORE_INDEX.endingAt(folded, start) !== null;
}

function tickerEntity(g: Gazetteer, t: TickerMatch): number {
  const at = g.tickerIndex(t.key);
  if (at >= 0) return at;
  // A four-digit Taiwan code may be an over-the-counter listing ("凡甲(3526)").
  if (t.key.charCodeAt(0) === 84 /* T */ && t.key.startsWith('TWSE:')) {
    const otc = g.tickerIndex('TPEX:' + t.key.slice(5));
    if (otc >= 0) return otc;
  }
  return t.bare ? g.tickerIndex(t.bare) : -1;
}

function startsWithAt(s: string, word: string, at: number): boolean {
  if (at + word.length > s.length) return false;
  for (let k = 0; k < word.length; k++) if (s.charCodeAt(at + k) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * Start of an unknown Chinese name right before "(" at the ticker offset `at`, or -1: two to
 * eight name characters, bounded by punctuation, function characters or the previous mention.
 */
function nameBeforeParenthesis(folded: string, at: number, lastEnd: number): number {
  let p = at - 1;
  while (p > lastEnd && folded.charCodeAt(p) === 32) p--;
  if (folded.charCodeAt(p) !== 40 || p <= lastEnd) return -1;
  let s = p;
  while (s > lastEnd && folded.charCodeAt(s - 1) === 32) s--;
  const end = s;
  while (s > lastEnd && end - s < 9 && isCjk(folded.charCodeAt(s - 1)) && !STOP[folded.charCodeAt(s - 1)]) {
    if (s - 2 >= lastEnd && stop2Before(folded, s)) break;
    // A trade noun ends before the name ("运营商天保能源", "食品商凤祥股份").
    if (end - s >= 2 && CLASS_END[folded.charCodeAt(s - 1)]) break;
    s--;
  }
  const len = end - s;
  if (len < 2 || len > 8) return -1;
  return s;
}

/** Whether `name`, folded, begins with folded[s, e) (a short form of it): at least two characters. */
function opensName(name: string, folded: string, s: number, e: number): boolean {
  if (name.length < e - s) return false;
  for (let k = 0; k < e - s; k++) if (foldCode(name.charCodeAt(k)) !== folded.charCodeAt(s + k)) return false;
  return true;
}

/**
 * Whether the Chinese name at [s, e), two to four characters, abbreviates `name` the way Hong
 * Kong papers do: its first character opens the name and the others follow in it in order
 * (恒地 for 恒基兆业地产, 新地 for 新鸿基地产, 九仓 for 九龙仓集团).
 */
function abbreviates(name: string, folded: string, s: number, e: number): boolean {
  if (e - s < 2 || e - s > 4 || name.length <= e - s || foldCode(name.charCodeAt(0)) !== folded.charCodeAt(s)) return false;
  let k = 1;
  for (let p = s + 1; p < e; p++) {
    while (k < name.length && foldCode(name.charCodeAt(k)) !== folded.charCodeAt(p)) k++;
    if (k >= name.length) return false;
    k++;
  }
  return true;
}

/** Words of the names of Taiwan's exchange-traded funds: their issuers and indices. */
const ETF_NAME_WORDS = ['ETF', 'etf', '高股息', '台湾50', '50', '指数', '基金', '元大', '国泰', '富邦', '群益', '中信', '复华', '统一', '永丰', '凯基', '台新', '兆丰', '大华'];
/**
 * Whether the Chinese name at [s, e) (spaces before `e` aside) shares its first two characters
 * with one of a listing's Chinese names; true when the listing has no Chinese name to compare.
 */
function fitsListing(names: string[], folded: string, s: number, e: number): boolean {
  while (e > s && folded.charCodeAt(e - 1) === 32) e--;
  if (e - s < 2 || !isCjk(folded.charCodeAt(s))) return true;
  let cjkNames = 0;
  for (const n of names) {
    if (n.length < 2 || !isCjk(n.charCodeAt(0))) continue;
    cjkNames++;
    if (foldCode(n.charCodeAt(0)) === folded.charCodeAt(s) && foldCode(n.charCodeAt(1)) === folded.charCodeAt(s + 1)) return true;
  }
  return cjkNames === 0;
}

/**
 * Start of the longest opening (two characters or more) of one of `names` that ends right
 * before `open` (spaces between allowed) and after `floor`, or -1.
 */
function listingOpeningBefore(names: string[], folded: string, open: number, floor: number): number {
  let end = open;
  while (end > floor && folded.charCodeAt(end - 1) === 32) end--;
  let best = -1;
  for (const n of names) {
    if (n.length < 2 || !isCjk(n.charCodeAt(0))) continue;
    for (let len = Math.min(n.length, end - floor); len >= 2; len--) {
      const s = end - len;
      if (best >= 0 && s >= best) break;
      if (opensName(n, folded, s, end)) { best = s; break; }
    }
  }
  return best;
}

/** The name right before the parenthesis at `open` that holds a ticker: [start, end] or null. */
function unknownListingName(folded: string, open: number, lastEnd: number): [number, number] | null {
  if (open <= lastEnd) return null;
  let end = open;
  while (end > lastEnd && folded.charCodeAt(end - 1) === 32) end--;
  if (isLetter(folded.charCodeAt(end - 1)) || folded.charCodeAt(end - 1) === 46) {
    const s = latinNameBefore(folded, end, lastEnd);
    return s >= 0 && end - s >= 3 ? [s, end] : null;
  }
  const s = nameBeforeParenthesis(folded, open + 1, lastEnd);
  return s >= 0 && !isCommonWord(folded.slice(s, end)) && !GENERIC_STEMS.has(folded.slice(s, end)) ? [s, end] : null;
}

/** Nouns right before a company's name that let an acronym in parentheses after it be its name. */
const COMPANY_NOUN_BEFORE = new Set(['公司', '企业', '品牌', '厂商', '初创', '平台', '新创', '车企', '药企']);
function isUpperRun(s: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (!isUpper(s.charCodeAt(k))) return false;
  return true;
}

/** Last characters of trade nouns (运营商, 开发商, 经销商): a name before a parenthesis starts after them. */
const CLASS_END = new Uint8Array(65536);
// "实际控制人广晟集团", "要约人X控股": a role ending in 人 stands before the name, never in it;
// so does one ending in 者 ("中国投资者科瑞集团", "收购者X控股").
for (const ch of '商人者') CLASS_END[ch.charCodeAt(0)] = 1;

/** Widens a company match over "*ST"/"ST", "-W"-style markers and legal suffixes. */
function widen(folded: string, raw: Raw, lastEnd: number, limit: number): void {
  const first = folded.charCodeAt(raw.start);
  const last = folded.charCodeAt(raw.end - 1);
  if (isCjk(first)) {
    if (raw.start - 3 >= lastEnd && startsWithAt(folded, '*ST', raw.start - 3)) raw.start -= 3;
    else if (raw.start - 2 >= lastEnd && startsWithAt(folded, 'ST', raw.start - 2) && !isAlnum(folded.charCodeAt(raw.start - 3))) raw.start -= 2;
  }
  if (isCjk(last)) {
    if (CJK_EXTEND_FIRST[folded.charCodeAt(raw.end)]) for (const s of CJK_EXTEND) if (raw.end + s.length <= limit && startsWithAt(folded, s, raw.end)) { raw.end += s.length; break; }
    if (folded.charCodeAt(raw.end) === 45 /* - */ && isUpper(folded.charCodeAt(raw.end + 1))) {
      let j = raw.end + 1;
      while (j < limit && j - raw.end <= 3 && isUpper(folded.charCodeAt(j))) j++;
      if (j - raw.end <= 3 && !isAlnum(folded.charCodeAt(j))) raw.end = j;
    }
  } else if (isAlnum(last) && folded.charCodeAt(raw.end) === 32) {
    for (const s of LATIN_EXTEND_INDEX.with(folded.charCodeAt(raw.end + 1))) {
      if (raw.end + s.length <= limit && startsWithAt(folded, s, raw.end) && !isLetter(folded.charCodeAt(raw.end + s.length))) { raw.end += s.length; break; }
    }
  }
}

/**
 * A parenthesis with no mention before it: a source credit at the end of an article
 * ("…。 (钛媒体)" then a line break) is a media mention; "HW Electro (HWEP)" is an unknown
 * Latin name with its ticker. Returns the offset after the parenthesis, or `at` when neither.
 */
function bareParenthesis(text: string, folded: string, at: number, lastEnd: number, limit: number, g: Gazetteer, raws: Raw[], aliases: Aliases, local: Map<string, Entity>): number {
  let close = -1;
  for (let k = at + 1; k < limit && k - at <= 24; k++) {
    const c = folded.charCodeAt(k);
    if (c === 41) { close = k; break; }
    if (c === 10 || c === 40 || c === 44 || c === 0x3001 || c === 0x3002) break;
  }
  if (close < 0) return at;
  let a = at + 1;
  let b = close;
  while (a < b && folded.charCodeAt(a) === 32) a++;
  while (b > a && folded.charCodeAt(b - 1) === 32) b--;
  const item = folded.slice(a, b);
  // Source credit: the line ends right after the parenthesis.
  let after = close + 1;
  while (after < folded.length && folded.charCodeAt(after) === 32) after++;
  let before = at;
  while (before > 0 && folded.charCodeAt(before - 1) === 32) before--;
  const closing = before > 0 ? folded.charCodeAt(before - 1) : 0;
  const sentenceEnd = closing === 0x3002 || closing === 33 || closing === 63 || closing === 0x2026 || closing === 0x201d;
  if (sentenceEnd && (after >= folded.length || folded.charCodeAt(after) === 10 || folded.charCodeAt(after) === 13) && b - a >= 2 && b - a <= 12 && !/^[\d.%\s-]+$/.test(item) && !/\[|\]/.test(item)) {
    if (g.lookupName(item)) return at;
    const key = 'media:' + item;
    let e = local.get(key);
    if (!e) { e = { id: key, name: text.slice(a, b), kind: 'media', names: [text.slice(a, b)], tickers: [], origin: 'document' }; local.set(key, e); }
    raws.push({ start: a, end: b, entity: -1, local: e, ticker: null, tickerOffset: -1 });
    return close + 1;
  }
  // A Chinese name followed by a numeric stock code ("陽明海運(2609)", "領展(00823)"): a
  // company, the listed one when the code is known.
  // (Each shape is tested only when the item's first character and length allow it: the
  // expressions are most of this function's time, and most parentheses fit none of them.)
  const first = folded.charCodeAt(a);
  if (isDigit(first) && (/^\d{4,6}(\.[A-Z]{2})?$/.test(item) || item.endsWith('-TW') || item.endsWith('-TWO') || item.endsWith('-HK'))) {
    const t = parseTickerItem(item);
    let known = t ? tickerEntity(g, t) : -1;
    const year = /^(19|20)\d\d$/.test(item);
    let named = nameBeforeParenthesis(folded, a, lastEnd);
    // "中國海外（00688.HK）": the longest opening of one of the listing's names right before the
    // parenthesis is the name, though a word of it (海外, 中国) ends the plain scan.
    if (known >= 0) {
      const opened = listingOpeningBefore(g.at(known).names, folded, at, lastEnd);
      if (opened >= 0 && (named < 0 || opened < named)) named = opened;
    }
    // A bare number names a listing only for a name that fits it: a code of one market read in
    // another, or a code a delisted company left to a new one ("會德豐（0020）" is not 0020.HK's
    // SenseTime), gives a company of its own rather than a wrong one.
    if (known >= 0 && named >= 0 && !fitsListing(g.at(known).names, folded, named, at)) known = -1;
    if (t && named >= 0 && !year) {
      let e = at;
      while (e > named && folded.charCodeAt(e - 1) === 32) e--;
      const name = folded.slice(named, e);
      if (!GENERIC_STEMS.has(name) && !/^\d/.test(name)) {
        const raw: Raw = { start: named, end: e, entity: known, local: null, ticker: text.slice(a, b), tickerOffset: a };
        if (known < 0) {
          // Taiwan's exchange-traded funds have codes that open with 00 ("元大高股息（0056）", 006208)
          // and are named after their issuer or index (Hong Kong papers write 0016 for 00016.HK).
          const fund = (b - a === 4 || b - a === 6) && first === 48 && folded.charCodeAt(a + 1) === 48 && ETF_NAME_WORDS.some((w) => name.includes(w));
          const key = (fund ? 'fund:' : 'company:') + name;
          let ent = local.get(key);
          if (!ent) { ent = { id: key, name: text.slice(named, e), kind: fund ? 'fund' : 'company', names: [text.slice(named, e)], tickers: [item], origin: 'document' }; local.set(key, ent); }
          raw.local = ent;
        }
        while (raws.length && raws[raws.length - 1].end > named) raws.pop();
        raws.push(raw);
        learn(aliases, name, raw);
        return close + 1;
      }
    }
  }
  // Hong Kong papers write a listing's code without its zeros ("賽晶（580）", "汇丰（5）"): a
  // code of one to three digits names the listing when the name before it opens one of the
  // listing's names (a bare number in parentheses is more often a count or a note).
  if (isDigit(first) && b - a <= 3 && isDigit(folded.charCodeAt(b - 1)) && (b - a < 3 || isDigit(folded.charCodeAt(a + 1)))) {
    const index = tickerEntity(g, { end: b, key: 'HK:' + item.padStart(5, '0'), bare: null, fund: false });
    const named = index >= 0 ? nameBeforeParenthesis(folded, a, lastEnd) : -1;
    let e = at;
    while (e > named && folded.charCodeAt(e - 1) === 32) e--;
    if (named >= 0 && e - named >= 2 && g.at(index).names.some((n) => opensName(n, folded, named, e) || abbreviates(n, folded, named, e))) {
      while (raws.length && raws[raws.length - 1].end > named) raws.pop();
      const raw: Raw = { start: named, end: e, entity: index, local: null, ticker: text.slice(a, b), tickerOffset: a };
      raws.push(raw);
      learn(aliases, folded.slice(named, e), raw);
      return close + 1;
    }
  }
  // An unknown Chinese name with its English name in parentheses ("沛星(Appier)"): one
  // company. Only a single word that is no common English word, so that people ("Bill
  // Winters") and places stay out.
  // When the English name is a known company's ("沛星(Appier)"), the Chinese name is that
  // company's too.
  const knownItem = isUpper(folded.charCodeAt(a)) && b - a >= 3 ? g.lookupName(item) : undefined;
  const knownCompany = knownItem !== undefined && COMPANY_LIKE.has(knownItem.kind) && isCjk(folded.charCodeAt(at - 1));
  // An acronym in parentheses counts only after a company noun ("具身智能公司它石智航(TARS)").
  const acronym = !knownItem && b - a >= 2 && b - a <= 6 && isUpperRun(folded, a, b) && !isNonCompanyAcronym(item);
  const word = /^[A-Z][a-z]+(?:[A-Z][a-z]+)?$/.test(item) && item.length >= 4 && !isCommonEnglish(item) && !knownItem;
  const named = knownCompany || acronym || word ? nameBeforeParenthesis(folded, a, lastEnd) : -1;
  if (named >= 0 && (knownCompany || word || (named >= 2 && COMPANY_NOUN_BEFORE.has(folded.slice(named - 2, named))))) {
    let e = at;
    while (e > named && folded.charCodeAt(e - 1) === 32) e--;
    const name = folded.slice(named, e);
    if (!GENERIC_STEMS.has(name) && !isCommonWord(name) && !PLACE_NAMES.has(name) && !GENERIC_LAST.has(name[0]) && !g.lookupName(name)) {
      const raw: Raw = knownCompany ? { start: named, end: e, entity: g.indexOf(knownItem!.id), local: null, ticker: null, tickerOffset: -1 } : candidateRaw(text, folded, named, e, local);
      while (raws.length && raws[raws.length - 1].end > named) raws.pop();
      raws.push(raw);
      raws.push({ start: a, end: b, entity: raw.entity, local: raw.local, ticker: null, tickerOffset: -1 });
      learn(aliases, item, raw);
      if (name.length >= 3) learn(aliases, name, raw);
      return close + 1;
    }
  }
  // "Arcadium Lithium（ALTM.US）", "澜湾科技（NASDAQ:LWKJ）": a listing we do not know still
  // shows that the name before it is a company.
  if (isUpper(first) && b - a >= 4 && b - a <= 16 && (item.includes('.') || item.includes(':'))) {
    const t = parseTickerItem(item);
    const named = t && tickerEntity(g, t) < 0 ? unknownListingName(folded, at, lastEnd) : null;
    if (named && !g.lookupName(folded.slice(named[0], named[1]))) {
      const raw = candidateRaw(text, folded, named[0], named[1], local);
      if (raw.local && raw.local.kind === 'candidate') {
        raw.local.kind = 'company';
        raw.local.id = 'company:' + folded.slice(named[0], named[1]);
        raw.local.tickers.push(text.slice(a, b));
      }
      raw.ticker = text.slice(a, b);
      raw.tickerOffset = a;
      while (raws.length && raws[raws.length - 1].end > named[0]) raws.pop();
      raws.push(raw);
      learn(aliases, folded.slice(named[0], named[1]), raw);
      return close + 1;
    }
  }
  // Unknown Latin name followed by a bare ticker code.
  if (isUpper(first) && item.length >= 2 && item.length <= 5 && /^[A-Z]{2,5}$/.test(item) && g.tickerIndex(item) < 0) {
    let e = at;
    while (e > lastEnd && folded.charCodeAt(e - 1) === 32) e--;
    let s = e;
    let words = 0;
    while (words < 4) {
      let w = s;
      while (w > lastEnd && isAlnum(folded.charCodeAt(w - 1))) w--;
      const word = folded.slice(w, s);
      if (w === s || !isUpper(folded.charCodeAt(w)) || (LATIN_STOPWORDS.has(word) && !(words > 0 && PLACE_WORDS.has(word)))) break;
      s = w; words++;
      if (s - 1 <= lastEnd || folded.charCodeAt(s - 1) !== 32 || !isAlnum(folded.charCodeAt(s - 2))) break;
      s--;
      if (!isUpper(folded.charCodeAt(s - 1)) && !isLetter(folded.charCodeAt(s - 1))) { s++; break; }
    }
    while (folded.charCodeAt(s) === 32) s++;
    if (!words) return at;
    const raw: Raw = { start: s, end: e, entity: -1, local: null, ticker: text.slice(a, b), tickerOffset: a };
    const name = folded.slice(s, e);
    // "China International Capital Corp (CICC)": the short form is a known company's name, so
    // both are that company.
    const short = g.lookupName(item);
    if (short && COMPANY_LIKE.has(short.kind)) {
      const entity = g.indexOf(short.id);
      while (raws.length && raws[raws.length - 1].end > s) raws.pop();
      raws.push({ start: s, end: e, entity, local: null, ticker: null, tickerOffset: -1 }, { start: a, end: b, entity, local: null, ticker: null, tickerOffset: -1 });
      learn(aliases, name, raws[raws.length - 2]);
      return close + 1;
    }
    if (!notAcronymOf(folded, raw, item)) return at;
    raw.local = { id: 'company:' + name, name: text.slice(s, e), kind: 'company', names: [text.slice(s, e)], tickers: [item], origin: 'document' };
    while (raws.length && raws[raws.length - 1].end > s) raws.pop();
    raws.push(raw);
    learn(aliases, name, raw);
    return close + 1;
  }
  return at;
}

/** A Chinese candidate whose suffix starts at `at`: [start, end, kind] or null. */
/** The units of a place written after its name (成都市, 四川省). */
const PLACE_UNIT_CHARS = new Set([...'市省区县'].map((ch) => ch.charCodeAt(0)));
/** Longest stem before a legal form (有限公司). */
const LEGAL_STEM = 20;

function cjkCandidate(folded: string, at: number, lastEnd: number, limit: number): [number, number, 'candidate' | 'media'] | null {
  if (at <= lastEnd) return null;
  const before = folded.charCodeAt(at - 1);
  if (!(isCjk(before) || isLetter(before) || isCloseParen(before)) || STOP[before]) return null;
  const list = SUFFIX_BY_PAIR.get((folded.charCodeAt(at) << 16) | folded.charCodeAt(at + 1));
  if (!list) return null;
  let suffix: Suffix | null = null;
  for (const x of list) if (at + x.word.length <= limit && startsWithAt(folded, x.word, at)) { suffix = x; break; }
  if (!suffix) return null;
  let end = at + suffix.word.length;
  // "…合伙企业(有限合伙)", "…会计师事务所(特殊普通合伙)", "…会计师事务所有限责任公司": the legal form after.
  if (suffix.word === '合伙企业' || suffix.word.endsWith('事务所')) {
    for (const form of PARTNERSHIP_FORMS) {
      if (startsWithAt(folded, form, end + 1) && isOpenParen(folded.charCodeAt(end)) && isCloseParen(folded.charCodeAt(end + 1 + form.length))) { end += form.length + 2; break; }
    }
    for (const form of ['有限责任公司', '有限公司']) if (startsWithAt(folded, form, end)) { end += form.length; break; }
  }
  // The ending must not be the head of a longer noun (银行业, 科技股, 汽车行业).
  // A legal form (有限公司) ends registered names, which are long: place, brand, trade, form
  // (深圳三快网络科技有限公司); their stem may run to LEGAL_STEM characters. Nothing after a
  // legal form makes it part of a longer noun.
  // Firms of accountants and lawyers are named like registered companies (青禾联合会计师事务所).
  const legal = suffix.word.endsWith('有限公司') || suffix.word.endsWith('有限责任公司') || suffix.word.endsWith('师事务所') || suffix.word === '合伙企业';
  const next = folded.charCodeAt(end);
  if (!legal && AFTER_SUFFIX_CHAR[next] === 1) return null;
  if (!legal && isCjk(next) && AFTER_SUFFIX_WORD_INDEX.startingAt(folded, end) !== null) return null;
  if (!legal && isCloseParen(before)) return null;
  const maxStem = legal ? LEGAL_STEM : 4;
  let s = at;
  // "零重力飞机工业(合肥)有限公司": a registered name may put its place in parentheses before the form.
  if (legal && isCloseParen(folded.charCodeAt(at - 1))) s = placeInParentheses(folded, at, lastEnd);
  let cjk = 0;
  let latin = 0;
  while (s > lastEnd && at - s < (legal ? LEGAL_STEM + 4 : 12)) {
    const c = folded.charCodeAt(s - 1);
    // Registered names may hold 和 (信永中和会计师事务所).
    if (isCjk(c) && (!STOP[c] || (legal && c === 0x548c /* 和 */ && s - 1 > lastEnd && isCjk(folded.charCodeAt(s - 2)) && !STOP[folded.charCodeAt(s - 2)])) && latin === 0) {
      // Inside a registered name, words such as 投资 or 合作 are its trade, not a verb before it.
      if (s - 2 >= lastEnd && (!legal || cjk >= 4) && stop2Before(folded, s)) break;
      if (cjk >= 2 && CLASS_END[c] && !legal) break;
      // "产业基金龙珠资本", "子公司澜湾科技": a name never runs back over another ending.
      if (cjk >= 2 && !legal && SUFFIX_BY_PAIR.has((folded.charCodeAt(s - 2) << 16) | c)) break;
      // "子公司深圳某某有限公司": a name never runs back over 公司.
      if (legal && c === 0x53f8 /* 司 */ && folded.charCodeAt(s - 2) === 0x516c /* 公 */) break;
      cjk++; s--;
    } else if ((isLetter(c) || (isDigit(c) && latin > 0)) && (cjk === 0 || (cjk <= 2 && latin === 0 && isIndustry(folded.slice(s, at))))) { latin++; s--; }
    else break;
  }
  // "成都市重大产业化…有限公司": 都 of a city's name stopped the reading; the place opens the name.
  if (legal && latin === 0 && s > lastEnd && PLACE_UNIT_CHARS.has(folded.charCodeAt(s))) {
    const place = placeBefore(folded, s, lastEnd);
    if (place >= 0) { cjk += s - place; s = place; }
  }
  if (latin > 0) cjk = 0;
  if ((!legal && at - s >= 12) || cjk > maxStem || (cjk < 2 && latin < 2)) return null;
  const stem = folded.slice(s, at);
  // "每股要约股份": a stem that starts with 股 is a share of something, not a name; so is one
  // that starts with the unit of a number before it ("2.73亿股代价股份").
  const first = stem.charCodeAt(0);
  if (first === 0x80a1 /* 股 */ || ((first === 0x4ebf /* 亿 */ || first === 0x4e07 /* 万 */) && isDigit(folded.charCodeAt(s - 1)))) return null;
  // "逾六成股份", "近两成股权": a share of it in tenths, not a name.
  const cheng = stem.indexOf('成');
  if (cheng > 0 && PHASE_NUMERAL.has(stem.charCodeAt(cheng - 1)) || (cheng > 0 && stem.charCodeAt(cheng - 1) === 0x4e24 /* 两 */) || (cheng > 0 && stem.charCodeAt(cheng - 1) === 0x534a /* 半 */)) return null;
  if (latin === 0 && legal && cjk >= 4) {
    // A registered name: its trade words (网络科技, 产业投资) belong to it.
    if (GENERIC_STEMS.has(stem) || isCommonWord(stem)) return null;
  } else if (latin === 0) {
    // 子公司 is a subsidiary of someone, never a name ending in 子 (全资子公司, 泰国子公司).
    if (stem.endsWith('子') && suffix.word.endsWith('公司')) return null;
    // Markets are named after their place ("上海黄金交易所"): a place opens their stem.
    const placeFirst = suffix.word === '交易所';
    // A stem of four characters may end in a trade word (高银地产控股): its first two name it.
    const tradeTail = stem.length >= 4 && !GENERIC_STEMS.has(stem.slice(0, 2)) && !isCommonWord(stem.slice(0, 2));
    // A paper's name may open or close with a generic word (科创板日报, 证券市场周刊).
    const paper = suffix.kind === 'media' && stem.length >= 3;
    if (GENERIC_STEMS.has(stem) || (GENERIC_STEMS.has(stem.slice(-2)) && !tradeTail && !paper) || (!placeFirst && !paper && GENERIC_STEMS.has(stem.slice(0, 2))) || GENERIC_LAST.has(stem[stem.length - 1]) || isCommonWord(stem)) return null;
    // A stem that is itself an ending ("科技" in 科技资本) or ends with one is a class.
    if (SUFFIX_BY_PAIR.has((stem.charCodeAt(stem.length - 2) << 16) | stem.charCodeAt(stem.length - 1))) return null;
  } else if (LATIN_STOPWORDS.has(stem) || /^[A-Z]{1,2}$|^[a-z]/.test(stem)) return null;
  if (suffix.strict) {
    if (latin === 0 && (cjk < 2 || cjk > 3)) return null;
    // A strict ending stands at a boundary: punctuation, a list, or a verb of investing.
    if (!STRICT_NEXT_CHAR.has(folded[end] ?? '') && !STRICT_NEXT.has(folded.slice(end, end + 2))) return null;
    if (suffix.word === '投资' && !STRICT_NEXT.has(folded.slice(end, end + 2)) && !INVEST_NEXT_CHAR.has(folded[end] ?? '')) return null;
    if (suffix.word === '基金') for (const w of FUND_STEM_END) if (stem.endsWith(w)) return null;
  }
  // "澜湾云智科技有限公司", "澜湾云智科技集团股份有限公司": a legal form right after a trade
  // ending, perhaps with words of a group or a holding between, closes the name.
  if (!legal && suffix.kind === 'candidate') {
    let p = end;
    for (const w of CORPORATE_WORDS) if (startsWithAt(folded, w, p)) { p += w.length; break; }
    for (const form of UNIT_LEGAL) if (p + form.length <= limit && startsWithAt(folded, form, p)) { end = p + form.length; break; }
  }
  return [s, end, suffix.kind];
}

/** Words of a group or a holding between a trade and a legal form ("科技集团股份有限公司"). */
const CORPORATE_WORDS = ['集团股份', '控股集团', '集团控股', '集团', '控股', '股份'];

/** Words that introduce the short name a text will use for a company. */
const SHORT_NAME_WORDS = ['以下简称', '以下称', '下称', '简称', '以下称为'];
const isQuoteOpen = (c: number) => c === 0x201c || c === 34 || c === 0x300c || c === 0x2018 || c === 0x300e;
const isQuoteClose = (c: number) => c === 0x201d || c === 34 || c === 0x300d || c === 39 /* ’, folded */ || c === 0x300f;
/**
 * The quoted short name of an item in parentheses ("以下简称“TML”", "“TML”", "简称TML"), as
 * [start, end] inside [a, b), or null when the item is no such phrase.
 */
function shortNameIn(folded: string, a: number, b: number): [number, number] | null {
  let p = a;
  let word = false;
  for (const w of SHORT_NAME_WORDS) if (startsWithAt(folded, w, p)) { p += w.length; word = true; break; }
  if (word && (folded.charCodeAt(p) === 0xff1a || folded.charCodeAt(p) === 58)) p++;
  const quoted = isQuoteOpen(folded.charCodeAt(p)) && isQuoteClose(folded.charCodeAt(b - 1)) && b - p > 2;
  if (!quoted && !(word && b > p)) return null;
  return quoted ? [p + 1, b - 1] : [p, b];
}

/** Start of "(合肥)" ending at `end` (two or three Chinese characters in parentheses), or `end`. */
function placeInParentheses(folded: string, end: number, lastEnd: number): number {
  for (let open = end - 4; open >= end - 5 && open > lastEnd; open--) {
    if (!isOpenParen(folded.charCodeAt(open))) continue;
    for (let k = open + 1; k < end - 1; k++) if (!isCjk(folded.charCodeAt(k))) return end;
    return open;
  }
  return end;
}

/** Legal forms of partnerships, written in parentheses after the name. */
const PARTNERSHIP_FORMS = ['有限合伙', '特殊普通合伙', '普通合伙'];
const isOpenParen = (c: number) => c === 40 || c === 0xff08;
const isCloseParen = (c: number) => c === 41 || c === 0xff09;

/** Characters that may follow a strict ending: punctuation, a list, the end of the text. */
const STRICT_NEXT_CHAR = new Set(['', '\n', '、', ',', '.', ';', ':', '。', '；', '：', '!', '?', '等', '和', '与', '及', '(', ')', '》', '”', ' ']);
/** After 投资, only a list or a verb of investing: 投资 is mostly the verb. */
const INVEST_NEXT_CHAR = new Set(['、', '等', '和', '与', '及', '(']);
/** What may follow a strict ending ("富达投资领投", "凯辉基金跟投"). */
const STRICT_NEXT = new Set(['领投', '跟投', '参投', '合投', '共同', '旗下', '表示', '认为', '指出', '宣布', '发布', '数据', '统计', '报告', '研究', '分析', '预计', '管理', '合伙']);
/** Industry words a Latin stem may carry before an ending ("Dragoneer投资集团"). */
function isIndustry(w: string): boolean {
  return w === '投资' || w === '资本' || w === '科技' || w === '控股' || w === '能源' || w === '资产';
}

/** A Latin candidate "Name Name Suffix" where the space before the suffix is at `at`. */
function latinCandidate(folded: string, at: number, lastEnd: number, limit: number): [number, number, 'candidate' | 'media'] | null {
  let suffix = '';
  const list = LATIN_SUFFIX_BY_FIRST[folded.charCodeAt(at + 1)];
  if (list) for (const w of list) {
    const end = at + 1 + w.length;
    if (end <= limit && startsWithAt(folded, w, at + 1) && !isLetter(folded.charCodeAt(end))) { suffix = w; break; }
  }
  let caps = false;
  if (!suffix) {
    // Names written in capitals, as filings write foreign companies ("COUPANG INC.", "ZEBRE PTY LTD.").
    const upper = UPPER_SUFFIX_BY_FIRST[folded.charCodeAt(at + 1)];
    if (upper && isUpper(folded.charCodeAt(at - 1)) && isUpper(folded.charCodeAt(at - 2))) for (const w of upper) {
      const end = at + 1 + w.length;
      if (end <= limit && startsWithAt(folded, w, at + 1) && !isLetter(folded.charCodeAt(end))) { suffix = w; caps = true; break; }
    }
  }
  if (!suffix) return null;
  // Capitalised words (or codes like "8") going back from the space, at most four.
  let s = at;
  let words = 0;
  for (;;) {
    let w = s;
    while (w > 0 && (isAlnum(folded.charCodeAt(w - 1)) || folded.charCodeAt(w - 1) === 38 /* & */)) w--;
    if (w === s || w < lastEnd) break;
    const c0 = folded.charCodeAt(w);
    if (!isUpper(c0) && !isDigit(c0)) break;
    const word = folded.slice(w, s);
    if (caps && !/^[A-Z0-9&]+$/.test(word)) break;
    // A place may open a longer name ("China Merchants Securities"), never stand for it.
    if (LATIN_STOPWORDS.has(word) && !(words > 0 && PLACE_WORDS.has(word))) break;
    s = w;
    words++;
    if (words >= 4 || s === 0 || folded.charCodeAt(s - 1) !== 32) break;
    s--; // over the space
    if (!isAlnum(folded.charCodeAt(s - 1))) { s++; break; }
  }
  while (folded.charCodeAt(s) === 32) s++;
  if (words === 0) return null;
  // Not a public body, not a class of things ("Clean Energy", "Solar Energy").
  const stemWords = folded.slice(s, at).split(' ');
  if (stemWords.some((w) => PUBLIC_STEM.has(w))) return null;
  // "a 1 GW AI campus": a quantity and its unit are no name.
  if (stemWords.length > 1 && isDigit(stemWords[0].charCodeAt(0)) && isDigit(stemWords[0].charCodeAt(stemWords[0].length - 1))) return null;
  if (stemWords.every((w) => isCommonEnglish(w) || COMMON_STEM_EN.has(w))) return null;
  let end = at + 1 + suffix.length;
  // "Royal Bank of Canada": a bank of a place.
  if (suffix === 'Bank' && startsWithAt(folded, ' of ', end) && isUpper(folded.charCodeAt(end + 4))) {
    let e = end + 4;
    while (e < limit && isLetter(folded.charCodeAt(e))) e++;
    if (!isLetter(folded.charCodeAt(e))) end = e;
  }
  // "Iwai Cosmo Securities Co.": the legal ending too.
  for (const x of LATIN_EXTEND_INDEX.with(folded.charCodeAt(end + 1))) if (end + x.length <= limit && startsWithAt(folded, x, end) && !isLetter(folded.charCodeAt(end + x.length))) { end += x.length; break; }
  // "NEW ALVOGEN GROUP HOLDING, INC.": further legal words in capitals.
  if (caps) for (let more = 0; more < 3; more++) {
    const gap = folded.charCodeAt(end) === 44 && folded.charCodeAt(end + 1) === 32 ? 2 : folded.charCodeAt(end) === 32 ? 1 : 0;
    const list = gap ? UPPER_SUFFIX_BY_FIRST[folded.charCodeAt(end + gap)] : undefined;
    const w = list?.find((x) => end + gap + x.length <= limit && startsWithAt(folded, x, end + gap) && !isLetter(folded.charCodeAt(end + gap + x.length)));
    if (!w) break;
    end += gap + w.length;
  }
  return [s, end, LATIN_MEDIA.has(suffix) ? 'media' : 'candidate'];
}

/** Whether the stem of a Latin candidate (its name without the ending) may stand for it alone. */
/** An English name without its endings, taken off one by one ("Leagold Mining Corp." → "Leagold"). */
function latinCore(name: string): string {
  for (let sp = name.lastIndexOf(' '); sp > 0 && LATIN_SUFFIX_SET.has(name.slice(sp + 1)); sp = name.lastIndexOf(' ')) name = name.slice(0, sp);
  return name;
}

function latinStemName(stem: string): boolean {
  if (/^[A-Z][A-Z0-9]{2,}$|^[A-Z][a-z]+[A-Z][A-Za-z]+$/.test(stem)) return true;
  if (stem.length < 4 || !isUpper(stem.charCodeAt(0)) || !isLowerL(stem.charCodeAt(1))) return false;
  const words = stem.split(' ');
  return words.length <= 3 && !isCommonEnglish(words[0]) && !COMMON_STEM_EN.has(words[0]) && !LATIN_STOPWORDS.has(words[0]);
}

/** Places in parentheses after a company's name that make its unit there ("Tencent (China)", "腾讯(中国)"). */
const UNIT_PLACES = new Set(['中国', '大陆', '内地', 'China', 'Hong Kong', 'Singapore', 'Japan', 'India', 'Taiwan', 'Korea', 'Europe', 'Asia', 'UK', 'US', 'USA']);

const PLACE_WORDS = new Set(['China', 'Chinese', 'Hong', 'Kong', 'US', 'U.S.', 'Singapore', 'Dubai', 'Saudi', 'Emirates', 'Abu', 'Dhabi', 'Qatar', 'Malaysia', 'Japan', 'Korea', 'India', 'Indian', 'Asia', 'Pacific']);
/** Places that are written with their English name in parentheses. */
const PLACE_NAMES = new Set(['香港', '台湾', '新加坡', '美国', '英国', '日本', '韩国', '德国', '法国', '印度', '澳洲', '澳大利亚', '加拿大', '印尼', '马来西亚', '泰国', '越南', '欧洲',
  '亚洲', '中东', '北京', '上海', '深圳', '纽约', '伦敦', '东京', '硅谷', '华尔街',
  // Regions a firm's officers are named for ("美洲投资长", "亚太区总裁").
  '美洲', '北美', '南美', '拉美', '亚太', '亚太区', '大中华区', '中华区', '中国区', '东南亚', '非洲', '欧美', '全球']);
for (const p of PLACE_NAMES) PLACE_FIRST[p.charCodeAt(0)] = 1;
/** Adjectives and classes that with an ending name a kind of thing, not a company. */
const COMMON_STEM_EN = new Set(['Clean', 'Solar', 'Wind', 'Renewable', 'Green', 'Nuclear', 'Fossil', 'Generative', 'Artificial', 'Investment', 'Commercial', 'Retail', 'Digital',
  'Mobile', 'Online', 'Local', 'Regional', 'Community', 'Stock', 'Crypto', 'Shadow', 'Central', 'Big', 'Small', 'Major', 'Leading', 'Top', 'Junior', 'Senior', 'Physical',
  'Agentic', 'Open', 'Closed', 'Responsible', 'Sovereign', 'Frontier', 'Consumer', 'Enterprise', 'Edge', 'Quantum', 'Legacy', 'Traditional', 'Foreign', 'Domestic',
  // Kinds of investment and of fund ("Foreign Direct Investment", "Strategic Investment", "Mutual Fund").
  'Direct', 'Total', 'Net', 'Gross', 'Private', 'Public', 'Strategic', 'Fixed', 'Annual', 'Overseas', 'Outbound', 'Inbound', 'Mutual', 'Index', 'Hedge', 'Equity']);

/** The stem of a candidate name without its legal suffix, for grouping in one document. */
function stemKey(name: string): string {
  let s = name.toLowerCase();
  const list = STEM_BY_LAST.get(s.charCodeAt(s.length - 1));
  if (list) for (const w of list) if (s.endsWith(w) && s.length > w.length) { s = s.slice(0, -w.length); break; }
  return s.trim();
}
/** STEM_SUFFIXES by their last character. */
const STEM_BY_LAST = new Map<number, string[]>();
for (const w of STEM_SUFFIXES) {
  const c = w.charCodeAt(w.length - 1);
  if (!STEM_BY_LAST.has(c)) STEM_BY_LAST.set(c, []);
  STEM_BY_LAST.get(c)!.push(w);
}

function candidateRaw(text: string, folded: string, start: number, end: number, local: Map<string, Entity>, kind: 'candidate' | 'media' = 'candidate'): Raw {
  const name = folded.slice(start, end);
  const key = 'stem:' + stemKey(name);
  let e = local.get(key);
  if (!e) {
    e = { id: kind + ':' + name, name: text.slice(start, end), kind, names: [text.slice(start, end)], tickers: [], origin: 'document' };
    local.set(key, e);
  } else if (!e.names.includes(text.slice(start, end))) e.names.push(text.slice(start, end));
  return { start, end, entity: -1, local: e, ticker: null, tickerOffset: -1 };
}

/**
 * Reads "(...)" right after a mention: tickers, known names and aliases. Returns the offset
 * where scanning resumes (after the parenthesis when it was consumed).
 */
/** Candidate merges done in the current document (each relabels earlier mentions; bounded so that a document stays linear). */
const merges = { count: 0 };

function readParenthesis(text: string, folded: string, raw: Raw, g: Gazetteer, raws: Raw[], aliases: Aliases, limit: number, local: Map<string, Entity>): number {
  let p = raw.end;
  // "Acme Robotics, Inc. (NASDAQ: ACMZ)": the legal form after a comma is the name's.
  if (folded.charCodeAt(p) === 44 && folded.charCodeAt(p + 1) === 32 && isUpper(folded.charCodeAt(p + 2)) && isLetter(folded.charCodeAt(p - 1))) {
    let q = p + 2;
    while (q < limit && q - p < 16 && (isLetter(folded.charCodeAt(q)) || folded.charCodeAt(q) === 46)) q++;
    if (COMMA_FORMS.has(folded.slice(p + 2, q))) {
      let r = q;
      while (r < limit && folded.charCodeAt(r) === 32) r++;
      if (folded.charCodeAt(r) === 40 || folded.charCodeAt(r) === 91) { raw.end = q; p = q; }
    }
  }
  while (p < limit && folded.charCodeAt(p) === 32) p++;
  // "(NYSE: JNJ)", and in square brackets "[NYSE:JNJ]".
  const openChar = folded.charCodeAt(p);
  if (openChar !== 40 /* ( */ && openChar !== 91 /* [ */) return raw.end;
  const closeChar = openChar === 40 ? 41 : 93;
  let close = -1;
  for (let k = p + 1; k < limit && k - p <= 48; k++) {
    const c = folded.charCodeAt(k);
    if (c === closeChar) { close = k; break; }
    if (c === 10 || c === 40 || c === 91) break;
  }
  if (close < 0) return raw.end;
  // "中石化(香港)": a company's unit in a place is a company of its own, as with 英特尔资本.
  const inner = folded.slice(p + 1, close);
  if (raw.entity >= 0 && raw.ticker === null && (PLACE_NAMES.has(inner) || UNIT_PLACES.has(inner)) && raws[raws.length - 1] === raw) {
    let end = close + 1;
    for (const x of CJK_EXTEND) if (end + x.length <= limit && startsWithAt(folded, x, end)) { end += x.length; break; }
    close = end - 1;
    const name = folded.slice(raw.start, close + 1);
    let e = local.get('sub:' + name);
    if (!e) { e = { id: 'candidate:' + name, name: text.slice(raw.start, close + 1), kind: 'candidate', names: [text.slice(raw.start, close + 1)], tickers: [], origin: 'document' }; local.set('sub:' + name, e); }
    raw.entity = -1;
    raw.local = e;
    raw.end = close + 1;
    return close + 1;
  }
  const items: [number, number][] = [];
  let s = p + 1;
  for (let k = p + 1; k <= close; k++) {
    const c = folded.charCodeAt(k);
    if (k === close || c === 44 || c === 0x3001 || c === 59 || c === 47 || c === 0xff0c) {
      let a = s;
      let b = k;
      while (a < b && folded.charCodeAt(a) === 32) a++;
      while (b > a && folded.charCodeAt(b - 1) === 32) b--;
      if (startsWithAt(folded, '原', a)) { a++; while (a < b && folded.charCodeAt(a) === 32) a++; }
      // "（以下简称“TML”）", "(下称「中芯」)", '("TML")': the short name the text will use.
      const short = shortNameIn(folded, a, b);
      if (short !== null) { [a, b] = short; if (isCommonWord(folded.slice(a, b)) || isCommonEnglish(folded.slice(a, b)) || GENERIC_STEMS.has(folded.slice(a, b))) { s = k + 1; continue; } }
      if (b > a) items.push([a, b]);
      s = k + 1;
    }
  }
  const found: Raw[] = [];
  let ticker: string | null = null;
  let tickerOffset = -1;
  let tickerAt = -1;
  let fund = false;
  for (const [a, b] of items) {
    const item = folded.slice(a, b);
    const t = parseTickerItem(item);
    // "Kingdom Holding Co. (KHC)", "Saudi Electricity Co. (SEC)": capitals that spell the
    // initials of the name before them are its short form, even where another company trades
    // under that code or another body goes by it.
    const short = t !== null && b - a >= 2 && isUpperRun(folded, a, b) && initialsOf(folded, raw.start, raw.end) === item;
    if (short) { found.push({ start: a, end: b, entity: -2, local: null, ticker: null, tickerOffset: -1 }); continue; }
    if (t && !(/^(19|20)\d\d$/.test(item) && tickerEntity(g, t) !== raw.entity)) {
      // An ambiguous code (AI, ASIC) never names the company before it.
      const at = /^[A-Z]+$/.test(item) && g.ambiguous.has(item) && raw.entity < 0 ? -1 : tickerEntity(g, t);
      // A bare capital code is a ticker only when known, or after a Latin name it does not abbreviate.
      if (!/^[A-Z.]+$/.test(item) || at >= 0 || notAcronymOf(folded, raw, item)) {
        if (ticker === null) { ticker = text.slice(a, b); tickerOffset = a; tickerAt = at; fund = t.fund; }
        // "汇丰(HSBC)": a code that is also the company's name is a mention of it too.
        if (at >= 0 && at === raw.entity && /^[A-Z]+$/.test(item) && g.lookupName(item) === g.at(at)) found.push({ start: a, end: b, entity: at, local: null, ticker: null, tickerOffset: -1 });
        continue;
      }
    }
    const known = g.lookupName(item);
    if (known && known.kind !== 'product') {
      found.push({ start: a, end: b, entity: g.indexOf(known.id), local: null, ticker: null, tickerOffset: -1 });
    } else if (!known && /^[A-Za-z\u3400-\u9fff][A-Za-z0-9\u3400-\u9fff .&*-]*$/.test(item) && (raw.entity >= 0 || raw.local)) {
      found.push({ start: a, end: b, entity: -2, local: null, ticker: null, tickerOffset: -1 });
    }
  }
  if (ticker === null && found.length === 0) return raw.end;
  // Resolve the outer mention: an unknown one takes the id of a known ticker or name.
  const outerKnown = raw.entity >= 0;
  if (!outerKnown) {
    const knownInner = found.find((f) => f.entity >= 0);
    if (tickerAt >= 0) { raw.entity = tickerAt; raw.local = null; }
    else if (knownInner) { raw.entity = knownInner.entity; raw.local = null; }
    else if (ticker !== null && raw.local) {
      raw.local.kind = fund || /etf|基金/i.test(raw.local.name) ? 'fund' : 'company';
      raw.local.id = (fund ? 'fund:' : 'company:') + folded.slice(raw.start, raw.end);
      raw.local.tickers.push(ticker);
    }
    learn(aliases, folded.slice(raw.start, raw.end), raw);
  }
  raw.ticker = ticker;
  raw.tickerOffset = tickerOffset;
  for (const f of found) {
    if (f.entity === -2) {
      f.entity = raw.entity; f.local = raw.local; learn(aliases, folded.slice(f.start, f.end), raw);
      // Later candidates with this alias's stem ("Harita集团" after "哈利达集团(Harita Group)") join it.
      if (raw.local && raw.local.kind === 'candidate') {
        const key = 'stem:' + stemKey(folded.slice(f.start, f.end));
        const other = local.get(key);
        if (!other) local.set(key, raw.local);
        else if (other !== raw.local && other.kind === 'candidate' && merges.count++ < 64) {
          // An earlier candidate with the alias's stem: both names are one company.
          const mine = raw.local;
          for (const r of raws) if (r.local === mine) r.local = other;
          for (const n of mine.names) if (!other.names.includes(n)) other.names.push(n);
          for (const [k, v] of local) if (v === mine) local.set(k, other);
          for (const v of aliases.values()) if (v.local === mine) v.local = other;
          raw.local = other;
          f.local = other;
        }
      }
    }
    else if (!outerKnown && f.entity === raw.entity) { /* same company, e.g. "(Enflame)" */ }
    if (ticker !== null && (f.entity === raw.entity && f.local === raw.local)) {
      f.ticker = ticker;
      f.tickerOffset = tickerOffset;
    }
    raws.push(f);
  }
  return close + 1;
}

/** "High Performance Computing (HPC)": the code spells the initials of the words before it. */
function notAcronymOf(folded: string, raw: Raw, code: string): boolean {
  const words = folded.slice(raw.start, raw.end).split(/[\s-]+/).filter(Boolean);
  const initials = words.map((w) => w[0]).join('').toUpperCase();
  return initials !== code && isLetter(folded.charCodeAt(raw.end - 1));
}

function learn(aliases: Aliases, name: string, target: { entity: number; local: Entity | null }): void {
  if (name.length >= 2) aliases.set(name, { entity: target.entity, local: target.local });
}

/** Applies names learnt in this document everywhere else in it (outside existing mentions). */
/** One bit per first character of the aliases applyLearnedAliases is looking for (set and cleared by each call). */
const ALIAS_FIRST = new Int32Array(2048);

function applyLearnedAliases(folded: string, raws: Raw[], aliases: Aliases, figs: Span[]): void {
  if (!aliases.size) return;
  // Candidates whose text was later tied to a known entity take its id.
  for (const r of raws) {
    if (r.local && r.local.kind === 'candidate') {
      const learnt = aliases.get(folded.slice(r.start, r.end));
      if (learnt) { r.entity = learnt.entity; r.local = learnt.local; }
    } else if (r.entity >= 0 && r.end - r.start <= 5 && isUpperRun(folded, r.start, r.end)) {
      // "Saudi Electricity Co. (SEC) … SEC shares": a short form the document defined wins
      // over a known body's acronym.
      const learnt = aliases.get(folded.slice(r.start, r.end));
      if (learnt && learnt.entity !== r.entity && (learnt.entity >= 0 || learnt.local)) { r.entity = learnt.entity; r.local = learnt.local; }
    }
  }
  const added: Raw[] = [];
  // Sorting is stable: a list already in order (the usual case) is used as it is.
  const inOrder = isSortedByStart(raws);
  const sorted = inOrder ? raws : raws.slice().sort((a, b) => a.start - b.start);
  const covered = (a: number, b: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) { const m = (lo + hi) >> 1; if (sorted[m].end <= a) lo = m + 1; else hi = m; }
    return lo < sorted.length && sorted[lo].start < b;
  };
  // The aliases are looked for in one pass over the text; past a budget of them (a document
  // that taught itself hundreds of names) the rest are left, so this stays linear. (One
  // indexOf per alias read a Chinese note slowly: a name's first character shares its bytes
  // with many common characters, which the search stops at.)
  const names: string[] = [];
  const targets: { entity: number; local: Entity | null }[] = [];
  for (const [name, target] of aliases) {
    if (names.length === 64) break;
    names.push(name);
    targets.push(target);
  }
  // Aliases by first character, in the order learnt.
  const byFirst = new Map<number, number[]>();
  for (let a = 0; a < names.length; a++) {
    const c = names[a].charCodeAt(0);
    ALIAS_FIRST[c >> 5] |= 1 << (c & 31);
    const list = byFirst.get(c);
    if (list) list.push(a);
    else byFirst.set(c, [a]);
  }
  // Where each alias may be found next: its occurrences never overlap one another, as when it
  // was searched again from the end of the last one.
  const nextFrom = new Int32Array(names.length);
  const units = codeUnits(folded);
  const n = folded.length;
  for (let at = 0; at < n; at++) {
    const c = units[at];
    if ((ALIAS_FIRST[c >> 5] & (1 << (c & 31))) === 0) continue;
    const list = byFirst.get(c);
    if (list === undefined) continue;
    for (let x = 0; x < list.length; x++) {
      const a = list[x];
      const name = names[a];
      if (at < nextFrom[a] || !startsWithAt(folded, name, at)) continue;
      const end = at + name.length;
      nextFrom[a] = end;
      if (at > 0 && joins(folded.charCodeAt(at - 1), folded.charCodeAt(at))) continue;
      if (end < folded.length && joins(folded.charCodeAt(end - 1), folded.charCodeAt(end))) continue;
      if (covered(at, end) || overlapsFigure(figs, at, end)) continue;
      added.push({ start: at, end, entity: targets[a].entity, local: targets[a].local, ticker: null, tickerOffset: -1 });
    }
  }
  // (Every bit set is this call's: clearing their words leaves the table empty.)
  for (const c of byFirst.keys()) ALIAS_FIRST[c >> 5] = 0;
  if (!added.length) { if (!inOrder) raws.sort((a, b) => a.start - b.start); return; }
  // The same order as the searches alias by alias gave after this stable sort: by start, the
  // longer first, and for one span the alias learnt first.
  added.sort((a, b) => a.start - b.start || b.end - a.end);
  let lastEnd = -1;
  const kept: Raw[] = [];
  for (const r of added) if (r.start >= lastEnd) { kept.push(r); lastEnd = r.end; }
  if (!inOrder) { for (const r of kept) raws.push(r); raws.sort((a, b) => a.start - b.start); return; }
  // Both lists in order: merged as the stable sort of raws then kept would order them.
  const old = raws.slice();
  raws.length = 0;
  let x = 0;
  for (const r of kept) {
    while (x < old.length && old[x].start <= r.start) raws.push(old[x++]);
    raws.push(r);
  }
  while (x < old.length) raws.push(old[x++]);
}

/** Whether the starts of `raws` never decrease. */
function isSortedByStart(raws: Raw[]): boolean {
  for (let k = 1; k < raws.length; k++) if (raws[k].start < raws[k - 1].start) return false;
  return true;
}

function overlapsFigure(figs: Span[], a: number, b: number): boolean {
  let lo = 0;
  let hi = figs.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (figs[m].offset + figs[m].length <= a) lo = m + 1; else hi = m; }
  return lo < figs.length && figs[lo].offset < b;
}

function toMention(text: string, r: Raw, g: Gazetteer): Mention {
  const e = r.entity >= 0 ? g.at(r.entity) : r.local!;
  return { offset: r.start, length: r.end - r.start, text: text.slice(r.start, r.end), id: e.id, name: e.name, kind: e.kind, ticker: r.ticker, tickerOffset: r.ticker === null ? -1 : r.tickerOffset };
}

export { COMPANY_LIKE };
