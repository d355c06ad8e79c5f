/**
 * What the server reads, and what it says about what it does not read (issue 16), over
 * JSON-RPC against the real server:
 * - a user file (entities, themes, a relative rates file) whose symlink leads out of the
 *   workspace folder is not read: a diagnostic on the file says why, nothing of it loads;
 *   a link that stays inside the folder is read as before;
 * - a folder and a digest the server may not read ("permission denied") are in the status
 *   request's skipped list with that reason, and the rest of the workspace is indexed;
 * - a one-character alias in the entity file gets a warning and matches nothing.
 * Root reads everything, so when the tests run as root the server runs as user nobody.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyWorkspace, removeWorkspace, SERVER, startServer, uriOf, type TestServer } from './harness';
import { unprivileged } from '../helpers/unprivileged';

const RUN_AS = ((u) => u && { as: u.spawnAs })(unprivileged(SERVER));
const NO_PERMISSIONS = RUN_AS === null && 'needs POSIX permissions and a user without root (nobody) that can read dist/';

const NOTE = '# 2025-03-18 早报\n\n佐布拉克斯完成 5 亿美元融资，估值 40 亿美元。\n';
const ENTITIES = JSON.stringify([{ name: 'Zorblax Holdings', aliases: ['佐布拉克斯'] }]);

/** A workspace copy readable by `nobody` (mkdtemp makes it 0700), with the note above. */
function workspace(): string {
  const ws = copyWorkspace();
  chmodSync(ws, 0o755);
  writeFileSync(join(ws, 'zorblax.digest'), NOTE);
  rmSync(join(ws, '.digestlens'), { recursive: true, force: true }); // the fixture's own entity and theme files
  mkdirSync(join(ws, '.digestlens'), { mode: 0o755 });
  return ws;
}

async function run(ws: string, body: (server: TestServer) => Promise<void>, as = RUN_AS?.as): Promise<void> {
  const server = await startServer({ folder: ws, as });
  try {
    await body(server);
    assert.equal(server.process.exitCode, null, 'the server process exited');
  } finally {
    await server.stop();
  }
}

const entityIds = async (server: TestServer, uri: string): Promise<string[]> => (await server.request('digestLens/entities', { scope: { kind: 'file', uri } })).entities.map((e: any) => e.id).sort();

/** Asks until `ask` answers `expected` (a reload of the user files re-analyses in the background). */
async function settles<T>(ask: () => Promise<T>, expected: T, what: string): Promise<void> {
  let last: T | undefined;
  for (let i = 0; i < 100; i++) {
    last = await ask();
    try {
      return assert.deepEqual(last, expected);
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  assert.deepEqual(last, expected, what);
}

test('an entity file linked out of the workspace is not read: a diagnostic says so; a link inside the folder is read', async () => {
  const ws = workspace();
  const outside = mkdtempSync(join(tmpdir(), 'digest-lens-outside-'));
  chmodSync(outside, 0o755);
  try {
    writeFileSync(join(outside, 'entities.json'), ENTITIES);
    const link = join(ws, '.digestlens', 'entities.json');
    symlinkSync(join(outside, 'entities.json'), link);
    const note = uriOf(join(ws, 'zorblax.digest'));
    await run(ws, async (server) => {
      const diags = await server.diagnostics(uriOf(link), (d) => d.length > 0);
      assert.equal(diags.length, 1);
      assert.match(diags[0].message, /links outside the workspace folder/);
      assert.ok(diags[0].message.includes(join(outside, 'entities.json')), diags[0].message);
      assert.ok(!(await entityIds(server, note)).some((id) => id.includes('zorblax')), 'nothing of the outside file was loaded');
      assert.ok(server.logs().some((l) => l.includes('not read') && l.includes('links outside')), 'the log says why');
      // The same file, linked from inside the folder: read as any entity file.
      mkdirSync(join(ws, 'shared'));
      writeFileSync(join(ws, 'shared', 'entities.json'), ENTITIES);
      unlinkSync(link);
      symlinkSync(join('..', 'shared', 'entities.json'), link);
      server.filesChanged([{ uri: uriOf(link), type: 2 }]);
      await settles(async () => (await entityIds(server, note)).filter((id) => id.includes('zorblax')), ['user:zorblax-holdings'], 'the entity of a link inside the folder');
      assert.deepEqual(await server.diagnostics(uriOf(link), (d) => d.length === 0), []);
    });
  } finally {
    removeWorkspace(ws);
    rmSync(outside, { recursive: true, force: true });
  }
});

test('a theme file and a rates file linked out of the workspace, or below a linked folder, are not read either', async () => {
  const ws = workspace();
  const outside = mkdtempSync(join(tmpdir(), 'digest-lens-outside-'));
  chmodSync(outside, 0o755);
  try {
    writeFileSync(join(outside, 'themes.json'), JSON.stringify([{ id: 'zorb', label: 'Zorb', keywords: ['融资'] }]));
    writeFileSync(join(outside, 'rates.csv'), '2025-03-18,CNY,7.0\n');
    symlinkSync(join(outside, 'themes.json'), join(ws, '.digestlens', 'themes.json'));
    // A folder link: the path has no link at its end, the folder on the way is one.
    symlinkSync(outside, join(ws, 'linked'));
    await run(ws, async (server) => {
      const themes = await server.diagnostics(uriOf(join(ws, '.digestlens', 'themes.json')), (d) => d.length > 0);
      assert.match(themes[0].message, /links outside the workspace folder/);
      const themeIds = (await server.request('digestLens/themes', { scope: { kind: 'workspace' } })).themes.map((t: any) => t.id);
      assert.ok(!themeIds.includes('zorb'), JSON.stringify(themeIds));
    });
    await startServerWithRates(ws, join('linked', 'rates.csv'));
  } finally {
    removeWorkspace(ws);
    rmSync(outside, { recursive: true, force: true });
  }
});

/** A server whose digestLens.ratesFile is `rel`: its diagnostic says the file was not read. */
async function startServerWithRates(ws: string, rel: string): Promise<void> {
  const server = await startServer({ folder: ws, as: RUN_AS?.as, settings: { ratesFile: rel } });
  try {
    const diags = await server.diagnostics(uriOf(join(ws, rel)), (d) => d.length > 0);
    assert.equal(diags.length, 1);
    assert.match(diags[0].message, /links outside the workspace folder/);
    assert.ok(server.logs().some((l) => l.includes('rates.csv not read') && l.includes('links outside')), 'the log says why');
    assert.ok(!server.logs().some((l) => /user rates: [1-9]/.test(l)), 'no rate of the outside file was installed');
  } finally {
    await server.stop();
  }
}

test('a folder and a digest without read permission are listed as skipped with the reason; the rest is indexed', { skip: NO_PERMISSIONS }, async () => {
  const ws = workspace();
  const locked = join(ws, 'locked');
  const secret = join(ws, 'secret.digest');
  mkdirSync(locked);
  writeFileSync(join(locked, 'inside.digest'), NOTE);
  writeFileSync(secret, NOTE);
  chmodSync(locked, 0o000);
  chmodSync(secret, 0o000);
  try {
    await run(ws, async (server) => {
      const status = await server.request('digestLens/status', null);
      const skipped = Object.fromEntries(status.skipped.map((s: { uri: string; reason: string }) => [s.uri, s.reason]));
      assert.equal(skipped[uriOf(locked)], 'folder cannot be read: permission denied', JSON.stringify(status.skipped));
      assert.equal(skipped[uriOf(secret)], 'file cannot be read: permission denied', JSON.stringify(status.skipped));
      // The three fixture notes and zorblax.digest are indexed.
      assert.equal(status.files, 4, JSON.stringify(status));
    });
  } finally {
    chmodSync(locked, 0o755);
    removeWorkspace(ws);
  }
});

test('a one-character alias gets a warning at its place and matches nothing; the entity still loads', async () => {
  const ws = workspace();
  try {
    const file = join(ws, '.digestlens', 'entities.json');
    const text = JSON.stringify([{ name: 'Zorblax Holdings', aliases: ['佐布拉克斯', '的'] }]);
    writeFileSync(file, text);
    writeFileSync(join(ws, 'zorblax.digest'), NOTE + '这是佐布拉克斯的第二轮融资，市场的反应积极。\n');
    await run(ws, async (server) => {
      const diags = await server.diagnostics(uriOf(file), (d) => d.length > 0);
      assert.equal(diags.length, 1);
      assert.equal(diags[0].severity, 2, 'a warning, not an error');
      assert.equal(diags[0].range.start.character, text.indexOf('"的"'));
      assert.match(diags[0].message, /Alias "的" is a single character/);
      const res = await server.request('digestLens/mentions', { scope: { kind: 'workspace' }, entityId: 'user:zorblax-holdings' });
      assert.deepEqual(res.items.map((i: any) => i.text), ['佐布拉克斯', '佐布拉克斯']);
    });
  } finally {
    removeWorkspace(ws);
  }
});

test('a digest that grew past the size cap without a file event: the next request does not read it, and it is listed as skipped', async () => {
  const ws = workspace();
  try {
    const path = join(ws, 'zorblax.digest');
    writeFileSync(path, NOTE + '腾讯 2025 年资本开支 597 亿元。\n');
    await run(ws, async (server) => {
      const uri = uriOf(path);
      // Indexed (its text not read since: no feature asked for it).
      assert.equal((await server.request('digestLens/status', null)).files, 4);
      // 1 GB, sparse: what a runaway log appending to a note looks like, with no watcher event.
      truncateSync(path, 1024 ** 3);
      const after = await server.request('digestLens/mentions', { scope: { kind: 'workspace' }, entityId: 'tencent' });
      assert.ok(Array.isArray(after.items), 'the request is answered');
      await settles(
        async () => (await server.request('digestLens/status', null)).skipped.filter((s: any) => s.uri === uri).map((s: any) => s.reason),
        ['file is 1024.0 MB, over the 2.0 MB size cap (digestLens.maxFileSize)'],
        'the grown file among the skipped',
      );
      // Linux says the process's peak memory: far below the gigabyte that was not read.
      const status = `/proc/${server.process.pid}/status`;
      if (existsSync(status)) {
        const peak = Number(readFileSync(status, 'utf8').match(/VmHWM:\s+(\d+)/)?.[1] ?? 0) * 1024;
        assert.ok(peak < 600 * 1024 * 1024, `the server's peak memory is ${Math.round(peak / 1048576)} MB: the gigabyte was read`);
      }
    });
  } finally {
    removeWorkspace(ws);
  }
});

test('a digest and a folder whose names are not UTF-8 are listed as skipped with that reason, not left out unseen', { skip: process.platform !== 'linux' && 'names of any bytes are a Linux file system trait' }, async () => {
  const ws = workspace();
  try {
    const dir = Buffer.from(ws + '/');
    writeFileSync(Buffer.concat([dir, Buffer.from([0xff, 0xfe, 0xe9]), Buffer.from('.digest')]), NOTE);
    const folder = Buffer.concat([dir, Buffer.from('notes-'), Buffer.from([0xe9])]);
    mkdirSync(folder);
    writeFileSync(Buffer.concat([folder, Buffer.from('/inside.digest')]), NOTE);
    await run(ws, async (server) => {
      const status = await server.request('digestLens/status', null);
      const reasons = status.skipped.map((s: { uri: string; reason: string }) => [decodeURIComponent(s.uri.slice(uriOf(ws).length + 1)), s.reason]).sort();
      assert.deepEqual(reasons, [
        ['notes-\uFFFD', 'folder cannot be read: its name is not valid UTF-8'],
        ['\uFFFD\uFFFD\uFFFD.digest', 'file cannot be read: its name is not valid UTF-8'],
      ]);
      assert.equal(status.files, 4, 'the rest is indexed');
    });
  } finally {
    removeWorkspace(ws);
  }
});
