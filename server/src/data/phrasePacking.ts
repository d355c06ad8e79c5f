/**
 * The shipped form of opencc-js's Simplified→Traditional phrase dictionary (STPhrases):
 * about 49,000 "phrase conversion" pairs, most of opencc-js's size. esbuild.mjs packs it into
 * dist/opencc.js.br; the bundle unpacks it when opencc is first loaded. Both sides work on
 * opencc's own serialized form ("src dst|src dst|…"), so what opencc-js loads is byte for
 * byte the dictionary it ships.
 *
 * Two facts make it small:
 *  - the phrases are sorted, so each one is written as how many leading code units it shares
 *    with the one before, then the rest ("一出剧场" after "一出剧" is "3场");
 *  - four in five conversions are just the character table (STCharacters) applied to each
 *    character; their target is left out. The others keep a target in which every character
 *    that the character table already gives is written as '.', so only the characters the
 *    phrase exists for remain ("一出子 一齣子" is "一出子 .齣.").
 * Every phrase stays in the dictionary even when its target follows from the characters:
 * opencc matches the longest phrase, so such entries still decide how text is cut up.
 */

/** Marks a character of a target that equals the character table's conversion. */
const SAME = '.';

/** Digits (the shared-beginning counts) and SAME have a meaning in the packed form. */
const reserved = (ch: string): boolean => ch === SAME || (ch >= '0' && ch <= '9');

/** The character table (opencc's "src dst|…" form) as a map of code points. */
function characterMap(characters: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of characters.split('|')) {
    const space = entry.indexOf(' ');
    map.set(entry.slice(0, space), entry.slice(space + 1));
  }
  return map;
}

/** `phrase` converted character by character with the table. */
function byCharacters(phrase: string, table: Map<string, string>): string {
  let out = '';
  for (const ch of phrase) out += table.get(ch) ?? ch;
  return out;
}

/** The packed form of `phrases` (opencc's "src dst|…" form); `characters` likewise. */
export function packPhrases(phrases: string, characters: string): string {
  const table = characterMap(characters);
  const out: string[] = [];
  let previous = '';
  for (const entry of phrases.split('|')) {
    const parts = entry.split(' ');
    if (parts.length !== 2 || [...entry].some(reserved)) throw new Error(`packPhrases: cannot pack the entry "${entry}"`);
    const [source, target] = parts;
    let shared = 0;
    while (shared < source.length && shared < previous.length && source[shared] === previous[shared]) shared++;
    let text = `${shared}${source.slice(shared)}`;
    const expected = byCharacters(source, table);
    if (target !== expected) text += ` ${marked(target, expected)}`;
    out.push(text);
    previous = source;
  }
  const packed = out.join('|');
  // The format leaves no room for doubt, but a dictionary that does not come back exactly
  // must stop the build rather than ship a different conversion.
  if (unpackPhrases(packed, characters) !== phrases) throw new Error('packPhrases: the packed dictionary does not unpack to the original');
  return packed;
}

/**
 * `target` with each character equal to the same character of `expected` written as SAME;
 * a target of another length (none today) is kept whole.
 */
function marked(target: string, expected: string): string {
  const t = [...target];
  const e = [...expected];
  if (t.length !== e.length) return target;
  return t.map((ch, i) => (ch === e[i] ? SAME : ch)).join('');
}

/** opencc's "src dst|…" form of a dictionary packed by `packPhrases`, with the same `characters`. */
export function unpackPhrases(packed: string, characters: string): string {
  const table = characterMap(characters);
  const out: string[] = [];
  let previous = '';
  for (const entry of packed.split('|')) {
    let digits = 0;
    while (entry.charCodeAt(digits) >= 48 && entry.charCodeAt(digits) <= 57) digits++;
    const space = entry.indexOf(' ', digits);
    const source = previous.slice(0, Number(entry.slice(0, digits))) + entry.slice(digits, space < 0 ? entry.length : space);
    const expected = byCharacters(source, table);
    out.push(`${source} ${space < 0 ? expected : unmarked(entry.slice(space + 1), expected)}`);
    previous = source;
  }
  return out.join('|');
}

/** The target written by `marked`: each SAME becomes the expected character at its place. */
function unmarked(target: string, expected: string): string {
  if (!target.includes(SAME)) return target;
  const e = [...expected];
  let out = '';
  let i = 0;
  for (const ch of target) {
    out += ch === SAME ? e[i] : ch;
    i++;
  }
  return out;
}
