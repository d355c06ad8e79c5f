/**
 * Whether a plain note (.md, .txt) looks like a digest: a cheap heuristic on the first few
 * kilobytes, for the first-use offer (firstUse.ts). A digest is dated ("2025年8月28日",
 * "2025-08-28", "Aug 28, 2025"), dense with money amounts ("1,350 亿美元", "$22.5B",
 * "HK$4.19B") and names companies (公司, 集團, Inc., tickers). READMEs, changelogs and prose
 * lack one of the three. Pure (no `vscode`, no I/O): test/unit/client-digestLike.test.ts.
 */

/** What the heuristic counted in a text. */
export interface NoteSignals {
  /** A date of the kind digests carry. */
  dated: boolean;
  /** Money amounts. */
  money: number;
  /** Company cues: legal or trade endings, tickers, exchanges. */
  companies: number;
  /** Characters looked at. */
  chars: number;
}

const DATE_PATTERNS = [
  /(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号號]/,
  /(?<![\d.])(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])(?![\d.])/,
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d{2}\b/,
  /\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?:19|20)\d{2}\b/,
];

const NUM = String.raw`\d[\d,，.．]*`;
const CN_NUM = String.raw`[〇零一二三四五六七八九十百千两兩]+`;
const SCALE = String.raw`(?:千|万|萬|亿|億|兆)`;
const CURRENCY_WORD = String.raw`(?:美元|港元|港币|港幣|人民币|人民幣|日元|日圓|日圆|欧元|歐元|英镑|英鎊|新台币|新臺幣|新台幣|台币|台幣|韩元|韓元|澳元|加元|新元|元)`;
const MONEY_PATTERNS = [
  // 1,350 亿美元, 12亿元, 三百亿元, 15萬元/噸
  new RegExp(String.raw`(?:${NUM}|${CN_NUM})\s*${SCALE}*\s*${CURRENCY_WORD}`, 'g'),
  // $22.5B, HK$4.19B, US$ 3 billion, ¥120, €5m, RMB 3.2bn
  new RegExp(String.raw`(?:US\$|HK\$|NT\$|S\$|A\$|C\$|\$|€|£|¥|￥|\b(?:RMB|USD|CNY|HKD|EUR|JPY|GBP|TWD)\s?)\d[\d,.]*(?:\s*(?:bn|b|m|mn|k|million|billion|trillion|亿|億|万|萬)\b)?`, 'gi'),
  // 3 billion dollars, 450 million yuan
  /\b\d[\d,.]*\s*(?:million|billion|trillion)\s+(?:dollars|yuan|euros|yen|pounds|won|rupees)\b/gi,
];

const COMPANY_PATTERNS = [
  /(?:公司|集团|集團|股份|控股|科技|银行|銀行|证券|證券|资本|資本|基金|半导体|半導體|电子|電子|汽车|汽車|能源)/g,
  /\b(?:Inc|Corp|Ltd|LLC|PLC|AG|SA|Co)\b\.?|\b(?:Group|Holdings|Technologies|Bank|Capital|Motors|Semiconductor)\b/g,
  /\b\d{4,6}\.(?:HK|SH|SZ|SS|TW|TWO|T|KS)\b|\b(?:NASDAQ|NYSE|HKEX|SSE|SZSE|TSE|TWSE)\s*[:：]\s*[A-Z0-9.]{1,6}\b|[(（](?:[A-Z]{2,5}|\d{4,6})(?:[.-][A-Z]{1,3})?[)）]/g,
  /(?:港交所|纳斯达克|納斯達克|纽交所|紐交所|上交所|深交所|科创板|科創板|创业板|創業板)/g,
];

function count(text: string, patterns: readonly RegExp[]): number {
  let n = 0;
  for (const p of patterns) {
    p.lastIndex = 0;
    n += text.match(p)?.length ?? 0;
  }
  return n;
}

/** Counts the signals in a note's text (the caller passes a bounded prefix). */
export function noteSignals(text: string): NoteSignals {
  return {
    dated: DATE_PATTERNS.some((p) => p.test(text)),
    money: count(text, MONEY_PATTERNS),
    companies: count(text, COMPANY_PATTERNS),
    chars: text.length,
  };
}

/**
 * A digest: dated, with at least two amounts and a company, and amounts dense enough (one
 * per 600 characters or more); or undated but very dense (five amounts and two companies,
 * one amount per 300 characters).
 */
export function looksLikeDigest(text: string): boolean {
  const s = noteSignals(text);
  if (s.chars < 40) return false;
  const density = (s.money * 1000) / s.chars;
  if (s.dated && s.money >= 2 && s.companies >= 1 && density >= 1000 / 600) return true;
  return s.money >= 5 && s.companies >= 2 && density >= 1000 / 300;
}

/**
 * Whether a folder is worth the offer, from the notes sampled: at least three digest-like
 * notes, or at least a quarter of those sampled (and at least one).
 */
export function folderLooksLikeDigests(digestLike: number, sampled: number): boolean {
  return digestLike >= 1 && (digestLike >= 3 || digestLike >= Math.ceil(sampled / 4));
}

/**
 * The `digestLens.include` globs for the digest-like notes found (folder-relative paths with
 * forward slashes): their deepest common folder, then every note of each extension found
 * below it ("notes/**∕*.md"). The server indexes what they match; a stray README among them
 * is analysed too, which costs nothing and changes no file.
 */
export function includeGlobsFor(paths: readonly string[]): string[] {
  if (!paths.length) return [];
  const dirs = paths.map((p) => p.split('/').slice(0, -1));
  let common = dirs[0];
  for (const d of dirs.slice(1)) {
    let i = 0;
    while (i < common.length && i < d.length && common[i] === d[i]) i++;
    common = common.slice(0, i);
  }
  const prefix = common.length ? common.join('/') + '/' : '';
  const exts = [...new Set(paths.map((p) => /\.([^./]+)$/.exec(p)?.[1]?.toLowerCase()).filter((x): x is string => !!x))].sort();
  return exts.map((x) => `${prefix}**/*.${x}`);
}
