import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldCode, foldText } from '../../server/src/analysis/text';
import { findMentions } from '../../server/src/analysis/entities';
import { Gazetteer, builtinGazetteer } from '../../server/src/analysis/gazetteer';

const gz = builtinGazetteer();
const ids = (g: Gazetteer, text: string) => findMentions(text, foldText(text), g, []).map((m) => m.id);

test('character variants of Taiwan and Hong Kong text fold to one form', () => {
  assert.equal(foldText('滙'), foldText('匯'));
  assert.equal(foldText('匯'), '汇');
  assert.equal(foldText('臺'), '台');
  assert.equal(foldText('尙淸靑'), '尚清青');
  // A Kangxi radical or a compatibility ideograph folds like the ideograph it stands for.
  assert.equal(foldText('银\u2f8f'), '银行');
  assert.equal(foldText('\uf900'), foldText('\u8c48'));
});

test('folding is one step: a folded character folds to itself', () => {
  for (let c = 0x3400; c < 0xa000; c++) assert.equal(foldCode(foldCode(c)), foldCode(c), String.fromCharCode(c));
  assert.equal(foldText('麼'), foldText('么'));
});

test('one company in Simplified, Traditional and English gets one id', () => {
  const groups: [string, string[]][] = [
    ['tsmc', ['台积电', '台積電', '臺積電', 'TSMC']],
    ['nvidia', ['英伟达', '輝達', 'NVIDIA']],
    ['tencent', ['腾讯', '騰訊', 'Tencent']],
  ];
  for (const [id, names] of groups) for (const n of names) assert.deepEqual(ids(gz, `${n}股价上涨`), [id], n);
  const g = new Gazetteer([{ id: 'hsbc-x', name: 'HSBC', kind: 'company', names: ['汇丰', 'HSBC'], tickers: [] }]);
  assert.deepEqual(ids(g, '滙豐與匯豐、汇丰'.replace(/豐/g, '丰')), ['hsbc-x', 'hsbc-x', 'hsbc-x']);
  // The radical ⾏ folds to 行, so 交通银⾏ ends in 银行 like any bank.
  assert.deepEqual(ids(g, '交通银⾏与汇丰'), ['candidate:交通银行', 'hsbc-x']);
});
