/**
 * Plain data produced by the analysis. Nothing here knows about LSP or VS Code:
 * offsets and lengths are UTF-16 code units into the original text, 0-based.
 */

/** A span of the original text. */
export interface Span {
  offset: number;
  length: number;
}

/** Unit of a per-unit price: "t", "kWh", "W", "m2", "share", "oz", "TH/s", "BTC", ... */
export type PerUnit = string;

/** One monetary figure, e.g. "1,600 亿人民币" or "20萬-25萬元/平方米". */
export interface Figure extends Span {
  /** The exact substring of the original text. */
  text: string;
  /** ISO 4217 code. */
  currency: string;
  /** Value in units of `currency`; for a range or a vague amount, the midpoint. */
  value: number;
  /** Lower end of an explicit range or a vague amount ("数十亿"), else null. */
  min: number | null;
  /** Upper end of an explicit range or a vague amount, else null. */
  max: number | null;
  /** True when hedged ("约", "up to", "超过"), vague, or converted from a hedged amount. */
  approximate: boolean;
  /** Unit of a per-unit price, else null. */
  per: PerUnit | null;
  /** The hedge or bound words next to the span, verbatim ("最高约", "up to"), else null. */
  qualifier: string | null;
  /** Set when the scale or currency had to be guessed (ambiguous 兆 in Simplified text, bare ¥). */
  ambiguity?: 'zhao' | 'yen-sign' | null;
  /** Whose amount it is (the payer of a transaction), or null: a market size, a commodity price. */
  subject?: FigureParty | null;
  /** The other side of a transaction (the target, the seller, the lead investor), or null. */
  counterparty?: FigureParty | null;
  /** The third party stating or forecasting it (a broker, a research firm, a media outlet), or null. */
  source?: FigureParty | null;
  /** What the amount measures. */
  metric?: Metric;
  /** The period it is about when the text says: "2025", "2025H1", "2025Q3", "2025-9M", "2025-12", "2025-01-23". */
  period?: string | null;
  /**
   * Figures of one document with the same number state the same fact: a stated conversion and
   * the amount it converts, one amount said in two languages, an amount repeated later. The
   * number of the fact is the index of its first figure.
   */
  fact?: number;
}

/** The mention chosen as a figure's subject, counterparty or source. */
export interface FigureParty extends Span {
  id: string;
  name: string;
}

/** What a figure measures (test/devset/FACTS.md has the definitions). */
export type Metric =
  | 'revenue'
  | 'profit'
  | 'capex'
  | 'investment'
  | 'funding'
  | 'valuation'
  | 'market-value'
  | 'market-size'
  | 'price'
  | 'cost'
  | 'dividend'
  | 'buyback'
  | 'deal'
  | 'trading'
  | 'other';

export const METRICS: readonly Metric[] = [
  'revenue', 'profit', 'capex', 'investment', 'funding', 'valuation', 'market-value', 'market-size',
  'price', 'cost', 'dividend', 'buyback', 'deal', 'trading', 'other',
];

/**
 * Kinds of named things. The "company-like" kinds (company, exchange, media, candidate)
 * are what the CLI and the eval treat as companies.
 */
export type EntityKind =
  | 'company'
  | 'exchange'
  | 'media'
  | 'fund'
  | 'product'
  | 'person'
  | 'regulator'
  | 'index'
  | 'candidate';

/** A named entity known to the gazetteer (built-in, user-defined, or learnt from the document). */
export interface Entity {
  /** Stable lowercase-kebab id, e.g. "tencent". Candidates use "candidate:<folded name>". */
  id: string;
  /** Display name. */
  name: string;
  kind: EntityKind;
  /** Every name by which it is matched, in every script. */
  names: string[];
  tickers: string[];
  /** Sector or other short description, when known. */
  sector?: string;
  /** Where the entry came from: "builtin", "user", "document". */
  origin?: 'builtin' | 'user' | 'document';
}

/** One mention of an entity in the text. */
export interface Mention extends Span {
  text: string;
  id: string;
  name: string;
  kind: EntityKind;
  /** The ticker written right there, e.g. "SZ:002865" from "邁為股份(SZ:002865)", else null. */
  ticker: string | null;
  /**
   * Where `ticker` is written (UTF-16 offset; it spans `ticker.length`): after the name
   * ("0700.HK" in "騰訊控股(0700.HK)"), or the mention's own offset when the mention is the
   * ticker ("0700.HK rose"). -1 when there is no ticker. The analysis records it where it
   * reads the ticker, so no feature has to find it again.
   */
  tickerOffset: number;
}

/** A theme's weight in one document. */
export interface ThemeScore {
  id: string;
  label: string;
  /** Keyword hits in the whole document. */
  mentions: number;
  /** Normalised weight in [0, 1] relative to the strongest theme of the document. */
  score: number;
  /** Paragraphs where the theme is found, with their hit counts. */
  paragraphs: { offset: number; length: number; mentions: number }[];
  /** Every keyword hit, for navigation. */
  hits: Span[];
}

/** A heading-like line: used for document symbols and the sidebar. */
export interface Section extends Span {
  title: string;
  line: number;
}

/** The result of analysing one document. */
export interface DocumentAnalysis {
  /** The digest's own date, YYYY-MM-DD, or null. */
  date: string | null;
  figures: Figure[];
  mentions: Mention[];
  themes: ThemeScore[];
  sections: Section[];
  /** True when the text is mostly in Traditional script. */
  traditional: boolean;
}
