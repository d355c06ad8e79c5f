// The Entities and Themes views' data, read through the providers the extension registered
// (api.entitiesView / api.themesView): the nodes VS Code would ask for and the tree items
// it would show, in the default workspace scope.
'use strict';
const assert = require('assert');
const { log } = require('./index');
const { ready } = require('./helpers');

/** A tree item's label as text (labels may be a string or {label, highlights}). */
const label = (item) => (typeof item.label === 'string' ? item.label : item.label && item.label.label);

test('Entities view: kinds, then Tencent with 4 mentions in 3 files, then its mentions', async () => {
  const api = await ready();
  const view = api.entitiesView;
  assert.strictEqual(api.sidebar().scope, 'workspace', 'the views start in workspace scope');
  const kinds = await view.getChildren();
  assert.ok(kinds.length > 0, 'the Entities view is empty');
  assert.ok(kinds.every((k) => k.type === 'kind'), `roots: ${kinds.map((k) => k.type)}`);
  const companies = kinds.find((k) => k.group.kind === 'company');
  assert.ok(companies, `no company kind among ${kinds.map((k) => k.group.kind)}`);
  assert.strictEqual(label(view.getTreeItem(companies)), 'Companies');

  const entities = await view.getChildren(companies);
  const byId = new Map(entities.map((e) => [e.entity.id, e]));
  log(`    companies: ${entities.map((e) => `${e.entity.name} (${e.entity.mentions}/${e.entity.files})`).join(', ')}`);
  const tencent = byId.get('tencent');
  assert.ok(tencent, `no tencent among ${[...byId.keys()]}`);
  assert.strictEqual(tencent.entity.files, 3);
  assert.strictEqual(tencent.entity.mentions, 4);
  const item = view.getTreeItem(tencent);
  assert.match(label(item), /Tencent|腾讯|騰訊/);
  assert.strictEqual(item.description, '4 mentions in 3 files');
  // Counts of the other cross-file companies (EXPECTED.md).
  assert.strictEqual(byId.get('nvidia')?.entity.files, 3);
  assert.strictEqual(byId.get('microsoft')?.entity.mentions, 3);
  assert.strictEqual(byId.get('microsoft')?.entity.files, 1);
  assert.strictEqual(view.getTreeItem(byId.get('microsoft')).description, '3 mentions');
  // The user entity is found in both Chinese files, once through Traditional→Simplified folding.
  const all = (await Promise.all(kinds.map((k) => view.getChildren(k)))).flat();
  const yuanlan = all.find((e) => e.entity.id === 'yuanlan-compute');
  assert.ok(yuanlan, 'the user entity yuanlan-compute is not listed');
  assert.strictEqual(yuanlan.entity.files, 2);

  // Its notes (by date), then the mentions in each: file:line of every mention.
  const notes = await view.getChildren(tencent);
  const mentions = (await Promise.all(notes.map((n) => view.getChildren(n)))).flat();
  assert.strictEqual(mentions.length, 4);
  const labels = mentions.map((m) => `${m.item.uri.replace(/^.*\//, '')}:${view.getTreeItem(m).description.replace('line ', '')}`).sort();
  assert.deepStrictEqual(labels, ['english.digest:1', 'english.digest:3', 'simplified.digest.md:3', 'traditional.digest.txt:3']);
  const open = view.getTreeItem(mentions[0]).command;
  assert.strictEqual(open && open.command, 'digestLens.openLocation');
});

test('Themes view: AI infrastructure in all three files, with hits per file', async () => {
  const api = await ready();
  const view = api.themesView;
  const themes = await view.getChildren();
  assert.ok(themes.length > 0, 'the Themes view is empty');
  log(`    themes: ${themes.map((t) => `${t.theme.label} (${t.theme.mentions}/${t.theme.files})`).join(', ')}`);
  // Sorted by count: the most mentioned theme comes first.
  for (let i = 1; i < themes.length; i++) assert.ok(themes[i - 1].theme.mentions >= themes[i].theme.mentions, 'themes are not sorted by count');
  const ai = themes.find((t) => t.theme.id === 'ai-infrastructure');
  assert.ok(ai, `no ai-infrastructure among ${themes.map((t) => t.theme.id)}`);
  assert.strictEqual(ai.theme.files, 3);
  const item = view.getTreeItem(ai);
  assert.match(label(item), /AI infrastructure/);
  assert.strictEqual(item.description, `${ai.theme.mentions} mentions in 3 files`);

  const files = await view.getChildren(ai);
  assert.deepStrictEqual(files.map((f) => label(view.getTreeItem(f))), ['english.digest', 'simplified.digest.md', 'traditional.digest.txt']);
  const hits = (await Promise.all(files.map((f) => view.getChildren(f)))).flat();
  assert.strictEqual(hits.length, ai.theme.mentions, 'the hits under the files do not add up to the theme count');
  assert.ok(hits.every((h) => h.type === 'hit' && h.item.text.length > 0));
});
