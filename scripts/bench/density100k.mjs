// Opt-in (not in the default run: about 1 GB to generate once into .bench/ws-100000 and
// a minute or more to scan): `npm run bench -- --case density100k`. The CLI's --format json
// over 100,000 generated digests beside 10,000; its memory must stay flat (density.mjs).
import { runHundredThousand } from './density.mjs';

export const name = 'density100k';
export const description = 'scan --format json of 100,000 generated files beside 10,000: peak RSS flat';

export const run = runHundredThousand;
