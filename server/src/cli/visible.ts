/**
 * Text from a folder (file names, entity names, theme labels, figures) shown to a person in
 * a terminal: every control character written as an escape, so that a name cannot move
 * the cursor, clear the screen, set the window title or write the clipboard (ESC, OSC and
 * CSI sequences), nor reorder what is shown (bidirectional overrides). Line ends of the
 * output itself are not text from the folder and stay.
 */

/** Whether code unit `c` is shown as an escape: C0 but line feed, DEL, C1, and the bidirectional controls. */
function hidden(c: number, keepLineFeed: boolean): boolean {
  if (c < 0x20) return !(keepLineFeed && c === 0x0a);
  if (c === 0x7f || (c >= 0x80 && c <= 0x9f)) return true;
  return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0x200e || c === 0x200f || c === 0x061c;
}

function escapeOf(c: number): string {
  if (c === 0x09) return '\\t';
  if (c === 0x0a) return '\\n';
  if (c === 0x0d) return '\\r';
  return c < 0x100 ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
}

/**
 * `s` with its control characters escaped ("\x1b", "\u202e"); `keepLineFeed` for a whole
 * message whose line ends are the program's own. Text without any is returned as it is.
 */
export function visible(s: string, keepLineFeed = false): string {
  let i = 0;
  while (i < s.length && !hidden(s.charCodeAt(i), keepLineFeed)) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += hidden(c, keepLineFeed) ? escapeOf(c) : s[i];
  }
  return out;
}
