/**
 * Which files of the workspace are digests: each folder's settings (include, exclude, the
 * size cap) and the editor's files.exclude, applied to a walk of the disk or to one uri.
 */
import { URI } from 'vscode-uri';
import type { FileTask } from '../index/analyseFile';
import type { DiskReader } from '../index/disk';
import { containingFolder } from '../index/folderSetups';
import type { DigestSettings } from '../settings';
import type { IndexInputs } from '../settingsEffects';
import { DigestMatcher, relativePath } from './files';
import { fileUriString } from './fileUri';

/** A digest found on disk: what to analyse, and its stamp. */
export type FoundDigest = FileTask & { size: number; mtimeMs: number; special?: string; unreadable?: string };

export interface DiscoveryDeps {
  disk: DiskReader;
  folders(): readonly string[];
  /** The settings of a folder. */
  settings(folder: string): Promise<DigestSettings>;
  /** The editor's files.exclude globs of a folder. */
  filesExclude(folder: string): Promise<string[]>;
}

export class Discovery {
  constructor(private readonly deps: DiscoveryDeps) {}

  /** The folder containing a uri (the deepest), or undefined. */
  folderOf(uri: string): string | undefined {
    return containingFolder(this.deps.folders(), uri);
  }

  /** Everything that decides each folder's index, as the settings say now. */
  async inputs(): Promise<Map<string, IndexInputs>> {
    const out = new Map<string, IndexInputs>();
    for (const folder of this.deps.folders()) out.set(folder, { settings: await this.deps.settings(folder), filesExclude: await this.deps.filesExclude(folder) });
    return out;
  }

  /** True when `uri` is a file of a workspace folder that its settings make a digest. */
  async isWorkspaceDigest(uri: string): Promise<boolean> {
    const folder = this.folderOf(uri);
    if (!folder || !uri.startsWith('file:')) return false;
    const rel = relativePath(URI.parse(folder).fsPath, URI.parse(uri).fsPath);
    return (await this.matcherFor(folder)).isDigest(rel);
  }

  /**
   * Every digest of every folder on this disk (virtual folders have none here), or null
   * when `cancelled` says so meanwhile.
   */
  async all(cancelled: () => boolean): Promise<FoundDigest[] | null> {
    const found: FoundDigest[] = [];
    for (const folder of this.deps.folders()) {
      if (!folder.startsWith('file:')) continue;
      const matcher = await this.matcherFor(folder);
      const maxSize = (await this.deps.settings(folder)).maxFileSize;
      for (const f of await this.deps.disk.discover(URI.parse(folder).fsPath, matcher, cancelled)) {
        const digest: FoundDigest = { uri: fileUriString(f.path), path: f.path, maxSize, size: f.size, mtimeMs: f.mtimeMs };
        if (f.special) digest.special = f.special;
        if (f.unreadable) digest.unreadable = f.unreadable;
        found.push(digest);
      }
      if (cancelled()) return null;
    }
    return found;
  }

  private async matcherFor(folder: string): Promise<DigestMatcher> {
    const s = await this.deps.settings(folder);
    return new DigestMatcher({ include: s.include, exclude: [...s.exclude, ...(await this.deps.filesExclude(folder))] });
  }
}
