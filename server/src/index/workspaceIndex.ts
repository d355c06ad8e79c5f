/**
 * The workspace index: one analysis per digest file, and maps from entity ids and theme ids
 * to where they occur. Pure (no LSP, no file system): the server feeds it texts, features
 * query it. Every update patches the maps from the document's own contributions, so the
 * cost of an edit is the size of that document, never the size of the workspace.
 */
import type { DocumentAnalysis, Mention, Span } from '../analysis/types';
import { lineStarts } from '../analysis/text';

/** One indexed digest. */
export interface IndexedDoc {
  uri: string;
  /** Editor version when the text comes from an open document; null when read from disk. */
  version: number | null;
  text: string;
  analysis: DocumentAnalysis;
  lineStarts: number[];
}

/** A mention and the document it is in. */
export interface MentionLocation {
  uri: string;
  mention: Mention;
}

/** A theme keyword hit and the document it is in. */
export interface ThemeLocation {
  uri: string;
  span: Span;
}

/** Counts for one entity over the documents in scope. */
export interface EntityCount {
  id: string;
  name: string;
  kind: string;
  mentions: number;
  files: number;
}

/** Counts for one theme over the documents in scope. */
export interface ThemeCount {
  id: string;
  label: string;
  mentions: number;
  files: number;
}

export type Analyser = (text: string) => DocumentAnalysis;

/** Why the index changed: the uris touched, or all of them. */
export interface IndexChange {
  uris: string[] | 'all';
}

export class WorkspaceIndex {
  private readonly docs = new Map<string, IndexedDoc>();
  /** entity id -> uri -> mentions in that document, in document order. */
  private readonly entityPostings = new Map<string, Map<string, Mention[]>>();
  /** theme id -> uris where the theme has hits. */
  private readonly themePostings = new Map<string, Set<string>>();
  /** Files not indexed, with the reason (binary, over the size cap...). */
  readonly skipped = new Map<string, string>();
  private listeners: ((change: IndexChange) => void)[] = [];
  /** Increases on every change; lets callers cache derived results. */
  generation = 0;

  constructor(private analyser: Analyser) {}

  /** Replaces the analyser (new user entities or themes) and re-analyses every document. */
  setAnalyser(analyser: Analyser): void {
    this.analyser = analyser;
    const all = [...this.docs.values()];
    this.docs.clear();
    this.entityPostings.clear();
    this.themePostings.clear();
    for (const d of all) this.insert(d.uri, d.text, d.version);
    this.changed({ uris: 'all' });
  }

  /** Analyses a document's text and makes it the indexed state of `uri`. */
  set(uri: string, text: string, version: number | null): IndexedDoc {
    const old = this.docs.get(uri);
    if (old && old.text === text) {
      old.version = version;
      return old;
    }
    if (old) this.withdraw(old);
    this.skipped.delete(uri);
    const doc = this.insert(uri, text, version);
    this.changed({ uris: [uri] });
    return doc;
  }

  /** Records that a file is not indexed, and why; drops any earlier analysis of it. */
  skip(uri: string, reason: string): void {
    this.delete(uri);
    this.skipped.set(uri, reason);
  }

  /** Forgets a document. */
  delete(uri: string): void {
    const old = this.docs.get(uri);
    this.skipped.delete(uri);
    if (!old) return;
    this.withdraw(old);
    this.docs.delete(uri);
    this.changed({ uris: [uri] });
  }

  get(uri: string): IndexedDoc | undefined {
    return this.docs.get(uri);
  }

  has(uri: string): boolean {
    return this.docs.has(uri);
  }

  get size(): number {
    return this.docs.size;
  }

  /** Every indexed document. */
  all(): IterableIterator<IndexedDoc> {
    return this.docs.values();
  }

  /** Every mention of an entity, across the workspace, documents in uri order. */
  mentionsOf(id: string): MentionLocation[] {
    const postings = this.entityPostings.get(id);
    if (!postings) return [];
    const out: MentionLocation[] = [];
    for (const uri of [...postings.keys()].sort()) for (const mention of postings.get(uri)!) out.push({ uri, mention });
    return out;
  }

  /** The uris where an entity is mentioned. */
  filesOf(id: string): string[] {
    return [...(this.entityPostings.get(id)?.keys() ?? [])].sort();
  }

  /** Every keyword hit of a theme, across the workspace. */
  themeHitsOf(id: string): ThemeLocation[] {
    const out: ThemeLocation[] = [];
    for (const uri of [...(this.themePostings.get(id) ?? [])].sort()) {
      const theme = this.docs.get(uri)?.analysis.themes.find((t) => t.id === id);
      if (theme) for (const span of theme.hits) out.push({ uri, span });
    }
    return out;
  }

  /** Entity counts over the workspace, or over one document. */
  entityCounts(uri?: string): EntityCount[] {
    const counts = new Map<string, EntityCount>();
    const docs = uri ? [this.docs.get(uri)].filter((d): d is IndexedDoc => !!d) : this.docs.values();
    for (const doc of docs) {
      const seen = new Set<string>();
      for (const m of doc.analysis.mentions) {
        let c = counts.get(m.id);
        if (!c) counts.set(m.id, (c = { id: m.id, name: m.name, kind: m.kind, mentions: 0, files: 0 }));
        c.mentions++;
        if (!seen.has(m.id)) {
          seen.add(m.id);
          c.files++;
        }
      }
    }
    return [...counts.values()];
  }

  /** Theme counts over the workspace, or over one document. */
  themeCounts(uri?: string): ThemeCount[] {
    const counts = new Map<string, ThemeCount>();
    const docs = uri ? [this.docs.get(uri)].filter((d): d is IndexedDoc => !!d) : this.docs.values();
    for (const doc of docs) {
      for (const t of doc.analysis.themes) {
        let c = counts.get(t.id);
        if (!c) counts.set(t.id, (c = { id: t.id, label: t.label, mentions: 0, files: 0 }));
        c.mentions += t.mentions;
        c.files++;
      }
    }
    return [...counts.values()];
  }

  /** Calls `listener` after every change; returns a function that removes it. */
  onChange(listener: (change: IndexChange) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  private insert(uri: string, text: string, version: number | null): IndexedDoc {
    const doc: IndexedDoc = { uri, version, text, analysis: this.analyser(text), lineStarts: lineStarts(text) };
    this.docs.set(uri, doc);
    for (const m of doc.analysis.mentions) {
      let byUri = this.entityPostings.get(m.id);
      if (!byUri) this.entityPostings.set(m.id, (byUri = new Map()));
      let list = byUri.get(uri);
      if (!list) byUri.set(uri, (list = []));
      list.push(m);
    }
    for (const t of doc.analysis.themes) {
      let uris = this.themePostings.get(t.id);
      if (!uris) this.themePostings.set(t.id, (uris = new Set()));
      uris.add(uri);
    }
    return doc;
  }

  /** Removes a document's contributions from the maps. */
  private withdraw(doc: IndexedDoc): void {
    for (const m of doc.analysis.mentions) {
      const byUri = this.entityPostings.get(m.id);
      if (!byUri) continue;
      byUri.delete(doc.uri);
      if (byUri.size === 0) this.entityPostings.delete(m.id);
    }
    for (const t of doc.analysis.themes) {
      const uris = this.themePostings.get(t.id);
      if (!uris) continue;
      uris.delete(doc.uri);
      if (uris.size === 0) this.themePostings.delete(t.id);
    }
  }

  private changed(change: IndexChange): void {
    this.generation++;
    for (const l of this.listeners) l(change);
  }
}
