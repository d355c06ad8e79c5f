/**
 * A compact form of a DocumentAnalysis for documents that are not open: two typed arrays
 * per document and references into shared string and entity tables. A workspace of 10,000
 * digests holds about a million mentions, figures and theme hits; as objects they take
 * ~250 MB of heap, packed ~45 MB. The same form travels from the analysis workers
 * (transferred, not cloned) and is what the index cache stores on disk.
 *
 * Layout of `ints` (all Int32):
 *   header   [figures, mentions, themes, sections, dateRef, flags (1 traditional, 2 narrow)]
 *   figures  [offset, length, textRef, currencyRef, perRef, qualifierRef, flags,
 *             metricRef, periodRef, fact, (idRef, nameRef, offset, length) × subject, counterparty,
 *             source] × figures  (a party's idRef of -1: null)
 *   mentions [span, textRef, entityRef, tickerRef, tickerOffset] × mentions
 *   themes   [idRef, labelRef, mentions, paragraphs, hits, (offset, length, mentions) × paragraphs,
 *             span × hits] × themes
 *   sections [offset, length, titleRef, line] × sections
 * A span is one int, offset << 8 | length, in a "narrow" document (every mention and hit
 * shorter than 256 and starting before 2^23, which is nearly always so), else two ints,
 * offset and length: mentions and theme hits are two thirds of the data.
 * `floats` holds [value, min, max] per figure, then one score per theme.
 * A string ref of -1 stands for null. A figure's text is kept (a textRef of -2, "the text at
 * its span", is only written when packing without the fact fields' consumers in mind: tests);
 * the figures table and the dossier are served from the index without reading any file.
 * `entityRef` points at an (id, name, kind) triple.
 */
import type { DocumentAnalysis, EntityKind, Figure, FigureParty, Metric, Mention, Section, Span, ThemeScore } from '../analysis/types';

/** One document's analysis, packed. */
export interface PackedAnalysis {
  ints: Int32Array;
  floats: Float64Array;
}

const HEADER = 6;
/** Ints per figure: 7 for the amount, 3 for metric, period and fact, 4 per party (subject, counterparty, source). */
const FIGURE = 22;
const SECTION = 4;
/** Ints per mention after its span: text, entity and ticker refs, and where the ticker is written. */
const MENTION = 4;
const TRADITIONAL = 1;
const NARROW = 2;
/** Ints per span (mention span, theme hit) in a narrow and in a wide document. */
const spanInts = (ints: Int32Array) => (ints[5] & NARROW ? 1 : 2);
const spanOffset = (ints: Int32Array, i: number, w: number) => (w === 1 ? ints[i] >>> 8 : ints[i]);
const spanLength = (ints: Int32Array, i: number, w: number) => (w === 1 ? ints[i] & 255 : ints[i + 1]);
const fitsNarrow = (s: Span) => s.length < 256 && s.offset < 1 << 23;
/** Figure flags. */
const APPROXIMATE = 1;
const HAS_MIN = 2;
const HAS_MAX = 4;
/** Bits 3-4: the ambiguity field (absent, null, 'zhao', 'yen-sign'). */
const AMBIGUITY_SHIFT = 3;
const AMBIGUITIES = [undefined, null, 'zhao', 'yen-sign'] as const;
/** Bit 5: the fact fields (subject, counterparty, source, metric, period, fact) are set. */
const HAS_FACTS = 32;

/**
 * Interned strings and (id, name, kind) entity triples. References are indices; the tables
 * only grow (a full re-index or a restart from the cache starts with fresh tables).
 */
export class StringTable {
  readonly strings: string[] = [];
  /**
   * string -> ref; null after a bulk adoption into an empty table (a warm start's 80,000
   * strings), until a string is next looked up: a warm start then builds no map at all.
   */
  private stringIds: Map<string, number> | null = new Map();
  /** Entity triples, flattened: id, name, kind string refs. */
  readonly entities: number[] = [];
  /**
   * Per entity triple, the first triple with the same id: mentions of one entity written
   * with different names count together, by number.
   */
  readonly canonical: number[] = [];
  /** id -> triples with that id (usually one), for lookups without building a key string. */
  private readonly byId = new Map<string, number[]>();

  /**
   * The reference of a string (null → -1), adding it when new. `fresh`: the string is known
   * to own its characters (it came out of a message or JSON.parse), so no copy is made.
   */
  string(s: string | null, fresh = false): number {
    if (s === null) return -1;
    const ids = (this.stringIds ??= this.idsOf());
    let ref = ids.get(s);
    if (ref === undefined) {
      ref = this.strings.length;
      // A substring may be a view that keeps the whole document text alive: store a copy.
      const own = !fresh && s.length > 12 ? (JSON.parse(JSON.stringify(s)) as string) : s;
      this.strings.push(own);
      ids.set(own, ref);
    }
    return ref;
  }

  /** The map from strings to refs, built from the table (the first ref of a string wins). */
  private idsOf(): Map<string, number> {
    const ids = new Map<string, number>();
    for (let i = 0; i < this.strings.length; i++) if (!ids.has(this.strings[i])) ids.set(this.strings[i], i);
    return ids;
  }

  /** The reference of an (id, name, kind) triple, adding it when new. */
  entity(id: string, name: string, kind: string): number {
    return this.entityOf(id, name, kind, () => [this.string(id), this.string(name), this.string(kind)]);
  }

  /** `entity`, the string refs of a new triple made by `refsOf` only when it is new. */
  private entityOf(id: string, name: string, kind: string, refsOf: () => [number, number, number]): number {
    let refs = this.byId.get(id);
    if (refs) {
      for (const ref of refs) {
        if (this.strings[this.entities[ref * 3 + 1]] === name && this.strings[this.entities[ref * 3 + 2]] === kind) return ref;
      }
    } else this.byId.set(id, (refs = []));
    const ref = this.entities.length / 3;
    this.entities.push(...refsOf());
    this.canonical.push(refs.length ? refs[0] : ref);
    refs.push(ref);
    return ref;
  }

  /** The string of a reference (-1 → null). */
  get(ref: number): string | null {
    return ref < 0 ? null : this.strings[ref];
  }

  /** The canonical triple of an entity id (see `canonical`), or -1 when no mention has it. */
  canonicalOf(id: string): number {
    return this.byId.get(id)?.[0] ?? -1;
  }

  /** The id string of an entity triple. */
  entityId(ref: number): string {
    return this.strings[this.entities[ref * 3]];
  }

  /**
   * Imports another table's strings and triples (from a worker or the cache file) and
   * returns the maps from its references to this table's.
   */
  adopt(strings: readonly string[], entities: ArrayLike<number>): { strings: Int32Array; entities: Int32Array } {
    const map = new RefMap();
    this.extend(map, strings, entities);
    return map.view();
  }

  /**
   * Adopts the strings and triples another table added since `map` was last extended (a
   * worker's table grows over a run and sends only what is new), growing `map` with them.
   * The triples' string refs are in the other table's numbering, old strings included.
   * The strings came out of a message or a file: they own their characters.
   */
  extend(map: RefMap, strings: readonly string[], entities: ArrayLike<number>): void {
    const s = map.growStrings(strings.length);
    const base = map.stringCount - strings.length;
    if (this.strings.length === 0 && base === 0) {
      // Into an empty table (a warm start): the same refs, the map from strings built
      // when first needed.
      for (let i = 0; i < strings.length; i++) {
        this.strings.push(strings[i]);
        s[i] = i;
      }
      this.stringIds = null;
    } else for (let i = 0; i < strings.length; i++) s[base + i] = this.string(strings[i], true);
    const n = entities.length / 3;
    const e = map.growEntities(n);
    const eBase = map.entityCount - n;
    for (let i = 0; i < n; i++) {
      const a = s[entities[i * 3]];
      const b = s[entities[i * 3 + 1]];
      const c = s[entities[i * 3 + 2]];
      e[eBase + i] = this.entityOf(this.strings[a], this.strings[b], this.strings[c], () => [a, b, c]);
    }
  }
}

/**
 * Maps the string and triple references of another table (a worker's, the cache file's) to
 * this server's: grows as the other table sends what it added.
 */
export class RefMap {
  private s: Int32Array<ArrayBuffer> = new Int32Array(0);
  private e: Int32Array<ArrayBuffer> = new Int32Array(0);
  stringCount = 0;
  entityCount = 0;

  /** Makes room for `n` more strings; returns the array to write them into. */
  growStrings(n: number): Int32Array {
    this.s = grown(this.s, (this.stringCount += n));
    return this.s;
  }

  /** Makes room for `n` more triples; returns the array to write them into. */
  growEntities(n: number): Int32Array {
    this.e = grown(this.e, (this.entityCount += n));
    return this.e;
  }

  /** The maps as `remap` takes them (views: valid until the next growth). */
  view(): { strings: Int32Array; entities: Int32Array } {
    return { strings: this.s.subarray(0, this.stringCount), entities: this.e.subarray(0, this.entityCount) };
  }
}

const grown = (a: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> => {
  if (size <= a.length) return a;
  const b = new Int32Array(Math.max(size, a.length * 2, 64));
  b.set(a);
  return b;
};

/** A figure textRef: the figure's text is the document's text at its span. */
const FROM_TEXT = -2;

/**
 * Packs an analysis, interning its strings in `table`. Figure texts are stored, so that the
 * figures table and the dossier never read a file; with `keepText` false and the document's
 * `text`, they are not, and unpacking them needs the text again.
 */
export function pack(a: DocumentAnalysis, table: StringTable, text?: string, keepText = true): PackedAnalysis {
  const narrow = a.mentions.every(fitsNarrow) && a.themes.every((t) => t.hits.every(fitsNarrow));
  const w = narrow ? 1 : 2;
  let size = HEADER + a.figures.length * FIGURE + a.mentions.length * (MENTION + w) + a.sections.length * SECTION;
  for (const t of a.themes) size += 5 + t.paragraphs.length * 3 + t.hits.length * w;
  const ints = new Int32Array(size);
  const floats = new Float64Array(a.figures.length * 3 + a.themes.length);
  ints.set([a.figures.length, a.mentions.length, a.themes.length, a.sections.length, table.string(a.date), (a.traditional ? TRADITIONAL : 0) | (narrow ? NARROW : 0)]);
  let i = HEADER;
  let f = 0;
  const span = (x: Span) => {
    if (narrow) ints[i++] = (x.offset << 8) | x.length;
    else {
      ints[i++] = x.offset;
      ints[i++] = x.length;
    }
  };
  for (const x of a.figures) {
    const facts = x.metric !== undefined || x.fact !== undefined || x.subject !== undefined;
    const flags =
      (x.approximate ? APPROXIMATE : 0) |
      (x.min !== null ? HAS_MIN : 0) |
      (x.max !== null ? HAS_MAX : 0) |
      (AMBIGUITIES.indexOf(x.ambiguity as never) << AMBIGUITY_SHIFT) |
      (facts ? HAS_FACTS : 0);
    ints[i++] = x.offset;
    ints[i++] = x.length;
    ints[i++] = text !== undefined && keepText === false && text.startsWith(x.text, x.offset) ? FROM_TEXT : table.string(x.text);
    ints[i++] = table.string(x.currency);
    ints[i++] = table.string(x.per);
    ints[i++] = table.string(x.qualifier);
    ints[i++] = flags;
    ints[i++] = table.string(x.metric ?? null);
    ints[i++] = table.string(x.period ?? null);
    ints[i++] = x.fact ?? -1;
    for (const party of [x.subject, x.counterparty, x.source]) {
      if (party) {
        ints[i++] = table.string(party.id);
        ints[i++] = table.string(party.name);
        ints[i++] = party.offset;
        ints[i++] = party.length;
      } else {
        ints[i++] = -1;
        ints[i++] = -1;
        ints[i++] = 0;
        ints[i++] = 0;
      }
    }
    floats[f++] = x.value;
    floats[f++] = x.min ?? 0;
    floats[f++] = x.max ?? 0;
  }
  for (const m of a.mentions) {
    span(m);
    const entity = table.entity(m.id, m.name, m.kind);
    // Mostly written as the entity's name: its ref, without hashing the text again.
    ints[i++] = m.text === m.name ? table.entities[entity * 3 + 1] : table.string(m.text);
    ints[i++] = entity;
    ints[i++] = m.ticker === null ? -1 : table.string(m.ticker);
    ints[i++] = m.tickerOffset;
  }
  for (const t of a.themes) {
    ints[i++] = table.string(t.id);
    ints[i++] = table.string(t.label);
    ints[i++] = t.mentions;
    ints[i++] = t.paragraphs.length;
    ints[i++] = t.hits.length;
    for (const p of t.paragraphs) {
      ints[i++] = p.offset;
      ints[i++] = p.length;
      ints[i++] = p.mentions;
    }
    for (const h of t.hits) span(h);
    floats[f++] = t.score;
  }
  for (const s of a.sections) {
    ints[i++] = s.offset;
    ints[i++] = s.length;
    ints[i++] = table.string(s.title);
    ints[i++] = s.line;
  }
  return { ints, floats };
}

/** Where the mention block starts, how many mentions, ints per mention, and ints per span. */
function mentionBlock(ints: Int32Array): { start: number; count: number; stride: number; w: number } {
  const w = spanInts(ints);
  return { start: HEADER + ints[0] * FIGURE, count: ints[1], stride: MENTION + w, w };
}

/** Where the theme block starts. */
const themeBlock = (ints: Int32Array) => HEADER + ints[0] * FIGURE + ints[1] * (MENTION + spanInts(ints));

/** Ints taken by the theme at `i`. */
const themeInts = (ints: Int32Array, i: number, w: number) => 5 + ints[i + 3] * 3 + ints[i + 4] * w;

/**
 * Calls `visit` with the index of every string ref slot, `visitEntity` with that of every
 * entity ref slot, in layout order.
 */
function forEachSlot(ints: Int32Array, visit: (i: number) => void, visitEntity: (i: number) => void): void {
  const w = spanInts(ints);
  visit(4);
  let i = HEADER;
  for (let n = ints[0]; n > 0; n--, i += FIGURE) {
    visit(i + 2);
    visit(i + 3);
    visit(i + 4);
    visit(i + 5);
    visit(i + 7);
    visit(i + 8);
    for (let p = i + 10; p < i + FIGURE; p += 4) {
      visit(p);
      visit(p + 1);
    }
  }
  for (let n = ints[1]; n > 0; n--, i += MENTION + w) {
    visit(i + w);
    visitEntity(i + w + 1);
    visit(i + w + 2);
  }
  for (let n = ints[2]; n > 0; n--) {
    visit(i);
    visit(i + 1);
    i += themeInts(ints, i, w);
  }
  for (let n = ints[3]; n > 0; n--, i += SECTION) visit(i + 2);
}

/**
 * Rewrites the string and entity references of a packed analysis in place, through maps
 * returned by StringTable.adopt.
 */
export function remap(p: PackedAnalysis, maps: { strings: Int32Array; entities: Int32Array }): void {
  const ints = p.ints;
  forEachSlot(
    ints,
    (i) => {
      if (ints[i] >= 0) ints[i] = maps.strings[ints[i]];
    },
    (i) => {
      ints[i] = maps.entities[ints[i]];
    },
  );
}

function mentionAt(ints: Int32Array, i: number, w: number, t: StringTable): Mention {
  const e = ints[i + w + 1] * 3;
  return {
    offset: spanOffset(ints, i, w),
    length: spanLength(ints, i, w),
    text: t.strings[ints[i + w]],
    id: t.strings[t.entities[e]],
    name: t.strings[t.entities[e + 1]],
    kind: t.strings[t.entities[e + 2]] as EntityKind,
    ticker: t.get(ints[i + w + 2]),
    tickerOffset: ints[i + w + 3],
  };
}

/**
 * A packed analysis seen as a DocumentAnalysis: `date` and `traditional` at once, the
 * arrays unpacked into plain objects on first use, so `doc.analysis.date` over thousands
 * of documents unpacks nothing else.
 */
export class PackedView implements DocumentAnalysis {
  readonly date: string | null;
  readonly traditional: boolean;
  private f?: Figure[];
  private m?: Mention[];
  private th?: ThemeScore[];
  private s?: Section[];

  constructor(
    private readonly p: PackedAnalysis,
    private readonly t: StringTable,
    private readonly text: () => string = () => '',
  ) {
    this.date = t.get(p.ints[4]);
    this.traditional = (p.ints[5] & TRADITIONAL) !== 0;
  }

  get figures(): Figure[] {
    return (this.f ??= unpackFigures(this.p, this.t, this.text));
  }
  get mentions(): Mention[] {
    return (this.m ??= unpackMentions(this.p, this.t));
  }
  get themes(): ThemeScore[] {
    return (this.th ??= lazyThemes(this.p, this.t));
  }
  get sections(): Section[] {
    return (this.s ??= unpackSections(this.p, this.t));
  }
  /** Serialised as the plain analysis it stands for. */
  toJSON(): DocumentAnalysis {
    return { date: this.date, figures: this.figures, mentions: this.mentions, themes: this.themes, sections: this.sections, traditional: this.traditional };
  }
}

/** Unpacks a whole analysis into plain objects, equal to what `analyse` returned. */
export function unpack(p: PackedAnalysis, t: StringTable, text = ''): DocumentAnalysis {
  return {
    date: t.get(p.ints[4]),
    figures: unpackFigures(p, t, () => text),
    mentions: unpackMentions(p, t),
    themes: unpackThemes(p, t),
    sections: unpackSections(p, t),
    traditional: (p.ints[5] & TRADITIONAL) !== 0,
  };
}

function unpackFigures(p: PackedAnalysis, t: StringTable, textOf: () => string): Figure[] {
  const { ints, floats } = p;
  const figures: Figure[] = [];
  let text: string | undefined;
  let f = 0;
  for (let n = ints[0], i = HEADER; n > 0; n--, i += FIGURE, f += 3) {
    const flags = ints[i + 6];
    const ref = ints[i + 2];
    const figure: Figure = {
      text: ref === FROM_TEXT ? (text ??= textOf()).slice(ints[i], ints[i] + ints[i + 1]) : t.strings[ref],
      offset: ints[i],
      length: ints[i + 1],
      currency: t.strings[ints[i + 3]],
      value: floats[f],
      min: flags & HAS_MIN ? floats[f + 1] : null,
      max: flags & HAS_MAX ? floats[f + 2] : null,
      approximate: (flags & APPROXIMATE) !== 0,
      per: t.get(ints[i + 4]),
      qualifier: t.get(ints[i + 5]),
    };
    // An absent ambiguity stays absent (deep equality with the analyser's own output).
    const ambiguity = (flags >> AMBIGUITY_SHIFT) & 3;
    if (ambiguity) figure.ambiguity = AMBIGUITIES[ambiguity];
    if (flags & HAS_FACTS) {
      figure.subject = partyAt(ints, i + 10, t);
      figure.counterparty = partyAt(ints, i + 14, t);
      figure.source = partyAt(ints, i + 18, t);
      figure.metric = (t.get(ints[i + 7]) ?? 'other') as Metric;
      figure.period = t.get(ints[i + 8]);
      figure.fact = ints[i + 9];
    }
    figures.push(figure);
  }
  return figures;
}

function partyAt(ints: Int32Array, i: number, t: StringTable): FigureParty | null {
  if (ints[i] < 0) return null;
  return { id: t.strings[ints[i]], name: t.strings[ints[i + 1]], offset: ints[i + 2], length: ints[i + 3] };
}

function unpackMentions(p: PackedAnalysis, t: StringTable): Mention[] {
  const { start, count, stride, w } = mentionBlock(p.ints);
  const out: Mention[] = new Array(count);
  for (let k = 0; k < count; k++) out[k] = mentionAt(p.ints, start + k * stride, w, t);
  return out;
}

function unpackThemes(p: PackedAnalysis, t: StringTable): ThemeScore[] {
  const { ints, floats } = p;
  const w = spanInts(ints);
  const themes: ThemeScore[] = [];
  let f = ints[0] * 3;
  let i = themeBlock(ints);
  for (let n = ints[2]; n > 0; n--) {
    const paragraphs: ThemeScore['paragraphs'] = [];
    const hits: Span[] = [];
    const id = t.strings[ints[i]];
    const label = t.strings[ints[i + 1]];
    const count = ints[i + 2];
    const np = ints[i + 3];
    const nh = ints[i + 4];
    i += 5;
    for (let k = 0; k < np; k++, i += 3) paragraphs.push({ offset: ints[i], length: ints[i + 1], mentions: ints[i + 2] });
    for (let k = 0; k < nh; k++, i += w) hits.push({ offset: spanOffset(ints, i, w), length: spanLength(ints, i, w) });
    themes.push({ id, label, mentions: count, score: floats[f++], paragraphs, hits });
  }
  return themes;
}

/**
 * A theme of a packed analysis whose paragraphs and hits are unpacked on first use: the
 * sidebar lists themes of every document and reads only their ids.
 */
class PackedTheme implements ThemeScore {
  private p?: ThemeScore['paragraphs'];
  private h?: Span[];
  constructor(
    readonly id: string,
    readonly label: string,
    readonly mentions: number,
    readonly score: number,
    private readonly ints: Int32Array,
    private readonly at: number,
  ) {}
  get paragraphs(): ThemeScore['paragraphs'] {
    if (!this.p) {
      const out: ThemeScore['paragraphs'] = [];
      const ints = this.ints;
      for (let k = 0, i = this.at + 5; k < ints[this.at + 3]; k++, i += 3) out.push({ offset: ints[i], length: ints[i + 1], mentions: ints[i + 2] });
      this.p = out;
    }
    return this.p;
  }
  /** Serialised as the plain object it stands for. */
  toJSON(): ThemeScore {
    return { id: this.id, label: this.label, mentions: this.mentions, score: this.score, paragraphs: this.paragraphs, hits: this.hits };
  }
  get hits(): Span[] {
    if (!this.h) {
      const out: Span[] = [];
      const ints = this.ints;
      const w = spanInts(ints);
      for (let k = 0, i = this.at + 5 + ints[this.at + 3] * 3; k < ints[this.at + 4]; k++, i += w) out.push({ offset: spanOffset(ints, i, w), length: spanLength(ints, i, w) });
      this.h = out;
    }
    return this.h;
  }
}

function lazyThemes(p: PackedAnalysis, t: StringTable): ThemeScore[] {
  const { ints, floats } = p;
  const w = spanInts(ints);
  const themes: ThemeScore[] = [];
  let f = ints[0] * 3;
  for (let n = ints[2], i = themeBlock(ints); n > 0; n--, i += themeInts(ints, i, w)) {
    themes.push(new PackedTheme(t.strings[ints[i]], t.strings[ints[i + 1]], ints[i + 2], floats[f++], ints, i));
  }
  return themes;
}

function unpackSections(p: PackedAnalysis, t: StringTable): Section[] {
  const ints = p.ints;
  const w = spanInts(ints);
  let i = themeBlock(ints);
  for (let n = ints[2]; n > 0; n--) i += themeInts(ints, i, w);
  const sections: Section[] = [];
  for (let n = ints[3]; n > 0; n--, i += SECTION) sections.push({ offset: ints[i], length: ints[i + 1], title: t.strings[ints[i + 2]], line: ints[i + 3] });
  return sections;
}

/** The document's date without unpacking the rest. */
export function packedDate(p: PackedAnalysis, t: StringTable): string | null {
  return t.get(p.ints[4]);
}

/** Where the entity refs of the mentions are: ints[first + k * stride] for k < count. */
export function mentionEntitySlots(p: PackedAnalysis): { first: number; count: number; stride: number } {
  const { start, count, stride, w } = mentionBlock(p.ints);
  return { first: start + w + 1, count, stride };
}

/**
 * Calls `fn` with each mention whose entity ref is marked in `refs` (1 per entity triple
 * with the wanted id: comparing numbers, not strings, keeps references of a common entity
 * fast).
 */
export function forMentionsWithRefs(p: PackedAnalysis, t: StringTable, refs: Uint8Array, fn: (m: Mention) => void): void {
  const ints = p.ints;
  const w = spanInts(ints);
  const stride = MENTION + w;
  const start = HEADER + ints[0] * FIGURE;
  const end = start + ints[1] * stride;
  for (let i = start; i < end; i += stride) if (refs[ints[i + w + 1]]) fn(mentionAt(ints, i, w, t));
}

/**
 * The spans of the mentions whose triple has canonical triple `canon`, pushed to `out` as
 * offset, length pairs in text order: what references need, without building mentions.
 */
export function mentionSpansWithCanonical(p: PackedAnalysis, t: StringTable, canon: number, out: number[]): void {
  const ints = p.ints;
  const w = spanInts(ints);
  const stride = MENTION + w;
  const start = HEADER + ints[0] * FIGURE;
  const end = start + ints[1] * stride;
  const canonical = t.canonical;
  for (let i = start; i < end; i += stride) if (canonical[ints[i + w + 1]] === canon) out.push(spanOffset(ints, i, w), spanLength(ints, i, w));
}

/** Per theme of a packed analysis: id, label and keyword-hit count. */
export function* packedThemes(p: PackedAnalysis, t: StringTable): Generator<{ id: string; label: string; mentions: number; hitsAt: number; hits: number }> {
  const ints = p.ints;
  const w = spanInts(ints);
  let i = themeBlock(ints);
  for (let n = ints[2]; n > 0; n--) {
    yield { id: t.strings[ints[i]], label: t.strings[ints[i + 1]], mentions: ints[i + 2], hitsAt: i + 5 + ints[i + 3] * 3, hits: ints[i + 4] };
    i += themeInts(ints, i, w);
  }
}

/**
 * Calls `fn` with each theme's id, label and keyword-hit count: what the index's theme
 * postings need, without a generator's object per theme (10,000 digests at a warm start).
 */
export function forEachPackedTheme(p: PackedAnalysis, t: StringTable, fn: (id: string, label: string, mentions: number) => void): void {
  const ints = p.ints;
  const w = spanInts(ints);
  const strings = t.strings;
  let i = themeBlock(ints);
  for (let n = ints[2]; n > 0; n--) {
    fn(strings[ints[i]], strings[ints[i + 1]], ints[i + 2]);
    i += themeInts(ints, i, w);
  }
}

/** `forEachPackedTheme` with the theme id's string ref instead of the id. */
export function forEachPackedThemeRef(p: PackedAnalysis, t: StringTable, fn: (idRef: number, label: string, mentions: number) => void): void {
  const ints = p.ints;
  const w = spanInts(ints);
  let i = themeBlock(ints);
  for (let n = ints[2]; n > 0; n--) {
    fn(ints[i], t.strings[ints[i + 1]], ints[i + 2]);
    i += themeInts(ints, i, w);
  }
}

/** The keyword hits of one theme (by id), as spans. */
export function themeHitsWithId(p: PackedAnalysis, t: StringTable, id: string): Span[] {
  const ints = p.ints;
  const w = spanInts(ints);
  for (const th of packedThemes(p, t)) {
    if (th.id !== id) continue;
    const out: Span[] = [];
    for (let k = 0, i = th.hitsAt; k < th.hits; k++, i += w) out.push({ offset: spanOffset(ints, i, w), length: spanLength(ints, i, w) });
    return out;
  }
  return [];
}

/**
 * True when a packed analysis read from outside (the cache file) is one `pack` could have
 * made for a text of `textLength` code units against tables of `strings` strings and
 * `entities` triples: the counts fill `ints` exactly (no block runs into the next, no
 * document borrows another's ints), every span lies within the text, every reference is in
 * its table (or -1 where null is allowed), `floats` has one slot per figure value and theme
 * score. What it does not know — whether a value is the text's — the checksum guards.
 * Every feature can then unpack and index it without reading past an array or a table.
 */
export function validPacked(p: PackedAnalysis, strings: number, entities: number, textLength: number): boolean {
  const { ints, floats } = p;
  const n = ints.length;
  if (n < HEADER) return false;
  const [figures, mentions, themes, sections, dateRef, docFlags] = ints;
  if (figures < 0 || mentions < 0 || themes < 0 || sections < 0 || (docFlags & ~(TRADITIONAL | NARROW)) !== 0) return false;
  const string = (r: number) => r >= 0 && r < strings;
  const nullable = (r: number) => r === -1 || string(r);
  const within = (offset: number, length: number) => offset >= 0 && length >= 0 && offset + length <= textLength;
  if (!nullable(dateRef)) return false;
  const w = docFlags & NARROW ? 1 : 2;
  const spanOk = (i: number) => within(spanOffset(ints, i, w), spanLength(ints, i, w));
  // Fixed-size blocks first, in numbers (no overflow: each count is below 2^31).
  let i = HEADER;
  if (figures * FIGURE + mentions * (MENTION + w) + sections * SECTION > n - i) return false;
  if (floats.length !== figures * 3 + themes) return false;
  for (let k = 0; k < figures; k++, i += FIGURE) {
    const flags = ints[i + 6];
    if (!within(ints[i], ints[i + 1]) || !(string(ints[i + 2]) || ints[i + 2] === FROM_TEXT) || !string(ints[i + 3])) return false;
    if (!nullable(ints[i + 4]) || !nullable(ints[i + 5]) || flags < 0 || flags >= HAS_FACTS * 2) return false;
    if (!nullable(ints[i + 7]) || !nullable(ints[i + 8]) || ints[i + 9] < -1) return false;
    for (let q = i + 10; q < i + FIGURE; q += 4) {
      if (ints[q] === -1) continue; // no party: the other three slots are not read
      if (!string(ints[q]) || !string(ints[q + 1]) || !within(ints[q + 2], ints[q + 3])) return false;
    }
  }
  // Mentions and theme hits are most of the ints (a warm start checks ~20 million): refs are
  // compared unsigned (a negative one is then past any table), a narrow span's offset and
  // length cannot be negative.
  for (let k = 0; k < mentions; k++, i += MENTION + w) {
    if (w === 1 ? (ints[i] >>> 8) + (ints[i] & 255) > textLength : !spanOk(i)) return false;
    const e = ints[i + w + 1];
    const ticker = ints[i + w + 2];
    const at = ints[i + w + 3];
    if (ints[i + w] >>> 0 >= strings || e >>> 0 >= entities || (ticker !== -1 && ticker >>> 0 >= strings) || at < -1 || at > textLength) return false;
  }
  for (let k = 0; k < themes; k++) {
    if (n - i < 5) return false;
    const np = ints[i + 3];
    const nh = ints[i + 4];
    if (!string(ints[i]) || !string(ints[i + 1]) || ints[i + 2] < 0 || np < 0 || nh < 0) return false;
    if (np * 3 + nh * w > n - i - 5) return false;
    i += 5;
    for (let q = 0; q < np; q++, i += 3) if (!within(ints[i], ints[i + 1]) || ints[i + 2] < 0) return false;
    if (w === 1) {
      for (let q = 0; q < nh; q++, i++) if ((ints[i] >>> 8) + (ints[i] & 255) > textLength) return false;
    } else for (let q = 0; q < nh; q++, i += 2) if (!spanOk(i)) return false;
  }
  if (n - i !== sections * SECTION) return false;
  for (let k = 0; k < sections; k++, i += SECTION) {
    if (!within(ints[i], ints[i + 1]) || !string(ints[i + 2]) || ints[i + 3] < 0) return false;
  }
  for (let k = 0; k < floats.length; k++) if (!Number.isFinite(floats[k])) return false;
  return true;
}

/** True when `starts` are line starts of a text of `textLength` code units: 0 first, rising, within the text. */
export function validLineStarts(starts: Int32Array, textLength: number): boolean {
  if (starts.length === 0 || starts[0] !== 0) return false;
  for (let k = 1; k < starts.length; k++) if (starts[k] <= starts[k - 1] || starts[k] > textLength) return false;
  return true;
}
