#!/usr/bin/env node
// `npm run package`: production bundles, then a .vsix. The screenshots the UI tests take
// (screenshots/, not in git) are copied into media/screenshots/ so that the README shown on
// the extension's page in VS Code can show them; relative links are kept as they are.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const README_SHOTS = ['hover.png', 'references.png', 'sidebar.png', 'tokens.png'];
const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

run(process.execPath, ['esbuild.mjs', '--production']);
const shots = join(root, 'screenshots');
if (existsSync(shots)) {
  // Only the pictures the README shows; a failure screenshot never ships.
  const target = join(root, 'media', 'screenshots');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const f of readdirSync(shots).filter((n) => README_SHOTS.includes(n))) cpSync(join(shots, f), join(target, f));
} else {
  console.warn('package: no screenshots/ yet (npm run test:e2e takes them); the README images will be missing');
}
const vsce = join(root, 'node_modules', '.bin', 'vsce');
run(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', 'digest-lens.vsix']);
