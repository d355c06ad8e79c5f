/**
 * The mention rows' snippets (features/sidebar.ts): the line cut around the mention, and the
 * place of the mention in it, which the Entities view highlights.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { snippetAt, snippetSpanAt, SNIPPET_WIDTH } from '../../server/src/features/sidebar';

const marked = (s: { snippet: string; highlight: [number, number] }) => s.snippet.slice(0, s.highlight[0]) + '[' + s.snippet.slice(...s.highlight) + ']' + s.snippet.slice(s.highlight[1]);

test('a short line is shown whole with the mention marked', () => {
  const text = '# 标题\n\n  腾讯 2025 年资本开支为 597 亿元。\n下一行\n';
  const at = text.indexOf('腾讯');
  const s = snippetSpanAt(text, at, 2);
  assert.equal(s.snippet, '腾讯 2025 年资本开支为 597 亿元。');
  assert.equal(marked(s), '[腾讯] 2025 年资本开支为 597 亿元。');
  assert.equal(snippetAt(text, at, 2), s.snippet);
});

test('a long line is cut around the mention, which stays marked after the ellipsis', () => {
  const text = 'a'.repeat(200) + ' Tencent   booked capex ' + 'b'.repeat(200);
  const at = text.indexOf('Tencent');
  const s = snippetSpanAt(text, at, 7);
  assert.ok(s.snippet.startsWith('…') && s.snippet.endsWith('…'), s.snippet);
  assert.ok(s.snippet.length <= SNIPPET_WIDTH + 2, `${s.snippet.length}`);
  assert.equal(s.snippet.slice(...s.highlight), 'Tencent');
  assert.match(marked(s), /a \[Tencent\] booked capex b/);
});

test('the marked text is the mention for every position of a line with runs of spaces and astral characters', () => {
  const line = '𠮷野家  与\t腾讯控股   (0700.HK) 在 2026 年 1 月宣布 合作, 规模约 30 亿港元 ' + 'x'.repeat(90) + ' 騰訊 收尾';
  const text = `前一行\n${line}\n后一行`;
  for (const word of ['𠮷野家', '腾讯控股', '0700.HK', '30 亿港元', '騰訊', '收尾']) {
    const at = text.indexOf(word);
    for (const width of [20, 40, SNIPPET_WIDTH, 400]) {
      const s = snippetSpanAt(text, at, word.length, width);
      assert.equal(s.snippet.slice(...s.highlight), word, `${word} at width ${width}: ${marked(s)}`);
      assert.equal(s.snippet, snippetAt(text, at, word.length, width));
      assert.ok(!/\s\s|\n|\t/.test(s.snippet), s.snippet);
    }
  }
});
