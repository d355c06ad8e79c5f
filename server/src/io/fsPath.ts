/**
 * File names that are bytes. On Linux a name can be any bytes but '/' and NUL; node hands
 * names out as UTF-8 strings and turns bytes that are not UTF-8 into U+FFFD, after which the
 * path names no file. Such a path is kept as a Buffer (node's fs takes Buffer paths), names
 * that are UTF-8 stay strings: the common case costs nothing.
 *
 * Two spellings of a byte path as text:
 * - `losslessName`: bytes that are not UTF-8 become the lone surrogates U+DC80..U+DCFF (one
 *   per byte), which no decoded name can contain: an exact key for sorting and glob matching,
 *   never shown to anyone.
 * - `displayPath`: what the CLI prints, in every format: each byte that is not part of UTF-8
 *   written `\xHH`, and (POSIX) a backslash that would read as such an escape written `\x5c`,
 *   so that two files never print the same and the bytes can be recovered from the text.
 */
import { sep } from 'node:path';

/** A path as node's fs takes it: text, or the exact bytes of a name that is not UTF-8. */
export type FsPath = string | Buffer;

/** Length of the well-formed UTF-8 sequence starting at `i`, or 0 when it is not one. */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  const cont = (k: number) => i + k < b.length && (b[i + k] & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    const c1 = b[i + 1];
    // No overlong forms (E0 80..9F) and no encoded surrogates (ED A0..BF).
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 >= 0xa0)) return 0;
    return 3;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const c1 = b[i + 1];
    // No overlong forms (F0 80..8F) and nothing above U+10FFFF (F4 90..).
    if ((c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 >= 0x90)) return 0;
    return 4;
  }
  return 0;
}

/** Whether `bytes` are well-formed UTF-8. */
export function isUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceLength(bytes, i);
    if (n === 0) return false;
    i += n;
  }
  return true;
}

/** The bytes as text, each byte that is not part of UTF-8 as the lone surrogate U+DC00 + byte. */
export function losslessName(bytes: Uint8Array): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out += Buffer.from(bytes.buffer, bytes.byteOffset + from, i - from).toString('utf8') + String.fromCharCode(0xdc00 + bytes[i]);
    from = ++i;
  }
  return out + Buffer.from(bytes.buffer, bytes.byteOffset + from, bytes.length - from).toString('utf8');
}

/** A text key of a path (the lossless spelling of a Buffer). */
export function pathKey(p: FsPath): string {
  return typeof p === 'string' ? p : losslessName(p);
}

/** Whether code unit `i` of `s` is a raw byte of `losslessName` (a low surrogate of U+DC80..U+DCFF without its high one). */
function rawByteAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0xdc80 || c > 0xdcff) return false;
  const before = i > 0 ? s.charCodeAt(i - 1) : 0;
  return before < 0xd800 || before > 0xdbff;
}

/** The path a lossless text stands for: a Buffer when it holds raw bytes, else the text itself. */
export function fromLossless(s: string): FsPath {
  const parts: Buffer[] = [];
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (!rawByteAt(s, i)) continue;
    parts.push(Buffer.from(s.slice(from, i), 'utf8'), Buffer.of(s.charCodeAt(i) - 0xdc00));
    from = i + 1;
  }
  if (from === 0) return s;
  parts.push(Buffer.from(s.slice(from), 'utf8'));
  return Buffer.concat(parts);
}

/** `dir` and then one name below it, as path.join would write them; bytes when either is bytes. */
export function joinName(dir: FsPath, name: FsPath, join: (a: string, b: string) => string): FsPath {
  if (typeof dir === 'string' && typeof name === 'string') return join(dir, name);
  // path.join's spelling of the folder, taken from the join of a plain one-letter name.
  const head = typeof dir === 'string' ? Buffer.from(join(dir, 'x').slice(0, -1), 'utf8') : Buffer.concat([dir, Buffer.from(sep)]);
  return Buffer.concat([head, typeof name === 'string' ? Buffer.from(name, 'utf8') : name]);
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** Whether position `i` of `s` starts `\x` and two hexadecimal digits. */
function escapeLike(s: string, i: number): boolean {
  return s.charCodeAt(i) === 0x5c && s.charCodeAt(i + 1) === 0x78 && isHex(s.charCodeAt(i + 2)) && isHex(s.charCodeAt(i + 3));
}

/** A lossless spelling written for people and programs: raw bytes as `\xHH`, an escape-like backslash as `\x5c`. */
function escapedText(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const raw = rawByteAt(s, i);
    if (!raw && !escapeLike(s, i)) continue;
    out += s.slice(from, i) + '\\x' + (raw ? s.charCodeAt(i) - 0xdc00 : 0x5c).toString(16).padStart(2, '0');
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * How the CLI writes a path (json, jsonl, csv, table and messages alike): the same file
 * always the same text, two files never. A UTF-8 path without `\x` in it, the usual case,
 * is returned as it is. On Windows a backslash is the separator and names are never bytes.
 */
export function displayPath(p: FsPath): string {
  if (typeof p !== 'string') return escapedText(losslessName(p));
  if (sep === '\\' || !p.includes('\\x')) return p;
  return escapedText(p);
}
