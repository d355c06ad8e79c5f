import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldText } from '../../server/src/analysis/text';
import { findMentions } from '../../server/src/analysis/entities';
import { builtinGazetteer } from '../../server/src/analysis/gazetteer';
import type { Mention } from '../../server/src/analysis/types';

const gz = builtinGazetteer();
const find = (text: string): Mention[] => findMentions(text, foldText(text), gz, []);
const kinds = (text: string) => find(text).map((m) => [m.text, m.kind] as const);

test('Chinese endings make candidates: investors, robot makers, brokers, media', () => {
  assert.deepEqual(kinds('本轮由澜舟资本领投,青岚创投与石溪基金跟投。'), [['澜舟资本', 'candidate'], ['青岚创投', 'candidate'], ['石溪基金', 'candidate']]);
  assert.deepEqual(kinds('初创公司云雀机器人宣布完成新一轮融资'), [['云雀机器人', 'candidate']]);
  assert.deepEqual(kinds('湾潮半导体与北斗星传媒达成合作'), [['湾潮半导体', 'candidate'], ['北斗星传媒', 'candidate']]);
  assert.deepEqual(kinds('据鸿雁财经统计,行业回暖'), [['鸿雁财经', 'media']]);
  assert.deepEqual(kinds('據星島晚報報道,市場回暖'), [['星島晚報', 'media']]);
});

test('Chinese endings: generic phrases and nouns are no candidates', () => {
  for (const text of ['人工智能科技公司纷纷入局', '中国银行业协会发布报告', '新能源汽车销量大增', '加大投资,扩大产能', '指数基金规模创新高', '科技股集体上涨',
    '资本开支继续增加', '一笔投资;', '已连续投资8个项目', '产业基金落地', '汽车行业承压', '低轨卫星组网加速', '砷化镓电池仍是主流']) {
    assert.deepEqual(kinds(text).filter(([, k]) => k === 'candidate' || k === 'media'), [], text);
  }
});

test('Chinese sources and investors found by context', () => {
  assert.deepEqual(kinds('据鲸潮日报报道,港股反弹'), [['鲸潮日报', 'media']]);
  assert.deepEqual(kinds('据《晨鸣周刊》报道,港股反弹'), [['晨鸣周刊', 'media']]);
  assert.deepEqual(kinds('另据蓝鲸汇报道,该公司业绩预增'), [['蓝鲸汇', 'media']]);
  assert.deepEqual(kinds('据经济脉搏报道,该公司业绩预增'), [['经济脉搏', 'media']]);
  assert.deepEqual(kinds('白鹭社香港6月3日电,港股收涨'), [['白鹭社', 'media']]);
  assert.deepEqual(kinds('鱼眼数据统计显示,一季度融资额回落'), [['鱼眼数据', 'candidate']]);
  assert.deepEqual(kinds('该轮融资由青檀领投'), [['青檀', 'candidate']]);
  // Clauses with 据 that name no source.
  for (const text of ['据悉,公司将扩产', '据知情人士透露,交易已完成', '据不完全统计,今年已有多家', '数据中心、智算中心需求旺盛', '根据公告,公司将回购', '另据披露,该基金已清仓']) {
    assert.deepEqual(kinds(text), [], text);
  }
});

test('English endings and context make candidates', () => {
  assert.deepEqual(kinds('Analysts at Corvid Securities said demand held up.'), [['Corvid Securities', 'candidate']]);
  assert.deepEqual(kinds('Maple Harbour Bank cut rates.'), [['Maple Harbour Bank', 'candidate']]);
  assert.deepEqual(kinds('Kestrel Press reported the deal.'), [['Kestrel Press', 'media']]);
  assert.deepEqual(kinds('The round was led by Quillwort, with others joining.'), [['Quillwort', 'candidate']]);
  assert.deepEqual(kinds('Shares of miner Brackenfield rose 4%.'), [['Brackenfield', 'candidate']]);
  assert.deepEqual(kinds('Tarnwick jumped 12p after the results.'), [['Tarnwick', 'candidate']]);
  assert.deepEqual(kinds('according to QVX data, volumes fell'), [['QVX', 'candidate']]);
  assert.deepEqual(kinds('In Chengdu, SkyLark raised $20m.'), [['SkyLark', 'candidate']]);
});

test('English: public bodies, classes of things and ordinary words are no candidates', () => {
  for (const text of ['the World Bank said growth would slow', 'the European Central Bank held rates', 'Clean Energy stocks rallied', 'Shares jumped 5% on Monday',
    'The company said revenue rose', 'Its Hong Kong-listed stock closed higher', 'Oil fell 2%', 'GDP data surprised', 'Investors reported losses']) {
    assert.deepEqual(kinds(text).filter(([, k]) => k === 'candidate' || k === 'media'), [], text);
  }
});

test('a name before a numeric stock code in parentheses is a company', () => {
  const [m] = find('翠峰航运(2677)股东会通过派息');
  assert.equal(m.text, '翠峰航运');
  assert.equal(m.kind, 'company');
  assert.equal(m.ticker, '2677');
  const [hk] = find('新股银杏药业(09981.HK)今日招股');
  assert.equal(hk.text, '银杏药业');
  assert.equal(hk.ticker, '09981.HK');
  // A year in parentheses is no stock code.
  assert.deepEqual(find('世界杯(2026)开幕'), []);
});

test('candidates of one document group: a juxtaposed alias joins an earlier candidate of its stem', () => {
  const ms = find('Corvane集团董事局主席到访。正式成立柯文集团(Corvane Group),业务扩张。');
  const byText = Object.fromEntries(ms.filter((m) => m.kind === 'candidate').map((m) => [m.text, m.id]));
  assert.equal(byText['柯文集团'], byText['Corvane集团']);
  assert.equal(byText['Corvane Group'], byText['Corvane集团']);
});

test('an unknown Chinese name with its English name in parentheses is one company', () => {
  const ms = find('市值约300亿元的澜图(Lantuo)今日上市');
  assert.deepEqual(ms.map((m) => m.text), ['澜图', 'Lantuo']);
  assert.equal(ms[0].kind, 'candidate');
  assert.equal(ms[1].id, ms[0].id);
  // Acronyms, places and terms in parentheses are no company.
  for (const text of ['更多电池储能系统(BESS)上线', '新加坡(Singapore)政府', '比特币的高贝塔(Beta)标的', '股权激励(SBC)成本']) {
    assert.deepEqual(find(text).filter((m) => m.kind === 'candidate'), [], text);
  }
});

test('a trade noun before a name ends it ("运营商X(code)")', () => {
  const [m] = find('保税区能源运营商澜川能源(01999)集资逾7亿');
  assert.equal(m.text, '澜川能源');
  assert.equal(m.kind, 'company');
});

test('a Chinese name before a known company\'s English name in parentheses is that company', () => {
  const ms = find('当时市值约200亿元的马赛克(Nvidia)今日公告');
  assert.deepEqual(ms.map((m) => [m.text, m.id]), [['马赛克', 'nvidia'], ['Nvidia', 'nvidia']]);
});

test('firms of accountants and markets by their endings; foreign legal forms', () => {
  assert.deepEqual(kinds('且青禾联合会计师事务所出具的意见认为'), [['青禾联合会计师事务所', 'candidate']]);
  assert.deepEqual(kinds('当天南江白银交易所的现货价格上涨'), [['南江白银交易所', 'candidate']]);
  assert.deepEqual(kinds('德国大厂Wolkenstein AG周日表示'), [['Wolkenstein AG', 'candidate']]);
  for (const text of ['证券交易所发布新规', '加密货币交易所承压', '该交易所将于下周']) {
    assert.deepEqual(kinds(text).filter(([, k]) => k === 'candidate'), [], text);
  }
});

test('English names in Chinese deal sentences: the company bought, the parent, the holder', () => {
  assert.deepEqual(kinds('ADI以210亿美元收购Quorvane，交易已完成').filter(([, k]) => k === 'candidate'), [['Quorvane', 'candidate']]);
  assert.deepEqual(kinds('软银旗下的VRM，其估值上升').filter(([, k]) => k === 'candidate'), [['VRM', 'candidate']]);
  assert.deepEqual(kinds('双方宣布终止VRM收购案'), [['VRM', 'candidate']]);
  assert.deepEqual(kinds('PQT母公司此前已入股'), [['PQT', 'candidate']]);
  // Terms and acronyms of technology are no company.
  for (const text of ['收购AI初创团队', '公司股权结构调整', '收购GPU资产']) {
    assert.deepEqual(kinds(text).filter(([, k]) => k === 'candidate'), [], text);
  }
});

test('a candidate\'s stem stands for it later in the document', () => {
  const ms = find('澳洲伙伴Brambleton Ltd.同意出售。每1股Brambleton可换0.5股。Brambleton shares rose.');
  const ids = new Set(ms.filter((m) => m.text.startsWith('Brambleton')).map((m) => m.id));
  assert.equal(ms.filter((m) => m.text.startsWith('Brambleton')).length, 3);
  assert.equal(ids.size, 1);
});

test('the company that opens a funding or share-price clause', () => {
  assert.deepEqual(kinds('同一天，松柏动力也宣布完成近10亿元B轮融资'), [['松柏动力', 'candidate']]);
  assert.deepEqual(kinds('其中青鸾智航已完成数亿元A轮融资。'), [['青鸾智航', 'candidate']]);
  assert.deepEqual(kinds('消息公布后，恒川股价收盘大涨25%'), [['恒川', 'candidate']]);
  // Subjects that are no company, and clauses where the subject is not at the start.
  for (const text of ['今年以来已完成融资的企业超过百家', '目前已完成融资', '该公司近日完成B轮融资', '，公司股价下跌', '截至目前完成融资', '本轮融资由某基金领投', '，行业完成融资20起']) {
    assert.deepEqual(kinds(text).filter(([, k]) => k === 'candidate'), [], text);
  }
});

test('English: the company of a place word, a deal verb or a unit; coordinated names share a cue', () => {
  assert.deepEqual(kinds('Luxembourg-based Fenwright could not be reached'), [['Fenwright', 'candidate']]);
  assert.deepEqual(kinds('Hong Kong-listed Orvantis said'), [['Orvantis', 'candidate']]);
  assert.deepEqual(kinds('Exxon agreed to buy Halder Permian for $9.5bn').filter(([, k]) => k === 'candidate'), [['Halder Permian', 'candidate']]);
  assert.deepEqual(kinds('QRX unit Tianmu Airlines said').map(([t]) => t), ['QRX', 'Tianmu Airlines']);
  assert.deepEqual(kinds('Brisk Street and Lanternfish Partners co-led the round'), [['Brisk Street', 'candidate'], ['Lanternfish Partners', 'candidate']]);
  assert.deepEqual(kinds('Revenue and Quillfeather jumped'), [['Quillfeather', 'candidate']]);
  for (const text of ['a Delaware-based fund', 'the state-owned lender', 'the plan to buy back shares']) {
    assert.deepEqual(kinds(text).filter(([, k]) => k === 'candidate'), [], text);
  }
});

test('a known short form in parentheses names the long form before it', () => {
  const ms = find('China International Capital Corp (CICC) sponsored the deal.');
  assert.deepEqual(ms.map((m) => [m.text, m.id]), [['China International Capital Corp', 'cicc'], ['CICC', 'cicc']]);
  // The acronym of an unknown name is that name again, not its ticker.
  const [name, short] = find('Quill River Holdings (QRH) said');
  assert.deepEqual([name.text, short.text, short.id === name.id, name.ticker], ['Quill River Holdings', 'QRH', true, null]);
});

test('X公司 at a boundary is a candidate; kinds of company and a known name\'s unit are not', () => {
  assert.deepEqual(kinds('他正式接管澄川公司，开启转型'), [['澄川公司', 'candidate']]);
  assert.deepEqual(kinds('创立“澄川公司”'), [['澄川公司', 'candidate']]);
  assert.deepEqual(kinds('买下辉瑞营养品公司，为三年来最大'), [['辉瑞营养品公司', 'candidate']]);
  for (const text of ['该公司，', '子公司，', '这家公司。', '上市公司、', '普通公司，', '关联公司。', '科技公司，']) {
    assert.deepEqual(kinds(text).filter(([, k]) => k === 'candidate'), [], text);
  }
});

test('the company a deal verb takes, shown by its shares after it', () => {
  assert.deepEqual(kinds('拟出资3000万元，认购澄湖芯能新增注册资本46万元'), [['澄湖芯能', 'candidate']]);
  assert.deepEqual(kinds('公司拟收购澄海电子的股权'), [['澄海电子', 'candidate']]);
  for (const text of ['收购剩余股权', '收购部分股权，', '收购补充资源。', '收购价仍偏低。', '认购大部分股份']) {
    assert.deepEqual(kinds(text).filter(([, k]) => k === 'candidate'), [], text);
  }
});

test('Taiwan codes written "3272-TW" name the company before them, also in a list', () => {
  const ms = find('再通过澄硕资讯（3272-TW）、晟铭电（3013-TW）、巨澄（8928-TW）及辉澄等4家企业投资');
  assert.deepEqual(ms.map((m) => m.text), ['澄硕资讯', '晟铭电', '巨澄', '辉澄']);
});

test('registered names of partnerships and audit firms, with their legal forms', () => {
  assert.deepEqual(kinds('向珠海横琴澄信投资合伙企业(有限合伙)购入股权'), [['珠海横琴澄信投资合伙企业(有限合伙)', 'candidate']]);
  assert.deepEqual(kinds('报告经澄永中和会计师事务所有限责任公司审计'), [['澄永中和会计师事务所有限责任公司', 'candidate']]);
  assert.deepEqual(kinds('合伙企业的税收规则'), []);
});

test('acronyms of parts and techniques are no company, even after a cue', () => {
  for (const text of ['旗下的PCB子公司投资20亿元', '云端ASIC营收达10亿美元', '收购LED资产']) {
    assert.deepEqual(kinds(text).filter(([, k]) => k === 'candidate' || k === 'company'), [], text);
  }
});

test('an acronym in parentheses names an unknown company only after a company noun', () => {
  const ms = find('成立仅50天的具身智能公司澄石智航(TRSX)在尚无公开产品');
  assert.deepEqual(ms.map((m) => m.text), ['澄石智航', 'TRSX']);
  assert.equal(ms[1].id, ms[0].id);
  assert.deepEqual(find('更多电池储能系统(BESS)上线'), []);
});

test('English: a possessive before what a company owns or does names a company', () => {
  assert.deepEqual(kinds("in the US since Quorbit's ill-fated listing"), [['Quorbit', 'candidate']]);
  assert.deepEqual(kinds("Tarnel's Tongge Venture invested"), [['Tarnel', 'candidate']]);
  for (const text of ["Europe's largest bank", "the committee's decision", "Monday's session"]) {
    assert.deepEqual(kinds(text).filter(([, k]) => k === 'candidate'), [], text);
  }
});

test('stems may end in 新 or 子 (广新集团, 锤子科技), never as a subsidiary (全资子公司)', () => {
  assert.deepEqual(kinds('向控股股东澄新集团定向发行'), [['澄新集团', 'candidate']]);
  assert.deepEqual(kinds('澄子科技宣布'), [['澄子科技', 'candidate']]);
  for (const text of ['将成为维业的全资子公司。', '增资泰国子公司，', '量子科技板块走强', '全新科技，']) {
    assert.deepEqual(kinds(text).filter(([, k]) => k === 'candidate'), [], text);
  }
});

test('a deal verb and a stake as a percentage show the company between them', () => {
  assert.deepEqual(kinds('集团拟向母公司收购澜湾精工4.5%股权。'), [['澜湾精工', 'candidate']]);
  assert.deepEqual(kinds('交易完成后将直接持有澜湾精工100%股权'), [['澜湾精工', 'candidate']]);
  assert.deepEqual(kinds('计划转让北辰云图30%的股份'), [['北辰云图', 'candidate']]);
  // A percentage that is no stake, or a stake of no one, names nothing.
  for (const text of ['持有现金30%以上', '收购其余51%股权', '出售部分资产20%']) assert.deepEqual(kinds(text), [], text);
});

test('a registered name may put its place in parentheses before the legal form', () => {
  assert.deepEqual(kinds('据报道，青岚航空器(芜湖)有限公司完成A轮融资'), [['青岚航空器(芜湖)有限公司', 'candidate']]);
  // Parentheses before an ending that is no legal form close nothing.
  assert.deepEqual(kinds('据报道，青岚(芜湖)科技'), []);
});

test('English: funds and investment firms by their ending; banks of a place', () => {
  assert.deepEqual(kinds('backers include Lantern Angel Fund and Harbour Peak Investment.'), [['Lantern Angel Fund', 'candidate'], ['Harbour Peak Investment', 'candidate']]);
  assert.deepEqual(kinds('Analysts at Northgate Bank of Ontario cut the target.'), [['Northgate Bank of Ontario', 'candidate']]);
  // Public funds and bodies are no companies.
  for (const text of ['the International Monetary Fund said', 'the Social Security Fund', 'Foreign Direct Investment rose']) assert.deepEqual(kinds(text), [], text);
});

test('English: an appositive that names a kind of company makes the name before it one', () => {
  assert.deepEqual(kinds('Qorvexa, a Beijing-based startup, raised funds.'), [['Qorvexa', 'candidate']]);
  assert.deepEqual(kinds('Lumora, a drone maker, and others.'), [['Lumora', 'candidate']]);
  // A person or a place in apposition is no company.
  for (const text of ["Jane Doe, the company's CEO, spoke.", 'Harbin, the northern city, froze.']) assert.deepEqual(kinds(text), [], text);
});

test('the company that opens a filing clause ("X发布公告称", "X 9月12日公告")', () => {
  assert.deepEqual(kinds('澜湾精工发布公告称，拟收购一家工厂。'), [['澜湾精工', 'candidate']]);
  assert.deepEqual(kinds('另外，北辰云图9月12日公告，将回购股份。'), [['北辰云图', 'candidate']]);
  for (const text of ['公司公告显示营收增长。', '本次公告后股价上涨。']) assert.deepEqual(kinds(text), [], text);
});

test('a role ending in 人 stands before a name, never in it; kinds of investor and outlet before an English name', () => {
  assert.deepEqual(kinds('拟向包括实际控制人澜湾集团在内的对象发行'), [['澜湾集团', 'candidate']]);
  assert.deepEqual(kinds('专注机器人赛道的投资基金Qorvexa参投'), [['Qorvexa', 'candidate']]);
  // An acronym of a product class after 基金 is no company.
  assert.deepEqual(kinds('该基金ETF份额上涨'), []);
});

test('English: plural possessives, deal and class cues; an acronym of a company named before is that company', () => {
  assert.deepEqual(kinds("It will draw on QRVS' experience."), [['QRVS', 'candidate']]);
  assert.deepEqual(kinds('ended its merger agreement with Lumora, judging the offer.'), [['Lumora', 'candidate']]);
  assert.deepEqual(kinds('职业社交网站Qorvexa也可能'), [['Qorvexa', 'candidate']]);
  const [long, short] = find("Kestrel Lumora Systems agreed a deal; it will draw on KLS' experience.");
  assert.equal(short.text, 'KLS');
  assert.equal(short.id, long.id);
});

test('a Chinese candidate\'s stem of three characters or more stands for it later', () => {
  const ms = find('澜湾精工控股与要约人联合宣布。澜湾精工最高收市价为7.88港元。');
  assert.deepEqual(ms.map((m) => m.text), ['澜湾精工控股', '澜湾精工']);
  assert.equal(ms[0].id, ms[1].id);
});

test('a name that needs evidence with a unit word after it is that unit', () => {
  assert.deepEqual(kinds('收购控股子公司大业新材料19.4%股权'), [['大业新材料', 'candidate']]);
});

test('the shares and units of a deal, and what its money is for, are no candidates', () => {
  const names = (text: string) => find(text).filter((m) => m.kind === 'candidate' || m.kind === 'media').map((m) => m.text);
  assert.deepEqual(names('其附属公司与卖方订立协议，以现金支付待售股份代价，并配发1.5亿股代价股份。'), []);
  assert.deepEqual(names('所得款项净额约为800万港元，拟用作集团一般营运资金。'), []);
  assert.deepEqual(names('每股作价12欧元，较收购消息传出前溢价三成。'), []);
  // A role ending in 者 stands before the name, never in it.
  assert.deepEqual(names('该公司同意由中国投资者泓澄集团收购。'), ['泓澄集团']);
});

test('a short name given in parentheses (简称, 以下简称, a quoted name) is the company later', () => {
  const ms = find('澜湾云智科技有限公司（以下简称“澜湾云智”）公告称，澜湾云智拟增资。');
  assert.deepEqual(ms.map((m) => m.text), ['澜湾云智科技有限公司', '澜湾云智', '澜湾云智']);
  assert.equal(new Set(ms.map((m) => m.id)).size, 1);
  const en = find('Northwind Quarry Corp. ("Northwind") agreed to the terms; Northwind shares rose.');
  assert.deepEqual(en.map((m) => m.text), ['Northwind Quarry Corp.', 'Northwind', 'Northwind']);
  // A generic word in quotes is no short name ("the Company").
  assert.deepEqual(find('Acme Quarry Holdings Ltd. (the "Company") said the Company would list.').map((m) => m.text).filter((t) => t === 'Company'), []);
});

test('investors of a round after "funding from", and the name coordinated after one', () => {
  assert.deepEqual(kinds('The app raised $3 million in funding from Quillstone and Harbor & Co., its founder said.'), [['Quillstone', 'candidate'], ['Harbor & Co.', 'candidate']]);
  assert.deepEqual(kinds('It closed a round with backing from Brightwater and Velox.'), [['Brightwater', 'candidate'], ['Velox', 'candidate']]);
});

test('a maker or seller of a trade before an English name, and a name never runs back over an ending', () => {
  assert.deepEqual(kinds('德国医疗器械制造商Medilux同意被收购。'), [['Medilux', 'candidate']]);
  assert.deepEqual(kinds('旗下产业基金澜舟资本独家投资。'), [['澜舟资本', 'candidate']]);
});

test('a name before a listing we do not know is a company with that ticker', () => {
  const [m] = find('美国矿商Quarrytex Minerals（QTXM.US）获得收购要约。');
  assert.equal(m.text, 'Quarrytex Minerals');
  assert.equal(m.kind, 'company');
  assert.equal(m.ticker, 'QTXM.US');
  assert.equal(find('澜湾云智（NASDAQ:LWYZ）宣布上市。')[0].kind, 'company');
});

test('a Hong Kong code written without its zeros names the listing whose name the text opens', () => {
  const ms = find('汇丰（5）及腾讯（700）股价回落。');
  assert.deepEqual(ms.map((m) => [m.text, m.id]), [['汇丰', 'hsbc'], ['腾讯', 'tencent']]);
  // A number in parentheses after a word that opens no listing's name is left alone.
  assert.deepEqual(find('共有3家券商（12）参与。').map((m) => m.text).filter((t) => t.includes('券商')), []);
});

test('an acronym of a name\'s first words, or its first word in capitals, is that company later', () => {
  const a = find('Northwind Quarry Railway Co. (TSX:NQR) fell. Later NQ shares rose again.').filter((m) => m.text === 'NQ' || m.text.startsWith('Northwind'));
  assert.equal(a.length, 2);
  assert.equal(a[0].id, a[1].id);
  const b = find('Shares of QRX Merchant Capital rose; QRX shares jumped again.').filter((m) => m.text.startsWith('QRX'));
  assert.deepEqual(b.map((m) => m.text), ['QRX Merchant Capital', 'QRX']);
  assert.equal(b[0].id, b[1].id);
});

test('English names with several endings, their core later, and Toronto codes', () => {
  const ms = find('London-based Quillstone Fund Management Ltd. sought board seats; Quillstone shares rose.');
  assert.deepEqual(ms.map((m) => m.text), ['Quillstone Fund Management Ltd.', 'Quillstone']);
  assert.equal(ms[0].id, ms[1].id);
  const [t] = find('Northwind Cinemas Inc. (NWC-T) agreed to the offer.');
  assert.equal(t.kind, 'company');
  assert.equal(t.ticker, 'NWC-T');
  // Classes of shares and units of a company are no companies.
  assert.deepEqual(find('It has Class A and Class B shares.').map((m) => m.text), []);
});

test('endings of Taiwan and mainland listings make candidates: 金控, 兴业, 精机, 生技, 投控', () => {
  assert.deepEqual(kinds('澜湾金控宣布增资，兆盛興業與全崴精機簽約。').map((x) => x[0]), ['澜湾金控', '兆盛興業', '全崴精機']);
  assert.deepEqual(kinds('公司生产永磁电机，用于超精密加工。'), []);
});

test('the company that opens a listing clause, after its date ("1月27日X正式登陆港交所")', () => {
  assert.deepEqual(kinds('据业内消息，3月5日澜湾云智正式登陆港交所。').filter((x) => x[1] === 'candidate'), [['澜湾云智', 'candidate']]);
  assert.deepEqual(kinds('本周三家公司登陆科创板。'), []);
  assert.deepEqual(kinds('该公司透过SPAC方式登陆纳斯达克。').filter((x) => x[1] === 'candidate'), []);
});

test('a company\'s registered name is the company; a unit\'s registered name is a unit', () => {
  const [m] = find('湖南澜湾新能源股份有限公司公告称。'.replace('澜湾', '科力远'));
  assert.deepEqual([m.text, m.kind], ['湖南科力远新能源股份有限公司', 'company']);
  assert.equal(m.id, find('科力远公告。')[0].id);
  assert.equal(find('审议通过了联芸科技(杭州)股份有限公司的发行。')[0].text, '联芸科技(杭州)股份有限公司');
  const unit = find('由招商银行国际资本有限公司牵头。')[0];
  assert.deepEqual([unit.text, unit.kind], ['招商银行国际资本有限公司', 'candidate']);
  assert.equal(find('北京小米智造股权投资基金合伙企业(有限合伙)成立。')[0].kind, 'candidate');
});

test('a fund\'s later phase is a fund of its own; a dateline with its year; a first word joins the company', () => {
  const ms = find('澜湾产业投资基金二期成立，澜湾产业投资基金出资。'.replace(/澜湾产业投资基金/g, '国家集成电路产业投资基金'));
  assert.equal(ms[0].text, '国家集成电路产业投资基金二期');
  assert.notEqual(ms[0].id, ms[1].id);
  assert.deepEqual(kinds('澜湾社香港2024年3月5日电 某公司宣布回购。'), [['澜湾社', 'media']]);
  const q = find('Quest Diagnostics Inc. raised guidance. Quest shares rose.');
  assert.equal(q.length, 2);
  assert.equal(q[0].id, q[1].id);
});

test('a subsidiary named after 子公司, a company\'s fund, and Taiwan ETF codes', () => {
  assert.deepEqual(kinds('该公司公告称，旗下子公司澜湾键科拟增资。').filter((x) => x[1] === 'candidate'), [['澜湾键科', 'candidate']]);
  assert.deepEqual(kinds('股东包括小米基金、深创投等。').map((x) => x[0]), ['小米基金', '深创投']);
  assert.equal(find('元大高股息（0056）配息。')[0].kind, 'fund');
  assert.equal(find('陽明海運(2609)上漲。')[0].kind, 'company');
});

test('a subsidiary\'s registered name after 子公司 is a unit; Hong Kong codes written "-HK"; offices are no sources', () => {
  const ms = find('据欣旺达消息，其子公司欣旺达动力科技股份有限公司将投资。');
  assert.equal(ms[1].text, '欣旺达动力科技股份有限公司');
  assert.notEqual(ms[0].id, ms[1].id);
  assert.equal(find('財華社訊，達豐設備(02153-HK)公布業績。')[1].id, find('達豐設備(2153.HK)')[0].id);
  assert.deepEqual(kinds('主計處統計，出口增長。'), []);
});

test('legal forms of Malaysia and the Gulf, an appositive arm, a possessive review, 新材 and 农商行 endings', () => {
  assert.deepEqual(kinds('Northwind Malacca Berhad said operations resumed; Qasr Holdings PJSC rose.'), [['Northwind Malacca Berhad', 'candidate'], ['Qasr Holdings PJSC', 'candidate']]);
  assert.deepEqual(kinds('Quillshore, the insurance arm of the bank, reported profit.'), [['Quillshore', 'candidate']]);
  assert.deepEqual(kinds("Verdanta's review of the lenders showed gains."), [['Verdanta', 'candidate']]);
  assert.deepEqual(kinds('澜湾新材与对方签约，锂电新材料放量。'), [['澜湾新材', 'candidate']]);
});

test('a bare number in parentheses names a listing only when the name before it fits the listing', () => {
  const [m] = find('據報道，會德豐（0020）負責銷售該盤。');
  assert.equal(m.text, '會德豐');
  assert.equal(m.kind, 'company');
  assert.notEqual(m.id, find('商汤（0020）')[0].id);
  assert.equal(find('陽明海運(2609)上漲。')[0].id, find('陽明海運股價')[0].id);
});

test('the company that files, with the time of day between the date and 公告', () => {
  assert.deepEqual(kinds('澜湾城建7月26日晚间公告，控股股东将变更。').filter((x) => x[1] === 'candidate'), [['澜湾城建', 'candidate']]);
});

test("English cues: a firm's kind before its name, results verbs after it, a possessive closing price", () => {
  assert.deepEqual(kinds('Fintech Quillpay landed $120 million.').map((x) => x[0]), ['Quillpay']);
  assert.deepEqual(kinds('The bottler Norvalle earned 5,805 mdp.').map((x) => x[0]), ['Norvalle']);
  // A code that names no listing here (ASX:NWH is NRW Holdings since the eighth round of names).
  const ms = find('Northwind Health (ASX:NWQ) agreed; the offer is a premium to Northwind\'s closing price.');
  assert.equal(ms.length, 2);
  assert.equal(ms[0].id, ms[1].id);
});

test('capitals in parentheses that spell an unknown name\'s initials are its short form, not another listing\'s ticker', () => {
  const ms = find('Northwind Harbour Co. (NHC) cut its stake. Later NHC said the sale was done.');
  assert.deepEqual(ms.map((m) => [m.text, m.id]), [['Northwind Harbour Co.', ms[0].id], ['NHC', ms[0].id], ['NHC', ms[0].id]]);
  // A code that is no short form of the name stays that listing's ticker.
  const tk = find('Crimson Ledger Holdings (NVDA) rose.');
  assert.equal(tk[0].id, 'nvidia');
  // Kraft Heinz trades as KHC; a firm whose initials are KHC is another company.
  const kh = find('Kestrel Hill Co. (KHC) sold shares.');
  assert.notEqual(kh[0].id, find('Kraft Heinz (KHC) rose.')[0].id);
});

test('publications: a paper named with a generic word, 财经 and 日报 before a report cue, and 指出 or 刊登 after a publication\'s name', () => {
  assert.deepEqual(kinds('据科创板日报报道,行业回暖。'), [['科创板日报', 'media']]);
  assert.deepEqual(kinds('楼市财经网7月8日消息,房企发布公告。'), [['楼市财经网', 'media']]);
  assert.deepEqual(kinds('北辰投資週刊指出,外資調升目標價。'), [['北辰投資週刊', 'media']]);
  assert.deepEqual(kinds('观潮网2025年4月26日刊登了一篇文章。'), [['观潮网', 'media']]);
  // A person or a profession before 指出 is no publication.
  assert.deepEqual(kinds('王先生指出,市场回暖。'), []);
  assert.deepEqual(kinds('分析师指出,市场回暖。'), []);
});

test('the company that opens a clause and lists on an exchange named after it ("X向港交所递表")', () => {
  assert.deepEqual(kinds('星辰智能向港交所递表，拟主板上市。'), [['星辰智能', 'candidate'], ['港交所', 'exchange']]);
  assert.deepEqual(kinds('星辰智能已向港交所提交上市申请。'), [['星辰智能', 'candidate'], ['港交所', 'exchange']]);
  assert.deepEqual(kinds('其中星辰智能於納斯達克上市。'), [['星辰智能', 'candidate'], ['納斯達克', 'exchange']]);
  // A generic subject, or an exchange with no listing after it, gives no company.
  assert.deepEqual(kinds('公司股票在港交所上市。'), [['港交所', 'exchange']]);
  assert.deepEqual(kinds('星辰智能在港交所附近开店。'), [['港交所', 'exchange']]);
});

test('a company named right after a kind of firm, before 宣布 or an offer (运营企业X宣布, 药物公司X今日起招股)', () => {
  assert.deepEqual(kinds('卫星运营企业鹏鹄物宇宣布完成近亿元融资。'), [['鹏鹄物宇', 'candidate']]);
  assert.deepEqual(kinds('眼科藥物公司撥康視雲今日起招股。'), [['撥康視雲', 'candidate']]);
  assert.deepEqual(kinds('撥康視雲今日起招股,每股10元。'), [['撥康視雲', 'candidate']]);
  // Organs of a firm, adverbs, people and the prospectus are no names.
  for (const text of ['公司董事会宣布分红。', '科技公司纷纷宣布涨价。', '张三宣布辞职。', '大模型独立写入招股书;']) assert.deepEqual(kinds(text), [], text);
});

test('a name that is also a listing\'s short name, before another listing\'s code, is the name written there', () => {
  assert.deepEqual(kinds('小核酸藥物公司瑞博生物（6938.HK）和另一家公司'), [['瑞博生物', 'company']]);
});

test('tickers in square brackets, exchanges in title case before a code, and ", Inc." before a listing', () => {
  assert.deepEqual(find('Johnson & Johnson [NYSE:JNJ] offered CHF 280 per share.').map((m) => [m.text, m.id]), [['Johnson & Johnson', find('Johnson & Johnson rose.')[0].id]]);
  const acme = find('Acme Robotics, Inc. (NASDAQ: ACMZ) rose.');
  assert.deepEqual(acme.map((m) => [m.text, m.kind]), [['Acme Robotics, Inc.', 'company']]);
  assert.deepEqual(find('Nvidia, Inc. (Nasdaq: NVDA) rose.').map((m) => [m.text, m.id]), [['Nvidia, Inc.', 'nvidia']]);
  // A legal form alone is never the name before a code; a colon that opens no code leaves the exchange.
  assert.deepEqual(find('2seventy bio, Inc. (Nasdaq: TSVT) said on Monday.').map((m) => m.text), []);
  assert.deepEqual(find('It trades on the NYSE: a big board.').map((m) => [m.text, m.kind]), [['NYSE', 'exchange']]);
});

test('a Chinese name written before a known name in parentheses is that company ("高德软件(AMAP)")', () => {
  const ms = find('中国地图提供商星图软件(NVIDIA)在纳斯达克上市。');
  assert.deepEqual(ms.slice(0, 2).map((m) => [m.text, m.id]), [['星图软件', 'nvidia'], ['NVIDIA', 'nvidia']]);
  // Class words, products and regulators name nothing before them.
  assert.deepEqual(find('我们讨论了模型(GPT)的问题').map((m) => m.text), ['GPT']);
  assert.deepEqual(find('有关公司(Nvidia)表示').map((m) => m.text), ['Nvidia']);
});

test('tickers of Gulf, South-East Asian, European and Latin American markets, in prefix and suffix forms', () => {
  const ids = (text: string) => find(text).map((m) => m.id);
  const aramco = ids('Saudi Aramco rose.')[0];
  assert.deepEqual(ids('(TADAWUL:2222) rose.'), [aramco]);
  assert.deepEqual(ids('(Tadawul: 2222) rose.'), [aramco]);
  assert.deepEqual(ids('2222.SR rose.'), [aramco]);
  const bca = ids('Bank Central Asia rose.')[0];
  assert.deepEqual(ids('(IDX:BBCA) rose, BBCA.JK too.'), [bca, bca]);
  // A dot between capitals that opens no market is no ticker.
  assert.deepEqual(ids('U.S. stocks rose.'), []);
});

test('investors of a list closed by 跟投, units named 财富管理 or Wealth Management, a listing\'s name before its code, no "Bank of"', () => {
  assert.deepEqual(kinds('本轮由高瓴领投，五源、北极光等跟投。').map(([t]) => t), ['高瓴', '五源', '北极光']);
  assert.deepEqual(kinds('本轮由高瓴领投，五源、Neumann、网易跟投。').map(([t]) => t), ['高瓴', '五源', 'Neumann', '网易']);
  const ubs = find('瑞銀全球財富管理（UBS Global Wealth Management）表示');
  assert.deepEqual(ubs.map((m) => m.text), ['瑞銀全球財富管理', 'UBS Global Wealth Management']);
  assert.notEqual(ubs[0].id, find('瑞銀表示')[0].id);
  assert.deepEqual(find('午跌2%報251.2元，中國海外（00688.HK）則跌1.07元').map((m) => m.text), ['中國海外']);
  assert.deepEqual(find('The government and the Bank of Japan spent more.').filter((m) => m.text === 'Bank of'), []);
  assert.deepEqual(kinds('同日，通用人工智能公司启元世界也宣布完成A轮融资。'), [['启元世界', 'candidate']]);
  assert.deepEqual(kinds('預計下周三掛牌上市。'), []);
});

test('no candidate from a count of rounds, 获 before 悉数, a currency before a fund ending, or fund-raising before 股份', () => {
  assert.deepEqual(kinds('获得1.2亿元融资，华强资本已三轮领投。'), [['华强资本', 'candidate']]);
  for (const text of ['若超额配股权获悉数行使，净额将增加。', '无论美元基金还是人民币基金，大家普遍觉得', '建議非公開發行人民幣股份集資75.6億元。', '透過減持籌資回購股份']) {
    assert.deepEqual(kinds(text), [], text);
  }
});

test('a stake, a percentage then 股权 or 股份, names the company before it', () => {
  assert.deepEqual(kinds('公司拟以现金方式购买澜石新材99.98%股份。'), [['澜石新材', 'candidate']]);
  // Each company of a list of stakes, and a name with a function character inside it.
  assert.deepEqual(kinds('拟收购青禾光电46.7%股权、青禾微电51%股权及青禾晶片49.5%股权。'),
    [['青禾光电', 'candidate'], ['青禾微电', 'candidate'], ['青禾晶片', 'candidate']]);
  assert.deepEqual(kinds('拟受让同舟药业30%股份。'), [['同舟药业', 'candidate']]);
  assert.deepEqual(kinds('公司将转让其持有的北岭矿业15%的股权。'), [['北岭矿业', 'candidate']]);
});

test('stakes of no company in particular name nothing', () => {
  for (const text of ['拟收购标的公司100%股权。', '持有公司5%以上股份的股东', '增持本公司1%股份。', '收购剩余49%股权', '其持有的约30%股份', '累计减持2.5%股份']) {
    assert.deepEqual(kinds(text).filter(([, k]) => k === 'candidate'), [], text);
  }
});

test('English cues of a target, an exit, an officer and shareholders make candidates', () => {
  assert.deepEqual(kinds('The fund exited Quorvale with a fourfold return.'), [['Quorvale', 'candidate']]);
  assert.deepEqual(kinds('It made an offer for Brantico at 8.5 euros.'), [['Brantico', 'candidate']]);
  assert.deepEqual(kinds('Vellmark shareholders will receive cash.'), [['Vellmark', 'candidate']]);
  assert.deepEqual(kinds('She is a co-founder of Zentrova and an investor in Plexiq.'), [['Zentrova', 'candidate'], ['Plexiq', 'candidate']]);
  // An ordinary word after the cue is no name.
  assert.deepEqual(kinds('The offer for Sale opens on Monday.'), []);
});

test('a group named as a listed company\'s parent is a company of its own', () => {
  const ms = find('公司与控股股东罗牛山集团签订协议，拟收购罗牛山集团持有的资产，罗牛山股价上涨。');
  assert.deepEqual(ms.map((m) => m.text), ['罗牛山集团', '罗牛山集团', '罗牛山']);
  assert.equal(ms[0].id, ms[1].id);
  assert.notEqual(ms[0].id, ms[2].id);
  assert.equal(ms[2].id, 'sz-000735');
  // A group that is itself the listing keeps its id.
  assert.equal(find('公司控股股东为上汽集团。')[0]?.id, 'sh-600104');
});

test('long registered names: a group and a holding before the legal form, a city before the name, a list of them', () => {
  assert.deepEqual(kinds('澜湾云智科技集团股份有限公司完成融资。'), [['澜湾云智科技集团股份有限公司', 'candidate']]);
  assert.deepEqual(kinds('本轮由成都市重大产业化项目二期股权投资基金有限公司领投。'), [['成都市重大产业化项目二期股权投资基金有限公司', 'candidate']]);
  // A long name before a list mark is not cut at 有 of its legal form.
  const ms = kinds('青峦云帆科技集团股份有限公司完成融资，江门市某某产业投资基金有限公司、澜舟资本跟投。');
  assert.ok(!ms.some(([t]) => t.startsWith('限')), JSON.stringify(ms));
  assert.ok(ms.some(([t]) => t === '青峦云帆科技集团股份有限公司'), JSON.stringify(ms));
  assert.ok(ms.some(([t]) => t === '澜舟资本'), JSON.stringify(ms));
});

test('a fund\'s later phase written with a digit is a fund of its own', () => {
  const ms = find('叠加愿景基金2期(SVF2)已到位的资金。');
  assert.equal(ms[0].text, '愿景基金2期');
  assert.notEqual(ms[0].id, 'softbank-vision-fund');
});

test('a subject that raises money the Hong Kong way (集资), after "the market says"', () => {
  assert.deepEqual(kinds('另市傳青禾文化集資約5億美元。'), [['青禾文化', 'candidate']]);
  assert.deepEqual(kinds('消息指澜舟娱乐拟集资3亿美元。'), [['澜舟娱乐', 'candidate']]);
  // The amounts and uses of an offer are no subject.
  assert.deepEqual(kinds('上市集资净额约8亿元，集资用途为扩产。'), []);
});

test('the company that opens a contrast with 则', () => {
  assert.deepEqual(kinds('澜石电子扩厂，青禾精機則計畫斥資9億元擴建。').filter(([t]) => t === '青禾精機'), [['青禾精機', 'candidate']]);
  // Words ending in 则, measures and people are no subject.
  for (const text of ['交易规则有变。', '研发投入则有300亿美元。', '投资者则保持谨慎。', '下半年则有望回暖。', '美国则加征关税。']) {
    assert.deepEqual(kinds(text).filter(([, k]) => k === 'candidate'), [], text);
  }
});

test('outlets named after their kind, and a unit named by its results', () => {
  assert.deepEqual(kinds('The Australian website Quorvex Markets said gold rose.'), [['Quorvex Markets', 'candidate']]);
  assert.deepEqual(kinds('Revenues at Zentrova Health grew 16%.'), [['Zentrova Health', 'candidate']]);
});

test('a stock quoted at a level, and a firm named after 由 that issues or sponsors', () => {
  assert.deepEqual(kinds('截至收盘，青禾科技报12.5元。'), [['青禾科技', 'candidate']]);
  assert.deepEqual(kinds('评估报告则由澜石评估出具。'), [['澜石评估', 'candidate']]);
  // Indices, prices and the words of a quote are no stock; a person after 由 is no firm.
  for (const text of ['恒指报25000点。', '午间收报9.45港元。', '卖出价普遍报6.22万元。', '说明由公司出具。', '本次会议由其牵头。']) {
    assert.deepEqual(kinds(text).filter(([, k]) => k === 'candidate'), [], text);
  }
});

test('verbs, adverbs, adjectives and shares in tenths open no name', () => {
  for (const text of ['收购该公司逾六成股份。', '并上调偏好股份的目标价。', '拟用于扩充集团业务。', '知乎作为战略股东持续跟投。', '，資深副總裁杜書全表示。', '《某某周刊》独家获悉，公司完成融资。']) {
    assert.deepEqual(kinds(text).filter(([, k]) => k === 'candidate' || k === 'media').filter(([t]) => !t.includes('周刊')), [], text);
  }
  // The party before a registered name is not part of it; a known name's information arm is a unit.
  assert.deepEqual(kinds('卖方澜石投资有限公司同意出售。'), [['澜石投资有限公司', 'candidate']]);
  assert.deepEqual(kinds('富途资讯的今日大行评级显示。'), [['富途资讯', 'candidate']]);
});

test('the targets of acquisitions, and an outlet that writes (撰文)', () => {
  assert.deepEqual(kinds('It completed the acquisitions of Quorvale last year.'), [['Quorvale', 'candidate']]);
  assert.deepEqual(kinds('澜石智库撰文称，赛道正热。'), [['澜石智库', 'media']]);
});

test('no name from a counterparty word, a funding stage, financial data or an ordinary Japanese-listed word', () => {
  assert.deepEqual(kinds('公司拟向交易对方购买澜石电子科技有限公司100%股权。'), [['澜石电子科技有限公司', 'candidate']]);
  for (const text of ['早期阶段融资则增长7%。', '財務數據顯示，公司营收增长。', '光通信产业发展迅速。', '采购英伟达与国产 GPU。']) {
    assert.deepEqual(find(text).map((m) => m.text).filter((t) => t !== '英伟达'), [], text);
  }
});
