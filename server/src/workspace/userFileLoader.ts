/**
 * The user's entity and theme files of every workspace folder (digestLens.entitiesFile and
 * digestLens.themesFile, `.digestlens/…` by default): read from the open document when there
 * is one, else from disk; turned into each folder's analysis setup (index/folderSetups.ts);
 * and checked, so that each file's problems can be shown as diagnostics at their line.
 */
import { URI, Utils } from 'vscode-uri';
import { parseUserEntities } from '../analysis/userFiles/entities';
import { parseUserThemes } from '../analysis/userFiles/themes';
import { FolderSetups, type FolderUserFiles } from '../index/folderSetups';
import type { DiskReader } from '../index/disk';
import type { DigestSettings } from '../settings';
import type { Logger, UserFileState } from '../features/context';

/** One folder's entity and theme file states. */
export interface FolderUserFileState {
  entities: UserFileState;
  themes: UserFileState;
}

export interface UserFileLoaderDeps {
  disk: DiskReader;
  /** The live text of an open document, or undefined when it is not open. */
  openText(uri: string): string | undefined;
  /** A folder's settings (for the two paths). */
  settings(folder: string): Promise<DigestSettings>;
  log: Logger;
}

/** A user file that is there but was not read, and the sentence its diagnostic says. */
interface Refusal {
  uri: string;
  message: string;
}
type Refusals = { entities?: Refusal; themes?: Refusal };

/** The diagnostic's words for a file that exists but is not read, or null (missing: no problem). */
function refusalOf(e: unknown): string | null {
  const err = e as NodeJS.ErrnoException & { kind?: string; target?: string; maxBytes?: number };
  switch (err.code) {
    case 'EOUTSIDE':
      return `Not read: this file links outside the workspace folder (to ${err.target}); entity and theme files are read only from inside the folder`;
    case 'ENOTREGULAR':
      return `Not read: this is not a regular file (${err.kind})`;
    case 'ETOOLARGE':
      return `Not read: the file is over ${Math.round((err.maxBytes ?? 0) / 1048576)} MB`;
    case 'EACCES':
    case 'EPERM':
      return 'Not read: permission denied';
    default:
      return null;
  }
}

const NO_USER_FILES: FolderUserFileState = { entities: { uri: null, problems: [] }, themes: { uri: null, problems: [] } };

export class UserFileLoader {
  /**
   * Gazetteer and taxonomy of each folder, from its own files: a folder's notes never see
   * another folder's entities. The analysis workers are given the same file contents.
   */
  private current = new FolderSetups([]);
  private state = new Map<string, FolderUserFileState>();

  constructor(private readonly deps: UserFileLoaderDeps) {}

  get setups(): FolderSetups {
    return this.current;
  }

  /** The file states of one folder (none for an unknown folder). */
  stateOf(folder: string | undefined): FolderUserFileState {
    return (folder !== undefined && this.state.get(folder)) || NO_USER_FILES;
  }

  /** The file states of every folder. */
  allStates(): FolderUserFileState[] {
    return [...this.state.values()];
  }

  /**
   * Reads every folder's files again. Returns true when the entries changed (or `force`):
   * `setups` is then new, and the caller must re-analyse. The problems are always updated.
   */
  async load(folders: readonly string[], force = false): Promise<boolean> {
    const files: FolderUserFiles[] = [];
    const refusals: Refusals[] = [];
    for (const folder of folders) {
      const s = await this.deps.settings(folder);
      const refused: Refusals = {};
      files.push({ folder, entities: await this.read(folder, s.entitiesFile, (r) => (refused.entities = r)), themes: await this.read(folder, s.themesFile, (r) => (refused.themes = r)) });
      refusals.push(refused);
    }
    const next = new FolderSetups(files, this.current);
    const state = new Map<string, FolderUserFileState>();
    files.forEach((f, i) => state.set(f.folder, this.check(f, refusals[i])));
    this.state = state;
    if (!force && next.signature === this.current.signature) return false;
    this.current = next;
    return true;
  }

  /** True when `uri` is the entity or theme file of some folder. */
  async isUserFile(folders: readonly string[], uri: string): Promise<boolean> {
    for (const folder of folders) {
      const s = await this.deps.settings(folder);
      for (const rel of [s.entitiesFile, s.themesFile]) if (Utils.joinPath(URI.parse(folder), rel).toString() === uri) return true;
    }
    return false;
  }

  /**
   * Each file's own problems (folders with equal entries share one setup, not their errors).
   * A file that was there but refused (`refused`: uri → why) gets that one problem.
   */
  private check(f: FolderUserFiles, refused: Refusals): FolderUserFileState {
    const entry = { entities: { uri: f.entities?.uri ?? null, problems: [] as UserFileState['problems'] }, themes: { uri: f.themes?.uri ?? null, problems: [] as UserFileState['problems'] } };
    for (const which of ['entities', 'themes'] as const) {
      const file = f[which];
      const r = refused[which];
      if (r) entry[which] = { uri: r.uri, problems: [{ message: r.message, line: 1, column: 1 }] };
      if (!file) continue;
      const errors = which === 'entities' ? parseUserEntities(file.content, file.uri).errors : parseUserThemes(file.content, file.uri).errors;
      entry[which].problems = errors;
      if (errors.length) this.deps.log.warn(`${file.uri}: ${errors.length} problem(s), first: ${errors[0].line}:${errors[0].column} ${errors[0].message}`);
    }
    return entry;
  }

  /**
   * A folder's entity or theme file: the open document's text, else the file on disk if it
   * is a regular file within the size cap whose links stay inside the folder. A file that is
   * there but refused is logged and passed to `refuse`, with the reason its diagnostic gives.
   */
  private async read(folder: string, relPath: string, refuse: (r: Refusal) => void): Promise<{ uri: string; content: string } | null> {
    const path = Utils.joinPath(URI.parse(folder), relPath);
    const open = this.deps.openText(path.toString());
    if (open !== undefined) return { uri: path.toString(), content: open };
    // A virtual folder (vscode-vfs://…) is not on this disk: never read a local file that
    // happens to have the same path.
    if (path.scheme !== 'file') return null;
    try {
      return { uri: path.toString(), content: await this.deps.disk.readText(path.fsPath, URI.parse(folder).fsPath) };
    } catch (e) {
      // Missing is the usual case; a pipe, a device, a huge file or a link out of the folder
      // there is worth a line, and a diagnostic on the file.
      const why = refusalOf(e);
      if (why) {
        this.deps.log.warn(`${path.toString()} not read: ${(e as Error).message}`);
        refuse({ uri: path.toString(), message: why });
      }
      return null;
    }
  }
}
