/**
 * The one bundle (dist/core.js) behind the language server, its analysis workers and the
 * command line: dist/server.js, dist/analysisWorker.js and dist/cli.js are two-line files
 * (written by esbuild.mjs) that require it and call one of these, so the analysis code and
 * its libraries ship once. Each part is required only when called.
 */
/* eslint-disable @typescript-eslint/no-require-imports */

/**
 * The language server (`node dist/server.js --stdio`, or VS Code's IPC): the connection the
 * command line asks for, the real disk, analysis workers beside this bundle.
 */
export function startServer(): void {
  // The gazetteer's image is read in the background while the modules load and the client
  // initializes: the first request that needs the analysis finds it in memory.
  (require('./data/builtinImage') as typeof import('./data/builtinImage')).prefetchBuiltinImage();
  const { createConnection, ProposedFeatures } = require('vscode-languageserver/node') as typeof import('vscode-languageserver/node');
  const server = require('./server') as typeof import('./server');
  const { nodeDisk } = require('./index/disk') as typeof import('./index/disk');
  const { join } = require('node:path') as typeof import('node:path');
  server.startServer(createConnection(ProposedFeatures.all), { disk: nodeDisk, workerScript: join(__dirname, 'analysisWorker.js') });
}

/** An analysis worker thread, started by the server from dist/analysisWorker.js. */
export function startWorker(): void {
  require('./index/analysisWorker');
}

/** A worker thread of the command line, started by its scan of many files from dist/cliWorker.js. */
export function startCliWorker(): void {
  require('./cli/cliWorker');
}

/**
 * The command line's module: dist/cli.js exports it (scripts call its `main`) and runs it
 * when run; then (`running`) the gazetteer's image is read in the background while the
 * command line's modules load, and `runCommandLine` waits for that read to end.
 */
export function cliModule(running = false): typeof import('./cli') {
  if (running) (require('./data/builtinImage') as typeof import('./data/builtinImage')).prefetchBuiltinImage();
  return require('./cli');
}

/**
 * Writes the built-in gazetteer's image (data/gazetteerImage.ts) to `path`: esbuild.mjs runs
 * it on the fresh bundle, so that the image carries that bundle's stamp.
 */
export function writeGazetteerImage(path: string): void {
  const { rebuildBuiltinGazetteer } = require('./analysis/gazetteer') as typeof import('./analysis/gazetteer');
  const { writeImage } = require('./data/gazetteerImage') as typeof import('./data/gazetteerImage');
  const { buildStamp } = require('./data/builtinImage') as typeof import('./data/builtinImage');
  const { writeFileSync } = require('node:fs') as typeof import('node:fs');
  writeFileSync(path, writeImage(rebuildBuiltinGazetteer().tables(), buildStamp() ?? ''));
}

/**
 * Writes the built-in themes' compiled matcher (data/themesImage.ts) to `path`, stamped like
 * the gazetteer's image; esbuild.mjs runs it on the fresh bundle.
 */
export function writeThemesImage(path: string): void {
  const { compileBuiltinTaxonomy } = require('./analysis/themes') as typeof import('./analysis/themes');
  const { writeMatcherImage } = require('./data/themesImage') as typeof import('./data/themesImage');
  const { buildStamp } = require('./data/builtinImage') as typeof import('./data/builtinImage');
  const { writeFileSync } = require('node:fs') as typeof import('node:fs');
  writeFileSync(path, writeMatcherImage(compileBuiltinTaxonomy().matcher, buildStamp() ?? ''));
}

/**
 * For the bench (scripts/bench/startup.mjs): milliseconds to build the built-in gazetteer
 * from its data, and to read it from the image at `imagePath` (file read included).
 */
export function gazetteerLoadTimes(imagePath: string): { rebuildMs: number; imageMs: number; imageBytes: number } {
  const { Gazetteer, rebuildBuiltinGazetteer } = require('./analysis/gazetteer') as typeof import('./analysis/gazetteer');
  const { imageStamp, readImage } = require('./data/gazetteerImage') as typeof import('./data/gazetteerImage');
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  let t = performance.now();
  rebuildBuiltinGazetteer();
  const rebuildMs = performance.now() - t;
  t = performance.now();
  const bytes = readFileSync(imagePath);
  const tables = readImage(bytes, imageStamp(bytes) ?? '');
  if (!tables) throw new Error(`${imagePath} is no gazetteer image`);
  Gazetteer.fromTables(tables);
  return { rebuildMs, imageMs: performance.now() - t, imageBytes: bytes.length };
}
