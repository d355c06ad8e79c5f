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
    // Not UTF-8: legacy Chinese encodings are the likely cause in this domain.
    for (const encoding of ['gb18030', 'big5']) {
      try {
        const text = new TextDecoder(encoding, { fatal: true }).decode(body);
        if (looksLikeText(text)) return { ok: true, text, encoding, note: `not valid UTF-8; decoded as ${encoding.toUpperCase()}` };
      } catch {
        // Try the next encoding.
      }
    }
    const text = new TextDecoder('utf-8').decode(body);
    return { ok: true, text, encoding: 'utf-8', note: 'not valid UTF-8; invalid bytes were replaced with U+FFFD' };
  }
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
