/**
 * `digest-lens scan [--format json|jsonl|csv|table] [--base CCY] [--entities FILE]
 * [--themes FILE] [--max-bytes N] FILE|DIR...`
 *
 * Runs the same analysis as the language server over files and prints the result.
 * The JSON shape is binding (DESIGN.md §8). Exit status: 0 on success, 2 on bad usage,
 * 1 when a file cannot be read (the other files are still reported).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from './analysis/analyse';
import { builtinGazetteer, type Gazetteer } from './analysis/gazetteer';
import { parseUserEntities } from './analysis/userEntities';
import { builtinTaxonomy, extendTaxonomy, parseUserThemes, type Taxonomy } from './analysis/themes';
import { rateAt } from './fx/rates';
import { decodeBytes, DEFAULT_MAX_BYTES } from './io/decode';
import { fileRecord, type FileRecord } from './cli/report';
import { renderFileTable } from './cli/table';
import { CSV_HEADER, csvRows } from './cli/csv';

const USAGE = `Usage: digest-lens scan [options] FILE|DIR...

Finds monetary figures, companies and themes in digest notes.

Options:
  --format json|jsonl|csv|table   output format (default: json)
                                  jsonl streams one JSON object per file
  --base CCY                      currency for converted values (default: USD)
  --entities FILE                 extra entities (.json or .csv); default: .digestlens/entities.json
                                  (or .csv) in a scanned directory or the current one
  --themes FILE                   extra themes (.json); default: .digestlens/themes.json, likewise
  --max-bytes N                   skip files larger than N bytes (default: ${DEFAULT_MAX_BYTES})
  -h, --help                      show this help

A directory is scanned recursively for .txt, .md and .digest files.
Exit status: 0 success, 1 a file could not be read, 2 bad usage.`;

const FORMATS = new Set(['json', 'jsonl', 'csv', 'table']);
const TEXT_EXTENSIONS = ['.digest', '.txt', '.md', '.markdown'];

class UsageError extends Error {}

interface Options {
  format: string;
  base: string;
  entities?: string;
  themes?: string;
  maxBytes: number;
  inputs: string[];
}

function parseArgs(argv: string[]): Options | 'help' {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help') return 'help';
  if (argv[0] !== 'scan') throw new UsageError(`unknown command '${argv[0]}' (expected 'scan')`);
  const opts: Options = { format: 'json', base: 'USD', maxBytes: DEFAULT_MAX_BYTES, inputs: [] };
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

/** Expands directories into the text files below them, in a stable order. */
function* expandInputs(inputs: string[]): Generator<string> {
  for (const input of inputs) {
    let isDir = false;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      // Not there: reported when it is read.
    }
    if (isDir) yield* walk(input);
    else yield input;
  }
}

function* walk(dir: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* walk(path);
    else if (e.isFile() && TEXT_EXTENSIONS.some((x) => e.name.endsWith(x))) yield path;
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
  const content = readFileSync(path, 'utf8');
  const { entities, errors } = parseUserEntities(content, path);
  for (const e of errors) warn(`${path}:${e.line}:${e.column}: ${e.message}`);
  return builtin.withEntities(entities);
}

function loadTaxonomy(path: string | undefined, warn: (m: string) => void): Taxonomy {
  const builtin = builtinTaxonomy();
  if (!path) return builtin;
  const content = readFileSync(path, 'utf8');
  const { themes, errors } = parseUserThemes(content, path);
  for (const e of errors) warn(`${path}:${e.line}:${e.column}: ${e.message}`);
  return extendTaxonomy(builtin, themes);
}

/** Runs the CLI; returns the exit status. Output goes through the given writers. */
export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
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
  const roots = [...opts.inputs.filter(isDirectory), '.'];
  opts.entities ??= findUserFile(roots, ['entities.json', 'entities.csv']);
  opts.themes ??= findUserFile(roots, ['themes.json']);
  let gazetteer: Gazetteer;
  let taxonomy: Taxonomy;
  try {
    gazetteer = loadGazetteer(opts.entities, warn);
    taxonomy = loadTaxonomy(opts.themes, warn);
  } catch (e) {
    err(`digest-lens: cannot read ${opts.entities ?? opts.themes}: ${(e as Error).message}\n`);
    return 2;
  }

  let status = 0;
  const files: FileRecord[] = [];
  if (opts.format === 'csv') out(CSV_HEADER.join(',') + '\n');
  let first = true;
  for (const path of expandInputs(opts.inputs)) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      err(`digest-lens: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      status = 1;
      continue;
    }
    const decoded = decodeBytes(bytes, opts.maxBytes);
    if (!decoded.ok) {
      err(`digest-lens: skipped ${path}: ${decoded.reason}\n`);
      status = 1;
      continue;
    }
    if (decoded.note) warn(`${path}: ${decoded.note}`);
    const record = fileRecord(path, decoded.text, analyse(decoded.text, { gazetteer, taxonomy }), opts.base);
    switch (opts.format) {
      case 'json':
        files.push(record);
        break;
      case 'jsonl':
        out(JSON.stringify(record) + '\n');
        break;
      case 'csv':
        for (const row of csvRows(record)) out(row + '\n');
        break;
      case 'table':
        out((first ? '' : '\n\n') + renderFileTable(record, opts.base) + '\n');
        break;
    }
    first = false;
  }
  if (opts.format === 'json') out(JSON.stringify({ version: 1, files }, null, 2) + '\n');
  return status;
}

if (require.main === module) {
  const chunks: string[] = [];
  let size = 0;
  // Buffer output and flush in large writes: one write per file would be slow on pipes.
  const flush = () => {
    if (chunks.length) process.stdout.write(chunks.join(''));
    chunks.length = 0;
    size = 0;
  };
  const status = main(
    process.argv.slice(2),
    (s) => {
      chunks.push(s);
      size += s.length;
      if (size > 1 << 20) flush();
    },
    (s) => process.stderr.write(s),
  );
  flush();
  process.exitCode = status;
}
