/**
 * A multi-root workspace: two folders, each with its own entity and theme file (folder B's
 * at a path of its own, set by its folder setting). Each folder's notes recognise their own
 * folder's entities and themes only; definition goes to the entry in the note's own folder's
 * file and rename edits that file.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeWorkspace, startServer, uriOf, type TestServer } from './harness';

const NOTE = [
  '2025年9月3日',
  '',
  '北风智算完成 12 亿元 B 轮融资，将用于量子退火芯片。',
  '南风生物宣布投入 3 亿元研发可控核聚变材料。',
  '北风智算与南风生物签署合作协议。',
  '',
].join('\n');

let root: string;
let a: string;
let b: string;
let server: TestServer;

const entityA = {
  entities: [{ id: 'beifeng-compute', name: '北风智算', aliases: ['Beifeng Compute'], tickers: [], kind: 'private' }],
};
const themeA = [{ id: 'quantum-annealing', label: 'Quantum annealing', keywords: ['量子退火'] }];
const entityB = 'id,name,aliases,tickers,kind\nnanfeng-bio,南风生物,Nanfeng Bio,,private\n';
const themeB = [{ id: 'fusion-materials', label: 'Fusion materials', keywords: ['可控核聚变'] }];

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'digest-lens-multi-'));
  a = join(root, 'alpha');
  b = join(root, 'beta');
  mkdirSync(join(a, '.digestlens'), { recursive: true });
  mkdirSync(join(b, 'config'), { recursive: true });
  writeFileSync(join(a, '.digestlens', 'entities.json'), JSON.stringify(entityA, null, 2) + '\n');
  writeFileSync(join(a, '.digestlens', 'themes.json'), JSON.stringify(themeA, null, 2) + '\n');
  writeFileSync(join(b, 'config', 'entities.csv'), entityB);
  writeFileSync(join(b, 'config', 'themes.json'), JSON.stringify(themeB, null, 2) + '\n');
  writeFileSync(join(a, 'a.digest'), NOTE);
  writeFileSync(join(b, 'b.digest'), NOTE);
  server = await startServer({
    folder: a,
    moreFolders: [{ path: b, settings: { entitiesFile: 'config/entities.csv', themesFile: 'config/themes.json' } }],
  });
});
after(async () => {
  await server.stop();
  removeWorkspace(root);
});

const entitiesOf = async (path: string) =>
  (await server.request<{ entities: { id: string }[] }>('digestLens/entities', { scope: { kind: 'file', uri: uriOf(path) } })).entities.map((e) => e.id);
const themesOf = async (path: string) =>
  (await server.request<{ themes: { id: string }[] }>('digestLens/themes', { scope: { kind: 'file', uri: uriOf(path) } })).themes.map((t) => t.id);

/** Position of the first `needle` on the 1-based note line `line` (3: 北风智算…, 4: 南风生物…). */
const at = (line: number, needle: string, delta = 1) => ({ line: line - 1, character: NOTE.split('\n')[line - 1].indexOf(needle) + delta });

test("each folder's notes recognise their own folder's entities, never the other folder's", async () => {
  const inA = await entitiesOf(join(a, 'a.digest'));
  const inB = await entitiesOf(join(b, 'b.digest'));
  assert.ok(inA.includes('beifeng-compute'), `alpha knows its own entity: ${inA}`);
  assert.ok(!inA.includes('nanfeng-bio'), `alpha must not see beta's entity: ${inA}`);
  assert.ok(inB.includes('nanfeng-bio'), `beta knows its own entity (from its CSV at its own path): ${inB}`);
  assert.ok(!inB.includes('beifeng-compute'), `beta must not see alpha's entity: ${inB}`);
});

test("each folder's notes get their own folder's themes", async () => {
  const inA = await themesOf(join(a, 'a.digest'));
  const inB = await themesOf(join(b, 'b.digest'));
  assert.ok(inA.includes('quantum-annealing') && !inA.includes('fusion-materials'), `alpha: ${inA}`);
  assert.ok(inB.includes('fusion-materials') && !inB.includes('quantum-annealing'), `beta: ${inB}`);
});

test("definition goes to the entry in the note's own folder's entity file", async () => {
  const defA = await server.request<any>('textDocument/definition', { textDocument: { uri: uriOf(join(a, 'a.digest')) }, position: at(3, '北风智算') });
  assert.equal(defA.uri, uriOf(join(a, '.digestlens', 'entities.json')));
  assert.equal(defA.range.start.line, 4, 'the "name" line of the entry');
  const defB = await server.request<any>('textDocument/definition', { textDocument: { uri: uriOf(join(b, 'b.digest')) }, position: at(4, '南风生物') });
  assert.equal(defB.uri, uriOf(join(b, 'config', 'entities.csv')));
  assert.equal(defB.range.start.line, 1);
  // In beta, 北风智算 is not beta's entity: no jump into alpha's file.
  const defOther = await server.request<any>('textDocument/definition', { textDocument: { uri: uriOf(join(b, 'b.digest')) }, position: at(3, '北风智算') });
  const targets = (Array.isArray(defOther) ? defOther : defOther ? [defOther] : []).map((l: any) => l.uri);
  assert.ok(!targets.includes(uriOf(join(a, '.digestlens', 'entities.json'))), `beta's note jumped into alpha's entity file: ${targets}`);
});

test("rename edits the note's own folder's entity file and that folder's notes only", async () => {
  const edit = await server.request<any>('textDocument/rename', { textDocument: { uri: uriOf(join(b, 'b.digest')) }, position: at(4, '南风生物'), newName: '南风材料' });
  const uris = edit.documentChanges.map((c: any) => c.textDocument.uri).sort();
  assert.deepEqual(uris, [uriOf(join(b, 'b.digest')), uriOf(join(b, 'config', 'entities.csv'))].sort());
  const csv = edit.documentChanges.find((c: any) => c.textDocument.uri.endsWith('entities.csv'));
  assert.ok(csv.edits.some((e: any) => e.newText === '南风材料'), 'the name in beta\'s CSV is renamed');
  // alpha's entity cannot be renamed from beta's note (it is not beta's entity).
  await assert.rejects(
    server.request('textDocument/prepareRename', { textDocument: { uri: uriOf(join(b, 'b.digest')) }, position: at(3, '北风智算') }),
  );
  const editA = await server.request<any>('textDocument/rename', { textDocument: { uri: uriOf(join(a, 'a.digest')) }, position: at(3, '北风智算'), newName: '北风算力' });
  const urisA = editA.documentChanges.map((c: any) => c.textDocument.uri).sort();
  assert.deepEqual(urisA, [uriOf(join(a, '.digestlens', 'entities.json')), uriOf(join(a, 'a.digest'))].sort());
});

test("editing one folder's entity file changes that folder's notes only", async () => {
  const fileA = join(a, '.digestlens', 'entities.json');
  const added = { entities: [...entityA.entities, { id: 'xiyun-data', name: '西云数据', aliases: [], tickers: [], kind: 'private' }] };
  const textB = NOTE + '西云数据获得投资。\n';
  writeFileSync(join(b, 'b.digest'), textB);
  writeFileSync(join(a, 'a.digest'), textB);
  writeFileSync(fileA, JSON.stringify(added, null, 2) + '\n');
  const indexed = server.waitForIndex().catch(() => null);
  server.filesChanged([
    { uri: uriOf(join(a, 'a.digest')), type: 2 },
    { uri: uriOf(join(b, 'b.digest')), type: 2 },
    { uri: uriOf(fileA), type: 2 },
  ]);
  await indexed;
  let inA: string[] = [];
  for (let i = 0; i < 100 && !inA.includes('xiyun-data'); i++) {
    await new Promise((r) => setTimeout(r, 50));
    inA = await entitiesOf(join(a, 'a.digest'));
  }
  assert.ok(inA.includes('xiyun-data'), `alpha's new entity is found in alpha: ${inA}`);
  assert.ok(!(await entitiesOf(join(b, 'b.digest'))).includes('xiyun-data'), "beta does not see alpha's new entity");
});
