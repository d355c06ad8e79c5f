/**
 * The pure part of "New Digest Note" (issue 17): which workspace folder a new note belongs
 * to, and the name it is offered under in that folder (YYYY-MM-DD.digest, then
 * YYYY-MM-DD-2.digest … when a file or an open note has the name). No vscode import, so
 * the rules are unit-tested.
 */

/** Names tried before giving up on a dated name (the note is then a plain untitled one). */
export const MAX_TRIES = 50;

/** The file name of a new note dated `date` (YYYY-MM-DD): the first one `taken` says is free, or null. */
export async function newNoteName(date: string, taken: (name: string) => boolean | Promise<boolean>): Promise<string | null> {
  if (!isIsoDate(date)) return null;
  for (let n = 1; n <= MAX_TRIES; n++) {
    const name = n === 1 ? `${date}.digest` : `${date}-${n}.digest`;
    if (!(await taken(name))) return name;
  }
  return null;
}

/** The folder (uri) of a new note: the active editor's folder, else the only or first folder, else none. */
export function folderForNewNote(activeFolder: string | undefined, folders: readonly string[]): string | undefined {
  return activeFolder ?? folders[0];
}

/** A date as the server sends it, checked before it becomes part of a file name. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || s.length !== 10 || s[4] !== '-' || s[7] !== '-') return false;
  for (const k of [0, 1, 2, 3, 5, 6, 8, 9]) if (s.charCodeAt(k) < 48 || s.charCodeAt(k) > 57) return false;
  return true;
}
