/**
 * Simplified ↔ Traditional conversion of a document's text, phrase by phrase, with
 * opencc-js (loaded on the first conversion, not at start-up):
 *  - 'tw': Traditional as written in Taiwan, with Taiwan's words (软件 → 軟體, 芯片 → 晶片,
 *    信息 → 資訊; also Hong Kong words to Taiwan's: 軟件 → 軟體);
 *  - 'hk': Traditional as written in Hong Kong, with its words (鼠标 → 滑鼠, 发布 → 發佈);
 *  - 'plain': Traditional characters only, no word changes (Taiwan's character forms);
 *  - 'cn': Simplified. A sentence written in Traditional gets its Taiwan and Hong Kong words
 *    back (軟體 → 软件, 晶片 → 芯片); in any other sentence only Traditional characters
 *    change, so a Simplified sentence's own words (影片, 滑鼠) are left alone.
 * The result is a list of small edits, one per changed run of text, so everything the
 * conversion does not change keeps its place; applied together they are one undoable edit.
 */
import type * as OpenCCModule from 'opencc-js';
import { scriptOf } from '../analysis/script';

export type ScriptTarget = 'tw' | 'hk' | 'plain' | 'cn';

type OpenCC = typeof OpenCCModule;
type Convert = (s: string) => string;

let lib: OpenCC | null = null;
/** opencc-js, required on first use (its dictionaries take ~200 ms to build). */
function opencc(): OpenCC {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (lib ??= require('opencc-js') as OpenCC);
}

const converters = new Map<string, Convert>();

function converter(key: string, make: (o: OpenCC) => Convert): Convert {
  let c = converters.get(key);
  if (!c) converters.set(key, (c = make(opencc())));
  return c;
}

/**
 * Words Taiwan's phrase table changes in a way its financial press does not: 发布 (to
 * publish results, to announce) is 發布 there, not 釋出 ("to release").
 */
const TW_KEEP: [string, string][] = [
  ['发布', '發布'],
  ['發佈', '發布'],
];

/** The converter of one target for one sentence; `traditional` is the sentence's script. */
function converterFor(target: ScriptTarget, traditional: boolean): Convert {
  switch (target) {
    case 'tw':
      return converter('tw', (o) => {
        const keep = o.CustomConverter(TW_KEEP);
        const twp = o.Converter({ from: 'cn', to: 'twp' });
        return (s) => twp(keep(s));
      });
    case 'hk':
      return converter('hk', (o) => o.Converter({ from: 'cn', to: 'hkp' }));
    case 'plain':
      return converter('plain', (o) => o.Converter({ from: 'cn', to: 'tw' }));
    case 'cn':
      return traditional
        ? converter('cn-phrases', (o) => {
            const tw = o.Converter({ from: 'twp', to: 'cn' });
            const hk = o.Converter({ from: 'hkp', to: 'cn' });
            return (s) => hk(tw(s));
          })
        : converter('cn-chars', (o) => {
            const tw = o.Converter({ from: 'tw', to: 'cn' });
            const hk = o.Converter({ from: 'hk', to: 'cn' });
            return (s) => hk(tw(s));
          });
  }
}

/** Converts a single name character by character (no word changes): aliases of a new entity. */
export function convertName(name: string, target: 'tw' | 'hk' | 'cn'): string {
  if (target === 'cn') return converterFor('cn', false)(name);
  return converter(`name-${target}`, (o) => o.Converter({ from: 'cn', to: target }))(name);
}

/** One replacement: `length` UTF-16 units at `offset` become `text`. */
export interface ScriptEdit {
  offset: number;
  length: number;
  text: string;
}

const HAS_CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Sentence ends: conversions never need to look across them. */
const SENTENCE_END = /[。！？；\n]/g;

const isHigh = (c: number) => c >= 0xd800 && c < 0xdc00;
const isLow = (c: number) => c >= 0xdc00 && c < 0xe000;

/**
 * The edits turning `a` into `b` (the conversion of `a`), offsets shifted by `base`: one
 * edit per run of changed characters when the lengths match (the usual case), else one
 * edit over what lies between their common start and end. A surrogate pair is never split.
 */
function diffEdits(a: string, b: string, base: number, out: ScriptEdit[]): void {
  if (a.length === b.length) {
    let i = 0;
    while (i < a.length) {
      if (a.charCodeAt(i) === b.charCodeAt(i)) {
        i++;
        continue;
      }
      let start = i;
      if (start > 0 && isLow(a.charCodeAt(start))) start--;
      let end = i + 1;
      while (end < a.length && a.charCodeAt(end) !== b.charCodeAt(end)) end++;
      if (end < a.length && isLow(a.charCodeAt(end))) end++;
      out.push({ offset: base + start, length: end - start, text: b.slice(start, end) });
      i = end;
    }
    return;
  }
  let head = 0;
  const max = Math.min(a.length, b.length);
  while (head < max && a.charCodeAt(head) === b.charCodeAt(head)) head++;
  if (head > 0 && isHigh(a.charCodeAt(head - 1))) head--;
  let tail = 0;
  while (tail < max - head && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  if (tail > 0 && isLow(a.charCodeAt(a.length - tail))) tail--;
  out.push({ offset: base + head, length: a.length - head - tail, text: b.slice(head, b.length - tail) });
}

/**
 * The edits converting `text` to `target`, sentence by sentence ([] when nothing changes);
 * offsets are relative to `text`. `isCancelled` is asked between sentences.
 */
export function scriptEdits(text: string, target: ScriptTarget, isCancelled?: () => boolean): ScriptEdit[] | null {
  const out: ScriptEdit[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (;;) {
    const m = SENTENCE_END.exec(text);
    const end = m ? m.index + 1 : text.length;
    const sentence = text.slice(start, end);
    if (HAS_CJK.test(sentence)) {
      if (isCancelled?.()) return null;
      const converted = converterFor(target, target === 'cn' && scriptOf(sentence) === 'traditional')(sentence);
      if (converted !== sentence) diffEdits(sentence, converted, start, out);
    }
    if (!m) break;
    start = end;
  }
  return out;
}

/** `text` with the edits applied (edits in order, not overlapping). */
export function applyScriptEdits(text: string, edits: readonly ScriptEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.offset) + e.text;
    at = e.offset + e.length;
  }
  return out + text.slice(at);
}

/** `text` converted to `target` (see the module comment). */
export function convertScript(text: string, target: ScriptTarget): string {
  return applyScriptEdits(text, scriptEdits(text, target) ?? []);
}
