/**
 * Turns a DocumentAnalysis into the records of the CLI's binding JSON contract
 * (ARCHITECTURE.md, "Invariants"; the fields are listed in the README). Pure: the CLI, the tests and the export command share it.
 */
import type { DocumentAnalysis, Figure, FigureParty } from '../analysis/types';
import { lineStarts, positionAt } from '../analysis/text';
import { latestMonth, rateAt, type RateKind } from '../fx/rates';

/** Which rate a base value used: a RateKind, or `same` when the figure is already in the base currency (rate 1, no rate looked up). */
export type ReportedRateKind = RateKind | 'same';

export interface BaseValue {
  currency: string;
  value: number;
  /** Units of the base currency per one unit of the figure's currency. */
  rate: number;
  /** The rate's own date: YYYY-MM-DD for a day's rate, YYYY-MM for a monthly average; for `same`, the note's date (the latest month when undated). */
  rateDate: string;
  /** Which rate was used (fx/rates.ts RateKind: daily, monthly, nearest-earlier, user, downloaded), or `same`. */
  rateKind: ReportedRateKind;
}

export interface FigureRecord {
  text: string;
  offset: number;
  length: number;
  line: number;
  character: number;
  currency: string;
  value: number;
  min: number | null;
  max: number | null;
  approximate: boolean;
  per: string | null;
  qualifier: string | null;
  base: BaseValue | null;
  /** Whose amount it is (the payer of a transaction), or null. */
  subject: PartyRecord | null;
  /** The other side of a transaction, or null. */
  counterparty: PartyRecord | null;
  /** The third party stating or forecasting it, or null. */
  source: PartyRecord | null;
  /** What it measures (test/devset/FACTS.md). */
  metric: string;
  /** The period it is about ("2025", "2025H1", "2025Q3"...), or null. */
  period: string | null;
  /** Figures of the file with the same number state the same fact (the index of its first figure). */
  fact: number;
}

/** The mention chosen as a figure's subject, counterparty or source. */
export interface PartyRecord {
  id: string;
  name: string;
  offset: number;
  length: number;
}

export interface EntityRecord {
  text: string;
  offset: number;
  length: number;
  line: number;
  character: number;
  id: string;
  name: string;
  kind: string;
  ticker: string | null;
}

export interface ThemeRecord {
  id: string;
  label: string;
  mentions: number;
}

export interface FileRecord {
  path: string;
  date: string | null;
  figures: FigureRecord[];
  entities: EntityRecord[];
  themes: ThemeRecord[];
}

/** The conversion of one currency into the base currency at a date: the exact rate and how it is reported. */
interface Conversion {
  rate: number;
  reported: number;
  rateDate: string;
  rateKind: ReportedRateKind;
}

function conversion(currency: string, base: string, date: string | null, overrides?: Record<string, number>): Conversion | null {
  // Already in the base currency: no rate is used, and saying "monthly" or "daily" would be untrue.
  if (currency === base) return { rate: 1, reported: 1, rateDate: date ?? latestMonth(), rateKind: 'same' };
  const from = rateAt(currency, date, overrides);
  const to = rateAt(base, date, overrides);
  if (!from || !to) return null;
  const rate = to.perUsd / from.perUsd;
  // The rate that matters is the one of the non-USD side (the figure's own when neither is
  // USD); USD itself carries the month in force.
  const side = currency !== 'USD' ? from : to;
  return { rate, reported: roundSignificant(rate, 8), rateDate: side.date, rateKind: side.kind };
}

function converted(value: number, base: string, c: Conversion | null): BaseValue | null {
  return c && { currency: base, value: roundSignificant(value * c.rate, 12), rate: c.reported, rateDate: c.rateDate, rateKind: c.rateKind };
}

/** Converts a figure's value into the base currency at the document's date. */
export function toBase(figure: Figure, base: string, date: string | null, overrides?: Record<string, number>): BaseValue | null {
  return converted(figure.value, base, conversion(figure.currency, base, date, overrides));
}

/** Builds the JSON record of one file. */
export function fileRecord(path: string, text: string, analysis: DocumentAnalysis, base: string, overrides?: Record<string, number>): FileRecord {
  const starts = lineStarts(text);
  // A file's figures share a date, so each currency is looked up once per file.
  const conversions = new Map<string, Conversion | null>();
  const toBaseOnce = (f: Figure): BaseValue | null => {
    let c = conversions.get(f.currency);
    if (c === undefined) conversions.set(f.currency, (c = conversion(f.currency, base, analysis.date, overrides)));
    return converted(f.value, base, c);
  };
  return {
    path,
    date: analysis.date,
    figures: analysis.figures.map((f, i) => {
      const pos = positionAt(starts, f.offset);
      return {
        text: f.text,
        offset: f.offset,
        length: f.length,
        line: pos.line,
        character: pos.character,
        currency: f.currency,
        value: f.value,
        min: f.min,
        max: f.max,
        approximate: f.approximate,
        per: f.per,
        qualifier: f.qualifier,
        base: toBaseOnce(f),
        subject: party(f.subject),
        counterparty: party(f.counterparty),
        source: party(f.source),
        metric: f.metric ?? 'other',
        period: f.period ?? null,
        fact: f.fact ?? i,
      };
    }),
    entities: analysis.mentions.map((m) => {
      const pos = positionAt(starts, m.offset);
      return { text: m.text, offset: m.offset, length: m.length, line: pos.line, character: pos.character, id: m.id, name: m.name, kind: m.kind, ticker: m.ticker };
    }),
    themes: analysis.themes.map((t) => ({ id: t.id, label: t.label, mentions: t.mentions })),
  };
}

/**
 * `--format json` is `{"version": 1, "files": [...]}` pretty-printed with a two-space
 * indent, written one file at a time so the scan keeps no record: the opening, each record
 * (its separator first), then the closing. Together they are byte for byte
 * JSON.stringify({ version: 1, files }, null, 2) + '\n'.
 */
export const JSON_OPENING = '{\n  "version": 1,\n  "files": [';

/** The closing of the json document: `]` right after the opening when no file was written. */
export function jsonClosing(anyFile: boolean): string {
  return anyFile ? '\n  ]\n}\n' : ']\n}\n';
}

const WRAPPED_HEAD = JSON_OPENING.length + 1;
const WRAPPED_TAIL = '\n  ]\n}'.length;

/**
 * One record of the json document, nested two levels deep, preceded by its separator.
 * JSON.stringify of a one-file document, cut out of its wrapper, gives the nesting natively
 * (re-indenting a pretty-printed record line by line costs as much again).
 */
export function jsonFileEntry(record: FileRecord, first: boolean): string {
  return (first ? '\n' : ',\n') + jsonFileBody(record);
}

/** A record of the json document as `jsonFileEntry` writes it, without the separator. */
export function jsonFileBody(record: FileRecord): string {
  const doc = JSON.stringify({ version: 1, files: [record] }, null, 2);
  return doc.slice(WRAPPED_HEAD, doc.length - WRAPPED_TAIL);
}

/** One line of `--format jsonl`: the record on one line, as in the `files` of json. */
export function jsonLine(record: FileRecord): string {
  return JSON.stringify(record) + '\n';
}

function party(p: FigureParty | null | undefined): PartyRecord | null {
  return p ? { id: p.id, name: p.name, offset: p.offset, length: p.length } : null;
}

function roundSignificant(x: number, digits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(digits));
}
