/**
 * The first-use heuristic (client/src/digestLike.ts) and the bounded sampling of a folder's
 * notes (client/src/noteSampler.ts): digests in three scripts qualify, READMEs, changelogs
 * and prose do not; a 10,000-file folder is judged from a bounded sample, quickly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { folderLooksLikeDigests, includeGlobsFor, looksLikeDigest, noteSignals } from '../../client/src/digestLike';
import { assessFolder, listNotes, readPrefix, spread } from '../../client/src/noteSampler';

const SIMPLIFIED = `2025年8月28日

英伟达公布二季度营收 467 亿美元，同比增长 56%。
腾讯控股（00700.HK）宣布 2025 年资本开支约 1,350 亿元人民币，主要投向 AI 算力。
宁德时代拟在港交所发行 H 股，募资不超过 50 亿港元。
`;

const TRADITIONAL = `2025年9月3日

台積電8月營收新臺幣3,357.7億元，年增33.8%。
鴻海集團宣布斥資約 10 億美元擴建美國伺服器廠。
聯發科（2454.TW）上半年每股盈餘 34.5 元。
`;

const ENGLISH = `Aug 28, 2025

Nvidia reported revenue of $46.7B for the quarter, up 56%.
Alibaba Group will spend RMB 380bn on cloud and AI infrastructure over three years.
HSBC Holdings (HSBA) booked a HK$4.19B charge; Tencent (0700.HK) bought back $538M of stock.
`;

const README = `# fast-glob-helper

A tiny helper for globbing files. Released 2025-08-28.

## Install

    $ npm install fast-glob-helper

## Usage

Call \`glob("**/*.md")\` and iterate the results. See CHANGELOG.md for what changed.

## License

MIT © 2025 Example Ltd.
`;

const CHANGELOG = `# Changelog

## 2.3.0 - 2025-08-28
- Faster startup (about 30% on large folders).
- Fixed a crash when the config file is empty.

## 2.2.1 - 2025-07-02
- Docs: clarified the install steps.
`;

const PROSE_ZH = `周末去了一趟杭州，西湖边人很多。下午在龙井村喝茶，店家说今年的新茶卖五十元一两，
比去年贵了一点。晚上回上海，高铁票价七十多元。总的来说是很轻松的一天。`;

const MEETING = `2025-08-28 team meeting

- Alice: finish the onboarding guide
- Bob: review the budget; the venue costs $500
- Next meeting on Thursday
`;

test('Simplified, Traditional and English digests look like digests', () => {
  for (const [name, text] of [['simplified', SIMPLIFIED], ['traditional', TRADITIONAL], ['english', ENGLISH]]) {
    const s = noteSignals(text);
    assert.ok(s.dated, `${name} is dated`);
    assert.ok(s.money >= 2, `${name} has amounts: ${JSON.stringify(s)}`);
    assert.ok(s.companies >= 1, `${name} names companies: ${JSON.stringify(s)}`);
    assert.equal(looksLikeDigest(text), true, name);
  }
});

test('an undated but dense digest qualifies; a dated note with one amount does not', () => {
  const undated = SIMPLIFIED.replace('2025年8月28日', '') + '比亚迪8月销量对应收入约 600 亿元。小米集团回购 20 亿港元股份。';
  assert.equal(looksLikeDigest(undated), true);
  assert.equal(looksLikeDigest(MEETING), false);
});

test('READMEs, changelogs, prose and meeting notes do not look like digests', () => {
  for (const [name, text] of [['readme', README], ['changelog', CHANGELOG], ['prose', PROSE_ZH], ['meeting', MEETING], ['empty', ''], ['short', '2025-08-28 $5 Inc.']]) {
    assert.equal(looksLikeDigest(text), false, name);
  }
});

test('a folder qualifies with three digest-like notes, or a quarter of those sampled', () => {
  assert.equal(folderLooksLikeDigests(0, 0), false);
  assert.equal(folderLooksLikeDigests(0, 10), false);
  assert.equal(folderLooksLikeDigests(1, 1), true);
  assert.equal(folderLooksLikeDigests(1, 4), true);
  assert.equal(folderLooksLikeDigests(1, 5), false);
  assert.equal(folderLooksLikeDigests(3, 40), true);
});

test('the include globs cover the extensions found below the common folder', () => {
  assert.deepEqual(includeGlobsFor(['notes/2025/a.md', 'notes/2024/b.txt', 'notes/c.md']), ['notes/**/*.md', 'notes/**/*.txt']);
  assert.deepEqual(includeGlobsFor(['a.md', 'notes/b.md']), ['**/*.md']);
  assert.deepEqual(includeGlobsFor(['digests/x/A.MD']), ['digests/x/**/*.md']);
  assert.deepEqual(includeGlobsFor([]), []);
});

test('spread picks evenly over the list', () => {
  assert.deepEqual(spread([1, 2, 3], 5), [1, 2, 3]);
  assert.deepEqual(spread([0, 1, 2, 3, 4, 5, 6, 7], 4), [0, 2, 4, 6]);
});

function tempFolder(): string {
  return mkdtempSync(join(tmpdir(), 'digest-lens-notes-'));
}

test('a folder of plain digests gets the offer, with globs for its notes; digest files and tool folders are not sampled', async () => {
  const dir = tempFolder();
  try {
    mkdirSync(join(dir, 'notes'));
    mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(dir, 'README.md'), README);
    writeFileSync(join(dir, 'notes', '0828.md'), SIMPLIFIED);
    writeFileSync(join(dir, 'notes', '0903.txt'), TRADITIONAL);
    writeFileSync(join(dir, 'notes', 'en.md'), ENGLISH);
    writeFileSync(join(dir, 'notes', 'old.digest.md'), SIMPLIFIED);
    writeFileSync(join(dir, 'node_modules', 'pkg', 'README.md'), ENGLISH);
    assert.deepEqual(await listNotes(dir, 1000), ['README.md', 'notes/0828.md', 'notes/0903.txt', 'notes/en.md']);
    const a = await assessFolder(dir);
    assert.equal(a.offer, true);
    assert.deepEqual(a.digestLike, ['notes/0828.md', 'notes/0903.txt', 'notes/en.md']);
    assert.deepEqual(a.globs, ['notes/**/*.md', 'notes/**/*.txt']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a folder of ordinary markdown gets no offer', async () => {
  const dir = tempFolder();
  try {
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'README.md'), README);
    writeFileSync(join(dir, 'CHANGELOG.md'), CHANGELOG);
    writeFileSync(join(dir, 'docs', 'trip.md'), PROSE_ZH);
    writeFileSync(join(dir, 'docs', 'meeting.txt'), MEETING);
    const a = await assessFolder(dir);
    assert.equal(a.sampled, 4);
    assert.deepEqual(a.digestLike, []);
    assert.equal(a.offer, false);
    assert.deepEqual(a.globs, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('only a prefix of each note is read; binary files are not notes', async () => {
  const dir = tempFolder();
  try {
    writeFileSync(join(dir, 'long.md'), '腾讯'.repeat(5000));
    writeFileSync(join(dir, 'bin.txt'), Buffer.from([0x41, 0, 0x42]));
    const text = await readPrefix(join(dir, 'long.md'), 4096);
    assert.ok(text !== null && Buffer.byteLength(text) <= 4096 && !text.includes('\uFFFD'));
    assert.equal(await readPrefix(join(dir, 'bin.txt'), 4096), null);
    assert.equal(await readPrefix(join(dir, 'missing.md'), 4096), null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a 10,000-file folder is judged from a bounded sample in little time', async () => {
  const dir = tempFolder();
  try {
    for (let d = 0; d < 100; d++) {
      const sub = join(dir, `d${String(d).padStart(3, '0')}`);
      mkdirSync(sub);
      for (let f = 0; f < 100; f++) writeFileSync(join(sub, `n${f}.md`), f % 2 ? ENGLISH : SIMPLIFIED);
    }
    const started = performance.now();
    const a = await assessFolder(dir);
    const ms = performance.now() - started;
    assert.ok(a.found < 10_000, `the walk stopped early (${a.found} notes listed)`);
    assert.equal(a.sampled, 40);
    assert.equal(a.offer, true);
    assert.deepEqual(a.globs, ['**/*.md']);
    // Bounded work: ~5,000 directory entries and 40 reads of 4 KB; generous for a loaded CI box.
    assert.ok(ms < 1500, `took ${ms.toFixed(0)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the offer speaks English, Simplified and Traditional Chinese: every string of firstUse.ts is in the three bundles', async () => {
  const { readFileSync } = await import('node:fs');
  const repo = join(__dirname, '..', '..');
  const source = readFileSync(join(repo, 'client', 'src', 'firstUse.ts'), 'utf8');
  const keys = [...source.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\'/g, "'"));
  assert.ok(keys.length >= 5, `strings found: ${keys.length}`);
  const bundle = (name: string) => JSON.parse(readFileSync(join(repo, 'l10n', name), 'utf8')) as Record<string, string>;
  const en = bundle('bundle.l10n.json');
  const cn = bundle('bundle.l10n.zh-cn.json');
  const tw = bundle('bundle.l10n.zh-tw.json');
  for (const k of keys) {
    assert.equal(en[k], k, `English bundle: ${k}`);
    assert.ok(cn[k] && /[\u4e00-\u9fff]/.test(cn[k]), `zh-cn translation of: ${k}`);
    assert.ok(tw[k] && /[\u4e00-\u9fff]/.test(tw[k]), `zh-tw translation of: ${k}`);
    for (const placeholder of k.match(/\{\d\}/g) ?? []) {
      assert.ok(cn[k].includes(placeholder) && tw[k].includes(placeholder), `placeholder ${placeholder} kept in: ${k}`);
    }
  }
});
