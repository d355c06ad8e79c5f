import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { findDate, parseDateLine, parseDateLineIn } from '../../server/src/analysis/date';
import { join } from 'node:path';
import { needShared } from '../helpers/requires';

test('a footer date line wins (English digest with a weekday and a hash)', () => {
  const text = 'Chip makers raised prices again.\n\nMemory stays tight into 2027.\n\n2025-11-03 (Monday) · 9f8e7d6c5b4a\n';
  assert.equal(findDate(text), '2025-11-03');
});

test('an aggregation of "source · timestamp" lines gives the newest stamp', () => {
  const text = [
    '港股科技股午后走强', '财经快讯· 2025-12-18 09:30', '南向资金连续净买入,科技龙头获加仓。',
    '存储芯片涨价潮延续', '產業日報· 2025-12-19 14:05', '記憶體報價本週再漲,模組廠庫存偏低。',
    '光伏排产回落', '行业观察· 2025-12-17 20:00', '硅料价格企稳,组件排产环比下降。',
  ].join('\n');
  assert.equal(findDate(text), '2025-12-19');
});

test('Chinese, slashed and full-width forms on their own line', () => {
  assert.equal(findDate('本周要点\n\n2025年9月30日 星期二\n\n储能招标放量。'), '2025-09-30');
  assert.equal(findDate('週報\n發佈時間:2025/10/08\n正文'), '2025-10-08');
  assert.equal(findDate('２０２５年１２月１日\n内容'), '2025-12-01');
  assert.equal(parseDateLine('**Updated: 2025-10-08 21:02 UTC+8**'), '2025-10-08');
  assert.equal(parseDateLine('# 2025.07.04'), '2025-07-04');
});

test('dates in running prose and bare years are not the digest date', () => {
  assert.equal(findDate('2025年3月5日,某芯片公司在港交所挂牌,首日大涨。\n\n另一家公司计划于2025年内上市。'), null);
  assert.equal(findDate('3月12日马斯克在发布会上表示,2026–2030年将扩产。'), null);
  assert.equal(findDate('The 2026 plan runs to 2030.\n\nIn 2025 revenue doubled.'), null);
  assert.equal(findDate(''), null);
  assert.equal(parseDateLine('2025年'), null);
  assert.equal(parseDateLine('2025-10-08 收盘后公司发布公告称将回购股份'), null);
});

test('month and day are validated', () => {
  assert.equal(parseDateLine('2025-02-29'), null);
  assert.equal(parseDateLine('2024-02-29'), '2024-02-29');
  assert.equal(parseDateLine('2025-13-01'), null);
  assert.equal(parseDateLine('2025年4月31日'), null);
  assert.equal(parseDateLine('2025/6/7'), '2025-06-07');
  assert.equal(parseDateLine('2025-06/07'), null, 'mixed separators');
});

test('the seed digests give their gold dates', (t) => {
  const seeds = needShared(t, 'seeds');
  if (!seeds) return;
  const gold: Record<string, string | null> = { '000': '2026-01-07', '001': '2026-02-04', '002': '2026-01-27', '003': null, '004': null };
  for (const f of readdirSync(seeds)) {
    assert.equal(findDate(readFileSync(join(seeds, f), 'utf8')), gold[f.slice(0, 3)], f);
  }
});

test('header forms: slashes, Chinese, an edition name after the date, English month names', () => {
  assert.equal(findDate('2025/11/20\n\n光模块订单饱满。'), '2025-11-20');
  assert.equal(findDate('2025年11月20日\n\n储能电芯降价。'), '2025-11-20');
  assert.equal(findDate('2025-11-20 晨报\n\n算力租赁价格回升。'), '2025-11-20');
  assert.equal(findDate('2025-11-20 早間要聞\n\n晶圓代工漲價。'), '2025-11-20', 'Traditional edition names, two in a row');
  assert.equal(findDate('Nov 20, 2025\n\nMemory prices rose again.'), '2025-11-20');
  assert.equal(findDate('Evening Brief · November 20, 2025\n\nChips rallied.'), '2025-11-20');
  assert.equal(findDate('20 November 2025\n\nCopper hit a record.'), '2025-11-20');
  assert.equal(findDate('On Nov 20, 2025 the lender said profit fell.'), null, 'a date inside prose is not the header');
  assert.equal(findDate('2025-11-20 晨报告诉投资者\n'), null, 'an edition word must end the line');
});

test('a stated date wins over every guessed one', () => {
  assert.equal(findDate('---\ntitle: 周报\ndate: "2025-12-05"\n---\n2025-11-20 晨报\n正文'), '2025-12-05');
  assert.equal(findDate('2025-11-20 晨报\nDigest date: 2025-12-06\n正文'), '2025-12-06');
  assert.equal(findDate('摘要日期：2025年12月7日\n2025-11-20\n'), '2025-12-07');
  assert.equal(findDate('---\ndate: not a date\n---\n2025-11-20\n'), '2025-11-20', 'an unreadable stated date falls back to the guess');
});

test('parseDateLineIn reads a line in place as parseDateLine reads it sliced', () => {
  const text = ['**Updated: 2025-10-08 21:02 UTC+8**', '# 2025.07.04', '能源周刊· 2025-12-01 10:00', 'Nov 3, 2025', '2025年11月3日 星期一', '营收1200亿元', '', '２０２５－１１－０３'].join('\n');
  let a = 0;
  for (const line of text.split('\n')) {
    assert.equal(parseDateLineIn(text, a, a + line.length), parseDateLine(line), line);
    a += line.length + 1;
  }
});
