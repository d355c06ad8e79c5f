/**
 * Hostile entity and theme files against the real server over JSON-RPC (issue 14): deep
 * nesting on disk and typed into the open entity file, a 50 MB entity file, a theme file of
 * thousands of one-character keywords, prototype keys ("__proto__", "constructor") as ids,
 * names, aliases, tickers and theme ids, and any text at all as the open entity file (a
 * property test). Each time: the file's problems are published as diagnostics, the
 * process lives, and the built-in data answers as before (hover, Tencent's references).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { copyWorkspace, removeWorkspace, startServer, uriOf, type TestServer } from './harness';
import { parseUserEntities } from '../../server/src/analysis/userFiles/entities';
import { parseUserThemes } from '../../server/src/analysis/userFiles/themes';
import { deepNesting, manyEntities, oneCharacterThemes } from '../../scripts/lib/hostileUserFiles.mjs';

/** A hover on the figure 59.7 billion yuan of english.digest (line 2): the analysis answers. */
async function figureHover(server: TestServer, note: string): Promise<string> {
  const hover = await server.request('textDocument/hover', { textDocument: { uri: note }, position: { line: 2, character: 18 } });
  assert.ok(hover, 'no hover on 59.7 billion yuan');
  return hover.contents.value as string;
}

/** Tencent's references from english.digest, as "uri line:character" (sorted). */
async function tencent(server: TestServer, note: string): Promise<string[]> {
  const refs: any[] = await server.request('textDocument/references', { textDocument: { uri: note }, position: { line: 2, character: 2 }, context: { includeDeclaration: true } });
  return (refs ?? []).map((r) => `${r.uri} ${r.range.start.line}:${r.range.start.character}`).sort();
}

/** Asks until `ask` answers `expected` (a reload of the user files re-analyses in the background). */
async function settles<T>(ask: () => Promise<T>, expected: T, what: string): Promise<void> {
  let last: T | undefined;
  for (let i = 0; i < 100; i++) {
    last = await ask();
    try {
      assert.deepEqual(last, expected);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  assert.deepEqual(last, expected, what);
}

/** The problems of a user file as the server publishes them: 0-based line, column, message. */
const asDiagnostics = (errors: { line: number; column: number; message: string }[]) => errors.map((e) => `${e.line - 1}:${e.column - 1} ${e.message}`);
const published = (diags: any[]) => diags.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`);

async function withWorkspace(run: (server: TestServer, ws: string, paths: { entities: string; themes: string; note: string }) => Promise<void>): Promise<void> {
  const ws = copyWorkspace();
  mkdirSync(join(ws, '.digestlens'), { recursive: true });
  const server = await startServer({ folder: ws });
  try {
    await run(server, ws, { entities: join(ws, '.digestlens', 'entities.json'), themes: join(ws, '.digestlens', 'themes.json'), note: uriOf(join(ws, 'english.digest')) });
    assert.equal(server.process.exitCode, null, 'the server process exited');
  } finally {
    await server.stop();
    removeWorkspace(ws);
  }
}

test('5,000 nested "[" on disk, then typed into the open entity file: a diagnostic, and the built-in data still answers', async () => {
  await withWorkspace(async (server, _ws, p) => {
    const before = await tencent(server, p.note);
    assert.ok(before.length >= 2, 'Tencent is found in the fixture notes');
    const uri = uriOf(p.entities);
    writeFileSync(p.entities, deepNesting(5000));
    server.filesChanged([{ uri, type: 2 }]);
    const onDisk = await server.diagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(published(onDisk), ['0:64 Nesting deeper than 64 levels']);
    assert.equal(onDisk[0].code, 'user-file');
    await settles(() => tencent(server, p.note), before, 'Tencent after a nested file on disk');

    // Typed into the editor: the open document's text is what counts.
    server.open(uri, '[{"name": "Typed Co"}]', 'json');
    await server.diagnostics(uri, (d) => d.length === 0);
    server.change(uri, deepNesting(5000) + ']'.repeat(5000));
    const typed = await server.diagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(published(typed), ['0:64 Nesting deeper than 64 levels']);
    assert.match(await figureHover(server, p.note), /59\.7 billion yuan/);
    await settles(() => tencent(server, p.note), before, 'Tencent after nesting typed in the editor');
  });
});

test('a 50 MB entity file of 200,000 entities: one diagnostic, nothing of it loaded, the built-in data unchanged', async () => {
  await withWorkspace(async (server, _ws, p) => {
    const before = await tencent(server, p.note);
    const uri = uriOf(p.entities);
    writeFileSync(p.entities, manyEntities(50));
    server.filesChanged([{ uri, type: 2 }]);
    const diags = await server.diagnostics(uri, (d) => d.length > 0);
    assert.equal(diags.length, 1);
    assert.equal(diags[0].code, 'user-file');
    assert.match(diags[0].message, /too large/i);
    const listed = await server.request('digestLens/entities', { scope: { kind: 'workspace' } });
    assert.ok(!listed.entities.some((e: any) => /^e\d+$/.test(e.id)), 'no entity of the huge file is used');
    await settles(() => tencent(server, p.note), before, 'Tencent after a 50 MB entity file');
    assert.match(await figureHover(server, p.note), /59\.7 billion yuan/);
  });
});

test('20,000 themes of keywords "的" and "1": at most 101 diagnostics, no theme from them, the notes keep their themes', async () => {
  await withWorkspace(async (server, _ws, p) => {
    const themesOf = async () => (await server.request('digestLens/themes', { scope: { kind: 'workspace' } })).themes.map((t: any) => JSON.stringify(t)).sort();
    const before = await themesOf();
    assert.ok(before.length > 0, 'the fixture notes have themes');
    const uri = uriOf(p.themes);
    const text = oneCharacterThemes(20_000);
    writeFileSync(p.themes, text);
    server.filesChanged([{ uri, type: 1 }]);
    const diags = await server.diagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(published(diags), asDiagnostics(parseUserThemes(text, uri).errors));
    assert.equal(diags.length, 101);
    assert.match(diags[100].message, /more problem\(s\) not shown/);
    await settles(themesOf, before, 'themes after a file of one-character keywords');
    assert.match(await figureHover(server, p.note), /59\.7 billion yuan/);
  });
});

test('prototype keys as entity ids, names, aliases, tickers and theme ids: every built-in company answers as before', async () => {
  await withWorkspace(async (server, _ws, p) => {
    const keys = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];
    const builtin = async () => {
      const listed = await server.request('digestLens/entities', { scope: { kind: 'workspace' } });
      return listed.entities.filter((e: any) => !keys.includes(e.id) && !String(e.id).startsWith('user:') && e.id !== 'yuanlan-compute').map((e: any) => `${e.id} ${e.mentions} ${e.files}`).sort();
    };
    const before = { refs: await tencent(server, p.note), entities: await builtin() };
    // The fixture's own entry stays; the prototype keys come after it.
    const own = JSON.parse(readFileSync(p.entities, 'utf8')).entities;
    writeFileSync(
      p.entities,
      JSON.stringify([
        ...own,
        ...keys.map((k, i) => ({ id: k, name: keys[(i + 1) % keys.length], aliases: [k, keys[(i + 2) % keys.length]], tickers: [k, `HK:${k}`], kind: i % 2 ? 'constructor' : 'company' })),
        ...keys.map((k) => ({ name: k })),
      ]),
    );
    writeFileSync(p.themes, JSON.stringify(keys.map((k) => ({ id: k.toLowerCase().replace(/_/g, ''), label: k, keywords: [k, `${k}s`] }))));
    server.filesChanged([{ uri: uriOf(p.entities), type: 2 }, { uri: uriOf(p.themes), type: 1 }]);
    // Half the entries are of an unknown kind: their diagnostics say the file was read.
    await server.diagnostics(uriOf(p.entities), (d) => d.length === keys.length / 2);
    await settles(async () => ({ refs: await tencent(server, p.note), entities: await builtin() }), before, 'built-in companies after prototype keys');
    assert.match(await figureHover(server, p.note), /59\.7 billion yuan/);
  });
});

// Any text as the open entity file: random characters, fragments of JSON and CSV, deep
// nesting, long strings (within 300 KB). The server publishes exactly the problems the
// parser finds, and a hover on a note still answers after each.
const fragment = fc.oneof(
  fc.constantFrom('[', ']', '{', '}', ',', ':', '"name"', '"id"', '"aliases"', '"tickers"', '"kind"', '"__proto__"', '"constructor"', '"腾讯"', 'null', 'true', '1e999', '-0', '//', '/*', '*/', '\\u0000', '\uFEFF', '\uD800', '\n', '\r\n', ' '),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 1, max: 300 }).map((n) => '['.repeat(n)),
  fc.integer({ min: 1, max: 300 }).map((n) => '{"a":'.repeat(n)),
  fc.integer({ min: 1, max: 3 }).map((n) => `"${'名'.repeat(n * 100_000)}"`),
  fc.record({ name: fc.string({ maxLength: 120 }), aliases: fc.array(fc.string({ maxLength: 120 }), { maxLength: 60 }), kind: fc.string({ maxLength: 12 }) }).map((e) => JSON.stringify(e)),
);
const entityText = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));

test('property: any text typed as the entity file gets its problems published, and the server keeps answering', async () => {
  await withWorkspace(async (server, _ws, p) => {
    const uri = uriOf(p.entities);
    server.open(uri, '[]', 'json');
    await server.diagnostics(uri, (d) => d.length === 0);
    let round = 0;
    await fc.assert(
      fc.asyncProperty(entityText, async (text) => {
        // A line break first in every other round moves the problems, so that a round's
        // diagnostics are rarely those of the round before.
        const marked = `${'\n'.repeat(round++ % 2)}${text}`;
        server.change(uri, marked);
        const expected = asDiagnostics(parseUserEntities(marked, uri).errors);
        const diags = await server.diagnostics(uri, (d) => JSON.stringify(published(d)) === JSON.stringify(expected));
        assert.deepEqual(published(diags), expected);
        assert.match(await figureHover(server, p.note), /59\.7 billion yuan/);
      }),
      { seed: 1414, numRuns: 30, endOnFailure: true },
    );
    // From disk too: the last text written to the file and the editor closed.
    server.close(uri);
    writeFileSync(p.entities, deepNesting(10_000) + '"' + 'x'.repeat(100_000));
    server.filesChanged([{ uri, type: 2 }]);
    const disk = await server.diagnostics(uri, (d) => d.length > 0 && /Nesting/.test(d[0].message));
    assert.equal(disk.length, 1);
    assert.match(await figureHover(server, p.note), /59\.7 billion yuan/);
  });
});
