/**
 * The production layout, as installed: `esbuild.mjs --production` (what `npm run package`
 * runs) into a folder of its own, staged with the files the .vsix is made from, listed by
 * `vsce ls` (the package's allow-list), and the listed files copied into an "installed"
 * folder, as the .vsix unpacks. That build ships dist/core.js brotli-compressed
 * (dist/core.js.br) and no dist/core.js: the CLI, its workers and the language server must
 * run from it all the same, with their code cache. Its dist/extension.js (package.json's
 * main) is a small file running dist/extension.js.br; VS Code itself is not run here (the UI
 * tests install the real .vsix), but the way it hands an extension its API is.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import Module from 'node:module';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const REPO = join(__dirname, '..', '..');
const README = 'docs/marketplace/README.md';
/** What the package is made of besides dist/ (the rest of .vscodeignore's allow-list). */
const SOURCES = ['package.json', '.vscodeignore', 'package.nls.json', 'package.nls.zh-cn.json', 'package.nls.zh-tw.json', 'LICENSE', 'CHANGELOG.md', 'language-configuration.json', README, 'syntaxes', 'media', 'l10n'];

let work: string;
let staged: string;
let installed: string;
let listed: string[];
const cacheHome = () => join(work, 'cache');
const env = (more: Record<string, string> = {}) => ({ ...process.env, XDG_CACHE_HOME: cacheHome(), ...more });

before(() => {
  work = mkdtempSync(join(tmpdir(), 'digest-lens-prod-'));
  staged = join(work, 'staged');
  installed = join(work, 'installed');
  const build = spawnSync(process.execPath, ['esbuild.mjs', '--production', '--outdir', join(staged, 'dist')], { cwd: REPO, encoding: 'utf8', timeout: 180_000 });
  assert.equal(build.status, 0, `the production build failed: ${build.error?.message ?? build.stderr}`);
  for (const f of SOURCES) cpSync(join(REPO, f), join(staged, f), { recursive: true, filter: (src) => !src.includes('screenshots') });
  const vsce = join(REPO, 'node_modules', '.bin', 'vsce');
  const ls = spawnSync(vsce, ['ls', '--no-dependencies', '--readme-path', README], { cwd: staged, encoding: 'utf8', timeout: 60_000 });
  assert.equal(ls.status, 0, `vsce ls failed: ${ls.error?.message ?? ls.stderr}`);
  listed = ls.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  for (const f of listed) {
    mkdirSync(dirname(join(installed, f)), { recursive: true });
    cpSync(join(staged, f), join(installed, f));
  }
});

after(() => rmSync(work, { recursive: true, force: true }));

test('the production build ships core.js compressed, and the package holds every file it wrote', () => {
  const dist = join(staged, 'dist');
  assert.ok(!existsSync(join(dist, 'core.js')), 'no plain core.js in a production build');
  assert.ok(existsSync(join(dist, 'core.js.br')), 'core.js.br is built');
  assert.ok(existsSync(join(dist, 'extension.js.br')), 'extension.js.br is built');
  assert.ok(statSync(join(dist, 'extension.js')).size < 2000, 'dist/extension.js is the small file that runs it');
  const images = ['dist/data/gazetteer.img', 'dist/data/themes.img'];
  const built = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath ?? d.path, d.name).slice(staged.length + 1).split(/[\\/]/).join('/'))
    .filter((f) => !images.includes(f));
  assert.ok(built.length > 10, `the build wrote ${built.join(', ')}`);
  for (const f of built) assert.ok(listed.includes(f), `${f} is built but not packaged`);
  assert.ok(!listed.some((f) => f.endsWith('.map') || f === 'README.md'), 'no source maps, no developer README');
});

test('installed from the package, the CLI scans a note (and a second run uses the code cache it left)', () => {
  const note = join(work, 'note.md');
  writeFileSync(note, '2026年1月14日\n腾讯控股 2025 年营收 6,600 亿元，同比增长 8%。\n');
  const cli = join(installed, 'dist', 'cli.js');
  const cacheOf = (suffix: string) => readdirSync(join(cacheHome(), 'digest-lens')).filter((f) => f.endsWith(suffix));
  let first: { ino: number; mtimeMs: number } | undefined;
  for (const round of [1, 2]) {
    const run = spawnSync(process.execPath, [cli, 'scan', note, '--format', 'json'], { encoding: 'utf8', env: env(), timeout: 60_000 });
    assert.equal(run.status, 0, `round ${round}: ${run.stderr}`);
    const out = JSON.parse(run.stdout);
    assert.equal(out.files[0].date, '2026-01-14');
    assert.ok(out.files[0].figures.some((f: { currency: string; value: number }) => f.currency === 'CNY' && f.value === 660e9), `round ${round}: the figure is read`);
    assert.ok(out.files[0].entities.some((e: { id: string }) => /tencent/i.test(e.id)), `round ${round}: the company is read`);
    // The first run leaves the CLI's code cache, named after the file it was made from (the
    // compressed one here); the second one is given it and accepts it, so writes none.
    const caches = cacheOf('-cli.cc');
    assert.equal(caches.length, 1, `round ${round}: one code cache for the CLI: ${caches.join(', ')}`);
    assert.match(caches[0], /-br-/);
    const st = statSync(join(cacheHome(), 'digest-lens', caches[0]));
    if (round === 1) first = { ino: st.ino, mtimeMs: st.mtimeMs };
    else assert.deepEqual({ ino: st.ino, mtimeMs: st.mtimeMs }, first, 'the second run accepted the cache (it would have rewritten a rejected one)');
  }
});

test('installed from the package, the CLI shares a scan out to its worker threads', () => {
  const notes = join(work, 'notes');
  mkdirSync(notes, { recursive: true });
  for (let i = 0; i < 6; i++) writeFileSync(join(notes, `n${i}.md`), `阿里巴巴 资本开支 ${i + 1},000 亿元。\n`);
  const run = spawnSync(process.execPath, [join(installed, 'dist', 'cli.js'), 'scan', notes, '--format', 'jsonl'], { encoding: 'utf8', env: env({ DIGEST_LENS_CLI_WORKERS: '2' }), timeout: 60_000 });
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 6);
  for (const l of lines) assert.equal(l.figures.length, 1, `${l.path}: one figure`);
});

test('installed from the package, the language server answers initialize and a hover', async () => {
  const folder = join(work, 'ws');
  mkdirSync(folder, { recursive: true });
  const text = '2026年1月14日\n腾讯控股 2025 年营收 6,600 亿元。\n';
  writeFileSync(join(folder, 'a.digest'), text);
  const child = spawn(process.execPath, [join(installed, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: tmpdir(), env: env() });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onRequest(() => null);
  connection.onNotification(() => undefined);
  connection.listen();
  try {
    const root = pathToFileURL(folder).href;
    const init: any = await connection.sendRequest('initialize', { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'ws' }], capabilities: { textDocument: { hover: { contentFormat: ['markdown'] } } } });
    assert.ok(init.capabilities.hoverProvider, `initialize answered with capabilities (stderr: ${stderr})`);
    await connection.sendNotification('initialized', {});
    const uri = pathToFileURL(join(folder, 'a.digest')).href;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'digest', version: 1, text } });
    const hover: any = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 17 } });
    assert.ok(hover && JSON.stringify(hover.contents).includes('660'), `a hover on the figure: ${JSON.stringify(hover)}`);
    const exited = new Promise<number | null>((r) => (child.exitCode === null ? child.once('exit', (code) => r(code)) : r(child.exitCode)));
    await connection.sendRequest('shutdown', null);
    await connection.sendNotification('exit', null);
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running 10 s after exit'), 10_000))]);
    assert.equal(code, 0, 'the server exits when asked');
  } finally {
    connection.dispose();
    if (child.exitCode === null) child.kill();
  }
  // Its code cache is written as it exits: it loaded the compressed bundle through coreLoader.js.
  const caches = readdirSync(join(cacheHome(), 'digest-lens'));
  assert.ok(caches.some((f) => /-br-.*-server\.cc$/.test(f)), `the server left its code cache: ${caches.join(', ')}`);
});

/**
 * A stand-in for the vscode module, enough for the extension's bundle to load (not to
 * activate): every property name the bundle reads is an own property (esbuild's interop
 * copies own properties), each a function that can also be called or constructed.
 */
function fakeVscode(bundleText: string): object {
  const anything = (): any =>
    new Proxy(function () {}, {
      get: (t, k) => (k === 'prototype' ? t.prototype : typeof k === 'symbol' || k === 'then' ? undefined : anything()),
      apply: () => anything(),
      construct: () => ({}),
    });
  const api: Record<string, unknown> = {};
  for (const m of bundleText.matchAll(/\.([A-Z][A-Za-z]*|[a-z][A-Za-z]*)\b/g)) if (!(m[1] in api)) api[m[1]] = anything();
  return api;
}

/** Requires `main` the way VS Code's extension host does: require('vscode') answered for the real path of the requiring file. */
function loadAsVsCode(main: string, bundleText: string): { exports: Record<string, unknown>; parents: string[] } {
  const loader = Module as unknown as { _load: (request: string, parent: { filename: string }, isMain: boolean) => unknown };
  const original = loader._load;
  const parents: string[] = [];
  const api = fakeVscode(bundleText);
  loader._load = function (request, parent, isMain) {
    if (request !== 'vscode') return original.call(this, request, parent, isMain);
    // VS Code finds the extension by realpathSync(parent.filename): it must exist.
    parents.push(realpathSync(parent.filename));
    return api;
  };
  try {
    return { exports: require(main), parents };
  } finally {
    loader._load = original;
  }
}

test("installed from the package, the extension's main runs its compressed bundle, and require('vscode') comes from a file that exists", () => {
  const dist = join(installed, 'dist');
  const bundleText = brotliDecompressSync(readFileSync(join(dist, 'extension.js.br'))).toString('utf8');
  // The same bundle as a plain file, for comparison.
  const plainDir = join(work, 'plain-extension');
  mkdirSync(plainDir, { recursive: true });
  writeFileSync(join(plainDir, 'extension.js'), bundleText);
  const shipped = loadAsVsCode(join(dist, 'extension.js'), bundleText);
  const plain = loadAsVsCode(join(plainDir, 'extension.js'), bundleText);
  assert.equal(typeof shipped.exports.activate, 'function', 'it exports activate');
  assert.equal(typeof shipped.exports.deactivate, 'function', 'it exports deactivate');
  assert.deepEqual(Object.keys(shipped.exports).sort(), Object.keys(plain.exports).sort(), 'the same exports as the plain bundle');
  assert.ok(shipped.parents.length > 0 && shipped.parents.length === plain.parents.length, `the bundle required vscode ${shipped.parents.length} times`);
  for (const p of shipped.parents) assert.equal(p, realpathSync(join(dist, 'extension.js')), 'vscode is required from the main file of the installed extension');
});
