// Sixth round of company data (scripts/data/README.md, "Sixth round"): listings outside the
// ten exchanges of listed.csv (the Gulf, Israel, Turkey, Latin America, South-East Asia,
// India, Africa), state funds, and the brokers and investment banks that research notes cite
// as sources. Each added kind is matched in the scripts the news is written in, and short or
// common names stay quiet inside ordinary phrases.
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

test('sixth round: Gulf, Israeli and Turkish companies in Chinese and English', () => {
  assert.equal(idOf('沙特基础工业公司下调了化工产品价格。', '沙特基础工业公司'), 'sabic');
  assert.equal(idOf('伊瑪爾地產在杜拜推出新項目。', '伊瑪爾地產'), 'emaar');
  assert.equal(idOf('阿联酋电信收购了一家欧洲运营商。', '阿联酋电信'), 'e-and');
  assert.equal(idOf('QNB and KFH reported higher profits.', 'KFH'), 'kfh');
  assert.equal(idOf('ADNOC Gas and Aldar both rose in Abu Dhabi.', 'ADNOC Gas'), 'adnoc-gas');
  assert.equal(idOf('The fund backed G42 and Humain.', 'Humain'), 'humain');
  assert.equal(idOf('以色列工人银行第三季度净利增长。', '以色列工人银行'), 'bank-hapoalim');
  assert.equal(idOf('Turkish Airlines ordered more Airbus jets.', 'Turkish Airlines'), 'turkish-airlines');
});

test('sixth round: Latin American companies, their ADR rows and local listings', () => {
  assert.equal(idOf('Itaú and Bradesco reported results.', 'Itaú'), 'itau-unibanco');
  assert.equal(idOf('Itaú and Bradesco reported results.', 'Bradesco'), 'nyse-bbd');
  assert.equal(idOf('巴航工业交付了更多飞机。', '巴航工业'), 'nyse-embj');
  assert.equal(idOf('西麥斯宣布在美國收購水泥廠。', '西麥斯'), 'nyse-cx');
  assert.equal(idOf('Walmex and Coca-Cola FEMSA rose.', 'Coca-Cola FEMSA'), 'coca-cola-femsa');
  assert.equal(idOf('Walmex and Coca-Cola FEMSA rose.', 'Walmex'), 'walmex');
});

test('sixth round: South-East Asian companies in Malaysian, Singapore and Taiwan usage', () => {
  assert.equal(idOf('联昌国际与大众银行的贷款增长放缓。', '联昌国际'), 'cimb');
  assert.equal(idOf('马银行第三季净利增长。', '马银行'), 'maybank');
  assert.equal(idOf('顶级手套和贺特佳股价上涨。', '贺特佳'), 'hartalega');
  assert.equal(idOf('泰達電今年營收創新高。', '泰達電'), 'delta-thailand');
  assert.equal(idOf('开泰银行与暹罗商业银行公布业绩。', '暹罗商业银行'), 'scbx');
  assert.equal(idOf('Vinhomes and Hoa Phat led the VN-Index.', 'Hoa Phat'), 'hoa-phat');
});

test('sixth round: brokers of Hong Kong, Singapore, Malaysia, Korea and India as sources', () => {
  assert.equal(idOf('星展唯高达认为恒指仍有上涨空间。', '星展唯高达'), 'dbs-vickers');
  assert.equal(idOf('肯纳格投行给予买入评级，目标价2令吉。', '肯纳格投行'), 'kenanga-ib');
  assert.equal(idOf('丰隆投行调高了目标价。', '丰隆投行'), 'hong-leong-ib');
  assert.equal(idOf('Maybank IB kept a buy call; MIDF Research agreed.', 'Maybank IB'), 'maybank-ib');
  assert.equal(idOf('CGS International upgraded the stock.', 'CGS International'), 'cgs-international');
  assert.equal(idOf('三星证券和NH投资证券都上调了目标价。', 'NH投资证券'), 'nh-investment-securities');
  assert.equal(idOf('Motilal Oswal and Nuvama raised their targets.', 'Nuvama'), 'nuvama');
  assert.equal(idOf('Rakuten Trade said the KLCI may rise.', 'Rakuten Trade'), 'rakuten-trade');
});

test('sixth round: Indian short names and African companies', () => {
  assert.equal(idOf('HUL and ITC Ltd led gains; L&T won an order.', 'L&T'), 'larsen-toubro');
  assert.equal(idOf('HUL and ITC Ltd led gains; L&T won an order.', 'HUL'), 'hindustan-unilever');
  assert.equal(idOf('标准银行上调了南非的增长预期。', '标准银行'), 'standard-bank');
  assert.equal(idOf('Aliko Dangote said the Dangote Refinery will expand.', 'Dangote Refinery'), 'dangote-refinery');
});

test('sixth round: short and common names stay quiet in ordinary phrases', () => {
  assert.deepEqual(texts('从罗马航线到米兰的航班增加。'), []);
  assert.deepEqual(texts('这张标准银行卡可以在全球使用。'), []);
  assert.deepEqual(texts('马斯达尔城是阿布扎比的新城区。'), []);
  assert.deepEqual(texts('罗马银行业务扩张。'), []);
  assert.deepEqual(texts('中亚银行业的发展迅速。'), []);
  assert.deepEqual(texts('便捷邦交手续办理完毕。'), []);
  assert.deepEqual(texts('We compared LTM EBITDA and PAC contributions; ASR models improved.'), []);
  assert.ok(!texts('SSL certificates expire.').includes('SSL'));
  assert.ok(!texts('Passengers waited at the check point.').includes('check point'));
  assert.ok(!texts('The ICL at Imperial College opened.').includes('ICL'));
});
