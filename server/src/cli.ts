/**
 * `digest-lens scan [--format json|jsonl|csv|table] [--base CCY] [--entities FILE]
 * [--themes FILE] [--rates FILE]... [--max-bytes N] FILE|DIR|GLOB...`
 *
 * Runs the same analysis as the language server over files and prints the result.
 * Directories are walked recursively; a glob ('notes/**\/*.md', quoted so the shell leaves
 * it alone) is matched with picomatch while walking from its static base folder.
 * Every format writes each file's output as soon as it is analysed and keeps nothing (json
 * too: its `files` array is written one record at a time), so memory stays flat however
 * many files are scanned.
 * The JSON shape is binding (ARCHITECTURE.md, "Invariants"; the fields are listed in the README). Exit status: 0 on success, 2 on bad usage,
 * 1 when a file cannot be read (the other files are still reported).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { builtinGazetteer, type Gazetteer } from './analysis/gazetteer';
import { builtinImagePrefetched } from './data/builtinImage';
import { parseUserEntities } from './analysis/userFiles/entities';
import { parseUserThemes } from './analysis/userFiles/themes';
import { builtinTaxonomy, extendTaxonomy, type Taxonomy } from './analysis/themes';
import { rateAt } from './fx/rates';
import { visible } from './cli/visible';
import { DEFAULT_MAX_BYTES } from './io/decode';
import { readRegularTextSync, USER_FILE_READ_CAP } from './io/safeRead';
import { JSON_OPENING, jsonClosing } from './cli/report';
import { OutputBuffer } from './cli/output';
import { CSV_HEADER } from './cli/csv';
import { openFile, separator, type Format, type OpenedFile, type ScanSetup } from './cli/scanFile';
import { loadRatesFilesSync, RatesFileError } from './fx/userRates/cliRates';
import { planScan, scanInParallel, unmatchedOutcome, type ScanEntry } from './cli/parallelScan';
import { ratesMain } from './cli/ratesCommand';
import { installStore } from './fx/update/install';
import { defaultStoreDir } from './fx/update/store';

const USAGE = `Usage: digest-lens scan [options] FILE|DIR|GLOB...

Finds monetary figures, companies and themes in digest notes.

Options:
  --format json|jsonl|csv|table   output format (default: json)
                                  jsonl streams one JSON object per file
  --base CCY                      currency for converted values (default: USD)
  --entities FILE                 extra entities (.json or .csv); default: .digestlens/entities.json
                                  (or .csv) in a scanned directory or the current one
  --themes FILE                   extra themes (.json); default: .digestlens/themes.json, likewise
  --rates FILE                    your own rates (CSV: date,currency,units per USD), ahead of the
                                  built-in ones; repeatable (the first file wins on a day);
                                  default: .digestlens/rates.csv, likewise
  --max-bytes N                   skip files larger than N bytes (default: ${DEFAULT_MAX_BYTES})
  --rates-store DIR               downloaded rates (digest-lens rates update) from DIR
                                  (default: $DIGEST_LENS_RATES_STORE, else $XDG_DATA_HOME/digest-lens/rates)
  -h, --help                      show this help

A directory is scanned recursively for .txt, .md and .digest files. A glob such as
'notes/**/*.md' (quote it) selects the files it matches, whatever their extension.
Exit status: 0 success, 1 a file could not be read (or a glob matched nothing), 2 bad usage.

       digest-lens rates update|status   fetch or show downloaded exchange rates
                                         (digest-lens rates --help)`;

const FORMATS = new Set(['json', 'jsonl', 'csv', 'table']);
const TEXT_EXTENSIONS = ['.digest', '.txt', '.md', '.markdown'];

class UsageError extends Error {}

interface Options {
  format: string;
  base: string;
  entities?: string;
  themes?: string;
  /** --rates files, in the order given (empty: the default one, if any). */
  rates: string[];
  maxBytes: number;
  inputs: string[];
  ratesStore?: string;
}

function parseArgs(argv: string[]): Options | 'help' {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help') return 'help';
  if (argv[0] !== 'scan') throw new UsageError(`unknown command '${argv[0]}' (expected 'scan' or 'rates')`);
  const opts: Options = { format: 'json', base: 'USD', rates: [], maxBytes: DEFAULT_MAX_BYTES, inputs: [] };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '--format':
        opts.format = value();
        if (!FORMATS.has(opts.format)) throw new UsageError(`unknown format '${opts.format}' (use json, jsonl, csv or table)`);
        break;
      case '--base':
        opts.base = value().toUpperCase();
        if (!rateAt(opts.base, null)) throw new UsageError(`unknown base currency '${opts.base}'`);
        break;
      case '--entities':
        opts.entities = value();
        break;
      case '--themes':
        opts.themes = value();
        break;
      case '--rates':
        opts.rates.push(value());
        break;
      case '--rates-store':
        opts.ratesStore = value();
        break;
      case '--max-bytes': {
        const n = Number(value());
        if (!Number.isFinite(n) || n <= 0) throw new UsageError('--max-bytes needs a positive number');
        opts.maxBytes = n;
        break;
      }
      default:
        if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option '${flag}'`);
        opts.inputs.push(arg);
    }
  }
  if (opts.inputs.length === 0) throw new UsageError('no files given');
  return opts;
}

/** A path, or a glob to expand, in the order given. */
type Input = { path: string } | { glob: string; base: string; matches: (rel: string) => boolean; depth: number; dot: boolean };

/**
 * An argument that names an existing file or folder is taken literally (even with glob
 * characters in its name); otherwise picomatch decides whether it is a glob.
 */
function classify(input: string): Input {
  try {
    statSync(input);
    return { path: input };
  } catch {
    // Not there: a glob, or a missing file reported when it is read.
  }
  const scan = picomatch.scan(input);
  if (!scan.isGlob || scan.negated) return { path: input };
  return {
    glob: input,
    base: scan.prefix + scan.base || '.',
    matches: picomatch(scan.glob),
    // Without ** the glob cannot match deeper than its own number of segments.
    depth: scan.glob.includes('**') ? Infinity : scan.glob.split('/').length,
    dot: /(^|\/)\./.test(scan.glob),
  };
}

/**
 * Expands directories into the text files below them and globs into the files they match,
 * lazily and in a stable order. A glob that matches nothing comes as an entry of its own,
 * where its files would have been, so that its message keeps its place among the others.
 */
function* expandInputs(inputs: string[]): Generator<ScanEntry> {
  for (const input of inputs) {
    const c = classify(input);
    if ('glob' in c) {
      let found = false;
      for (const path of walk(c.base, (name) => !name.startsWith('.') || c.dot, () => true, c.depth)) {
        if (c.matches(relative(c.base, path).split(sep).join('/'))) {
          found = true;
          yield { path };
        }
      }
      if (!found) yield { unmatched: c.glob };
    } else if (isDirectory(c.path)) for (const path of walk(c.path, (name) => !name.startsWith('.'), (name) => TEXT_EXTENSIONS.some((x) => name.endsWith(x)))) yield { path };
    else yield { path: c.path };
  }
}

/**
 * Files below `dir`, sorted by name at each level, at most `depth` levels down; `enter`
 * says which names to look at, `want` which file names to yield. node_modules is skipped.
 */
function* walk(dir: string, enter: (name: string) => boolean, want: (name: string) => boolean, depth = Infinity): Generator<string> {
  if (depth <= 0) return;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name === 'node_modules' || !enter(e.name)) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* walk(path, enter, want, depth - 1);
    else if (e.isFile() && want(e.name)) yield path;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The first `.digestlens/<name>` that exists below one of the roots. */
function findUserFile(roots: string[], names: string[]): string | undefined {
  for (const root of roots) {
    for (const name of names) {
      const path = join(root, '.digestlens', name);
      try {
        if (statSync(path).isFile()) return path;
      } catch {
        // Not there.
      }
    }
  }
  return undefined;
}

function loadGazetteer(path: string | undefined, warn: (m: string) => void): Gazetteer {
  const builtin = builtinGazetteer();
  if (!path) return builtin;
  const content = readRegularTextSync(path, USER_FILE_READ_CAP);
  const { entities, errors } = parseUserEntities(content, path);
  for (const e of errors) warn(`${path}:${e.line}:${e.column}: ${e.message}`);
  return builtin.withEntities(entities);
}

function loadTaxonomy(path: string | undefined, warn: (m: string) => void): Taxonomy {
  const builtin = builtinTaxonomy();
  if (!path) return builtin;
  const content = readRegularTextSync(path, USER_FILE_READ_CAP);
  const { themes, errors } = parseUserThemes(content, path);
  for (const e of errors) warn(`${path}:${e.line}:${e.column}: ${e.message}`);
  return extendTaxonomy(builtin, themes);
}

/** A scan ready to run: what each file is analysed and written with, and the files. */
interface PreparedScan {
  setup: ScanSetup;
  entries: Generator<ScanEntry>;
  /** The user files in use, for worker threads to load again. */
  entities?: string;
  themes?: string;
  rates?: string[];
  /** The downloaded rates' folder, for worker threads to install too. */
  ratesStore?: string;
}

/**
 * Parses the arguments and loads the gazetteer and the taxonomy; an exit status instead when
 * there is nothing to scan (help, bad usage, an unreadable entity or theme file).
 */
function prepare(argv: string[], out: (s: string) => void, err: (s: string) => void): PreparedScan | number {
  let opts: Options | 'help';
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`digest-lens: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (opts === 'help') {
    out(USAGE + '\n');
    return 0;
  }
  const warn = (m: string) => err(`digest-lens: ${m}\n`);
  // Without --entities/--themes, the workspace's own .digestlens folder is used: in a
  // scanned directory, else in the current directory.
  const roots = [
    ...opts.inputs
      .map((i) => classify(i))
      .map((c) => ('glob' in c ? c.base : c.path))
      .filter(isDirectory),
    '.',
  ];
  opts.entities ??= findUserFile(roots, ['entities.json', 'entities.csv']);
  opts.themes ??= findUserFile(roots, ['themes.json']);
  let gazetteer: Gazetteer;
  let taxonomy: Taxonomy;
  // Each file read on its own, so that the message names the one that failed.
  try {
    gazetteer = loadGazetteer(opts.entities, warn);
  } catch (e) {
    err(`digest-lens: cannot read ${opts.entities}: ${(e as Error).message}\n`);
    return 2;
  }
  try {
    taxonomy = loadTaxonomy(opts.themes, warn);
  } catch (e) {
    err(`digest-lens: cannot read ${opts.themes}: ${(e as Error).message}\n`);
    return 2;
  }
  // The user's rates (fx/userRates/cliRates.ts): installed before any file is converted.
  if (!opts.rates.length) {
    const found = findUserFile(roots, ['rates.csv']);
    if (found) opts.rates.push(found);
  }
  try {
    loadRatesFilesSync(opts.rates, (line) => warn(line));
  } catch (e) {
    if (!(e instanceof RatesFileError)) throw e;
    err(`digest-lens: ${e.message}\n`);
    return 2;
  }
  // Downloaded rates (`digest-lens rates update`), when the store has any: kind "downloaded".
  const ratesStore = opts.ratesStore ?? defaultStoreDir();
  const downloaded = installStore(ratesStore);
  if (downloaded.problem) warn(downloaded.problem);
  const setup: ScanSetup = { format: opts.format as Format, base: opts.base, maxBytes: opts.maxBytes, gazetteer, taxonomy };
  return { setup, entries: expandInputs(opts.inputs), entities: opts.entities, themes: opts.themes, rates: opts.rates, ratesStore };
}

/** Writes the files of a scan one after the other, in this thread; returns the exit status. */
function scanHere(scan: PreparedScan, entries: Iterable<ScanEntry>, out: (s: string) => void, err: (s: string) => void): number {
  const { format } = scan.setup;
  let status = 0;
  // Every format is written file by file, json included, and each file item by item, so the
  // scan holds one file's analysis and one item's text at a time.
  if (format === 'csv') out(CSV_HEADER.join(',') + '\n');
  if (format === 'json') out(JSON_OPENING);
  let first = true;
  for (const entry of entries) {
    const opened: OpenedFile = 'unmatched' in entry ? unmatchedOutcome(entry.unmatched) : openFile(entry.path, scan.setup);
    for (const m of opened.messages) err(m);
    if (opened.failed) status = 1;
    if (!opened.render) continue;
    // Written as it is rendered: a file's output is never held whole (scanFile.ts).
    out(separator(format, first));
    opened.render(out);
    first = false;
  }
  if (format === 'json') out(jsonClosing(!first));
  return status;
}

/** Runs the CLI; returns the exit status. Output goes through the given writers. */
export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const scan = prepare(argv, out, err);
  if (typeof scan === 'number') return scan;
  return scanHere(scan, scan.entries, out, err);
}

/**
 * Runs `main` on this process's arguments, standard output and standard error. A scan of
 * more than a little text shares its files with worker threads (parallelScan.ts); its
 * output is the same, byte for byte.
 */
export function runCommandLine(): void {
  // The gazetteer's image may be being read in the background (main.ts cliModule): the scan
  // starts when that read has ended, and takes the image from memory.
  void builtinImagePrefetched().then(runNow);
}

function runNow(): void {
  const stdout = new OutputBuffer(1);
  const out = (s: string) => stdout.write(s);
  // Messages name files and entries of the folder: their control characters are escaped.
  const err = (s: string) => process.stderr.write(visible(s, true));
  const done = (status: number) => {
    stdout.flush();
    process.exitCode = status;
  };
  if (process.argv[2] === 'rates') {
    void ratesMain(process.argv.slice(3), out, err).then(done);
    return;
  }
  const scan = prepare(process.argv.slice(2), out, err);
  if (typeof scan === 'number') return done(scan);
  const plan = planScan(scan.entries);
  if (plan.workers === 0) return done(scanHere(scan, plan.entries, out, err));
  void scanInParallel(plan, scan.setup, { entities: scan.entities, themes: scan.themes, rates: scan.rates, ratesStore: scan.ratesStore }, stdout, err).then(done);
}

if (require.main === module) runCommandLine();
