/**
 * Money on forms met in unseen text: one-character tens (廿 卅 卌), compound Indian scales,
 * minus signs, moves written A至B after a verb of change, years after a list, and the words
 * that place a bare 元 in Hong Kong. Sentences are our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findFigures } from '../../server/src/analysis/money';
import { foldText, isMostlyTraditional } from '../../server/src/analysis/text';

const figs = (text: string) => findFigures(text, foldText(text), { traditional: isMostlyTraditional(text) });
const brief = (text: string) => figs(text).map((f) => [f.text, f.currency, f.value]);

test('廿 卅 卌 are twenty, thirty and forty, and no part of such a numeral is a figure', () => {
  assert.deepEqual(brief('甲公司季度營收近卅一點六億美元。'), [['卅一點六億美元', 'USD', 3.16e9]]);
  assert.deepEqual(brief('乙公司配股集資近廿七億港元。'), [['廿七億港元', 'HKD', 2.7e9]]);
  assert.deepEqual(brief('估值約卌億元人民幣。').map((x) => x[2]), [4e9]);
});

test('lakh crore and thousand crore multiply', () => {
  assert.deepEqual(brief('The lender was worth Rs 2.05 lakh crore, a rival Rs 8 thousand crore.'), [
    ['Rs 2.05 lakh crore', 'INR', 2.05e12],
    ['Rs 8 thousand crore', 'INR', 8e10],
  ]);
  assert.deepEqual(brief('She raised Rs 4 lakh.'), [['Rs 4 lakh', 'INR', 4e5]]);
});

test('a minus sign of its own makes a negative figure; a dash between numbers stays a range', () => {
  assert.deepEqual(brief('基差报-120元/吨。'), [['-120元/吨', 'CNY', -120]]);
  // A range from a negative amount is left out rather than read with a wrong middle.
  assert.deepEqual(brief('区间为 -20 元至 30 元'), []);
  const range = figs('报价500-620元/吨。')[0];
  assert.equal(range.min, 500);
  assert.equal(range.max, 620);
});

test('after a Chinese verb of change, A至B is a move to B, not a range', () => {
  assert.deepEqual(brief('甲股續升2元至81.5元。').map((x) => x[0]), ['2元', '81.5元']);
  // "两成六" is 26%: its 六 opens no amount.
  assert.deepEqual(brief('上半年純利下跌兩成六至十八億元。').map((x) => [x[0], x[2]]), [['十八億元', 1.8e9]]);
  // A range stays a range.
  assert.equal(figs('预计收入20至25亿元。')[0].min, 2e9);
});

test('a year after a list of amounts is no amount', () => {
  assert.deepEqual(brief('Sales of about €12 billion this year and 2027 sales of €15 billion.').map((x) => x[0]), ['€12 billion', '€15 billion']);
});

test('Hong Kong market words place a bare 元 in Hong Kong; mainland 募集资金 does not', () => {
  assert.equal(figs('丙公司以接近招股价下限的0.8元定价。')[0].currency, 'HKD');
  assert.equal(figs('个股方面，丁公司沽空金额3.2亿元。')[0].currency, 'HKD');
  assert.equal(figs('预计募集资金总额为12亿元。')[0].currency, 'CNY');
});

test('amounts shared by a slash list, Chinese numerals before 仙, amounts in words in yen and lakh', () => {
  assert.deepEqual(brief('预计三年净利润分别为3.2/4.1/5.05亿元。').map((x) => x[2]), [3.2e8, 4.1e8, 5.05e8]);
  assert.deepEqual(brief('日期2025/01/15，营收5亿元。').map((x) => x[0]), ['5亿元']);
  assert.deepEqual(brief('末期息每股二十仙。'), [['二十仙', 'HKD', 0.2]]);
  assert.deepEqual(brief('八仙过海。'), []);
  assert.deepEqual(brief('A set costs four thousand yen.'), [['four thousand yen', 'JPY', 4000]]);
  assert.deepEqual(brief('He lent three lakh rupees.'), [['three lakh rupees', 'INR', 3e5]]);
});

test('a yen sign after the number, and the ringgit by its Chinese names', () => {
  assert.deepEqual(brief('In Osaka a bento sells at 980¥.'), [['980¥', 'JPY', 980]]);
  assert.deepEqual(brief('净利为31亿令吉。'), [['31亿令吉', 'MYR', 3.1e9]]);
});

test('a ¥ with no cue near reads as the ¥ before it in the same paragraph', () => {
  const pad = ' of the year, which the board discussed at length before its vote on the plan'.repeat(5);
  const text = `Sony Group booked ¥120 billion in charges${pad}, while analysts had expected ¥95 billion.`;
  const got = findFigures(text, foldText(text), { traditional: false }).map((f) => f.currency);
  assert.deepEqual(got, ['JPY', 'JPY']);
  const other = `新品售价¥199。\n${pad}\n另一款售价¥299`;
  assert.deepEqual(findFigures(other, foldText(other), { traditional: false }).map((f) => f.currency), ['CNY', 'CNY']);
});

test('a bare $ of a report on TSX, ASX or Hong Kong listings is the market\'s own dollar', () => {
  // A Toronto report that writes US$ for the US dollar means its own by a bare $.
  const toronto = 'Maple Rail Corp. (TSX:MRC) fell 40 cents to $31.20, while a rival paid a US$90-million fee.';
  assert.deepEqual(brief(toronto), [['40 cents', 'CAD', 0.4], ['$31.20', 'CAD', 31.2], ['US$90-million', 'USD', 9e7]]);
  // A wire that writes C$ out means the US dollar by a bare one.
  assert.deepEqual(brief('Northwind Mines (TSX:NWM) agreed to pay C$1.2 billion ($880 million).').map((x) => x[1]), ['CAD', 'USD']);
  assert.deepEqual(brief('The ASX-listed miner lifted its dividend to 31 cents from $1.10 a year earlier.').map((x) => x[1]), ['AUD', 'AUD']);
  assert.deepEqual(brief('The chipmaker said revenue rose to $12.5 billion.').map((x) => x[1]), ['USD']);
  // Hong Kong papers write a bare $ for their dollar, as they write 元.
  assert.deepEqual(brief('新股孖展認購火熱，招股價定於下限$3.16，另一隻新股配售價$0.45。').map((x) => x[1]), ['HKD', 'HKD']);
});

test('list members share the unit per share of the last one, and Chinese digits take a dot', () => {
  assert.deepEqual(brief('券商預估明後三年每股純益（EPS）為21.5/30.8/41.2元，台股表現強勁。').map((x) => [x[0], x[2]]), [['21.5', 21.5], ['30.8', 30.8], ['41.2元', 41.2]]);
  assert.deepEqual(brief('該股股價一百零八.五元。').map((x) => x[2]), [108.5]);
});

test('分 after 每股 is the yuan\'s fen; other 分 are not money', () => {
  assert.deepEqual(brief('期內每股盈利6.25分，每股派中期息3分。'), [['6.25分', 'CNY', 0.0625], ['3分', 'CNY', 0.03]]);
  assert.deepEqual(brief('派中期息3分。'), []);
  assert.deepEqual(brief('每股收益增长，比赛得了3分，会议用时20分钟。'), []);
});

test('the value of a board lot (每手) places 元 in Hong Kong', () => {
  assert.deepEqual(brief('公司更改每手買賣單位，按收市價計算，現時每手市值5.72萬元。').map((x) => x[1]), ['HKD']);
});

test('a hedged 亿元 or a class of amounts (亿元级) is about one unit; a unit label is not money', () => {
  assert.deepEqual(figs('公司完成近亿元融资。').map((f) => [f.text, f.value, f.approximate, f.qualifier]), [['亿元', 1e8, true, '近']]);
  assert.deepEqual(brief('另一家完成亿元级A轮融资。').map((x) => x[2]), [1e8]);
  assert.deepEqual(brief('单位：亿元。'), []);
});

test('more currencies by name and code: ringgits and sen, reais, pesos and mdp, AED, SAR, SG$, RM', () => {
  assert.deepEqual(brief('Profit was 8.1 million ringgits, or 4 sen per share.'), [['8.1 million ringgits', 'MYR', 8.1e6], ['4 sen per share', 'MYR', 0.04]]);
  assert.deepEqual(brief('Net income reached 12.5 billion reais.'), [['12.5 billion reais', 'BRL', 1.25e10]]);
  assert.deepEqual(brief('The bottler earned 2,410 mdp, against 2,100 million pesos.').map((x) => [x[1], x[2]]), [['MXN', 2.41e9], ['MXN', 2.1e9]]);
  assert.deepEqual(brief('It booked AED 820 million and SAR 3.1 billion.').map((x) => x[1]), ['AED', 'SAR']);
  assert.deepEqual(brief('The Hong Kong SAR turned 25 years old.'), []);
  assert.deepEqual(brief('Revenue rose to SG$84.2 million and RM2.5 billion.').map((x) => x[1]), ['SGD', 'MYR']);
});

test('a share price in bare 元 beside a Hong Kong code is in Hong Kong dollars; earnings stay in yuan', () => {
  assert.deepEqual(brief('某电力(00002.HK)获买入评级，目标价由70元上调至75元。').map((x) => x[1]), ['HKD', 'HKD']);
  assert.deepEqual(brief('某控股(00700.HK)每股盈利12元。').map((x) => x[1]), ['CNY']);
  assert.deepEqual(brief('某公司(01234.HK)内资股要约价由1.20元/股升至1.45元/股。').map((x) => x[1]), ['CNY', 'CNY']);
  // A count after a list of amounts is none of them.
  assert.deepEqual(brief('公司发行3.2亿美元、3.5年期美元债券。').map((x) => x[0]), ['3.2亿美元']);
});

test('square feet place 元 in Hong Kong; a move in the infinitive is no range', () => {
  assert.deepEqual(brief('該單位實用1200方呎，以3.2億元沽出，呎價2.6萬元。').map((x) => x[1]), ['HKD', 'HKD']);
  assert.deepEqual(brief('Sales are expected to fall 12.5 billion yen to 820 billion yen.').map((x) => [x[0], x[2]]), [['12.5 billion yen', 1.25e10], ['820 billion yen', 8.2e11]]);
});

test('an amount converted into the local dollar in a note after it is in yuan; Hong Kong property words', () => {
  assert.deepEqual(brief('比亞迪淨利78.2億元（約台幣338億），台積電營收8000億元。').map((x) => [x[0], x[1]]), [['78.2億元', 'CNY'], ['台幣338億', 'TWD'], ['8000億元', 'TWD']]);
  assert.deepEqual(brief('項目折實售價介乎421.1萬元至870萬元，平均尺價約12569元。').map((x) => x[1]), ['HKD', 'HKD']);
});

test('a plain price in 元 in the clause a Hong Kong listing code opens is in Hong Kong dollars', () => {
  assert.deepEqual(brief('某行指出，阿里(09988.HK)由156元升至172元。'), [['156元', 'HKD', 156], ['172元', 'HKD', 172]]);
  // Not a total, nor a dividend, which mainland issuers give in yuan.
  assert.deepEqual(brief('腾讯(00700.HK)净利润1000亿元。'), [['1000亿元', 'CNY', 100000000000]]);
  assert.deepEqual(brief('小米(01810.HK)派息0.5元。'), [['0.5元', 'CNY', 0.5]]);
});

test('a currency named before a plain number is read where the number is a price', () => {
  assert.deepEqual(brief('目標價則由港元265升至470港元。'), [['港元265', 'HKD', 265], ['470港元', 'HKD', 470]]);
  assert.deepEqual(brief('股价报港元12.5。'), [['港元12.5', 'HKD', 12.5]]);
  // Elsewhere a name before a plain number stays no figure.
  assert.deepEqual(brief('花费港元3000。'), []);
});

test('亿元认购 is an amount (元认知 is a word); a note separated by ；; a change by A to B is a move', () => {
  assert.deepEqual(brief('公司以12.5亿元认购4008.98万股。'), [['12.5亿元', 'CNY', 1250000000]]);
  assert.deepEqual(brief('提升元认知能力。'), []);
  assert.deepEqual(brief('營業額增至5022.51億元（人民幣；下同），溢利252.38億元。台積電').map((x) => x[1]), ['CNY', 'CNY']);
  assert.deepEqual(brief('Copper soared by 19.45 cents to 340.80 cents a pound.').map((x) => x[0]), ['19.45 cents', '340.80 cents']);
  assert.deepEqual(brief('It cut prices by $5 to $10.').map((x) => x[0]), ['$5 to $10']);
});
