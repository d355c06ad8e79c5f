// Figures as facts (issue 10): whose amount a figure is, who states it, what it measures,
// the period, and which figures state the same fact, in all three scripts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/analysis/analyse';
import type { Figure } from '../../server/src/analysis/types';

/** The figures of a text as [text, metric, subject id, counterparty id, source id, period]. */
function facts(text: string): { text: string; metric: string; subject: string | null; counterparty: string | null; source: string | null; period: string | null; fact: number }[] {
  return analyse(text).figures.map((f: Figure) => ({
    text: f.text,
    metric: f.metric ?? 'other',
    subject: f.subject?.id ?? null,
    counterparty: f.counterparty?.id ?? null,
    source: f.source?.id ?? null,
    period: f.period ?? null,
    fact: f.fact ?? -1,
  }));
}

test("a broker's market forecast belongs to nobody, and the broker is its source", () => {
  const [f] = facts('東吳證券預計，2030年全球太空太陽能市場規模將達1.03萬億元。');
  assert.equal(f.metric, 'market-size');
  assert.equal(f.subject, null);
  assert.ok(f.source, 'the broker is the source');
  assert.equal(f.period, '2030');
});

test('a media attribution is the source; the acquirer pays and the target is the other side', () => {
  for (const text of ['據彭博報道，軟銀以65億美元收購Ampere。', 'According to Reuters, SoftBank agreed to buy Ampere for $6.5 billion.']) {
    const [f] = facts(text);
    assert.equal(f.metric, 'deal', text);
    assert.equal(f.subject, 'softbank-group', text);
    assert.equal(f.counterparty, 'ampere-computing', text);
    assert.ok(f.source === 'bloomberg' || f.source === 'reuters', `${text}: source ${f.source}`);
  }
});

test('an investor and the company invested in; a round, its raiser and its lead investor', () => {
  const [inv] = facts('红杉中国向智谱投资10亿元。');
  assert.deepEqual([inv.metric, inv.subject, inv.counterparty], ['investment', 'hongshan', 'zhipu']);
  const [round] = facts('月之暗面完成5亿美元B轮融资，由阿里巴巴领投。');
  assert.deepEqual([round.metric, round.subject, round.counterparty], ['funding', 'moonshot', 'alibaba']);
  const [en] = facts('Anthropic raised $13 billion in a round led by ICONIQ.');
  assert.deepEqual([en.metric, en.subject, en.counterparty], ['funding', 'anthropic', 'iconiq']);
});

test('a subsidiary keeps its own figures, apart from its parent', () => {
  const [aws] = facts('亚马逊旗下AWS第三季度营收330亿美元。');
  assert.equal(aws.subject, 'aws');
  const [group, ant] = facts('阿里巴巴集团的营收为2000亿元，其子公司蚂蚁集团的利润为300亿元。');
  assert.deepEqual([group.subject, group.metric], ['alibaba', 'revenue']);
  assert.deepEqual([ant.subject, ant.metric], ['ant-group', 'profit']);
  assert.equal(ant.period, null, 'an amount (2000亿) is not a year');
});

test('a figure in parentheses right after a name is that company’s', () => {
  const [f] = facts('腾讯（市值4万亿港元）与阿里巴巴的股价均上涨。');
  assert.deepEqual([f.subject, f.metric], ['tencent', 'market-value']);
});

test('the n-th amount of a 分别 list is the n-th company’s', () => {
  const fs = facts('2025年亚马逊、谷歌和微软的资本开支分别为1250亿、910亿和880亿美元。');
  assert.deepEqual(fs.map((f) => f.subject), ['amazon', 'alphabet', 'microsoft']);
  assert.ok(fs.every((f) => f.metric === 'capex' && f.period === '2025'));
  assert.equal(new Set(fs.map((f) => f.fact)).size, 3, 'three facts');
});

test('a stated conversion is one fact with the amount it converts, and takes its attribution', () => {
  const [a, b] = facts('字节跳动2026年资本开支计划为1600亿元人民币（约230亿美元）。');
  assert.equal(a.fact, b.fact);
  assert.deepEqual([b.subject, b.metric, b.period], ['bytedance', 'capex', '2026']);
  const [c, d] = facts('Tencent booked 59.7 billion yuan (about $8.6 billion) of capex in the first three quarters of 2025.');
  assert.equal(c.fact, d.fact);
  assert.deepEqual([c.subject, c.metric, c.period], ['tencent', 'capex', '2025-9M']);
});

test('the Chinese and English paragraphs of a bilingual note state one fact; equal amounts of two companies are two', () => {
  const [zh, en] = facts('Meta将2026年资本开支提高至1350亿美元。\nMeta raised its 2026 capex to $135 billion.');
  assert.equal(zh.fact, en.fact, 'one fact in two languages');
  const rounded = facts('OpenAI 2023年营收为16亿美元。\nOpenAI had revenue of $1.6B in 2023.');
  assert.equal(rounded[0].fact, rounded[1].fact, '16亿美元 and $1.6B are one amount');
  const [t, a] = facts('腾讯2025年营收为5亿元。阿里巴巴2025年营收为5亿元。');
  assert.notEqual(t.fact, a.fact, 'two companies');
  const [y1, y2] = facts('腾讯2024年营收为5亿元。腾讯2025年营收为5亿元。');
  assert.notEqual(y1.fact, y2.fact, 'two years');
  const [near, far] = facts('OpenAI 2023年营收为16亿美元。\nOpenAI had revenue of $1.7B in 2023.');
  assert.notEqual(near.fact, far.fact, '16亿 and 1.7B differ beyond rounding');
});

test("a broker's target price is the covered company's price, stated by the broker", () => {
  for (const text of ['高盛將騰訊目標價上調至700港元。', 'Goldman Sachs raised its price target on Tencent to HK$700.']) {
    const [f] = facts(text);
    assert.deepEqual([f.subject, f.metric, f.source], ['tencent', 'price', 'goldman-sachs'], text);
  }
});

test('a sentence that names nobody goes on about the topic of the sentence before it', () => {
  const fs = facts('CATL debuted in Hong Kong on Tuesday. The stock hit HK$311.40 and closed at HK$306.20.');
  assert.deepEqual(fs.map((f) => [f.subject, f.metric]), [['catl', 'price'], ['catl', 'price']]);
});

test('a company reporting its own numbers is not a source', () => {
  const [f] = facts('Meta said its 2026 capex would reach $135 billion.');
  assert.deepEqual([f.subject, f.source, f.metric, f.period], ['meta', null, 'capex', '2026']);
});

test('one fact in two languages even when they word the metric or the period a little apart', () => {
  const [zh, en] = facts('阿里巴巴将AI基础设施投资上调至4800亿元人民币。\nAlibaba raised its AI infrastructure capex plan to 480 billion yuan.');
  assert.equal(zh.fact, en.fact, `${zh.metric} / ${en.metric}`);
  const [year, nineMonths] = facts('腾讯2025年资本开支为597亿元人民币。\nTencent booked 59.7 billion yuan of capex in the first three quarters of 2025.');
  assert.equal(year.fact, nineMonths.fact, `${year.period} / ${nineMonths.period}`);
  const [a, b] = facts('腾讯2024年资本开支为597亿元人民币。\nTencent booked 59.7 billion yuan of capex in 2025.');
  assert.notEqual(a.fact, b.fact, 'two different years');
});

test("a broker's rating list goes on quoting the broker, and whoever sets a target price is a broker there", () => {
  const list = facts('高盛更新本港銀行股評級：滙豐控股(00005.HK)目標價由84元降至82元，維持買入。東亞銀行(00023.HK)則由10.7元降至9.6元。另一邊廂，星展把中銀香港目標價上調至39.4元。');
  assert.deepEqual(list.slice(0, 4).map((f) => f.source), ['goldman-sachs', 'goldman-sachs', 'goldman-sachs', 'goldman-sachs']);
  const last = list[4];
  assert.ok(last.source && last.source !== 'goldman-sachs', `the party that moves the target is its source: ${last.source}`);
  assert.equal(last.metric, 'price');
  // A price quote after a rating is the market's, not the broker's.
  const quote = facts('摩根大通將台積電目標價調高至新台幣2100元。不過台積電當日股價轉弱，盤中失守1700元關卡。');
  assert.deepEqual(quote.map((f) => f.source), ['jpmorgan', null]);
});

test('a dateline with a place is the source of its paragraph; "operating" is no rating', () => {
  const [f] = facts('新華社臺北消息，台積電10月合併營收達326.06億元，比9月增加10.7%。');
  assert.deepEqual([f.subject, f.source, f.metric], ['tsmc', 'xinhua', 'revenue']);
  const en = facts('Samsung Electronics posted 10.4 trillion won in operating profit, according to Yonhap. SK hynix reported an operating profit of 5.5 trillion won.');
  assert.equal(en[0].source, 'yonhap');
  assert.equal(en[1].source, null, 'the next sentence is the company’s own report');
});

test('a company forecasting a market is its source; forecasting its own numbers it is not', () => {
  const [market, own] = facts('中信建投預測，2030年中國低軌衛星太陽能市場規模超30億美元。小米預計，全年營收將達5000億元。');
  assert.equal(market.metric, 'market-size');
  assert.equal(market.subject, null);
  assert.ok(market.source, 'the forecaster is the source');
  assert.deepEqual([own.subject, own.source], ['xiaomi', null]);
});

test('two amounts of one sentence are two facts; a distinctive amount said again is one', () => {
  const [to, from] = facts('The carmaker raised its sales outlook to 43 trillion yen from 38 trillion yen.');
  assert.notEqual(to.fact, from.fact);
  const [actual, expected] = facts('Toyota’s profit slipped to $9.7 billion, just under the $10 billion analysts expected.');
  assert.notEqual(actual.fact, expected.fact, 'within one sentence, rounding does not join');
  const twice = facts('软银追加投资后对OpenAI的总投入达347亿美元。\nSoftBank’s total bet on OpenAI now stands at $34.7B.');
  assert.equal(twice[0].fact, twice[1].fact, 'three significant digits about one party');
  const round = facts('特斯拉今年資本開支為100億美元。\nTesla’s revenue grew by $10B.');
  assert.notEqual(round[0].fact, round[1].fact, 'a round amount of two measures is two facts');
});

test('stated conversions with a currency note, 约折合, 约等于 and 换算 are one fact', () => {
  const figs = facts('比亞迪第三季營收1950億人民幣（以下同，約台幣8443億），淨利78.2億元。寧德時代將耗資41億歐元，約等於58億新元，建設工廠。日月光將以美金 1 億 200 萬元（約折合新台幣 31 億 2,456 萬元）收購。台積電預估第4季營收322~334億美元，換算新台幣營收將為9,853億元~1.02兆元。');
  const byText = (t: string) => figs.find((f) => f.text.includes(t))!;
  assert.equal(byText('1950').fact, byText('8443').fact);
  assert.notEqual(byText('78.2').fact, byText('1950').fact);
  assert.equal(byText('41億').fact, byText('58億').fact);
  assert.equal(byText('200 萬').fact, byText('2,456').fact);
  assert.equal(byText('322').fact, byText('9,853').fact);
});

test('a clause without a name goes on about the nearest clause that names its topic, not an object', () => {
  const quotes = facts('比亞迪(01211.HK)升12%，報177元，吉利汽車(00175.HK)亦升逾6%，報20.5元。');
  assert.deepEqual(quotes.map((f) => f.subject), ['byd', 'geely']);
  const [profit] = facts('Great Eastern, the insurance arm of OCBC, reported a fall in second-half profit to S$337.4 million.');
  assert.ok(profit.subject && /great/i.test(profit.subject), `the insurer, not its parent: ${profit.subject}`);
});

test('as many names as amounts, listed alike, pair in order; a 分别 list ends where a new name starts', () => {
  const [hyundai, kia] = facts('Hyundai Motor Co. and Kia Corp. reported operating profits of 4.3 trillion won and 3.6 trillion won.');
  assert.equal(hyundai.subject, 'hyundai-motor');
  assert.ok(kia.subject && kia.subject !== 'hyundai-motor', `the second amount is Kia's: ${kia.subject}`);
  const figs = facts('去年摩尔线程、景嘉微营收分别为4.38亿元、4.66亿元，摩尔线程去年亏损14.92亿元。');
  assert.deepEqual(figs.map((f) => f.subject), ['moore-threads', figs[1].subject, 'moore-threads']);
  assert.notEqual(figs[1].subject, 'moore-threads');
});

test('"集团" / "the company" opening a sentence is the company of the paragraph, not a broker reporting on it', () => {
  const figs = facts('汇丰控股(00005.HK)公布中期业绩，除税前利润为158.1亿美元，主要因确认与联营公司交通银行相关的21亿美元减值亏损。集团宣派第二次股息每股0.1美元。');
  assert.equal(figs[2].subject, 'hsbc');
  assert.equal(figs[2].metric, 'dividend');
  const report = facts('财通证券研报指出，徐工机械2025年前三季度营收781.57亿元。公司海外收入375.94亿元。');
  assert.equal(report[1].subject, report[0].subject);
  assert.notEqual(report[1].subject, null);
});

test('a bulleted digest ends a statement at its citation marker; a list standing for a group owns nothing', () => {
  const figs = facts('运营成本 - ChatGPT单日电费成本接近70万美元 [14] - 阿里巴巴宣布未来五年将投入3800亿元用于云计算 [15] - 字节跳动规划了1600亿元的AI投入 [15]');
  assert.deepEqual(figs.slice(1).map((f) => f.subject), ['alibaba', 'bytedance']);
  const [group] = facts('壁仞科技、智谱AI等公司上市，动辄是数百亿港元的估值。');
  assert.equal(group.subject, null);
  const [total] = facts('僅隆基綠能、天合光能、晶科能源3家公司在2025年的虧損額就超過200億元。');
  assert.equal(total.subject, null);
  const [held] = facts('Tether 持股的 Northern Data 在 11 月以 2 億美元出售了其礦業部門。');
  assert.notEqual(held.subject, 'tether');
  assert.notEqual(held.counterparty, 'tether');
});

test('"X数据显示" makes any party a source; a broker states a commodity price, it does not own it; unnamed investors own nothing', () => {
  const [sector] = facts('IT桔子数据显示，今年上半年机器人领域共发生223起融资事件，融资金额高达232亿人民币。');
  assert.ok(sector.source, 'the data firm is the source');
  assert.equal(sector.subject, null);
  const gold = facts('高盛再度上调年底金价目标至每盎司3,100美元，上月才刚调高至3,000美元。');
  assert.deepEqual(gold.map((f) => f.subject), [null, null]);
  assert.deepEqual(gold.map((f) => f.source), ['goldman-sachs', 'goldman-sachs']);
  const figs = facts('宁德时代此次集资额最多约310.6亿港元，基石投资者认购约203.7亿港元股份。');
  assert.equal(figs[0].subject, 'catl');
  assert.equal(figs[1].subject, null, 'the cornerstone investors are not named');
  const [profit] = facts('友邦保险股东应占溢利22.5亿美元。');
  assert.ok(profit.subject, '"股东应占" is a profit line, not a party');
});

test('in a list of names and amounts each amount is the name right before it; a broker analysing or listing is a source', () => {
  const figs = facts('騰訊(00700.HK)目標價635元、網易(09999.HK)226.2元、小米-W(01810.HK)67元。台積電目標價以里昂證券的3,030元最高。');
  assert.deepEqual(figs.slice(0, 3).map((f) => f.subject), ['tencent', 'netease', 'xiaomi']);
  assert.equal(figs[3].subject, 'tsmc', 'a broker’s target for a company is the company’s price');
  assert.ok(figs[3].source, 'the broker named with its target is the source');
  const [trend] = facts('TrendForce 分析第三季晶圓代工營收，台積電營收近331億美元。');
  assert.deepEqual([trend.subject, trend.source], ['tsmc', 'trendforce']);
  const report = facts('国盛证券研究员杨传忻点评古井贡酒三季报：公司前三季度实现营业收入80.69亿元。');
  assert.ok(report[0].source, 'a broker’s analyst commenting is the source');
  assert.notEqual(report[0].subject, report[0].source);
});

test('in a run of target prices each broker that moves or keeps one is its source, and the company stays the subject', () => {
  const figs = facts('摩根大通將台積電目標價從2100元升至2250元，里昂維持2000元，法巴則從1670元上調至1990元。');
  assert.deepEqual(figs.map((f) => f.subject), ['tsmc', 'tsmc', 'tsmc', 'tsmc', 'tsmc']);
  assert.equal(figs[0].source, 'jpmorgan');
  assert.ok(figs[2].source && figs[2].source !== 'jpmorgan', `里昂 keeps its own target: ${figs[2].source}`);
  assert.ok(figs[4].source && figs[4].source !== figs[2].source, `法巴 moves its own: ${figs[4].source}`);
  assert.equal(figs[2].period, null, '2000元 is an amount, not the year 2000');
  // A company listed with its code is the one rated, not a broker.
  const rated = facts('高盛更新本港銀行股評級：滙豐控股(00005.HK)目標價由84元降至82元；東亞銀行(00023.HK)則由10.7元降至9.6元。');
  assert.ok(rated[2].subject && rated[2].subject !== 'goldman-sachs' && rated[2].subject !== 'hsbc', `the bank rated: ${rated[2].subject}`);
  assert.equal(rated[2].source, 'goldman-sachs');
});

test('a data firm quoted for an estimate states the estimate, not the company’s reported figures', () => {
  const figs = facts('First Solar posted a third-quarter profit of $455.9 million, and net sales climbed to $1.6 billion against expectations of $1.5 billion, according to LSEG data.');
  assert.equal(figs[0].source, null, 'the company reports its own profit');
  assert.ok(figs[2].source, 'the estimate is the data firm’s');
});

test('a company whose name holds "media" is no outlet; an estimate quoted from a data firm is the company’s measure; a listed exchange owns its results', () => {
  const [q4] = facts('聯發科預期，以美元對新台幣匯率1比30.6計算，第4季營收約1,421億元至1,501億元。');
  assert.deepEqual([q4.subject, q4.source], ['mediatek', null]);
  const est = facts('Microsoft reported quarterly revenue. Analysts polled by Thomson Reuters had expected revenue of 17.18 billion dollars.');
  assert.equal(est[0].subject, 'microsoft');
  assert.ok(est[0].source, 'the data firm states the estimate');
  const hkex = facts('港交所(00388.HK)去年純利增長百分之七，賺五十億三千七百萬元，派末期息每股2.31元。');
  assert.deepEqual(hkex.map((f) => f.subject), ['hkex', 'hkex']);
});

test('a sector total owned by no company is a market size, in both languages one fact; EPS after "or" is profit', () => {
  const [total] = facts('据不完全统计，2026年开年以来具身智能领域已披露88起融资事件，融资总额已接近150亿元。');
  assert.deepEqual([total.subject, total.metric], [null, 'market-size']);
  const bilingual = facts('德勤预估2026年香港将有160宗新上市、募资至少3000亿港元。\nDeloitte projects 160 Hong Kong IPOs raising at least HK$300B in 2026.');
  assert.equal(bilingual[0].fact, bilingual[1].fact);
  const [own] = facts('月之暗面近期完成5亿美元C轮融资。');
  assert.equal(own.metric, 'funding', 'a named company’s round stays funding');
  const [income, eps] = facts('Coinbase reported net income of $771.5 million, or $3.05 per diluted share.');
  assert.deepEqual([income.metric, eps.metric], ['profit', 'profit']);
});

test('"per Suez share" names the company of the price; "the bank" points back at the bank named before', () => {
  const [offer] = facts('Veolia agreed to buy Suez at 20.50 euros per Suez share.');
  assert.ok(offer.subject && /suez/i.test(offer.subject), `the company of the share: ${offer.subject}`);
  const figs = facts('Shopify shares gained 7% and passed the Royal Bank of Canada. The bank slipped 26 cents to C$84.62 a share.');
  assert.equal(figs.length, 2);
  for (const f of figs) assert.ok(f.subject && f.subject !== 'shopify', `the bank, not Shopify: ${f.subject}`);
});

test('an outlet that discloses or learns ("披露", "独家获悉") is the source; "expected to" is no estimate', () => {
  const [rev] = facts('证券之星披露，招商证券2025年上半年实现营业收入105.20亿元。');
  assert.equal(rev.source, 'stockstar');
  const [round] = facts('《晚点LatePost》独家获悉，月之暗面近期完成5亿美元C轮融资。');
  assert.equal(round.source, 'latepost');
  const [valuation] = facts('Mistral AI is on track for a round that would value the startup at 12 billion euros, Bloomberg reports, with the investment expected to total around 2 billion euros.');
  assert.equal(valuation.source, 'bloomberg');
});

test('companies spending together are a group; an exchange in the possessive owns its results', () => {
  const [joint] = facts('Cloud demand stayed strong. Amazon, Microsoft and Meta together spent about $72 billion on purchases of property.');
  assert.equal(joint.subject, null);
  const figs = facts('Indian exchange CoinDCX raised $90 million. Coinbase’s trading revenues reached $1.8 billion in the first quarter.');
  assert.ok(figs[1].subject && /coinbase/.test(figs[1].subject), `Coinbase's own revenue: ${figs[1].subject}`);
});

test('brokers listed with their targets state them; an alias in parentheses is no listing code; a round price said twice is two facts', () => {
  const figs = facts('台積電股價創新高。不過仍有5家外資目標價不到600元，包括大和證券、野村投信、晨星、麥格理資本及瑞穗銀行，分別為488元、530元、540元、546元和590元。');
  const listed = figs.slice(1);
  assert.equal(listed.length, 5);
  for (const f of listed) assert.ok(f.source, `each target has its broker: ${f.text}`);
  assert.equal(new Set(listed.map((f) => f.source)).size, 5, 'five brokers');
  const ms = facts('聯發科本周累計飆升21%。摩根士丹利（大摩）證券將其評級調升至「優於大盤」，目標價由1,288元上修至1,588元。');
  assert.deepEqual(ms.map((f) => f.source), ['morgan-stanley', 'morgan-stanley']);
  assert.deepEqual(ms.map((f) => f.subject), ['mediatek', 'mediatek']);
  const twice = facts('里昂將台積電目標價由600元提高至650元。仍有5家外資目標價不到600元。');
  assert.notEqual(twice[0].fact, twice[2].fact);
});

test('a conversion after 即 with a word, 相当于将近, or a trade term before the parenthesis is one fact', () => {
  const div = facts('汇丰控股宣派第二次股息每股0.1美元，即派息10美仙。');
  assert.equal(div[0].fact, div[1].fact);
  const stake = facts('黃仁勳所持輝達股票價值約1792億美元，相當於將近5.5兆台幣。');
  assert.equal(stake[0].fact, stake[1].fact);
  const potash = facts('今年钾肥进口大合同价为346美元/吨CFR(约2500元/吨)。');
  assert.equal(potash[0].fact, potash[1].fact);
});

test('"价值" is worth, not a price: an order worth an amount is a deal, the same order said again one fact', () => {
  const figs = facts('Anthropic签署价值210亿美元的定制芯片采购大单。\n博通承接了Anthropic的210亿美元定制订单。');
  assert.deepEqual(figs.map((f) => f.metric), ['deal', 'deal']);
  assert.equal(figs[0].fact, figs[1].fact);
});

test('each clause of a run of deals has its own buyer and target', () => {
  const figs = facts('半导体业并购频传：ADI以210亿美元收购Maxim，英伟达以400亿美元收购Arm，AMD以350亿美元收购Xilinx。');
  assert.deepEqual(figs.map((f) => f.subject), ['nasdaq-adi', 'nvidia', 'amd']);
  assert.deepEqual(figs.map((f) => f.metric), ['deal', 'deal', 'deal']);
  assert.ok(figs[1].counterparty && figs[1].counterparty !== 'maxim', `Arm is NVIDIA's target: ${figs[1].counterparty}`);
});

test('"其中" goes on with the company of the figures before it; a clause that names its payer keeps its other side', () => {
  const figs = facts('财信证券维持宁德时代(300750)买入评级。公司2024年实现总营业收入3620.13亿元；扣非归母净利润449.93亿元。其中第四季度营收1029.68亿元。');
  assert.deepEqual(figs.map((f) => f.subject), ['catl', 'catl', 'catl']);
  const capex = facts('晟銘電預計投資10億元回台設廠，鉅明將投資逾8億元在高雄擴廠。');
  assert.equal(capex[0].counterparty, null, 'the next clause’s company is not the other side');
  assert.equal(capex[0].metric, 'capex');
});

test('a bank’s brand name makes it a broker in either script; 依X计算 quotes X', () => {
  const figs = facts('台積電目前股價142.5元，以瑞士信貸預估的全年EPS 12.2元計算，本益比約11.7倍；瑞士信貸給予目標價163元。');
  assert.equal(figs[1].subject, 'tsmc');
  assert.ok(figs[1].source, 'the bank forecasting EPS is its source');
  const [stake] = facts('依路透社計算，執行長黃仁勳所持輝達股票價值約1792億美元。');
  assert.equal(stake.source, 'reuters');
});

test('a broker’s analyst speaking for it makes the broker the source', () => {
  const [capex] = facts('大摩大中華區半導體主管詹家鴻預估，台積電2027年資本支出將達540億美元。');
  assert.deepEqual([capex.subject, capex.source, capex.metric], ['tsmc', 'morgan-stanley', 'capex']);
});

test('a founder named after the company owns his fortune; a broker cutting a loss forecast or quoting its weekly report is a source', () => {
  const [fortune] = facts('福布斯亿万富豪榜显示，泡泡玛特创始人王宁身价达到279亿美元。');
  assert.ok(fortune.subject?.startsWith('person:'), `the founder: ${fortune.subject}`);
  assert.equal(fortune.metric, 'other');
  assert.equal(fortune.source, 'forbes');
  const loss = facts('高盛同时把商汤2026及27年的净亏损预测分别下调至 9.64 亿及 1.98 亿元人民币。');
  assert.deepEqual(loss.map((f) => f.source), ['goldman-sachs', 'goldman-sachs']);
  assert.deepEqual(loss.map((f) => f.subject), ['sensetime', 'sensetime']);
  const [weekly] = facts('民生证券非银周报提到，阳光保险1H25总保费收入808.1亿元。');
  assert.ok(weekly.source, 'the broker’s weekly report');
});

test('a bank reporting its own results is their subject, not a source; "$X for Y" opening a clause is Y’s', () => {
  const [profit] = facts('DBS reported record third-quarter net profit of S$3.03 billion.');
  assert.ok(profit.subject, 'the bank owns its profit');
  assert.equal(profit.source, null);
  const figs = facts('Chip start-ups collected money this week: $350 million for SambaNova, $250 million for Axelera AI.');
  assert.ok(figs[0].subject && /sambanova/.test(figs[0].subject), `SambaNova's round: ${figs[0].subject}`);
});

test('a colon or comma inside parentheses breaks no clause', () => {
  const figs = facts('Aged care operator Estia Health (ASX: EHE) has agreed to a $3.20 a share offer from private equity firm Bain Capital, valuing the business at $959 million.');
  assert.notEqual(figs[1].subject, 'bain-capital', 'the business valued is Estia, not the bidder');
});

test('"$2 billion at a valuation of over $20 billion": the round and the valuation', () => {
  const [round, valuation] = facts('ByteDance is raising at least $2 billion at a valuation of over $20 billion in its latest funding round.');
  assert.deepEqual([round.metric, valuation.metric], ['funding', 'valuation']);
});

test('"sources told the Wall Street Journal" makes the paper the source of its sentence', () => {
  const figs = facts('SenseTime is considering seeking $1bn in funding at a post-money valuation of $9.5bn, sources told the Wall Street Journal.');
  assert.deepEqual(figs.map((f) => f.source), ['wsj', 'wsj']);
});

test('a broker’s grey-market quote is the new listing’s price, stated by the broker', () => {
  const figs = facts('紫金黃金國際招股價71.59元。此前輝立暗盤收報10.2元、每手賺5690元。');
  const grey = figs[1];
  assert.notEqual(grey.subject, grey.source, 'the broker is not the owner');
  assert.ok(grey.source, 'the broker quotes it');
});

test('a price per share in a takeover is the target’s; a total price is the deal', () => {
  const figs = facts('联想集团宣布将以每股13欧元的价格收购德国电子厂商Medion AG 36.66%股份，交易总价格达到2.31亿欧元。');
  assert.ok(figs[0].subject && figs[0].subject !== 'lenovo', `the target's share price: ${figs[0].subject}`);
  assert.deepEqual([figs[1].subject, figs[1].metric], ['lenovo', 'deal']);
});

test('the words after an amount are read far enough ("in second-quarter operating profit"); charges and quotes are prices', () => {
  const [profit] = facts('Samsung Electronics posted 10.4 trillion won in second-quarter operating profit.');
  assert.equal(profit.metric, 'profit');
  const [cup] = facts('The lemonade stand charged 75 cents a cup.');
  assert.equal(cup.metric, 'price');
});

test('", or approximately" states a conversion', () => {
  const figs = facts('Samsung Electronics said its operating profit climbed to 12.1 trillion won, or approximately 8.5 billion U.S. dollars.');
  assert.equal(figs[0].fact, figs[1].fact);
});

test('a clause that names someone only as an object leaves the topic to the clauses before it', () => {
  const figs = facts('SoftBank doubled down on OpenAI: an additional $22.5B brought its total to $34.7B, alongside deals like $6.5B for Ampere and planned FY2025 investments of $42.1B.');
  assert.equal(figs[3].subject, 'softbank-group');
});

test('a person’s stake and fortune are his; "他" points back at the person named before', () => {
  const figs = facts('若特斯拉市值突破8.5万亿美元，马斯克的持股价值将超过2.4万亿美元，而他目前身家约为4900亿美元。');
  assert.equal(figs[0].subject, 'tesla');
  assert.deepEqual(figs.slice(1).map((f) => f.metric), ['other', 'other']);
  assert.ok(figs[1].subject?.startsWith('person:') || figs[1].subject === 'elon-musk', `Musk's stake: ${figs[1].subject}`);
  assert.equal(figs[2].subject, figs[1].subject);
});

test('"X\'s Y" and "X的Y" hand the topic to the named unit', () => {
  assert.equal(facts("SoftBank's Vision Fund segment lost ¥258.9 billion in the quarter.")[0].subject, 'softbank-vision-fund');
  assert.equal(facts('阿里巴巴的蚂蚁集团利润为300亿元。')[0].subject, 'ant-group');
});

test('a whole market’s turnover is nobody’s, even after the exchange that publishes it', () => {
  const [turnover] = facts('港交所(00388)公布，今年9月證券市場日均成交達1692億元，按年升87%。');
  assert.deepEqual([turnover.subject, turnover.metric], [null, 'trading']);
});

test('the company a broker acts on is rated, never the source, even a bank; an executive speaks for his own company', () => {
  const figs = facts('大摩将汇丰控股目标价由92.3港元下调至83港元。');
  assert.deepEqual(figs.map((f) => f.subject), ['hsbc', 'hsbc']);
  assert.deepEqual(figs.map((f) => f.source), ['morgan-stanley', 'morgan-stanley']);
  const [dividend] = facts('滙控行政總裁艾橋智表示，強勁的業績表現讓集團得以宣派第二次股息每股0.1元。');
  assert.deepEqual([dividend.subject, dividend.source], ['hsbc', null]);
});

test('"the average forecast by X" makes X the source whatever it is', () => {
  const [f] = facts('Samsung is expected to post an operating profit of 9.89 trillion won for July-September, according to the average forecast by FnGuide.');
  assert.equal(f.subject, 'samsung-electronics');
  assert.ok(f.source && f.source !== 'samsung-electronics', `the forecaster: ${f.source}`);
});

test('every figure of a long clause takes the topic its names hand on, and nothing read for one note carries into the next', () => {
  const handed = '亚马逊旗下AWS本季营收达300亿美元、经营利润达110亿美元及资本开支达200亿美元。';
  const own = '亚马逊本季营收达300亿美元、经营利润达110亿美元及资本开支达200亿美元。';
  assert.deepEqual(facts(handed).map((f) => f.subject), ['aws', 'aws', 'aws'], '旗下 hands the topic on to AWS, for each figure');
  assert.deepEqual(facts(own).map((f) => f.subject), ['amazon', 'amazon', 'amazon'], 'the same amounts without 旗下 are Amazon’s');
  // The same notes again, in the other order and one after the other in a single note: the
  // same answers (what the facts step keeps from one figure to the next is its note's own).
  const first = facts(handed);
  assert.deepEqual(facts(own), facts(own));
  assert.deepEqual(facts(handed), first);
  const both = facts(`${handed}\n${own}`);
  assert.deepEqual(both.map((f) => f.subject), ['aws', 'aws', 'aws', 'amazon', 'amazon', 'amazon']);
});
