/**
 * The workspace index: one analysis per digest file, and maps from entity ids and theme ids
 * to the documents they occur in. Pure (no LSP; the file system only through the text
 * loader it is built with): the server feeds it texts or packed analyses, features
 * query it. Every update patches the maps from the document's own contributions, so the
 * cost of an edit is the size of that document, never the size of the workspace.
 *
 * Two kinds of documents, one interface (IndexedDoc):
 * - in memory (`set`): open documents and anything given as text. Text and analysis objects
 *   are kept. The analysis is made on first use, not at `set`: a burst of edits (a paste, a
 *   replace-all, fast typing in a large note) costs one analysis, for the first request or
 *   index query after it, not one per edit. Every query of the maps first brings them up to
 *   date with the documents set since (`settle`).
 * - on disk (`setDisk`): digests read from disk, analysed by a worker or loaded from the
 *   cache. Only the packed analysis (packed.ts), line starts and the file's size and mtime
 *   are kept; `analysis` is unpacked on demand (a few recent ones are cached) and `text` is
 *   read from disk on demand through `loadText`. At 10,000 digests this is what keeps the
 *   server under its memory budget.
 */
import type { DocumentAnalysis, Mention, Span } from '../analysis/types';
import { lineStarts } from '../analysis/text';
import { analysedLength } from './analysedPart';
import { composeRegions, diffTexts, patchAnalysis, patchLineStarts, type Region } from './provisional';
import { forEachPackedTheme, forEachPackedThemeRef, forMentionsWithRefs, mentionEntitySlots, mentionSpansWithCanonical, pack, packedDate, PackedView, StringTable, themeHitsWithId, type PackedAnalysis } from './packed';

/** One indexed digest. */
export interface IndexedDoc {
  uri: string;
  /** Editor version when the text comes from an open document; null when read from disk. */
  version: number | null;
  /** The text; for a digest indexed from disk it is read on first use (a few are cached). */
  readonly text: string;
  readonly analysis: DocumentAnalysis;
  /** Where each line starts (UTF-16 offsets): a plain array, or a typed one for a digest from disk. */
  readonly lineStarts: ArrayLike<number>;
  /**
   * How much of the text the analysis covers, from its start: the whole text, except for an
   * open document over its size cap (analysedPart.ts).
   */
  readonly analysedLength: number;
}

/** What identifies a file's contents on disk: an analysis with the same stamp is current. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** The analysis of a file's contents on disk, packed. */
export interface DiskState {
  stamp: FileStamp;
  packed: PackedAnalysis;
  /** A typed array: a view of a worker's transferred buffer or of the cache file (no copy). */
  lineStarts: Int32Array;
  /** Length of the decoded text, to tell a stale lazy read. */
  textLength: number;
  /** The analysis data version (built-in data and user files) it was made with. */
  dataVersion: string;
}

/** A mention and the document it is in. */
export interface MentionLocation {
  uri: string;
  mention: Mention;
}

/** A theme keyword hit and the document it is in. */
export interface ThemeLocation {
  uri: string;
  span: Span;
}

/** Counts for one entity over the documents in scope. */
export interface EntityCount {
  id: string;
  name: string;
  kind: string;
  mentions: number;
  files: number;
}

/** Counts for one theme over the documents in scope. */
export interface ThemeCount {
  id: string;
  label: string;
  mentions: number;
  files: number;
}

/** Analyses a document's text; `uri` says whose user files apply (its workspace folder's). */
export type Analyser = (text: string, uri: string) => DocumentAnalysis;

/** Why the index changed: the uris touched, or all of them. */
export interface IndexChange {
  uris: string[] | 'all';
}

/** What an index is given when it is built, besides its analyser. */
export interface IndexOptions {
  /** The data version of the analyser (built-in data and user files); see setAnalyser. */
  dataVersion?: string;
  /**
   * The disk reader: the text of a digest indexed from disk, or null when it cannot be read.
   * Without one, such documents have an empty text.
   */
  loadText?: (uri: string) => string | null;
  /** Called when a lazily read text no longer matches the analysis (the file changed on disk). */
  onStale?: (uri: string) => void;
}

/** How many unpacked analyses and lazily read texts are kept. */
const ANALYSIS_CACHE = 128;
const TEXT_CACHE = 16;

/**
 * Open notes at least this long (UTF-16 units) are patched after an edit (provisional.ts)
 * rather than analysed whole: a 100 kB note of Chinese (~40,000 characters) analysed whole
 * already takes 5-10 ms (bench edit); shorter notes are analysed whole at every edit.
 */
export const PATCH_MIN_LENGTH = 16 * 1024;

/** The live state of a document held as text: analysed, and its lines found, on first use. */
class Live {
  private made: DocumentAnalysis | null = null;
  private starts: number[] | null;
  /**
   * The last analysed state before this one, while this one is not analysed, and where the
   * texts differ: the first use patches that analysis with the paragraphs the edits touched
   * (provisional.ts) instead of analysing the whole note.
   */
  private base: Live | null = null;
  private regions: Region[] = [];
  /** True when the analysis was patched (provisional.ts), not made whole: see installExact. */
  provisional = false;
  constructor(
    readonly text: string,
    private readonly analyse: (text: string) => DocumentAnalysis,
    /** The cap in bytes it was set with, and the code units it allows (analysedPart.ts). */
    readonly maxBytes: number,
    readonly analysedLength: number,
    starts: number[] | null = null,
    previous: Live | null = null,
    made: DocumentAnalysis | null = null,
  ) {
    this.starts = starts;
    this.made = made;
    // Only a whole analysis of a long note is worth patching.
    if (made || !previous || text.length < PATCH_MIN_LENGTH) return;
    const change = diffTexts(previous.text, text);
    if (!change) return;
    // Its lines: those of the previous text, with the lines the edit touches found again.
    if (!this.starts && previous.starts) this.starts = patchLineStarts(previous.starts, text, change);
    if (analysedLength !== text.length || previous.analysedLength !== previous.text.length) return;
    if (previous.made) {
      this.base = previous;
      this.regions = [{ oldStart: change.start, oldEnd: change.oldEnd, newStart: change.start, newEnd: change.newEnd }];
    } else if (previous.base) {
      this.base = previous.base;
      this.regions = composeRegions(previous.regions, change);
    }
  }
  get analysis(): DocumentAnalysis {
    if (this.made) return this.made;
    const base = this.base;
    this.base = null;
    // Edits all over the note (a replace-all): analysing it whole costs little more than
    // patching, and is exact.
    const patched = base ? patchAnalysis({ text: base.text, analysis: base.made!, lineStarts: base.lineStarts }, this.text, this.regions, this.analyse, this.text.length / 3) : null;
    if (base && patched) {
      // The base's analysis has been given up to this one (moved in place): it is gone.
      base.made = null;
      this.starts ??= patched.lineStarts;
      this.regions = [];
      this.provisional = true;
      return (this.made = patched.analysis);
    }
    this.regions = [];
    return (this.made = this.analyse(this.analysedLength < this.text.length ? this.text.slice(0, this.analysedLength) : this.text));
  }
  get lineStarts(): number[] {
    return (this.starts ??= lineStarts(this.text));
  }
  /** Whether the analysis is, or will be when made, provisional (not a whole analysis). */
  get needsExact(): boolean {
    return this.made ? this.provisional : this.base !== null;
  }
}

class Doc implements IndexedDoc {
  /** Live text and analysis: open documents and texts given to `set`. */
  mem: Live | null = null;
  /** Whether the document's contributions are in the index's maps (see `settle`). */
  inserted = false;
  /** The analysis of the file on disk (kept while the document is open, for the cache). */
  disk: DiskState | null = null;

  constructor(
    private readonly index: WorkspaceIndex,
    readonly uri: string,
    public version: number | null,
  ) {}

  get text(): string {
    return this.mem ? this.mem.text : this.index.diskText(this);
  }

  get analysis(): DocumentAnalysis {
    return this.mem ? this.mem.analysis : this.index.unpacked(this);
  }

  get lineStarts(): ArrayLike<number> {
    return this.mem ? this.mem.lineStarts : this.disk!.lineStarts;
  }

  get analysedLength(): number {
    return this.mem ? this.mem.analysedLength : this.disk!.textLength;
  }
}

/** Tiny least-recently-used map. */
class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly capacity: number) {}
  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
  }
  delete(key: K): void {
    this.map.delete(key);
  }
  clear(): void {
    this.map.clear();
  }
}

/**
 * The documents an entity or a theme occurs in, with running totals (workspace-wide counts
 * cost the number of entities, not of mentions) and the documents sorted by uri on demand.
 */
interface Posting {
  /** Unordered; removal is a scan (a few thousand pointers), adding is a push. */
  docs: Doc[];
  /**
   * The documents by uri, made when first asked. Documents added and removed since are noted
   * in `added` and `removed` and merged in at the next query (one pass, no sort of the
   * whole list); past a few, the list is dropped and sorted again when asked.
   */
  sorted: Doc[] | null;
  added?: Doc[];
  removed?: Set<Doc>;
  /** The earliest-dated document (see earliestFileOf), undefined until asked or after a change. */
  earliest?: Doc;
  /** Display name (entity: of its first mention; theme: its label), and entity kind. */
  name: string;
  kind: string;
  mentions: number;
}

const byUri = (a: Doc, b: Doc) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);

/** Changes noted against a sorted list beyond which sorting it again is as cheap as merging. */
const MAX_PENDING = 64;

/** Notes a document added to a posting whose sorted list is kept (see Posting.sorted). */
function noteAdded(p: Posting, doc: Doc): void {
  if (!p.sorted) return;
  (p.added ??= []).push(doc);
  if (p.added.length + (p.removed?.size ?? 0) > MAX_PENDING) dropSorted(p);
}

/** Notes a document removed from a posting whose sorted list is kept. */
function noteRemoved(p: Posting, doc: Doc): void {
  if (!p.sorted) return;
  // Added since the list was made: it is not in the list, only in the notes.
  const at = p.added ? p.added.indexOf(doc) : -1;
  if (at >= 0) p.added!.splice(at, 1);
  else (p.removed ??= new Set()).add(doc);
  if ((p.added?.length ?? 0) + (p.removed?.size ?? 0) > MAX_PENDING) dropSorted(p);
}

function dropSorted(p: Posting): void {
  p.sorted = null;
  p.added = undefined;
  p.removed = undefined;
}

/**
 * The posting's documents by uri: the kept list with the noted changes merged in (a new
 * array: a streamed answer may still be walking the old one), or a fresh sort.
 */
function sortedDocs(p: Posting): Doc[] {
  if (!p.sorted) return (p.sorted = [...p.docs].sort(byUri));
  if (!p.added?.length && !p.removed?.size) return p.sorted;
  const removed = p.removed;
  const added = (p.added ?? []).sort(byUri);
  const out: Doc[] = [];
  let j = 0;
  for (const d of p.sorted) {
    if (removed?.has(d)) continue;
    while (j < added.length && added[j].uri < d.uri) out.push(added[j++]);
    out.push(d);
  }
  while (j < added.length) out.push(added[j++]);
  p.added = undefined;
  p.removed = undefined;
  return (p.sorted = out);
}

/** One document's share of a posting. */
type Contribution = (id: string, name: string, kind: string, mentions: number) => void;

export class WorkspaceIndex {
  private readonly docs = new Map<string, Doc>();
  /** entity id / theme id -> where it occurs. */
  private readonly entityPostings = new Map<string, Posting>();
  private readonly themePostings = new Map<string, Posting>();
  /** Scratch maps for a document's contributions (id -> count, id -> first occurrence). */
  private readonly counts = new Map<string, number>();
  private readonly firsts = new Map<string, number>();
  private refCounts = new Int32Array(256);
  private firstRefs = new Int32Array(256);
  private readonly touched: number[] = [];
  private readonly analyses = new Lru<Doc, DocumentAnalysis>(ANALYSIS_CACHE);
  /** Documents set as text whose contributions are not in the maps yet (see `settle`). */
  private readonly unsettled = new Set<Doc>();
  private readonly texts = new Lru<Doc, string>(TEXT_CACHE);
  /** The last few complete mentionsOf answers, valid while the generation stays. */
  private readonly recentMentions = new Lru<string, { generation: number; locations: MentionLocation[] }>(4);
  /** Strings and entity triples of every packed analysis. */
  readonly table = new StringTable();
  /** Files not indexed, with the reason (binary, over the size cap...). */
  readonly skipped = new Map<string, string>();
  /**
   * The stamps of skipped files that were read (binary, not decodable), for the cache; an
   * entry counts only while `skipped` has its uri.
   */
  readonly skippedStamps = new Map<string, FileStamp>();
  private listeners: ((change: IndexChange) => void)[] = [];
  /** Increases on every change; lets callers cache derived results. */
  generation = 0;
  /** The data version of the current analyser (see setAnalyser). */
  dataVersion: string;
  private readonly loadText: ((uri: string) => string | null) | null;
  private readonly onStale: ((uri: string) => void) | null;

  constructor(
    private analyser: Analyser,
    options: IndexOptions = {},
  ) {
    this.dataVersion = options.dataVersion ?? '';
    this.loadText = options.loadText ?? null;
    this.onStale = options.onStale ?? null;
  }

  /**
   * Replaces the analyser (new user entities or themes) and re-analyses every document held
   * in memory. Digests indexed from disk with another data version are then stale
   * (`isCurrent` says no): the server re-analyses them from disk.
   */
  setAnalyser(analyser: Analyser, dataVersion = this.dataVersion): void {
    this.analyser = analyser;
    this.dataVersion = dataVersion;
    for (const d of this.docs.values()) {
      if (!d.mem) continue;
      this.withdraw(d);
      d.mem = this.live(d.uri, d.mem.text, d.mem.maxBytes, d.mem.lineStarts);
      this.unsettled.add(d);
    }
    this.changed({ uris: 'all' });
  }

  /**
   * Makes a document's text the indexed state of `uri`; its analysis is made when first
   * needed (by a feature or an index query). Only its first `maxBytes` (UTF-8) are analysed
   * (analysedPart.ts): the server gives an open document its digestLens.maxFileSize.
   */
  set(uri: string, text: string, version: number | null, maxBytes = Infinity): IndexedDoc {
    let doc = this.docs.get(uri);
    if (doc?.mem && doc.mem.text === text && doc.mem.maxBytes === maxBytes) {
      doc.version = version;
      return doc;
    }
    if (doc) this.withdraw(doc);
    else this.docs.set(uri, (doc = new Doc(this, uri, version)));
    this.skipped.delete(uri);
    doc.version = version;
    // An open note edited: its next analysis patches the previous one (provisional.ts).
    doc.mem = this.live(uri, text, maxBytes, null, version !== null && doc.mem?.maxBytes === maxBytes ? doc.mem : null);
    this.unsettled.add(doc);
    this.changed({ uris: [uri] });
    return doc;
  }

  /**
   * Makes the analysis of a file on disk the indexed state of `uri` (text not kept). When
   * the document is open (its live text is in memory) the live state stays in force and
   * this only records the disk state.
   */
  setDisk(uri: string, disk: DiskState, notify = true): void {
    let doc = this.docs.get(uri);
    this.skipped.delete(uri);
    if (doc?.mem && doc.version !== null) {
      doc.disk = disk;
      return;
    }
    if (doc) this.withdraw(doc);
    else this.docs.set(uri, (doc = new Doc(this, uri, null)));
    doc.version = null;
    doc.mem = null;
    doc.disk = disk;
    this.insert(doc);
    if (notify) this.changed({ uris: [uri] });
  }

  /**
   * `setDisk` for many files at once, without notifying (a warm start's thousands of cached
   * analyses): the documents new to the index have their contributions gathered per entity
   * and per theme in typed arrays and added to the maps once per entity, not once per
   * document and entity. The maps end up as `setDisk` one by one would leave them.
   */
  setDiskMany(files: readonly { uri: string; disk: DiskState }[]): void {
    const fresh: Doc[] = [];
    const made = new Map<string, Doc>();
    for (const { uri, disk } of files) {
      const again = made.get(uri);
      if (again) {
        again.disk = disk; // the same file twice: the last state wins, as one by one
        continue;
      }
      if (this.docs.has(uri)) {
        this.setDisk(uri, disk, false); // already indexed (or open): the general way
        continue;
      }
      const doc = new Doc(this, uri, null);
      doc.disk = disk;
      doc.inserted = true;
      this.docs.set(uri, doc);
      this.skipped.delete(uri);
      made.set(uri, doc);
      fresh.push(doc);
    }
    if (fresh.length) this.insertMany(fresh);
  }

  /** Analyses a file's text read from disk and indexes it as a disk state. */
  setDiskText(uri: string, text: string, stamp: FileStamp): void {
    const disk: DiskState = { stamp, packed: pack(this.analyser(text, uri), this.table, text), lineStarts: Int32Array.from(lineStarts(text)), textLength: text.length, dataVersion: this.dataVersion };
    this.setDisk(uri, disk);
    this.texts.set(this.docs.get(uri)!, text);
  }

  /**
   * Drops the live state of a closed document whose file on disk is still the one indexed;
   * returns false (nothing done) when the disk state is missing or not current.
   */
  revertToDisk(uri: string, stamp: FileStamp): boolean {
    const doc = this.docs.get(uri);
    if (!doc?.disk || !this.isCurrent(uri, stamp)) return false;
    this.setDisk(uri, doc.disk);
    return true;
  }

  /** True when `uri` has a disk state for exactly this stamp and the current data version. */
  isCurrent(uri: string, stamp: FileStamp): boolean {
    const d = this.docs.get(uri)?.disk;
    return !!d && d.stamp.size === stamp.size && d.stamp.mtimeMs === stamp.mtimeMs && d.dataVersion === this.dataVersion;
  }

  /** Documents whose disk state was analysed under another data version (user files changed). */
  staleOnDisk(): string[] {
    const out: string[] = [];
    for (const d of this.docs.values()) if (d.disk && d.disk.dataVersion !== this.dataVersion) out.push(d.uri);
    return out;
  }

  /** The disk state of a document (for the cache). */
  diskState(uri: string): DiskState | null {
    return this.docs.get(uri)?.disk ?? null;
  }

  /** Records that a file is not indexed, and why (with its stamp when it was read); drops any earlier analysis of it. */
  skip(uri: string, reason: string, stamp?: FileStamp): void {
    this.delete(uri);
    this.skipped.set(uri, reason);
    if (stamp) this.skippedStamps.set(uri, stamp);
    else this.skippedStamps.delete(uri);
  }

  /** Forgets a document. */
  delete(uri: string): void {
    const old = this.docs.get(uri);
    this.skipped.delete(uri);
    if (!old) return;
    this.withdraw(old);
    this.docs.delete(uri);
    this.changed({ uris: [uri] });
  }

  get(uri: string): IndexedDoc | undefined {
    return this.docs.get(uri);
  }

  has(uri: string): boolean {
    return this.docs.has(uri);
  }

  get size(): number {
    return this.docs.size;
  }

  /** Every indexed document. */
  all(): IterableIterator<IndexedDoc> {
    return this.docs.values();
  }

  /** Mentions and files of an entity over the workspace, from running totals. */
  countsOf(id: string): { mentions: number; files: number } {
    this.settle();
    const p = this.entityPostings.get(id);
    return { mentions: p?.mentions ?? 0, files: p?.docs.length ?? 0 };
  }

  /** Every mention of an entity (at most `limit`), across the workspace, documents in uri order. */
  mentionsOf(id: string, limit = Infinity): MentionLocation[] {
    this.settle();
    // Hover, definition and references of one entity often come one after the other.
    const cached = this.recentMentions.get(id);
    if (cached && cached.generation === this.generation) return cached.locations.slice(0, limit);
    const out: MentionLocation[] = [];
    const docs = this.sorted(this.entityPostings.get(id));
    if (!docs.length) return out;
    // The entity triples with this id (names may differ), as a mask over entity refs.
    const t = this.table;
    const refs = new Uint8Array(t.entities.length / 3);
    const canon = t.canonicalOf(id);
    const canonical = t.canonical;
    for (let r = 0; r < refs.length; r++) if (canonical[r] === canon) refs[r] = 1;
    let uri = '';
    const add = (mention: Mention) => void out.push({ uri, mention });
    for (const doc of docs) {
      if (out.length >= limit) break;
      uri = doc.uri;
      if (doc.mem) {
        for (const m of doc.mem.analysis.mentions) if (m.id === id) add(m);
      } else forMentionsWithRefs(doc.disk!.packed, t, refs, add);
    }
    if (out.length > limit) out.length = limit;
    else this.recentMentions.set(id, { generation: this.generation, locations: out.slice() });
    return out;
  }


  /** The documents an entity is mentioned in, in uri order (the list is kept until they change). */
  docsMentioning(id: string): readonly IndexedDoc[] {
    this.settle();
    return this.sorted(this.entityPostings.get(id));
  }

  /**
   * The spans of an entity's mentions in one document, as offset, length pairs in text order:
   * references stream these document by document without building a Mention for each.
   */
  mentionSpansIn(doc: IndexedDoc, id: string): number[] {
    const out: number[] = [];
    const d = this.docs.get(doc.uri);
    if (!d) return out;
    if (d.mem) {
      for (const m of d.mem.analysis.mentions) if (m.id === id) out.push(m.offset, m.length);
    } else {
      const canon = this.table.canonicalOf(id);
      if (canon >= 0) mentionSpansWithCanonical(d.disk!.packed, this.table, canon, out);
    }
    return out;
  }

  /** The first uri (in uri order) where an entity is mentioned, without sorting them all. */
  firstFileOf(id: string): string | undefined {
    this.settle();
    return this.first(this.entityPostings.get(id))?.uri;
  }

  /**
   * The uri of the document with the earliest date where an entity is mentioned (undated
   * documents count as latest; ties go to the smaller uri): what go-to-definition and the
   * first batch of references wait for. Kept with the posting until its documents change, so
   * asking again for a common entity costs nothing.
   */
  earliestFileOf(id: string): string | undefined {
    this.settle();
    const posting = this.entityPostings.get(id);
    if (!posting) return undefined;
    if (posting.earliest) return posting.earliest.uri;
    let best: Doc | undefined;
    let bestDate: string | null = null;
    for (const doc of this.sorted(posting)) {
      const date = doc.mem ? doc.mem.analysis.date : packedDate(doc.disk!.packed, this.table);
      if (best === undefined || (date !== null && (bestDate === null || date < bestDate))) {
        best = doc;
        bestDate = date;
      }
    }
    posting.earliest = best;
    return best?.uri;
  }

  /** The uris where an entity is mentioned. */
  filesOf(id: string): string[] {
    this.settle();
    return this.sorted(this.entityPostings.get(id)).map((d) => d.uri);
  }

  /** Every keyword hit of a theme (at most `limit`), across the workspace. */
  themeHitsOf(id: string, limit = Infinity): ThemeLocation[] {
    this.settle();
    const posting = this.themePostings.get(id);
    // A theme is in most documents: for its first hit, the first document will do.
    if (limit === 1 && posting && !posting.sorted) {
      const doc = this.first(posting)!;
      const hits = this.hitsIn(doc, id);
      if (hits.length) return [{ uri: doc.uri, span: hits[0] }];
    }
    const out: ThemeLocation[] = [];
    for (const doc of this.sorted(posting)) {
      if (out.length >= limit) break;
      for (const span of this.hitsIn(doc, id)) out.push({ uri: doc.uri, span });
    }
    if (out.length > limit) out.length = limit;
    return out;
  }

  private hitsIn(doc: Doc, id: string): Span[] {
    return doc.mem ? (doc.mem.analysis.themes.find((t) => t.id === id)?.hits ?? []) : themeHitsWithId(doc.disk!.packed, this.table, id);
  }

  /** Entity counts over the workspace, or over one document. */
  entityCounts(uri?: string): EntityCount[] {
    this.settle();
    if (uri === undefined) return [...this.entityPostings].map(([id, p]) => ({ id, name: p.name, kind: p.kind, mentions: p.mentions, files: p.docs.length }));
    const doc = this.docs.get(uri);
    const out: EntityCount[] = [];
    if (doc) this.entityContributions(doc, (id, name, kind, mentions) => out.push({ id, name, kind, mentions, files: 1 }));
    return out;
  }

  /** Theme counts over the workspace, or over one document. */
  themeCounts(uri?: string): ThemeCount[] {
    this.settle();
    if (uri === undefined) return [...this.themePostings].map(([id, p]) => ({ id, label: p.name, mentions: p.mentions, files: p.docs.length }));
    const doc = this.docs.get(uri);
    const out: ThemeCount[] = [];
    if (doc) this.themeContributions(doc, (id, label, _kind, mentions) => out.push({ id, label, mentions, files: 1 }));
    return out;
  }

  /** Calls `listener` after every change; returns a function that removes it. */
  onChange(listener: (change: IndexChange) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** Tells listeners about changes made with `notify` false (a batch from a worker). */
  notifyChanged(uris: string[] | 'all'): void {
    this.changed({ uris });
  }

  /** The analysis of a disk document, unpacked on use (recent ones are cached). */
  unpacked(doc: Doc): DocumentAnalysis {
    let a = this.analyses.get(doc);
    if (!a) this.analyses.set(doc, (a = new PackedView(doc.disk!.packed, this.table, () => doc.text)));
    return a;
  }

  /** Marks an open document as closed: its live state no longer wins over the disk state. */
  markClosed(uri: string): void {
    const doc = this.docs.get(uri);
    if (doc) doc.version = null;
  }

  /**
   * Whether an open note's analysis is provisional (patched after an edit, provisional.ts)
   * or will be when next made: a whole analysis of its text is then due (installExact).
   */
  needsExact(uri: string): boolean {
    return !!this.docs.get(uri)?.mem?.needsExact;
  }

  /**
   * Installs a whole analysis of an open note's text, made off the request path (a worker,
   * or the main thread once the edits settle), in place of its provisional one. Refused
   * (false) when the note has moved on: another version or text than the one analysed.
   */
  installExact(uri: string, version: number | null, text: string, analysis: DocumentAnalysis): boolean {
    const doc = this.docs.get(uri);
    const mem = doc?.mem;
    if (!doc || !mem || doc.version !== version || mem.text !== text || mem.analysedLength !== text.length) return false;
    this.withdraw(doc);
    doc.mem = this.live(uri, text, mem.maxBytes, mem.lineStarts, null, analysis);
    this.unsettled.add(doc);
    this.changed({ uris: [uri] });
    return true;
  }

  /** Makes and installs the whole analysis of an open note whose analysis is provisional, here. */
  settleExact(uri: string): boolean {
    const doc = this.docs.get(uri);
    if (!doc?.mem?.needsExact) return false;
    return this.installExact(uri, doc.version, doc.mem.text, this.analyser(doc.mem.text, uri));
  }

  /**
   * The object that stands for a document's current analysis: it changes whenever the
   * analysis does (caches derived from one document key on it), undefined when not indexed.
   */
  stateKey(uri: string): object | undefined {
    const doc = this.docs.get(uri);
    return doc ? (doc.mem ?? doc.disk!.packed) : undefined;
  }

  /**
   * A document's analysis for a one-off pass over the whole workspace (the fact store): for a
   * digest indexed from disk a fresh view of its packed form, neither read from disk nor put
   * into the small cache of recent analyses that requests on open documents use.
   */
  analysisForScan(uri: string): DocumentAnalysis | undefined {
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    return doc.mem ? doc.mem.analysis : new PackedView(doc.disk!.packed, this.table, () => doc.text);
  }

  /** The date of a document without unpacking its analysis. */
  dateOf(uri: string): string | null {
    const doc = this.docs.get(uri);
    if (!doc) return null;
    return doc.mem ? doc.mem.analysis.date : packedDate(doc.disk!.packed, this.table);
  }

  /** The text of a disk document, read through `loadText` (recent ones are cached). */
  diskText(doc: Doc): string {
    let text = this.texts.get(doc);
    if (text !== undefined) return text;
    text = this.loadText?.(doc.uri) ?? '';
    if (text.length !== doc.disk!.textLength) this.onStale?.(doc.uri);
    else this.texts.set(doc, text);
    return text;
  }

  /**
   * Puts the contributions of the documents set since the last query into the maps,
   * analysing them if no feature has yet. Every query of the maps calls it first.
   */
  settle(): void {
    if (this.unsettled.size === 0) return;
    for (const doc of this.unsettled) this.insert(doc);
    this.unsettled.clear();
  }

  /** The live state of a text, analysed on first use by the analyser of now. */
  private live(uri: string, text: string, maxBytes: number, starts: number[] | null = null, base: Live | null = null, made: DocumentAnalysis | null = null): Live {
    const analyser = this.analyser;
    return new Live(text, (t) => analyser(t, uri), maxBytes, analysedLength(text, maxBytes), starts, base, made);
  }

  /** The document with the smallest uri, from the sorted list when there is one, else by a scan. */
  private first(posting: Posting | undefined): Doc | undefined {
    if (!posting) return undefined;
    if (posting.sorted && !posting.added?.length && !posting.removed?.size) return posting.sorted[0];
    let best = posting.docs[0];
    for (const d of posting.docs) if (d.uri < best.uri) best = d;
    return best;
  }

  private sorted(posting: Posting | undefined): Doc[] {
    if (!posting) return [];
    return sortedDocs(posting);
  }

  /** Per entity id of a document: name and kind of its first mention, and its mention count. */
  private entityContributions(doc: Doc, fn: Contribution): void {
    const t = this.table;
    if (doc.mem) {
      const { counts, firsts } = this;
      counts.clear();
      firsts.clear();
      const mentions = doc.mem.analysis.mentions;
      for (let k = 0; k < mentions.length; k++) {
        const id = mentions[k].id;
        const n = counts.get(id);
        if (n === undefined) {
          counts.set(id, 1);
          firsts.set(id, k);
        } else counts.set(id, n + 1);
      }
      for (const [id, n] of counts) {
        const m = mentions[firsts.get(id)!];
        fn(id, m.name, m.kind, n);
      }
      return;
    }
    // Counted by canonical entity ref (one per id) in typed arrays: no map, no string.
    const ints = doc.disk!.packed.ints;
    const { first, count, stride } = mentionEntitySlots(doc.disk!.packed);
    const triples = t.entities.length / 3;
    if (this.refCounts.length < triples) {
      this.refCounts = new Int32Array(Math.max(256, triples * 2));
      this.firstRefs = new Int32Array(this.refCounts.length);
    }
    const rc = this.refCounts;
    const fr = this.firstRefs;
    const canonical = t.canonical;
    const touched = this.touched;
    touched.length = 0;
    for (let k = 0, i = first; k < count; k++, i += stride) {
      const ref = ints[i];
      const c = canonical[ref];
      if (rc[c]++ === 0) {
        touched.push(c);
        fr[c] = ref;
      }
    }
    for (const c of touched) {
      const e = fr[c] * 3;
      fn(t.strings[t.entities[e]], t.strings[t.entities[e + 1]], t.strings[t.entities[e + 2]], rc[c]);
      rc[c] = 0;
    }
  }

  /** Per theme of a document: label and keyword hits. */
  private themeContributions(doc: Doc, fn: Contribution): void {
    if (doc.mem) for (const th of doc.mem.analysis.themes) fn(th.id, th.label, '', th.mentions);
    else forEachPackedTheme(doc.disk!.packed, this.table, (id, label, mentions) => fn(id, label, '', mentions));
  }

  private insert(doc: Doc): void {
    doc.inserted = true;
    this.unsettled.delete(doc);
    const add = (postings: Map<string, Posting>): Contribution => (id, name, kind, mentions) => {
      const p = postings.get(id);
      if (!p) postings.set(id, { docs: [doc], sorted: null, name, kind, mentions });
      else {
        p.docs.push(doc);
        // A common entity's list is long: an edit of one note (withdrawn, then inserted)
        // is merged into it at the next query rather than sorting it all again.
        noteAdded(p, doc);
        p.earliest = undefined;
        p.mentions += mentions;
      }
    };
    this.entityContributions(doc, add(this.entityPostings));
    this.themeContributions(doc, add(this.themePostings));
  }

  /**
   * Adds the contributions of new disk documents to the maps, gathered first: per canonical
   * entity triple and per theme id (by string ref) the documents, the mention count and the
   * name of the first mention, in insertion order, as `insert` one by one would have them.
   */
  private insertMany(docs: Doc[]): void {
    const t = this.table;
    const triples = t.entities.length / 3;
    const canonical = t.canonical;
    const entityDocs: Doc[][] = [];
    const entityMentions = new Float64Array(triples);
    const entityFirst = new Int32Array(triples).fill(-1);
    const themeDocs = new Map<number, { docs: Doc[]; label: string; mentions: number }>();
    const seen = new Int32Array(triples).fill(-1);
    const touched: number[] = [];
    for (let d = 0; d < docs.length; d++) {
      const doc = docs[d];
      const packed = doc.disk!.packed;
      const ints = packed.ints;
      const { first, count, stride } = mentionEntitySlots(packed);
      touched.length = 0;
      for (let k = 0, i = first; k < count; k++, i += stride) {
        const ref = ints[i];
        const c = canonical[ref];
        if (seen[c] !== d) {
          seen[c] = d;
          touched.push(c);
          if (entityFirst[c] < 0) entityFirst[c] = ref;
          (entityDocs[c] ??= []).push(doc);
        }
        entityMentions[c]++;
      }
      forEachPackedThemeRef(packed, t, (idRef, label, mentions) => {
        const th = themeDocs.get(idRef);
        if (th) {
          th.docs.push(doc);
          th.mentions += mentions;
        } else themeDocs.set(idRef, { docs: [doc], label, mentions });
      });
    }
    const merge = (postings: Map<string, Posting>, id: string, docsOf: Doc[], name: string, kind: string, mentions: number) => {
      const p = postings.get(id);
      if (!p) postings.set(id, { docs: docsOf, sorted: null, name, kind, mentions });
      else {
        for (const doc of docsOf) p.docs.push(doc);
        p.sorted = null;
        p.mentions += mentions;
      }
    };
    for (let c = 0; c < entityDocs.length; c++) {
      const docsOf = entityDocs[c];
      if (!docsOf) continue;
      const e = entityFirst[c] * 3;
      merge(this.entityPostings, t.strings[t.entities[e]], docsOf, t.strings[t.entities[e + 1]], t.strings[t.entities[e + 2]], entityMentions[c]);
    }
    for (const [idRef, th] of themeDocs) merge(this.themePostings, t.strings[idRef], th.docs, th.label, '', th.mentions);
  }

  /** Removes a document's contributions from the maps. */
  private withdraw(doc: Doc): void {
    this.unsettled.delete(doc);
    this.analyses.delete(doc);
    this.texts.delete(doc);
    if (!doc.inserted) return;
    doc.inserted = false;
    const remove = (postings: Map<string, Posting>): Contribution => (id, _name, _kind, mentions) => {
      const p = postings.get(id);
      const at = p ? p.docs.lastIndexOf(doc) : -1;
      if (at < 0) return;
      p!.docs[at] = p!.docs[p!.docs.length - 1];
      p!.docs.pop();
      noteRemoved(p!, doc);
      p!.earliest = undefined;
      p!.mentions -= mentions;
      if (p!.docs.length === 0) postings.delete(id);
    };
    this.entityContributions(doc, remove(this.entityPostings));
    this.themeContributions(doc, remove(this.themePostings));
  }

  private changed(change: IndexChange): void {
    this.generation++;
    for (const l of this.listeners) l(change);
  }
}
