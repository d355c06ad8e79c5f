/**
 * Where the built-in gazetteer's image (gazetteerImage.ts) comes from, and where it goes.
 *
 * An image is trusted only by the build that made it: its stamp is the build's analysis
 * fingerprint (esbuild.mjs), so run from source (tests: no fingerprint) there is no image and
 * the gazetteer is built from the data. In a build it is looked for, in order:
 *  1. the bytes a server handed to its analysis worker (shared memory: one copy for all);
 *  2. dist/data/gazetteer.img beside the bundle (`npm run build` writes it; the .vsix does
 *     not ship it, to stay small);
 *  3. the user's cache (XDG_CACHE_HOME or ~/.cache, else the temporary folder)/digest-lens/,
 *     where the first start of an installed build leaves the image it made.
 * Images are read into a SharedArrayBuffer, so that a server can hand the very bytes its own
 * gazetteer reads to its workers.
 */
import { closeSync, constants, fstatSync, mkdirSync, openSync, read, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { imageStamp } from './gazetteerImage';

declare const DIGEST_LENS_ANALYSIS_FINGERPRINT: string | undefined;

/** The stamp images of this build carry, or undefined when run from source. */
export function buildStamp(): string | undefined {
  return typeof DIGEST_LENS_ANALYSIS_FINGERPRINT === 'string' ? DIGEST_LENS_ANALYSIS_FINGERPRINT : undefined;
}

/** The image this process reads (set once found, made, or handed over). */
let current: Uint8Array | undefined;

/** Takes an image handed over by the thread that started this one (a worker's setup). */
export function shareBuiltinImage(bytes: Uint8Array | undefined): void {
  if (bytes && !current) current = bytes;
}

/** The image this process's built-in gazetteer reads, if any: what a server hands its workers. */
export function sharedBuiltinImage(): Uint8Array | undefined {
  return current;
}

const fileName = (stamp: string) => `gazetteer-${stamp}.img`;

/** The user's cache folder for Digest Lens (also where data/themesImage.ts keeps its image). */
export function userCacheDir(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  if (xdg) return join(xdg, 'digest-lens');
  let home = '';
  try {
    home = homedir();
  } catch {
    // No home (a service account): the temporary folder.
  }
  return home ? join(home, '.cache', 'digest-lens') : join(tmpdir(), 'digest-lens');
}

/** Where this build's image may be, in the order they are tried. */
function candidates(stamp: string): string[] {
  return [join(__dirname, 'data', 'gazetteer.img'), join(userCacheDir(), fileName(stamp))];
}

/** Larger than any image this build makes (about 21 MB): anything bigger is not one. */
const MAX_IMAGE_BYTES = 256 * 1024 * 1024;
/** Read only, never waiting for a writer (no O_NONBLOCK on Windows, nor pipes on paths). */
const READ_NONBLOCK = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** A whole file read into shared memory, or undefined when it cannot be read. */
export function readShared(path: string): Uint8Array | undefined {
  let fd = -1;
  try {
    // Only a regular file of a sane size: opening a named pipe put there would block, and a
    // device such as /dev/zero never ends.
    const info = statSync(path);
    if (!info.isFile() || info.size > MAX_IMAGE_BYTES) return undefined;
    // The checks again on the open file: the path may have been replaced since the stat.
    fd = openSync(path, READ_NONBLOCK);
    const st = fstatSync(fd);
    const size = st.size;
    if (!st.isFile() || size > MAX_IMAGE_BYTES) return undefined;
    const bytes = new Uint8Array(new SharedArrayBuffer(size));
    let at = 0;
    while (at < size) {
      const n = readSync(fd, bytes, at, size - at, at);
      if (n <= 0) return undefined;
      at += n;
    }
    return bytes;
  } catch {
    return undefined;
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

/**
 * A whole file read into shared memory by one of libuv's threads, or undefined when it
 * cannot be read. Opening it is done here (a few microseconds); the read itself is one job
 * on that thread, so it goes on while this thread is busy (a chain of asynchronous steps
 * would wait for this thread between each two).
 */
function readSharedAsync(path: string): Promise<Uint8Array | undefined> {
  let fd = -1;
  try {
    const info = statSync(path);
    if (!info.isFile() || info.size > MAX_IMAGE_BYTES) return Promise.resolve(undefined);
    fd = openSync(path, READ_NONBLOCK);
    const st = fstatSync(fd);
    const size = st.size;
    if (!st.isFile() || size > MAX_IMAGE_BYTES) throw new Error('not a regular file of a sane size');
    const bytes = new Uint8Array(new SharedArrayBuffer(size));
    const file = fd;
    fd = -1;
    return new Promise((resolve) => {
      const readFrom = (at: number) => {
        if (at >= size) return end(bytes);
        read(file, bytes, at, size - at, at, (error, n) => (error || n <= 0 ? end(undefined) : readFrom(at + n)));
      };
      const end = (result: Uint8Array | undefined) => {
        try {
          closeSync(file);
        } catch {
          // Closed already.
        }
        resolve(result);
      };
      readFrom(0);
    });
  } catch {
    if (fd >= 0) closeSync(fd);
    return Promise.resolve(undefined);
  }
}

/** The read that `prefetchBuiltinImage` started, while it runs. */
let prefetching: Promise<void> | undefined;

/**
 * Starts reading this build's image in the background (on libuv's threads), so that a
 * process that has other things to do first (load its modules, answer `initialize`) finds
 * it read when its gazetteer is first needed: reading the 22 MB took about a tenth of a
 * start. Nothing waits for it: `findBuiltinImage` reads the file itself if it is not done.
 */
export function prefetchBuiltinImage(): void {
  const stamp = buildStamp();
  if (current || prefetching || !stamp) return;
  prefetching = (async () => {
    for (const path of candidates(stamp)) {
      const bytes = await readSharedAsync(path);
      if (bytes && imageStamp(bytes) === stamp) {
        current ??= bytes;
        return;
      }
    }
  })().finally(() => (prefetching = undefined));
}

/** Resolves when the background read, if any, has ended (however it ended). */
export function builtinImagePrefetched(): Promise<void> {
  return prefetching ?? Promise.resolve();
}

/** This build's image, found beside the bundle or in the cache; undefined when there is none (or run from source). */
export function findBuiltinImage(): Uint8Array | undefined {
  if (current) return current;
  const stamp = buildStamp();
  if (!stamp) return undefined;
  for (const path of candidates(stamp)) {
    const bytes = readShared(path);
    if (bytes && imageStamp(bytes) === stamp) return (current = bytes);
  }
  return undefined;
}

/**
 * Keeps an image this process just made: in shared memory for its workers, and in the
 * user's cache for the next start (written whole under another name, then renamed, so that
 * a reader never sees half of it). A cache that cannot be written is no error.
 */
export function keepBuiltinImage(image: Uint8Array): void {
  const stamp = buildStamp();
  if (!stamp) return;
  const shared = new Uint8Array(new SharedArrayBuffer(image.byteLength));
  shared.set(image);
  current = shared;
  try {
    const dir = userCacheDir();
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `${fileName(stamp)}.${process.pid}.tmp`);
    writeFileSync(tmp, image);
    renameSync(tmp, join(dir, fileName(stamp)));
  } catch {
    // A read-only home: every start builds the gazetteer, as before images.
  }
}
