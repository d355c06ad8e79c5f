/**
 * The caps on a user's rates file (issue 15). A desk's file of every working day since 2000
 * for thirty currencies is about 200,000 lines; the caps sit well above that and bound what
 * a huge or hostile file costs the server and the CLI (one pass, a few arrays per row).
 * Pure: the numbers only; their words are messages of the l10n tables (ratesFile.*).
 */

/** Characters (UTF-16 code units) of one rates file; a longer file is not used at all. */
export const MAX_RATES_FILE_CHARS = 16_000_000;
/** Rate lines read from one file; the lines after are reported once and ignored. */
export const MAX_RATE_ROWS = 500_000;
/** Problems reported of one file; the rest are counted in one more. */
export const MAX_RATE_PROBLEMS = 100;
