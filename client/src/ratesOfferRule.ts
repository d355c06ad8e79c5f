/**
 * When the extension offers, once, to fetch exchange rates: a note open in the editor is
 * dated after the newest rate Digest Lens has (built-in or downloaded), background updates
 * are off, the server has somewhere to keep rates, and the user was never asked. Pure, so
 * that the rule is tested without an editor; the memory of having asked is given to it.
 */

export interface OfferInput {
  /** The note's date, YYYY-MM-DD or YYYY-MM; null for an undated note or another file. */
  noteDate: string | null;
  /** The newest day with a rate, YYYY-MM-DD. */
  newestDay: string;
  /** digestLens.rates.autoUpdate. */
  autoUpdate: boolean;
  /** Whether the server can store downloaded rates. */
  canUpdate: boolean;
}

/** Whether `s` is written YYYY-MM or YYYY-MM-DD (digits and dashes in their places). */
function isDateLike(s: string): boolean {
  if (s.length !== 7 && s.length !== 10) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (i === 4 || i === 7 ? c !== 45 : c < 48 || c > 57) return false;
  }
  return true;
}

/** Whether a note of this date lies after the newest rate: a month-only date when its whole month does. */
export function datedAfterRates(noteDate: string | null, newestDay: string): boolean {
  if (!noteDate || !isDateLike(noteDate)) return false;
  if (noteDate.length === 7) return noteDate > newestDay.slice(0, 7);
  return noteDate.length === 10 && noteDate > newestDay;
}

/** The memory of the offer (the extension's globalState): asked once, never again. */
export interface OfferMemory {
  asked(): boolean;
  remember(): void | Thenable<void>;
}

export class OfferGate {
  constructor(private readonly memory: OfferMemory) {}

  /** True exactly once ever: the first time a note qualifies; it is remembered at once. */
  consider(input: OfferInput): boolean {
    if (this.memory.asked() || input.autoUpdate || !input.canUpdate || !datedAfterRates(input.noteDate, input.newestDay)) return false;
    void this.memory.remember();
    return true;
  }
}
