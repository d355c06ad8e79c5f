/**
 * A batch of files scanned into UTF-8 that waits to be written (a worker thread's batch, or
 * the main thread's own while the workers' batches before it are still out). The output is
 * encoded piece by piece into fixed-size chunks as it is rendered, never as one string (a
 * dense file's json is hundreds of megabytes: as a string, then as its UTF-8, it was held
 * two or three times over); `ends` says where each file's bytes end.
 */
import { openFile, type ScanSetup } from './scanFile';
import type { FsPath } from '../io/fsPath';

/** Chunk size: large enough that a chunk per batch costs little, small enough to waste little. */
const CHUNK = 256 * 1024;

/** UTF-8 written into chunks of their own memory (each can be moved to another thread). */
export class Utf8Chunks {
  readonly chunks: Uint8Array[] = [];
  /** Bytes written so far. */
  size = 0;
  private current: Buffer | null = null;
  private used = 0;

  write(text: string): void {
    // A UTF-16 code unit takes at most three bytes of UTF-8.
    const most = text.length * 3;
    if (!this.current || this.used + most > this.current.length) {
      this.seal();
      if (most > CHUNK) {
        // Buffer.from of more than a few kilobytes has memory of its own, never the shared pool.
        const own = Buffer.from(text, 'utf8');
        this.chunks.push(own);
        this.size += own.length;
        return;
      }
      this.current = Buffer.allocUnsafeSlow(CHUNK);
      this.used = 0;
    }
    const n = this.current.write(text, this.used, 'utf8');
    this.used += n;
    this.size += n;
  }

  /** Ends the chunk being filled (before the chunks are read or moved). */
  seal(): void {
    if (this.current && this.used) this.chunks.push(this.current.subarray(0, this.used));
    this.current = null;
    this.used = 0;
  }
}

/** A scanned batch: per file its messages, whether it failed and where its output ends (-1: none). */
export interface EncodedBatch {
  messages: string[][];
  failed: boolean[];
  /** The byte offset in `chunks` where each file's output ends, or -1 for a file without output. */
  ends: number[];
  chunks: Uint8Array[];
}

/** Scans `paths` in order, each file's output encoded as it is rendered. */
export function scanBatch(paths: FsPath[], setup: ScanSetup): EncodedBatch {
  const out = new Utf8Chunks();
  const write = (s: string) => out.write(s);
  const batch: EncodedBatch = { messages: [], failed: [], ends: [], chunks: out.chunks };
  for (const path of paths) {
    const opened = openFile(path, setup);
    batch.messages.push(opened.messages);
    batch.failed.push(opened.failed);
    if (opened.render) {
      opened.render(write);
      batch.ends.push(out.size);
    } else batch.ends.push(-1);
  }
  out.seal();
  return batch;
}

/** The chunks' bytes from `start` to `end`, as views (nothing copied). */
export function bytesBetween(chunks: Uint8Array[], start: number, end: number): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const c of chunks) {
    const from = Math.max(start, at);
    const to = Math.min(end, at + c.length);
    if (from < to) parts.push(c.subarray(from - at, to - at));
    at += c.length;
    if (at >= end) break;
  }
  return parts;
}
