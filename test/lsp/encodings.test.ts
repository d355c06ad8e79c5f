/**
 * Files in other encodings and line endings, over JSON-RPC against the real server: a GBK
 * file, a Big5 file, a UTF-16LE file with a BOM, a CRLF file and a file mixing \r\n, \r and
 * \n. Each is indexed from disk (none is opened); the log names the legacy encodings used;
 * hover and references positions are exact after CRLF and mixed line breaks.
 * Run with `npm run build && node --import tsx --test test/lsp/encodings.test.ts`.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProgressType } from 'vscode-jsonrpc';
import { copyWorkspace, removeWorkspace, startServer, uriOf, type TestServer } from './harness';

/** An encoder inverted from Node's own decoder (as in test/unit/decode.test.ts). */
function legacyEncoder(encoding: 'gbk' | 'big5'): (text: string) => Buffer {
  const table = new Map<string, [number, number]>();
  const decoder = new TextDecoder(encoding, { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      try {
        const ch = decoder.decode(Uint8Array.from([lead, trail]));
        if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
      } catch {
        // Not a code of this encoding.
      }
    }
  }
  return (text) => Buffer.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch) ?? [0x3f])));
}

const GBK_TEXT = '# 算力周记\n\n腾讯 2025 年资本开支为 597 亿元(约 85 亿美元)。\n宁德时代拟在匈牙利追加投资 300—350 亿元。\n';
const BIG5_TEXT = '港股速覽\n\n騰訊控股(0700.HK)週四收報 612.5港元/股,南向資金淨買入約 86億港元。\n';
const UTF16_TEXT = 'UTF-16 digest\n\n阿里巴巴把 AI 与云投入上调至 4,800亿元(约 690亿美元)。\n';
/** Lines 0-3 end with \r\n; line 3 holds a figure and two companies. */
const CRLF_LINES = ['# CRLF digest', '', 'Tencent raised $1 billion.', '字节跳动 2026 年预算为 1,600 亿人民币,腾讯跟投。', '英伟达 H20 报价约 1.2 万美元。'];
const CRLF_TEXT = CRLF_LINES.join('\r\n') + '\r\n';
/** Every kind of line break, in turn. */
const MIXED_TEXT = 'Mixed breaks\r\n\n腾讯 资本开支 597 亿元。\r阿里巴巴 融资 $5 billion.\r\n\r\n宁德时代 投资 300 亿元。\n';

let ws: string;
let server: TestServer;
const file = (name: string) => uriOf(join(ws, name));

before(async () => {
  ws = copyWorkspace();
  writeFileSync(join(ws, 'gbk.digest'), legacyEncoder('gbk')(GBK_TEXT));
  writeFileSync(join(ws, 'big5.digest.txt'), legacyEncoder('big5')(BIG5_TEXT));
  writeFileSync(join(ws, 'utf16.digest'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(UTF16_TEXT, 'utf16le')]));
  writeFileSync(join(ws, 'crlf.digest'), CRLF_TEXT);
  writeFileSync(join(ws, 'mixed.digest'), MIXED_TEXT);
  server = await startServer({ folder: ws });
});

after(async () => {
  await server?.stop();
  if (ws) removeWorkspace(ws);
});

const entityIds = async (name: string): Promise<string[]> =>
  (await server.request('digestLens/entities', { scope: { kind: 'file', uri: file(name) } })).entities.map((e: any) => e.id).sort();

/** The 0-based line and character of the n-th occurrence of `needle` in `text`, counting \r\n, \r and \n as breaks. */
function positionOf(text: string, needle: string, nth = 0): { line: number; character: number } {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not in the text`);
  const before = text.slice(0, at);
  const breaks = before.match(/\r\n|\r|\n/g) ?? [];
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line: breaks.length, character: at - (lastBreak + 1) };
}

describe('files in other encodings and line endings', () => {
  test('all five are indexed from disk, with the three fixture files', async () => {
    const status = await server.request('digestLens/status', null);
    assert.equal(status.files, 8, JSON.stringify(status.skipped));
    assert.deepEqual(status.skipped, []);
    // The base-currency picker's list comes from here (the client carries no rate tables).
    assert.ok(['USD', 'CNY', 'HKD', 'EUR', 'TWD', 'JPY'].every((c) => status.currencies.includes(c)), JSON.stringify(status.currencies));
    assert.deepEqual(status.currencies, [...status.currencies].sort());
    // And their names for the picker, one entry per code (the client keeps no currency table).
    assert.deepEqual(status.currencyNames.map((n: { code: string }) => n.code), status.currencies);
    const cny = status.currencyNames.find((n: { code: string }) => n.code === 'CNY');
    assert.deepEqual([cny.en, cny['zh-cn'], cny['zh-tw']], ['Chinese yuan', '人民币', '人民幣']);
    assert.ok(cny.aliases.includes('RMB'));
  });

  test('the GBK, Big5 and UTF-16 files are read as text: their companies are found', async () => {
    assert.deepEqual(await entityIds('gbk.digest'), ['catl', 'tencent']);
    assert.deepEqual(await entityIds('big5.digest.txt'), ['tencent']);
    assert.deepEqual(await entityIds('utf16.digest'), ['alibaba']);
  });

  test('the log says which encoding was used for the GBK and Big5 files', () => {
    const logs = server.logs();
    const about = (name: string) => logs.filter((l) => l.includes(file(name))).join('\n');
    assert.match(about('gbk.digest'), /decoded as GB18030/);
    assert.match(about('big5.digest.txt'), /decoded as BIG5/);
    assert.match(about('utf16.digest'), /UTF-16LE/);
    assert.doesNotMatch(about('crlf.digest'), /decoded as/);
  });

  test('hover on a figure on line 3 after CRLF lines returns that figure, with its exact range', async () => {
    const start = positionOf(CRLF_TEXT, '1,600 亿人民币');
    assert.equal(start.line, 3);
    const hover = await server.request('textDocument/hover', { textDocument: { uri: file('crlf.digest') }, position: { line: 3, character: start.character + 2 } });
    assert.ok(hover, 'no hover');
    assert.deepEqual(hover.range, { start, end: { line: 3, character: start.character + '1,600 亿人民币'.length } });
    assert.match(JSON.stringify(hover.contents), /1,600|1600|160\.0|CNY|人民币/);
    // One character before the figure is not on it.
    const off = await server.request('textDocument/hover', { textDocument: { uri: file('crlf.digest') }, position: { line: 3, character: start.character - 2 } });
    assert.ok(!off || off.range?.start?.character !== start.character, JSON.stringify(off));
  });

  test('references to a company in the CRLF file give the exact line and character', async () => {
    const tencent = positionOf(CRLF_TEXT, '腾讯');
    const refs: any[] = await server.request('textDocument/references', {
      textDocument: { uri: file('crlf.digest') },
      position: { line: tencent.line, character: tencent.character + 1 },
      context: { includeDeclaration: true },
    });
    const here = refs.filter((r) => r.uri === file('crlf.digest')).map((r) => r.range).sort((a, b) => a.start.line - b.start.line);
    const english = positionOf(CRLF_TEXT, 'Tencent');
    assert.deepEqual(here, [
      { start: english, end: { line: english.line, character: english.character + 'Tencent'.length } },
      { start: tencent, end: { line: tencent.line, character: tencent.character + 2 } },
    ]);
    // And the other files' mentions come along: the GBK and Big5 ones too.
    const uris = new Set(refs.map((r) => r.uri));
    assert.ok(uris.has(file('gbk.digest')) && uris.has(file('big5.digest.txt')) && uris.has(file('mixed.digest')), [...uris].join(' '));
  });

  test('references with a partialResultToken come as $/progress batches that add up to the plain answer', async () => {
    const tencent = positionOf(CRLF_TEXT, '腾讯');
    const params = { textDocument: { uri: file('crlf.digest') }, position: { line: tencent.line, character: tencent.character + 1 }, context: { includeDeclaration: true } };
    const plain: any[] = await server.request('textDocument/references', params);
    const batches: any[][] = [];
    const listening = server.connection.onProgress(new ProgressType<any[]>(), 'refs-stream-1', (value) => batches.push(value));
    const streamed: any[] = await server.request('textDocument/references', { ...params, partialResultToken: 'refs-stream-1' });
    listening.dispose();
    assert.deepEqual(streamed, [], 'everything went out as partial results');
    assert.ok(batches.length >= 1);
    assert.deepEqual(batches.flat(), plain);
  });

  test('in the mixed-line-ending file, every mention and figure sits at its exact position', async () => {
    const refs: any[] = await server.request('textDocument/references', {
      textDocument: { uri: file('mixed.digest') },
      position: positionOf(MIXED_TEXT, '阿里巴巴'),
      context: { includeDeclaration: true },
    });
    const alibaba = positionOf(MIXED_TEXT, '阿里巴巴');
    assert.equal(alibaba.line, 3, 'after \\r\\n, \\n and \\r');
    assert.deepEqual(refs.filter((r) => r.uri === file('mixed.digest')).map((r) => r.range), [{ start: alibaba, end: { line: 3, character: alibaba.character + 4 } }]);
    for (const [figure, line] of [['597 亿元', 2], ['$5 billion', 3], ['300 亿元', 5]] as const) {
      const at = positionOf(MIXED_TEXT, figure);
      assert.equal(at.line, line, figure);
      const hover = await server.request('textDocument/hover', { textDocument: { uri: file('mixed.digest') }, position: { line: at.line, character: at.character + 1 } });
      assert.deepEqual(hover?.range, { start: at, end: { line: at.line, character: at.character + figure.length } }, figure);
    }
    const catl = positionOf(MIXED_TEXT, '宁德时代');
    const catlRefs: any[] = await server.request('textDocument/references', { textDocument: { uri: file('mixed.digest') }, position: catl, context: { includeDeclaration: true } });
    assert.deepEqual(catlRefs.filter((r) => r.uri === file('mixed.digest')).map((r) => r.range.start), [catl]);
  });
});
