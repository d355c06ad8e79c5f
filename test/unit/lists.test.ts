import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldText } from '../../server/src/analysis/text';
import { findMentions } from '../../server/src/analysis/entities';
import { builtinGazetteer } from '../../server/src/analysis/gazetteer';
import type { Mention } from '../../server/src/analysis/types';

const gz = builtinGazetteer();
const find = (text: string): Mention[] => findMentions(text, foldText(text), gz, []);
const texts = (text: string) => find(text).map((m) => m.text);
const kindOf = (text: string, name: string) => find(text).find((m) => m.text === name)?.kind;

test('unknown names of a list closed by 等 and a company noun are candidates', () => {
  const got = texts('新工厂的订单来自甲乙丙、丁戊己、庚辛壬等海外车企。');
  assert.deepEqual(got, ['甲乙丙', '丁戊己', '庚辛壬']);
  for (const n of got) assert.equal(kindOf('新工厂的订单来自甲乙丙、丁戊己、庚辛壬等海外车企。', n), 'candidate');
  // The noun may follow a count: 等三家企业, 等十余家机构.
  assert.deepEqual(texts('参与者包括甲乙丙、丁戊己等三家企业。'), ['甲乙丙', '丁戊己']);
});

test('a list of places, sectors or things of someone gives no company', () => {
  assert.deepEqual(texts('产品销往美国、日本、德国等市场。'), []);
  assert.deepEqual(texts('新能源汽车、储能、光伏等行业需求旺盛。'), []);
  assert.deepEqual(texts('马斯克、贝索斯等企业家纷纷表态。').filter((t) => !['马斯克', '贝索斯'].includes(t)), []);
  // What follows 的 belongs to someone: "甲乙的电动货车、…" names no company.
  assert.ok(!texts('展会展示了甲乙的电动货车、丙丁的充电桩等。').includes('电动货车'));
});

test('known companies make the unknown items of their list companies when they are half of it', () => {
  const got = texts('腾讯、阿里巴巴、甲乙丙和字节跳动都在加码。');
  assert.ok(got.includes('甲乙丙'), String(got));
  // One known company among three topics is not enough.
  assert.ok(!texts('话题包括腾讯、川普家族、主权国家挖矿。').includes('川普家族'));
});

test('a name that needed evidence takes its own id from a list', () => {
  const m = find('订单来自麦格纳、大众、采埃孚等企业。').find((x) => x.text === '大众');
  assert.equal(m?.id, 'volkswagen');
});

test('a name in parentheses after an unknown list item says which company it is', () => {
  const ms = find('黑石、TPG、普徕仕(T. Rowe Price)、红杉资本等十余家机构跟投。');
  const p = ms.find((m) => m.text === '普徕仕');
  const latin = ms.find((m) => m.text.startsWith('T. Rowe'));
  assert.ok(p && latin);
  assert.equal(p.id, latin.id);
});

test('English lists chained to a known company give their unknown items', () => {
  const got = texts('It invested in Paytm, Zomato, PB Fintech and Delhivery over the years.');
  for (const n of ['Paytm', 'Zomato', 'Delhivery']) assert.ok(got.includes(n), `${n} in ${got}`);
  // Titles, months and places in a list are no company.
  const other = texts('Apple, Microsoft and Nvidia rose in March, April and May.');
  assert.ok(!other.includes('March') && !other.includes('April'));
});

test('a curated name that is also a word needs its business after it', () => {
  assert.equal(find('三星的晶圆代工部门营收近331亿美元。')[0]?.id, 'samsung-electronics');
  assert.equal(find('2022年，苹果在大中华区的运营利润超过50亿美元。').find((m) => m.text === '苹果')?.id, 'apple');
  assert.deepEqual(texts('苹果期货价格上涨，苹果产区减产。'), []);
  assert.deepEqual(texts('大众消费市场回暖。'), []);
});

test('foreign names written in capitals with a legal ending are candidates', () => {
  const got = texts('美商 COUPANG INC. 透過子公司投資澳洲 ZEBRE PTY LTD.，並收購 NEW ALVOGEN GROUP HOLDING, INC. 的股權。');
  assert.deepEqual(got, ['COUPANG INC.', 'ZEBRE PTY LTD.', 'NEW ALVOGEN GROUP HOLDING, INC.']);
});

test('the company right before a title is a mention', () => {
  const ms = find('Zentrix創辦人陸學森在記者會上說明。');
  assert.equal(ms[0].text, 'Zentrix');
  assert.equal(ms[0].kind, 'candidate');
  // A first title before 暨 is no company.
  assert.ok(!texts('。創辦人暨執行長陸學森表示').some((t) => t.startsWith('創辦人')));
});

test('a registered name with its legal form is one candidate, trade words included', () => {
  assert.deepEqual(texts('战略配售中，北京甲乙产业投资有限公司获配1000万股。'), ['北京甲乙产业投资有限公司']);
  assert.deepEqual(texts('认购深圳丙丁网络科技有限公司的股份'), ['深圳丙丁网络科技有限公司']);
  // A name never runs back over 公司.
  assert.deepEqual(texts('旗下子公司深圳甲乙科技有限公司'), ['深圳甲乙科技有限公司']);
});

test('a code in parentheses that is also the company name is a mention of it', () => {
  const ms = find('汇丰(HSBC)公布中期业绩。');
  assert.deepEqual(ms.map((m) => [m.text, m.id]), [['汇丰', 'hsbc'], ['HSBC', 'hsbc']]);
});

test('a company name with a unit word after it is that unit, not the parent', () => {
  const m = find('分部方面，京东零售收入3100亿元。')[0];
  assert.equal(m.text, '京东零售');
  assert.notEqual(m.id, 'jd');
  // An ordinary phrase after the word keeps the parent: 京东物流行业 is no unit name.
  assert.equal(find('京东零售店开业。')[0]?.id, 'jd');
});

test('English names after a class noun or a Taiwan country prefix, and before a report verb', () => {
  assert.deepEqual(texts('收购资料中心投资商Zentrix；'), ['Zentrix']);
  assert.deepEqual(texts('美商 Zentrix 則透過子公司投資。'), ['Zentrix']);
  assert.ok(texts('另據以色列Qarvel報導，交易仍在洽談。').includes('Qarvel'));
});

test('a source before 整理 or 测算 is a name, a generic subject is not', () => {
  assert.deepEqual(texts('据甲乙投研整理，营收增长。'), ['甲乙投研']);
  assert.deepEqual(texts('据公司测算，利润增长。'), []);
  assert.deepEqual(texts('据我们估算，利润增长。'), []);
});

test('report cues: an agency before 社讯, a paper in 《》 before 获悉, a dateline with the day alone', () => {
  assert.deepEqual(texts('【甲乙社讯】某银行公告。'), ['甲乙社']);
  assert.deepEqual(find('《丙丁》获悉，交易将于下月完成。').map((m) => [m.text, m.kind]), [['丙丁', 'media']]);
  assert.deepEqual(texts('据甲乙通讯社22日报道，交易完成。'), ['甲乙通讯社']);
  assert.deepEqual(texts('记者获悉，公司将上市。'), []);
});

test('shares and adverbs are no company: 发行股份, 透过股份转换, 先后领投', () => {
  assert.deepEqual(texts('约占已发行股份11.25%'), []);
  assert.deepEqual(texts('计划透过股份转换完成合并'), []);
  assert.ok(!texts('今年又先后领投两家公司').includes('先后'));
});

test('a listed short name counts at a word boundary with its business after it, never inside a word', () => {
  assert.equal(find('和碩第三季獲利躍升至45.5億元').find((m) => m.text === '和碩')?.id !== undefined, true);
  assert.deepEqual(texts('陽明海運股東會通過配息').filter((t) => t === '海運'), []);
});

test('a cloud unit is not its parent: AWS and Google Cloud have ids of their own', () => {
  const ids = find('Amazon said Amazon Web Services (AWS) grew; Alphabet said Google Cloud grew too.').map((m) => m.id);
  assert.ok(ids.includes('amazon') && ids.includes('aws') && ids.includes('google-cloud'), String(ids));
  assert.equal(find('亚马逊云科技与谷歌云竞争。').map((m) => m.id).join(), 'aws,google-cloud');
});

test('no name from a preposition before a report verb or from a quantity before an ending', () => {
  assert.deepEqual(texts('按业内测算，电费超过6亿美元。'), []);
  assert.deepEqual(texts('the yearly bill of a 1 GW AI campus'), []);
});

test('a name that is also a word, right after a verb that takes a company and closing its clause, in a text about companies', () => {
  assert.deepEqual(texts('博通拟以1300亿美元收购高通，目前正考虑提高报价。'), ['博通', '高通']);
  assert.deepEqual(texts('三星电子宣布入股小米。'), ['三星电子', '小米']);
  // With no company named before, or with words after it, the verb alone says nothing.
  assert.deepEqual(texts('今年合作社收购苹果，价格不错。'), []);
  assert.deepEqual(texts('博通宣布后，合作社开始收购苹果干。'), ['博通']);
});

test('a listed short name with a trade after it is the company written long, at a word boundary only', () => {
  assert.deepEqual(texts('九月營收創高。皇普建設9月由新案貢獻。'), ['皇普建設']);
  assert.deepEqual(texts('推动平台化工业互联网发展'), []);
});

test('Taiwan words of results and spending after a listed short name are its evidence', () => {
  assert.deepEqual(texts('陽明上半年稅後純益11.92億元。'), ['陽明']);
  assert.deepEqual(texts('和碩將斥資9億元擴廠。'), ['和碩']);
  assert.deepEqual(texts('他本科和碩士都讀經濟。'), []);
});

test('the list readers keep nothing from one call to the next', async () => {
  const { listNames, latinListNames } = await import('../../server/src/analysis/lists');
  const folded = foldText('新工厂的订单来自腾讯、甲乙丙、丁戊己等海外车企。');
  const known = [{ start: 8, end: 10, company: true }];
  const marks = [...folded].flatMap((ch, k) => (ch === '、' ? [k] : []));
  const first = listNames(folded, known, marks);
  assert.deepEqual(first.map(([s, e]) => folded.slice(s, e)), ['甲乙丙', '丁戊己']);
  // Another document and an English list read in between, with mentions of their own.
  const other = foldText('Stakes in Paytm, Zomato, Alpha Robotics and Delhivery rose.');
  latinListNames(other, [{ start: 10, end: 15, company: true }, { start: 17, end: 23, company: true }]);
  listNames(foldText('甲、乙、丙'), [{ start: 2, end: 3, company: true }, { start: 4, end: 5, company: true }], [1, 3]);
  // The same array, changed in place, is read as it is now (a cursor left on it would be stale).
  assert.deepEqual(listNames(folded, known, marks), first);
  known[0] = { start: 8, end: 10, company: false };
  assert.deepEqual(listNames(folded, known, marks), []);
});
