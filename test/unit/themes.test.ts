import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldText } from '../../server/src/analysis/text';
import {
  builtinTaxonomy, createTaxonomy, extendTaxonomy, findThemes, type Taxonomy,
} from '../../server/src/analysis/themes';
import { parseUserThemes } from '../../server/src/analysis/userFiles/themes';

const run = (text: string, tax: Taxonomy = builtinTaxonomy()) => findThemes(text, foldText(text), tax);
const ids = (text: string, tax?: Taxonomy) => run(text, tax).map((t) => t.id);
const hitsOf = (text: string, id: string, tax?: Taxonomy) =>
  (run(text, tax).find((t) => t.id === id)?.hits ?? []).map((h) => text.slice(h.offset, h.offset + h.length));

test('the built-in taxonomy has at least 14 kebab-case themes with Simplified keywords', () => {
  const tax = builtinTaxonomy();
  assert.equal(builtinTaxonomy(), tax, 'cached');
  assert.ok(tax.themes.length >= 14);
  for (const id of ['ai-infrastructure', 'ai-commercialisation', 'semiconductors', 'memory', 'batteries-storage',
    'critical-minerals', 'capital-markets', 'space-satellites', 'solar', 'crypto-mining',
    'geopolitics-export-controls', 'robotics-physical-ai', 'edge-ai-devices', 'macro-commodities']) {
    assert.ok(tax.themes.some((t) => t.id === id), id);
  }
  for (const t of tax.themes) {
    assert.match(t.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(t.labelZh, `${t.id} has a Chinese label`);
    for (const k of t.keywords) assert.equal(foldText(k), k, `${t.id}: keyword "${k}" is stored in Simplified`);
  }
});

test('the same facts in Simplified, Traditional and English find the same themes', () => {
  const zhHans = '云厂商今年的资本开支继续上调,新建数据中心需要大量GPU与HBM内存。';
  const zhHant = '雲廠商今年的資本開支繼續上調,新建資料中心需要大量GPU與HBM記憶體。';
  const en = 'Cloud vendors keep raising capex this year; new data centers need many GPUs and HBM memory.';
  for (const text of [zhHans, zhHant, en]) {
    const found = ids(text);
    for (const id of ['ai-infrastructure', 'semiconductors', 'memory']) assert.ok(found.includes(id), `${id} in ${text}`);
  }
  assert.deepEqual(hitsOf(zhHant, 'ai-infrastructure'), ['資本開支', '資料中心']);
  assert.deepEqual(hitsOf(en, 'semiconductors'), ['GPUs']);
});

test('full-width letters fold before matching', () => {
  assert.deepEqual(hitsOf('这家公司计划ＩＰＯ,募资约50亿港元。', 'capital-markets'), ['ＩＰＯ', '募资']);
});

test('English keywords match at word edges, case-insensitively, with plurals and hyphens', () => {
  assert.deepEqual(hitsOf('The IPO and two more ipos; a ZIPO is not one.', 'capital-markets'), ['IPO', 'ipos']);
  assert.deepEqual(hitsOf('ChatGPT ads are here; GPT is a model.', 'ai-models'), ['ChatGPT', 'GPT']);
  assert.deepEqual(hitsOf('new data-center and Data Centres in 2026', 'ai-infrastructure'), ['data-center', 'Data Centres']);
  assert.deepEqual(hitsOf('the company added 100GW of power for AI', 'power-energy'), ['GW']);
  assert.equal(hitsOf('goldfish and marigold', 'macro-commodities').length, 0);
});

test('exclusions cancel overlapping hits and overlapping keywords count once', () => {
  assert.equal(hitsOf('这款聊天机器人很受欢迎。', 'robotics-physical-ai').length, 0);
  assert.deepEqual(hitsOf('这款聊天机器人很受欢迎。', 'ai-commercialisation'), ['聊天机器人']);
  assert.deepEqual(hitsOf('特斯拉展示人形机器人。', 'robotics-physical-ai'), ['人形机器人']);
  assert.equal(hitsOf('钙钛矿叠层电池效率创新高', 'batteries-storage').length, 0);
  assert.deepEqual(hitsOf('钙钛矿叠层电池效率创新高', 'solar'), ['钙钛矿', '叠层电池']);
});

test('paragraphs, sorting and scores', () => {
  const text = '光伏组件价格回升,太阳能装机提速。\n\n比特币挖矿难度上调。\n\n多晶硅与光伏玻璃同涨。';
  const themes = run(text);
  assert.equal(themes[0].id, 'solar');
  assert.equal(themes[0].mentions, 4);
  assert.equal(themes[0].score, 1);
  assert.deepEqual(
    themes[0].paragraphs.map((p) => [text.slice(p.offset, p.offset + p.length), p.mentions]),
    [['光伏组件价格回升,太阳能装机提速。', 2], ['多晶硅与光伏玻璃同涨。', 2]],
  );
  const crypto = themes.find((t) => t.id === 'crypto-mining')!;
  assert.equal(crypto.mentions, 2);
  assert.ok(Math.abs(crypto.score - 2 / themes[0].mentions) < 1e-9);
  assert.ok(themes.every((t, i) => i === 0 || themes[i - 1].mentions >= t.mentions));
  assert.deepEqual(run('今天天气很好。'), []);
});

test('a text without blank lines is split into its lines as paragraphs', () => {
  const text = '锂电池价格企稳\n储能订单大增\n光伏装机提速';
  const bat = run(text).find((t) => t.id === 'batteries-storage')!;
  assert.equal(bat.paragraphs.length, 2);
});

test('matching is linear on pathological input', () => {
  const tax = createTaxonomy([{ id: 'a', label: 'A', keywords: ['aaaa', 'aaab', '数据中心'] }]);
  const text = 'a'.repeat(2_000_000) + '数'.repeat(1_000_000);
  const t0 = performance.now();
  const themes = findThemes(text, text, tax);
  assert.ok(performance.now() - t0 < 2000);
  assert.equal(themes.length, 0, 'words inside a longer word do not count');
});

test('parseUserThemes keeps valid entries and reports problems with line and column', () => {
  const content = [
    '[',
    '  {"id": "ai-infrastructure", "keywords": ["液冷", "liquid cooling"]},',
    '  {"id": "Bad Id", "label": "x", "keywords": ["yz"]},',
    '  {"id": "quantum", "label": "Quantum computing", "labelZh": "量子计算", "keywords": ["量子計算", 42, "qubit"]},',
    '  {"id": "empty", "label": "Empty", "keywords": []}',
    ']',
  ].join('\n');
  const { themes, errors } = parseUserThemes(content, 'themes.json');
  assert.deepEqual(themes.map((t) => t.id), ['ai-infrastructure', 'quantum']);
  assert.deepEqual(themes[1].keywords, ['量子計算', 'qubit']);
  const lines = content.split('\n');
  assert.deepEqual(errors.map((e) => [e.line, e.column]), [
    [3, lines[2].indexOf('"Bad Id"') + 1],
    [4, lines[3].indexOf('42') + 1],
    [5, lines[4].indexOf('{') + 1],
  ]);
  const bad = parseUserThemes('[{"id": "x", "keywords": ["a"]', 'mine.json');
  assert.equal(bad.themes.length, 0);
  assert.equal(bad.errors.length, 1);
  assert.equal(bad.errors[0].line, 1);
  assert.match(bad.errors[0].message, /mine\.json/);
  assert.equal(parseUserThemes('{"themes": [{"id": "x", "label": "X", "keywords": ["ab"]}]}', 'f').themes.length, 1);
});

test('extendTaxonomy adds keywords to existing themes and adds new themes', () => {
  const { themes } = parseUserThemes(
    '[{"id": "ai-infrastructure", "keywords": ["液冷"]}, {"id": "quantum", "label": "Quantum", "keywords": ["量子計算", "qubit"]}]',
    'user.json',
  );
  const base = builtinTaxonomy();
  const tax = extendTaxonomy(base, themes);
  const text = '數據中心開始採用液冷;量子计算公司发布新的 qubits 路线图。';
  assert.deepEqual(hitsOf(text, 'ai-infrastructure', tax), ['數據中心', '液冷']);
  assert.deepEqual(hitsOf(text, 'quantum', tax), ['量子计算', 'qubits']);
  assert.equal(tax.themes.find((t) => t.id === 'ai-infrastructure')!.label, 'AI infrastructure and capex');
  assert.deepEqual(hitsOf(text, 'ai-infrastructure', base), ['數據中心'], 'the base taxonomy is unchanged');
});
