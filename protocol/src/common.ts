/** What every area of the protocol shares: positions and the scope of a summary. */

/** A range in LSP terms (0-based lines, UTF-16 characters). */
export interface WireRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** Which documents a summary covers: one file, or the whole workspace. */
export type Scope = { kind: 'file'; uri: string } | { kind: 'workspace' };

/** A figure as written (where, and its amount) and its value in the base currency at the note's date. */
export interface PlacedAmount {
  uri: string;
  range: WireRange;
  text: string;
  currency: string;
  value: number;
  min: number | null;
  max: number | null;
  approximate: boolean;
  per: string | null;
  /** Value in the base currency, or null when no rate is known. */
  baseValue: number | null;
  baseCurrency: string;
  date: string | null;
}
