// Fourth round of company data (scripts/data/README.md, "Fourth round"): index constituents
// in Europe, Japan, Korea, Canada and Australia, well-known private and acquired companies,
// investors, exchanges and media, and English names of large mainland listings. Each added
// kind is matched in the scripts the news is written in, and the short names that sit inside
// ordinary phrases stay quiet.
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
const tickerId = (t: string): string => {
  const e = gz.byTicker(t);
  assert.ok(e, `${t} is known`);
  return e.id;
};

test('fourth round: European, Japanese and Korean companies in Simplified Chinese', () => {
  assert.equal(idOf('欧司朗照明业务去年出售后，灯具价格仍在上涨。', '欧司朗'), 'osram');
  assert.equal(idOf('拜尔斯道夫上调了全年销售指引。', '拜尔斯道夫'), 'beiersdorf');
  assert.equal(idOf('汤森路透公布季度收入增长6%。', '汤森路透'), tickerId('NASDAQ:TRI'));
  assert.equal(idOf('孟山都的转基因种子业务曾引发诉讼。', '孟山都'), 'monsanto');
  assert.equal(idOf('达索系统发布新一代设计软件。', '达索系统'), 'dassault-systemes');
  assert.equal(idOf('味之素计划扩建半导体封装材料产能。', '味之素'), tickerId('TSE:2802'));
  assert.equal(idOf('新韩金融集团第三季度净利润增长。', '新韩金融集团'), tickerId('KRX:055550'));
});

test('fourth round: the same companies in Traditional Chinese (Taiwan and Hong Kong forms)', () => {
  assert.equal(idOf('歐司朗的車燈部門獲得新訂單。', '歐司朗'), 'osram');
  assert.equal(idOf('德國郵政旗下快遞業務裁員。', '德國郵政'), 'dhl-group');
  assert.equal(idOf('湯森路透將出售部分資訊業務。', '湯森路透'), tickerId('NASDAQ:TRI'));
  assert.equal(idOf('達梭系統股價週二大漲。', '達梭系統'), 'dassault-systemes');
  assert.equal(idOf('馬莎百貨關閉多家門店。', '馬莎百貨'), 'marks-and-spencer');
});

test('fourth round: English names of foreign, Canadian, Australian and mainland companies', () => {
  assert.equal(idOf('Taylor Wimpey cut its outlook for home completions.', 'Taylor Wimpey'), 'taylor-wimpey');
  assert.equal(idOf('Kansas City Southern was bought by a Canadian railway.', 'Kansas City Southern'), 'kansas-city-southern');
  assert.equal(idOf('Beiersdorf raised prices for Nivea.', 'Beiersdorf'), 'beiersdorf');
  assert.equal(idOf('Wesfarmers reported a higher profit.', 'Wesfarmers'), 'wesfarmers');
  assert.equal(idOf('Haier Smart Home opened a plant in Egypt.', 'Haier Smart Home'), tickerId('SH:600690'));
  assert.equal(idOf('Kweichow Moutai lifted its dividend.', 'Kweichow Moutai'), tickerId('SH:600519'));
});

test('fourth round: investors, exchanges and media are matched with their kinds', () => {
  const nea = find('New Enterprise Associates led the seed round.').find((m) => m.text === 'New Enterprise Associates');
  assert.equal(nea?.id, 'new-enterprise-associates');
  assert.equal(gz.get('new-enterprise-associates')?.sector, 'investor-vc');
  assert.equal(idOf('Y Combinator backed the start-up in 2019.', 'Y Combinator'), 'y-combinator');
  assert.equal(idOf('本轮融资由龙珠资本领投，元璟资本跟投。', '龙珠资本'), 'longzhu-capital');
  assert.equal(idOf('本轮融资由龙珠资本领投，元璟资本跟投。', '元璟资本'), 'vision-knight');
  assert.equal(idOf('本輪融資由龍珠資本領投。', '龍珠資本'), 'longzhu-capital');
  const euronext = find('泛欧交易所宣布收购一家清算所。').find((m) => m.text === '泛欧交易所');
  assert.equal(euronext?.id, 'euronext');
  assert.equal(euronext?.kind, 'exchange');
  assert.equal(idOf('据WirtschaftsWoche报道，该车企将削减成本。', 'WirtschaftsWoche'), 'wirtschaftswoche');
  const apple = find('蘋果日報停刊前曾報道此事。');
  assert.deepEqual(apple.map((m) => [m.text, m.id]), [['蘋果日報', 'apple-daily']], 'the newspaper, not Apple');
  assert.equal(idOf('58同城将分拆安居客。', '58同城'), '58-com');
});

test('fourth round: ordinary phrases around the new short names are not companies', () => {
  const quiet = [
    '新聞和訊息都要核實', // 和讯 (Hexun): only 和讯网 is kept
    '罗姆尼与杰罗姆会面', // 罗姆 (ROHM): only 罗姆半导体 is kept
    '音乐视频平台增长', // 乐视 (LeEco): only 乐视网 is kept
    '供应链家居企业', // 链家 (Lianjia): only 链家网 and 链家地产
    '航空公司将增加航班', // 加航 (Air Canada): left out
    '伦敦豪宅价格下跌', // 敦豪 (DHL): only 敦豪集团 and 敦豪快递
    '萨博尼斯获得篮板', // 萨博 (Saab): blocker
    '英国国家电网的负荷', // National Grid: only 英国国家电网公司
    'The NEA approved two new coal plants.', // New Enterprise Associates: not NEA
    'Patch CVE-2024-3094 now.', // Cenovus (CVE) stays tier 1, so its bare ticker is not read
    'The MPC voted to hold rates.', // Marathon Petroleum (MPC), tier 1
  ];
  for (const text of quiet) assert.deepEqual(find(text).map((m) => [m.text, m.id]), [], text);
});
