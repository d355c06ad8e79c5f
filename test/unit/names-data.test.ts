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

// Names added for global companies, brokers, investors, media, research firms, Indian and
// South-East Asian companies, and the large Taiwan and Hong Kong listings.
const idOf = (text: string, name: string): string => mentionOf(text, name).id;
const tickerId = (t: string): string => {
  const e = gz.byTicker(t);
  assert.ok(e, `${t} is listed`);
  return e.id;
};

test('global companies resolve in Simplified, Taiwan and Hong Kong Chinese and in English', () => {
  const cases: [string, string, string][] = [
    ['斯特兰蒂斯下调全年指引', '斯特兰蒂斯', tickerId('NYSE:STLA')],
    ['斯泰蘭蒂斯下調全年財測', '斯泰蘭蒂斯', tickerId('NYSE:STLA')],
    ['麦格纳获得新订单', '麦格纳', tickerId('NYSE:MGA')],
    ['Magna International raised its outlook.', 'Magna International', tickerId('NYSE:MGA')],
    ['采埃孚计划裁员', '采埃孚', 'zf'],
    ['大陸集團分拆汽車業務', '大陸集團', 'continental'],
    ['法雷奥与华为合作', '法雷奥', 'valeo'],
    ['捷豹路虎暂停生产', '捷豹路虎', 'jaguar-land-rover'],
    ['東京威力科創上修財測', '東京威力科創', tickerId('TSE:8035')],
    ['艾司摩爾第三季訂單', '艾司摩爾', tickerId('NASDAQ:ASML')],
    ['美商應材財報優於預期', '美商應材', tickerId('NASDAQ:AMAT')],
    ['康宁公司上调指引', '康宁公司', tickerId('NYSE:GLW')],
    ['伊藤忠商事增持股份', '伊藤忠商事', tickerId('TSE:8001')],
    ['三星电机扩产MLCC', '三星电机', 'samsung-electro-mechanics'],
    ['沙特阿美下调售价', '沙特阿美', 'saudi-aramco'],
    ['沙烏地阿美調降售價', '沙烏地阿美', 'saudi-aramco'],
    ['馬士基預計運價回落', '馬士基', 'maersk'],
    ['赛默飞完成收购', '赛默飞', tickerId('NYSE:TMO')],
    ['汉莎航空增开航班', '汉莎航空', 'lufthansa'],
    ['宏利金融季績', '宏利金融', tickerId('NYSE:MFC')],
  ];
  for (const [text, name, id] of cases) assert.equal(idOf(text, name), id, name);
  assert.equal(tickerId('HK:00945'), tickerId('NYSE:MFC'), 'Manulife in Hong Kong is the same company');
});

test('brokers under the short names of each region', () => {
  const cases: [string, string, string][] = [
    ['富瑞將目標價上調', '富瑞', 'jefferies'],
    ['杰富瑞上调目标价', '杰富瑞', 'jefferies'],
    ['麥格理維持跑贏大市評級', '麥格理', 'macquarie'],
    ['法巴調低評級', '法巴', 'bnp-paribas'],
    ['滙豐環球研究發表報告', '滙豐環球研究', 'hsbc'],
    ['摩根史丹利調升評等', '摩根史丹利', 'morgan-stanley'],
    ['德銀重申買入', '德銀', tickerId('NYSE:DB')],
    ['瑞銀上調目標價', '瑞銀', 'ubs'],
    ['中信里昂证券看好', '中信里昂证券', 'clsa'],
    ['群益投顧表示', '群益投顧', 'capital-securities-tw'],
    ['富邦投顧認為', '富邦投顧', 'fubon-securities'],
  ];
  for (const [text, name, id] of cases) assert.equal(idOf(text, name), id, name);
});

test('sovereign funds and asset managers; the Vision Fund is not SoftBank Group', () => {
  const cases: [string, string, string][] = [
    ['科威特投资局增持', '科威特投资局', 'kia-kuwait'],
    ['先锋领航披露持股', '先锋领航', 'vanguard'],
    ['普徕仕减持', '普徕仕', 't-rowe-price'],
    ['富达国际看好港股', '富达国际', 'fidelity'],
    ['挪威主权基金减持', '挪威主权基金', 'nbim'],
    ['云锋基金参与投资', '云锋基金', 'yunfeng'],
  ];
  for (const [text, name, id] of cases) assert.equal(idOf(text, name), id, name);
  assert.equal(idOf('软银愿景基金领投', '软银愿景基金'), 'softbank-vision-fund');
  assert.equal(idOf('SoftBank Vision Fund led the round.', 'SoftBank Vision Fund'), 'softbank-vision-fund');
  assert.equal(idOf('软银集团公布业绩', '软银集团'), 'softbank-group');
});

test('media outlets and research firms have their kinds', () => {
  assert.equal(mentionOf('據大公報報道', '大公報').kind, 'media');
  assert.equal(mentionOf('据环球时报报道', '环球时报').kind, 'media');
  assert.equal(mentionOf('The Economic Times reported the deal.', 'The Economic Times').kind, 'media');
  assert.equal(idOf('据上海有色网数据', '上海有色网'), 'smm');
  assert.equal(idOf('我的钢铁网监测显示', '我的钢铁网'), 'mysteel');
  assert.equal(mentionOf('百川盈孚统计', '百川盈孚').kind, 'company');
});

test('Indian and South-East Asian companies and platforms', () => {
  assert.equal(idOf('Reliance Industries will list Jio.', 'Reliance Industries'), 'reliance-industries');
  assert.equal(idOf('Infosys cut its guidance.', 'Infosys'), tickerId('NYSE:INFY'));
  assert.equal(idOf('Zomato and Swiggy compete in quick commerce.', 'Swiggy'), 'swiggy');
  assert.equal(idOf('速卖通推出新服务', '速卖通'), 'aliexpress');
  assert.equal(idOf('螞蟻集團重組', '螞蟻集團'), 'ant-group');
  assert.equal(idOf('Lazada raised prices.', 'Lazada'), 'lazada');
});

test('Taiwan and Hong Kong listings under their full and short names', () => {
  const cases: [string, string, string][] = [
    ['欣興電子擴產', '欣興電子', 'TWSE:3037'],
    ['欣興營收創高', '欣興', 'TWSE:3037'],
    ['陽明海運運價上漲', '陽明海運', 'TWSE:2609'],
    ['長榮海運配息', '長榮海運', 'TWSE:2603'],
    ['國泰金控獲利', '國泰金控', 'TWSE:2882'],
    ['中華電信5G用戶', '中華電信', 'TWSE:2412'],
    ['舜宇出貨量', '舜宇', 'HK:02382'],
    ['港燈加價', '港燈', 'HK:02638'],
    ['電訊盈科派息', '電訊盈科', 'HK:00008'],
  ];
  for (const [text, name, t] of cases) assert.equal(idOf(text, name), tickerId(t), name);
  assert.equal(idOf('世界先進調升財測', '世界先進'), 'vis');
  assert.equal(idOf('環球晶晶圓出貨', '環球晶'), 'globalwafers');
  // A short name that is also an ordinary word counts next to its code.
  assert.equal(idOf('長榮(2603)漲停', '長榮'), tickerId('TWSE:2603'));
});

test('ordinary phrases around the new names are not companies', () => {
  const quiet = [
    '两国经济达到世界先进水平', // 世界先进 (VIS)
    '美国航空航天局发射探测器', // 美国航空 (American Airlines)
    '投资10亿欧元建厂', // 亿欧 (EqualOcean)
    '人才寥若晨星', // 晨星 (Morningstar)
    '祝你福寿康宁', // 康宁 (Corning)
    '一家米其林三星餐厅', // 米其林 (Michelin)
    '招聘本科和硕士学历', // 和硕 (Pegatron)
    '实行单双日限行', // 双日 (Sojitz)
    '推动平台化运营', // 台化 (Formosa Chemicals)
    '努力可成为榜样', // 可成 (Catcher)
    '运用杜邦分析法', // 杜邦 (DuPont)
    '陽明山國家公園', // 陽明 (Yang Ming)
    '人群光顾商场，关联强度较高', // 群光, 联强 (Chicony, Synnex)
    '坚持稳健策略，查阅文件', // 健策, 阅文 (Jentech, China Literature)
    '中德银行间合作', // 德银 (Deutsche Bank)
    '大海捞针不如海底捞针', // 海底捞 (Haidilao)
  ];
  for (const text of quiet) assert.deepEqual(find(text).map((m) => [m.text, m.id]), [], text);
});

test('third round: private Chinese companies, brokers, groups and banks', () => {
  assert.equal(idOf('零跑汽车11月交付量创新高', '零跑汽车'), tickerId('HK:09863'));
  assert.equal(idOf('零跑股价上涨', '零跑'), tickerId('HK:09863'));
  assert.equal(idOf('天天果园完成新一轮融资', '天天果园'), 'tiantian-guoyuan');
  assert.equal(idOf('玻色量子发布相干光量子计算机', '玻色量子'), 'qboson');
  assert.equal(idOf('智元机器人发布人形机器人', '智元机器人'), 'agibot');
  assert.equal(idOf('極氪交付新車', '極氪'), 'zeekr');
  assert.equal(idOf('盒马鲜生关闭门店', '盒马鲜生'), 'freshippo');
  assert.equal(idOf('耀才證券錄得升幅', '耀才證券'), tickerId('HK:01428'));
  assert.equal(idOf('辉立证券推出新服务', '辉立证券'), 'phillip-securities');
  assert.equal(idOf('大连万达出售资产', '大连万达'), 'wanda-group');
  assert.equal(idOf('万达集团回应传闻', '万达集团'), 'wanda-group');
  assert.equal(idOf('海航集团重整完成', '海航集团'), 'hna-group');
  assert.equal(idOf('盛京銀行出售資產', '盛京銀行'), 'shengjing-bank');
  assert.equal(idOf('招商局集团增持', '招商局集团'), 'china-merchants-group');
  assert.equal(idOf('怡和旗下置地公司', '怡和'), 'jardine-matheson');
  assert.equal(idOf('复星出售资产', '复星'), tickerId('HK:00656'));
});

test('third round: Taiwan OTC listings and financial subsidiaries', () => {
  assert.equal(idOf('晶睿公布營收', '晶睿'), 'vivotek');
  assert.equal(idOf('茂達第三季獲利', '茂達'), 'anpec');
  assert.equal(idOf('力旺電子授權金成長', '力旺電子'), 'ememory');
  assert.equal(idOf('元太科技電子紙', '元太科技'), 'e-ink');
  assert.equal(idOf('信驊與譜瑞股價創高', '譜瑞'), 'parade');
  assert.equal(idOf('富邦人壽加碼台股', '富邦人壽'), 'fubon-life');
  assert.equal(idOf('國泰人壽海外投資', '國泰人壽'), 'cathay-life');
  assert.equal(idOf('元大投信發行新ETF', '元大投信'), 'yuanta-funds');
});

test('third round: global and Indian companies in English and Chinese', () => {
  assert.equal(idOf('Twitter was taken private.', 'Twitter'), 'twitter');
  assert.equal(idOf('AMD bought Xilinx.', 'Xilinx'), 'xilinx');
  assert.equal(idOf('赛灵思被收购', '赛灵思'), 'xilinx');
  assert.equal(idOf('Veolia bought Suez Group.', 'Veolia'), 'veolia');
  assert.equal(idOf('SambaNova and Cerebras raised funds.', 'Cerebras'), 'cerebras');
  assert.equal(idOf('Kolte-Patil rose 4%.', 'Kolte-Patil'), 'kolte-patil');
  assert.equal(idOf('MP Birla Group expands cement capacity.', 'MP Birla Group'), 'mp-birla-group');
  assert.equal(idOf('IndusInd Bank fell 3%.', 'IndusInd Bank'), 'indusind');
  assert.equal(idOf('康明斯发布财报', '康明斯'), tickerId('NYSE:CMI'));
});

test('third round: ordinary phrases around the new names are not companies', () => {
  const quiet = [
    '销量突破10万达到新高', // 万达 (Wanda)
    '电商飞速发展', // 商飞 (COMAC)
    '中美晶片战升温', // 中美晶 (Sino-American Silicon)
    '今年精力旺盛', // 力旺 (eMemory)
    '元太祖忽必烈', // 元太 (E Ink)
    '恢复星期一的航班', // 复星 (Fosun)
    '整合晶片与国家登记制度', // 合晶, 家登 (tier 1)
    '其中粮食产量增加', // 中粮 (left out)
    '英国国家电网的负荷', // 国家电网 (only its longer forms)
    'The stripe pattern was new.', // Stripe (tier 1)
  ];
  for (const text of quiet) assert.deepEqual(find(text).map((m) => [m.text, m.id]), [], text);
});

test('third round: joint ventures, retailers and the Taiwan names of foreign companies', () => {
  assert.equal(idOf('一汽大众与上汽大众销量下滑', '一汽大众'), 'faw-volkswagen');
  assert.equal(idOf('一汽大众与上汽大众销量下滑', '上汽大众'), 'saic-volkswagen');
  assert.equal(idOf('百果园关闭门店', '百果园'), tickerId('HK:02411'));
  assert.equal(idOf('新凯来发布设备', '新凯来'), 'sicarrier');
  assert.equal(idOf('波克夏增持日本商社', '波克夏'), 'berkshire');
  assert.equal(idOf('洛克希德獲得合約', '洛克希德'), tickerId('NYSE:LMT'));
  assert.equal(idOf('滴滴出行上调价格', '滴滴出行'), 'didi');
  // 滴滴 and 哈啰 are also ordinary words: they count beside another company.
  assert.equal(idOf('美团、滴滴与哈啰', '滴滴'), 'didi');
  for (const text of ['恨不得杯里的酒滴滴都化成', '哈啰，大家好', '适宜家庭使用', '提高德国出口']) {
    assert.deepEqual(find(text).map((m) => [m.text, m.id]), [], text);
  }
});
