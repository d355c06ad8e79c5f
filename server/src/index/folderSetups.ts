/**
 * The analysis setup of each workspace folder: a folder's own entity and theme files apply
 * to its own notes only. Folders whose user files say the same share one setup (and one
 * gazetteer); a folder without user files uses the built-in data. A document outside every
 * folder gets the union of all folders' entries, as a single-folder workspace always did.
 * Used alike by the server and the analysis workers, so both analyse a digest the same way.
 */
import { analysisSetup, type AnalysisSetup, type UserFileText } from './analysisSetup';

/** One folder's user files (null: the folder has none). */
export interface FolderUserFiles {
  /** The folder's uri, as the client gave it. */
  folder: string;
  entities: UserFileText | null;
  themes: UserFileText | null;
}

/** The folder of `folders` containing `uri` (the deepest one), or undefined. */
export function containingFolder(folders: readonly string[], uri: string): string | undefined {
  let best: string | undefined;
  for (const f of folders) {
    const prefix = f.endsWith('/') ? f : f + '/';
    if (uri.startsWith(prefix) && (!best || f.length > best.length)) best = f;
  }
  return best;
}

/** The signature of a setup without user entries (analysisSetup's JSON of no entities, no themes). */
const NO_ENTRIES = JSON.stringify([[], []]);

export class FolderSetups {
  private readonly byFolder = new Map<string, AnalysisSetup>();
  private readonly folderList: string[];
  private unionSetup: AnalysisSetup | undefined;
  /** Changes exactly when some folder's entries (or the folders) change. */
  readonly signature: string;

  private readonly shared = new Map<string, AnalysisSetup>();

  /** `previous`: the setups before a reload, whose gazetteers are reused where entries are equal. */
  constructor(
    readonly files: readonly FolderUserFiles[],
    previous?: FolderSetups,
  ) {
    if (previous) for (const s of [...previous.setups(), ...(previous.unionSetup ? [previous.unionSetup] : [])]) this.shared.set(s.signature, s);
    this.folderList = files.map((f) => f.folder);
    for (const f of files) {
      const setup = analysisSetup({ entities: f.entities ? [f.entities] : [], themes: f.themes ? [f.themes] : [] });
      this.byFolder.set(f.folder, this.share(setup));
    }
    // Folders with no entries of their own add nothing: a workspace without user files keeps
    // the signature (and the data version, and its cache) of the built-in data alone.
    const own = files.map((f) => [f.folder, this.byFolder.get(f.folder)!.signature]).filter(([, sig]) => sig !== NO_ENTRIES);
    this.signature = JSON.stringify(own);
  }

  /** Reuses an equal setup already made (same entries): one gazetteer for equal folders. */
  private share(setup: AnalysisSetup): AnalysisSetup {
    const known = this.shared.get(setup.signature);
    if (known) return known;
    this.shared.set(setup.signature, setup);
    return setup;
  }

  /** The setup of one folder (the union for an unknown one). */
  ofFolder(folder: string | undefined): AnalysisSetup {
    return (folder !== undefined && this.byFolder.get(folder)) || this.union();
  }

  /** The setup that analyses `uri`: its folder's, or the union outside every folder. */
  forUri(uri: string): AnalysisSetup {
    return this.ofFolder(containingFolder(this.folderList, uri));
  }

  /** Every folder's entries together: for workspace-wide lookups (symbols, search). */
  union(): AnalysisSetup {
    if (this.unionSetup) return this.unionSetup;
    const entities = this.files.flatMap((f) => (f.entities ? [f.entities] : []));
    const themes = this.files.flatMap((f) => (f.themes ? [f.themes] : []));
    return (this.unionSetup = this.share(analysisSetup({ entities, themes })));
  }

  /** The distinct setups in force (to compare against a previous state). */
  setups(): AnalysisSetup[] {
    return [...new Set(this.byFolder.values())];
  }
}
