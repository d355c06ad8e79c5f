/**
 * Figures as facts: for each figure of a document, whose amount it is (subject and
 * counterparty), who states it (source), what it measures (metric), the period it is about,
 * and which figures state the same fact. Pure: text, figures and mentions in, fields set on
 * the figures out. Work is bounded by the sentences around the figures.
 */
import type { Figure, FigureParty, Mention } from '../types';
import { clauseOf, lineBreakBetween, sentenceAt, sentenceStart, type Bounds } from './sentences';
import { AFTER_WORDS, chooseMetric, isPerShare, metricWords, type MetricWord } from './metrics';
import { periodOfFigure, periodsIn, type PeriodMark } from './periods';
import { datelineSource, forgetThirdParties, isThirdParty, sourcesIn, CONTINUES_REPORT, RATING_WORD } from './sources';
import { attribute, canOwn, forgetMentions, type SubjectContext } from './subjects';
import { groupFacts } from './sameFact';
import { pairConversions } from './conversions';

export type SectorOf = (id: string) => string | undefined;

const party = (m: Mention | null | undefined): FigureParty | null =>
  m ? { id: m.id, name: m.name, offset: m.offset, length: m.length } : null;

/** The list and the answer of the last `firstAtOrAfter`: sentences ask in text order, mostly at or just past it. */
let lastList: Mention[] | null = null;
let lastFirst = 0;

/** The first mention at or after `offset` (mentions are in text order). */
function firstAtOrAfter(mentions: Mention[], offset: number): number {
  // The answer is the index i with mentions[i - 1] before `offset` and mentions[i] not: the
  // last answer or the one after it is checked first, the whole list searched only otherwise.
  if (lastList === mentions) {
    for (let i = lastFirst; i <= lastFirst + 1 && i <= mentions.length; i++) {
      if ((i === 0 || mentions[i - 1].offset < offset) && (i === mentions.length || mentions[i].offset >= offset)) return (lastFirst = i);
    }
  }
  lastList = mentions;
  lastFirst = search(mentions, offset);
  return lastFirst;
}

/** `firstAtOrAfter` by binary search. */
function search(mentions: Mention[], offset: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A mention that starts before `at` and ends after it, if any. */
function mentionAcross(mentions: Mention[], at: number): Mention | null {
  const i = firstAtOrAfter(mentions, at);
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) if (mentions[k].offset < at && mentions[k].offset + mentions[k].length > at) return mentions[k];
  return null;
}

/** One empty list of metric words, for a clause with no sentence before it (never added to). */
const NO_WORDS: MetricWord[] = [];

/** One empty list shared by every sentence without names (never added to). */
const NO_MENTIONS: Mention[] = [];

function mentionsIn(mentions: Mention[], b: Bounds): Mention[] {
  let out: Mention[] | null = null;
  for (let i = firstAtOrAfter(mentions, b.start); i < mentions.length && mentions[i].offset < b.end; i++) {
    if (mentions[i].offset + mentions[i].length <= b.end) (out ??= []).push(mentions[i]);
  }
  return out ?? NO_MENTIONS;
}

interface SentenceInfo {
  bounds: Bounds;
  /** Its place among the document's figure sentences. */
  number: number;
  /** Metric words and periods of the sentence, read once for all its figures. */
  /** Metric words by clause start; most sentences have one clause with figures, kept without a map. */
  clauseStart: number;
  clauseWords: MetricWord[] | null;
  moreClauseWords: Map<number, MetricWord[]> | null;
  sentenceWords: MetricWord[] | null;
  /** The start of the sentence's paragraph (line). */
  paragraph: number;
  /** The end of the sentence's last figure. */
  lastEnd: number;
  periods: PeriodMark[] | null;
  /** The topic of the sentences before, once asked for. */
  earlier?: Mention | null;
  sources: Mention[];
  /** Whether the sentence speaks of target prices or ratings, or follows one that does. */
  ratingContext: boolean;
  /** Whether the sentence itself names a target price or a rating. */
  rates: boolean;
  /** Whether the sentence speaks of an estimate (see `expectsIn`), once asked. */
  expects?: boolean;
  /** Its sources as the sentence before passes them on: its own, or carried from that sentence (before datelines and quotes). */
  reported: Mention[];
  /** Whether the sentence speaks of a grey market (see `GREY_MARKET`), once asked. */
  grey?: boolean;
  /** Whether the sentence speaks of a total over many companies or deals (see `AGGREGATE`), once asked. */
  aggregate?: boolean;
  /** Parties of the sentence that forecast (see `sourcesIn`). */
  forecasters: Mention[];
  owners: Mention[];
  figures: Figure[];
}

/** The metric words inside [from, to). */
function wordsIn(words: MetricWord[], from: number, to: number): MetricWord[] {
  const out: MetricWord[] = [];
  for (const w of words) if (w.offset >= from && w.offset + w.length <= to) out.push(w);
  return out;
}

/** A sentence that opens by pointing back at the company of the report before it. */
const ANAPHOR = /^\s*(?:公司|该公司|其|集团|该集团|the\s+company|the\s+group|it\b|its\b)/i;

/** Words that point back at the broker or outlet named before ("该行", "the bank"). */
const BROKER_ANAPHOR = /该行|该机构|该券商|该所|the\s+(?:bank|brokerage|broker)(?![a-z])/i;
const REPORT_ANAPHOR = /该报告|该研报|该报道|the\s+report(?![a-z])/i;

/** Any of the words `quotedBefore` looks for, in one search. */
const QUOTED_HINT = /目标价|评级|盈利预测|每股盈测|该|由|target|rating|report|bank|broker/i;

/** A rating list going on without its words: "东亚银行则由10.7元降至9.6元". */
const LIST_MOVE = /则由|由[^。;]{0,12}?(?:降至|升至|上调至|下调至|调升至|调降至|调高至|调低至|削至|提高至)/;
/** Words of a quote or a trade, not of a target: "股价由…", "收报". */
const QUOTE_WORD = /股价|收报|收市|收盘|盘中|开盘|现价|报价/;

/** True when the figure sentence before, in the same paragraph, gave a sourced rating or target. */
function ratedBefore(info: SentenceInfo, prev: SentenceInfo | null): boolean {
  return !!prev && prev.paragraph === info.paragraph && prev.sources.length > 0 && prev.rates;
}

/**
 * The third party that a sentence without a named source goes on quoting: a target price or
 * rating (always a broker's), or "该行" / "the bank", in a paragraph that named a broker or
 * outlet before it. The sources of earlier sentences come first (`lastSourced`: the latest
 * earlier sentence with sources, or null), then the nearest third party named before, if it is
 * not a listing being rated ("中信证券(06030.HK)获…").
 */
function quotedBefore(s: string, info: SentenceInfo, prev: SentenceInfo | null, lastSourced: SentenceInfo | null, quotable: QuotableCursor): Mention | null {
  const text = s.slice(info.bounds.start, info.bounds.end);
  // Most sentences hold none of the words below: one search tells.
  if (!QUOTED_HINT.test(text)) return null;
  // "该行" / "the bank" names a broker or a bank, never an outlet; and it may be the
  // company itself (a bank reporting), so only a broker already quoted is taken.
  const rating = info.rates || REPORT_ANAPHOR.test(text) || (LIST_MOVE.test(text) && !QUOTE_WORD.test(text) && ratedBefore(info, prev));
  if (!rating && !BROKER_ANAPHOR.test(text)) return null;
  // Sentences come in text order, so one of the same paragraph has only its paragraph's sentences after it.
  if (lastSourced && lastSourced.paragraph === info.paragraph) {
    const quoted = lastSourced.sources;
    const last = quoted[quoted.length - 1];
    return rating || last.kind !== 'media' ? last : null;
  }
  if (!rating) return null;
  return quotable.before(info.paragraph, info.bounds.start);
}

/**
 * The nearest third party named before a point of its paragraph (not a person, an exchange,
 * a regulator, nor a name followed by its listing's parenthesis), for sentences asking in
 * text order: each mention is looked at once per document, not once per sentence (a long
 * paragraph of target prices would otherwise reread all its names for every sentence).
 */
class QuotableCursor {
  private paragraph = -1;
  private next = 0;
  /** Index of the last quotable mention read so far in the paragraph, or -1. */
  private best = -1;
  /** Mentions read but reaching past the point asked for: counted once a later point covers them. */
  private pending: number[] = [];

  constructor(
    private readonly s: string,
    private readonly mentions: Mention[],
    private readonly sectorOf: SectorOf,
  ) {}

  /** The last quotable mention (in the mentions' order) within [paragraph, end), as `mentionsIn` bounds it. */
  before(paragraph: number, end: number): Mention | null {
    const { mentions } = this;
    if (paragraph !== this.paragraph) {
      this.paragraph = paragraph;
      this.next = firstAtOrAfter(mentions, paragraph);
      this.best = -1;
      this.pending = [];
    }
    if (this.pending.length) {
      const still: number[] = [];
      for (const i of this.pending) {
        if (mentions[i].offset + mentions[i].length <= end) this.consider(i);
        else still.push(i);
      }
      this.pending = still;
    }
    for (; this.next < mentions.length && mentions[this.next].offset < end; this.next++) {
      const m = mentions[this.next];
      if (m.offset + m.length <= end) this.consider(this.next);
      else this.pending.push(this.next);
    }
    return this.best >= 0 ? mentions[this.best] : null;
  }

  private consider(i: number): void {
    if (i < this.best) return;
    const m = this.mentions[i];
    if (m.kind === 'person' || m.kind === 'exchange' || m.kind === 'regulator' || !isThirdParty(m, this.sectorOf)) return;
    if (/^\s*[(（]/.test(this.s.slice(m.offset + m.length, m.offset + m.length + 2))) return;
    this.best = i;
  }
}

/** What stands between a forecaster and the clause it opens: its cue and a comma ("预测，", "estimates:"). */
const FORECAST_OPENS = /^\s*[^\s,:;]{1,12}\s*[,:]\s*$/;

/** Metrics whose amount has a per-share form; and the words that introduce it. */
const PER_SHARE_OF = new Set(['profit', 'dividend', 'revenue']);
const OR_GAP = /^\s*(?:[,，]\s*)?(?:or|或|即|合)\s*$/i;

/** Words that point back at the company a report is about. */
const POINTS_BACK = /公司|该股|the\s+company|its\b/i;

/** The start of the paragraph (line) holding `at`. */
function paragraphStart(s: string, at: number): number {
  const nl = s.lastIndexOf('\n', at - 1);
  return nl + 1;
}

/** The first owner named in the nearest earlier sentence of the paragraph that names one. */
function earlierTopic(s: string, start: number, paragraph: number, mentions: Mention[], sources: Mention[], sectorOf: SectorOf): Mention | null {
  // No name between the paragraph's start and the sentence: no topic, and no sentence
  // before need be found (text dense with figures and without names would look back
  // three sentences for every sentence).
  const first = firstAtOrAfter(mentions, paragraph);
  if (first >= mentions.length || mentions[first].offset >= start) return null;
  // "The bank" / "该银行" points back at a bank: a bank named before is then the topic, not a source.
  const bank = BANK_ANAPHOR.test(s.slice(start, start + 16));
  let end = start;
  for (let k = 0; k < 3 && end > paragraph; k++) {
    // Only where the sentence before starts matters: its end is `end`.
    const prevStart = sentenceStart(s, Math.max(paragraph, end - 1));
    const names = mentionsIn(mentions, { start: Math.max(prevStart, paragraph), end }).filter((m) => canOwn(m) && m.kind !== 'media' && !sources.some((x) => x.id === m.id));
    // A broker or an outlet of the sentence before is its source, not its topic.
    const company = (bank ? names.find((m) => BANK_NAME.test(m.name) || BANK_NAME.test(m.text)) : undefined)
      ?? names.find((m) => m.kind !== 'person' && !isThirdParty(m, sectorOf)) ?? names.find((m) => m.kind !== 'person');
    if (company) return company;
    if (prevStart >= end) break;
    end = prevStart;
  }
  return null;
}

/** A sentence opening on the bank named before ("The bank slipped 26 cents", "该银行…"). */
const BANK_ANAPHOR = /^\s*(?:the\s+(?:bank|lender)\b|该银行|该行(?:的|股价|宣派|公布))/i;

/** A bank's name: "Royal Bank of Canada", "汇丰银行". */
const BANK_NAME = /\bbank\b|银行|銀行/i;

/** "其中" / "of which" opening a sentence: it breaks down the figures before it. */
const OF_WHICH = /^\s*(?:其中|of\s+which)/i;

/** Measures a sector can total, and the words of a total over many companies or deals. */
const SECTOR_METRICS: ReadonlySet<string> = new Set(['funding', 'profit', 'revenue', 'investment']);
const AGGREGATE = /总额|合计|总计|累计|共发生|共有|共披露|(?<!\d)\d{1,6}\s*(?:起|笔|宗|家|只)|startups|companies|IPOs|listings|in\s+total|combined|across\s+\d+|altogether/i;

/** Measures that are always some company's own, whoever quotes them. */
const COMPANY_OWN: ReadonlySet<string> = new Set(['revenue', 'profit', 'dividend', 'buyback', 'valuation', 'market-value']);

/** Words of an estimate a figure is set against. */
const EXPECTATION = /estimates?\b|expectations|consensus|had\s+expected|analysts\s+(?:had\s+)?(?:polled|expected|estimated|forecast)|市场预期|分析师预期|一致预期|预期的|市场预估|一致预测/i;

/** Whether the sentence sets its figures against an estimate (asked once per sentence). */
function expectsIn(s: string, info: SentenceInfo): boolean {
  info.expects ??= EXPECTATION.test(s.slice(info.bounds.start, info.bounds.end));
  return info.expects;
}

/** A commodity's price: "金价", "每盎司", "a barrel", "per tonne". */
const COMMODITY = /金价|油价|铜价|银价|锂价|盎司|每桶|每吨|ounce|barrel|tonne|\bgold\b|\boil\b|copper/i;

/** Words that name the company a paragraph is about without its name. */
const COMPANY_ANAPHOR = /^\s*(?:(?:而|但|同时|此外|另外)\s*)?(?:公司|该公司|本公司|集团|该集团|本集团|the\s+company|the\s+group)/i;

/** An exchange named with its own listing code ("港交所(00388.HK)") or in the possessive ("Coinbase's revenue") speaks as a listed company: it can own amounts. */
function listedExchange(s: string, m: Mention): boolean {
  if (m.kind !== 'exchange') return false;
  const after = s.slice(m.offset + m.length, m.offset + m.length + 14);
  return LISTING_CODE.test(after) || after.startsWith("'s ") || after.startsWith('’s ');
}

/** A name followed by its target or rating is the company rated ("大摩将汇丰控股目标价由…"), even a bank. */
const RATED_AFTER = /^\s*(?:的\s*)?(?:目标价|评级|股价|[(（])/;

/** A broker's grey market for a new listing. */
const GREY_MARKET = /暗盘|grey\s+market/i;

/** A third party, or a name shaped like a broker's, a fund house's or a bank's. */
function isBroker(m: Mention, sectorOf: SectorOf): boolean {
  return isThirdParty(m, sectorOf) || BROKER_NAME.test(m.name) || BROKER_NAME.test(m.text);
}

/** Name shapes of brokers, fund houses and banks (a rated company has its code or none of these). */
const BROKER_NAME = /证券|證券|投信|投顾|投顧|资本|資本|银行|銀行|研究|\b(?:securities|capital|bank|research)\b/i;

/** True when a listing code follows the name: the company is listed, named as one rated. */
function listedWithCode(s: string, m: Mention): boolean {
  return LISTING_CODE.test(s.slice(m.offset + m.length, m.offset + m.length + 14));
}

/** A listing code in parentheses after a name: "(00005.HK)", "（2330）", "(NASDAQ: NVDA)". */
const LISTING_CODE = /^\s*[(（]\s*(?:[A-Z]{2,8}\s*[:：]\s*)?[0-9A-Z]{1,6}(?:\.[A-Z]{1,2})?(?:-[A-Z]{2})?\s*[)）]/;

/** The first company the paragraph names before `end` that is not a source of this sentence. */
function paragraphTopic(s: string, paragraph: number, end: number, mentions: Mention[], sources: Mention[], sectorOf: SectorOf): Mention | null {
  for (let i = firstAtOrAfter(mentions, paragraph); i < mentions.length && mentions[i].offset < end; i++) {
    const m = mentions[i];
    if (!canOwn(m) || m.kind === 'person' || m.kind === 'media' || sources.some((x) => x.id === m.id)) continue;
    // A broker or bank opening the paragraph is usually the one reporting on the company,
    // unless it is itself listed there with its code ("汇丰控股(00005.HK)公布…").
    if (isThirdParty(m, sectorOf) && !LISTING_CODE.test(s.slice(m.offset + m.length, m.offset + m.length + 14))) continue;
    return m;
  }
  return null;
}

/** Sets subject, counterparty, source, metric, period and fact on every figure. */
export function attachFacts(text: string, folded: string, figures: Figure[], mentions: Mention[], sectorOf: SectorOf = () => undefined): void {
  void text;
  const s = folded;
  if (!figures.length) return;
  // A new document's mentions: the search below starts afresh (and lets them go at the end).
  lastList = null;
  forgetThirdParties();
  forgetMentions(s.length);
  // Sectors asked once per entity for the whole document.
  const sectors = new Map<string, string | undefined>();
  const lookUp = sectorOf;
  sectorOf = (id) => {
    if (!sectors.has(id)) sectors.set(id, lookUp(id));
    return sectors.get(id);
  };
  // Stated conversions, known first: a 分别 list counts the amounts, not their conversions.
  const conversions = pairConversions(s, figures);
  const converted = new Set<Figure>(conversions.map((p) => p.to));
  // Sentences are read one after another, each with its figures, and let go once done: a
  // sentence needs only the one before it and the last one with sources, so a long document
  // of short sentences keeps no state per sentence alive (it would outlive the young
  // generation and make collecting it dear).
  const sentenceNumber = new Int32Array(figures.length);
  let prev: SentenceInfo | null = null;
  let lastSourced: SentenceInfo | null = null;
  // The end of the last sentence that spoke of target prices or ratings (-1: none yet).
  let ratedUpTo = -1;
  // Forecasters are rare: found into one scratch list, copied out only when there are some.
  const forecastScratch: Mention[] = [];
  // A dateline opening a paragraph covers the paragraph's sentences that name no source.
  let dateline: { source: Mention; paragraph: number } | null = null;
  // Paragraph starts found walking forward once: sentences come in text order (set at the first sentence).
  let paragraph = -1;
  // The next line break after the current paragraph's start (-1: none left).
  let nextBreak = -1;
  // A target price, a rating or "该行" goes on quoting the broker named before in the paragraph.
  const quotable = new QuotableCursor(s, mentions, sectorOf);
  // The owner of the last figure, for a sentence that goes on with "其中" (of which).
  let lastOwner: { mention: Mention; paragraph: number } | null = null;
  // The metric words of the sentence before the figure's clause, read only when asked: one
  // function for all the figures, reading the figure's sentence and clause set below.
  let topicInfo: SentenceInfo | null = null;
  let topicClauseStart = 0;
  const topicOf = (): MetricWord[] => {
    const info = topicInfo!;
    const sentence = info.bounds;
    // A clause that opens its sentence has no words before it: the sentence's are not read.
    if (topicClauseStart <= sentence.start) return NO_WORDS;
    if (!info.sentenceWords) info.sentenceWords = metricWords(s, sentence.start, Math.min(sentence.end, info.lastEnd + AFTER_WORDS));
    return wordsIn(info.sentenceWords, sentence.start, topicClauseStart);
  };
  // One context for all the figures, its fields set for each (no object per figure).
  const ctx: SubjectContext = { s, figure: figures[0], sentence: { start: 0, end: 0 }, clause: { start: 0, end: 0 }, parties: NO_MENTIONS, metric: 'other', metricWord: null, sentenceFigures: [] };
  for (let first = 0, number = 0; first < figures.length; number++) {
    const f0 = figures[first];
    let bounds = sentenceAt(s, f0.offset, f0.offset + f0.length);
    // A full stop inside a name ("Infra. Market raised…") ends no sentence.
    const cut = mentionAcross(mentions, bounds.start);
    if (cut) bounds = sentenceAt(s, cut.offset, f0.offset + f0.length);
    const all = mentionsIn(mentions, bounds);
    // A sentence about target prices, or one right after it in the same paragraph.
    const rates = RATING_WORD.test(s.slice(bounds.start, bounds.end));
    const ratingContext = rates || (ratedUpTo >= 0 && !lineBreakBetween(s, ratedUpTo, bounds.start));
    if (rates) ratedUpTo = bounds.end;
    // Without names there is no source to find (and no list to allocate).
    const sources = all.length ? sourcesIn(s, bounds, all, sectorOf, forecastScratch, ratingContext, rates) : NO_MENTIONS;
    const forecasters = forecastScratch.length ? forecastScratch.splice(0) : NO_MENTIONS;
    const info: SentenceInfo = {
      ratingContext,
      rates,
      bounds, number, sources, reported: sources, forecasters, owners: all.length ? all.filter((m) => (canOwn(m) || listedExchange(s, m)) && !sources.includes(m)) : NO_MENTIONS, figures: [],
      clauseStart: -1, clauseWords: null, moreClauseWords: null, sentenceWords: null, paragraph: 0, periods: null, lastEnd: f0.offset + f0.length,
      // Set later, once asked; present from the start so every sentence keeps one object shape.
      earlier: undefined, expects: undefined, grey: undefined, aggregate: undefined,
    };
    // The sentence's figures: those that start before it ends.
    let next = first;
    for (; next < figures.length && (next === first || figures[next].offset < bounds.end); next++) {
      const f = figures[next];
      if (!converted.has(f)) info.figures.push(f);
      info.lastEnd = f.offset + f.length;
      sentenceNumber[next] = number;
    }
    // A source carries on into a sentence that continues its report.
    if (prev && !info.sources.length && prev.reported.length && !lineBreakBetween(s, prev.bounds.end, bounds.start) && ((s.charCodeAt(prev.bounds.end) === 0x3b && bounds.start - prev.bounds.end <= 3 && /^;\s*$/.test(s.slice(prev.bounds.end, bounds.start))) || ANAPHOR.test(s.slice(bounds.start, bounds.start + 20)) || CONTINUES_REPORT.test(s.slice(bounds.start, bounds.start + 40)))) {
      info.sources = info.reported = prev.reported;
    }
    if (paragraph < 0) {
      paragraph = paragraphStart(s, bounds.start);
      nextBreak = s.indexOf('\n', paragraph);
    }
    while (nextBreak >= 0 && nextBreak < bounds.start) {
      paragraph = nextBreak + 1;
      nextBreak = s.indexOf('\n', paragraph);
    }
    info.paragraph = paragraph;
    if (!dateline || dateline.paragraph !== paragraph) {
      const opener = datelineSource(s, paragraph, mentionsIn(mentions, { start: paragraph, end: Math.min(s.length, paragraph + 60) }), sectorOf);
      dateline = opener ? { source: opener, paragraph } : null;
    }
    if (dateline) {
      // The outlet of a dateline owns none of the paragraph's figures.
      const outlet = dateline.source;
      if (info.owners.length) info.owners = info.owners.filter((m) => m.id !== outlet.id);
      if (!info.sources.length) info.sources = [outlet];
    }
    if (!info.sources.length) {
      const quoted = quotedBefore(s, info, prev, lastSourced, quotable);
      if (quoted) {
        info.sources = [quoted];
        if (info.owners.length) info.owners = info.owners.filter((m) => m.id !== quoted.id);
      }
    }
    if (info.sources.length) lastSourced = info;
    prev = info;
    for (let i = first; i < next; i++) {
      const f = figures[i];

      const sentence = info.bounds;
      const clause = clauseOf(s, sentence, f.offset, f.offset + f.length);
      const end = f.offset + f.length;
      // Periods are read once per sentence, up to a little past its last figure; metric words
      // once per clause, and those of the sentence before the clause only when asked.
      if (!info.periods) info.periods = periodsIn(s, sentence.start, Math.min(sentence.end, info.lastEnd + 80));
      let words = info.clauseStart === clause.start ? info.clauseWords : info.moreClauseWords?.get(clause.start);
      if (!words) {
        words = metricWords(s, clause.start, Math.min(clause.end, info.lastEnd + AFTER_WORDS));
        if (info.clauseWords === null) {
          info.clauseStart = clause.start;
          info.clauseWords = words;
        } else (info.moreClauseWords ??= new Map()).set(clause.start, words);
      }
      topicInfo = info;
      topicClauseStart = clause.start;
      const choice = chooseMetric(f, s, clause, words, topicOf);
      f.metric = choice.metric;
      f.period = periodOfFigure(s, info.periods, clause.start, clause.end, f.offset, end);
      // The source nearest before the figure in its sentence, else the first after it.
      let src: Mention | null = info.sources[0] ?? null;
      for (const m of info.sources) if (m.offset < f.offset) src = m;
      ctx.figure = f;
      ctx.sentence = sentence;
      ctx.clause = clause;
      ctx.parties = info.owners;
      ctx.metric = f.metric;
      ctx.metricWord = choice.word;
      ctx.sentenceFigures = info.figures;
      // A sentence that sets a figure against an estimate ("…$1.6 billion against expectations
      // of $1.5 billion, according to LSEG data"): the data firm states the estimate only (an
      // outlet reports the whole sentence).
      if (src && src.kind !== 'media' && src.offset >= sentence.start && src.offset < sentence.end && expectsIn(s, info) && !EXPECTATION.test(s.slice(clause.start, clause.end)) && (src.offset < clause.start || src.offset >= clause.end)) src = null;
      const { subject, counterparty, unnamed } = attribute(ctx);
      let owner = subject;
      // A sentence that names nobody before the amount goes on about the topic of the
      // sentences before it in the same paragraph ("The stock hit HK$311.40").
      // After a source in the same sentence, only "公司" / "the company" points back ("X证券预计公司…").
      let sourceBefore: Mention | undefined;
      for (const m of info.sources) if (m.offset >= sentence.start && m.offset < f.offset) { sourceBefore = m; break; }
      const pointsBack = sourceBefore && POINTS_BACK.test(s.slice(sourceBefore.offset + sourceBefore.length, f.offset));
      // After a broker's or a data firm's words a company's own measure (its revenue, its target
      // price, an estimate of its profit) is still about the company of the report.
      const aboutCompany = !!sourceBefore && (COMPANY_OWN.has(f.metric) || (f.metric === 'price' && info.ratingContext));
      if (!owner && !unnamed && f.metric !== 'market-size' && (!sourceBefore || pointsBack || aboutCompany)) {
        if (info.earlier === undefined) {
          // "公司" / "集团" / "the company" opening the sentence is the company the paragraph is about.
          const topic = COMPANY_ANAPHOR.test(s.slice(sentence.start, sentence.start + 16)) ? paragraphTopic(s, info.paragraph, sentence.start, mentions, info.sources, sectorOf) : null;
          info.earlier = topic ?? earlierTopic(s, sentence.start, info.paragraph, mentions, info.sources, sectorOf);
        }
        owner = info.earlier;
        // "其中第四季度营收…" (of which) goes on with the figures just before it.
        if (!owner && lastOwner && lastOwner.paragraph === info.paragraph && OF_WHICH.test(s.slice(sentence.start, sentence.start + 6))) owner = lastOwner.mention;
      }
      // Money raised, earned or sold by a whole sector or a count of companies, owned by no one,
      // is a sector total ("印度初创企业全年融资总额约105亿美元", "66 companies raised US$23.27 billion").
      if (!owner && SECTOR_METRICS.has(f.metric) && (info.aggregate ??= AGGREGATE.test(s.slice(sentence.start, sentence.end)))) f.metric = 'market-size';
      // Among target prices, a broker named with its own target states it; the target is the
      // rated company's ("包括大和证券、晨星…，分别为488元、540元").
      // The same for a broker's grey market ("辉立暗盘收报10.2元"): the price is the new listing's.
      if (owner && f.metric === 'price' && (info.ratingContext || (info.grey ??= GREY_MARKET.test(s.slice(sentence.start, sentence.end)))) && !listedWithCode(s, owner) && !RATED_AFTER.test(s.slice(owner.offset + owner.length, owner.offset + owner.length + 6)) && isBroker(owner, sectorOf)) {
        src = owner;
        if (info.earlier === undefined) info.earlier = earlierTopic(s, sentence.start, info.paragraph, mentions, info.sources, sectorOf);
        let rated: Mention | null = info.earlier && info.earlier.id !== src.id && !isBroker(info.earlier, sectorOf) ? info.earlier : null;
        rated ??= paragraphTopic(s, info.paragraph, sentence.start, mentions, info.sources, sectorOf);
        owner = rated && rated.id !== src.id && !isBroker(rated, sectorOf) ? rated : null;
      }
      // A broker or an outlet does not own a price per tonne or per ounce: it states it.
      if (owner && isThirdParty(owner, sectorOf) && ((f.per && f.per !== 'share') || (f.metric === 'price' && COMMODITY.test(s.slice(sentence.start, sentence.end))))) {
        src ??= owner;
        owner = null;
      }
      // A company that forecasts a market or another company's amount is its source.
      if (!src && info.forecasters.length && !(sourceBefore && !pointsBack)) {
        for (const m of info.forecasters) {
          if (m.offset >= f.offset || m.id === owner?.id || m.id === counterparty?.id) continue;
          // In the figure's clause, or opening the clause before it with its cue ("中信建投预测，…").
          if (m.offset >= clause.start || FORECAST_OPENS.test(s.slice(m.offset + m.length, clause.start))) src = m;
        }
      }
      if (owner) lastOwner = { mention: owner, paragraph: info.paragraph };
      f.subject = party(owner);
      f.counterparty = party(counterparty);
      f.source = src && src.id !== owner?.id ? party(src) : null;
    }
    first = next;
  }
  // "…5.11 billion dollars, or 60 cents per share": a per-share amount after "or" is the
  // amount before it per share, of the same metric (earnings, dividends).
  for (let i = 1; i < figures.length; i++) {
    const a = figures[i - 1];
    const b = figures[i];
    if (a.per === null && PER_SHARE_OF.has(a.metric ?? 'other') && isPerShare(s, b) && !isPerShare(s, a) && OR_GAP.test(s.slice(a.offset + a.length, b.offset))) {
      b.metric = a.metric;
      b.subject ??= a.subject;
    }
  }
  // A stated conversion is the amount it converts: it takes that figure's attribution.
  for (const { from: a, to: b } of conversions) {
    b.subject = a.subject;
    b.counterparty = a.counterparty;
    b.source = a.source;
    b.metric = a.metric;
    b.period = a.period;
  }
  groupFacts(s, figures, conversions, (i) => sentenceNumber[i]);
  lastList = null;
}
