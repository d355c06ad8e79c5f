/**
 * Fault isolation over JSON-RPC: malformed requests that make a feature throw fail that
 * request only (an error answer or an empty one), the server keeps serving, and the log
 * records a failing feature once however often it fails. Requests for documents the server
 * does not know answer empty at once, and documents of other uri schemes (untitled:,
 * vscode-vfs:) — what a virtual workspace opens — are analysed like any other.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { copyWorkspace, removeWorkspace, startServer, uriOf, type TestServer } from './harness';

/** Answer of a request, or the error it failed with (never a rejection of the test). */
async function outcome(p: Promise<unknown>): Promise<{ ok: true; value: any } | { ok: false; error: any }> {
  try {
    return { ok: true, value: await p };
  } catch (error) {
    return { ok: false, error };
  }
}

/** The log lines (window/logMessage) that report a failure of `feature`. */
function failures(server: TestServer, feature: string): string[] {
  return server.logs().filter((l) => l.includes(`${feature} failed`));
}

/** A normal hover on the figure 59.7 billion yuan of english.digest (line 2). */
async function figureHover(server: TestServer, uri: string): Promise<string> {
  const hover = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 18 } });
  assert.ok(hover, 'no hover on 59.7 billion yuan');
  return hover.contents.value as string;
}

/** References of Tencent from english.digest: every mention in the three fixture files. */
async function tencentReferences(server: TestServer, uri: string): Promise<any[]> {
  return server.request('textDocument/references', { textDocument: { uri }, position: { line: 2, character: 2 }, context: { includeDeclaration: true } });
}

test('a feature that throws fails that request only; the server keeps serving and logs it once', async () => {
  const ws = copyWorkspace();
  const server = await startServer({ folder: ws });
  try {
    const uri = uriOf(join(ws, 'english.digest'));
    // Baseline: hover and references work before anything goes wrong.
    assert.match(await figureHover(server, uri), /59\.7 billion yuan/);
    const before = await tencentReferences(server, uri);
    assert.equal(new Set(before.map((l) => l.uri)).size, 3);

    // A hover without a position: the feature dereferences it and throws.
    const noPosition = await outcome(server.request('textDocument/hover', { textDocument: { uri } }));
    assert.equal(noPosition.ok, false, `a hover without a position answered ${JSON.stringify((noPosition as any).value)}`);
    assert.equal((noPosition as any).error.code, -32603, 'the failure is an InternalError answer');
    await server.waitFor('window/logMessage', (p) => String(p.message).includes('hover failed'));
    // The same failure again: answered with an error again, logged no second time.
    const again = await outcome(server.request('textDocument/hover', { textDocument: { uri }, position: null }));
    assert.equal(again.ok, false);

    // A semantic-tokens range with a string for `line` and no end: the feature fails, twice.
    for (let i = 0; i < 2; i++) {
      const tokens = await outcome(
        server.request('textDocument/semanticTokens/range', { textDocument: { uri }, range: { start: { line: 'zero', character: 0 }, end: null } }),
      );
      assert.ok(!tokens.ok || tokens.value === null, `tokens answered ${JSON.stringify((tokens as any).value)}`);
    }
    // References without a position, and for a uri that is no digest at all.
    const noPosition2 = await outcome(server.request('textDocument/references', { textDocument: { uri }, context: { includeDeclaration: true } }));
    assert.ok(!noPosition2.ok || noPosition2.value === null, `references without a position: ${JSON.stringify((noPosition2 as any).value)}`);
    const notDigest = await server.request('textDocument/references', {
      textDocument: { uri: uriOf(join(ws, '.digestlens', 'entities.json')) },
      position: { line: 0, character: 0 },
      context: { includeDeclaration: true },
    });
    assert.ok(notDigest === null || (Array.isArray(notDigest) && notDigest.length === 0), `references in a JSON file: ${JSON.stringify(notDigest)}`);
    // A code action request missing its range and context.
    const actions = await outcome(server.request('textDocument/codeAction', { textDocument: { uri } }));
    assert.ok(!actions.ok || actions.value === null || (Array.isArray(actions.value) && actions.value.length === 0));

    // Still serving: the same hover and references as before the faults.
    assert.match(await figureHover(server, uri), /59\.7 billion yuan/);
    assert.deepEqual(await tencentReferences(server, uri), before);
    const status = await server.request('digestLens/status', null);
    assert.equal(status.files, 3);
    assert.equal(server.process.exitCode, null, 'the server process exited');

    // Each failing feature was logged exactly once, with its stack, although hover failed twice.
    assert.equal(failures(server, 'hover').length, 1, `hover failures logged: ${failures(server, 'hover').join(' | ')}`);
    assert.match(failures(server, 'hover')[0], /TypeError/);
    assert.equal(failures(server, 'semanticTokens').length, 1, 'semanticTokens failed twice and is logged once');
    for (const feature of ['references', 'codeActions']) assert.ok(failures(server, feature).length <= 1, `${feature} logged ${failures(server, feature).length} times`);
  } finally {
    await server.stop();
    removeWorkspace(ws);
  }
});

test('requests for a file the index does not hold answer empty, at once', async () => {
  const ws = copyWorkspace();
  const server = await startServer({ folder: ws });
  try {
    const unknown = uriOf(join(ws, 'never-opened', 'ghost.digest'));
    const at = { textDocument: { uri: unknown }, position: { line: 0, character: 0 } };
    const started = Date.now();
    const [hover, refs, defs, symbols, tokens, highlights, actions, hints] = await Promise.all([
      server.request('textDocument/hover', at),
      server.request('textDocument/references', { ...at, context: { includeDeclaration: true } }),
      server.request('textDocument/definition', at),
      server.request('textDocument/documentSymbol', { textDocument: { uri: unknown } }),
      server.request('textDocument/semanticTokens/full', { textDocument: { uri: unknown } }),
      server.request('textDocument/documentHighlight', at),
      server.request('textDocument/codeAction', { textDocument: { uri: unknown }, range: { start: at.position, end: at.position }, context: { diagnostics: [] } }),
      server.request('textDocument/inlayHint', { textDocument: { uri: unknown }, range: { start: at.position, end: { line: 10, character: 0 } } }),
    ]);
    const elapsed = Date.now() - started;
    const empty = (v: any) => v === null || (Array.isArray(v) && v.length === 0);
    assert.equal(hover, null);
    assert.ok(empty(refs), `references: ${JSON.stringify(refs)}`);
    assert.ok(empty(defs), `definition: ${JSON.stringify(defs)}`);
    assert.ok(empty(symbols), `symbols: ${JSON.stringify(symbols)}`);
    assert.deepEqual(tokens?.data ?? [], []);
    assert.ok(empty(highlights), `highlights: ${JSON.stringify(highlights)}`);
    assert.ok(empty(actions), `code actions: ${JSON.stringify(actions)}`);
    assert.ok(empty(hints), `inlay hints: ${JSON.stringify(hints)}`);
    // Answered from the index, not by reading or waiting: well under a second for all eight.
    assert.ok(elapsed < 1000, `eight requests on an unknown file took ${elapsed} ms`);
    assert.equal(server.logs().filter((l) => / failed:/.test(l)).length, 0, 'an unknown file made a feature fail');
  } finally {
    await server.stop();
    removeWorkspace(ws);
  }
});

test('documents of other schemes (untitled:, vscode-vfs:) are analysed: hover and references within open documents', async () => {
  const ws = copyWorkspace();
  const server = await startServer({ folder: ws });
  try {
    const untitled = 'untitled:Untitled-1';
    const virtual = 'vscode-vfs://github/acme/notes/week.digest';
    server.open(untitled, 'Tencent raised $2 billion in bonds.\n');
    server.open(virtual, '腾讯 计划投入 1,600 亿元。\n');
    await server.waitFor('digestLens/indexChanged', (p) => p.files === 5);

    const hover = await server.request('textDocument/hover', { textDocument: { uri: untitled }, position: { line: 0, character: 17 } });
    assert.ok(hover, 'no hover on $2 billion in an untitled document');
    assert.match(hover.contents.value, /\$2 billion/);
    const vhover = await server.request('textDocument/hover', { textDocument: { uri: virtual }, position: { line: 0, character: 10 } });
    assert.ok(vhover, 'no hover on 1,600 亿元 in a vscode-vfs document');
    assert.match(vhover.contents.value, /1,600 亿元/);

    // References of Tencent from the untitled document reach the other open document and the workspace.
    const refs: any[] = await server.request('textDocument/references', { textDocument: { uri: untitled }, position: { line: 0, character: 2 }, context: { includeDeclaration: true } });
    const uris = new Set(refs.map((r) => r.uri));
    assert.ok(uris.has(untitled) && uris.has(virtual), `references: ${[...uris].join(', ')}`);
    assert.equal(uris.size, 5, 'three workspace digests and the two open documents');

    // Tokens and symbols on the virtual document; closing them drops them from the index without an error.
    const tokens = await server.request('textDocument/semanticTokens/full', { textDocument: { uri: virtual } });
    assert.ok(tokens.data.length >= 10, 'no tokens in the vscode-vfs document');
    const seen = server.notifications.length;
    server.close(untitled);
    server.close(virtual);
    await server.waitFor('digestLens/indexChanged', (p) => p.files === 3, 15000, seen);
    assert.equal((await server.request('digestLens/status', null)).files, 3);
    assert.equal(server.logs().filter((l) => / failed:|cannot read/.test(l)).length, 0, `errors: ${server.logs().join(' | ')}`);
  } finally {
    await server.stop();
    removeWorkspace(ws);
  }
});
