/**
 * The server never writes into the workspace: a whole session on a copy of the fixture
 * workspace plus the examples/ digests — open, edit in memory, hover, references, tokens,
 * symbols, code actions (asked for, not applied), rename (prepared and computed, not
 * applied), settings changes, reindex, close, shutdown — leaves every file with the same
 * bytes and modification time, and creates nothing. Any cache the server keeps goes to the
 * cacheDir given in initializationOptions, a temp folder outside the workspace.
 * (test/e2e/suite/workspace.test.js checks the same inside VS Code.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyWorkspace, REPO, removeWorkspace, startServer, uriOf } from './harness';

interface Entry {
  kind: 'file' | 'dir';
  bytes?: Buffer;
  mtimeMs: number;
  size: number;
}

/** Every file and folder under `dir` (relative paths), files with their bytes, sizes and mtimes. */
function listing(dir: string): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const rel of readdirSync(dir, { recursive: true }).map(String).sort()) {
    const full = join(dir, rel);
    const st = statSync(full);
    if (st.isDirectory()) out.set(rel, { kind: 'dir', mtimeMs: st.mtimeMs, size: 0 });
    else out.set(rel, { kind: 'file', bytes: readFileSync(full), mtimeMs: st.mtimeMs, size: st.size });
  }
  return out;
}

test('a full session writes nothing into the workspace, and no file appears there', async () => {
  const ws = copyWorkspace();
  cpSync(join(REPO, 'examples'), join(ws, 'examples'), { recursive: true });
  const cacheDir = mkdtempSync(join(tmpdir(), 'digest-lens-cache-'));
  const before = listing(ws);
  const digests = [...before.keys()].filter((rel) => /\.digest(\.md|\.txt)?$/.test(rel));
  assert.ok(digests.length >= 8, `only ${digests.length} digests to work on`);

  const server = await startServer({ folder: ws, initializationOptions: { cacheDir } });
  try {
    const status = await server.request('digestLens/status', null);
    assert.equal(status.files, digests.length, 'every digest, the examples included, is indexed');

    // Open several files (one with unsaved edits), and use every read-only feature on them.
    const opened = digests.slice(0, 5);
    for (const rel of opened) server.open(uriOf(join(ws, rel)), readFileSync(join(ws, rel), 'utf8'));
    const english = uriOf(join(ws, 'english.digest'));
    server.change(english, readFileSync(join(ws, 'english.digest'), 'utf8') + '\nTencent raised HK$4.19B.\n');
    await server.diagnostics(english);
    for (const rel of opened) {
      const uri = uriOf(join(ws, rel));
      const textDocument = { uri };
      const symbols: any[] = await server.request('textDocument/documentSymbol', { textDocument });
      await server.request('textDocument/semanticTokens/full', { textDocument });
      await server.request('textDocument/inlayHint', { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } } });
      // Hover, references, highlights, definition and code actions on every symbol's position.
      const leaves = symbols.flatMap((s) => s.children ?? [s]).slice(0, 12);
      for (const s of leaves) {
        const position = s.selectionRange.start;
        await server.request('textDocument/hover', { textDocument, position });
        await server.request('textDocument/references', { textDocument, position, context: { includeDeclaration: true } });
        await server.request('textDocument/definition', { textDocument, position });
        await server.request('textDocument/documentHighlight', { textDocument, position });
        const diagnostics = await server.diagnostics(uri);
        await server.request('textDocument/codeAction', { textDocument, range: s.selectionRange, context: { diagnostics } });
      }
    }
    // Rename of the user entity 远澜算力 computed: the edit (entity file included) is returned, not applied.
    const simplified = { uri: uriOf(join(ws, 'simplified.digest.md')) };
    await server.request('textDocument/prepareRename', { textDocument: simplified, position: { line: 5, character: 1 } });
    const edit = await server.request('textDocument/rename', { textDocument: simplified, position: { line: 5, character: 1 }, newName: '远澜计算' });
    assert.ok(edit, 'rename answered nothing');
    await server.request('workspace/symbol', { query: 'Tencent' });
    await server.request('digestLens/figures', { scope: { kind: 'workspace' } });

    // Settings changes and a reindex.
    const reindexed = server.waitForIndex();
    server.changeSettings({ baseCurrency: 'CNY', inlayHints: true, displayCurrencies: ['CNY', 'EUR'] });
    await reindexed;
    await server.request('digestLens/reindex', null);

    for (const rel of opened) server.close(uriOf(join(ws, rel)));
    await server.waitFor('digestLens/indexChanged', () => true, 15000, server.notifications.length);
  } finally {
    await server.stop();
  }
  try {
    assert.equal(server.notifications.filter((n) => n.method === 'workspace/applyEdit').length, 0, 'the server asked to apply an edit on its own');
    const after = listing(ws);
    assert.deepEqual([...after.keys()], [...before.keys()], 'files or folders were created or removed in the workspace');
    for (const [rel, b] of before) {
      const a = after.get(rel)!;
      assert.equal(a.kind, b.kind, `${rel} changed kind`);
      if (b.kind === 'dir') continue;
      assert.ok(a.bytes!.equals(b.bytes!), `${rel} changed`);
      assert.equal(a.mtimeMs, b.mtimeMs, `${rel} was written (mtime changed)`);
    }
    // Whatever the server cached stayed in the cache folder (it may be empty).
    const cached = readdirSync(cacheDir, { recursive: true }).map(String);
    assert.ok(cached.every((f) => !f.includes('..')), `cache files: ${cached.join(', ')}`);
  } finally {
    removeWorkspace(ws);
    removeWorkspace(cacheDir);
  }
});
