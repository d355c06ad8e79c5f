/**
 * People named next to a title: "董事长王传福", "辉达CEO黄仁勋", "創辦人陸學森", "CEO Jane Doe",
 * "Jane Doe, chief executive of Acme". Known people (kind "person" in the gazetteer) are
 * matched like any name; these rules find the others. A person is never a company.
 *
 * Chinese: a title followed by a name of two or three characters that starts with a common
 * surname, or a transliterated name of three or four characters, and then a boundary
 * (punctuation, a function character, a verb of speaking). English: a title word before two
 * or three capitalised words, two or three that open with a common given name (givenNames.ts),
 * or such words followed by ", (the) <title> of".
 * Every check looks at a bounded number of characters.
 */
import { WordIndex } from './wordIndex';
import { isGivenName } from './givenNames';

/** Titles before a Chinese name (folded, Simplified). Longest first where one begins another. */
const CJK_TITLES = ['董事局主席', '董事会主席', '首席执行官', '首席财务官', '首席技术官', '首席运营官', '首席经济学家', '首席分析师', '执行董事', '董事总经理',
  '行政总裁', '董事长', '副董事长', '副总裁', '总经理', '执行长', '财务长', '创始人', '创办人', '发言人', '分析师', '合伙人', '总裁', '主席',
  '掌门人', '技术长', '营运长',
  '研究员', '主管', '理事长', '共同执行长', '创始合伙人', '管理合伙人', '负责人', '投资长', '高管', '教授', '法定代理人', '首席投资官', '首席策略师', '策略师',
  '经济学家', '基金经理', '行长', '董事',
  // Owners and parties of a deal, and officers of a listed company ("大股东曾婧雯", "卖方陈健基先生", "董秘李某").
  '投资人', '配偶', '大股东', '实控人', '实际控制人', '卖方', '买方', '董秘', '董事会秘书', '监事', '独立董事', '副行长', '首席科学家', '联席总裁',
  'CEO', 'CFO', 'CTO', 'COO'];
const TITLE_BY_PAIR = new Map<number, string[]>();
for (const t of CJK_TITLES) {
  const key = (t.charCodeAt(0) << 16) | t.charCodeAt(1);
  if (!TITLE_BY_PAIR.has(key)) TITLE_BY_PAIR.set(key, []);
  TITLE_BY_PAIR.get(key)!.push(t);
}
for (const list of TITLE_BY_PAIR.values()) list.sort((a, b) => b.length - a.length);
/** The first two characters of every title: the scanner stops there. */
export const TITLE_PAIRS = CJK_TITLES.filter((t) => /^[\u3400-\u9fff]/.test(t));

/** Common Chinese surnames (single and compound), folded. */
const SURNAMES = new Set([...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝', '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '令狐', '慕容', '司徒', '夏侯']);
/** Characters of transliterated foreign names (奥尔特曼, 纳德拉, 扎克伯格): a name without a surname uses only these. */
const TRANSLIT = new Set([...'廉黛蕾欧璐茜翰赛慕拜尔夫顿丁蒂露丝妮莎薇娅阿埃艾安奥巴贝本比彼伯博布查达戴德迪蒂杜多恩法菲费芬弗福盖格古哈海汉豪赫亨胡霍基吉加杰简捷金卡凯坎康柯科克肯库拉莱赖兰朗劳勒雷里利林琳隆卢鲁路伦罗洛马玛迈麦曼梅蒙米明莫姆穆纳娜南内尼宁纽努诺帕佩彭皮普奇齐乔切琼丘萨塞桑瑟森沙尚舍施什史斯松苏索塔泰坦汤唐特提托瓦万威韦维温沃乌伍西希谢辛休雅亚扬耶伊因英尤约泽扎詹兹佐']);
/** Characters that may not be part of a Chinese name here. */
const NOT_NAME = new Set([...'的与和及在对将由向把被为等是了从到以于其该这那也都就而或并且又给让使如各每有无非个只位名年月日称据至即同跟经获自此更最很已还均再兼暨之们表示认为指出说透露称宣布']);
/** Words after the name that end it: verbs of speaking and the like. */
const AFTER_NAME = ['表示', '指出', '认为', '透露', '宣布', '强调', '坦言', '称', '说', '在', '于', '的', '对', '与', '和', '也', '曾', '已', '将', '还', '则', '亦', '更', '一同', '共同', '主持', '所', '先前', '正在', '并', '于', '指', '领导', '带领', '亲自', '当天', '随后', '(', '近日', '此前', '日前', '今天', '昨天', '本周', '接受', '出席', '发表', '回应', '预计', '预估', '提到', '直言', '分析', '解释', '补充', '告诉', '向', '从', '以', '为',
  '点评', '起诉', '预测', '估计', '提醒', '证实', '代表', '承诺', '控制', '持续', '正', '看好', '建议', '警告', '坦承', '担任', '出任', '获',
  // What a named officer or owner does or has ("分析师杨鑫维持评级", "创始人王宁身价", "郑楚杰实益拥有").
  '维持', '保证', '身价', '实益', '持有', '拥有', '持股', '先生', '女士', '博士', '同时', '今日', '昨日', '目前', '早前', '家族', '个人', '本人', '随即',
  '上调', '下调', '给予', '重申', '确认', '签署', '辞任', '辞去', '卸任', '减持', '增持', '成为', '去年', '今年', '已经', '首次', '及'];

const AFTER_NAME_INDEX = new WordIndex(AFTER_NAME);

const isCjk = (c: number) => (c >= 0x3400 && c < 0xa000) || (c >= 0xf900 && c < 0xfb00);
/** The middle dots that join the parts of a transliterated name (·, ・, ‧, •). */
const isDot = (c: number) => c === 0xb7 || c === 0x30fb || c === 0x2027 || c === 0x2022;
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const isLetter = (c: number) => isUpper(c) || isLower(c);

function startsWithAt(s: string, word: string, at: number): boolean {
  if (at + word.length > s.length) return false;
  for (let k = 0; k < word.length; k++) if (s.charCodeAt(at + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** Whether a name may end at `end`: a boundary or a word that follows names. */
function boundaryAt(folded: string, end: number, limit: number): boolean {
  if (end >= limit) return true;
  const c = folded.charCodeAt(end);
  if (!isCjk(c)) return !isLetter(c) || isUpper(c);
  return AFTER_NAME_INDEX.startingAt(folded, end) !== null;
}

/**
 * A Chinese title starting at `at` followed by a name: [titleEnd, nameEnd], or null. The
 * caller checks that the name is not a known entity.
 */
export function titledName(folded: string, at: number, limit: number): [number, number] | null {
  const list = TITLE_BY_PAIR.get((folded.charCodeAt(at) << 16) | folded.charCodeAt(at + 1));
  if (!list) return null;
  let title = '';
  for (const t of list) if (startsWithAt(folded, t, at)) { title = t; break; }
  if (!title) return null;
  let s = at + title.length;
  // "创始人兼CEO梁文锋": a second title after 兼.
  if (folded.charCodeAt(s) === 0x517c /* 兼 */) {
    const next = TITLE_BY_PAIR.get((folded.charCodeAt(s + 1) << 16) | folded.charCodeAt(s + 2));
    const second = next?.find((t) => startsWithAt(folded, t, s + 1));
    if (!second) return null;
    s += 1 + second.length;
  }
  while (s < limit && folded.charCodeAt(s) === 32) s++;
  const first = folded.charCodeAt(s);
  // "执行长 Mary Barra": an English name after the title.
  if (isUpper(first)) { const e = latinNameEnd(folded, s, limit); return e > 0 ? [s, e] : null; }
  if (!isCjk(first) || NOT_NAME.has(folded[s])) return null;
  // "杰夫·威廉姆斯": a transliterated name in parts joined by a middle dot.
  if (TRANSLIT.has(folded[s])) {
    let e = s;
    let dots = 0;
    while (e < limit && e - s < 12 && (TRANSLIT.has(folded[e]) || (isDot(folded.charCodeAt(e)) && e > s && TRANSLIT.has(folded[e + 1])))) { if (isDot(folded.charCodeAt(e))) dots++; e++; }
    if (dots > 0 && boundaryAt(folded, e, limit)) return [s, e];
  }
  const compound = SURNAMES.has(folded.slice(s, s + 2));
  const surname = compound || SURNAMES.has(folded[s]);
  // Names of two or three characters after a surname, else three or four (transliterated).
  const tries: [number, boolean][] = surname ? (compound ? [[4, true], [3, true]] : [[3, true], [2, true]]) : [];
  tries.push([4, false], [3, false]);
  for (const [len, bySurname] of tries) {
    const e = s + len;
    if (e > limit) continue;
    let ok = true;
    for (let k = s; k < e; k++) if (!isCjk(folded.charCodeAt(k)) || NOT_NAME.has(folded[k]) || (!bySurname && !TRANSLIT.has(folded[k]))) { ok = false; break; }
    if (ok && boundaryAt(folded, e, limit)) return [s, e];
  }
  return null;
}

/** English titles before a name ("CEO Jane Doe", "founder Jane Doe"). */
const LATIN_TITLES_BEFORE = ['CEO ', 'CFO ', 'CTO ', 'COO ', 'Chief Executive ', 'chief executive ', 'Chief Executive Officer ', 'chief executive officer ', 'Chairman ', 'chairman ',
  'Chairwoman ', 'chairwoman ', 'President ', 'president ', 'founder ', 'Founder ', 'co-founder ', 'Co-founder ', 'cofounder ', 'Chief Financial Officer ', 'chief financial officer ',
  'analyst ', 'economist ', 'strategist ', 'officer ', 'Officer ', 'executive ', 'Executive ', 'Vice President ', 'vice president ', 'managing director ', 'Managing Director ', 'chief economist ', 'Chief Economist ',
  'billionaire ', 'partner ', 'researcher ', 'capitalist ', 'investor ', 'founded by ', 'co-founded by ', 'tycoon ', 'head ', 'Head '];
/** English titles after a name and a comma ("Jane Doe, chief executive of"). */
const LATIN_TITLES_AFTER = ['chief executive', 'CEO', 'chief financial officer', 'CFO', 'founder', 'co-founder', 'cofounder', 'chairman', 'chairwoman', 'president', 'chief economist',
  'analyst', 'economist', 'strategist', 'head of', 'executive', 'investor', 'billionaire', 'founder and', 'managing director', 'director', 'partner', 'vice president', 'chief technology officer', 'chief operating officer'];
/** Capitalised words that are never part of a person's name here. */
const NOT_LATIN_NAME = new Set(['The', 'A', 'An', 'This', 'That', 'In', 'On', 'At', 'For', 'And', 'But', 'Or', 'Of', 'Inc', 'Corp', 'Group', 'Holdings', 'Capital', 'Bank', 'Securities',
  'Officer', 'Executive', 'Chief', 'Financial', 'Technology', 'Mr', 'Ms', 'Mrs', 'Dr', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'China', 'US', 'U.S.', 'AI']);

/** Words of company names: a name with one of them is no person. */
const COMPANY_WORDS = new Set(['Robotics', 'Securities', 'Capital', 'Technologies', 'Technology', 'Holdings', 'Holding', 'Group', 'Partners', 'Ventures', 'Labs', 'Bank', 'Energy',
  'Motors', 'Industries', 'Systems', 'Networks', 'Semiconductor', 'Pharmaceuticals', 'Therapeutics', 'Inc', 'Corp', 'Corporation', 'Ltd', 'Limited', 'Press', 'News', 'Media',
  'Times', 'Post', 'Journal', 'Insurance', 'Financial', 'Investments', 'Management', 'Research', 'Exchange', 'Airlines', 'Foods', 'Brands', 'Resources', 'Mining', 'Software']);

/** End of two or three capitalised name words starting at `at` (e.g. "Jane Doe", "Lisa T. Su"), or -1. */
function latinNameEnd(folded: string, at: number, limit: number): number {
  let p = at;
  let words = 0;
  let end = -1;
  while (words < 3 && p < limit && isUpper(folded.charCodeAt(p))) {
    let q = p + 1;
    let possessive = false;
    for (;;) {
      const c = folded.charCodeAt(q);
      // "Zhu Yiming's Qinghui Investment": a possessive ends the name.
      if ((c === 39 || c === 0x2019) && folded.charCodeAt(q + 1) === 115 && !isLetter(folded.charCodeAt(q + 2))) { possessive = true; break; }
      if (q < limit && (isLower(c) || c === 39 || c >= 0xc0 && c < 0x250)) q++;
      else if (c === 45 && isUpper(folded.charCodeAt(q + 1))) q += 2; // "Jean-Sebastien"
      else break;
    }
    if (folded.charCodeAt(q) === 46 && q === p + 1) q++; // an initial "T."
    else if (q === p + 1 && isUpper(folded.charCodeAt(q)) && !isLetter(folded.charCodeAt(q + 1))) q++; // initials "RJ"
    else if (q === p + 1) return -1;
    const word = folded.slice(p, q).replace(/\.$/, '');
    if (COMPANY_WORDS.has(word)) return -1;
    if (NOT_LATIN_NAME.has(word)) break;
    if (q < limit && isLetter(folded.charCodeAt(q))) return -1;
    words++;
    end = q;
    if (possessive || folded.charCodeAt(q) !== 32 || !isUpper(folded.charCodeAt(q + 1))) break;
    p = q + 1;
  }
  return words >= 2 ? end : -1;
}

/** A person "CEO Jane Doe" or "Jane Doe, chief executive of" whose name starts at `at`: its end, or -1. */
export function latinPerson(folded: string, at: number, limit: number): number {
  let titled = false;
  if (at > 1 && folded.charCodeAt(at - 1) === 32) {
    let w = at - 1;
    let h = 0;
    while (w > 0 && isLetter(folded.charCodeAt(w - 1)) && at - w < 16) { w--; h = (Math.imul(h, 31) + folded.charCodeAt(w)) | 0; }
    if (TITLE_LAST_HASH.has(h)) {
      for (const t of LATIN_TITLES_BEFORE) if (at >= t.length && startsWithAt(folded, t, at - t.length)) { titled = true; break; }
    }
  }
  // "Daniel Kretinsky", "Carmen Lee of OCBC": a name that opens with a common given name.
  if (!titled) {
    let w = at;
    while (w < limit && isLower(folded.charCodeAt(w + 1))) w++;
    if (isGivenName(folded.slice(at, w + 1))) {
      const end = latinNameEnd(folded, at, limit);
      if (end > 0) return end;
    }
  }
  if (!titled) {
    // Without a title before, the run of capitalised words must be followed by ", ".
    let q = at;
    for (let words = 0; words < 3; words++) {
      while (q < limit && (isLetter(folded.charCodeAt(q)) || folded.charCodeAt(q) === 45 || folded.charCodeAt(q) === 46 || folded.charCodeAt(q) === 39 || (folded.charCodeAt(q) >= 0xc0 && folded.charCodeAt(q) < 0x250))) q++;
      if (folded.charCodeAt(q) !== 32 || !isUpper(folded.charCodeAt(q + 1))) break;
      q++;
    }
    if (folded.charCodeAt(q) !== 44) return -1;
  }
  const end = latinNameEnd(folded, at, limit);
  if (end < 0) return -1;
  if (titled) return end;
  if (folded.charCodeAt(end) === 44 && folded.charCodeAt(end + 1) === 32) {
    let p = end + 2;
    if (startsWithAt(folded, 'the ', p)) p += 4;
    else if (startsWithAt(folded, 'a ', p)) p += 2;
    else if (startsWithAt(folded, 'an ', p)) p += 3;
    for (const adj of ['senior ', 'former ', 'lead ', 'top ', 'veteran ', 'chief ', 'co-']) if (startsWithAt(folded, adj, p)) { p += adj.length; break; }
    for (const t of LATIN_TITLES_AFTER) if (startsWithAt(folded, t, p) && !isLetter(folded.charCodeAt(p + t.length))) return end;
  }
  return -1;
}

/** The last word of every title before a name, hashed backwards (as latinPerson reads it). */
const TITLE_LAST_HASH = new Set(LATIN_TITLES_BEFORE.map((t) => {
  const w = t.trim().split(/[ -]/).pop()!;
  let h = 0;
  for (let k = w.length - 1; k >= 0; k--) h = (Math.imul(h, 31) + w.charCodeAt(k)) | 0;
  return h;
}));
