import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldText } from '../../server/src/analysis/text';
import { findMentions } from '../../server/src/analysis/entities';
import { Gazetteer, builtinGazetteer } from '../../server/src/analysis/gazetteer';
import type { Entity } from '../../server/src/analysis/types';

const gz = builtinGazetteer();
const findIn = (g: Gazetteer, text: string) => findMentions(text, foldText(text), g, []);
const pairsIn = (g: Gazetteer, text: string) => findIn(g, text).map((m) => [m.text, m.id] as const);
const co = (id: string, names: string[], tickers: string[] = []): Entity => ({ id, name: names[0], kind: 'company', names, tickers });

test('a parent name with a subsidiary word is the subsidiary, not the parent', () => {
  const ms = findIn(gz, 'Intel Capital led the round, while Intel itself slipped.');
  assert.deepEqual(ms.map((m) => m.text), ['Intel Capital', 'Intel']);
  assert.notEqual(ms[0].id, 'intel');
  assert.equal(ms[1].id, 'intel');
  const cjk = findIn(gz, '英特尔资本参投,英特尔股价下跌');
  assert.deepEqual(cjk.map((m) => m.text), ['英特尔资本', '英特尔']);
  assert.notEqual(cjk[0].id, 'intel');
  // Ordinary phrases after a name are not subsidiaries.
  assert.deepEqual(pairsIn(gz, '腾讯资本开支大增'), [['腾讯', 'tencent']]);
  assert.deepEqual(pairsIn(gz, '阿里巴巴集团公布'), [['阿里巴巴集团', 'alibaba']]);
});

test('a subsidiary listed under its own id keeps it; the parent keeps its own', () => {
  assert.deepEqual(pairsIn(gz, 'Google DeepMind 发布新模型,Google 股价上涨'), [['Google DeepMind', 'google-deepmind'], ['Google', 'alphabet']]);
  assert.deepEqual(pairsIn(gz, '阿里云与阿里巴巴'), [['阿里云', 'alibaba-cloud'], ['阿里巴巴', 'alibaba']]);
  // A later entry that names the subsidiary takes the name away from the parent.
  const g = new Gazetteer([co('shop', ['Shopco', 'Shopco Cloud Services', 'SCS']), co('scs', ['Shopco Cloud Services', 'SCS'])]);
  assert.deepEqual(pairsIn(g, 'SCS grew faster than Shopco.'), [['SCS', 'scs'], ['Shopco', 'shop']]);
  assert.deepEqual(pairsIn(g, 'Shopco Cloud Services and Shopco'), [['Shopco Cloud Services', 'scs'], ['Shopco', 'shop']]);
});

test('bare codes used as names resolve to their company in stock context', () => {
  assert.deepEqual(pairsIn(gz, '300750涨停,市场情绪回暖'), [['300750', 'catl']]);
  assert.deepEqual(pairsIn(gz, '关注代码300750的走势'), [['300750', 'catl']]);
  const ms = findIn(gz, '宁德时代300750盘中走强');
  assert.deepEqual(ms.map((m) => [m.text, m.id, m.ticker]), [['宁德时代', 'catl', '300750']]);
  // Six digits that are not a stock code in context.
  assert.deepEqual(pairsIn(gz, '共计300750股'), []);
  assert.deepEqual(pairsIn(gz, '合同编号300750已归档'), []);
  assert.deepEqual(pairsIn(gz, '收入300750元'), []);
});

test('a place in parentheses after a company makes its unit there, never a mention of the place', () => {
  const one = (text: string) => findMentions(text, foldText(text), gz, []).map((m) => [m.text, m.kind]);
  assert.deepEqual(one('科威特投资局及中石化(香港)各出资5亿美元'), [['科威特投资局', 'company'], ['中石化(香港)', 'candidate']]);
  assert.deepEqual(one('Tencent (China) said'), [['Tencent (China)', 'candidate']]);
  assert.deepEqual(one('腾讯(0700.HK)公布业绩').map(([t]) => t), ['腾讯']);
});

test('a company\'s registered unit in a place, and a short form of a name written in full nearby', () => {
  const one = (text: string) => findMentions(text, foldText(text), gz, []).map((m) => [m.text, m.kind]);
  assert.deepEqual(one('拟向上海电气香港有限公司等股东收购'), [['上海电气香港有限公司', 'candidate']]);
  const ms = findMentions('恒生銀行公布私有化方案。消息公布後，恒生股價收盤大漲。', foldText('恒生銀行公布私有化方案。消息公布後，恒生股價收盤大漲。'), gz, []);
  assert.deepEqual(ms.map((m) => m.text), ['恒生銀行', '恒生']);
  assert.equal(ms[1].id, ms[0].id);
});

test('a bank\'s or broker\'s unit in a market or region is a company of its own', () => {
  const one = (text: string) => findMentions(text, foldText(text), gz, []).map((m) => [m.text, m.kind]);
  assert.deepEqual(one('underwriters Citigroup Global Markets and Morgan Stanley Asia'), [['Citigroup Global Markets', 'candidate'], ['Morgan Stanley Asia', 'candidate']]);
  assert.deepEqual(one('Nvidia China-made chips').map(([t]) => t), ['Nvidia']);
});

test('an exchange\'s venture arm is a company of its own, not the exchange', () => {
  const ms = findIn(gz, 'The round was led partly by Coinbase Ventures. Coinbase rose.');
  assert.deepEqual(ms.map((m) => m.text), ['Coinbase Ventures', 'Coinbase']);
  assert.notEqual(ms[0].id, ms[1].id);
});

test('a fund a company names ("小米智造股权基金") is a unit of its own; funds about a company are not', () => {
  const texts = (text: string) => findIn(gz, text).map((m) => [m.text, m.kind]);
  assert.deepEqual(texts('小米智造股权基金由小米牵头成立。'), [['小米智造股权基金', 'candidate'], ['小米', 'company']]);
  assert.deepEqual(texts('小米今年基金经理增持'), [['小米', 'company']]);
  assert.deepEqual(texts('宁德时代股票基金'), [['宁德时代', 'company']]);
});
