/**
 * Random spellings of one file's uri, as different clients write them: characters that may
 * stand raw (parentheses, `@`, `:`) raw or percent-encoded, hex digits in either case, the
 * scheme in either case, `localhost` or no authority. Every spelling names the same file.
 */
import { pathToFileURL } from 'node:url';
import { URI } from 'vscode-uri';

/** Characters a file uri's path may carry unencoded (RFC 3986 pchar without `%`). */
const MAY_STAY_RAW = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/;

function encode(ch: string, upper: boolean): string {
  return [...Buffer.from(ch, 'utf8')].map((b) => '%' + (upper ? b.toString(16).toUpperCase() : b.toString(16)).padStart(2, '0')).join('');
}

/** One spelling of the file uri of the absolute path `path`; `random` gives numbers in [0, 1). */
export function spellFileUri(path: string, random: () => number): string {
  const coin = () => random() < 0.5;
  const scheme = coin() ? 'file' : 'FILE';
  const authority = random() < 0.2 ? 'localhost' : '';
  let out = '';
  for (const ch of path) {
    if (ch === '/') out += ch;
    else if (MAY_STAY_RAW.test(ch) && coin()) out += ch;
    else out += encode(ch, coin());
  }
  return `${scheme}://${authority}${out}`;
}

/** The spellings clients are known to send: vscode-uri's, Node's pathToFileURL (Neovim's alike). */
export function knownSpellings(path: string): string[] {
  return [URI.file(path).toString(), pathToFileURL(path).href];
}

/** A small deterministic random source, so that a failing spelling can be found again. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}
