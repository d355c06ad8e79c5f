/**
 * The user's rates as the 'user' layer (issue 15): several files merged with the first one
 * winning on a currency and day (fx/userRates/merge.ts), the choice and the hover's words for
 * a note of a fixing day, the status answer's rate day and kind (features/noteRates.ts) and
 * the status bar's words for it (client/src/noteRatesText.ts) in the three bundles.
 */
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { installUserRates, layerSignature, userRatesLayer } from '../../server/src/fx/userRates/merge';
import { parseUserRates } from '../../server/src/fx/userRates/parse';
import { rateLayer, setRateLayer } from '../../server/src/fx/layers';
import { rateAt } from '../../server/src/fx/rates';
import { rateLabel } from '../../server/src/features/hover';
import { noteRates } from '../../server/src/features/noteRates';
import { analyse } from '../../server/src/analysis/analyse';
import { WorkspaceIndex } from '../../server/src/index/workspaceIndex';
import { translator } from '../../server/src/l10n';
import { noteRateLabel, noteRateSentence } from '../../client/src/noteRatesText';
import type * as P from '../../protocol/src';

afterEach(() => setRateLayer('user', null));

const file = (name: string, text: string) => ({ name, rows: parseUserRates(text).rows });

test('several files: the first wins on the same currency and day, the others fill in', () => {
  installUserRates([file('a.csv', '2024-03-15,CNY,7.5\n'), file('b.csv', '2024-03-15,CNY,8\n2024-03-15,EUR,0.8\n')]);
  assert.equal(rateAt('CNY', '2024-03-15')!.perUsd, 7.5);
  assert.equal(rateAt('EUR', '2024-03-15')!.perUsd, 0.8);
  assert.equal(rateAt('EUR', '2024-03-15')!.source, 'a.csv + b.csv');
  // Folders with files of one name: the name once.
  assert.equal(userRatesLayer([file('rates.csv', '2024-03-15,CNY,7.5'), file('rates.csv', '2024-03-15,HKD,7.8')])!.source, 'rates.csv');
  // A file without rates adds nothing, not even its name; no rates at all is no layer.
  assert.equal(userRatesLayer([file('empty.csv', '# nothing yet'), file('b.csv', '2024-03-15,CNY,8')])!.source, 'b.csv');
  assert.equal(userRatesLayer([file('empty.csv', '')]), null);
  installUserRates([]);
  assert.equal(rateLayer('user'), null);
});

test('the signature changes exactly when the rates do', () => {
  const a = layerSignature(userRatesLayer([file('r.csv', '2024-03-15,CNY,7.5')]));
  assert.equal(layerSignature(userRatesLayer([file('r.csv', '# a comment\n2024-03-15,CNY,7.50')])), a);
  assert.notEqual(layerSignature(userRatesLayer([file('r.csv', '2024-03-15,CNY,7.51')])), a);
  assert.notEqual(layerSignature(userRatesLayer([file('r.csv', '2024-03-16,CNY,7.5')])), a);
  assert.notEqual(layerSignature(userRatesLayer([file('s.csv', '2024-03-15,CNY,7.5')])), a);
  assert.equal(layerSignature(null), 'none');
});

test('a note of a fixing day: the user\'s rate, and the hover says so in three languages', () => {
  const builtin = rateAt('CNY', '2024-03-15')!;
  assert.equal(builtin.kind, 'daily');
  installUserRates([file('desk.csv', 'date,currency,per_usd\n2024-03-15,CNY,7.5\n')]);
  const r = rateAt('CNY', '2024-03-15')!;
  assert.deepEqual([r.kind, r.date, r.perUsd, r.source], ['user', '2024-03-15', 7.5, 'desk.csv']);
  assert.equal(rateLabel(r), 'your rate of 2024-03-15 · desk.csv');
  assert.equal(rateLabel(r, translator('zh-cn')), '你的 2024-03-15 汇率 · desk.csv');
  assert.equal(rateLabel(r, translator('zh-tw')), '你的 2024-03-15 匯率 · desk.csv');
  // A currency the file does not fix keeps the built-in rate.
  assert.equal(rateAt('EUR', '2024-03-15')!.kind, 'daily');
  // A day more than a week after the last fixing: the built-in rates again.
  assert.equal(rateAt('CNY', '2024-03-25')!.kind, 'daily');
});

test('digestLens/noteRates gives the rate\'s day, kind and source', () => {
  const index = new WorkspaceIndex((text) => analyse(text));
  index.set('file:///ws/a.digest', 'Date: 2024-03-15\n\n腾讯营收 1000 亿元。\n', null);
  index.set('file:///ws/b.digest', 'Date: 2024-03-16\n\n腾讯营收 1000 亿元。\n', null);
  const usd = { baseCurrency: 'USD', rateOverrides: {} };
  const before = noteRates(index, 'file:///ws/a.digest', usd);
  assert.deepEqual([before.rateDate, before.rateKind], ['2024-03-15', 'daily']);
  installUserRates([file('desk.csv', '2024-03-15,CNY,7.5\n')]);
  const a = noteRates(index, 'file:///ws/a.digest', usd);
  assert.deepEqual([a.date, a.rateMonth, a.rateDate, a.rateKind, a.rateSource], ['2024-03-15', '2024-03', '2024-03-15', 'user', 'desk.csv']);
  const b = noteRates(index, 'file:///ws/b.digest', usd);
  assert.deepEqual([b.rateDate, b.rateKind], ['2024-03-15', 'user'], 'a Saturday takes Friday\'s fixing');
});

test('the status bar\'s words: the day and whose rate it is, every string in the three bundles', () => {
  const bundle = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', 'l10n', name), 'utf8')) as Record<string, string>;
  const bundles = { en: bundle('bundle.l10n.json'), cn: bundle('bundle.l10n.zh-cn.json'), tw: bundle('bundle.l10n.zh-tw.json') };
  const used = new Set<string>();
  const t = (message: string, ...args: (string | number)[]) => {
    used.add(message);
    return message.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)]));
  };
  const note = (rateKind: P.NoteRatesResult['rateKind'], rateDate: string, rateSource: string): P.NoteRatesResult & { date: string } => ({
    indexed: true, date: '2024-03-17', rateMonth: rateDate.slice(0, 7), latestMonth: '2026-10', baseCurrency: 'USD', rateDate, rateKind, rateSource,
  });
  assert.equal(noteRateLabel(note('user', '2024-03-15', 'desk.csv'), t), '2024-03-15 · your rates');
  assert.equal(noteRateLabel(note('downloaded', '2026-12-03', 'ECB'), t), '2026-12-03 · downloaded');
  assert.equal(noteRateLabel(note('daily', '2024-03-15', 'ECB'), t), '2024-03-15');
  assert.equal(noteRateLabel(note('monthly', '2024-03', 'IMF'), t), '2024-03');
  assert.equal(noteRateLabel(note('user', '2024-03', 'user setting'), t), '2024-03 · your setting');
  assert.equal(noteRateSentence(note('user', '2024-03-15', 'desk.csv'), t), 'This note is dated 2024-03-17: its amounts are converted at your own rates of 2024-03-15 (desk.csv)');
  for (const kind of ['daily', 'monthly', 'nearest-earlier', 'downloaded'] as const) assert.match(noteRateSentence(note(kind, '2024-03-15', 'src'), t), /2024-03-17.*2024-03-15.*\(src\)/);
  noteRateSentence(note('user', '2024-03', 'user setting'), t);
  assert.ok(used.size >= 9);
  for (const k of used) {
    assert.equal(bundles.en[k], k, `English bundle: ${k}`);
    for (const b of [bundles.cn, bundles.tw]) {
      assert.ok(b[k] && /[\u4e00-\u9fff]/.test(b[k]), `translation of: ${k}`);
      for (const placeholder of k.match(/\{\d\}/g) ?? []) assert.ok(b[k].includes(placeholder), `${placeholder} kept in: ${k}`);
    }
  }
});
