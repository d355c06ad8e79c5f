/**
 * Amounts written in the note's own script (Simplified, Traditional, English), rates
 * quoted as markets quote them, and Simplified ↔ Traditional conversion with Taiwan and
 * Hong Kong words.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeFigure, formatAmount, formatPer, formatRange } from '../../server/src/fx/format';
import { mostlyChinese, scriptAt, scriptOf, sentenceAround } from '../../server/src/analysis/script';
import { hintAmount, marketPair, pairText, rateText, styleAt, styleFor } from '../../server/src/features/moneyText';
import { checkConversion, pairConversions } from '../../server/src/features/conversionCheck';
import { applyScriptEdits, convertName, convertScript, scriptEdits } from '../../server/src/features/scriptConversion';
import { computeInlayHints } from '../../server/src/features/inlayHints';
import { hoverAt } from '../../server/src/features/hover';
import { kindMatches, traditionalTarget } from '../../client/src/scriptTargets';
import { analyse } from '../../server/src/analysis/analyse';
import { builtinGazetteer } from '../../server/src/analysis/gazetteer';
import { findFigures } from '../../server/src/analysis/money';
import { foldText } from '../../server/src/analysis/text';
import { WorkspaceIndex } from '../../server/src/index/workspaceIndex';
import { DEFAULT_SETTINGS, type DigestSettings } from '../../server/src/settings';

const WS = join(__dirname, '..', 'fixtures', 'workspace');
const gazetteer = builtinGazetteer();
const settings = (over: Partial<DigestSettings> = {}): DigestSettings => ({ ...DEFAULT_SETTINGS, ...over });

function indexOf(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex((text) => analyse(text, { gazetteer }));
  for (const [name, text] of Object.entries(files)) index.set(`file:///ws/${name}`, text, null);
  return index;
}

test('formatAmount writes each script with its own scale words and currency names', () => {
  assert.equal(formatAmount(23e9, 'USD', 'zh'), '230亿美元');
  assert.equal(formatAmount(23e9, 'USD', 'zh-Hant'), '230億美元');
  assert.equal(formatAmount(23e9, 'USD', 'en'), 'US$23.0 billion');
  assert.equal(formatAmount(4.5e4, 'HKD', 'zh-Hant'), '4.5萬港元');
  assert.equal(formatAmount(1.2e12, 'USD', 'zh'), '1.2万亿美元');
  assert.equal(formatAmount(1.2e12, 'USD', 'zh-Hant'), '1.2兆美元', '10^12 is 兆 in Traditional, as Taiwan writes it');
  assert.equal(formatAmount(1.2e12, 'USD', 'en'), 'US$1.20 trillion');
  // CNY: 元 in Simplified, 人民幣 in Traditional (a bare 元 is the Taiwan dollar there).
  assert.equal(formatAmount(160e9, 'CNY', 'zh'), '1,600亿元');
  assert.equal(formatAmount(160e9, 'CNY', 'zh-Hant'), '1,600億人民幣');
  assert.equal(formatAmount(160e9, 'CNY', 'zh-Hant', { cnyWord: '人民币' }), '1,600億人民幣');
  assert.equal(formatAmount(160e9, 'CNY', 'zh-Hant', { cnyWord: '元' }), '1,600億元');
  assert.equal(formatAmount(1e9, 'TWD', 'zh-Hant'), '10億新台幣');
  assert.equal(formatAmount(1e9, 'TWD', 'zh'), '10亿新台币');
  assert.equal(formatAmount(1e9, 'JPY', 'zh-Hant'), '10億日圓');
  assert.equal(formatAmount(1e9, 'EUR', 'zh-Hant'), '10億歐元');
  assert.equal(formatAmount(1e9, 'GBP', 'zh-Hant'), '10億英鎊');
  // Negative, tiny and huge amounts.
  assert.equal(formatAmount(-5.97e9, 'CNY', 'zh-Hant'), '-59.7億人民幣');
  assert.equal(formatAmount(-5.97e9, 'CNY', 'zh'), '-59.7亿元');
  assert.equal(formatAmount(-0.00001, 'USD', 'zh-Hant', { digits: 3 }), '-0.00001美元');
  assert.equal(formatAmount(-1e-10, 'USD', 'zh-Hant'), '0美元', 'a value that rounds to zero has no minus sign');
  assert.equal(formatAmount(0.0325, 'USD', 'zh-Hant'), '0.0325美元');
  assert.equal(formatAmount(99996000, 'USD', 'zh-Hant'), '1億美元', 'rounding carries into the next scale');
  for (const v of [1e15, 1e20, 1e-7]) assert.doesNotMatch(formatAmount(v, 'USD', 'zh-Hant'), /e[+-]/);
  assert.equal(formatAmount(1e16, 'USD', 'zh-Hant'), '10,000兆美元');
});

test('per-unit prices and ranges in each script', () => {
  assert.equal(formatPer('kWh', 'zh'), '/千瓦时');
  assert.equal(formatPer('kWh', 'zh-Hant'), '/千瓦時');
  assert.equal(formatPer('t', 'zh-Hant'), '/噸');
  assert.equal(formatPer('t', 'zh'), '/吨');
  assert.equal(formatAmount(0.05, 'USD', 'zh-Hant', { per: 'kWh' }), '0.05美元/千瓦時');
  assert.equal(formatAmount(21810, 'USD', 'zh', { per: 't' }), '2.181万美元/吨');
  assert.equal(formatAmount(21810, 'USD', 'zh-Hant', { per: 't' }), '2.181萬美元/噸');
  assert.equal(formatRange(3e6, 3.5e6, 'USD', 'zh-Hant'), '300萬–350萬美元');
  assert.equal(formatRange(2e5, 2.5e5, 'CNY', 'zh-Hant', { per: 'm2' }), '20萬–25萬人民幣/平方米');
  assert.equal(formatRange(0.35, 0.45, 'CNY', 'zh', { per: 'kWh' }), '0.35–0.45元/千瓦时');
});

test('what the Traditional style writes reads back as the same figure', () => {
  for (const [value, currency, per] of [[23e9, 'USD', null], [1.2e12, 'USD', null], [160e9, 'CNY', null], [4.5e4, 'HKD', null], [1e9, 'JPY', null], [21810, 'USD', 't'], [0.05, 'USD', 'kWh']] as const) {
    const written = formatAmount(value, currency, 'zh-Hant', { per });
    const text = `報告稱,該公司營收為 ${written}。`;
    const [f] = findFigures(text, foldText(text), { traditional: true });
    assert.ok(f, `no figure in ${text}`);
    assert.equal(f.currency, currency, text);
    assert.ok(Math.abs(f.value / value - 1) < 0.001, `${text}: ${f.value}`);
    assert.equal(f.per, per, text);
  }
});

test('describeFigure writes its Chinese half in the figure\'s own script', () => {
  const f = { currency: 'USD', value: 23e9, min: null, max: null, per: null, approximate: false };
  assert.equal(describeFigure({ ...f, text: '230 億美元' }), 'US$23.0 billion / 230億美元');
  assert.equal(describeFigure({ ...f, text: '230 亿美元' }), 'US$23.0 billion / 230亿美元');
  assert.equal(describeFigure({ ...f, text: '$23B' }), 'US$23.0 billion / 230亿美元');
});

test('the script of a sentence: Traditional-only against Simplified-only characters', () => {
  assert.equal(scriptOf('台積電營收 230 億美元'), 'traditional');
  assert.equal(scriptOf('台积电营收 230 亿美元'), 'simplified');
  assert.equal(scriptOf('腾讯(騰訊)营收 230 亿美元'), 'simplified', 'one quoted Traditional name does not make the sentence Traditional');
  assert.equal(scriptOf('皇后只有一個台'), 'traditional', 'characters Traditional shares with Simplified are no evidence');
  assert.equal(scriptOf('230 美元'), null);
  assert.equal(scriptOf('Tencent rose 3%.'), null);
  const text = '騰訊營收 230 億港元。腾讯营收 230 亿港元。收入 5 美元。';
  assert.deepEqual(sentenceAround(text, 2), { start: 0, end: 12 });
  assert.deepEqual(sentenceAround(text, 14), { start: 13, end: 25 });
  assert.equal(scriptAt(text, 2, 'simplified'), 'traditional');
  assert.equal(scriptAt(text, 17, 'traditional'), 'simplified');
  // A sentence that does not tell looks around it, then falls back to the document's script.
  assert.equal(scriptAt('收入 5 美元。', 2, 'traditional'), 'traditional');
  assert.equal(scriptAt('收入 5 美元。', 2, 'simplified'), 'simplified');
  assert.equal(mostlyChinese('腾讯 Q3 revenue 增长'), true);
  assert.equal(mostlyChinese('Tencent (腾讯) reported revenue of $22.5B'), false);
});

test('the style of written amounts: setting, figure and sentence', () => {
  assert.equal(styleFor('230 億美元', 'auto'), 'zh-Hant');
  assert.equal(styleFor('230 亿美元', 'auto'), 'zh');
  assert.equal(styleFor('$23B', 'auto'), 'en');
  assert.equal(styleFor('$23B', 'zh'), 'zh');
  assert.equal(styleFor('230 億美元', 'zh'), 'zh-Hant', '"zh" is Chinese in the note\'s script');
  assert.equal(styleFor('230 億美元', 'en'), 'en');
  const tw = '輝達報價約 $3.5M,台積電代工。';
  assert.equal(styleAt(tw, tw.indexOf('$'), '$3.5M', false), 'zh-Hant', 'an English figure in a Traditional sentence');
  const en = 'Nvidia quoted about 350萬美元 per rack.';
  assert.equal(styleAt(en, en.indexOf('350'), '350萬美元', false), 'zh-Hant', 'a Chinese figure keeps Chinese');
  const plain = 'Nvidia quoted about $3.5M per rack.';
  assert.equal(styleAt(plain, plain.indexOf('$'), '$3.5M', true), 'en');
  assert.equal(styleAt(plain, plain.indexOf('$'), '$3.5M', true, 'zh'), 'zh-Hant', 'the setting forces Chinese, in the document\'s script');
});

test('inlay hint text is short and in each script', () => {
  const f = { currency: 'USD', value: 23e9, min: null, max: null, per: null };
  assert.equal(hintAmount(f, 'zh'), '230亿美元');
  assert.equal(hintAmount(f, 'zh-Hant'), '230億美元');
  assert.equal(hintAmount(f, 'en'), 'US$23.0B');
  assert.equal(hintAmount({ ...f, value: 5.38e8 }, 'en'), 'US$538M');
  assert.equal(hintAmount({ ...f, value: 21810, per: 't' }, 'zh-Hant'), '2.18萬美元/噸');
  assert.equal(hintAmount({ ...f, value: 0.0493, per: 'kWh' }, 'zh'), '0.0493美元/千瓦时');
  assert.equal(hintAmount({ ...f, value: 4.66e9, min: 4.3e9, max: 5.02e9 }, 'zh-Hant'), '43億–50.2億美元');
  assert.equal(hintAmount({ ...f, value: -2.3e9 }, 'zh'), '-23亿美元');
});

test('inlay hints on real notes follow each sentence\'s script, the rate only in the tooltip', () => {
  const files = ['simplified.digest.md', 'traditional.digest.txt', 'english.digest'];
  const index = indexOf(Object.fromEntries(files.map((f) => [f, readFileSync(join(WS, f), 'utf8')])));
  const hintsOf = (name: string, over: Partial<DigestSettings> = {}) => computeInlayHints(index.get(`file:///ws/${name}`)!, settings({ inlayHints: true, ...over }));
  const trad = hintsOf('traditional.digest.txt');
  assert.ok(trad.length >= 4, JSON.stringify(trad));
  for (const h of trad) {
    assert.match(String(h.label), /^≈[-\d.,–萬億兆]+美元(\/[股噸]|\/千瓦時)?$/, String(h.label));
    // Short: a single amount in a dozen characters, a range in two dozen.
    assert.ok(String(h.label).length <= (String(h.label).includes('–') ? 24 : 12), `short: ${h.label}`);
    assert.doesNotMatch(String(h.label), /20\d\d|USD\//, 'no month or rate in the label');
    assert.match(String(h.tooltip), /USD\/(HKD|CNY) [\d.]+, rates of 2026-01/);
  }
  const simp = hintsOf('simplified.digest.md');
  for (const h of simp) assert.match(String(h.label), /^≈[-\d.,–万亿]+美元(\/吨)?$/, String(h.label));
  const en = hintsOf('english.digest');
  assert.ok(en.length > 0);
  for (const h of en) assert.match(String(h.label), /^≈US\$[\d.–]+[kMBT]?(\/\w+)?$/, String(h.label));
  // numberStyle "en" writes English everywhere, "zh" Chinese in the sentence's script.
  for (const h of hintsOf('traditional.digest.txt', { numberStyle: 'en' })) assert.match(String(h.label), /^≈US\$/);
  for (const h of hintsOf('english.digest', { numberStyle: 'zh' })) assert.match(String(h.label), /亿美元|万美元|美元/);
});

test('a hover on a Traditional figure writes its amounts in Traditional', () => {
  const text = readFileSync(join(WS, 'traditional.digest.txt'), 'utf8');
  const index = indexOf({ 't.digest.txt': text });
  const doc = index.get('file:///ws/t.digest.txt')!;
  const at = text.indexOf('86億港元') + 2;
  const h = hoverAt(doc, at, index, settings(), gazetteer)!;
  const md = (h.contents as { value: string }).value.replace(/\\(.)/g, '$1');
  assert.match(md, /HK\$8\.60 billion \/ ~?86億港元|~HK\$8\.60 billion \/ ~86億港元/);
  const usdLine = md.split('\n').find((l) => l.startsWith('- ≈') && l.includes('US$'))!;
  assert.match(usdLine, /^- ≈ 11\.\d+億美元 \/ US\$1\.1\d+ billion · USD\/HKD 7\.\d+$/);
  const eurLine = md.split('\n').find((l) => l.startsWith('- ≈') && l.includes('€'))!;
  assert.match(eurLine, /億歐元 \/ €[\d.]+ (million|billion) · EUR\/HKD [\d.]+$/);
  // A range's midpoint line writes its Chinese half in the figure's script too.
  const range = hoverAt(doc, text.indexOf('300萬-350萬美元') + 2, index, settings(), gazetteer)!;
  const rangeMd = (range.contents as { value: string }).value.replace(/\\(.)/g, '$1');
  assert.match(rangeMd, /US\$3\.25 million \/ 325萬美元/);
  assert.doesNotMatch(rangeMd, /万/);
});

test('rates are quoted as markets quote them, by one helper', () => {
  assert.equal(rateText('CNY', 'USD', 1 / 6.9692), 'USD/CNY 6.9692');
  assert.equal(rateText('USD', 'CNY', 6.9692), 'USD/CNY 6.9692');
  assert.equal(rateText('USD', 'EUR', 1 / 1.08), 'EUR/USD 1.08');
  assert.equal(rateText('EUR', 'USD', 1.0812), 'EUR/USD 1.0812');
  assert.equal(rateText('JPY', 'USD', 1 / 156.3), 'USD/JPY 156.3');
  assert.equal(rateText('HKD', 'USD', 1 / 7.78), 'USD/HKD 7.78');
  assert.equal(rateText('USD', 'GBP', 1 / 1.27), 'GBP/USD 1.27');
  assert.equal(rateText('AUD', 'USD', 0.66), 'AUD/USD 0.66');
  assert.equal(rateText('NZD', 'USD', 0.61), 'NZD/USD 0.61');
  assert.equal(rateText('GBP', 'EUR', 1.17), 'EUR/GBP 0.8547');
  assert.equal(rateText('JPY', 'CNY', 0.0459), 'CNY/JPY 21.786', 'a cross of two other currencies: the rate at least 1');
  assert.equal(rateText('CNY', 'HKD', 1.11871), 'CNY/HKD 1.1187');
  assert.equal(rateText('CNY', 'USD', 0), 'USD/CNY ?');
  assert.deepEqual(marketPair('CAD', 'USD', 0.73), { base: 'USD', quote: 'CAD' });
  assert.equal(pairText('USD', 'CNY', 6.97, (x) => x.toFixed(2)), 'USD/CNY 6.97');
});

test('the conversion check writes its rates as market pairs', () => {
  const text = '空客获得 10 亿欧元(约 20 亿美元)订单。';
  const [pair] = pairConversions(text, findFigures(text, foldText(text), { traditional: false }));
  const check = checkConversion(pair, '2026-01-07', 0.05)!;
  assert.equal(check.base, 'EUR');
  assert.equal(check.quote, 'USD');
  assert.equal(check.impliedRate, 2);
  assert.match(check.message, /^Stated conversion implies EUR\/USD 2\.00; reference EUR\/USD 1\.\d\d \(/);
  const yen = '丰田投资 1,000 亿日元(约 10 亿美元)。';
  const [yp] = pairConversions(yen, findFigures(yen, foldText(yen), { traditional: false }));
  const yc = checkConversion(yp, '2026-01-07', 0.05)!;
  assert.match(yc.message, /implies USD\/JPY 100\.0; reference USD\/JPY 1\d\d\.\d/);
});

test('Simplified to Traditional with Taiwan words, Hong Kong words, or characters only', () => {
  const s = '该公司发布财报:软件和芯片业务的信息披露更完整,人工智能数据库上线。';
  assert.equal(convertScript(s, 'tw'), '該公司發布財報:軟體和晶片業務的資訊披露更完整,人工智慧資料庫上線。');
  assert.equal(convertScript(s, 'hk'), '該公司發佈財報:軟件和芯片業務的信息披露更完整,人工智能數據庫上線。');
  assert.equal(convertScript(s, 'plain'), '該公司發佈財報:軟件和芯片業務的信息披露更完整,人工智能數據庫上線。');
  // Hong Kong's own words: 鼠标 → 滑鼠.
  assert.equal(convertScript('无线鼠标销量大增。', 'hk'), '無線滑鼠銷量大增。');
  // Hong Kong text to Taiwan's words.
  assert.equal(convertScript('軟件與芯片業務。', 'tw'), '軟體與晶片業務。');
  // Back to Simplified from either.
  assert.equal(convertScript('軟體和晶片業務的資訊揭露,記憶體漲價。', 'cn'), '软件和芯片业务的信息揭露,内存涨价。');
  assert.equal(convertScript('軟件和芯片業務,滑鼠出貨。', 'cn'), '软件和芯片业务,鼠标出货。', 'Hong Kong words back too');
  // A Simplified sentence keeps its own words when the rest is converted.
  assert.equal(convertScript('影片平台上线。軟體上線。', 'cn'), '影片平台上线。软件上线。');
  // Names convert character by character, no word changes.
  assert.equal(convertName('金山软件', 'tw'), '金山軟件');
  assert.equal(convertName('騰訊', 'cn'), '腾讯');
});

test('script edits replace only what changes and keep everything else in place', () => {
  const text = 'Tencent 营收 1,350 亿美元。\n软件公司 HK$4.19B\n\nEnglish only.\n';
  const edits = scriptEdits(text, 'tw')!;
  assert.equal(applyScriptEdits(text, edits), 'Tencent 營收 1,350 億美元。\n軟體公司 HK$4.19B\n\nEnglish only.\n');
  for (const e of edits) {
    const replaced = text.slice(e.offset, e.offset + e.length);
    assert.match(replaced, /^[\u3400-\u9fff]+$/, `only Chinese is replaced: ${JSON.stringify(replaced)}`);
  }
  // Figures, spaces, line breaks and Latin text keep their offsets in the result.
  const out = applyScriptEdits(text, edits);
  for (const keep of ['Tencent ', '1,350', 'HK$4.19B', 'English only.']) assert.equal(out.indexOf(keep), text.indexOf(keep), keep);
  // A word that changes length (博客 → 部落格) is one edit; what follows moves by one, unchanged.
  const blog = '他的博客很火。HK$1B';
  const be = scriptEdits(blog, 'tw')!;
  assert.equal(applyScriptEdits(blog, be), '他的部落格很火。HK$1B');
  assert.deepEqual(be.map((e) => blog.slice(e.offset, e.offset + e.length)), ['博客']);
  // Nothing to change: no edits; cancelled: null.
  assert.deepEqual(scriptEdits('Only English here.', 'tw'), []);
  assert.deepEqual(scriptEdits('這裡已是繁體。', 'plain'), []);
  assert.equal(scriptEdits('软件。', 'tw', () => true), null);
});

test('the client matches the conversions on their kind and reads the variant setting', () => {
  assert.equal(kindMatches('refactor.rewrite.script.tw', 'traditional'), true);
  assert.equal(kindMatches('refactor.rewrite.script.plain', 'traditional'), true);
  assert.equal(kindMatches('refactor.rewrite.script.cn', 'traditional'), false);
  assert.equal(kindMatches('refactor.rewrite.script.cn', 'simplified'), true);
  assert.equal(kindMatches('refactor.rewrite.script.hk', 'tw'), false);
  assert.equal(kindMatches('refactor.rewrite', 'tw'), false);
  assert.equal(kindMatches(undefined, 'simplified'), false);
  assert.equal(traditionalTarget(undefined, 'ask'), 'traditional');
  assert.equal(traditionalTarget(undefined, 'hk'), 'hk');
  assert.equal(traditionalTarget('tw', 'hk'), 'tw', 'the argument wins over the setting');
  assert.equal(traditionalTarget(undefined, 'bogus'), 'traditional');
});
