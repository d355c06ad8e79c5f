/**
 * An open note's analysis after an edit (index/provisional.ts, WorkspaceIndex.installExact):
 * after every random edit of a long note the provisional analysis keeps every item outside
 * the paragraphs the edit touched (moved by the length change) and equals a whole analysis
 * there in what the analysis decides paragraph by paragraph; its line starts are exact; once
 * the edits settle the analysis is exactly a whole analysis of the final text; and a whole
 * analysis of a text the note has since moved on from is never installed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../server/src/analysis/analyse';
import { lineStarts } from '../../server/src/analysis/text';
import { builtinGazetteer } from '../../server/src/analysis/gazetteer';
import { builtinTaxonomy } from '../../server/src/analysis/themes';
import type { DocumentAnalysis, Span } from '../../server/src/analysis/types';
import { composeRegions, diffTexts, paragraphEnd, paragraphStart, patchLineStarts, type Region } from '../../server/src/index/provisional';
import { PATCH_MIN_LENGTH, WorkspaceIndex } from '../../server/src/index/workspaceIndex';
import { rng } from '../helpers/rng';

const ROOT = join(__dirname, '..', '..');
const gazetteer = builtinGazetteer();
const taxonomy = builtinTaxonomy();
const analyser = (text: string) => analyse(text, { gazetteer, taxonomy });

/** Every digest of the examples and fixtures, for a long seed-like note made of them. */
function digests(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (!name.startsWith('.')) out.push(...digests(p));
    } else if (/\.digest(\.md|\.txt)?$/.test(name)) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}
const PARTS = [...digests(join(ROOT, 'examples')), ...digests(join(ROOT, 'test', 'fixtures', 'workspace'))];

function longNote(minLength: number): string {
  const parts: string[] = [];
  let n = 0;
  for (let k = 0; n < minLength; k++) {
    const p = PARTS[k % PARTS.length];
    parts.push(p.trimEnd());
    n += p.length + 2;
  }
  return parts.join('\n\n') + '\n';
}

const SNIPPETS = [
  '腾讯', '騰訊控股', 'Tencent', '0700.HK', '(SZ:300751)', '阿里巴巴', 'Alibaba', 'NVIDIA', '英伟达', 'SoftBank', '软银',
  '1,350 亿美元', 'HK$4.19B / $538M', '15萬元/噸', '约 20 亿元', 'up to $3.5 billion', '数十亿美元', '¥500',
  'AI 芯片', '数据中心', 'robotics', '\n\n', '\n', '## 新章节\n', ' ', '，', '2025-06-30',
];


/** One random edit: an insertion, a deletion or a replacement, small as typing is. */
function edit(text: string, r: () => number): string {
  const at = Math.floor(r() * text.length);
  const kind = r();
  if (kind < 0.45) return text.slice(0, at) + SNIPPETS[Math.floor(r() * SNIPPETS.length)] + text.slice(at);
  const len = 1 + Math.floor(r() * 12);
  if (kind < 0.8) return text.slice(0, at) + text.slice(at + len);
  return text.slice(0, at) + SNIPPETS[Math.floor(r() * SNIPPETS.length)] + text.slice(at + len);
}

const inside = (s: Span, from: number, to: number) => s.offset < to && s.offset + s.length > from;

/**
 * Figures (spans, amounts, currencies; not their parties or fact groups), mentions and
 * sections outside [from, to), those after it moved by `delta` characters and `lineDelta` lines;
 * without `bareYuan`, not the currency of a bare 元 (the note's other figures decide it).
 */
function local(a: DocumentAnalysis, from: number, to: number, delta = 0, lineDelta = 0, bareYuan = true) {
  const at = (o: number) => (o >= to ? o + delta : o);
  return {
    figures: a.figures.filter((f) => !inside(f, from, to)).map((f) => [at(f.offset), f.length, f.text, bareYuan || !/^[^A-Za-z$¥€£]*元/.test(f.text) ? f.currency : '元', f.value, f.min, f.max, f.per, f.approximate].join('|')),
    mentions: a.mentions.filter((m) => !inside(m, from, to)).map((m) => [at(m.offset), m.length, m.text, m.id].join('|')),
    sections: a.sections.filter((s) => !inside(s, from, to)).map((s) => [at(s.offset), s.length, s.title, s.offset >= to ? s.line + lineDelta : s.line].join('|')),
  };
}

test('the changed span of two texts, and paragraphs around a point', () => {
  assert.equal(diffTexts('abc', 'abc'), null);
  assert.deepEqual(diffTexts('abcdef', 'abXYef'), { start: 2, oldEnd: 4, newEnd: 4 });
  assert.deepEqual(diffTexts('aaaa', 'aaaaa'), { start: 4, oldEnd: 4, newEnd: 5 });
  const long = 'x'.repeat(5000);
  assert.deepEqual(diffTexts(long + 'a' + long, long + long), { start: 5000, oldEnd: 5001, newEnd: 5000 });
  const t = 'one\ntwo\n\nthree\nfour\n  \nfive';
  assert.equal(paragraphStart(t, t.indexOf('four') + 1), t.indexOf('three'));
  assert.equal(paragraphEnd(t, t.indexOf('three')), t.indexOf('  \n'));
  assert.equal(paragraphStart(t, 2), 0);
  assert.equal(paragraphEnd(t, t.indexOf('five')), t.length);
});

test('line starts patched edit by edit, with CRLF and lone CR line breaks', () => {
  const r = rng(11);
  const breaks = ['\n', '\r\n', '\r', 'x', '\n\n'];
  let text = 'one\r\ntwo\rthree\n\nfour\r\n';
  let starts = lineStarts(text);
  for (let k = 0; k < 2000; k++) {
    const at = Math.floor(r() * (text.length + 1));
    const cut = r() < 0.4 ? Math.floor(r() * 3) : 0;
    const next = text.slice(0, at) + (r() < 0.7 ? breaks[Math.floor(r() * breaks.length)] : '') + text.slice(at + cut);
    const change = diffTexts(text, next);
    text = next;
    if (!change) continue;
    starts = patchLineStarts(starts, text, change);
    assert.deepEqual(starts, lineStarts(text), JSON.stringify(text));
  }
});

test('edits composed into regions: outside them the current text is the base text, moved', () => {
  const r = rng(5);
  for (let round = 0; round < 30; round++) {
    const base = longNote(3_000 + round * 100);
    let text = base;
    let regions: Region[] = [];
    for (let k = 0; k < 25; k++) {
      const next = edit(text, r);
      const change = diffTexts(text, next);
      text = next;
      if (!change) continue;
      regions = composeRegions(regions, change);
      let oldAt = 0;
      let newAt = 0;
      for (const g of regions) {
        assert.ok(g.oldStart >= oldAt && g.newStart >= newAt && g.oldEnd >= g.oldStart && g.newEnd >= g.newStart, JSON.stringify(regions));
        assert.equal(text.slice(newAt, g.newStart), base.slice(oldAt, g.oldStart), `gap before ${JSON.stringify(g)}`);
        oldAt = g.oldEnd;
        newAt = g.newEnd;
      }
      assert.equal(text.slice(newAt), base.slice(oldAt));
    }
  }
});

test('random edits of a long open note: provisional outside the edit, exact once settled', () => {
  let text = longNote(110_000);
  assert.ok(text.length >= PATCH_MIN_LENGTH);
  const index = new WorkspaceIndex(analyser);
  const uri = 'file:///long.digest.md';
  let version = 1;
  index.set(uri, text, version);
  assert.deepEqual(index.get(uri)!.analysis, analyser(text));
  assert.equal(index.needsExact(uri), false);
  const r = rng(13);
  let provisional = 0;
  // A long burst first: many edits before the analysis is asked for.
  for (let k = 0; k < 30; k++) index.set(uri, (text = edit(text, r)), ++version);
  assert.equal(index.needsExact(uri), true);
  assert.deepEqual(index.get(uri)!.lineStarts, lineStarts(text));
  for (const m of index.get(uri)!.analysis.mentions) assert.equal(text.slice(m.offset, m.offset + m.length), m.text, 'a mention after a burst');
  index.settleExact(uri);
  assert.deepEqual(index.get(uri)!.analysis, analyser(text));
  let differing = 0;
  for (let step = 0; step < 40; step++) {
    const before = text;
    // A copy: the next analysis reuses the items of this one, moved in place.
    const prev = structuredClone(index.get(uri)!.analysis);
    const prevLines = index.get(uri)!.lineStarts.length;
    text = edit(text, r);
    // A burst now and then: several edits before the analysis is next asked for.
    if (step % 7 === 3) text = edit(edit(text, r), r);
    index.set(uri, text, ++version);
    const doc = index.get(uri)!;
    const got = doc.analysis;
    assert.deepEqual(doc.lineStarts, lineStarts(text), `line starts after edit ${step}`);
    const change = diffTexts(before, text);
    if (!change) continue;
    const full = analyser(text);
    if (index.needsExact(uri)) provisional++;
    // The paragraphs touched (widened by one each side: a burst touches more than one spot).
    const from = paragraphStart(text, Math.max(0, paragraphStart(text, change.start) - 2));
    const to = paragraphEnd(text, paragraphEnd(text, change.newEnd) + 1);
    const g = local(got, from, to);
    if (JSON.stringify(local(got, from, to, 0, 0, false)) !== JSON.stringify(local(full, from, to, 0, 0, false))) differing++;
    // Items outside the edit are kept and moved: those of the analysis before the edit.
    const delta = text.length - before.length;
    const kept = local(prev, from, to - delta, delta, doc.lineStarts.length - prevLines);
    // (Edits over a quarter of the note are analysed whole: exact at once.)
    if (index.needsExact(uri)) assert.deepEqual(g, kept, `kept outside edit ${step}`);
    else assert.deepEqual(got, full, `analysed whole at edit ${step}`);
    for (const fig of got.figures) assert.equal(text.slice(fig.offset, fig.offset + fig.length), fig.text, `figure text at its offset after edit ${step}`);
    for (const m of got.mentions) assert.equal(text.slice(m.offset, m.offset + m.length), m.text, `mention text at its offset after edit ${step}`);
    for (const th of got.themes) for (const h of th.hits) assert.ok(h.offset >= 0 && h.offset + h.length <= text.length);
    // Every few edits the exact phase runs: the analysis is then a whole analysis.
    if (step % 5 === 4) {
      index.settleExact(uri);
      assert.equal(index.needsExact(uri), false);
      assert.deepEqual(index.get(uri)!.analysis, full, `exact after edit ${step}`);
    }
  }
  assert.ok(provisional >= 20, `most edits were patched (${provisional})`);
  // What the analysis decides across paragraphs (a company learnt elsewhere in the note, the
  // bare-元 currency) changes outside an edit now and then, not at most edits.
  assert.ok(differing <= 8, `the provisional analysis differs from a whole one outside the edit ${differing} times`);
  index.settleExact(uri);
  assert.deepEqual(index.get(uri)!.analysis, analyser(text));
  // The index's maps follow: counts are a fresh index's.
  const fresh = new WorkspaceIndex(analyser);
  fresh.set(uri, text, version);
  assert.deepEqual(index.entityCounts().sort((a, b) => a.id.localeCompare(b.id)), fresh.entityCounts().sort((a, b) => a.id.localeCompare(b.id)));
  assert.deepEqual(index.themeCounts().sort((a, b) => a.id.localeCompare(b.id)), fresh.themeCounts().sort((a, b) => a.id.localeCompare(b.id)));
});

test('a whole analysis of a text the note has moved on from is never installed', () => {
  const text = longNote(70_000);
  const index = new WorkspaceIndex(analyser);
  const uri = 'file:///stale.digest.md';
  index.set(uri, text, 1);
  void index.get(uri)!.analysis;
  const v2 = text.replace('腾讯', '腾讯控股');
  index.set(uri, v2, 2);
  const provisional = index.get(uri)!.analysis;
  assert.equal(index.needsExact(uri), true);
  const exact2 = analyser(v2);
  const v3 = v2 + '\n\n阿里巴巴 投资 20 亿元。\n';
  index.set(uri, v3, 3);
  // The answer for version 2 comes back after version 3 is in: dropped.
  assert.equal(index.installExact(uri, 2, v2, exact2), false);
  assert.notEqual(index.get(uri)!.analysis, exact2);
  assert.equal(index.needsExact(uri), true);
  // Same version, other text (never for an open note, but the text is what was analysed).
  assert.equal(index.installExact(uri, 3, v2, exact2), false);
  assert.ok(provisional);
  const exact3 = analyser(v3);
  assert.equal(index.installExact(uri, 3, v3, exact3), true);
  assert.equal(index.get(uri)!.analysis, exact3);
  assert.equal(index.needsExact(uri), false);
});

test('a short note is analysed whole at every edit', () => {
  const index = new WorkspaceIndex(analyser);
  const uri = 'file:///short.digest.md';
  const text = PARTS[0];
  index.set(uri, text, 1);
  void index.get(uri)!.analysis;
  const v2 = text + '\n\n腾讯 投资 20 亿元。\n';
  index.set(uri, v2, 2);
  assert.equal(index.needsExact(uri), false);
  assert.deepEqual(index.get(uri)!.analysis, analyser(v2));
});
