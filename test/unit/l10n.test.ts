/**
 * The server's message catalogue (server/src/l10n): every key in every language with the
 * same placeholders, English plurals, the mapping of editor locales, the digestLens.language
 * setting, and theme labels in each language.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUES, en, LOCALES, metricLabel, resolveLocale, t, toLocale, translator, type MessageKey } from '../../server/src/l10n';
import { themeLabelOf, themeLabeller } from '../../server/src/l10n/themeLabel';
import { DEFAULT_SETTINGS, problemTexts, validateSettings } from '../../server/src/settings';
import { createTaxonomy } from '../../server/src/analysis/themes';
import { convertScript } from '../../server/src/features/scriptConversion';
import { conversionTargets } from '../../server/src/features/hover';
import { METRICS } from '../../server/src/analysis/types';

const KEYS = Object.keys(en) as MessageKey[];
const forms = (m: unknown): string[] => (typeof m === 'string' ? [m] : Object.values(m as Record<string, string>));
const placeholders = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort().join(',');

test('every key has a text in every language, with the same placeholders as the English', () => {
  for (const locale of LOCALES) {
    const cat = CATALOGUES[locale];
    assert.deepEqual(Object.keys(cat).sort(), [...KEYS].sort(), `${locale} has exactly the English keys`);
    for (const key of KEYS) {
      const english = forms(en[key]).map(placeholders);
      for (const text of forms(cat[key])) {
        assert.ok(text.trim(), `${locale} ${key} is not empty`);
        assert.ok(english.every((p) => p === placeholders(text)), `${locale} ${key}: placeholders ${placeholders(text)} vs ${english.join(' / ')}`);
      }
    }
  }
});

/** Characters Taiwan writes as they are that the character-level converter still rewrites (游標 "cursor"). */
const TW_SHARED = new Set(['游']);

test('the Chinese catalogues are written in their own script', () => {
  for (const key of KEYS) {
    const cn = CATALOGUES['zh-cn'][key] as string;
    const tw = CATALOGUES['zh-tw'][key] as string;
    assert.equal(convertScript(cn, 'cn'), cn, `zh-cn ${key} is Simplified: ${cn}`);
    const simplifiedOnly = [...tw].filter((c) => /[\u3400-\u9fff]/.test(c) && !TW_SHARED.has(c) && convertScript(c, 'tw') !== c && convertScript(c, 'cn') === c);
    assert.deepEqual(simplifiedOnly, [], `zh-tw ${key} is Traditional: ${tw}`);
  }
  // The two Chinese catalogues are not the same text (a copy would pass the key checks).
  const same = KEYS.filter((k) => /[\u3400-\u9fff]/.test(CATALOGUES['zh-cn'][k] as string) && CATALOGUES['zh-cn'][k] === CATALOGUES['zh-tw'][k]);
  assert.ok(same.length < KEYS.length / 4, `mostly different: ${same.join(', ')}`);
});

test('English plural forms follow the count; Chinese has one form', () => {
  assert.equal(t('en', 'count.mentions', 1), '1 mention');
  assert.equal(t('en', 'count.mentions', 2), '2 mentions');
  assert.equal(t('en', 'count.mentions', 0), '0 mentions');
  assert.equal(t('en', 'count.entities', 1), '1 entity');
  assert.equal(t('en', 'count.entities', 3), '3 entities');
  assert.equal(t('en', 'hover.rateOlder', 1, 'CNY', '2025-12', '2026-01'), '⚠ The CNY rate is from 2025-12, 1 month before the note (2026-01).');
  assert.equal(t('en', 'hover.rateOlder', 2, 'CNY', '2025-11', '2026-01'), '⚠ The CNY rate is from 2025-11, 2 months before the note (2026-01).');
  assert.equal(t('zh-cn', 'count.mentions', 1), '1 次提及');
  assert.equal(t('zh-tw', 'count.files', 2), '2 個檔案');
  assert.equal(t('en', 'hover.mentionsInFiles', t('en', 'count.mentions', 12), t('en', 'count.files', 1)), '12 mentions in 1 file');
  assert.equal(t('zh-cn', 'hover.mentionsInFiles', t('zh-cn', 'count.mentions', 12), t('zh-cn', 'count.files', 3)), '3 个文件中共 12 次提及');
  // A placeholder without its argument stays visible rather than turning into "undefined".
  assert.equal(t('en', 'hover.names'), 'Names: {0}');
});

test('editor locales map to en, zh-cn or zh-tw', () => {
  const cases: [unknown, string][] = [
    ['en', 'en'], ['en-US', 'en'], ['fr', 'en'], ['ja', 'en'], ['', 'en'], [undefined, 'en'], [null, 'en'], [42, 'en'],
    ['zh-cn', 'zh-cn'], ['zh-CN', 'zh-cn'], ['zh', 'zh-cn'], ['zh-SG', 'zh-cn'], ['zh-Hans', 'zh-cn'], ['zh-Hans-HK', 'zh-cn'], ['zh_CN.UTF-8', 'zh-cn'],
    ['zh-tw', 'zh-tw'], ['zh-TW', 'zh-tw'], ['zh-HK', 'zh-tw'], ['zh-hk', 'zh-tw'], ['zh-MO', 'zh-tw'], ['zh-Hant', 'zh-tw'], ['zh-Hant-TW', 'zh-tw'], ['zh-Hant-CN', 'zh-tw'], ['zh_TW.UTF-8', 'zh-tw'],
  ];
  for (const [tag, want] of cases) assert.equal(toLocale(tag), want, String(tag));
  assert.equal(resolveLocale('auto', 'zh-tw'), 'zh-tw');
  assert.equal(resolveLocale(undefined, 'zh-CN'), 'zh-cn');
  assert.equal(resolveLocale('en', 'zh-tw'), 'en');
  assert.equal(resolveLocale('zh-tw', 'en'), 'zh-tw');
});

test('digestLens.language is validated; a wrong value falls back to "auto" with a message in any language', () => {
  assert.equal(validateSettings({}).settings.language, 'auto');
  assert.equal(validateSettings({ language: 'zh-tw' }).settings.language, 'zh-tw');
  assert.equal(validateSettings({ language: 'ZH-CN' }).settings.language, 'zh-cn');
  const wrong = validateSettings({ language: 'klingon', baseCurrency: 'XYZ' });
  assert.equal(wrong.settings.language, 'auto');
  assert.equal(wrong.settings.baseCurrency, 'USD');
  assert.deepEqual(wrong.problems, [
    'digestLens.baseCurrency is not a known currency code ("XYZ"); using the default ("USD")',
    'digestLens.language must be "auto", "en", "zh-cn" or "zh-tw"; using the default ("auto")',
  ]);
  assert.deepEqual(problemTexts(wrong.keyed, translator('zh-cn')), [
    'digestLens.baseCurrency 不是已知的货币代码（"XYZ"）；已改用默认值（"USD"）',
    'digestLens.language 必须是 "auto"、"en"、"zh-cn" 或 "zh-tw"；已改用默认值（"auto"）',
  ]);
  assert.match(problemTexts(validateSettings({ include: ['a[b'] }).keyed, translator('zh-tw'))[0], /無效的 glob \["a\[b"\] 已略過/);
  assert.equal(validateSettings({ language: 3 }).settings.language, 'auto');
});

test('metric names are shown in the language; unknown ids as they are', () => {
  for (const m of METRICS) {
    for (const locale of LOCALES) assert.ok(metricLabel(translator(locale), m), `${locale} ${m}`);
  }
  assert.equal(metricLabel(translator('en'), 'market-value'), 'market value');
  assert.equal(metricLabel(translator('zh-cn'), 'revenue'), '营收');
  assert.equal(metricLabel(translator('zh-tw'), 'revenue'), '營收');
  assert.equal(metricLabel(translator('zh-tw'), 'capex'), '資本支出');
  assert.equal(metricLabel(translator('zh-cn'), 'not-a-metric'), 'not-a-metric');
});

test('theme labels: English, labelZh for zh-cn, labelZh in Traditional for zh-tw, English when there is no labelZh', () => {
  const theme = { label: 'AI infrastructure and capex', labelZh: 'AI基础设施与资本开支' };
  assert.equal(themeLabelOf(theme, 'en'), 'AI infrastructure and capex');
  assert.equal(themeLabelOf(theme, 'zh-cn'), 'AI基础设施与资本开支');
  assert.equal(themeLabelOf(theme, 'zh-tw'), 'AI基礎設施與資本開支');
  assert.equal(themeLabelOf({ label: 'Widgets' }, 'zh-tw'), 'Widgets');
  const taxonomy = createTaxonomy([{ id: 'widgets', label: 'Widgets', labelZh: '小部件', keywords: ['widget'] }]);
  const label = themeLabeller(taxonomy, 'zh-tw');
  assert.equal(label('widgets'), '小部件');
  assert.equal(label('unknown'), undefined);
});

test("a figure's hover converts into the base currency first, even when it is not a display currency", () => {
  assert.deepEqual(conversionTargets('CNY', { baseCurrency: 'EUR', displayCurrencies: ['USD', 'CNY', 'HKD'] }), ['EUR', 'USD', 'HKD']);
  assert.deepEqual(conversionTargets('CNY', { baseCurrency: 'HKD', displayCurrencies: ['USD', 'CNY', 'HKD', 'EUR'] }), ['HKD', 'USD', 'EUR']);
  assert.deepEqual(conversionTargets('USD', { baseCurrency: 'USD', displayCurrencies: ['USD', 'CNY'] }), ['CNY']);
});

test('package.json declares digestLens.language as settings.ts reads it, described in all three languages', () => {
  const root = join(__dirname, '..', '..');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const setting = pkg.contributes.configuration.properties['digestLens.language'];
  assert.deepEqual(setting.enum, ['auto', ...LOCALES]);
  assert.equal(setting.default, DEFAULT_SETTINGS.language);
  const keys = [setting.description, ...setting.enumDescriptions].map((d: string) => /^%(.+)%$/.exec(d)![1]);
  for (const file of ['package.nls.json', 'package.nls.zh-cn.json', 'package.nls.zh-tw.json']) {
    const nls = JSON.parse(readFileSync(join(root, file), 'utf8'));
    for (const k of keys) assert.ok(typeof nls[k] === 'string' && nls[k].trim(), `${file} has ${k}`);
  }
});
