/**
 * The user's rates file in the language server (issue 15): `digestLens.ratesFile` of each
 * workspace folder (`.digestlens/rates.csv` by default; an absolute path names one file kept
 * outside any workspace), read from the open document when there is one, else from disk;
 * parsed (fx/userRates/parse.ts), merged with the first folder winning on the same currency
 * and day, and installed as the rates' 'user' layer. Each file's problems are published as
 * diagnostics on the file itself. When the installed rates change, `changed` is called: the
 * server then refreshes whatever shows conversions (they are computed at request time).
 * A missing file is no error: it simply adds no rates.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { URI, Utils } from 'vscode-uri';
import type { DiskReader } from '../index/disk';
import type { DigestSettings } from '../settings';
import type { Logger } from '../features/context';
import { Codes, SOURCE } from '../features/diagnostics';
import { translator, type Locale, type MessageKey } from '../l10n';
import { USER_FILE_READ_CAP } from '../io/safeRead';
import { installUserRates, type UserRatesFile } from '../fx/userRates/merge';
import { parseUserRates, rateProblemText, type RateFileProblem } from '../fx/userRates/parse';

export interface UserRatesLoaderDeps {
  disk: DiskReader;
  /** The live text of an open document, or undefined when it is not open. */
  openText(uri: string): string | undefined;
  /** A folder's settings (undefined: no folder open, the user's settings). */
  settings(folder: string | undefined): Promise<DigestSettings>;
  locale(folder: string | undefined): Promise<Locale>;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  /** The installed rates changed: refresh what shows conversions. */
  changed(): void;
  /**
   * Rates files outside every workspace folder (an absolute setting), as uri strings: the
   * editor's watcher of the workspace does not see them, so the server asks for their events.
   */
  watchOutside(uris: string[]): void;
  log: Logger;
}

/** Whether a setting's path is absolute (POSIX, a Windows drive, or a UNC path). */
export function isAbsolutePath(p: string): boolean {
  if (p.startsWith('/') || p.startsWith('\\\\')) return true;
  const drive = p.charCodeAt(0) | 0x20; // lower case of an ASCII letter
  return p.length > 2 && drive >= 97 && drive <= 122 && p[1] === ':' && (p[2] === '/' || p[2] === '\\');
}

/** The file a folder's setting names, or null (a relative path with no folder open). */
export function ratesFileUri(folder: string | undefined, setting: string): URI | null {
  if (isAbsolutePath(setting)) return URI.file(setting);
  return folder === undefined ? null : Utils.joinPath(URI.parse(folder), setting);
}

export class UserRatesLoader {
  /** Every rates file the settings name (there or not), as uri strings: their events reload. */
  private known = new Set<string>();
  private signature = 'none';
  private generation = 0;
  private outside = '[]';
  /** Last message sent per uri, so that typing elsewhere in the file sends nothing new. */
  private sent = new Map<string, string>();

  constructor(private readonly deps: UserRatesLoaderDeps) {}

  /** True when `uri` is the rates file of some folder (as last resolved). */
  isRatesFile(uri: string): boolean {
    return this.known.has(uri);
  }

  /**
   * Reads every folder's rates file again and installs their rates; publishes each file's
   * problems. Calls `changed` when the installed rates differ. A newer call supersedes an
   * older one still reading.
   */
  async load(folders: readonly string[]): Promise<void> {
    const run = ++this.generation;
    const targets: (string | undefined)[] = folders.length ? [...folders] : [undefined];
    const found: { uri: string; folder: string | undefined; text: string }[] = [];
    const known = new Set<string>();
    const refused = new Map<string, RateFileProblem>();
    const refusedIn = new Map<string, string | undefined>();
    for (const folder of targets) {
      const setting = (await this.deps.settings(folder)).ratesFile;
      const uri = ratesFileUri(folder, setting);
      if (!uri || known.has(uri.toString())) continue;
      known.add(uri.toString());
      // A relative setting names a file of the folder: its links must not lead out of it.
      // An absolute one names a file outside on purpose (a user setting: see package.json's
      // restrictedConfigurations for untrusted folders).
      const within = folder !== undefined && !isAbsolutePath(setting) ? URI.parse(folder) : undefined;
      const text = await this.read(uri, within, refused);
      if (text !== null) found.push({ uri: uri.toString(), folder, text });
      else if (refused.has(uri.toString())) refusedIn.set(uri.toString(), folder);
    }
    if (run !== this.generation) return;
    this.known = known;
    const outside = [...known].filter((uri) => !folders.some((f) => uri.startsWith(f.endsWith('/') ? f : f + '/')));
    if (JSON.stringify(outside) !== this.outside) {
      this.outside = JSON.stringify(outside);
      this.deps.watchOutside(outside);
    }
    const files: UserRatesFile[] = [];
    const problems = new Map<string, { folder: string | undefined; problems: RateFileProblem[] }>();
    for (const f of found) {
      const parsed = parseUserRates(f.text);
      files.push({ name: Utils.basename(URI.parse(f.uri)), rows: parsed.rows });
      problems.set(f.uri, { folder: f.folder, problems: parsed.problems });
      if (parsed.problems.length) this.deps.log.warn(`${f.uri}: ${parsed.problems.length} problem(s), first: ${parsed.problems[0].line}:${parsed.problems[0].column} ${rateProblemText(parsed.problems[0])}`);
    }
    for (const [uri, folder] of refusedIn) problems.set(uri, { folder, problems: [refused.get(uri)!] });
    const signature = installUserRates(files);
    if (signature !== this.signature) {
      this.signature = signature;
      const rows = files.reduce((n, f) => n + f.rows.length, 0);
      this.deps.log.info(`user rates: ${rows} rate(s) from ${files.filter((f) => f.rows.length).map((f) => f.name).join(', ') || 'no file'}`);
      this.deps.changed();
    }
    await this.publishAll(problems);
  }

  private async publishAll(files: Map<string, { folder: string | undefined; problems: RateFileProblem[] }>): Promise<void> {
    for (const [uri, { folder, problems }] of files) {
      const settings = await this.deps.settings(folder);
      const tr = translator(await this.deps.locale(folder));
      const diagnostics = settings.diagnosticsEnabled ? problems.map((p) => toDiagnostic(p, tr)) : [];
      this.send(uri, diagnostics);
    }
    // A file that went away, or that the setting no longer names: clear what it showed.
    for (const uri of [...this.sent.keys()]) {
      if (files.has(uri)) continue;
      this.send(uri, []);
      this.sent.delete(uri);
    }
  }

  private send(uri: string, diagnostics: Diagnostic[]): void {
    const key = JSON.stringify(diagnostics);
    if (this.sent.get(uri) === key) return;
    this.sent.set(uri, key);
    this.deps.publish(uri, diagnostics);
  }

  /**
   * The file's text: the open document's, else the disk's when it is a regular file within
   * the size cap (and, given `within`, whose links stay inside that folder). A file there
   * but refused is logged and gets its problem in `refused`.
   */
  private async read(uri: URI, within: URI | undefined, refused: Map<string, RateFileProblem>): Promise<string | null> {
    const open = this.deps.openText(uri.toString());
    if (open !== undefined) return open;
    // A virtual folder's file is not on this disk: never read a local namesake.
    if (uri.scheme !== 'file') return null;
    try {
      return await this.deps.disk.readText(uri.fsPath, within?.fsPath);
    } catch (e) {
      // Missing is the usual case; a pipe, a device, a huge file or a link out of the folder
      // there is worth a line, and a diagnostic on the file.
      const err = e as NodeJS.ErrnoException & { kind?: string; target?: string };
      const problem = (key: MessageKey, ...args: string[]): RateFileProblem => ({ line: 1, column: 1, endColumn: 1, severity: 'error', key, args });
      const p =
        err.code === 'EOUTSIDE' ? problem('ratesFile.outside', err.target ?? '')
        : err.code === 'ENOTREGULAR' ? problem('ratesFile.notRegular')
        : err.code === 'ETOOLARGE' ? problem('ratesFile.overCap', String(Math.round(USER_FILE_READ_CAP / 1048576)))
        : err.code === 'EACCES' || err.code === 'EPERM' ? problem('ratesFile.denied')
        : null;
      if (p) {
        this.deps.log.warn(`${uri.toString()} not read: ${err.message}`);
        refused.set(uri.toString(), p);
      }
      return null;
    }
  }
}

function toDiagnostic(p: RateFileProblem, tr: ReturnType<typeof translator>): Diagnostic {
  const line = p.line - 1;
  return {
    range: { start: { line, character: p.column - 1 }, end: { line, character: p.endColumn - 1 } },
    severity: p.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
    source: SOURCE,
    code: Codes.userFile,
    message: rateProblemText(p, tr),
  };
}
