import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldText } from '../../server/src/analysis/text';
import { findMentions } from '../../server/src/analysis/entities';
import { Gazetteer, builtinGazetteer } from '../../server/src/analysis/gazetteer';
import type { Entity, Mention } from '../../server/src/analysis/types';

const gz = builtinGazetteer();
const findIn = (g: Gazetteer, text: string): Mention[] => findMentions(text, foldText(text), g, []);
const people = (g: Gazetteer, text: string) => findIn(g, text).filter((m) => m.kind === 'person').map((m) => [m.text, m.id] as const);

test('known people (kind person) are matched in every script and are never companies', () => {
  const person: Entity = { id: 'lin-wei', name: 'Lin Wei', kind: 'person', names: ['林威', 'Lin Wei'], tickers: [] };
  const g = gz.withEntities([person]);
  const ms = findIn(g, '林威表示,Lin Wei 与騰訊合作;林威');
  assert.deepEqual(ms.map((m) => [m.text, m.id, m.kind]), [['林威', 'lin-wei', 'person'], ['Lin Wei', 'lin-wei', 'person'], ['騰訊', 'tencent', 'company'], ['林威', 'lin-wei', 'person']]);
  // A user entity of kind person from a small hand-built gazetteer.
  const small = new Gazetteer([{ id: 'ana', name: 'Ana Ruiz', kind: 'person', names: ['Ana Ruiz', '安娜·鲁伊斯'], tickers: [] }]);
  assert.deepEqual(people(small, 'Ana Ruiz said; 安娜·鲁伊斯称'), [['Ana Ruiz', 'ana'], ['安娜·鲁伊斯', 'ana']]);
});

test('a title before a Chinese name makes a person, linked to later bare mentions', () => {
  const ms = findIn(gz, '某芯片公司CEO钱一鸣表示需求强劲。钱一鸣还透露了新品计划。');
  const ps = ms.filter((m) => m.kind === 'person');
  assert.deepEqual(ps.map((m) => m.text), ['钱一鸣', '钱一鸣']);
  assert.equal(ps[0].id, 'person:钱一鸣');
  assert.equal(ps[1].id, ps[0].id);
  assert.deepEqual(people(gz, '董事长邵文澜在股东会上发言'), [['邵文澜', 'person:邵文澜']]);
  assert.deepEqual(people(gz, '創辦人陸明遠在記者會上澄清'), [['陸明遠', 'person:陆明远']]);
  assert.deepEqual(people(gz, '创始人兼CEO柯一帆透露'), [['柯一帆', 'person:柯一帆']]);
  // A transliterated foreign name, and an English one after a Chinese title.
  assert.deepEqual(people(gz, '首席执行官马尔科姆表示'), [['马尔科姆', 'person:马尔科姆']]);
  assert.deepEqual(people(gz, '執行長 Nora Quill 先前提出'), [['Nora Quill', 'person:Nora Quill']]);
  // The other script's name in parentheses is the same person.
  const both = findIn(gz, '行政總裁溫樂思(Leo Winton)宣布回購').filter((m) => m.kind === 'person');
  assert.deepEqual(both.map((m) => m.text), ['溫樂思', 'Leo Winton']);
  assert.equal(both[1].id, both[0].id);
});

test('titles without a name make no person', () => {
  for (const text of ['公司CEO表示将继续投入', '他是创始人之一', '董事长兼总裁', '主席团成员名单', '分析师普遍认为', 'CEO职位空缺']) {
    assert.deepEqual(people(gz, text), [], text);
  }
});

test('English titled names make people; the surname alone links back', () => {
  const ms = findIn(gz, 'CEO Dana Whitlock said the deal closed. Whitlock added that margins rose.').filter((m) => m.kind === 'person');
  assert.deepEqual(ms.map((m) => m.text), ['Dana Whitlock', 'Whitlock']);
  assert.equal(ms[1].id, ms[0].id);
  assert.deepEqual(people(gz, 'Priya Natarajan, chief executive of a lender, said'), [['Priya Natarajan', 'person:Priya Natarajan']]);
  assert.deepEqual(people(gz, 'Tomas Ek, a senior analyst at a broker, said'), [['Tomas Ek', 'person:Tomas Ek']]);
  assert.deepEqual(people(gz, 'chief executive Jean-Luc Marchand described'), [['Jean-Luc Marchand', 'person:Jean-Luc Marchand']]);
  // No name after the title.
  assert.deepEqual(people(gz, 'The Chief Executive Officer said'), []);
  assert.deepEqual(people(gz, 'the CEO said on Monday'), []);
});

test('a person is never a company mention, and a company is not a person', () => {
  const ms = findIn(gz, '腾讯董事长马化腾表示');
  assert.ok(ms.some((m) => m.text === '腾讯' && m.kind === 'company'));
  assert.ok(!ms.some((m) => m.kind === 'person' && m.text.includes('腾讯')));
  assert.deepEqual(findIn(gz, 'CEO Acme Robotics said').filter((m) => m.kind === 'person'), []);
});

test('a possessive ends a person\'s name: what follows is theirs', () => {
  const ms = findMentions("Acme chairman Wu Jianping's Lakeside Investment joined the round.", foldText("Acme chairman Wu Jianping's Lakeside Investment joined the round."), builtinGazetteer(), []);
  assert.deepEqual(ms.filter((m) => m.kind === 'person').map((m) => m.text), ['Wu Jianping']);
  assert.ok(ms.some((m) => m.text === 'Lakeside Investment' && m.kind === 'candidate'));
});

test('more titles (研究员, 主管, 高管, 理事长, 教授), transliterated names joined by a middle dot, and the verbs after a name', () => {
  const people = (text: string) => findMentions(text, foldText(text), builtinGazetteer(), []).filter((m) => m.kind === 'person').map((m) => m.text);
  assert.deepEqual(people('苹果公司首席运营官杰夫·威廉姆斯日前在华表示'), ['杰夫·威廉姆斯']);
  assert.deepEqual(people('国盛证券研究员杨传忻点评古井贡酒三季报'), ['杨传忻']);
  assert.deepEqual(people('寒武纪前高管梁军起诉公司'), ['梁军']);
  assert.deepEqual(people('大摩大中華區半導體主管詹家鴻預估'), ['詹家鴻']);
  // An association or a university before a title is no company; 主管部门 names nobody.
  const all = (text: string) => findMentions(text, foldText(text), builtinGazetteer(), []).map((m) => m.text);
  assert.deepEqual(all('创投公会理事长邱德成表示'), ['邱德成']);
  assert.deepEqual(all('环保主管部门表示'), []);
  assert.deepEqual(all('肉像潜水艇士兵，会长时期伏在水里'), []);
});

test('English people after billionaire, partner, researcher, capitalist and "founded by"', () => {
  const people = (text: string) => findMentions(text, foldText(text), builtinGazetteer(), []).filter((m) => m.kind === 'person').map((m) => m.text);
  assert.deepEqual(people('It is backed by billionaire Mukesh Ambani, reported Reuters.'), ['Mukesh Ambani']);
  assert.deepEqual(people('Sequoia partner Shaun Maguire said the deal closed.'), ['Shaun Maguire']);
  assert.deepEqual(people('The firm was founded by Dong Hongguang, the richest man in town.'), ['Dong Hongguang']);
  assert.deepEqual(people('The head office is in Tokyo.'), []);
});

test('a region before a title is no company ("美洲投資長X")', () => {
  const all = (text: string) => findMentions(text, foldText(text), builtinGazetteer(), []).map((m) => [m.text, m.kind]);
  assert.deepEqual(all('該行美洲投資長Jane Doe表示'), [['Jane Doe', 'person']]);
});

test('English names that open with a common given name are people, without a title', () => {
  const names = (text: string) => people(gz, text).map(([t]) => t);
  assert.deepEqual(names('The buyer is a holding company controlled by Daniel Kretinsky.'), ['Daniel Kretinsky']);
  assert.deepEqual(names('Bart Melek of TD Securities expects gold to rise.'), ['Bart Melek']);
  assert.deepEqual(names("Sarah Guo's fund joined the round."), ['Sarah Guo']);
  // A company word closes no person's name, and a known firm stays a firm.
  assert.deepEqual(names('Daniel Capital Partners and Morgan Stanley led it.'), []);
});

test('Chinese officers and owners of a deal, and what they do after the name', () => {
  const names = (text: string) => people(gz, text).map(([t]) => t);
  assert.deepEqual(names('某某证券分析师杨鑫维持买入评级。'), ['杨鑫']);
  assert.deepEqual(names('公司负责人王道明保证报告真实。'), ['王道明']);
  assert.deepEqual(names('大股东曾婧雯持股由75%摊薄至65%。'), ['曾婧雯']);
  assert.deepEqual(names('卖方陈健基先生订立协议。'), ['陈健基']);
  // A title word followed by no name.
  assert.deepEqual(names('投资人关注度提升，大股东减持计划出炉。'), []);
});
