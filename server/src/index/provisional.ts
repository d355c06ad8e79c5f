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

/** A provisional analysis with its line starts and the block of the new text analysed anew. */
export interface Patched {
  analysis: DocumentAnalysis;
  lineStarts: number[];
  block: { start: number; end: number };
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
 * The analysis of `text` made from the analysis of `base.text` and an analysis of the
 * paragraphs the change touches (`analyseBlock`, given that block's text alone).
 */
export function patchAnalysis(base: PatchBase, text: string, change: TextChange, analyseBlock: (block: string) => DocumentAnalysis): Patched {
  const delta = text.length - base.text.length;
  const start = paragraphStart(text, change.start);
  const end = Math.max(start, paragraphEnd(text, change.newEnd));
  // Outside [start, end) the new text is the old one moved by delta.
  const oldEnd = end - delta;
  const blockText = text.slice(start, end);
  const fresh = analyseBlock(blockText);
  const old = base.analysis;

  // Line starts: the old ones before the block, the block's own, the old ones after it moved.
  const oldStarts = base.lineStarts;
  const before = upperBound(oldStarts, start - 1);
  const after = upperBound(oldStarts, oldEnd - 1);
  const starts = oldStarts.slice(0, before);
  for (const s of lineStarts(blockText)) if (start + s < end || end === text.length) starts.push(start + s);
  const firstAfter = starts.length;
  for (let i = after; i < oldStarts.length; i++) {
    const s = oldStarts[i] + delta;
    if (s > starts[firstAfter - 1]) starts.push(s);
  }
  const lineDelta = starts.length - oldStarts.length;
  const blockLine = before;

  const place = { start, oldEnd, delta };
  const figures = spliceFigures(old.figures, fresh.figures, place);
  const mentions = splice(old.mentions, fresh.mentions, place, moveMention);
  const sections = splice(old.sections, fresh.sections, place, (s: Section, d, fromBlock) => ({ ...s, offset: s.offset + d, line: s.line + (fromBlock ? blockLine : lineDelta) }), place.delta === 0 && lineDelta === 0);
  const themes = spliceThemes(old.themes, fresh.themes, place);
  return {
    analysis: { date: old.date, figures, mentions, themes, sections, traditional: old.traditional },
    lineStarts: starts,
    block: { start, end },
  };
}

interface Place {
  /** Start of the block in both texts, its end in the old text, and the length change. */
  start: number;
  oldEnd: number;
  delta: number;
}

/** Index of the first element of a sorted array greater than `x`. */
function upperBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where an old span lies against the block: before it, after it, or touching it (dropped). */
function sideOf(s: Span, p: Place): -1 | 0 | 1 {
  if (s.offset + s.length <= p.start && s.offset < p.start) return -1;
  if (s.offset >= p.oldEnd) return 1;
  return 0;
}

/**
 * Old items before the block as they are, the block's items moved to its start, old items
 * after the block moved by the length change; `move(item, by, fromBlock)` makes a moved copy.
 */
function splice<T extends Span>(old: readonly T[], fresh: readonly T[], p: Place, move: (item: T, by: number, fromBlock: boolean) => T, same = p.delta === 0): T[] {
  const out: T[] = [];
  let i = 0;
  while (i < old.length && sideOf(old[i], p) === -1) out.push(old[i++]);
  for (const f of fresh) out.push(move(f, p.start, true));
  for (; i < old.length; i++) if (sideOf(old[i], p) === 1) out.push(same ? old[i] : move(old[i], p.delta, false));
  return out;
}

function moveMention(m: Mention, by: number): Mention {
  return { ...m, offset: m.offset + by, tickerOffset: m.tickerOffset < 0 ? m.tickerOffset : m.tickerOffset + by };
}

/** A party moved with its figure; null when it was in the text the block replaced. */
function moveParty(q: FigureParty | null | undefined, p: Place, fromBlock: boolean): FigureParty | null | undefined {
  if (!q) return q;
  if (fromBlock) return { ...q, offset: q.offset + p.start };
  const side = sideOf(q, p);
  if (side === -1) return q;
  if (side === 1) return { ...q, offset: q.offset + p.delta };
  return null;
}

/**
 * Figures spliced like any span; their parties move with them, and `fact` (the index of the
 * first figure of a fact) is renumbered: the first figure kept of an old fact numbers it.
 */
function spliceFigures(old: readonly Figure[], fresh: readonly Figure[], p: Place): Figure[] {
  const out: Figure[] = [];
  const oldFacts = new Map<number, number>();
  const freshFacts = new Map<number, number>();
  const renumber = (f: Figure, facts: Map<number, number>, index: number): Figure => {
    if (f.fact === undefined) return f;
    let n = facts.get(f.fact);
    if (n === undefined) facts.set(f.fact, (n = index));
    return n === f.fact ? f : { ...f, fact: n };
  };
  let i = 0;
  for (; i < old.length && sideOf(old[i], p) === -1; i++) {
    const f = old[i];
    out.push(renumber(f.subject !== undefined || f.counterparty !== undefined || f.source !== undefined ? withParties(f, p, false, 0) : f, oldFacts, out.length));
  }
  for (const f of fresh) out.push(renumber(withParties(f, p, true, p.start), freshFacts, out.length));
  for (; i < old.length; i++) if (sideOf(old[i], p) === 1) out.push(renumber(withParties(old[i], p, false, p.delta), oldFacts, out.length));
  return out;
}

function withParties(f: Figure, p: Place, fromBlock: boolean, by: number): Figure {
  const subject = moveParty(f.subject, p, fromBlock);
  const counterparty = moveParty(f.counterparty, p, fromBlock);
  const source = moveParty(f.source, p, fromBlock);
  if (by === 0 && subject === f.subject && counterparty === f.counterparty && source === f.source) return f;
  const out: Figure = { ...f, offset: f.offset + by };
  if (f.subject !== undefined) out.subject = subject;
  if (f.counterparty !== undefined) out.counterparty = counterparty;
  if (f.source !== undefined) out.source = source;
  return out;
}

/**
 * Themes: each theme's hits and paragraphs spliced, its count and weight recomputed, and the
 * themes ordered as the analysis orders them (by mentions, then paragraphs; ties keep the
 * previous order, the block's new themes after).
 */
function spliceThemes(old: readonly ThemeScore[], fresh: readonly ThemeScore[], p: Place): ThemeScore[] {
  const freshById = new Map(fresh.map((t) => [t.id, t]));
  const merged: ThemeScore[] = [];
  const moveSpan = <S extends Span>(s: S, by: number): S => ({ ...s, offset: s.offset + by });
  const none: ThemeScore['paragraphs'] = [];
  for (const t of old) {
    const f = freshById.get(t.id);
    freshById.delete(t.id);
    const hits = splice(t.hits, f?.hits ?? none, p, moveSpan);
    if (!hits.length) continue;
    merged.push({ ...t, mentions: hits.length, hits, paragraphs: splice(t.paragraphs, f?.paragraphs ?? none, p, moveSpan) });
  }
  for (const f of freshById.values()) {
    merged.push({ ...f, hits: f.hits.map((h) => moveSpan(h, p.start)), paragraphs: f.paragraphs.map((q) => moveSpan(q, p.start)) });
  }
  let max = 0;
  for (const t of merged) if (t.mentions > max) max = t.mentions;
  for (const t of merged) t.score = t.mentions / max;
  return merged.sort((a, b) => b.mentions - a.mentions || b.paragraphs.length - a.paragraphs.length);
}
