/**
 * The LSP lifecycle over JSON-RPC (protocolGate.ts): a request before `initialize` fails
 * with ServerNotInitialized and a notification is dropped; after `shutdown` every request
 * fails with InvalidRequest; `exit` ends the process with 0 after a shutdown and 1 without.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { copyWorkspace, removeWorkspace, spawnRawServer, uriOf } from './harness';

/** The error code a request failed with, or 'answered'. */
async function codeOf(p: Promise<unknown>): Promise<number | 'answered'> {
  try {
    await p;
    return 'answered';
  } catch (e) {
    return (e as { code: number }).code;
  }
}

function initialize(connection: MessageConnection, folder: string): Promise<any> {
  const uri = uriOf(folder);
  return connection.sendRequest('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'ws' }], capabilities: {} });
}

/** Asks for the status until the workspace is indexed. */
async function indexed(connection: MessageConnection): Promise<void> {
  for (;;) {
    const status: any = await connection.sendRequest('digestLens/status', null);
    if (!status.indexing && status.files > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const refs = (uri: string) => ({ textDocument: { uri }, position: { line: 2, character: 2 }, context: { includeDeclaration: true } });

test('before initialize: requests fail with ServerNotInitialized, notifications are dropped, exit ends with code 1', async () => {
  const ws = copyWorkspace();
  const { connection, exited } = spawnRawServer();
  try {
    const uri = uriOf(join(ws, 'english.digest'));
    for (const [method, params] of [
      ['textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 18 } }],
      ['textDocument/references', refs(uri)],
      ['workspace/symbol', { query: 'Tencent' }],
      ['textDocument/semanticTokens/full', { textDocument: { uri } }],
      ['digestLens/status', null],
      ['digestLens/entities', { scope: { kind: 'workspace' } }],
      ['textDocument/rename', { textDocument: { uri }, position: { line: 2, character: 2 }, newName: 'X' }],
      ['no/suchMethod', {}],
    ] as const) {
      assert.equal(await codeOf(connection.sendRequest(method, params)), -32002, `${method} before initialize`);
    }
    // A note opened before initialize is not kept: once the server runs, Tencent's references are the workspace's only.
    const early = 'untitled:early-note';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: early, languageId: 'digest', version: 1, text: 'Tencent and Tencent.\n' } });
    await initialize(connection, ws);
    await connection.sendNotification('initialized', {});
    await indexed(connection);
    const found: any[] = await connection.sendRequest('textDocument/references', refs(uri));
    assert.ok(Array.isArray(found) && found.length > 0, 'references answered once initialized');
    assert.ok(!found.some((l) => l.uri === early), 'the note opened before initialize was dropped');
    const hoverEarly = await connection.sendRequest('textDocument/hover', { textDocument: { uri: early }, position: { line: 0, character: 2 } });
    assert.equal(hoverEarly, null);
    assert.equal(await codeOf(connection.sendRequest('no/suchMethod', {})), -32601, 'an unknown method, once running: MethodNotFound');
    // A second initialize is refused.
    assert.equal(await codeOf(initialize(connection, ws)), -32600);
    // exit without shutdown: code 1.
    await connection.sendNotification('exit');
    assert.equal(await exited, 1);
  } finally {
    connection.dispose();
    removeWorkspace(ws);
  }
});

test('exit before initialize is honoured (code 1)', async () => {
  const { connection, exited } = spawnRawServer();
  try {
    await connection.sendNotification('exit');
    assert.equal(await exited, 1);
  } finally {
    connection.dispose();
  }
});

test('after shutdown: every request fails with InvalidRequest, notifications are dropped, exit ends with code 0', async () => {
  const ws = copyWorkspace();
  const { connection, exited } = spawnRawServer();
  try {
    const uri = uriOf(join(ws, 'english.digest'));
    await initialize(connection, ws);
    await connection.sendNotification('initialized', {});
    assert.notEqual(await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 18 } }), undefined);
    assert.equal(await connection.sendRequest('shutdown'), null);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:late', languageId: 'digest', version: 1, text: 'Tencent\n' } });
    for (const [method, params] of [
      ['textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 18 } }],
      ['textDocument/references', refs(uri)],
      ['textDocument/documentSymbol', { textDocument: { uri } }],
      ['digestLens/status', null],
      ['digestLens/figures', { scope: { kind: 'workspace' } }],
      ['no/suchMethod', {}],
      ['shutdown', null],
    ] as const) {
      assert.equal(await codeOf(connection.sendRequest(method, params)), -32600, `${method} after shutdown`);
    }
    await connection.sendNotification('exit');
    assert.equal(await exited, 0);
  } finally {
    connection.dispose();
    removeWorkspace(ws);
  }
});
