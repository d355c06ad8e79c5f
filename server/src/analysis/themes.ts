/**
 * Themes: keyword hits per theme, counted per paragraph and scored per document.
 *
 * Matching is one pass of a deterministic Aho–Corasick automaton over the folded text
 * (Traditional → Simplified, full-width → ASCII, offsets unchanged): each code unit is
 * mapped to a small alphabet class (0 for characters no keyword uses, which send the
 * automaton back to its root), and the next state is one table lookup. Time is linear in
 * the text whatever it contains; no regular expression runs on the text.
 *
 * Keyword rules:
 * - Keywords are stored in Simplified Chinese or English and folded like the text, so a
 *   Traditional spelling needs no entry of its own.
 * - ASCII letters match case-insensitively. A space in a keyword matches one space, tab,
 *   line break or hyphen ("data center" = "data-center").
 * - A keyword that starts (ends) with an ASCII letter must not have a letter just before
 *   (after) it; digits are allowed there ("100GW", "Qwen3"). One that starts or ends with a
 *   digit must not touch a letter or digit on that side. A trailing "s" is accepted as a
 *   plural ("GPUs", "data centers") and is part of the hit.
 * - Within one theme, overlapping hits count once (the longer, earlier one wins), and an
 *   "exclude" phrase of the theme cancels the hits it overlaps (聊天机器人 is no robot).
 */
import type { ThemeScore } from './types';
import { codeUnits, foldText } from './text';
import { builtinData } from '../data/builtin';
import { builtinMatcherFields, keepBuiltinMatcher } from '../data/themesImage';

/** One theme as written in themes.json or in a user's themes file. */
export interface ThemeDef {
  /** Lowercase kebab-case id, e.g. "ai-infrastructure". */
  id: string;
  /** English label. */
  label: string;
  /** Chinese label, when known. */
  labelZh?: string;
  /** Keywords in Simplified Chinese or English (Traditional is folded on the fly). */
  keywords: string[];
  /** Phrases in which the theme's keywords do not count. */
  exclude?: string[];
}

/** A set of themes with its compiled matcher. Build with `createTaxonomy`. */
export interface Taxonomy {
  readonly themes: readonly ThemeDef[];
  /** The compiled automaton; internal to this module. */
  readonly matcher: ThemeMatcher;
}

/** The compiled automaton: opaque outside this module. */
export interface ThemeMatcher {
  readonly states: number;
  readonly classes: number;
}

interface Automaton extends ThemeMatcher {
  /** Alphabet class of each UTF-16 code unit; 0 = used by no keyword. */
  cls: Uint16Array;
  /**
   * The transitions, stored as exceptions to the root's (a keyword-matching state differs
   * from the root on only a few classes, so a full table of states × classes would be
   * megabytes that the other scanners push out of the cache between two documents).
   * A state is known by its *id*, the offset of its exceptions: from the state of id s,
   * class k leads to the target of slot s + k when that slot holds an exception for class
   * k, else to rootNext[k]. The class is the owner's check: the state t that put an
   * exception for class k in slot s + k has t + k = s + k, so t = s. The root's id is 0
   * and it owns no slot.
   *
   * A slot is one word, target << checkBits | class (free slots hold class checkMask,
   * which is no class), so a step reads one word. When the ids of a very large
   * taxonomy do not fit beside the class, `trans` is empty and `wide` holds the slots
   * as (class or -1, target) pairs instead.
   */
  trans: Int32Array;
  checkBits: number;
  checkMask: number;
  wide: Int32Array | null;
  rootNext: Int32Array;
  /** The states with outputs are those of id >= firstOutputId. */
  firstOutputId: number;
  /** The state number of each id. */
  stateOf: Int32Array;
  /** Outputs of state number n are outTheme/outLen/outFlags[outStart[n] .. outStart[n + 1]). */
  outStart: Uint32Array;
  outTheme: Uint16Array;
  outLen: Uint16Array;
  outFlags: Uint8Array;
  /** Length of the longest keyword: the automaton's state depends on no more text than this. */
  depth: number;
  /** The code units c, multiples of 32, of the blocks of `cls` that hold a keyword's class (see `warmUp`). */
  warmCls: Int32Array;
  /** The shortest text for which `scan` warms the tables up. */
  warmMin: number;
}

const EDGE_LEFT_LETTER = 1;
const EDGE_LEFT_ALNUM = 2;
const EDGE_RIGHT_LETTER = 4;
const EDGE_RIGHT_ALNUM = 8;
const NEGATIVE = 16;
/** The code that stands for "any separator" inside a normalised keyword. */
const SEP = 32;

const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isDigit = (c: number) => c >= 48 && c <= 57;

/** Folds a keyword like the text, lower-cases ASCII and turns separator runs into one SEP. */
function normaliseKeyword(keyword: string): number[] {
  const folded = foldText(keyword.trim());
  const out: number[] = [];
  for (let i = 0; i < folded.length; i++) {
    let c = folded.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13 || c === 32 || c === 45 || c === 0x2010 || c === 0x2011) c = SEP;
    else if (c >= 65 && c <= 90) c += 32;
    if (c === SEP && (out.length === 0 || out[out.length - 1] === SEP)) continue;
    out.push(c);
  }
  while (out.length > 0 && out[out.length - 1] === SEP) out.pop();
  return out;
}

function edgeFlags(codes: number[]): number {
  let flags = 0;
  const first = codes[0];
  const last = codes[codes.length - 1];
  if (isLetter(first)) flags |= EDGE_LEFT_LETTER;
  else if (isDigit(first)) flags |= EDGE_LEFT_ALNUM;
  if (isLetter(last)) flags |= EDGE_RIGHT_LETTER;
  else if (isDigit(last)) flags |= EDGE_RIGHT_ALNUM;
  return flags;
}

/** Compiles keyword lists into the automaton. */
function compile(themes: readonly ThemeDef[]): Automaton {
  const cls = new Uint16Array(65536);
  let classes = 1;
  const children: Map<number, number>[] = [new Map()];
  const own: { theme: number; len: number; flags: number }[][] = [[]];
  const seen = new Set<string>();
  let depth = 0;

  themes.forEach((theme, t) => {
    const add = (keyword: string, negative: boolean) => {
      const codes = normaliseKeyword(keyword);
      if (codes.length === 0 || codes.length > 0xffff) return;
      const key = `${t}\u0000${negative ? '-' : '+'}${String.fromCharCode(...codes)}`;
      if (seen.has(key)) return;
      seen.add(key);
      if (codes.length > depth) depth = codes.length;
      let s = 0;
      for (const c of codes) {
        if (cls[c] === 0) cls[c] = classes++;
        const k = cls[c];
        let next = children[s].get(k);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          own.push([]);
          children[s].set(k, next);
        }
        s = next;
      }
      own[s].push({ theme: t, len: codes.length, flags: edgeFlags(codes) | (negative ? NEGATIVE : 0) });
    };
    for (const k of theme.keywords) add(k, false);
    for (const k of theme.exclude ?? []) add(k, true);
  });
  // Upper-case letters and every separator share the class of their normalised form.
  for (let c = 65; c <= 90; c++) cls[c] = cls[c + 32];
  for (const c of [9, 10, 13, 45, 0x2010, 0x2011]) cls[c] = cls[SEP];

  const states = children.length;
  // The transitions are kept sparse: a state's row differs from the root's only at its
  // exceptions, which are its children and its failure state's exceptions (a child is never
  // a root transition, being deeper). A dense states × classes table would grow with the
  // product of the keywords' length and their distinct characters (gigabytes for a user
  // file of long keywords in rare characters); this grows with the exceptions alone, which
  // the packed table holds anyway.
  const rootRow = new Uint32Array(classes);
  for (const [k, child] of children[0]) rootRow[k] = child;
  const exceptions: Map<number, number>[] = new Array(states);
  exceptions[0] = new Map();
  const fail = new Uint32Array(states);
  // A state's outputs are its own keywords, then those of its failure state (longest
  // first, as their lengths fall down the chain): counted here, written once into the
  // packed arrays below. (A list per state repeated every output down each failure chain:
  // a keyword ending many others, listed by 200 themes, made millions of objects.)
  const outCount = new Uint32Array(states);
  outCount[0] = own[0].length;
  const queue: number[] = [];
  for (const [, child] of children[0]) {
    fail[child] = 0;
    queue.push(child);
  }
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head];
    const f = fail[s];
    outCount[s] = own[s].length + outCount[f];
    const row = new Map(exceptions[f]);
    for (const [k, child] of children[s]) {
      fail[child] = row.get(k) ?? rootRow[k];
      row.set(k, child);
      queue.push(child);
    }
    exceptions[s] = row;
  }
  // Renumber: states without outputs first (the root stays 0), then those with outputs.
  const number = new Uint32Array(states);
  const order: number[] = [];
  for (let pass = 0; pass < 2; pass++) {
    for (let s = 0; s < states; s++) {
      if ((outCount[s] > 0 ? 1 : 0) === pass) {
        number[s] = order.length;
        order.push(s);
      }
    }
  }
  const firstOutput = order.findIndex((s) => outCount[s] > 0);
  const { trans, checkBits, wide, rootNext, ids, maxId, firstOutputId } = packTransitions(exceptions, rootRow, states, classes, order, number, firstOutput < 0 ? states : firstOutput);
  const stateOf = new Int32Array(maxId + 1);
  for (let n = 0; n < states; n++) stateOf[ids[n]] = n;
  const outStart = new Uint32Array(states + 1);
  let total = 0;
  for (let n = 0; n < states; n++) {
    outStart[n] = total;
    total += outCount[order[n]];
  }
  outStart[states] = total;
  const outTheme = new Uint16Array(total);
  const outLen = new Uint16Array(total);
  const outFlags = new Uint8Array(total);
  // In breadth-first order, so that a failure state's outputs are written before they are
  // copied after a deeper state's own.
  for (let q = -1; q < queue.length; q++) {
    const s = q < 0 ? 0 : queue[q];
    let at = outStart[number[s]];
    for (const o of own[s]) {
      outTheme[at] = o.theme;
      outLen[at] = o.len;
      outFlags[at++] = o.flags;
    }
    if (s === 0) continue;
    const from = outStart[number[fail[s]]];
    const end = from + outCount[fail[s]];
    outTheme.copyWithin(at, from, end);
    outLen.copyWithin(at, from, end);
    outFlags.copyWithin(at, from, end);
  }
  const warmCls: number[] = [];
  for (let c = 0; c < 65536; c += 32) if (cls.subarray(c, c + 32).some((k) => k !== 0)) warmCls.push(c);
  // A text touches about one line of these tables per four code units (measured on the
  // seeds): a shorter one would read fewer lines than warming them all.
  const warmMin = 4 * (Math.ceil(trans.length / 16) + warmCls.length);
  const checkMask = (1 << checkBits) - 1;
  return {
    states, classes, cls, trans, checkBits, checkMask, wide, rootNext, firstOutputId, stateOf,
    outStart, outTheme, outLen, outFlags, depth, warmCls: Int32Array.from(warmCls), warmMin,
  };
}

/**
 * Packs the transitions (each state's exceptions to the root's row `rootRow`, old numbers) into the
 * `trans` and `rootNext` arrays of the automaton (see `Automaton`), for the states in the
 * new numbering (`order[n]` is the old number of state n, `number` the inverse). Each
 * state takes the smallest id above the previous state's id at which its exceptions fall on
 * free slots.
 */
function packTransitions(
  rows: readonly Map<number, number>[],
  rootRow: Uint32Array,
  states: number,
  classes: number,
  order: readonly number[],
  number: Uint32Array,
  firstOutput: number,
): { trans: Int32Array; checkBits: number; wide: Int32Array | null; rootNext: Int32Array; ids: Int32Array; maxId: number; firstOutputId: number } {
  // Each state's exception classes in increasing order, as the placer expects them.
  const exceptions: number[][] = [];
  for (let n = 0; n < states; n++) exceptions.push(n > 0 ? [...rows[order[n]].keys()].sort((a, b) => a - b) : []);
  const ids = new Int32Array(states);
  const place = new SlotPlacer(classes);
  // The root keeps id 0. Then each group (states without outputs, then those with outputs,
  // which must have the higher ids), the states with most exceptions first: they are the
  // hardest to fit, and the small ones fill the gaps they leave.
  let floor = 1;
  let firstOutputId = 0;
  for (const [from, to] of [[1, firstOutput], [firstOutput, states]]) {
    firstOutputId = floor;
    const group: number[] = [];
    for (let n = from; n < to; n++) group.push(n);
    group.sort((x, y) => exceptions[y].length - exceptions[x].length || x - y);
    let top = floor - 1;
    for (const n of group) {
      ids[n] = place.fit(exceptions[n], floor);
      if (ids[n] > top) top = ids[n];
    }
    floor = top + 1;
  }
  let maxId = 0;
  for (let n = 0; n < states; n++) if (ids[n] > maxId) maxId = ids[n];
  // The class field holds every class and one more value, which marks free slots.
  let checkBits = 1;
  while (1 << checkBits <= classes) checkBits++;
  const packed = maxId < 2 ** (32 - checkBits);
  const slots = maxId + classes;
  const trans = packed ? new Int32Array(slots).fill((1 << checkBits) - 1) : new Int32Array(0);
  const wide = packed ? null : new Int32Array(2 * slots).fill(-1);
  for (let n = 1; n < states; n++) {
    const row = rows[order[n]];
    for (const k of exceptions[n]) {
      const target = ids[number[row.get(k)!]];
      const slot = ids[n] + k;
      if (wide) {
        wide[2 * slot] = k;
        wide[2 * slot + 1] = target;
      } else trans[slot] = (target << checkBits) | k;
    }
  }
  const rootNext = new Int32Array(classes);
  for (let k = 0; k < classes; k++) rootNext[k] = ids[number[rootRow[k]]];
  return { trans, checkBits, wide, rootNext, ids, maxId, firstOutputId };
}

/**
 * Chooses state ids for `packTransitions`: each id is used once, and the slots id + k of
 * a state's exception classes k are used by no other state.
 */
const LOOK_BACK = 512;

class SlotPlacer {
  private slotTaken = new Uint8Array(1024);
  private idTaken = new Uint8Array(1024);
  /** Every slot below this one is taken. */
  private firstFreeSlot = 0;
  /** Every id below this one is taken. */
  private firstFreeId = 0;
  /** The id placed last. */
  private lastId = 0;

  constructor(private readonly classes: number) {
    // Id 0 is the root's.
    this.idTaken[0] = 1;
    this.firstFreeId = 1;
  }

  /**
   * A free id from `floor` on whose slots for `list` are free (the first one from a little
   * before the last id placed, which keeps the search short); takes them.
   */
  fit(list: readonly number[], floor: number): number {
    // The first exception needs a free slot, and no slot below firstFreeSlot is free.
    // The look-back is at most LOOK_BACK ids: with the thousands of classes a user's themes
    // in rare characters can make, looking back `classes` ids from every state made the
    // packing quadratic (seconds), for gaps too small to matter.
    let id = Math.max(floor, this.firstFreeId, this.lastId - Math.min(this.classes, LOOK_BACK), list.length > 0 ? this.firstFreeSlot - list[0] : 0);
    const count = list.length;
    for (; ; id++) {
      if (id + this.classes >= this.slotTaken.length) this.reserve(id + this.classes);
      if (this.idTaken[id] === 1) continue;
      let q = 0;
      while (q < count && this.slotTaken[id + list[q]] === 0) q++;
      if (q === count) break;
    }
    this.idTaken[id] = 1;
    for (let q = 0; q < count; q++) this.slotTaken[id + list[q]] = 1;
    while (this.slotTaken[this.firstFreeSlot] === 1) this.firstFreeSlot++;
    while (this.idTaken[this.firstFreeId] === 1) this.firstFreeId++;
    this.lastId = id;
    return id;
  }

  /** Grows the arrays to hold index `end`. */
  private reserve(end: number): void {
    if (end < this.slotTaken.length) return;
    let size = this.slotTaken.length;
    while (size <= end) size *= 2;
    const slots = new Uint8Array(size);
    slots.set(this.slotTaken);
    this.slotTaken = slots;
    const taken = new Uint8Array(size);
    taken.set(this.idTaken);
    this.idTaken = taken;
  }
}

const copyThemes = (themes: readonly ThemeDef[]): ThemeDef[] => themes.map((t) => ({ ...t, keywords: [...t.keywords], exclude: t.exclude ? [...t.exclude] : undefined }));

/** Builds a taxonomy (themes plus their compiled automaton) from theme definitions. */
export function createTaxonomy(themes: readonly ThemeDef[]): Taxonomy {
  const copy = copyThemes(themes);
  return { themes: copy, matcher: compile(copy) };
}

let builtin: Taxonomy | undefined;

/** The built-in taxonomy of server/data/themes.json compiled (what the build's image holds). */
export function compileBuiltinTaxonomy(): Taxonomy {
  return createTaxonomy((builtinData('themes') as { themes: ThemeDef[] }).themes);
}

/**
 * The built-in taxonomy of server/data/themes.json, once and cached: its automaton is read
 * from the build's image (data/themesImage.ts) when there is one, else compiled and its
 * image left in the user's cache for the next start.
 */
export function builtinTaxonomy(): Taxonomy {
  if (!builtin) {
    const fields = builtinMatcherFields();
    if (fields) builtin = { themes: copyThemes((builtinData('themes') as { themes: ThemeDef[] }).themes), matcher: fields as unknown as Automaton };
    else keepBuiltinMatcher((builtin = compileBuiltinTaxonomy()).matcher);
  }
  return builtin;
}

/**
 * Adds user themes to a taxonomy: keywords (and exclusions) of an entry whose id exists
 * are added to that theme, which keeps its labels; other entries become new themes.
 * Returns a new taxonomy; `base` is unchanged.
 */
export function extendTaxonomy(base: Taxonomy, extra: readonly ThemeDef[]): Taxonomy {
  if (extra.length === 0) return base;
  const themes = base.themes.map((t) => ({ ...t, keywords: [...t.keywords], exclude: [...(t.exclude ?? [])] }));
  const byId = new Map(themes.map((t) => [t.id, t]));
  for (const e of extra) {
    const existing = byId.get(e.id);
    if (existing) {
      existing.keywords.push(...e.keywords);
      existing.exclude.push(...(e.exclude ?? []));
    } else {
      const theme = { ...e, keywords: [...e.keywords], exclude: [...(e.exclude ?? [])] };
      themes.push(theme);
      byId.set(e.id, theme);
    }
  }
  return createTaxonomy(themes);
}

/**
 * Paragraphs as [start, end) pairs (end excludes the line break): maximal runs of
 * non-blank lines. A text with no blank line at all (some digests put one article or one
 * summary per line) is split into its lines instead, so that a paragraph stays a
 * readable unit.
 */
function paragraphs(text: string): number[] {
  const blocks = blocksOf(text, false);
  return blocks.length === 2 && text.indexOf('\n') >= 0 ? blocksOf(text, true) : blocks;
}

function blocksOf(text: string, perLine: boolean): number[] {
  const out: number[] = [];
  let start = -1;
  let end = 0;
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = n;
    let lineEnd = nl;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    let blank = true;
    for (let i = pos; i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 0x3000 && c !== 0xa0) {
        blank = false;
        break;
      }
    }
    if (!blank) {
      if (start < 0) start = pos;
      end = lineEnd;
    }
    if ((blank || perLine) && start >= 0) {
      out.push(start, end);
      start = -1;
    }
    pos = nl + 1;
  }
  if (start >= 0) out.push(start, end);
  return out;
}

/**
 * Finds the themes of a document. `folded` is `foldText(text)`; hits are offsets into
 * both. Returns the themes with at least one hit, by mentions (then paragraphs, then
 * taxonomy order), each with its hits, its paragraphs (blocks separated by blank lines)
 * and a score relative to the strongest theme.
 */
export function findThemes(text: string, folded: string, taxonomy: Taxonomy): ThemeScore[] {
  const a = taxonomy.matcher as Automaton;
  const count = taxonomy.themes.length;
  if (scratchLast.length < count) {
    scratchLast = new Int32Array(count);
    scratchNegEnd = new Int32Array(count);
    scratchMentions = new Int32Array(count);
    scratchFilled = new Int32Array(count);
    scratchParaAt = new Int32Array(count);
  }
  const last = scratchLast;
  const negEnd = scratchNegEnd;
  last.fill(-1, 0, count);
  negEnd.fill(0, 0, count);
  const used = scan(folded, a, last, negEnd);
  const hitStart = scratchHitStart;
  const hitEnd = scratchHitEnd;
  const hitTheme = scratchHitTheme;

  const mentions = scratchMentions;
  mentions.fill(0, 0, count);
  for (let h = 0; h < used; h++) if (hitTheme[h] !== 0xffff) mentions[hitTheme[h]]++;
  let max = 0;
  for (let t = 0; t < count; t++) if (mentions[t] > max) max = mentions[t];
  if (max === 0) return [];
  const paras = paragraphs(folded);
  const nParas = paras.length;
  const result: ThemeScore[] = [];
  const byTheme: ThemeScore[] = new Array(count);
  const filled = scratchFilled;
  const paraAt = scratchParaAt;
  filled.fill(0, 0, count);
  paraAt.fill(0, 0, count);
  for (let t = 0; t < count; t++) {
    const m = mentions[t];
    if (m === 0) continue;
    const theme = taxonomy.themes[t];
    const score: ThemeScore = { id: theme.id, label: theme.label, mentions: m, score: m / max, paragraphs: [], hits: new Array(m) };
    byTheme[t] = score;
    result.push(score);
  }
  // Hits come in order of their end; within a theme they do not overlap, so they are
  // also in order of their start, and the paragraphs can be walked forward.
  for (let h = 0; h < used; h++) {
    const t = hitTheme[h];
    if (t === 0xffff) continue;
    const score = byTheme[t];
    const start = hitStart[h];
    score.hits[filled[t]++] = { offset: start, length: hitEnd[h] - start };
    let p = paraAt[t];
    while (p < nParas && paras[p + 1] <= start) p += 2;
    paraAt[t] = p;
    if (p >= nParas) continue;
    const inParas = score.paragraphs;
    const lastPara = inParas.length > 0 ? inParas[inParas.length - 1] : undefined;
    if (lastPara !== undefined && lastPara.offset === paras[p]) lastPara.mentions++;
    else inParas.push({ offset: paras[p], length: paras[p + 1] - paras[p], mentions: 1 });
  }
  // By mentions, then paragraphs, then taxonomy order: the sort is stable and `result` is
  // in taxonomy order.
  if (result.length > 1) result.sort(byStrength);
  return result;
}

// Scratch buffers of `findThemes`, reused between calls (the analysis is synchronous).
let scratchCap = 1024;
let scratchHitStart = new Int32Array(scratchCap);
let scratchHitEnd = new Int32Array(scratchCap);
let scratchHitPrev = new Int32Array(scratchCap);
let scratchHitTheme = new Uint16Array(scratchCap);
let scratchLast = new Int32Array(64);
let scratchNegEnd = new Int32Array(64);
let scratchMentions = new Int32Array(64);
let scratchFilled = new Int32Array(64);
let scratchParaAt = new Int32Array(64);

const byStrength = (x: ThemeScore, y: ThemeScore): number =>
  y.mentions - x.mentions || y.paragraphs.length - x.paragraphs.length;

function growHits(): void {
  const cap = scratchCap * 2;
  const hs = new Int32Array(cap);
  hs.set(scratchHitStart);
  scratchHitStart = hs;
  const he = new Int32Array(cap);
  he.set(scratchHitEnd);
  scratchHitEnd = he;
  const hp = new Int32Array(cap);
  hp.set(scratchHitPrev);
  scratchHitPrev = hp;
  const ht = new Uint16Array(cap);
  ht.set(scratchHitTheme);
  scratchHitTheme = ht;
  scratchCap = cap;
}

/** Positions and ids of the states with outputs, per quarter of the text (see `scan`). */
let events = new Int32Array(1024);

/**
 * Runs the automaton from the state of id `s` over u[from .. to), writing the position and
 * id of every state with outputs to `ev` from `e`; returns the new end of `ev`.
 *
 * A step from the state of id s on class k (see `Automaton`) takes slot s + k when the
 * state owns it, else the root's transition. It is computed without a branch (the owner
 * test would be mispredicted at every keyword prefix): x is 0 exactly when the slot's
 * class is k, and m is then 0 (else -1) and selects the target.
 */
function run(u: Uint16Array, a: Automaton, s: number, from: number, to: number, ev: Int32Array, e: number): number {
  const { cls, trans, checkBits, checkMask, rootNext, firstOutputId } = a;
  for (let i = from; i < to; i++) {
    const k = cls[u[i]];
    const w = trans[s + k];
    const x = (w & checkMask) ^ k;
    const m = (x | -x) >> 31;
    s = (rootNext[k] & m) | ((w >>> checkBits) & ~m);
    if (s >= firstOutputId) {
      ev[e++] = i;
      ev[e++] = s;
    }
  }
  return e;
}

/** The id of the state the automaton reaches from the root over u[from .. to) (no outputs recorded). */
function stateAfter(u: Uint16Array, a: Automaton, from: number, to: number): number {
  const { cls, trans, checkBits, checkMask, rootNext } = a;
  let s = 0;
  for (let i = from; i < to; i++) {
    const k = cls[u[i]];
    const w = trans[s + k];
    const x = (w & checkMask) ^ k;
    const m = (x | -x) >> 31;
    s = (rootNext[k] & m) | ((w >>> checkBits) & ~m);
  }
  return s;
}

/** `run` for an automaton with `wide` slots (see `Automaton`), from the root over all of u[0 .. n). */
function runWide(u: Uint16Array, a: Automaton, n: number, ev: Int32Array): number {
  const { cls, rootNext, firstOutputId } = a;
  const wide = a.wide as Int32Array;
  let e = 0;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const k = cls[u[i]];
    const slot = 2 * (s + k);
    s = wide[slot] === k ? wide[slot + 1] : rootNext[k];
    if (s >= firstOutputId) {
      ev[e++] = i;
      ev[e++] = s;
    }
  }
  return e;
}

/** Written by `warmUp`, so that its reads are not optimised away. */
let warmSink = 0;

/**
 * Reads one word of every cache line of the transitions and of the blocks of `cls` that
 * keywords use. The scan reads them in a chain (each step needs the state the previous
 * one reached), so a line that the other scanners pushed out of the cache stalls it; read
 * here one after the other, independently, they come in many at a time.
 */
function warmUp(a: Automaton): void {
  const { trans, cls, warmCls } = a;
  let z = 0;
  for (let j = 0; j < trans.length; j += 16) z |= trans[j];
  for (let q = 0; q < warmCls.length; q++) z |= cls[warmCls[q]];
  warmSink = z;
}

/**
 * Runs the automaton over `folded` and records the hits in the scratch arrays (a withdrawn
 * hit has theme 0xffff); returns how many were recorded. Hits live in flat arrays; each
 * theme keeps a chain to its previous hit, so that the last hit of a theme can be replaced
 * or withdrawn.
 *
 * A step of the automaton waits for the previous one (the next state comes from a load
 * that depends on the current state), so the text is cut in four quarters that run side by
 * side: each quarter but the first starts at the root `depth` code units before its start,
 * which brings it to the very state a single pass would be in there (a state is the
 * longest keyword prefix ending at the position). The positions and ids of states with
 * outputs are collected per quarter (quarter q writes from 2 × its start), then handled in
 * text order.
 */
function scan(folded: string, a: Automaton, last: Int32Array, negEnd: Int32Array): number {
  const { cls, trans, checkBits, checkMask, rootNext, firstOutputId } = a;
  const n = folded.length;
  if (events.length < 2 * n) events = new Int32Array(Math.max(2 * n, events.length * 2));
  const ev = events;
  // The folded text as UTF-16 code units (a typed-array read is cheaper than charCodeAt):
  // the buffer text.ts shares between the scanners (foldDocument fills it).
  const u = codeUnits(folded);
  const warm = a.depth;
  let used = 0;
  if (n < 8 * warm + 64 || a.wide) {
    const e = a.wide ? runWide(u, a, n, ev) : run(u, a, 0, 0, n, ev, 0);
    for (let q = 0; q < e; q += 2) used = onOutput(folded, a, last, negEnd, ev[q], ev[q + 1], used);
    return used;
  }
  if (n >= a.warmMin) warmUp(a);
  const len = n >> 2;
  const b1 = len;
  const b2 = 2 * len;
  const b3 = 3 * len;
  let s0 = 0;
  let s1 = stateAfter(u, a, b1 - warm, b1);
  let s2 = stateAfter(u, a, b2 - warm, b2);
  let s3 = stateAfter(u, a, b3 - warm, b3);
  let e0 = 0;
  let e1 = 2 * b1;
  let e2 = 2 * b2;
  let e3 = 2 * b3;
  // The steps of `run`, four at a time, written out: a call would cost more than a step.
  for (let i = 0; i < len; i++) {
    const k0 = cls[u[i]];
    const k1 = cls[u[b1 + i]];
    const k2 = cls[u[b2 + i]];
    const k3 = cls[u[b3 + i]];
    const w0 = trans[s0 + k0];
    const w1 = trans[s1 + k1];
    const w2 = trans[s2 + k2];
    const w3 = trans[s3 + k3];
    const x0 = (w0 & checkMask) ^ k0;
    const x1 = (w1 & checkMask) ^ k1;
    const x2 = (w2 & checkMask) ^ k2;
    const x3 = (w3 & checkMask) ^ k3;
    const m0 = (x0 | -x0) >> 31;
    const m1 = (x1 | -x1) >> 31;
    const m2 = (x2 | -x2) >> 31;
    const m3 = (x3 | -x3) >> 31;
    s0 = (rootNext[k0] & m0) | ((w0 >>> checkBits) & ~m0);
    s1 = (rootNext[k1] & m1) | ((w1 >>> checkBits) & ~m1);
    s2 = (rootNext[k2] & m2) | ((w2 >>> checkBits) & ~m2);
    s3 = (rootNext[k3] & m3) | ((w3 >>> checkBits) & ~m3);
    // One rarely taken test for the four states.
    if (Math.max(s0, s1, s2, s3) >= firstOutputId) {
      if (s0 >= firstOutputId) {
        ev[e0++] = i;
        ev[e0++] = s0;
      }
      if (s1 >= firstOutputId) {
        ev[e1++] = b1 + i;
        ev[e1++] = s1;
      }
      if (s2 >= firstOutputId) {
        ev[e2++] = b2 + i;
        ev[e2++] = s2;
      }
      if (s3 >= firstOutputId) {
        ev[e3++] = b3 + i;
        ev[e3++] = s3;
      }
    }
  }
  e3 = run(u, a, s3, b3 + len, n, ev, e3);
  for (let q = 0; q < e0; q += 2) used = onOutput(folded, a, last, negEnd, ev[q], ev[q + 1], used);
  for (let q = 2 * b1; q < e1; q += 2) used = onOutput(folded, a, last, negEnd, ev[q], ev[q + 1], used);
  for (let q = 2 * b2; q < e2; q += 2) used = onOutput(folded, a, last, negEnd, ev[q], ev[q + 1], used);
  for (let q = 2 * b3; q < e3; q += 2) used = onOutput(folded, a, last, negEnd, ev[q], ev[q + 1], used);
  return used;
}

/** Handles the outputs of the state of id `id`, reached at position `i`; returns the new hit count. */
function onOutput(folded: string, a: Automaton, last: Int32Array, negEnd: Int32Array, i: number, id: number, used: number): number {
  const { outStart, outTheme, outLen, outFlags } = a;
  const n = folded.length;
  const state = a.stateOf[id];
  for (let o = outStart[state], oEnd = outStart[state + 1]; o < oEnd; o++) {
    const flags = outFlags[o];
    const start = i + 1 - outLen[o];
    let end = i + 1;
    if (flags & (EDGE_LEFT_LETTER | EDGE_LEFT_ALNUM) && start > 0) {
      const p = folded.charCodeAt(start - 1);
      if (isLetter(p) || (flags & EDGE_LEFT_ALNUM && isDigit(p))) continue;
    }
    if (flags & (EDGE_RIGHT_LETTER | EDGE_RIGHT_ALNUM) && end < n) {
      const q = folded.charCodeAt(end);
      if (isLetter(q) || (flags & EDGE_RIGHT_ALNUM && isDigit(q))) {
        // A plural "s" is part of the word: "GPUs", "data centers".
        const r = end + 1 < n ? folded.charCodeAt(end + 1) : 32;
        if (!(flags & EDGE_RIGHT_LETTER) || (q !== 115 && q !== 83) || isLetter(r) || isDigit(r)) continue;
        end++;
      }
    }
    const t = outTheme[o];
    const hitEnd = scratchHitEnd;
    if (flags & NEGATIVE) {
      // Withdraw the theme's hits that overlap the excluded phrase.
      while (last[t] >= 0 && hitEnd[last[t]] > start) {
        scratchHitTheme[last[t]] = 0xffff;
        last[t] = scratchHitPrev[last[t]];
      }
      if (end > negEnd[t]) negEnd[t] = end;
      continue;
    }
    if (start < negEnd[t]) continue;
    const h = last[t];
    if (h >= 0 && start < hitEnd[h]) {
      // Overlaps the theme's previous hit: keep one, the one that starts first.
      if (start <= scratchHitStart[h]) {
        scratchHitStart[h] = start;
        hitEnd[h] = end;
      }
      continue;
    }
    if (used === scratchCap) growHits();
    scratchHitStart[used] = start;
    scratchHitEnd[used] = end;
    scratchHitPrev[used] = h;
    scratchHitTheme[used] = t;
    last[t] = used++;
  }
  return used;
}
