import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datePattern, houseStyle, MAX_SECTIONS } from '../../server/src/analysis/houseStyle';
import { escapeSnippet, formatDateLine, renderTemplate, localDay, type TemplateWords } from '../../server/src/features/noteTemplateText';

const day = { year: 2026, month: 3, day: 5 }; // a Thursday
const zh: TemplateWords = { title: '标题', edition: '摘要' };
const en: TemplateWords = { title: 'Title', edition: 'Digest' };
const para = '腾讯第四季度营收 1,944 亿元,同比增长 11%,广告与游戏双双回暖。';

/** The date line today in the commonest style of these notes. */
const todayLine = (texts: string[]) => {
  const style = houseStyle(texts);
  assert.ok(style.date, 'a date style');
  return formatDateLine(style.date.parts, day);
};

test('ISO heading dates with an edition word: "# 2026-01-14 早报" at the top', () => {
  const notes = ['# 2026-01-14 早报\n\n## 公司\n' + para, '# 2026-01-15 早报\n\n## 公司\n' + para, '# 2026-01-16 早报 \n\n## 宏观\n' + para];
  const style = houseStyle(notes);
  assert.equal(style.date?.place, 'top');
  assert.equal(style.date?.notes, 3);
  assert.equal(todayLine(notes), '# 2026-03-05 早报');
  const t = renderTemplate(style, day, zh);
  assert.equal(t.text, '# 2026-03-05 早报\n\n## 公司\n\n\n');
  assert.equal(t.snippet, '# 2026-03-05 早报\n\n## 公司\n\n$1\n');
});

test('Chinese dates keep their form: 2026年1月14日 with 星期, 号, and a label', () => {
  assert.equal(todayLine(['2026年1月14日 星期三\n\n' + para, '2026年1月15日 星期四\n\n' + para]), '2026年3月5日 星期四');
  assert.equal(todayLine(['2026年1月4日 周日\n\n' + para]), '2026年3月5日 周四');
  assert.equal(todayLine(['日期：2026年1月14号\n\n' + para]), '日期：2026年3月5号');
  assert.equal(todayLine(['## 2026.01.14 晚報\n\n' + para]), '## 2026.03.05 晚報');
  assert.equal(todayLine(['2026/1/14\n\n' + para]), '2026/3/5');
});

test('English dates keep their order, month length and comma', () => {
  assert.equal(todayLine(['January 14, 2026\n\n' + para]), 'March 5, 2026');
  assert.equal(todayLine(['# Jan 14 2026 Morning Brief\n\n' + para]), '# Mar 5 2026 Morning Brief');
  assert.equal(todayLine(['14 January 2026 (Wed)\n\n' + para]), '5 March 2026 (Thu)');
});

test('a footer "date (weekday) · hash" keeps the weekday and drops the hash; the title above is a tab stop', () => {
  const notes = [
    '# 电池与矿产\n\n' + para + '\n\n2026-01-26 (Monday) · ebf1172247ae72b888cdf452c8c4bf46d8fc1267\n',
    '# AI 资本开支\n\n' + para + '\n\n2026-01-14 (Wednesday) · b0767d67a016268b7cc25337dc3991662b04bfeb\n',
  ];
  const style = houseStyle(notes);
  assert.equal(style.date?.place, 'footer');
  assert.equal(style.date?.titleMarks, '# ');
  const t = renderTemplate(style, day, zh);
  assert.equal(t.text, '# 标题\n\n\n\n2026-03-05 (Thursday)\n');
  assert.equal(t.snippet, '# ${1:标题}\n\n$2\n\n2026-03-05 (Thursday)\n');
});

test("one note's source name and clock time are not the style: \"36氪· 2026-01-27 08:25\"", () => {
  assert.deepEqual(datePattern('36氪· 2026-01-27 08:25'), [{ date: { kind: 'num', sep: '-', pad: true } }]);
  assert.equal(datePattern('2026年1月2日,壁仞科技作为港股当年首只新股上市'), null);
});

test('a date line after a title: the title is the first tab stop, the date follows it', () => {
  const notes = ['# 半导体周报\n2026-01-14\n\n## 公司\n' + para, '# 储能观察\n2026-01-21\n\n## 公司\n' + para, '# 宏观\n2026-01-28\n\n## 公司\n' + para];
  const t = renderTemplate(houseStyle(notes), day, zh);
  assert.equal(t.snippet, '# ${1:标题}\n2026-03-05\n\n## 公司\n\n$2\n');
});

test('mixed notes: the commonest date style wins, ties broken by the style itself, not by order', () => {
  const iso = (d: number) => `# 2026-01-${10 + d} 早报\n\n${para}`;
  const cn = (d: number) => `2026年1月${10 + d}日\n\n${para}`;
  const notes = [cn(1), iso(1), iso(2), cn(2), iso(3), 'January 3, 2026\n\n' + para, 'no date at all\n\n' + para];
  assert.equal(todayLine(notes), '# 2026-03-05 早报');
  assert.deepEqual(houseStyle(notes), houseStyle([...notes].reverse()));
  // Two against two: the same answer in either order.
  const tie = [cn(1), iso(1), cn(2), iso(2)];
  assert.equal(todayLine(tie), todayLine([...tie].reverse()));
});

test('sections: the most used headings (by notes), at most five, in their usual order', () => {
  const note = (heads: string[]) => '# 2026-01-14 早报\n\n' + heads.map((h) => `## ${h}\n${para}\n`).join('\n');
  const notes = [
    note(['宏观', '公司', 'AI', '半导体', '汇率', '一次性']),
    note(['宏观', '公司', 'AI', '半导体', '汇率', '储能']),
    note(['宏观', '公司', 'AI', '储能']),
    note(['公司', 'AI', '半导体', '储能', '也只一次']),
  ];
  const style = houseStyle(notes);
  assert.equal(style.sections.length, MAX_SECTIONS);
  // 公司 and AI are in 4 notes, 宏观 半导体 储能 in 3, 汇率 in 2 (left out: six would be too many).
  assert.deepEqual(style.sections.map((s) => s.title), ['宏观', '公司', 'AI', '半导体', '储能']);
  assert.deepEqual(style.sections.map((s) => s.notes), [3, 4, 4, 3, 3]);
  const t = renderTemplate(style, day, zh);
  assert.equal(t.snippet, '# 2026-03-05 早报\n\n## 宏观\n\n$1\n\n## 公司\n\n$2\n\n## AI\n\n$3\n\n## 半导体\n\n$4\n\n## 储能\n\n$5\n');
});

test("one note's headings are no one's sections once there are three notes; levels are kept", () => {
  const notes = ['# 2026-01-14\n\n### 观点\n' + para + '\n## 只此一篇\n', '# 2026-01-15\n\n### 观点\n' + para, '# 2026-01-16\n\n' + para];
  assert.deepEqual(houseStyle(notes).sections, [{ title: '观点', level: 3, notes: 2 }]);
  // Fewer notes: every heading counts; a level-1 title opening a note does not.
  assert.deepEqual(houseStyle(['# 周报\n\n## 核心观点\n' + para + '\n2026-01-25 (Sunday)\n']).sections.map((s) => s.title), ['核心观点']);
});

test('headings inside code fences and date headings are not sections', () => {
  const notes = ['# 2026-01-14\n\n```\n## 代码\n```\n## 2026-01-13 晚报\n## 公司\n' + para];
  assert.deepEqual(houseStyle(notes).sections.map((s) => s.title), ['公司']);
});

test('no notes, or no date line in them: an ISO date heading in the user\'s language, and a body', () => {
  const none = houseStyle([]);
  assert.deepEqual(none, { date: null, sections: [], notes: 0 });
  assert.equal(renderTemplate(none, day, en).snippet, '# 2026-03-05 Digest\n\n$1\n');
  assert.equal(renderTemplate(houseStyle(['随手记\n\n' + para]), day, zh).text, '# 2026-03-05 摘要\n\n\n');
});

test('headings and date words are escaped in the snippet, not in the text', () => {
  assert.equal(escapeSnippet('A $5 {x} \\ y'), 'A \\$5 {x\\} \\\\ y');
  const notes = ['# 2026-01-14\n\n## 成本 $ 与 {收益}\n' + para, '# 2026-01-15\n\n## 成本 $ 与 {收益}\n' + para];
  const t = renderTemplate(houseStyle(notes), day, zh);
  assert.ok(t.text.includes('## 成本 $ 与 {收益}\n'));
  assert.ok(t.snippet.includes('## 成本 \\$ 与 {收益\\}\n'));
  const withTitle = renderTemplate(houseStyle(['# 周报\n2026-01-14\n' + para]), day, { title: 'a$b}', edition: '' });
  assert.ok(withTitle.snippet.startsWith('# ${1:a\\$b\\}}\n'));
});

test("today is the clock's local day", () => {
  const now = new Date(2026, 0, 31, 23, 59);
  assert.deepEqual(localDay(now), { year: 2026, month: 1, day: 31 });
});

test('Traditional notes: 週 and 號 are kept as written', () => {
  assert.equal(todayLine(['2026年1月14號 週三\n\n' + para]), '2026年3月5號 週四');
});
