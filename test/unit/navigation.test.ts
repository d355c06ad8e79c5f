/**
 * Navigation features (definition, references, highlights, outline, workspace symbols,
 * rename) as pure functions over an in-memory WorkspaceIndex of the fixture workspace.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../server/src/analysis/analyse';
import { builtinGazetteer } from '../../server/src/analysis/gazetteer';
import { builtinTaxonomy } from '../../server/src/analysis/themes';
import { parseUserEntities } from '../../server/src/analysis/userFiles/entities';
import { WorkspaceIndex, type IndexedDoc } from '../../server/src/index/workspaceIndex';
import { entityAt } from '../../server/src/features/entityAt';
import { locateUserEntry } from '../../server/src/analysis/userFiles/entities';
import { definitionOf, earliestMention } from '../../server/src/features/definition';
import { referenceBatches, referencesOf } from '../../server/src/features/references';
import { highlightsAt } from '../../server/src/features/highlights';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { matchScore, workspaceSymbols } from '../../server/src/features/workspaceSymbols';
import { prepareRenameAt, renameEdit } from '../../server/src/features/rename';

const WS = join(__dirname, '..', 'fixtures', 'workspace');
const ENTITY_FILE = { uri: 'file:///ws/.digestlens/entities.json', text: readFileSync(join(WS, '.digestlens', 'entities.json'), 'utf8') };
const USER = parseUserEntities(ENTITY_FILE.text, 'entities.json').entities;
const gazetteer = builtinGazetteer().withEntities(USER);
const taxonomy = builtinTaxonomy();
const EN = 'file:///ws/english.digest';
const SC = 'file:///ws/simplified.digest.md';
const TC = 'file:///ws/traditional.digest.txt';

function fixtureIndex(extra: Record<string, string> = {}): WorkspaceIndex {
  const index = new WorkspaceIndex((text) => analyse(text, { gazetteer, taxonomy }));
  index.set(EN, readFileSync(join(WS, 'english.digest'), 'utf8'), null);
  index.set(SC, readFileSync(join(WS, 'simplified.digest.md'), 'utf8'), 3);
  index.set(TC, readFileSync(join(WS, 'traditional.digest.txt'), 'utf8'), null);
  for (const [uri, text] of Object.entries(extra)) index.set(uri, text, null);
  return index;
}

/** Offset of the n-th occurrence (0-based) of `needle`, plus `delta`. */
function at(doc: IndexedDoc, needle: string, n = 0, delta = 0): number {
  let i = -1;
  for (let k = 0; k <= n; k++) i = doc.text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `${needle} not in ${doc.uri}`);
  return i + delta;
}

const textAt = (index: WorkspaceIndex, loc: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }) => {
  const doc = index.get(loc.uri)!;
  const from = doc.lineStarts[loc.range.start.line] + loc.range.start.character;
  const to = doc.lineStarts[loc.range.end.line] + loc.range.end.character;
  return doc.text.slice(from, to);
};

test('entityAt finds a mention, end inclusive, and the ticker written right after it', () => {
  const index = fixtureIndex();
  const tc = index.get(TC)!;
  assert.equal(entityAt(tc, at(tc, '騰訊控股'))?.id, 'tencent');
  assert.equal(entityAt(tc, at(tc, '騰訊控股', 0, 4))?.id, 'tencent');
  assert.equal(entityAt(tc, at(tc, '0700.HK', 0, 3))?.id, 'tencent');
  assert.equal(entityAt(tc, at(tc, '0700.HK', 0, 7))?.id, 'tencent');
  // After the closing bracket the cursor is no longer on the ticker.
  assert.equal(entityAt(tc, at(tc, '週四')), undefined);
  // Figures and theme keywords are not entities.
  assert.equal(entityAt(tc, at(tc, '612.5')), undefined);
  assert.equal(entityAt(tc, at(tc, '港股')), undefined);
});

test('definition of a built-in company is its earliest-dated mention; undated digests sort last', () => {
  const index = fixtureIndex({ 'file:///ws/a-undated.digest': 'Tencent bought more GPUs.\n' });
  const first = earliestMention(index, 'tencent')!;
  assert.equal(first.uri, SC);
  assert.equal(first.mention.text, '腾讯');
  const loc = definitionOf(index, 'tencent')!;
  assert.equal(loc.uri, SC);
  assert.equal(textAt(index, loc), '腾讯');
  // Same date: the uri decides, then the offset.
  const tie = fixtureIndex({ 'file:///ws/0-same-day.digest': 'Tencent, then Tencent again.\n\n2026-01-14 (Wednesday) · 22b264f0d6a362fd5026b5307ff91a5b73b5b886\n' });
  const best = earliestMention(tie, 'tencent')!;
  assert.deepEqual([best.uri, best.mention.offset], ['file:///ws/0-same-day.digest', 0]);
});

test('the earliest-dated mention follows the index as documents are added, edited and removed', () => {
  const index = fixtureIndex();
  assert.equal(earliestMention(index, 'tencent')!.uri, SC);
  // An earlier digest added after the first answer: the kept answer must not outlive it.
  const early = 'file:///ws/z-early.digest';
  index.set(early, 'Tencent bought more GPUs.\n\n2020-01-02 (Thursday) · 22b264f0d6a362fd5026b5307ff91a5b73b5b886\n', 1);
  assert.equal(earliestMention(index, 'tencent')!.uri, early);
  // Its date edited away: undated, it sorts last again.
  index.set(early, 'Tencent bought more GPUs.\n', 2);
  assert.equal(earliestMention(index, 'tencent')!.uri, SC);
  index.set(early, 'Tencent bought more GPUs.\n\n2020-01-02 (Thursday) · 22b264f0d6a362fd5026b5307ff91a5b73b5b886\n', 3);
  assert.equal(index.earliestFileOf('tencent'), early);
  index.delete(early);
  assert.equal(index.earliestFileOf('tencent'), SC);
  assert.equal(index.earliestFileOf('no-such-entity'), undefined);
});

test('references list each location once, with ranges that cover the mention, across lines', () => {
  // Many mentions on many lines, some far apart: the forward line search must agree with the text.
  const lines: string[] = [];
  for (let k = 0; k < 400; k++) lines.push(k % 37 === 0 ? 'Tencent and Tencent again.' : k % 5 === 0 ? '' : 'Nothing here at all, only words.');
  const uri = 'file:///ws/many.digest';
  const index = fixtureIndex({ [uri]: lines.join('\n') });
  const locs = referencesOf(index, 'tencent', null, true).filter((l) => l.uri === uri);
  assert.equal(locs.length, 2 * Math.ceil(400 / 37));
  for (const l of locs) assert.equal(textAt(index, l), 'Tencent');
  assert.equal(new Set(locs.map((l) => `${l.range.start.line}:${l.range.start.character}`)).size, locs.length);
});

test('definition of a user entity is the "name" value in the entity file', () => {
  const index = fixtureIndex();
  const entity = USER[0];
  const loc = definitionOf(index, entity.id, { entity, file: ENTITY_FILE })!;
  assert.equal(loc.uri, ENTITY_FILE.uri);
  const line = ENTITY_FILE.text.split('\n')[loc.range.start.line];
  assert.equal(line.slice(loc.range.start.character, loc.range.end.character), '远澜算力');
  assert.match(line, /"name"/);
  // Without the file, it falls back to the earliest mention.
  assert.equal(definitionOf(index, entity.id, { entity, file: null })!.uri, SC);
});

test('locateUserEntry reads CSV files and entries without id', () => {
  const csv = 'id,name,aliases,tickers,kind\nacme,"Acme, Inc.",ACME Corp,,company\n,Beta Labs,,,company\n';
  const e = locateUserEntry(csv, 'entities.csv', 'acme', 'Acme, Inc.')!;
  assert.equal(csv.slice(e.name.offset, e.name.offset + e.name.length), 'Acme, Inc.');
  assert.deepEqual(e.aliases, ['ACME Corp']);
  const b = locateUserEntry(csv, 'entities.csv', 'user:beta-labs', 'Beta Labs')!;
  assert.equal(b.nameValue, 'Beta Labs');
  const json = '[{"name": "Gamma \\"G\\""}]';
  const g = locateUserEntry(json, 'entities.json', 'user:gamma-g', 'Gamma "G"')!;
  assert.equal(json.slice(g.name.offset, g.name.offset + g.name.length), 'Gamma \\"G\\"');
  assert.equal(locateUserEntry('[{"name": ', 'entities.json', 'x', 'x'), null);
});

test('references of Tencent span three files and three scripts, declaration honoured', () => {
  const index = fixtureIndex();
  const decl = definitionOf(index, 'tencent');
  const all = referencesOf(index, 'tencent', decl, true);
  assert.deepEqual(all.map((l) => [l.uri, textAt(index, l)]).sort(), [
    [EN, 'Tencent'], [EN, 'Tencent'], [SC, '腾讯'], [TC, '騰訊控股'],
  ].sort());
  assert.equal(all[0].uri, SC, 'the declaration comes first');
  const without = referencesOf(index, 'tencent', decl, false);
  assert.equal(without.length, 3);
  assert.ok(!without.some((l) => l.uri === SC));
  // A user entity's declaration is its entry, listed on top of the mentions.
  const entity = USER[0];
  const userDecl = definitionOf(index, entity.id, { entity, file: ENTITY_FILE });
  const refs = referencesOf(index, entity.id, userDecl, true);
  assert.deepEqual(refs.map((l) => l.uri), [ENTITY_FILE.uri, SC, TC]);
  assert.deepEqual(refs.slice(1).map((l) => textAt(index, l)), ['远澜算力', '遠瀾算力']);
  assert.equal(referencesOf(index, entity.id, userDecl, false).length, 2);
});

test('references stream in batches that add up to the whole answer, declaration first', () => {
  const index = fixtureIndex();
  const decl = definitionOf(index, 'tencent');
  for (const include of [true, false]) {
    const batches = [...referenceBatches(index, 'tencent', decl, include, 1, 2)];
    assert.deepEqual(batches.flat(), referencesOf(index, 'tencent', decl, include));
    assert.equal(batches[0].length, 1, 'the first batch is the small one');
    assert.ok(batches.slice(1, -1).every((b) => b.length === 2));
  }
  assert.equal([...referenceBatches(index, 'tencent', decl, true, 1, 2)][0][0], decl);
  assert.deepEqual([...referenceBatches(index, 'no-such-entity', null, true)], []);
});

test('highlights: every mention of the entity in the document, the one under the cursor as Text', () => {
  const index = fixtureIndex();
  const en = index.get(EN)!;
  const hl = highlightsAt(en, at(en, 'Microsoft', 1, 2))!;
  assert.equal(hl.length, 3);
  assert.deepEqual(hl.map((h) => h.kind), [2, 1, 2]);
  assert.equal(highlightsAt(en, at(en, '$37.5')), null);
});

test('document symbols: sections hold companies and figures; no sections gives Companies and Figures', () => {
  const index = fixtureIndex();
  const en = documentSymbols(index.get(EN)!);
  assert.equal(en.length, 1);
  assert.equal(en[0].name, 'Weekly notes: Tencent, NVIDIA, Microsoft');
  const companies = en[0].children!.filter((c) => c.kind === 5);
  assert.deepEqual(companies.map((c) => [c.name, c.detail]), [
    ['Tencent', '2 mentions'], ['NVIDIA', '2 mentions'], ['Microsoft', '3 mentions'], ['Anthropic', '1 mention'], ['Alibaba', '1 mention'],
  ]);
  const figures = en[0].children!.filter((c) => c.kind === 16);
  assert.ok(figures.some((f) => f.name === '59.7 billion yuan' && /CNY 59\.7 billion/.test(f.detail!)));
  const tc = documentSymbols(index.get(TC)!);
  assert.deepEqual(tc.map((s) => s.name), ['Companies', 'Figures']);
  assert.deepEqual(tc[0].children!.map((c) => c.name), ['Tencent', 'NVIDIA', 'TSMC', 'Alibaba', '远澜算力']);
  assert.equal(tc[1].children!.length, 8);
  // Every selectionRange lies inside its range (VS Code rejects the outline otherwise).
  const inside = (s: any): boolean =>
    (s.selectionRange.start.line > s.range.start.line || (s.selectionRange.start.line === s.range.start.line && s.selectionRange.start.character >= s.range.start.character)) &&
    (s.children ?? []).every(inside);
  assert.ok([...en, ...tc].every(inside));
});

test('matchScore ranks exact > prefix > substring > subsequence', () => {
  assert.deepEqual(['tencent', 'tencent holdings', 'a tencent', 't-e-n-c-e-n-t', 'tesla'].map((n) => matchScore('tencent', n)), [4, 3, 2, 1, 0]);
});

test('workspace symbols find Tencent by Traditional, Simplified, English name and by ticker', () => {
  const index = fixtureIndex();
  for (const q of ['騰訊', '腾讯', 'tencent', 'TENCENT', '0700']) {
    const found = workspaceSymbols(index, gazetteer, taxonomy, q);
    // The label is the name, plus the alias or ticker that matched when the name does not
    // contain the query: the editor filters symbols by label.
    assert.ok(found[0]?.name.startsWith('Tencent'), `${q}: ${found[0]?.name}`);
    assert.ok(found[0].name.toLowerCase().includes(q.toLowerCase()) || q === 'TENCENT', `${q}: ${found[0].name}`);
    assert.equal(found[0].kind, 5);
    assert.equal(found[0].containerName, '4 mentions in 3 files');
    assert.equal(found.filter((s) => s.name.startsWith('Tencent')).length, 1);
  }
  // Built-in companies absent from the digests are not listed.
  assert.deepEqual(workspaceSymbols(index, gazetteer, taxonomy, 'Apple').filter((s) => s.name === 'Apple'), []);
  const yuanlan = workspaceSymbols(index, gazetteer, taxonomy, '遠瀾');
  assert.equal(yuanlan[0].name, '远澜算力 · 遠瀾', 'known in one script only: the query as typed keeps it in the list');
  const themes = workspaceSymbols(index, gazetteer, taxonomy, 'semicon');
  assert.equal(themes[0].kind, 3);
  assert.equal(themes[0].name, 'Semiconductors and GPUs');
  const all = workspaceSymbols(index, gazetteer, taxonomy, '');
  assert.ok(all.length > 10 && all.length <= 200);
  const counts = all.map((s) => Number(/^(\d+)/.exec(s.containerName!)![1]));
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'empty query: most mentioned first');
});

test('prepareRename accepts a user entity and refuses a built-in one with a clear message', () => {
  const index = fixtureIndex();
  const tc = index.get(TC)!;
  const ok = prepareRenameAt(tc, at(tc, '遠瀾算力', 0, 1), USER);
  assert.ok('ok' in ok);
  assert.equal(ok.ok.placeholder, '远澜算力');
  const refused = prepareRenameAt(tc, at(tc, '騰訊控股', 0, 1), USER);
  assert.deepEqual(refused, { refused: 'Only entities from your entity file can be renamed; Tencent is built in.' });
  assert.ok('refused' in prepareRenameAt(tc, at(tc, '612.5'), USER));
});

test('rename edits the display-name mentions in every digest and the entity file, versions kept', () => {
  const index = fixtureIndex({ 'file:///ws/alias.digest': 'Yuanlan Compute and 远澜算力.\n' });
  const versions = new Map([[SC, 3], [ENTITY_FILE.uri, 7]]);
  const result = renameEdit(index, USER[0], '远澜智算', ENTITY_FILE, (u) => versions.get(u) ?? null);
  assert.ok('ok' in result);
  const changes = result.ok.documentChanges as any[];
  const byUri = new Map(changes.map((c) => [c.textDocument.uri, c]));
  assert.deepEqual([...byUri.keys()].sort(), ['file:///ws/alias.digest', ENTITY_FILE.uri, SC, TC].sort());
  assert.equal(byUri.get(SC).textDocument.version, 3);
  assert.equal(byUri.get(TC).textDocument.version, null);
  // The alias "Yuanlan Compute" is another spelling: only 远澜算力 is replaced.
  assert.equal(byUri.get('file:///ws/alias.digest').edits.length, 1);
  assert.equal(textAt(index, { uri: 'file:///ws/alias.digest', range: byUri.get('file:///ws/alias.digest').edits[0].range }), '远澜算力');
  // The old name is already an alias in the fixture: only the name changes.
  const file = byUri.get(ENTITY_FILE.uri);
  assert.equal(file.textDocument.version, 7);
  assert.equal(file.edits.length, 1);
  assert.equal(file.edits[0].newText, '远澜智算');
  assert.deepEqual(refusedOf(renameEdit(index, USER[0], '  ', ENTITY_FILE, () => null)), 'The new name is empty.');
});

function refusedOf(o: { refused: string } | { ok: unknown }): string | undefined {
  return 'refused' in o ? o.refused : undefined;
}

/** Applies TextEdits (single-line ranges are enough here) to a text. */
function apply(text: string, edits: { range: any; newText: string }[]): string {
  const lines = text.split('\n');
  const starts: number[] = [];
  let o = 0;
  for (const l of lines) { starts.push(o); o += l.length + 1; }
  const off = (p: any) => starts[p.line] + p.character;
  for (const e of [...edits].sort((a, b) => off(b.range.start) - off(a.range.start))) text = text.slice(0, off(e.range.start)) + e.newText + text.slice(off(e.range.end));
  return text;
}

test('rename keeps the old name as an alias in the entity file, with a minimal JSON edit', () => {
  const cases = [
    ['{"entities": [{"id": "q", "name": "Quokka", "aliases": ["Q Labs"]}]}', ['Q Labs', 'Quokka']],
    ['{"entities": [{"id": "q", "name": "Quokka", "aliases": []}]}', ['Quokka']],
    ['[{"id": "q", "name": "Quokka", "kind": "company"}]', ['Quokka']],
  ] as const;
  for (const [text, aliases] of cases) {
    const users = parseUserEntities(text, 'entities.json').entities;
    const g = builtinGazetteer().withEntities(users);
    const index = new WorkspaceIndex((t) => analyse(t, { gazetteer: g, taxonomy }));
    index.set('file:///ws/q.digest', 'Quokka raised money. Quokka again.\n', null);
    const result = renameEdit(index, users[0], 'Quokka "Q" AI', { uri: 'file:///ws/e.json', text }, () => null);
    assert.ok('ok' in result);
    const changes = result.ok.documentChanges as any[];
    assert.equal(changes.find((c) => c.textDocument.uri === 'file:///ws/q.digest').edits.length, 2);
    const after = apply(text, changes.find((c) => c.textDocument.uri === 'file:///ws/e.json').edits);
    const parsed = parseUserEntities(after, 'entities.json');
    assert.deepEqual(parsed.errors, [], after);
    assert.equal(parsed.entities[0].name, 'Quokka "Q" AI');
    assert.deepEqual(parsed.entities[0].names.slice(1), aliases);
  }
});
