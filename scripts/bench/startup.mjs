// Start-up to the first answer, as a user meets it: the CLI (`scan` of an empty file,
// process spawn → exit) and the language server (spawn → initialize answered → the first
// hover on a small open note answered), each the median of several fresh processes.
// Three ways the built-in gazetteer can come: from dist/data/gazetteer.img (what
// `npm run build` makes), from the user's cache (an installed build: the .vsix does not ship
// the image; its first start builds the gazetteer and leaves the image there), or rebuilt
// at every start (no image: what every start did before images), which gives the ratio.
// In process, the gazetteer's own load: rebuilt from the data vs read from the image.
// The installed build's starts are also timed with dist/core.js shipped compressed, as the
// .vsix ships it (dist/core.js.br, decompressed in memory at each start), beside core.js.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { Client } from './scale.mjs';

export const name = 'startup';
export const description = 'start-up to the first answer: CLI scan of an empty file and the server to its first hover; gazetteer image vs rebuild';

const BUDGET_MS = 100;

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const ms = (v) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');

/** A copy of dist/ without the images beside the bundle (an installed build). */
function installedCopy(repoRoot) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'digest-lens-startup-'));
  cpSync(path.join(repoRoot, 'dist'), path.join(dir, 'dist'), { recursive: true, filter: (src) => !/(gazetteer|themes)\.img$|\.map$/.test(src) });
  return dir;
}

/**
 * The installed copy with its bundle as core.js (plain) or as core.js.br (packed, brotli at
 * the production build's settings), whichever the build left: the other is made here.
 */
function setCoreForm(dist, packed) {
  const plain = path.join(dist, 'core.js');
  const br = `${plain}.br`;
  if (packed && existsSync(plain)) {
    const raw = readFileSync(plain);
    writeFileSync(br, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length, [constants.BROTLI_PARAM_LGWIN]: 24 } }));
    rmSync(plain);
  } else if (!packed && !existsSync(plain) && existsSync(br)) {
    writeFileSync(plain, brotliDecompressSync(readFileSync(br)));
    rmSync(br);
  }
}

/** Milliseconds from spawn to exit of `node args`, with `env` added. */
function timedRun(args, env) {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const took = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  return took;
}

/** Spawn → initialize answered, and spawn → first hover on a small note answered. */
async function serverStart(serverJs, folder, uri, text, env) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const t0 = performance.now();
  const client = new Client(serverJs);
  Object.assign(process.env, saved);
  for (const k of Object.keys(env)) if (!(k in saved)) delete process.env[k];
  const root = pathToFileURL(folder).href;
  await client.request('initialize', { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'ws' }], capabilities: { textDocument: { hover: { contentFormat: ['markdown'] } } } });
  const init = performance.now() - t0;
  client.notify('initialized', {});
  client.open(uri, text);
  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
  const first = performance.now() - t0;
  await client.stop();
  return { init, first, answered: !!hover };
}

export async function run(ctx) {
  const runs = ctx.quick ? 5 : 11;
  const rows = [];
  const cli = path.join(ctx.repoRoot, 'dist', 'cli.js');
  const work = mkdtempSync(path.join(os.tmpdir(), 'digest-lens-startup-ws-'));
  const installed = installedCopy(ctx.repoRoot);
  const packed = installedCopy(ctx.repoRoot);
  const packedCache = mkdtempSync(path.join(os.tmpdir(), 'digest-lens-startup-cache-'));
  const cache = mkdtempSync(path.join(os.tmpdir(), 'digest-lens-startup-cache-'));
  // A cache folder that cannot be made: every start rebuilds the gazetteer.
  const noCache = { XDG_CACHE_HOME: path.join(work, 'not-a-folder', 'x') };
  writeFileSync(path.join(work, 'not-a-folder'), '');
  const empty = path.join(work, 'empty.md');
  writeFileSync(empty, '');
  const note = path.join(work, 'note.md');
  const noteText = '腾讯控股 2025 年营收 6,600 亿元，同比增长 8%。\n';
  writeFileSync(note, noteText);
  try {
    const scan = (dist, env) => timedRun([path.join(dist, 'cli.js'), 'scan', empty, '--format', 'json'], env);
    const installedDist = path.join(installed, 'dist');
    const packedDist = path.join(packed, 'dist');
    setCoreForm(installedDist, false);
    setCoreForm(packedDist, true);
    const coreBytes = readFileSync(path.join(installedDist, 'core.js')).length;
    const cliPacked = [];
    const bare = [];
    const image = [];
    const cached = [];
    const rebuilt = [];
    // The installed build's first start: no image anywhere, so it builds and leaves one.
    const firstInstalled = scan(installedDist, { XDG_CACHE_HOME: cache });
    scan(packedDist, { XDG_CACHE_HOME: packedCache });
    for (let i = 0; i < runs; i++) {
      // Interleaved, so that the machine's load falls on every variant alike.
      bare.push(timedRun(['-e', '0'], {}));
      image.push(scan(path.dirname(cli), {}));
      cached.push(scan(installedDist, { XDG_CACHE_HOME: cache }));
      rebuilt.push(scan(installedDist, noCache));
      cliPacked.push(scan(packedDist, { XDG_CACHE_HOME: packedCache }));
    }
    rows.push({ figure: `node itself: spawn → exit of node -e 0, median of ${runs}`, budget: null, measured: ms(median(bare)), verdict: 'info', value: median(bare), unit: 'ms' });
    rows.push({ figure: `CLI start-up to first answer: scan of an empty file, spawn → exit, gazetteer image beside the bundle, median`, budget: `≤ ${BUDGET_MS} ms`, measured: ms(median(image)), verdict: verdict(median(image) <= BUDGET_MS), value: median(image), unit: 'ms' });
    rows.push({ figure: `CLI start-up, installed build (no image shipped), later starts: image from the user's cache, median`, budget: `≤ ${BUDGET_MS} ms`, measured: ms(median(cached)), verdict: verdict(median(cached) <= BUDGET_MS), value: median(cached), unit: 'ms' });
    rows.push({ figure: `CLI start-up, installed build, first start: gazetteer built, image written to the cache`, budget: null, measured: ms(firstInstalled), verdict: 'info', value: firstInstalled, unit: 'ms' });
    rows.push({ figure: `CLI start-up, installed build with core.js shipped compressed (core.js.br of this build's ${(coreBytes / 1024).toFixed(0)} KB core.js), later starts, median; ratio to core.js`, budget: null, measured: `${ms(median(cliPacked))} (${(median(cliPacked) / median(cached)).toFixed(2)}×)`, verdict: 'info', value: median(cliPacked), unit: 'ms' });
    rows.push({ figure: `CLI start-up, gazetteer rebuilt at every start (no image, as before), median; ratio to the image`, budget: null, measured: `${ms(median(rebuilt))} (${(median(rebuilt) / median(image)).toFixed(2)}×)`, verdict: 'info', value: median(rebuilt), unit: 'ms' });

    const serverJs = path.join(ctx.repoRoot, 'dist', 'server.js');
    const uri = pathToFileURL(note).href;
    const sImage = [];
    const sRebuilt = [];
    const sInstalled = [];
    const sPacked = [];
    let answered = 0;
    await serverStart(path.join(installedDist, 'server.js'), work, uri, noteText, { XDG_CACHE_HOME: cache });
    await serverStart(path.join(packedDist, 'server.js'), work, uri, noteText, { XDG_CACHE_HOME: packedCache });
    for (let i = 0; i < runs; i++) {
      const a = await serverStart(serverJs, work, uri, noteText, {});
      const b = await serverStart(path.join(installedDist, 'server.js'), work, uri, noteText, noCache);
      // The installed build with its bundle plain and compressed, in alternating order.
      const plainStart = () => serverStart(path.join(installedDist, 'server.js'), work, uri, noteText, { XDG_CACHE_HOME: cache });
      const packedStart = () => serverStart(path.join(packedDist, 'server.js'), work, uri, noteText, { XDG_CACHE_HOME: packedCache });
      let c;
      let d;
      if (i % 2) {
        c = await plainStart();
        d = await packedStart();
      } else {
        d = await packedStart();
        c = await plainStart();
      }
      sImage.push(a);
      sRebuilt.push(b);
      sInstalled.push(c);
      sPacked.push(d);
      if (a.answered && b.answered && c.answered && d.answered) answered++;
    }
    const init = median(sImage.map((r) => r.init));
    const first = median(sImage.map((r) => r.first));
    const firstRebuilt = median(sRebuilt.map((r) => r.first));
    rows.push({ figure: `server: spawn → initialize answered, median`, budget: null, measured: ms(init), verdict: 'info', value: init, unit: 'ms' });
    rows.push({ figure: `server start-up to first answer: spawn → first hover on a small note answered (${answered}/${runs} answered), image, median`, budget: `≤ ${BUDGET_MS} ms`, measured: ms(first), verdict: verdict(first <= BUDGET_MS && answered === runs), value: first, unit: 'ms' });
    const firstInstalledServer = median(sInstalled.map((r) => r.first));
    const firstPacked = median(sPacked.map((r) => r.first));
    rows.push({ figure: `server to first hover, installed build, core.js / core.js.br (as the .vsix ships it), median; ratio`, budget: null, measured: `${ms(firstInstalledServer)} / ${ms(firstPacked)} (${(firstPacked / firstInstalledServer).toFixed(2)}×)`, verdict: 'info', value: firstPacked, unit: 'ms' });
    rows.push({ figure: `server to first hover, gazetteer rebuilt (no image, as before), median; ratio to the image`, budget: null, measured: `${ms(firstRebuilt)} (${(firstRebuilt / first).toFixed(2)}×)`, verdict: 'info', value: firstRebuilt, unit: 'ms' });

    // In process: the gazetteer alone, rebuilt from the data vs read from the image.
    const core = createRequire(import.meta.url)(path.join(ctx.repoRoot, 'dist', 'core.js'));
    const probe = core.gazetteerLoadTimes?.(path.join(ctx.repoRoot, 'dist', 'data', 'gazetteer.img'));
    if (probe) {
      rows.push({ figure: `built-in gazetteer in process: rebuilt from the data / read from the image (${(probe.imageBytes / 1e6).toFixed(1)} MB)`, budget: null, measured: `${ms(probe.rebuildMs)} / ${ms(probe.imageMs)} (${(probe.rebuildMs / probe.imageMs).toFixed(0)}×)`, verdict: 'info', value: probe.rebuildMs / probe.imageMs, unit: 'ratio' });
    }
    ctx.metrics.startup = { cliMs: median(image), cliCachedMs: median(cached), cliRebuiltMs: median(rebuilt), cliFirstInstalledMs: firstInstalled, serverInitMs: init, serverFirstMs: first, serverRebuiltMs: firstRebuilt, cliPackedMs: median(cliPacked), serverInstalledFirstMs: firstInstalledServer, serverPackedFirstMs: firstPacked, nodeMs: median(bare), ...(probe ?? {}) };
  } finally {
    for (const d of [work, installed, packed, cache, packedCache]) rmSync(d, { recursive: true, force: true });
  }
  return rows;
}
