/**
 * The built-in data (server/data/*.json: companies, extra entities, themes, the
 * Traditional→Simplified table, exchange rates), read when first needed. The bundles
 * (server, analysis worker, CLI) share one copy shipped beside them as
 * dist/data/<name>.json.br (packing.ts's form, brotli-compressed, written by esbuild.mjs);
 * run from source (tests), the JSON files are read directly. Each caller keeps what it builds from the data, so nothing
 * is cached here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { foldFromT2s, unpackBuiltin, type Fold } from './packing';

export type BuiltinDataName = 'companies' | 'entities-extra' | 'rates' | 'rates-daily' | 't2s' | 'themes';

/** Every data file, in the order esbuild.mjs packs them. */
export const BUILTIN_DATA: readonly BuiltinDataName[] = ['companies', 'entities-extra', 'rates', 'rates-daily', 't2s', 'themes'];

/** The parsed contents of one built-in data file. */
export function builtinData(name: BuiltinDataName): unknown {
  const packed = join(__dirname, 'data', `${name}.json.br`);
  if (existsSync(packed)) return unpackBuiltin(name, brotliDecompressSync(readFileSync(packed)).toString('utf8'), shippedFold);
  const source = join(__dirname, '..', '..', 'data', `${name}.json`);
  if (existsSync(source)) return JSON.parse(readFileSync(source, 'utf8'));
  throw new Error(`Digest Lens: the built-in data file ${packed} is missing; reinstall the extension (or run npm run build)`);
}

let fold: Fold | undefined;
/** The companies' packed names need t2s.json's table, shipped beside them: read when first used. */
const shippedFold: Fold = (text) => (fold ??= foldFromT2s(builtinData('t2s')))(text);
