/**
 * The package's README (the marketplace page and the extension's details tab) is
 * docs/marketplace/README.md, not the developer README.md (scripts/package.mjs passes it to
 * vsce). It is written by hand, so this keeps it true: every setting and command that
 * package.json contributes is named in it, and everything `digestLens.*` it names exists.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..');
const README = 'docs/marketplace/README.md';
const text = readFileSync(join(REPO, README), 'utf8');
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
const settings: string[] = Object.keys(pkg.contributes.configuration.properties);
const commands: string[] = pkg.contributes.commands.map((c: { command: string }) => c.command);

/** The `digestLens.x.y` names written in code spans (a dotted name outside backticks is prose). */
function namesInCode(md: string): Set<string> {
  const names = new Set<string>();
  for (const span of md.matchAll(/`([^`\n]+)`/g)) {
    for (const m of span[1].matchAll(/\bdigestLens(?:\.[A-Za-z]+)+/g)) names.add(m[0]);
  }
  return names;
}

test('the marketplace README names every contributed setting and command', () => {
  const named = namesInCode(text);
  assert.ok(settings.length > 10 && commands.length > 10, 'package.json has its settings and commands');
  for (const s of settings) assert.ok(named.has(s), `${README} does not name the setting ${s}`);
  for (const c of commands) assert.ok(named.has(c), `${README} does not name the command ${c}`);
});

test('everything digestLens.* the marketplace README names is in package.json', () => {
  const known = new Set([...settings, ...commands]);
  for (const n of namesInCode(text)) assert.ok(known.has(n), `${README} names ${n}, which package.json does not contribute`);
});

test('the marketplace README links nothing that breaks outside the repository', () => {
  // The package is made with --no-rewrite-relative-links (the README has no repository to
  // point into) and vsce refuses images that are not https: so no image, no relative link.
  assert.doesNotMatch(text, /!\[/, 'no images');
  assert.doesNotMatch(text, /<(img|svg)\b/i, 'no images');
  for (const m of text.matchAll(/\]\(([^)]*)\)/g)) assert.match(m[1], /^https:\/\//, `relative link ${m[1]}`);
});

test('npm run package ships it as the README, and the developer README says where it is', () => {
  const script = readFileSync(join(REPO, 'scripts', 'package.mjs'), 'utf8');
  assert.ok(script.includes(`'${README}'`) && script.includes("'--readme-path'"), 'scripts/package.mjs passes it to vsce');
  assert.ok(readFileSync(join(REPO, 'README.md'), 'utf8').includes(README), 'README.md points at it');
});
