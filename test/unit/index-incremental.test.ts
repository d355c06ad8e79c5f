/**
 * The index patched edit by edit equals the index built afresh: after many random edits
 * (insertions and deletions of random substrings, company names, tickers and figures),
 * file replacements and deletions, every entity's postings, every theme's hits and every
 * count are those of a new index of the final texts. Documents are held both ways the
 * server holds them: in memory (open) and packed from disk.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../server/src/analysis/analyse';
import { builtinGazetteer } from '../../server/src/analysis/gazetteer';
import { builtinTaxonomy } from '../../server/src/analysis/themes';
import { parseUserEntities } from '../../server/src/analysis/userFiles/entities';
import { WorkspaceIndex, type DiskState } from '../../server/src/index/workspaceIndex';
import { pack } from '../../server/src/index/packed';
import { lineStartsOf } from '../../server/src/index/analyseFile';
import { optionalShared } from '../helpers/requires';
import { rng } from '../helpers/rng';

const WS = join(__dirname, '..', '..', 'test', 'fixtures', 'workspace');
const EXAMPLES = join(__dirname, '..', '..', 'examples');
/** The seed digests widen the corpus where ../shared is present (required under CI). */
const SEEDS = optionalShared('seeds');
const gazetteer = builtinGazetteer().withEntities(parseUserEntities(readFileSync(join(WS, '.digestlens', 'entities.json'), 'utf8'), 'entities.json').entities);
const taxonomy = builtinTaxonomy();
const analyser = (text: string) => analyse(text, { gazetteer, taxonomy });

/** Things worth inserting: names in three scripts, tickers, figures, theme words, breaks. */
const SNIPPETS = [
  '腾讯', '騰訊控股', 'Tencent', '0700.HK', '(SZ:300751)', '远澜算力', '遠瀾算力', 'Yuanlan Compute', '阿里巴巴', 'Alibaba', 'NVIDIA', '英伟达', 'SoftBank', '软银',
  '1,350 亿美元', 'HK$4.19B / $538M', '15萬元/噸', '约 20 亿元', 'up to $3.5 billion', '数十亿美元', '¥500', '3兆日元',
  'AI 芯片', '数据中心', '锂电池', 'robotics', 'semiconductor', '\n\n', '\n', '## 新章节\n', ' ', '，', '2025-06-30',
];


/** The fixtures, the example digests (so a clone without ../shared has enough to edit) and, where present, seeds. */
function corpus(): string[] {
  const texts = ['english.digest', 'simplified.digest.md', 'traditional.digest.txt'].map((f) => readFileSync(join(WS, f), 'utf8'));
  for (const f of ['2026-01/ai-capex.digest.md', '2026-01/hk-taiwan-markets.digest.txt', '2026-01/english-briefing.digest']) texts.push(readFileSync(join(EXAMPLES, f), 'utf8').slice(0, 6000));
  if (SEEDS) for (const f of readdirSync(SEEDS).slice(0, 3)) texts.push(readFileSync(join(SEEDS, f), 'utf8').slice(0, 6000));
  return texts;
}

/** One random edit: insert a snippet or a substring of another text, or delete a stretch. */
function edit(text: string, rand: () => number, others: string[]): string {
  const at = Math.floor(rand() * (text.length + 1));
  const r = rand();
  if (r < 0.45) return text.slice(0, at) + SNIPPETS[Math.floor(rand() * SNIPPETS.length)] + text.slice(at);
  if (r < 0.7) {
    const src = others[Math.floor(rand() * others.length)];
    const from = Math.floor(rand() * src.length);
    return text.slice(0, at) + src.slice(from, from + 1 + Math.floor(rand() * 200)) + text.slice(at);
  }
  return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(rand() * 120)));
}

/** Everything the features read from the index, in a comparable form. */
function snapshot(index: WorkspaceIndex) {
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const entities = byId(index.entityCounts()).map(({ id, mentions, files }) => ({ id, mentions, files }));
  const themes = byId(index.themeCounts()).map(({ id, mentions, files }) => ({ id, mentions, files }));
  return {
    uris: [...index.all()].map((d) => d.uri).sort(),
    entities,
    themes,
    postings: entities.map(({ id }) => ({
      id,
      files: index.filesOf(id),
      first: index.firstFileOf(id) === index.filesOf(id)[0],
      earliest: index.earliestFileOf(id),
      counts: index.countsOf(id),
      mentions: index.mentionsOf(id).map(({ uri, mention }) => `${uri}@${mention.offset}+${mention.length}:${mention.text}|${mention.name}|${mention.kind}|${mention.ticker}`),
    })),
    hits: themes.map(({ id }) => {
      const first = index.themeHitsOf(id, 1); // before the full list sorts the documents
      const hits = index.themeHitsOf(id).map(({ uri, span }) => `${uri}@${span.offset}+${span.length}`);
      return { id, hits, first: first.length === 1 && `${first[0].uri}@${first[0].span.offset}+${first[0].span.length}` === hits[0] };
    }),
    perDoc: [...index.all()]
      .sort((a, b) => (a.uri < b.uri ? -1 : 1))
      .map((d) => ({ uri: d.uri, entities: byId(index.entityCounts(d.uri)), themes: byId(index.themeCounts(d.uri)), date: index.dateOf(d.uri) })),
  };
}

/** The server's two ways of holding a document (a document read from disk is closed first, as the server does). */
function put(index: WorkspaceIndex, uri: string, text: string, onDisk: boolean, tick: number): void {
  if (onDisk) {
    index.markClosed(uri);
    index.setDiskText(uri, text, { size: text.length, mtimeMs: tick });
  } else index.set(uri, text, tick);
}

for (const seed of [1, 2, 3]) {
  test(`the index after random edits equals a fresh index of the final texts (seed ${seed})`, () => {
    const rand = rng(seed);
    const texts = corpus();
    const current = new Map<string, { text: string; onDisk: boolean }>();
    // The disk documents' texts for lazily read figure texts.
    const live = new WorkspaceIndex(analyser, { loadText: (uri) => current.get(uri)?.text ?? null });
    texts.forEach((text, i) => {
      const uri = `file:///ws/doc${i}.digest.md`;
      const onDisk = i % 2 === 0;
      current.set(uri, { text, onDisk });
      put(live, uri, text, onDisk, 0);
    });
    let edits = 0;
    for (let step = 1; step <= 250; step++) {
      // Queries between edits, so that the kept uri-sorted lists and earliest documents are
      // patched by the edits that follow rather than made afresh at the end.
      if (step % 10 === 0) for (const e of live.entityCounts().slice(0, 12)) { live.filesOf(e.id); live.earliestFileOf(e.id); }
      const uris = [...current.keys()];
      const uri = uris[Math.floor(rand() * uris.length)];
      const doc = current.get(uri)!;
      const r = rand();
      if (r < 0.04 && current.size > 2) {
        live.delete(uri);
        current.delete(uri);
      } else if (r < 0.08) {
        const fresh = `file:///ws/new${step}.digest`;
        const text = texts[Math.floor(rand() * texts.length)].slice(0, 3000);
        current.set(fresh, { text, onDisk: rand() < 0.5 });
        put(live, fresh, text, current.get(fresh)!.onDisk, step);
      } else {
        // An edit; now and then the document switches between open and on disk.
        doc.text = edit(doc.text, rand, texts);
        if (rand() < 0.1) doc.onDisk = !doc.onDisk;
        put(live, uri, doc.text, doc.onDisk, step);
        edits++;
      }
    }
    assert.ok(edits > 200, `only ${edits} edits`);
    const fresh = new WorkspaceIndex(analyser);
    for (const [uri, { text }] of current) fresh.set(uri, text, null);
    const a = snapshot(live);
    const b = snapshot(fresh);
    assert.ok(b.postings.length > 10 && b.hits.length > 3, 'the final texts have entities and themes to compare');
    assert.deepStrictEqual(a.uris, b.uris);
    assert.deepStrictEqual(a.entities, b.entities);
    assert.deepStrictEqual(a.themes, b.themes);
    assert.deepStrictEqual(a.postings, b.postings);
    assert.deepStrictEqual(a.hits, b.hits);
    assert.deepStrictEqual(a.perDoc, b.perDoc);
    // And each document's analysis, packed or not, is the fresh one.
    for (const uri of current.keys()) assert.deepStrictEqual(JSON.parse(JSON.stringify(live.get(uri)!.analysis.mentions)), JSON.parse(JSON.stringify(fresh.get(uri)!.analysis.mentions)));
  });
}

test('a closed document whose file did not change goes back to its disk state without re-analysis', () => {
  let analysed = 0;
  const index = new WorkspaceIndex((t) => (analysed++, analyser(t)));
  const text = readFileSync(join(WS, 'english.digest'), 'utf8');
  const uri = 'file:///ws/english.digest';
  index.setDiskText(uri, text, { size: 10, mtimeMs: 1 });
  index.set(uri, text + '\n腾讯', 2); // opened and edited
  assert.ok(index.entityCounts(uri).some((c) => c.id === 'tencent'));
  index.markClosed(uri);
  const before = analysed;
  assert.equal(index.revertToDisk(uri, { size: 10, mtimeMs: 2 }), false, 'another mtime: not current');
  assert.equal(index.revertToDisk(uri, { size: 10, mtimeMs: 1 }), true);
  assert.equal(analysed, before);
  assert.equal(index.get(uri)!.version, null);
  const fresh = new WorkspaceIndex(analyser);
  fresh.set(uri, text, null);
  assert.deepStrictEqual(index.entityCounts(uri), fresh.entityCounts(uri), 'the counts of the text on disk, not of the edit');
});

test('disk documents keep no text: it is read through loadText, and a changed file is reported stale', () => {
  const text = readFileSync(join(WS, 'simplified.digest.md'), 'utf8');
  const uri = 'file:///ws/simplified.digest.md';
  let disk = text;
  const reads: string[] = [];
  const stale: string[] = [];
  const index = new WorkspaceIndex(analyser, { loadText: (u) => (reads.push(u), disk), onStale: (u) => void stale.push(u) });
  index.setDiskText(uri, text, { size: 1, mtimeMs: 1 });
  const doc = index.get(uri)!;
  assert.equal(doc.text, text, 'the text just read is cached');
  assert.equal(reads.length, 0);
  index.setDiskText('file:///ws/other.digest', 'x', { size: 1, mtimeMs: 1 }); // no effect on the first's cache
  disk = text + ' changed on disk';
  // Evict the cached text by indexing more documents than the text cache holds.
  for (let i = 0; i < 40; i++) index.setDiskText(`file:///ws/filler${i}.digest`, `filler ${i}`, { size: 1, mtimeMs: 1 });
  assert.equal(doc.text, disk);
  assert.deepEqual(reads, [uri]);
  assert.deepEqual(stale, [uri]);
  // Figures unpacked from a disk document take their text from the document.
  disk = text;
  const figures = index.get(uri)!.analysis.figures;
  assert.ok(figures.length > 0);
  for (const f of figures) assert.equal(f.text, text.slice(f.offset, f.offset + f.length));
});

test('many disk states set at once (a warm start) leave the index as setting them one by one does', () => {
  const texts = corpus();
  const docs = texts.flatMap((text, i) => [text, text.slice(0, 2000)].map((t, k) => ({ uri: `file:///ws/d${i}-${k}.digest.md`, text: t })));
  const state = (index: WorkspaceIndex, text: string, tick: number): DiskState => ({
    stamp: { size: text.length, mtimeMs: tick },
    packed: pack(analyser(text), index.table, text),
    lineStarts: lineStartsOf(text),
    textLength: text.length,
    dataVersion: index.dataVersion,
  });
  const texts_ = new Map(docs.map((d) => [d.uri, d.text]));
  const build = (many: boolean) => {
    const index = new WorkspaceIndex(analyser, { loadText: (uri) => texts_.get(uri) ?? null });
    // Before: one document open with other text, one on disk already, and an entity the
    // table knows from them.
    index.set(docs[0].uri, texts[1], 1);
    index.setDisk(docs[1].uri, state(index, texts[2], 1));
    const states = docs.map((d) => ({ uri: d.uri, disk: state(index, d.text, 2) }));
    // The same file twice: the last state wins.
    states.push({ uri: docs[5].uri, disk: state(index, texts[0], 3) });
    if (many) index.setDiskMany(states);
    else for (const { uri, disk } of states) index.setDisk(uri, disk, false);
    return index;
  };
  const one = build(false);
  const all = build(true);
  assert.deepStrictEqual(snapshot(all), snapshot(one));
  // Names, kinds and labels too (the first mention's, in the same order).
  const sorted = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
  assert.deepStrictEqual(sorted(all.entityCounts()), sorted(one.entityCounts()));
  assert.deepStrictEqual(sorted(all.themeCounts()), sorted(one.themeCounts()));
  assert.ok(one.entityCounts().length > 10, 'the corpus has entities to compare');
  // The open document keeps its live text; later edits patch the maps as usual.
  assert.equal(all.get(docs[0].uri)!.version, 1);
  all.delete(docs[3].uri);
  one.delete(docs[3].uri);
  all.set(docs[4].uri, texts[0], 3);
  one.set(docs[4].uri, texts[0], 3);
  assert.deepStrictEqual(snapshot(all), snapshot(one));
});
