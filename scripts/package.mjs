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
// benchmarks), not a page for users, and is left out as well (3.4 KB of the budget).
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
/** The README the package carries (vsce ships it as extension/readme.md). */
const MARKETPLACE_README = 'docs/marketplace/README.md';
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

rmSync(join(root, 'dist'), { recursive: true, force: true });
// Older versions of this script copied the screenshots here; they must not ship.
rmSync(join(root, 'media', 'screenshots'), { recursive: true, force: true });
run(process.execPath, ['esbuild.mjs', '--production']);
const vsce = join(root, 'node_modules', '.bin', 'vsce');
run(vsce, ['package', '--no-dependencies', '--readme-path', MARKETPLACE_README, '--allow-missing-repository', '--no-rewrite-relative-links', '--out', 'digest-lens.vsix']);

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
