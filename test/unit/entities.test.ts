import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldText } from '../../server/src/analysis/text';
import { findMentions } from '../../server/src/analysis/entities';
import { builtinGazetteer } from '../../server/src/analysis/gazetteer';
import type { Mention } from '../../server/src/analysis/types';

const gz = builtinGazetteer();
const find = (text: string, figures: { offset: number; length: number }[] = []): Mention[] => findMentions(text, foldText(text), gz, figures);
const pairs = (text: string) => find(text).map((m) => [m.text, m.id] as const);
const ids = (text: string) => find(text).map((m) => m.id);

test('Traditional and Simplified names fold to one id', () => {
  const [a, b] = find('騰訊與腾讯都在加码AI。');
  assert.equal(a.id, 'tencent');
  assert.equal(b.id, 'tencent');
  assert.equal(a.text, '騰訊');
});

test('Latin names respect word edges and case', () => {
  assert.deepEqual(ids('Meta raised capex.'), ['meta']);
  assert.deepEqual(ids('The metadata layer and Metaverse hype.'), []);
  assert.deepEqual(pairs('GPU makers such as Meta X listed.'), [['Meta X', 'metax']]);
  assert.deepEqual(ids('Arm targets robots, while the arm of the law waits.'), ['arm']);
});

test('the longest match wins and compounds split', () => {
  assert.deepEqual(pairs('百度昆仑芯即将上市'), [['百度', 'baidu'], ['昆仑芯', 'kunlunxin']]);
  assert.deepEqual(find('华为昇腾芯片').map((m) => [m.text, m.kind]), [['华为', 'company'], ['昇腾', 'product']]);
  assert.deepEqual(ids('阿里云与阿里巴巴'), ['alibaba-cloud', 'alibaba']);
  assert.deepEqual(pairs('阿里巴巴集团公布'), [['阿里巴巴集团', 'alibaba']]);
  assert.deepEqual(pairs('京东健康涨3%'), [['京东健康', 'jd-health']]);
});

test('substring traps give no mention', () => {
  assert.deepEqual(ids('依托中科院上海光機所的技術'), []);
  assert.deepEqual(ids('回饋社會大眾'), []);
  assert.deepEqual(find('ChatGPT 上线广告').map((m) => [m.text, m.kind]), [['ChatGPT', 'product']]);
  const golden = find('纳斯达克中国金龙指数收涨1.59%');
  assert.deepEqual(golden.map((m) => m.kind), ['index']);
});

test('kinds: exchange, media, regulator, index, product', () => {
  const kinds = Object.fromEntries(find('港交所、彭博社、证监会、沪深300、ChatGPT').map((m) => [m.text, m.kind]));
  assert.deepEqual(kinds, { 港交所: 'exchange', 彭博社: 'media', 证监会: 'regulator', 沪深300: 'index', ChatGPT: 'product' });
});

test('every ticker form after a name goes into ticker, not a mention of its own', () => {
  const cases: [string, string, string][] = [
    ['邁為股份(SZ:300751)漲停', 'SZ:300751', '邁為股份'],
    ['天合光能(SH:688599)公告', 'SH:688599', '天合光能'],
    ['壁仞科技(06082.HK)上市', '06082.HK', '壁仞科技'],
    ['騰訊(0700.HK)走強', '0700.HK', '騰訊'],
    ['Hut 8 (NASDAQ: HUT) rose', 'NASDAQ: HUT', 'Hut 8'],
  ];
  for (const [text, ticker, name] of cases) {
    const ms = find(text);
    assert.equal(ms.length, 1, text);
    assert.equal(ms[0].text, name);
    assert.equal(ms[0].ticker, ticker);
  }
});

test('a bare ticker in ticker form is a mention of its company', () => {
  const [m] = find('今日 0700.HK 收涨');
  assert.equal(m.id, 'tencent');
  assert.equal(m.ticker, '0700.HK');
  assert.equal(find('关注 SH:688599 走势')[0].text, 'SH:688599');
});

test('ambiguous tickers only count in ticker context', () => {
  assert.deepEqual(ids('Turn ON the light, ARM the system, buy NOW.'), []);
  assert.deepEqual(ids('Buy $ARM today'), ['arm']);
  assert.equal(find('Arm (NASDAQ: ARM) gained').length, 1);
  assert.equal(find('Arm (NASDAQ: ARM) gained')[0].ticker, 'NASDAQ: ARM');
});

test('a name followed by a ticker teaches the document an alias', () => {
  const ms = find('星海能源(SZ:300750)大涨。星海能源回应称订单饱满。');
  assert.equal(ms.length, 2);
  assert.equal(ms[0].id, 'catl');
  assert.equal(ms[1].id, 'catl');
  const unknown = find('Zephyr Drone (ZPHD) priced its IPO; Zephyr Drone raised $9M.');
  assert.equal(unknown[0].ticker, 'ZPHD');
  assert.equal(unknown[0].kind, 'company');
  assert.equal(unknown[1].id, unknown[0].id);
});

test('learnt aliases are found wherever they stand, apart when they share a first character, and never overlapping', () => {
  // Two names learnt from their tickers, both opening with 星, then written in either order.
  const ms = find('星海能源(SZ:300750)大涨。星海电池(SZ:300014)跟涨。星海电池与星海能源都回应称订单饱满，星海能源星海电池。');
  assert.deepEqual(ms.map((m) => [m.offset, m.text, m.id]), [[0, '星海能源', 'catl'], [18, '星海电池', 'eve-energy'], [36, '星海电池', 'eve-energy'],
    [41, '星海能源', 'catl'], [54, '星海能源', 'catl'], [58, '星海电池', 'eve-energy']]);
  // A name repeated back to back is two mentions, not three overlapping ones.
  assert.deepEqual(find('星星(SZ:300750)大涨。星星星星回应。').map((m) => [m.offset, m.text]), [[0, '星星'], [16, '星星'], [18, '星星']]);
  const latin = find('Zephyr Drone (ZPHD) priced its IPO; Zephyr Air (ZPHA) too. Zephyr Air and Zephyr Drone raised $9M.');
  assert.deepEqual(latin.map((m) => [m.offset, m.id]), [[0, 'company:Zephyr Drone'], [36, 'company:Zephyr Air'], [59, 'company:Zephyr Air'], [74, 'company:Zephyr Drone']]);
});

test('juxtaposed alias in parentheses is a second mention of one id', () => {
  const ms = find('位元小鹿(Bitdeer)发布新矿机');
  assert.deepEqual(ms.map((m) => m.id), ['bitdeer', 'bitdeer']);
});

test('unknown company-like names become candidates with a careful left edge', () => {
  const ms = find('晶科能源与澜星科技签署协议。');
  assert.deepEqual(ms.map((m) => [m.text, m.kind]), [['晶科能源', 'company'], ['澜星科技', 'candidate']]);
  assert.equal(ms[1].id, 'candidate:澜星科技');
  assert.deepEqual(find('Vexa Holdings said revenue rose.').map((m) => [m.text, m.kind]), [['Vexa Holdings', 'candidate']]);
  assert.deepEqual(ids('港股聚焦硬核科技与国产替代'), []);
});

test('common-word names need evidence', () => {
  assert.deepEqual(ids('这是最理想的方案'), []);
  assert.deepEqual(ids('太阳能板价格下跌'), []);
  assert.deepEqual(pairs('LG、大眾等客戶'), [['LG', 'lg'], ['大眾', 'volkswagen']]);
});

test('mentions are sorted, non-overlapping and never inside a figure', () => {
  const text = '腾讯投资100亿美元,阿里巴巴跟进';
  const ms = find(text, [{ offset: 2, length: 4 }]);
  for (let k = 1; k < ms.length; k++) assert.ok(ms[k].offset >= ms[k - 1].offset + ms[k - 1].length);
  assert.ok(ms.every((m) => m.offset + m.length <= 2 || m.offset >= 6));
  const hidden = find('ABC腾讯DEF', [{ offset: 3, length: 2 }]);
  assert.deepEqual(hidden, []);
});

test('hostile input stays linear', () => {
  const text = '('.repeat(50000) + '科技'.repeat(50000) + 'A'.repeat(50000);
  const t = performance.now();
  find(text);
  assert.ok(performance.now() - t < 2000);
});

test('a listed short name that is also a word counts with a date between it and its business', () => {
  const ids = (text: string) => findMentions(text, foldText(text), builtinGazetteer(), []).map((m) => m.text);
  assert.deepEqual(ids('和硕9月11日宣布扩产'), ['和硕']);
  assert.deepEqual(ids('國巨3日公告收購案'), ['國巨']);
  // Without business after the date it still needs other evidence.
  assert.deepEqual(ids('和硕9月11日天气晴'), []);
});

test('an English candidate that is a known name in another case is that company', () => {
  assert.deepEqual(ids('Shares of Openai rose after the news.'), ['openai']);
});

test('codes of exchanges with no listing here are read as tickers, never as a name', () => {
  assert.ok(!ids('Kestrel Motors (ASX:KMX) declared a dividend.').includes('ase'));
  assert.deepEqual(find('外電報道，市傳最快今年內上市。').map((m) => m.text), []);
});

test('HongShan (红杉中国) and Sequoia Capital (红杉资本) are two firms since their split', () => {
  assert.deepEqual(ids('红杉中国领投，红杉资本跟投。紅杉中國合夥人表示。'), ['hongshan', 'sequoia', 'hongshan']);
});

test('names with an apostrophe match when the note writes it curly, and "stock exchange" in lower case', () => {
  assert.deepEqual(pairs('Dr. Reddy’s Laboratories rose 3%.'), [['Dr. Reddy’s Laboratories', 'nyse-rdy']]);
  assert.deepEqual(pairs('It debuted on the Hong Kong stock exchange on Tuesday.'), [['Hong Kong stock exchange', 'hkex']]);
});

test('futures exchanges and the venues of Euronext by name; a data provider after "data from"', () => {
  assert.deepEqual(pairs('Gold futures on COMEX rose; the shares trade on Xetra and on Euronext Brussels.'),
    [['COMEX', 'comex'], ['Xetra', 'xetra'], ['Euronext Brussels', 'euronext-brussels']]);
  assert.deepEqual(pairs('纽约商品交易所黄金期货上涨。'), [['纽约商品交易所', 'comex']]);
  assert.deepEqual(pairs('It cited data from Quantara, a tracker.').map(([t]) => t), ['Quantara']);
});

test('a project named in corner brackets after its developer is no mention; Macquarie Capital is not Macquarie', () => {
  assert.deepEqual(pairs('某建設9月在「華固得月」交屋帶動下，營收創高。').filter(([, id]) => id === 'twse-2548'), []);
  assert.deepEqual(pairs('「台積電」股價上漲。').map(([t]) => t), ['台積電']);
  const ms = find('配售代理麥格理資本訂立協議，麦格理发表报告。');
  assert.equal(ms[0].text, '麥格理資本');
  assert.notEqual(ms[0].id, 'macquarie');
  assert.equal(ms[1].id, 'macquarie');
});

test('Hong Kong abbreviations with a code written without its zeros name the listing', () => {
  assert.deepEqual(pairs('恒地（012）及新地(16)上升，九倉(4)持平。'), [['恒地', 'hk-00012'], ['新地', 'hk-00016'], ['九倉', 'hk-00004']]);
  // A name whose characters are not the listing's, or a count in parentheses, names nothing.
  assert.deepEqual(pairs('公司（3）'), []);
  assert.deepEqual(pairs('地恒（012）'), []);
});

test('initials in parentheses after a known name are its short form, and win later over a known acronym', () => {
  assert.deepEqual(pairs('Saudi Electricity Co. (SEC) led the losers, and SEC shares fell.'),
    [['Saudi Electricity Co.', 'saudi-electricity'], ['SEC', 'saudi-electricity'], ['SEC', 'saudi-electricity']]);
  assert.deepEqual(pairs('Kingdom Holding Co. (KHC) said.').map(([, id]) => id), ['kingdom-holding', 'kingdom-holding']);
  // Without the definition the acronym keeps its usual meaning.
  assert.deepEqual(pairs('The SEC fined a broker.'), [['SEC', 'sec']]);
});

test('a listed short name that needs evidence counts as the last of companies joined by 及, 与 or 和', () => {
  assert.deepEqual(pairs('緯創、廣達、文曄及和碩，單月營收創高。').map(([t]) => t), ['緯創', '廣達', '文曄', '和碩']);
  assert.deepEqual(pairs('立訊與和碩；仁寶則表示。').map(([t]) => t), ['立訊', '和碩', '仁寶']);
  assert.deepEqual(pairs('他有本科和硕士学历。'), []);
  assert.deepEqual(pairs('美国人形机器人创业公司完成融资。'), []);
});

test('a camel-case name written with only its first capital still matches', () => {
  assert.deepEqual(pairs('It was developed with Mediatek and funded by Softbank.').map(([t]) => t), ['Mediatek', 'Softbank']);
  // Short camel-case names keep their case rule.
  assert.deepEqual(pairs('Ebay sold it.').map(([t]) => t).filter((t) => t === 'Ebay'), []);
});

test('trading firms and venture arms that notes name as investors', () => {
  assert.deepEqual(pairs('Jane Street agreed to buy it; NVentures and 8VC joined.').map(([, id]) => id), ['jane-street', 'nventures', '8vc']);
  assert.deepEqual(pairs('The ship moved at lightspeed.'), []);
});

test('a listed short name before a meeting or a deal of its own', () => {
  assert.deepEqual(pairs('中央社報導，聯強今天召開法人說明會。').map(([t]) => t), ['中央社', '聯強']);
  assert.deepEqual(pairs('鴻海與東元換股結盟。').map(([t]) => t), ['鴻海', '東元']);
});
