// Reading a gazetteer image file: only a regular file is read; a named pipe or a device put
// where the image is looked for must not block or fill memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readShared } from '../../server/src/data/builtinImage';

test('an image file is read whole into shared memory; a FIFO, a device or a folder is refused at once', { timeout: 10_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'dl-image-'));
  try {
    const file = join(dir, 'gazetteer.img');
    writeFileSync(file, Buffer.from([1, 2, 3, 4, 5]));
    const bytes = readShared(file);
    assert.ok(bytes);
    assert.ok(bytes.buffer instanceof SharedArrayBuffer);
    assert.deepEqual([...bytes], [1, 2, 3, 4, 5]);
    // A device first: without the check it reads as an empty image and fails here, before
    // the FIFO below, whose opening with no writer would block this thread.
    assert.equal(readShared('/dev/zero'), undefined);
    assert.equal(readShared(dir), undefined);
    const fifo = join(dir, 'fifo.img');
    execFileSync('mkfifo', [fifo]);
    assert.equal(readShared(fifo), undefined);
    assert.equal(readShared(join(dir, 'missing.img')), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
