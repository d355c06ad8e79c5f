/**
 * The Entities view's mention rows, pure part (client/src/views/model.ts): grouping by note
 * with its date, short file names, the highlight of the mention, plain screen-reader text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupByNote, labelHighlight, plainText, shortFileName } from '../../client/src/views/model';
import type { MentionItem } from '../../protocol/src';

const m = (uri: string, line: number, date: string | null): MentionItem => ({
  uri,
  range: { start: { line, character: 0 }, end: { line, character: 2 } },
  text: '腾讯',
  snippet: '腾讯…',
  highlight: [0, 2],
  date,
});

test('mentions group by note, newest note first, undated last, each in document order', () => {
  const groups = groupByNote([
    m('file:///w/old.digest', 4, '2025-11-02'),
    m('file:///w/undated.digest', 1, null),
    m('file:///w/new.digest', 9, '2026-01-14'),
    m('file:///w/old.digest', 2, '2025-11-02'),
    m('file:///w/b-same-day.digest', 0, '2026-01-14'),
  ]);
  assert.deepEqual(
    groups.map((g) => [g.uri.slice(10), g.date, g.items.map((i) => i.range.start.line)]),
    [
      ['b-same-day.digest', '2026-01-14', [0]],
      ['new.digest', '2026-01-14', [9]],
      ['old.digest', '2025-11-02', [2, 4]],
      ['undated.digest', null, [1]],
    ],
  );
});

test('long hashed file names are shortened around an ellipsis, the extension kept', () => {
  assert.equal(shortFileName('3f2a9c0d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4ae1.digest.md'), '3f2a9c0d…4ae1.digest.md');
  assert.equal(shortFileName('0123456789abcdef0123456789abcdef.digest'), '01234567…cdef.digest');
  assert.equal(shortFileName('simplified.digest.md'), 'simplified.digest.md');
  assert.equal(shortFileName('traditional.digest.txt'), 'traditional.digest.txt');
  assert.equal(shortFileName('二〇二六年一月十四日科技与资本市场要闻摘要合集.md'), '二〇二六年一月十…摘要合集.md');
});

test('the highlight is clamped into the label, and dropped when empty', () => {
  assert.deepEqual(labelHighlight([3, 7], 20), [3, 7]);
  assert.deepEqual(labelHighlight([18, 30], 20), [18, 20]);
  assert.equal(labelHighlight([25, 30], 20), null);
  assert.equal(labelHighlight(undefined, 20), null);
});

test('screen-reader text has no HTML entities or Markdown escapes', () => {
  const s = plainText('Tencent,&nbsp;&nbsp;company, 4&nbsp;mentions \\*in\\* 3 files &amp; more');
  assert.equal(s, 'Tencent, company, 4 mentions *in* 3 files & more');
  assert.ok(!/&[#\w]+;/.test(s));
});
