/**
 * Pure helpers shared by the navigation features (definition, references, highlights,
 * rename): which entity mention is under the cursor. Where an entity's entry sits in the
 * user's entity file is found by its owner, analysis/userFiles/entities.ts.
 */
import type { Mention, Span } from '../analysis/types';
import { spanAt } from './positions';

/** The parts of an indexed document these helpers read. */
export interface MentionSource {
  text: string;
  analysis: { mentions: Mention[] };
}

/**
 * The span of the ticker written right after a mention ("騰訊控股(0700.HK)" → "0700.HK"),
 * or null when the mention carries no ticker. At most one bracket or space may sit between
 * the name and the ticker, as the analysis allows.
 */
export function tickerSpanAfter(text: string, mention: Mention): Span | null {
  if (!mention.ticker) return null;
  let i = mention.offset + mention.length;
  const limit = Math.min(text.length, i + 3);
  while (i < limit && /[\s(（\[【:：]/.test(text[i])) i++;
  const start = i;
  while (i < text.length && i - start < 24 && /[A-Za-z0-9.:\-]/.test(text[i])) i++;
  return i > start ? { offset: start, length: i - start } : null;
}

/**
 * The entity mention at an offset: the mention whose span contains it (end inclusive), or
 * the mention whose ticker, written right after it, contains it. Mentions are in document
 * order, as the analysis produces them.
 */
export function entityAt(doc: MentionSource, offset: number): Mention | undefined {
  const mentions = doc.analysis.mentions;
  const direct = spanAt(mentions, offset);
  if (direct) return direct;
  // The closest mention that ends before the offset; only it can own a ticker there.
  let lo = 0;
  let hi = mentions.length - 1;
  let before = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].offset + mentions[mid].length <= offset) {
      before = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (before < 0) return undefined;
  const m = mentions[before];
  const ticker = tickerSpanAfter(doc.text, m);
  return ticker && offset >= ticker.offset && offset <= ticker.offset + ticker.length ? m : undefined;
}
