// One build for every bundle: the extension client, the language server and the CLI.
// `--production` minifies; `--watch` rebuilds on change. `vscode` stays external.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const entries = [
  { in: 'server/src/cli.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'server/src/server.ts', out: 'server' },
  // The language server's analysis workers; the server loads it from its own folder.
  { in: 'server/src/index/analysisWorker.ts', out: 'analysisWorker' },
  { in: 'client/src/extension.ts', out: 'extension' },
].filter((e) => existsSync(e.in));

/**
 * A hash of everything a digest's analysis depends on (the analysis code, the built-in
 * data, the packed form): the language server's index cache keys on it, so a cache made by
 * another build is never trusted. (With --watch it is computed once, at start.)
 */
function analysisFingerprint() {
  const files = [
    ...readdirSync('server/src/analysis', { recursive: true }).map((f) => join('server/src/analysis', String(f))),
    ...readdirSync('server/data').map((f) => join('server/data', f)),
    'server/src/io/decode.ts',
    'server/src/index/packed.ts',
    'server/src/index/analyseFile.ts',
    'server/src/index/analysisSetup.ts',
  ].filter((f) => /\.(ts|json)$/.test(f) && existsSync(f)).sort();
  const hash = createHash('sha1');
  for (const f of files) hash.update(f).update('\0').update(readFileSync(f)).update('\0');
  return hash.digest('hex').slice(0, 20);
}
const fingerprint = analysisFingerprint();

const contexts = await Promise.all(
  entries.map((e) =>
    esbuild.context({
      entryPoints: { [e.out]: e.in },
      bundle: true,
      outdir: 'dist',
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      external: ['vscode'],
      sourcemap: !production,
      minify: production,
      legalComments: 'none',
      logLevel: 'warning',
      banner: e.banner ? { js: e.banner } : undefined,
      define: { DIGEST_LENS_ANALYSIS_FINGERPRINT: JSON.stringify(fingerprint) },
    }),
  ),
);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
