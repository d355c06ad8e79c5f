/**
 * The index cache's folder over JSON-RPC (issue 14): a cacheDir in initializationOptions
 * that is the workspace folder or inside it is refused with a log line, the default (the
 * user's cache folder, here under a temporary XDG_CACHE_HOME) is used, and nothing is
 * written into the workspace; temporary files left by a save killed midway are removed
 * when the server starts, and only those.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { HAS_FIFOS, mkfifo, rescuePipes } from '../helpers/specialFiles';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { cacheFile } from '../../server/src/index/cache';
import { copyWorkspace, removeWorkspace, startServer, uriOf, type TestServer } from './harness';

// The spawned servers' default cache folder: a temporary one, never the user's.
const XDG = mkdtempSync(join(tmpdir(), 'digest-lens-xdg-'));
process.env.XDG_CACHE_HOME = XDG;
const DEFAULT_DIR = join(XDG, 'digest-lens', 'index-cache');
process.on('exit', () => rmSync(XDG, { recursive: true, force: true }));

/** Every path below `dir`, relative, sorted. */
function tree(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map((p) => relative(dir, join(dir, p))).sort();
}

test('a cache folder that is the workspace or inside it is refused with a log line; the cache goes to the default, the workspace is untouched', async () => {
  for (const inside of ['', '.digest-cache']) {
    const ws = copyWorkspace();
    const before = tree(ws);
    let server: TestServer | undefined;
    try {
      const cacheDir = inside ? join(ws, inside) : ws;
      server = await startServer({ folder: ws, initializationOptions: { cacheDir } });
      assert.ok(server.logs().some((l) => l.includes('index cache folder refused') && l.includes('inside the workspace folder') && l.includes(DEFAULT_DIR)), server.logs().join('\n'));
      const refs = await server.request('textDocument/references', { textDocument: { uri: uriOf(join(ws, 'english.digest')) }, position: { line: 2, character: 2 }, context: { includeDeclaration: true } });
      assert.ok(refs.length > 0);
      await server.stop(); // saves the cache at shutdown
      server = undefined;
      assert.deepEqual(tree(ws), before, `nothing written into the workspace (cacheDir ${cacheDir})`);
      assert.ok(existsSync(cacheFile(DEFAULT_DIR, [uriOf(ws)])), 'the cache was saved in the default folder');
    } finally {
      await server?.stop();
      removeWorkspace(ws);
    }
  }
});

test('temporary files of saves killed midway are removed at start; a live save\'s and other files are kept', async () => {
  const ws = copyWorkspace();
  const cacheDir = mkdtempSync(join(tmpdir(), 'digest-lens-cachedir-'));
  let server: TestServer | undefined;
  try {
    const file = cacheFile(cacheDir, [uriOf(ws)]);
    const name = file.slice(cacheDir.length + 1);
    // A pid no process has (above Linux's pid_max), and this test runner's (alive).
    const orphan = `${name}.999999999-0badc0de.tmp`;
    const live = `${name}.${process.pid}-0000ffff.tmp`;
    for (const n of [orphan, live, 'keep-me.tmp']) writeFileSync(join(cacheDir, n), 'partial');
    server = await startServer({ folder: ws, initializationOptions: { cacheDir } });
    await server.waitFor('window/logMessage', (p) => p.message.includes('temporary file(s) of interrupted cache saves'));
    const left = readdirSync(cacheDir);
    assert.ok(!left.includes(orphan), 'the orphan is removed');
    assert.ok(left.includes(live) && left.includes('keep-me.tmp'), left.join(', '));
  } finally {
    await server?.stop();
    removeWorkspace(ws);
    rmSync(cacheDir, { recursive: true, force: true });
  }
});

test('a cache file that is a named pipe or a symlink to /dev/zero is discarded with a log line; indexing finishes and the cache is saved over it', { skip: !HAS_FIFOS && 'needs mkfifo and /dev/zero' }, async () => {
  for (const make of ['fifo', 'zero']) {
    const ws = copyWorkspace();
    const cacheDir = mkdtempSync(join(tmpdir(), 'digest-lens-cachedir-'));
    const file = cacheFile(cacheDir, [uriOf(ws)]);
    if (make === 'fifo') mkfifo(file);
    else symlinkSync('/dev/zero', file);
    const rescue = rescuePipes(make === 'fifo' ? [file] : []);
    let server: TestServer | undefined;
    try {
      server = await startServer({ folder: ws, initializationOptions: { cacheDir } });
      assert.ok(server.logs().some((l) => l.includes('index cache discarded: not a regular file')), server.logs().join('\n'));
      const status = await server.request('digestLens/status', null);
      assert.equal(status.files, 3);
      await server.stop();
      server = undefined;
      // The save replaced the special file by a regular cache, which the next start loads.
      server = await startServer({ folder: ws, initializationOptions: { cacheDir } });
      assert.ok(server.logs().some((l) => /indexed 3 digests .*3 from cache/.test(l)), server.logs().join('\n'));
      assert.equal(rescue.rescued(), false, 'nothing waited on the pipe');
    } finally {
      rescue.stop();
      await server?.stop();
      removeWorkspace(ws);
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }
});
