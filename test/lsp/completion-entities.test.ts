/**
 * Entity completion over JSON-RPC against the real server (issue 17): what is offered for
 * a name, alias or ticker typed in Simplified, Traditional and English notes and in mixed
 * lines; the ranking (the user's own entities, then workspace mentions, then the built-in
 * list); the inserted text and the range it replaces; the insertTicker setting and the
 * note's ticker style; nothing for one letter; no failure at odd positions.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyWorkspace, removeWorkspace, startServer, uriOf, type TestServer } from './harness';

interface Item {
  label: string;
  detail?: string;
  filterText?: string;
  sortText?: string;
  textEdit?: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
  data?: { source?: string; id?: string };
}

let n = 0;
/** Opens a new note with `text` and asks for completion at its end (or at `at`); the entity items. */
async function complete(server: TestServer, dir: string, text: string, at?: { line: number; character: number }): Promise<Item[]> {
  const uri = uriOf(join(dir, `typed-${n++}.digest`));
  server.open(uri, text);
  const lines = text.split('\n');
  const position = at ?? { line: lines.length - 1, character: lines[lines.length - 1].length };
  const list = await server.request<{ items: Item[] } | null>('textDocument/completion', { textDocument: { uri }, position });
  server.close(uri);
  return (list?.items ?? []).filter((i) => i.data?.source === 'entity');
}

const ids = (items: Item[]) => items.map((i) => i.data?.id);

describe('entity completion in the fixture workspace', () => {
  let ws: string;
  let server: TestServer;
  before(async () => {
    ws = copyWorkspace();
    server = await startServer({ folder: ws });
  });
  after(async () => {
    await server.stop();
    removeWorkspace(ws);
  });

  test('騰 alone in a Traditional note offers Tencent first, labelled and inserted in Traditional', async () => {
    const items = await complete(server, ws, '港股速覽\n\n騰訊控股週四收報 612.5港元。\n\n騰');
    assert.ok(items.length > 1, 'several entities begin with 騰/腾');
    assert.equal(items[0].data?.id, 'tencent');
    assert.equal(items[0].textEdit?.newText, '騰訊');
    assert.match(items[0].label, /^騰訊 · 0700\.HK/);
    assert.match(items[0].label, /Tencent$/);
    assert.deepEqual(items[0].textEdit?.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 1 } });
    assert.equal(items[0].filterText, '騰', 'the editor filters on the typed text, so items in the other script stay');
    const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
    assert.deepEqual(ids(sorted), ids(items), 'sortText holds the order');
  });

  test('腾 in a Simplified note inserts 腾讯; 騰訊 typed in a Simplified note also finds it and inserts Simplified', async () => {
    const items = await complete(server, ws, '# 周记\n\n腾讯公布财报，资本开支大增。\n\n腾');
    assert.equal(items[0].data?.id, 'tencent');
    assert.equal(items[0].textEdit?.newText, '腾讯');
    assert.match(items[0].label, /^腾讯 · 0700\.HK/);
    const trad = await complete(server, ws, '# 周记\n\n腾讯公布财报，资本开支大增。\n\n騰訊');
    assert.equal(trad[0].data?.id, 'tencent');
    assert.equal(trad[0].textEdit?.newText, '腾讯');
    assert.equal(trad[0].textEdit?.range.start.character, 0);
    assert.equal(trad[0].textEdit?.range.end.character, 2);
  });

  test('"Tenc" in an English paragraph inserts Tencent; the label names it in Chinese too', async () => {
    const items = await complete(server, ws, 'Weekly notes\n\nThe results of Tenc');
    assert.equal(items[0].data?.id, 'tencent');
    assert.equal(items[0].textEdit?.newText, 'Tencent');
    assert.match(items[0].label, /^Tencent · 0700\.HK.* · 腾讯$/);
    assert.deepEqual(items[0].textEdit?.range, { start: { line: 2, character: 15 }, end: { line: 2, character: 19 } });
    assert.ok(ids(items).includes('nyse-tme'), 'Tencent Music also begins with Tenc');
  });

  test('宁德 at the end of a Chinese run in a mixed line: only the name typed is replaced', async () => {
    const text = '# 周记\n\n英伟达 GB300 供应链与宁德';
    const items = await complete(server, ws, text);
    assert.equal(items[0].data?.id, 'catl');
    assert.equal(items[0].textEdit?.newText, '宁德时代');
    const col = text.split('\n')[2].length;
    assert.deepEqual(items[0].textEdit?.range, { start: { line: 2, character: col - 2 }, end: { line: 2, character: col } });
    // The same characters typed in a Traditional note are written in Traditional.
    const trad = await complete(server, ws, '港股速覽\n\n輝達與台積電的供應鏈，還有宁德');
    assert.equal(trad[0].data?.id, 'catl');
    assert.equal(trad[0].textEdit?.newText, '寧德時代');
  });

  test('CATL and a ticker typed in a Chinese line give the Chinese name; 300750 and 0700 name the company and the exchange', async () => {
    const catl = await complete(server, ws, '# 周记\n\n据报道 CATL');
    assert.equal(catl[0].data?.id, 'catl');
    assert.equal(catl[0].textEdit?.newText, '宁德时代');
    const code = await complete(server, ws, '# 周记\n\n据报道 300750');
    assert.equal(code[0].data?.id, 'catl');
    assert.equal(code[0].label, '300750.SZ · 宁德时代 · Shenzhen Stock Exchange');
    assert.equal(code[0].textEdit?.newText, '宁德时代');
    const hk = await complete(server, ws, 'Weekly notes\n\nShares of 0700');
    assert.equal(hk[0].data?.id, 'tencent');
    assert.equal(hk[0].label, '0700.HK · Tencent · Hong Kong Stock Exchange');
    assert.match(hk[0].detail ?? '', /Listed on Hong Kong Stock Exchange/);
    const suffix = await complete(server, ws, 'Weekly notes\n\nShares of 9988.HK');
    assert.equal(suffix[0].data?.id, 'alibaba');
    assert.match(suffix[0].label, /^9988\.HK · Alibaba · Hong Kong Stock Exchange$/);
  });

  test("the folder's own entity is offered first and written in the note's script", async () => {
    const items = await complete(server, ws, '# 周记\n\n远澜');
    assert.equal(items[0].data?.id, 'yuanlan-compute');
    assert.equal(items[0].textEdit?.newText, '远澜算力');
    const trad = await complete(server, ws, '港股速覽\n\n輝達與台積電的供應鏈。\n\n遠瀾');
    assert.equal(trad[0].data?.id, 'yuanlan-compute');
    assert.equal(trad[0].textEdit?.newText, '遠瀾算力');
  });

  test('nothing under two characters, nor for one character inside running Chinese text', async () => {
    assert.deepEqual(await complete(server, ws, 'Weekly notes\n\nT'), []);
    assert.deepEqual(await complete(server, ws, 'Weekly notes\n\n0'), []);
    assert.deepEqual(await complete(server, ws, '# 周记\n\n今天腾'), []);
    assert.deepEqual(await complete(server, ws, 'Weekly notes\n\nxq'), [], 'no name begins with xq');
  });

  test('an empty note, the end of a line, a position past the end and "(" triggers answer without failing', async () => {
    assert.deepEqual(await complete(server, ws, '', { line: 0, character: 0 }), []);
    assert.deepEqual(await complete(server, ws, 'Tencent rose.\n', { line: 0, character: 13 }), []);
    const past = await complete(server, ws, 'Weekly\n\nTenc', { line: 40, character: 99 });
    assert.equal(past[0]?.data?.id, 'tencent', 'a position past the end is read as the end');
    const uri = uriOf(join(ws, 'trigger.digest'));
    server.open(uri, '腾讯(');
    const list = await server.request<{ items: Item[] }>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 3 }, context: { triggerKind: 2, triggerCharacter: '(' } });
    assert.deepEqual(list.items.filter((i) => i.data?.source === 'entity'), []);
  });
});

describe('entity completion ranking and the ticker setting', () => {
  let ws: string;
  let server: TestServer;
  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'digest-lens-complete-'));
    mkdirSync(join(ws, '.digestlens'));
    writeFileSync(join(ws, '.digestlens', 'entities.json'), JSON.stringify({ entities: [{ id: 'tenca-labs', name: 'Tenca Labs', aliases: ['腾卡实验室'], tickers: [], kind: 'company' }] }));
    // Tencent Music is mentioned more often than Tencent here.
    writeFileSync(join(ws, 'music.digest'), 'Tencent Music rose. Tencent Music added users. Tencent Music paid a dividend. Tencent rose too.\n');
    server = await startServer({ folder: ws, settings: { completion: { insertTicker: true } } });
  });
  after(async () => {
    await server.stop();
    removeWorkspace(ws);
  });

  test("the user's entity first, then the entity the workspace mentions most", async () => {
    const items = await complete(server, ws, 'Weekly notes\n\nShares of Tenc');
    assert.deepEqual(ids(items).slice(0, 3), ['tenca-labs', 'nyse-tme', 'tencent']);
    assert.equal(items[0].textEdit?.newText, 'Tenca Labs', 'no ticker to add');
  });

  test('with insertTicker, the name is followed by its primary ticker in the default style of the language', async () => {
    const zh = await complete(server, ws, '# 周记\n\n据报道宁德');
    assert.equal(zh[0].textEdit?.newText, '宁德时代（300750.SZ）');
    const en = await complete(server, ws, 'Weekly notes\n\nShares of Tencent M');
    assert.equal(en[0].data?.id, 'nyse-tme');
    assert.equal(en[0].textEdit?.newText, 'Tencent Music (TME)');
    const en2 = await complete(server, ws, 'Weekly notes\n\nResults of Alib');
    assert.equal(en2[0].textEdit?.newText, 'Alibaba (BABA)');
  });

  test("with insertTicker, the note's own way of writing tickers is followed", async () => {
    const half = await complete(server, ws, '# 周记\n\n腾讯(0700.HK)发布财报，阿里巴巴(9988.HK)下跌。\n\n宁德');
    assert.equal(half[0].textEdit?.newText, '宁德时代(300750.SZ)');
    const colon = await complete(server, ws, '港股速覽\n\n邁為股份 SZ:300751 漲停。\n\n宁德');
    assert.equal(colon[0].textEdit?.newText, '寧德時代 SZ:300750');
    const en = await complete(server, ws, 'Weekly notes\n\nAlibaba (9988.HK) fell.\n\nTencent rose; so did CATL');
    assert.equal(en[0].textEdit?.newText, 'CATL (300750.SZ)');
  });

  test('turned off again, only the name is inserted', async () => {
    server.changeSettings({ completion: { insertTicker: false } });
    let items: Item[] = [];
    for (let i = 0; i < 50; i++) {
      items = await complete(server, ws, '# 周记\n\n据报道宁德');
      if (items[0]?.textEdit?.newText === '宁德时代') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(items[0].textEdit?.newText, '宁德时代');
  });
});
