/**
 * Adding an entry to the user's entity file (client/src/entityFile.ts): the result must stay
 * valid JSON (or CSV) that lists the new entity, keep the user's indentation, and give ids
 * that are unique. Each check parses the edited file back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseUserEntities } from '../../server/src/analysis/userFiles/entities';
import { entityIdFor, entityInsertion, idsIn, newFileContent, splitList, type NewEntity } from '../../client/src/entityFile';

const entry: NewEntity = { id: 'yunhai', name: '云海科技', aliases: ['Yunhai Tech'], tickers: ['1234.HK'], kind: 'company' };

function apply(text: string, csv = false): string {
  const ins = entityInsertion(text, entry, csv);
  assert.ok(ins, 'an insertion is found');
  return text.slice(0, ins.offset) + ins.text + text.slice(ins.offset);
}

const names = (text: string, file: string) => parseUserEntities(text, file).entities.map((e) => e.name);

test('the fixture entity file gets the entry and stays valid for the server', () => {
  const fixture = readFileSync(join(__dirname, '..', 'fixtures', 'workspace', '.digestlens', 'entities.json'), 'utf8');
  const out = apply(fixture);
  const parsed = JSON.parse(out);
  assert.equal(parsed.entities.length, 2);
  assert.deepEqual(parsed.entities[1], entry);
  assert.deepEqual(parseUserEntities(out, 'entities.json').errors, []);
  assert.deepEqual(names(out, 'entities.json'), ['远澜算力', '云海科技']);
  // The new item uses the file's own indentation (four spaces for items here).
  assert.match(out, /\n {4}\{\n {6}"id": "yunhai"/);
});

test('a top-level array, an empty array and an array with a trailing comma all work', () => {
  assert.deepEqual(JSON.parse(apply('[\n  {"name": "A"}\n]\n')).map((e: { name: string }) => e.name), ['A', '云海科技']);
  assert.deepEqual(JSON.parse(apply('[]')), [entry]);
  assert.deepEqual(JSON.parse(apply('{ "entities": [\n] }')).entities, [entry]);
  assert.deepEqual(names(apply('[\n  {"name": "A"},\n]'), 'e.json'), ['A', '云海科技']);
});

test('the "entities" key is found after other keys with nested values and tricky strings', () => {
  const text = '{\n  "note": "a ] and [ and \\" quote",\n  "meta": {"entities": "not this", "list": [1, [2]]},\n  "entities": [{"name": "B"}]\n}';
  const out = JSON.parse(apply(text));
  assert.equal(out.meta.entities, 'not this');
  assert.deepEqual(out.entities.map((e: { name: string }) => e.name), ['B', '云海科技']);
});

test('a file with no entity list gives no insertion', () => {
  assert.equal(entityInsertion('{"other": []}', entry, false), null);
  assert.equal(entityInsertion('not json', entry, false), null);
  assert.equal(entityInsertion('[ {"name": "A"}', entry, false), null);
});

test('CSV files get a row (quoted where needed), an empty one gets the header too', () => {
  const quoted: NewEntity = { ...entry, name: 'Yunhai, Inc.' };
  const text = 'id,name,aliases,tickers,kind\nfoo,Foo,,,company';
  const ins = entityInsertion(text, quoted, true)!;
  const out = text.slice(0, ins.offset) + ins.text + text.slice(ins.offset);
  assert.deepEqual(names(out, 'e.csv'), ['Foo', 'Yunhai, Inc.']);
  assert.deepEqual(parseUserEntities(out, 'e.csv').entities[1].tickers, ['1234.HK']);
  assert.deepEqual(names(apply('', true), 'e.csv'), ['云海科技']);
});

test('a new file holds just the entry, in either format', () => {
  assert.deepEqual(JSON.parse(newFileContent(entry, false)).entities, [entry]);
  assert.deepEqual(names(newFileContent(entry, true), 'e.csv'), ['云海科技']);
});

test('ids are kebab-case for Latin names, user-<name> for Chinese ones, and unique', () => {
  assert.equal(entityIdFor('Yunhai Tech Ltd.', new Set()), 'yunhai-tech-ltd');
  assert.equal(entityIdFor('云海 科技', new Set()), 'user-云海-科技');
  assert.equal(entityIdFor('Yunhai', new Set(['yunhai', 'yunhai-2'])), 'yunhai-3');
  assert.deepEqual([...idsIn('[{"id": "a"}, {"id":"b\\"c"}]', false)], ['a', 'b\\"c']);
  assert.deepEqual([...idsIn('id,name\nfoo,Foo\n"bar",Bar\n', true)], ['foo', 'bar']);
});

test('lists typed by the user split on ASCII and Chinese separators', () => {
  assert.deepEqual(splitList(' 0700.HK, TCEHY ，騰訊、Tencent;  | '), ['0700.HK', 'TCEHY', '騰訊', 'Tencent']);
  assert.deepEqual(splitList('a, a'), ['a']);
});
