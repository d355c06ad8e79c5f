/**
 * The user's rates file in the real server over JSON-RPC (issue 15): a workspace with
 * `.digestlens/rates.csv` converts a note of a fixing day at the user's rate (hover and
 * status answer), a change of the file on disk or in its editor changes the hover, a
 * malformed line gets a diagnostic at its line and columns (in the user's language), and
 * once the file is deleted the built-in rates are back and its diagnostics are cleared.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyWorkspace, removeWorkspace, REPO, startServer, uriOf, type TestServer } from './harness';

const FIXTURE = join(REPO, 'test', 'fixtures', 'user-rates');

async function hoverOn(server: TestServer, uri: string, text: string, needle: string): Promise<string> {
  const at = text.indexOf(needle) + Math.floor(needle.length / 2);
  const before = text.slice(0, at).split('\n');
  const h = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: before.length - 1, character: before[before.length - 1].length } });
  assert.ok(h, `a hover on ${needle}`);
  return typeof h.contents === 'string' ? h.contents : h.contents.value;
}

/** Runs `act`, then waits for the server's next index-changed notification (sent once the rates reloaded). */
async function reloaded(server: TestServer, act: () => void): Promise<void> {
  const since = server.notifications.length;
  act();
  await server.waitFor('digestLens/indexChanged', () => true, 15000, since);
}

test('a note of a fixing day converts at the user\'s rate; editing and deleting the file change the hover', async () => {
  const ws = copyWorkspace(FIXTURE);
  const server = await startServer({ folder: ws });
  try {
    const notePath = join(ws, 'fixing-day.digest');
    const note = uriOf(notePath);
    const text = readFileSync(notePath, 'utf8');
    server.open(note, text);
    const ratesPath = join(ws, '.digestlens', 'rates.csv');
    const rates = uriOf(ratesPath);

    // The fixture's made-up 7.5 CNY per USD: 1000 亿元 is about 13.3 billion dollars.
    const first = await hoverOn(server, note, text, '1000 亿元');
    assert.match(first, /your rate of 2024-03-15 · rates\.csv/);
    const status = await server.request('digestLens/noteRates', { uri: note });
    assert.deepEqual([status.date, status.rateDate, status.rateKind, status.rateSource], ['2024-03-15', '2024-03-15', 'user', 'rates.csv']);

    // On disk: the file now fixes only the day before; the 15th takes it as the nearest earlier day.
    await reloaded(server, () => {
      writeFileSync(ratesPath, 'date,currency,per_usd\n2024-03-14,CNY,7.25\n');
      server.filesChanged([{ uri: rates, type: 2 }]);
    });
    const earlier = await hoverOn(server, note, text, '1000 亿元');
    assert.match(earlier, /your rate of 2024-03-14, the nearest earlier day · rates\.csv/);

    // In its editor, as it is typed: a malformed line gets a diagnostic at its line, the good line counts.
    const typed = 'date,currency,per_usd\n2024-03-15,CNY,7.4\n2024-03-15,EUR,0,9\n';
    await reloaded(server, () => server.open(rates, typed, 'csv'));
    const diags = await server.diagnostics(rates, (d) => d.length > 0);
    assert.equal(diags.length, 1);
    assert.deepEqual(diags[0].range, { start: { line: 2, character: 15 }, end: { line: 2, character: 18 } });
    assert.equal(diags[0].severity, 1);
    assert.match(diags[0].message, /Rate "0,9" has a comma/);
    assert.match(await hoverOn(server, note, text, '1000 亿元'), /your rate of 2024-03-15 · rates\.csv/);
    // Fixed as typed: the diagnostic goes.
    server.change(rates, 'date,currency,per_usd\n2024-03-15,CNY,7.4\n2024-03-15,EUR,0.9\n');
    assert.deepEqual(await server.diagnostics(rates, (d) => d.length === 0), []);

    // Closed and deleted: the built-in daily rate of the note's day again.
    server.close(rates);
    await reloaded(server, () => {
      unlinkSync(ratesPath);
      server.filesChanged([{ uri: rates, type: 3 }]);
    });
    const builtin = await hoverOn(server, note, text, '1000 亿元');
    assert.doesNotMatch(builtin, /your rate/);
    assert.match(builtin, /of 2024-03-15/);
    const after = await server.request('digestLens/noteRates', { uri: note });
    assert.equal(after.rateKind, 'daily');
  } finally {
    await server.stop();
    removeWorkspace(ws);
  }
});

test('problems of a rates file on disk are published at start, in the language of the settings', async () => {
  const ws = copyWorkspace(FIXTURE);
  writeFileSync(join(ws, '.digestlens', 'rates.csv'), readFileSync(join(FIXTURE, 'malformed.csv'), 'utf8'));
  const server = await startServer({ folder: ws, settings: { language: 'zh-cn' } });
  try {
    const rates = uriOf(join(ws, '.digestlens', 'rates.csv'));
    const diags = await server.diagnostics(rates, (d) => d.length > 0);
    assert.deepEqual(diags.map((d: any) => [d.range.start.line, d.range.start.character]), [[1, 15], [2, 0], [3, 0], [4, 11]]);
    assert.ok(diags.every((d: any) => d.source === 'digest-lens'));
    assert.equal(diags[0].message, '汇率“7,5”含有逗号：请用小数点，且不要千位分隔符（7.1182、16250.5）');
    // Its good line (2024-03-14) stands in for the note's day.
    const note = uriOf(join(ws, 'fixing-day.digest'));
    const status = await server.request('digestLens/noteRates', { uri: note });
    assert.deepEqual([status.rateKind, status.rateDate], ['user', '2024-03-14']);
  } finally {
    await server.stop();
    removeWorkspace(ws);
  }
});

test('digestLens.ratesFile: another workspace path, or an absolute one outside the workspace', async () => {
  const ws = copyWorkspace(FIXTURE);
  const outside = copyWorkspace(FIXTURE);
  writeFileSync(join(ws, 'desk.csv'), '2024-03-15,CNY,8\n');
  writeFileSync(join(outside, 'global.csv'), '2024-03-15,CNY,9\n');
  const server = await startServer({ folder: ws, settings: { ratesFile: 'desk.csv' } });
  try {
    const note = uriOf(join(ws, 'fixing-day.digest'));
    let status = await server.request('digestLens/noteRates', { uri: note });
    assert.deepEqual([status.rateKind, status.rateSource], ['user', 'desk.csv']);
    await reloaded(server, () => server.changeSettings({ ratesFile: join(outside, 'global.csv') }));
    status = await server.request('digestLens/noteRates', { uri: note });
    assert.deepEqual([status.rateKind, status.rateSource], ['user', 'global.csv']);
    const text = readFileSync(join(ws, 'fixing-day.digest'), 'utf8');
    server.open(note, text);
    assert.match(await hoverOn(server, note, text, '1000 亿元'), /your rate of 2024-03-15 · global\.csv/);
    // The file outside the workspace changes: its event reloads it.
    await reloaded(server, () => {
      writeFileSync(join(outside, 'global.csv'), '2024-03-14,CNY,9.5\n');
      server.filesChanged([{ uri: uriOf(join(outside, 'global.csv')), type: 2 }]);
    });
    assert.match(await hoverOn(server, note, text, '1000 亿元'), /your rate of 2024-03-14, the nearest earlier day · global\.csv/);
  } finally {
    await server.stop();
    removeWorkspace(ws);
    removeWorkspace(outside);
  }
});

test('a multi-root workspace: the folders\' files are merged, the first folder winning on a currency and day', async () => {
  const first = copyWorkspace(FIXTURE);
  const second = copyWorkspace(FIXTURE);
  writeFileSync(join(second, '.digestlens', 'rates.csv'), '2024-03-15,CNY,8\n2024-03-15,HKD,7.9\n');
  const server = await startServer({ folder: first, moreFolders: [{ path: second }] });
  try {
    const note = uriOf(join(second, 'fixing-day.digest'));
    const text = readFileSync(join(second, 'fixing-day.digest'), 'utf8');
    server.open(note, text);
    const status = await server.request('digestLens/noteRates', { uri: note });
    assert.deepEqual([status.rateKind, status.rateSource], ['user', 'rates.csv']);
    await reloaded(server, () => server.changeSettings({ displayCurrencies: ['CNY', 'HKD'] }));
    const hover = await hoverOn(server, note, text, '1000 亿元');
    // CNY from the first folder's file (7.5, not the second's 8), HKD from the second's (7.9 / 7.5).
    assert.match(hover, /USD\/CNY 7\.5\b/);
    assert.match(hover, /CNY\/HKD 1\.0533/);
    assert.match(hover, /Rates: CNY, HKD per USD: your rate of 2024-03-15 · rates\.csv/);
  } finally {
    await server.stop();
    removeWorkspace(first);
    removeWorkspace(second);
  }
});
