/**
 * The facts of the workspace, in memory: per digest, its figures grouped by fact (one entry
 * per stated amount, with the figures that restate it: a stated conversion, the other
 * language's paragraph, a later repetition), with the subject, counterparty, source, metric
 * and period the analysis gave them. Served from the index (packed analyses, never the
 * files), kept in step with it lazily: a change marks the documents it names, and the next
 * query re-derives those only. Maps by entity (subject or counterparty) and by consistency
 * key (subject, metric, period) make the dossier, the hover and the diagnostics a lookup.
 */
import type { Figure, FigureParty, Metric } from '../analysis/types';
import type { WorkspaceIndex } from '../index/workspaceIndex';

/** One fact of one digest. */
export interface StoredFact {
  uri: string;
  /** The digest's date, or null. */
  date: string | null;
  /** The digest's line starts (shared with the index), for ranges. */
  lineStarts: ArrayLike<number>;
  /** The fact's number in its digest: the index of its first figure. */
  index: number;
  /** The figure that states it (the first one). */
  figure: Figure;
  /** The other figures stating the same fact: a stated conversion, the other language, a repetition. */
  others: Figure[];
  subject: FigureParty | null;
  counterparty: FigureParty | null;
  source: FigureParty | null;
  metric: Metric;
  period: string | null;
  /** Themes with keyword hits in the paragraph of the figure. */
  themes: string[];
  /** Memo of the value in a base currency (see query.ts baseValueOf). */
  baseKey?: string;
  baseValue?: number | null;
  /** Memos of the totals' keys (query.ts totalsOf). */
  totalKey?: string;
  periodKey?: string;
}

/** The consistency key of a fact (subject, metric, period, unit), or null when one is missing. */
export function consistencyKey(f: Pick<StoredFact, 'subject' | 'metric' | 'period' | 'figure'>): string | null {
  if (!f.subject || !f.period || f.metric === 'other') return null;
  return `${f.subject.id}\u0000${f.metric}\u0000${f.period}\u0000${f.figure.per ?? ''}`;
}

/** The first non-null value of a field over the figures of a fact, the stating figure first. */
function firstOf<K extends 'subject' | 'counterparty' | 'source' | 'period'>(figs: Figure[], key: K): NonNullable<Figure[K]> | null {
  for (const f of figs) if (f[key]) return f[key] as NonNullable<Figure[K]>;
  return null;
}

/**
 * Groups a document's figures into facts. Figures without a fact number are each their own
 * fact; a number that points at no earlier figure is taken as given.
 */
export function groupFacts(uri: string, date: string | null, lineStarts: ArrayLike<number>, figures: readonly Figure[], themeParagraphs: { id: string; paragraphs: { offset: number; length: number }[] }[]): StoredFact[] {
  const groups = new Map<number, Figure[]>();
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i];
    const n = typeof f.fact === 'number' && f.fact >= 0 ? f.fact : i;
    const g = groups.get(n);
    if (g) g.push(f);
    else groups.set(n, [f]);
  }
  const out: StoredFact[] = [];
  for (const [index, figs] of groups) {
    const figure = figs[0];
    let metric: Metric = figure.metric ?? 'other';
    if (metric === 'other') for (const f of figs) if (f.metric && f.metric !== 'other') metric = f.metric;
    const themes: string[] = [];
    for (const t of themeParagraphs) {
      if (t.paragraphs.some((p) => figure.offset >= p.offset && figure.offset < p.offset + p.length)) themes.push(t.id);
    }
    out.push({
      uri,
      date,
      lineStarts,
      index,
      figure,
      others: figs.slice(1),
      subject: firstOf(figs, 'subject'),
      counterparty: firstOf(figs, 'counterparty'),
      source: firstOf(figs, 'source'),
      metric,
      period: firstOf(figs, 'period'),
      themes: themes.length ? themes : NO_THEMES,
    });
  }
  return out.sort((a, b) => a.figure.offset - b.figure.offset);
}

/** Shared by every fact without a theme (most of them). */
const NO_THEMES: string[] = [];

const stores = new WeakMap<WorkspaceIndex, FactStore>();

/** The fact store of an index (one per index, created on first use). */
export function factStoreOf(index: WorkspaceIndex): FactStore {
  let s = stores.get(index);
  if (!s) stores.set(index, (s = new FactStore(index)));
  return s;
}

export class FactStore {
  /** Facts per uri, as last derived. */
  private readonly byUri = new Map<string, StoredFact[]>();
  /** Facts by the entity they are about (subject or counterparty). */
  private readonly byEntity = new Map<string, Set<StoredFact>>();
  /** Facts by the entity that states them (source). */
  private readonly bySource = new Map<string, Set<StoredFact>>();
  /** Facts by consistency key. */
  private readonly byKey = new Map<string, Set<StoredFact>>();
  /** Facts derived per analysis state: a document that comes back unchanged costs nothing. */
  private readonly derived = new WeakMap<object, StoredFact[]>();
  private readonly dirty = new Set<string>();
  private stale = true;
  /** Increases whenever the facts change. */
  generation = 0;

  constructor(private readonly index: WorkspaceIndex) {
    index.onChange((change) => {
      if (change.uris === 'all') this.stale = true;
      else for (const u of change.uris) this.dirty.add(u);
    });
  }

  /** Brings the maps in line with the index: every document after a full change, else the ones named since. */
  private ensure(): void {
    this.step(Infinity);
  }

  /**
   * Re-derives changed documents for at most `budgetMs` (the server warms the store in small
   * steps when it is idle, so that the first table or dossier finds it ready); returns true
   * when the store is up to date.
   */
  step(budgetMs: number): boolean {
    if (this.stale) {
      this.stale = false;
      this.byUri.clear();
      this.byEntity.clear();
      this.bySource.clear();
      this.byKey.clear();
      this.dirty.clear();
      for (const doc of this.index.all()) this.dirty.add(doc.uri);
    }
    if (!this.dirty.size) return true;
    const end = budgetMs === Infinity ? Infinity : performance.now() + budgetMs;
    let n = 0;
    let waiting = 0;
    for (const uri of this.dirty) {
      // A long note just edited has a provisional analysis (index/provisional.ts): its facts
      // are derived from the whole analysis that replaces it (that change marks it again).
      if (this.index.needsExact(uri)) {
        waiting++;
        continue;
      }
      this.remove(uri);
      this.add(uri);
      this.dirty.delete(uri);
      if (++n % 16 === 0 && performance.now() > end) break;
    }
    this.generation++;
    return this.dirty.size === waiting;
  }

  private derive(uri: string): StoredFact[] {
    const key = this.index.stateKey(uri);
    if (!key) return [];
    let facts = this.derived.get(key);
    if (facts) return facts;
    const a = this.index.analysisForScan(uri)!;
    const doc = this.index.get(uri)!;
    const figures = a.figures;
    facts = figures.length ? groupFacts(uri, a.date, doc.lineStarts, figures, a.themes) : [];
    this.derived.set(key, facts);
    return facts;
  }

  private add(uri: string): void {
    const facts = this.derive(uri);
    if (!facts.length) return;
    this.byUri.set(uri, facts);
    for (const f of facts) {
      if (f.subject) put(this.byEntity, f.subject.id, f);
      if (f.counterparty && f.counterparty.id !== f.subject?.id) put(this.byEntity, f.counterparty.id, f);
      if (f.source) put(this.bySource, f.source.id, f);
      const k = consistencyKey(f);
      if (k) put(this.byKey, k, f);
    }
  }

  private remove(uri: string): void {
    const facts = this.byUri.get(uri);
    if (!facts) return;
    this.byUri.delete(uri);
    for (const f of facts) {
      if (f.subject) take(this.byEntity, f.subject.id, f);
      if (f.counterparty) take(this.byEntity, f.counterparty.id, f);
      if (f.source) take(this.bySource, f.source.id, f);
      const k = consistencyKey(f);
      if (k) take(this.byKey, k, f);
    }
  }

  /** The store's generation after bringing it up to date: caches of derived answers key on it. */
  current(): number {
    this.ensure();
    return this.generation;
  }

  /** The facts of one digest, in text order. */
  factsIn(uri: string): readonly StoredFact[] {
    this.ensure();
    return this.byUri.get(uri) ?? [];
  }

  /** Every fact of the workspace, digest by digest. */
  *all(): Generator<StoredFact> {
    this.ensure();
    for (const facts of this.byUri.values()) yield* facts;
  }

  /** Facts whose subject or counterparty is the entity. */
  about(id: string): readonly StoredFact[] {
    this.ensure();
    const s = this.byEntity.get(id);
    return s ? [...s] : [];
  }

  /** How many facts are about the entity, without listing them. */
  countAbout(id: string): number {
    this.ensure();
    return this.byEntity.get(id)?.size ?? 0;
  }

  /** Facts the entity states or forecasts (as their source). */
  statedBy(id: string): readonly StoredFact[] {
    this.ensure();
    const s = this.bySource.get(id);
    return s ? [...s] : [];
  }

  /** Facts with the same subject, metric, period and unit as `fact` (itself included). */
  sameKey(fact: StoredFact): readonly StoredFact[] {
    this.ensure();
    const k = consistencyKey(fact);
    const s = k ? this.byKey.get(k) : undefined;
    return s ? [...s] : [];
  }
}

function put(map: Map<string, Set<StoredFact>>, key: string, f: StoredFact): void {
  const s = map.get(key);
  if (s) s.add(f);
  else map.set(key, new Set([f]));
}

function take(map: Map<string, Set<StoredFact>>, key: string, f: StoredFact): void {
  const s = map.get(key);
  if (!s) return;
  s.delete(f);
  if (!s.size) map.delete(key);
}
