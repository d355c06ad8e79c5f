/**
 * The built analysis worker (dist/analysisWorker.js, built by `npm test`) analyses a file
 * exactly as the server does, with the same gazetteer from the same user files. The packing
 * and the cache themselves are test/unit/cache.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse } from '../../server/src/analysis/analyse';
import { analysisSetup, dataVersion, type UserFileTexts } from '../../server/src/index/analysisSetup';
import { StringTable, unpack } from '../../server/src/index/packed';
import { AnalysisPool } from '../../server/src/index/workerPool';
import type { FileResult } from '../../server/src/index/analyseFile';
import { lineStarts } from '../../server/src/analysis/text';
import { optionalShared } from '../helpers/requires';

const REPO = join(__dirname, '..', '..');
const WS = join(REPO, 'test', 'fixtures', 'workspace');
/** The seed digests widen the corpus where ../shared is present (required under CI). */
const SEEDS = optionalShared('seeds');
const WORKER = join(REPO, 'dist', 'analysisWorker.js');

/** The fixture digests and, where present, the five seed digests. */
function corpus(): { name: string; text: string }[] {
  const out = ['english.digest', 'simplified.digest.md', 'traditional.digest.txt'].map((f) => ({ name: f, text: readFileSync(join(WS, f), 'utf8') }));
  if (SEEDS) for (const f of readdirSync(SEEDS)) out.push({ name: f, text: readFileSync(join(SEEDS, f), 'utf8') });
  return out;
}

const USER: UserFileTexts = {
  entities: [{ uri: 'file:///ws/.digestlens/entities.json', content: readFileSync(join(WS, '.digestlens', 'entities.json'), 'utf8') }],
  themes: [],
};

test('an analysis worker gives the same analyses as the server, with the user entities', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'digest-lens-worker-test-'));
  try {
    const files = corpus().map(({ name, text }) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return { name, uri: `file://${path}`, path, maxSize: 4 * 1024 * 1024, text };
    });
    writeFileSync(join(dir, 'binary.digest'), Buffer.from([1, 0, 2, 0, 3]));
    const setup = analysisSetup(USER);
    const version = dataVersion(setup);
    const table = new StringTable();
    const log = { info: () => {}, warn: (m: string) => assert.fail(m) };
    // The files' folder has the user files; the worker picks a file's setup by its folder.
    const folders = [{ folder: `file://${dir}`, entities: USER.entities[0] ?? null, themes: USER.themes[0] ?? null }];
    const pool = AnalysisPool.start(WORKER, 1, folders, version, table, log);
    assert.ok(pool, 'a worker started');
    const results: FileResult[] = [];
    const tasks = [...files, { uri: 'file:///binary', path: join(dir, 'binary.digest'), maxSize: 1 << 20 }];
    const sizes = new Map(tasks.map((t) => [t.uri, 1000]));
    const left = await pool.run(tasks, sizes, (r) => results.push(...r), () => false);
    pool.stop();
    assert.deepEqual(left, []);
    assert.equal(results.length, tasks.length);
    for (const f of files) {
      const r = results.find((x) => x.uri === f.uri)!;
      assert.equal(r.kind, 'ok', f.name);
      if (r.kind !== 'ok') continue;
      assert.equal(r.dataVersion, version);
      assert.deepEqual(Array.from(r.lineStarts), lineStarts(f.text));
      const expected = analyse(f.text, { gazetteer: setup.gazetteer, taxonomy: setup.taxonomy });
      assert.deepStrictEqual(unpack(r.packed, table, f.text), expected, f.name);
    }
    // The user's entity is found by the worker (its gazetteer has the user file).
    const tc = results.find((x) => x.uri.endsWith('traditional.digest.txt'));
    assert.ok(tc?.kind === 'ok' && unpack(tc.packed, table, files[2].text).mentions.some((m) => m.id === 'yuanlan-compute'));
    assert.equal(results.find((x) => x.uri === 'file:///binary')?.kind, 'skip');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
