/**
 * Turns the bytes of a file into text, or says why not. Pure: no file system access,
 * so the server, the CLI and the tests share one policy for binary, huge and
 * oddly-encoded files.
 */

export interface DecodedText {
  ok: true;
  text: string;
  /** The encoding used: "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "gb18030", "big5". */
  encoding: string;
  /** Set when the bytes were not plain UTF-8 and the choice of encoding is worth telling. */
  note?: string;
}

export interface RejectedFile {
  ok: false;
  /** A sentence saying why the file is not analysed, e.g. "binary file (NUL byte at 12)". */
  reason: string;
}

/** Default size cap, in bytes, above which a file is not analysed. */
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

/** Decodes a file's bytes, rejecting binary and over-size files with a reason. */
export function decodeBytes(bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): DecodedText | RejectedFile {
  if (bytes.length > maxBytes) {
    return { ok: false, reason: `file is ${formatBytes(bytes.length)}, over the ${formatBytes(maxBytes)} size cap` };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', note: 'decoded as UTF-16LE (byte order mark)' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', note: 'decoded as UTF-16BE (byte order mark)' };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const nul = body.subarray(0, 8192).indexOf(0);
  if (nul >= 0) return { ok: false, reason: `binary file (NUL byte at ${nul + (bom ? 3 : 0)})` };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    return { ok: true, text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    return decodeNotUtf8(body);
  }
}

/**
 * Bytes that are not valid UTF-8. Nearly valid UTF-8 (a stray byte in a UTF-8 file) stays
 * UTF-8 with the bad bytes replaced: reading the whole file as GB18030 would garble every
 * Chinese character in it. Otherwise the legacy Chinese encodings are the likely cause in
 * this domain: GB18030 (a superset of GBK and GB2312) and Big5. Both accept most double-byte
 * sequences, so a Big5 file also "decodes" as GB18030, into rare characters; when both
 * decodings succeed, the one whose common-character block holds more of the pairs wins.
 */
function decodeNotUtf8(body: Uint8Array): DecodedText {
  const lossy = new TextDecoder('utf-8').decode(body);
  const replaced = countReplacements(lossy);
  if (replaced * 100 <= nonAscii(lossy) - replaced) {
    return { ok: true, text: lossy, encoding: 'utf-8', note: `not valid UTF-8; ${replaced} invalid byte sequence${replaced === 1 ? ' was' : 's were'} replaced with U+FFFD` };
  }
  const candidates: { encoding: 'gb18030' | 'big5'; text: string }[] = [];
  for (const encoding of ['gb18030', 'big5'] as const) {
    try {
      const text = new TextDecoder(encoding, { fatal: true }).decode(body);
      if (looksLikeText(text)) candidates.push({ encoding, text });
    } catch {
      // Not this encoding.
    }
  }
  if (candidates.length === 2) {
    const shares = commonShares(body);
    const pick = shares.big5 > shares.gb ? candidates[1] : candidates[0];
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    return {
      ok: true,
      text: pick.text,
      encoding: pick.encoding,
      note: `not valid UTF-8; decoded as ${pick.encoding.toUpperCase()} (both GB18030 and Big5 fit; ${pct(shares.big5)} of the double-byte characters are common Big5 ones, ${pct(shares.gb)} GB2312 ones)`,
    };
  }
  if (candidates.length === 1) {
    return { ok: true, text: candidates[0].text, encoding: candidates[0].encoding, note: `not valid UTF-8; decoded as ${candidates[0].encoding.toUpperCase()}` };
  }
  return { ok: true, text: lossy, encoding: 'utf-8', note: `not valid UTF-8, GB18030 or Big5; ${replaced} invalid byte sequence${replaced === 1 ? ' was' : 's were'} replaced with U+FFFD` };
}

/**
 * The shares of double-byte pairs that fall in the common blocks of each encoding: GB2312
 * (lead 0xA1–0xF7, trail 0xA1–0xFE; GBK's extension uses trails below 0xA1, for rare and
 * Traditional characters) and Big5's symbols and frequently used characters (lead
 * 0xA1–0xC6; trails 0x40–0x7E and 0xA1–0xFE). Real text sits almost wholly in its own
 * encoding's block and only about half in the other's: Big5 uses low trails for about 40%
 * of its characters, and GB2312's common characters run to lead 0xD7.
 */
export function commonShares(bytes: Uint8Array): { gb: number; big5: number; pairs: number } {
  let pairs = 0;
  let gb = 0;
  let big5 = 0;
  const n = bytes.length;
  for (let i = 0; i + 1 < n; i++) {
    const lead = bytes[i];
    if (lead < 0x81) continue;
    const trail = bytes[++i];
    // A GB18030 four-byte sequence (second byte a digit): neither block, skip it whole.
    if (trail >= 0x30 && trail <= 0x39) {
      i += 2;
      continue;
    }
    pairs++;
    if (lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe) gb++;
    if (lead >= 0xa1 && lead <= 0xc6 && ((trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe))) big5++;
  }
  return pairs ? { gb: gb / pairs, big5: big5 / pairs, pairs } : { gb: 0, big5: 0, pairs: 0 };
}

function countReplacements(text: string): number {
  let k = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) k++;
  return k;
}

function nonAscii(text: string): number {
  let k = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) k++;
  return k;
}

/** True when decoded text is mostly printable, so a legacy decoding is plausible. */
function looksLikeText(text: string): boolean {
  let bad = 0;
  const n = Math.min(text.length, 4096);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13) || (c >= 0xe000 && c < 0xf900)) bad++;
  }
  return bad <= n / 100;
}

/** Formats a byte count for messages: "1.5 MB". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}
