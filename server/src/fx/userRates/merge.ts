/**
 * Several rates files become one 'user' layer (fx/layers.ts): the workspace folders' files
 * in folder order, or the CLI's --rates files in the order given. On the same currency and
 * day the FIRST file wins (the first folder of a workspace is its main one), while inside
 * one file the last line has already won (parse.ts). The layer's source, which the hover
 * shows after "your rate of <day>", is the files' names.
 */
import { buildLayer, setRateLayer, type DatedRates } from '../layers';
import type { UserRateRow } from './parse';

export interface UserRatesFile {
  /** What the hover calls it: the file's name. */
  name: string;
  rows: readonly UserRateRow[];
}

/** The layer of the files' rates, or null when they hold none. */
export function userRatesLayer(files: readonly UserRatesFile[]): DatedRates | null {
  const withRows = files.filter((f) => f.rows.length > 0);
  if (!withRows.length) return null;
  const names = [...new Set(withRows.map((f) => f.name))];
  // buildLayer keeps the last row of a day: the first file's rows go last.
  const rows = function* () {
    for (let i = withRows.length - 1; i >= 0; i--) yield* withRows[i].rows;
  };
  return buildLayer('user', names.join(' + '), rows());
}

/**
 * Installs the files' rates as the user layer (none: removes it). Returns a signature of
 * what was installed, so that a caller can tell whether anything changed.
 */
export function installUserRates(files: readonly UserRatesFile[]): string {
  const layer = userRatesLayer(files);
  setRateLayer('user', layer);
  return layerSignature(layer);
}

/** A short fingerprint of a layer's contents (FNV-1a over its source, codes, days and values). */
export function layerSignature(layer: DatedRates | null): string {
  if (!layer) return 'none';
  let h = 0x811c9dc5;
  const mix = (n: number) => {
    h ^= n & 0xffff;
    h = Math.imul(h, 16777619);
    h ^= n >>> 16;
    h = Math.imul(h, 16777619);
  };
  for (let i = 0; i < layer.source.length; i++) mix(layer.source.charCodeAt(i));
  const f = new Float64Array(1);
  const u = new Uint32Array(f.buffer);
  for (const [code, s] of layer.series) {
    for (let i = 0; i < code.length; i++) mix(code.charCodeAt(i));
    for (let i = 0; i < s.days.length; i++) {
      mix(s.days[i]);
      f[0] = s.values[i];
      mix(u[0]);
      mix(u[1]);
    }
  }
  return `${layer.series.size}:${(h >>> 0).toString(16)}`;
}
