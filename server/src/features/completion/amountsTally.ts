/**
 * How often the workspace's notes write each unit the amounts completion offers ("亿美元"
 * and "億美元" count as one, US$…B as another), so the units a user writes come first.
 * Kept in step with the index lazily, as the fact store is: a change marks the notes it
 * names, and the next request re-counts those only, within a time budget; what is left is
 * counted in small slices in the background, so no request waits for a cold workspace.
 * Only the keys of the offered forms are counted: the maps stay small whatever the notes say.
 */
import type { WorkspaceIndex } from '../../index/workspaceIndex';
import { UNIT_FORMS, formKey, unitKey } from './amountsUnits';

/** The key of every offered form. */
const KNOWN = new Set<string>();
for (const forms of Object.values(UNIT_FORMS)) for (const f of forms) KNOWN.add(formKey(f));

/** Counts per unit key. */
export type UnitCounts = ReadonlyMap<string, number>;

const NONE: UnitCounts = new Map();

/** The counts of one analysis's figures (ranges and unknown units left out). */
export function countUnits(figures: readonly { text: string; min: number | null; max: number | null }[]): UnitCounts {
  let counts: Map<string, number> | null = null;
  for (const f of figures) {
    if (f.min !== null && f.max !== null && f.min !== f.max) continue;
    const key = unitKey(f.text);
    if (key === null || !KNOWN.has(key)) continue;
    counts ??= new Map();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts ?? NONE;
}

/**
 * Notes longer than this (UTF-16 units) are left out: unpacking the figures of a 1 MB note
 * costs tens of milliseconds in one piece, which a request would wait behind, and a note
 * that long would outweigh the habits of every other note anyway.
 */
const LONGEST = 256 * 1024;

/** Milliseconds of counting per background slice, and the pause between slices. */
const SLICE_MS = 4;
const PAUSE_MS = 15;

export class UnitTally {
  private readonly perDoc = new Map<string, UnitCounts>();
  /** Counts per analysis state: a note that comes back unchanged costs nothing. */
  private readonly derived = new WeakMap<object, UnitCounts>();
  private readonly totals = new Map<string, number>();
  private readonly dirty = new Set<string>();
  private stale = true;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly index: WorkspaceIndex) {
    index.onChange((change) => {
      if (change.uris === 'all') this.stale = true;
      else for (const u of change.uris) this.dirty.add(u);
    });
  }

  /** Re-counts changed notes for at most `budgetMs`; true when the counts are up to date. */
  /** True once every note has been counted: from then on requests read the counts as they are. */
  private counted = false;

  step(budgetMs: number): boolean {
    if (this.stale) {
      this.stale = false;
      this.perDoc.clear();
      this.totals.clear();
      this.dirty.clear();
      for (const doc of this.index.all()) this.dirty.add(doc.uri);
    }
    const end = performance.now() + budgetMs;
    for (const uri of this.dirty) {
      this.dirty.delete(uri);
      this.apply(this.perDoc.get(uri), -1);
      const counts = this.derive(uri);
      if (counts.size) this.perDoc.set(uri, counts);
      else this.perDoc.delete(uri);
      this.apply(counts, 1);
      if (performance.now() > end) break;
    }
    return this.dirty.size === 0;
  }

  /**
   * The workspace's counts after up to `budgetMs` of catching up; when that is not enough,
   * the rest is counted in the background (unref'd slices) and later requests see it.
   */
  counts(budgetMs: number): UnitCounts {
    // Once the workspace is counted, a request never waits for re-counting: the notes changed
    // since (mostly the one being typed, a keystroke ago) are counted in the background.
    if (this.counted) {
      if (this.stale || this.dirty.size) this.continueLater();
      return this.totals;
    }
    if (this.step(budgetMs)) this.counted = true;
    else this.continueLater();
    return this.totals;
  }

  /** The counts of one note as last counted. */
  countsOf(uri: string): UnitCounts {
    return this.perDoc.get(uri) ?? NONE;
  }

  private continueLater(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.step(SLICE_MS)) this.counted = true;
      else this.continueLater();
    }, PAUSE_MS);
    this.timer.unref?.();
  }

  private derive(uri: string): UnitCounts {
    const key = this.index.stateKey(uri);
    const doc = this.index.get(uri);
    if (!key || !doc || doc.analysedLength > LONGEST) return NONE;
    let counts = this.derived.get(key);
    if (!counts) this.derived.set(key, (counts = countUnits(this.index.analysisForScan(uri)?.figures ?? [])));
    return counts;
  }

  private apply(counts: UnitCounts | undefined, sign: 1 | -1): void {
    if (!counts) return;
    for (const [k, v] of counts) {
      const t = (this.totals.get(k) ?? 0) + sign * v;
      if (t > 0) this.totals.set(k, t);
      else this.totals.delete(k);
    }
  }
}

const tallies = new WeakMap<WorkspaceIndex, UnitTally>();

/** The unit tally of an index (one per index, made on first use). */
export function unitTallyOf(index: WorkspaceIndex): UnitTally {
  let t = tallies.get(index);
  if (!t) tallies.set(index, (t = new UnitTally(index)));
  return t;
}
