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
    for (const folder of folders) {
      const s = await this.deps.settings(folder);
      files.push({ folder, entities: await this.read(folder, s.entitiesFile), themes: await this.read(folder, s.themesFile) });
    }
    const next = new FolderSetups(files, this.current);
    const state = new Map<string, FolderUserFileState>();
    for (const f of files) state.set(f.folder, this.check(f));
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

  /** Each file's own problems (folders with equal entries share one setup, not their errors). */
  private check(f: FolderUserFiles): FolderUserFileState {
    const entry = { entities: { uri: f.entities?.uri ?? null, problems: [] as UserFileState['problems'] }, themes: { uri: f.themes?.uri ?? null, problems: [] as UserFileState['problems'] } };
    for (const which of ['entities', 'themes'] as const) {
      const file = f[which];
      if (!file) continue;
      const errors = which === 'entities' ? parseUserEntities(file.content, file.uri).errors : parseUserThemes(file.content, file.uri).errors;
      entry[which].problems = errors;
      if (errors.length) this.deps.log.warn(`${file.uri}: ${errors.length} problem(s), first: ${errors[0].line}:${errors[0].column} ${errors[0].message}`);
    }
    return entry;
  }

  private async read(folder: string, relPath: string): Promise<{ uri: string; content: string } | null> {
    const path = Utils.joinPath(URI.parse(folder), relPath);
    const open = this.deps.openText(path.toString());
    if (open !== undefined) return { uri: path.toString(), content: open };
    // A virtual folder (vscode-vfs://…) is not on this disk: never read a local file that
    // happens to have the same path.
    if (path.scheme !== 'file') return null;
    try {
      return { uri: path.toString(), content: await this.deps.disk.readText(path.fsPath) };
    } catch (e) {
      // Missing is the usual case; a pipe, a device or a huge file there is worth a line.
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOTREGULAR' || code === 'ETOOLARGE') this.deps.log.warn(`${path.toString()} not read: ${(e as Error).message}`);
      return null;
    }
  }
}
