/**
 * The note template (issue 17) over JSON-RPC against the real server: digestLens/noteTemplate
 * in the house style of each folder's notes, and the template completion item of a new note.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeWorkspace, startServer, uriOf, type TestServer } from './harness';

const para = '腾讯第四季度营收 1,944 亿元,同比增长 11%,广告与游戏双双回暖;宁德时代储能订单排到二季度。';

/** Today as the server sees it (the same machine's local day); either side of a midnight passes. */
function todays(): string[] {
  const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return [iso(new Date()), iso(new Date(Date.now() + 60_000))];
}

let root: string;
let morning: string;
let weekly: string;
let server: TestServer;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'digest-lens-tmpl-'));
  morning = join(root, 'morning');
  weekly = join(root, 'weekly');
  mkdirSync(morning);
  mkdirSync(weekly);
  const note = (date: string, heads: string[]) => `# ${date} 早报\n\n` + heads.map((h) => `## ${h}\n\n${para}\n`).join('\n');
  writeFileSync(join(morning, '2026-01-14.digest.md'), note('2026-01-14', ['宏观', '公司', 'AI']));
  writeFileSync(join(morning, '2026-01-15.digest.md'), note('2026-01-15', ['宏观', '公司', '汇率']));
  writeFileSync(join(morning, '2026-01-16.digest.md'), note('2026-01-16', ['公司', 'AI', '只此一篇']));
  const footer = (title: string, date: string, hash: string) => `# ${title}\n\n${para}\n\n${date} · ${hash}\n`;
  writeFileSync(join(weekly, 'a.digest.md'), footer('电池周报', '2026-01-26 (Monday)', 'ebf1172247ae72b888cdf452c8c4bf46d8fc1267'));
  writeFileSync(join(weekly, 'b.digest.md'), footer('AI 周报', '2026-01-14 (Wednesday)', 'b0767d67a016268b7cc25337dc3991662b04bfeb'));
  server = await startServer({ folder: morning, moreFolders: [{ path: weekly }], locale: 'zh-cn' });
});

after(async () => {
  await server.stop();
  removeWorkspace(root);
});

test("a folder's template: its date heading today, and its most used sections in their order", async () => {
  const res = await server.request('digestLens/noteTemplate', { uri: uriOf(morning) });
  assert.ok(todays().includes(res.date), res.date);
  assert.equal(res.notes, 3);
  assert.equal(res.text, `# ${res.date} 早报\n\n## 宏观\n\n\n\n## 公司\n\n\n\n## AI\n\n\n`);
  assert.equal(res.snippet, `# ${res.date} 早报\n\n## 宏观\n\n$1\n\n## 公司\n\n$2\n\n## AI\n\n$3\n`);
});

test("another folder's notes have their own style: a footer date with its weekday, a title tab stop", async () => {
  const res = await server.request('digestLens/noteTemplate', { uri: uriOf(join(weekly, 'new.digest.md')) });
  assert.equal(res.notes, 2);
  const weekday = new Date(`${res.date}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
  assert.equal(res.snippet, `# \${1:标题}\n\n$2\n\n${res.date} (${weekday})\n`);
});

test('bad or missing parameters answer with the whole workspace, never an error', async () => {
  for (const params of [{}, { uri: 42 }, null, { uri: 'untitled:Untitled-1' }]) {
    const res = await server.request('digestLens/noteTemplate', params);
    assert.equal(typeof res.snippet, 'string');
    assert.ok(res.text.length > 0);
  }
});

test('an empty new note is offered the template as a snippet completion, labelled in the user\'s language', async () => {
  const uri = uriOf(join(morning, 'today.digest.md'));
  server.open(uri, '');
  const list = await server.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } });
  const item = list.items.find((i: any) => i.label === '新建摘要笔记');
  assert.ok(item, JSON.stringify(list.items.map((i: any) => i.label)));
  assert.equal(item.insertTextFormat, 2);
  assert.equal(item.kind, 15);
  const expected = await server.request('digestLens/noteTemplate', { uri });
  assert.equal(item.textEdit.newText, expected.snippet);
  assert.deepEqual(item.textEdit.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  server.close(uri);
});

test('on the first line of an undated note the item is offered; once the note has a date line it is gone', async () => {
  const uri = uriOf(join(morning, 'draft.digest.md'));
  server.open(uri, '# 今');
  const first = await server.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 3 } });
  const item = first.items.find((i: any) => i.label === '新建摘要笔记');
  assert.ok(item);
  // Filtered by its label (the editor hides it while "# 今" is typed), ranked after the names.
  assert.equal(item.filterText, undefined);
  assert.equal(item.sortText, '~');
  assert.deepEqual(item.textEdit.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
  // Not on a later line of a note that has begun.
  server.change(uri, `# 今\n${para}`);
  const later = await server.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 2 } });
  assert.equal(later.items.find((i: any) => i.label === '新建摘要笔记'), undefined);
  server.change(uri, `# 2026-01-17 早报\n${para}`);
  const dated = await server.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 3 } });
  assert.equal(dated.items.find((i: any) => i.label === '新建摘要笔记'), undefined);
  server.close(uri);
});

test('a note added to a folder changes its style at once (the kept style is dropped when the index changes)', async () => {
  // The weekly folder: no note of it has been opened by another test.
  const before = await server.request('digestLens/noteTemplate', { uri: uriOf(weekly) });
  assert.equal(before.notes, 2);
  const uri = uriOf(join(weekly, 'c.digest.md'));
  server.open(uri, `# 汇率周报\n\n## 汇率\n\n${para}\n\n2026-01-21 (Wednesday) · 0123456789abcdef\n`);
  const res = await server.request('digestLens/noteTemplate', { uri: uriOf(weekly) });
  assert.equal(res.notes, 3);
  server.close(uri);
});

test('in a Traditional display language the item and the default template are Traditional', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'digest-lens-tmpl-empty-'));
  const tw = await startServer({ folder: empty, locale: 'zh-TW' });
  try {
    const res = await tw.request('digestLens/noteTemplate', { uri: uriOf(empty) });
    assert.equal(res.notes, 0);
    assert.equal(res.snippet, `# ${res.date} 摘要\n\n$1\n`);
    const uri = uriOf(join(empty, 'n.digest'));
    tw.open(uri, '');
    const list = await tw.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } });
    const item = list.items.find((i: any) => i.label === '新建摘要筆記');
    assert.ok(item);
    assert.equal(item.detail, '日期行和正文');
  } finally {
    await tw.stop();
    removeWorkspace(empty);
  }
});

test('a folder of more notes than the sample: its newest notes set the style, and a change among them is seen', async () => {
  const big = mkdtempSync(join(tmpdir(), 'digest-lens-tmpl-big-'));
  const day = (k: number) => `2025-${String(1 + Math.floor(k / 28)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')}`;
  for (let k = 0; k < 45; k++) writeFileSync(join(big, `${day(k)}.digest.md`), `# ${day(k)} 早报\n\n## 公司\n\n${para}\n`);
  const s = await startServer({ folder: big });
  try {
    const ask = () => s.request('digestLens/noteTemplate', { uri: uriOf(big) });
    assert.equal((await ask()).notes, 40);
    // A newer note in another style enters the sample.
    const newest = uriOf(join(big, 'newest.digest.md'));
    s.open(newest, `2026年1月14日\n\n## 公司\n\n${para}\n`);
    assert.equal((await ask()).notes, 39);
    // An undated note being typed, and an old note, change nothing.
    const draft = uriOf(join(big, 'draft.digest.md'));
    s.open(draft, '今天');
    s.change(draft, '今天的');
    assert.equal((await ask()).notes, 39);
    // A sampled note rewritten in the other style is seen at once.
    const sampled = uriOf(join(big, `${day(44)}.digest.md`));
    s.open(sampled, `2026年1月13日\n\n${para}\n`);
    const res = await ask();
    assert.equal(res.notes, 38);
    assert.ok(res.text.startsWith('# ') && res.text.includes(' 早报\n'), res.text);
  } finally {
    await s.stop();
    removeWorkspace(big);
  }
});
