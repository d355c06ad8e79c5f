/**
 * The server speaks the editor's language: the locale of initialize ("en", "zh-cn", "zh-tw",
 * or what other editors send: "zh-HK"…) or the digestLens.language setting, which wins.
 * Hovers, diagnostics, code action titles, rename refusals, outline details, theme labels,
 * metric names and settings messages, against the real server.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyWorkspace, removeWorkspace, startServer, uriOf, type StartOptions, type TestServer } from './harness';

interface Doc {
  uri: string;
  text: string;
}

/** The LSP position two characters into the first occurrence of `needle`. */
function positionOf(text: string, needle: string): { line: number; character: number } {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} is in the text`);
  const before = text.slice(0, at + 2);
  return { line: before.split('\n').length - 1, character: before.length - (before.lastIndexOf('\n') + 1) };
}

async function withServer(opts: Omit<StartOptions, 'folder'>, fn: (server: TestServer, doc: Doc) => Promise<void>): Promise<void> {
  const ws = copyWorkspace();
  const server = await startServer({ folder: ws, ...opts });
  try {
    const path = join(ws, 'simplified.digest.md');
    const doc = { uri: uriOf(path), text: readFileSync(path, 'utf8') };
    server.open(doc.uri, doc.text);
    await fn(server, doc);
  } finally {
    await server.stop();
    removeWorkspace(ws);
  }
}

const hover = async (server: TestServer, doc: Doc, needle: string): Promise<string> => {
  const h = await server.request<any>('textDocument/hover', { textDocument: doc, position: positionOf(doc.text, needle) });
  assert.ok(h, `a hover on ${needle}`);
  return h.contents.value.replace(/\\(.)/g, '$1');
};

const actionTitles = async (server: TestServer, doc: Doc, needle: string): Promise<string[]> => {
  const at = positionOf(doc.text, needle);
  const actions = await server.request<any[]>('textDocument/codeAction', { textDocument: doc, range: { start: at, end: at }, context: { diagnostics: [] } });
  return actions.map((a) => a.title);
};

const mismatch = async (server: TestServer, doc: Doc, test: (d: any) => boolean = () => true): Promise<any> => {
  const diags = await server.diagnostics(doc.uri, (ds) => ds.some((d) => d.code === 'conversion-mismatch' && test(d)));
  return diags.find((d) => d.code === 'conversion-mismatch');
};

const themeLabels = async (server: TestServer): Promise<string[]> =>
  (await server.request<any>('digestLens/themes', { scope: { kind: 'workspace' } })).themes.map((t: any) => t.label);

test('locale "zh-cn": hovers, diagnostics, code actions, rename, outline, themes and metrics in Simplified Chinese', async () => {
  await withServer({ locale: 'zh-cn' }, async (server, doc) => {
    const figure = await hover(server, doc, '1,600 亿人民币');
    assert.match(figure, /· 金额\n/);
    // The amount restated: the Chinese form first for a reader of Chinese.
    assert.match(figure, /\n1,600亿元 \/ CNY 160\.0 billion\n/);
    assert.match(figure, /按摘要日期（2026-01-14）的汇率换算：/);
    assert.match(figure, /汇率：.*兑 1 美元：2026-01/);
    assert.doesNotMatch(figure, /Converted|Rates:|money/);
    assert.match(await hover(server, doc, '15.2 万元/吨'), /单价：每吨（t）/);

    const company = await hover(server, doc, '腾讯');
    assert.match(company, /\*\*Tencent\*\* · 公司/);
    assert.match(company, /- 名称：Tencent · 腾讯/);
    assert.match(company, /- 代码：HK:00700/);
    assert.match(company, /- \d+ 个文件中共 \d+ 次提及/);
    assert.match(company, /事实：\n- 597 亿元.* · 资本开支 2025-9M/);
    assert.match(company, /共 \d+ 条相关事实 · \[打开实体档案\]\(command:digestLens\.showDossier/);
    assert.doesNotMatch(company, /Names:|mentions? in|Open dossier|capex/);

    const d = await mismatch(server, doc);
    assert.match(d.message, /^文中换算隐含汇率 USD\/CNY 6\.15；参考汇率 USD\/CNY 6\.97（2026-01-14，ECB daily）：相差 13%$/);
    assert.equal(d.relatedInformation[0].message, '被换算的金额');

    const titles = await actionTitles(server, doc, '1,600 亿人民币');
    assert.ok(titles.some((t) => /^插入换算：≈ US\$/.test(t)), titles.join('\n'));
    assert.ok(titles.includes('整个文档转换为繁体中文（台湾）'), titles.join('\n'));
    const fix = await actionTitles(server, doc, '260 亿美元');
    assert.ok(fix.some((t) => /^替换为参考换算：/.test(t)), fix.join('\n'));

    await assert.rejects(server.request('textDocument/prepareRename', { textDocument: doc, position: positionOf(doc.text, '腾讯') }), /只能重命名实体文件中的实体；Tencent 是内置实体。/);

    const outline = JSON.stringify(await server.request('textDocument/documentSymbol', { textDocument: doc }));
    assert.match(outline, /"detail":"1 次提及"/);
    const symbols = await server.request<any[]>('workspace/symbol', { query: '腾讯' });
    assert.match(symbols.find((s) => /Tencent/.test(s.name)).containerName, /^\d+ 个文件中共 \d+ 次提及$/);

    assert.ok((await themeLabels(server)).includes('AI基础设施与资本开支'));
    const facts = await server.request<any>('digestLens/facts', { scope: { kind: 'workspace' } });
    assert.deepEqual(facts.facets.metrics.find((m: any) => m.id === 'capex'), { id: 'capex', label: '资本开支', count: facts.facets.metrics.find((m: any) => m.id === 'capex').count });
    assert.ok(facts.facets.themes.some((t: any) => t.id === 'ai-infrastructure' && t.label === 'AI基础设施与资本开支'));
    assert.ok(facts.chart.bars.some((b: any) => / · 资本开支$/.test(b.label)), JSON.stringify(facts.chart.bars));
    // The values stay the English ids: only the labels change.
    assert.ok(facts.rows.every((r: any) => /^[a-z-]+$/.test(r.metric)));
  });
});

test('locale "zh-tw" (and zh-HK): Traditional Chinese, theme labels converted from labelZh', async () => {
  await withServer({ locale: 'zh-tw' }, async (server, doc) => {
    const figure = await hover(server, doc, '1,600 亿人民币');
    assert.match(figure, /· 金額\n/);
    assert.match(figure, /依摘要日期（2026-01-14）的匯率換算：/);
    assert.match(await hover(server, doc, '腾讯'), /- 名稱：Tencent/);
    assert.match((await mismatch(server, doc)).message, /^文中換算隱含匯率 USD\/CNY 6\.15；參考匯率 USD\/CNY 6\.97（2026-01-14，ECB daily）：相差 13%$/);
    const titles = await actionTitles(server, doc, '1,600 亿人民币');
    assert.ok(titles.some((t) => /^插入換算：≈ US\$/.test(t)), titles.join('\n'));
    assert.ok((await themeLabels(server)).includes('AI基礎設施與資本開支'));
  });
  await withServer({ locale: 'zh-HK' }, async (server, doc) => {
    assert.match(await hover(server, doc, '腾讯'), /- 名稱：Tencent/);
  });
});

test('locale "en": English, with plurals', async () => {
  await withServer({ locale: 'en' }, async (server, doc) => {
    const figure = await hover(server, doc, '1,600 亿人民币');
    assert.match(figure, /· money\n/);
    assert.match(figure, /Converted at the digest's date \(2026-01-14\):/);
    const company = await hover(server, doc, '腾讯');
    assert.match(company, /- \d+ mentions in \d+ files/);
    assert.match(company, /· capex 2025-9M/);
    assert.match((await mismatch(server, doc)).message, /^Stated conversion implies USD\/CNY 6\.15; reference USD\/CNY 6\.97 \(2026-01-14, ECB daily\): 13% off$/);
    assert.ok((await themeLabels(server)).includes('AI infrastructure and capex'));
  });
});

test('digestLens.language overrides the editor locale, and a change of the setting changes the language', async () => {
  await withServer({ locale: 'en', settings: { language: 'zh-tw' } }, async (server, doc) => {
    assert.match(await hover(server, doc, '1,600 亿人民币'), /依摘要日期/);
    assert.match((await mismatch(server, doc)).message, /^文中換算/);
    const indexed = server.waitForIndex();
    server.changeSettings({ language: 'zh-cn' });
    await indexed;
    assert.match(await hover(server, doc, '1,600 亿人民币'), /按摘要日期/);
    assert.ok((await themeLabels(server)).includes('AI基础设施与资本开支'));
    assert.match((await mismatch(server, doc, (d) => d.message.startsWith('文中换算'))).message, /^文中换算/);
    server.changeSettings({ language: 'en' });
    assert.match((await mismatch(server, doc, (d) => d.message.startsWith('Stated'))).message, /^Stated conversion implies/);
    assert.match(await hover(server, doc, '1,600 亿人民币'), /Converted at the digest's date/);
  });
  await withServer({ locale: 'zh-cn', settings: { language: 'en' } }, async (server, doc) => {
    assert.match(await hover(server, doc, '腾讯'), /- Names: Tencent/);
  });
});

test('a wrong digestLens.language falls back to the editor locale, with a message in that language', async () => {
  await withServer({ locale: 'zh-cn', settings: { language: 'fr' } }, async (server, doc) => {
    const shown = await server.waitFor('window/showMessage', (p) => /digestLens\.language/.test(p.message));
    assert.equal(shown.message, 'Digest Lens：digestLens.language 必须是 "auto"、"en"、"zh-cn" 或 "zh-tw"；已改用默认值（"auto"）');
    assert.match(await hover(server, doc, '1,600 亿人民币'), /按摘要日期/);
  });
});

test("the base currency comes first in a figure's hover, even when it is not a display currency", async () => {
  await withServer({ locale: 'en', settings: { baseCurrency: 'JPY', displayCurrencies: ['USD', 'EUR'] } }, async (server, doc) => {
    const lines = (await hover(server, doc, '1,600 亿人民币')).split('\n').filter((l) => l.startsWith('- ≈'));
    assert.equal(lines.length, 3, lines.join('\n'));
    assert.match(lines[0], /JPY/);
    assert.match(lines[1], /US\$/);
    assert.match(lines[2], /€/);
  });
  await withServer({ locale: 'en', settings: { baseCurrency: 'EUR', displayCurrencies: ['USD', 'HKD', 'EUR'] } }, async (server, doc) => {
    const lines = (await hover(server, doc, '1,600 亿人民币')).split('\n').filter((l) => l.startsWith('- ≈'));
    assert.deepEqual(lines.map((l) => (/€/.test(l) ? 'EUR' : /US\$/.test(l) ? 'USD' : /HK\$|港元/.test(l) ? 'HKD' : '?')), ['EUR', 'USD', 'HKD']);
  });
});
