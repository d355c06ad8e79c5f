/**
 * Whether a workspace file really lies inside its folder. A user file named relative to a
 * folder (`.digestlens/entities.json`) may be a symlink, or sit below a symlinked folder,
 * that leads anywhere on the machine: /etc/passwd, another user's notes, /dev/zero. Such a
 * file is read only when the path with every link resolved is still inside the folder's
 * own resolved path, so a folder cannot make the server read what lies outside it.
 */
import { promises as fs, realpathSync } from 'node:fs';
import { sep } from 'node:path';

/** Thrown for a file whose links lead out of its folder; `code` is 'EOUTSIDE'. */
export class OutsideFolderError extends Error {
  readonly code = 'EOUTSIDE';
  constructor(
    readonly path: string,
    /** Where the links lead. */
    readonly target: string,
  ) {
    super(`links outside its workspace folder (to ${target}): ${path}`);
  }
}

/**
 * Resolves when `path`, links followed, is `folder` or below it (the folder's own links
 * followed too); rejects with OutsideFolderError when not, and with the system's error
 * (ENOENT for a missing file or a dangling link) when a path cannot be resolved.
 */
export async function assertInsideFolder(path: string, folder: string): Promise<void> {
  const [real, root] = await Promise.all([fs.realpath(path), fs.realpath(folder)]);
  if (!within(real, root)) throw new OutsideFolderError(path, real);
}

/** assertInsideFolder, synchronously (the CLI): where the links lead when outside, else null. */
export function outsideTargetSync(path: string, folder: string): string | null {
  const real = realpathSync(path);
  return within(real, realpathSync(folder)) ? null : real;
}

function within(real: string, root: string): boolean {
  const prefix = root.endsWith(sep) ? root : root + sep;
  return real === root || real.startsWith(prefix);
}
