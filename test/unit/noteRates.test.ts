/**
 * digestLens/noteRates as a pure function: a note's date gives the month of the rates its
 * conversions use (what the status bar shows for the active editor).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/analysis/analyse';
import { WorkspaceIndex } from '../../server/src/index/workspaceIndex';
import { noteRates } from '../../server/src/features/noteRates';
import { latestMonth, rateAt } from '../../server/src/fx/rates';

function indexOf(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex((text) => analyse(text));
  for (const [name, text] of Object.entries(files)) index.set(`file:///ws/${name}`, text, null);
  return index;
}

const index = indexOf({
  'june.digest': '周报\n\n2025-06-03 (Tuesday)\n\n腾讯投资 100 亿元。\n',
  'undated.digest': '腾讯投资 100 亿元。\n',
  'future.digest': 'Notes\n\n2099-03-01\n\nTencent spent $1 billion.\n',
});
const usd = { baseCurrency: 'USD', rateOverrides: {} };

test('a dated note uses the rates of its own month', () => {
  const r = noteRates(index, 'file:///ws/june.digest', usd);
  assert.deepEqual([r.indexed, r.date, r.rateMonth, r.baseCurrency], [true, '2025-06-03', '2025-06', 'USD']);
  assert.equal(r.latestMonth, latestMonth());
  assert.notEqual(r.rateMonth, r.latestMonth, 'not the newest month of the table');
  const eur = noteRates(index, 'file:///ws/june.digest', { baseCurrency: 'EUR', rateOverrides: {} });
  assert.equal(eur.rateMonth, rateAt('EUR', '2025-06-03')!.month);
  assert.equal(eur.baseCurrency, 'EUR');
});

test('an undated note and a file outside the index get the latest rates', () => {
  const undated = noteRates(index, 'file:///ws/undated.digest', usd);
  assert.deepEqual([undated.indexed, undated.date, undated.rateMonth], [true, null, latestMonth()]);
  const other = noteRates(index, 'file:///ws/readme.md', usd);
  assert.deepEqual([other.indexed, other.date, other.rateMonth], [false, null, latestMonth()]);
  assert.equal(noteRates(index, '', usd).indexed, false);
});

test('a note newer than the table uses its last month, as the hover does', () => {
  const r = noteRates(index, 'file:///ws/future.digest', usd);
  assert.equal(r.date, '2099-03-01');
  assert.equal(r.rateMonth, rateAt('CNY', '2099-03-01')!.month);
  assert.ok(r.rateMonth <= latestMonth());
});

test('the month follows an edit of the note\'s date', () => {
  const idx = indexOf({ 'a.digest': 'x\n\n2025-06-03\n\n100 亿元\n' });
  assert.equal(noteRates(idx, 'file:///ws/a.digest', usd).rateMonth, '2025-06');
  idx.set('file:///ws/a.digest', 'x\n\n2025-09-20\n\n100 亿元\n', 2);
  assert.equal(noteRates(idx, 'file:///ws/a.digest', usd).rateMonth, '2025-09');
});
