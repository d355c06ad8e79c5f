/**
 * The cache folder (issue 14): a folder that is a workspace folder, lies inside one (also
 * through a symlink) or is relative is refused with one log line and the default is used;
 * and the temporary files of saves killed midway are removed on start — only names the
 * saver makes, only when their process is gone or they are old. Over JSON-RPC:
 * test/lsp/cache-folder.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'vscode-uri';
import { cacheFile, removeOrphanedTemps } from '../../server/src/index/cache';
import { cacheDirRefusal, CacheLocation } from '../../server/src/workspace/cacheLocation';

const uri = (path: string) => URI.file(path).toString();

test('a cache folder equal to, inside, or linked into a workspace folder is refused; one outside is taken', () => {
  const base = mkdtempSync(join(tmpdir(), 'digest-lens-cacheloc-'));
  try {
    const ws = join(base, 'ws');
    const other = join(base, 'other');
    mkdirSync(join(ws, 'sub'), { recursive: true });
    mkdirSync(other);
    const link = join(base, 'link');
    symlinkSync(ws, link);
    const folders = [uri(ws), 'vscode-vfs://github/owner/repo'];
    for (const dir of [ws, ws + '/', join(ws, 'sub'), join(ws, 'not', 'there', 'yet'), link, join(link, 'cache')]) {
      assert.match(cacheDirRefusal(dir, folders) ?? '', /inside the workspace folder/, dir);
    }
    assert.match(cacheDirRefusal('cache', folders) ?? '', /not an absolute path/);
    assert.match(cacheDirRefusal('.', folders) ?? '', /not an absolute path/);
    for (const dir of [other, join(other, 'index-cache'), join(base, 'ws-sibling'), base + '/wsx']) assert.equal(cacheDirRefusal(dir, folders), null, dir);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

test('a refused cache folder is logged once and the default is used; the default inside the workspace means no cache', () => {
  const ws = mkdtempSync(join(tmpdir(), 'digest-lens-cacheloc-'));
  try {
    const warnings: string[] = [];
    const log = { info() {}, warn: (m: string) => warnings.push(m), error() {} };
    const fallback = join(tmpdir(), 'digest-lens-default-cache');
    const location = new CacheLocation(log, () => fallback);
    const folders = [uri(ws)];
    assert.equal(location.file(ws, folders), cacheFile(fallback, folders));
    assert.equal(location.file(ws, folders), cacheFile(fallback, folders));
    assert.equal(warnings.length, 1, 'logged once');
    assert.match(warnings[0], /index cache folder refused .*inside the workspace folder.*using/);
    const outside = join(tmpdir(), 'digest-lens-elsewhere');
    assert.equal(location.file(outside, folders), cacheFile(outside, folders));
    assert.equal(location.file(undefined, folders), null, 'none asked for: no cache');
    assert.equal(location.file(null, folders), null);
    assert.equal(location.file(outside, []), null, 'no folders: no cache');
    assert.equal(location.file(42, folders), cacheFile(fallback, folders), 'not a path: the default');
    const inside = new CacheLocation(log, () => join(ws, '.cache'));
    assert.equal(inside.file(ws, folders), null);
    assert.match(warnings.at(-1)!, /no index cache/);
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
});

test('temporary files of interrupted saves are removed: only the saver\'s names, only of a process gone or an hour old', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'digest-lens-orphans-'));
  try {
    const cache = 'index-0123456789abcdef.bin';
    const dead = 999_999_001;
    const names = {
      orphan: `${cache}.${dead}-a1b2c3d4.tmp`,
      live: `${cache}.${process.pid}-00ff00ff.tmp`,
      liveButOld: `${cache}.${process.pid}-deadbeef.tmp`,
      cacheFile: cache,
      userFile: 'notes.tmp',
      lookalike: `${cache}.${dead}-a1b2c3d4.tmp.keep`,
      otherName: `index-XYZ.bin.${dead}-a1b2c3d4.tmp`,
    };
    for (const n of Object.values(names)) writeFileSync(join(dir, n), 'x');
    mkdirSync(join(dir, `${cache}.${dead}-0000aaaa.tmp`)); // a folder of that name is left alone
    const hourAgo = (Date.now() - 2 * 60 * 60 * 1000) / 1000;
    utimesSync(join(dir, names.liveButOld), hourAgo, hourAgo);
    const isRunning = (pid: number) => pid === process.pid;
    const removed = await removeOrphanedTemps(dir, isRunning);
    assert.deepEqual(removed.sort(), [names.orphan, names.liveButOld].sort());
    assert.deepEqual(readdirSync(dir).sort(), [names.live, names.cacheFile, names.userFile, names.lookalike, names.otherName, `${cache}.${dead}-0000aaaa.tmp`].sort());
    assert.deepEqual(await removeOrphanedTemps(join(dir, 'missing')), [], 'a missing folder: nothing, no throw');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
