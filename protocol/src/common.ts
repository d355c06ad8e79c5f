/** What every area of the protocol shares: positions and the scope of a summary. */

/** A range in LSP terms (0-based lines, UTF-16 characters). */
export interface WireRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** Which documents a summary covers: one file, or the whole workspace. */
export type Scope = { kind: 'file'; uri: string } | { kind: 'workspace' };
