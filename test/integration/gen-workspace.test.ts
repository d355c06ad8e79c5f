/**
 * The synthetic workspace generator (scripts/gen-workspace.mjs): same seed, same bytes;
 * the size distribution the benchmarks rely on; figures, companies and theme words at about
 * the seeds' density as the real CLI (dist/cli.js, built by `npm test`) finds them; dated
 * footers; and Traditional digests that resolve to the same entity ids as their
 * Simplified twins. Runs the generator as a user would, plus its exported functions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { needShared } from '../helpers/requires';
import '../helpers/isolatedRatesStore';

const repo = join(__dirname, '..', '..');
const script = join(repo, 'scripts', 'gen-workspace.mjs');
const cli = join(repo, 'dist', 'cli.js');

type Gen = {
  generateDigest(seed: string, i: number, opts?: { script?: string }): { rel: string; script: string; date: string; text: string };
  measureDensities(paths: string[]): { files: number; bytes: number; figures: number; mentions: number; themes: number } | null;
  seedsDir(): string;
  GEN_VERSION: number;
  MANIFEST: string;
};
const gen = (): Promise<Gen> => import(script) as Promise<Gen>;

function generate(out: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [script, '--out', out, '--no-measure', ...args], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r;
}

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** A digest of every file's path and bytes. */
function fingerprint(dir: string): string {
  const h = createHash('sha256');
  for (const p of files(dir)) {
    if (p.endsWith('.gen-workspace.json')) continue;
    h.update(relative(dir, p)).update('\0').update(readFileSync(p));
  }
  return h.digest('hex');
}

function scanJsonl(...paths: string[]): any[] {
  const r = spawnSync(process.execPath, [cli, 'scan', '--format', 'jsonl', ...paths], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

test('same seed, same bytes; another seed, other bytes', () => {
  const a = mkdtempSync(join(tmpdir(), 'gen-a-'));
  const b = mkdtempSync(join(tmpdir(), 'gen-b-'));
  const c = mkdtempSync(join(tmpdir(), 'gen-c-'));
  try {
    generate(a, '--files', '150', '--seed', '42', '--huge', '1', '--binary', '1');
    generate(b, '--files', '150', '--seed', '42', '--huge', '1', '--binary', '1');
    generate(c, '--files', '150', '--seed', '43', '--huge', '1', '--binary', '1');
    assert.equal(fingerprint(a), fingerprint(b));
    assert.notEqual(fingerprint(a), fingerprint(c));
    // Regenerating into a generated folder replaces it: still the same bytes.
    generate(a, '--files', '150', '--seed', '42', '--huge', '1', '--binary', '1');
    assert.equal(fingerprint(a), fingerprint(b));
  } finally {
    for (const d of [a, b, c]) rmSync(d, { recursive: true, force: true });
  }
});

test('refuses to write into a folder it did not make', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gen-foreign-'));
  try {
    writeFileSync(join(dir, 'mine.txt'), 'keep me');
    const r = spawnSync(process.execPath, [script, '--out', dir, '--files', '3', '--no-measure'], { encoding: 'utf8' });
    assert.notEqual(r.status, 0);
    assert.equal(readFileSync(join(dir, 'mine.txt'), 'utf8'), 'keep me');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('layout: YYYY/MM folders by the footer date, huge and binary files, a manifest', async () => {
  const { GEN_VERSION, MANIFEST } = await gen();
  const dir = mkdtempSync(join(tmpdir(), 'gen-layout-'));
  try {
    generate(dir, '--files', '200', '--huge', '2', '--binary', '2');
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'));
    assert.equal(manifest.version, GEN_VERSION);
    assert.equal(manifest.files, 200);
    const all = files(dir).map((p) => relative(dir, p)).filter((p) => p !== MANIFEST);
    const digests = all.filter((p) => /^\d{4}\/\d{2}\/\d{2}-/.test(p));
    assert.equal(digests.length, 200);
    for (const p of digests) assert.match(p, /\.(digest|digest\.md|digest\.txt)$/);
    const huge = all.filter((p) => p.startsWith('huge/'));
    const binary = all.filter((p) => p.startsWith('binary/'));
    assert.equal(huge.length, 2);
    assert.equal(binary.length, 2);
    for (const p of huge) assert.ok(statSync(join(dir, p)).size > 2 * 1024 * 1024, `${p} is over 2 MB`);
    for (const p of binary) {
      assert.match(p, /\.digest$/);
      assert.ok(readFileSync(join(dir, p)).includes(0), `${p} has NUL bytes`);
    }
    // The CLI reads every digest's date from its footer, and it matches the folder.
    const records = scanJsonl(...digests.slice(0, 60).map((p) => join(dir, p)));
    assert.equal(records.length, 60);
    for (const r of records) {
      const rel = relative(dir, r.path);
      assert.equal(r.date, `${rel.slice(0, 4)}-${rel.slice(5, 7)}-${rel.slice(8, 10)}`, rel);
    }
    // Huge and binary files are skipped, with a reason, and exit status 1.
    const skipped = spawnSync(process.execPath, [cli, 'scan', '--format', 'jsonl', join(dir, huge[0]), join(dir, binary[0])], { encoding: 'utf8' });
    assert.equal(skipped.status, 1);
    assert.match(skipped.stderr, /size cap/);
    assert.match(skipped.stderr, /binary file/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sizes: 1 KB to 200 KB, skewed, mean near 10 KB; all three scripts', async () => {
  const { generateDigest } = await gen();
  const sizes: number[] = [];
  const scripts: Record<string, number> = {};
  for (let i = 0; i < 2000; i++) {
    const g = generateDigest('7', i);
    sizes.push(Buffer.byteLength(g.text));
    scripts[g.script] = (scripts[g.script] ?? 0) + 1;
  }
  sizes.sort((a, b) => a - b);
  const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
  const median = sizes[sizes.length >> 1];
  assert.ok(sizes[0] >= 1000, `smallest ${sizes[0]} B`);
  assert.ok(sizes[sizes.length - 1] <= 200 * 1024, `largest ${sizes[sizes.length - 1]} B`);
  assert.ok(mean > 8500 && mean < 11500, `mean ${mean.toFixed(0)} B`);
  assert.ok(median < mean * 0.75, `skewed: median ${median} B, mean ${mean.toFixed(0)} B`);
  assert.ok(sizes[Math.floor(sizes.length * 0.99)] > 50 * 1024, 'a tail of large digests');
  for (const s of ['hans', 'hant', 'en']) assert.ok(scripts[s] > 300, `${s}: ${scripts[s]} digests`);
});

test("the CLI finds figures, companies and theme words at the seeds' density (±30%)", async (t) => {
  const { measureDensities, seedsDir } = await gen();
  if (!needShared(t, 'seeds')) return;
  const dir = mkdtempSync(join(tmpdir(), 'gen-density-'));
  try {
    generate(dir, '--files', '300');
    const seeds = measureDensities(readdirSync(seedsDir()).filter((f) => f.endsWith('.txt')).map((f) => join(seedsDir(), f)))!;
    const generated = measureDensities(files(dir).filter((p) => !p.endsWith('.json')))!;
    assert.ok(seeds && generated, 'dist/cli.js is built');
    assert.equal(generated.files, 300);
    for (const k of ['figures', 'mentions', 'themes'] as const) {
      const ratio = generated[k] / seeds[k];
      assert.ok(ratio > 0.7 && ratio < 1.3, `${k}: ${generated[k].toFixed(2)}/KB generated vs ${seeds[k].toFixed(2)}/KB in the seeds`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a Traditional digest folds to the same entity ids and figures as its Simplified twin', async () => {
  const { generateDigest } = await gen();
  const dir = mkdtempSync(join(tmpdir(), 'gen-twins-'));
  try {
    const pairs: string[] = [];
    for (let i = 0; pairs.length < 40; i++) {
      const g = generateDigest('3', i);
      if (g.script !== 'hant') continue;
      const twin = generateDigest('3', i, { script: 'hans' });
      assert.notEqual(twin.text, g.text, 'the twin is written in another script');
      writeFileSync(join(dir, `${i}-hant.digest.txt`), g.text);
      writeFileSync(join(dir, `${i}-hans.digest.txt`), twin.text);
      pairs.push(String(i));
    }
    const records = new Map(scanJsonl(dir).map((r) => [r.path.slice(dir.length + 1), r]));
    let mentions = 0;
    for (const i of pairs) {
      const hant = records.get(`${i}-hant.digest.txt`);
      const hans = records.get(`${i}-hans.digest.txt`);
      const ids = (r: any) => r.entities.map((e: any) => e.id).sort();
      assert.deepEqual(ids(hant), ids(hans), `digest ${i}`);
      assert.deepEqual(hant.figures.map((f: any) => f.value), hans.figures.map((f: any) => f.value), `digest ${i}`);
      mentions += hant.entities.length;
    }
    assert.ok(mentions > 40 * 5, `${mentions} mentions in the Traditional digests`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
