/**
 * Money formatting in three house styles.
 *
 * Simplified Chinese ('zh'): scale words 万 (1e4), 亿 (1e8), 万亿 (1e12); four significant
 * digits with trailing zeros dropped; thousands separators in the integer part; the currency
 * word written straight after, with no spaces: "1,600亿元", "22.96亿美元", "41.9亿港元",
 * "999元", "0元", "-1万亿元". 元 is CNY (option `cnyWord` gives "1,600亿人民币").
 *
 * Traditional Chinese ('zh-Hant'): the same numbers with 萬 / 億 and, for 1e12, 兆 as
 * Taiwan's financial press writes it ("1.2兆美元"; Hong Kong papers write 萬億 too, and
 * read 兆 the same way in a money amount). Currency and unit words in Traditional script
 * as Taiwan writes them: 美元, 港元, 人民幣, 新台幣, 歐元, 日圓, 英鎊, 千瓦時, 噸.
 * CNY is 人民幣, not 元: in Taiwan a bare 元 is the New Taiwan dollar.
 *
 * English ('en'): a symbol where it is unambiguous (US$, HK$, NT$, S$, A$, C$, NZ$, €, £,
 * ₹, ₩), else the ISO code and a space ("CNY", "JPY"); million/billion/trillion from one
 * million up, with three significant digits and at least one decimal ("CNY 160.0 billion",
 * "US$22.5 billion", "HK$4.19 billion", "US$1.00 trillion"); below a million the plain
 * number with separators and at most two decimals ("US$10,000", "CNY 99.44", "US$0.0325"
 * keeps three significant digits below 1). A minus sign leads: "-US$22.5 billion".
 *
 * No style ever prints an exponent ("1e+11").
 */
import type { Figure } from '../analysis/types';
import { scriptOf } from '../analysis/script';
import { CURRENCY_TABLE } from '../analysis/currencyTable';

/** 'zh': Simplified Chinese; 'zh-Hant': Traditional Chinese; 'en': English. */
export type MoneyStyle = 'zh' | 'zh-Hant' | 'en';

/** True for both Chinese styles. */
export const isChineseStyle = (style: MoneyStyle): boolean => style !== 'en';

export interface FormatOptions {
  /** Significant digits: default 4 in 'zh', 3 in 'en' (clamped to 1..6). */
  digits?: number;
  /** 'en' only: false writes ISO codes instead of symbols ("USD 22.5 billion"). Default true. */
  symbols?: boolean;
  /** Chinese styles only: the word used for CNY, default "元" ('zh') or "人民幣" ('zh-Hant'). */
  cnyWord?: '元' | '人民币';
  /** Unit of a per-unit price, appended with formatPer ("/t", "/千瓦时"). */
  per?: string | null;
}

/**
 * How an amount in each currency is written back, from the currency table: the Simplified
 * word, the Traditional word (Taiwan usage, where it differs from a character-by-character
 * conversion) and the English symbol where it is unambiguous.
 */
const ZH_WORDS: Record<string, string> = {};
const ZH_HANT_WORDS: Record<string, string> = {};
const EN_SYMBOLS: Record<string, string> = {};
for (const row of CURRENCY_TABLE) {
  if (!row.write) continue;
  ZH_WORDS[row.code] = row.write.zh;
  ZH_HANT_WORDS[row.code] = row.write.zhHant;
  if (row.write.en) EN_SYMBOLS[row.code] = row.write.en;
}

const PER_ZH: Record<string, string> = {
  t: '吨', kWh: '千瓦时', MWh: '兆瓦时', W: '瓦', m2: '平方米', share: '股', oz: '盎司', kg: '千克', g: '克',
};
const PER_ZH_HANT: Record<string, string> = {
  t: '噸', kWh: '千瓦時', MWh: '兆瓦時', W: '瓦', m2: '平方米', share: '股', oz: '盎司', kg: '公斤', g: '克',
};
const PER_EN: Record<string, string> = { m2: 'm²' };

const ZH_SCALES: [number, string][] = [
  [1e12, '万亿'],
  [1e8, '亿'],
  [1e4, '万'],
];
const ZH_HANT_SCALES: [number, string][] = [
  [1e12, '兆'],
  [1e8, '億'],
  [1e4, '萬'],
];
const EN_SCALES: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

/** Inserts thousands separators into the integer part of a plain decimal string. */
function group(s: string): string {
  const dot = s.indexOf('.');
  const int = dot < 0 ? s : s.slice(0, dot);
  if (int.length <= 3) return s;
  let out = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) out += ',';
    out += int[i];
  }
  return dot < 0 ? out : out + s.slice(dot);
}

/** Digits before the decimal point of a non-negative number (0 for x < 1). */
function intDigits(x: number): number {
  return x < 1 ? 0 : Math.floor(x).toFixed(0).length;
}

/**
 * Formats a non-negative `x` with `sig` significant digits, clamped to
 * [minDecimals, maxDecimals] decimals, never in exponent form.
 */
function fixed(x: number, sig: number, minDecimals: number, maxDecimals: number): string {
  if (x === 0) return minDecimals > 0 ? (0).toFixed(minDecimals) : '0';
  let decimals: number;
  if (x >= 1) decimals = sig - intDigits(x);
  else decimals = sig - 1 - Math.floor(Math.log10(x));
  decimals = Math.min(Math.max(decimals, minDecimals), maxDecimals);
  return x.toFixed(decimals);
}

function stripZeros(s: string): string {
  if (s.indexOf('.') < 0) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46) end--;
  return s.slice(0, end);
}

function clampDigits(d: number | undefined, fallback: number): number {
  return d === undefined || !Number.isFinite(d) ? fallback : Math.min(6, Math.max(1, Math.round(d)));
}

/** The number and scale word of |value| in one style, without currency or sign. */
function magnitude(abs: number, style: MoneyStyle, digits: number): string {
  if (style !== 'en') {
    const scales = style === 'zh' ? ZH_SCALES : ZH_HANT_SCALES;
    for (let k = 0; k < scales.length; k++) {
      const [unit, word] = scales[k];
      if (abs >= unit) {
        const s = stripZeros(fixed(abs / unit, digits, 0, 6));
        // Rounding can reach the next scale: 9,999.6万 is 1亿.
        if (k > 0 && Number(s) >= 1e4) return magnitude(scales[k - 1][0], style, digits);
        return group(s) + word;
      }
    }
    return group(stripZeros(fixed(abs, digits, 0, 8)));
  }
  for (let k = 0; k < EN_SCALES.length; k++) {
    const [unit, word] = EN_SCALES[k];
    if (abs >= unit) {
      const s = fixed(abs / unit, digits, 1, 6);
      if (k > 0 && Number(s) >= 1000) return magnitude(EN_SCALES[k - 1][0] * (Number(s) / 1000), style, digits);
      return `${group(s)} ${word}`;
    }
  }
  if (abs >= 1e6 * 0.9999 && Number(abs.toFixed(0)) >= 1e6) return magnitude(1e6, style, digits);
  if (abs >= 1) return group(Number.isInteger(abs) ? abs.toFixed(0) : abs.toFixed(2));
  return stripZeros(fixed(abs, digits, 0, 8));
}

/** The unit suffix of a per-unit price: formatPer('t','en') → "/t", formatPer('kWh','zh') → "/千瓦时". */
export function formatPer(per: string | null | undefined, style: MoneyStyle = 'en'): string {
  if (!per) return '';
  const table = style === 'zh' ? PER_ZH : style === 'zh-Hant' ? PER_ZH_HANT : PER_EN;
  return '/' + (table[per] ?? per);
}

function prefixOf(currency: string, opts: FormatOptions | undefined): string {
  const code = currency.toUpperCase();
  const symbol = opts?.symbols === false ? undefined : EN_SYMBOLS[code];
  return symbol ?? `${code} `;
}

function wordOf(currency: string, opts: FormatOptions | undefined, style: MoneyStyle): string {
  const code = currency.toUpperCase();
  if (style === 'zh-Hant') {
    if (code === 'CNY' && opts?.cnyWord) return opts.cnyWord === '元' ? '元' : '人民幣';
    return ZH_HANT_WORDS[code] ?? ` ${code}`;
  }
  if (code === 'CNY' && opts?.cnyWord) return opts.cnyWord;
  return ZH_WORDS[code] ?? ` ${code}`;
}

/**
 * Formats an amount of money (units of `currency`) in one style; see the module comment
 * for the exact forms. formatAmount(160e9, 'CNY', 'zh') → "1,600亿元";
 * formatAmount(23e9, 'USD', 'zh-Hant') → "230億美元"; formatAmount(160e9, 'CNY', 'en') →
 * "CNY 160.0 billion".
 */
export function formatAmount(value: number, currency: string, style: MoneyStyle, opts?: FormatOptions): string {
  const per = formatPer(opts?.per, style);
  const zh = style !== 'en';
  if (!Number.isFinite(value)) return zh ? `?${wordOf(currency, opts, style)}${per}` : `${prefixOf(currency, opts)}?${per}`;
  const digits = clampDigits(opts?.digits, zh ? 4 : 3);
  let body = magnitude(Math.abs(value), style, digits);
  // A value that rounds to zero prints without a minus sign.
  const sign = value < 0 && /[1-9]/.test(body) ? '-' : '';
  if (zh) return `${sign}${body}${wordOf(currency, opts, style)}${per}`;
  body = `${prefixOf(currency, opts)}${body}`;
  return `${sign}${body}${per}`;
}

/**
 * Formats a range. Chinese repeats the scale on both ends and writes the currency once:
 * "20万–25万元". English writes the currency once and the scale once when both ends share
 * it: "US$1.20–1.50 billion", "CNY 200,000–250,000", "US$800.0 million–1.20 billion".
 */
export function formatRange(min: number, max: number, currency: string, style: MoneyStyle, opts?: FormatOptions): string {
  const per = formatPer(opts?.per, style);
  const bare = { ...opts, per: null };
  if (style !== 'en') {
    const word = wordOf(currency, opts, style);
    const lo = formatAmount(min, currency, style, bare);
    const hi = formatAmount(max, currency, style, bare);
    return `${lo.slice(0, lo.length - word.length)}–${hi.slice(0, hi.length - word.length)}${word}${per}`;
  }
  const prefix = prefixOf(currency, opts);
  const strip = (s: string) => (s.startsWith('-') ? '-' + s.slice(1 + prefix.length) : s.slice(prefix.length));
  let lo = strip(formatAmount(min, currency, 'en', bare));
  const hi = strip(formatAmount(max, currency, 'en', bare));
  const loWord = lo.lastIndexOf(' ');
  const hiWord = hi.lastIndexOf(' ');
  if (loWord > 0 && hiWord > 0 && lo.slice(loWord) === hi.slice(hiWord)) lo = lo.slice(0, loWord);
  return `${prefix}${lo}–${hi}${per}`;
}

/**
 * The normalised description of a figure, English then Chinese:
 * "CNY 160.0 billion / 1,600亿元", "~US$13.0 billion / ~130亿美元" (approximate),
 * "CNY 200,000–250,000/m² / 20万–25万元/平方米" (a range per unit). The Chinese half is
 * in the script of the figure's own text when it is given and written in Traditional
 * ("230 億美元" → "US$23.0 billion / 230億美元"), else Simplified. `chineseFirst` (a reader of
 * Chinese) puts the Chinese half first.
 */
export function describeFigure(
  figure: Pick<Figure, 'currency' | 'value' | 'min' | 'max' | 'per' | 'approximate'> & { text?: string },
  opts?: Omit<FormatOptions, 'per'>,
  chineseFirst = false,
): string {
  const chinese: MoneyStyle = figure.text !== undefined && scriptOf(figure.text) === 'traditional' ? 'zh-Hant' : 'zh';
  const o = { ...opts, per: figure.per };
  const ranged = figure.min !== null && figure.max !== null && figure.min !== figure.max;
  const one = (style: MoneyStyle) =>
    ranged
      ? formatRange(figure.min as number, figure.max as number, figure.currency, style, o)
      : formatAmount(figure.value, figure.currency, style, o);
  const approx = figure.approximate ? '~' : '';
  return chineseFirst ? `${approx}${one(chinese)} / ${approx}${one('en')}` : `${approx}${one('en')} / ${approx}${one(chinese)}`;
}
