/**
 * The built-in themes' compiled matcher as one binary image (dist/data/themes.img, written
 * at build time by esbuild.mjs, or in the user's cache by an installed build's first start):
 * compiling the automaton from themes.json took about a fifth of every start of the CLI and
 * the server; reading the image takes well under a millisecond. Like the gazetteer's image
 * it is trusted only by the build that made it (its stamp, builtinImage.ts); without one
 * (run from source, a stale or damaged file) the themes are compiled as before.
 *
 * The image does not know the matcher's layout (themes.ts owns it): it keeps any object whose
 * fields are typed arrays, numbers or null, each field by name. Layout: "DLTH", format
 * version (u32), header length (u32), the header as JSON (stamp and each field: a number or
 * null, or a typed array's type, byte offset and length), then the arrays, each at a
 * multiple of 8 bytes.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readRegularFileSync } from '../io/safeRead';
import { join } from 'node:path';
import { buildStamp, userCacheDir } from './builtinImage';

const MAGIC = 0x48544c44; // "DLTH" read as a little-endian u32
const VERSION = 1;
/** Far larger than the image of any taxonomy: anything bigger is not one. */
const MAX_BYTES = 64 * 1024 * 1024;

const ARRAY_TYPES = { Int32Array, Uint32Array, Uint16Array, Uint8Array, Int16Array, Int8Array, Float64Array } as const;
type ArrayTypeName = keyof typeof ARRAY_TYPES;
type Field = number | null | Int32Array | Uint32Array | Uint16Array | Uint8Array | Int16Array | Int8Array | Float64Array;
type HeaderField = { value: number | null } | { array: ArrayTypeName; offset: number; length: number };

interface Header {
  stamp: string;
  fields: Record<string, HeaderField>;
}

const typeName = (v: object): ArrayTypeName | undefined => {
  for (const [name, type] of Object.entries(ARRAY_TYPES)) if (v.constructor === type) return name as ArrayTypeName;
  return undefined;
};

/** The image of `matcher`'s fields, stamped with the build that may read it. */
export function writeMatcherImage(matcher: object, stamp: string): Uint8Array {
  const fields: Record<string, HeaderField> = {};
  const arrays: [number, Uint8Array][] = [];
  let size = 0;
  for (const [name, v] of Object.entries(matcher) as [string, unknown][]) {
    if (v === null || typeof v === 'number') {
      fields[name] = { value: v };
      continue;
    }
    const type = typeof v === 'object' ? typeName(v) : undefined;
    if (!type) throw new Error(`themes image: field ${name} is no typed array, number or null`);
    const array = v as Exclude<Field, number | null>;
    fields[name] = { array: type, offset: size, length: array.length };
    arrays.push([size, new Uint8Array(array.buffer, array.byteOffset, array.byteLength)]);
    size += Math.ceil(array.byteLength / 8) * 8;
  }
  const header = Buffer.from(JSON.stringify({ stamp, fields } satisfies Header), 'utf8');
  const start = Math.ceil((12 + header.length) / 8) * 8;
  const out = new Uint8Array(start + size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, header.length, true);
  out.set(header, 12);
  for (const [at, bytes] of arrays) out.set(bytes, start + at);
  return out;
}

/**
 * The fields of the matcher an image holds, as views of `bytes` (8-byte aligned), or
 * undefined when it is no image of the build stamped `stamp` or does not hold together.
 */
export function readMatcherImage(bytes: Uint8Array, stamp: string): Record<string, Field> | undefined {
  if (bytes.byteOffset % 8 !== 0) bytes = new Uint8Array(bytes);
  if (bytes.length < 12) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== VERSION) return undefined;
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > bytes.length) return undefined;
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as Header;
  } catch {
    return undefined;
  }
  if (header.stamp !== stamp || typeof header.fields !== 'object' || header.fields === null) return undefined;
  const start = Math.ceil((12 + headerLength) / 8) * 8;
  const out: Record<string, Field> = {};
  for (const [name, f] of Object.entries(header.fields)) {
    if ('value' in f) {
      out[name] = f.value;
      continue;
    }
    const type = ARRAY_TYPES[f.array];
    if (!type || !Number.isInteger(f.offset) || !Number.isInteger(f.length) || f.offset < 0 || f.length < 0) return undefined;
    const at = start + f.offset;
    if (at % 8 !== 0 || at + f.length * type.BYTES_PER_ELEMENT > bytes.length) return undefined;
    out[name] = new type(bytes.buffer as ArrayBuffer, bytes.byteOffset + at, f.length);
  }
  return out;
}

const fileName = (stamp: string) => `themes-${stamp}.img`;

/**
 * Where this build's image may be, in the order tried: dist/data/themes.img beside the
 * bundle (`npm run build` writes it; the .vsix does not ship it, to stay small), then the
 * user's cache, where an installed build's first start leaves the image it made.
 */
function candidates(stamp: string): string[] {
  return [join(__dirname, 'data', 'themes.img'), join(userCacheDir(), fileName(stamp))];
}

/** A regular file of a sane size, read whole; undefined otherwise (a named pipe would block, a device never end). */
function readSmallFile(path: string): Uint8Array | undefined {
  try {
    return readRegularFileSync(path, MAX_BYTES).bytes ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * The built-in matcher's fields from this build's image, or undefined (run from source, no
 * image, another build's, or a file that is no image).
 */
export function builtinMatcherFields(): Record<string, Field> | undefined {
  const stamp = buildStamp();
  if (!stamp) return undefined;
  for (const path of candidates(stamp)) {
    const bytes = readSmallFile(path);
    const fields = bytes && readMatcherImage(bytes, stamp);
    if (fields) return fields;
  }
  return undefined;
}

/**
 * Leaves the image of the built-in matcher just compiled in the user's cache for the next
 * start (written whole under another name, then renamed, so that no reader sees half of
 * it). A cache that cannot be written is no error: every start compiles, as before images.
 */
export function keepBuiltinMatcher(matcher: object): void {
  const stamp = buildStamp();
  if (!stamp) return;
  try {
    const dir = userCacheDir();
    mkdirSync(dir, { recursive: true });
    // Threads of one process share its id: the thread's id keeps their files apart (required
    // here, not at load: node:worker_threads costs a start a millisecond or more).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { threadId } = require('node:worker_threads') as typeof import('node:worker_threads');
    const tmp = join(dir, `${fileName(stamp)}.${process.pid}-${threadId}.tmp`);
    writeFileSync(tmp, writeMatcherImage(matcher, stamp));
    renameSync(tmp, join(dir, fileName(stamp)));
  } catch {
    // A read-only home.
  }
}
