import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSections } from '../../server/src/analysis/sections';

const titles = (text: string) => findSections(text).map((s) => s.title);
const body = '这是一段足够长的正文,用来说明上一行是标题而不是普通句子。正文继续描述行业的变化与公司的动向,长度超过六十个字符。'.repeat(2);

test('Markdown headings are sections, with line numbers and exact spans', () => {
  const text = '# 周报\n\n## 市场观察 ##\n内容\n#\n#不是标题\n```\n# code\n```\n';
  const sections = findSections(text);
  assert.deepEqual(sections.map((s) => [s.title, s.line]), [['周报', 0], ['市场观察', 2]]);
  for (const s of sections) assert.equal(text.slice(s.offset, s.offset + s.length), text.split('\n')[s.line].trim());
});

test('a short title followed by a "source · date" line is a section', () => {
  const text = ['Workflow', 'icon', '储能订单创新高', '能源周刊· 2025-12-01 10:00', body, '硅料价格企稳', '行业观察· 2025-12-02 08:00', body].join('\n');
  assert.deepEqual(titles(text), ['储能订单创新高', '硅料价格企稳']);
});

test('a short title above a long paragraph is a section, in every script', () => {
  const text = `記憶體漲價潮延續\n\n${body}\n\nWhy memory prices keep rising\n\n${'Memory makers report that contract prices rose again this quarter, and they expect the squeeze to last.'}\n`;
  assert.deepEqual(titles(text), ['記憶體漲價潮延續', 'Why memory prices keep rising']);
});

test('list items, sentences, navigation, file names and labels are not sections', () => {
  const text = [
    '← 返回 首页', '', body, '',
    '- 要点', '', body, '',
    '文章核心观点:', '', body, '',
    '这是一个完整的句子。', '', body, '',
    '1. 第一点', '', body, '',
    'chart-01.png', '', body, '',
    '短行', '另一短行', '',
  ].join('\n');
  assert.deepEqual(titles(text), []);
});

test('emphasis around a title is stripped', () => {
  assert.deepEqual(titles(`**投资策略:哑铃型配置**\n\n${body}`), ['投资策略:哑铃型配置']);
});

test('CRLF line ends, blank runs, fences and many short lines: the same titles at their exact spans', () => {
  const lines = ['## 概览 ##', '', '\u3000储能订单创新高\u3000', '', '', body, '```', '假标题', '', body, '```', '1亿', '', '腾讯', '$5', '硅料价格企稳', '行业观察· 2025-12-02 08:00', body];
  const text = lines.join('\r\n');
  const sections = findSections(text);
  assert.deepEqual(sections.map((s) => [s.title, s.line]), [['概览', 0], ['储能订单创新高', 2], ['硅料价格企稳', 15]]);
  for (const s of sections) assert.equal(text.slice(s.offset, s.offset + s.length), lines[s.line].replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''));
  // A note of nothing but short lines has no section, however long it is.
  assert.deepEqual(findSections('1亿\n\n腾讯\n$5\n'.repeat(2000)), []);
});
