// What a benchmark bundle of server/src/analysis needs to find the built-in data. The
// analysis reads dist/data/*.json.br next to its bundle (server/src/data/builtin.ts, by
// __dirname); a bundle written into .bench/ would look in .bench/data. The bench scripts
// give their bundles dist/ as __dirname instead, so they read what `npm run build` wrote.
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** esbuild options that point a bench bundle's data reads at <repoRoot>/dist/data. */
export function benchDataOptions(repoRoot) {
  const dist = path.join(repoRoot, 'dist');
  if (!existsSync(path.join(dist, 'data'))) {
    throw new Error(`${path.join(dist, 'data')} is missing: run npm run build first`);
  }
  return { define: { __dirname: JSON.stringify(dist) } };
}

/**
 * Bundles `contents` (TypeScript re-exports from the repository) into .bench/<name>.cjs with
 * the data options above, and loads it afresh (an earlier bundle of that name is forgotten).
 */
export async function loadBenchModule(repoRoot, name, contents) {
  const esbuild = await import('esbuild');
  const outdir = path.join(repoRoot, '.bench');
  mkdirSync(outdir, { recursive: true });
  const outfile = path.join(outdir, `${name}.cjs`);
  await esbuild.build({
    stdin: { contents, resolveDir: repoRoot, sourcefile: `${name}.ts`, loader: 'ts' },
    bundle: true,
    outfile,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    ...benchDataOptions(repoRoot),
    logLevel: 'silent',
  });
  await esbuild.stop?.();
  const require = createRequire(import.meta.url);
  delete require.cache[outfile];
  return require(outfile);
}
