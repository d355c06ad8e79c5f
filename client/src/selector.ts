/**
 * The documents the language client syncs: the digest language plus every file matched by a
 * `digestLens.include` glob. Pure (no `vscode`): unit-tested in test/unit/client-selector.test.ts.
 */

/** An LSP text document filter, as vscode-languageclient takes it. */
export type DigestFilter = { language: string } | { scheme: string; pattern: string };

/** Characters that mean something in a glob; a folder path containing one cannot be a literal prefix. */
const GLOB_SPECIAL = /[*?[\]{}!]/;

/**
 * Filters for the include globs. A string pattern in a document filter is matched against
 * the whole file path, so a workspace-relative glob ("notes/*.md") is anchored at each
 * workspace folder; one that already starts with "**" or "/" is used as is. When a folder's
 * path contains glob characters it cannot be used as a prefix, and the glob falls back to
 * "**∕<glob>": a wider match, harmless because the server still decides what it indexes.
 */
export function includeFilters(include: readonly string[], folderPaths: readonly string[]): DigestFilter[] {
  const out: DigestFilter[] = [];
  const seen = new Set<string>();
  const add = (pattern: string) => {
    if (seen.has(pattern)) return;
    seen.add(pattern);
    out.push({ scheme: 'file', pattern });
  };
  for (const raw of include) {
    if (typeof raw !== 'string') continue;
    const glob = raw.trim().replace(/\\/g, '/').replace(/^\.\//, '');
    if (!glob) continue;
    if (glob.startsWith('**') || glob.startsWith('/') || /^[A-Za-z]:\//.test(glob)) {
      add(glob);
      continue;
    }
    const anchored = folderPaths.map((p) => p.replace(/\\/g, '/').replace(/\/+$/, ''));
    if (!anchored.length || anchored.some((p) => GLOB_SPECIAL.test(p))) add(`**/${glob}`);
    else for (const p of anchored) add(`${p}/${glob}`);
  }
  return out;
}

/** The whole selector: the digest language first, then the include filters. */
export function documentSelector(include: readonly string[], folderPaths: readonly string[]): DigestFilter[] {
  return [{ language: 'digest' }, ...includeFilters(include, folderPaths)];
}

/** A key that changes exactly when the selector would, to decide whether a restart is needed. */
export function selectorKey(include: readonly string[], folderPaths: readonly string[]): string {
  return JSON.stringify(documentSelector(include, folderPaths));
}
