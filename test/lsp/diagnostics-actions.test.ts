/**
 * Diagnostics and code actions over JSON-RPC against the real server: stated conversions
 * checked against the reference rate (and re-checked on edits and settings changes), a
 * broken user entity file reported at its line and column, conversions inserted and
 * replaced, Simplified ↔ Traditional rewrites, and candidates added to the entity file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { copyWorkspace, removeWorkspace, startServer, uriOf, type TestServer } from './harness';

const MISMATCH = 'conversion-mismatch';
const mismatches = (diags: any[]) => diags.filter((d) => d.code === MISMATCH);

/** The LSP position of the n-th occurrence (0-based) of `needle` in `text`. */
function positionOf(text: string, needle: string, nth = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not in text`);
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  return { line, character: at - (before.lastIndexOf('\n') + 1) };
}

function rangeOf(text: string, needle: string) {
  const start = positionOf(text, needle);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

/** Applies LSP text edits to a text (edits must not overlap). */
function applyEdits(text: string, edits: { range: any; newText: string }[]): string {
  const offset = (p: { line: number; character: number }) => {
    const lines = text.split('\n');
    let o = 0;
    for (let i = 0; i < p.line; i++) o += lines[i].length + 1;
    return o + p.character;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const e of sorted) text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  return text;
}

async function withServer(fn: (server: TestServer, ws: string) => Promise<void>, settings?: Record<string, unknown>): Promise<void> {
  const ws = copyWorkspace();
  const server = await startServer({ folder: ws, settings });
  try {
    await fn(server, ws);
  } finally {
    await server.stop();
    removeWorkspace(ws);
  }
}

const codeActions = (server: TestServer, uri: string, range: any, diagnostics: any[] = [], only?: string[]) =>
  server.request<any[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });

test('a wrong stated conversion is flagged once; fixing the text or widening the tolerance clears it', async () => {
  await withServer(async (server, ws) => {
    const uri = uriOf(join(ws, 'simplified.digest.md'));
    const text = readFileSync(join(ws, 'simplified.digest.md'), 'utf8');
    server.open(uri, text);
    const diags = await server.diagnostics(uri, (d) => mismatches(d).length > 0);
    const found = mismatches(diags);
    assert.equal(found.length, 1, JSON.stringify(diags));
    assert.deepEqual(found[0].range, rangeOf(text, '260 亿美元'));
    assert.equal(found[0].severity, 2);
    assert.equal(found[0].source, 'digest-lens');
    assert.match(found[0].message, /implies USD\/CNY 6\.15; reference USD\/CNY 6\.97 \(2026-01-14, ECB daily\): 13% off/);
    // "597 亿元(约 85 亿美元)" is right: nothing on it.
    assert.ok(!diags.some((d) => d.range.start.line === positionOf(text, '85 亿美元').line));

    server.change(uri, text.replace('260 亿美元', '230 亿美元'));
    await server.diagnostics(uri, (d) => mismatches(d).length === 0);

    server.change(uri, text);
    await server.diagnostics(uri, (d) => mismatches(d).length === 1);
    server.changeSettings({ conversionTolerance: 0.2 });
    await server.diagnostics(uri, (d) => mismatches(d).length === 0);

    server.changeSettings({});
    await server.diagnostics(uri, (d) => mismatches(d).length === 1);
    server.changeSettings({ diagnosticsEnabled: false });
    await server.diagnostics(uri, (d) => d.length === 0);
    server.changeSettings({});
    await server.diagnostics(uri, (d) => mismatches(d).length === 1);

    // Closing the document clears its diagnostics.
    server.close(uri);
    await server.diagnostics(uri, (d) => d.length === 0);
  });
});

test('a rate override moves the reference', async () => {
  await withServer(
    async (server, ws) => {
      const uri = uriOf(join(ws, 'simplified.digest.md'));
      server.open(uri, readFileSync(join(ws, 'simplified.digest.md'), 'utf8'));
      // At 6.2 CNY per USD, 260 亿美元 is right and 85 亿美元 (for 597 亿元 ≈ 96 亿美元) is not.
      const diags = await server.diagnostics(uri, (d) => mismatches(d).length > 0);
      const found = mismatches(diags);
      assert.equal(found.length, 1);
      assert.match(found[0].message, /user setting/);
      assert.equal(found[0].range.start.line, 2);
    },
    { rateOverrides: { CNY: 6.2 } },
  );
});

test('ambiguous 兆 and bare ¥ get an information diagnostic', async () => {
  await withServer(async (server, ws) => {
    const uri = uriOf(join(ws, 'ambiguous.digest.md'));
    const text = '国家电网投资 2 兆元。\n软银在日本 ¥3 兆 的投资。\n';
    server.open(uri, text);
    const diags = await server.diagnostics(uri, (d) => d.length > 0);
    const zhao = diags.find((d) => d.code === 'ambiguous-zhao');
    assert.ok(zhao, JSON.stringify(diags));
    assert.equal(zhao.severity, 3);
    assert.match(zhao.message, /兆 read as 10\^12 \(万亿\); in mainland usage it can mean 10\^6/);
    assert.deepEqual(zhao.range, rangeOf(text, '2 兆元'));
    const yen = diags.find((d) => d.code === 'ambiguous-yen');
    assert.ok(yen, JSON.stringify(diags));
    assert.match(yen.message, /¥ read as (CNY|JPY) from context/);
  });
});

test('a broken entity file gets an error at its line and column, and built-in companies still resolve', async () => {
  await withServer(async (server, ws) => {
    const path = join(ws, '.digestlens', 'entities.json');
    const uri = uriOf(path);
    writeFileSync(path, '{\n  "entities": [\n    {"id": "a", "name": "Acme"},\n    {"id": "b" "name": "Bolt"}\n  ]\n}\n');
    server.filesChanged([{ uri, type: 2 }]);
    const diags = await server.diagnostics(uri, (d) => d.length > 0);
    assert.equal(diags.length, 1);
    assert.equal(diags[0].severity, 1);
    assert.equal(diags[0].code, 'user-file');
    // Line 4, column 16 (1-based): the second "name" where a comma was expected.
    assert.deepEqual(diags[0].range.start, { line: 3, character: 15 });
    const entities = await server.request('digestLens/entities', { scope: { kind: 'workspace' } });
    const tencent = entities.entities.find((e: any) => e.id === 'tencent');
    assert.equal(tencent?.files, 3);
    // The user's entity is gone with the broken file.
    assert.ok(!entities.entities.some((e: any) => e.id === 'yuanlan-compute'));

    // Fixed on disk: the error goes away.
    writeFileSync(path, '[{"id": "a", "name": "Acme"}]\n');
    server.filesChanged([{ uri, type: 2 }]);
    await server.diagnostics(uri, (d) => d.length === 0);
  });
});

test('an open entity file is checked as it is typed', async () => {
  await withServer(async (server, ws) => {
    const uri = uriOf(join(ws, '.digestlens', 'entities.json'));
    const text = readFileSync(join(ws, '.digestlens', 'entities.json'), 'utf8');
    server.open(uri, text, 'json');
    server.change(uri, text.replace('"tickers": [],', '"tickers": [] oops'));
    const diags = await server.diagnostics(uri, (d) => d.length > 0);
    assert.equal(diags[0].code, 'user-file');
    assert.equal(diags[0].range.start.line, positionOf(text, '"tickers": [],').line);
    server.change(uri, text);
    await server.diagnostics(uri, (d) => d.length === 0);
  });
});

test('insert conversion, and replace a wrong one with the reference conversion', async () => {
  await withServer(async (server, ws) => {
    const uri = uriOf(join(ws, 'simplified.digest.md'));
    const text = readFileSync(join(ws, 'simplified.digest.md'), 'utf8');
    server.open(uri, text);
    const figure = rangeOf(text, '1,600 亿人民币');
    const cursor = { start: { line: figure.start.line, character: figure.start.character + 2 }, end: { line: figure.start.line, character: figure.start.character + 2 } };
    const actions = await codeActions(server, uri, cursor);
    const insert = actions.find((a) => a.title.startsWith('Insert conversion'));
    assert.ok(insert, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(insert.title, 'Insert conversion: ≈ US$22.9 billion', 'at the ECB rate of the note\'s day');
    const [edit] = insert.edit.changes[uri];
    assert.deepEqual(edit.range, { start: figure.end, end: figure.end });
    assert.equal(edit.newText, '(约 229 亿美元)', 'at the ECB rate of the note\'s day');
    // Not offered for a figure already in the base currency.
    const usd = await codeActions(server, uri, { start: positionOf(text, '85 亿美元'), end: positionOf(text, '85 亿美元') });
    assert.ok(!usd.some((a) => a.title.startsWith('Insert conversion')));

    const diags = await server.diagnostics(uri, (d) => mismatches(d).length === 1);
    const wrong = rangeOf(text, '260 亿美元');
    const fixes = await codeActions(server, uri, wrong, mismatches(diags), ['quickfix']);
    assert.equal(fixes.length, 1, JSON.stringify(fixes.map((a) => a.title)));
    assert.equal(fixes[0].kind, 'quickfix');
    assert.equal(fixes[0].diagnostics[0].code, MISMATCH);
    const [replace] = fixes[0].edit.changes[uri];
    assert.deepEqual(replace.range, wrong);
    assert.equal(replace.newText, '229 亿美元', 'at the ECB rate of the note\'s day');
    // Applying the fix clears the diagnostic.
    server.change(uri, applyEdits(text, [replace]));
    await server.diagnostics(uri, (d) => mismatches(d).length === 0);
  });
});

test('English figures get an English conversion', async () => {
  await withServer(async (server, ws) => {
    const uri = uriOf(join(ws, 'english.digest'));
    const text = readFileSync(join(ws, 'english.digest'), 'utf8');
    server.open(uri, text);
    const at = positionOf(text, '480 billion yuan');
    const actions = await codeActions(server, uri, { start: at, end: at }, [], ['refactor']);
    const insert = actions.find((a) => a.title.startsWith('Insert conversion'));
    assert.ok(insert);
    assert.match(insert.edit.changes[uri][0].newText, /^ \(≈US\$68\.\d billion\)$/);
  });
});

test('Simplified ↔ Traditional rewrites the selection, or the whole document', async () => {
  await withServer(async (server, ws) => {
    const uri = uriOf(join(ws, 'notes.digest.md'));
    const text = '腾讯控股(0700.HK)公布业绩,里面提到云计算。\nTencent rose 3%.\n';
    server.open(uri, text);
    const sel = rangeOf(text, '腾讯控股');
    const actions = await codeActions(server, uri, sel, [], ['refactor.rewrite']);
    const tw = actions.find((a) => a.title === 'Convert to Traditional Chinese (Taiwan)');
    assert.ok(tw, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(tw.kind, 'refactor.rewrite.script.tw');
    // Only what changes is replaced: 控股 is the same in both scripts.
    assert.deepEqual(tw.edit.changes[uri], [{ range: { start: sel.start, end: { line: sel.start.line, character: sel.start.character + 2 } }, newText: '騰訊' }]);
    assert.ok(actions.some((a) => a.title === 'Convert to Traditional Chinese (Hong Kong)'));
    // Already Simplified: no conversion to Simplified is offered.
    assert.ok(!actions.some((a) => a.title.startsWith('Convert to Simplified')));

    const empty = { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } };
    const whole = await codeActions(server, uri, empty, [], ['refactor.rewrite']);
    const doc = whole.find((a) => a.title === 'Convert to Traditional Chinese (Taiwan) (whole document)');
    assert.ok(doc, JSON.stringify(whole.map((a) => a.title)));
    const converted = applyEdits(text, doc.edit.changes[uri]);
    assert.ok(converted.startsWith('騰訊控股(0700.HK)公佈業績,裡面'), converted);
    assert.ok(converted.endsWith('\nTencent rose 3%.\n'));

    // Back to Simplified from Traditional text.
    const trad = uriOf(join(ws, 'traditional.digest.txt'));
    const tradText = readFileSync(join(ws, 'traditional.digest.txt'), 'utf8');
    server.open(trad, tradText);
    const tsel = rangeOf(tradText, '騰訊控股');
    const back = await codeActions(server, trad, tsel, [], ['refactor.rewrite']);
    const cn = back.find((a) => a.title === 'Convert to Simplified Chinese');
    assert.ok(cn);
    assert.equal(applyEdits(tradText, cn.edit.changes[trad]).split('\n')[2].slice(0, 4), '腾讯控股');

    // Nothing Chinese selected: nothing offered.
    const en = await codeActions(server, uri, rangeOf(text, 'Tencent rose'), [], ['refactor.rewrite']);
    assert.deepEqual(en, []);
  });
});

test('script conversions change words too: Taiwan, Hong Kong, characters only, and back', async () => {
  await withServer(async (server, ws) => {
    const uri = uriOf(join(ws, 'words.digest.md'));
    const text = '# 软件周记\n\n该公司发布财报,软件和芯片业务的信息披露更完整,鼠标和键盘出货 1,200 万只。\nTencent rose 3%.\n';
    server.open(uri, text);
    const empty = { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } };
    const actions = await codeActions(server, uri, empty, [], ['refactor.rewrite']);
    const titles = actions.map((a) => a.title);
    const convert = (title: string) => {
      const a = actions.find((x) => x.title === title);
      assert.ok(a, `${title} in ${JSON.stringify(titles)}`);
      // One undoable edit of small replacements: the English line and the line breaks are untouched.
      for (const e of a.edit.changes[uri]) assert.ok(!e.newText.includes('\n') && e.range.start.line === e.range.end.line, JSON.stringify(e));
      return applyEdits(text, a.edit.changes[uri]);
    };
    const tw = convert('Convert to Traditional Chinese (Taiwan) (whole document)');
    assert.equal(tw, '# 軟體週記\n\n該公司發布財報,軟體和晶片業務的資訊披露更完整,滑鼠和鍵盤出貨 1,200 萬隻。\nTencent rose 3%.\n');
    const hk = convert('Convert to Traditional Chinese (Hong Kong) (whole document)');
    assert.match(hk, /軟件和芯片業務的信息披露/, 'Hong Kong keeps 軟件, 芯片, 信息');
    assert.match(hk, /滑鼠和鍵盤出貨/, 'and says 滑鼠');
    assert.match(hk, /發佈財報/);
    const plain = convert('Convert to Traditional Chinese (characters only) (whole document)');
    assert.match(plain, /軟件和芯片業務的信息披露/, 'characters only: no word changes');
    assert.ok(!titles.some((t) => t.startsWith('Convert to Simplified')), 'already Simplified');

    // Back from Taiwan's words to Simplified ones, and a Simplified sentence is left as it is.
    const back = uriOf(join(ws, 'back.digest.md'));
    const mixed = '軟體與晶片資訊,記憶體供不應求。\n短视频平台的影片业务增长。\n';
    server.open(back, mixed);
    const cnActions = await codeActions(server, back, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['refactor.rewrite']);
    const cn = cnActions.find((a) => a.title === 'Convert to Simplified Chinese (whole document)');
    assert.ok(cn, JSON.stringify(cnActions.map((a) => a.title)));
    assert.equal(applyEdits(mixed, cn.edit.changes[back]), '软件与芯片信息,内存供不应求。\n短视频平台的影片业务增长。\n');

    // The automatic light-bulb request does not convert (opencc is loaded only when asked).
    const auto = await server.request<any[]>('textDocument/codeAction', { textDocument: { uri }, range: empty, context: { diagnostics: [], triggerKind: 2 } });
    assert.ok(!auto.some((a) => a.title.startsWith('Convert to')), JSON.stringify(auto.map((a) => a.title)));
  });
});

test('inserted and replacing conversions follow the script of their sentence', async () => {
  await withServer(async (server, ws) => {
    // A Traditional sentence: 約 and 億.
    const trad = uriOf(join(ws, 'traditional.digest.txt'));
    const tradText = readFileSync(join(ws, 'traditional.digest.txt'), 'utf8');
    server.open(trad, tradText);
    const at = positionOf(tradText, '86億港元');
    const actions = await codeActions(server, trad, { start: at, end: at }, [], ['refactor']);
    const insert = actions.find((a) => a.title.startsWith('Insert conversion'));
    assert.ok(insert, JSON.stringify(actions.map((a) => a.title)));
    assert.match(insert.edit.changes[trad][0].newText, /^\(約 11(\.\d)?億美元\)$/);

    // A Simplified sentence in a mostly Traditional note: 约 and 亿, and the wrong
    // conversion it states is replaced in Simplified too.
    const mixedUri = uriOf(join(ws, 'mixed.digest.md'));
    const mixed = tradText.replace('內地數據中心的購電價約為 0.35—0.45元/千瓦時。', '字节跳动预算 1,600 亿人民币(约 260 亿美元)。');
    server.open(mixedUri, mixed);
    const diags = await server.diagnostics(mixedUri, (d) => mismatches(d).length === 1);
    const wrong = rangeOf(mixed, '260 亿美元');
    const fixes = await codeActions(server, mixedUri, wrong, mismatches(diags), ['quickfix']);
    assert.equal(fixes.length, 1, JSON.stringify(fixes.map((a) => a.title)));
    assert.equal(fixes[0].edit.changes[mixedUri][0].newText, '230 亿美元');
    const cnyAt = positionOf(mixed, '1,600 亿人民币');
    const inserts = await codeActions(server, mixedUri, { start: cnyAt, end: cnyAt }, [], ['refactor']);
    assert.equal(inserts.find((a) => a.title.startsWith('Insert conversion'))?.edit.changes[mixedUri][0].newText, '(约 230 亿美元)');

    // The same wrong conversion in a Traditional sentence is replaced in Traditional.
    const tradWrong = tradText.replace('內地數據中心的購電價約為 0.35—0.45元/千瓦時。', '字節跳動預算 1,600 億人民幣(約 260 億美元)。');
    const twUri = uriOf(join(ws, 'wrong.digest.txt'));
    server.open(twUri, tradWrong);
    const twDiags = await server.diagnostics(twUri, (d) => mismatches(d).length === 1);
    const twFix = await codeActions(server, twUri, rangeOf(tradWrong, '260 億美元'), mismatches(twDiags), ['quickfix']);
    assert.equal(twFix[0].edit.changes[twUri][0].newText, '230 億美元');

    // An English sentence: English.
    const en = uriOf(join(ws, 'english.digest'));
    const enText = 'Alibaba raised its AI budget to 480 billion yuan.\n';
    server.open(en, enText);
    const enAt = positionOf(enText, '480 billion yuan');
    const enActions = await codeActions(server, en, { start: enAt, end: enAt }, [], ['refactor']);
    assert.match(enActions.find((a) => a.title.startsWith('Insert conversion'))!.edit.changes[en][0].newText, /^ \(≈US\$\d\d\.\d billion\)$/);
  });
});

test('a candidate is added to the entity file as valid JSON', async () => {
  await withServer(async (server, ws) => {
    const path = join(ws, '.digestlens', 'entities.json');
    const entityUri = uriOf(path);
    const uri = uriOf(join(ws, 'candidates.digest.md'));
    const text = 'Zephyr Orbital Holdings raised $200 million, led by 杭州云栖科技领投。\n由杭州云栖科技领投。\n';
    server.open(uri, text);
    const at = positionOf(text, 'Orbital');
    const actions = await codeActions(server, uri, { start: at, end: at });
    const add = actions.find((a) => a.title === 'Add Zephyr Orbital Holdings to your entity list');
    assert.ok(add, JSON.stringify(actions.map((a) => a.title)));
    const before = readFileSync(path, 'utf8');
    const after = applyEdits(before, add.edit.changes[entityUri]);
    const parsed = JSON.parse(after);
    assert.equal(parsed.entities.length, 2);
    assert.deepEqual(parsed.entities[1], { id: 'zephyr-orbital-holdings', name: 'Zephyr Orbital Holdings', aliases: [], tickers: [], kind: 'company' });
    assert.equal(parsed.entities[0].id, 'yuanlan-compute');

    // A Chinese candidate: id "user-<name>", the Traditional form as an alias.
    const cjk = positionOf(text, '杭州云栖科技', 1);
    const cjkActions = await codeActions(server, uri, { start: cjk, end: cjk });
    const addCjk = cjkActions.find((a) => a.title === 'Add 杭州云栖科技 to your entity list');
    assert.ok(addCjk, JSON.stringify(cjkActions.map((a) => a.title)));
    const entry = JSON.parse(applyEdits(before, addCjk.edit.changes[entityUri])).entities[1];
    assert.equal(entry.id, 'user-杭州云栖科技');
    assert.ok(entry.aliases.includes('杭州雲棲科技'), JSON.stringify(entry));

    // Applied, saved, and the server picks it up: the mention is no longer a candidate.
    writeFileSync(path, after);
    server.filesChanged([{ uri: entityUri, type: 2 }]);
    await server.waitFor('digestLens/indexChanged', () => true, 15000, server.notifications.length);
    const entities = await server.request('digestLens/entities', { scope: { kind: 'file', uri } });
    assert.ok(entities.entities.some((e: any) => e.id === 'zephyr-orbital-holdings' && e.kind === 'company'), JSON.stringify(entities));
  });
});

test('without an entity file, adding a candidate creates one', async () => {
  await withServer(async (server, ws) => {
    unlinkSync(join(ws, '.digestlens', 'entities.json'));
    server.filesChanged([{ uri: uriOf(join(ws, '.digestlens', 'entities.json')), type: 3 }]);
    await server.waitFor('digestLens/indexChanged', () => true, 15000, server.notifications.length);
    const uri = uriOf(join(ws, 'candidates.digest.md'));
    const text = 'Zephyr Orbital Holdings raised $200 million.\n';
    server.open(uri, text);
    const actions = await codeActions(server, uri, { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } });
    const add = actions.find((a) => a.title.startsWith('Add Zephyr Orbital Holdings'));
    assert.ok(add, JSON.stringify(actions.map((a) => a.title)));
    const [create, edit] = add.edit.documentChanges;
    assert.equal(create.kind, 'create');
    assert.equal(create.uri, uriOf(join(ws, '.digestlens', 'entities.json')));
    assert.equal(edit.textDocument.uri, create.uri);
    const content = applyEdits('', edit.edits);
    // The same new file as the Add Entity command's: {"entities": [...]}.
    assert.deepEqual(JSON.parse(content).entities, [{ id: 'zephyr-orbital-holdings', name: 'Zephyr Orbital Holdings', aliases: [], tickers: [], kind: 'company' }]);
  });
});

test('an open note over digestLens.maxFileSize is analysed up to a line before the cap, and a diagnostic says where it stops', async () => {
  await withServer(async (server, ws) => {
    const uri = uriOf(join(ws, 'long.digest.md'));
    const head = '腾讯控股宣布投资 1,600 亿人民币。\n';
    const text = head + '市场继续观望。\n'.repeat(200) + 'Alibaba paid $3 billion.\n';
    server.open(uri, text);
    const diags = await server.diagnostics(uri, (d) => d.some((x) => x.code === 'not-analysed'));
    const stop = diags.filter((d) => d.code === 'not-analysed');
    assert.equal(stop.length, 1);
    assert.equal(stop[0].range.start.character, 0);
    assert.ok(stop[0].range.start.line > 0 && stop[0].range.start.line < 201, JSON.stringify(stop[0].range));
    assert.match(stop[0].message, /maxFileSize/);
    // The head is analysed (its company has a hover); the last line is not.
    assert.ok(await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } }));
    assert.equal(await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 201, character: 2 } }), null);
    // A larger cap: the whole note is analysed and the diagnostic goes.
    server.changeSettings({ maxFileSize: 1_000_000 });
    await server.diagnostics(uri, (d) => !d.some((x) => x.code === 'not-analysed'));
    assert.ok(await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 201, character: 2 } }));
  }, { maxFileSize: 1000 });
});
