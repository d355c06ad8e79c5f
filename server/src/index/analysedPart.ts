/**
 * How much of an open document is analysed. A note on disk over digestLens.maxFileSize is
 * not indexed at all; an open one is the user's to read, so the analysis covers its first
 * maxFileSize bytes (UTF-8, as on disk) and stops at the last line break before that, so no
 * sentence is cut in two. This keeps a huge document (tens of megabytes pasted into an
 * editor) within the server's time and memory, and the diagnostics tell the user where the
 * analysis stops.
 */

/** Code units of `text` that are analysed under a cap of `maxBytes` UTF-8 bytes. */
export function analysedLength(text: string, maxBytes: number): number {
  // Every code unit is at most 3 bytes (a surrogate pair is 4 for two), so a short text
  // needs no counting at all.
  if (!(maxBytes < text.length * 3)) return text.length;
  let bytes = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : (c & 0xfc00) === 0xd800 || (c & 0xfc00) === 0xdc00 ? 2 : 3;
    if (bytes > maxBytes) break;
  }
  if (i >= text.length) return text.length;
  // Back to the end of the last whole line; a text with no line break keeps the cut.
  const lineEnd = Math.max(text.lastIndexOf('\n', i - 1), text.lastIndexOf('\r', i - 1));
  if (lineEnd > 0) return lineEnd + 1;
  // Never split a surrogate pair.
  return i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800 ? i - 1 : i;
}
