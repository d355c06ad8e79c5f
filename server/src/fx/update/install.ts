/** Reading the store of a folder and installing it as the 'downloaded' rate layer (server and CLI). */
import { setRateLayer } from '../layers';
import { layerOfStore, readStore, type RatesStore } from './store';

/** Installs the store of `dir` (or removes the layer when there is none); returns it and any problem for the log. */
export function installStore(dir: string | null | undefined): { store: RatesStore | null; problem?: string } {
  if (!dir) {
    setRateLayer('downloaded', null);
    return { store: null };
  }
  const read = readStore(dir);
  setRateLayer('downloaded', layerOfStore(read.store));
  return read;
}
