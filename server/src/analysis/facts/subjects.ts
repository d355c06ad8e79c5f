/**
 * Whose amount a figure is. Read from the structure of its sentence, in this order:
 * a figure in parentheses right after a name; the n-th amount of a 分别 / "respectively"
 * list and the n-th name of the list before it; a transaction's payer and other side; a
 * name attached to the metric word ("腾讯的营收", "Tencent's revenue"); the topic of the
 * clause, then of the sentence; a name right after the amount; and, for a sentence with
 * no name at all, the subject of the sentence before it in the same paragraph.
 */
import type { Figure, Metric, Mention } from '../types';
import { clauseOf, type Bounds } from './sentences';
import { isPerShare, type MetricWord } from './metrics';

/** Kinds that can own an amount. */
export function canOwn(m: Mention): boolean {
  return m.kind === 'company' || m.kind === 'candidate' || m.kind === 'fund' || m.kind === 'person' || m.kind === 'media';
}

/** Metrics that belong to nobody in particular. */
const UNOWNED: ReadonlySet<Metric> = new Set(['market-size']);
/** Metrics of a company, not of a person. */
const COMPANY_METRICS: ReadonlySet<Metric> = new Set(['revenue', 'profit', 'capex', 'funding', 'valuation', 'market-value', 'dividend', 'buyback', 'price', 'trading']);

// Transaction verbs. The payer is named before an active verb and after a passive one.
const PAY_VERB = /收购|并购|买下|购买|买入|购入|投资|注资|入股|增资|认购|出资|领投|参投|跟投|竞得|拍得|下单|采购|\b(?:acquir(?:e|es|ed|ing)|buy|buys|bought|buying|purchas(?:e|es|ed|ing)|invest(?:s|ed|ing)?(?:\s+in)?|take\s+over|took\s+over|backed|back|order(?:ed)?)\b/gi;
const PASSIVE_BEFORE = /(?:被|遭|获|获得|接受|引入)\s*$/;
const BY_AFTER = /^\s*(?:by)\b/i;
const SELL_VERB = /出售|转让|卖出|卖给|售予|\b(?:sell|sells|sold|selling|divest(?:s|ed)?)\b/gi;
const TO_BUYER = /^(?:给|予|与|to)\s*/i;
// The other side of a funding round: "由Y领投", "Y领投", "led by Y", "from Y".
const LEAD_BEFORE = /(?:由|led\s+by|co-led\s+by|from|backed\s+by|with\s+participation\s+from|participation\s+from|investors?\s+(?:including|such\s+as))\s*$/i;
const LEAD_AFTER = /^\s*(?:领投|牵头|联合领投|独家投资|参投|跟投)/;
/** Words that hand a clause's topic to the name after them ("亚马逊旗下AWS"). */
const HANDS_ON = /^\s*(?:旗下|的子公司|子公司|控股的|持股的|参股的|投资的|的|(?:的)?(?:创始人|联合创始人|董事长|主席|首席执行官|行政总裁|总裁|总经理|CEO)|['’]s(?:\s+(?:unit|subsidiary|arm|division|founder|co-founder|chief\s+executive|CEO|chairman))?|unit|subsidiary)\s*$/i;
const ATTACHED = /^\s*(?:\([^()]{1,24}\)\s*)?(?:(?:的|之|'s|’s|')\s*)?(?:[a-z-]+\s+)?$/i;
const OBJECT_BEFORE = /(?:\b(?:for|of|in|into|on|to|from|with|at|by|than|over|like)\s+(?:the\s+)?|向|对|给|于|从|比)$/i;
const RESPECTIVELY = /分别|respectively/i;

export interface Party {
  mention: Mention;
}

export interface Attribution {
  subject: Mention | null;
  counterparty: Mention | null;
  /** Set when the clause names its party without a name ("投资者", "investors"): no one else is looked for. */
  unnamed?: boolean;
}

interface Context {
  s: string;
  figure: Figure;
  sentence: Bounds;
  clause: Bounds;
  /** Parties of the sentence that can own an amount, sources left out, in text order. */
  parties: Mention[];
  /** The same before `attribute` leaves out those that cannot own this figure (set by it). */
  sentenceParties?: Mention[];
  metric: Metric;
  metricWord: MetricWord | null;
  /** The other figures of the sentence, in text order, this one included. */
  sentenceFigures: Figure[];
}

const before = (ps: Mention[], at: number) => ps.filter((m) => m.offset + m.length <= at);
const inside = (ps: Mention[], b: Bounds) => ps.filter((m) => m.offset >= b.start && m.offset + m.length <= b.end);

/** A figure in parentheses right after a name: "腾讯（市值4万亿港元）". */
function parenthesised(c: Context): Mention | null {
  const { s, figure } = c;
  let open = -1;
  for (let i = figure.offset - 1; i >= Math.max(c.clause.start - 2, figure.offset - 20); i--) {
    // Code units, not one-character strings: this runs for every figure.
    const ch = s.charCodeAt(i);
    if (ch === 0x28 || ch === 0xff08) { open = i; break; }
    if (ch === 0x29 || ch === 0xff09) return null;
  }
  if (open < 0) return null;
  const name = c.parties.find((m) => m.offset + m.length <= open && /^\s*$/.test(s.slice(m.offset + m.length, open)));
  return name ?? null;
}

const NO_MARKS: { at: number; english: boolean }[] = Object.freeze([]) as unknown as { at: number; english: boolean }[];
/** The 分别 / "respectively" of each sentence, read once for all its figures. */
function listMarksOf(s: string, sentence: Bounds): { at: number; english: boolean }[] {
  const memo = (sentence.memo ??= {});
  let marks = memo.marks;
  if (!marks) {
    const text = s.slice(sentence.start, sentence.end);
    // Most sentences have neither word: two plain searches tell, and they share one empty list.
    if (!text.includes('分别') && !text.includes('espectively')) {
      memo.marks = NO_MARKS;
      return NO_MARKS;
    }
    marks = [];
    for (let k = text.search(RESPECTIVELY); k >= 0; ) {
      marks.push({ at: sentence.start + k, english: /^r/i.test(text.slice(k, k + 1)) });
      const next = text.slice(k + 2).search(RESPECTIVELY);
      k = next < 0 ? -1 : k + 2 + next;
    }
    memo.marks = marks;
  }
  return marks;
}

/** The n-th amount of a "分别" list takes the n-th name of the list before it. */
function respectively(c: Context): Mention | null {
  const { s, figure, sentence } = c;
  // The 分别 nearest before the figure (or the first "respectively" after it), and the next one.
  const marks = listMarksOf(s, sentence);
  if (!marks.length) return null;
  const chinese = marks.filter((x) => !x.english && x.at < figure.offset);
  const mark = chinese.length ? chinese[chinese.length - 1] : marks.find((x) => x.english && x.at > figure.offset);
  if (!mark) return null;
  const at = mark.at;
  const english = mark.english;
  const following = marks.find((x) => x.at > at);
  // The amounts of the list: the sentence's figures after 分别 up to the next list (before "respectively").
  // A name after 分别 starts another statement: the list ends before it.
  const nextName = english ? undefined : c.parties.find((m) => m.offset > at);
  const amounts = c.sentenceFigures.filter((f) => (english ? f.offset < at : f.offset > at && (!following || f.offset < following.at) && (!nextName || f.offset < nextName.offset)));
  const index = amounts.indexOf(figure);
  if (index < 0) return null;
  // The names of the list: distinct parties before 分别 (or before the amounts).
  const limit = english ? amounts[0].offset : at;
  const names: Mention[] = [];
  for (const p of before(c.parties, limit)) if (!names.some((n) => n.id === p.id)) names.push(p);
  if (names.length < 2) return null;
  const list = names.slice(-amounts.length);
  if (list.length === amounts.length) return list[index];
  // Amounts repeated per name in pairs ("A、B的营收和利润分别为…"): by position.
  if (amounts.length % list.length === 0 && list.length > 1) return list[Math.floor(index / (amounts.length / list.length))];
  return null;
}

/** What joins the items of a list: "、", "和", "及", "与", ",", "and". */
const LIST_JOIN = /^\s*(?:[,、]\s*)?(?:(?:and|和|及|与|以及|&)\s*)?$/i;
/** Words a name may carry in a list ("Co.", "Corp.", "(00175.HK)"), read as part of it. */
const NAME_TAIL = /^\s*(?:\([^()]{1,16}\)|(?:co|corp|inc|ltd|plc)\.?)/i;

/** The end of a name with its tail ("Hyundai Motor Co.", "吉利(00175.HK)"). */
function nameEnd(s: string, m: Mention): number {
  let end = m.offset + m.length;
  for (let k = 0; k < 2; k++) {
    const tail = NAME_TAIL.exec(s.slice(end, end + 20));
    if (!tail) break;
    end += tail[0].length;
  }
  return end;
}

/**
 * A list of names and a list of as many amounts in one clause, without 分别: "Hyundai Motor
 * and Kia reported operating profits of 4.3 trillion won and 3.6 trillion won". Only when
 * both lists are plain (nothing but "and", "、", commas between their items).
 */
function parallel(c: Context): Mention | null {
  const { s, figure, clause } = c;
  const list = clauseAmounts(c);
  if (!list.plain) return null;
  const amounts = list.amounts;
  const index = amounts.indexOf(figure);
  if (index < 0) return null;
  // The names: the run of listed names nearest before the amounts in the sentence (an
  // English "and" may have opened a clause between them), exactly as many as the amounts.
  const all = before(inside(c.parties, c.sentence), amounts[0].offset);
  if (all.length < amounts.length) return null;
  const names = all.slice(-amounts.length);
  const joined = (a: Mention, b: Mention) => a.id !== b.id && LIST_JOIN.test(s.slice(nameEnd(s, a), b.offset));
  for (let k = 1; k < names.length; k++) if (!joined(names[k - 1], names[k])) return null;
  const first = all.length - amounts.length;
  if (first > 0 && joined(all[first - 1], names[0])) return null;
  // The last name belongs to the amounts' clause or the one right before.
  if (names[names.length - 1].offset < clause.start && /[,:]/.test(s.slice(names[names.length - 1].offset, clause.start))) return null;
  return names[index];
}

/** The answer of `clauseAmounts` for a clause of fewer than two figures (never changed). */
const NO_LIST: { start: number; end: number; amounts: Figure[]; plain: boolean } = Object.freeze({ start: -1, end: -1, amounts: [], plain: false });

/**
 * The figures of the clause and whether they form a plain list (two or more, nothing but
 * "and", "、" or commas between them). The same for every figure of the clause, so it is
 * kept on the sentence for the clause last asked about: a clause of many figures is read
 * once, not once per figure.
 */
function clauseAmounts(c: Context): { start: number; end: number; amounts: Figure[]; plain: boolean } {
  const { s, clause } = c;
  // Most clauses hold one figure: counted without keeping anything.
  let inClause = 0;
  for (const f of c.sentenceFigures) if (f.offset >= clause.start && f.offset + f.length <= clause.end && ++inClause === 2) break;
  if (inClause < 2) return NO_LIST;
  const memo = (c.sentence.memo ??= {});
  const last = memo.clauseAmounts;
  if (last && last.start === clause.start && last.end === clause.end) return last;
  const amounts: Figure[] = [];
  for (const f of c.sentenceFigures) if (f.offset >= clause.start && f.offset + f.length <= clause.end) amounts.push(f);
  let plain = amounts.length >= 2;
  for (let k = 1; plain && k < amounts.length; k++) {
    if (!LIST_JOIN.test(s.slice(amounts[k - 1].offset + amounts[k - 1].length, amounts[k].offset))) plain = false;
  }
  return (memo.clauseAmounts = { start: clause.start, end: clause.end, amounts, plain });
}

/** A transaction's payer and other side, from the verb of the figure's clause or sentence. */
interface Verb {
  at: number;
  word: string;
}
/** No verb, shared by the sentences without one (read only). */
const NO_VERB: Verb[] = Object.freeze([]) as unknown as Verb[];
const NO_VERBS = Object.freeze({ pay: NO_VERB, sale: NO_VERB });
/**
 * The characters a transaction verb can start with: the first characters of the Chinese
 * verbs, and the first letters of the English ones in both cases (PAY_VERB, SELL_VERB).
 */
const VERB_START = new Uint8Array(65536);
for (const ch of '收并买购投注入增认出领参跟竞拍下采转卖售abpitosdABPITOSD') VERB_START[ch.charCodeAt(0)] = 1;

/** False when no character of the sentence can start a verb: most sentences, told without a regex. */
function mayHaveVerb(s: string, sentence: Bounds): boolean {
  for (let i = sentence.start; i < sentence.end; i++) if (VERB_START[s.charCodeAt(i)] === 1) return true;
  return false;
}

/** The transaction verbs of each sentence, read once for all its figures. */
function verbsOf(s: string, sentence: Bounds): { pay: Verb[]; sale: Verb[] } {
  const memo = (sentence.memo ??= {});
  let v = memo.verbs;
  if (!v && !mayHaveVerb(s, sentence)) v = memo.verbs = NO_VERBS;
  if (!v) {
    const text = s.slice(sentence.start, sentence.end);
    const all = (re: RegExp): Verb[] => {
      re.lastIndex = 0;
      let m = re.exec(text);
      // Most sentences have no such verb: they share one empty list.
      if (!m) return NO_VERB;
      const out: Verb[] = [];
      for (; m; m = re.exec(text)) out.push({ at: sentence.start + m.index, word: m[0] });
      return out;
    };
    const pay = all(PAY_VERB);
    const sale = all(SELL_VERB);
    v = pay === NO_VERB && sale === NO_VERB ? NO_VERBS : { pay, sale };
    memo.verbs = v;
  }
  return v;
}

function transaction(c: Context): Attribution | null {
  const { s, clause, sentence } = c;
  const verbs = verbsOf(s, sentence);
  if (!verbs.pay.length && !verbs.sale.length) return null;
  const scopes = [clause, sentence];
  for (const scope of scopes) {
    const within = (v: Verb) => v.at >= scope.start && v.at + v.word.length <= scope.end;
    const payVerb = verbs.pay.find(within);
    const saleVerb = verbs.sale.find(within);
    const pay = payVerb ? Object.assign([payVerb.word], { index: payVerb.at - scope.start }) : null;
    const sale = saleVerb ? Object.assign([saleVerb.word], { index: saleVerb.at - scope.start }) : null;
    if (!pay && !sale) continue;
    if (pay && (!sale || pay.index <= sale.index)) {
      const at = scope.start + pay.index;
      const end = at + pay[0].length;
      // The parties of the verb's own clause first ("ADI以210亿美元收购Maxim，英伟达以400亿美元收购Arm").
      const leftInScope = inside(c.parties, { start: scope.start, end: at });
      const left = leftInScope.length ? leftInScope : before(inside(c.parties, sentence), at);
      // The other side from beyond the clause only when the clause names no one at all.
      const rightInScope = inside(c.parties, { start: end, end: scope.end });
      const right = rightInScope.length || leftInScope.length ? rightInScope : inside(c.parties, { start: end, end: sentence.end });
      const passive = PASSIVE_BEFORE.test(s.slice(Math.max(sentence.start, at - 4), at)) || BY_AFTER.test(s.slice(end, end + 5)) && /ed$/.test(pay[0]);
      if (passive) {
        // "X被Y收购" / "X获Y投资": Y pays. "X was acquired by Y": the name after "by".
        const payer = BY_AFTER.test(s.slice(end, end + 5)) ? right[0] ?? null : left[left.length - 1] ?? null;
        const target = BY_AFTER.test(s.slice(end, end + 5)) ? left[0] ?? null : left[0] !== payer ? left[0] ?? null : null;
        if (payer) return { subject: payer, counterparty: target && target.id !== payer.id ? target : null };
      }
      const payer = nearestTopic(left, s, at) ?? null;
      // "X向Y投资": the other side stands before the verb, after 向 / 对.
      const aimed = left.find((m) => m !== payer && /(?:向|对|给)\s*$/.test(s.slice(Math.max(0, m.offset - 2), m.offset)));
      const target = aimed ?? right.find((m) => !payer || m.id !== payer.id) ?? null;
      if (payer || target) return { subject: payer, counterparty: target };
    } else if (sale) {
      const at = scope.start + sale.index;
      const end = at + sale[0].length;
      const left = before(inside(c.parties, sentence), at);
      const rest = s.slice(end, end + 4);
      const buyer = TO_BUYER.test(rest) || /卖给|售予/.test(sale[0])
        ? inside(c.parties, { start: end, end: sentence.end })[0] ?? null
        : null;
      const seller = nearestTopic(left, s, at);
      if (buyer || seller) return { subject: buyer, counterparty: seller ?? null };
    }
  }
  return null;
}

/**
 * Whether a name stands after a preposition (an object), asked once per mention: by the
 * mention's offset, 1 for no and 2 for yes (0 not asked yet) in a buffer kept for the document.
 */
let OBJECT_AT = new Uint8Array(1 << 12);

/** Forgets the answers kept about the mentions of the document before; `length` is the new one's. */
export function forgetMentions(length = 0): void {
  // The last walk of `nearestTopic` holds the document before's mentions: let them go.
  walked.s = null;
  walked.names = [];
  walked.topic = null;
  if (OBJECT_AT.length < length + 1) OBJECT_AT = new Uint8Array(Math.max(length + 1, OBJECT_AT.length * 2));
  else OBJECT_AT.fill(0, 0, Math.min(OBJECT_AT.length, length + 1));
}
function isObject(s: string, m: Mention): boolean {
  let v = OBJECT_AT[m.offset];
  if (v === 0) OBJECT_AT[m.offset] = v = OBJECT_BEFORE.test(s.slice(Math.max(0, m.offset - 8), m.offset)) ? 2 : 1;
  return v === 2;
}

/** The first name of a run of names before `at`, passing topic on through 旗下 and the like. */
function nearestTopic(names: Mention[], s: string, at: number): Mention | null {
  // A name after a preposition is an object, not the topic ("$6.5B for Ampere", "投资于Intel").
  const topics = names.filter((m) => !isObject(s, m));
  if (topics.length) names = topics;
  if (!names.length) return null;
  // The topic after k names depends on those k names alone: a run that starts with the names
  // of the last walk (the figures of one clause ask about ever longer runs) goes on from it.
  let from = 1;
  let topic = names[0];
  if (walked.s === s && walked.names.length <= names.length && walked.names.length > 0 && startsWith(names, walked.names)) {
    from = walked.names.length;
    topic = walked.topic!;
  }
  for (let i = from; i < names.length; i++) {
    const gap = s.slice(topic.offset + topic.length, names[i].offset);
    if (HANDS_ON.test(gap)) topic = names[i];
  }
  walked.s = s;
  walked.names = names;
  walked.topic = topic;
  void at;
  return topic;
}

/** The last run of names `nearestTopic` walked, in its text, and the topic it ended on. */
const walked: { s: string | null; names: Mention[]; topic: Mention | null } = { s: null, names: [], topic: null };

/** True when `run` opens `names` (the same mentions, in the same order). */
function startsWith(names: Mention[], run: Mention[]): boolean {
  for (let i = 0; i < run.length; i++) if (names[i] !== run[i]) return false;
  return true;
}

/** The lead investor of a funding round, when one is named. */
function leadInvestor(c: Context, subject: Mention | null): Mention | null {
  const { s, sentence } = c;
  for (const m of inside(c.parties, sentence)) {
    if (subject && m.id === subject.id) continue;
    const b = s.slice(Math.max(sentence.start, m.offset - 24), m.offset);
    const a = s.slice(m.offset + m.length, m.offset + m.length + 8);
    if (LEAD_BEFORE.test(b) || LEAD_AFTER.test(a)) return m;
  }
  return null;
}

/** True when only the name's tail (its code, "Co.") stands between it and the figure. */
function adjacent(s: string, m: Mention, figure: Figure): boolean {
  const end = nameEnd(s, m);
  return end <= figure.offset && figure.offset - end <= 2 && s.slice(end, figure.offset).trim() === '';
}

/** The words after a per-share amount that name the company of the share: "per Suez share", "a Twitter share". */
const NAMED_SHARE = /^\s*(?:a|per|each|for\s+each)\s+$/i;

/** The company named between "per" and "share" right after the figure, if any. */
function shareOf(c: Context): Mention | null {
  const end = c.figure.offset + c.figure.length;
  for (const m of c.parties) {
    if (m.offset < end || m.offset > end + 16) continue;
    if (!NAMED_SHARE.test(c.s.slice(end, m.offset))) return null;
    return /^(?:'s)?\s+(?:ordinary\s+|common\s+)?shares?\b/i.test(c.s.slice(m.offset + m.length, m.offset + m.length + 20)) ? m : null;
  }
  return null;
}

/** The name right before the amount in the possessive ("X的", "X's"), not an object of a preposition. */
function possessive(c: Context): Mention | null {
  const { s, figure } = c;
  let last: Mention | null = null;
  for (const m of c.parties) if (m.offset >= c.clause.start && m.offset + m.length <= figure.offset) last = m;
  if (!last || isObject(s, last)) return null;
  return POSSESSIVE_GAP.test(s.slice(last.offset + last.length, figure.offset)) ? last : null;
}
const POSSESSIVE_GAP = /^(?:的|'s|’s)\s*$/;

/** Words of a whole market: "证券市场", "大市", "港股", "两市", "the market". */
const MARKET_WIDE = /市场|大市|港股|A股|两市|沪深|全市|南向|北向|market\b|exchange-wide/i;

/** A clause about a person named before: "而他…", "his fortune". */
const PERSON_PRONOUN = /^\s*(?:(?:而|但|且|and|but|while)\s*)?(?:他|她|his\b|her\b|he\b|she\b)/i;

/** What links an amount to the party it is for: "for MatX", "to Dutch chipmaker Axelera", "给X". */
const FOR_PARTY = /^\s*(?:(?:in\s+)?(?:for|to|into)\s+(?:[A-Za-z-]+\s+){0,3}|给|投向)$/i;

/** A name attached to the metric word: "腾讯的营收", "Tencent's revenue", "Meta capex". */
function attachedToWord(c: Context): Mention | null {
  const w = c.metricWord;
  // Only a word of the figure's own clause: a topic word of the sentence attaches nothing here.
  if (!w || w.offset < c.clause.start || w.offset >= c.clause.end) return null;
  // A name between the word and the amount takes the amount itself ("腾讯目标价635元、网易226.2元").
  if (c.parties.some((m) => m.offset >= w.offset + w.length && m.offset + m.length <= c.figure.offset && adjacent(c.s, m, c.figure))) return null;
  // The last name of the sentence ending before the word, found walking back (no lists built).
  let last: Mention | undefined;
  for (let k = c.parties.length - 1; k >= 0; k--) {
    const m = c.parties[k];
    if (m.offset + m.length <= w.offset && m.offset >= c.sentence.start) {
      last = m;
      break;
    }
  }
  return last && ATTACHED.test(c.s.slice(last.offset + last.length, w.offset)) ? last : null;
}

/** Metrics told from the company's own side, whatever party opens the clause ("投资者对X的估值"). */
const OWN_METRICS: ReadonlySet<Metric> = new Set(['funding', 'valuation', 'revenue', 'profit', 'dividend', 'market-value', 'price']);

/** An unnamed party as a clause's subject: investors, shareholders, the government, the market. */
const UNNAMED_AGENT = /^\s*(?:(?:[\d年月日]{2,10}|此外|另外|同时|其中|而|但)\s*(?:[,，]\s*)?)?(?:(?:其中|另有|另)\s*)?(?:基石投资者|投资者|投资人|散户|股东们?(?!应占|权益|应佔)|外资|北向资金|南向资金|机构投资者|公募基金|政府方面|市政府|政府|分析师|业界|法人|retail\s+investors|investors|shareholders|analysts|the\s+government|cornerstone\s+investors)/i;

/** Words closing a list that stands for a group ("壁仞科技、智谱AI等公司", "隆基、天合、晶科3家公司", "SpaceX、OpenAI这类"). */
const GROUP_CLOSE = /^\s*(?:等(?![级待同])|这类|这些|之类|此类|合计|合共|[\d一二三四五六七八九十两几多数]{1,2}\s*家|(?:,\s*)?and\s+other\b|among\s+others|together\b|combined\b|between\s+them\b)/i;

/** True when `m` is an item of a list that stands for a group: an amount of the group is nobody's. */
function inGroupList(s: string, parties: Mention[], m: Mention): boolean {
  let last = m;
  for (const next of parties) {
    if (next.offset <= last.offset) continue;
    if (!LIST_JOIN.test(s.slice(nameEnd(s, last), next.offset))) break;
    last = next;
  }
  const end = nameEnd(s, last);
  return GROUP_CLOSE.test(s.slice(end, end + 16));
}

export function attribute(c: Context): Attribution {
  const { figure, metric } = c;
  if (UNOWNED.has(metric)) return { subject: null, counterparty: null };
  // A sentence that names no one (most sentences of a list of figures): every step below
  // would look among no parties, so only the two tests that read words alone are made.
  if (!c.parties.length) return unattributed(c);
  let parties = c.parties;
  // A price per tonne, ounce or kWh belongs to a known company only: a name read from the
  // words around it (a candidate such as "碳酸锂现货") is the commodity, not its owner.
  if (figure.per && figure.per !== 'share' && parties.some((m) => m.kind === 'candidate')) parties = parties.filter((m) => m.kind !== 'candidate');
  // A person owns only what a company cannot: wealth, pay, a personal purchase.
  // (and the company of an earlier sentence is looked for when the sentence names only people).
  if (COMPANY_METRICS.has(metric) && parties.some((m) => m.kind === 'person')) parties = parties.filter((m) => m.kind !== 'person');
  // The parties left are set on the context for the steps below, and put back after.
  const all = c.parties;
  c.sentenceParties = all;
  c.parties = parties;
  try {
    return attributeAmong(c);
  } finally {
    c.parties = all;
  }
}

/**
 * What `attributeAmong` answers among no parties at all: nobody, and whether the clause
 * names its party without a name (an unnamed agent, or a whole market's turnover), tested
 * as it tests them.
 */
function unattributed(c: Context): Attribution {
  const { figure, metric, s } = c;
  if (!OWN_METRICS.has(metric) && UNNAMED_AGENT.test(s.slice(c.clause.start, figure.offset))) return { subject: null, counterparty: null, unnamed: true };
  if (metric === 'trading' && MARKET_WIDE.test(s.slice(c.clause.start, figure.offset))) return { subject: null, counterparty: null, unnamed: true };
  return { subject: null, counterparty: null, unnamed: false };
}

/** `attribute` once the parties that cannot own this figure are left out. */
function attributeAmong(c: Context): Attribution {
  const { figure, metric, s, parties } = c;
  // "20.50 euros per Suez share": the company whose share it is.
  if (figure.per === 'share' || metric === 'price' || metric === 'dividend') {
    const named = shareOf(c);
    if (named) return { subject: named, counterparty: null };
  }
  const inParens = parenthesised(c);
  if (inParens) return { subject: inParens, counterparty: null };
  // A price per share in a takeover is the target's share price ("以每股10.06港元向澳优股东收购",
  // "agreed to acquire XenoPort for $7.03 per share").
  if ((metric === 'price' || metric === 'deal') && isPerShare(s, figure)) {
    const t = transaction(c);
    if (t && t.counterparty && t.subject && t.counterparty.id !== t.subject.id) return { subject: t.counterparty, counterparty: null };
  }
  const listed = respectively(c) ?? parallel(c);
  if (listed) return { subject: listed, counterparty: null };
  // An unnamed party opening the clause ("基石投资者认购约203.7亿港元", "Retail investors
  // applied for…") is the one whose amount it is: nobody named.
  if (!OWN_METRICS.has(metric)) {
    const firstName = parties.find((m) => m.offset >= c.clause.start && m.offset + m.length <= c.clause.end && m.offset < figure.offset);
    if (UNNAMED_AGENT.test(s.slice(c.clause.start, Math.min(figure.offset, firstName?.offset ?? figure.offset)))) return { subject: null, counterparty: null, unnamed: true };
  }
  // "而他目前身家约为4900亿美元", "his fortune of $X": the person named last before.
  if (!COMPANY_METRICS.has(metric) && PERSON_PRONOUN.test(s.slice(c.clause.start, figure.offset))) {
    let person: Mention | null = null;
    for (const m of c.sentenceParties ?? parties) if (m.kind === 'person' && m.offset < figure.offset) person = m;
    if (person) return { subject: person, counterparty: null };
  }
  // "Anthropic的210亿美元订单", "Tesla's $5 billion order": the name owning the amount itself.
  const owning = possessive(c);
  if (owning) {
    let counterparty: Mention | null = null;
    if (metric === 'investment' || metric === 'deal') {
      const t = transaction(c);
      const other = t && (t.subject && t.subject.id !== owning.id ? t.subject : t.counterparty);
      counterparty = other && other.id !== owning.id ? other : null;
    }
    return { subject: owning, counterparty };
  }
  if (metric === 'investment' || metric === 'deal' || metric === 'funding' || metric === 'other' || metric === 'cost') {
    if (metric !== 'funding') {
      const t = transaction(c);
      if (t && (metric === 'investment' || metric === 'deal' || (t.subject && t.counterparty))) {
        // A group pays together ("Amazon, Microsoft and Meta together spent…"): no one of them.
        if (t.subject && inGroupList(s, parties, t.subject)) return { subject: null, counterparty: t.counterparty, unnamed: true };
        return t;
      }
    }
  }
  const attached = attachedToWord(c);
  let subject: Mention | null = attached;
  // The clause's names ending before the amount, in one pass over the parties.
  const clauseNames = parties.filter((m) => m.offset >= c.clause.start && m.offset + m.length <= c.clause.end && m.offset + m.length <= figure.offset);
  // A whole market's turnover or flows, with no name in its clause: nobody's ("证券市场日均成交达1692亿元").
  if (metric === 'trading' && !clauseNames.length && MARKET_WIDE.test(s.slice(c.clause.start, figure.offset))) return { subject: null, counterparty: null, unnamed: true };
  // A name right against the amount, with only its code or 的 between, in a list of names
  // and amounts ("腾讯目标价635元、网易(09999.HK)226.2元"): the amount is that name's.
  if (!subject && clauseNames.length > 1) {
    const last = clauseNames[clauseNames.length - 1];
    if (!isObject(s, last) && adjacent(s, last, figure)) subject = last;
  }
  // The clause's topic; a clause that names someone only as an object ("$6.5B for Ampere")
  // leaves the topic to the clauses before it.
  if (!subject) subject = nearestTopic(clauseNames.filter((m) => !isObject(s, m)), s, figure.offset);
  // A clause that opens with the amount names its party after it: "…: $500 million for MatX,
  // $350 million for SambaNova".
  if (!subject && /^[\s:;-]*$/.test(s.slice(c.clause.start, figure.offset))) {
    const end = figure.offset + figure.length;
    const next = parties.find((m) => m.offset >= end && m.offset + m.length <= c.clause.end);
    if (next && FOR_PARTY.test(s.slice(end, next.offset))) subject = next;
  }
  if (!subject) {
    // The topic of the nearest clause before that names someone ("比亚迪升12%，报177元，
    // 吉利亦升6%，报20.5元": 20.5元 is Geely's).
    // A clause that names someone only as an object ("the insurance arm of OCBC", "from
    // Bain Capital") hands nothing on: the walk goes on to the clause before it.
    const sentenceNames = before(inside(parties, c.sentence), c.clause.start);
    let end = sentenceNames.length;
    while (!subject && end > 0) {
      const last = sentenceNames[end - 1];
      const from = clauseOf(s, c.sentence, last.offset, last.offset + last.length).start;
      let start = end - 1;
      while (start > 0 && sentenceNames[start - 1].offset >= from) start--;
      const topics = sentenceNames.slice(start, end).filter((m) => !isObject(s, m));
      if (topics.length) subject = nearestTopic(topics, s, c.clause.start);
      end = start;
    }
    if (!subject) subject = nearestTopic(sentenceNames, s, c.clause.start);
  }
  // Last, a name of the clause even as an object ("raised its price target on Tencent").
  if (!subject) subject = nearestTopic(clauseNames, s, figure.offset);
  // The topic found is one of a group ("壁仞科技、智谱AI等公司上市，动辄数百亿港元的估值").
  let group = false;
  if (subject && !attached && inGroupList(s, parties, subject)) {
    subject = null;
    group = true;
  }
  if (!subject && !group) {
    // A name right after the amount in its clause: "$5 billion for OpenAI", "1亿美元给Anthropic".
    const after = inside(parties, { start: figure.offset + figure.length, end: c.clause.end });
    if (after.length && metric !== 'price') subject = after[0];
  }
  const counterparty = metric === 'funding' ? leadInvestor(c, subject) : null;
  return { subject, counterparty, unnamed: group };
}

export type { Context as SubjectContext };
