/**
 * The language server from a second, independent editor: a headless Neovim (0.7 or newer,
 * Debian's package; .ci/run installs it) starts `node dist/server.js --stdio` with
 * vim.lsp.start_client, opens english.digest and asks for a hover and the references of
 * "Tencent" (test/lsp/neovim/hover-references.lua). Neovim has its own JSON-RPC, its own
 * uris and, in 0.7, no workspace/configuration, so the settings travel as
 * initializationOptions.settings; this is what a user of another editor gets.
 *
 * Without nvim on PATH the test skips with a line saying how to install it; under CI=true
 * (.ci/run) it fails instead (test/helpers/requires.ts decides).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyWorkspace, removeWorkspace, REPO, SERVER } from './harness';
import { needProgram } from '../helpers/requires';

const SCRIPT = join(REPO, 'test', 'lsp', 'neovim', 'hover-references.lua');
/** Neovim, the server start-up and four requests take a second or two; this bounds a hang. */
const NVIM_TIMEOUT_MS = 60_000;
/** Each wait inside the script (initialize, indexing, one request). */
const STEP_TIMEOUT_MS = 20_000;
const FILES = ['english.digest', 'simplified.digest.md', 'traditional.digest.txt'];
/** Every way the fixtures write Tencent: name, Simplified, Traditional, ticker. */
const TENCENT = /tencent|腾讯|騰訊|0700/i;

/** Checks that `nvim --version`'s first line is Neovim 0.7 or newer. */
function checkVersion(first: string): void {
  const m = /NVIM v(\d+)\.(\d+)/.exec(first);
  assert.ok(m && (Number(m[1]) > 0 || Number(m[2]) >= 7), `Neovim 0.7 or newer is needed (vim.lsp.start_client, buf_attach_client), found: ${first}`);
}

interface NvimRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs nvim headless in its own process group; on timeout the whole group (nvim and the server) is killed. */
function runNvim(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<NvimRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn('nvim', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, NVIM_TIMEOUT_MS);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** The text of a hover's contents, whichever of the three LSP shapes it has. */
function hoverText(contents: any): string {
  if (contents == null) return '';
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map(hoverText).join('\n');
  return String(contents.value ?? '');
}

/** The text a Location's range covers in a file (LSP characters are UTF-16 units, as JS strings). */
function textAt(location: any): string {
  const lines = readFileSync(fileURLToPath(location.uri), 'utf8').split('\n');
  const { start, end } = location.range;
  assert.equal(start.line, end.line, `a mention spans one line: ${JSON.stringify(location)}`);
  return lines[start.line].slice(start.character, end.character);
}

/**
 * Where the workspace goes and what the English note is called: the fixture as it is, or
 * under names that Neovim spells otherwise than vscode-uri (`a(b)` for `a%28b%29`, `@`, and
 * Chinese characters), which once made the open note a second entry of the index.
 */
interface Layout {
  folder?: string;
  englishName: string;
}

async function neovimSession(t: import('node:test').TestContext, layout: Layout): Promise<void> {
  const version = needProgram(t, 'nvim');
  if (!version) return;
  checkVersion(version);
  assert.ok(existsSync(SERVER), `${SERVER} is missing: run npm run build first`);
  const ws = layout.folder ? join(copyWorkspace(), layout.folder) : copyWorkspace();
  if (layout.folder) {
    // The fixture copied one level down, into the awkward folder.
    const parent = dirname(ws);
    mkdirSync(ws);
    for (const f of [...FILES, '.digestlens']) renameSync(join(parent, f), join(ws, f));
  }
  if (layout.englishName !== 'english.digest') renameSync(join(ws, 'english.digest'), join(ws, layout.englishName));
  const files = FILES.map((f) => (f === 'english.digest' ? layout.englishName : f));
  // Neovim's own state (lsp.log, shada, swap) goes to a throwaway home, never the user's.
  const home = mkdtempSync(join(tmpdir(), 'digest-lens-nvim-'));
  const xdg: Record<string, string> = {};
  for (const v of ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME']) {
    xdg[v] = join(home, v.toLowerCase());
    mkdirSync(xdg[v]);
  }
  try {
    const file = join(ws, layout.englishName);
    const lines = readFileSync(file, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.startsWith('Tencent '));
    assert.ok(line >= 0, 'the fixture has a line starting with Tencent');
    const out = join(home, 'result.json');
    const env = {
      ...process.env,
      ...xdg,
      DIGEST_NVIM_SCRIPT: SCRIPT,
      DIGEST_NVIM_CMD: JSON.stringify([process.execPath, SERVER, '--stdio']),
      DIGEST_NVIM_ROOT: ws,
      DIGEST_NVIM_FILE: file,
      DIGEST_NVIM_LINE: String(line),
      DIGEST_NVIM_CHARACTER: '3', // inside the word "Tencent"
      DIGEST_NVIM_SETTINGS: JSON.stringify({ baseCurrency: 'EUR' }),
      DIGEST_NVIM_OUT: out,
      DIGEST_NVIM_WAIT_MS: String(STEP_TIMEOUT_MS),
    };
    // `lua dofile(...)` is `luafile` without having to escape the script's path for Ex.
    const run = await runNvim(['--headless', '--clean', '-n', '-i', 'NONE', '-c', 'lua dofile(vim.env.DIGEST_NVIM_SCRIPT)'], env, ws);
    const result = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : null;
    const lspLog = join(xdg.XDG_CACHE_HOME, 'nvim', 'lsp.log');
    const report = () =>
      [
        version,
        run.timedOut ? `nvim was killed after ${NVIM_TIMEOUT_MS} ms` : `nvim exited with ${run.code ?? run.signal} after ${run.ms} ms`,
        `stderr: ${run.stderr.trim() || '(empty)'}`,
        `result: ${result ? JSON.stringify(result, null, 1) : '(no output file)'}`,
        existsSync(lspLog) ? `lsp.log (tail): ${readFileSync(lspLog, 'utf8').slice(-3000)}` : '',
      ].join('\n');
    assert.ok(!run.timedOut && run.code === 0 && result?.ok === true, report());
    t.diagnostic(`${version}; nvim ran for ${run.ms} ms`);

    // Settings reached the server through initializationOptions (0.7 has no workspace/configuration).
    assert.equal(result.status?.baseCurrency, 'EUR', report());
    assert.equal(result.status?.files, 3, report());
    assert.ok(result.capabilities?.hoverProvider, `the server announces hover: ${report()}`);
    assert.ok(result.capabilities?.referencesProvider, `the server announces references: ${report()}`);

    assert.equal(result.hover_error ?? null, null, report());
    const hover = hoverText(result.hover?.contents);
    assert.equal(result.hover?.contents?.kind, 'markdown', report());
    assert.deepEqual(result.hover?.range, { start: { line, character: 0 }, end: { line, character: 7 } }, report());
    // The entity across scripts and its ticker...
    assert.match(hover, /Tencent/, report());
    assert.match(hover, /腾讯/, report());
    assert.match(hover, /騰訊/, report());
    assert.match(hover, /00700/, report());
    // ...and the figure stated next to it converted into the base currency that came
    // through initializationOptions (EUR, not the default USD).
    assert.match(hover, /59\.7 billion yuan[^\n]*€/, report());

    assert.equal(result.references_error ?? null, null, report());
    const refs: any[] = result.references ?? [];
    const paths = new Set(refs.map((r) => fileURLToPath(r.uri)));
    for (const f of files) assert.ok(paths.has(join(ws, f)), `references include ${f}: ${report()}`);
    // One file is one entry: no mention comes twice under two spellings of its file's uri.
    const places = refs.map((r) => `${fileURLToPath(r.uri)}:${r.range.start.line}:${r.range.start.character}`);
    assert.equal(new Set(places).size, places.length, `a reference came twice: ${report()}`);
    // includeDeclaration: the mention under the cursor is among them, at the right place.
    assert.ok(
      refs.some((r) => fileURLToPath(r.uri) === file && r.range.start.line === line && r.range.start.character === 0),
      `the hovered mention is a reference: ${report()}`,
    );
    for (const r of refs) assert.match(textAt(r), TENCENT, `every reference covers a Tencent mention: ${JSON.stringify(r)}`);
  } finally {
    removeWorkspace(layout.folder ? dirname(ws) : ws);
    rmSync(home, { recursive: true, force: true });
  }
}

test('Neovim (headless, vim.lsp.start_client) gets a hover and cross-file references from the server', { timeout: NVIM_TIMEOUT_MS + 30_000 }, (t) =>
  neovimSession(t, { englishName: 'english.digest' }),
);

test('Neovim, on a note whose path it spells otherwise than VS Code (a(b), @, 笔记): the same answers, each reference once', { timeout: NVIM_TIMEOUT_MS + 30_000 }, (t) =>
  neovimSession(t, { folder: 'notes (2025)@home', englishName: 'a(b) 笔记.digest' }),
);
