/**
 * Theme labels in the user's language: the English `label`, the Chinese `labelZh` for
 * zh-cn, and labelZh converted character by character to Traditional (Taiwan) for zh-tw,
 * with the same converter as the script code actions. A theme without labelZh keeps its
 * English label.
 */
import type { Taxonomy, ThemeDef } from '../analysis/themes';
import { convertScript } from '../features/scriptConversion';
import type { Locale } from './locale';

/** Traditional forms already made (labels are few; converting one costs microseconds once the converter is built). */
const traditional = new Map<string, string>();

/** The label of a theme in a locale. */
export function themeLabelOf(theme: Pick<ThemeDef, 'label' | 'labelZh'>, locale: Locale): string {
  const zh = theme.labelZh?.trim();
  if (locale === 'en' || !zh) return theme.label;
  if (locale === 'zh-cn') return zh;
  let tw = traditional.get(zh);
  if (tw === undefined) traditional.set(zh, (tw = convertScript(zh, 'tw')));
  return tw;
}

/** A theme id → label function over a taxonomy; undefined for an id it does not know. */
export function themeLabeller(taxonomy: Taxonomy, locale: Locale): (id: string) => string | undefined {
  const byId = new Map(taxonomy.themes.map((t) => [t.id, t]));
  return (id) => {
    const theme = byId.get(id);
    return theme ? themeLabelOf(theme, locale) : undefined;
  };
}
