/**
 * Edits of a long open note over the real server: the next hover and semantic tokens reflect
 * an edit at once (the provisional analysis, index/provisional.ts), and once the edits pause
 * the diagnostics are those a server started cold on the final text publishes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyWorkspace, removeWorkspace, startServer, uriOf, type TestServer } from './harness';
import { decodeTokens } from '../../server/src/features/semanticTokens';

const FIXTURE = join(__dirname, '..', 'fixtures', 'workspace');

/** A note over the patching threshold (16,384 characters), 80,000 characters: the fixture digests, numbered, one after another. */
function longNote(): string {
  const parts = ['simplified.digest.md', 'traditional.digest.txt', 'english.digest'].map((f) => readFileSync(join(FIXTURE, f), 'utf8').trimEnd());
  const out: string[] = [];
  for (let k = 0; out.join('\n\n').length < 80_000; k++) out.push(`第 ${k} 段\n\n${parts[k % parts.length]}`);
  return out.join('\n\n') + '\n';
}

function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Diagnostics as a cold server would give them (related locations name the other notes). */
const shape = (d: any[]) => d.map((x) => ({ range: x.range, code: x.code, severity: x.severity, message: x.message }));

async function publishedFor(server: TestServer, uri: string, version: number): Promise<any[]> {
  const p = await server.waitFor('textDocument/publishDiagnostics', (q) => q.uri === uri && q.version === version, 20000);
  return p.diagnostics;
}

test('a long note edited: the next requests reflect the edit, and settled diagnostics equal a cold server', async () => {
  const ws = copyWorkspace();
  const cold = copyWorkspace();
  const server = await startServer({ folder: ws });
  let other: TestServer | null = null;
  try {
    const uri = uriOf(join(ws, 'long.digest.md'));
    let text = longNote();
    server.open(uri, text);
    await publishedFor(server, uri, 1);
    const tokens = async () => decodeTokens((await server.request('textDocument/semanticTokens/full', { textDocument: { uri } })).data);
    const before = (await tokens()).length;

    // Insert a company and an amount in a paragraph in the middle, then ask at once.
    const at = text.indexOf('宁德时代', text.length >> 1);
    const insert = '阿里巴巴宣布回购 50 亿美元。';
    text = text.slice(0, at) + insert + text.slice(at);
    server.change(uri, text);
    const hover = await server.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, at + 1) });
    assert.ok(hover, 'a hover on the inserted name');
    assert.match(JSON.stringify(hover.contents), /Alibaba|阿里巴巴/);
    const amount = await server.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, at + insert.indexOf('50') + 1) });
    assert.ok(amount, 'a hover on the inserted amount');
    assert.match(JSON.stringify(amount.contents), /USD|\$|美元/);
    assert.ok((await tokens()).length >= before + 2, 'tokens for the inserted name and amount');

    // A burst: several edits far apart, then delete a conversion that the diagnostics flag.
    for (let k = 0; k < 5; k++) {
      const p = text.indexOf('\n\n', (text.length * (k + 1)) / 7);
      text = text.slice(0, p) + ` 腾讯${k}` + text.slice(p);
      server.change(uri, text);
    }
    const flagged = text.indexOf('(约 260 亿美元)');
    text = text.slice(0, flagged) + text.slice(flagged + '(约 260 亿美元)'.length);
    server.change(uri, text);
    const settled = await publishedFor(server, uri, 8);

    // A server started on the final text, cold.
    const coldPath = join(cold, 'long.digest.md');
    writeFileSync(coldPath, text);
    other = await startServer({ folder: cold });
    const coldUri = uriOf(coldPath);
    other.open(coldUri, text);
    const expected = await publishedFor(other, coldUri, 1);
    assert.ok(expected.length > 0, 'the note has diagnostics');
    assert.deepEqual(shape(settled), shape(expected));
  } finally {
    await server.stop();
    await other?.stop();
    removeWorkspace(ws);
    removeWorkspace(cold);
  }
});
