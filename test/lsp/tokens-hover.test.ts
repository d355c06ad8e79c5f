/**
 * Semantic tokens, hover and inlay hints over JSON-RPC against the real server, on a copy
 * of the fixture workspace, and on the real seed digests as a user would open them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyWorkspace, removeWorkspace, startServer, uriOf, type TestServer } from './harness';
import { needShared } from '../helpers/requires';
import { applyTokenEdits, decodeTokens } from '../../server/src/features/semanticTokens';


/** Decoded tokens of a document as [line, char, text, type, modifiers] tuples. */
function tuples(text: string, data: number[]): [number, number, string, string, string][] {
  const lines = text.split(/\r?\n/);
  return decodeTokens(data).map((t) => [t.line, t.char, lines[t.line].slice(t.char, t.char + t.length), t.type, t.modifiers.join('+')]);
}

/** The position of the middle of the first occurrence of `needle`. */
function positionOf(text: string, needle: string): { line: number; character: number } {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} is in the text`);
  const mid = at + (needle.length >> 1);
  const before = text.slice(0, mid);
  const line = before.split('\n').length - 1;
  return { line, character: mid - (before.lastIndexOf('\n') + 1) };
}

async function hoverText(server: TestServer, uri: string, text: string, needle: string): Promise<{ raw: string; plain: string; range: any }> {
  const h = await server.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle) });
  assert.ok(h, `a hover on ${needle}`);
  assert.equal(h.contents.kind, 'markdown');
  return { raw: h.contents.value, plain: h.contents.value.replace(/\\(.)/g, '$1'), range: h.range };
}

/** The first English-style US$ amount of a text, in dollars. */
function usd(text: string): number {
  const m = /US\$([\d.,]+)(k| billion| million)?/.exec(text);
  assert.ok(m, `a US$ amount in:\n${text}`);
  const scale = m[2] === ' billion' ? 1e9 : m[2] === ' million' ? 1e6 : m[2] === 'k' ? 1e3 : 1;
  return Number(m[1].replace(/,/g, '')) * scale;
}

test('semantic tokens: full, range and delta after an edit', async () => {
  const ws = copyWorkspace();
  const server = await startServer({ folder: ws });
  try {
    const simplified = join(ws, 'simplified.digest.md');
    const sUri = uriOf(simplified);
    const sText = readFileSync(simplified, 'utf8');
    server.open(sUri, sText);
    const full = await server.request('textDocument/semanticTokens/full', { textDocument: { uri: sUri } });
    assert.ok(full.resultId);
    const got = tuples(sText, full.data);
    assert.ok(got.some((t) => t.join('|') === [3, 26, '1,600 亿人民币', 'money', 'foreign'].join('|')), JSON.stringify(got));

    const tUri = uriOf(join(ws, 'traditional.digest.txt'));
    const tText = readFileSync(join(ws, 'traditional.digest.txt'), 'utf8');
    const tFull = await server.request('textDocument/semanticTokens/full', { textDocument: { uri: tUri } });
    const tTuples = tuples(tText, tFull.data);
    assert.deepEqual(tTuples[0], [2, 0, '騰訊控股', 'company', '']);
    assert.ok(tTuples.some((t) => t[2] === '遠瀾算力' && t[3] === 'company'), 'the user entity is a company token');

    // Range: a subset, the tokens of lines 4 and 5 only.
    const range = await server.request('textDocument/semanticTokens/range', {
      textDocument: { uri: sUri },
      range: { start: { line: 4, character: 0 }, end: { line: 6, character: 0 } },
    });
    const part = tuples(sText, range.data);
    assert.ok(part.length > 0 && part.length < got.length);
    assert.deepEqual(part, got.filter((t) => t[0] >= 4 && t[0] < 6));

    // Delta after an edit: the edits applied to the old data give the new full tokens.
    const edited = '腾讯追加 5 亿元投资。\n' + sText;
    server.change(sUri, edited);
    const delta = await server.request('textDocument/semanticTokens/full/delta', { textDocument: { uri: sUri }, previousResultId: full.resultId });
    assert.ok(Array.isArray(delta.edits), 'a delta, not full tokens');
    assert.ok(delta.edits.length >= 1);
    assert.notEqual(delta.resultId, full.resultId);
    const patched = applyTokenEdits(full.data, delta.edits);
    const fresh = await server.request('textDocument/semanticTokens/full', { textDocument: { uri: sUri } });
    assert.deepEqual(patched, fresh.data);
    const after = tuples(edited, patched);
    assert.deepEqual(after.slice(0, 2), [
      [0, 0, '腾讯', 'company', ''],
      [0, 5, '5 亿元', 'money', 'foreign'],
    ]);
    assert.ok(after.some((t) => t.join('|') === [4, 26, '1,600 亿人民币', 'money', 'foreign'].join('|')), 'the old figure moved down a line');

    // A stale result id is answered with full tokens.
    const stale = await server.request('textDocument/semanticTokens/full/delta', { textDocument: { uri: sUri }, previousResultId: full.resultId });
    assert.deepEqual(stale.data, fresh.data);
  } finally {
    await server.stop();
    removeWorkspace(ws);
  }
});

test('hover on figures and companies, escaping, and inlay hints on a setting change', async () => {
  const ws = copyWorkspace();
  // A user entity whose name is hostile Markdown, mentioned in a new digest.
  const entities = JSON.parse(readFileSync(join(ws, '.digestlens', 'entities.json'), 'utf8'));
  const evil = '<img src=x onerror=alert(1)> [Evil](command:workbench.action.quit) **Corp**';
  entities.entities.push({ id: 'evil-corp', name: evil, aliases: ['邪恶公司'], tickers: [], kind: 'company' });
  writeFileSync(join(ws, '.digestlens', 'entities.json'), JSON.stringify(entities));
  writeFileSync(join(ws, 'evil.digest'), '邪恶公司 融资 5 亿元。\n');
  const server = await startServer({ folder: ws });
  try {
    const sUri = uriOf(join(ws, 'simplified.digest.md'));
    const sText = readFileSync(join(ws, 'simplified.digest.md'), 'utf8');

    const big = await hoverText(server, sUri, sText, '1,600 亿人民币');
    assert.match(big.plain, /CNY 160\.0 billion/);
    const usdLine = big.plain.split('\n').find((l) => l.includes('US$'))!;
    const value = usd(usdLine);
    assert.ok(value > 22e9 && value < 24e9, usdLine);
    assert.match(big.plain, /2026-01/);
    // The note's own day has an ECB rate (issue 15): the hover names it.
    assert.match(big.plain, /Rates: .*ECB reference rate of 2026-01-14/);
    assert.deepEqual(big.range, { start: { line: 3, character: 26 }, end: { line: 3, character: 36 } });

    const perTonne = await hoverText(server, sUri, sText, '15.2 万元/吨');
    assert.match(perTonne.plain, /per tonne/);
    assert.match(perTonne.plain, /US\$21\.8k\/t/);

    const tUri = uriOf(join(ws, 'traditional.digest.txt'));
    const tText = readFileSync(join(ws, 'traditional.digest.txt'), 'utf8');
    const tencent = await hoverText(server, tUri, tText, '騰訊控股');
    assert.match(tencent.plain, /\*\*Tencent\*\*/);
    assert.match(tencent.plain, /HK:00700/);
    assert.match(tencent.plain, /in 3 files/);

    const eUri = uriOf(join(ws, 'evil.digest'));
    const bad = await hoverText(server, eUri, '邪恶公司 融资 5 亿元。\n', '邪恶公司');
    assert.ok(bad.plain.includes(evil), bad.raw);
    assert.ok(!/(^|[^\\])<img/.test(bad.raw), 'no raw HTML');
    assert.ok((bad.raw.match(/\]\(command:[^)]*\)/g) ?? []).every((l) => l.startsWith('](command:digestLens.showDossier?')), 'no command link but the dossier');

    const nothing = await server.request('textDocument/hover', { textDocument: { uri: sUri }, position: positionOf(sText, '管理层表示') });
    assert.equal(nothing, null);

    // Inlay hints: off by default; on after the setting changes.
    const whole = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };
    assert.deepEqual(await server.request('textDocument/inlayHint', { textDocument: { uri: sUri }, range: whole }), []);
    server.changeSettings({ inlayHints: true });
    await server.waitForIndex();
    const hints = await server.request('textDocument/inlayHint', { textDocument: { uri: sUri }, range: whole });
    const h = hints.find((x: any) => x.position.line === 3 && x.position.character === 36);
    assert.ok(h, JSON.stringify(hints));
    assert.equal(h.label, '≈229亿美元', 'at the ECB rate of the note\'s day, 2026-01-14');
    assert.equal(h.paddingLeft, true);
    assert.match(h.tooltip, /USD\/CNY [\d.]+, rates of 2026-01/);
  } finally {
    await server.stop();
    removeWorkspace(ws);
  }
});

test('as a user would: hovers on the real seed digests', async (t) => {
  const SEEDS = needShared(t, 'seeds');
  if (!SEEDS) return;
  const ws = mkdtempSync(join(tmpdir(), 'digest-lens-seeds-'));
  const names = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
  for (const f of names) copyFileSync(join(SEEDS, f), join(ws, f.replace(/\.txt$/, '.digest.txt')));
  const server = await startServer({ folder: ws });
  try {
    const status = await server.request('digestLens/status', null);
    assert.equal(status.files, names.length);
    const file = (prefix: string) => join(ws, names.find((n) => n.startsWith(prefix))!.replace(/\.txt$/, '.digest.txt'));
    const open = (path: string) => {
      const text = readFileSync(path, 'utf8');
      server.open(uriOf(path), text);
      return { uri: uriOf(path), text };
    };
    const printed: string[] = [];

    const d1 = open(file('001_'));
    const a = await hoverText(server, d1.uri, d1.text, '1,600 亿人民币');
    printed.push(a.raw);
    const aUsd = usd(a.plain.split('\n').find((l) => l.includes('US$'))!);
    // Dated 2026-02-04: converts at that day's ECB rate, about 6.9 CNY per USD.
    assert.ok(aUsd > 22e9 && aUsd < 24e9, String(aUsd));
    assert.match(a.plain, /ECB reference rate of 2026-02-04/);

    const d0 = open(file('000_'));
    const b = await hoverText(server, d0.uri, d0.text, 'HK$4.19B');
    printed.push(b.raw);
    const bUsd = usd(b.plain.split('\n').find((l) => l.startsWith('- ≈') && l.includes('US$'))!);
    // The note itself says HK$4.19B / $538M.
    assert.ok(bUsd > 520e6 && bUsd < 550e6, String(bUsd));
    assert.match(b.plain, /up to/);

    const d4 = open(file('004_'));
    const c = await hoverText(server, d4.uri, d4.text, '15萬元/噸');
    printed.push(c.raw);
    const cUsd = usd(c.plain.split('\n').find((l) => l.includes('US$'))!);
    assert.ok(cUsd > 20e3 && cUsd < 23e3, String(cUsd));
    assert.match(c.plain, /per tonne/);
    assert.match(c.plain, /no date/, 'this digest has no date line');

    if (process.env.PRINT_HOVERS) console.log(printed.join('\n\n=====\n\n'));
  } finally {
    await server.stop();
    removeWorkspace(ws);
  }
});
