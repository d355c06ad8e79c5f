/**
 * Tickers beside the wrong company over JSON-RPC against the real server (issue 17): the
 * ticker-mismatch Warning in a Simplified, a Traditional and an English note, worded in the
 * editor's language; its quick fix's edit; no diagnostic on correct tickers; the setting
 * that turns diagnostics off; and the hover on a ticker written alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyWorkspace, removeWorkspace, startServer, uriOf, type TestServer } from './harness';

const CODE = 'ticker-mismatch';
const ofCode = (diags: any[]) => diags.filter((d) => d.code === CODE);

/** The LSP range of the first occurrence of `needle` in `text`. */
function rangeOf(text: string, needle: string) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} not in text`);
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  const character = at - (before.lastIndexOf('\n') + 1);
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

async function withServer(fn: (server: TestServer, ws: string) => Promise<void>, locale?: string): Promise<void> {
  const ws = copyWorkspace();
  const server = await startServer({ folder: ws, locale });
  try {
    await fn(server, ws);
  } finally {
    await server.stop();
    removeWorkspace(ws);
  }
}

/** Opens a note written into the workspace and waits for its diagnostics of this code to satisfy `ok`. */
async function openNote(server: TestServer, ws: string, name: string, text: string, ok: (d: any[]) => boolean): Promise<{ uri: string; diags: any[] }> {
  const path = join(ws, name);
  writeFileSync(path, text);
  const uri = uriOf(path);
  server.open(uri, text);
  const all = await server.diagnostics(uri, (d) => ok(ofCode(d)));
  return { uri, diags: ofCode(all) };
}

const SIMPLIFIED = '2026-01-05\n\n腾讯 (9988.HK) 发布财报，阿里巴巴(9988.HK)与阿里巴巴(BABA)同日公布业绩，腾讯(0700.HK)股价上涨。\n';
const TRADITIONAL = '2026-01-05\n\n騰訊控股（9988.HK）公布業績，邁為股份 SZ:300750 漲停，邁為股份(SZ:300751)亦走高。\n';
const ENGLISH = '2026-01-05\n\nTencent (BABA) rose 3%, while Alibaba (9988.HK) fell.\n';

test('a ticker of another company is a Warning at the ticker in a Simplified note, worded in the editor\'s language', async () => {
  await withServer(async (server, ws) => {
    const { diags } = await openNote(server, ws, 'cn.digest', SIMPLIFIED, (d) => d.length > 0);
    assert.equal(diags.length, 1, JSON.stringify(diags));
    assert.deepEqual(diags[0].range, rangeOf(SIMPLIFIED, '9988.HK'));
    assert.equal(diags[0].severity, 2);
    assert.equal(diags[0].source, 'digest-lens');
    assert.equal(diags[0].message, '9988.HK 是阿里巴巴的股票代码，不是腾讯的');
    assert.deepEqual(diags[0].relatedInformation[0].location.range, rangeOf(SIMPLIFIED, '腾讯'));
  }, 'zh-cn');
});

test('in a Traditional note: 騰訊控股（9988.HK） and 邁為股份 SZ:300750 are flagged, 邁為股份(SZ:300751) is not', async () => {
  await withServer(async (server, ws) => {
    const { diags } = await openNote(server, ws, 'tw.digest', TRADITIONAL, (d) => d.length > 0);
    assert.deepEqual(diags.map((d) => d.range), [rangeOf(TRADITIONAL, '9988.HK'), rangeOf(TRADITIONAL, 'SZ:300750')]);
    assert.equal(diags[0].message, '9988.HK 是阿里巴巴的股票代號，不是騰訊的');
    assert.equal(diags[1].message, 'SZ:300750 是寧德時代的股票代號，不是邁為股份的');
  }, 'zh-tw');
});

test('in an English note: Tencent (BABA) is flagged, Alibaba (9988.HK) is not; the quick fix writes Tencent\'s ticker', async () => {
  await withServer(async (server, ws) => {
    const { uri, diags } = await openNote(server, ws, 'en.digest', ENGLISH, (d) => d.length > 0);
    assert.equal(diags.length, 1, JSON.stringify(diags));
    assert.equal(diags[0].message, 'BABA is Alibaba’s ticker, not Tencent’s');
    const actions = await server.request<any[]>('textDocument/codeAction', { textDocument: { uri }, range: diags[0].range, context: { diagnostics: diags, only: ['quickfix'] } });
    const fix = actions.find((a) => a.title === 'Replace with 0700.HK');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.kind, 'quickfix');
    assert.deepEqual(fix.diagnostics, diags);
    assert.deepEqual(fix.edit.changes[uri], [{ range: rangeOf(ENGLISH, 'BABA'), newText: '0700.HK' }]);
    // Applied, the diagnostic goes away.
    server.change(uri, ENGLISH.replace('BABA', '0700.HK'));
    await server.diagnostics(uri, (d) => ofCode(d).length === 0);
  });
});

test('the quick fix in a Traditional note replaces 9988.HK with 0700.HK', async () => {
  await withServer(async (server, ws) => {
    const { uri, diags } = await openNote(server, ws, 'tw.digest', TRADITIONAL, (d) => d.length > 0);
    const actions = await server.request<any[]>('textDocument/codeAction', { textDocument: { uri }, range: diags[0].range, context: { diagnostics: [diags[0]] } });
    const fix = actions.find((a) => a.kind === 'quickfix');
    assert.equal(fix.title, '取代為 0700.HK');
    assert.deepEqual(fix.edit.changes[uri], [{ range: rangeOf(TRADITIONAL, '9988.HK'), newText: '0700.HK' }]);
    const second = await server.request<any[]>('textDocument/codeAction', { textDocument: { uri }, range: diags[1].range, context: { diagnostics: [diags[1]] } });
    assert.deepEqual(second.find((a) => a.kind === 'quickfix').edit.changes[uri], [{ range: rangeOf(TRADITIONAL, 'SZ:300750'), newText: 'SZ:300751' }]);
  }, 'zh-tw');
});

test('correct tickers give no diagnostic, and diagnosticsEnabled: false silences the mismatch', async () => {
  await withServer(async (server, ws) => {
    const right = '2026-01-05\n\n腾讯(0700.HK)、阿里巴巴(9988.HK)、阿里巴巴(BABA)、邁為股份(SZ:300751)、宁德时代(300750.SZ)、Tesla (TSLA)。\n';
    const { uri } = await openNote(server, ws, 'right.digest', right, () => true);
    // Diagnostics were published (the mismatch check ran with the others) and none is a mismatch.
    assert.equal(ofCode(await server.diagnostics(uri)).length, 0);
    const wrong = await openNote(server, ws, 'wrong.digest', SIMPLIFIED, (d) => d.length === 1);
    server.changeSettings({ diagnosticsEnabled: false });
    await server.diagnostics(wrong.uri, (d) => ofCode(d).length === 0);
  });
});

test('a hover on a bare ticker says which company and exchange it is; one beside the wrong name warns', async () => {
  await withServer(async (server, ws) => {
    const text = '2026-01-05\n\n0700.HK 上涨 4%，SZ:300751 涨停，NASDAQ: TSLA 下跌。腾讯 (9988.HK) 发布财报。\n';
    const { uri } = await openNote(server, ws, 'hover.digest', text, (d) => d.length === 1);
    const hover = async (needle: string) => {
      const at = rangeOf(text, needle).start;
      const h = await server.request<any>('textDocument/hover', { textDocument: { uri }, position: { line: at.line, character: at.character + 2 } });
      return (h.contents.value as string).replace(/\\(.)/g, '$1');
    };
    const tencent = await hover('0700.HK');
    assert.match(tencent, /代码 0700\.HK：腾讯，香港交易所/);
    assert.match(tencent, /其他代码：TCEHY/);
    assert.match(await hover('SZ:300751'), /代码 SZ:300751：迈为股份，深圳证券交易所/);
    assert.match(await hover('NASDAQ: TSLA'), /代码 NASDAQ: TSLA：特斯拉，纳斯达克/);
    const wrong = await hover('9988.HK');
    assert.match(wrong, /⚠ 9988\.HK 是阿里巴巴的股票代码，不是腾讯的/);
    assert.match(wrong, /代码 9988\.HK：阿里巴巴，香港交易所/);
  }, 'zh-cn');
});
