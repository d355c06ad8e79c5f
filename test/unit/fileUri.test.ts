/**
 * The uri of a found file without vscode-uri (workspace/fileUri.ts) is the string
 * `URI.file(path).toString()` gives, for plain paths and for every kind it hands on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { URI } from 'vscode-uri';
import { fileUriString } from '../../server/src/workspace/fileUri';

test('fileUriString is URI.file(path).toString() for plain and unusual paths', () => {
  const paths = [
    '/work/ws/2025/03/tencent-q3.digest.md',
    '/a/b_c~d-e.f/g.digest',
    '/',
    '/with space/a.digest',
    '/percent%20/a.digest',
    '/hash#/q?.digest',
    '/腾讯/季报.digest.md',
    '/C:/Users/x.digest',
    '/c:/Users/x.digest',
    '//server/share/x.digest',
    '/a//b.digest',
    '/a/b/',
    'relative/x.digest',
    '/x[1]/y@z:w.digest',
    '/emoji😀/x.digest',
  ];
  for (const p of paths) assert.equal(fileUriString(p), URI.file(p).toString(), p);
});

test('a path of the plain characters only is written after file:// unchanged', () => {
  assert.equal(fileUriString('/home/u/notes/2026/01/a.digest.md'), 'file:///home/u/notes/2026/01/a.digest.md');
});
