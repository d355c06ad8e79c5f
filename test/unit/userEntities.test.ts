import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseUserEntities } from '../../server/src/analysis/userFiles/entities';
import { builtinGazetteer } from '../../server/src/analysis/gazetteer';
import { findMentions } from '../../server/src/analysis/entities';
import { foldText } from '../../server/src/analysis/text';
import { MAX_ENTITIES } from '../../server/src/analysis/userFiles/limits';

test('a valid JSON list loads with defaults', () => {
  const { entities, errors } = parseUserEntities('[{"name":"Quokka Labs","aliases":["袋鼠实验室"],"tickers":["NASDAQ:QKKA"]},{"id":"x","name":"X Fund","kind":"fund"}]', '.digestlens/entities.json');
  assert.deepEqual(errors, []);
  assert.equal(entities.length, 2);
  assert.deepEqual(entities[0].names, ['Quokka Labs', '袋鼠实验室']);
  assert.equal(entities[0].kind, 'company');
  assert.equal(entities[0].origin, 'user');
  assert.equal(entities[1].kind, 'fund');
});

test('a JSON syntax error is located at its line and column, earlier entries still load', () => {
  const content = '[\n  {"name": "Alpha Corp"},\n  {"name": "Beta" "kind": "company"}\n]';
  const { entities, errors } = parseUserEntities(content, 'entities.json');
  assert.equal(errors.length, 1);
  assert.deepEqual([errors[0].line, errors[0].column], [3, 19]);
  assert.deepEqual(entities.map((e) => e.name), ['Alpha Corp']);
});

test('unterminated JSON reports the end position', () => {
  const { errors } = parseUserEntities('[{"name": "A"}', 'entities.json');
  assert.equal(errors[0].line, 1);
  assert.equal(errors[0].column, 15);
});

test('wrong field types are reported at the entry, valid entries still load', () => {
  const content = '[\n {"name": "Good"},\n {"name": 42},\n {"name": "Bad kind", "kind": "planet"},\n {"name": "Bad aliases", "aliases": [1]},\n {"aliases": ["no name"]}\n]';
  const { entities, errors } = parseUserEntities(content, 'entities.json');
  assert.deepEqual(entities.map((e) => e.name), ['Good']);
  assert.deepEqual(errors.map((e) => [e.line, e.column]), [[3, 11], [4, 31], [5, 38], [6, 2]]);
  assert.match(errors[0].message, /"name" must be a string/);
});

test('a top-level object is rejected clearly', () => {
  const { entities, errors } = parseUserEntities('{"name": "A"}', 'entities.json');
  assert.equal(entities.length, 0);
  assert.match(errors[0].message, /array/);
});

test('CSV with | lists, quotes and a bad row', () => {
  const content = 'id,name,aliases,tickers,kind\nq,Quokka Labs,袋鼠实验室|Quokka,NASDAQ:QKKA,company\n,"Zeta, Inc.",,,media\nbad,Broken,,,planet\n,,,,\n';
  const { entities, errors } = parseUserEntities(content, 'entities.csv');
  assert.deepEqual(entities.map((e) => e.name), ['Quokka Labs', 'Zeta, Inc.']);
  assert.deepEqual(entities[0].names, ['Quokka Labs', '袋鼠实验室', 'Quokka']);
  assert.equal(entities[1].kind, 'media');
  assert.deepEqual(errors.map((e) => [e.line, e.column]), [[4, 14], [5, 2]]);
});

test('CSV without a name column is an error at line 1', () => {
  const { errors } = parseUserEntities('id,title\n1,x\n', 'entities.csv');
  assert.equal(errors[0].line, 1);
});

test('user entities override built-ins and work in matching; malformed files leave built-ins working', () => {
  const { entities } = parseUserEntities('[{"id":"tencent-mine","name":"Tencent (mine)","aliases":["腾讯"]},{"name":"Quokka Labs"}]', 'entities.json');
  const gz = builtinGazetteer().withEntities(entities);
  const text = 'Quokka Labs 与騰訊及阿里巴巴合作';
  assert.deepEqual(findMentions(text, foldText(text), gz, []).map((m) => m.id), ['user:quokka-labs', 'tencent-mine', 'alibaba']);
  const broken = parseUserEntities('[{"name": ', 'entities.json');
  const gz2 = builtinGazetteer().withEntities(broken.entities);
  assert.deepEqual(findMentions('騰訊', foldText('騰訊'), gz2, []).map((m) => m.id), ['tencent']);
});

test('30,000 entries: the first MAX_ENTITIES load, the rest are reported once at the first one left out', () => {
  // Their cost is measured by `npm run bench -- --case userFiles`, not here.
  const rows = Array.from({ length: 30000 }, (_, i) => `{"name":"Entity ${i} Labs","tickers":["X${i}"]}`);
  const { entities, errors } = parseUserEntities('[' + rows.join(',\n') + ']', 'entities.json');
  assert.equal(entities.length, MAX_ENTITIES);
  assert.equal(entities.at(-1)!.name, `Entity ${MAX_ENTITIES - 1} Labs`);
  assert.equal(errors.length, 1);
  assert.equal(errors[0].line, MAX_ENTITIES + 1);
  assert.match(errors[0].message, new RegExp(`More than ${MAX_ENTITIES.toLocaleString('en-US')} entities`));
  const gz = builtinGazetteer().withEntities(entities);
  assert.deepEqual(findMentions('Entity 7 Labs 与騰訊', foldText('Entity 7 Labs 与騰訊'), gz, []).map((m) => m.id), ['user:entity-7-labs', 'tencent']);
});
