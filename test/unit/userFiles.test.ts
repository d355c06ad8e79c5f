/**
 * The one owner of the user file formats (server/src/analysis/userFiles): reading with
 * comments and trailing commas, errors at line and column, locating an entry, inserting a
 * new one (JSON keeps its indentation; CSV its line breaks), and hostile input. Every
 * insertion is checked by parsing the edited file back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { entityIdFor, entityInsertion, listedIn, locateUserEntry, newEntityFile, parseUserEntities, type NewEntity } from '../../server/src/analysis/userFiles/entities';
import { parseUserThemes } from '../../server/src/analysis/userFiles/themes';

const entry: NewEntity = { id: 'yunhai', name: '云海科技', aliases: ['Yunhai Tech'], tickers: ['1234.HK'], kind: 'company' };

function apply(text: string, file = 'entities.json', e: NewEntity = entry): string {
  const ins = entityInsertion(text, e, file);
  assert.ok(ins, 'an insertion is found');
  return text.slice(0, ins.offset) + ins.text + text.slice(ins.offset);
}
const names = (text: string, file: string) => parseUserEntities(text, file).entities.map((e) => e.name);

test('JSON with comments and trailing commas is read, and its problems still point at line and column', () => {
  const text = '// my companies\n{\n  /* listed */\n  "entities": [\n    {"name": "Alpha", "tickers": ["ALP",],},\n    {"name": 7},\n  ],\n}\n';
  const { entities, errors } = parseUserEntities(text, 'entities.json');
  assert.deepEqual(entities.map((e) => [e.name, e.tickers]), [['Alpha', ['ALP']]]);
  assert.deepEqual(errors.map((e) => [e.line, e.column]), [[6, 14]]);
  assert.match(errors[0].message, /"name" must be a string/);
  const themes = parseUserThemes('[\n  // mine\n  {"id": "space", "label": "Space", "keywords": ["卫星", "orbit",],},\n]', 'themes.json');
  assert.deepEqual(themes.errors, []);
  assert.deepEqual(themes.themes[0].keywords, ['卫星', 'orbit']);
});

test('syntax errors are located; themes name the file, entities keep what came before', () => {
  const broken = parseUserEntities('[\n  {"name": "A"},\n  {"name": "B",, }\n]', 'e.json');
  assert.deepEqual(broken.entities.map((e) => e.name), ['A']);
  assert.deepEqual([broken.errors[0].line, broken.errors[0].column], [3, 16]);
  const t = parseUserThemes('[{"id": "x"\n "keywords": ["a"]}]', 'mine.json');
  assert.deepEqual([t.errors[0].line, t.errors[0].column], [2, 2]);
  assert.match(t.errors[0].message, /^mine\.json: invalid JSON/);
  assert.match(parseUserEntities('/* never closed', 'e.json').errors[0].message, /comment/i);
});

test('Unicode names: CJK, emoji and escapes are read, located and written back', () => {
  const text = '[{"name": "騰訊\\u63a7\\u80a1 🚀", "aliases": ["腾讯"]}]';
  const [e] = parseUserEntities(text, 'e.json').entities;
  assert.equal(e.name, '騰訊控股 🚀');
  const loc = locateUserEntry(text, 'e.json', e.id, e.name)!;
  assert.equal(text.slice(loc.name.offset, loc.name.offset + loc.name.length), '騰訊\\u63a7\\u80a1 🚀');
  assert.deepEqual(loc.aliases, ['腾讯']);
  const more = text.slice(0, loc.aliasInsert!.offset) + loc.aliasInsert!.format('騰訊 "TC"') + text.slice(loc.aliasInsert!.offset);
  assert.deepEqual(parseUserEntities(more, 'e.json').entities[0].names, ['騰訊控股 🚀', '腾讯', '騰訊 "TC"']);
  const emoji: NewEntity = { id: 'x', name: '🦘 Quokka, "Labs"', aliases: [], tickers: [], kind: 'fund' };
  assert.deepEqual(names(apply('id,name,aliases,tickers,kind\r\n', 'e.csv', emoji), 'e.csv'), ['🦘 Quokka, "Labs"']);
  assert.deepEqual(names(apply('[]', 'e.json', emoji), 'e.json'), ['🦘 Quokka, "Labs"']);
});

test('locate: an entry by id, or by name when it has none; an entry without aliases gets the member; broken files give null', () => {
  const text = '{\n  "entities": [\n    {"id": "a", "name": "Acme"},\n    {"name": "Beta Labs", "aliases": []}\n  ]\n}';
  const a = locateUserEntry(text, 'e.json', 'a', 'whatever')!;
  assert.equal(a.nameValue, 'Acme');
  assert.equal(a.aliases, null);
  const withAlias = text.slice(0, a.aliasInsert!.offset) + a.aliasInsert!.format('ACME') + text.slice(a.aliasInsert!.offset);
  assert.deepEqual(parseUserEntities(withAlias, 'e.json').entities[0].names, ['Acme', 'ACME']);
  const b = locateUserEntry(text, 'e.json', 'user:beta-labs', 'Beta Labs')!;
  assert.deepEqual(b.aliases, []);
  assert.equal(locateUserEntry(text, 'e.json', 'nobody', 'Nobody'), null);
  assert.equal(locateUserEntry(text.replace('"Acme"}', '"Acme"'), 'e.json', 'a', 'Acme'), null);
  // CSV: comment lines are skipped by the reader and the locator alike.
  const csv = '# mine\nid,name,aliases,tickers,kind\nacme, Acme ,,,company\n';
  assert.deepEqual(names(csv, 'e.csv'), ['Acme']);
  const c = locateUserEntry(csv, 'e.csv', 'acme', 'Acme')!;
  assert.equal(csv.slice(c.name.offset, c.name.offset + c.name.length), 'Acme');
});

test('insert into the fixture file: valid for the parser, in the file\'s own indentation', () => {
  const fixture = readFileSync(join(__dirname, '..', 'fixtures', 'workspace', '.digestlens', 'entities.json'), 'utf8');
  const out = apply(fixture);
  const parsed = JSON.parse(out);
  assert.equal(parsed.entities.length, 2);
  assert.deepEqual(parsed.entities[1], entry);
  assert.deepEqual(parseUserEntities(out, 'entities.json').errors, []);
  assert.deepEqual(names(out, 'entities.json'), ['远澜算力', '云海科技']);
  assert.match(out, /\n {4}\{\n {6}"id": "yunhai"/);
});

test('insert: top-level arrays, empty lists, trailing commas, comments, tabs and CRLF', () => {
  assert.deepEqual(JSON.parse(apply('[\n  {"name": "A"}\n]\n')).map((e: { name: string }) => e.name), ['A', '云海科技']);
  assert.deepEqual(JSON.parse(apply('[]')), [entry]);
  assert.deepEqual(JSON.parse(apply('{ "entities": [\n] }')).entities, [entry]);
  assert.deepEqual(names(apply('[\n  {"name": "A"},\n]'), 'e.json'), ['A', '云海科技']);
  assert.deepEqual(names(apply('[\n  {"name": "A"} // first\n  /* end */\n]'), 'e.json'), ['A', '云海科技']);
  const tabs = apply('{\n\t"entities": [\n\t\t{"name": "A"}\n\t]\n}\n');
  assert.match(tabs, /\n\t\t\{\n\t\t\t"id": "yunhai"/);
  const crlf = apply('[\r\n  {"name": "A"}\r\n]\r\n');
  assert.ok(!/[^\r]\n/.test(crlf), JSON.stringify(crlf));
  // Other keys and tricky strings before "entities" are left alone.
  const tricky = JSON.parse(apply('{\n  "note": "a ] and [ and \\" quote",\n  "meta": {"entities": "not this"},\n  "entities": [{"name": "B"}]\n}'));
  assert.equal(tricky.meta.entities, 'not this');
  assert.deepEqual(tricky.entities.map((e: { name: string }) => e.name), ['B', '云海科技']);
});

test('insert: an empty file gets the whole content, a broken one or one without a list none', () => {
  assert.deepEqual(JSON.parse(apply('')).entities, [entry]);
  assert.deepEqual(JSON.parse(apply(' \n')).entities, [entry]);
  assert.deepEqual(JSON.parse(newEntityFile(entry, 'e.json')).entities, [entry]);
  assert.equal(entityInsertion('{"other": []}', entry, 'e.json'), null);
  assert.equal(entityInsertion('not json', entry, 'e.json'), null);
  assert.equal(entityInsertion('[ {"name": "A"}', entry, 'e.json'), null);
});

test('insert into a CSV: a row (quoted where needed), the header for an empty file, the file\'s line breaks', () => {
  const quoted: NewEntity = { ...entry, name: 'Yunhai, Inc.' };
  const out = apply('id,name,aliases,tickers,kind\nfoo,Foo,,,company', 'e.csv', quoted);
  assert.deepEqual(names(out, 'e.csv'), ['Foo', 'Yunhai, Inc.']);
  assert.deepEqual(parseUserEntities(out, 'e.csv').entities[1].tickers, ['1234.HK']);
  assert.deepEqual(names(apply('', 'e.csv'), 'e.csv'), ['云海科技']);
  // The row follows the file's own header: its columns, its order, nothing more.
  assert.equal(apply('id,name\r\nfoo,Foo\r\n', 'e.csv'), 'id,name\r\nfoo,Foo\r\nyunhai,云海科技\r\n');
  assert.deepEqual(names(apply('name\nFoo\n', 'e.csv'), 'e.csv'), ['Foo', '云海科技']);
  const reordered = apply('Name,notes,Tickers,kind\nFoo,mine,FOO,company\n', 'e.csv');
  assert.ok(reordered.endsWith('\n云海科技,,1234.HK,company\n'), reordered);
  const loaded = parseUserEntities(reordered, 'e.csv');
  assert.deepEqual(loaded.errors, []);
  assert.deepEqual(loaded.entities.map((e) => [e.name, e.tickers]), [['Foo', ['FOO']], ['云海科技', ['1234.HK']]]);
  assert.deepEqual(names(newEntityFile(entry, 'e.csv'), 'e.csv'), ['云海科技']);
});

test('ids: kebab-case for Latin names, user-<name> for Chinese ones, unique; listed names and ids', () => {
  assert.equal(entityIdFor('Yunhai Tech Ltd.', () => false), 'yunhai-tech-ltd');
  assert.equal(entityIdFor('云海 科技', () => false), 'user-云海-科技');
  const taken = new Set(['yunhai', 'yunhai-2']);
  assert.equal(entityIdFor('Yunhai', (id) => taken.has(id)), 'yunhai-3');
  const listed = listedIn('[{"id": "a", "name": "Acme", "aliases": ["ACME Corp"]}, {"name": "B"}]', 'e.json');
  assert.deepEqual([...listed.ids], ['a', 'user:b']);
  assert.equal(listed.names.get('acme corp'), 'a');
});

test('hostile input never throws: deep nesting, binary, huge strings, random text', () => {
  const deep = '['.repeat(100000) + ']'.repeat(100000);
  assert.match(parseUserEntities(deep, 'e.json').errors[0].message, /Nesting/);
  assert.match(parseUserThemes(deep, 't.json').errors[0].message, /nesting deeper/);
  assert.equal(entityInsertion(deep, entry, 'e.json'), null);
  assert.equal(locateUserEntry(deep, 'e.json', 'a', 'a'), null);
  // A name of a million characters is over its cap: reported, and the entity left out.
  const huge = parseUserEntities('[{"name": "' + 'x'.repeat(1_000_000) + '"}, {"name": "Fine"}]', 'e.json');
  assert.deepEqual(huge.entities.map((e) => e.name), ['Fine']);
  assert.match(huge.errors[0].message, /Name too long \(1,000,000 characters/);
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('e.json', 'e.csv'), (text, file) => {
      parseUserEntities(text, file);
      parseUserThemes(text, file);
      locateUserEntry(text, file, 'a', 'a');
      const ins = entityInsertion(text, entry, file);
      // Whatever the file, an insertion, when there is one, lists the entry afterwards.
      if (ins) assert.ok(names(text.slice(0, ins.offset) + ins.text + text.slice(ins.offset), file).includes('云海科技'), JSON.stringify(text));
    }),
    { numRuns: 500 },
  );
});
