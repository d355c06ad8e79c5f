// Fifth round of company data (scripts/data/README.md, "Fifth round"): unlisted unicorns and
// start-ups in China, India, Europe and the US, Chinese state investment platforms and
// government-guided funds, and Indian and South-East Asian investors and media. Each added kind
// is matched in the scripts the news is written in, and short names stay quiet inside ordinary
// phrases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldText } from '../../server/src/analysis/text';
import { findMentions } from '../../server/src/analysis/entities';
import { builtinGazetteer } from '../../server/src/analysis/gazetteer';
import type { Mention } from '../../server/src/analysis/types';

const gz = builtinGazetteer();
const find = (text: string): Mention[] => findMentions(text, foldText(text), gz, []);
/** The id of the mention whose text is `name` in `text`. */
function idOf(text: string, name: string): string {
  const m = find(text).find((x) => x.text === name);
  assert.ok(m, `${name} is a mention in: ${text} (found ${JSON.stringify(find(text).map((x) => x.text))})`);
  return m.id;
}
const texts = (text: string): string[] => find(text).map((m) => m.text);

test('fifth round: Chinese start-ups in Simplified and Traditional script', () => {
  assert.equal(idOf('空中云汇完成新一轮融资，估值超过60亿美元。', '空中云汇'), 'airwallex');
  assert.equal(idOf('蓝箭航天的朱雀三号火箭完成首飞。', '蓝箭航天'), 'landspace');
  assert.equal(idOf('藍箭航天的朱雀三號火箭完成首飛。', '藍箭航天'), 'landspace');
  assert.equal(idOf('海辰储能递交了港股上市申请。', '海辰储能'), 'hithium');
  assert.equal(idOf('中國銀聯公布跨境交易數據。', '中國銀聯'), 'unionpay');
});

test('fifth round: state investment platforms and a fund\'s later phase', () => {
  assert.equal(idOf('本轮融资由大基金二期领投。', '大基金二期'), 'big-fund-ii');
  assert.equal(idOf('国家集成电路产业投资基金三期出资设立新公司。', '国家集成电路产业投资基金三期'), 'big-fund-iii');
  assert.equal(idOf('国调基金参与了此次定增。', '国调基金'), 'china-structural-reform-fund');
  assert.equal(idOf('昆侖資本與中車資本共同出資。', '昆侖資本'), 'kunlun-capital');
  assert.equal(idOf('中国互联网投资基金和深投控参与了B轮投资。', '深投控'), 'shenzhen-investment-holdings');
});

test('fifth round: Indian, European and US companies, investors and media in English', () => {
  assert.equal(idOf('Zepto raised $450 million led by Peak XV.', 'Zepto'), 'zepto');
  assert.equal(idOf('Zepto raised $450 million led by Peak XV.', 'Peak XV'), 'peak-xv');
  assert.equal(idOf('Meesho shares rose on debut, Inc42 reported.', 'Inc42'), 'inc42');
  assert.equal(idOf('Blume Ventures and Chiratae Ventures joined the round.', 'Blume Ventures'), 'blume-ventures');
  assert.equal(idOf('Monzo and Revolut compete for UK customers.', 'Monzo'), 'monzo');
  assert.equal(idOf('Celonis cut jobs in Munich.', 'Celonis'), 'celonis');
  assert.equal(idOf('NEW DELHI, March 3 (IANS): Groww filed its papers.', 'IANS'), 'ians');
});

test('fifth round: short and common names stay quiet in ordinary phrases', () => {
  assert.deepEqual(texts('The tide turned against bond investors this week.'), []);
  assert.deepEqual(texts('新石器时代的遗址出土了大量陶器。'), []);
  assert.ok(!texts('大基金方面表示将继续投资。').includes('大基金二期'));
  assert.ok(!texts('We expect ET to rise.').includes('ET'));
  assert.deepEqual(texts('其中网投平台的风险较大。').filter((t) => t.includes('中网投')), []);
});
