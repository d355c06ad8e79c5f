// Behaviour of the eval's scoring functions (scripts/lib/score.mjs) on tiny hand-made
// gold/prediction pairs.
import { test } from 'node:test';
import assert from 'node:assert/strict';

// The scorer is plain ESM JavaScript without a declaration file, so for the type checker
// it is an untyped module; the tests pin its behaviour instead.
// @ts-ignore TS7016
import * as S from '../../scripts/lib/score.mjs';

/** A gold figure at `offset` with `text`. */
function gfig(text: string, offset: number, currency: string, value: number, extra: Record<string, unknown> = {}) {
  return { text, offset, currency, value, min: null, max: null, approximate: false, per: null, qualifier: null, ...extra };
}
/** A predicted figure, as the CLI prints it. */
function pfig(text: string, offset: number, currency: string, value: number, extra: Record<string, unknown> = {}) {
  return { ...gfig(text, offset, currency, value), length: text.length, ...extra };
}
function gco(text: string, offset: number, id: string, kind = 'company') {
  return { text, offset, id, kind, ticker: null };
}
function pent(text: string, offset: number, id: string, kind = 'company') {
  return { text, offset, length: text.length, id, name: id, kind, ticker: null };
}
function goldFile(extra: Record<string, unknown> = {}) {
  return { file: 'x.txt', date: null, figures: [], companies: [], money_no_currency: [], ...extra };
}
function predFile(extra: Record<string, unknown> = {}) {
  return { path: 'x.txt', date: null, figures: [], entities: [], themes: [], ...extra };
}

test('overlapLength counts shared code units and is zero for touching spans', () => {
  assert.equal(S.overlapLength({ offset: 0, text: 'abcd' }, { offset: 2, length: 5 }), 2);
  assert.equal(S.overlapLength({ offset: 0, text: 'ab' }, { offset: 2, text: 'cd' }), 0);
});

test('prf: precision, recall, F1, and 1 for an empty side', () => {
  const r = S.prf(3, 1, 2);
  assert.equal(r.precision, 0.75);
  assert.equal(r.recall, 0.6);
  assert.ok(Math.abs(r.f1 - (2 * 0.75 * 0.6) / 1.35) < 1e-12);
  assert.deepEqual([S.prf(0, 0, 0).precision, S.prf(0, 0, 0).recall], [1, 1]);
  assert.equal(S.prf(0, 2, 3).f1, 0);
});

test('greedyMatch takes the largest overlap first and uses each item once', () => {
  const golds = [{ offset: 0, text: 'aaaaa' }, { offset: 6, text: 'bb' }];
  // The prediction covering both gold spans overlaps the first more, so it goes there;
  // the second prediction then takes the second gold span.
  const preds = [{ offset: 3, length: 5 }, { offset: 0, length: 9 }];
  const m = S.greedyMatch(golds, preds);
  assert.deepEqual(m.pairs.map((p: { gold: number; pred: number }) => [p.gold, p.pred]), [[0, 1], [1, 0]]);
  assert.deepEqual([m.unmatchedGold, m.unmatchedPred], [[], []]);
});

test('figures: hedge-inclusive span matches by overlap, but not with another currency', () => {
  const gold = goldFile({ figures: [gfig('130亿美元', 2, 'USD', 13e9, { approximate: true })] });
  const right = S.scoreFigures(gold, predFile({ figures: [pfig('接近130亿美元', 0, 'USD', 13e9, { approximate: true })] }));
  assert.deepEqual([right.tp, right.fp, right.fn, right.spanExact, right.valueOk, right.approxOk], [1, 0, 0, 0, 1, 1]);
  const wrong = S.scoreFigures(gold, predFile({ figures: [pfig('130亿美元', 2, 'CNY', 13e9)] }));
  assert.deepEqual([wrong.tp, wrong.fp, wrong.fn], [0, 1, 1]);
});

test('figures: a gold figure is matched at most once', () => {
  const gold = goldFile({ figures: [gfig('20萬-25萬元', 10, 'CNY', 225000, { min: 2e5, max: 2.5e5 })] });
  const pred = predFile({ figures: [pfig('20萬', 10, 'CNY', 2e5), pfig('25萬元', 13, 'CNY', 2.5e5)] });
  const r = S.scoreFigures(gold, pred);
  assert.deepEqual([r.tp, r.fp, r.fn, r.valueOk], [1, 1, 0, 0]);
});

test('figures: predictions on money_no_currency spans are neither true nor false positives', () => {
  const gold = goldFile({ money_no_currency: [{ text: '百亿', offset: 5 }] });
  const r = S.scoreFigures(gold, predFile({ figures: [pfig('超百亿', 4, 'CNY', 1e10)] }));
  assert.deepEqual([r.tp, r.fp, r.fn, r.ignored], [0, 0, 0, 1]);
  assert.equal(r.precision, 1);
});

test('figures: value, min and max agree within 0.5%, and null only equals null', () => {
  const g = gfig('数十亿美元', 0, 'USD', 5.5e9, { min: 2e9, max: 9e9 });
  assert.ok(S.figureValueAgrees(g, pfig('数十亿美元', 0, 'USD', 5.52e9, { min: 2e9, max: 9.04e9 })));
  assert.ok(!S.figureValueAgrees(g, pfig('数十亿美元', 0, 'USD', 5.6e9, { min: 2e9, max: 9e9 })));
  assert.ok(!S.figureValueAgrees(g, pfig('数十亿美元', 0, 'USD', 5.5e9)));
  assert.ok(S.numbersAgree(null, undefined));
  assert.ok(S.numbersAgree(0, 0));
  assert.ok(!S.numbersAgree(0, null));
});

test('figures: per and approximate agreement are counted over matched pairs', () => {
  const gold = goldFile({
    figures: [gfig('99.44元/股', 0, 'CNY', 99.44, { per: 'share' }), gfig('5億美元', 20, 'USD', 5e8)],
  });
  const pred = predFile({ figures: [pfig('99.44元', 0, 'CNY', 99.44, { approximate: true }), pfig('5億美元', 20, 'USD', 5e8)] });
  const r = S.scoreFigures(gold, pred);
  assert.deepEqual([r.matched, r.perOk, r.approxOk, r.spanExact, r.valueOk], [2, 1, 1, 1, 2]);
});

test('buildIdMapping maps each predicted id to the gold id it overlaps most over all files', () => {
  const files = [
    {
      gold: goldFile({ companies: [gco('腾讯', 0, 'tencent'), gco('腾讯', 10, 'tencent'), gco('阿里', 20, 'alibaba')] }),
      pred: predFile({ entities: [pent('腾讯', 0, 'T'), pent('腾讯', 10, 'T'), pent('阿里', 20, 'T')] }),
    },
    {
      gold: goldFile({ companies: [gco('Alibaba', 0, 'alibaba')] }),
      pred: predFile({ entities: [pent('Alibaba', 0, 'A'), pent('Alipay', 30, 'Z'), pent('GPT-4', 40, 'gpt', 'product')] }),
    },
  ];
  const mapping = S.buildIdMapping(files);
  assert.equal(mapping.get('T'), 'tencent');
  assert.equal(mapping.get('A'), 'alibaba');
  assert.equal(mapping.has('Z'), false);
  assert.equal(mapping.has('gpt'), false);
});

test('companies: only company-like kinds count, and a wrong id is a miss', () => {
  const gold = goldFile({ companies: [gco('腾讯', 0, 'tencent'), gco('阿里', 5, 'alibaba')] });
  const pred = predFile({
    entities: [pent('腾讯', 0, 'tc'), pent('阿里', 5, 'tc'), pent('马斯克', 10, 'musk', 'person')],
  });
  const mapping = new Map([['tc', 'tencent']]);
  const r = S.scoreCompanies(gold, pred, mapping);
  assert.deepEqual([r.tp, r.fp, r.fn], [1, 1, 1]);
});

test('companies: dropping exchanges removes gold exchanges and ignores predictions on them', () => {
  const gold = goldFile({ companies: [gco('港交所', 0, 'hkex', 'exchange'), gco('腾讯', 10, 'tencent')] });
  const pred = predFile({
    entities: [pent('港交所', 0, 'hkex', 'company'), pent('腾讯', 10, 'tencent'), pent('纳斯达克', 20, 'nasdaq', 'exchange')],
  });
  const mapping = new Map();
  const all = S.scoreCompanies(gold, pred, mapping);
  assert.deepEqual([all.tp, all.fp, all.fn], [2, 1, 0]);
  const issuers = S.scoreCompanies(gold, pred, mapping, { dropExchange: true });
  assert.deepEqual([issuers.tp, issuers.fp, issuers.fn, issuers.ignored], [1, 0, 0, 2]);
});

test('bcubed: perfect clustering scores 1; a split lowers recall, a merge lowers precision', () => {
  assert.equal(S.bcubed([]), null);
  const perfect = S.bcubed([{ pred: 'a', gold: 'x' }, { pred: 'a', gold: 'x' }, { pred: 'b', gold: 'y' }]);
  assert.deepEqual([perfect.precision, perfect.recall, perfect.f1], [1, 1, 1]);
  const split = S.bcubed([{ pred: 'a', gold: 'x' }, { pred: 'b', gold: 'x' }]);
  assert.deepEqual([split.precision, split.recall], [1, 0.5]);
  const merged = S.bcubed([{ pred: 'a', gold: 'x' }, { pred: 'a', gold: 'y' }]);
  assert.deepEqual([merged.precision, merged.recall], [0.5, 1]);
});

test('scoreGrouping pairs mentions by span alone so merged ids show', () => {
  const gold = goldFile({ companies: [gco('平安证券', 0, 'ping-an-securities'), gco('中国平安', 10, 'ping-an-insurance')] });
  const pred = predFile({ entities: [pent('平安证券', 0, 'pingan'), pent('中国平安', 10, 'pingan')] });
  const g = S.scoreGrouping(gold, pred);
  assert.deepEqual([g.precision, g.recall, g.mentions], [0.5, 1, 2]);
});

test('scoreAll: a perfect prediction passes every target; a missing one scores zero recall', () => {
  const gold = goldFile({
    date: '2026-01-07',
    figures: [gfig('16亿美元', 0, 'USD', 1.6e9)],
    companies: [gco('OpenAI', 10, 'openai'), gco('OpenAI', 20, 'openai')],
  });
  const pred = predFile({
    date: '2026-01-07',
    figures: [pfig('16亿美元', 0, 'USD', 1.6e9)],
    entities: [pent('OpenAI', 10, 'oa'), pent('OpenAI', 20, 'oa')],
  });
  const good = S.scoreAll([{ name: 'x', gold, pred }]);
  assert.equal(good.total.figures.f1, 1);
  assert.equal(good.total.valueAccuracy, 1);
  assert.equal(good.total.companies.f1, 1);
  assert.equal(good.total.grouping, 1);
  assert.equal(good.total.dateAccuracy, 1);
  assert.ok(S.verdicts(good.total).every((v: { pass: boolean }) => v.pass));

  const none = S.scoreAll([{ name: 'x', gold, pred: null }]);
  assert.deepEqual([none.total.figures.recall, none.total.companies.recall], [0, 0]);
  assert.equal(none.total.valueAccuracy, null);
  assert.equal(none.total.grouping, null);
  assert.ok(S.verdicts(none.total).every((v: { pass: boolean }) => !v.pass));
});

test('buildIdMapping keeps a predicted id that is a gold id, even when it mostly overlaps another', () => {
  const files = [
    {
      gold: goldFile({ companies: [gco('Meta X', 0, 'metax'), gco('Meta X', 10, 'metax'), gco('Meta', 20, 'meta')] }),
      pred: predFile({ entities: [pent('Meta', 0, 'meta'), pent('Meta', 10, 'meta'), pent('Meta', 20, 'meta')] }),
    },
  ];
  const mapping = S.buildIdMapping(files);
  assert.equal(mapping.get('meta'), 'meta');
  const r = S.scoreCompanies(files[0].gold, files[0].pred, mapping);
  assert.deepEqual([r.tp, r.fp, r.fn, r.spanExact], [1, 2, 2, 1]);
});
