/**
 * The packed analysis, the index cache file and the analysis workers: packing loses
 * nothing, a saved cache loads back equal, a damaged, truncated or out-of-date cache is
 * refused with a reason, concurrent saves leave a loadable file. That the built worker
 * analyses a file exactly as the server does is test/integration/cache-worker.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as zlib from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse } from '../../server/src/analysis/analyse';
import { analysisSetup, dataVersion, type UserFileTexts } from '../../server/src/index/analysisSetup';
import { cacheFile, loadCache, saveCache, type CacheEntry, type CacheSource } from '../../server/src/index/cache';
import { pack, RefMap, remap, StringTable, unpack, PackedView } from '../../server/src/index/packed';
import { availableParallelism } from 'node:os';
import { AnalysisPool, planWorkers } from '../../server/src/index/workerPool';
import { lineStartsOf } from '../../server/src/index/analyseFile';
import { lineStarts } from '../../server/src/analysis/text';
import { optionalShared } from '../helpers/requires';

const REPO = join(__dirname, '..', '..');
const WS = join(REPO, 'test', 'fixtures', 'workspace');
/** The seed digests widen the corpus where ../shared is present (required under CI). */
const SEEDS = optionalShared('seeds');

/** The fixture digests and, where present, the five seed digests. */
function corpus(): { name: string; text: string }[] {
  const out = ['english.digest', 'simplified.digest.md', 'traditional.digest.txt'].map((f) => ({ name: f, text: readFileSync(join(WS, f), 'utf8') }));
  if (SEEDS) for (const f of readdirSync(SEEDS)) out.push({ name: f, text: readFileSync(join(SEEDS, f), 'utf8') });
  return out;
}

const USER: UserFileTexts = {
  entities: [{ uri: 'file:///ws/.digestlens/entities.json', content: readFileSync(join(WS, '.digestlens', 'entities.json'), 'utf8') }],
  themes: [],
};

test('a packed analysis unpacks to exactly what the analyser returned, narrow and wide', () => {
  const table = new StringTable();
  // A document longer than 2^23 characters is packed "wide" (two ints per span).
  const wide = 'x'.repeat((1 << 23) + 10) + ' 腾讯控股 1,350 亿美元，AI 芯片。';
  for (const { name, text } of [...corpus(), { name: 'wide', text: wide }]) {
    const a = analyse(text);
    const p = pack(a, table, text);
    assert.deepStrictEqual(unpack(p, table, text), a, name);
    const view = new PackedView(p, table, () => text);
    assert.equal(view.date, a.date);
    assert.deepStrictEqual(view.mentions, a.mentions, name);
    assert.deepStrictEqual(view.figures, a.figures, name);
  }
  assert.ok(corpus().some(({ text }) => analyse(text).mentions.length > 5), 'the corpus has mentions to pack');
});

test('figure texts are stored (the figures table reads no file); keepText false leaves them to the text', () => {
  const text = readFileSync(join(WS, 'english.digest'), 'utf8');
  const a = analyse(text);
  assert.ok(a.figures.length > 0);
  const t1 = new StringTable();
  const p1 = pack(a, t1, text);
  for (const f of a.figures) assert.ok(t1.strings.includes(f.text));
  // Unpacked without the text, the figures still have theirs.
  assert.deepStrictEqual(unpack(p1, t1), a);
  const t2 = new StringTable();
  pack(a, t2, text, false);
  assert.ok(t2.strings.length < t1.strings.length);
});

test('line starts as a typed array match the analysis line starts', () => {
  for (const t of ['', 'a', '\n', 'a\nb\n', 'a\r\nb\rc\n\n', '\r', 'x\n\r\n', ...corpus().map((c) => c.text)]) {
    assert.deepEqual(Array.from(lineStartsOf(t)), lineStarts(t));
  }
});

/** Cache sources for the corpus, with stamps as if read from disk. */
function sources(table: StringTable): { sources: CacheSource[]; texts: Map<string, string> } {
  const texts = new Map<string, string>();
  const out = corpus().map(({ name, text }, i) => {
    const uri = `file:///ws/${name}`;
    texts.set(uri, text);
    return { uri, stamp: { size: text.length * 2 + i, mtimeMs: 1_700_000_000_000 + i * 1.5 }, packed: pack(analyse(text), table, text), lineStarts: lineStartsOf(text), textLength: text.length };
  });
  return { sources: out, texts };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'digest-lens-cache-test-'));
}

test('a saved cache loads back equal, into a string table that already has other strings', async () => {
  const dir = tempDir();
  try {
    const table = new StringTable();
    const { sources: src, texts } = sources(table);
    const file = cacheFile(dir, ['file:///ws']);
    await saveCache(file, dir, 'v1', table, src);
    assert.deepEqual(readdirSync(dir), [file.slice(dir.length + 1)], 'only the cache file, no temp file left');
    const { cache, reason } = await loadCache(file, 'v1');
    assert.ok(cache, reason);
    assert.equal(cache.entries.size, src.length);
    // Loaded into a fresh table through adopt/remap, every analysis is the original.
    const fresh = new StringTable();
    fresh.string('shifts every reference by one');
    const maps = fresh.adopt(cache.strings, cache.entities);
    for (const s of src) {
      const e: CacheEntry = cache.entries.get(s.uri)!;
      assert.deepEqual(e.stamp, s.stamp);
      assert.deepEqual(Array.from(e.lineStarts), lineStarts(texts.get(s.uri)!));
      assert.equal(e.textLength, s.textLength);
      remap(e.packed, maps);
      assert.deepStrictEqual(unpack(e.packed, fresh, texts.get(s.uri)), unpack(s.packed, table, texts.get(s.uri)), s.uri);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a cache of another data version, damaged, truncated or not a cache is refused with a reason', async () => {
  const dir = tempDir();
  try {
    const table = new StringTable();
    const file = join(dir, 'index.bin');
    await saveCache(file, dir, 'v1', table, sources(table).sources);
    const good = readFileSync(file);
    assert.match((await loadCache(file, 'v2')).reason!, /user entity|data/);

    const flipped = Buffer.from(good);
    flipped[Math.floor(flipped.length * 0.7)] ^= 0x40;
    writeFileSync(file, flipped);
    assert.equal((await loadCache(file, 'v1')).cache, null);
    assert.match((await loadCache(file, 'v1')).reason!, /checksum/);

    writeFileSync(file, good);
    truncateSync(file, good.length - 1000);
    assert.equal((await loadCache(file, 'v1')).cache, null);

    writeFileSync(file, good.subarray(0, 10));
    assert.equal((await loadCache(file, 'v1')).cache, null);

    writeFileSync(file, '{"not": "a cache"}');
    assert.match((await loadCache(file, 'v1')).reason!, /not an index cache/);

    assert.match((await loadCache(join(dir, 'missing.bin'), 'v1')).reason!, /no cache file/);

    writeFileSync(file, good);
    assert.ok((await loadCache(file, 'v1')).cache, 'the intact file still loads');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('files skipped as not text are saved with their stamps and reasons, and load back', async () => {
  const dir = tempDir();
  try {
    const table = new StringTable();
    const file = join(dir, 'index.bin');
    const skipped = [{ uri: 'file:///ws/picture.digest', stamp: { size: 4096, mtimeMs: 1_700_000_000_123.5 }, reason: 'binary file (NUL byte at 3)' }];
    await saveCache(file, dir, 'v1', table, sources(table).sources, skipped);
    const { cache, reason } = await loadCache(file, 'v1');
    assert.ok(cache, reason);
    assert.deepEqual([...cache.skipped.values()], skipped);
    assert.equal(cache.entries.size, corpus().length);
    for (const e of cache.entries.values()) assert.equal(e.dataVersion, 'v1', 'an entry carries the data version it was checked against');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('only a regular cache file is read: a folder, a named pipe, a symlink to one or to /dev/zero at its path is refused without blocking', async () => {
  const dir = tempDir();
  try {
    const folder = join(dir, 'folder.bin');
    mkdirSync(folder);
    assert.match((await loadCache(folder, 'v1')).reason!, /not a regular file/);
    if (process.platform !== 'win32') {
      const fifo = join(dir, 'fifo.bin');
      execFileSync('mkfifo', [fifo]);
      // Opening a pipe for reading would wait for a writer forever; the loader must not.
      assert.match((await loadCache(fifo, 'v1')).reason!, /not a regular file/);
      // Symlinks are followed to what they name: a pipe, or a device that never ends.
      const toFifo = join(dir, 'link-to-fifo.bin');
      symlinkSync(fifo, toFifo);
      assert.match((await loadCache(toFifo, 'v1')).reason!, /not a regular file/);
      const toZero = join(dir, 'zero.bin');
      symlinkSync('/dev/zero', toZero);
      assert.match((await loadCache(toZero, 'v1')).reason!, /not a regular file/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a cache whose checksum holds but whose header is not of our shape is refused', async () => {
  const dir = tempDir();
  try {
    const file = join(dir, 'index.bin');
    await saveCache(file, dir, 'v1', new StringTable(), []);
    const good = readFileSync(file);
    const kind = good.readUInt32LE(12);
    const headerBytes = good.readUInt32LE(8);
    const header = JSON.parse(good.toString('utf8', 16, 16 + headerBytes));
    // The same layout with a header that lies: an entity triple pointing past the strings.
    const bad = JSON.stringify({ ...header, strings: ['a'], entities: [0, 0, 5] });
    const body = Buffer.alloc((16 + bad.length + 7) & ~7);
    good.copy(body, 0, 0, 16);
    body.writeUInt32LE(bad.length, 8);
    body.write(bad, 16);
    const sum = kind === 1 ? (() => { const b = Buffer.alloc(4); b.writeUInt32LE((zlib as any).crc32(body) >>> 0); return b; })() : createHash('sha1').update(body).digest();
    writeFileSync(file, Buffer.concat([body, sum]));
    assert.match((await loadCache(file, 'v1')).reason!, /malformed header/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a table adopting what another grows batch by batch maps every reference as a whole adoption would', () => {
  const texts = corpus().map((c) => c.text);
  // The worker's side: one table over the run, packing a batch at a time.
  const worker = new StringTable();
  const batches: { packed: ReturnType<typeof pack>[]; strings: string[]; entities: number[]; text: string[] }[] = [];
  for (let i = 0; i < texts.length; i += 2) {
    const sBase = worker.strings.length;
    const eBase = worker.entities.length;
    const part = texts.slice(i, i + 2);
    const packed = part.map((t) => pack(analyse(t), worker, t));
    batches.push({ packed, strings: worker.strings.slice(sBase), entities: worker.entities.slice(eBase), text: part });
  }
  // The server's side: a table with strings of its own, a map grown with each batch.
  const server = new StringTable();
  server.string('the server had this one first');
  server.entity('other', 'Other', 'company');
  const refs = new RefMap();
  for (const b of batches) {
    server.extend(refs, b.strings, b.entities);
    b.packed.forEach((p, k) => {
      remap(p, refs.view());
      assert.deepStrictEqual(unpack(p, server, b.text[k]), analyse(b.text[k]));
    });
  }
  assert.equal(refs.stringCount, worker.strings.length);
  assert.equal(refs.entityCount, worker.entities.length / 3);
});

test('a table filled by adoption while empty finds its strings and entities afterwards', () => {
  const source = new StringTable();
  const text = corpus()[1].text;
  const p = pack(analyse(text), source, text);
  const fresh = new StringTable();
  const maps = fresh.adopt(source.strings, source.entities);
  assert.ok(maps.strings.every((v, i) => v === i), 'an empty table keeps the same refs');
  assert.deepStrictEqual(unpack(p, fresh, text), analyse(text));
  // Lookups after the bulk adoption find the adopted strings (no duplicates) and add new ones after them.
  for (let i = 0; i < source.strings.length; i++) assert.equal(fresh.string(source.strings[i]), source.strings.indexOf(source.strings[i]));
  assert.equal(fresh.string('a string neither table had'), source.strings.length);
  for (let e = 0; e < source.entities.length / 3; e++) {
    const [id, name, kind] = [0, 1, 2].map((k) => source.strings[source.entities[e * 3 + k]]);
    assert.equal(fresh.entity(id, name, kind), e);
  }
});

test('two servers saving the same cache at once leave one loadable file and no temp files', async () => {
  const dir = tempDir();
  try {
    const t1 = new StringTable();
    const t2 = new StringTable();
    const s1 = sources(t1).sources;
    const s2 = sources(t2).sources.slice(0, 2);
    const file = cacheFile(dir, ['file:///ws']);
    await Promise.all([saveCache(file, dir, 'v1', t1, s1), saveCache(file, dir, 'v1', t2, s2), saveCache(file, dir, 'v1', t1, s1)]);
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
    const { cache, reason } = await loadCache(file, 'v1');
    assert.ok(cache, reason);
    assert.ok([s1.length, s2.length].includes(cache.entries.size));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the data version changes with the user files and not otherwise', () => {
  const none = dataVersion(analysisSetup({ entities: [], themes: [] }));
  const user = dataVersion(analysisSetup(USER));
  assert.notEqual(none, user);
  assert.equal(user, dataVersion(analysisSetup(USER)));
  const edited = { ...USER, entities: [{ ...USER.entities[0], content: USER.entities[0].content.replace('远澜算力', '远澜智算') }] };
  assert.notEqual(dataVersion(analysisSetup(edited)), user);
});

test('a worker that cannot start leaves the work to the server', () => {
  const warnings: string[] = [];
  const pool = AnalysisPool.start(join(REPO, 'dist', 'no-such-worker.js'), 2, [], 'v', new StringTable(), { info: () => {}, warn: (m) => warnings.push(m) });
  assert.equal(pool, null);
  assert.match(warnings.join('\n'), /not found/);
});

test('the worker plan stays in the memory budget: small workspaces in the server, 124 MB on every core (up to two)', () => {
  const saved = process.env.DIGEST_LENS_WORKERS;
  delete process.env.DIGEST_LENS_WORKERS;
  try {
    assert.deepEqual(planWorkers(1 << 20), { workers: 0, help: false });
    // Workers share the server's gazetteer image: on two cores one worker helps the server.
    const cores = availableParallelism();
    const plan = planWorkers(124 * 1048576);
    if (cores === 1) assert.deepEqual(plan, { workers: 0, help: false });
    if (cores === 2) assert.deepEqual(plan, { workers: 1, help: true });
    // User entity files: each worker builds its own gazetteer, and 124 MB leave no room for one.
    assert.deepEqual(planWorkers(124 * 1048576, true), { workers: 0, help: false });
    // 400 MB of digests leave no room for a worker.
    assert.deepEqual(planWorkers(400 * 1048576), { workers: 0, help: false });
    process.env.DIGEST_LENS_WORKERS = '2';
    assert.deepEqual(planWorkers(1 << 20), { workers: 2, help: false });
    process.env.DIGEST_LENS_WORKERS = '1+';
    assert.deepEqual(planWorkers(1 << 20), { workers: 1, help: true });
  } finally {
    if (saved === undefined) delete process.env.DIGEST_LENS_WORKERS;
    else process.env.DIGEST_LENS_WORKERS = saved;
  }
});

test('a packed view unpacks themes lazily, equal to the analysis', () => {
  const table = new StringTable();
  for (const { name, text } of corpus()) {
    const a = analyse(text);
    const view = new PackedView(pack(a, table, text), table, () => text);
    assert.deepStrictEqual(
      view.themes.map((t) => ({ id: t.id, label: t.label, mentions: t.mentions, score: t.score, paragraphs: t.paragraphs, hits: t.hits })),
      a.themes,
      name,
    );
    assert.deepStrictEqual(view.sections, a.sections, name);
  }
});

test('a packed view serialises as the plain analysis', () => {
  const table = new StringTable();
  const { text } = corpus()[1];
  const a = analyse(text);
  assert.deepStrictEqual(JSON.parse(JSON.stringify(new PackedView(pack(a, table, text), table, () => text))), JSON.parse(JSON.stringify(a)));
});
