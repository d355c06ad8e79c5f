/**
 * The CLI (dist/cli.js) with hostile --entities and --themes files (issue 14): the caps of
 * the server apply, each problem is a line on stderr with the file, line and column, the
 * scan still runs on the built-in data, and prototype keys change nothing of it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deepNesting, hugeName, oneCharacterThemes } from '../../scripts/lib/hostileUserFiles.mjs';
import '../helpers/isolatedRatesStore';

const repo = join(__dirname, '..', '..');
const cli = join(repo, 'dist', 'cli.js');
const ws = join(repo, 'test', 'fixtures', 'workspace');
const notes = ['english.digest', 'simplified.digest.md', 'traditional.digest.txt'].map((f) => join(ws, f));

function scan(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, 'scan', '--format', 'json', ...args, ...notes], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: r.status === 0 ? JSON.parse(r.stdout) : null };
}

/** What the built-in data found in each note: entity ids and theme ids. */
const builtinPart = (out: any, own: (id: string) => boolean) =>
  out.files.map((f: any) => ({ entities: f.entities.filter((e: any) => !own(e.id)), themes: f.themes.filter((t: any) => !own(t.id)), figures: f.figures }));

test('hostile --entities and --themes files: a line on stderr for each problem, and the scan runs on the built-in data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dl-cli-user-'));
  try {
    const plain = scan('--entities', join(dir, 'none.json'));
    // A missing file is refused as before (exit 2); the baseline is the scan with an empty list.
    assert.equal(plain.status, 2);
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '[]');
    const base = scan('--entities', empty);
    assert.equal(base.status, 0, base.stderr);
    const expected = builtinPart(base.json, () => false);
    assert.ok(base.json.files[0].entities.some((e: any) => e.id === 'tencent'));

    const cases: [string, string, string, RegExp][] = [
      ['nested.json', '--entities', deepNesting(5000), /nested\.json:1:65: Nesting deeper than 64 levels/],
      ['name.json', '--entities', hugeName(3), /name\.json:1:1: File too large \(1,000,0\d\d characters, at most 2,000,000\)|name\.json:1:\d+: Name too long/],
      ['big.json', '--entities', '[' + ' '.repeat(2_100_000) + ']', /big\.json:1:1: File too large/],
      ['themes.json', '--themes', oneCharacterThemes(500), /themes\.json:1:\d+: "keywords": Keyword "的" is a single character/],
    ];
    for (const [name, flag, text, message] of cases) {
      const file = join(dir, name);
      writeFileSync(file, text);
      const r = scan(flag, file);
      assert.equal(r.status, 0, `${name}: ${r.stderr}`);
      assert.match(r.stderr, message, name);
      // Problems are capped per file: at most 101 lines however many entries are bad.
      assert.ok(r.stderr.split('\n').filter((l) => l.includes(name)).length <= 101, name);
      assert.deepEqual(builtinPart(r.json, () => false), expected, name);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('prototype keys in --entities and --themes change nothing the built-in data finds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dl-cli-proto-'));
  try {
    const keys = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '[]');
    const entities = join(dir, 'entities.json');
    writeFileSync(entities, JSON.stringify(keys.map((k, i) => ({ id: k, name: keys[(i + 1) % keys.length], aliases: [k], tickers: [k, `HK:${k}`] }))));
    const themes = join(dir, 'themes.json');
    writeFileSync(themes, JSON.stringify(keys.map((k) => ({ id: k.toLowerCase().replace(/_/g, ''), label: k, keywords: [k, `${k}s`] }))));
    const base = scan('--entities', empty, '--themes', empty);
    const proto = scan('--entities', entities, '--themes', themes);
    assert.equal(proto.status, 0, proto.stderr);
    const own = (id: string) => keys.includes(id) || keys.some((k) => id === k.toLowerCase().replace(/_/g, ''));
    assert.deepEqual(builtinPart(proto.json, own), builtinPart(base.json, own));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
