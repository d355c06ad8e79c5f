/**
 * The caps on what a user's entity and theme files may hold. A file beyond them is not an
 * error of syntax but of size: the entries within the caps are kept, the rest are reported
 * (a diagnostic at the entry, a line on stderr in the CLI) and left out. They exist so that
 * a huge or hostile file costs the server and the CLI a bounded time and memory
 * (`npm run bench -- --case userFiles` measures the worst files within them) and they are
 * far above what a hand-written or generated list of companies and themes needs.
 * Pure: one owner of the numbers and of the words that say a cap was met.
 */

/** Characters (UTF-16 code units) of one user file; a longer file is not read at all. */
export const MAX_FILE_CHARS = 2_000_000;
/** Entities read from one entity file. */
export const MAX_ENTITIES = 5_000;
/** Characters of an entity's name, each alias and its id. */
export const MAX_NAME_CHARS = 100;
/** Characters of one ticker. */
export const MAX_TICKER_CHARS = 24;
/** Aliases (with name_en, name_zh) and tickers of one entity, each. */
export const MAX_ALIASES = 50;
/** Themes read from one theme file (entries of one id count once). */
export const MAX_THEMES = 200;
/** Keywords of one theme, and exclusions of one theme, each (after entries of one id merge). */
export const MAX_KEYWORDS_PER_THEME = 200;
/** Keywords and exclusions of one theme file in all. */
export const MAX_KEYWORDS_PER_FILE = 2_000;
/** Characters of one keyword or exclusion. */
export const MAX_KEYWORD_CHARS = 32;

/** Problems reported of one file; the rest are counted in one more. */
export const MAX_PROBLEMS = 100;

/** The words of a file over MAX_FILE_CHARS. */
export function fileTooLarge(length: number): string {
  return `File too large (${length.toLocaleString('en-US')} characters, at most ${MAX_FILE_CHARS.toLocaleString('en-US')}): nothing in it is used`;
}

/** The words of a list cut at its cap: `what` in the plural ("entities"). */
export function tooMany(what: string, cap: number, where = 'file'): string {
  return `More than ${cap.toLocaleString('en-US')} ${what} in this ${where}: this one and the rest are ignored`;
}

/** The words of a text over its length cap. */
export function tooLong(what: string, length: number, cap: number): string {
  return `${what} too long (${length.toLocaleString('en-US')} characters, at most ${cap}): ignored`;
}

const LETTER = /\p{L}/u;

/**
 * Why a (trimmed) theme keyword cannot be used, or null. One character ("的", "1") or a
 * keyword without a letter ("2024", "--") would match nearly every note and make every
 * hit of it a hit of each theme that lists it.
 */
export function keywordProblem(keyword: string): string | null {
  if (keyword.length > MAX_KEYWORD_CHARS) return tooLong('Keyword', keyword.length, MAX_KEYWORD_CHARS);
  if (isSingleCharacter(keyword)) return `Keyword "${keyword}" is a single character: it would match almost every note (ignored)`;
  if (!LETTER.test(keyword)) return `Keyword "${keyword}" has no letter or Chinese character (only digits or punctuation): ignored`;
  return null;
}

/** True for a text of at most one character (code points: one outside the BMP is one). */
export function isSingleCharacter(text: string): boolean {
  let chars = 0;
  for (const _ of text) if (++chars > 1) return false;
  return true;
}

/**
 * The words for an entity name or alias of one character ("的", "X"): never matched in a
 * note (the gazetteer's rule), since it would match inside ordinary words everywhere.
 */
export function singleCharacterName(what: 'Name' | 'Alias', name: string): string {
  return what === 'Alias'
    ? `Alias "${name}" is a single character: it would match inside ordinary words, so it is not used (ignored)`
    : `Name "${name}" is a single character: it is shown but never matched in notes (it would match inside ordinary words); add a longer alias`;
}
