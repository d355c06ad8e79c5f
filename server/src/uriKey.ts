/**
 * The one spelling of a file uri that the server keys documents by. Clients spell one file
 * differently: VS Code (vscode-uri) writes `a%28b%29` and `c%3A`, Neovim and Node's
 * pathToFileURL write `a(b)`, a Windows client may write `C:` or `c:`. Left as sent, one
 * file became two entries of the index (its references counted twice). Every uri that
 * enters the server (protocol messages, discovery) goes through `uriKey`: vscode-uri's own
 * spelling, which is what discovery produces with `URI.file(path).toString()`, so a path
 * has one key whichever spelling arrived, and every spelling decodes to the same path.
 */
import { URI } from 'vscode-uri';

/** The key of a uri: for a file uri, vscode-uri's spelling of the same path; other uris unchanged. */
export function uriKey(uri: string): string {
  if (typeof uri !== 'string' || uri.slice(0, 5).toLowerCase() !== 'file:') return uri; // (a client may send anything) // untitled:, vscode-vfs: … are the client's own names
  let parsed: URI;
  try {
    // A scheme is case-insensitive, but vscode-uri keeps `FILE:` as sent (and drops its slashes).
    parsed = URI.parse(uri.startsWith('file:') ? uri : 'file:' + uri.slice(5));
  } catch {
    return uri; // not a uri at all: the request that carries it answers empty, as before
  }
  // "localhost" names this machine (RFC 8089): the same file as no authority.
  if (parsed.authority.toLowerCase() === 'localhost') parsed = parsed.with({ authority: '' });
  return parsed.toString();
}

/** The fields of protocol params that hold a uri (textDocument.uri, changes[].uri, scope.uri, rootUri…). */
const URI_FIELDS = new Set(['uri', 'rootUri', 'scopeUri']);
/** Deep enough for every uri the protocol carries into the server; params are never walked further. */
const MAX_DEPTH = 4;

/**
 * Rewrites, in place, every uri field of incoming params to its key. Bounded in depth and
 * touching only plain objects and arrays, so hostile params cost no more than reading them.
 */
export function keyUrisOf(params: unknown, depth = 0): void {
  if (depth > MAX_DEPTH || params === null || typeof params !== 'object') return;
  if (Array.isArray(params)) {
    for (const item of params) keyUrisOf(item, depth + 1);
    return;
  }
  const record = params as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (typeof value === 'string') {
      if (URI_FIELDS.has(key)) record[key] = uriKey(value);
    } else if (key !== 'text' && key !== 'contentChanges') keyUrisOf(value, depth + 1);
  }
}
