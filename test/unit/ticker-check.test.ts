/**
 * Tickers beside the wrong company (issue 17): the pure check (analysis/tickerCheck.ts) on
 * the three scripts and the cases it must stay quiet on, the replacement written the way the
 * wrong ticker was, the diagnostic's words in three languages, its quick fix, the hover on a
 * ticker; and the counts on the seeds, the dev set and the examples workspace.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../server/src/analysis/analyse';
import { builtinGazetteer, type Gazetteer } from '../../server/src/analysis/gazetteer';
import { parseUserEntities } from '../../server/src/analysis/userFiles/entities';
import { replacementTicker, tickerMismatches, writeTicker } from '../../server/src/analysis/tickerCheck';
import { WorkspaceIndex } from '../../server/src/index/workspaceIndex';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { hoverAt } from '../../server/src/features/hover';
import { nameIn, replaceTickerActions, tickerHoverLines, tickerMismatchDiagnostics } from '../../server/src/features/tickerMismatch';
import { Codes } from '../../server/src/features/diagnostics';
import { translator } from '../../server/src/l10n';
import { needShared } from '../helpers/requires';

const REPO = join(__dirname, '..', '..');
const g = builtinGazetteer();

/** The mismatches of a text: [ticker, named id, owner id, replacement]. */
function check(text: string, gz: Gazetteer = g): [string, string, string, string | null][] {
  const a = analyse(text, { gazetteer: gz });
  return tickerMismatches(text, a.mentions, gz).map((m) => [m.ticker, m.named.id, m.owner.id, m.replacement]);
}

test('a ticker of another company beside a name is found, in Simplified, Traditional and English', () => {
  assert.deepEqual(check('腾讯 (9988.HK) 发布财报。'), [['9988.HK', 'tencent', 'alibaba', '0700.HK']]);
  assert.deepEqual(check('腾讯(9988.HK)发布财报。'), [['9988.HK', 'tencent', 'alibaba', '0700.HK']]);
  assert.deepEqual(check('騰訊控股（9988.HK）公布業績。'), [['9988.HK', 'tencent', 'alibaba', '0700.HK']]);
  assert.deepEqual(check('Tencent (BABA) rose 3%.'), [['BABA', 'tencent', 'alibaba', '0700.HK']]);
  // Without brackets: the ticker is read as a mention of CATL right after 邁為股份.
  assert.deepEqual(check('邁為股份 SZ:300750 漲停。'), [['SZ:300750', 'maxwell', 'catl', 'SZ:300751']]);
  assert.deepEqual(check('宁德时代(300751)涨停'), [['300751', 'catl', 'maxwell', '300750']]);
  assert.deepEqual(check('英伟达(AMD)'), [['AMD', 'nvidia', 'amd', 'NVDA']]);
});

test('the name keeps its company: 腾讯 (9988.HK) is a mention of Tencent whose ticker is flagged', () => {
  const text = '腾讯 (9988.HK) 发布财报。';
  const m = analyse(text, { gazetteer: g }).mentions;
  assert.equal(m.length, 1);
  assert.equal(m[0].id, 'tencent');
  assert.equal(m[0].ticker, '9988.HK');
});

test('no mismatch for a company\'s own tickers, share classes, a unit and its parent, an unknown ticker, a short name', () => {
  for (const text of [
    '腾讯(0700.HK)发布财报',
    '騰訊控股（0700.HK）',
    '阿里巴巴(9988.HK)与阿里巴巴(BABA)',
    'Alibaba (NYSE: BABA) and Alibaba (9988.HK)',
    '邁為股份(SZ:300751)',
    '迈为股份 SZ:300751 涨停',
    '宁德时代(300750.SZ)、宁德时代(3750.HK)',
    '平头哥(9988.HK)',
    '蚂蚁集团(阿里巴巴, 9988.HK)',
    '腾讯(ZZZZ.HK)',
    '腾讯(123456)',
    '东京威力科创（TEL）',
    '0700.HK 上涨',
    'Tencent (0700.HK) and $BABA',
  ]) assert.deepEqual(check(text), [], text);
});

test('an ambiguous name, also one of the ticker\'s company, is not flagged', () => {
  // 软银 is SoftBank Group's name; a user company also called so, listed under 9434.T, makes it ambiguous.
  const user = parseUserEntities(JSON.stringify({ entities: [{ id: 'my-softbank', name: '软银', aliases: [], tickers: ['TSE:9434'], kind: 'listed' }] }), 'entities.json');
  assert.deepEqual(user.errors, []);
  const gz = g.withEntities(user.entities);
  assert.deepEqual(check('软银集团(9984.T)', gz), []);
});

test('the replacement is the named company\'s listing on the same exchange, else its first, written the same way', () => {
  const tencent = g.get('tencent')!;
  const baidu = g.get('baidu')!;
  assert.equal(replacementTicker(baidu, 'NASDAQ: BABA', 'NYSE'), 'NASDAQ: BIDU');
  assert.equal(replacementTicker(baidu, 'BABA', 'NYSE'), 'BIDU');
  assert.equal(replacementTicker(baidu, '9988.HK', 'HK'), '9888.HK');
  assert.equal(replacementTicker(baidu, 'HK:09988', 'HK'), 'HK:09888');
  assert.equal(replacementTicker(tencent, '$BABA', 'NYSE'), '0700.HK');
  assert.equal(writeTicker('HK:00700', 'bare', true), '00700');
  assert.equal(writeTicker('SZ:300750', 'suffix', false), '300750.SZ');
  assert.equal(writeTicker('TSE:9984', 'suffix', false), '9984.T');
  assert.equal(writeTicker('NASDAQ:NVDA', 'dollar', false), '$NVDA');
});

test('names in a script: Latin for English, Simplified and Traditional Chinese', () => {
  const tencent = g.get('tencent')!;
  assert.equal(nameIn(tencent, 'en'), 'Tencent');
  assert.equal(nameIn(tencent, 'simplified'), '腾讯');
  assert.equal(nameIn(tencent, 'traditional'), '騰訊');
  assert.equal(nameIn(g.get('alibaba')!, 'traditional'), '阿里巴巴');
});

function indexOf(texts: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex((text) => analyse(text, { gazetteer: g }));
  for (const [name, text] of Object.entries(texts)) index.set(`file:///ws/${name}`, text, null);
  return index;
}

test('the diagnostic: a Warning at the ticker, worded in English, Simplified and Traditional, the name as related information', () => {
  const index = indexOf({ 'a.digest': '2026-01-05\n腾讯 (9988.HK) 发布财报。\n' });
  const doc = index.get('file:///ws/a.digest')!;
  const en = tickerMismatchDiagnostics(doc, g, translator('en'));
  assert.equal(en.length, 1);
  assert.equal(en[0].code, Codes.tickerMismatch);
  assert.equal(en[0].severity, 2);
  assert.deepEqual(en[0].range, { start: { line: 1, character: 4 }, end: { line: 1, character: 11 } });
  assert.equal(en[0].message, '9988.HK is Alibaba’s ticker (阿里巴巴), not Tencent’s');
  assert.deepEqual(en[0].relatedInformation![0].location.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } });
  assert.deepEqual(en[0].data, { replacement: '0700.HK' });
  assert.equal(tickerMismatchDiagnostics(doc, g, translator('zh-cn'))[0].message, '9988.HK 是阿里巴巴的股票代码，不是腾讯的');
  assert.equal(tickerMismatchDiagnostics(doc, g, translator('zh-tw'))[0].message, '9988.HK 是阿里巴巴的股票代號，不是騰訊的');
  const english = indexOf({ 'b.digest': 'Tencent (BABA) rose.' }).get('file:///ws/b.digest')!;
  assert.equal(tickerMismatchDiagnostics(english, g, translator('en'))[0].message, 'BABA is Alibaba’s ticker, not Tencent’s');
  assert.equal(tickerMismatchDiagnostics(english, g, translator('zh-tw'))[0].message, 'BABA 是阿里巴巴（Alibaba）的股票代號，不是騰訊的');
});

test('the quick fix replaces the ticker with the named company\'s, and only where asked', () => {
  const index = indexOf({ 'a.digest': '騰訊控股（9988.HK）公布業績。' });
  const doc = index.get('file:///ws/a.digest')!;
  const diagnostics = tickerMismatchDiagnostics(doc, g, translator('zh-tw'));
  const [action] = replaceTickerActions(doc, g, 7, 7, diagnostics, translator('zh-tw'));
  assert.equal(action.title, '取代為 0700.HK');
  assert.equal(action.kind, 'quickfix');
  assert.deepEqual(action.diagnostics, diagnostics);
  assert.deepEqual(action.edit!.changes!['file:///ws/a.digest'], [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 12 } }, newText: '0700.HK' }]);
  assert.deepEqual(replaceTickerActions(doc, g, 0, 2, diagnostics), []);
});

test('a hover on a bare ticker names its company in the hover\'s script, its exchange and its other tickers', () => {
  assert.deepEqual(tickerHoverLines('0700.HK', g, translator('zh-tw')), ['代號 0700.HK：騰訊，香港交易所', '其他代號：TCEHY']);
  assert.deepEqual(tickerHoverLines('9988.HK', g, translator('en')), ['Ticker 9988.HK: Alibaba, Hong Kong Stock Exchange', 'Other tickers: BABA']);
  assert.deepEqual(tickerHoverLines('SZ:300751', g, translator('zh-cn')), ['代码 SZ:300751：迈为股份，深圳证券交易所']);
  assert.deepEqual(tickerHoverLines('BABA', g, translator('en')).slice(0, 1), ['Ticker BABA: Alibaba, New York Stock Exchange']);
  assert.deepEqual(tickerHoverLines('ZZZZ.HK', g), []);
  const index = indexOf({ 'a.digest': '0700.HK 上涨，TSLA 下跌。\n腾讯 (9988.HK) 发布财报。\n' });
  const doc = index.get('file:///ws/a.digest')!;
  const hover = (needle: string) => {
    const h = hoverAt(doc, doc.text.indexOf(needle) + 2, index, DEFAULT_SETTINGS, g, translator('en'));
    return (h!.contents as { value: string }).value.replace(/\\(.)/g, '$1');
  };
  assert.match(hover('0700.HK'), /Ticker 0700\.HK: Tencent, Hong Kong Stock Exchange/);
  assert.match(hover('TSLA'), /Ticker TSLA: Tesla, Nasdaq/);
  // The wrong ticker hovers as its own company, with the warning first.
  const wrong = hover('9988.HK');
  assert.match(wrong, /^\*\*Alibaba\*\*/);
  assert.match(wrong, /⚠ 9988\.HK is Alibaba’s ticker \(阿里巴巴\), not Tencent’s/);
});

/** Files under a folder, recursively. */
const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));

test('no mismatch in the seeds, the dev set or the examples workspace (each has only correct tickers)', (t) => {
  const seeds = needShared(t, 'seeds');
  if (!seeds) return;
  let tickers = 0;
  let found = 0;
  const count = (text: string, gz: Gazetteer) => {
    const a = analyse(text, { gazetteer: gz });
    tickers += a.mentions.filter((m) => m.ticker !== null).length;
    found += tickerMismatches(text, a.mentions, gz).length;
  };
  for (const f of readdirSync(seeds)) count(readFileSync(join(seeds, f), 'utf8'), g);
  for (const f of ['en', 'hans', 'hant']) {
    for (const item of JSON.parse(readFileSync(join(REPO, 'test', 'devset', `${f}.json`), 'utf8')).items) count(item.text, g);
  }
  const examples = join(REPO, 'examples');
  const user = parseUserEntities(readFileSync(join(examples, '.digestlens', 'entities.json'), 'utf8'), 'entities.json');
  const gz = g.withEntities(user.entities);
  for (const f of walk(examples)) if (f.includes('.digest')) count(readFileSync(f, 'utf8'), gz);
  assert.ok(tickers > 300, `tickers read: ${tickers}`);
  assert.equal(found, 0);
});
