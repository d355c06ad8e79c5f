/**
 * Open documents in the index: analysed on first use (a burst of edits costs one analysis)
 * and, over their size cap, analysed up to the last line break before it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../server/src/analysis/analyse';
import { analysedLength } from '../../server/src/index/analysedPart';
import { WorkspaceIndex } from '../../server/src/index/workspaceIndex';
import { digestDiagnostics, Codes } from '../../server/src/features/diagnostics';
import { DEFAULT_SETTINGS } from '../../server/src/settings';

const NOTE = '腾讯控股(0700.HK)宣布投资 1,600 亿人民币。\nTencent said revenue rose to $25 billion.\n';

test('analysedLength: the whole text under the cap, else up to the last line break before it', () => {
  assert.equal(analysedLength(NOTE, Infinity), NOTE.length);
  assert.equal(analysedLength(NOTE, Buffer.byteLength(NOTE)), NOTE.length);
  const firstLine = NOTE.indexOf('\n') + 1;
  // One byte short of the whole text: the second line is left out, whole.
  assert.equal(analysedLength(NOTE, Buffer.byteLength(NOTE) - 1), firstLine);
  assert.equal(analysedLength(NOTE, Buffer.byteLength(NOTE.slice(0, firstLine)) + 3), firstLine);
  // No line break before the cap: cut at the cap, never inside a character.
  const line = '腾'.repeat(10);
  assert.equal(analysedLength(line, 7), 2);
  assert.equal(analysedLength('😀😀😀', 6), 2, 'a surrogate pair stays whole');
  assert.equal(analysedLength('😀😀😀', 8), 4);
  assert.equal(analysedLength('', 0), 0);
});

test('an open document over its cap: only the first lines are analysed, and a diagnostic says where it stops', () => {
  const index = new WorkspaceIndex((t) => analyse(t));
  const text = NOTE + 'x'.repeat(50) + '\n' + 'Alibaba paid $3 billion.\n';
  const cap = Buffer.byteLength(NOTE) + 10;
  const doc = index.set('file:///big.digest', text, 1, cap);
  assert.equal(doc.analysedLength, NOTE.length);
  assert.deepEqual(doc.analysis, analyse(NOTE), 'the analysis of the part is the analysis of that text');
  assert.ok(!doc.analysis.mentions.some((m) => m.id === 'alibaba'));
  assert.equal(index.countsOf('alibaba').files, 0);
  assert.ok(index.countsOf('tencent').mentions >= 2);
  const diags = digestDiagnostics(doc, { ...DEFAULT_SETTINGS, maxFileSize: cap });
  const stop = diags.filter((d) => d.code === Codes.notAnalysed);
  assert.equal(stop.length, 1);
  assert.deepEqual(stop[0].range.start, { line: 2, character: 0 });
  assert.match(stop[0].message, /maxFileSize/);
  // The same text with a cap it fits under is analysed whole; no diagnostic then.
  const whole = index.set('file:///big.digest', text, 2, Infinity);
  assert.equal(whole.analysedLength, text.length);
  assert.equal(index.countsOf('alibaba').files, 1);
  assert.equal(digestDiagnostics(whole, DEFAULT_SETTINGS).filter((d) => d.code === Codes.notAnalysed).length, 0);
});

test('a burst of edits is analysed once, when first asked, and the maps then match the last text', () => {
  let runs = 0;
  const index = new WorkspaceIndex((t) => (runs++, analyse(t)));
  let text = NOTE;
  for (let k = 0; k < 20; k++) {
    text = k % 2 ? text + 'Alibaba\n' : text.replace('腾讯控股', '腾讯');
    index.set('file:///a.digest', text, k + 1);
  }
  assert.equal(runs, 0, 'nothing analysed before a query');
  assert.equal(index.countsOf('alibaba').mentions, 10);
  assert.equal(runs, 1);
  assert.deepEqual(index.get('file:///a.digest')!.analysis, analyse(text));
  assert.equal(runs, 1, 'the query and the feature share the one analysis');
  index.delete('file:///a.digest');
  assert.equal(index.countsOf('alibaba').files, 0);
  // Set and deleted before any query: never analysed, never in the maps.
  index.set('file:///b.digest', 'Alibaba', 1);
  index.delete('file:///b.digest');
  assert.equal(index.countsOf('alibaba').files, 0);
  assert.equal(runs, 1);
});

test('random edits of open notes, with queries at random moments: every answer is that of a fresh analysis of the text of the moment', () => {
  const ws = join(__dirname, '..', 'fixtures', 'workspace');
  const texts = readdirSync(ws).filter((f) => /\.digest(\.md|\.txt)?$/.test(f)).map((f) => readFileSync(join(ws, f), 'utf8'));
  const snippets = ['腾讯', '騰訊控股', 'Tencent', '0700.HK', '阿里巴巴', 'Alibaba', '1,350 亿美元', 'up to $3.5 billion', '\n\n', '\n', '## 新章节\n', '2025-06-30\n', ' '];
  let seed = 13;
  const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
  const index = new WorkspaceIndex((t) => analyse(t));
  const caps = texts.map(() => Infinity);
  const current = texts.map((t, i) => {
    index.set(`file:///n${i}.digest`, t, 1);
    return t;
  });
  for (let step = 0; step < 120; step++) {
    const i = Math.floor(rand() * current.length);
    const t = current[i];
    const at = Math.floor(rand() * (t.length + 1));
    const cap = (caps[i] = rand() < 0.2 ? Math.floor(rand() * Buffer.byteLength(t)) : Infinity);
    current[i] = rand() < 0.6 ? t.slice(0, at) + snippets[Math.floor(rand() * snippets.length)] + t.slice(at) : t.slice(0, at) + t.slice(Math.min(t.length, at + Math.floor(rand() * 40)));
    index.set(`file:///n${i}.digest`, current[i], step + 2, cap);
    if (rand() < 0.3) continue; // a burst: no query before the next edit
    const doc = index.get(`file:///n${i}.digest`)!;
    assert.deepEqual(doc.analysis, analyse(current[i].slice(0, analysedLength(current[i], cap))), `step ${step}`);
    const fresh = new WorkspaceIndex((x) => analyse(x));
    for (let k = 0; k < current.length; k++) fresh.set(`file:///n${k}.digest`, current[k], 1, caps[k]);
    const counts = (x: WorkspaceIndex) => x.entityCounts().sort((a, b) => (a.id < b.id ? -1 : 1));
    assert.deepEqual(counts(index), counts(fresh), `step ${step}`);
  }
});
