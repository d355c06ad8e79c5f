/**
 * The client and the server never import each other's sources; both import the protocol,
 * which imports neither. `tsc -b` (npm run typecheck) already refuses such an import, as
 * the projects do not include each other's files; this test is the second guard, and it
 * also covers what the type checker cannot see (a `require` of a path, an import in a file
 * type checking skips).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The top-level folders each part may reach by a relative import. */
const ALLOWED: Record<string, string[]> = {
  client: ['client', 'protocol'],
  server: ['server', 'protocol'],
  protocol: ['protocol'],
};
/** The only package the protocol may use: the typed message objects. */
const PROTOCOL_PACKAGES = new Set(['vscode-jsonrpc']);

/**
 * The module specifiers of a source file: `from '…'`, `import '…'`, `import('…')` and
 * `require('…')`. A scan over the text, not a parser; comments are not skipped, which at
 * worst reports a specifier written in a comment.
 */
function specifiers(text: string): string[] {
  const found: string[] = [];
  const quoted = (at: number): string | null => {
    let i = at;
    while (text[i] === ' ' || text[i] === '(') i++;
    const q = text[i];
    if (q !== "'" && q !== '"') return null;
    const end = text.indexOf(q, i + 1);
    return end < 0 ? null : text.slice(i + 1, end);
  };
  for (const word of ['from', 'import', 'require']) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
      const before = at > 0 ? text[at - 1] : ' ';
      if (/[\w$.]/.test(before)) continue;
      const s = quoted(at + word.length);
      if (s !== null) found.push(s);
    }
  }
  return found;
}

/** The part (top-level folder) a file belongs to. */
const partOf = (file: string): string => relative(ROOT, file).split(sep)[0];

/** The imports of one file that leave what its part may reach, as "specifier → folder". */
function crossImports(file: string, text: string): string[] {
  const part = partOf(file);
  const allowed = ALLOWED[part] ?? [];
  const bad: string[] = [];
  for (const s of specifiers(text)) {
    if (s.startsWith('.')) {
      const target = partOf(resolve(dirname(file), s));
      if (!allowed.includes(target)) bad.push(`${s} → ${target}/`);
    } else if (part === 'protocol' && !PROTOCOL_PACKAGES.has(s)) {
      bad.push(`${s} (a package)`);
    }
  }
  return bad;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mts|cts|js|mjs)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

test('the scanner finds every form of import, and only imports', () => {
  const text = [
    "import * as P from '../../protocol/src';",
    "import type { X } from \"./x\";",
    "export { y } from './y';",
    "import './side-effect';",
    "const z = await import('../z');",
    "const w = require('node:fs');",
    "const notAnImport = reimport('nope'); obj.require('nope');",
  ].join('\n');
  assert.deepEqual(specifiers(text).sort(), ['../../protocol/src', '../z', './side-effect', './x', './y', 'node:fs'].sort());
});

test('a cross import is reported, the protocol is allowed', () => {
  const clientFile = join(ROOT, 'client', 'src', 'views', 'a.ts');
  assert.deepEqual(crossImports(clientFile, "import { x } from '../../../server/src/settings';"), ['../../../server/src/settings → server/']);
  assert.deepEqual(crossImports(clientFile, "import * as P from '../../../protocol/src';"), []);
  const serverFile = join(ROOT, 'server', 'src', 'features', 'b.ts');
  assert.deepEqual(crossImports(serverFile, "const s = require('../../../client/src/selector');"), ['../../../client/src/selector → client/']);
  assert.deepEqual(crossImports(serverFile, "import rates from '../../data/rates.json';"), []);
  const protocolFile = join(ROOT, 'protocol', 'src', 'c.ts');
  assert.deepEqual(crossImports(protocolFile, "import type { Gazetteer } from '../../server/src/analysis/gazetteer';"), ['../../server/src/analysis/gazetteer → server/']);
  assert.deepEqual(crossImports(protocolFile, "import type * as vscode from 'vscode';"), ['vscode (a package)']);
  assert.deepEqual(crossImports(protocolFile, "import { RequestType } from 'vscode-jsonrpc';"), []);
});

test('client/src, server/src and protocol/src import nothing of each other but the protocol', () => {
  const bad: string[] = [];
  let files = 0;
  for (const part of ['client', 'server', 'protocol']) {
    for (const file of sources(join(ROOT, part, 'src'))) {
      files++;
      for (const b of crossImports(file, readFileSync(file, 'utf8'))) bad.push(`${relative(ROOT, file)}: ${b}`);
    }
  }
  assert.ok(files > 100, `only ${files} source files found`);
  assert.deepEqual(bad, []);
});
