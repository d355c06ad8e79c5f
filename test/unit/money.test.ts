/**
 * The monetary-figure recogniser, on our own fixture sentences in Simplified, Traditional and
 * English. Run with `node --import tsx --test test/unit/money.test.ts`.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findFigures } from '../../server/src/analysis/money';
import { foldText, isMostlyTraditional } from '../../server/src/analysis/text';
import type { Figure } from '../../server/src/analysis/types';

function figs(text: string): Figure[] {
  return findFigures(text, foldText(text), { traditional: isMostlyTraditional(text) });
}

interface Want {
  min?: number | null;
  max?: number | null;
  approximate?: boolean;
  per?: string | null;
  qualifier?: string | null;
  ambiguity?: 'zhao' | 'yen-sign' | null;
}

/** Asserts that `span` is found in `text` as a figure of `currency` and `value` (and the rest). */
function expectFigure(text: string, span: string, currency: string, value: number, want: Want = {}): Figure {
  const all = figs(text);
  const f = all.find((x) => x.text === span);
  assert.ok(f, `no figure "${span}" in ${JSON.stringify(text)}; got ${JSON.stringify(all.map((x) => x.text))}`);
  assert.equal(f.offset, text.indexOf(span), 'offset');
  assert.equal(f.length, span.length, 'length');
  assert.equal(f.currency, currency, `currency of ${span}`);
  assert.equal(f.value, value, `value of ${span}`);
  assert.equal(f.min, want.min ?? null, `min of ${span}`);
  assert.equal(f.max, want.max ?? null, `max of ${span}`);
  assert.equal(f.approximate, want.approximate ?? false, `approximate of ${span}`);
  assert.equal(f.per, want.per ?? null, `per of ${span}`);
  if ('qualifier' in want) assert.equal(f.qualifier, want.qualifier, `qualifier of ${span}`);
  if ('ambiguity' in want) assert.equal(f.ambiguity ?? null, want.ambiguity, `ambiguity of ${span}`);
  return f;
}

/** Asserts that no figure overlaps `span` in `text`. */
function expectNoFigure(text: string, span: string): void {
  const at = text.indexOf(span);
  assert.ok(at >= 0, `fixture lacks "${span}"`);
  const hit = figs(text).find((f) => f.offset < at + span.length && at < f.offset + f.length);
  assert.equal(hit, undefined, `"${span}" was taken as money: ${JSON.stringify(hit)}`);
}

describe('amounts with a currency', () => {
  test('Chinese scale words and currency words', () => {
    expectFigure('微软本季资本开支达 1,350 亿美元,创新高。', '1,350 亿美元', 'USD', 1.35e11);
    expectFigure('字节跳动今年AI投入为1600亿元。', '1600亿元', 'CNY', 1.6e11);
    expectFigure('该公司港股募资43.5亿港元。', '43.5亿港元', 'HKD', 4.35e9);
    expectFigure('旷视早年拿到7500万美元投资。', '7500万美元', 'USD', 7.5e7);
    expectFigure('全年虧損收窄至13.78 萬美元的水準。', '13.78 萬美元', 'USD', 137_800);
    expectFigure('首日市值为855.4亿港元。', '855.4亿港元', 'HKD', 8.554e10);
    expectFigure('公司开出1,100.9亿元的订单。', '1,100.9亿元', 'CNY', 1.1009e11);
    expectFigure('该项目总投资五十亿元人民币。', '五十亿元人民币', 'CNY', 5e9);
    expectFigure('他向基金会捐出一百二十亿元。', '一百二十亿元', 'CNY', 1.2e10);
    expectFigure('员工月薪3万4000元。', '3万4000元', 'CNY', 34_000);
  });

  test('English: symbols, ISO codes, scale words and letters', () => {
    expectFigure('Meta will spend $135 billion on servers.', '$135 billion', 'USD', 1.35e11);
    expectFigure('SoftBank wired a further $22.5B to the lab.', '$22.5B', 'USD', 2.25e10);
    expectFigure('The plan costs US$ 4.7 billion in total.', 'US$ 4.7 billion', 'USD', 4.7e9);
    expectFigure('Capex reached 160 billion yuan last year.', '160 billion yuan', 'CNY', 1.6e11);
    expectFigure('Costs hit €500m in Q3.', '€500m', 'EUR', 5e8);
    expectFigure('A bonus of £20k was paid.', '£20k', 'GBP', 20_000);
    expectFigure('Turnover was HKD 12.5bn.', 'HKD 12.5bn', 'HKD', 1.25e10);
    expectFigure('Sales of RMB 1.2 trillion were booked.', 'RMB 1.2 trillion', 'CNY', 1.2e12);
    expectFigure('It paid 500 million US dollars.', '500 million US dollars', 'USD', 5e8);
    expectFigure('The fine was 30 million Hong Kong dollars.', '30 million Hong Kong dollars', 'HKD', 3e7);
  });

  test('prefix currency stays in the span; scale letters glued before a Chinese currency word', () => {
    expectFigure('他的身家約合人民幣345億元。', '人民幣345億元', 'CNY', 3.45e10, { approximate: true, qualifier: '約合' });
    expectFigure('交易金额为4.19B港元。', '4.19B港元', 'HKD', 4.19e9);
    expectFigure('台積電砸下新台幣1兆元擴產。', '新台幣1兆元', 'TWD', 1e12);
  });

  test('prices with per-unit suffixes', () => {
    expectFigure('碳酸锂报价一度逼近16万元/吨。', '16万元/吨', 'CNY', 160_000, { approximate: true, per: 't' });
    expectFigure('主力合約盤中站上152000元/噸。', '152000元/噸', 'CNY', 152_000, { per: 't' });
    expectFigure('公司股价收于48.2元/股。', '48.2元/股', 'CNY', 48.2, { per: 'share' });
    expectFigure('航天级电池片每瓦成本约800元/瓦。', '800元/瓦', 'CNY', 800, { approximate: true, per: 'W', qualifier: '约' });
    expectFigure('金价站上2700美元/盎司。', '2700美元/盎司', 'USD', 2700, { per: 'oz' });
    expectFigure('矿机售价降到5 美元/TH/s。', '5 美元/TH/s', 'USD', 5, { per: 'TH/s' });
    expectFigure('海上风电电价0.35元/千瓦时。', '0.35元/千瓦时', 'CNY', 0.35, { per: 'kWh' });
    expectFigure('Gold hit $2,700 an ounce.', '$2,700 an ounce', 'USD', 2700, { per: 'oz' });
    expectFigure('Power costs $0.05/kWh there.', '$0.05/kWh', 'USD', 0.05, { per: 'kWh' });
  });

  test('an offer or opening price is a share price', () => {
    expectFigure('新股发行价12.5港元,首日收报15.2港元。', '12.5港元', 'HKD', 12.5, { per: 'share' });
    expectFigure('新股发行价12.5港元,开盘即升至15.2港元。', '15.2港元', 'HKD', 15.2, { per: 'share' });
  });
});

describe('ranges', () => {
  test('dash, em dash, 至, to and between … and', () => {
    expectFigure('电价约为1—2美元/千瓦时。', '1—2美元/千瓦时', 'USD', 1.5, { min: 1, max: 2, approximate: true, per: 'kWh' });
    expectFigure('地面电站只要0.02—0.04美元/千瓦时。', '0.02—0.04美元/千瓦时', 'USD', 0.03, { min: 0.02, max: 0.04, per: 'kWh' });
    expectFigure('外延片售價達18萬-22萬元/平方米。', '18萬-22萬元/平方米', 'CNY', 200_000, { min: 180_000, max: 220_000, per: 'm2' });
    expectFigure('市场规模将达4000億至8000億美元。', '4000億至8000億美元', 'USD', 6e11, { min: 4e11, max: 8e11 });
    expectFigure('估值或在9000亿至1万亿美元之间。', '9000亿至1万亿美元', 'USD', 9.5e11, { min: 9e11, max: 1e12 });
    expectFigure('Older rigs sell at 2–3 美元/TH/s.', '2–3 美元/TH/s', 'USD', 2.5, { min: 2, max: 3, per: 'TH/s' });
    expectFigure('The deal is worth $1.2–1.5 billion.', '$1.2–1.5 billion', 'USD', 1.35e9, { min: 1.2e9, max: 1.5e9 });
    expectFigure('Tickets cost 3 to 4 dollars.', '3 to 4 dollars', 'USD', 3.5, { min: 3, max: 4 });
    expectFigure('It is worth between $5 billion and $7 billion.', '$5 billion and $7 billion', 'USD', 6e9, { min: 5e9, max: 7e9 });
    expectFigure('预算为20-25万元。', '20-25万元', 'CNY', 225_000, { min: 200_000, max: 250_000 });
  });

  test('a change "from A to B" is two figures, not a range', () => {
    const r = figs('收入从20亿美元至200亿美元。');
    assert.deepEqual(r.map((f) => f.text), ['20亿美元', '200亿美元']);
  });
});

describe('hedges', () => {
  test('hedge words stay outside the span and make the figure approximate', () => {
    expectFigure('年收入接近130亿美元。', '130亿美元', 'USD', 1.3e10, { approximate: true, qualifier: '接近' });
    expectFigure('计划募资最高约41.9亿港元。', '41.9亿港元', 'HKD', 4.19e9, { approximate: true, qualifier: '最高约' });
    expectFigure('融資超過200億元。', '200億元', 'CNY', 2e10, { approximate: true, qualifier: '超過' });
    expectFigure('估值预期在3000亿美元以上。', '3000亿美元', 'USD', 3e11, { approximate: true, qualifier: '以上' });
    expectFigure('储量价值大概500亿元左右。', '500亿元', 'CNY', 5e10, { approximate: true });
    expectFigure('广告主承诺支出低于100万美元。', '100万美元', 'USD', 1e6, { approximate: true, qualifier: '低于' });
    expectFigure('地面电站不到1元/瓦。', '1元/瓦', 'CNY', 1, { approximate: true, per: 'W', qualifier: '不到' });
    expectFigure('Revenue reached nearly $13B.', '$13B', 'USD', 1.3e10, { approximate: true, qualifier: 'nearly' });
    expectFigure('It may borrow up to $50 billion.', '$50 billion', 'USD', 5e10, { approximate: true, qualifier: 'up to' });
    expectFigure('Capex could rise to as much as $135 billion.', '$135 billion', 'USD', 1.35e11, { approximate: true, qualifier: 'as much as' });
    expectFigure('They raised at least HK$300B.', 'HK$300B', 'HKD', 3e11, { approximate: true, qualifier: 'at least' });
  });

  test('a bound closing the clause a few words later', () => {
    expectFigure('新工艺有望把成本压到5萬元/噸這個行業水平線以下。', '5萬元/噸', 'CNY', 50_000, { approximate: true, per: 't' });
  });

  test('forecast verbs and 高达 are not hedges; an observed high or floor is recorded but exact', () => {
    expectFigure('全球零售额估计高达2500亿美元。', '2500亿美元', 'USD', 2.5e11);
    expectFigure('预计2025年营收将达到50亿美元。', '50亿美元', 'USD', 5e9);
    expectFigure('Revenue is expected to be $4.5 billion.', '$4.5 billion', 'USD', 4.5e9);
    expectFigure('該股盤中最高漲至88.8元/股。', '88.8元/股', 'CNY', 88.8, { per: 'share', qualifier: '最高漲至' });
    expectFigure('舊機型價格低至 3–4 美元/TH/s。', '3–4 美元/TH/s', 'USD', 3.5, { min: 3, max: 4, per: 'TH/s', qualifier: '低至' });
  });

  test('多 and 余 inside the numeral', () => {
    expectFigure('公司将投资20多亿元。', '20多亿元', 'CNY', 2e9, { approximate: true, qualifier: '多' });
    expectFigure('累计捐款100余万美元。', '100余万美元', 'USD', 1e6, { approximate: true, qualifier: '余' });
  });
});

describe('vague and word-only amounts', () => {
  test('数/數/几/幾 × base and several', () => {
    expectFigure('这类公司市值仅数千万美元。', '数千万美元', 'USD', 5.5e7, { min: 2e7, max: 9e7, approximate: true });
    expectFigure('持倉價值數十億美元。', '數十億美元', 'USD', 5.5e9, { min: 2e9, max: 9e9, approximate: true });
    expectFigure('單星發射成本高達幾十萬美元。', '幾十萬美元', 'USD', 550_000, { min: 2e5, max: 9e5, approximate: true });
    expectFigure('市場規模或達數兆元。', '數兆元', 'CNY', 5.5e12, { min: 2e12, max: 9e12, approximate: true });
    expectFigure('The fund raised several billion dollars.', 'several billion dollars', 'USD', 5.5e9, { min: 2e9, max: 9e9, approximate: true });
    expectFigure('Losses ran to tens of billions of yuan.', 'tens of billions of yuan', 'CNY', 5.5e10, { min: 2e10, max: 9e10, approximate: true });
  });

  test('magnitude words: 万亿美元, 兆元, 上亿美元', () => {
    expectFigure('目标估值在万亿美元级别。', '万亿美元', 'USD', 1e12, { approximate: true });
    expectFigure('有望步入兆元市場規模。', '兆元', 'CNY', 1e12, { approximate: true });
    expectFigure('单次训练要花上亿美元。', '上亿美元', 'USD', 1e8, { approximate: true });
  });

  test('coordinated bare amounts take the currency of their neighbour', () => {
    const a = figs('训练一次可能要数千万甚至上亿美元。');
    assert.deepEqual(a.map((f) => [f.text, f.currency, f.min, f.max]), [['数千万', 'USD', 2e7, 9e7], ['上亿美元', 'USD', null, null]]);
    const b = figs('主力是市值仅数千万、上亿美元的小公司。');
    assert.deepEqual(b.map((f) => [f.text, f.currency]), [['数千万', 'USD'], ['上亿美元', 'USD']]);
    expectFigure('芯片公司上市动辄数百亿港元甚至破千亿的估值。', '千亿', 'HKD', 1e11, { approximate: true, qualifier: '破' });
    expectFigure('当天南向资金净流入超120亿港元,年内第3次净流入超百亿。', '百亿', 'HKD', 1e10, { approximate: true });
  });

  test('English "billions" takes the currency of the sentence', () => {
    expectFigure('Sales grew from about $80M in 2023 to billions in 2025.', 'billions', 'USD', 5.5e9, { min: 2e9, max: 9e9, approximate: true });
    assert.equal(figs('It has billions of users and $5B in cash.').some((f) => f.text.startsWith('billions')), false);
  });

  test('bare counts with digits never borrow a currency', () => {
    expectNoFigure('资本开支为 600 亿人民币,海外版用户超过 1,000 万。', '1,000 万');
    expectNoFigure('营收为52亿美元,用户约9亿。', '9亿');
  });
});

describe('conversions and coordination', () => {
  test('a conversion inherits the hedge of the amount it converts', () => {
    const r = figs('MiniMax seeks up to HK$4.19B / $538M, and Zhipu HK$4.35B.');
    assert.deepEqual(r.map((f) => [f.text, f.currency, f.approximate]), [
      ['HK$4.19B', 'HKD', true], ['$538M', 'USD', true], ['HK$4.35B', 'HKD', false],
    ]);
    const z = figs('两家分别募资最高约41.9亿港元(5.38亿美元)与43.5亿港元。');
    assert.deepEqual(z.map((f) => [f.text, f.approximate]), [['41.9亿港元', true], ['5.38亿美元', true], ['43.5亿港元', false]]);
  });

  test('a parenthesised conversion with its own hedge', () => {
    const r = figs('初步规划 1,600 亿人民币(约 230 亿美元)。');
    assert.deepEqual(r.map((f) => [f.text, f.currency, f.value, f.approximate]), [
      ['1,600 亿人民币', 'CNY', 1.6e11, false], ['230 亿美元', 'USD', 2.3e10, true],
    ]);
  });

  test('a bound before "A和B" covers both', () => {
    const r = figs('两家分别向该公司投资至多80亿美元和40亿美元。');
    assert.deepEqual(r.map((f) => [f.text, f.approximate]), [['80亿美元', true], ['40亿美元', true]]);
  });
});

describe('not money', () => {
  const cases: [string, string][] = [
    ['全A本周收涨2.37%。', '2.37%'],
    ['規劃每年100GW太陽能產能。', '100GW'],
    ['该矿企拥有1.3 吉瓦电力容量。', '1.3 吉瓦'],
    ['产能已超过3 TWh。', '3 TWh'],
    ['基金增持4125.3萬股。', '4125.3萬股'],
    ['計畫發射9000顆衛星。', '9000顆'],
    ['申報了18.5萬顆衛星。', '18.5萬顆'],
    ['全网算力突破 2 ZH/s。', '2 ZH/s'],
    ['2027年将是关键一年,营收10亿元。', '2027年'],
    ['壁仞科技(06082.HK)上市。', '06082.HK'],
    ['港股互联网ETF(513770)份额增加。', '513770'],
    ['公司主营三元前驅體材料。', '三元前驅體'],
    ['资产负债率为65.45%。', '65.45%'],
    ['宽基ETF变动 -980.5亿份。', '-980.5亿份'],
    ['成交笔数下降150.2万笔。', '150.2万笔'],
    ['持倉突破 6 萬枚。', '6 萬枚'],
    ['計畫部署2億千瓦太陽能。', '2億千瓦'],
    ['单位:亿元。', '亿元'],
    ['他买了两块电池。', '两块'],
    ['汇率为人民币7.3兑1美元的水平。', '人民币7.3'],
    ['USD/CNY 7.25 at the close.', 'CNY 7.25'],
    ['Capacity topped 2 TWh and the FY2025 plan has 160 IPOs.', 'FY2025'],
    ['It has 10 million active users.', '10 million'],
    ['2026元旦假期票房。', '2026元'],
  ];
  for (const [text, span] of cases) test(span, () => expectNoFigure(text, span));
});

describe('scripts and normalisation', () => {
  test('full-width digits parse as ASCII and offsets do not move', () => {
    const text = '报价３８００元,涨幅１．５％,另付１．５万美元。';
    expectFigure(text, '３８００元', 'CNY', 3800);
    expectFigure(text, '１．５万美元', 'USD', 15_000);
    expectNoFigure(text, '１．５％');
  });

  test('兆 is a trillion in Traditional text and flagged as ambiguous in Simplified text', () => {
    expectFigure('太空算力太陽能市場空間可突破8兆元。', '8兆元', 'CNY', 8e12, { approximate: true, ambiguity: null });
    expectFigure('这笔交易价值7兆元。', '7兆元', 'CNY', 7e12, { ambiguity: 'zhao' });
  });

  test('a bare ¥ is CNY in Chinese text and JPY near Japanese cues, flagged either way', () => {
    expectFigure('这台手机售价￥５９９９。', '￥５９９９', 'CNY', 5999, { ambiguity: 'yen-sign' });
    expectFigure('在東京,一碗拉麵要¥1,200。', '¥1,200', 'JPY', 1200, { ambiguity: 'yen-sign' });
  });

  test('other currency words in three scripts', () => {
    expectFigure('收購價為30億歐元。', '30億歐元', 'EUR', 3e9);
    expectFigure('罚款5000万英镑。', '5000万英镑', 'GBP', 5e7);
    expectFigure('投資2000億日圓。', '2000億日圓', 'JPY', 2e11);
    expectFigure('三星投入10兆韓元。', '10兆韓元', 'KRW', 1e13);
    expectFigure('花了5块钱。', '5块钱', 'CNY', 5);
    expectFigure('He paid 300 euros.', '300 euros', 'EUR', 300);
  });
});

describe('invariants', () => {
  function check(text: string): void {
    const r = figs(text);
    let last = 0;
    for (const f of r) {
      assert.ok(f.offset >= last, 'sorted and not overlapping');
      last = f.offset + f.length;
      assert.equal(f.text, text.slice(f.offset, f.offset + f.length));
      // Positive, or a zero the text writes as such ("0元" closing a list), or negative with its own minus sign.
      assert.ok(Number.isFinite(f.value) && (f.value > 0 || (f.value === 0 && /^[^1-9１-９]*[0０][^1-9１-９]*$/.test(f.text)) || (f.value < 0 && /^[-−－]/.test(f.text) && f.min === null)));
      if (f.min !== null || f.max !== null) {
        assert.ok(f.min !== null && f.max !== null && f.min <= f.value && f.value <= f.max);
      }
    }
  }

  test('hostile inputs stay linear and never throw', () => {
    const inputs = [
      '1,'.repeat(200_000), '亿'.repeat(400_000), '$'.repeat(400_000), '1-'.repeat(200_000), '12—'.repeat(150_000),
      '9'.repeat(400_000), '数十'.repeat(200_000), '约'.repeat(400_000) + '5亿美元', '¥1'.repeat(200_000),
      'billions '.repeat(50_000), '数千万、'.repeat(100_000), '超$1亿美元/吨以下'.repeat(40_000),
    ];
    for (const text of inputs) {
      const t0 = performance.now();
      check(text);
      const ms = performance.now() - t0;
      assert.ok(ms < 3000, `${JSON.stringify(text.slice(0, 12))}… took ${ms.toFixed(0)} ms`);
    }
  });

  test('random mixtures of digits, units, currencies and hedges keep every invariant', () => {
    const alphabet = ['1', '0', '5', ',', '.', ' ', '-', '—', '至', '亿', '万', '兆', '千', '十', '数', '几', '上', '元', '美元', '港元',
      '$', 'HK$', '¥', 'B', 'M', ' billion', 'billions', '约', '超过', '最高', '以下', '/吨', '/股', '(', ')', '、', '甚至', '。', '多'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (parts) => check(parts.join(''))), { numRuns: 2000 });
  });
});
