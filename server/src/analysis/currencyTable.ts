/**
 * Every currency Digest Lens knows, in one table: how it is written next to a number (read
 * by `currencies.ts`), how an amount in it is written back (`fx/format.ts`), and what the
 * user calls it (the base-currency picker, through the server's status answer). Adding a
 * currency means adding a row here and, if it is to be converted, its rates to the data
 * (`server/data/rates.json`, built by `scripts/build-rates.mjs`); test/unit/currency-table.test.ts
 * fails when the two disagree.
 *
 * Pure data and a few accessors; the recogniser builds its lookup tables from it once, at load.
 */

/**
 * One marker as the recogniser reads it. A plain string is an ordinary marker; the object
 * form carries the flags of `CurrencyMatch` (see currencies.ts) that differ from the default.
 */
export type MarkerSpec =
  | string
  | {
      text: string;
      /** Counts only with support from the context (元 alone, 仙, a currency word before a number). */
      weak?: boolean;
      /** Units of the currency per unit written: 0.01 for cents and pence, 1e6 for "mdp". */
      factor?: number;
      /** A hundredth of whichever dollar the passage is about ("86 cents"), not of this row's code. */
      cents?: boolean;
      /** Counts only after an English scale word ("3 million pounds"). */
      needsScale?: boolean;
      /** Matches in this case only (a lower-case "c": 80C is a temperature). */
      caseSensitive?: boolean;
    };

export interface CurrencyRow {
  /** ISO 4217 code. */
  code: string;
  /** Codes read before or after a number, in upper case only: the code itself and others written for it (RMB, CNH). */
  codes: readonly string[];
  /**
   * Chinese names, in Simplified script: the text is folded before matching, so the
   * Traditional forms (港幣, 歐元, 日圓) are read through these. Strong after a number
   * ("5亿美元"), weak before one ("美元5亿": also opens exchange rates).
   */
  zh?: readonly string[];
  /** Other markers written after a number: symbols, English words, sub-units. */
  after?: readonly MarkerSpec[];
  /** Other markers written before a number: symbols and abbreviations. */
  before?: readonly MarkerSpec[];
  /** How an amount is written back: the Simplified word, the Traditional word (Taiwan usage), the English symbol (else the code). */
  write?: { zh: string; zhHant: string; en?: string };
  /** What the user calls it, in each interface language, and the other names the picker finds it by. */
  names?: { en: string; 'zh-cn': string; 'zh-tw': string; aliases: readonly string[] };
  /** Read, but the rates data has no rate for it: a hover says it cannot be converted. */
  noRates?: true;
}

// Rows with rates first, roughly by how often digests name them; the order matters to nothing
// (the recogniser sorts its markers, the picker has its own order).
export const CURRENCY_TABLE: readonly CurrencyRow[] = [
  {
    code: 'USD',
    codes: ['USD'],
    zh: ['美元', '美金'],
    after: [
      'US$', '$', 'bucks', 'usd', 'u.s. dollars', 'us dollars', 'dollars', 'dollar',
      // Cents of the passage's dollar: "86 cents", "50¢", "fell 5c to 80c" (lower case only).
      { text: 'cents', factor: 0.01, cents: true }, { text: 'cent', factor: 0.01, cents: true }, { text: '¢', factor: 0.01, cents: true },
      { text: 'c', factor: 0.01, cents: true, caseSensitive: true },
      { text: 'us cents', factor: 0.01 }, { text: '美仙', factor: 0.01 },
    ],
    before: ['US$', '$', '$US'],
    write: { zh: '美元', zhHant: '美元', en: 'US$' },
    names: { en: 'US dollar', 'zh-cn': '美元', 'zh-tw': '美元', aliases: ['US$', '$', '美金', 'dollar', 'greenback'] },
  },
  {
    code: 'CNY',
    codes: ['CNY', 'RMB', 'CNH'],
    zh: ['人民币'],
    after: [
      '元人民币', '块钱', { text: '元', weak: true }, { text: '块', weak: true }, { text: '分', factor: 0.01, weak: true },
      '¥', 'rmb', 'yuan', 'renminbi',
    ],
    before: ['¥', '￥'],
    write: { zh: '元', zhHant: '人民幣' },
    names: { en: 'Chinese yuan', 'zh-cn': '人民币', 'zh-tw': '人民幣', aliases: ['RMB', 'CNH', 'renminbi', 'yuan', '元', '¥', '人民币', '人民幣', '块'] },
  },
  {
    code: 'HKD',
    codes: ['HKD'],
    zh: ['港元', '港币'],
    after: [
      'HK$', { text: '港仙', factor: 0.01 }, { text: '仙', factor: 0.01, weak: true },
      'hong kong dollars', 'hong kong dollar', 'hk dollars',
    ],
    before: ['HK$'],
    write: { zh: '港元', zhHant: '港元', en: 'HK$' },
    names: { en: 'Hong Kong dollar', 'zh-cn': '港元', 'zh-tw': '港幣', aliases: ['HK$', '港币', '港幣', '港元', '港圓'] },
  },
  {
    code: 'TWD',
    codes: ['TWD'],
    zh: ['新台币', '台币'],
    after: ['new taiwan dollars', 'taiwan dollars', 'nt dollars'],
    before: ['NT$'],
    write: { zh: '新台币', zhHant: '新台幣', en: 'NT$' },
    names: { en: 'New Taiwan dollar', 'zh-cn': '新台币', 'zh-tw': '新臺幣', aliases: ['NT$', 'NTD', '新台币', '新台幣', '台币', '台幣', '新臺幣', '臺幣'] },
  },
  {
    code: 'EUR',
    codes: ['EUR'],
    zh: ['欧元'],
    after: ['€', 'eur', 'euros', 'euro'],
    before: ['€'],
    write: { zh: '欧元', zhHant: '歐元', en: '€' },
    names: { en: 'Euro', 'zh-cn': '欧元', 'zh-tw': '歐元', aliases: ['€', '欧元', '歐元', 'euro'] },
  },
  {
    code: 'JPY',
    codes: ['JPY'],
    zh: ['日元', '日圆'],
    after: ['円', 'yen'],
    write: { zh: '日元', zhHant: '日圓' },
    names: { en: 'Japanese yen', 'zh-cn': '日元', 'zh-tw': '日圓', aliases: ['¥', '円', '日元', '日圓', '日圆', '日幣', 'yen'] },
  },
  {
    code: 'GBP',
    codes: ['GBP'],
    zh: ['英镑'],
    after: [
      '£', 'pounds sterling', 'sterling', { text: 'pounds', needsScale: true },
      { text: 'pence', factor: 0.01 }, { text: 'p', factor: 0.01 },
    ],
    before: ['£'],
    write: { zh: '英镑', zhHant: '英鎊', en: '£' },
    names: { en: 'Pound sterling', 'zh-cn': '英镑', 'zh-tw': '英鎊', aliases: ['£', '英镑', '英鎊', 'pound', 'sterling'] },
  },
  {
    code: 'KRW',
    codes: ['KRW'],
    zh: ['韩元'],
    after: [{ text: 'won', needsScale: true }],
    before: ['₩'],
    write: { zh: '韩元', zhHant: '韓元', en: '₩' },
    names: { en: 'South Korean won', 'zh-cn': '韩元', 'zh-tw': '韓元', aliases: ['₩', '韩元', '韓元', '韩圆', '韓圓', 'won'] },
  },
  {
    code: 'SGD',
    codes: ['SGD'],
    zh: ['新加坡元', '新币', '新元'],
    after: ['singapore dollars', { text: 'singapore cents', factor: 0.01 }],
    before: ['SG$', 'S$'],
    write: { zh: '新加坡元', zhHant: '新加坡元', en: 'S$' },
    names: { en: 'Singapore dollar', 'zh-cn': '新加坡元', 'zh-tw': '新加坡幣', aliases: ['S$', '新元', '新币', '新幣', '新加坡元'] },
  },
  {
    code: 'AUD',
    codes: ['AUD'],
    zh: ['澳元', '澳币'],
    after: ['australian dollars'],
    before: ['A$', '$A'],
    write: { zh: '澳元', zhHant: '澳幣', en: 'A$' },
    names: { en: 'Australian dollar', 'zh-cn': '澳元', 'zh-tw': '澳幣', aliases: ['A$', '澳元', '澳币', '澳幣', 'Aussie'] },
  },
  {
    code: 'CAD',
    codes: ['CAD'],
    zh: ['加元', '加币'],
    after: ['canadian dollars'],
    before: ['C$'],
    write: { zh: '加元', zhHant: '加幣', en: 'C$' },
    names: { en: 'Canadian dollar', 'zh-cn': '加元', 'zh-tw': '加幣', aliases: ['C$', '加元', '加币', '加幣', 'loonie'] },
  },
  {
    code: 'CHF',
    codes: ['CHF'],
    zh: ['瑞郎', '瑞士法郎'],
    after: ['swiss francs', 'francs'],
    write: { zh: '瑞士法郎', zhHant: '瑞士法郎' },
    names: { en: 'Swiss franc', 'zh-cn': '瑞士法郎', 'zh-tw': '瑞士法郎', aliases: ['瑞郎', 'franc'] },
  },
  {
    code: 'INR',
    codes: ['INR'],
    zh: ['卢比'],
    after: ['rupee', 'rupees'],
    before: ['₹', 'Rs.', 'Rs'],
    write: { zh: '印度卢比', zhHant: '印度盧比', en: '₹' },
    names: { en: 'Indian rupee', 'zh-cn': '印度卢比', 'zh-tw': '印度盧比', aliases: ['₹', 'Rs', 'rupee', '卢比', '盧比'] },
  },
  {
    code: 'NZD',
    codes: ['NZD'],
    zh: ['新西兰元', '纽元'],
    before: ['NZ$', '$NZ'],
    write: { zh: '新西兰元', zhHant: '紐元', en: 'NZ$' },
    names: { en: 'New Zealand dollar', 'zh-cn': '新西兰元', 'zh-tw': '紐西蘭幣', aliases: ['NZ$', '纽元', '紐元', '新西兰元', '紐幣'] },
  },
  {
    code: 'MYR',
    codes: ['MYR'],
    zh: ['林吉特', '令吉', '马币'],
    after: ['ringgits', 'ringgit', { text: 'malaysian sen', factor: 0.01 }, { text: 'sen', factor: 0.01, weak: true }],
    before: ['RM'],
    write: { zh: '林吉特', zhHant: '令吉' },
    names: { en: 'Malaysian ringgit', 'zh-cn': '马来西亚林吉特', 'zh-tw': '馬來西亞令吉', aliases: ['RM', 'ringgit', '林吉特', '令吉', '马币', '馬幣'] },
  },
  {
    code: 'THB',
    codes: ['THB'],
    zh: ['泰铢'],
    after: ['baht'],
    write: { zh: '泰铢', zhHant: '泰銖' },
    names: { en: 'Thai baht', 'zh-cn': '泰铢', 'zh-tw': '泰銖', aliases: ['฿', 'baht', '泰铢', '泰銖'] },
  },
  {
    code: 'IDR',
    codes: ['IDR'],
    zh: ['印尼盾'],
    after: ['rupiah'],
    write: { zh: '印尼盾', zhHant: '印尼盾' },
    names: { en: 'Indonesian rupiah', 'zh-cn': '印尼盾', 'zh-tw': '印尼盾', aliases: ['Rp', 'rupiah'] },
  },
  {
    code: 'PHP',
    codes: ['PHP'],
    write: { zh: '菲律宾比索', zhHant: '菲律賓比索' },
    names: { en: 'Philippine peso', 'zh-cn': '菲律宾比索', 'zh-tw': '菲律賓披索', aliases: ['₱', 'peso', '比索', '披索'] },
  },
  {
    code: 'BRL',
    codes: ['BRL'],
    zh: ['雷亚尔'],
    after: ['reais', 'reals'],
    before: ['R$'],
    write: { zh: '巴西雷亚尔', zhHant: '巴西雷亞爾' },
    names: { en: 'Brazilian real', 'zh-cn': '巴西雷亚尔', 'zh-tw': '巴西雷亞爾', aliases: ['R$', 'real', '雷亚尔', '雷亞爾'] },
  },
  {
    code: 'MXN',
    codes: ['MXN'],
    zh: ['比索'],
    // "15,106 mdp": millones de pesos, as Mexican papers write millions of pesos.
    after: [{ text: 'pesos', needsScale: true }, 'mexican pesos', { text: 'mdp', factor: 1e6 }],
    write: { zh: '墨西哥比索', zhHant: '墨西哥比索' },
    names: { en: 'Mexican peso', 'zh-cn': '墨西哥比索', 'zh-tw': '墨西哥披索', aliases: ['Mex$', 'peso', '比索', '披索'] },
  },
  {
    code: 'ZAR',
    codes: ['ZAR'],
    zh: ['兰特'],
    write: { zh: '南非兰特', zhHant: '南非蘭特' },
    names: { en: 'South African rand', 'zh-cn': '南非兰特', 'zh-tw': '南非蘭特', aliases: ['R', 'rand', '兰特', '蘭特'] },
  },
  {
    code: 'SEK',
    codes: ['SEK'],
    zh: ['瑞典克朗'],
    after: ['swedish kronor', 'swedish krona'],
    write: { zh: '瑞典克朗', zhHant: '瑞典克朗' },
    names: { en: 'Swedish krona', 'zh-cn': '瑞典克朗', 'zh-tw': '瑞典克朗', aliases: ['kr', 'krona', '克朗'] },
  },
  {
    code: 'NOK',
    codes: ['NOK'],
    zh: ['挪威克朗'],
    after: ['norwegian kroner', 'norwegian krone'],
    write: { zh: '挪威克朗', zhHant: '挪威克朗' },
    names: { en: 'Norwegian krone', 'zh-cn': '挪威克朗', 'zh-tw': '挪威克朗', aliases: ['kr', 'krone', '克朗'] },
  },
  {
    code: 'DKK',
    codes: ['DKK'],
    zh: ['丹麦克朗'],
    after: ['danish kroner', 'danish krone'],
    write: { zh: '丹麦克朗', zhHant: '丹麥克朗' },
    names: { en: 'Danish krone', 'zh-cn': '丹麦克朗', 'zh-tw': '丹麥克朗', aliases: ['kr', 'krone', '克朗'] },
  },
  {
    code: 'RUB',
    codes: ['RUB'],
    zh: ['卢布'],
    write: { zh: '卢布', zhHant: '盧布' },
    names: { en: 'Russian ruble', 'zh-cn': '俄罗斯卢布', 'zh-tw': '俄羅斯盧布', aliases: ['₽', 'ruble', 'rouble', '卢布', '盧布'] },
  },
  {
    code: 'TRY',
    codes: ['TRY'],
    zh: ['土耳其里拉'],
    write: { zh: '土耳其里拉', zhHant: '土耳其里拉' },
    names: { en: 'Turkish lira', 'zh-cn': '土耳其里拉', 'zh-tw': '土耳其里拉', aliases: ['₺', 'lira', '里拉'] },
  },
  {
    code: 'ILS',
    codes: ['ILS'],
    write: { zh: '以色列新谢克尔', zhHant: '以色列新謝克爾' },
    names: { en: 'Israeli new shekel', 'zh-cn': '以色列新谢克尔', 'zh-tw': '以色列新謝克爾', aliases: ['₪', 'shekel', '谢克尔', '謝克爾'] },
  },
  {
    code: 'PLN',
    codes: ['PLN'],
    write: { zh: '波兰兹罗提', zhHant: '波蘭茲羅提' },
    names: { en: 'Polish złoty', 'zh-cn': '波兰兹罗提', 'zh-tw': '波蘭茲羅提', aliases: ['zł', 'zloty', '兹罗提', '茲羅提'] },
  },
  {
    code: 'CZK',
    codes: ['CZK'],
    write: { zh: '捷克克朗', zhHant: '捷克克朗' },
    names: { en: 'Czech koruna', 'zh-cn': '捷克克朗', 'zh-tw': '捷克克朗', aliases: ['Kč', 'koruna', '克朗'] },
  },
  {
    code: 'HUF',
    codes: ['HUF'],
    write: { zh: '匈牙利福林', zhHant: '匈牙利福林' },
    names: { en: 'Hungarian forint', 'zh-cn': '匈牙利福林', 'zh-tw': '匈牙利福林', aliases: ['Ft', 'forint', '福林'] },
  },
  {
    code: 'VND',
    codes: ['VND'],
    after: ['dong'],
    write: { zh: '越南盾', zhHant: '越南盾' },
    names: { en: 'Vietnamese dong', 'zh-cn': '越南盾', 'zh-tw': '越南盾', aliases: ['₫', 'dong'] },
  },
  {
    // Converted and written, but not read: "LKR" has not been seen next to a number in a digest yet.
    code: 'LKR',
    codes: [],
    write: { zh: '斯里兰卡卢比', zhHant: '斯里蘭卡盧比' },
    names: { en: 'Sri Lankan rupee', 'zh-cn': '斯里兰卡卢比', 'zh-tw': '斯里蘭卡盧比', aliases: ['Rs', 'rupee'] },
  },
  // Read, though the rates data has no rate for them (a hover says so): the Gulf's pegged
  // currencies, Macau's pataca and a few more of the news.
  { code: 'AED', codes: ['AED'], after: ['dirhams'], noRates: true },
  { code: 'SAR', codes: [], after: ['riyals'], before: [{ text: 'SAR', weak: true }], noRates: true },
  { code: 'QAR', codes: ['QAR'], noRates: true },
  { code: 'KWD', codes: ['KWD'], noRates: true },
  { code: 'EGP', codes: ['EGP'], noRates: true },
  { code: 'PKR', codes: ['PKR'], noRates: true },
  { code: 'NGN', codes: ['NGN'], noRates: true },
  { code: 'KES', codes: ['KES'], noRates: true },
  { code: 'CLP', codes: ['CLP'], noRates: true },
  { code: 'MOP', codes: [], before: ['MOP$'], noRates: true },
];

const BY_CODE = new Map(CURRENCY_TABLE.map((r) => [r.code, r]));

/** The row of an ISO code (upper case), or undefined. */
export function currencyRow(code: string): CurrencyRow | undefined {
  return BY_CODE.get(code);
}

/** The names of a currency for the base-currency picker: the shape of the server's status answer. */
export interface CurrencyNames {
  code: string;
  en: string;
  'zh-cn': string;
  'zh-tw': string;
  aliases: string[];
}

/** The names of each of `codes` that the table names, in the order given. */
export function currencyNames(codes: readonly string[]): CurrencyNames[] {
  const out: CurrencyNames[] = [];
  for (const code of codes) {
    const n = BY_CODE.get(code)?.names;
    if (n) out.push({ code, en: n.en, 'zh-cn': n['zh-cn'], 'zh-tw': n['zh-tw'], aliases: [...n.aliases] });
  }
  return out;
}
