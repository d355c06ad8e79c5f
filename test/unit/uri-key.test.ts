/**
 * uriKey (server/src/uriKey.ts): every spelling of one file's uri has one key, the one
 * discovery gives the file (vscode-uri's), and the key decodes to the same path.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { URI } from 'vscode-uri';
import { keyUrisOf, uriKey } from '../../server/src/uriKey';
import { fileUriString } from '../../server/src/workspace/fileUri';
import { knownSpellings, seeded, spellFileUri } from '../lsp/uriSpellings';

const segment = fc.stringMatching(/^[a-zA-Z0-9 ()@#%&+,;=!$'~._笔记報告é-]{1,12}$/).filter((s) => s !== '.' && s !== '..');
const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => '/' + parts.join('/'));

test('any spelling of a file uri has the key discovery gives the file, which decodes to its path', () => {
  fc.assert(
    fc.property(path, fc.integer({ min: 1, max: 2 ** 31 }), (p, seed) => {
      const key = URI.file(p).toString();
      const random = seeded(seed);
      for (const spelling of [...knownSpellings(p), spellFileUri(p, random), spellFileUri(p, random)]) {
        assert.equal(uriKey(spelling), key, `${spelling} of ${p}`);
      }
      assert.equal(uriKey(key), key, 'a key is its own key');
      assert.equal(fileUriString(p), key, "discovery's uri of the file is its key");
      assert.equal(URI.parse(key).fsPath, p);
    }),
    { numRuns: 300 },
  );
});

test('the named cases: parentheses, a folder with @ and spaces, #, non-ASCII, drive letters, localhost', () => {
  const cases: [string, string][] = [
    ['file:///w/a(b).digest', 'file:///w/a%28b%29.digest'],
    ['file:///w/notes%20(2025)@home/x.digest', 'file:///w/notes%20%282025%29%40home/x.digest'],
    ['file:///w/%E7%AC%94%E8%AE%B0%20%231.digest', 'file:///w/%e7%ac%94%e8%ae%b0%20%231.digest'],
    ['file:///C:/notes/a.digest', 'file:///c%3A/notes/a.digest'],
    ['file:///c:/notes/a.digest', 'file:///C%3A/notes/a.digest'],
    ['file://localhost/w/a.digest', 'file:///w/a.digest'],
    ['FILE:///w/a.digest', 'file:///w/a.digest'],
  ];
  for (const [a, b] of cases) assert.equal(uriKey(a), uriKey(b), `${a} and ${b}`);
  // Other schemes are the client's own names: unchanged.
  for (const u of ['untitled:Untitled-1', 'vscode-vfs://github/o/r/a(b).digest', 'not a uri', 'file:', 'file://%zz/a', '']) assert.doesNotThrow(() => uriKey(u));
  for (const u of ['untitled:Untitled-1', 'vscode-vfs://github/o/r/a(b).digest', 'not a uri']) assert.equal(uriKey(u), u);
  // Malformed params: whatever is not a string is handed on as it came.
  for (const v of [undefined, null, 42, {}]) assert.equal(uriKey(v as unknown as string), v);
});

test('keyUrisOf rewrites the uri fields of params in place, within a bounded depth', () => {
  const params = {
    textDocument: { uri: 'file:///w/a(b).digest' },
    changes: [{ uri: 'file:///w/a(b).digest', type: 1 }],
    scope: { kind: 'file', uri: 'file:///w/a(b).digest' },
    contentChanges: [{ text: 'uri' }],
    deep: { a: { b: { c: { d: { uri: 'file:///w/a(b).digest' } } } } },
  };
  keyUrisOf(params);
  const key = 'file:///w/a%28b%29.digest';
  assert.equal(params.textDocument.uri, key);
  assert.equal(params.changes[0].uri, key);
  assert.equal(params.scope.uri, key);
  assert.equal(params.deep.a.b.c.d.uri, 'file:///w/a(b).digest', 'beyond the depth the protocol uses: left alone');
  keyUrisOf(null);
  keyUrisOf('file:///x');
  keyUrisOf([[[[[[[]]]]]]]);
});
