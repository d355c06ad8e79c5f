/**
 * The gazetteer as one binary image: every array the matcher reads, laid out so that loading
 * is taking typed-array views of the bytes (no copy, nothing re-derived), plus the entities,
 * which are decoded one by one when first asked for. Building the built-in gazetteer from
 * its data takes a few hundred milliseconds at every start, in every process and worker;
 * reading its image takes a few. The image is made from a built gazetteer (`writeImage`)
 * and only ever read back by the same build: its stamp names the build (see builtinImage.ts).
 *
 * Layout (little-endian): "DLGZ", format version (u32), header length (u32), the header as
 * JSON (stamp, scalars, and each section's type, byte offset and length), then the sections,
 * each starting at a multiple of 8 bytes.
 */
import type { Entity, EntityKind } from '../analysis/types';
import type { EntityTable } from '../analysis/entityTable';

/** Everything a gazetteer is made of, as Gazetteer.tables() gives it and Gazetteer.fromTables takes it. */
export interface GazetteerTables {
  table: EntityTable;
  blockers: string[];
  ambiguous: string[];
  bareTickers: [string, number][];
  root: Int32Array;
  nodeCount: number;
  hashMask: number;
  slots: Int32Array;
  bigrams: Uint8Array;
  pairEnds: Uint8Array;
  triples: Uint8Array;
  lowerStarts: Uint8Array;
  lowerPairs: Uint8Array;
  singles: Uint8Array;
  termHead: Int32Array;
  recEntity: Int32Array;
  recNext: Int32Array;
  recMode: Int32Array;
  recName: string[];
  recRisky: Int32Array;
  recTier: Int32Array;
  recInfo: Int32Array;
  recInner: Int32Array;
  packed: Int32Array;
  pairs: Int32Array;
  pairMask: number;
  pairShift: number;
}

const MAGIC = 0x5a474c44; // "DLGZ" read as a little-endian u32
const VERSION = 2;
/** Separates strings joined into one section (no name, id or ticker holds it). */
const SEP = '\u0000';
/** Stands for a property whose value is undefined (JSON would drop the property). */
const UNDEFINED = '\u0000undefined';

type SectionType = 'i32' | 'u8' | 'utf8' | 'utf16';
interface Header {
  stamp: string;
  nodeCount: number;
  hashMask: number;
  pairMask: number;
  pairShift: number;
  kinds: string[];
  sections: Record<string, [SectionType, number, number]>;
}

const INT_SECTIONS = ['root', 'slots', 'termHead', 'recEntity', 'recNext', 'recMode', 'recRisky', 'recTier', 'recInfo', 'recInner', 'packed', 'pairs'] as const;
const BYTE_SECTIONS = ['bigrams', 'pairEnds', 'triples', 'lowerStarts', 'lowerPairs', 'singles'] as const;

const joined = (items: readonly string[]): string => {
  for (const s of items) if (s.includes(SEP)) throw new Error(`gazetteer image: a string holds U+0000: ${JSON.stringify(s)}`);
  return items.join(SEP);
};
const split = (text: string): string[] => (text === '' ? [] : text.split(SEP));

/** The image of a gazetteer's tables, stamped with the build that may read it. */
export function writeImage(t: GazetteerTables, stamp: string): Uint8Array {
  const entities = t.table.all();
  const kinds: string[] = [];
  const kindCodes = new Uint8Array(entities.length);
  const tiers = new Uint8Array(entities.length);
  const entityStart = new Int32Array(entities.length + 1);
  const entityParts: Buffer[] = [];
  let at = 0;
  entities.forEach((e, i) => {
    let k = kinds.indexOf(e.kind);
    if (k < 0) k = kinds.push(e.kind) - 1;
    kindCodes[i] = k;
    tiers[i] = t.table.tier(i);
    const bytes = Buffer.from(JSON.stringify(e, (_key, value) => (value === undefined ? UNDEFINED : value)), 'utf8');
    entityParts.push(bytes);
    entityStart[i] = at;
    at += bytes.length;
  });
  entityStart[entities.length] = at;
  const tickerEntries = t.table.tickerEntries();
  const parts: [string, SectionType, ArrayBufferView][] = [
    ...INT_SECTIONS.map((name) => [name, 'i32', t[name]] as [string, SectionType, ArrayBufferView]),
    ...BYTE_SECTIONS.map((name) => [name, 'u8', t[name]] as [string, SectionType, ArrayBufferView]),
    ['kinds', 'u8', kindCodes],
    ['tiers', 'u8', tiers],
    ['entityStart', 'i32', entityStart],
    ['entities', 'utf8', Buffer.concat(entityParts)],
    // UTF-16 (native to JavaScript strings): read back at every start, and decoding UTF-8
    // of Chinese names took several milliseconds where copying code units takes a fraction.
    ['recName', 'utf16', Buffer.from(joined(t.recName), 'utf16le')],
    ...indexSections('ids', entities.map((e, i) => [e.id, i])),
    ...indexSections('tickers', tickerEntries),
    ['bareKeys', 'utf8', Buffer.from(joined(t.bareTickers.map(([k]) => k)), 'utf8')],
    ['bareValues', 'i32', Int32Array.from(t.bareTickers.map(([, v]) => v))],
    ['ambiguous', 'utf8', Buffer.from(joined(t.ambiguous), 'utf8')],
    ['blockers', 'utf8', Buffer.from(joined(t.blockers), 'utf8')],
  ];
  const header: Header = { stamp, nodeCount: t.nodeCount, hashMask: t.hashMask, pairMask: t.pairMask, pairShift: t.pairShift, kinds, sections: {} };
  // Offsets depend on the header's length, which depends on the offsets: lay out with room
  // for the header as it would be with the largest offsets, then pad to that.
  const align = (n: number) => (n + 7) & ~7;
  let headerRoom = 0;
  for (;;) {
    let offset = align(12 + headerRoom);
    for (const [name, type, view] of parts) {
      header.sections[name] = [type, offset, view.byteLength];
      offset = align(offset + view.byteLength);
    }
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    if (json.length <= headerRoom) {
      const out = Buffer.alloc(offset);
      out.writeUInt32LE(MAGIC, 0);
      out.writeUInt32LE(VERSION, 4);
      out.writeUInt32LE(json.length, 8);
      json.copy(out, 12);
      for (const [name, , view] of parts) Buffer.from(view.buffer, view.byteOffset, view.byteLength).copy(out, header.sections[name][1]);
      return out;
    }
    headerRoom = json.length + 64;
  }
}

/** FNV-1a of UTF-8 bytes: the home slot of a key in a string index. */
function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

/**
 * A string → number map as three sections: the keys' UTF-8 bytes, where each key starts
 * (and the values beside: start, value per key), and an open-addressing table of key
 * numbers. A lookup hashes the asked key's bytes and compares bytes: nothing is decoded and
 * no Map is built at start-up. A key set twice keeps its last value, as a Map does.
 */
function indexSections(name: string, entries: [string, number][]): [string, SectionType, ArrayBufferView][] {
  const last = new Map<string, number>();
  for (const [k, v] of entries) last.set(k, v);
  const keys = [...last.keys()];
  const parts = keys.map((k) => Buffer.from(k, 'utf8'));
  const bytes = Buffer.concat(parts);
  const starts = new Int32Array(keys.length * 2 + 1);
  let at = 0;
  keys.forEach((k, i) => {
    starts[2 * i] = at;
    starts[2 * i + 1] = last.get(k)!;
    at += parts[i].length;
  });
  starts[keys.length * 2] = at;
  let size = 16;
  while (size < keys.length * 2) size <<= 1;
  const slots = new Int32Array(size).fill(-1);
  keys.forEach((_, i) => {
    let h = hashBytes(bytes, starts[2 * i], i + 1 < keys.length ? starts[2 * i + 2] : at) & (size - 1);
    while (slots[h] !== -1) h = (h + 1) & (size - 1);
    slots[h] = i;
  });
  return [
    [`${name}Bytes`, 'u8', bytes],
    [`${name}Starts`, 'i32', starts],
    [`${name}Slots`, 'i32', slots],
  ];
}

/** A string index of an image (see indexSections). */
class StringIndex {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly starts: Int32Array,
    private readonly slots: Int32Array,
  ) {}

  get(key: string): number {
    const q = Buffer.from(key, 'utf8');
    const mask = this.slots.length - 1;
    let h = hashBytes(q, 0, q.length) & mask;
    const n = (this.starts.length - 1) / 2;
    for (;;) {
      const i = this.slots[h];
      if (i < 0) return -1;
      const from = this.starts[2 * i];
      const to = i + 1 < n ? this.starts[2 * i + 2] : this.starts[2 * n];
      if (to - from === q.length) {
        let k = 0;
        while (k < q.length && this.bytes[from + k] === q[k]) k++;
        if (k === q.length) return this.starts[2 * i + 1];
      }
      h = (h + 1) & mask;
    }
  }

  /** Every key and value, in the order they were first set. */
  entries(): [string, number][] {
    const n = (this.starts.length - 1) / 2;
    const out: [string, number][] = [];
    for (let i = 0; i < n; i++) {
      const to = i + 1 < n ? this.starts[2 * i + 2] : this.starts[2 * n];
      out.push([text(this.bytes, this.starts[2 * i], to - this.starts[2 * i]), this.starts[2 * i + 1]]);
    }
    return out;
  }
}

/** The stamp of an image, or undefined when the bytes are no gazetteer image of this format. */
export function imageStamp(bytes: Uint8Array): string | undefined {
  return readHeader(bytes)?.stamp;
}

function readHeader(bytes: Uint8Array): Header | undefined {
  if (bytes.byteLength < 12) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== VERSION) return undefined;
  const length = view.getUint32(8, true);
  if (12 + length > bytes.byteLength) return undefined;
  try {
    return JSON.parse(text(bytes, 12, length)) as Header;
  } catch {
    return undefined;
  }
}

/** UTF-8 text of a byte range (through Buffer: TextDecoder refuses views of shared memory). */
function text(bytes: Uint8Array, offset: number, length: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + offset, length).toString('utf8');
}

/**
 * The tables of an image, as views of its bytes (which must start at a multiple of 8 in
 * their buffer, as a file read whole or a SharedArrayBuffer does), or undefined when the
 * bytes are not an image of this format or another build's (`stamp`).
 */
export function readImage(bytes: Uint8Array, stamp: string): GazetteerTables | undefined {
  const header = readHeader(bytes);
  if (!header || header.stamp !== stamp) return undefined;
  if (bytes.byteOffset % 8 !== 0) {
    // A view that starts off an 8-byte boundary cannot hold Int32Array views: copy it once.
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    bytes = copy;
  }
  const s = header.sections;
  const i32 = (name: string) => new Int32Array(bytes.buffer, bytes.byteOffset + s[name][1], s[name][2] / 4);
  const u8 = (name: string) => new Uint8Array(bytes.buffer, bytes.byteOffset + s[name][1], s[name][2]);
  const str = (name: string) => (s[name][0] === 'utf16' ? Buffer.from(bytes.buffer, bytes.byteOffset + s[name][1], s[name][2]).toString('utf16le') : text(bytes, s[name][1], s[name][2]));
  const bareKeys = split(str('bareKeys'));
  const bareValues = i32('bareValues');
  const table = new ImageEntityTable(
    header.kinds as EntityKind[],
    u8('kinds'),
    u8('tiers'),
    i32('entityStart'),
    u8('entities'),
    new StringIndex(u8('idsBytes'), i32('idsStarts'), i32('idsSlots')),
    new StringIndex(u8('tickersBytes'), i32('tickersStarts'), i32('tickersSlots')),
  );
  return {
    table,
    blockers: split(str('blockers')),
    ambiguous: split(str('ambiguous')),
    bareTickers: bareKeys.map((k, i) => [k, bareValues[i]]),
    root: i32('root'),
    nodeCount: header.nodeCount,
    hashMask: header.hashMask,
    slots: i32('slots'),
    bigrams: u8('bigrams'),
    pairEnds: u8('pairEnds'),
    triples: u8('triples'),
    lowerStarts: u8('lowerStarts'),
    lowerPairs: u8('lowerPairs'),
    singles: u8('singles'),
    termHead: i32('termHead'),
    recEntity: i32('recEntity'),
    recNext: i32('recNext'),
    recMode: i32('recMode'),
    recName: split(str('recName')),
    recRisky: i32('recRisky'),
    recTier: i32('recTier'),
    recInfo: i32('recInfo'),
    recInner: i32('recInner'),
    packed: i32('packed'),
    pairs: i32('pairs'),
    pairMask: header.pairMask,
    pairShift: header.pairShift,
  };
}

/**
 * The entities of an image: an entity is parsed from its JSON when first asked for and kept;
 * ids and tickers are looked up in the image's string indexes.
 */
class ImageEntityTable implements EntityTable {
  private readonly cache: (Entity | undefined)[];

  constructor(
    private readonly kindNames: EntityKind[],
    private readonly kinds: Uint8Array,
    private readonly tiers: Uint8Array,
    private readonly starts: Int32Array,
    private readonly json: Uint8Array,
    private readonly ids: StringIndex,
    private readonly tickers: StringIndex,
  ) {
    this.cache = new Array<Entity | undefined>(kinds.length);
  }

  get size(): number {
    return this.kinds.length;
  }

  at(index: number): Entity {
    let e = this.cache[index];
    if (e === undefined && index >= 0 && index < this.kinds.length) {
      const parsed = JSON.parse(text(this.json, this.starts[index], this.starts[index + 1] - this.starts[index])) as Record<string, unknown>;
      for (const k of Object.keys(parsed)) if (parsed[k] === UNDEFINED) parsed[k] = undefined;
      e = this.cache[index] = parsed as unknown as Entity;
    }
    return e as Entity;
  }

  kindAt(index: number): EntityKind {
    return this.kindNames[this.kinds[index]];
  }

  indexOf(id: string): number {
    return this.ids.get(id);
  }

  ticker(key: string): number {
    return this.tickers.get(key);
  }

  tickerEntries(): [string, number][] {
    return this.tickers.entries();
  }

  tier(index: number): number {
    return this.tiers[index] ?? 0;
  }

  all(): Entity[] {
    const out = new Array<Entity>(this.kinds.length);
    for (let i = 0; i < out.length; i++) out[i] = this.at(i);
    return out;
  }
}
