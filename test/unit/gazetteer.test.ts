import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Gazetteer, builtinGazetteer } from '../../server/src/analysis/gazetteer';
import { normaliseTicker } from '../../server/src/analysis/tickers';
import { foldText } from '../../server/src/analysis/text';
import { findMentions } from '../../server/src/analysis/entities';

const gz = builtinGazetteer();

test('built-in data loads once, quickly, and is cached', () => {
  assert.strictEqual(builtinGazetteer(), gz);
  assert.ok(gz.all().length > 20000);
});

test('entities carry names in every script and their tickers', () => {
  const tencent = gz.get('tencent')!;
  assert.ok(tencent.names.includes('腾讯') && tencent.names.includes('騰訊'));
  assert.equal(gz.get('sz-300751'), undefined, 'a listed row mapped to a notable row uses the notable id');
  const maxwell = gz.byTicker('SZ:300751')!;
  assert.equal(gz.byTicker('300751.SZ'), maxwell);
  assert.ok(maxwell.names.includes('迈为股份') && maxwell.names.includes('邁為股份'));
  const catl = gz.byTicker('300750.SZ')!;
  assert.ok(catl.names.includes('寧德時代'));
});

test('byTicker reads every written form', () => {
  for (const t of ['0700.HK', '00700.HK', 'HK:00700', 'HK:700']) assert.equal(gz.byTicker(t)?.id, 'tencent', t);
  for (const t of ['NVDA', 'NASDAQ:NVDA', 'NASDAQ: NVDA', '$NVDA']) assert.equal(gz.byTicker(t)?.id, 'nvidia', t);
  assert.equal(normaliseTicker('(06082.HK)'), 'HK:06082');
  assert.equal(normaliseTicker('513770.SH'), 'SH:513770');
  assert.equal(gz.byTicker('SZ:999999'), undefined);
});

test('listed rows get exchange ids and their short names match', () => {
  const row = gz.byTicker('SZ:300842')!;
  assert.match(row.id, /^sz-300842$/);
  const ms = findMentions('帝科股份漲逾20%', foldText('帝科股份漲逾20%'), gz, []);
  assert.equal(ms[0]?.id, row.id);
});

test('common-word listed names are not matched', () => {
  const text = '太阳能与机器人产业';
  assert.deepEqual(findMentions(text, foldText(text), gz, []), []);
});

test('withEntities adds user entries that win on conflicts', () => {
  const mine = gz.withEntities([
    { id: 'my-lab', name: 'Quokka Labs', kind: 'company', names: ['Quokka Labs', '袋鼠实验室'], tickers: [] },
    { id: 'my-tencent', name: 'Tencent (mine)', kind: 'company', names: ['腾讯'], tickers: ['HK:00700'] },
  ]);
  assert.notStrictEqual(mine, gz);
  const text = '袋鼠實驗室與騰訊合作';
  assert.deepEqual(findMentions(text, foldText(text), mine, []).map((m) => m.id), ['my-lab', 'my-tencent']);
  assert.equal(mine.byTicker('0700.HK')?.id, 'my-tencent');
  // The built-in gazetteer is unchanged.
  assert.equal(findMentions(text, foldText(text), gz, [])[0]?.id, 'tencent');
});

test('a small gazetteer built by hand works on its own', () => {
  const small = new Gazetteer([{ id: 'acme', name: 'Acme', kind: 'company', names: ['Acme'], tickers: ['NYSE:ACME'] }]);
  assert.equal(small.get('acme')?.name, 'Acme');
  assert.equal(small.byTicker('ACME')?.id, 'acme');
  assert.equal(small.lookupName('ACME')?.id, 'acme');
  assert.equal(small.lookupName('acme'), undefined);
});

test('a short name with digits is found in capitals too (a16z as A16Z), and only the name itself', () => {
  const g = builtinGazetteer();
  const ids = (text: string) => findMentions(text, foldText(text), g, []).map((m) => m.id);
  assert.deepEqual(ids('该轮由A16Z领投'), ids('该轮由a16z领投'));
  assert.equal(ids('该轮由a16z领投').length, 1);
  assert.ok(!ids('A16ZX rose').includes(ids('该轮由a16z领投')[0]));
});

test('a two-character name that opens lower-case and ends in a sign ("e&") is found without opening the fast skip to every English word', () => {
  const g = builtinGazetteer();
  const ids = (text: string) => findMentions(text, foldText(text), g, []).map((m) => m.text);
  assert.deepEqual(ids('Shares of e& rose 2% and Etisalat gained.'), ['e&', 'Etisalat']);
  let set = 0;
  for (const byte of g.lowerStarts) for (let v = byte; v; v >>= 1) set += v & 1;
  assert.ok(set < g.lowerStarts.length * 8 / 4, `lowerStarts is sparse (${set} bits set)`);
});

test('a listed name of capitalised words joined by hyphens is matched on its own (Cleveland-Cliffs)', () => {
  const g = builtinGazetteer();
  const texts = (text: string) => findMentions(text, foldText(text), g, []).map((m) => m.text);
  assert.deepEqual(texts('It raised $1 billion from Cleveland-Cliffs, and others.'), ['Cleveland-Cliffs']);
  assert.deepEqual(texts('a well-known high-flyer in town'), []);
});
