/**
 * One file, one entry, whatever the client's spelling of its uri (uriKey.ts, protocolGate.ts):
 * a workspace whose paths have parentheses, `@`, spaces, `#` and Chinese characters, a note
 * opened, queried and closed under random spellings, and a Created event for a copy under
 * Node's spelling, each give the references a cold server gives.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIXTURE_WORKSPACE, removeWorkspace, startServer, uriOf, type TestServer } from './harness';
import { seeded, spellFileUri } from './uriSpellings';

/** A workspace of the fixture notes under awkward names. */
function awkwardWorkspace(): { ws: string; note: string } {
  const ws = mkdtempSync(join(tmpdir(), 'digest-lens-ws-'));
  const folder = join(ws, 'notes (2025)@home');
  mkdirSync(folder);
  const note = join(folder, 'a(b).digest');
  copyFileSync(join(FIXTURE_WORKSPACE, 'english.digest'), note);
  copyFileSync(join(FIXTURE_WORKSPACE, 'english.digest'), join(ws, '笔记 #1.digest'));
  copyFileSync(join(FIXTURE_WORKSPACE, 'simplified.digest.md'), join(folder, '周报 (1).digest.md'));
  return { ws, note };
}

/** Tencent's references (line 3 of the English note opens with it), as their count and their files. */
async function tencent(server: TestServer, uri: string): Promise<{ count: number; files: number }> {
  const refs: any[] = await server.request('textDocument/references', { textDocument: { uri }, position: { line: 2, character: 2 }, context: { includeDeclaration: false } });
  assert.ok(Array.isArray(refs), `references from ${uri}`);
  return { count: refs.length, files: new Set(refs.map((r) => r.uri)).size };
}

async function coldCount(ws: string, note: string): Promise<{ count: number; files: number }> {
  const cold = await startServer({ folder: ws });
  try {
    return await tencent(cold, uriOf(note));
  } finally {
    await cold.stop();
  }
}

test('a note opened under any spelling of its uri is one entry: references as a cold server counts them', async () => {
  const { ws, note } = awkwardWorkspace();
  const text = readFileSync(note, 'utf8');
  try {
    const expected = await coldCount(ws, note);
    assert.ok(expected.files >= 2, 'Tencent is in both English notes');
    const server = await startServer({ folder: ws });
    try {
      const random = seeded(14);
      const spellings = [pathToFileURL(note).href, ...Array.from({ length: 12 }, () => spellFileUri(note, random))];
      for (const spelling of spellings) {
        server.open(spelling, text);
        assert.deepEqual(await tencent(server, spelling), expected, `open as ${spelling}`);
        assert.deepEqual(await tencent(server, uriOf(note)), expected, `asked as vscode-uri spells it, open as ${spelling}`);
        server.close(spelling);
      }
      assert.deepEqual(await tencent(server, uriOf(note)), expected, 'after every close');
    } finally {
      await server.stop();
    }
  } finally {
    removeWorkspace(ws);
  }
});

test('a Created event for a copy, and a Changed event for a known note, under Node spelling: as a cold server', async () => {
  const { ws, note } = awkwardWorkspace();
  try {
    const server = await startServer({ folder: ws });
    try {
      const before = await tencent(server, uriOf(note));
      server.open(pathToFileURL(note).href, readFileSync(note, 'utf8'));
      const copy = join(ws, 'notes (2025)@home', 'a(b) copy #2.digest');
      copyFileSync(note, copy);
      const since = server.notifications.length;
      server.filesChanged([
        { uri: pathToFileURL(copy).href, type: 1 },
        { uri: pathToFileURL(note).href, type: 2 },
        { uri: spellFileUri(join(ws, '笔记 #1.digest'), seeded(7)), type: 2 },
      ]);
      await server.waitFor('digestLens/indexChanged', (p) => p.indexing === false && p.uris !== 'all' && p.uris.includes(uriOf(copy)), 15000, since);
      const after = await tencent(server, pathToFileURL(note).href);
      const cold = await coldCount(ws, note);
      assert.deepEqual(after, cold);
      assert.equal(after.files, before.files + 1, 'the copy is one more file');
    } finally {
      await server.stop();
    }
  } finally {
    removeWorkspace(ws);
  }
});
