/**
 * Hover and inlay hints as pure functions over an in-memory index: figure conversions at
 * the digest's date, warnings, overrides, per-unit prices, entity summaries, escaping.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../server/src/analysis/analyse';
import { builtinGazetteer, type Gazetteer } from '../../server/src/analysis/gazetteer';
import { parseUserEntities } from '../../server/src/analysis/userFiles/entities';
import { WorkspaceIndex } from '../../server/src/index/workspaceIndex';
import { DEFAULT_SETTINGS, type DigestSettings } from '../../server/src/settings';
import { hoverAt } from '../../server/src/features/hover';
import { computeInlayHints } from '../../server/src/features/inlayHints';
import { compactFigure, compactMoney, escapeMarkdown, rateText } from '../../server/src/features/moneyText';
import { latestMonth } from '../../server/src/fx/rates';
import { attributing } from '../helpers/attributing';

const REPO = join(__dirname, '..', '..');
const WS = join(REPO, 'test', 'fixtures', 'workspace');
const FILES = ['simplified.digest.md', 'traditional.digest.txt', 'english.digest'];
const user = parseUserEntities(readFileSync(join(WS, '.digestlens', 'entities.json'), 'utf8'), 'entities.json');
const gazetteer = builtinGazetteer().withEntities(user.entities);

function makeIndex(g: Gazetteer = gazetteer, extra: Record<string, string> = {}): WorkspaceIndex {
  const index = new WorkspaceIndex((text) => analyse(text, { gazetteer: g }));
  for (const f of FILES) index.set(`file:///ws/${f}`, readFileSync(join(WS, f), 'utf8'), null);
  for (const [name, text] of Object.entries(extra)) index.set(`file:///ws/${name}`, text, null);
  return index;
}
const index = makeIndex();
const settings = (over: Partial<DigestSettings> = {}): DigestSettings => ({ ...DEFAULT_SETTINGS, ...over });

/** Hover text at the middle of the first occurrence of `needle`, Markdown escapes removed. */
function hover(file: string, needle: string, opts: { settings?: DigestSettings; index?: WorkspaceIndex; gazetteer?: Gazetteer; raw?: boolean } = {}) {
  const idx = opts.index ?? index;
  const doc = idx.get(`file:///ws/${file}`)!;
  const at = doc.text.indexOf(needle);
  assert.ok(at >= 0, `${needle} in ${file}`);
  const h = hoverAt(doc, at + (needle.length >> 1), idx, opts.settings ?? settings(), opts.gazetteer ?? gazetteer);
  assert.ok(h, `hover on ${needle}`);
  const value = (h.contents as { value: string }).value;
  return { hover: h, raw: value, text: value.replace(/\\(.)/g, '$1'), at };
}

/** The value of the first "US$… billion|million" amount after `label` in a text, in USD. */
function usd(text: string): number {
  const m = /US\$([\d.,]+)(k| billion| million)?/.exec(text);
  assert.ok(m, `a US$ amount in:\n${text}`);
  const scale = m[2] === ' billion' ? 1e9 : m[2] === ' million' ? 1e6 : m[2] === 'k' ? 1e3 : 1;
  return Number(m[1].replace(/,/g, '')) * scale;
}

test('a figure hover gives the amount as written, both styles, conversions with rate, month and source', () => {
  const { hover: h, text } = hover('simplified.digest.md', '1,600 亿人民币');
  assert.match(text, /\*\*1,600 亿人民币\*\*/);
  assert.match(text, /CNY 160\.0 billion \/ 1,600亿元/);
  const usdLine = text.split('\n').find((l) => l.includes('US$'))!;
  const value = usd(usdLine);
  assert.ok(value > 22e9 && value < 24e9, usdLine);
  assert.match(usdLine, /USD\/CNY 6\.9734/, "the ECB rate of the note's day, 2026-01-14");
  assert.match(text, /HK\$/);
  assert.match(text, /€/);
  // The figure's own currency is not a conversion target.
  assert.ok(!text.split('\n').some((l) => /^- ≈ ([\d.,]+亿元|CNY) /.test(l)));
  assert.match(text, /Rates: CNY, HKD, EUR per USD: ECB reference rate of 2026-01-14/);
  assert.ok(!text.includes('⚠'), 'a dated note inside the table has no warning');
  assert.deepEqual(h.range, { start: { line: 3, character: 26 }, end: { line: 3, character: 36 } });
});

test('an interval, a hedge and its qualifier are stated', () => {
  const range = hover('simplified.digest.md', '300—350 亿元').text;
  assert.match(range, /Interval: CNY 30\.0–35\.0 billion; midpoint CNY 32\.5 billion \/ 325亿元/);
  const hedged = hover('simplified.digest.md', '18 亿元').text;
  assert.match(hedged, /Approximate \("约"\)/);
  assert.match(hedged, /~CNY 1\.80 billion \/ ~18亿元/);
});

test('a per-unit price is converted per unit', () => {
  const { text } = hover('simplified.digest.md', '15.2 万元/吨');
  assert.match(text, /Per unit: per tonne \(t\)/);
  assert.match(text, /US\$21\.8k\/t/);
  const share = hover('traditional.digest.txt', '612.5港元/股').text;
  assert.match(share, /per share/);
  assert.match(share, /US\$78\.5\d\/share/);
});

test('display currencies and rate overrides from the settings are honoured', () => {
  const { text } = hover('simplified.digest.md', '1,600 亿人民币', { settings: settings({ displayCurrencies: ['USD'], rateOverrides: { CNY: 8 } }) });
  assert.equal(usd(text), 20e9);
  assert.match(text, /USD\/CNY 8\b/);
  assert.match(text, /user setting/);
  assert.ok(!text.includes('HK$') && !text.includes('€'));
});

test('the base currency is converted into first, even when it is not a display currency', () => {
  const { text } = hover('simplified.digest.md', '1,600 亿人民币', { settings: settings({ baseCurrency: 'JPY', displayCurrencies: ['USD', 'EUR'] }) });
  const lines = text.split('\n').filter((l) => l.startsWith('- ≈'));
  assert.equal(lines.length, 3, text);
  assert.match(lines[0], /JPY|¥|円/, `the first conversion is into JPY: ${lines[0]}`);
  assert.match(lines[1], /US\$/);
  const usdFirst = hover('simplified.digest.md', '1,600 亿人民币', { settings: settings({ baseCurrency: 'USD', displayCurrencies: ['EUR', 'USD'] }) }).text;
  const first = usdFirst.split('\n').find((l) => l.startsWith('- ≈'))!;
  assert.match(first, /US\$/, 'USD as the base currency comes before the display currencies');
});

test('an undated note converts at the latest month and says so', () => {
  const idx = makeIndex(gazetteer, { 'undated.digest': '腾讯投资 1,600 亿元。\n' });
  const { text } = hover('undated.digest', '1,600 亿元', { index: idx });
  assert.match(text, new RegExp(`⚠ This note has no date: converted at the latest rates \\(${latestMonth()}\\)`));
});

test('a note dated after the rate table warns that the rate is older than the note', () => {
  const idx = makeIndex(gazetteer, { 'future.digest': '腾讯投资 1,600 亿元。\n\n2031-03-02 (Sunday) · 0123456789abcdef\n' });
  const { text } = hover('future.digest', '1,600 亿元', { index: idx });
  assert.match(text, new RegExp(`⚠ The CNY rate is from ${latestMonth()}, \\d+ months before the note \\(2031-03\\)`));
});

test('the hover says which rate it used: the day\'s, the month\'s average, the nearest earlier day (issue 15)', () => {
  const idx = makeIndex(gazetteer, {
    'day.digest': '腾讯投资 1,600 亿元。\n\n2024-03-15 (Friday) · 0123456789abcdef\n',
    'weekend.digest': '腾讯投资 1,600 亿元。\n\n2024-03-16 (Saturday) · 0123456789abcdef\n',
    'idr.digest': '腾讯投资 1,600 亿元。\n\n2026-04-11 (Saturday) · 0123456789abcdef\n',
  });
  const day = hover('day.digest', '1,600 亿元', { index: idx }).text;
  assert.match(day, /Rates: CNY, HKD, EUR per USD: ECB reference rate of 2024-03-15/);
  const weekend = hover('weekend.digest', '1,600 亿元', { index: idx }).text;
  assert.match(weekend, /per USD: monthly average, 2024-03 · Federal Reserve/);
  assert.ok(!weekend.includes('ECB reference rate of'), weekend);
  // IDR's monthly series ends 2026-03: a Saturday in April takes Friday's rate.
  const idr = hover('idr.digest', '1,600 亿元', { index: idx, settings: settings({ displayCurrencies: ['IDR'] }) }).text;
  assert.match(idr, /IDR per USD: nearest earlier day with a rate, 2026-04-10 · ECB reference rate/);
});

test('an entity hover gives names in all scripts, tickers, workspace counts and a link to its dossier', () => {
  const { hover: h, text } = hover('traditional.digest.txt', '騰訊控股');
  assert.match(text, /^\*\*Tencent\*\* · company/);
  for (const n of ['腾讯', '騰訊', 'Tencent Holdings']) assert.ok(text.includes(n), n);
  assert.match(text, /Tickers: HK:00700/);
  assert.match(text, /written here: 0700\.HK/);
  assert.match(text, /4 mentions in 3 files/);
  assert.match(text, /\[Open dossier\]\(command:digestLens\.showDossier\?%5B%22tencent%22%5D /);
  assert.doesNotMatch(text, /Figures nearby/);
  assert.deepEqual(h.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } });
  // Names are listed once each, whatever their case.
  const names = text.split('\n').find((l) => l.startsWith('- Names:'))!;
  assert.equal(names.split(' · ').filter((n) => /tencent$/i.test(n.trim())).length, 1);
});

test('the ticker written after a mention hovers as its company, with the ticker as range', () => {
  const { hover: h, text } = hover('traditional.digest.txt', '0700.HK');
  assert.match(text, /^\*\*Tencent\*\*/);
  assert.deepEqual(h.range, { start: { line: 2, character: 5 }, end: { line: 2, character: 12 } });
});

test('the user entity found by folding counts both files', () => {
  const { text } = hover('traditional.digest.txt', '遠瀾算力');
  assert.match(text, /Yuanlan Compute|远澜算力/);
  assert.match(text, /2 mentions in 2 files/);
});

test('document and user text is escaped in the Markdown', () => {
  const evil = '<img src=x onerror=alert(1)> [Evil](command:workbench.action.quit) **Corp** `x` |a|';
  const g = builtinGazetteer().withEntities([{ id: 'evil', name: evil, kind: 'company', names: [evil, '邪恶公司'], tickers: ['<b>X</b>'], origin: 'user' }]);
  const idx = makeIndex(g, { 'evil.digest': '邪恶公司 融资 5 亿元。\n' });
  const { raw, text } = hover('evil.digest', '邪恶公司', { index: idx, gazetteer: g });
  assert.ok(text.includes(evil), 'the name is shown, unescaped it reads the same');
  assert.ok(!/(^|[^\\])<(img|b|\/b)/.test(raw), 'no raw HTML');
  assert.deepEqual(raw.match(/\]\(command:[^)]*\)/g), ["](command:digestLens.showDossier?%5B%22evil%22%5D \"Every fact about it across the notes\")"], 'no link but the dossier');
  assert.ok(!/(^|[^\\])\*\*Corp/.test(raw), 'no emphasis from the name');
  assert.equal(escapeMarkdown('a\nb'), 'a b');
  assert.equal(escapeMarkdown('1,600 亿人民币'), '1,600 亿人民币');
});

test('no hover outside figures and mentions', () => {
  const doc = index.get('file:///ws/simplified.digest.md')!;
  const at = doc.text.indexOf('管理层表示');
  assert.equal(hoverAt(doc, at + 1, index, settings(), gazetteer), null);
});

test('inlay hints are off by default, and on they follow figures not in the base currency', () => {
  const doc = index.get('file:///ws/simplified.digest.md')!;
  assert.deepEqual(computeInlayHints(doc, settings()), []);
  const hints = computeInlayHints(doc, settings({ inlayHints: true }));
  const figure = doc.analysis.figures.find((f) => f.text === '1,600 亿人民币')!;
  const h = hints.find((x) => x.position.line === 3 && x.position.character === 36)!;
  assert.ok(h, 'a hint at the end of 1,600 亿人民币');
  assert.equal(h.label, '≈229亿美元', 'in the Simplified sentence\'s own script (at the ECB rate of 2026-01-14)');
  assert.equal(h.paddingLeft, true);
  assert.match(String(h.tooltip), /≈ 229亿美元 \(US\$22\.9B\) at USD\/CNY 6\.9734, rates of 2026-01-14/);
  // USD figures get none; every CNY figure gets one.
  const cny = doc.analysis.figures.filter((f) => f.currency !== 'USD');
  assert.equal(hints.length, cny.length);
  assert.ok(figure);
  assert.equal(hints.find((x) => x.position.line === 4 && x.position.character === 41)?.label, '≈2.18万美元/吨');
  // With CNY as base the USD figures are the ones converted.
  const toCny = computeInlayHints(doc, settings({ inlayHints: true, baseCurrency: 'CNY' }));
  assert.equal(toCny.length, doc.analysis.figures.length - cny.length);
  // A range request only answers for its range.
  const part = computeInlayHints(doc, settings({ inlayHints: true }), doc.lineStarts[4], doc.lineStarts[5]);
  assert.deepEqual(part.map((x) => x.position.line), [4, 4]);
});

test('compact amounts and rates read well', () => {
  assert.equal(compactMoney(2.296e10, 'USD'), 'US$23.0B');
  assert.equal(compactMoney(21810, 'USD', 't'), 'US$21.8k/t');
  assert.equal(compactMoney(999_700, 'USD'), 'US$1.00M');
  assert.equal(compactMoney(-5.97e10, 'CNY'), '-CNY 59.7B');
  assert.equal(compactMoney(0.06, 'USD', 'kWh'), 'US$0.0600/kWh');
  assert.equal(compactFigure({ currency: 'USD', value: 4.66e9, min: 4.3e9, max: 5.02e9, per: null }), 'US$4.30–5.02B');
  assert.equal(rateText('CNY', 'USD', 1 / 6.9692), 'USD/CNY 6.9692');
  assert.equal(rateText('USD', 'CNY', 6.9692), 'USD/CNY 6.9692');
  assert.equal(rateText('CNY', 'HKD', 1.11871), 'CNY/HKD 1.1187');
});

test('a company hover lists its own facts, one line per fact, a conversion folded in, counterparty labelled', () => {
  const idx = new WorkspaceIndex(attributing(gazetteer));
  idx.set('file:///ws/a.digest', '腾讯2025年资本开支为800亿元(约112亿美元)。阿里巴巴2025年资本开支为1200亿元。\n\n2026-01-10\n', null);
  idx.set('file:///ws/b.digest', '软银投资腾讯50亿美元。\n\n2026-01-12\n', null);
  const doc = idx.get('file:///ws/a.digest')!;
  const h = hoverAt(doc, 1, idx, settings(), gazetteer)!;
  const text = (h.contents as { value: string }).value.replace(/\\(.)/g, '$1');
  const facts = text.split('\n').filter((l) => l.startsWith('- ') && /亿/.test(l));
  // Its own capex (the stated conversion on the same line), and the investment it received, labelled.
  assert.equal(facts.length, 2, text);
  assert.match(facts[0], /^- 800亿元 \(112亿美元\) ≈ US\$11\.\d+ billion · capex 2025$/);
  assert.match(facts[1], /50亿美元 = US\$5(\.0+)? billion · investment · as counterparty of SoftBank( Group)? · b\.digest 2026-01-12/);
  assert.ok(!text.includes('1200亿元'), 'another company\'s figure in the same note is not listed');
  assert.match(text, /2 facts about it · \[Open dossier\]/);
});
