// groupFacts compares figures by classes of equal amounts within a window of values instead
// of every pair of figures. These tests hold it to the groups that comparing every pair of
// a bucket gives, on random figures with many repeats, ties and shared sentences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupFacts, restates } from '../../server/src/analysis/facts/sameFact';
import type { Figure, Metric } from '../../server/src/analysis/types';

/** The grouping by every pair of figures: the definition the fast one must match. */
function groupEveryPair(figures: Figure[], sentenceOf: (i: number) => number): number[] {
  const parent = figures.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < figures.length; i++) {
    for (let j = i + 1; j < figures.length; j++) {
      const a = figures[i];
      const b = figures[j];
      if ((!a.subject && a.metric === 'other') || (!b.subject && b.metric === 'other')) continue;
      if (a.currency !== b.currency || (a.per ?? '') !== (b.per ?? '') || (a.subject?.id ?? '') !== (b.subject?.id ?? '')) continue;
      if (sentenceOf(i) === sentenceOf(j) || !restates(a, b)) continue;
      const x = find(i);
      const y = find(j);
      if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
    }
  }
  return figures.map((_, i) => find(i));
}

/** A small deterministic generator. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const METRICS: Metric[] = ['revenue', 'profit', 'other', 'market-size', 'price', 'funding'];
const AMOUNTS: [string, number][] = [['12亿', 1.2e9], ['12.0亿', 1.2e9], ['12.5亿', 1.25e9], ['1.2B', 1.2e9], ['347亿', 3.47e10], ['34.7B', 3.47e10], ['0', 0], ['600元', 600], ['610', 610], ['-5亿', -5e8]];

function randomFigures(next: () => number, n: number, currencies = ['CNY', 'CNY', 'USD'], subjects = ['a', 'b']): Figure[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const party = (id: string) => ({ id, name: id, offset: 0, length: 1 });
  return Array.from({ length: n }, (_, i) => {
    const [text, value] = pick(AMOUNTS);
    const range = next() < 0.1;
    return {
      offset: i * 10,
      length: text.length,
      text,
      currency: pick(currencies),
      value,
      min: range ? value * 0.9 : null,
      max: range ? value * 1.1 : null,
      approximate: false,
      per: null,
      qualifier: null,
      subject: next() < 0.6 ? party(pick(subjects)) : null,
      counterparty: next() < 0.2 ? party(pick(['c', 'd'])) : null,
      metric: pick(METRICS),
      period: pick([null, null, '2025', '2025H1', '2024']),
    } as Figure;
  });
}

test('groupFacts gives the groups of comparing every pair, on random figures', () => {
  const next = random(13);
  for (let round = 0; round < 300; round++) {
    const n = 1 + Math.floor(next() * 160);
    // Every other round crowds one currency and one company, so buckets outgrow the pairwise path.
    const figures = round % 2 ? randomFigures(next, n) : randomFigures(next, n, ['CNY'], ['a']);
    const sentences = figures.map(() => Math.floor(next() * (1 + n / 4)));
    const expected = groupEveryPair(figures, (i) => sentences[i]);
    groupFacts('', figures, [], (i) => sentences[i]);
    assert.deepEqual(figures.map((f) => f.fact), expected, `round ${round}`);
  }
});

test('a figure repeated in two sentences is one fact; in one sentence, two', () => {
  const next = random(7);
  const [f] = randomFigures(next, 1);
  const one = { ...f, subject: { id: 'a', name: 'a', offset: 0, length: 1 }, metric: 'revenue' as Metric, text: '347亿', value: 3.47e10, min: null, max: null, counterparty: null };
  const figures = [{ ...one }, { ...one }, { ...one }];
  groupFacts('', figures, [], (i) => [0, 0, 1][i]);
  assert.deepEqual(figures.map((x) => x.fact), [0, 0, 0]);
  const same = [{ ...one }, { ...one }];
  groupFacts('', same, [], () => 0);
  assert.deepEqual(same.map((x) => x.fact), [0, 1]);
});

test('few classes of many figures, spread over few sentences, group as every pair does', () => {
  const next = random(29);
  const party = { id: 'a', name: 'a', offset: 0, length: 1 };
  for (let round = 0; round < 300; round++) {
    const n = 26 + Math.floor(next() * 40);
    // Two ways of writing one distinctive amount, and a third amount: three classes at most.
    const figures = Array.from({ length: n }, (_, i) => {
      const [text, value] = [['347亿', 3.47e10], ['347.0亿', 3.47e10], ['12亿', 1.2e9]][Math.floor(next() * 3)] as [string, number];
      return { offset: i * 10, length: text.length, text, currency: 'CNY', value, min: null, max: null, approximate: false, per: null, qualifier: null, subject: party, counterparty: null, metric: 'revenue', period: null } as Figure;
    });
    const sentences = figures.map(() => Math.floor(next() * 4));
    const expected = groupEveryPair(figures, (i) => sentences[i]);
    groupFacts('', figures, [], (i) => sentences[i]);
    assert.deepEqual(figures.map((f) => f.fact), expected, `round ${round}`);
  }
});

test('runs of figures alike but for the counterparty, the period or the subject group as every pair does', () => {
  // Figures next to each other are tried in the class and bucket of the one before first:
  // a field that differs must still send them to their own.
  const next = random(41);
  const party = (id: string) => ({ id, name: id, offset: 0, length: 1 });
  for (let round = 0; round < 200; round++) {
    const n = 30 + Math.floor(next() * 30);
    const figures: Figure[] = [];
    for (let i = 0; i < n; i++) {
      const k = Math.floor(next() * 4);
      figures.push({
        offset: i * 10, length: 4, text: '347亿', currency: 'CNY', value: 3.47e10, min: null, max: null, approximate: false, per: null, qualifier: null,
        subject: k === 3 ? party('b') : party('a'),
        counterparty: k === 1 ? party('c') : null,
        metric: 'revenue',
        period: k === 2 ? '2025' : null,
      } as Figure);
    }
    const sentences = figures.map(() => Math.floor(next() * 6));
    const expected = groupEveryPair(figures, (i) => sentences[i]);
    groupFacts('', figures, [], (i) => sentences[i]);
    assert.deepEqual(figures.map((f) => f.fact), expected, `round ${round}`);
  }
});
