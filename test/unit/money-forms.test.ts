/**
 * Money forms that the first engine missed on unseen text, one kind per test, in our own
 * sentences: amounts in words, sub-units, symbols after the number, other codes, Chinese
 * numerals written place by place, lists sharing one currency, and 元 in Taiwan and Hong Kong.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findFigures } from '../../server/src/analysis/money';
import { foldText, isMostlyTraditional } from '../../server/src/analysis/text';
import type { Figure } from '../../server/src/analysis/types';

function figs(text: string): Figure[] {
  return findFigures(text, foldText(text), { traditional: isMostlyTraditional(text) });
}

/** The figures of `text` as "span=CUR value" (with "[min..max]" for ranges). */
function read(text: string): string[] {
  return figs(text).map((f) => `${f.text}=${f.currency} ${f.value}${f.min !== null ? ` [${f.min}..${f.max}]` : ''}`);
}

describe('amounts written in words', () => {
  test('scales, hundreds, halves and hyphenated tens', () => {
    assert.deepEqual(read('The fund put in twelve million dollars.'), ['twelve million dollars=USD 12000000']);
    assert.deepEqual(read('a grant of three hundred million yuan'), ['three hundred million yuan=CNY 300000000']);
    assert.deepEqual(read('roughly a half million usd in fees'), ['a half million usd=USD 500000']);
    assert.deepEqual(read('forty-two thousand euros a year'), ['forty-two thousand euros=EUR 42000']);
    assert.deepEqual(read('two and a half billion dollars'), ['two and a half billion dollars=USD 2500000000']);
    assert.deepEqual(read('it cost one dollar'), ['one dollar=USD 1']);
  });
  test('a whole amount and its cents are one figure', () => {
    assert.deepEqual(read('Shares ended at US$7 and twenty cents.'), ['US$7 and twenty cents=USD 7.2']);
    assert.deepEqual(read('a ticket is 4 dollars and 25 cents'), ['4 dollars and 25 cents=USD 4.25']);
  });
  test('words that are no amount', () => {
    assert.deepEqual(read('The dollar weakened and a dollar index fell.'), []);
    assert.deepEqual(read('He lost twelve pounds on the trip.'), []);
    assert.deepEqual(read('one of the cents-per-share targets'), []);
  });
});

describe('sub-units', () => {
  test('cents follow the dollar of the passage', () => {
    assert.deepEqual(read('The stock slipped 43 cents.'), ['43 cents=USD 0.43']);
    assert.deepEqual(read('Link REIT paid HK$1.30, up 5 cents.'), ['HK$1.30=HKD 1.3', '5 cents=HKD 0.05']);
    assert.deepEqual(read('Singles sell for 65¢ each.'), ['65¢=USD 0.65']);
  });
  test('港仙, 仙, 美仙 and pence', () => {
    assert.equal(figs('中期息每股派8.5港仙。')[0].value, 0.085);
    assert.equal(figs('中期息每股派8.5港仙。')[0].currency, 'HKD');
    assert.deepEqual(read('末期息派45仙，'), ['45仙=HKD 0.45']);
    assert.deepEqual(read('派息每股12美仙'), ['12美仙=USD 0.12']);
    assert.deepEqual(read('On the FTSE 100, Tesco rose 6p to 402p.'), ['6p=GBP 0.06', '402p=GBP 4.02']);
    assert.deepEqual(read('The 1080p stream starts at 9pm.'), [], 'no sterling in the passage: p is no pence');
    assert.deepEqual(read('八仙过海，各显神通'), []);
  });
  test('a bare point after a symbol', () => {
    assert.deepEqual(read('wind power at $.031/kWh'), ['$.031/kWh=USD 0.031']);
  });
});

describe('symbols after the number, codes and currency names', () => {
  test('symbols glued after the number', () => {
    assert.deepEqual(read('menus at 18€ and 12£, tips 5$'), ['18€=EUR 18', '12£=GBP 12', '5$=USD 5']);
    assert.deepEqual(read('quoted at 2.75US$ or 8k$'), ['2.75US$=USD 2.75', '8k$=USD 8000']);
    assert.deepEqual(read('buy 10 $TSLA calls'), [], 'a cashtag is no currency');
  });
  test('Rs and INR with crore and lakh, Indian digit grouping', () => {
    assert.deepEqual(read('a Rs 35 lakh fine'), ['Rs 35 lakh=INR 3500000']);
    assert.deepEqual(read('capex of INR 1,200 crore'), ['INR 1,200 crore=INR 12000000000']);
    assert.deepEqual(read('market value of Rs 2,15,430.50 crore'), ['Rs 2,15,430.50 crore=INR 2154305000000']);
  });
  test('ISO codes before and after, currency names before the number', () => {
    assert.deepEqual(read('SEK 450 million and 80 NZD'), ['SEK 450 million=SEK 450000000', '80 NZD=NZD 80']);
    assert.deepEqual(read('以澳元12亿收购'), ['澳元12亿=AUD 1200000000']);
    assert.deepEqual(read('$US2.4 billion ($A3.7 billion)'), ['$US2.4 billion=USD 2400000000', '$A3.7 billion=AUD 3700000000']);
  });
  test('hyphenated scales and the yen', () => {
    assert.deepEqual(read('a 20-billion-yuan fund'), ['20-billion-yuan=CNY 20000000000']);
    assert.deepEqual(read('Sony booked ¥120 billion of profit'), ['¥120 billion=JPY 120000000000']);
    assert.deepEqual(read('腾讯营收¥1,800亿，人民币计价'), ['¥1,800亿=CNY 180000000000']);
  });
});

describe('Chinese numerals written place by place', () => {
  test('whole numerals with a point and big units', () => {
    assert.deepEqual(read('全年純益三二一八點六億元，'), ['三二一八點六億元=TWD 321860000000'], '純益 is Taiwan’s word');
    assert.deepEqual(read('預估資本支出二八○○億美元'), ['二八○○億美元=USD 280000000000']);
    assert.deepEqual(read('每股盈餘十二點七五元'), ['十二點七五元=TWD 12.75'], '每股盈餘 is Taiwan’s word');
    assert.deepEqual(read('營收一點二三兆元'), ['一點二三兆元=CNY 1230000000000']);
    assert.deepEqual(read('合計一兆二三四五億元'), ['一兆二三四五億元=CNY 1234500000000']);
  });
  test('ranges of them', () => {
    assert.deepEqual(read('展望三三○～三五○億美元'), ['三三○～三五○億美元=USD 34000000000 [33000000000..35000000000]']);
    assert.deepEqual(read('介於四一二億至四三六億美元'), ['四一二億至四三六億美元=USD 42400000000 [41200000000..43600000000]']);
  });
  test('a part of a longer numeral is never a figure', () => {
    for (const text of ['純益六二三九點四億元', '每股純益二十點三元', '七五二一億元']) {
      for (const f of figs(text)) assert.equal(f.offset, text.search(/[六二七]/), `${f.text} starts inside ${text}`);
    }
  });
  test('two neighbouring digits are "three or four"', () => {
    assert.deepEqual(read('估值约三四十亿元'), ['三四十亿元=CNY 3500000000 [3000000000..4000000000]']);
    assert.deepEqual(read('只要五六万元'), ['五六万元=CNY 55000 [50000..60000]']);
  });
  test('sections spaced apart are one amount', () => {
    assert.deepEqual(read('營收新台幣 2 兆 1,530 億 600 萬元'), ['新台幣 2 兆 1,530 億 600 萬元=TWD 2153006000000']);
  });
});

describe('lists that share one currency', () => {
  test('the last member names the currency, the others take it', () => {
    assert.deepEqual(read('三年利润分别为2.1亿、3.4亿和4.8亿元'), ['2.1亿=CNY 210000000', '3.4亿=CNY 340000000', '4.8亿元=CNY 480000000']);
    assert.deepEqual(read('收入为人民币310.5万、12万和0元'), ['人民币310.5万=CNY 3105000', '12万=CNY 120000', '0元=CNY 0']);
    assert.deepEqual(read('预计为3.2、4.1及5.0亿元'), ['3.2=CNY 320000000', '4.1=CNY 410000000', '5.0亿元=CNY 500000000']);
  });
  test('numbers beside a list word that ends in no money stay numbers', () => {
    assert.deepEqual(read('用户数为3亿、4亿和5亿人'), []);
    assert.deepEqual(read('2024、2025和2026年'), []);
  });
});

describe('元 in Taiwan and Hong Kong', () => {
  test('Taiwan passages: TWD', () => {
    assert.deepEqual(read('台積電第三季稅後純益4,523億元，每股盈餘17.44元。'), ['4,523億元=TWD 452300000000', '17.44元=TWD 17.44']);
    assert.deepEqual(read('台股成交值達7,210億元'), ['7,210億元=TWD 721000000000']);
    assert.deepEqual(read('聯發科(2454)營收1,420億元'), ['1,420億元=TWD 142000000000']);
  });
  test('Hong Kong passages: HKD, also in Simplified script when the words are Hong Kong’s own', () => {
    assert.deepEqual(read('港股全日成交額2,180億元，恒指跌1%。'), ['2,180億元=HKD 218000000000']);
    assert.deepEqual(read('汇控收市报112.5元，按年升'), ['112.5元=HKD 112.5']);
  });
  test('mainland passages keep the yuan', () => {
    assert.deepEqual(read('宁德时代净利润同比增长，达到500亿元'), ['500亿元=CNY 50000000000']);
    assert.deepEqual(read('南向资金买入港股120亿元，A股成交额1.8万亿元'), ['120亿元=CNY 12000000000', '1.8万亿元=CNY 1800000000000']);
  });
});

describe('notes that name a currency: "(人民币，下同)"', () => {
  test('the note names the amount before it and, with 下同, the bare amounts after it', () => {
    assert.deepEqual(read('收入3120.4億元（人民幣，下同），純利512億元，員工2萬人。'), ['3120.4億元=CNY 312040000000', '512億元=CNY 51200000000']);
    assert.deepEqual(read('營收4212.5億（台幣，下同），全年達1.2兆、回購50億的股份。'), ['4212.5億=TWD 421250000000', '1.2兆=TWD 1200000000000', '50億=TWD 5000000000']);
    assert.deepEqual(read('除稅前溢利30.5億元(美元‧下同)，回購20億元'), ['30.5億元=USD 3050000000', '20億元=USD 2000000000']);
    assert.deepEqual(read('营收800亿元人民币(下同)，净利12亿元'), ['800亿元人民币=CNY 80000000000', '12亿元=CNY 1200000000']);
  });
  test('a parenthesis that names no currency changes nothing', () => {
    assert.deepEqual(read('营收12亿(同比增长)，用户3亿'), []);
  });
});

describe('prices in 元, 角 and 分', () => {
  test('one amount', () => {
    assert.deepEqual(read('收市報六十三元四角'), ['六十三元四角=HKD 63.4']);
    assert.deepEqual(read('每股一元二角五分'), ['一元二角五分=CNY 1.25']);
  });
});

describe('a range written from the top', () => {
  test('both ends with their currency', () => {
    assert.deepEqual(read('回購價介乎8.12英鎊至7.95英鎊'), ['8.12英鎊至7.95英鎊=GBP 8.035 [7.95..8.12]']);
  });
  test('a move from one price to another is no range', () => {
    assert.equal(figs('股价由12元跌至9元').length, 2);
  });
});

describe('English forms of the press', () => {
  test('"point" in amounts written out', () => {
    assert.deepEqual(read('a profit of 9-point-four trillion won'), ['9-point-four trillion won=KRW 9400000000000']);
    assert.deepEqual(read('about three point two billion U.S. dollars'), ['three point two billion U.S. dollars=USD 3200000000']);
    assert.deepEqual(read('the team won twice'), []);
  });
  test('Australian papers: "$US" for the US dollar, a bare "$" for their own', () => {
    assert.deepEqual(read('Rio Tinto, listed on the ASX, earned $US5.1 billion ($7.8 billion).'),
      ['$US5.1 billion=USD 5100000000', '$7.8 billion=AUD 7800000000']);
    assert.deepEqual(read('Nvidia earned $5.1 billion.'), ['$5.1 billion=USD 5100000000']);
  });
});

describe('more place-by-place and list forms', () => {
  test('"." as the point, and amounts below one', () => {
    assert.deepEqual(read('每股盈餘一二.三四美元，股息○.二五美元'), ['一二.三四美元=USD 12.34', '○.二五美元=USD 0.25']);
    assert.deepEqual(read('○○公司的零售額'), []);
  });
  test('spaces around a Chinese list word', () => {
    assert.deepEqual(read('预测下调至 3.12 亿及 0.85 亿元'), ['3.12 亿=CNY 312000000', '0.85 亿元=CNY 85000000']);
  });
});

describe('vague digits after 百 and 千, spaced sections, pence moves', () => {
  test('a vague digit after 百 or 千 stands one place lower, or at the place of the unit after it', () => {
    assert.deepEqual(read('營收十三億六千幾萬元'), ['十三億六千幾萬元=CNY 1365500000 [1362000000..1369000000]']);
    assert.deepEqual(read('规模三百数十亿元'), ['三百数十亿元=CNY 35500000000 [32000000000..39000000000]']);
    assert.deepEqual(read('耗资两千几百万元'), ['两千几百万元=CNY 25500000 [22000000..29000000]']);
  });
  test('a part of a longer numeral is never a figure of its own', () => {
    for (const text of ['營收十三億六千幾萬元', '规模三百数十亿元']) assert.equal(figs(text).length, 1, text);
  });
  test('the last section of a spaced amount is in ones', () => {
    assert.deepEqual(read('金額為新臺幣 3 億 512 萬 4,806 元（約折合'), ['新臺幣 3 億 512 萬 4,806 元=TWD 305124806']);
  });
  test('pence after a verb of price moves, and the end of the move, without other signs of sterling', () => {
    assert.deepEqual(read('Halden climbed 14p to 702p after the update'), ['14p=GBP 0.14', '702p=GBP 7.02']);
    assert.deepEqual(read('Marlow rose 3¾p to 215p'), ['3¾p=GBP 0.0375', '215p=GBP 2.15']);
    assert.deepEqual(read('streams at 720p to 1080p'), []);
  });
});

describe('amounts a figure changed to', () => {
  test('bare amounts after a word of change take the currency of the figure they change from', () => {
    assert.deepEqual(read('派息总额从12亿港元降到8亿、3.5亿'), ['12亿港元=HKD 1200000000', '8亿=HKD 800000000', '3.5亿=HKD 350000000']);
    assert.deepEqual(read('從20億美元下調至15億'), ['20億美元=USD 2000000000', '15億=USD 1500000000']);
  });
  test('a bare 至 without 从 may close a range, and counts are no money', () => {
    assert.deepEqual(read('收入12亿美元至15亿'), ['12亿美元=USD 1200000000']);
    assert.deepEqual(read('营收从10亿元增至15亿人次'), ['10亿元=CNY 1000000000']);
  });
});

describe('仙 in moves', () => {
  test('a bare 仙 before the end of a move, and in the cents the move ends in', () => {
    assert.deepEqual(read('每股盈利增加3.2仙至41.5美仙'), ['3.2仙=USD 0.032', '41.5美仙=USD 0.415']);
    assert.deepEqual(read('匯豐升7仙報81.2港元'), ['7仙=HKD 0.07', '81.2港元=HKD 81.2']);
    assert.deepEqual(read('八仙过海，十仙报恩'), []);
  });
});

describe('元 of mainland companies listed in Hong Kong', () => {
  test('in Simplified text Hong Kong\'s reporting words and a stock code leave 元 the yuan', () => {
    assert.deepEqual(read('江畔高速(01999)披露年度业绩：收入约30.5亿元，每股盈利0.12元'), ['30.5亿元=CNY 3050000000', '0.12元=CNY 0.12']);
  });
  test('in Traditional text they make it the Hong Kong dollar, and market words do in any script', () => {
    assert.deepEqual(read('江畔地產(01999)公布業績，純利30.5億元，每股盈利1.2元'), ['30.5億元=HKD 3050000000', '1.2元=HKD 1.2']);
    assert.deepEqual(read('江畔地产(01999)收市报5.2元，招股价4.8元'), ['5.2元=HKD 5.2', '4.8元=HKD 4.8']);
  });
});

describe('share prices named by the words before them', () => {
  test('target prices, closing prices and moves of shares are per share; sums are not', () => {
    const per = (text: string) => figs(text).map((f) => f.per);
    assert.deepEqual(per('raised its target price to HK$125'), ['share']);
    assert.deepEqual(per('目标价由100港元升至120港元'), ['share', 'share']);
    assert.deepEqual(per('Shares closed at $41.20'), ['share']);
    assert.deepEqual(per('the target of raising $50 million'), [null]);
  });
});

describe('more list words and Hong Kong listings written with ".HK"', () => {
  test('甚至 and 乃至 join two amounts of one currency; 仙 after 每股 is a price', () => {
    assert.deepEqual(read('估值已升至20億甚至40億元；'), ['20億=CNY 2000000000', '40億元=CNY 4000000000']);
    assert.deepEqual(read('以每股8仙配售新股'), ['8仙=HKD 0.08']);
  });
  test('codes with ".HK" place a Traditional passage in Hong Kong', () => {
    assert.deepEqual(read('騰訊(00700.HK)目標價600元、網易(09999.HK)200元'), ['600元=HKD 600', '200元=HKD 200']);
  });
});

test('a range whose two ends both carry the same unit is one figure', () => {
  const [f] = figs('现货报价为2元/吨至3元/吨。');
  assert.equal(f.text, '2元/吨至3元/吨');
  assert.deepEqual([f.min, f.max, f.currency], [2, 3, 'CNY']);
  assert.equal(f.per, figs('另有5元/吨。')[0].per);
  assert.deepEqual(figs('Contracts priced at 2.1¢/kWh to 2.9¢/kWh.').map((x) => [x.min, x.max, x.per]), [[0.021, 0.029, 'kWh']]);
  // Different units make two figures, never one range.
  assert.equal(figs('报价3美元/千瓦时至4美元/吨。').length, 2);
});

test('a report on ASX companies that writes A$ and never US$: bare $ and cents are Australian', () => {
  assert.deepEqual(read('Kestrel Motors (ASX:KMX) declared a dividend of 25 cents per share as profit rose to A$156.2 million from a loss of $139.6 million.'),
    ['25 cents per share=AUD 0.25', 'A$156.2 million=AUD 156200000', '$139.6 million=AUD 139600000']);
  // With US$ in the text, a bare $ stays the US dollar.
  assert.deepEqual(read('Kestrel Motors (ASX:KMX) raised A$20 million and US$5 million; a peer raised $3 million.').map((x) => x.split('=')[1].split(' ')[0]), ['AUD', 'USD', 'USD']);
});

test('a four-digit code is Taiwan\'s only where no word of Hong Kong\'s own market is near', () => {
  assert.deepEqual(read('港股創新高：北辰能源(3800)公布配售新股，每股配售價1.08元，較日前收市價折讓12.2%。').map((x) => x.split('=')[1].split(' ')[0]), ['HKD']);
  assert.deepEqual(read('台股大漲，北辰電子(3800)每股盈餘1.08元。').map((x) => x.split('=')[1].split(' ')[0]), ['TWD']);
});

test('cents after an amount of millions are a figure of their own', () => {
  assert.deepEqual(read('profit of 5.23 billion dollars and 61 cents a share a year earlier'), ['5.23 billion dollars=USD 5230000000', '61 cents a share=USD 0.61']);
  assert.deepEqual(read('it cost US$3 and fourteen cents'), ['US$3 and fourteen cents=USD 3.14']);
});

test('cents written "5c": after a share-price move or "to"/"at" in a text about dollars, lower case only', () => {
  const figs = (text: string) => findFigures(text, foldText(text), { traditional: false }).map((f) => [f.text, f.value]);
  assert.deepEqual(figs('Shares fell 5c to 80c on the news.'), [['5c', 0.05], ['80c', 0.8]]);
  assert.deepEqual(figs('Guidance was cut to 80c a share from $1.'), [['80c a share', 0.8], ['$1', 1]]);
  for (const text of ['It was 80C outside.', 'the 5c coin', 'vitamin 5c', 'We bought 3c of land']) assert.deepEqual(figs(text), [], text);
});

test('a bare $ in a text about Singapore\'s market is the Singapore dollar, unless the text also writes US dollars', () => {
  assert.deepEqual(read('DBS stayed above $50 on the SGX this week.'), ['$50=SGD 50']);
  assert.deepEqual(read('SGX-listed Keppel paid S$20 a unit; its shares held above $5.'), ['S$20=SGD 20', '$5=SGD 5']);
  assert.deepEqual(read('SGX-listed Keppel raised US$300 million and paid $5 to holders.'), ['US$300 million=USD 300000000', '$5=USD 5']);
});

test('ranges with a non-breaking hyphen, "range from A to B", a day after its month, decimal commas, kroner and 新元, EPS glued', () => {
  assert.deepEqual(read('a marketed range of $24\u2011$26'), ['$24\u2011$26=USD 25 [24..26]']);
  assert.deepEqual(read('The tender could range from $500-million to $750-million.'), ['$500-million to $750-million=USD 625000000 [500000000..750000000]']);
  assert.deepEqual(read('Prices rose from $5 to $7.'), ['$5=USD 5', '$7=USD 7']);
  assert.deepEqual(read('It spent 3.16 trillion yen on July 11 and 2.37 trillion yen on July 12.'), ['3.16 trillion yen=JPY 3160000000000', '2.37 trillion yen=JPY 2370000000000']);
  // "14,59 euros" is no 59 euros: a miss rather than a wrong value.
  assert.deepEqual(read('It offers 145 Norwegian kroner (14,59 euros) a share.'), ['145 Norwegian kroner=NOK 145']);
  assert.deepEqual(read('阿里将投入3800亿元人民币(约合701亿新元)。').map((x) => x.split('=')[1].split(' ')[0]), ['CNY', 'SGD']);
  assert.deepEqual(read('前3季EPS4.6元'), ['4.6元=CNY 4.6']);
  assert.deepEqual(read('The GPS3 device and BEPS4 rules'), []);
});

test('the yuan named before an amount stays the yuan in Hong Kong and Taiwan passages; "won a share" needs no scale', () => {
  assert.deepEqual(read('暗盘每手账面盈约2.08万港元（约合人民币1.85万元）。鸣鸣很忙(01768.HK)报400港元/股。').map((x) => x.split(' ')[0]), ['2.08万港元=HKD', '人民币1.85万元=CNY', '400港元/股=HKD']);
  assert.deepEqual(read('台積電第三季獲利達人民幣103.7億元。新台幣走強。').map((x) => x.split(' ')[0]), ['人民幣103.7億元=CNY']);
  assert.deepEqual(read('It raised the dividend to 1,500 won a share.'), ['1,500 won a share=KRW 1500']);
  assert.deepEqual(read('He won 3 games.'), []);
});
