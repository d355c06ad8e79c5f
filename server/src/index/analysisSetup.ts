/**
 * What the analysis depends on besides the text: the built-in data and the user's entity
 * and theme files. The server and the analysis workers build their gazetteer and taxonomy
 * with this one function from the same file contents, so a digest analysed by a worker
 * equals one analysed in the server. The data version (a hash of all of it) keys the
 * index cache.
 */
import { createHash } from 'node:crypto';
import { builtinGazetteer, type Gazetteer } from '../analysis/gazetteer';
import { builtinTaxonomy, extendTaxonomy, type Taxonomy, type ThemeDef } from '../analysis/themes';
import { parseUserEntities } from '../analysis/userFiles/entities';
import { parseUserThemes } from '../analysis/userFiles/themes';
import type { UserFileError } from '../analysis/userFiles/json';
import type { Entity } from '../analysis/types';
import { BUILTIN_DATA, builtinData } from '../data/builtin';

/**
 * Bumped whenever the analysis or the packed form changes in a way the data version does
 * not see (a new recogniser, a fix): index caches of other versions are discarded.
 */
export const ENGINE_VERSION = 2;

/** The contents of one user file. */
export interface UserFileText {
  uri: string;
  content: string;
}

/** The user's entity and theme files of every workspace folder. */
export interface UserFileTexts {
  entities: UserFileText[];
  themes: UserFileText[];
}

/** Gazetteer, taxonomy and what the user files said. */
export interface AnalysisSetup {
  /** Built on first use: a warm start from the cache never needs it. */
  readonly gazetteer: Gazetteer;
  readonly taxonomy: Taxonomy;
  userEntities: Entity[];
  userThemes: ThemeDef[];
  entityErrors: { uri: string; errors: UserFileError[] }[];
  themeErrors: { uri: string; errors: UserFileError[] }[];
  /** JSON of the parsed user entries: equal signatures analyse alike. */
  signature: string;
}

/** Parses the user files and prepares (lazily) the gazetteer and taxonomy they give. */
export function analysisSetup(files: UserFileTexts): AnalysisSetup {
  const userEntities: Entity[] = [];
  const userThemes: ThemeDef[] = [];
  const entityErrors: AnalysisSetup['entityErrors'] = [];
  const themeErrors: AnalysisSetup['themeErrors'] = [];
  for (const f of files.entities) {
    const parsed = parseUserEntities(f.content, f.uri);
    userEntities.push(...parsed.entities);
    entityErrors.push({ uri: f.uri, errors: parsed.errors });
  }
  for (const f of files.themes) {
    const parsed = parseUserThemes(f.content, f.uri);
    userThemes.push(...parsed.themes);
    themeErrors.push({ uri: f.uri, errors: parsed.errors });
  }
  let gazetteer: Gazetteer | undefined;
  let taxonomy: Taxonomy | undefined;
  return {
    get gazetteer() {
      return (gazetteer ??= userEntities.length ? builtinGazetteer().withEntities(userEntities) : builtinGazetteer());
    },
    get taxonomy() {
      return (taxonomy ??= userThemes.length ? extendTaxonomy(builtinTaxonomy(), userThemes) : builtinTaxonomy());
    },
    userEntities,
    userThemes,
    entityErrors,
    themeErrors,
    signature: JSON.stringify([userEntities, userThemes]),
  };
}

/** Set by esbuild.mjs: a hash of the analysis code and data at build time. */
declare const DIGEST_LENS_ANALYSIS_FINGERPRINT: string | undefined;

let builtinHash: string | undefined;

/**
 * The data version: a hash of the engine version, the analysis code and built-in data (the
 * build's fingerprint; from source, the data alone) and the user's entries. An analysis
 * made under another data version is never reused.
 */
export function dataVersion(setup: { signature: string }): string {
  builtinHash ??=
    typeof DIGEST_LENS_ANALYSIS_FINGERPRINT === 'string'
      ? DIGEST_LENS_ANALYSIS_FINGERPRINT
      : createHash('sha1').update(JSON.stringify(BUILTIN_DATA.map(builtinData))).digest('hex');
  return createHash('sha1').update(`${ENGINE_VERSION}\n${builtinHash}\n${setup.signature}`).digest('hex').slice(0, 20);
}
