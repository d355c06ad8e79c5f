/**
 * The fast phase of an open note's analysis after an edit: the paragraphs the edit touches
 * are analysed on their own and spliced into the previous analysis, whose other items keep
 * their values and move by the length the edit added or removed. The result is exact for
 * every paragraph the edit did not touch, except for what the analysis decides across
 * paragraphs (companies learnt elsewhere in the note, the bare-元 currency, same-fact groups,
 * subjects from earlier sentences: scripts/paragraph-audit.mjs); so it is provisional, and
 * the index replaces it with a full analysis once the edits settle (workspaceIndex.ts).
 * Pure: text and plain data in, plain data out.
 */
import type { DocumentAnalysis, Figure, FigureParty, Mention, Section, Span, ThemeScore } from '../analysis/types';
import { lineStarts } from '../analysis/text';

/** The previous state of a note: its text, analysis and line starts. */
export interface PatchBase {
  text: string;
  analysis: DocumentAnalysis;
  lineStarts: number[];
}

/** What replaced what: [start, oldEnd) of the old text became [start, newEnd) of the new. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * One changed stretch between a base text and the current one: [oldStart, oldEnd) of the
 * base became [newStart, newEnd) of the current text. A note's edits since its last
 * analysis are a sorted list of disjoint regions; outside them the texts are the same.
 */
export interface Region {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/** A provisional analysis with its line starts and the blocks of the new text analysed anew. */
export interface Patched {
  analysis: DocumentAnalysis;
  lineStarts: number[];
  blocks: Region[];
}

/**
 * The regions after one more edit (`change`, in the coordinates of the current text):
 * regions it touches merge with it into one, regions after it move by its length change.
 */
export function composeRegions(regions: readonly Region[], change: TextChange): Region[] {
  const grow = change.newEnd - change.oldEnd;
  const out: Region[] = [];
  let shift = 0; // length change of the regions before the edit: current minus base
  let k = 0;
  for (; k < regions.length && regions[k].newEnd < change.start; k++) {
    const r = regions[k];
    out.push(r);
    shift += r.newEnd - r.newStart - (r.oldEnd - r.oldStart);
  }
  let start = change.start;
  let oldStart = change.start - shift;
  let end = change.oldEnd;
  let oldEnd = -1;
  for (; k < regions.length && regions[k].newStart <= change.oldEnd; k++) {
    const r = regions[k];
    if (r.newStart < start) {
      start = r.newStart;
      oldStart = r.oldStart;
    }
    shift += r.newEnd - r.newStart - (r.oldEnd - r.oldStart);
    if (r.newEnd >= end) {
      end = r.newEnd;
      oldEnd = r.oldEnd;
    }
  }
  if (oldEnd < 0 || end === change.oldEnd) oldEnd = Math.max(oldEnd, change.oldEnd - shift);
  out.push({ oldStart, oldEnd, newStart: start, newEnd: end + grow });
  for (; k < regions.length; k++) {
    const r = regions[k];
    out.push({ oldStart: r.oldStart, oldEnd: r.oldEnd, newStart: r.newStart + grow, newEnd: r.newEnd + grow });
  }
  return out;
}

/** Compared a chunk at a time: string equality of two slices is a memory compare. */
const CHUNK = 2048;

/**
 * The span where two texts differ, by their common prefix and suffix (the suffix never
 * overlaps the prefix). Null when they are equal.
 */
export function diffTexts(a: string, b: string): TextChange | null {
  if (a === b) return null;
  const min = Math.min(a.length, b.length);
  let p = 0;
  while (p + CHUNK <= min && a.slice(p, p + CHUNK) === b.slice(p, p + CHUNK)) p += CHUNK;
  while (p < min && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  const room = min - p;
  let s = 0;
  while (s + CHUNK <= room && a.slice(a.length - s - CHUNK, a.length - s) === b.slice(b.length - s - CHUNK, b.length - s)) s += CHUNK;
  while (s < room && a.charCodeAt(a.length - s - 1) === b.charCodeAt(b.length - s - 1)) s++;
  return { start: p, oldEnd: a.length - s, newEnd: b.length - s };
}

/** True when text[from, to) is only white space (a blank line). */
function blank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0x3000 && c !== 0xa0) return false;
  }
  return true;
}

/** Start of the paragraph holding `pos`: the line after the nearest blank line before it. */
export function paragraphStart(text: string, pos: number): number {
  let lineStart = pos > 0 ? text.lastIndexOf('\n', pos - 1) + 1 : 0;
  while (lineStart > 0) {
    const prevStart = lineStart >= 2 ? text.lastIndexOf('\n', lineStart - 2) + 1 : 0;
    if (blank(text, prevStart, lineStart - 1)) return lineStart;
    lineStart = prevStart;
  }
  return 0;
}

/** End of the paragraph holding `pos`: just after the newline before the next blank line. */
export function paragraphEnd(text: string, pos: number): number {
  let lineEnd = text.indexOf('\n', pos);
  while (lineEnd >= 0) {
    const next = text.indexOf('\n', lineEnd + 1);
    const nextEnd = next < 0 ? text.length : next;
    if (blank(text, lineEnd + 1, nextEnd)) return lineEnd + 1;
    if (next < 0) return text.length;
    lineEnd = next;
  }
  return text.length;
}

/**
 * A paragraph longer than this is narrowed to the lines an edit touches, and a line longer
 * than this to its sentences: some notes are one long line per item, and a keystroke should
 * not cost the analysis of 10,000 characters (nor of 4,000: the analysis of one long line grows faster than its length).
 */
export const MAX_BLOCK = 1024;

/** Where the sentence holding `pos` starts (after 。！？； or ". "), not before `floor`. */
function sentenceStart(text: string, pos: number, floor: number): number {
  for (let i = pos - 1; i > floor; i--) {
    const c = text.charCodeAt(i - 1);
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || ((c === 46 || c === 33 || c === 63) && text.charCodeAt(i) === 32)) return i;
  }
  return floor;
}

/** Where the sentence holding `pos` ends (after its 。！？； or ". "), not after `ceil`. */
function sentenceEnd(text: string, pos: number, ceil: number): number {
  for (let i = pos; i < ceil; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || ((c === 46 || c === 33 || c === 63) && text.charCodeAt(i + 1) === 32)) return i + 1;
  }
  return ceil;
}

/** The block analysed for an edit of [from, to): its paragraph, or narrower when that is long. */
function blockAround(text: string, from: number, to: number): [number, number] {
  const start = paragraphStart(text, from);
  const end = Math.max(start, paragraphEnd(text, to));
  if (end - start <= MAX_BLOCK) return [start, end];
  const lineStart = from > 0 ? text.lastIndexOf('\n', from - 1) + 1 : 0;
  const nl = text.indexOf('\n', to);
  const lineEnd = nl < 0 ? text.length : nl + 1;
  if (lineEnd - lineStart <= MAX_BLOCK) return [lineStart, lineEnd];
  return [sentenceStart(text, from, lineStart), Math.max(from, sentenceEnd(text, to, lineEnd))];
}

/**
 * The line starts of `text` from those of the text before `change`: the lines the change
 * touches found again, the others kept or moved (no pass over a 1 MB note at each keystroke).
 */
export function patchLineStarts(oldStarts: readonly number[], text: string, change: TextChange): number[] {
  const delta = change.newEnd - change.oldEnd;
  // Whole lines around the change, so that no "\r\n" is split.
  const start = change.start > 0 ? text.lastIndexOf('\n', change.start - 1) + 1 : 0;
  const nl = text.indexOf('\n', change.newEnd);
  const end = nl < 0 ? text.length : nl + 1;
  const oldEnd = end - delta;
  const out: number[] = [];
  let i = 0;
  for (; i < oldStarts.length && oldStarts[i] < start; i++) out.push(oldStarts[i]);
  for (const s of lineStarts(text.slice(start, end))) if (start + s < end || end === text.length) out.push(start + s);
  while (i < oldStarts.length && oldStarts[i] < oldEnd) i++;
  // Up to the end of the text: its own line starts said it all (a start at the very end too).
  if (end === text.length) i = oldStarts.length;
  for (; i < oldStarts.length; i++) {
    const s = oldStarts[i] + delta;
    if (s > out[out.length - 1]) out.push(s);
  }
  return out;
}

/**
 * The regions widened to whole paragraphs of the new text (lines or sentences of a long
 * one: see MAX_BLOCK), merged where they meet.
 */
export function paragraphBlocks(text: string, regions: readonly Region[]): Region[] {
  const out: Region[] = [];
  for (const r of regions) {
    const [newStart, newEnd] = blockAround(text, r.newStart, r.newEnd);
    const oldEnd = r.oldEnd + (newEnd - r.newEnd);
    const last = out[out.length - 1];
    if (last && newStart <= last.newEnd) {
      if (newEnd > last.newEnd) {
        last.newEnd = newEnd;
        last.oldEnd = oldEnd;
      }
    } else out.push({ oldStart: r.oldStart - (r.newStart - newStart), oldEnd, newStart, newEnd });
  }
  return out;
}

/**
 * The analysis of `text` made from the analysis of `base.text` and analyses of the
 * paragraphs the edits touch (`analyseBlock`, given each block's text alone); null when
 * those paragraphs are longer than `maxBlockLength` in all. The base's
 * analysis is given up: its items are moved in place and reused (a copy of every item of
 * a 1 MB note at every keystroke would cost more than the whole budget of an edit).
 */
export function patchAnalysis(base: PatchBase, text: string, regions: readonly Region[], analyseBlock: (block: string) => DocumentAnalysis, maxBlockLength = Infinity): Patched | null {
  const blocks = paragraphBlocks(text, regions);
  let length = 0;
  for (const b of blocks) length += b.newEnd - b.newStart;
  // Paragraphs all over the note (a burst everywhere, a replace-all): not worth patching.
  if (length > maxBlockLength) return null;
  const fresh = blocks.map((b) => analyseBlock(text.slice(b.newStart, b.newEnd)));
  const old = base.analysis;

  // Line starts: the old ones outside the blocks moved, each block's own; and per block, the
  // line it starts on and the line count change after it (for sections).
  const oldStarts = base.lineStarts;
  const starts: number[] = [];
  const blockLine: number[] = [];
  const lineShift: number[] = [];
  let i = 0;
  let by = 0;
  for (const b of blocks) {
    while (i < oldStarts.length && oldStarts[i] < b.oldStart) starts.push(oldStarts[i++] + by);
    blockLine.push(starts.length);
    const own = lineStarts(text.slice(b.newStart, b.newEnd));
    for (const s of own) if (b.newStart + s < b.newEnd || b.newEnd === text.length) starts.push(b.newStart + s);
    while (i < oldStarts.length && oldStarts[i] < b.oldEnd) i++;
    if (b.newEnd === text.length) i = oldStarts.length;
    by = b.newEnd - b.oldEnd;
    lineShift.push(starts.length - i);
  }
  for (; i < oldStarts.length; i++) {
    const s = oldStarts[i] + by;
    if (s > starts[starts.length - 1]) starts.push(s);
  }

  // Figures first: a party may be the very object of a mention, which moves in place next.
  const figures = spliceFigures(old.figures, fresh.map((a) => a.figures), blocks);
  const mentions = splice(old.mentions, fresh.map((a) => a.mentions), blocks, moveMention);
  const sections = splice(old.sections, fresh.map((a) => a.sections), blocks, (s: Section, d, k, fromBlock) => {
    s.offset += d;
    s.line += fromBlock ? blockLine[k] : lineShift[k];
    return s;
  }, true);
  const themes = spliceThemes(old.themes, fresh.map((a) => a.themes), blocks);
  return {
    analysis: { date: old.date, figures, mentions, themes, sections, traditional: old.traditional },
    lineStarts: starts,
    blocks,
  };
}

/**
 * Old items before the first block as they are, each block's items moved to its start, old
 * items between and after blocks moved by the length change so far, old items touching a
 * block dropped. `move(item, by, block, fromBlock)` moves an item in place; `block` is the
 * block it comes from or the last block before it. `always`: move even by 0 (sections: lines).
 */
function splice<T extends Span>(old: readonly T[], fresh: readonly T[][], blocks: readonly Region[], move: (item: T, by: number, block: number, fromBlock: boolean) => T, always = false): T[] {
  const out: T[] = [];
  let i = 0;
  let by = 0;
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k];
    for (; i < old.length && old[i].offset < b.oldStart && old[i].offset + old[i].length <= b.oldStart; i++) out.push(k > 0 && (by !== 0 || always) ? move(old[i], by, k - 1, false) : old[i]);
    while (i < old.length && old[i].offset < b.oldEnd) i++;
    for (const f of fresh[k]) out.push(move(f, b.newStart, k, true));
    by = b.newEnd - b.oldEnd;
  }
  const last = blocks.length - 1;
  for (; i < old.length; i++) out.push(by !== 0 || always ? move(old[i], by, last, false) : old[i]);
  return out;
}

function moveMention(m: Mention, by: number): Mention {
  m.offset += by;
  if (m.tickerOffset >= 0) m.tickerOffset += by;
  return m;
}

const moveSpan = <S extends Span>(s: S, by: number): S => {
  s.offset += by;
  return s;
};

/** Where an old offset went: moved by the length change before it, or -1 inside a block. */
function mapOld(offset: number, blocks: readonly Region[]): number {
  let by = 0;
  for (const b of blocks) {
    if (offset < b.oldStart) break;
    if (offset < b.oldEnd) return -1;
    by = b.newEnd - b.oldEnd;
  }
  return offset + by;
}

/** An old figure's party, moved (a copy: parties may be shared); null when a block replaced it. */
function moveParty(q: FigureParty | null | undefined, blocks: readonly Region[]): FigureParty | null | undefined {
  if (!q) return q;
  const at = mapOld(q.offset, blocks);
  if (at < 0) return null;
  return at === q.offset ? q : { ...q, offset: at };
}

/**
 * Figures spliced like any span; their parties move with them, and `fact` (the index of the
 * first figure of a fact) is renumbered: the first figure kept of an old fact numbers it.
 */
function spliceFigures(old: readonly Figure[], fresh: readonly Figure[][], blocks: readonly Region[]): Figure[] {
  // Parties first, from their old offsets, before any figure moves.
  for (const f of old) {
    if (f.subject) f.subject = moveParty(f.subject, blocks);
    if (f.counterparty) f.counterparty = moveParty(f.counterparty, blocks);
    if (f.source) f.source = moveParty(f.source, blocks);
  }
  for (let k = 0; k < fresh.length; k++) {
    const at = blocks[k].newStart;
    for (const f of fresh[k]) {
      if (f.subject) f.subject = { ...f.subject, offset: f.subject.offset + at };
      if (f.counterparty) f.counterparty = { ...f.counterparty, offset: f.counterparty.offset + at };
      if (f.source) f.source = { ...f.source, offset: f.source.offset + at };
    }
  }
  // Which block a fresh figure came from, to number its facts apart from the old ones.
  const blockOf = new Map<Figure, number>();
  fresh.forEach((list, k) => list.forEach((f) => blockOf.set(f, k)));
  const out = splice(old, fresh, blocks, moveSpan);
  const facts = new Map<string, number>();
  for (let n = 0; n < out.length; n++) {
    const f = out[n];
    if (f.fact === undefined) continue;
    const key = blockOf.has(f) ? `${blockOf.get(f)}:${f.fact}` : `o:${f.fact}`;
    let first = facts.get(key);
    if (first === undefined) facts.set(key, (first = n));
    f.fact = first;
  }
  return out;
}

/**
 * Themes: each theme's hits and paragraphs spliced, its count and weight recomputed, and the
 * themes ordered as the analysis orders them (by mentions, then paragraphs; ties keep the
 * previous order, the blocks' new themes after).
 */
function spliceThemes(old: readonly ThemeScore[], fresh: readonly ThemeScore[][], blocks: readonly Region[]): ThemeScore[] {
  const ids = new Map<string, ThemeScore>();
  for (const t of old) ids.set(t.id, t);
  for (const list of fresh) for (const t of list) if (!ids.has(t.id)) ids.set(t.id, { ...t, mentions: 0, hits: [], paragraphs: [] });
  const merged: ThemeScore[] = [];
  for (const t of ids.values()) {
    const own = fresh.map((list) => list.find((x) => x.id === t.id));
    const hits = splice(t.hits, own.map((x) => x?.hits ?? []), blocks, moveSpan);
    if (!hits.length) continue;
    const paragraphs = splice(t.paragraphs, own.map((x) => x?.paragraphs ?? []), blocks, moveSpan);
    merged.push({ ...t, mentions: hits.length, hits, paragraphs });
  }
  let max = 0;
  for (const t of merged) if (t.mentions > max) max = t.mentions;
  for (const t of merged) t.score = t.mentions / max;
  return merged.sort((a, b) => b.mentions - a.mentions || b.paragraphs.length - a.paragraphs.length);
}
