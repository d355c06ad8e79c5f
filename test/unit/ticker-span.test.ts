/**
 * Where a ticker is written is a fact of the analysis (Mention.tickerOffset), and the
 * features that need it read it there: semantic tokens, the mention under the cursor
 * (definition, references, rename) and the hover agree on the ticker's span in every form.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/analysis/analyse';
import { lineStarts } from '../../server/src/analysis/text';
import type { DocumentAnalysis } from '../../server/src/analysis/types';
import { pack, StringTable, unpack } from '../../server/src/index/packed';
import type { IndexedDoc } from '../../server/src/index/workspaceIndex';
import { collectTokens, decodeTokens, encodeTokens } from '../../server/src/features/semanticTokens';
import { entityAt, tickerOwnerAt } from '../../server/src/features/entityAt';

function docOf(text: string, analysis: DocumentAnalysis): IndexedDoc {
  return { uri: 'file:///t', version: 1, text, analysis, lineStarts: lineStarts(text), analysedLength: text.length };
}

/** The ticker tokens the editor gets for a one-line text, as [offset, text]. */
function tickerTokens(d: IndexedDoc): [number, string][] {
  return decodeTokens(encodeTokens(collectTokens(d, { baseCurrency: 'USD' })))
    .filter((r) => r.type === 'ticker')
    .map((r) => [r.char, d.text.slice(r.char, r.char + r.length)]);
}

/**
 * The spans [offset, text] where entityAt answers through a ticker (outside every mention's
 * own text). It answers end inclusive, like every span under the cursor: a run of offsets
 * from a to b is the span [a, b).
 */
function tickerSpansOfEntityAt(d: IndexedDoc): [number, string][] {
  const runs: [number, number][] = [];
  for (let i = 0; i <= d.text.length; i++) {
    const inside = d.analysis.mentions.some((m) => i >= m.offset && i < m.offset + m.length);
    const owner = inside ? undefined : tickerOwnerAt(d.analysis.mentions, i);
    if (!owner) continue;
    assert.equal(entityAt(d, i), owner);
    const last = runs[runs.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  }
  return runs.map(([a, b]) => [a, d.text.slice(a, b)]);
}

const FORMS: [text: string, tickers: [number, string][], bare: string | null][] = [
  ['騰訊控股(0700.HK)股價上漲', [[5, '0700.HK']], null],
  ['腾讯（0700.HK）股价上涨', [[3, '0700.HK']], null],
  ['Tencent (0700.HK) rose', [[9, '0700.HK']], null],
  ['英伟达(NASDAQ: NVDA)公布财报', [[4, 'NASDAQ: NVDA']], null],
  ['宁德时代300750涨停', [[4, '300750']], null],
  // Names of one parenthesis share its ticker: one token, owned by either name.
  ['泉為科技(ST泉為,SZ:300716)、奧特維', [[10, 'SZ:300716']], null],
  // A ticker after a space is a mention of its own: a ticker token, and no ticker span elsewhere.
  ['Tencent 0700.HK rose', [[8, '0700.HK']], '0700.HK'],
  ['邁為股份 SZ:300751率先點火', [[5, 'SZ:300751']], 'SZ:300751'],
  ['0700.HK rose 3%', [[0, '0700.HK']], '0700.HK'],
  ['腾讯股价上涨', [], null],
];

test('the analysis records where each ticker is written', () => {
  for (const [text] of FORMS) {
    for (const m of analyse(text).mentions) {
      if (m.ticker === null) assert.equal(m.tickerOffset, -1, text);
      else assert.equal(text.slice(m.tickerOffset, m.tickerOffset + m.ticker.length), m.ticker, text);
    }
  }
});

test('semantic tokens and the mention at an offset agree on the ticker span, live and packed', () => {
  for (const [text, tickers, bare] of FORMS) {
    const live = analyse(text);
    const table = new StringTable();
    for (const analysis of [live, unpack(pack(live, table), table, text)]) {
      const d = docOf(text, analysis);
      assert.deepEqual(tickerTokens(d), tickers, text);
      if (bare !== null) {
        // The mention is the ticker: its own span, found as a mention.
        const m = analysis.mentions.find((x) => x.text === bare)!;
        assert.equal(m.tickerOffset, m.offset, text);
        assert.deepEqual(tickerSpansOfEntityAt(d), [], text);
        assert.equal(entityAt(d, m.offset), m, text);
      } else {
        // Written apart from the name: every offset of the span, end inclusive, is that name's.
        assert.deepEqual(tickerSpansOfEntityAt(d), tickers, text);
        for (const [at, t] of tickers) {
          for (let i = at; i <= at + t.length; i++) assert.equal(entityAt(d, i)?.ticker, t, `${text} @${i}`);
        }
      }
    }
  }
});

test('nothing past a mention is its ticker when it has none, or is the ticker itself', () => {
  // "$ARM jumped": the bare ticker owns no text after it; "(TSM-US)": nor does "-US".
  for (const text of ['$ARM jumped 4% on Tuesday', '台積電(2330-TW)(TSM-US)去年第四季稅後純益']) {
    const d = docOf(text, analyse(text));
    const owned = tickerSpansOfEntityAt(d);
    for (const [at, t] of owned) assert.ok(tickerTokens(d).some(([o, x]) => o === at && x === t), `${text}: ${t} is a ticker token`);
    assert.ok(!owned.some(([, t]) => /jumped|-US/.test(t)), JSON.stringify(owned));
  }
});
