/**
 * Completion of amounts over JSON-RPC against the real server (issue 17): units after a
 * typed number in Simplified, Traditional and English notes (what is offered, what it
 * inserts, and that the inserted text is read as the amount), ranked by the workspace's own
 * units; the conversion after a figure and a typed "(" or "（", equal to what the insert-
 * conversion action writes; nothing after text that is not a number; no failure at the edges.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../server/src/analysis/analyse';
import { copyWorkspace, removeWorkspace, startServer, uriOf, type TestServer } from './harness';

/** The LSP position of an offset. */
function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

function offsetAt(text: string, p: { line: number; character: number }): number {
  const lines = text.split('\n');
  let o = 0;
  for (let i = 0; i < p.line; i++) o += lines[i].length + 1;
  return o + p.character;
}

/** Applies one text edit. */
function applyEdit(text: string, e: { range: any; newText: string }): string {
  return text.slice(0, offsetAt(text, e.range.start)) + e.newText + text.slice(offsetAt(text, e.range.end));
}

async function withServer(fn: (server: TestServer, ws: string) => Promise<void>, settings?: Record<string, unknown>, files: Record<string, string> = {}): Promise<void> {
  const ws = copyWorkspace();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(ws, name), text);
  const server = await startServer({ folder: ws, settings });
  try {
    // The first complete index (already announced or still to come): the workspace's units are counted from it.
    await server.waitFor('digestLens/indexChanged', (p) => p.indexing === false);
    await fn(server, ws);
  } finally {
    await server.stop();
    removeWorkspace(ws);
  }
}

/**
 * Opens (or changes) a note whose text has "|" at the cursor and asks for completion there;
 * returns the text without the bar and the amounts' items (the other sources' left out).
 */
async function completeAt(server: TestServer, uri: string, marked: string, trigger?: string): Promise<{ text: string; items: any[] }> {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  server.open(uri, text);
  const context = trigger ? { triggerKind: 2, triggerCharacter: trigger } : { triggerKind: 1 };
  const list = await server.request<any>('textDocument/completion', { textDocument: { uri }, position: positionAt(text, offset), context });
  const items = (list?.items ?? []).filter((i: any) => typeof i.sortText === 'string' && i.sortText.startsWith('amounts-'));
  return { text, items };
}

/** The one figure of the completed text that covers the inserted text. */
function figureOf(text: string, edit: { range: any; newText: string }) {
  const done = applyEdit(text, edit);
  const at = offsetAt(text, edit.range.start);
  const f = analyse(done).figures.find((x) => x.offset === at && x.length === edit.newText.length);
  assert.ok(f, `no figure over ${edit.newText} in ${done}`);
  return f!;
}

const labels = (items: any[]) => items.map((i) => i.label);

test('after a number in a Simplified note: Simplified units, the inserted amount read back as such', async () => {
  await withServer(async (server, ws) => {
    const uri = uriOf(join(ws, 'new-simplified.digest.md'));
    for (const marked of ['腾讯宣布未来三年投入1,350 |', '腾讯宣布未来三年投入1,350|']) {
      const { text, items } = await completeAt(server, uri, marked);
      assert.ok(items.length >= 8, labels(items).join(' '));
      const usd = items.find((i) => i.label === '亿美元');
      assert.ok(usd, labels(items).join(' '));
      assert.ok(labels(items).includes('亿元') && labels(items).includes('万元') && labels(items).includes('亿港元'));
      assert.ok(!labels(items).some((l: string) => /[億萬]|billion/.test(l)), 'Simplified forms only');
      assert.equal(usd.textEdit.newText, marked.includes(' |') ? '1,350 亿美元' : '1,350亿美元');
      const f = figureOf(text, usd.textEdit);
      assert.equal(f.currency, 'USD');
      assert.equal(f.value, 1.35e11);
      for (const item of items) {
        const g = figureOf(text, item.textEdit);
        assert.equal(g.currency, item.labelDetails.description, item.label);
      }
    }
    // A unit partly typed narrows the list to the units it starts.
    const { items } = await completeAt(server, uri, '腾讯投资2.5 亿|');
    assert.ok(items.length > 0 && items.every((i) => i.label.startsWith('亿')), labels(items).join(' '));
    const { text, items: hkd } = await completeAt(server, uri, '腾讯投资2.5 亿港|');
    assert.deepEqual(labels(hkd), ['亿港元']);
    assert.equal(applyEdit(text, hkd[0].textEdit), '腾讯投资2.5 亿港元');
  });
});

test('after a number in a Traditional note: Traditional units (億, 萬, 兆)', async () => {
  await withServer(async (server, ws) => {
    const uri = uriOf(join(ws, 'new-traditional.digest.txt'));
    for (const marked of ['台積電表示，今年資本支出為1,350 |', '台積電表示，今年資本支出為1,350|']) {
      const { text, items } = await completeAt(server, uri, marked);
      const usd = items.find((i) => i.label === '億美元');
      assert.ok(usd, labels(items).join(' '));
      assert.ok(labels(items).includes('萬元') && labels(items).includes('兆美元') && labels(items).includes('億新台幣'));
      assert.ok(!labels(items).some((l: string) => /[亿万]|billion/.test(l)), 'Traditional forms only');
      const f = figureOf(text, usd.textEdit);
      assert.equal(f.currency, 'USD');
      assert.equal(f.value, 1.35e11);
      const zhao = items.find((i) => i.label === '兆美元');
      assert.equal(figureOf(text, zhao.textEdit).value, 1.35e15);
    }
  });
});

test('after a number in an English line: English words and the symbol forms around the number', async () => {
  await withServer(async (server, ws) => {
    const uri = uriOf(join(ws, 'new-english.digest'));
    for (const marked of ['Tencent plans to spend 1,350 |', 'Tencent plans to spend 1,350|']) {
      const { text, items } = await completeAt(server, uri, marked);
      const billion = items.find((i) => i.label === 'billion dollars');
      assert.ok(billion, labels(items).join(' '));
      assert.equal(billion.textEdit.newText, '1,350 billion dollars');
      const f = figureOf(text, billion.textEdit);
      assert.equal(f.currency, 'USD');
      assert.equal(f.value, 1.35e12);
      const symbol = items.find((i) => i.label === 'US$…B');
      assert.ok(symbol);
      assert.equal(applyEdit(text, symbol.textEdit), 'Tencent plans to spend US$1,350B');
      assert.equal(figureOf(text, symbol.textEdit).value, 1.35e12);
      const hk = items.find((i) => i.label === 'HK$…B');
      assert.equal(figureOf(text, hk.textEdit).currency, 'HKD');
      assert.ok(!labels(items).some((l: string) => /[\u4e00-\u9fff]/.test(l)), 'English forms only');
    }
    // An English line in a Chinese note gets English units; a Chinese line Chinese ones.
    const mixed = uriOf(join(ws, 'mixed.digest.md'));
    const { items: en } = await completeAt(server, mixed, '腾讯今年资本开支为 597 亿元。\nTencent spent 2.5 |');
    assert.ok(en.length && en.every((i) => !/[\u4e00-\u9fff]/.test(i.label)), labels(en).join(' '));
    const { items: zh } = await completeAt(server, mixed, 'Tencent spent US$2.5B.\n腾讯今年资本开支为 597|');
    assert.ok(zh.length && /[亿万元]/.test(zh[0].label), labels(zh).join(' '));
  });
});

test("the workspace's own units come first", async () => {
  const often = Array.from({ length: 6 }, (_, i) => `- 第${i + 1}项投资 ${i + 2} 亿港元`).join('\n');
  await withServer(
    async (server, ws) => {
      const uri = uriOf(join(ws, 'new.digest.md'));
      const { items } = await completeAt(server, uri, '腾讯投资 1,350 |');
      assert.equal(items[0].label, '亿港元', labels(items).join(' '));
      // A Traditional note counts the same unit (億港元 is 亿港元).
      const trad = uriOf(join(ws, 'new-trad.digest.txt'));
      const { items: t } = await completeAt(server, trad, '騰訊表示，將投資 1,350 |');
      assert.equal(t[0].label, '億港元', labels(t).join(' '));
    },
    undefined,
    { 'hkd-habit.digest.md': `# 港股周记\n\n${often}\n` },
  );
});

test('after a figure, "(" or "（" offers the conversion the insert-conversion action writes, in the bracket typed', async () => {
  await withServer(async (server, ws) => {
    const uri = uriOf(join(ws, 'conv.digest.md'));
    const plain = '# 周记\n\n2026-01-15\n\n字节跳动 2026 年预算为 1,600 亿人民币';
    server.open(uri, plain);
    const figureEnd = plain.length;
    const actions = await server.request<any[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: positionAt(plain, figureEnd - 3), end: positionAt(plain, figureEnd - 3) },
      context: { diagnostics: [], only: ['refactor'] },
    });
    const insert = actions.find((a) => a.title.startsWith('Insert conversion'));
    assert.ok(insert);
    const byAction = applyEdit(plain, insert.edit.changes[uri][0]);
    assert.match(byAction, /\(约 2\d\d 亿美元\)$/);

    // Half-width, typed alone and with the ")" the editor closes it with.
    for (const marked of [`${plain}(|`, `${plain}(|)`]) {
      const { text, items } = await completeAt(server, uri, marked, '(');
      assert.equal(items.length, 1, labels(items).join(' '));
      assert.equal(applyEdit(text, items[0].textEdit), byAction);
      assert.equal(items[0].filterText, items[0].label);
      assert.ok(items[0].label.startsWith('('));
    }
    // Full-width.
    const { text, items } = await completeAt(server, uri, `${plain}（|）`, '（');
    assert.equal(items.length, 1);
    const expected = byAction.slice(0, figureEnd) + '（' + byAction.slice(figureEnd + 1, -1) + '）';
    assert.equal(applyEdit(text, items[0].textEdit), expected);
    // Part of it typed: still offered while it matches.
    const { items: partly } = await completeAt(server, uri, `${plain}(约|)`);
    assert.equal(partly.length, 1);
    const { items: other } = await completeAt(server, uri, `${plain}(注|)`);
    assert.equal(other.length, 0);
  });
});

test('the conversion in a Traditional and an English note matches the action too', async () => {
  await withServer(async (server, ws) => {
    for (const [name, plain] of [
      ['conv-tw.digest.txt', '2026-01-15\n\n台積電今年營收為 1,600 億新台幣'],
      ['conv-en.digest', 'Jan 15, 2026\n\nByteDance budgeted 160 billion yuan'],
    ]) {
      const uri = uriOf(join(ws, name));
      server.open(uri, plain);
      const at = positionAt(plain, plain.length - 2);
      const actions = await server.request<any[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [], only: ['refactor'] } });
      const insert = actions.find((a) => a.title.startsWith('Insert conversion'));
      assert.ok(insert, name);
      const byAction = applyEdit(plain, insert.edit.changes[uri][0]);
      const { text, items } = await completeAt(server, uri, `${plain}(|)`, '(');
      assert.equal(items.length, 1, name);
      assert.equal(applyEdit(text, items[0].textEdit), byAction, name);
    }
  });
});

test('no conversion when the figure is in the base currency already, or there is no figure before the bracket', async () => {
  await withServer(
    async (server, ws) => {
      const uri = uriOf(join(ws, 'none.digest.md'));
      for (const marked of ['2026-01-15\n\n腾讯投资 85 亿美元(|)', '2026-01-15\n\n腾讯(|)', '(|', '2026-01-15\n\n腾讯投资 85 亿美元，其中(|)']) {
        const { items } = await completeAt(server, uri, marked, '(');
        assert.deepEqual(items, [], marked);
      }
      // With CNY as the base currency, a USD figure converts and a CNY one does not.
      server.changeSettings({ baseCurrency: 'CNY' });
      await new Promise((r) => setTimeout(r, 200));
      const { items: usd } = await completeAt(server, uri, '2026-01-15\n\n腾讯投资 85 亿美元(|)', '(');
      assert.equal(usd.length, 1);
      assert.match(usd[0].label, /^\(约 [\d.,]+ ?亿元\)$/);
      const { items: cny } = await completeAt(server, uri, '2026-01-15\n\n腾讯投资 597 亿元(|)', '(');
      assert.deepEqual(cny, []);
    },
    { baseCurrency: 'USD' },
  );
});

test('nothing after text that is not a number, and no failure at the edges', async () => {
  await withServer(async (server, ws) => {
    const uri = uriOf(join(ws, 'edges.digest.md'));
    for (const marked of ['腾讯|', 'Revenue|', '2026-01-15|', '10:30|', 'A1350|', 'US$15|', '1,35|', '营收1,350 收入|', '|', '腾讯投资1,350亿美元收入|', '腾讯投资1,350亿美元|']) {
      const { items } = await completeAt(server, uri, marked);
      assert.deepEqual(labels(items), [], marked);
    }
    // After a conversion already closed, a number gets units, not another conversion.
    const { items: after } = await completeAt(server, uri, '2026-01-15\n\n预算 1,600 亿人民币(约 230 亿美元)，另1,350|');
    assert.ok(labels(after).includes('亿美元') && !labels(after).some((l: string) => l.startsWith('(')), labels(after).join(' '));
    // Positions past the end of a line or of the text, and on an empty note.
    server.open(uri, '腾讯投资 1,350');
    for (const position of [{ line: 0, character: 999 }, { line: 9, character: 0 }, { line: 0, character: 0 }]) {
      const list = await server.request<any>('textDocument/completion', { textDocument: { uri }, position });
      assert.ok(list === null || Array.isArray(list.items));
    }
    server.open(uri, '');
    const empty = await server.request<any>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 }, context: { triggerKind: 2, triggerCharacter: '(' } });
    assert.ok(empty === null || Array.isArray(empty.items));
    // A document the server does not know.
    const unknown = await server.request<any>('textDocument/completion', { textDocument: { uri: uriOf(join(ws, 'nope.digest')) }, position: { line: 0, character: 0 } });
    assert.equal(unknown, null);
  });
});
