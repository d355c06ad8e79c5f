/**
 * A crafted index cache whose checksum holds (issue 14): loading validates the structure
 * (index/packed.ts validPacked, validLineStarts) and refuses a file whose documents could
 * not be served. Property: any corruption of a valid cache, checksum recomputed, is either
 * refused, or loads into analyses that every consumer of the index can walk (spans within
 * the text, references within the tables, unpacking does not throw); a corruption of the
 * layout itself (counts moved between documents, a negative count balanced by another, the
 * string table cut) is refused or changes nothing. The server over such caches:
 * test/unit/cache-server.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import * as zlib from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse } from '../../server/src/analysis/analyse';
import { loadCache, saveCache, type CacheEntry, type CacheSource } from '../../server/src/index/cache';
import { forEachPackedTheme, mentionSpansWithCanonical, pack, PackedView, remap, StringTable, unpack, validLineStarts, validPacked } from '../../server/src/index/packed';
import { lineStartsOf } from '../../server/src/index/analyseFile';
import { rng } from '../helpers/rng';

const WS = join(__dirname, '..', 'fixtures', 'workspace');
const TEXTS = ['english.digest', 'simplified.digest.md', 'traditional.digest.txt'].map((f) => readFileSync(join(WS, f), 'utf8'));
// A wide document (a span past 2^23 is packed as two ints) besides the narrow ones.
TEXTS.push('x'.repeat((1 << 23) + 10) + ' 腾讯控股 1,350 亿美元，AI 芯片。阿里巴巴 20 亿元。');

/** A cache file taken apart: its header and arrays, to be changed and put together again. */
interface Parts {
  kind: number;
  header: any;
  floats: Float64Array;
  ints: Int32Array;
  lines: Int32Array;
}

function split(buf: Buffer): Parts {
  const kind = buf.readUInt32LE(12);
  const headerBytes = buf.readUInt32LE(8);
  const header = JSON.parse(buf.toString('utf8', 16, 16 + headerBytes));
  const sum = (k: number) => header.docs.reduce((a: number, d: any[]) => a + d[k], 0);
  const floatsAt = (16 + headerBytes + 7) & ~7;
  const copy = Buffer.from(buf); // aligned views on a buffer of our own
  const floats = new Float64Array(copy.buffer.slice(copy.byteOffset + floatsAt, copy.byteOffset + floatsAt + sum(5) * 8));
  const intsAt = floatsAt + sum(5) * 8;
  const ints = new Int32Array(copy.buffer.slice(copy.byteOffset + intsAt, copy.byteOffset + intsAt + sum(4) * 4));
  const linesAt = intsAt + sum(4) * 4;
  const lines = new Int32Array(copy.buffer.slice(copy.byteOffset + linesAt, copy.byteOffset + linesAt + sum(6) * 4));
  return { kind, header, floats, ints, lines };
}

/** The file again, with a checksum that holds whatever the parts say. */
function join_(p: Parts, headerText = JSON.stringify(p.header)): Buffer {
  const header = Buffer.from(headerText, 'utf8');
  const prefix = Buffer.alloc(16);
  prefix.writeUInt32LE(0x43494c44, 0);
  prefix.writeUInt32LE(4, 4);
  prefix.writeUInt32LE(header.length, 8);
  prefix.writeUInt32LE(p.kind, 12);
  const pad = Buffer.alloc(((16 + header.length + 7) & ~7) - (16 + header.length));
  const bytes = (a: Float64Array | Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const body = Buffer.concat([prefix, header, pad, bytes(p.floats), bytes(p.ints), bytes(p.lines)]);
  const crc = (zlib as unknown as { crc32?: (b: Uint8Array) => number }).crc32;
  const sum = p.kind === 1 ? Buffer.alloc(4) : createHash('sha1').update(body).digest();
  if (p.kind === 1) sum.writeUInt32LE(crc!(body) >>> 0);
  return Buffer.concat([body, sum]);
}

function clone(p: Parts): Parts {
  return { kind: p.kind, header: JSON.parse(JSON.stringify(p.header)), floats: p.floats.slice(), ints: p.ints.slice(), lines: p.lines.slice() };
}

/** A valid cache of the corpus, its parts, and the analyses it holds (by uri). */
async function validCache(dir: string): Promise<{ file: string; good: Buffer; parts: Parts; expected: Map<string, unknown> }> {
  const table = new StringTable();
  const expected = new Map<string, unknown>();
  const sources: CacheSource[] = TEXTS.map((text, i) => {
    const uri = `file:///ws/n${i}.digest`;
    const a = analyse(text);
    expected.set(uri, a);
    return { uri, stamp: { size: text.length * 3, mtimeMs: 1_700_000_000_000 + i }, packed: pack(a, table, text), lineStarts: lineStartsOf(text), textLength: text.length };
  });
  const file = join(dir, 'index.bin');
  await saveCache(file, dir, 'v1', table, sources);
  const good = readFileSync(file);
  return { file, good, parts: split(good), expected };
}

/**
 * Walks a loaded cache as the index and its features do, and says what is wrong (null:
 * nothing): every entry unpacks, each span lies within its text, each reference resolves.
 */
function unservable(entries: Map<string, CacheEntry>, strings: string[], entities: number[]): string | null {
  const table = new StringTable();
  table.string('a string of the server before the cache');
  const maps = table.adopt(strings, entities);
  for (const [uri, e] of entries) {
    const packed = { ints: e.packed.ints.slice(), floats: e.packed.floats.slice() };
    const n = e.textLength;
    const text = ' '.repeat(Math.min(n, 1 << 24));
    try {
      remap(packed, maps);
      const a = unpack(packed, table, text);
      const inText = (s: { offset: number; length: number }) => s.offset >= 0 && s.length >= 0 && s.offset + s.length <= n;
      const str = (v: unknown) => typeof v === 'string';
      for (const f of a.figures) if (!inText(f) || !str(f.text) || !str(f.currency) || !Number.isFinite(f.value)) return `${uri}: figure ${JSON.stringify(f)}`;
      for (const f of a.figures) for (const p of [f.subject, f.counterparty, f.source]) if (p && (!inText(p) || !str(p.id) || !str(p.name))) return `${uri}: party`;
      for (const m of a.mentions) if (!inText(m) || !str(m.text) || !str(m.id) || !str(m.name) || !str(m.kind)) return `${uri}: mention ${JSON.stringify(m)}`;
      for (const t of a.themes) if (!str(t.id) || !str(t.label) || !t.hits.every(inText) || !t.paragraphs.every(inText)) return `${uri}: theme`;
      for (const s of a.sections) if (!inText(s) || !str(s.title) || s.line < 0) return `${uri}: section`;
      const view = new PackedView(packed, table, () => text);
      for (const t of view.themes) if (!t.hits.every(inText)) return `${uri}: lazy theme hits`;
      forEachPackedTheme(packed, table, (id, label) => {
        if (!str(id) || !str(label)) throw new Error('theme strings');
      });
      const spans: number[] = [];
      for (const m of a.mentions) mentionSpansWithCanonical(packed, table, table.canonicalOf(m.id), spans);
      for (let k = 0; k < spans.length; k += 2) if (!inText({ offset: spans[k], length: spans[k + 1] })) return `${uri}: reference span`;
      const starts = e.lineStarts;
      if (starts[0] !== 0 || starts.some((v, k) => v > n || (k > 0 && v <= starts[k - 1]))) return `${uri}: line starts`;
    } catch (err) {
      return `${uri}: ${(err as Error).stack}`;
    }
  }
  return null;
}

/** A value a corrupted int may take: near, far, negative, the extremes. */
function wild(r: () => number, old: number): number {
  const pick = Math.floor(r() * 8);
  return [old + 1, old - 1, -1, -2, Math.floor(r() * 300), 0x7fffffff, -0x80000000, (r() * 2 ** 32) | 0][pick];
}

test('the valid cache of the corpus passes the structure checks, and any document of it checked against a smaller table or text fails', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'digest-lens-cachev-'));
  try {
    const { file, parts } = await validCache(dir);
    const { cache, reason } = await loadCache(file, 'v1');
    assert.ok(cache, reason);
    assert.equal(unservable(cache.entries, cache.strings, cache.entities), null);
    for (const e of cache.entries.values()) {
      assert.ok(validPacked(e.packed, cache.strings.length, cache.entities.length / 3, e.textLength));
      assert.ok(validLineStarts(e.lineStarts, e.textLength));
      if (e.packed.ints[1] > 0) {
        assert.equal(validPacked(e.packed, 0, cache.entities.length / 3, e.textLength), false, 'references into an empty string table');
        assert.equal(validPacked(e.packed, cache.strings.length, cache.entities.length / 3, 0), false, 'spans past an empty text');
      }
    }
    assert.ok(parts.header.docs.length >= 4);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the issue's crafted caches are refused: lengths shifted between two documents, a negative length balanced by another, an emptied string table", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'digest-lens-cachev-'));
  try {
    const { file, parts } = await validCache(dir);
    const crafted: [string, (p: Parts) => void][] = [
      ['ints shifted', (p) => ((p.header.docs[0][4] -= 5), (p.header.docs[1][4] += 5))],
      ['line starts shifted', (p) => ((p.header.docs[0][6] -= 1), (p.header.docs[1][6] += 1))],
      ['floats shifted', (p) => ((p.header.docs[1][5] -= 3), (p.header.docs[2][5] += 3))],
      ['negative balanced', (p) => ((p.header.docs[0][4] += p.header.docs[1][4] + 8), (p.header.docs[1][4] = -8))],
      ['strings emptied', (p) => ((p.header.strings = []), (p.header.entities = []))],
      ['strings cut', (p) => (p.header.strings = p.header.strings.slice(0, Math.floor(p.header.strings.length / 2)))],
      ['text length cut', (p) => (p.header.docs[0][3] = 3)],
      ['text length over the file', (p) => (p.header.docs[0][3] = p.header.docs[0][1] + 1)],
      ['a document twice', (p) => (p.header.docs[1][0] = p.header.docs[0][0])],
    ];
    for (const [name, change] of crafted) {
      const p = clone(parts);
      change(p);
      writeFileSync(file, join_(p));
      const { cache, reason } = await loadCache(file, 'v1');
      assert.equal(cache, null, name);
      assert.match(reason!, /malformed|sizes do not add up|twice/, name);
    }
    writeFileSync(file, join_(clone(parts)));
    assert.ok((await loadCache(file, 'v1')).cache, 'the parts put together again load');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('property: a random corruption with its checksum recomputed is refused, or loads into analyses every consumer can walk; a layout corruption is refused or changes nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'digest-lens-cachev-'));
  try {
    const { file, parts, expected } = await validCache(dir);
    const r = rng(14);
    const tally = { refused: 0, loaded: 0 };
    for (let run = 0; run < 600; run++) {
      const p = clone(parts);
      const docs = p.header.docs as any[][];
      const doc = () => Math.floor(r() * docs.length);
      let layout = false;
      let headerText: string | undefined;
      switch (run % 8) {
        case 0:
        case 1: {
          // Any int of the packed analyses.
          const k = Math.floor(r() * p.ints.length);
          p.ints[k] = wild(r, p.ints[k]);
          break;
        }
        case 2: {
          // An int of a document's first ints: its counts, date and flags.
          let at = 0;
          const d = doc();
          for (let k = 0; k < d; k++) at += docs[k][4];
          const k = at + Math.floor(r() * Math.min(8, docs[d][4]));
          p.ints[k] = wild(r, p.ints[k]);
          break;
        }
        case 3: {
          const k = Math.floor(r() * p.lines.length);
          p.lines[k] = wild(r, p.lines[k]);
          break;
        }
        case 4: {
          const k = Math.floor(r() * p.floats.length);
          p.floats[k] = [NaN, Infinity, -Infinity, r() * 1e9][Math.floor(r() * 4)];
          break;
        }
        case 5: {
          // Counts moved between two documents (the totals still add up).
          const [a, b] = [doc(), doc()];
          const field = [4, 5, 6][Math.floor(r() * 3)];
          const d = 1 + Math.floor(r() * 12);
          docs[a][field] -= d;
          docs[b][field] += d;
          layout = true;
          break;
        }
        case 6: {
          // The tables cut or a triple pointed elsewhere.
          if (r() < 0.5) {
            p.header.strings = p.header.strings.slice(0, Math.floor(r() * p.header.strings.length));
            layout = true;
          } else {
            // A triple pointed at another string: a value change, not a layout one.
            const k = Math.floor(r() * p.header.entities.length);
            p.header.entities[k] = Math.floor(r() * p.header.strings.length);
          }
          break;
        }
        case 7: {
          // A character of the header changed (often no longer JSON), or a text length.
          if (r() < 0.5) {
            const text = JSON.stringify(p.header);
            const at = Math.floor(r() * text.length);
            headerText = text.slice(0, at) + '0123456789-,[]"'[Math.floor(r() * 15)] + text.slice(at + 1);
          } else {
            const d = doc();
            docs[d][3] = wild(r, docs[d][3]);
          }
          break;
        }
      }
      writeFileSync(file, join_(p, headerText));
      const { cache } = await loadCache(file, 'v1');
      if (!cache) {
        tally.refused++;
        continue;
      }
      tally.loaded++;
      const wrong = unservable(cache.entries, cache.strings, cache.entities);
      assert.equal(wrong, null, `run ${run}: loaded but not servable`);
      if (layout) {
        const table = new StringTable();
        const maps = table.adopt(cache.strings, cache.entities);
        for (const [uri, e] of cache.entries) {
          remap(e.packed, maps);
          assert.deepStrictEqual(unpack(e.packed, table), expected.get(uri), `run ${run}: a layout change that loaded changed ${uri}`);
        }
      }
    }
    // The corruptions reached both outcomes: the property was exercised both ways.
    assert.ok(tally.refused > 100 && tally.loaded > 20, JSON.stringify(tally));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
