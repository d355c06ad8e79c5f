/**
 * The pure parts of entity completion (issue 17): what counts as typed before the cursor,
 * the prefix index over names and tickers, the name written in each script, the note's
 * ticker style, and the script read around the cursor.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/analysis/analyse';
import { builtinGazetteer } from '../../server/src/analysis/gazetteer';
import type { Entity } from '../../server/src/analysis/types';
import { buildEntityKeys, dotTicker, entitiesWithPrefix, foldName, hasPrefix, tickerKeys } from '../../server/src/features/completion/entityKeys';
import { nameIn, otherName } from '../../server/src/features/completion/entityNames';
import { scriptAtCursor } from '../../server/src/features/completion/entities';
import { CHINESE_DEFAULT, detectTickerStyle, ENGLISH_DEFAULT, nameWithTicker } from '../../server/src/features/completion/tickerStyle';
import { typedCandidates } from '../../server/src/features/completion/typedWord';
import { foldKey } from '../../server/src/features/workspaceSymbols';

const texts = (line: string, col = line.length) => typedCandidates(line, col).map((c) => c.text);

test('typed text: every Chinese suffix of two characters or more, longest first; one character only standing alone', () => {
  assert.deepEqual(texts('今天腾讯'), ['今天腾讯', '天腾讯', '腾讯']);
  assert.deepEqual(texts('騰'), ['騰']);
  assert.deepEqual(texts('看 騰'), ['騰']);
  assert.deepEqual(texts('今天腾'), ['今天腾', '天腾'], 'no single 腾 inside the run');
  assert.deepEqual(texts('据报道宁德', 5).at(-1), '宁德');
  assert.equal(typedCandidates('一二三四五六七八九十壹贰叁肆', 14)[0].text.length, 12, 'at most twelve characters back');
});

test('typed text: a Latin or ticker token of two characters or more, and names of several words', () => {
  assert.deepEqual(texts('Shares of 0700.HK'), ['Shares of 0700.HK', 'of 0700.HK', '0700.HK']);
  assert.deepEqual(texts('(SZ:300750'), ['SZ:300750']);
  assert.deepEqual(texts('Tencent M'), ['Tencent M'], 'a last word of one letter counts only with the words before it');
  assert.deepEqual(texts('T'), []);
  assert.deepEqual(texts('0'), []);
  assert.deepEqual(texts('腾讯 '), [], 'nothing after a space');
  assert.deepEqual(texts(''), []);
  assert.deepEqual(texts('Tencent', 99), ['Tencent'], 'a column past the end is the end');
  assert.deepEqual(texts('.HK'), ['HK'], 'a token does not begin with punctuation');
  assert.deepEqual(texts('-:.'), []);
  assert.deepEqual(texts('x'.repeat(100_000)), [], 'a token longer than any name is not read back to its start');
  assert.deepEqual(texts('腾'.repeat(100_000)).length, 11, 'a long Chinese run is read back twelve characters only');
});

test('the prefix index finds names in either script, tickers in every form, digits without leading zeros', () => {
  const entities: Entity[] = [
    { id: 'tencent', name: 'Tencent', kind: 'company', names: ['腾讯', '騰訊', 'Tencent'], tickers: ['HK:00700', 'TCEHY'] },
    { id: 'catl', name: 'CATL', kind: 'company', names: ['宁德时代', 'CATL'], tickers: ['SZ:300750'] },
    { id: 'baba', name: 'Alibaba', kind: 'company', names: ['阿里巴巴', 'BABA'], tickers: ['NYSE:BABA', 'BABA'] },
  ];
  const index = buildEntityKeys(entities);
  const find = (q: string) => entitiesWithPrefix(index, q).map((h) => entities[h.entity].id);
  assert.deepEqual(find(foldName('騰')), ['tencent']);
  assert.deepEqual(find('#700'), ['tencent']);
  assert.deepEqual(find('0700.h'), ['tencent']);
  assert.deepEqual(find('hk:007'), ['tencent']);
  assert.deepEqual(find('#3007'), ['catl']);
  assert.deepEqual(find('宁德'), ['catl']);
  assert.equal(hasPrefix(index, 'xq'), false);
  const baba = entitiesWithPrefix(index, 'baba')[0];
  assert.equal(baba.exact, true);
  assert.equal(baba.byTicker, false, 'a name that is also a code counts as a name');
  assert.equal(entitiesWithPrefix(index, '#700')[0].byTicker, true);
  assert.deepEqual(tickerKeys('HK:00700').sort(), ['#700', '00700', '0700.hk', 'hk:00700']);
  assert.equal(dotTicker('HK:09988'), '9988.HK');
  assert.equal(dotTicker('SZ:300750'), '300750.SZ');
  assert.equal(dotTicker('NYSE:BABA'), 'BABA');
  assert.equal(dotTicker('KOSDAQ:123'), 'KOSDAQ:123', 'an exchange without a dot form keeps its canonical form');
});

test('foldName folds as foldKey does', () => {
  for (const s of ['騰訊控股', 'ＴＥＮＣＥＮＴ', ' Tencent Music ', '寧德時代', 'HK:00700', 'Ｍｉｘ 騰']) assert.equal(foldName(s), foldKey(s));
});

test('the name written in each script, preferring one that continues what was typed', () => {
  const g = builtinGazetteer();
  const tencent = g.get('tencent')!;
  assert.equal(nameIn(tencent, 'traditional'), '騰訊');
  assert.equal(nameIn(tencent, 'simplified'), '腾讯');
  assert.equal(nameIn(tencent, 'english'), 'Tencent');
  assert.equal(nameIn(tencent, 'traditional', '腾讯控'), '騰訊控股');
  assert.equal(otherName(tencent, 'simplified'), 'Tencent');
  assert.equal(otherName(tencent, 'english'), '腾讯');
  const own: Entity = { id: 'x', name: '远澜算力', kind: 'company', names: ['远澜算力', 'Yuanlan Compute'], tickers: [] };
  assert.equal(nameIn(own, 'traditional'), '遠瀾算力', 'converted when no Traditional spelling is listed');
  assert.equal(nameIn(own, 'english'), 'Yuanlan Compute');
  const latinOnly: Entity = { id: 'y', name: 'Lightmatter', kind: 'company', names: ['Lightmatter'], tickers: [] };
  assert.equal(nameIn(latinOnly, 'simplified'), 'Lightmatter', 'no Chinese name: the name as it is');
});

test("the ticker style: the note's most frequent way, else the language's default", () => {
  const style = (text: string, chinese: boolean) => detectTickerStyle(text, analyse(text).mentions, chinese);
  assert.deepEqual(style('腾讯(0700.HK)发布财报。阿里巴巴(9988.HK)下跌。', true), { open: '(', close: ')', form: 'dot' });
  assert.deepEqual(style('邁為股份 SZ:300751 漲停。', true), { open: ' ', close: '', form: 'colon' });
  assert.deepEqual(style('Tencent (0700.HK) rose.', false), { open: ' (', close: ')', form: 'dot' });
  assert.deepEqual(style('腾讯发布财报。', true), CHINESE_DEFAULT);
  assert.deepEqual(style('腾讯（0700.HK）发布财报。', false), ENGLISH_DEFAULT, 'a full-width style is not used for English text');
  assert.equal(nameWithTicker('宁德时代', 'SZ:300750', CHINESE_DEFAULT), '宁德时代（300750.SZ）');
  assert.equal(nameWithTicker('Alibaba', 'NYSE:BABA', { open: ' ', close: '', form: 'colon' }), 'Alibaba NYSE:BABA');
  assert.equal(nameWithTicker('Tencent', 'HK:00700', ENGLISH_DEFAULT), 'Tencent (0700.HK)');
});

test('the script at the cursor leaves out what is typed and falls back to the document', () => {
  const at = (text: string, typed: string, traditional = false) => scriptAtCursor(text, text.length - typed.length, text.length, traditional);
  assert.equal(at('港股速覽\n\n輝達與台積電的供應鏈，還有腾', '腾'), 'traditional');
  assert.equal(at('# 周记\n\n英伟达与台积电的供应链，还有騰', '騰'), 'simplified');
  assert.equal(at('Weekly notes\n\nThe results of Tenc', 'Tenc'), 'english');
  assert.equal(at('# 周记\n\n据报道 CATL', 'CATL'), 'simplified');
  assert.equal(at('騰', '騰', true), 'traditional', 'nothing else in the note: the document decides');
  assert.equal(at('', '', false), 'simplified');
  assert.equal(at('Weekly notes\n\nTencent rose.\n\n騰', '騰'), 'english', 'a Chinese name typed alone in an English note');
});
