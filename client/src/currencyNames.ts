/**
 * Currency names for the base-currency picker: each known code with its name in English,
 * Simplified and Traditional Chinese, and the other ways analysts write it (RMB, 人民币,
 * 港幣, NT$, 美金 …), so the picker finds a currency by any of them. Pure: no `vscode`
 * import (test/unit/client-currencyNames.test.ts runs it directly).
 */

/** The user interface languages the names exist in. */
export type UiLanguage = 'en' | 'zh-cn' | 'zh-tw';

interface CurrencyNames {
  en: string;
  cn: string;
  tw: string;
  /** Other names, symbols and abbreviations, in any script. */
  aliases: string[];
}

const NAMES: Record<string, CurrencyNames> = {
  USD: { en: 'US dollar', cn: '美元', tw: '美元', aliases: ['US$', '$', '美金', 'dollar', 'greenback'] },
  CNY: { en: 'Chinese yuan', cn: '人民币', tw: '人民幣', aliases: ['RMB', 'CNH', 'renminbi', 'yuan', '元', '¥', '人民币', '人民幣', '块'] },
  HKD: { en: 'Hong Kong dollar', cn: '港元', tw: '港幣', aliases: ['HK$', '港币', '港幣', '港元', '港圓'] },
  TWD: { en: 'New Taiwan dollar', cn: '新台币', tw: '新臺幣', aliases: ['NT$', 'NTD', '新台币', '新台幣', '台币', '台幣', '新臺幣', '臺幣'] },
  EUR: { en: 'Euro', cn: '欧元', tw: '歐元', aliases: ['€', '欧元', '歐元', 'euro'] },
  JPY: { en: 'Japanese yen', cn: '日元', tw: '日圓', aliases: ['¥', '円', '日元', '日圓', '日圆', '日幣', 'yen'] },
  GBP: { en: 'Pound sterling', cn: '英镑', tw: '英鎊', aliases: ['£', '英镑', '英鎊', 'pound', 'sterling'] },
  KRW: { en: 'South Korean won', cn: '韩元', tw: '韓元', aliases: ['₩', '韩元', '韓元', '韩圆', '韓圓', 'won'] },
  SGD: { en: 'Singapore dollar', cn: '新加坡元', tw: '新加坡幣', aliases: ['S$', '新元', '新币', '新幣', '新加坡元'] },
  AUD: { en: 'Australian dollar', cn: '澳元', tw: '澳幣', aliases: ['A$', '澳元', '澳币', '澳幣', 'Aussie'] },
  CAD: { en: 'Canadian dollar', cn: '加元', tw: '加幣', aliases: ['C$', '加元', '加币', '加幣', 'loonie'] },
  CHF: { en: 'Swiss franc', cn: '瑞士法郎', tw: '瑞士法郎', aliases: ['瑞郎', 'franc'] },
  INR: { en: 'Indian rupee', cn: '印度卢比', tw: '印度盧比', aliases: ['₹', 'Rs', 'rupee', '卢比', '盧比'] },
  NZD: { en: 'New Zealand dollar', cn: '新西兰元', tw: '紐西蘭幣', aliases: ['NZ$', '纽元', '紐元', '新西兰元', '紐幣'] },
  MYR: { en: 'Malaysian ringgit', cn: '马来西亚林吉特', tw: '馬來西亞令吉', aliases: ['RM', 'ringgit', '林吉特', '令吉', '马币', '馬幣'] },
  THB: { en: 'Thai baht', cn: '泰铢', tw: '泰銖', aliases: ['฿', 'baht', '泰铢', '泰銖'] },
  IDR: { en: 'Indonesian rupiah', cn: '印尼盾', tw: '印尼盾', aliases: ['Rp', 'rupiah'] },
  PHP: { en: 'Philippine peso', cn: '菲律宾比索', tw: '菲律賓披索', aliases: ['₱', 'peso', '比索', '披索'] },
  VND: { en: 'Vietnamese dong', cn: '越南盾', tw: '越南盾', aliases: ['₫', 'dong'] },
  LKR: { en: 'Sri Lankan rupee', cn: '斯里兰卡卢比', tw: '斯里蘭卡盧比', aliases: ['Rs', 'rupee'] },
  ILS: { en: 'Israeli new shekel', cn: '以色列新谢克尔', tw: '以色列新謝克爾', aliases: ['₪', 'shekel', '谢克尔', '謝克爾'] },
  TRY: { en: 'Turkish lira', cn: '土耳其里拉', tw: '土耳其里拉', aliases: ['₺', 'lira', '里拉'] },
  RUB: { en: 'Russian ruble', cn: '俄罗斯卢布', tw: '俄羅斯盧布', aliases: ['₽', 'ruble', 'rouble', '卢布', '盧布'] },
  ZAR: { en: 'South African rand', cn: '南非兰特', tw: '南非蘭特', aliases: ['R', 'rand', '兰特', '蘭特'] },
  BRL: { en: 'Brazilian real', cn: '巴西雷亚尔', tw: '巴西雷亞爾', aliases: ['R$', 'real', '雷亚尔', '雷亞爾'] },
  MXN: { en: 'Mexican peso', cn: '墨西哥比索', tw: '墨西哥披索', aliases: ['Mex$', 'peso', '比索', '披索'] },
  SEK: { en: 'Swedish krona', cn: '瑞典克朗', tw: '瑞典克朗', aliases: ['kr', 'krona', '克朗'] },
  NOK: { en: 'Norwegian krone', cn: '挪威克朗', tw: '挪威克朗', aliases: ['kr', 'krone', '克朗'] },
  DKK: { en: 'Danish krone', cn: '丹麦克朗', tw: '丹麥克朗', aliases: ['kr', 'krone', '克朗'] },
  PLN: { en: 'Polish złoty', cn: '波兰兹罗提', tw: '波蘭茲羅提', aliases: ['zł', 'zloty', '兹罗提', '茲羅提'] },
  CZK: { en: 'Czech koruna', cn: '捷克克朗', tw: '捷克克朗', aliases: ['Kč', 'koruna', '克朗'] },
  HUF: { en: 'Hungarian forint', cn: '匈牙利福林', tw: '匈牙利福林', aliases: ['Ft', 'forint', '福林'] },
};

/** The currencies analysts of Chinese and English digests pick most, in this order, after the current one. */
const COMMON = ['USD', 'CNY', 'HKD', 'TWD', 'EUR', 'JPY', 'GBP'];

/** The interface language from VS Code's `env.language` ("en", "zh-cn", "zh-tw", "zh-hk" …). */
export function uiLanguage(language: string): UiLanguage {
  const l = language.toLowerCase();
  if (l === 'zh-tw' || l === 'zh-hk' || l === 'zh-mo' || l === 'zh-hant' || l.startsWith('zh-hant')) return 'zh-tw';
  if (l.startsWith('zh')) return 'zh-cn';
  return 'en';
}

/** The name of a currency in a language, or null for a code this table does not know. */
/** The codes this table names, sorted. */
export function namedCurrencies(): string[] {
  return Object.keys(NAMES).sort();
}

export function currencyName(code: string, lang: UiLanguage): string | null {
  const n = NAMES[code.toUpperCase()];
  if (!n) return null;
  return lang === 'zh-cn' ? n.cn : lang === 'zh-tw' ? n.tw : n.en;
}

/** One row of the picker, before the words of the interface ("current") are added. */
export interface CurrencyChoice {
  code: string;
  /** The name in the interface language ("Chinese yuan", "人民币", "人民幣"); the code when unknown. */
  name: string;
  /** Every other name and alias, for matching and as the row's detail ("RMB · renminbi · 人民幣 …"). */
  aliases: string[];
  current: boolean;
}

/**
 * The picker's rows: the current currency first, then the common ones, then the rest by code.
 * Aliases hold the names in the other languages too, so 人民币 finds CNY in any interface.
 */
export function currencyChoices(codes: readonly string[], current: string, lang: UiLanguage): CurrencyChoice[] {
  const cur = current.toUpperCase();
  const rank = (c: string) => (c === cur ? -1 : COMMON.includes(c) ? COMMON.indexOf(c) : COMMON.length);
  return [...new Set(codes.map((c) => c.toUpperCase()))]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((code) => {
      const n = NAMES[code];
      const name = currencyName(code, lang) ?? code;
      const all = n ? [n.en, n.cn, n.tw, ...n.aliases] : [];
      const aliases = [...new Set(all)].filter((a) => a !== name && a !== code);
      return { code, name, aliases, current: code === cur };
    });
}

/** Folds text for matching: NFKC, lower case, no spaces. */
function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The codes whose code, name or any alias contains the query (case- and width-insensitive). */
export function matchCurrency(choices: readonly CurrencyChoice[], query: string): string[] {
  const q = fold(query);
  if (!q) return choices.map((c) => c.code);
  return choices.filter((c) => [c.code, c.name, ...c.aliases].some((t) => fold(t).includes(q))).map((c) => c.code);
}
