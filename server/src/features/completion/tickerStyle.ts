/**
 * How a note writes a ticker after a name, learnt from the mentions that already have one
 * (issue 17, `digestLens.completion.insertTicker`): 腾讯(0700.HK), 腾讯（0700.HK）,
 * Tencent (0700.HK), 邁為股份 SZ:300751. The most frequent way wins; a note without any
 * falls back to full-width parentheses in Chinese text and " (X)" in English. Pure.
 */
import type { Mention } from '../../analysis/types';
import { dotTicker, splitTicker } from './entityKeys';

export interface TickerStyle {
  /** What comes between the name and the ticker: "(", "（", " (", " ". */
  open: string;
  /** What follows the ticker: ")", "）" or nothing. */
  close: string;
  /** "dot": 0700.HK; "colon": HK:00700. */
  form: 'dot' | 'colon';
}

export const CHINESE_DEFAULT: TickerStyle = { open: '（', close: '）', form: 'dot' };
export const ENGLISH_DEFAULT: TickerStyle = { open: ' (', close: ')', form: 'dot' };

/** Longest text taken as the opener between a name and its ticker. */
const MAX_OPEN = 2;
/** What may stand between a name and its ticker. */
const OPENERS = new Set(['(', '（', ' (', ' （', ' ']);

/** True when every character is printable ASCII (a name in Latin letters). */
function isLatin(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 0x20 || s.charCodeAt(i) > 0x7e) return false;
  return s.length > 0;
}

/** The style of one mention's ticker, or null when the ticker is not written after the name. */
export function styleOfMention(text: string, m: Pick<Mention, 'offset' | 'length' | 'ticker' | 'tickerOffset'>): TickerStyle | null {
  if (!m.ticker || m.tickerOffset < 0) return null;
  const nameEnd = m.offset + m.length;
  if (m.tickerOffset < nameEnd || m.tickerOffset - nameEnd > MAX_OPEN) return null;
  const open = text.slice(nameEnd, m.tickerOffset);
  if (!OPENERS.has(open)) return null;
  const after = text.charAt(m.tickerOffset + m.ticker.length);
  const close = open.endsWith('(') ? (after === ')' ? ')' : '') : open.endsWith('（') ? (after === '）' ? '）' : '') : '';
  return { open, close, form: m.ticker.includes(':') ? 'colon' : 'dot' };
}

/**
 * The note's usual style among its mentions with a written ticker, for Chinese or English
 * text (a full-width opener is Chinese; " (" and a bare space go with either); the default
 * of that language when the note has none.
 */
export function detectTickerStyle(text: string, mentions: readonly Mention[], chinese: boolean): TickerStyle {
  const counts = new Map<string, { style: TickerStyle; n: number }>();
  for (let i = 0; i < mentions.length; i++) {
    let m = mentions[i];
    // "邁為股份 SZ:300751": the ticker is read as a mention of its own, right after the name's.
    const prev = i > 0 ? mentions[i - 1] : undefined;
    if (m.ticker && m.tickerOffset === m.offset && prev && prev.id === m.id && prev.ticker === null) m = { ...prev, ticker: m.ticker, tickerOffset: m.offset };
    const s = styleOfMention(text, m);
    if (!s) continue;
    const fullWidth = s.open.includes('（');
    if (fullWidth && !chinese) continue;
    // A name in Latin letters says the style of English text; one in Chinese characters, of Chinese.
    const latinName = isLatin(m.text ?? '');
    if (latinName === chinese && !fullWidth) continue;
    const key = `${s.open}\u0000${s.close}\u0000${s.form}`;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { style: s, n: 1 });
  }
  let best: { style: TickerStyle; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.style ?? (chinese ? CHINESE_DEFAULT : ENGLISH_DEFAULT);
}

/** A ticker written in a style's form: "0700.HK" or "HK:00700"; US codes bare in the dot form. */
export function writeTicker(ticker: string, form: TickerStyle['form']): string {
  if (form === 'dot') return dotTicker(ticker);
  const { exchange, code } = splitTicker(ticker);
  return exchange === 'US' ? code : `${exchange}:${code}`;
}

/** The name followed by its primary ticker in the style. */
export function nameWithTicker(name: string, ticker: string, style: TickerStyle): string {
  return `${name}${style.open}${writeTicker(ticker, style.form)}${style.close}`;
}
