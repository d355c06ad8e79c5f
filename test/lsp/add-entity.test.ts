/**
 * digestLens/addEntityEdit against the real server: the edit the Add Entity command
 * applies (and the code action offers). Checked by applying it and reading the file back:
 * typed aliases, tickers and kind are written; a Chinese name gets its other-script forms;
 * ids avoid the file's, the folder's and the built-in ones; a name already listed, an
 * unknown kind, an empty name and a broken file are refused with a message; each folder of
 * a multi-root workspace gets its own file (JSON or CSV); a missing file is created.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyWorkspace, removeWorkspace, startServer, uriOf, type TestServer } from './harness';
import { parseUserEntities } from '../../server/src/analysis/userFiles/entities';
import { AddEntityEditRequest, EntityFileTemplateRequest, type AddEntityEditParams, type AddEntityEditResult, type EntityFileTemplateResult } from '../../protocol/src';

let ws: string;
let beta: string;
let server: TestServer;

before(async () => {
  ws = copyWorkspace();
  beta = mkdtempSync(join(tmpdir(), 'digest-lens-beta-'));
  mkdirSync(join(beta, 'config'), { recursive: true });
  writeFileSync(join(beta, 'config', 'entities.csv'), 'id,name,aliases,tickers,kind\r\nnanfeng-bio,南风生物,Nanfeng Bio,,company\r\n');
  writeFileSync(join(beta, 'b.digest'), '南风生物宣布投入 3 亿元。\n');
  server = await startServer({ folder: ws, moreFolders: [{ path: beta, settings: { entitiesFile: 'config/entities.csv' } }] });
});

after(async () => {
  await server.stop();
  removeWorkspace(ws);
  removeWorkspace(beta);
});

const ask = (params: AddEntityEditParams) => server.request<AddEntityEditResult>(AddEntityEditRequest, params);

/** Applies the insert edits of one file (the server only inserts) to its text. */
function applied(text: string, result: AddEntityEditResult, uri: string): string {
  assert.ok('edit' in result, JSON.stringify(result));
  const edits = result.edit.changes?.[uri];
  assert.ok(edits?.length, JSON.stringify(result.edit));
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  for (const e of [...edits].reverse()) text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  return text;
}

const entitiesPath = () => join(ws, '.digestlens', 'entities.json');

test('the edit writes the typed aliases, tickers and kind, and keeps the file valid', async () => {
  const uri = uriOf(entitiesPath());
  const res = await ask({ name: ' Zephyr Orbital ', aliases: ['Zephyr', 'Zephyr', ''], tickers: ['ZORB'], kind: 'product', uri: uriOf(join(ws, 'english.digest')) });
  const after = JSON.parse(applied(readFileSync(entitiesPath(), 'utf8'), res, uri));
  assert.deepEqual(after.entities[1], { id: 'zephyr-orbital', name: 'Zephyr Orbital', aliases: ['Zephyr'], tickers: ['ZORB'], kind: 'product' });
  assert.equal(after.entities[0].id, 'yuanlan-compute');
  assert.equal((res as { uri: string }).uri, uri);
});

test('a Chinese name gets its Traditional forms; ids avoid built-in ones', async () => {
  const uri = uriOf(entitiesPath());
  const res = await ask({ name: '杭州云栖科技', aliases: ['Yunqi'] });
  const entry = JSON.parse(applied(readFileSync(entitiesPath(), 'utf8'), res, uri)).entities[1];
  assert.equal(entry.id, 'user-杭州云栖科技');
  assert.ok(entry.aliases.includes('Yunqi') && entry.aliases.includes('杭州雲棲科技'), JSON.stringify(entry));
  // "Tencent" is built in (id "tencent"): a user entry of that name gets an id of its own.
  const tencent = await ask({ name: 'Tencent' });
  assert.equal((tencent as { id: string }).id, 'tencent-2');
});

test('refusals: a name or alias already listed, an unknown kind, an empty name, a broken file', async () => {
  const dup = await ask({ name: 'yuanlan compute' });
  assert.ok('refusal' in dup && /already in your entity list/.test(dup.refusal) && dup.refusal.includes('yuanlan-compute'), JSON.stringify(dup));
  // The Traditional spelling of a listed name, with full-width letters, is the same name.
  const folded = await ask({ name: '遠瀾算力' });
  assert.ok('refusal' in folded && folded.refusal.includes('yuanlan-compute'), JSON.stringify(folded));
  const dupAlias = await ask({ name: 'Something New', aliases: ['ＹＵＡＮＬＡＮ Compute'] });
  assert.ok('refusal' in dupAlias, JSON.stringify(dupAlias));
  assert.ok('refusal' in (await ask({ name: 'X', kind: 'planet' })));
  assert.ok('refusal' in (await ask({ name: '  ' })));
  assert.ok('refusal' in (await ask({ name: 'Two\nlines' })));
  assert.ok('refusal' in (await ask({ name: 42, aliases: 'x' } as unknown as AddEntityEditParams)));
  // The editor's unsaved text is what the edit is made on: broken there, refused, naming the file.
  const uri = uriOf(entitiesPath());
  const broken = await ask({ name: 'New Co', file: { uri, text: '{"entities": [ {"name": "A"' } });
  assert.ok('refusal' in broken && broken.file === uri && /entities\.json/.test(broken.refusal), JSON.stringify(broken));
  // Unsaved entries count for duplicates and positions.
  const unsaved = '[\n  {"id": "new-co", "name": "New Co"}\n]\n';
  assert.ok('refusal' in (await ask({ name: 'New Co', file: { uri, text: unsaved } })));
  const onUnsaved = await ask({ name: 'Newer Co', file: { uri, text: unsaved } });
  assert.deepEqual(parseUserEntities(applied(unsaved, onUnsaved, uri), 'e.json').entities.map((e) => e.name), ['New Co', 'Newer Co']);
});

test('multi-root: a note of the second folder adds to that folder\'s CSV file, keeping its CRLF', async () => {
  const csvPath = join(beta, 'config', 'entities.csv');
  const uri = uriOf(csvPath);
  const res = await ask({ name: 'Beta, Inc.', tickers: ['BETA'], uri: uriOf(join(beta, 'b.digest')) });
  const text = applied(readFileSync(csvPath, 'utf8'), res, uri);
  assert.ok(text.endsWith('beta-inc,"Beta, Inc.",,BETA,company\r\n'), JSON.stringify(text));
  assert.deepEqual(parseUserEntities(text, csvPath).entities.map((e) => e.name), ['南风生物', 'Beta, Inc.']);
  // The first folder's name is not the second's: no duplicate across folders.
  assert.ok('edit' in (await ask({ name: '远澜算力', uri: uriOf(join(beta, 'b.digest')) })));
});

test('without an entity file, the edit creates one with the entry', async () => {
  const other = copyWorkspace();
  const s = await startServer({ folder: other, settings: { entitiesFile: '.digestlens/mine.json' } });
  try {
    const res = await s.request<AddEntityEditResult>(AddEntityEditRequest, { name: 'Zephyr Orbital Holdings' });
    assert.ok('edit' in res, JSON.stringify(res));
    const [create, edit] = res.edit.documentChanges as any[];
    assert.equal(create.kind, 'create');
    assert.equal(create.uri, uriOf(join(other, '.digestlens', 'mine.json')));
    assert.equal(edit.textDocument.uri, create.uri);
    assert.deepEqual(JSON.parse(edit.edits[0].newText), { entities: [{ id: 'zephyr-orbital-holdings', name: 'Zephyr Orbital Holdings', aliases: [], tickers: [], kind: 'company' }] });
  } finally {
    await s.stop();
    removeWorkspace(other);
  }
});

test('the empty entity file for "Open entity file" comes from the server, JSON or CSV by its name, and loads', async () => {
  const json = await server.request<EntityFileTemplateResult>(EntityFileTemplateRequest, { uri: uriOf(join(ws, '.digestlens', 'new.json')) });
  const jsonLoaded = parseUserEntities(json.text, 'new.json');
  assert.deepEqual(JSON.parse(json.text), { entities: [] });
  assert.deepEqual([jsonLoaded.entities.length, jsonLoaded.errors.length], [0, 0]);
  const csv = await server.request<EntityFileTemplateResult>(EntityFileTemplateRequest, { uri: uriOf(join(beta, 'config', 'NEW.CSV')) });
  assert.equal(csv.text, 'id,name,aliases,tickers,kind\n');
  const csvLoaded = parseUserEntities(csv.text, 'NEW.CSV');
  assert.deepEqual([csvLoaded.entities.length, csvLoaded.errors.length], [0, 0]);
  // Anything else than a uri gets the default (JSON) file, not an error.
  assert.deepEqual(JSON.parse((await server.request<EntityFileTemplateResult>(EntityFileTemplateRequest, { uri: 42 })).text), { entities: [] });
});
