/**
 * Issue 15: when the extension offers, once ever, to fetch exchange rates (client/src/ratesOfferRule.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datedAfterRates, OfferGate, type OfferInput } from '../../client/src/ratesOfferRule';

const NEWEST = '2026-11-30';
const input = (noteDate: string | null, more: Partial<OfferInput> = {}): OfferInput => ({ noteDate, newestDay: NEWEST, autoUpdate: false, canUpdate: true, ...more });

test('a note dated after the newest rate qualifies; on or before it, undated, or a month already covered does not', () => {
  assert.equal(datedAfterRates('2026-12-01', NEWEST), true);
  assert.equal(datedAfterRates('2026-11-30', NEWEST), false);
  assert.equal(datedAfterRates('2025-06-01', NEWEST), false);
  assert.equal(datedAfterRates(null, NEWEST), false);
  assert.equal(datedAfterRates('2026-12', NEWEST), true);
  assert.equal(datedAfterRates('2026-11', NEWEST), false);
  assert.equal(datedAfterRates('not a date', NEWEST), false);
});

test('the offer is made once ever: the first qualifying note, then never again (remembered before it shows)', () => {
  let asked = false;
  let writes = 0;
  const gate = new OfferGate({ asked: () => asked, remember: () => void ((asked = true), writes++) });
  assert.equal(gate.consider(input('2026-11-02')), false, 'a note within the rates');
  assert.equal(gate.consider(input(null)), false, 'an undated note');
  assert.equal(gate.consider(input('2026-12-03')), true);
  assert.equal(writes, 1);
  assert.equal(gate.consider(input('2026-12-04')), false, 'never twice');
  // A new gate over the same memory (the next window, the next session): still never.
  assert.equal(new OfferGate({ asked: () => asked, remember: () => void writes++ }).consider(input('2026-12-05')), false);
  assert.equal(writes, 1);
});

test('no offer when background updates are on, or the server has nowhere to keep rates', () => {
  const gate = () => new OfferGate({ asked: () => false, remember: () => undefined });
  assert.equal(gate().consider(input('2026-12-03', { autoUpdate: true })), false);
  assert.equal(gate().consider(input('2026-12-03', { canUpdate: false })), false);
});
