/**
 * What the status bar says of the rate the active note's conversions use (issue 15): the
 * rate's own day (or month), and its kind when it is not a built-in rate (your rates file,
 * downloaded rates), in the item's text; a whole sentence for its tooltip. Pure: the caller
 * passes vscode.l10n.t, so that the words come from the l10n bundles and a unit test can
 * check them (test/unit/user-rates-status.test.ts).
 */
import type * as P from '../../protocol/src';

/** vscode.l10n.t's shape: a message of the bundles and its arguments. */
export type L10n = (message: string, ...args: (string | number)[]) => string;

/** The rate's date for the item's text: "2024-03-15", "2024-03-15 · your rates", "2024-03". */
export function noteRateLabel(note: P.NoteRatesResult, t: L10n): string {
  const date = note.rateDate ?? note.rateMonth;
  if (note.rateKind === 'user') return isDay(date) ? t('{0} · your rates', date) : t('{0} · your setting', date);
  if (note.rateKind === 'downloaded') return t('{0} · downloaded', date);
  return date;
}

/** The tooltip's sentence for a dated note: which rate, of which day, from where. */
export function noteRateSentence(note: P.NoteRatesResult & { date: string }, t: L10n): string {
  const date = note.rateDate ?? note.rateMonth;
  const source = note.rateSource ?? '';
  switch (note.rateKind) {
    case 'daily':
      return t('This note is dated {0}: its amounts are converted at the daily rates of {1} ({2})', note.date, date, source);
    case 'nearest-earlier':
      return t('This note is dated {0}: its amounts are converted at the rates of {1}, the nearest earlier day with rates ({2})', note.date, date, source);
    case 'user':
      return isDay(date)
        ? t('This note is dated {0}: its amounts are converted at your own rates of {1} ({2})', note.date, date, source)
        : t('This note is dated {0}: its amounts are converted at your rate setting (digestLens.rateOverrides)', note.date);
    case 'downloaded':
      return t('This note is dated {0}: its amounts are converted at the downloaded rates of {1} ({2})', note.date, date, source);
    case 'monthly':
      return t('This note is dated {0}: its amounts are converted at the monthly average rates of {1} ({2})', note.date, date, source);
    default:
      // A server older than the rate's kind: the month, as before.
      return t('This note is dated {0}: its amounts are converted at the rates of {1}', note.date, note.rateMonth);
  }
}

const isDay = (date: string) => date.length === 10;
