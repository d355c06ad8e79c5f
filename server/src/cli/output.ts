/**
 * Standard output of the command line: text is encoded as UTF-8 straight into one reused
 * buffer and written synchronously when it fills, so a scan neither joins strings nor
 * allocates a buffer per write, and a slow reader makes the scan wait instead of letting
 * output pile up in memory.
 */
import { writeSync } from 'node:fs';

/** A shared buffer to sleep on (Atomics.wait) while a non-blocking pipe is full. */
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `bytes` to a file descriptor synchronously. process.stdout.write queues in
 * memory when the reader is slower than the scan (a pipe into DuckDB, jq or gzip), so a
 * long jsonl scan would grow without bound; writing synchronously makes the scan wait for
 * the reader instead. A non-blocking pipe answers EAGAIN when full: wait a moment, retry.
 * A reader that went away (EPIPE, e.g. `| head`) ends the scan quietly.
 */
export function writeFully(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 2);
      else if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      else throw e;
    }
  }
}

/** Large writes: one write per file or per row would be slow on pipes. */
const CAPACITY = 1 << 20;

export class OutputBuffer {
  private readonly buffer = Buffer.allocUnsafe(CAPACITY);
  private used = 0;

  constructor(private readonly fd: number) {}

  write(text: string): void {
    // A UTF-16 code unit takes at most three bytes of UTF-8.
    if (this.used + text.length * 3 > CAPACITY) {
      this.flush();
      if (text.length * 3 > CAPACITY) {
        writeFully(this.fd, Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  /** Bytes already encoded (a batch's output, cli/encodedBatch.ts), copied in or written straight. */
  writeBytes(bytes: Uint8Array): void {
    if (this.used + bytes.length > CAPACITY) {
      this.flush();
      if (bytes.length > CAPACITY) {
        writeFully(this.fd, bytes);
        return;
      }
    }
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
  }

  flush(): void {
    if (this.used === 0) return;
    writeFully(this.fd, this.buffer.subarray(0, this.used));
    this.used = 0;
  }
}
