// Edits of a large open note over the real server (dist/server.js on stdio, as an editor
// drives it), timed at the client: an edit of a 1 MB note → the next request answered,
// single edits and bursts of 100, and a 20-million-character note opened → first answer,
// with the server's peak RSS. Used by the edit case; `serverEditTimes` can be pointed at
// another build's server to compare.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client, peakRss } from './scale.mjs';

/** The seeds one after another until the text has `bytes` UTF-8 bytes. */
export function noteOf(seeds, bytes) {
  const parts = [];
  let size = 0;
  while (size < bytes) for (const s of seeds) {
    parts.push(s.text, '\n\n');
    size += Buffer.byteLength(s.text) + 2;
  }
  return parts.join('');
}

/** A small deterministic generator, so every run edits the same places. */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

/**
 * Times on one server: `singles` single-character edits at random places of a 1 MB note,
 * each followed by a hover; `bursts` bursts of 100 such edits sent at once, then a hover
 * (timed from the burst's last edit); `settles` edits each timed to the diagnostics of its
 * version (the whole analysis installed), and three times as many edits 150 ms apart, each
 * timed to the next hover; then a 20M-character note opened and hovered.
 */
export async function serverEditTimes(serverJs, seeds, { singles = 60, bursts = 8, settles = 8, hugeChars = 20_000_000 } = {}) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'digest-lens-edit-'));
  for (let i = 0; i < seeds.length; i++) writeFileSync(path.join(folder, `${i}.digest.md`), seeds[i].text);
  // BENCH_SERVER_ARGV (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") is passed to the server's
  // node: node refuses --cpu-prof in NODE_OPTIONS, and a profile of the edited server is
  // what tells where an edit's time goes.
  const client = new Client(serverJs, process.env.BENCH_SERVER_ARGV ? process.env.BENCH_SERVER_ARGV.split(' ') : []);
  try {
    await client.start(folder, {});
    const uri = pathToFileURL(path.join(folder, 'bench-1mb.digest.md')).href;
    const text = noteOf(seeds, 1_000_000);
    const lines = text.split('\n');
    client.open(uri, text);
    const hover = () => client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 0 } });
    await hover();
    const rand = rng(7);
    const edit = (k) => {
      let line = Math.floor(rand() * lines.length);
      while (!lines[line].length) line = (line + 1) % lines.length;
      const character = Math.floor(rand() * lines[line].length);
      const insert = k % 2 ? '亿' : ' ';
      client.change(uri, [{ range: { start: { line, character }, end: { line, character } }, text: insert }]);
      lines[line] = lines[line].slice(0, character) + insert + lines[line].slice(character);
    };
    const single = [];
    for (let k = 0; k < singles + 5; k++) {
      const t = performance.now();
      edit(k);
      await hover();
      if (k >= 5) single.push(performance.now() - t);
    }
    const burst = [];
    const burstTotal = [];
    for (let b = 0; b < bursts; b++) {
      const t0 = performance.now();
      for (let k = 0; k < 99; k++) edit(k);
      const t = performance.now();
      edit(b);
      await hover();
      burst.push(performance.now() - t);
      burstTotal.push(performance.now() - t0);
    }
    // Edit → the whole analysis installed: the diagnostics of the edit's version published
    // (a long note's diagnostics wait for its whole analysis, index/exactPhase.ts).
    const exact = [];
    // Typing: an edit every 150 ms (past the pause after which the whole analysis starts),
    // each timed to the next request answered: what a whole analysis on the request thread
    // would hold up.
    const typing = [];
    for (let k = 0; k < settles; k++) {
      const t = performance.now();
      edit(k);
      const version = client.versions.get(uri);
      await client.next('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version, 30_000);
      exact.push(performance.now() - t);
    }
    for (let k = 0; k < settles * 3; k++) {
      await new Promise((r) => setTimeout(r, 150));
      const t = performance.now();
      edit(k);
      await hover();
      typing.push(performance.now() - t);
    }
    const bytes = Buffer.byteLength(lines.join('\n'));
    client.notify('textDocument/didClose', { textDocument: { uri } });

    // A huge note: time to the first answer on it and the server's peak memory.
    let huge = null;
    if (hugeChars) {
      let big = noteOf(seeds, hugeChars);
      big = big.slice(0, hugeChars);
      const hugeUri = pathToFileURL(path.join(folder, 'bench-huge.digest.md')).href;
      const before = peakRss(client.child.pid);
      const t = performance.now();
      client.open(hugeUri, big);
      big = null;
      await client.request('textDocument/hover', { textDocument: { uri: hugeUri }, position: { line: 1, character: 0 } });
      huge = { chars: hugeChars, ms: performance.now() - t, rss: peakRss(client.child.pid), rssBefore: before };
    }
    return { single, burst, burstTotal, exact, typing, bytes, huge };
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}
