/**
 * The pure and file-level parts of issue 16's server reads: the inside-the-folder check of
 * user files (links at the end of the path and on the way), the on-demand digest reader's
 * size cap (a sparse 1 GB file is refused from its size, not read), and the entity file's
 * warnings for one-character names and aliases, which the gazetteer never matches.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdirSync, mkdtempSync, openSync, ftruncateSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertInsideFolder, OutsideFolderError } from '../../server/src/io/insideFolder';
import { nodeDisk, readDigestText } from '../../server/src/index/disk';
import { parseUserEntities } from '../../server/src/analysis/userFiles/entities';
import { analyse } from '../../server/src/analysis/analyse';
import { builtinGazetteer } from '../../server/src/analysis/gazetteer';

const HAS_LINKS = process.platform !== 'win32';

function folders(): { root: string; ws: string; outside: string; done: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'digest-lens-reach-'));
  const ws = join(root, 'ws');
  const outside = join(root, 'outside');
  mkdirSync(join(ws, '.digestlens'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.json'), '[{"name":"Outside Corp"}]');
  return { root, ws, outside, done: () => rmSync(root, { recursive: true, force: true }) };
}

test('a user file inside its folder passes; a link out of it, at the end or on the way, is refused with where it leads', { skip: !HAS_LINKS && 'needs symlinks' }, async () => {
  const f = folders();
  try {
    const plain = join(f.ws, '.digestlens', 'entities.json');
    writeFileSync(plain, '[]');
    await assertInsideFolder(plain, f.ws);
    // A link that stays inside is fine.
    symlinkSync(plain, join(f.ws, 'inner.json'));
    await assertInsideFolder(join(f.ws, 'inner.json'), f.ws);
    // A link at the end of the path, and a linked folder on the way.
    symlinkSync(join(f.outside, 'secret.json'), join(f.ws, 'out.json'));
    symlinkSync(f.outside, join(f.ws, 'linked'));
    for (const path of [join(f.ws, 'out.json'), join(f.ws, 'linked', 'secret.json')]) {
      await assert.rejects(assertInsideFolder(path, f.ws), (e: unknown) => e instanceof OutsideFolderError && e.code === 'EOUTSIDE' && e.target === join(f.outside, 'secret.json'));
      await assert.rejects(nodeDisk.readText(path, f.ws), OutsideFolderError);
      // Without a folder to stay in (an absolute rates file of the user's settings), it is read.
      assert.match(await nodeDisk.readText(path), /Outside Corp/);
    }
    // A sibling whose name starts like the folder's is outside too ("ws" and "ws-other").
    mkdirSync(join(f.root, 'ws-other'));
    writeFileSync(join(f.root, 'ws-other', 'x.json'), '[]');
    symlinkSync(join(f.root, 'ws-other', 'x.json'), join(f.ws, 'sibling.json'));
    await assert.rejects(assertInsideFolder(join(f.ws, 'sibling.json'), f.ws), OutsideFolderError);
    // A workspace opened through a link to it: its own files are inside.
    symlinkSync(f.ws, join(f.root, 'ws-link'));
    await assertInsideFolder(join(f.root, 'ws-link', '.digestlens', 'entities.json'), join(f.root, 'ws-link'));
    // Missing and dangling: the system's error (the loader treats it as no file).
    await assert.rejects(assertInsideFolder(join(f.ws, 'none.json'), f.ws), { code: 'ENOENT' });
    symlinkSync(join(f.outside, 'gone.json'), join(f.ws, 'dangling.json'));
    await assert.rejects(assertInsideFolder(join(f.ws, 'dangling.json'), f.ws), { code: 'ENOENT' });
  } finally {
    f.done();
  }
});

test('the on-demand text of a digest that grew past the size cap is not read: a sparse 1 GB file gives null at once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'digest-lens-sparse-'));
  try {
    const path = join(dir, 'big.digest');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 1024 ** 3);
    closeSync(fd);
    const before = process.memoryUsage().rss;
    assert.equal(readDigestText(nodeDisk, path, 2 * 1024 * 1024), null);
    assert.ok(process.memoryUsage().rss - before < 100 * 1024 * 1024, 'the gigabyte was not read');
    const small = join(dir, 'small.digest');
    writeFileSync(small, '腾讯 2025 年资本开支 597 亿元。\n');
    assert.equal(readDigestText(nodeDisk, small, 2 * 1024 * 1024), '腾讯 2025 年资本开支 597 亿元。\n');
    assert.equal(readDigestText(nodeDisk, small, 10), null, 'over a cap of 10 bytes');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('one-character aliases are left out with a warning at their place, in JSON and CSV; a one-character name is kept and warned about', () => {
  const json = '[{"name": "Zorblax Holdings", "aliases": ["佐布拉克斯", "的", "𠀀"]}, {"name": "X", "aliases": ["X Corp"]}]';
  const parsed = parseUserEntities(json, 'entities.json');
  assert.deepEqual(parsed.entities.map((e) => e.names), [['Zorblax Holdings', '佐布拉克斯'], ['X', 'X Corp']]);
  assert.deepEqual(
    parsed.errors.map((e) => [e.column, e.severity, e.message.replace(/ is a single character: .*/, '')]),
    [
      [json.indexOf('"的"') + 1, 'warning', 'Alias "的"'],
      [json.indexOf('"𠀀"') + 1, 'warning', 'Alias "𠀀"'],
      [json.indexOf('"X"') + 1, 'warning', 'Name "X"'],
    ],
  );
  const csv = 'id,name,aliases,tickers,kind\nzb,Zorblax Holdings,佐布拉克斯|的,,company\n';
  const fromCsv = parseUserEntities(csv, 'entities.csv');
  assert.deepEqual(fromCsv.entities[0].names, ['Zorblax Holdings', '佐布拉克斯']);
  assert.equal(fromCsv.errors.length, 1);
  assert.equal(fromCsv.errors[0].severity, 'warning');
  assert.equal(fromCsv.errors[0].line, 2);
  // Two characters are a name (宁德 is how notes write CATL): no warning.
  assert.deepEqual(parseUserEntities('[{"name": "宁德时代", "aliases": ["宁德"]}]', 'e.json').errors, []);
});

test('a one-character name never matches in a note, whatever its script; its longer alias does', () => {
  const g = builtinGazetteer().withEntities([
    { id: 'user:x', name: 'X', kind: 'company', names: ['X', '的', 'X Corp'], tickers: [], origin: 'user' },
  ]);
  const a = analyse('# 2025-03-18\n\nX Corp 的 X 平台的用户增长。\n', { gazetteer: g });
  const mine = a.mentions.filter((m) => m.id === 'user:x').map((m) => m.text);
  assert.deepEqual(mine, ['X Corp']);
});
