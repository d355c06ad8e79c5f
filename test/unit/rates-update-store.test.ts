/**
 * Issue 15: the store of downloaded rates (server/src/fx/update/store.ts): merged, written
 * atomically, validated on read; installed as the 'downloaded' layer with the ECB first and
 * the Fed for the other currencies.
 */
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultStoreDir, layerOfStore, mergeStore, newestDay, readStore, STORE_FILE, validStore, writeStore } from '../../server/src/fx/update/store';
import { installStore } from '../../server/src/fx/update/install';
import { afterBuiltinHistory, builtinNewestDay, ecbUrlFor, fedUrlFor } from '../../server/src/fx/update/update';
import { ECB_90D_URL, ECB_DAILY_URL, ECB_HIST_URL, fedH10Url } from '../../server/src/fx/update/download';
import { dayNumber } from '../../server/src/fx/dailyHistory';
import { setRateLayer } from '../../server/src/fx/layers';
import { rateAt } from '../../server/src/fx/rates';
import { rateLabel } from '../../server/src/features/hover';

const day = (d: string) => dayNumber(d)!;
const dir = () => mkdtempSync(join(tmpdir(), 'digest-lens-store-'));

afterEach(() => setRateLayer('downloaded', null));

test('merge: new days are added, a day fetched again takes the new rate, other sources and days are kept', () => {
  const a = mergeStore(null, [{ source: 'ecb', url: 'u1', rows: [{ currency: 'CNY', day: day('2026-12-01'), perUsd: 7 }] }], new Date('2026-12-01T17:00:00Z'));
  const b = mergeStore(a, [{ source: 'fed', url: 'u2', rows: [{ currency: 'TWD', day: day('2026-11-30'), perUsd: 32 }] }], new Date('2026-12-02T17:00:00Z'));
  const c = mergeStore(b, [{ source: 'ecb', url: 'u1', rows: [{ currency: 'CNY', day: day('2026-12-01'), perUsd: 7.1 }, { currency: 'CNY', day: day('2026-12-02'), perUsd: 7.2 }] }], new Date('2026-12-03T17:00:00Z'));
  assert.deepEqual(c.rates.ecb!.CNY, { days: [day('2026-12-01'), day('2026-12-02')], values: [7.1, 7.2] });
  assert.deepEqual(c.rates.fed!.TWD, { days: [day('2026-11-30')], values: [32] });
  assert.equal(c.fetchedAt, '2026-12-03T17:00:00.000Z');
  assert.equal(c.sources.fed!.fetchedAt, '2026-12-02T17:00:00.000Z');
  assert.equal(newestDay(c, 'ecb'), '2026-12-02');
});

test('write then read gives the same store; no temporary file is left', () => {
  const d = dir();
  const s = mergeStore(null, [{ source: 'ecb', url: 'u', rows: [{ currency: 'JPY', day: day('2026-12-01'), perUsd: 150.5 }] }], new Date());
  writeStore(d, s);
  assert.deepEqual(readStore(d).store, validStore(JSON.parse(readFileSync(join(d, STORE_FILE), 'utf8'))));
  assert.deepEqual(readStore(d).store!.rates.ecb!.JPY, { days: [day('2026-12-01')], values: [150.5] });
  assert.deepEqual(readdirSync(d), [STORE_FILE]);
});

test('a corrupt or foreign store is ignored with a reason, never thrown', () => {
  const d = dir();
  assert.deepEqual(readStore(d), { store: null }, 'no store: nothing to say');
  for (const text of ['', 'not json', '[]', '{"kind":"digest-lens downloaded rates","version":2}', JSON.stringify({ kind: 'digest-lens downloaded rates', version: 1, fetchedAt: '2026-12-01T00:00:00Z', sources: {}, rates: { ecb: { CNY: { days: [20790, 20789], values: [7, 7] } } } }), JSON.stringify({ kind: 'digest-lens downloaded rates', version: 1, fetchedAt: '2026-12-01T00:00:00Z', sources: {}, rates: { ecb: { CNY: { days: [20790], values: [-7] } } } }), JSON.stringify({ kind: 'digest-lens downloaded rates', version: 1, fetchedAt: '2026-12-01T00:00:00Z', sources: {}, rates: { ecb: { CNY: { days: [20790, 20791], values: [7] } } } })]) {
    writeFileSync(join(d, STORE_FILE), text);
    const r = readStore(d);
    assert.equal(r.store, null, text);
    assert.match(r.problem ?? '', /ignored/, text);
    assert.equal(installStore(d).store, null);
  }
});

test('the layer: the ECB for its currencies, the Fed for the others, each named in the hover', () => {
  const s = mergeStore(
    null,
    [
      { source: 'ecb', url: 'u', rows: [{ currency: 'CNY', day: day('2026-12-02'), perUsd: 7 }] },
      { source: 'fed', url: 'u', rows: [{ currency: 'CNY', day: day('2026-12-02'), perUsd: 9 }, { currency: 'TWD', day: day('2026-12-02'), perUsd: 32 }] },
    ],
    new Date(),
  );
  setRateLayer('downloaded', layerOfStore(s));
  assert.equal(rateAt('CNY', '2026-12-02')!.perUsd, 7);
  assert.equal(rateLabel(rateAt('CNY', '2026-12-02')!), 'downloaded ECB reference rate of 2026-12-02');
  assert.equal(rateAt('TWD', '2026-12-02')!.perUsd, 32);
  assert.equal(rateLabel(rateAt('TWD', '2026-12-02')!), 'downloaded Federal Reserve H.10 noon buying rate of 2026-12-02');
});

test('the ECB file asked for: the one-day file while the rates are recent, the 90-day file for a gap it covers, else the whole history', () => {
  const now = new Date('2026-12-04T12:00:00Z');
  // The built-in history ends 2026-04-13: eight months before, only the whole history reaches back.
  assert.equal(builtinNewestDay('EUR'), '2026-04-13');
  assert.equal(ecbUrlFor(null, now), ECB_HIST_URL);
  assert.equal(ecbUrlFor(null, new Date('2026-05-20T12:00:00Z')), ECB_90D_URL, 'a gap of 37 days');
  assert.equal(ecbUrlFor(null, new Date('2026-04-15T12:00:00Z')), ECB_DAILY_URL, 'two days after the built-in history');
  const recent = mergeStore(null, [{ source: 'ecb', url: 'u', rows: [{ currency: 'CNY', day: day('2026-12-03'), perUsd: 7 }] }], now);
  assert.equal(ecbUrlFor(recent, now), ECB_DAILY_URL);
  const old = mergeStore(null, [{ source: 'ecb', url: 'u', rows: [{ currency: 'CNY', day: day('2026-11-20'), perUsd: 7 }] }], now);
  assert.equal(ecbUrlFor(old, now), ECB_90D_URL);
  // Of the whole history, only the days after the built-in one are kept.
  const kept = afterBuiltinHistory([{ day: day('2026-04-13') }, { day: day('2026-04-14') }, { day: day('2015-06-01') }]);
  assert.deepEqual(kept, [{ day: day('2026-04-14') }]);
});

test('the Fed\'s CSV asks for as many observations as reach back to the newest Fed day known', () => {
  const now = new Date('2026-12-04T12:00:00Z');
  // The built-in TWD ends 2026-09-25: 70 days, plus a margin of 10.
  assert.equal(builtinNewestDay('TWD'), '2026-09-25');
  assert.equal(fedUrlFor(null, now), fedH10Url(80));
  const recent = mergeStore(null, [{ source: 'fed', url: 'u', rows: [{ currency: 'TWD', day: day('2026-12-03'), perUsd: 32 }] }], now);
  assert.equal(fedUrlFor(recent, now), fedH10Url(11));
  assert.equal(fedUrlFor(null, new Date('2029-01-01T00:00:00Z')), fedH10Url(400), 'at most 400');
  assert.match(fedH10Url(80), /[?&]lastobs=80&/);
});

test('the CLI store folder: the environment, else XDG_DATA_HOME, else ~/.local/share', () => {
  assert.equal(defaultStoreDir({ DIGEST_LENS_RATES_STORE: '/x/store' }), '/x/store');
  assert.equal(defaultStoreDir({ XDG_DATA_HOME: '/data' }), join('/data', 'digest-lens', 'rates'));
  assert.match(defaultStoreDir({}), /\.local[\\/]share[\\/]digest-lens[\\/]rates$/);
});
