/**
 * The built-in gazetteer read from its image (data/gazetteerImage.ts) is the gazetteer built
 * from the data: the same arrays, the same lookups, and the same analysis of every text we have.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Gazetteer, rebuildBuiltinGazetteer } from '../../server/src/analysis/gazetteer';
import { readImage, writeImage, imageStamp } from '../../server/src/data/gazetteerImage';
import { analyse } from '../../server/src/analysis/analyse';

const built = rebuildBuiltinGazetteer();
const bytes = writeImage(built.tables(), 'test-stamp');
// Through shared memory, as a server hands it to its workers.
const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
shared.set(bytes);
const loaded = Gazetteer.fromTables(readImage(shared, 'test-stamp')!);
// A second pair, so that neither side's lazily made maps or marked filters leak into the other.
const builtB = rebuildBuiltinGazetteer();
const loadedB = Gazetteer.fromTables(readImage(writeImage(builtB.tables(), 's'), 's')!);

function filesUnder(dir: string, exts: RegExp, out: string[] = []): string[] {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const n of names) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) filesUnder(p, exts, out);
    else if (exts.test(n)) out.push(p);
  }
  return out;
}

test('an image names its stamp and is refused under another', () => {
  assert.equal(imageStamp(bytes), 'test-stamp');
  assert.equal(readImage(bytes, 'other-build'), undefined);
  assert.equal(readImage(new Uint8Array(16), 'test-stamp'), undefined);
});

test('the image holds the same arrays as the built gazetteer', () => {
  const a = built.tables();
  const b = loaded.tables();
  for (const k of ['root', 'slots', 'bigrams', 'pairEnds', 'triples', 'lowerStarts', 'lowerPairs', 'singles', 'termHead', 'recEntity', 'recNext', 'recMode', 'recRisky', 'recTier', 'recInfo', 'recInner', 'packed', 'pairs'] as const) {
    assert.deepEqual([...b[k]], [...a[k]], k);
  }
  assert.deepEqual(b.recName, a.recName);
  for (const k of ['nodeCount', 'hashMask', 'pairMask', 'pairShift'] as const) assert.equal(b[k], a[k], k);
  assert.deepEqual(b.blockers, a.blockers);
  assert.deepEqual(new Set(b.ambiguous), new Set(a.ambiguous));
  assert.deepEqual(b.bareTickers, a.bareTickers);
  assert.deepEqual(loaded.bareTickers, built.bareTickers);
});

test('the same entities, tiers, kinds, ids and tickers', () => {
  assert.equal(loaded.entityCount, built.entityCount);
  assert.deepStrictEqual(loaded.all(), built.all());
  for (let i = 0; i < built.entityCount; i++) {
    assert.equal(loaded.kindAt(i), built.kindAt(i));
    assert.equal(loaded.isListedOnly(i), built.isListedOnly(i));
  }
  for (const e of built.all()) {
    assert.equal(loaded.indexOf(e.id), built.indexOf(e.id), e.id);
    for (const t of e.tickers) assert.deepStrictEqual(loaded.byTicker(t), built.byTicker(t), t);
  }
  for (const t of ['0700.HK', 'HK:00700', 'NVDA', 'NASDAQ:NVDA', 'nyse:gs', 'NOPE', '600519.SS', 'SH:600519']) {
    assert.deepStrictEqual(loaded.byTicker(t), built.byTicker(t), t);
    assert.equal(loaded.tickerIndex(t), built.tickerIndex(t), t);
  }
  assert.equal(loaded.get('no-such-id'), undefined);
});

test('the same name lookups', () => {
  const names = new Set<string>(['腾讯', '騰訊', 'NVIDIA', 'nvidia', 'Deepmind', '*ST泉为', '苹果', 'Apple', 'apple', '社会大众', 'x']);
  built.all().forEach((e, i) => { if (i % 7 === 0) for (const n of e.names) names.add(n); });
  for (const n of names) {
    assert.deepStrictEqual(loadedB.lookupName(n), builtB.lookupName(n), n);
    assert.deepStrictEqual(loadedB.lookupAnyCase(n), builtB.lookupAnyCase(n), n);
  }
});

test('the same analysis of the seeds, examples and test fixtures', () => {
  // The seeds are in ../shared, beside the repository, and may be absent (a clone alone):
  // the repository's own examples and fixtures must be found either way.
  const own = [
    ...filesUnder(join(__dirname, '..', '..', 'examples'), /\.(md|txt|digest)$/),
    ...filesUnder(join(__dirname, '..', 'fixtures'), /\.(md|txt|digest)$/),
  ];
  const files = [...filesUnder(join(__dirname, '..', '..', '..', 'shared', 'seeds'), /\.(md|txt|digest)$/), ...own];
  const texts: [string, string][] = files.map((f) => [f, readFileSync(f, 'utf8')]);
  // The unseen-text dev set: some 650 short texts in three scripts.
  for (const set of ['en', 'hans', 'hant']) {
    const d = JSON.parse(readFileSync(join(__dirname, '..', 'devset', `${set}.json`), 'utf8')) as { items: { id: string; text: string }[] };
    for (const item of d.items) texts.push([`${set}/${item.id}`, item.text]);
  }
  assert.ok(own.length >= 10 && texts.length > 600, `texts found: ${files.length} files (${own.length} of the repository's own), ${texts.length} texts`);
  for (const [name, text] of texts) assert.deepStrictEqual(analyse(text, { gazetteer: loaded }), analyse(text, { gazetteer: built }), name);
});

test('user entities on top of an image-loaded gazetteer give what they give on a built one', () => {
  const extra = [{ id: 'yuanlan', name: 'Yuanlan Compute', kind: 'company' as const, names: ['Yuanlan Compute', '远澜算力'], tickers: ['NASDAQ:YLCX'] }];
  const a = built.withEntities(extra);
  const b = loaded.withEntities(extra);
  const text = '远澜算力 (NASDAQ:YLCX) 与腾讯合作，Yuanlan Compute 营收 3 亿美元。';
  assert.deepStrictEqual(analyse(text, { gazetteer: b }), analyse(text, { gazetteer: a }));
  assert.equal(b.lookupName('远澜算力')?.id, 'yuanlan');
});
