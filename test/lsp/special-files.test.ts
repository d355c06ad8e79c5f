/**
 * Special files in a workspace, over JSON-RPC (issue 14): named pipes, symlinks to them and
 * to /dev/zero, where digests and the entity file are expected. The server indexes the
 * rest, answers requests, and logs each file it did not read and why — at the start, on a
 * file watcher event for one of them, and for an entity file that is a pipe. A server
 * that opened a pipe the blocking way would wait for a writer: the writer of
 * test/helpers/specialFiles.ts lets it go after a few seconds, and `rescued` fails the test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyWorkspace, removeWorkspace, startServer, uriOf, type TestServer } from './harness';
import { HAS_FIFOS, mkfifo, rescuePipes, symlink } from '../helpers/specialFiles';

const SKIP = !HAS_FIFOS && 'needs mkfifo and /dev/zero (POSIX)';

/** References of Tencent from english.digest (line 2). */
async function tencentReferences(server: TestServer, uri: string): Promise<any[]> {
  return server.request('textDocument/references', { textDocument: { uri }, position: { line: 2, character: 2 }, context: { includeDeclaration: true } });
}

/** Waits for a log line matching `pattern`. */
function logLine(server: TestServer, pattern: RegExp): Promise<string> {
  return server.waitFor('window/logMessage', (p) => pattern.test(p.message)).then((p) => p.message);
}

test('pipes and devices among the digests are skipped with a log line; the rest is indexed and answers, at start and on file events', { skip: SKIP }, async () => {
  const clean = copyWorkspace();
  const ws = copyWorkspace();
  const notes = join(ws, 'notes');
  mkdirSync(notes);
  const pipe = join(notes, 'pipe.digest');
  mkfifo(pipe);
  const rescue = rescuePipes([pipe]);
  let server: TestServer | undefined;
  try {
    // What a workspace without the special files answers.
    const reference = await startServer({ folder: clean });
    const english = (dir: string) => uriOf(join(dir, 'english.digest'));
    const expected = (await tencentReferences(reference, english(clean))).length;
    await reference.stop();
    assert.ok(expected > 0);

    // Symlinks are not followed by the walk; file events name them directly below.
    symlink(pipe, join(notes, 'link.digest'));
    symlink('/dev/zero', join(notes, 'zero.digest'));
    server = await startServer({ folder: ws });
    assert.equal((await tencentReferences(server, english(ws))).length, expected, 'the regular digests are indexed as without the pipe');
    // The walk saw the pipe (not the symlinks, which it does not follow): skipped, with a log line.
    const pipeUri = uriOf(pipe);
    assert.ok(server.logs().some((l) => l === `skipped ${pipeUri}: not a regular file (a named pipe)`), server.logs().join('\n'));
    const atStart = await server.request('digestLens/status', null);
    assert.deepEqual(atStart.skipped.map((s: any) => [s.uri, s.reason]), [[pipeUri, 'not a regular file (a named pipe)']]);

    // Watcher events for each: created, then changed.
    for (const [name, kind] of [['pipe', 'a named pipe'], ['link', 'a named pipe'], ['zero', 'a device']]) {
      const uri = uriOf(join(notes, `${name}.digest`));
      const logged = logLine(server, new RegExp(`skipped ${uri.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not a regular file \\(${kind}\\)`));
      server.filesChanged([{ uri, type: 1 }]);
      await logged;
      server.filesChanged([{ uri, type: 2 }]);
    }
    const hover = await server.request('textDocument/hover', { textDocument: { uri: english(ws) }, position: { line: 2, character: 18 } });
    assert.ok(hover?.contents?.value, 'the server still answers');
    assert.equal((await tencentReferences(server, english(ws))).length, expected);
    const status = await server.request('digestLens/status', null);
    assert.equal(status.files, 3, 'only the three regular digests are indexed');
    for (const name of ['pipe', 'link', 'zero']) {
      const skipped = status.skipped.find((s: any) => s.uri === uriOf(join(notes, `${name}.digest`)));
      assert.match(skipped?.reason ?? '', /not a regular file/, `${name} is listed as skipped with its reason`);
    }
    assert.equal(rescue.rescued(), false, 'no read waited on the pipe');
  } finally {
    rescue.stop();
    await server?.stop();
    removeWorkspace(ws);
    removeWorkspace(clean);
  }
});

test('an entity file that is a pipe is not read: a log line, the built-in data still works, events for it do not block', { skip: SKIP }, async () => {
  const ws = copyWorkspace();
  const entities = join(ws, '.digestlens', 'entities.json');
  rmSync(entities);
  mkfifo(entities);
  const rescue = rescuePipes([entities]);
  let server: TestServer | undefined;
  try {
    server = await startServer({ folder: ws });
    assert.ok(server.logs().some((l) => l.includes('entities.json not read') && l.includes('named pipe')), server.logs().join('\n'));
    const uri = uriOf(join(ws, 'english.digest'));
    assert.ok((await tencentReferences(server, uri)).length > 0, 'the built-in gazetteer still finds Tencent');
    server.filesChanged([{ uri: uriOf(entities), type: 2 }]);
    const hover = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 18 } });
    assert.ok(hover?.contents?.value, 'the server answers after an event for the pipe');
    assert.equal(rescue.rescued(), false, 'no read waited on the pipe');
  } finally {
    rescue.stop();
    await server?.stop();
    removeWorkspace(ws);
  }
});
