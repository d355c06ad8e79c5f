/**
 * The walk's stats made on a worker (index/statWorker.ts) give the very list the stats made
 * on the server's thread give: the same files, sizes and mtimes, in path order, excluded
 * folders and non-digests left out.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { discoverDigests } from '../../server/src/index/discover';
import { DigestMatcher } from '../../server/src/workspace/files';

test('stats on a worker and on the server thread find the same digests with the same stamps', async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'digest-lens-discover-'));
  try {
    for (let d = 0; d < 6; d++) {
      const dir = path.join(root, `2025`, `0${d + 1}`);
      mkdirSync(dir, { recursive: true });
      for (let f = 0; f < 40; f++) {
        const file = path.join(dir, `n${f}.digest.md`);
        writeFileSync(file, 'x'.repeat(d * 40 + f));
        utimesSync(file, 1_700_000_000 + f, 1_700_000_000 + d * 1000 + f + 0.25);
      }
      writeFileSync(path.join(dir, 'notes.txt'), 'not a digest');
    }
    mkdirSync(path.join(root, 'skip'));
    writeFileSync(path.join(root, 'skip', 'a.digest'), 'excluded');
    mkdirSync(path.join(root, 'node_modules'));
    writeFileSync(path.join(root, 'node_modules', 'b.digest'), 'never walked');
    const matcher = new DigestMatcher({ include: [], exclude: ['skip'] });
    const onWorker = await discoverDigests(root, matcher, undefined, 1);
    const here = await discoverDigests(root, matcher, undefined, Number.POSITIVE_INFINITY);
    assert.equal(here.length, 240);
    assert.deepEqual(onWorker, here);
    const first = here.find((f) => f.path.endsWith(path.join('03', 'n7.digest.md')))!;
    assert.equal(first.size, 87);
    assert.equal(first.mtimeMs, (1_700_000_000 + 2000 + 7 + 0.25) * 1000);
    assert.ok(here.every((f, i) => i === 0 || here[i - 1].path < f.path));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
