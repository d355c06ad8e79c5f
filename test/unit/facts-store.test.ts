/**
 * The views over facts, as pure functions over an in-memory index whose analyser sets the fact
 * fields by fixed rules (test/helpers/attributing.ts): the fact store and its updates, the
 * figures-table query (one row per fact, filters, totals, chart, paging), the dossier,
 * consistency across notes, and finding an entity by any name.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinGazetteer } from '../../server/src/analysis/gazetteer';
import { builtinTaxonomy } from '../../server/src/analysis/themes';
import { WorkspaceIndex } from '../../server/src/index/workspaceIndex';
import { factStoreOf } from '../../server/src/facts/store';
import { queryFacts } from '../../server/src/facts/query';
import { dossierOf } from '../../server/src/facts/dossier';
import { valuesDiffer } from '../../server/src/facts/consistency';
import { consistencyDiagnostics } from '../../server/src/features/diagnostics';
import { searchEntities, workspaceSymbols } from '../../server/src/features/workspaceSymbols';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { attributing } from '../helpers/attributing';

const gazetteer = builtinGazetteer();
const taxonomy = builtinTaxonomy();
const USD = { base: 'USD', overrides: {} };

const NOTES: Record<string, string> = {
  'a.digest': '腾讯2025年资本开支为800亿元(约112亿美元)。阿里巴巴2025年资本开支为1200亿元。碳酸锂报价15万元/吨。\n\n2025-11-02\n',
  'b.digest': '腾讯2025年资本开支为900亿元。东吴证券预计2030年AI算力市场规模达1万亿元。\n\n2026-01-14\n',
  'c.digest': '软银投资Ampere 65亿美元。腾讯2024年资本开支为767亿元。\n\n2026-01-20\n',
};

function makeIndex(notes = NOTES): WorkspaceIndex {
  const index = new WorkspaceIndex(attributing(gazetteer));
  for (const [name, text] of Object.entries(notes)) index.set(`file:///ws/${name}`, text, null);
  return index;
}

test('one fact per stated amount: the stated conversion is folded into it', () => {
  const store = factStoreOf(makeIndex());
  const a = store.factsIn('file:///ws/a.digest');
  assert.deepEqual(a.map((f) => f.figure.text), ['800亿元', '1200亿元', '15万元/吨']);
  assert.deepEqual(a[0].others.map((o) => o.text), ['112亿美元']);
  assert.equal(a[0].subject?.id, 'tencent');
  assert.equal(a[0].metric, 'capex');
  assert.equal(a[0].period, '2025');
  assert.equal(store.about('tencent').length, 3);
  assert.equal(store.countAbout('ampere-computing'), 1, 'a counterparty counts as a fact about it');
});

test('the store follows edits and deletions of one note without rebuilding the others', () => {
  const index = makeIndex();
  const store = factStoreOf(index);
  const before = store.factsIn('file:///ws/b.digest');
  index.set('file:///ws/a.digest', '腾讯2025年资本开支为810亿元。\n\n2025-11-02\n', 1);
  assert.deepEqual(store.factsIn('file:///ws/a.digest').map((f) => f.figure.text), ['810亿元']);
  assert.equal(store.factsIn('file:///ws/b.digest'), before, 'an untouched note keeps its facts');
  assert.equal(store.about('alibaba').length, 0);
  index.delete('file:///ws/c.digest');
  assert.equal(store.countAbout('softbank-group'), 0);
  assert.deepEqual(store.about('tencent').map((f) => f.figure.text).sort(), ['810亿元', '900亿元']);
});

test('the figures table: one row per fact with its parties, both mentions reachable', () => {
  const res = queryFacts(factStoreOf(makeIndex()).all(), {}, USD);
  assert.equal(res.total, res.inScope);
  assert.equal(res.rows.filter((r) => r.text === '112亿美元').length, 0, 'the conversion is no row of its own');
  const capex = res.rows.find((r) => r.text === '800亿元')!;
  assert.deepEqual(capex.others.map((o) => o.text), ['112亿美元']);
  assert.deepEqual(capex.others[0].range.start, { line: 0, character: capex.range.start.character + '800亿元(约'.length });
  assert.equal(capex.subjectName, 'Tencent');
  assert.equal(capex.metric, 'capex');
  assert.equal(capex.period, '2025');
  assert.ok(capex.baseValue! > 1.0e10 && capex.baseValue! < 1.2e10, String(capex.baseValue));
  const forecast = res.rows.find((r) => r.text === '1万亿元')!;
  assert.equal(forecast.subjectId, null);
  assert.equal(forecast.sourceName, '东吴证券');
  assert.equal(forecast.metric, 'market-size');
  const deal = res.rows.find((r) => r.text === '65亿美元')!;
  assert.deepEqual([deal.subjectId, deal.counterpartyId], ['softbank-group', 'ampere-computing']);
  // Sorted by the value in the base currency, largest first, by default.
  const values = res.rows.map((r) => r.baseValue ?? -1);
  assert.deepEqual(values, [...values].sort((x, y) => y - x));
});

test('filters by entity (subject or counterparty), metric, theme and date range combine', () => {
  const facts = () => factStoreOf(makeIndex()).all();
  assert.deepEqual(queryFacts(facts(), { filter: { entityId: 'tencent' } }, USD).rows.map((r) => r.text).sort(), ['767亿元', '800亿元', '900亿元']);
  assert.deepEqual(queryFacts(facts(), { filter: { entityId: 'ampere-computing' } }, USD).rows.map((r) => r.text), ['65亿美元']);
  assert.deepEqual(queryFacts(facts(), { filter: { metric: 'capex', from: '2026-01-01' } }, USD).rows.map((r) => r.text).sort(), ['767亿元', '900亿元']);
  assert.deepEqual(queryFacts(facts(), { filter: { metric: 'capex', to: '2025-12-31' } }, USD).rows.map((r) => r.text).sort(), ['1200亿元', '800亿元']);
  const res = queryFacts(facts(), { filter: { metric: 'capex' } }, USD);
  // The drop-downs list what is in scope, not only what is filtered.
  assert.ok(res.facets.metrics.some((m) => m.id === 'market-size'));
  assert.ok(res.facets.entities.some((e) => e.id === 'softbank-group'));
  assert.deepEqual([res.facets.minDate, res.facets.maxDate], ['2025-11-02', '2026-01-20']);
  const themes = res.facets.themes.map((t) => t.id);
  if (themes.length) assert.ok(queryFacts(facts(), { filter: { themeId: themes[0] } }, USD).total > 0);
  assert.equal(queryFacts(facts(), { filter: { themeId: 'no-such-theme' } }, USD).total, 0);
});

test('totals per entity and metric: one value per period (the latest note), never prices or market sizes', () => {
  const res = queryFacts(factStoreOf(makeIndex()).all(), {}, USD);
  const tencent = res.totals.find((t) => t.entityId === 'tencent' && t.metric === 'capex')!;
  // 2025: 900亿元 (the 2026-01-14 note replaces the 2025-11-02 one), plus 2024: 767亿元.
  assert.equal(tencent.count, 2);
  const rows = res.rows;
  const v = (text: string) => rows.find((r) => r.text === text)!.baseValue!;
  assert.ok(Math.abs(tencent.value - (v('900亿元') + v('767亿元'))) < 1, `${tencent.value}`);
  assert.ok(!res.totals.some((t) => t.metric === 'market-size' || t.metric === 'price'));
  assert.equal(res.chart.kind, 'totals');
  assert.ok(res.chart.bars.some((b) => b.entityId === 'tencent' && b.metric === 'capex'));
  // Only prices and market sizes filtered: nothing adds up, the chart shows the largest facts.
  const sizes = queryFacts(factStoreOf(makeIndex()).all(), { filter: { metric: 'market-size' } }, USD);
  assert.deepEqual(sizes.totals, []);
  assert.equal(sizes.chart.kind, 'largest');
  assert.equal(sizes.chart.bars[0].row, 0);
});

test('paging, sorting, and limit 0 for everything (exports)', () => {
  const facts = () => factStoreOf(makeIndex()).all();
  const all = queryFacts(facts(), { limit: 0, sort: { key: 'date', dir: 1 } }, USD);
  assert.equal(all.rows.length, all.total);
  const dates = all.rows.map((r) => r.date!);
  assert.deepEqual(dates, [...dates].sort());
  const page = queryFacts(facts(), { offset: 2, limit: 2, sort: { key: 'date', dir: 1 } }, USD);
  assert.deepEqual(page.rows.map((r) => r.text), all.rows.slice(2, 4).map((r) => r.text));
  assert.equal(page.total, all.total);
});

test('the dossier: facts by metric and date, totals where they make sense, conflicts, statements as a source', () => {
  const index = makeIndex();
  const d = dossierOf(factStoreOf(index), 'tencent', gazetteer.get('tencent'), index.countsOf('tencent'), USD, 0.05);
  assert.equal(d.entity!.name, 'Tencent');
  assert.ok(d.entity!.names.includes('腾讯'));
  const capex = d.groups.find((g) => g.metric === 'capex')!;
  assert.deepEqual(capex.facts.map((f) => f.date), ['2025-11-02', '2026-01-14', '2026-01-20']);
  assert.equal(capex.total!.count, 2);
  assert.equal(d.conflicts.length, 1);
  assert.deepEqual([d.conflicts[0].a.text, d.conflicts[0].b.text, d.conflicts[0].period], ['800亿元', '900亿元', '2025']);
  const ampere = dossierOf(factStoreOf(index), 'ampere-computing', gazetteer.get('ampere-computing'), index.countsOf('ampere-computing'), USD, 0.05);
  assert.equal(ampere.groups[0].facts[0].role, 'counterparty');
  assert.equal(ampere.groups[0].total, null, 'a deal it is the target of is not its own money');
  const broker = dossierOf(factStoreOf(index), 'sh-601555', gazetteer.get('sh-601555'), index.countsOf('sh-601555'), USD, 0.05);
  assert.deepEqual(broker.stated.map((r) => r.text), ['1万亿元']);
});

test('consistency: a later note giving another value for the same subject, metric and period', () => {
  const index = makeIndex();
  const diags = consistencyDiagnostics(index.get('file:///ws/b.digest')!, index, DEFAULT_SETTINGS);
  assert.equal(diags.length, 1);
  assert.equal(diags[0].severity, 3);
  assert.equal(diags[0].code, 'inconsistent-fact');
  assert.equal(diags[0].message, 'Tencent capex 2025: 900亿元 (2026-01-14) here, but 800亿元 (2025-11-02) in a.digest');
  assert.equal(diags[0].relatedInformation![0].location.uri, 'file:///ws/a.digest');
  // The earlier note says nothing; the same value in another currency or rounded agrees.
  assert.deepEqual(consistencyDiagnostics(index.get('file:///ws/a.digest')!, index, DEFAULT_SETTINGS), []);
  const same = makeIndex({ 'a.digest': NOTES['a.digest'], 'd.digest': '腾讯2025年资本开支为112亿美元。\n\n2025-12-01\n', 'e.digest': '腾讯2025年资本开支为800.5亿元。\n\n2025-12-02\n' });
  for (const uri of ['file:///ws/d.digest', 'file:///ws/e.digest']) assert.deepEqual(consistencyDiagnostics(same.get(uri)!, same, DEFAULT_SETTINGS), [], uri);
  // Undated notes are never compared.
  const undated = makeIndex({ 'a.digest': NOTES['a.digest'], 'u.digest': '腾讯2025年资本开支为900亿元。\n' });
  assert.deepEqual(consistencyDiagnostics(undated.get('file:///ws/u.digest')!, undated, DEFAULT_SETTINGS), []);
});

test('values differ beyond rounding, in one currency', () => {
  const fact = (value: number, currency: string, date: string, min: number | null = null, max: number | null = null) =>
    ({ figure: { value, currency, min, max }, date }) as never;
  assert.equal(valuesDiffer(fact(8e10, 'CNY', '2025-11-02'), fact(9e10, 'CNY', '2026-01-14'), 0.05), true);
  assert.equal(valuesDiffer(fact(1.6e9, 'USD', '2025-11-02'), fact(1.6e9, 'USD', '2026-01-14'), 0.05), false);
  assert.equal(valuesDiffer(fact(8e10, 'CNY', '2025-11-02'), fact(8.05e10, 'CNY', '2026-01-14'), 0.05), false);
  assert.equal(valuesDiffer(fact(8e10, 'CNY', '2025-11-02', 7.5e10, 8.5e10), fact(8.4e10, 'CNY', '2026-01-14'), 0.05), false);
  assert.equal(valuesDiffer(fact(8e10, 'CNY', '2025-11-02'), fact(1.12e10, 'USD', '2026-01-14'), 0.05), false);
  assert.equal(valuesDiffer(fact(8e10, 'CNY', '2025-11-02'), fact(2e10, 'USD', '2026-01-14'), 0.05), true);
});

test('an entity is found by any name, alias or ticker, in any script; the label shows what matched', () => {
  const index = makeIndex({ ...NOTES, 'hk.digest': '騰訊控股(0700.HK)收報612.5港元。\n' });
  for (const q of ['騰訊', '腾讯', 'tencent', 'TENCENT', '0700', '700']) {
    const found = searchEntities(index, gazetteer, taxonomy, q);
    assert.equal(found[0]?.id, 'tencent', q);
  }
  assert.match(searchEntities(index, gazetteer, taxonomy, '騰訊')[0].matched ?? '', /騰訊/);
  assert.equal(searchEntities(index, gazetteer, taxonomy, 'Tencent')[0].matched, null);
  // Workspace symbols: the editor filters by label, so the matched alias is in it.
  for (const q of ['騰訊', '腾讯', '0700']) {
    const sym = workspaceSymbols(index, gazetteer, taxonomy, q)[0];
    assert.ok(sym.name.startsWith('Tencent'), sym.name);
    let j = 0;
    for (const ch of sym.name.toLowerCase()) if (ch === q.toLowerCase()[j]) j++;
    assert.equal(j, q.length, `${q} is a subsequence of ${sym.name}`);
  }
  assert.equal(workspaceSymbols(index, gazetteer, taxonomy, 'tenc')[0].name, 'Tencent');
});
