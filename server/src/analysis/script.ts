/**
 * Which Chinese script a piece of text is written in, for writing amounts and words that
 * match it. Built on text.ts's fold table (Traditional → Simplified): a Traditional-only
 * character is one folding changes; a Simplified-only character is one that some
 * Traditional character folds to and that Traditional text does not use itself. The two
 * are counted and the larger count wins, so a Simplified sentence quoting one Traditional
 * name stays Simplified. Pure: no LSP, no settings.
 */
import { foldCode } from './text';

export type Script = 'traditional' | 'simplified';

/**
 * Fold targets that Traditional text also writes as they are (台積電, 皇后, 干擾, 只有…):
 * they are no evidence of Simplified script.
 */
const SHARED = '台后里干只系面余才出合向冬千升同吃吊回云表谷斗丑松胡须范制御卷布占卜几克划扎咸折采征舍凶困家幸私并吁仆伙杆症沈秋朴板志注准致游郁了';

/** Bit 1: Traditional-only; bit 2: Simplified-only. Built on first use. */
let kinds: Uint8Array | null = null;

function kindTable(): Uint8Array {
  if (kinds) return kinds;
  const k = new Uint8Array(0x10000);
  for (let c = 0x3400; c < 0xa000; c++) {
    const f = foldCode(c);
    if (f !== c) {
      k[c] |= 1;
      if (f >= 0x3400 && f < 0xa000) k[f] |= 2;
    }
  }
  for (let c = 0x3400; c < 0xa000; c++) if (k[c] & 1) k[c] &= 1;
  for (let i = 0; i < SHARED.length; i++) k[SHARED.charCodeAt(i)] &= 1;
  return (kinds = k);
}

/** The script of a text: the larger count of script-only characters; null when there is none or a tie. */
export function scriptOf(text: string, start = 0, end = text.length): Script | null {
  const k = kindTable();
  let trad = 0;
  let simp = 0;
  for (let i = start; i < end; i++) {
    const v = k[text.charCodeAt(i)];
    trad += v & 1;
    simp += v >> 1;
  }
  return trad > simp ? 'traditional' : simp > trad ? 'simplified' : null;
}

/** Characters that end a sentence for `sentenceAround` (and line breaks). */
const ENDS = new Set(['。', '！', '？', '；', '!', '?', '\n', '\r']);

/**
 * The sentence around `offset` (UTF-16): from after the previous sentence end to the next
 * one, at most `reach` characters each way so a long line costs little.
 */
export function sentenceAround(text: string, offset: number, reach = 400): { start: number; end: number } {
  let start = offset;
  const lo = Math.max(0, offset - reach);
  while (start > lo && !ENDS.has(text[start - 1])) start--;
  let end = offset;
  const hi = Math.min(text.length, offset + reach);
  while (end < hi && !ENDS.has(text[end])) end++;
  return { start, end };
}

/**
 * The script of the sentence around `offset`; when the sentence does not tell (no
 * script-only characters, or a tie), the text 400 characters each way, then `fallback`
 * (the document's script).
 */
export function scriptAt(text: string, offset: number, fallback: Script): Script {
  const s = sentenceAround(text, offset);
  const own = scriptOf(text, s.start, s.end);
  if (own) return own;
  const wide = scriptOf(text, Math.max(0, offset - 400), Math.min(text.length, offset + 400));
  return wide ?? fallback;
}

/** True when more of the text is CJK ideographs than Latin letters (a Chinese sentence). */
export function mostlyChinese(text: string, start = 0, end = text.length): boolean {
  let cjk = 0;
  let latin = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3400 && c < 0xa000) || (c >= 0xf900 && c < 0xfb00)) cjk++;
    else if ((c | 32) >= 97 && (c | 32) <= 122) latin++;
  }
  // A CJK character carries about a word; an English word is about five letters.
  return cjk > 0 && cjk * 5 >= latin;
}
