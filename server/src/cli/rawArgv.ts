/**
 * The command line's arguments as the bytes they were. Node decodes process.argv as UTF-8
 * and turns bytes that are not UTF-8 into U+FFFD, so an argument naming such a file names
 * no file. Linux keeps the arguments' bytes in /proc/self/cmdline: an argument that holds
 * U+FFFD is taken from there as a Buffer, but only when every argument read back from there
 * decodes to exactly what node gave (anything else and the text is kept as it is).
 */
import { readFileSync } from 'node:fs';
import { isUtf8, type FsPath } from '../io/fsPath';

/** The bytes of the last `count` arguments of this process, or null where /proc is not there. */
function commandLineTail(count: number): Buffer[] | null {
  let bytes: Buffer;
  try {
    // A file of the kernel's (size 0 to stat, read to its end), not a path from the user.
    bytes = readFileSync('/proc/self/cmdline');
  } catch {
    return null;
  }
  const args: Buffer[] = [];
  let from = 0;
  for (let i = bytes.indexOf(0); i >= 0; i = bytes.indexOf(0, from)) {
    args.push(bytes.subarray(from, i));
    from = i + 1;
  }
  if (from < bytes.length) args.push(bytes.subarray(from));
  return args.length >= count ? args.slice(args.length - count) : null;
}

/**
 * `argv` (this process's arguments after the script) with each argument that lost bytes to
 * U+FFFD given back as its bytes; the others stay text.
 */
export function recoverArgBytes(argv: readonly string[]): FsPath[] {
  if (!argv.some((a) => a.includes('\ufffd'))) return argv.slice();
  const raw = commandLineTail(argv.length);
  if (!raw || raw.some((b, i) => b.toString('utf8') !== argv[i])) return argv.slice();
  return argv.map((a, i) => (a.includes('\ufffd') && !isUtf8(raw[i]) ? Buffer.from(raw[i]) : a));
}

/**
 * What a message about a file or glob not found adds when it was given as text holding
 * U+FFFD: its bytes may have been lost on the way (no /proc here), so a bare ENOENT would mislead.
 */
export function lostBytesNote(p: FsPath): string {
  if (typeof p !== 'string' || !p.includes('\ufffd')) return '';
  return ' (if its name is not UTF-8: the system passed it on as U+FFFD and its bytes could not be recovered; name its folder or a glob instead)';
}
