// What a benchmark bundle of server/src/analysis needs to find the built-in data. The
// analysis reads dist/data/*.json.br next to its bundle (server/src/data/builtin.ts, by
// __dirname); a bundle written into .bench/ would look in .bench/data. The bench scripts
// give their bundles dist/ as __dirname instead, so they read what `npm run build` wrote.
import { existsSync } from 'node:fs';
import path from 'node:path';

/** esbuild options that point a bench bundle's data reads at <repoRoot>/dist/data. */
export function benchDataOptions(repoRoot) {
  const dist = path.join(repoRoot, 'dist');
  if (!existsSync(path.join(dist, 'data'))) {
    throw new Error(`${path.join(dist, 'data')} is missing: run npm run build first`);
  }
  return { define: { __dirname: JSON.stringify(dist) } };
}
