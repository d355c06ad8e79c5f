import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldText } from '../../server/src/analysis/text';
import { findMentions } from '../../server/src/analysis/entities';
import { builtinGazetteer } from '../../server/src/analysis/gazetteer';

const gz = builtinGazetteer();

test('the new rules stay linear on hostile input', () => {
  const inputs = [
    '据'.repeat(60000) + '报道',
    '其中微软'.repeat(30000),
    '茅台五粮液'.repeat(30000),
    'CEO '.repeat(40000) + 'Jane Doe',
    '董事长'.repeat(40000) + '王一',
    'led by Quillwort, '.repeat(10000),
    '澜图集团(Lantuo Group)。'.repeat(8000),
    '柯文科技(2677)'.repeat(10000),
    'Shares of Zed '.repeat(20000),
    '300750涨停'.repeat(20000),
  ];
  for (const text of inputs) {
    const t = performance.now();
    findMentions(text, foldText(text), gz, []);
    const ms = performance.now() - t;
    assert.ok(ms < 3000, `${text.slice(0, 12)}…: ${ms.toFixed(0)} ms`);
  }
});
