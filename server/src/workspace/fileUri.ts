/**
 * The uri string of a file path, as `URI.file(path).toString()` writes it, without making a
 * URI for the common case: a POSIX absolute path of letters, digits, "-", ".", "_", "~" and
 * "/" only, which vscode-uri writes unchanged after "file://" (nothing to encode, no
 * authority, no drive letter). A warm start makes 10,000 of these: ~20 ms through URI.
 * Everything else goes through vscode-uri.
 */
import { URI } from 'vscode-uri';

const WINDOWS = process.platform === 'win32';

/** The characters vscode-uri never encodes in a path: letters, digits, "_", ".", "~", "-", "/". */
const PLAIN = /^[\w.~/-]*$/;

/** True for a path that vscode-uri leaves as it is. */
function plainPosixPath(path: string): boolean {
  // Absolute, and not a UNC share's "//host/…" (which becomes the uri's authority).
  return path.charCodeAt(0) === 47 && path.charCodeAt(1) !== 47 && PLAIN.test(path);
}

/** `URI.file(path).toString()`. */
export function fileUriString(path: string): string {
  return !WINDOWS && plainPosixPath(path) ? `file://${path}` : URI.file(path).toString();
}
