// Shared helpers of the extension tests (test/e2e/suite/*.test.js). Not a test file itself
// (the harness loads only *.test.js). Loading this module also takes the snapshot of the
// workspace that workspace.test.js compares against at the end: the harness requires every
// test file before running any test, so the snapshot precedes every open, hover and command.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

const EXTENSION_ID = 'digest-lens.digest-lens';

/** Polls `check` until it returns a truthy value; throws with `what` after `timeoutMs`. */
async function waitFor(what, check, { timeoutMs = 15000, intervalMs = 50 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}` + (lastError ? ` (last error: ${lastError.message})` : ''));
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Resolves with the first firing of `event` that satisfies `accept`, or rejects after `timeoutMs`. */
function nextEvent(event, what, accept = () => true, timeoutMs = 15000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const sub = event((e) => {
      if (!accept(e)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e);
    });
  });
}

let apiPromise;
/**
 * The extension's test API (client/src/api.ts), once the language client runs and the
 * server reports a finished index with the three fixture digests. Memoised: every test file
 * calls it, the work is done once.
 */
function ready() {
  if (!apiPromise) {
    apiPromise = (async () => {
      const ext = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
      const api = await ext.activate();
      assert.ok(api && api.client, 'activate() returned no test API');
      await api.client;
      await waitIndexed(api);
      return api;
    })();
  }
  return apiPromise;
}

/** Waits until digestLens/status says the index is complete with at least `files` files. */
async function waitIndexed(api, files = 3) {
  return waitFor(`the index to hold ${files} files`, async () => {
    const s = await api.request('digestLens/status');
    return !s.indexing && s.files >= files ? s : null;
  });
}

/** The workspace folder (the copy of test/fixtures/workspace the runner opened). */
function workspaceDir() {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri.fsPath;
}

/** The URI of a file of the workspace. */
function fileUri(name) {
  return vscode.Uri.file(path.join(workspaceDir(), name));
}

/** Opens a workspace file as a text document (not shown in an editor). */
async function openDoc(name) {
  return vscode.workspace.openTextDocument(fileUri(name));
}

/** The position of the `nth` (0-based) occurrence of `needle` in a document, plus `delta` characters. */
function positionOf(doc, needle, { nth = 0, delta = 0 } = {}) {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (occurrence ${nth}) not found in ${path.basename(doc.uri.fsPath)}`);
  }
  return doc.positionAt(at + delta);
}

/** The plain text of a hover's contents (MarkdownString or MarkedString). */
function hoverText(hovers) {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** Every file under `dir` (relative paths) with its bytes and mtime. */
function snapshot(dir) {
  const out = new Map();
  for (const rel of fs.readdirSync(dir, { recursive: true }).map(String).sort()) {
    const full = path.join(dir, rel);
    const st = fs.statSync(full);
    if (!st.isFile()) continue;
    out.set(rel, { bytes: fs.readFileSync(full), mtimeMs: st.mtimeMs });
  }
  return out;
}

/** The workspace as it was when the test files were loaded. */
const initialSnapshot = (() => {
  try {
    return snapshot(workspaceDir());
  } catch (err) {
    return err;
  }
})();

module.exports = { EXTENSION_ID, waitFor, nextEvent, ready, waitIndexed, workspaceDir, fileUri, openDoc, positionOf, hoverText, snapshot, initialSnapshot };
