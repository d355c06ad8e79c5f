/**
 * Stated conversions: a figure restated in another currency right after it
 * ("1,600 亿人民币(约 230 亿美元)", "HK$4.19B / $538M", "$1 billion, or 7.1 billion yuan").
 * Used by fact grouping (one fact) and by the conversion check (is the stated rate right?).
 */
import type { Figure } from '../types';

export interface ConversionPair {
  /** The figure as first written. */
  from: Figure;
  /** Its stated conversion. */
  to: Figure;
}

// Words that introduce a restatement. Longer alternatives first so "约合" is not read as "约".
const HEDGE = String.raw`(?:约等于|約等於|约折合|約折合|约折|約折|约合|約合|折合|相当于|相當於|等于|等於|大约|大約|约为|約為|约|約|合|即|或|about|approximately|approx\.?|around|roughly|some|circa|c\.|or(?:\s+about|\s+roughly|\s+around|\s+approximately|\s+nearly|\s+some)?|i\.e\.,?|~|≈|≒)`;
/** A note on the currency opening the parenthesis: "(以下同，约…", "(新台币‧下同,约…", "（下同，…". */
const CURRENCY_NOTE = String.raw`[^()（）\d]{0,8}?下同\s*[,，、;；]?`;
/** "(" or "（" (after a trade term such as "CFR"), then an optional hedge: "1,600 亿人民币(约 230 亿美元)". */
const PAREN_GAP = new RegExp(String.raw`^\s*(?:[A-Z]{2,4}\s*)?[(（]\s*(?:${CURRENCY_NOTE}\s*)?(?:(?:${HEDGE}|近|逾|超过|超過)\s*)?$`, 'i');
/** "/" with an optional hedge: "HK$4.19B / $538M". */
const SLASH_GAP = new RegExp(String.raw`^\s*[/／]\s*(?:${HEDGE}\s*)?$`, 'i');
/**
 * A comma is only a restatement when a conversion word follows it: "$1 billion, or 7.1 billion yuan",
 * "0.1美元，即派息10美仙", "，相当于将近5.5兆台币".
 * The spaces after the comma belong to the optional comma group: `\s*[,，]?\s*` would let two
 * adjacent `\s*` share a run of spaces, quadratic backtracking on a long one.
 */
const WORD_GAP = new RegExp(String.raw`^\s*(?:[,，]\s*)?${HEDGE}\s*(?:(?:将近|接近|近|约|約|派息|派|[\u4e00-\u9fff]{1,2}币|[\u4e00-\u9fff]{1,2}幣)\s*)?$`, 'i');

/** A converting verb and a few words: "，换算新台币营收将为", "，折合人民币约". */
const CONVERTS_GAP = /^\s*(?:[,，]\s*)?(?:换算|換算|折合|折算)[^\d,，。;；()（）]{0,12}$/;

/** The longest text between two figures that can still be a restatement. */
const MAX_GAP = 24;

/** True when the text between two figures makes the second a restatement of the first. */
export function isConversionGap(gap: string): boolean {
  if (gap.length > MAX_GAP || gap.includes('\n')) return false;
  return PAREN_GAP.test(gap) || SLASH_GAP.test(gap) || WORD_GAP.test(gap) || CONVERTS_GAP.test(gap);
}

/**
 * Pairs each figure with the stated conversion written right after it. Figures must be in
 * document order (as the analysis gives them). A per-unit price pairs with a price of the
 * same unit, or with one that leaves the unit implicit ("15.2 万元/吨(约 2,180 美元)").
 */
export function pairConversions(text: string, figures: readonly Figure[]): ConversionPair[] {
  const pairs: ConversionPair[] = [];
  for (let i = 0; i + 1 < figures.length; i++) {
    const from = figures[i];
    const to = figures[i + 1];
    if (from.currency === to.currency) continue;
    if (to.per !== null && to.per !== from.per) continue;
    if (from.per === null && to.per !== null) continue;
    const gapStart = from.offset + from.length;
    if (to.offset < gapStart || to.offset - gapStart > MAX_GAP) continue;
    if (!isConversionGap(text.slice(gapStart, to.offset))) continue;
    pairs.push({ from, to });
  }
  return pairs;
}
