/**
 * The user's themes file, `.digestlens/themes.json` (digestLens.themesFile): a JSON array
 * of {id, label, keywords: string[], labelZh?, exclude?: string[]}, or {"themes": [...]}.
 * Comments and trailing commas are accepted (jsonc-parser, through ./json). Entries with
 * problems are reported at 1-based line and column and left out; valid ones are kept.
 * Pure and never throws.
 */
import type { ThemeDef } from '../themes';
import { listOf, problems, readJson, type JsonNode, type UserFileError } from './json';

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
  const strings = (node: JsonNode, what: string): string[] => {
    if (node.type !== 'array') {
      report(`${what} must be an array of strings`, node.offset);
      return [];
    }
    const out: string[] = [];
    for (const item of node.children ?? []) {
      if (item.type === 'string' && (item.value as string).trim() !== '') out.push((item.value as string).trim());
      else report(`${what}: expected a non-empty string`, item.offset);
    }
    return out;
  };
  for (const item of list.children ?? []) {
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
      } else if (key === 'keywords') keywords = strings(v, '"keywords"');
      else if (key === 'exclude') exclude = strings(v, '"exclude"');
      else if (!KNOWN_KEYS.has(key)) report(`unknown property "${key}" (ignored)`, keyNode.offset);
    }
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
