/**
 * Which of an entity's names completion writes, in the script of the text around the
 * cursor (issue 17): 騰訊 in Traditional text, 腾讯 in Simplified, Tencent in English. The
 * entity's own names are used first; a Chinese name with no Traditional spelling among them
 * is converted character by character (features/scriptConversion.ts `convertName`).
 */
import type { Entity } from '../../analysis/types';
import { scriptOf } from '../../analysis/script';
import { convertName } from '../scriptConversion';
import { foldName } from './entityKeys';

export type NoteScript = 'simplified' | 'traditional' | 'english';

const isCjkCode = (c: number) => (c >= 0x3400 && c < 0xa000) || (c >= 0xf900 && c < 0xfb00);

/** True when a name holds a Chinese character. */
export function hasCjk(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isCjkCode(s.charCodeAt(i))) return true;
  return false;
}

/** The shortest of `names` whose folded form begins with `prefix` (folded), else the first. */
function pick(names: readonly string[], prefix: string | null): string | undefined {
  if (prefix) {
    let best: string | undefined;
    for (const n of names) if (foldName(n).startsWith(prefix) && (!best || n.length < best.length)) best = n;
    if (best) return best;
  }
  return names[0];
}

/**
 * The name to write for an entity in a script. `prefix` (folded) is what was typed: among
 * names of the right language, one that begins with it is preferred (宁王 for 宁王, 腾讯控股
 * for 腾讯控), so the completion continues what the user began.
 */
export function nameIn(e: Entity, script: NoteScript, prefix: string | null = null): string {
  const all = [e.name, ...e.names];
  if (script === 'english') {
    const latin = all.filter((n) => !hasCjk(n));
    return pick(latin, prefix) ?? pick(all.filter(hasCjk), prefix) ?? e.name;
  }
  const chinese = all.filter(hasCjk);
  const base = pick(chinese, prefix);
  if (!base) return e.name;
  if (script === 'simplified') {
    if (scriptOf(base) !== 'traditional') return base;
    const folded = foldName(base);
    return chinese.find((n) => foldName(n) === folded && scriptOf(n) !== 'traditional') ?? convertName(base, 'cn');
  }
  if (scriptOf(base) === 'traditional') return base;
  const folded = foldName(base);
  const own = chinese.find((n) => n !== base && foldName(n) === folded && scriptOf(n) === 'traditional');
  if (own) return own;
  // No script-only character: the same in both scripts (台积电 is not; 阿里 is).
  if (scriptOf(base) === null) return base;
  return convertName(base, 'tw');
}

/** A name in the other language than `script`, for the label: the English name of a Chinese item and back. */
export function otherName(e: Entity, script: NoteScript): string | undefined {
  if (script === 'english') {
    const c = [e.name, ...e.names].find(hasCjk);
    return c === undefined ? undefined : nameIn(e, 'simplified');
  }
  return [e.name, ...e.names].find((n) => !hasCjk(n));
}
