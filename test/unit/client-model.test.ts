/**
 * The sidebar's pure logic (client/src/views/model.ts): sorting, filtering, grouping by kind
 * and by file, labels, and which index changes concern the trees.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntitySummary, MentionItem } from '../../protocol/src';
import { baseName, changeConcerns, filterEntities, groupByFile, groupByKind, matchesFilter, mentionLabel, sortSummaries } from '../../client/src/views/model';

const e = (id: string, name: string, kind: string, mentions: number, files: number, firstDate: string | null): EntitySummary => ({ id, name, kind, mentions, files, firstDate });

const entities = [
  e('tencent', '腾讯', 'company', 5, 2, '2025-03-01'),
  e('alibaba', 'Alibaba', 'company', 5, 3, '2025-01-15'),
  e('catl', '宁德时代', 'company', 9, 1, null),
  e('x-candidate', 'Foo Holdings', 'candidate', 1, 1, '2024-12-31'),
  e('csrc', '证监会', 'regulator', 2, 1, '2025-02-02'),
  e('zeta', 'zeta', 'mystery', 1, 1, null),
];

test('sorting by count puts the most mentioned first and breaks ties by files, then name', () => {
  const ids = sortSummaries(entities, 'count', (x) => x.name).map((x) => x.id);
  assert.deepEqual(ids.slice(0, 3), ['catl', 'alibaba', 'tencent']);
});

test('sorting by first date puts the oldest first and undated last', () => {
  const ids = sortSummaries(entities, 'date', (x) => x.name).map((x) => x.id);
  assert.deepEqual(ids.slice(0, 4), ['x-candidate', 'alibaba', 'csrc', 'tencent']);
  assert.deepEqual(new Set(ids.slice(4)), new Set(['catl', 'zeta']));
});

test('sorting by name is case-insensitive and does not mutate the input', () => {
  const before = entities.map((x) => x.id);
  const names = sortSummaries(entities, 'name', (x) => x.name).map((x) => x.name);
  assert.ok(names.indexOf('Alibaba') < names.indexOf('Foo Holdings'));
  assert.ok(names.indexOf('Foo Holdings') < names.indexOf('zeta'));
  assert.deepEqual(entities.map((x) => x.id), before);
});

test('the filter ignores case, width and spaces, and matches ids too', () => {
  assert.ok(matchesFilter('ALI', 'Alibaba'));
  assert.ok(matchesFilter('ａｌｉ', 'Alibaba'), 'full-width letters');
  assert.ok(matchesFilter('foo hold', 'FooHoldings'));
  assert.ok(matchesFilter('', 'anything'));
  assert.ok(!matchesFilter('xyz', 'Alibaba', null, undefined));
  assert.deepEqual(filterEntities(entities, '腾').map((x) => x.id), ['tencent']);
  assert.deepEqual(filterEntities(entities, 'csrc').map((x) => x.id), ['csrc']);
});

test('grouping by kind puts companies first, unknown kinds last, and sorts inside each group', () => {
  const groups = groupByKind(entities, 'count');
  assert.deepEqual(groups.map((g) => g.kind), ['company', 'candidate', 'regulator', 'mystery']);
  assert.deepEqual(groups[0].entities.map((x) => x.id), ['catl', 'alibaba', 'tencent']);
  assert.equal(groups[0].mentions, 19);
});

const m = (uri: string, line: number, character: number): MentionItem => ({
  uri,
  range: { start: { line, character }, end: { line, character: character + 2 } },
  text: '腾讯',
  snippet: '…腾讯…',
  date: null,
});

test('mentions group by file name, each file in document order', () => {
  const groups = groupByFile([m('file:///w/b.digest', 9, 0), m('file:///w/a.digest', 3, 4), m('file:///w/b.digest', 2, 7), m('file:///w/a.digest', 3, 1)]);
  assert.deepEqual(groups.map((g) => baseName(g.uri)), ['a.digest', 'b.digest']);
  assert.deepEqual(groups[0].items.map((i) => i.range.start.character), [1, 4]);
  assert.deepEqual(groups[1].items.map((i) => i.range.start.line), [2, 9]);
});

test('labels are file:line with a 1-based line and a decoded file name', () => {
  assert.equal(mentionLabel(m('file:///w/%E7%AE%80%E4%BD%93.digest.md', 0, 0)), '简体.digest.md:1');
  assert.equal(baseName('file:///w/notes/a.digest?x#y'), 'a.digest');
  assert.equal(baseName('file:///w/bad%E0.digest'), 'bad%E0.digest');
});

test('an index change concerns the workspace scope always, the file scope only for its file or "all"', () => {
  assert.ok(changeConcerns('workspace', undefined, { uris: ['file:///other'] }));
  assert.ok(changeConcerns('file', 'file:///a', { uris: 'all' }));
  assert.ok(changeConcerns('file', 'file:///a', { uris: ['file:///b', 'file:///a'] }));
  assert.ok(!changeConcerns('file', 'file:///a', { uris: ['file:///b'] }));
  assert.ok(!changeConcerns('file', undefined, { uris: ['file:///b'] }));
});
