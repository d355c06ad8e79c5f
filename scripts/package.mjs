#!/usr/bin/env node
// `npm run package`: production bundles, then a .vsix (digest-lens.vsix), then the sizes of
// the bundles and of the .vsix. What goes in is .vscodeignore's allow-list: the bundles and
// what they load at run time (dist/analysisWorker.js, dist/opencc.js.br, dist/data/; the
// production build has dist/core.js.br and dist/extension.js.br, see esbuild.mjs), the
// grammar, media, l10n, LICENSE, and as its README the user's one
// (docs/marketplace/README.md, the marketplace page), not the repository's README.md, which
// is for developers (setup, tests, benchmarks) and was a tenth of the package. The README's
// screenshots (screenshots/, taken by the UI tests) are not shipped: they would triple the
// package's size. CHANGELOG.md is the developers' record of changes (modules, tests,
// benchmarks), not a page for users, and is left out as well (3.4 KB of the budget). The
// package is made from a staged copy whose webview scripts and styles are minified.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
/** The README the package carries (vsce ships it as extension/readme.md). */
const MARKETPLACE_README = 'docs/marketplace/README.md';
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
/** What .vscodeignore's allow-list may take, copied to the staging folder (it decides). */
const SHIPPED = ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'package.nls.zh-tw.json', 'language-configuration.json', 'LICENSE', '.vscodeignore', 'dist', 'media', 'syntaxes', 'l10n', MARKETPLACE_README];

rmSync(join(root, 'dist'), { recursive: true, force: true });
// Older versions of this script copied the screenshots here; they must not ship.
rmSync(join(root, 'media', 'screenshots'), { recursive: true, force: true });
run(process.execPath, ['esbuild.mjs', '--production']);
const vsce = join(root, 'node_modules', '.bin', 'vsce');
// Packed from a copy of what ships, in which the webview pages' scripts and stylesheets
// (media/, hand-written and commented for readers) are minified: the sources stay as they
// are, and the package keeps under its budget.
const stage = mkdtempSync(join(tmpdir(), 'digest-lens-package-'));
try {
  for (const f of SHIPPED) cpSync(join(root, f), join(stage, f), { recursive: true });
  for (const f of readdirSync(join(stage, 'media'), { recursive: true }).map(String)) {
    const loader = f.endsWith('.js') ? 'js' : f.endsWith('.css') ? 'css' : null;
    if (!loader) continue;
    const path = join(stage, 'media', f);
    writeFileSync(path, transformSync(readFileSync(path, 'utf8'), { loader, minify: true, legalComments: 'none' }).code);
  }
  execFileSync(vsce, ['package', '--no-dependencies', '--readme-path', MARKETPLACE_README, '--allow-missing-repository', '--no-rewrite-relative-links', '--out', join(root, 'digest-lens.vsix')], { cwd: stage, stdio: 'inherit' });
} finally {
  rmSync(stage, { recursive: true, force: true });
}

const dist = join(root, 'dist');
for (const f of readdirSync(dist, { recursive: true }).map(String).sort()) {
  const s = statSync(join(dist, f));
  if (s.isFile()) console.log(`  dist/${f}  ${kb(s.size)}`);
}
const vsix = statSync(join(root, 'digest-lens.vsix')).size;
console.log(`  digest-lens.vsix  ${kb(vsix)}`);
// The package's budget (issue 12): under 1 MB. The size is deterministic for a given tree,
// so going over is a failure here, where the .vsix is made (npm start and test:e2e run this).
const BUDGET = 1_000_000;
if (vsix >= BUDGET) {
  console.error(`digest-lens.vsix is ${vsix} bytes, over the budget of ${BUDGET}: see which file grew above.`);
  process.exit(1);
}
