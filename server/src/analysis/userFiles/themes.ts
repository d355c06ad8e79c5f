/**
 * The user's themes file, `.digestlens/themes.json` (digestLens.themesFile): a JSON array
 * of {id, label, keywords: string[], labelZh?, exclude?: string[]}, or {"themes": [...]}.
 * Comments and trailing commas are accepted (jsonc-parser, through ./json). Entries with
 * problems are reported at 1-based line and column and left out; valid ones are kept.
 * Pure and never throws.
 */
import type { ThemeDef } from '../themes';
import { listOf, problems, readJson, type JsonNode, type UserFileError } from './json';
import { MAX_FILE_CHARS, MAX_KEYWORDS_PER_FILE, MAX_KEYWORDS_PER_THEME, MAX_THEMES, fileTooLarge, keywordProblem, tooMany } from './limits';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KNOWN_KEYS = new Set(['id', 'label', 'labelZh', 'keywords', 'exclude']);

/**
 * Reads a user's themes file: a JSON array of {id, label, keywords: string[],
 * labelZh?, exclude?: string[]} (or an object whose "themes" property is that array).
 * Entries with problems are reported with 1-based line/column and left out; valid ones
 * are kept. Entries of the same id in one file are merged. `fileName` appears in
 * messages about the file as a whole.
 */
export function parseUserThemes(content: string, fileName: string): { themes: ThemeDef[]; errors: UserFileError[] } {
  if (content.length > MAX_FILE_CHARS) return { themes: [], errors: [{ message: `${fileName}: ${fileTooLarge(content.length)}`, line: 1, column: 1 }] };
  const { errors, report } = problems(content);
  const { root, errors: syntax } = readJson(content);
  if (syntax.length || !root) {
    report(`${fileName}: invalid JSON: ${syntax[0]?.message.toLowerCase() ?? 'empty file'}`, syntax[0]?.offset ?? 0);
    return { themes: [], errors };
  }
  const list = listOf(root, 'themes');
  if (!list) {
    report(`${fileName}: expected an array of themes, or an object with a "themes" array`, root.offset);
    return { themes: [], errors };
  }

  const themes: ThemeDef[] = [];
  const byId = new Map<string, ThemeDef>();
  // Keywords and exclusions kept in the whole file (MAX_KEYWORDS_PER_FILE).
  let inFile = 0;
  /** The usable strings of a keyword list; `before`: how many the theme already has (an earlier entry of its id). */
  const strings = (node: JsonNode, what: string, before: number): string[] => {
    if (node.type !== 'array') {
      report(`${what} must be an array of strings`, node.offset);
      return [];
    }
    const out: string[] = [];
    for (const item of node.children ?? []) {
      if (item.type !== 'string' || (item.value as string).trim() === '') {
        report(`${what}: expected a non-empty string`, item.offset);
        continue;
      }
      const keyword = (item.value as string).trim();
      const problem = keywordProblem(keyword);
      if (problem) {
        report(`${what}: ${problem}`, item.offset);
        continue;
      }
      if (before + out.length === MAX_KEYWORDS_PER_THEME) {
        report(`${what}: ${tooMany('keywords', MAX_KEYWORDS_PER_THEME, 'theme')}`, item.offset);
        break;
      }
      if (inFile === MAX_KEYWORDS_PER_FILE) {
        report(`${what}: ${tooMany('keywords', MAX_KEYWORDS_PER_FILE)}`, item.offset);
        break;
      }
      inFile++;
      out.push(keyword);
    }
    return out;
  };
  for (const item of list.children ?? []) {
    if (themes.length === MAX_THEMES) {
      // Entries of a theme already read may still add to it; a new id may not.
      const id = item.type === 'object' ? item.children?.find((p) => p.children?.[0]?.value === 'id')?.children?.[1]?.value : undefined;
      if (typeof id !== 'string' || !byId.has(id)) {
        report(tooMany('themes', MAX_THEMES), item.offset);
        break;
      }
    }
    if (item.type !== 'object') {
      report('a theme must be an object {"id", "label", "keywords"}', item.offset);
      continue;
    }
    let id: string | null = null;
    let label: string | null = null;
    let labelZh: string | undefined;
    let keywords: string[] = [];
    let exclude: string[] = [];
    let ok = true;
    // The keyword lists come after the id is known: an earlier entry of the same id counts
    // towards the theme's cap.
    let keywordNode: JsonNode | undefined;
    let excludeNode: JsonNode | undefined;
    for (const property of item.children ?? []) {
      const [keyNode, v] = property.children ?? [];
      if (!keyNode || !v) continue;
      const key = keyNode.value as string;
      const text = v.type === 'string' ? (v.value as string) : null;
      if (key === 'id') {
        if (text !== null && KEBAB.test(text)) id = text;
        else {
          report('"id" must be a lowercase kebab-case string, e.g. "ai-infrastructure"', v.offset);
          ok = false;
        }
      } else if (key === 'label' || key === 'labelZh') {
        if (text !== null && text.trim() !== '') {
          if (key === 'label') label = text.trim();
          else labelZh = text.trim();
        } else {
          report(`"${key}" must be a non-empty string`, v.offset);
          ok = false;
        }
      } else if (key === 'keywords') keywordNode = v;
      else if (key === 'exclude') excludeNode = v;
      else if (!KNOWN_KEYS.has(key)) report(`unknown property "${key}" (ignored)`, keyNode.offset);
    }
    const earlier = id === null ? undefined : byId.get(id);
    if (keywordNode) keywords = strings(keywordNode, '"keywords"', earlier?.keywords.length ?? 0);
    if (excludeNode) exclude = strings(excludeNode, '"exclude"', earlier?.exclude?.length ?? 0);
    if (id === null) {
      if (ok) report('a theme needs an "id"', item.offset);
      continue;
    }
    if (keywords.length === 0) {
      report(`theme "${id}" has no keywords`, item.offset);
      continue;
    }
    if (!ok) continue;
    const previous = byId.get(id);
    if (previous) {
      previous.keywords.push(...keywords);
      previous.exclude = [...(previous.exclude ?? []), ...exclude];
      continue;
    }
    const theme: ThemeDef = { id, label: label ?? id, keywords };
    if (labelZh) theme.labelZh = labelZh;
    if (exclude.length > 0) theme.exclude = exclude;
    themes.push(theme);
    byId.set(id, theme);
  }
  return { themes, errors };
}
