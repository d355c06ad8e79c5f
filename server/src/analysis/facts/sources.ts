/**
 * Who states a figure: a broker, a research or data firm, or a media outlet named with a
 * reporting or forecasting cue in the figure's sentence ("据彭博报道", "东吴证券预计",
 * "according to Reuters", "Goldman Sachs forecasts"). A company speaking of its own
 * numbers is not a source.
 */
import type { Mention } from '../types';
import { foldCode } from '../text';
import type { Bounds } from './sentences';

/** Ids of banks, brokers and research firms whose forecasts digests quote. */
const THIRD_PARTY_IDS = new Set([
  'goldman-sachs', 'morgan-stanley', 'jpmorgan', 'citigroup', 'bank-of-america', 'ubs', 'nomura', 'mizuho', 'barclays', 'nyse-bcs',
  'nyse-db', 'deutsche-bank', 'hsbc', 'jefferies', 'bernstein', 'macquarie', 'cicc', 'citic-securities', 'htsc', 'gtht', 'idc', 'gartner', 'nyse-it',
  'trendforce', 'counterpoint', 'canalys', 'wind', 'bloomberg', 'reuters', 'nasdaq-tri', 'factset', 'refinitiv', 'morningstar', 'pitchbook',
  'crunchbase', 'cbinsights', 'moodys', 'sp-global', 'fitch', 'mckinsey', 'deloitte', 'pwc', 'kpmg', 'ey', 'bain', 'bcg', 'semianalysis', 'lseg', 'zacks', 'visible-alpha', 'nasdaq-morn',
]);
const THIRD_PARTY_SECTORS = new Set(['bank-broker', 'research', 'consulting-audit']);
/** Name shapes of brokers and research houses, in both scripts (a mention's text is as written). */
const THIRD_PARTY_NAME = /证券|證券|研究|咨询|諮詢|智库|智庫|资讯|資訊|数据|數據|财经|財經|新闻|新聞|日报|日報|时报|時報|晚报|晚報|周刊|週刊|电视|電視|通讯社|通訊社|媒体|媒體|\b(?:securities|research|analytics|insights|intelligence|consult(?:ing|ants|ancy)?|capital markets|partners|advisors|news|times|journal|post|daily|wire|media|tv)\b/i;

/** Answers of isThirdParty by entity id and mention text, kept for the next documents. */
const THIRD_PARTY_SEEN = new Map<string, Map<string, boolean>>();

/** Kept for callers that start a document; answers are kept by id and text across documents. */
export function forgetThirdParties(): void {
  if (THIRD_PARTY_SEEN.size > 20000) THIRD_PARTY_SEEN.clear();
}

export function isThirdParty(m: Mention, sectorOf: (id: string) => string | undefined): boolean {
  if (m.kind === 'media') return true;
  let byText = THIRD_PARTY_SEEN.get(m.id);
  if (!byText) THIRD_PARTY_SEEN.set(m.id, (byText = new Map()));
  let known = byText.get(m.text);
  if (known === undefined) {
    known = readThirdParty(m, sectorOf);
    byText.set(m.text, known);
  }
  return known;
}

function readThirdParty(m: Mention, sectorOf: (id: string) => string | undefined): boolean {
  if (THIRD_PARTY_IDS.has(m.id)) return true;
  const sector = sectorOf(m.id);
  if (sector && THIRD_PARTY_SECTORS.has(sector)) return true;
  if (THIRD_PARTY_NAME.test(m.name) || THIRD_PARTY_NAME.test(m.text)) return true;
  // Banks' and brokers' brand names, in either script (the text is read folded to Simplified).
  let folded = '';
  for (let i = 0; i < m.text.length; i++) folded += String.fromCharCode(foldCode(m.text.charCodeAt(i)));
  return BROKER_BRAND.test(m.name) || BROKER_BRAND.test(folded);
}

/** Brand names of investment banks and brokers whose research digests quote. */
const BROKER_BRAND = /里昂|瑞信|瑞银|瑞穗|大和|野村|麦格理|花旗|高盛|摩根|大摩|小摩|美银|汇丰|星展|法巴|法兴|德银|巴克莱|杰富瑞|富瑞|伯恩斯坦|联博|晨星|中金|建银国际|中银国际|交银国际|招银国际|海通国际|\b(?:credit\s+suisse|bnp\s+paribas|soci[eé]t[eé]\s+g[eé]n[eé]rale|nomura|daiwa|mizuho|jefferies|macquarie|bernstein|citi(?:group)?|barclays|goldman|morgan\s+stanley|j\.?p\.?\s*morgan|ubs|clsa|evercore|morningstar)\b/i;

// Cues before the named party: 据 / 根据 / 援引 / according to / citing / per.
const CUE_BEFORE = /(?:据|根据|依据|依照|依|援引|引述|引用|according\s+to(?:\s+(?:the|a|data\s+from|estimates\s+from|research\s+from|analysts\s+at))?|citing(?:\s+the)?|data\s+from|estimates\s+from|analysts\s+at|compiled\s+by|polled\s+by|surveyed\s+by|forecast\s+by|estimated\s+by|expected\s+by|per)\s*$/i;
// Cues right after it (any party): reporting verbs.
const CUE_REPORT = /^\s*(?:[》」”"]\s*)?(?:(?:\d{1,2}月\d{1,2}日|最新|发布的?|发表的?|在|独家)\s*){0,3}(?:(?:研究|最新|[\u4e00-\u9fff]{0,6}榜)\s*)?(?:的\s*)?(?:报道|报导|援引|引述|消息|披露|透露|获悉|报告|研报|晨会纪要|纪要|点评|数据显示|显示|数据|统计|调查|调研|(?:(?:mean|average|consensus)\s+estimates?|reported|reports|report|reporting|wrote|data|estimates?|research|analysts?|calculations?|surveys?|calculation|consensus)(?![a-z]))/i;
/** Last characters of the cues before a name (据, 根据, 援引, "according to", "citing", "per", …) and spaces. */
const MAY_CUE_BEFORE = new Uint8Array(65536);
for (const c of '据援引述用依照 \t') MAY_CUE_BEFORE[c.charCodeAt(0)] = 1;
for (const w of ['the', 'a', 'from', 'at', 'to', 'citing', 'per', 'told']) MAY_CUE_BEFORE[w.charCodeAt(w.length - 1)] = 1;
/** First characters of the reporting cues after a name (报道, 的, 显示, "reported", …) and spaces. */
const MAY_REPORT_AFTER = new Uint8Array(65536);
for (const w of ['报道', '报导', '援引', '引述', '消息', '报告', '研报', '研究', '晨会', '纪要', '点评', '数据', '显示', '统计', '调查', '调研', '的', '最新', '发布', '发表', '在', '披露', '透露', '获悉', '独家', '》', '」', '”', '"', ' ', '\t']) MAY_REPORT_AFTER[w.charCodeAt(0)] = 1;
for (let d = 0x30; d <= 0x39; d++) MAY_REPORT_AFTER[d] = 1;

/** First characters of the forecasting and rating cues after a broker (预计, 将…目标价, "'s analysts", …). */
const MAY_FORECAST_AFTER = new Uint8Array(65536);
for (const w of ['预', '研', '估', '测', '料', '认', '指', '表', '称', '给', '维', '上', '下', '调', '首', '目', '评', '将', '把', '对', '予', '分', '报', '点', '盘', '列', '提', '则', '由', '从', '也', '亦', '同', '再', '(', "'", '’']) MAY_FORECAST_AFTER[w.charCodeAt(0)] = 1;

/** A broker moving a target: "摩根士丹利（大摩）也由9,999元上调至12,345元". */
const TARGET_MOVE = /^\s*(?:\([^()]{1,12}\)\s*)?(?:(?:也|则|亦|再)\s*)?(?:由|从|将)[^。;]{0,16}(?:上调|下调|调升|调降|调高|调低|上修|下修|升至|降至|提高|提升|削减)/;

/** A company (a bank too) reporting its own results: "DBS reported record third-quarter net profit". */
const OWN_REPORT = /^\s*(?:reported|reports|reporting)\s+(?:[\w-]+\s+){0,3}(?:profits?|revenues?|earnings|sales|loss(?:es)?|income|results?|dividends?)\b/i;

/** Report cues that make any party a source: "…报道", "IT桔子数据显示", "X的统计显示", "data show". */
const ANY_PARTY_REPORTS = /^\s*(?:\d{1,2}月\d{1,2}日\s*)?(?:的\s*)?(?:报道|报导|(?:最新)?数据显示|统计显示|统计数据|调查显示|一致预期|data\s+(?:show|showed|shows)|(?:mean|average|consensus)\s+(?:estimates?|forecasts?))/i;

/** Words of a broker's rating or target price, and a broker acting on them ("高盛提高微软目标价", "星展把中银香港目标价上调"). */
export const RATING_WORD = /目标价|评级|盈利预测|每股盈测|合理价值|target\s+price|price\s+target|fair\s+value|\brating/i;
const ACTS_ON_RATING = /^(?!\s*[(（][^()（）]{0,12}\d)(?!\s*(?:的\s*)?(?:目标价|评级))[^。;；，,:：获被]{0,16}?(?:目标价|评级|盈利预测|每股盈测|合理价值|target\s+price|price\s+target|fair\s+value|rating\s+on)/i;

/** Any party that acts on a target price or a rating is a broker there ("星展把中银香港目标价上调", "交银国际将小米目标价提升"). */
const SETS_RATING = /^\s*(?:(?:也|亦|则|再|同时)\s*)?(?:将|把|对|予|给予|维持|首次|上调|下调|调升|调降|调高|提高|提升|降低|削减|更新|重申|raised|cut|lowered|lifted|set|reiterated|maintained)[^。;；，,:：]{0,16}?(?:目标价|评级|盈利预测|每股盈测|合理价值|预测|target\s+price|price\s+target|fair\s+value|\brating|forecast)/i;

/** "forecast by X", "polled by X": whoever is named there estimates, a third party by the words alone. */
const BY_ESTIMATOR = /(?:compiled|polled|surveyed|forecast|estimated|expected)\s+by\s*$/i;

/** What stands right before the object of a rating or a target: "将", "把", "对". */
const ACTED_ON = /(?:将|把|对|给予)\s*$/;

/** A broker's own amount: "里昂证券的3,030元", "晨星为2,700元". */
const OWN_AMOUNT = /^\s*(?:的|为|為)\s*[\d$¥€£]/;
/** A listing code in parentheses right after a name ("(00005.HK)", "（2330）"), not an alias ("（大摩）"). */
const CODE_AFTER = /^\s*[(（][^()（）]{0,12}\d/;

/** A broker keeping or giving a target amount: "维持2000元", "为2,700元", "皆为2,600元". */
const KEEPS_TARGET = /^\s*(?:(?:也|则|亦|皆|均|同)\s*)?(?:维持|为|為|给予|给出|定为)\s*[\d$]/;

/** A dateline: an outlet's name opening a paragraph ("智通财经APP讯，", "(Reuters) -", "财新网8月8日消息"). */
const DATELINE_AFTER = /^\s*(?:APP\s*)?(?:\d{1,2}月\d{1,2}日\s*)?(?:讯|消息|获悉|报道|报导|电|专讯|[)）]\s*(?:[-—–:：]|--)|[:：])/i;
// Cues right after a third party: forecasting and rating verbs.
const CUE_FORECAST = /^\s*(?:\d{1,2}月\d{1,2}日\s*)?(?:(?:[\u4e00-\u9fff]{0,4}(?:研报|报告|周报|日报|月报|晨报|点评)|研究|一致)\s*)?(?:(?:的|(?:分析师|研究员)[\u4e00-\u9fff·]{0,4}|首席\S{0,6})\s*)?(?:预计|预期|预测|预估|预料|预判|研判|估计|估算|测算|料|认为|指出|提到|提及|表示|称|给予|维持|上调|下调|调升|调降|首次覆盖|目标价|评级|分析|点评|盘点|列出|said|says|expects?|expected|forecasts?|forecasted|projects?|projected|predicts?|predicted|estimated|sees|believes|raised|cut|lowered|lifted|set|kept|maintained|reiterated|rates|rated|upgraded|downgraded|initiated|has\s+a|gave)(?![a-z])/i;
/** A sentence that goes on with the report of the sentence before it. */
export const CONTINUES_REPORT = /^\s*(?:该机构|该行|该券商|该报告|该研报|其预计|预计公司|报告预计|该报道|报道(?:还|并|又|亦)?(?:称|指出|说|显示)|报告(?:还|并)?(?:称|指出|显示)|其报告|the\s+(?:report|newspaper|outlet|agency|paper|wire|bank|broker|firm|analysts?)\s+(?:said|added|also|noted|estimated|wrote)|it\s+(?:added|also\s+said)|according\s+to\s+the\s+(?:report|newspaper))/i;

/**
 * The parties of a sentence that act as sources, with where each cue stands. A party is a
 * source when a reporting cue stands before or after it, or, for a broker, research firm or
 * outlet, a forecasting cue stands after it.
 */
/**
 * `forecasters` receives the other parties followed by a forecasting cue ("中信建投预测"): a
 * source for a figure that is not their own (a market size, another company's amount).
 * `ratingContext` says the sentence is about target prices or follows one that is;
 * `ratesKnown`, when given, whether the sentence itself names a target or rating.
 */
export function sourcesIn(s: string, sentence: Bounds, parties: Mention[], sectorOf: (id: string) => string | undefined, forecasters?: Mention[], ratingContext = false, ratesKnown?: boolean): Mention[] {
  const out: Mention[] = [];
  let rates: boolean | undefined = ratesKnown;
  for (const m of parties) {
    if (m.kind === 'person' || m.kind === 'exchange' || m.kind === 'regulator') continue;
    // Most names have no cue at all: the cheap checks on the characters around come first.
    const a0 = s.charCodeAt(m.offset + m.length);
    const a1 = s.charCodeAt(m.offset + m.length + 1);
    if (!MAY_CUE_BEFORE[s.charCodeAt(m.offset - 1)] && !MAY_REPORT_AFTER[a0] && !MAY_REPORT_AFTER[a1] && !MAY_FORECAST_AFTER[a0] && !MAY_FORECAST_AFTER[a1] && !(rates ??= RATING_WORD.test(s.slice(sentence.start, sentence.end))) && !personSoonAfter(m, parties) && !reportSoonAfter(s, m)) continue;
    const before = s.slice(Math.max(sentence.start, m.offset - 24), m.offset);
    // The object of a broker's action ("大摩将汇丰控股目标价…") is the company rated, never a source.
    if (ACTED_ON.test(before)) continue;
    const third = isThirdParty(m, sectorOf);
    const after = s.slice(m.offset + m.length, Math.min(sentence.end, m.offset + m.length + 24));
    if (CUE_BEFORE.test(before) && (third || CUE_REPORT.test(after) || BY_ESTIMATOR.test(before))) out.push(m);
    // In a run of target prices, whoever moves or keeps one is the broker ("法巴则从1670元上调至1990元",
    // "里昂维持2000元"); a name with its listing code is a company rated ("东亚银行(00023.HK)则由10.7元降至9.6元").
    else if (ratingContext && !CODE_AFTER.test(after) && (KEEPS_TARGET.test(after) || TARGET_MOVE.test(s.slice(m.offset + m.length, Math.min(sentence.end, m.offset + m.length + 40))) || OWN_AMOUNT.test(after))) out.push(m);
    else if (CUE_REPORT.test(after) && (third || ANY_PARTY_REPORTS.test(after)) && !(m.kind !== 'media' && OWN_REPORT.test(s.slice(m.offset + m.length, Math.min(sentence.end, m.offset + m.length + 60))))) out.push(m);
    else if (CUE_FORECAST.test(after)) (third ? out : forecasters)?.push(m);
    else if ((third && ACTS_ON_RATING.test(after)) || SETS_RATING.test(after)) out.push(m);
    // "目标价以里昂证券的3,030元最高": a broker's own amount in a sentence about targets.
    else if (third && OWN_AMOUNT.test(after) && (rates ??= RATING_WORD.test(s.slice(sentence.start, sentence.end)))) out.push(m);
    else if (third && TARGET_MOVE.test(s.slice(m.offset + m.length, Math.min(sentence.end, m.offset + m.length + 40)))) out.push(m);
    else if (third && /^\s*(?:'s|’s)\s+(?:analysts?|data|estimates?|report|research|forecasts?)/i.test(after)) out.push(m);
    else if (/\btold\s+(?:the\s+)?$/i.test(before) && third) out.push(m);
    // A broker's analyst speaking for it: "大摩大中华区半导体主管詹家鸿预估…".
    else if (third && speaksFor(s, m, parties, sentence)) out.push(m);
  }
  return out;
}

/** A dateline with a place, right at the paragraph's start: "新华社台北消息，", "中新社北京3月5日电". */
const DATELINE_PLACE = /^[\u4e00-\u9fff]{2,3}(?:\d{1,2}月\d{1,2}日)?(?:讯|消息|电|专讯)\s*[,:。\s]/;

/** True when a report's name follows within 6 characters ("民生证券非银周报提到"). */
function reportSoonAfter(s: string, m: Mention): boolean {
  const end = m.offset + m.length;
  for (let i = end; i < end + 6 && i < s.length; i++) if (s.charCodeAt(i) === 0x62a5) return true; // 报
  return false;
}

/** True when a person is named within 16 characters after the party. */
function personSoonAfter(m: Mention, parties: Mention[]): boolean {
  const end = m.offset + m.length;
  for (const p of parties) if (p.kind === 'person' && p.offset >= end && p.offset - end <= 16) return true;
  return false;
}

/** True when a person named within 16 characters after the party speaks with a forecasting cue. */
function speaksFor(s: string, m: Mention, parties: Mention[], sentence: Bounds): boolean {
  const end = m.offset + m.length;
  for (const p of parties) {
    if (p.kind !== 'person' || p.offset < end || p.offset - end > 16) continue;
    // An executive speaks for the company itself ("汇控行政总裁艾桥智表示"), not as a third party.
    if (/[,，。;；:：]|总裁|CEO|主席|董事长|首席执行官|总经理|财务总监|CFO|chief\s+executive|chairman/i.test(s.slice(end, p.offset))) return false;
    return CUE_FORECAST.test(s.slice(p.offset + p.length, Math.min(sentence.end, p.offset + p.length + 24)));
  }
  return false;
}

/** The outlet of a dateline opening the paragraph that starts at `paragraphStart`, or null. */
export function datelineSource(s: string, paragraphStart: number, mentions: Mention[], sectorOf: (id: string) => string | undefined): Mention | null {
  for (const m of mentions) {
    if (m.offset - paragraphStart > 30) break;
    if (m.offset < paragraphStart) continue;
    if (!(m.kind === 'media' || isThirdParty(m, sectorOf))) continue;
    const after = s.slice(m.offset + m.length, m.offset + m.length + 16);
    if (DATELINE_AFTER.test(after)) return m;
    if (DATELINE_PLACE.test(after) && /^[\s【\[(<《]*$/.test(s.slice(paragraphStart, m.offset))) return m;
  }
  return null;
}

