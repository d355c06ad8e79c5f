/**
 * The base-currency picker's pure part: names in the interface language, the current
 * currency first, and matching by code, name or alias in any script. The names are what the
 * server's status answer carries (its currency table), passed through JSON as on the wire.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currencyChoices, currencyName, fallbackCurrencies, matchCurrency, readCurrencyNames, uiLanguage } from '../../client/src/currencyNames';
import { knownCurrencies } from '../../server/src/fx/rates';
import { currencyNames } from '../../server/src/analysis/currencyTable';

// As the status handler answers: the codes with rates and their names.
const codes = knownCurrencies();
const names = readCurrencyNames(JSON.parse(JSON.stringify(currencyNames(codes))));

test('every currency of the status answer has a name in English, Simplified and Traditional Chinese', () => {
  assert.equal(names.length, codes.length);
  for (const code of codes) {
    for (const lang of ['en', 'zh-cn', 'zh-tw'] as const) assert.ok(currencyName(names, code, lang), `${code} in ${lang}`);
  }
  assert.deepEqual(['en', 'zh-cn', 'zh-tw'].map((l) => currencyName(names, 'CNY', l as 'en')), ['Chinese yuan', '人民币', '人民幣']);
  assert.deepEqual(['en', 'zh-cn', 'zh-tw'].map((l) => currencyName(names, 'twd', l as 'en')), ['New Taiwan dollar', '新台币', '新臺幣']);
  assert.equal(currencyName(names, 'XYZ', 'en'), null);
});

test('malformed names from the wire are dropped, well-formed ones kept', () => {
  assert.deepEqual(readCurrencyNames(undefined), []);
  assert.deepEqual(readCurrencyNames({ code: 'USD' }), []);
  const read = readCurrencyNames([
    null,
    'USD',
    { code: 'EUR', en: 'Euro', 'zh-cn': '欧元' }, // no zh-tw
    { code: 'gbp', en: 'Pound', 'zh-cn': '英镑', 'zh-tw': '英鎊', aliases: ['£', 7] },
  ]);
  assert.deepEqual(read, [{ code: 'GBP', en: 'Pound', 'zh-cn': '英镑', 'zh-tw': '英鎊', aliases: ['£'] }]);
});

test('VS Code languages map to the three interface languages', () => {
  assert.deepEqual(['en', 'en-gb', 'de', 'zh-cn', 'zh-CN', 'zh-tw', 'zh-hk', 'zh'].map(uiLanguage), ['en', 'en', 'en', 'zh-cn', 'zh-cn', 'zh-tw', 'zh-tw', 'zh-cn']);
});

test('the current currency comes first, then the common ones, then the rest by code', () => {
  const rows = currencyChoices(codes, names, 'hkd', 'zh-cn');
  assert.equal(rows.length, codes.length);
  assert.deepEqual(rows.slice(0, 4).map((r) => r.code), ['HKD', 'USD', 'CNY', 'TWD']);
  assert.equal(rows[0].current, true);
  assert.equal(rows.filter((r) => r.current).length, 1);
  assert.equal(rows[0].name, '港元');
  const rest = rows.slice(7).map((r) => r.code);
  assert.deepEqual(rest, [...rest].sort());
  assert.equal(currencyChoices(codes, names, 'USD', 'en')[0].name, 'US dollar');
});

test('typing an alias in any script finds the currency', () => {
  for (const lang of ['en', 'zh-cn', 'zh-tw'] as const) {
    const rows = currencyChoices(codes, names, 'USD', lang);
    const cases: [string, string][] = [
      ['rmb', 'CNY'], ['人民币', 'CNY'], ['人民幣', 'CNY'], ['港币', 'HKD'], ['港幣', 'HKD'], ['hkd', 'HKD'],
      ['NT$', 'TWD'], ['新台币', 'TWD'], ['台币', 'TWD'], ['美元', 'USD'], ['US$', 'USD'], ['日元', 'JPY'], ['日圓', 'JPY'],
      ['欧元', 'EUR'], ['歐元', 'EUR'], ['ｒｍｂ', 'CNY'], ['yen', 'JPY'],
    ];
    for (const [query, code] of cases) assert.ok(matchCurrency(rows, query).includes(code), `${query} finds ${code} (${lang})`);
    assert.deepEqual(matchCurrency(rows, '人民币'), ['CNY']);
    assert.deepEqual(matchCurrency(rows, 'NT$'), ['TWD']);
    assert.deepEqual(matchCurrency(rows, 'zzz'), []);
  }
});

test('the aliases hold the names of the other languages, never the shown name or the code', () => {
  const cn = currencyChoices(codes, names, 'USD', 'zh-cn').find((r) => r.code === 'CNY')!;
  assert.ok(cn.aliases.includes('Chinese yuan') && cn.aliases.includes('人民幣') && cn.aliases.includes('RMB'));
  assert.ok(!cn.aliases.includes('人民币') && !cn.aliases.includes('CNY'));
});

test('without names (the server did not answer) the common codes show as themselves and match by code', () => {
  const rows = currencyChoices(fallbackCurrencies(), [], 'EUR', 'en');
  assert.deepEqual(rows.map((r) => r.code), ['EUR', 'USD', 'CNY', 'HKD', 'TWD', 'JPY', 'GBP']);
  assert.ok(rows.every((r) => r.name === r.code && r.aliases.length === 0));
  assert.deepEqual(matchCurrency(rows, 'hkd'), ['HKD']);
  assert.deepEqual(matchCurrency(rows, '人民币'), []);
});
