// The company and people data: Chinese names of HK listings, US-listed Chinese companies and
// foreign companies in both scripts, people, and the ordinary words they must not match.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldText } from '../../server/src/analysis/text';
import { findMentions } from '../../server/src/analysis/entities';
import { builtinGazetteer } from '../../server/src/analysis/gazetteer';
import type { Mention } from '../../server/src/analysis/types';

const gz = builtinGazetteer();
const find = (text: string): Mention[] => findMentions(text, foldText(text), gz, []);
/** The mention whose text is `name` in `text`. */
function mentionOf(text: string, name: string): Mention {
  const m = find(text).find((x) => x.text === name);
  assert.ok(m, `${name} is a mention in: ${text} (found ${JSON.stringify(find(text).map((x) => x.text))})`);
  return m;
}

test('an HK company written in Chinese is its English name and its ticker', () => {
  const id = gz.byTicker('02888.HK')?.id;
  assert.ok(id, 'Standard Chartered is listed');
  assert.equal(mentionOf('渣打公布全年業績，派息增加。', '渣打').id, id);
  assert.equal(mentionOf('渣打集团回购股份', '渣打集团').id, id);
  assert.equal(mentionOf('Standard Chartered raised its dividend.', 'Standard Chartered').id, id);

  const hsbc = gz.byTicker('HK:00005')?.id;
  assert.ok(hsbc);
  assert.equal(mentionOf('滙控季績勝預期，股價升3%。', '滙控').id, hsbc);
  assert.equal(mentionOf('汇控季绩胜预期，股价升3%。', '汇控').id, hsbc);
  assert.equal(mentionOf('匯豐控股宣布派息', '匯豐控股').id, hsbc);
  assert.equal(mentionOf('HSBC beat estimates.', 'HSBC').id, hsbc);
  assert.equal(gz.byTicker('NYSE:HSBC')?.id, hsbc, 'the US listing is the same company');
});

test('HK short names come in both scripts, with and without their suffix', () => {
  const aia = gz.byTicker('01299.HK')!.id;
  for (const name of ['友邦保險', '友邦保险', '友邦']) assert.equal(mentionOf(`${name}新業務價值增長`, name).id, aia, name);
  const tti = gz.byTicker('00669.HK')!.id;
  assert.equal(mentionOf('創科實業盈利回升', '創科實業').id, tti);
  assert.equal(mentionOf('创科实业盈利回升', '创科实业').id, tti);
  // An A+H company is one entity: its H-share ticker and its A-share name.
  assert.equal(mentionOf('中國移動派末期息', '中國移動').id, gz.byTicker('00941.HK')!.id);
  assert.equal(gz.byTicker('00941.HK')!.id, gz.byTicker('SH:600941')!.id);
});

test('a US-listed Chinese company: Chinese name, English name and both listings', () => {
  const weibo = mentionOf('微博第三季度广告收入下滑', '微博').id;
  assert.equal(mentionOf('Weibo reported lower ad revenue.', 'Weibo').id, weibo);
  assert.equal(gz.byTicker('NASDAQ:WB')?.id, weibo);
  assert.equal(gz.byTicker('09898.HK')?.id, weibo);
  const zhihu = mentionOf('知乎与哔哩哔哩的内容社区', '知乎').id;
  assert.equal(gz.byTicker('NYSE:ZH')?.id, zhihu);
});

test('a foreign company in Simplified, Traditional and English is one id', () => {
  // 苹果 is also a fruit: it counts with evidence (a legal suffix, its ticker, a list).
  const apple = mentionOf('蘋果公司公布財報', '蘋果公司').id;
  assert.equal(mentionOf('苹果(AAPL)股价创新高', '苹果').id, apple);
  assert.equal(mentionOf('蘋果、微軟與谷歌', '蘋果').id, apple);
  assert.equal(mentionOf('Apple shipped fewer iPhones.', 'Apple').id, apple);
  const gm = mentionOf('通用汽车在华销量回升', '通用汽车').id;
  assert.equal(mentionOf('通用汽車在華銷量回升', '通用汽車').id, gm);
  assert.equal(gz.byTicker('NYSE:GM')?.id, gm);
  const vw = mentionOf('大众汽车与福斯汽車', '大众汽车').id;
  assert.equal(mentionOf('大众汽车与福斯汽車', '福斯汽車').id, vw, 'the Taiwan name');
});

test('a person in both scripts and in English is one id of kind person', () => {
  const texts: [string, string][] = [
    ['馬斯克表示將擴產', '馬斯克'],
    ['马斯克表示将扩产', '马斯克'],
    ['Elon Musk said output would rise.', 'Elon Musk'],
  ];
  const ms = texts.map(([t, n]) => mentionOf(t, n));
  for (const m of ms) assert.equal(m.kind, 'person');
  assert.equal(new Set(ms.map((m) => m.id)).size, 1);
  assert.equal(mentionOf('黃仁勳與黄仁勋', '黃仁勳').id, mentionOf('黃仁勳與黄仁勋', '黄仁勋').id);
});

test('brokers, research firms and media have their kinds', () => {
  assert.equal(mentionOf('据鉅亨網报道', '鉅亨網').kind, 'media');
  assert.equal(mentionOf('中央社電', '中央社').kind, 'media');
  assert.equal(mentionOf('IDG资本领投', 'IDG资本').kind, 'company');
  assert.equal(mentionOf('集邦咨询预计', '集邦咨询').kind, 'company');
  assert.equal(mentionOf('美林下调评级', '美林').kind, 'company');
});

test('ordinary words that contain a new short name are not mentions', () => {
  const quiet = [
    '董事长和总经理出席会议', // 長和 (CK Hutchison)
    '议案在会议中通过', // 中通 (ZTO)
    '增强生产能力', // 强生 (Johnson & Johnson)
    '共同创造美好未来', // 好未来 (TAL)
    '成都太古里人流回升', // 太古 (Swire)
    '航空客运量恢复', // 空客 (Airbus)
    '他在来信报告中说', // 信报 (Hong Kong Economic Journal)
    '北京公司与深圳公司', // 北京 / 深圳 of 北京控股 / 深圳控股
    '大酒店的未来发展成为新焦点', // HK short names that are phrases
    '库克群岛的旅游业', // 库克 (Tim Cook)
  ];
  for (const text of quiet) assert.deepEqual(find(text).map((m) => [m.text, m.id]), [], text);
});

test('tickers that are also abbreviations count only in ticker context', () => {
  assert.deepEqual(find('RTX 5090 显卡供不应求').filter((m) => m.kind === 'company'), []);
  assert.equal(find('雷神技术(NYSE: RTX)获新订单')[0]?.id, gz.byTicker('NYSE:RTX')?.id);
});

test('spellings that differ only in letter case are all kept (the runtime matches Latin names with their case)', () => {
  assert.equal(mentionOf('Nvidia reported record sales; NVIDIA shares rose.', 'Nvidia').id, 'nvidia');
  assert.equal(mentionOf('Nvidia reported record sales; NVIDIA shares rose.', 'NVIDIA').id, 'nvidia');
  assert.equal(mentionOf('iFLYTEK showed a new model.', 'iFLYTEK').id, 'iflytek');
});
