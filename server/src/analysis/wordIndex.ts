/**
 * Word lists grouped by one end character, for the rules that ask "does one of these words
 * stand here?" at many positions. Looping over a whole list compares every word; almost all
 * of them fail on their first character, so the group of words that share the character in
 * the text is all that needs comparing. Groups keep the order of the list, so "the first
 * word of the list that matches" is the same word as before.
 */

const NONE: readonly string[] = [];

export class WordIndex {
  /** One bit per character that some word has at the indexed place. */
  private readonly bits = new Int32Array(2048);
  private readonly groups = new Map<number, string[]>();

  /**
   * Indexes `words` by their character at `place`: 0 for the first, 1 for the second, -1 for
   * the last, -2 for the one before it. Every word must be long enough to have it.
   */
  constructor(words: Iterable<string>, private readonly place = 0) {
    for (const w of words) {
      const c = w.charCodeAt(place >= 0 ? place : w.length + place);
      if (Number.isNaN(c)) throw new Error(`WordIndex: "${w}" has no character at ${place}`);
      this.bits[c >> 5] |= 1 << (c & 31);
      const group = this.groups.get(c);
      if (group) group.push(w);
      else this.groups.set(c, [w]);
    }
  }

  /**
   * The words whose indexed character is `c`, in the list's order; empty when there are none
   * (also for NaN, which charCodeAt gives past the end of a string: no word has character 0).
   */
  with(c: number): readonly string[] {
    if (((this.bits[c >> 5] >>> c) & 1) === 0) return NONE;
    return this.groups.get(c) ?? NONE;
  }

  /** The first word of the list written in `s` at `at`, or null (for an index by a place from the start). */
  startingAt(s: string, at: number): string | null {
    for (const w of this.with(s.charCodeAt(at + this.place))) if (startsWithAt(s, w, at)) return w;
    return null;
  }

  /** The first word of the list written in `s` right before `end`, or null (for an index by a place from the end). */
  endingAt(s: string, end: number): string | null {
    for (const w of this.with(s.charCodeAt(end + this.place))) if (end >= w.length && startsWithAt(s, w, end - w.length)) return w;
    return null;
  }
}

/** Whether `word` is written in `s` at `at`. */
export function startsWithAt(s: string, word: string, at: number): boolean {
  if (at < 0 || at + word.length > s.length) return false;
  for (let k = 0; k < word.length; k++) if (s.charCodeAt(at + k) !== word.charCodeAt(k)) return false;
  return true;
}
