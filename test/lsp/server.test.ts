/**
 * The server's own duties over JSON-RPC: indexing the workspace (not only open files),
 * keeping it in step with edits and files on disk, settings, broken user files, huge and
 * binary files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { copyWorkspace, removeWorkspace, startServer, uriOf } from './harness';

test('indexes every digest of the workspace without opening any', async () => {
  const ws = copyWorkspace();
  const server = await startServer({ folder: ws });
  try {
    const status = await server.request('digestLens/status', null);
    assert.equal(status.indexing, false);
    assert.equal(status.files, 3);
    assert.equal(status.baseCurrency, 'USD');
    assert.match(status.rateMonth, /^\d{4}-\d{2}$/);
  } finally {
    await server.stop();
    removeWorkspace(ws);
  }
});

test('huge and binary files are skipped with a reason, and the rest is indexed', async () => {
  const ws = copyWorkspace();
  writeFileSync(join(ws, 'huge.digest'), '腾讯 1,600 亿元。\n'.repeat(200000));
  writeFileSync(join(ws, 'image.digest'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  const server = await startServer({ folder: ws });
  try {
    const status = await server.request('digestLens/status', null);
    assert.equal(status.files, 3);
    const reasons = new Map(status.skipped.map((s: any) => [s.uri, s.reason]));
    assert.match(String(reasons.get(uriOf(join(ws, 'huge.digest')))), /size cap/);
    assert.match(String(reasons.get(uriOf(join(ws, 'image.digest')))), /binary/);
    assert.ok(server.logs().some((l) => l.includes('skipped') && l.includes('huge.digest')));
  } finally {
    await server.stop();
    removeWorkspace(ws);
  }
});

test('files created, changed and deleted on disk update the index', async () => {
  const ws = copyWorkspace();
  const server = await startServer({ folder: ws });
  try {
    const added = join(ws, 'added.digest');
    writeFileSync(added, 'Tencent raised $1 billion.\n');
    server.filesChanged([{ uri: uriOf(added), type: 1 }]);
    await server.waitFor('digestLens/indexChanged', (p) => p.files === 4);
    // Changed on disk: the file now mentions Alibaba, no longer Tencent.
    const mentions = async () => (await server.request('digestLens/entities', { scope: { kind: 'file', uri: uriOf(added) } })).entities.map((e: any) => e.id);
    assert.deepEqual(await mentions(), ['tencent']);
    writeFileSync(added, 'Alibaba raised $1 billion.\n');
    server.filesChanged([{ uri: uriOf(added), type: 2 }]);
    await server.waitFor('digestLens/indexChanged', (p) => Array.isArray(p.uris) && p.uris.includes(uriOf(added)), 15000, server.notifications.length);
    assert.deepEqual(await mentions(), ['alibaba']);
    unlinkSync(join(ws, 'english.digest'));
    server.filesChanged([{ uri: uriOf(join(ws, 'english.digest')), type: 3 }]);
    await server.waitFor('digestLens/indexChanged', (p) => p.files === 3);
    const status = await server.request('digestLens/status', null);
    assert.equal(status.files, 3);
  } finally {
    await server.stop();
    removeWorkspace(ws);
  }
});

test('broken settings fall back to their defaults with one clear message', async () => {
  const ws = copyWorkspace();
  const server = await startServer({ folder: ws, settings: { baseCurrency: 'XYZ', maxFileSize: 'big', include: [42] } });
  try {
    const status = await server.request('digestLens/status', null);
    assert.equal(status.baseCurrency, 'USD');
    const warnings = server.notifications.filter((n) => n.method === 'window/showMessage').map((n) => n.params.message);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /baseCurrency/);
    assert.match(warnings[0], /maxFileSize/);
    server.changeSettings({ baseCurrency: 'eur' });
    await server.waitForIndex();
    assert.equal((await server.request('digestLens/status', null)).baseCurrency, 'EUR');
  } finally {
    await server.stop();
    removeWorkspace(ws);
  }
});

test('exclude globs keep files out of the index', async () => {
  const ws = copyWorkspace();
  const server = await startServer({ folder: ws, settings: { exclude: ['english.*'] }, filesExclude: { 'traditional.digest.txt': true } });
  try {
    assert.equal((await server.request('digestLens/status', null)).files, 1);
  } finally {
    await server.stop();
    removeWorkspace(ws);
  }
});
