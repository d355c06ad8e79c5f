/**
 * Which script conversion a command asks for, and which of the server's code actions is
 * that conversion (matched on its kind, "refactor.rewrite.script.<target>", not on its
 * title, which may be translated). Pure: no vscode import, so unit tests load it.
 */

/** A Traditional variant: Taiwan words, Hong Kong words, or characters only. */
export type TraditionalVariant = 'tw' | 'hk' | 'plain';
/** Which conversion a command asks for: Simplified, any Traditional (to choose), or one variant. */
export type ScriptTarget = 'simplified' | 'traditional' | TraditionalVariant;

/** The server's code action kind of each conversion ("refactor.rewrite.script.tw"). */
export const KIND_PREFIX = 'refactor.rewrite.script.';

/** Whether a code action's kind is the conversion asked for. */
export function kindMatches(kind: string | undefined, target: ScriptTarget): boolean {
  if (!kind || !kind.startsWith(KIND_PREFIX)) return false;
  const variant = kind.slice(KIND_PREFIX.length);
  if (target === 'simplified') return variant === 'cn';
  if (target === 'traditional') return variant === 'tw' || variant === 'hk' || variant === 'plain';
  return variant === target;
}

/** The target of convertToTraditional: its argument when it names a variant, else the setting ('ask' → 'traditional'). */
export function traditionalTarget(arg: unknown, setting: unknown): ScriptTarget {
  for (const v of [arg, setting]) if (v === 'tw' || v === 'hk' || v === 'plain') return v;
  return 'traditional';
}

