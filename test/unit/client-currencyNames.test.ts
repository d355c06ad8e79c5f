/**
 * The base-currency picker's pure part: names in the interface language, the current
 * currency first, and matching by code, name or alias in any script.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currencyChoices, currencyName, matchCurrency, uiLanguage } from '../../client/src/currencyNames';
import { knownCurrencies } from '../../server/src/fx/rates';

const codes = knownCurrencies();

test('every known currency has a name in English, Simplified and Traditional Chinese', () => {
  for (const code of codes) {
    for (const lang of ['en', 'zh-cn', 'zh-tw'] as const) assert.ok(currencyName(code, lang), `${code} in ${lang}`);
  }
  assert.deepEqual(['en', 'zh-cn', 'zh-tw'].map((l) => currencyName('CNY', l as 'en')), ['Chinese yuan', '人民币', '人民幣']);
  assert.deepEqual(['en', 'zh-cn', 'zh-tw'].map((l) => currencyName('TWD', l as 'en')), ['New Taiwan dollar', '新台币', '新臺幣']);
  assert.equal(currencyName('XYZ', 'en'), null);
});

test('VS Code languages map to the three interface languages', () => {
  assert.deepEqual(['en', 'en-gb', 'de', 'zh-cn', 'zh-CN', 'zh-tw', 'zh-hk', 'zh'].map(uiLanguage), ['en', 'en', 'en', 'zh-cn', 'zh-cn', 'zh-tw', 'zh-tw', 'zh-cn']);
});

test('the current currency comes first, then the common ones, then the rest by code', () => {
  const rows = currencyChoices(codes, 'hkd', 'zh-cn');
  assert.equal(rows.length, codes.length);
  assert.deepEqual(rows.slice(0, 4).map((r) => r.code), ['HKD', 'USD', 'CNY', 'TWD']);
  assert.equal(rows[0].current, true);
  assert.equal(rows.filter((r) => r.current).length, 1);
  assert.equal(rows[0].name, '港元');
  const rest = rows.slice(7).map((r) => r.code);
  assert.deepEqual(rest, [...rest].sort());
  assert.equal(currencyChoices(codes, 'USD', 'en')[0].name, 'US dollar');
});

test('typing an alias in any script finds the currency', () => {
  for (const lang of ['en', 'zh-cn', 'zh-tw'] as const) {
    const rows = currencyChoices(codes, 'USD', lang);
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
  const cn = currencyChoices(codes, 'USD', 'zh-cn').find((r) => r.code === 'CNY')!;
  assert.ok(cn.aliases.includes('Chinese yuan') && cn.aliases.includes('人民幣') && cn.aliases.includes('RMB'));
  assert.ok(!cn.aliases.includes('人民币') && !cn.aliases.includes('CNY'));
});
