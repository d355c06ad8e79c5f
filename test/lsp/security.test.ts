/**
 * Security: the server opens no network connection and runs nothing; the sources have no
 * network, process, eval or vm use; hovers never carry raw HTML or command links taken
 * from documents or entity files, and nothing marks hover Markdown as trusted.
 *
 * The network check runs the real server with a preload (`NODE_OPTIONS=--require …`) that
 * wraps every way Node opens a connection or resolves a name (net, tls, http, https, http2,
 * dns, dgram, fetch) and every way it starts a process, and records each call to a file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { copyWorkspace, REPO, removeWorkspace, startServer, uriOf, type TestServer } from './harness';

/** The preload: wraps the network and process APIs, appends one JSON line per call to $DIGEST_LENS_NET_LOG. */
const PRELOAD = String.raw`
'use strict';
const fs = require('fs');
const logFile = process.env.DIGEST_LENS_NET_LOG;
const record = (api, args) => {
  let what;
  try { what = JSON.stringify(args.map((a) => (typeof a === 'function' ? 'fn' : a)).slice(0, 2)); } catch { what = String(args[0]); }
  fs.appendFileSync(logFile, JSON.stringify({ api, what, pid: process.pid, stack: new Error().stack.split('\n').slice(2, 6).join(' | ') }) + '\n');
};
const wrap = (mod, name, label) => {
  const original = mod[name];
  if (typeof original !== 'function') return;
  mod[name] = function (...args) { record(label, args); return original.apply(this, args); };
};
const net = require('net');
for (const n of ['connect', 'createConnection', 'createServer']) wrap(net, n, 'net.' + n);
wrap(net.Socket.prototype, 'connect', 'net.Socket#connect');
wrap(net.Server.prototype, 'listen', 'net.Server#listen');
wrap(require('tls'), 'connect', 'tls.connect');
for (const m of ['http', 'https']) for (const n of ['request', 'get', 'createServer']) wrap(require(m), n, m + '.' + n);
for (const n of ['connect', 'createServer', 'createSecureServer']) wrap(require('http2'), n, 'http2.' + n);
const dns = require('dns');
for (const n of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'lookupService']) { wrap(dns, n, 'dns.' + n); wrap(dns.promises, n, 'dns.promises.' + n); }
wrap(require('dgram'), 'createSocket', 'dgram.createSocket');
if (typeof globalThis.fetch === 'function') {
  const f = globalThis.fetch;
  globalThis.fetch = function (...args) { record('fetch', args.map(String)); return f.apply(this, args); };
}
if (typeof globalThis.WebSocket === 'function') {
  const W = globalThis.WebSocket;
  globalThis.WebSocket = function (...args) { record('WebSocket', args.map(String)); return new W(...args); };
}
const cp = require('child_process');
for (const n of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) wrap(cp, n, 'child_process.' + n);
fs.appendFileSync(logFile, JSON.stringify({ api: 'preload', pid: process.pid, main: process.argv[1] || '' }) + '\n');
`;

interface Call {
  api: string;
  what?: string;
  stack?: string;
  pid: number;
  main?: string;
}

function readCalls(file: string): Call[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Call);
}

/** A full session: index, hover, references, definition, tokens, symbols, code actions, figures, reindex. */
async function session(server: TestServer, ws: string): Promise<void> {
  for (const name of ['english.digest', 'simplified.digest.md', 'traditional.digest.txt']) {
    const uri = uriOf(join(ws, name));
    const textDocument = { uri };
    server.open(uri, readFileSync(join(ws, name), 'utf8'));
    const diagnostics = await server.diagnostics(uri);
    const symbols: any[] = await server.request('textDocument/documentSymbol', { textDocument });
    await server.request('textDocument/semanticTokens/full', { textDocument });
    for (const s of symbols.flatMap((x) => x.children ?? [x]).slice(0, 8)) {
      const position = s.selectionRange.start;
      await server.request('textDocument/hover', { textDocument, position });
      await server.request('textDocument/references', { textDocument, position, context: { includeDeclaration: true } });
      await server.request('textDocument/definition', { textDocument, position });
      await server.request('textDocument/codeAction', { textDocument, range: s.selectionRange, context: { diagnostics } });
    }
  }
  const hover = await server.request('textDocument/hover', { textDocument: { uri: uriOf(join(ws, 'english.digest')) }, position: { line: 2, character: 18 } });
  assert.match(hover.contents.value, /59\.7 billion yuan/, 'the session did not really hover');
  await server.request('workspace/symbol', { query: 'Tencent' });
  await server.request('digestLens/figures', { scope: { kind: 'workspace' } });
  await server.request('digestLens/reindex', null);
}

test('the server opens no network connection, resolves no name and starts no process during a full session', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'digest-lens-net-'));
  const preload = join(dir, 'record-network.cjs');
  const log = join(dir, 'calls.jsonl');
  writeFileSync(preload, PRELOAD);
  const ws = copyWorkspace();
  // harness.startServer spawns with this process's environment: the preload rides along.
  const saved = { opts: process.env.NODE_OPTIONS, log: process.env.DIGEST_LENS_NET_LOG };
  process.env.NODE_OPTIONS = `${saved.opts ?? ''} --require ${JSON.stringify(preload)}`.trim();
  process.env.DIGEST_LENS_NET_LOG = log;
  let server: TestServer | undefined;
  try {
    server = await startServer({ folder: ws });
    await session(server, ws);
  } finally {
    if (saved.opts === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = saved.opts;
    if (saved.log === undefined) delete process.env.DIGEST_LENS_NET_LOG;
    else process.env.DIGEST_LENS_NET_LOG = saved.log;
    await server?.stop();
    removeWorkspace(ws);
  }
  const calls = readCalls(log);
  removeWorkspace(dir);
  // The preload really ran in the server (else the check below proves nothing).
  assert.ok(calls.some((c) => c.api === 'preload' && /server\.js$/.test(c.main ?? '')), `the preload did not load in the server: ${JSON.stringify(calls.slice(0, 3))}`);
  const made = calls.filter((c) => c.api !== 'preload');
  assert.deepEqual(made.map((c) => `${c.api} ${c.what} at ${c.stack}`), [], 'network or process calls were made');
});

/** The project's own sources: server/src and client/src, every .ts file. */
function sources(): { file: string; code: string }[] {
  const out: { file: string; code: string }[] = [];
  for (const root of ['server/src', 'client/src']) {
    for (const rel of readdirSync(join(REPO, root), { recursive: true }).map(String)) {
      if (!rel.endsWith('.ts')) continue;
      const file = join(REPO, root, rel);
      out.push({ file: relative(REPO, file), code: stripComments(readFileSync(file, 'utf8')) });
    }
  }
  return out;
}

/** Drops block and line comments (a `//` after a colon or inside quotes, as in "https://", is kept). */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/**
 * The one file that may open a connection: the rates update the user asks for (the command,
 * `digest-lens rates update`, or digestLens.rates.autoUpdate turned on), to the ECB's and the
 * Fed's URLs it names. The runtime test above shows a session with the setting off makes no call.
 */
const DOWNLOAD = 'server/src/fx/update/download.ts';

/** Forbidden in our sources, with the files where a use is allowed and why. */
const FORBIDDEN: { what: string; re: RegExp; allowed: string[] }[] = [
  { what: 'a network module', re: /from\s+['"](node:)?(net|tls|http|https|http2|dgram|dns|undici)(\/[a-z]+)?['"]|require\(\s*['"](node:)?(net|tls|http|https|http2|dgram|dns|undici)['"]\s*\)/, allowed: [DOWNLOAD] },
  { what: 'fetch / XMLHttpRequest / WebSocket', re: /\bfetch\s*\(|\bXMLHttpRequest\b|\bnew\s+WebSocket\b|\bEventSource\b/, allowed: [] },
  { what: 'an http(s) URL in code', re: /['"`]https?:\/\//, allowed: [DOWNLOAD] },
  { what: 'child_process', re: /child_process/, allowed: [] },
  { what: 'eval / new Function', re: /\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*['"`]/, allowed: [] },
  { what: 'the vm module', re: /from\s+['"](node:)?vm['"]|require\(\s*['"](node:)?vm['"]\s*\)/, allowed: [] },
  // Hover Markdown is shown untrusted: no client option or middleware may trust it or enable HTML,
  // except client.ts, which enables one command (the dossier link of the company hover): the
  // test below checks that it is exactly that. (`workspace.isTrusted`, the workspace trust
  // that firstUse.ts reads, is not Markdown.)
  { what: 'trusted or HTML-enabled Markdown', re: /(?<!workspace\.)\bisTrusted\b|\bsupportHtml\b|\bmarkdown\s*:\s*\{/, allowed: ['client/src/client.ts'] },
  { what: 'language client middleware', re: /\bmiddleware\s*:/, allowed: [] },
];

test('no network, process, eval, vm or trusted-Markdown use in server/src and client/src', () => {
  const files = sources();
  assert.ok(files.length > 40, `only ${files.length} source files found`);
  assert.ok(files.some((f) => f.file.endsWith('server.ts')) && files.some((f) => f.file.endsWith('client.ts')));
  assert.ok(files.some((f) => f.file === DOWNLOAD), `${DOWNLOAD} is gone: take it off the allow-list`);
  const found: string[] = [];
  for (const { what, re, allowed } of FORBIDDEN) {
    for (const { file, code } of files) if (re.test(code) && !allowed.includes(file)) found.push(`${what} in ${file}`);
  }
  assert.deepEqual(found, []);
  // The one trusted-Markdown option enables the dossier command only, and no HTML.
  const client = files.find((f) => f.file.endsWith('client/src/client.ts'))!.code;
  assert.deepEqual(client.match(/\bisTrusted\b.*$/gm), [`isTrusted: { enabledCommands: ['digestLens.showDossier'] } },`]);
  assert.ok(!/\bsupportHtml\b/.test(client));
  // The checker itself sees what it must: these lines would be caught.
  assert.ok(FORBIDDEN[0].re.test(`import * as https from 'node:https';`));
  assert.ok(FORBIDDEN[1].re.test(`await fetch(url)`));
  assert.ok(FORBIDDEN[2].re.test(`const u = "https://example.com";`));
  assert.ok(!FORBIDDEN[2].re.test(stripComments(`// see https://example.com`)));
});

const HTML = '<img src=x onerror=alert(1)>';
const COMMAND = '[x](command:workbench.action.quit)';

/** Markdown rendered the way an editor would, with HTML allowed (the worst case). */
function render(markdown: string): string {
  const MarkdownIt = createRequire(__filename)('markdown-it');
  return new MarkdownIt({ html: true, linkify: true }).render(markdown);
}

test('hovers escape HTML and command links from the entity file and the document', async () => {
  const ws = copyWorkspace();
  writeFileSync(
    join(ws, '.digestlens', 'entities.json'),
    JSON.stringify({ entities: [{ id: 'acme', name: HTML, aliases: ['Acme Robotics', COMMAND, '<script>alert(2)</script>'], tickers: [], kind: 'company' }] }),
  );
  const text = `# Notes 2026-01-16\n\nAcme Robotics ${HTML} raised $3 billion ${COMMAND} and <b>HK$4.19B</b> <a href="command:workbench.action.quit">x</a>.\n`;
  writeFileSync(join(ws, 'hostile.digest'), text);
  const server = await startServer({ folder: ws });
  try {
    const uri = uriOf(join(ws, 'hostile.digest'));
    const lines = text.split('\n');
    const at = (needle: string, delta = 1) => {
      const line = lines.findIndex((l) => l.includes(needle));
      return { line, character: lines[line].indexOf(needle) + delta };
    };
    const hovers: string[] = [];
    for (const needle of ['Acme Robotics', '$3 billion', 'HK$4.19B']) {
      const hover = await server.request('textDocument/hover', { textDocument: { uri }, position: at(needle) });
      assert.ok(hover, `no hover on ${needle}`);
      // Plain MarkupContent: LSP has no trust flag, and nothing else rides along.
      assert.deepEqual(Object.keys(hover.contents).sort(), ['kind', 'value']);
      assert.equal(hover.contents.kind, 'markdown');
      hovers.push(hover.contents.value);
    }
    const [entity, figure] = hovers;
    // The entity hover lists the hostile names (so the test is about them), escaped.
    assert.match(entity, /img src=x onerror=alert\\\(1\\\)/, `the entity hover does not show the name:\n${entity}`);
    assert.match(entity, /command:workbench\.action\.quit/);
    // The one command link: the dossier of the entity, its id JSON-encoded and percent-escaped.
    assert.match(entity, /\]\(command:digestLens\.showDossier\?%5B%22acme%22%5D "/);
    assert.match(figure, /\$3 billion/);
    for (const md of hovers) {
      assert.doesNotMatch(md, /(^|[^\\])<(img|script|a|b)\b/i, `raw HTML in a hover:\n${md}`);
      const links = md.match(/\]\(command:[^)]*\)/g) ?? [];
      assert.ok(links.every((l) => l.startsWith('](command:digestLens.showDossier?')), `a command link in a hover:\n${md}`);
      const html = render(md);
      assert.doesNotMatch(html, /<(img|script|b)\b/i, `the hover renders HTML elements:\n${html}`);
      for (const href of html.match(/href="[^"]*"/gi) ?? []) assert.match(href, /^href="command:digestLens\.showDossier\?%5B%22[a-z0-9-]+%22%5D"$/, `the hover renders a link:\n${html}`);
      assert.equal((html.match(/<a\b/gi) ?? []).length, (html.match(/href="command:digestLens\.showDossier/gi) ?? []).length, html);
    }
    // The escaped name still reads as the name once rendered.
    assert.ok(render(entity).includes('&lt;img src=x onerror=alert(1)&gt;'), render(entity));
  } finally {
    await server.stop();
    removeWorkspace(ws);
  }
});
