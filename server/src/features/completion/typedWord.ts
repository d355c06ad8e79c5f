/**
 * What the user is typing before the cursor, for entity completion (issue 17): the
 * candidate starts of a name, longest first. Pure: a line of text and a column in it.
 *
 *  - In a run of Chinese characters a name may begin anywhere ("今天腾讯" holds 腾讯), so
 *    every suffix of the run of two characters or more is a candidate, longest first (up to
 *    MAX_CJK); the caller keeps the longest that matches something. A single character
 *    counts only when it stands alone (after a space, punctuation, Latin text or the start
 *    of the line): one character is a word in Chinese, but inside running prose it would
 *    open the list at nearly every keystroke.
 *  - A Latin or ticker token (letters, digits, "." ":" "&" "-" "'") of two characters or
 *    more; names of several words ("Contemporary Am") are tried from up to two words
 *    further back first.
 */

/** Longest Chinese suffix tried: the longest names are a dozen characters. */
export const MAX_CJK = 12;
/** Longest Latin token read back from the cursor. */
export const MAX_TOKEN = 64;

export interface TypedCandidate {
  /** Column (UTF-16) where the candidate begins; it ends at the cursor. */
  start: number;
  text: string;
  /** 'cjk' for Chinese characters, 'latin' for a token. */
  kind: 'cjk' | 'latin';
}

const isCjkCode = (c: number) => (c >= 0x3400 && c < 0xa000) || (c >= 0xf900 && c < 0xfb00);
/** Letters and digits, ASCII and full-width. */
const isAlnum = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
/** Characters inside a token: "0700.HK", "SZ:300750", "AT&T", "Cleveland-Cliffs", "McDonald's". */
const isTokenInner = (c: number) => c === 46 || c === 58 || c === 38 || c === 45 || c === 39 || c === 0xff0e || c === 0xff1a;

/** Candidates before column `col` of `line`, longest first; none when nothing is being typed. */
export function typedCandidates(line: string, col: number): TypedCandidate[] {
  const end = Math.max(0, Math.min(col, line.length));
  if (end === 0) return [];
  const last = line.charCodeAt(end - 1);
  if (isCjkCode(last)) {
    let start = end;
    while (start > 0 && end - start < MAX_CJK && isCjkCode(line.charCodeAt(start - 1))) start--;
    const runStart = start > 0 && isCjkCode(line.charCodeAt(start - 1)) ? -1 : start;
    const out: TypedCandidate[] = [];
    for (let s = start; s <= end - 2; s++) out.push({ start: s, text: line.slice(s, end), kind: 'cjk' });
    if (runStart === end - 1) out.push({ start: end - 1, text: line.slice(end - 1), kind: 'cjk' });
    return out;
  }
  if (!isAlnum(last)) return [];
  let start = end;
  const floor = Math.max(0, end - MAX_TOKEN);
  while (start > floor && (isAlnum(line.charCodeAt(start - 1)) || isTokenInner(line.charCodeAt(start - 1)))) start--;
  // A token longer than any name (a hash, a URL's path) is not one being typed.
  if (start === floor && start > 0 && (isAlnum(line.charCodeAt(start - 1)) || isTokenInner(line.charCodeAt(start - 1)))) return [];
  // A token never begins with punctuation (".HK" of "0700.HK" is not typed alone).
  while (start < end && isTokenInner(line.charCodeAt(start))) start++;
  if (start === end) return [];
  // The token alone needs two characters; a name of several words may end in a word of one ("Tencent M").
  const out: TypedCandidate[] = end - start >= 2 ? [{ start, text: line.slice(start, end), kind: 'latin' }] : [];
  // Words further back, joined by single spaces: "Contemporary Am".
  let s = start;
  for (let words = 0; words < 2; words++) {
    if (s < 2 || line.charCodeAt(s - 1) !== 32 || !isAlnum(line.charCodeAt(s - 2))) break;
    let w = s - 1;
    const wordFloor = Math.max(0, w - MAX_TOKEN);
    while (w > wordFloor && (isAlnum(line.charCodeAt(w - 1)) || isTokenInner(line.charCodeAt(w - 1)))) w--;
    s = w;
    out.unshift({ start: s, text: line.slice(s, end), kind: 'latin' });
  }
  return out;
}
