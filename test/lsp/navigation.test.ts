/**
 * Navigation over JSON-RPC against the real server: references, highlights, definition,
 * workspace and document symbols, rename, on a copy of the three-script fixture workspace
 * and on the real seed digests.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { copyWorkspace, removeWorkspace, startServer, uriOf, type TestServer } from './harness';
import { needShared } from '../helpers/requires';

interface Loc { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }

/** Position of the n-th occurrence of `needle` in a file, plus `delta` characters. */
function pos(path: string, needle: string, n = 0, delta = 0): { line: number; character: number } {
  const text = readFileSync(path, 'utf8');
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `${needle} not found in ${path}`);
  i += delta;
  const before = text.slice(0, i);
  const line = before.split('\n').length - 1;
  return { line, character: i - (before.lastIndexOf('\n') + 1) };
}

/** The text a location covers, read from disk (ranges are single-line here). */
function textOf(loc: Loc, dirOf: (uri: string) => string): string {
  const line = readFileSync(dirOf(loc.uri), 'utf8').split('\n')[loc.range.start.line];
  return line.slice(loc.range.start.character, loc.range.end.character);
}

let ws: string;
let server: TestServer;
const file = (name: string) => join(ws, name);
const uri = (name: string) => uriOf(file(name));
const pathOf = (u: string) => join(ws, ...decodeURIComponent(u.slice(uriOf(ws).length + 1)).split('/'));

before(async () => {
  ws = copyWorkspace();
  server = await startServer({ folder: ws });
  server.open(uri('english.digest'), readFileSync(file('english.digest'), 'utf8'));
});
after(async () => {
  await server.stop();
  removeWorkspace(ws);
});

const refs = (name: string, position: { line: number; character: number }, includeDeclaration = true) =>
  server.request<Loc[]>('textDocument/references', { textDocument: { uri: uri(name) }, position, context: { includeDeclaration } });

test('references from "Tencent" reach every script in every file', async () => {
  const found = await refs('english.digest', pos(file('english.digest'), 'Tencent', 1, 3));
  const seen = found.map((l) => [basename(pathOf(l.uri)), textOf(l, pathOf)]).sort();
  assert.deepEqual(seen, [
    ['english.digest', 'Tencent'], ['english.digest', 'Tencent'], ['simplified.digest.md', '腾讯'], ['traditional.digest.txt', '騰訊控股'],
  ]);
  const without = await refs('english.digest', pos(file('english.digest'), 'Tencent'), false);
  assert.equal(without.length, 3, 'the declaration (earliest-dated mention) is left out');
});

test('references from the ticker 0700.HK in a file that is not open', async () => {
  const found = await refs('traditional.digest.txt', pos(file('traditional.digest.txt'), '0700.HK', 0, 2));
  assert.equal(new Set(found.map((l) => l.uri)).size, 3);
  assert.deepEqual(found.map((l) => textOf(l, pathOf)).sort(), ['Tencent', 'Tencent', '腾讯', '騰訊控股']);
  // A figure has no references.
  assert.equal(await refs('traditional.digest.txt', pos(file('traditional.digest.txt'), '612.5')), null);
});

test('highlights mark every Microsoft in the document, the one under the cursor as Text', async () => {
  const hl = await server.request<any[]>('textDocument/documentHighlight', { textDocument: { uri: uri('english.digest') }, position: pos(file('english.digest'), 'Microsoft', 2, 4) });
  assert.equal(hl.length, 3);
  assert.deepEqual(hl.map((h) => h.kind), [2, 2, 1]);
  assert.ok(hl.every((h) => textOf({ uri: uri('english.digest'), range: h.range }, pathOf) === 'Microsoft'));
});

test('definition of a built-in company is its earliest-dated mention', async () => {
  const def = await server.request<Loc>('textDocument/definition', { textDocument: { uri: uri('english.digest') }, position: pos(file('english.digest'), 'Tencent') });
  // simplified.digest.md is dated 2026-01-14, the earliest of the three.
  assert.equal(def.uri, uri('simplified.digest.md'));
  assert.equal(textOf(def, pathOf), '腾讯');
});

test('definition of the user entity is its entry in .digestlens/entities.json', async () => {
  const def = await server.request<Loc>('textDocument/definition', { textDocument: { uri: uri('traditional.digest.txt') }, position: pos(file('traditional.digest.txt'), '遠瀾算力', 0, 1) });
  assert.equal(def.uri, uri('.digestlens/entities.json'));
  assert.equal(textOf(def, pathOf), '远澜算力');
  assert.match(readFileSync(file('.digestlens/entities.json'), 'utf8').split('\n')[def.range.start.line], /"name"/);
});

test('workspace symbols find Tencent as 騰訊, 腾讯 and tencent', async () => {
  for (const query of ['騰訊', '腾讯', 'tencent']) {
    const symbols = await server.request<any[]>('workspace/symbol', { query });
    // Labelled with the alias that matched when the name does not contain the query: the
    // editor filters workspace symbols by label.
    assert.ok(symbols[0].name === 'Tencent' || symbols[0].name.startsWith('Tencent · '), query);
    assert.ok(symbols[0].name.toLowerCase().includes(query), `${query}: ${symbols[0].name}`);
    assert.equal(symbols[0].containerName, '4 mentions in 3 files');
  }
});

test('document symbols: the section of english.digest holds its companies and figures', async () => {
  const symbols = await server.request<any[]>('textDocument/documentSymbol', { textDocument: { uri: uri('english.digest') } });
  assert.equal(symbols.length, 1);
  const names = symbols[0].children.map((c: any) => c.name);
  assert.ok(names.includes('Microsoft') && names.includes('59.7 billion yuan'), names.join(', '));
  assert.equal(symbols[0].children.find((c: any) => c.name === 'Microsoft').detail, '3 mentions');
});

test('prepareRename refuses a built-in company with a clear message', async () => {
  await assert.rejects(
    server.request('textDocument/prepareRename', { textDocument: { uri: uri('english.digest') }, position: pos(file('english.digest'), 'Tencent') }),
    (e: any) => /Only entities from your entity file can be renamed; Tencent is built in/.test(e.message),
  );
  const ok = await server.request<any>('textDocument/prepareRename', { textDocument: { uri: uri('simplified.digest.md') }, position: pos(file('simplified.digest.md'), '远澜算力') });
  assert.equal(ok.placeholder, '远澜算力');
});

test('rename of the user entity is one WorkspaceEdit over both digests and the entity file', async () => {
  const edit = await server.request<any>('textDocument/rename', { textDocument: { uri: uri('simplified.digest.md') }, position: pos(file('simplified.digest.md'), '远澜算力', 0, 2), newName: '远澜智算' });
  const byUri = new Map<string, any>(edit.documentChanges.map((c: any) => [c.textDocument.uri, c]));
  assert.deepEqual([...byUri.keys()].sort(), [uri('.digestlens/entities.json'), uri('simplified.digest.md'), uri('traditional.digest.txt')].sort());
  assert.deepEqual(byUri.get(uri('simplified.digest.md')).edits.map((e: any) => [textOf({ uri: uri('simplified.digest.md'), range: e.range }, pathOf), e.newText]), [['远澜算力', '远澜智算']]);
  assert.equal(byUri.get(uri('traditional.digest.txt')).textDocument.version, null, 'not open: null version');
  // Nothing is written by the server: the client applies the edit.
  assert.match(readFileSync(file('simplified.digest.md'), 'utf8'), /远澜算力/);
});

test('a digest deleted on disk leaves the references', async () => {
  const dir = copyWorkspace();
  const s = await startServer({ folder: dir });
  try {
    const english = join(dir, 'english.digest');
    const ask = () => s.request<Loc[]>('textDocument/references', { textDocument: { uri: uriOf(join(dir, 'simplified.digest.md')) }, position: pos(join(dir, 'simplified.digest.md'), '腾讯'), context: { includeDeclaration: true } });
    assert.equal((await ask()).length, 4);
    unlinkSync(english);
    s.filesChanged([{ uri: uriOf(english), type: 3 }]);
    await s.waitFor('digestLens/indexChanged', (p) => p.files === 2);
    const after = await ask();
    assert.equal(after.length, 2);
    assert.ok(!after.some((l) => l.uri === uriOf(english)));
  } finally {
    await s.stop();
    removeWorkspace(dir);
  }
});

test('as a user would: the seed digests, references for Tencent and highlights for Microsoft', async (t) => {
  const seeds = needShared(t, 'seeds');
  if (!seeds) return;
  const dir = mkdtempSync(join(tmpdir(), 'digest-lens-seeds-'));
  for (const f of readdirSync(seeds).filter((n) => n.endsWith('.txt'))) copyFileSync(join(seeds, f), join(dir, f.replace(/\.txt$/, '.digest.txt')));
  const s = await startServer({ folder: dir });
  try {
    const name = (prefix: string) => join(dir, readdirSync(dir).find((n) => n.startsWith(prefix))!);
    const d001 = name('001_');
    const found = await s.request<Loc[]>('textDocument/references', { textDocument: { uri: uriOf(d001) }, position: pos(d001, 'Tencent'), context: { includeDeclaration: true } });
    const perFile = new Map<string, string[]>();
    for (const l of found) {
      const p = join(dir, decodeURIComponent(l.uri.slice(uriOf(dir).length + 1)));
      perFile.set(basename(p).slice(0, 3), [...(perFile.get(basename(p).slice(0, 3)) ?? []), textOf(l, () => p)]);
    }
    const counts = Object.fromEntries([...perFile].sort().map(([k, v]) => [k, v.length]));
    console.log(`seed references for Tencent: ${found.length} in ${perFile.size} files ${JSON.stringify(counts)}, spellings ${JSON.stringify([...new Set([...perFile.values()].flat())])}`);
    // The seeds write Tencent (001), 腾讯 and 腾讯控股 (002) and 腾讯 (003).
    assert.deepEqual(counts, { '001': 4, '002': 8, '003': 2 });
    assert.ok(perFile.get('002')!.includes('腾讯控股') && perFile.get('002')!.includes('腾讯'));
    assert.ok(perFile.get('003')!.includes('腾讯'));
    const hl = await s.request<any[]>('textDocument/documentHighlight', { textDocument: { uri: uriOf(d001) }, position: pos(d001, 'Microsoft') });
    const micro = readFileSync(d001, 'utf8').split('Microsoft').length - 1;
    console.log(`seed highlights for Microsoft in 001: ${hl.length} (the text has ${micro} "Microsoft")`);
    assert.equal(hl.length, micro);
  } finally {
    await s.stop();
    removeWorkspace(dir);
  }
});
