/**
 * Text normalisation that never moves an offset: every output character stands at the
 * same UTF-16 index as the character it came from. Recognisers scan the folded text and
 * slice the original for display.
 */
import { builtinData } from '../data/builtin';
import { COMPAT_RANGES } from './compatFold';

const FOLD = new Uint16Array(65536);
for (let i = 0; i < 65536; i++) FOLD[i] = i;
// Full-width ASCII forms (！ to ～) to their ASCII counterparts.
for (let c = 0xff01; c <= 0xff5e; c++) FOLD[c] = c - 0xfee0;
FOLD[0x3000] = 0x20; // ideographic space
FOLD[0x00a0] = 0x20; // no-break space
FOLD[0x2009] = 0x20; // thin space
FOLD[0x202f] = 0x20; // narrow no-break space
FOLD[0xfe50] = 0x2c; // small comma
FOLD[0xfe52] = 0x2e; // small full stop, a decimal point in Hong Kong papers ("98﹒93億元")
FOLD[0xff64] = 0x3001; // halfwidth ideographic comma
FOLD[0x2019] = 0x27; // right single quotation mark, the apostrophe of most English news ("Dr. Reddy’s")
/** The Traditional→Simplified pairs of t2s.json, read (and decompressed) once for both tables below. */
const T2S_PAIRS: string = (builtinData('t2s') as { pairs: string }).pairs;
{
  const pairs = T2S_PAIRS;
  for (let i = 0; i + 1 < pairs.length; i += 2) FOLD[pairs.charCodeAt(i)] = pairs.charCodeAt(i + 1);
  // Old and variant forms common in Taiwan and Hong Kong text that the table leaves alone.
  const variants = '尙尚淸清靑青緖绪鄕乡値值硏研顚颠擧举槪概吿告祕秘僞伪郞郎';
  for (let i = 0; i + 1 < variants.length; i += 2) FOLD[variants.charCodeAt(i)] = FOLD[variants.charCodeAt(i + 1)];
  // Kangxi radicals and CJK compatibility ideographs that stand for a unified ideograph
  // (交通银⾏ written with the radical ⾏) fold like that ideograph (their NFKC form).
  for (const [from, , targets] of COMPAT_RANGES) {
    for (let k = 0; k < targets.length; k++) {
      const x = targets.charCodeAt(k);
      if (x !== 0) FOLD[from + k] = FOLD[x];
    }
  }
  // One step is enough for every character: a folded character folds to itself. Only
  // characters that fold at all can change, visited in ascending order as a pass over
  // every code unit would (a character that folds to itself is left as it is).
  const moved: number[] = [];
  for (let c = 0xff01; c <= 0xff5e; c++) moved.push(c);
  for (const c of [0x3000, 0x00a0, 0x2009, 0x202f, 0xfe50, 0xfe52, 0xff64, 0x2019]) moved.push(c);
  for (let i = 0; i + 1 < pairs.length; i += 2) moved.push(pairs.charCodeAt(i));
  for (let i = 0; i + 1 < variants.length; i += 2) moved.push(variants.charCodeAt(i));
  for (const [from, to] of COMPAT_RANGES) for (let c = from; c < to; c++) moved.push(c);
  moved.sort((x, y) => x - y);
  for (let i = 0; i < moved.length; i++) {
    const c = moved[i];
    if (i > 0 && moved[i - 1] === c) continue; // each once, as in a pass over every code unit
    let f = FOLD[c];
    for (let k = 0; k < 4 && FOLD[f] !== f; k++) f = FOLD[f];
    FOLD[c] = f;
  }
}

/**
 * Script of each code unit for `foldDocument`'s count, in one table read: bit 0 is set for
 * CJK unified ideographs (the characters script detection counts), bit 1 for the
 * Traditional characters that folding changes (all of them are CJK ideographs).
 */
const SCRIPT = new Uint8Array(65536);
SCRIPT.fill(1, 0x3400, 0xa000);
{
  const pairs = T2S_PAIRS;
  for (let i = 0; i + 1 < pairs.length; i += 2) SCRIPT[pairs.charCodeAt(i)] |= 2;
}
/** True for characters that Traditional-to-Simplified folding changes. */
const isTraditionalCode = (c: number): boolean => (SCRIPT[c] & 2) !== 0;

/** Folds one UTF-16 code unit: full-width to ASCII, Traditional to Simplified. */
export function foldCode(code: number): number {
  return FOLD[code];
}

/** The shared code-unit buffer and the string it holds (see `codeUnits`). */
let unitsOf: string | null = null;
let unitsBuffer = new Uint16Array(1 << 16);
/** The shared buffer seen as pairs of code units (see `wordsOf`). */
let unitsWords: Int32Array = new Int32Array(unitsBuffer.buffer);

/** The code-unit buffer `buf` as 32-bit words, two code units each (an odd last unit is left out). */
function wordsOf(buf: Uint16Array): Int32Array {
  if (unitsWords.buffer !== buf.buffer) unitsWords = new Int32Array(buf.buffer, buf.byteOffset, buf.length >> 1);
  return unitsWords;
}

/**
 * True where Buffer exists and typed arrays are little-endian, so that a Uint16Array over
 * bytes Buffer wrote as UTF-16LE holds the code units.
 */
const NATIVE_UTF16LE = typeof Buffer !== 'undefined' && new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** The text of the last `foldDocument` call and its folded form (see `foldedUnitsOf`). */
let foldedSource: string | null = null;
let foldedResult: string | null = null;

/** Builds a string from UTF-16 code units; Buffer is the fastest path where it exists. */
function fromCodeUnits(units: Uint16Array, n: number): string {
  if (typeof Buffer !== 'undefined') return Buffer.from(units.buffer, units.byteOffset, n * 2).toString('utf16le');
  return new TextDecoder('utf-16le').decode(units.subarray(0, n));
}

/**
 * Folds a whole string: full-width forms to ASCII, odd spaces to a plain space and
 * Traditional to Simplified Chinese, one code unit for one code unit.
 */
export function foldText(text: string): string {
  return foldDocument(text).folded;
}

/**
 * Folds a document and, in the same pass, tells whether it is mostly Traditional script
 * (Traditional text has 15-30% of its CJK characters changed by folding; Simplified text
 * almost none).
 */
export function foldDocument(text: string): { folded: string; traditional: boolean } {
  const n = text.length;
  // The folded units go straight into the shared code-unit buffer (see `codeUnits`): the
  // scanners that follow read the folded text from there without copying it again.
  // A very large buffer is not kept alive after a huge document.
  if (unitsBuffer.length < n + 2) unitsBuffer = new Uint16Array(Math.max(n + 2, unitsBuffer.length * 2));
  else if (unitsBuffer.length > 1 << 22 && n + 2 <= 1 << 16) unitsBuffer = new Uint16Array(1 << 16);
  const buf = unitsBuffer;
  unitsOf = null;
  let trad = 0;
  let cjk = 0;
  let changed = 0;
  if (NATIVE_UTF16LE) {
    // Copy the text in one native call, then fold it in place, two code units per step
    // through a 32-bit view (each half is folded where it stands, whatever the byte
    // order): reading a typed array is cheaper than charCodeAt, above all on a string
    // built by concatenation.
    Buffer.from(buf.buffer, buf.byteOffset, n * 2).write(text, 0, 'utf16le');
    const pairs = wordsOf(buf);
    const half = n >> 1;
    // Branch-free on purpose: mixed-script text makes per-character branches unpredictable.
    for (let j = 0; j < half; j++) {
      const x = pairs[j];
      const c0 = x & 0xffff;
      const c1 = x >>> 16;
      const y = FOLD[c0] | (FOLD[c1] << 16);
      pairs[j] = y;
      changed |= x ^ y;
      const k0 = SCRIPT[c0];
      const k1 = SCRIPT[c1];
      cjk += (k0 & 1) + (k1 & 1);
      trad += (k0 >> 1) + (k1 >> 1);
    }
    if (n & 1) {
      const c = buf[n - 1];
      const f = FOLD[c];
      buf[n - 1] = f;
      changed |= f ^ c;
      const k = SCRIPT[c];
      cjk += k & 1;
      trad += k >> 1;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      const f = FOLD[c];
      buf[i] = f;
      changed |= f ^ c;
      const k = SCRIPT[c];
      cjk += k & 1;
      trad += k >> 1;
    }
  }
  buf[n] = 0;
  buf[n + 1] = 0;
  const folded = changed ? fromCodeUnits(buf, n) : text;
  unitsOf = folded;
  foldedSource = text;
  foldedResult = folded;
  return { folded, traditional: cjk > 0 && trad / cjk > 0.04 };
}

/**
 * The folded code units of `text` (as `codeUnits(foldText(text))` gives them) when the
 * shared buffer holds them already, that is after `foldDocument(text)` and until another
 * string goes through `codeUnits`; else null. Scanners that receive only the text use it to
 * skip folding it again.
 */
export function foldedUnitsOf(text: string): Uint16Array | null {
  return foldedResult !== null && unitsOf === foldedResult && text === foldedSource ? unitsBuffer : null;
}

/** True when the text is mostly in Traditional script. */
export function isMostlyTraditional(text: string): boolean {
  let trad = 0;
  let cjk = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400 && c < 0xa000) {
      cjk++;
      if (isTraditionalCode(c)) trad++;
    }
  }
  return cjk > 0 && trad / cjk > 0.04;
}

/** Start offsets of every line (after \n, \r\n or a lone \r). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The 0-based line of `offset`, by binary search over the line starts (the one owner of this search). */
export function lineOf(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Converts an offset into a 0-based line and character, given the line starts. */
/** Index of the first item that ends after `offset` (items sorted by offset, not overlapping); items.length when none does. */
export function firstEndingAfter(items: readonly { offset: number; length: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].offset + items[mid].length <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function positionAt(starts: ArrayLike<number>, offset: number): { line: number; character: number } {
  const line = lineOf(starts, offset);
  return { line, character: offset - starts[line] };
}

/**
 * Converts a 0-based line and character back to an offset. A character past the end of the
 * line is clamped: with `text`, to the end of the line's content (before its \r\n, \r or \n,
 * as LSP and TextDocument do); without it, to the start of the next line.
 */
export function offsetAt(starts: ArrayLike<number>, line: number, character: number, textLength: number, text?: string): number {
  if (line < 0) return 0;
  if (line >= starts.length) return textLength;
  let end = line + 1 < starts.length ? starts[line + 1] : textLength;
  if (text !== undefined && end > starts[line]) {
    // Step back over the line break that ends this line (one or two code units).
    const last = text.charCodeAt(end - 1);
    if (last === 10) end -= end - 2 >= starts[line] && text.charCodeAt(end - 2) === 13 ? 2 : 1;
    else if (last === 13) end--;
  }
  return Math.min(starts[line] + Math.max(0, character), end);
}

/** Character classes used by every scanner. */
export function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
export function isCjk(c: number): boolean {
  return (c >= 0x3400 && c < 0xa000) || (c >= 0xf900 && c < 0xfb00);
}


/**
 * The UTF-16 code units of a string in a typed array, followed by two 0s (so a scanner may
 * read two past the end). The array is reused: it is valid until the next call with
 * another string. Typed-array reads let hot loops avoid branches that charCodeAt needs.
 */
export function codeUnits(s: string): Uint16Array {
  if (s === unitsOf) return unitsBuffer;
  const n = s.length;
  if (unitsBuffer.length < n + 2) unitsBuffer = new Uint16Array(Math.max(n + 2, unitsBuffer.length * 2));
  if (typeof Buffer !== 'undefined') Buffer.from(unitsBuffer.buffer, unitsBuffer.byteOffset, unitsBuffer.byteLength).write(s, 0, 'utf16le');
  else for (let i = 0; i < n; i++) unitsBuffer[i] = s.charCodeAt(i);
  unitsBuffer[n] = 0;
  unitsBuffer[n + 1] = 0;
  unitsOf = s;
  return unitsBuffer;
}
