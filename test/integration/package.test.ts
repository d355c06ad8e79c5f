/**
 * The .vsix holds every file the bundles load at run time: the files esbuild.mjs writes to
 * dist/ (bundles, the analysis worker, opencc, the built-in data), the files the bundles
 * name beside themselves, what package.json points at and the webviews' media. The listing
 * is `vsce ls`, the same allow-list (.vscodeignore) `npm run package` packs; it reads the
 * dist/ that `npm test` has just built. The UI tests install the real .vsix.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { BUILTIN_DATA } from '../../server/src/data/builtin';
import '../helpers/isolatedRatesStore';

const REPO = join(__dirname, '..', '..');
const DIST = join(REPO, 'dist');
/** The entry files and dist/core.js, the bundle behind the server, its workers and the CLI. */
const BUNDLES = ['extension.js', 'server.js', 'cli.js', 'analysisWorker.js', 'core.js'];

function packaged(): Set<string> {
  const vsce = join(REPO, 'node_modules', '.bin', 'vsce');
  const run = spawnSync(vsce, ['ls', '--no-dependencies'], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.status, 0, `vsce ls failed: ${run.error?.message ?? run.stderr}`);
  return new Set(run.stdout.split('\n').map((l) => l.trim()).filter(Boolean));
}

const bundle = (name: string) => readFileSync(join(DIST, name), 'utf8');

test('every file the build writes to dist/ (except source maps) is in the package', () => {
  for (const b of BUNDLES) assert.ok(existsSync(join(DIST, b)), `dist/${b} is built`);
  const files = packaged();
  const built = readdirSync(DIST, { recursive: true }).map((f) => posix.join('dist', String(f).split(/[\\/]/).join('/')));
  // dist/data/gazetteer.img (the built-in gazetteer's image, 21 MB) and dist/data/themes.img
  // (the themes' automaton) are left out on purpose: an installed build makes its own in the
  // user's cache (server/src/data/builtinImage.ts, themesImage.ts).
  const images = ['dist/data/gazetteer.img', 'dist/data/themes.img'];
  const wanted = built.filter((f) => !f.endsWith('.map') && !images.includes(f) && existsSync(join(REPO, f)) && !readdirSyncSafe(join(REPO, f)));
  for (const f of ['dist/core.js', 'dist/analysisWorker.js', 'dist/cliWorker.js', 'dist/opencc.js.br', 'dist/terminateProcess.sh']) assert.ok(wanted.includes(f), `the build writes ${f}`);
  for (const f of wanted) assert.ok(files.has(f), `${f} is built but not packaged`);
  assert.deepEqual([...files].filter((f) => f.endsWith('.map') || f.endsWith('.png') || f.startsWith('test/') || f.startsWith('server/')), [], 'no source maps, screenshots or sources');
});

/** True when `p` is a folder. */
function readdirSyncSafe(p: string): boolean {
  try {
    readdirSync(p);
    return true;
  } catch {
    return false;
  }
}

test('every file the bundles open beside themselves is packaged: worker, opencc, data, helper scripts', () => {
  const files = packaged();
  const named = new Set<string>();
  for (const b of BUNDLES) {
    for (const m of bundle(b).matchAll(/__dirname,\s*"([^"]+)"\s*\)/g)) named.add(`dist/${m[1]}`);
  }
  for (const f of ['dist/analysisWorker.js', 'dist/opencc.js.br', 'dist/terminateProcess.sh']) assert.ok(named.has(f), `a bundle opens ${f}: ${[...named].join(', ')}`);
  for (const f of named) assert.ok(files.has(f), `${f} is opened at run time but not packaged`);
  // The built-in data: read by the server, the worker and the CLI from dist/data/, not inlined.
  assert.match(bundle('core.js'), /"data", `\$\{name\}\.json\.br`/, 'core.js reads dist/data/');
  // The server, its workers and the CLI share that one bundle instead of carrying a copy each,
  // loaded by coreLoader.js: dist/core.js, or dist/core.js.br in a production build
  // (package-production.test.ts runs that layout), both of which the package takes.
  for (const b of ['server.js', 'cli.js', 'analysisWorker.js', 'cliWorker.js']) {
    assert.match(bundle(b), /require\('\.\/coreLoader\.js'\)/, `${b} requires coreLoader.js`);
    assert.match(bundle(b), /\.load\('\w+'\) \?\? core\.plain\(\)/, `${b} falls back to the bundle without its code cache`);
    assert.ok(bundle(b).length < 1000, `${b} is a small entry file`);
  }
  const loader = bundle('coreLoader.js');
  assert.match(loader, /path\.join\(__dirname, 'core\.js'\)/, 'coreLoader.js opens core.js beside itself');
  assert.match(loader, /file \+ '\.br'/, 'and core.js.br');
  assert.ok(files.has('dist/core.js') || files.has('dist/core.js.br'), 'the bundle is packaged');
  const allowList = readFileSync(join(REPO, '.vscodeignore'), 'utf8').split('\n');
  for (const f of ['!dist/core.js', '!dist/core.js.br', '!dist/coreLoader.js']) assert.ok(allowList.includes(f), `.vscodeignore lets ${f.slice(1)} in`);
  for (const name of BUILTIN_DATA) assert.ok(files.has(`dist/data/${name}.json.br`), `dist/data/${name}.json.br is packaged`);
});

test("package.json's entry points and the webviews' media are packaged", () => {
  const files = packaged();
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  const paths = [pkg.main, ...Object.values<string>(pkg.bin), ...pkg.contributes.grammars.map((g: { path: string }) => g.path), ...pkg.contributes.languages.map((l: { configuration: string }) => l.configuration)];
  for (const p of paths) assert.ok(files.has(posix.normalize(p)), `${p} (package.json) is not packaged`);
  const ext = bundle('extension.js');
  for (const m of ext.matchAll(/asAbsolutePath\("([^"]+)"\)/g)) assert.ok(files.has(m[1]), `${m[1]} (extension.js) is not packaged`);
  for (const m of ext.matchAll(/joinPath\(context\.extensionUri, "media", "([^"]+)"\)/g)) {
    assert.ok([...files].some((f) => f === `media/${m[1]}` || f.startsWith(`media/${m[1]}/`)), `media/${m[1]} (extension.js) is not packaged`);
  }
});

test('the extension bundle carries neither the rate tables nor the analysis data', () => {
  const ext = bundle('extension.js');
  assert.doesNotMatch(ext, /json\.br/, 'extension.js reads no built-in data');
  const rates = JSON.parse(readFileSync(join(REPO, 'server', 'data', 'rates.json'), 'utf8'));
  const someSeries = Object.values<{ values: (number | null)[] }>(rates.currencies)[0].values.filter((v) => v !== null).slice(0, 6).join(',');
  assert.ok(!ext.includes(someSeries), 'extension.js holds a rate series');
  for (const b of BUNDLES) assert.ok(!bundle(b).includes(someSeries), `${b} holds a rate series (they are read from dist/data/)`);
});

test('the translations ship; the English catalogue, which maps every message to itself, does not need to', () => {
  const files = packaged();
  const read = (name: string) => JSON.parse(readFileSync(join(REPO, 'l10n', name), 'utf8')) as Record<string, string>;
  const en = read('bundle.l10n.json');
  assert.ok(Object.keys(en).length > 100);
  for (const [k, v] of Object.entries(en)) assert.equal(v, k, 'VS Code shows the message itself for English: the catalogue must say the same');
  for (const locale of ['zh-cn', 'zh-tw']) {
    assert.ok(files.has(`l10n/bundle.l10n.${locale}.json`), `${locale} ships`);
    assert.deepEqual(Object.keys(read(`bundle.l10n.${locale}.json`)).sort(), Object.keys(en).sort(), `${locale} translates every message`);
  }
  assert.ok(!files.has('l10n/bundle.l10n.json'));
});
