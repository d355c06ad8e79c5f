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
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { builtinGazetteer, type Gazetteer } from './analysis/gazetteer';
import { builtinImagePrefetched } from './data/builtinImage';
import { parseUserEntities } from './analysis/userFiles/entities';
import { parseUserThemes } from './analysis/userFiles/themes';
import { builtinTaxonomy, extendTaxonomy, type Taxonomy } from './analysis/themes';
import { rateAt } from './fx/rates';
import { visible } from './cli/visible';
import { displayPath, fromLossless, isUtf8, joinName, pathKey, type FsPath } from './io/fsPath';
import { recoverArgBytes } from './cli/rawArgv';
import { DEFAULT_MAX_BYTES } from './io/decode';
import { readRegularTextSync, USER_FILE_READ_CAP } from './io/safeRead';
import { outsideTargetSync } from './io/insideFolder';
import { JSON_OPENING, jsonClosing } from './cli/report';
import { OutputBuffer } from './cli/output';
import { CSV_HEADER } from './cli/csv';
import { openFile, separator, type Format, type OpenedFile, type ScanSetup } from './cli/scanFile';
import { loadRatesFilesSync, RatesFileError } from './fx/userRates/cliRates';
import { placedOutcome, planScan, scanInParallel, type PlacedProblem, type ScanEntry } from './cli/parallelScan';
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
  /** Files, folders and globs; bytes for one whose name is not UTF-8 (cli/rawArgv.ts). */
  inputs: FsPath[];
  ratesStore?: string;
}

/** A flag's value that is not UTF-8: only the files to scan may have such names. */
function textValue(flag: string, v: FsPath | undefined): string | undefined {
  if (typeof v === 'string' || v === undefined) return v;
  throw new UsageError(`the value of ${flag} (${displayPath(v)}) is not UTF-8; give its file a UTF-8 name`);
}

function parseArgs(argv: FsPath[]): Options | 'help' {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help') return 'help';
  if (argv[0] !== 'scan') throw new UsageError(`unknown command '${argv[0]}' (expected 'scan' or 'rates')`);
  const opts: Options = { format: 'json', base: 'USD', rates: [], maxBytes: DEFAULT_MAX_BYTES, inputs: [] };
  for (let i = 1; i < argv.length; i++) {
    const given = argv[i];
    if (typeof given !== 'string') {
      // Bytes that are not UTF-8: a file to scan, or a flag with such a value inline.
      const eq = given.indexOf(0x3d);
      if (given[0] === 0x2d && given[1] === 0x2d && eq > 0) textValue(given.subarray(0, eq).toString('utf8'), given.subarray(eq + 1));
      opts.inputs.push(given);
      continue;
    }
    const arg = given;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? textValue(flag, argv[++i]);
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
type Input = { path: FsPath } | { glob: string; base: FsPath; matches: (rel: string) => boolean; depth: number; dot: boolean };

/**
 * An argument that names an existing file or folder is taken literally (even with glob
 * characters in its name); otherwise picomatch decides whether it is a glob. A glob with
 * bytes that are not UTF-8 is matched in its lossless spelling (io/fsPath.ts), as names are.
 */
function classify(input: FsPath): Input {
  try {
    statSync(input);
    return { path: input };
  } catch {
    // Not there: a glob, or a missing file reported when it is read.
  }
  const text = pathKey(input);
  const scan = picomatch.scan(text);
  if (!scan.isGlob || scan.negated) return { path: input };
  return {
    glob: displayPath(input),
    base: fromLossless(scan.prefix + scan.base || '.'),
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
function* expandInputs(inputs: FsPath[]): Generator<ScanEntry> {
  for (const input of inputs) {
    const c = classify(input);
    if ('glob' in c) {
      let found = false;
      const base = pathKey(c.base);
      for (const path of walk(c.base, (name) => !name.startsWith('.') || c.dot, () => true, c.depth)) {
        if (typeof path === 'object' && 'unlisted' in path) yield path;
        else if (c.matches(relative(base, pathKey(path)).split(sep).join('/'))) {
          found = true;
          yield { path };
        }
      }
      if (!found) yield { unmatched: c.glob };
    } else if (isDirectory(c.path)) for (const path of walk(c.path, (name) => !name.startsWith('.'), (name) => TEXT_EXTENSIONS.some((x) => name.endsWith(x)))) yield typeof path === 'object' && 'unlisted' in path ? path : { path };
    else yield { path: c.path };
  }
}

/** An entry of a folder listed as bytes: its name to open (bytes when not UTF-8) and its text key. */
interface ByteEntry {
  name: FsPath;
  key: string;
  dirent: Dirent<Buffer>;
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A folder's entries, sorted by name. Node decodes names as UTF-8, a byte that is not UTF-8
 * as U+FFFD; only a folder with such a character in a name is listed again as bytes, so
 * that its names open the files they name (io/fsPath.ts). The usual folder allocates
 * nothing more than node's own entries.
 */
function entriesOf(dir: FsPath): Dirent[] | ByteEntry[] {
  const dirents = readdirSync(dir, { withFileTypes: true });
  if (!dirents.some((e) => e.name.includes('\ufffd'))) return dirents.sort((a, b) => byKey(a.name, b.name));
  return readdirSync(dir, { withFileTypes: true, encoding: 'buffer' })
    .map((e) => {
      const utf8 = isUtf8(e.name);
      const key = utf8 ? e.name.toString('utf8') : pathKey(e.name);
      return { name: utf8 ? key : e.name, key, dirent: e };
    })
    .sort((a, b) => byKey(a.key, b.key));
}

/**
 * Files below `dir`, sorted by name at each level, at most `depth` levels down; `enter`
 * says which names to look at, `want` which file names to yield. node_modules is skipped.
 * A path with a name that is not UTF-8 is yielded as bytes.
 */
function* walk(dir: FsPath, enter: (name: string) => boolean, want: (name: string) => boolean, depth = Infinity): Generator<FsPath | Extract<PlacedProblem, { unlisted: FsPath }>> {
  if (depth <= 0) return;
  let entries;
  try {
    entries = entriesOf(dir);
  } catch (e) {
    // Gone meanwhile: nothing to say. There but not to be listed: said, in its place.
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') yield { unlisted: dir, why: code === 'EACCES' || code === 'EPERM' ? `permission denied (${code})` : (code ?? String(e)) };
    return;
  }
  for (const e of entries) {
    const bytes = 'dirent' in e;
    const key = bytes ? e.key : e.name;
    if (key === 'node_modules' || !enter(key)) continue;
    const path = joinName(dir, e.name, join);
    const type = bytes ? e.dirent : e;
    if (type.isDirectory()) yield* walk(path, enter, want, depth - 1);
    else if (type.isFile() && want(key)) yield path;
  }
}

function isDirectory(path: FsPath): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The first `.digestlens/<name>` that exists below one of the roots. The user files are
 * named by text (the worker threads and the messages take them so): one below a folder
 * whose name is not UTF-8 is not used, and `warn` says so. Nor is one whose links lead out
 * of its root (a folder from elsewhere pointing its entity file at ~/.ssh or /etc: a scan
 * in CI would print its lines as problems); a file given with a flag is read wherever it is.
 */
function findUserFile(roots: FsPath[], names: string[], warn: (m: string) => void): string | undefined {
  for (const root of roots) {
    for (const name of names) {
      const path = joinName(root, join('.digestlens', name), join);
      try {
        if (!statSync(path).isFile()) continue;
        const outside = typeof path === 'string' && typeof root === 'string' ? outsideTargetSync(path, root) : null;
        if (outside !== null) {
          warn(`${path} not used: it links outside ${root} (to ${outside}); give the file with a flag to use it`);
          continue;
        }
        if (typeof path === 'string') return path;
        warn(`${displayPath(path)} not used: its folder's name is not UTF-8 (give the file with a flag, from a folder with a UTF-8 name)`);
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
  for (const e of errors) warn(`${path}:${e.line}:${e.column}: ${e.severity === 'warning' ? 'warning: ' : ''}${e.message}`);
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
function prepare(argv: FsPath[], out: (s: string) => void, err: (s: string) => void): PreparedScan | number {
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
  opts.entities ??= findUserFile(roots, ['entities.json', 'entities.csv'], warn);
  opts.themes ??= findUserFile(roots, ['themes.json'], warn);
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
    const found = findUserFile(roots, ['rates.csv'], warn);
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
    const opened: OpenedFile = 'path' in entry ? openFile(entry.path, scan.setup) : placedOutcome(entry);
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
export function main(argv: FsPath[], out: (s: string) => void, err: (s: string) => void): number {
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
  // An argument naming a file whose name is not UTF-8 is taken as its bytes (cli/rawArgv.ts).
  const scan = prepare(recoverArgBytes(process.argv.slice(2)), out, err);
  if (typeof scan === 'number') return done(scan);
  const plan = planScan(scan.entries);
  if (plan.workers === 0) return done(scanHere(scan, plan.entries, out, err));
  void scanInParallel(plan, scan.setup, { entities: scan.entities, themes: scan.themes, rates: scan.rates, ratesStore: scan.ratesStore }, stdout, err).then(done);
}

if (require.main === module) runCommandLine();
