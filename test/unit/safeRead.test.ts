/**
 * Reading a path never blocks or explodes (issue 14): named pipes, symlinks to them and to
 * /dev/zero, folders, at every reader the server and the CLI use on a path — the one helper
 * (io/safeRead.ts), the digest reader of indexing and of the workers (analyseFile), the
 * on-demand text of a closed digest (readDigestText), the user files' reader
 * (nodeDisk.readText), the walk (discoverDigests, findDigests) and the data images.
 * Real files: a reader that blocked would be let go by a writer after a few seconds
 * (test/helpers/specialFiles.ts) and the test fails on `rescued`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileTooLargeError, NotRegularFileError, readRegularFile, readRegularFileSync, readRegularText, readRegularTextSync } from '../../server/src/io/safeRead';
import { analyseFile, readWithStamp } from '../../server/src/index/analyseFile';
import { nodeDisk, readDigestText } from '../../server/src/index/disk';
import { discoverDigests } from '../../server/src/index/discover';
import { analysisSetup } from '../../server/src/index/analysisSetup';
import { StringTable } from '../../server/src/index/packed';
import { DigestMatcher, findDigests } from '../../server/src/workspace/files';
import { readShared } from '../../server/src/data/builtinImage';
import { HAS_FIFOS, rescuePipes, specialFolder } from '../helpers/specialFiles';

const NOTE = '# 2025-03-01\n腾讯控股营收 1,200 亿元。\n';

/** The helper's special folder, and a folder named like a digest too. */
function specialFolderWithDir(): { dir: string; note: string; pipe: string; linkToPipe: string; zero: string; folder: string } {
  const { dir, note, pipe, link, zero } = specialFolder('digest-lens-special-', NOTE);
  const folder = join(dir, 'folder.digest');
  mkdirSync(folder);
  return { dir, note, pipe, linkToPipe: link, zero, folder };
}

test('the safe reader refuses pipes, symlinks to pipes, devices and folders at once, and reads regular files', { skip: !HAS_FIFOS && 'needs mkfifo and /dev/zero' }, async () => {
  const f = specialFolderWithDir();
  const rescue = rescuePipes([f.pipe]);
  try {
    for (const path of [f.pipe, f.linkToPipe, f.zero, f.folder]) {
      assert.throws(() => readRegularFileSync(path, 1 << 20), NotRegularFileError, path);
      await assert.rejects(readRegularFile(path, 1 << 20), NotRegularFileError, path);
      await assert.rejects(readRegularText(path, 1 << 20), NotRegularFileError, path);
      assert.throws(() => readRegularTextSync(path, 1 << 20), NotRegularFileError, path);
    }
    assert.throws(() => readRegularFileSync(f.pipe, 10), /named pipe/);
    assert.throws(() => readRegularFileSync(f.zero, 10), /device/);
    assert.equal(rescue.rescued(), false, 'no reader waited on the pipe');

    const { stamp, bytes } = readRegularFileSync(f.note, 1 << 20);
    assert.equal(bytes!.toString('utf8'), NOTE);
    assert.equal(stamp.size, Buffer.byteLength(NOTE));
    assert.equal((await readRegularFile(f.note, 1 << 20)).bytes!.toString('utf8'), NOTE);
    // Over the cap: the stamp without the bytes; the text readers throw.
    assert.equal(readRegularFileSync(f.note, 5).bytes, null);
    await assert.rejects(readRegularText(f.note, 5), FileTooLargeError);
    assert.throws(() => readRegularTextSync(f.note, 5), FileTooLargeError);
    assert.throws(() => readRegularFileSync(join(f.dir, 'missing.digest'), 10), { code: 'ENOENT' });
  } finally {
    rescue.stop();
    rmSync(f.dir, { recursive: true, force: true });
  }
});

test('every reader of the server and the CLI on a path goes through the safe reader', { skip: !HAS_FIFOS && 'needs mkfifo and /dev/zero' }, async () => {
  const f = specialFolderWithDir();
  const rescue = rescuePipes([f.pipe]);
  try {
    const setup = analysisSetup({ entities: [], themes: [] });
    for (const path of [f.pipe, f.linkToPipe, f.zero]) {
      // The digest reader of indexing, of file events and of the workers.
      assert.throws(() => readWithStamp(path, 1 << 20), NotRegularFileError);
      const r = analyseFile({ uri: `file://${path}`, path, maxSize: 1 << 20 }, setup, new StringTable(), 'v');
      assert.equal(r.kind, 'skip', path);
      assert.match((r as { reason: string }).reason, /not a regular file/);
      assert.equal((r as { stamp?: unknown }).stamp, undefined, 'not remembered: a regular file put there later is read');
      // A closed digest's text for a feature; the user's entity and theme files.
      assert.equal(readDigestText(nodeDisk, path, 1 << 20), null);
      await assert.rejects(nodeDisk.readText(path), NotRegularFileError);
      // The data images (gazetteer) are read only from a regular file.
      assert.equal(readShared(path), undefined);
    }
    assert.equal(readDigestText(nodeDisk, f.note, 1 << 20), NOTE);
    assert.equal(analyseFile({ uri: 'file:///n', path: f.note, maxSize: 1 << 20 }, setup, new StringTable(), 'v').kind, 'ok');
    // The walks find the note as a digest, not the symlinks nor the folder; the server's
    // walk lists the pipe as special (reported as skipped, never opened).
    const matcher = new DigestMatcher({ include: [], exclude: [] });
    for (const workerFrom of [undefined, 0]) {
      const walked = await discoverDigests(f.dir, matcher, undefined, workerFrom);
      assert.deepEqual(walked.filter((x) => !x.special).map((x) => x.path), [f.note], `stat worker from ${workerFrom}`);
      assert.deepEqual(walked.filter((x) => x.special).map((x) => [x.path, x.special]), [[f.pipe, 'a named pipe']]);
    }
    const found: string[] = [];
    for await (const x of findDigests(f.dir, matcher)) found.push(x.path);
    assert.deepEqual(found, [f.note]);
    assert.equal(rescue.rescued(), false, 'no reader waited on the pipe');
  } finally {
    rescue.stop();
    rmSync(f.dir, { recursive: true, force: true });
  }
});

test('a socket where a digest is expected is not read: refused at once as not a regular file, and indexing skips it with that reason', { skip: !HAS_FIFOS && 'needs POSIX sockets on paths' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'digest-lens-socket-'));
  const path = join(dir, 'socket.digest');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(path, resolve));
  try {
    assert.throws(() => readRegularFileSync(path, 1 << 20), /not a regular file \(a socket\)/);
    await assert.rejects(readRegularText(path, 1 << 20), NotRegularFileError);
    assert.equal(readDigestText(nodeDisk, path, 1 << 20), null);
    const r = analyseFile({ uri: `file://${path}`, path, maxSize: 1 << 20 }, analysisSetup({ entities: [], themes: [] }), new StringTable(), 'v');
    assert.equal(r.kind, 'skip');
    assert.match((r as { reason: string }).reason, /not a regular file \(a socket\)/);
    assert.deepEqual(await discoverDigests(dir, new DigestMatcher({ include: [], exclude: [] })), [{ path, size: 0, mtimeMs: 0, special: 'a socket' }]);
  } finally {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
});
