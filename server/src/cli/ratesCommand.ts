/**
 * `digest-lens rates update|status [--rates-store DIR] [--ecb-url URL] [--fed-url URL]`
 *
 * update: fetches the ECB's reference rates and the Federal Reserve's H.10 into the rates
 * store (the only network use of the CLI, and only when asked); `scan` then converts with
 * them. status: where the store is, each source's newest day and last fetch.
 * Exit status: 0 updated (or status shown), 1 every source failed (the old rates kept, the
 * store untouched), 2 bad usage or an unreadable store for `status`.
 */
import { join } from 'node:path';
import { english } from '../l10n';
import { defaultStoreDir, newestDay, readStore, STORE_FILE } from '../fx/update/store';
import { envOverrides, updateRates } from '../fx/update/update';
import { outcomeText, sourceText } from '../fx/update/describe';
import { SOURCE_NAMES } from '../fx/update/types';

export const RATES_USAGE = `Usage: digest-lens rates update|status [options]

  update   fetch the ECB's daily reference rates and the Federal Reserve's H.10 rates
           into the rates store; scans then convert with them (kind "downloaded")
  status   show the store's path, each source's newest day and its last fetch

Options:
  --rates-store DIR   the store's folder (default: $DIGEST_LENS_RATES_STORE, else
                      $XDG_DATA_HOME/digest-lens/rates or ~/.local/share/digest-lens/rates)
  --ecb-url URL       fetch the ECB's file from URL instead (https)
  --fed-url URL       fetch the Fed's H.10 CSV from URL instead (https)
  -h, --help          show this help

Network: only 'rates update' uses it, and only for the two sources above.
Exit status: 0 success, 1 every source failed (the rates you had are kept), 2 bad usage.`;

interface RatesOptions {
  verb: 'update' | 'status';
  store: string;
  ecbUrl?: string;
  fedUrl?: string;
}

function parse(argv: string[]): RatesOptions | 'help' | string {
  const verb = argv[0];
  if (verb === undefined || verb === '-h' || verb === '--help') return 'help';
  if (verb !== 'update' && verb !== 'status') return `unknown rates command '${verb}' (expected 'update' or 'status')`;
  const opts: RatesOptions = { verb, store: defaultStoreDir() };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    if (flag === '-h' || flag === '--help') return 'help';
    if (flag !== '--rates-store' && flag !== '--ecb-url' && flag !== '--fed-url') return `unknown option '${arg}'`;
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') return `${flag} needs a value`;
    if (flag === '--rates-store') opts.store = value;
    else if (flag === '--ecb-url') opts.ecbUrl = value;
    else opts.fedUrl = value;
  }
  return opts;
}

/** Runs `digest-lens rates …` (argv after "rates"); resolves to the exit status. */
export async function ratesMain(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const opts = parse(argv);
  if (opts === 'help') {
    out(RATES_USAGE + '\n');
    return 0;
  }
  if (typeof opts === 'string') {
    err(`digest-lens: ${opts}\n\n${RATES_USAGE}\n`);
    return 2;
  }
  if (opts.verb === 'status') return status(opts.store, out, err);
  const env = envOverrides();
  const outcome = await updateRates({ storeDir: opts.store, ecbUrl: opts.ecbUrl ?? env.ecbUrl, fedUrl: opts.fedUrl ?? env.fedUrl, timeoutMs: env.timeoutMs });
  if (outcome.problem) err(`digest-lens: ${outcome.problem}\n`);
  for (const s of outcome.sources) if (!s.ok) err(`digest-lens: ${sourceText(english, s)} (${s.url})\n`);
  const message = outcomeText(english, outcome);
  if (outcome.updated) {
    out(`${message}\nStore: ${join(opts.store, STORE_FILE)}\n`);
    return 0;
  }
  err(`digest-lens: ${message}\n`);
  return 1;
}

function status(dir: string, out: (s: string) => void, err: (s: string) => void): number {
  const { store, problem } = readStore(dir);
  const lines = [`Store: ${join(dir, STORE_FILE)}`];
  if (problem) {
    err(`digest-lens: ${problem}\n`);
    out(lines.join('\n') + '\n');
    return 2;
  }
  if (!store) lines.push('No downloaded rates yet: run `digest-lens rates update`.');
  else {
    lines.push(`Last fetch: ${store.fetchedAt}`);
    for (const id of ['ecb', 'fed'] as const) {
      const s = store.sources[id];
      const codes = Object.keys(store.rates[id] ?? {}).length;
      lines.push(s ? `${SOURCE_NAMES[id]}: newest day ${newestDay(store, id) ?? 'none'}, ${codes} currencies, fetched ${s.fetchedAt} from ${s.url}` : `${SOURCE_NAMES[id]}: never fetched`);
    }
  }
  out(lines.join('\n') + '\n');
  return 0;
}
