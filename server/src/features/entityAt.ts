/**
 * Pure helpers shared by the navigation features (definition, references, highlights,
 * rename): which entity mention is under the cursor. Where an entity's entry sits in the
 * user's entity file is found by its owner, analysis/userFiles/entities.ts.
 */
import type { Mention, Span } from '../analysis/types';
import { spanAt } from './positions';
import { firstEndingAfter } from '../analysis/text';

/** The parts of an indexed document these helpers read. */
export interface MentionSource {
  text: string;
  analysis: { mentions: Mention[] };
}

/**
 * The span of the ticker written apart from a mention ("騰訊控股(0700.HK)" → "0700.HK"), or
 * null when the mention carries no ticker or is the ticker itself. Where it is was recorded
 * by the analysis when it read the ticker (Mention.tickerOffset); nothing looks for it again.
 */
export function tickerSpan(mention: Mention): Span | null {
  const at = mention.tickerOffset;
  if (mention.ticker === null || at < 0 || at === mention.offset) return null;
  return { offset: at, length: mention.ticker.length };
}

/** How many mentions back from an offset may own the ticker there ("阿里巴巴(蚂蚁集团, 9988.HK)": two). */
const TICKER_OWNER_REACH = 4;

/**
 * The mention whose ticker, written apart from it, contains `offset` (end inclusive), or
 * undefined. Only the few mentions ending before the offset can own a ticker there: the
 * name and the other names of its parenthesis.
 */
export function tickerOwnerAt(mentions: readonly Mention[], offset: number): Mention | undefined {
  const lo = firstEndingAfter(mentions, offset);
  for (let k = lo - 1; k >= 0 && k >= lo - TICKER_OWNER_REACH; k--) {
    const t = tickerSpan(mentions[k]);
    if (t && offset >= t.offset && offset <= t.offset + t.length) return mentions[k];
  }
  return undefined;
}

/**
 * The entity mention at an offset: the mention whose span contains it (end inclusive), or
 * the mention whose ticker, written apart from it, contains it. Mentions are in document
 * order, as the analysis produces them.
 */
export function entityAt(doc: MentionSource, offset: number): Mention | undefined {
  return spanAt(doc.analysis.mentions, offset) ?? tickerOwnerAt(doc.analysis.mentions, offset);
}
