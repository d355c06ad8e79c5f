import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldText } from '../../server/src/analysis/text';
import { findMentions } from '../../server/src/analysis/entities';
import { Gazetteer, builtinGazetteer, derivedNames } from '../../server/src/analysis/gazetteer';
import type { Entity } from '../../server/src/analysis/types';

const gz = builtinGazetteer();
const pairsIn = (g: Gazetteer, text: string) => findMentions(text, foldText(text), g, []).map((m) => [m.text, m.id] as const);
const pairs = (text: string) => pairsIn(gz, text);

const co = (id: string, names: string[], tickers: string[] = []): Entity => ({ id, name: names[0], kind: 'company', names, tickers });

/** A small gazetteer: curated entries (tier 0) then listed-only rows (tier 1). */
function small(curated: Entity[], listed: Entity[] = []): Gazetteer {
  return new Gazetteer([...curated, ...listed], [], [], Uint8Array.from([...curated.map(() => 0), ...listed.map(() => 1)]));
}

test('segmentation: a common word before a name is not cut by an overlapping name', () => {
  const g = small([co('zhongwei', ['中微']), co('ms', ['微软'])]);
  assert.deepEqual(pairsIn(g, '其中微软的云业务增长'), [['微软', 'ms']]);
  assert.deepEqual(pairsIn(g, '当中微软占比最高'), [['微软', 'ms']]);
  // Without the word the first name stands.
  assert.deepEqual(pairsIn(g, '中微公告'), [['中微', 'zhongwei']]);
  assert.deepEqual(pairs('其中微软宣布降价'), [['微软', 'microsoft']]);
});

test('segmentation: overlapping names are read over the whole run', () => {
  const g = small([co('ab', ['甲乙']), co('bcd', ['乙丙丁'])]);
  // 甲乙+丙丁 would leave 丙丁 unread; 甲+乙丙丁 covers more with a longer name.
  assert.deepEqual(pairsIn(g, '看好甲乙丙丁。'), [['乙丙丁', 'bcd']]);
  assert.deepEqual(pairsIn(g, '看好甲乙。'), [['甲乙', 'ab']]);
});

test('segmentation: the longer of two nested names wins (京东方 is not 京东)', () => {
  assert.deepEqual(pairs('京东方发布年报'), [['京东方', 'sz-000725']]);
  assert.deepEqual(pairs('京东发布年报'), [['京东', 'jd']]);
  assert.deepEqual(pairs('京东与京东方'), [['京东', 'jd'], ['京东方', 'sz-000725']]);
});

test('segmentation: names written back to back are each read', () => {
  const text = '白酒股中茅台五粮液伊利老窖齐涨';
  assert.deepEqual(pairs(text).map(([t]) => t), ['茅台', '五粮液', '伊利', '老窖']);
});

test('short forms derived from listed names', () => {
  assert.deepEqual(derivedNames(['京东方A']), ['京东方']);
  assert.ok(derivedNames(['伊利股份']).includes('伊利'));
  assert.ok(derivedNames(['贵州茅台']).includes('茅台'));
  assert.deepEqual(derivedNames(['Rivian Automotive']), ['Rivian']);
  assert.deepEqual(derivedNames(['Techtronic Industries Company']), ['Techtronic Industries', 'Techtronic']);
  // Ordinary words and classes are never derived.
  assert.deepEqual(derivedNames(['龙头股份']), []);
  assert.deepEqual(derivedNames(['上海机场']), []);
  assert.deepEqual(derivedNames(['北京银行']), []);
  assert.deepEqual(derivedNames(['General Motors']), []);
  assert.deepEqual(derivedNames(['*ST利达']), []);
});

test('a derived two-character short form needs evidence', () => {
  const g = small([co('maotai-x', ['五粮液'])], [co('sh-1', ['长岭酿酒股份']), co('sh-2', ['龙头股份']), co('sh-3', ['贵州茅台'])]);
  assert.deepEqual(pairsIn(g, '长岭酿酒股价大涨'), [['长岭酿酒', 'sh-1']]);
  assert.deepEqual(pairsIn(g, '茅台股价创新高'), [['茅台', 'sh-3']]);
  assert.deepEqual(pairsIn(g, '他喜欢茅台酒'), []);
  assert.deepEqual(pairsIn(g, '茅台、五粮液双双走强'), [['茅台', 'sh-3'], ['五粮液', 'maotai-x']]);
  // A word in front of a name is not a derived name just because it touches it.
  assert.deepEqual(pairsIn(g, '板块龙头五粮液'), [['五粮液', 'maotai-x']]);
});

test('one-word English short forms need a company-like context', () => {
  const g = small([], [co('nasdaq-rivx', ['Rivet Automotive'], ['NASDAQ:RIVX']), co('nyse-wst', ['Westlake'], ['NYSE:WST'])]);
  assert.deepEqual(pairsIn(g, 'Rivet said deliveries doubled.'), [['Rivet', 'nasdaq-rivx']]);
  assert.deepEqual(pairsIn(g, 'Shares of Rivet jumped.'), [['Rivet', 'nasdaq-rivx']]);
  assert.deepEqual(pairsIn(g, "Rivet's new truck sold out."), [['Rivet', 'nasdaq-rivx']]);
  assert.deepEqual(pairsIn(g, 'Rivet Automotive rose'), [['Rivet Automotive', 'nasdaq-rivx']]);
  assert.deepEqual(pairsIn(g, 'A Rivet holds two plates together.'), []);
  assert.deepEqual(pairsIn(g, 'the Westlake area is quiet'), []);
  assert.deepEqual(pairsIn(g, 'Westlake reported higher margins'), [['Westlake', 'nyse-wst']]);
  // Once confirmed, the name counts everywhere in the document.
  assert.deepEqual(pairsIn(g, 'Rivet is new. Rivet said more.').map(([, id]) => id), ['nasdaq-rivx', 'nasdaq-rivx']);
});

test('a curated name is never taken by a listed row with the same name', () => {
  const g = small([co('sk-hynix', ['SK hynix', 'SK Hynix'])], [co('nasdaq-skx', ['SK hynix'])]);
  assert.deepEqual(pairsIn(g, 'SK Hynix said'), [['SK Hynix', 'sk-hynix']]);
  assert.deepEqual(pairsIn(g, 'SK hynix said'), [['SK hynix', 'sk-hynix']]);
  assert.deepEqual(pairs('Samsung 与 SK Hynix 认为'), [['Samsung', 'samsung-electronics'], ['SK Hynix', 'sk-hynix']]);
  assert.deepEqual(pairs('安永报告指出'), [['安永', 'ey']]);
});

test('a legal suffix is no evidence for a short name inside a longer unknown one', () => {
  const g = small([], [co('sh-9', ['*ST利达', '利达'])]);
  assert.deepEqual(pairsIn(g, '利达集团公告'), [['利达集团', 'sh-9']]);
  const ms = findMentions('正式成立哈利达集团(Harita Group)。', foldText('正式成立哈利达集团(Harita Group)。'), g, []);
  assert.deepEqual(ms.map((m) => m.text), ['哈利达集团', 'Harita Group']);
  assert.equal(ms[0].kind, 'candidate');
  assert.equal(ms[0].id, ms[1].id);
});

test('registered names give their core as a short form when three characters or more remain', () => {
  assert.ok(derivedNames(['深圳北辰云图精密科技']).includes('北辰云图'));
  assert.ok(derivedNames(['澜湾奇智科技集团']).includes('澜湾奇智'));
  // Cores that are classes or too short are never derived.
  assert.ok(!derivedNames(['绿色能源科技集团']).includes('绿色能源'));
  assert.ok(!derivedNames(['深圳云图科技']).includes('云图'));
});

test('English short forms past a descriptive tail only when a camel-case word is left', () => {
  assert.ok(derivedNames(['FactSet Research Systems Inc.']).includes('FactSet'));
  assert.ok(derivedNames(['UnitedHealth Group Incorporated']).includes('UnitedHealth'));
  assert.deepEqual(derivedNames(['Natural Gas Services Group, Inc.']).filter((n) => n === 'Natural Gas'), []);
  assert.deepEqual(derivedNames(['Coffee Holding Co., Inc.']).filter((n) => n === 'Coffee'), []);
});
