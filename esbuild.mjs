// One build for every bundle: the extension client, the language server and the CLI.
// `--production` minifies and ships dist/core.js brotli-compressed (dist/core.js.br, below);
// `--watch` rebuilds on change; `--outdir DIR` writes DIR instead of dist/ (the tests build a
// production dist/ of their own there). `vscode` stays external.
// Shared by the server, the analysis worker and the CLI, and so kept out of their bundles:
//  - the built-in data (server/data/*.json) → dist/data/<name>.json.br, read by
//    server/src/data/builtin.ts;
//  - opencc-js (script conversion, only loaded when a conversion is asked for) →
//    dist/opencc.js.br (a bundle of its own, server/src/data/openccBundle.ts, brotli-compressed
//    and with its big phrase dictionary packed by server/src/data/phrasePacking.ts: its
//    dictionaries are most of the package), which the bundles decompress and run on first
//    require.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { brotliCompressSync, constants } from 'node:zlib';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const outdirAt = process.argv.indexOf('--outdir');
/** Where the build goes: dist/, or the folder after --outdir. */
const OUT = outdirAt > 0 && process.argv[outdirAt + 1] ? resolve(process.argv[outdirAt + 1]) : 'dist';

const entries = [
  // The language server, its analysis workers and the CLI in one bundle (server/src/main.ts);
  // dist/server.js, dist/analysisWorker.js and dist/cli.js are the small files below.
  { in: 'server/src/main.ts', out: 'core' },
  { in: 'client/src/extension.ts', out: 'extension' },
  // opencc-js on its own, required lazily by server/src/features/scriptConversion.ts.
  { in: 'server/src/data/openccBundle.ts', out: 'opencc', library: true },
].filter((e) => existsSync(e.in));

/**
 * `require('opencc-js')` in the bundles becomes a small module that reads dist/opencc.js.br
 * beside the bundle, decompresses it and runs it as a CommonJS module (vm.compileFunction).
 */
const openccBeside = {
  name: 'opencc-beside',
  setup(build) {
    build.onResolve({ filter: /^opencc-js$/ }, () => ({ path: 'opencc-js', namespace: 'opencc-beside' }));
    build.onLoad({ filter: /.*/, namespace: 'opencc-beside' }, () => ({
      loader: 'js',
      contents: `
        const { readFileSync } = require('node:fs');
        const { join } = require('node:path');
        const { compileFunction } = require('node:vm');
        const { brotliDecompressSync } = require('node:zlib');
        const file = join(__dirname, 'opencc.js.br');
        const code = brotliDecompressSync(readFileSync(file)).toString('utf8');
        const mod = { exports: {} };
        compileFunction(code, ['module', 'exports', 'require'], { filename: file })(mod, mod.exports, require);
        module.exports = mod.exports;`,
    }));
  },
};

/**
 * opencc-js's phrase dictionary (dict/STPhrases.js) in the opencc bundle becomes a module
 * holding it packed (phrasePacking.ts), which unpacks it to the very same text on load; its
 * Japanese tables are left out.
 */
const openccPhrases = {
  name: 'opencc-phrases',
  setup(build) {
    // opencc-js's own modules import it by a relative path.
    build.onResolve({ filter: /^\.\.?\/.*STPhrases\.js$/ }, (args) => ({ path: join(args.resolveDir, args.path), namespace: 'opencc-phrases' }));
    // The Japanese (shinjitai) tables: no conversion of Digest Lens goes to or from 'jp', so
    // they ship empty (~5 KB of the package's budget); 'jp' converts nothing.
    build.onResolve({ filter: /^\.\.?\/.*JPShinjitai\w*\.js$/ }, () => ({ path: 'jp-left-out', namespace: 'opencc-no-jp' }));
    build.onLoad({ filter: /.*/, namespace: 'opencc-no-jp' }, () => ({ loader: 'js', contents: "export default '';" }));
    build.onLoad({ filter: /.*/, namespace: 'opencc-phrases' }, async (args) => {
      const dir = dirname(args.path);
      const { packPhrases } = await loadModule('server/src/data/phrasePacking.ts');
      const phrases = (await import(pathToFileURL(args.path).href)).default;
      const characters = (await import(pathToFileURL(join(dir, 'STCharacters.js')).href)).default;
      return {
        loader: 'js',
        resolveDir: dir,
        contents: `import characters from './STCharacters.js';
          import { unpackPhrases } from ${JSON.stringify(resolve('server/src/data/phrasePacking.ts'))};
          export default unpackPhrases(${JSON.stringify(packPhrases(phrases, characters))}, characters);`,
      };
    });
  },
};

/** Compresses dist/opencc.js to dist/opencc.js.br (what ships) and removes the plain file. */
function packOpencc() {
  const plain = join(OUT, 'opencc.js');
  if (!existsSync(plain)) return;
  const raw = readFileSync(plain);
  writeFileSync(`${plain}.br`, brotliCompressSync(raw, { params: brotliParams(raw.length) }));
  rmSync(plain);
}

function brotliParams(size) {
  return { [constants.BROTLI_PARAM_QUALITY]: production ? 11 : 5, [constants.BROTLI_PARAM_SIZE_HINT]: size, [constants.BROTLI_PARAM_LGWIN]: 24 };
}

/**
 * dist/coreLoader.js, how the server and the CLI load dist/core.js: compiled with V8's code cache for it, kept in
 * the user's cache folder (XDG_CACHE_HOME or ~/.cache, digest-lens/), so that a start does
 * not compile the 1.3 MB bundle and the functions it runs again (about a fifth of a start).
 * The cache is written when the first process without one exits (whole, then renamed);
 * V8 refuses a cache of another source or version, and then the bundle is compiled as usual.
 * Each entry (server, analysis worker, CLI, CLI worker) keeps its own: a cache holds the
 * functions its process compiled, and the CLI's (520 KB) lacks the language server's protocol
 * code that a server start would then compile (its own: 1.1 MB).
 * The packaged extension has dist/core.js.br instead of dist/core.js (packCore above): its
 * text is decompressed in memory and run as the same file (same name, same text, so the
 * same code cache works); the cache's name tells the two apart by the file it read.
 * Anything amiss: `plain()` (in the entry files), the bundle without the code cache.
 */
const CORE_LOADER = `// Loads dist/core.js, or dist/core.js.br decompressed (the packaged extension), with V8's
// code cache (see esbuild.mjs) kept for one entry.
const fs = require('node:fs');
const path = require('node:path');
const file = path.join(__dirname, 'core.js');
const packedFile = file + '.br';

/** The bundle's file (core.js when present, else core.js.br) and its stat. */
function which() {
  try {
    return { from: file, st: fs.statSync(file) };
  } catch {
    return { from: packedFile, st: fs.statSync(packedFile) };
  }
}

function text(from) {
  return from === file ? fs.readFileSync(file, 'utf8') : require('node:zlib').brotliDecompressSync(fs.readFileSync(packedFile)).toString('utf8');
}

/** Runs the bundle's text as the CommonJS module dist/core.js; returns the script (for its cache) and the exports. */
function run(source, cachedData) {
  const vm = require('node:vm');
  const Module = require('node:module');
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(__dirname);
  const req = (id) => mod.require(id);
  req.main = require.main;
  script.runInThisContext().call(mod.exports, mod.exports, req, mod, file, __dirname);
  mod.loaded = true;
  return { script, exports: mod.exports };
}

/** The bundle with the code cache of one entry; undefined when that cannot be done. */
exports.load = function load(entry) {
  try {
    const os = require('node:os');
    const { from, st } = which();
    const dir = process.env.XDG_CACHE_HOME ? path.join(process.env.XDG_CACHE_HOME, 'digest-lens') : path.join(os.homedir() || os.tmpdir(), '.cache', 'digest-lens');
    const kind = from === file ? '' : 'br-';
    const cacheFile = path.join(dir, 'core-' + process.versions.v8 + '-' + kind + st.size + '-' + Math.floor(st.mtimeMs) + (entry ? '-' + entry : '') + '.cc');
    let cached;
    try { cached = fs.readFileSync(cacheFile); } catch {}
    const { script, exports: loaded } = run(text(from), cached);
    if (!cached || script.cachedDataRejected) {
      process.once('exit', () => {
        try {
          fs.mkdirSync(dir, { recursive: true });
          // A worker thread shares the process's id: the thread's id keeps their files apart.
          const tmp = cacheFile + '.' + process.pid + '-' + require('node:worker_threads').threadId;
          fs.writeFileSync(tmp, script.createCachedData());
          fs.renameSync(tmp, cacheFile);
        } catch {}
      });
    }
    return loaded;
  } catch {
    return undefined;
  }
};

/** The bundle without any cache: require('./core.js'), or core.js.br run as that file. */
exports.plain = function plain() {
  if (fs.existsSync(file)) return require('./core.js');
  return run(text(packedFile)).exports;
};
`;

/** The entry files: each loads dist/core.js (server/src/main.ts) through coreLoader.js and starts one part. */
const SHIMS = {
  'server.js':
    "// The Digest Lens language server: `node dist/server.js --stdio` (VS Code uses IPC).\nconst core = require('./coreLoader.js');\n(core.load('server') ?? core.plain()).startServer();\n",
  'analysisWorker.js':
    "// An analysis worker thread of the language server (with its code cache: it starts analysing sooner).\nconst core = require('./coreLoader.js');\n(core.load('worker') ?? core.plain()).startWorker();\n",
  'cliWorker.js': "// A worker thread of the command line's scan of many files.\nconst core = require('./coreLoader.js');\n(core.load('cliWorker') ?? core.plain()).startCliWorker();\n",
  'cli.js':
    '#!/usr/bin/env node\n// The Digest Lens command line: `digest-lens scan --help`. Required, it exports `main`.\n' +
    "const core = require('./coreLoader.js');\nconst cli = (core.load('cli') ?? core.plain()).cliModule(require.main === module);\nmodule.exports = cli;\nif (require.main === module) cli.runCommandLine();\n",
  'coreLoader.js': CORE_LOADER,
};

function writeShims() {
  mkdirSync(OUT, { recursive: true });
  for (const [name, text] of Object.entries(SHIMS)) writeFileSync(join(OUT, name), text);
  chmodSync(join(OUT, 'cli.js'), 0o755);
}

/**
 * The production dist/extension.js (package.json's "main"): the extension's bundle ships as
 * dist/extension.js.br (brotli: 90 KB against 107 KB deflated in the .vsix), decompressed in
 * memory (about 1 ms) and run as this very module, with its own require: VS Code answers
 * require('vscode') by the requiring module's file (it takes the real path of that file and
 * finds the extension holding it), so the requiring file must be one that exists, this one.
 */
const EXTENSION_SHIM = `// The Digest Lens extension. Its bundle is extension.js.br beside this file (brotli, to keep
// the package small; see esbuild.mjs), run here as this module.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { runInThisContext } = require('node:vm');
const { wrap } = require('node:module');
const { brotliDecompressSync } = require('node:zlib');
const source = brotliDecompressSync(readFileSync(join(__dirname, 'extension.js.br'))).toString('utf8');
runInThisContext(wrap(source), { filename: __filename }).call(module.exports, module.exports, require, module, __filename, __dirname);
`;

/** Production only: dist/extension.js becomes dist/extension.js.br and the shim above. */
function packExtension() {
  const plain = join(OUT, 'extension.js');
  if (!existsSync(plain)) return;
  const raw = readFileSync(plain);
  writeFileSync(`${plain}.br`, brotliCompressSync(raw, { params: brotliParams(raw.length) }));
  writeFileSync(plain, EXTENSION_SHIM);
}

/** A TypeScript module of ours, bundled in memory and imported (the packing code has one owner). */
async function loadModule(file) {
  const built = await esbuild.build({ entryPoints: [file], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning' });
  return import(`data:text/javascript;base64,${Buffer.from(built.outputFiles[0].text).toString('base64')}`);
}

/** Writes server/data/*.json in their packed form, brotli-compressed, to dist/data/ (the one copy the bundles read). */
async function packData() {
  const { packBuiltin, unpackBuiltin, foldFromT2s } = await loadModule('server/src/data/packing.ts');
  const fold = foldFromT2s(JSON.parse(readFileSync(join('server/data', 't2s.json'), 'utf8')));
  const out = join(OUT, 'data');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const f of readdirSync('server/data').filter((n) => n.endsWith('.json'))) {
    const name = f.replace(/\.json$/, '');
    const text = readFileSync(join('server/data', f), 'utf8');
    const raw = Buffer.from(packBuiltin(name, JSON.parse(text), fold));
    // The packed form must give back exactly the source: a build never ships a lossy file.
    if (!isDeepStrictEqual(unpackBuiltin(name, raw.toString('utf8'), fold), JSON.parse(text))) throw new Error(`esbuild.mjs: ${f} does not unpack to itself`);
    writeFileSync(join(out, `${f}.br`), brotliCompressSync(raw, { params: brotliParams(raw.length) }));
  }
}

/**
 * A hash of everything a digest's analysis depends on (the analysis code, the built-in
 * data, the packed form): the language server's index cache keys on it, so a cache made by
 * another build is never trusted. (With --watch it is computed once, at start.)
 */
function analysisFingerprint() {
  const files = [
    ...readdirSync('server/src/analysis', { recursive: true }).map((f) => join('server/src/analysis', String(f))),
    ...readdirSync('server/data').map((f) => join('server/data', f)),
    'server/src/io/decode.ts',
    'server/src/index/packed.ts',
    'server/src/index/analyseFile.ts',
    'server/src/index/analysisSetup.ts',
  ].filter((f) => /\.(ts|json)$/.test(f) && existsSync(f)).sort();
  const hash = createHash('sha1');
  for (const f of files) hash.update(f).update('\0').update(readFileSync(f)).update('\0');
  return hash.digest('hex').slice(0, 20);
}
const fingerprint = analysisFingerprint();

const contexts = await Promise.all(
  entries.map((e) =>
    esbuild.context({
      entryPoints: { [e.out]: e.in },
      bundle: true,
      outdir: OUT,
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      external: ['vscode'],
      plugins: e.library ? [openccPhrases] : [openccBeside],
      sourcemap: !production && !e.library,
      minify: production,
      legalComments: 'none',
      charset: 'utf8',
      logLevel: 'warning',
      banner: e.banner ? { js: e.banner } : undefined,
      define: { DIGEST_LENS_ANALYSIS_FINGERPRINT: JSON.stringify(fingerprint) },
    }),
  ),
);

// A fresh dist/ each build, so no file of an older layout lingers (and gets packaged).
if (!watch) rmSync(OUT, { recursive: true, force: true });
await packData();
writeShims();
// vscode-languageclient (bundled into extension.js) runs this script beside itself to end a
// language server that does not stop when asked.
mkdirSync(OUT, { recursive: true });
copyFileSync('node_modules/vscode-languageclient/lib/node/terminateProcess.sh', join(OUT, 'terminateProcess.sh'));
chmodSync(join(OUT, 'terminateProcess.sh'), 0o755);
// opencc-js does not change with the sources: built (and compressed) once, even with --watch.
const library = entries.map((e, i) => (e.library ? contexts[i] : null)).filter(Boolean);
const sources = contexts.filter((c) => !library.includes(c));
await Promise.all(library.map((c) => c.rebuild()));
await Promise.all(library.map((c) => c.dispose()));
packOpencc();
if (watch) {
  await Promise.all(sources.map((c) => c.watch()));
} else {
  await Promise.all(sources.map((c) => c.rebuild()));
  await Promise.all(sources.map((c) => c.dispose()));
}
writeGazetteerImage();
if (production) {
  packCore();
  packExtension();
}

/**
 * The production build ships dist/core.js as dist/core.js.br (brotli, quality 11: 197 KB
 * against 240 KB deflated in the .vsix, which zips its files) and no dist/core.js:
 * coreLoader.js reads core.js when present, else decompresses core.js.br in memory (about
 * 2 ms of a start) and runs it the same way, with the same V8 code cache. The images
 * above are made from the plain bundle first; they are not packaged anyway.
 */
function packCore() {
  const plain = join(OUT, 'core.js');
  if (!existsSync(plain)) return;
  const raw = readFileSync(plain);
  writeFileSync(`${plain}.br`, brotliCompressSync(raw, { params: brotliParams(raw.length) }));
  rmSync(plain);
}

/**
 * dist/data/gazetteer.img: the built-in gazetteer as an image the bundles load without
 * rebuilding it (server/src/data/gazetteerImage.ts), made by the fresh bundle so that it
 * carries the bundle's stamp. It is not packaged (.vscodeignore): an installed extension
 * makes its own at first start, in the user's cache.
 */
function writeGazetteerImage() {
  const core = resolve(OUT, 'core.js');
  if (!existsSync(core)) return;
  execFileSync(process.execPath, ['-e', `require(${JSON.stringify(core)}).writeGazetteerImage(${JSON.stringify(resolve(OUT, 'data', 'gazetteer.img'))})`], { stdio: 'inherit' });
  // The themes' automaton (server/src/data/themesImage.ts); not packaged either: an installed
  // build leaves its own in the user's cache at first start.
  execFileSync(process.execPath, ['-e', `require(${JSON.stringify(core)}).writeThemesImage(${JSON.stringify(resolve(OUT, 'data', 'themes.img'))})`], { stdio: 'inherit' });
}
