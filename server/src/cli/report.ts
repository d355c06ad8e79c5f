/**
 * Turns a DocumentAnalysis into the records of the CLI's binding JSON contract
 * (ARCHITECTURE.md, "Invariants"; the fields are listed in the README). Pure: the CLI and the tests share it.
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

/**
 * One file's record, item by item: the same fields as `FileRecord`, but each figure and
 * mention is made when asked for, so a writer can put a dense file's records out one at a
 * time and never hold them all (a 4 MB note can have hundreds of thousands).
 */
export interface FileRecordView {
  readonly path: string;
  readonly date: string | null;
  readonly figureCount: number;
  readonly entityCount: number;
  figure(i: number): FigureRecord;
  entity(i: number): EntityRecord;
  readonly themes: ThemeRecord[];
}

/** The record of one file as a view over its analysis (nothing is built until asked for). */
export function recordView(path: string, text: string, analysis: DocumentAnalysis, base: string, overrides?: Record<string, number>): FileRecordView {
  const starts = lineStarts(text);
  // A file's figures share a date, so each currency is looked up once per file.
  const conversions = new Map<string, Conversion | null>();
  const toBaseOnce = (f: Figure): BaseValue | null => {
    let c = conversions.get(f.currency);
    if (c === undefined) conversions.set(f.currency, (c = conversion(f.currency, base, analysis.date, overrides)));
    return converted(f.value, base, c);
  };
  const { figures, mentions } = analysis;
  return {
    path,
    date: analysis.date,
    figureCount: figures.length,
    entityCount: mentions.length,
    figure(i) {
      const f = figures[i];
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
    },
    entity(i) {
      const m = mentions[i];
      const pos = positionAt(starts, m.offset);
      return { text: m.text, offset: m.offset, length: m.length, line: pos.line, character: pos.character, id: m.id, name: m.name, kind: m.kind, ticker: m.ticker };
    },
    themes: analysis.themes.map((t) => ({ id: t.id, label: t.label, mentions: t.mentions })),
  };
}

/** A whole record as a view (the export command and the tests hold whole records). */
export function viewOfRecord(record: FileRecord): FileRecordView {
  return {
    path: record.path,
    date: record.date,
    figureCount: record.figures.length,
    entityCount: record.entities.length,
    figure: (i) => record.figures[i],
    entity: (i) => record.entities[i],
    themes: record.themes,
  };
}

/** Builds the JSON record of one file. */
export function fileRecord(path: string, text: string, analysis: DocumentAnalysis, base: string, overrides?: Record<string, number>): FileRecord {
  const view = recordView(path, text, analysis, base, overrides);
  return {
    path,
    date: view.date,
    figures: Array.from({ length: view.figureCount }, (_, i) => view.figure(i)),
    entities: Array.from({ length: view.entityCount }, (_, i) => view.entity(i)),
    themes: view.themes,
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

/**
 * One record of the json document, nested two levels deep, preceded by its separator.
 */
export function jsonFileEntry(record: FileRecord, first: boolean): string {
  return (first ? '\n' : ',\n') + jsonFileBody(record);
}

/** A record of the json document as `jsonFileEntry` writes it, without the separator. */
export function jsonFileBody(record: FileRecord): string {
  let body = '';
  writeJsonFileBody(viewOfRecord(record), (s) => (body += s));
  return body;
}

/** One line of `--format jsonl`: the record on one line, as in the `files` of json. */
export function jsonLine(record: FileRecord): string {
  let line = '';
  writeJsonLine(viewOfRecord(record), (s) => (line += s));
  return line;
}

/**
 * Writes a record of the json document (indented as the third level of
 * JSON.stringify(doc, null, 2)) piece by piece: its scalar fields, then each figure and
 * mention as it is made. Only one item's text exists at a time, so the memory of a dense
 * file's output does not grow with it.
 */
export function writeJsonFileBody(view: FileRecordView, write: (s: string) => void): void {
  write(`    {\n      "path": ${JSON.stringify(view.path)},\n      "date": ${JSON.stringify(view.date)},\n      "figures": `);
  writePrettyItems(view.figureCount, view.figure, write);
  write(',\n      "entities": ');
  writePrettyItems(view.entityCount, view.entity, write);
  write(',\n      "themes": ');
  writePrettyItems(view.themes.length, (i) => view.themes[i], write);
  write('\n    }');
}

/**
 * An item four levels deep in JSON.stringify(doc, null, 2) is indented as the innermost
 * element of four nested arrays: stringified inside that wrapper and cut out, it has the
 * document's own indentation, made natively (re-indenting line by line costs as much again).
 */
const WRAP_EDGE = '[\n  [\n    [\n      [\n'.length;

function writePrettyItems<T>(count: number, item: (i: number) => T, write: (s: string) => void): void {
  if (count === 0) {
    write('[]');
    return;
  }
  write('[\n');
  for (let i = 0; i < count; i++) {
    const wrapped = JSON.stringify([[[[item(i)]]]], null, 2);
    write((i ? ',\n' : '') + wrapped.slice(WRAP_EDGE, wrapped.length - WRAP_EDGE));
  }
  write('\n      ]');
}

/** Writes one line of `--format jsonl` (JSON.stringify of the record, and a newline) item by item. */
export function writeJsonLine(view: FileRecordView, write: (s: string) => void): void {
  write(`{"path":${JSON.stringify(view.path)},"date":${JSON.stringify(view.date)},"figures":`);
  writeCompactItems(view.figureCount, view.figure, write);
  write(',"entities":');
  writeCompactItems(view.entityCount, view.entity, write);
  write(',"themes":');
  writeCompactItems(view.themes.length, (i) => view.themes[i], write);
  write('}\n');
}

function writeCompactItems<T>(count: number, item: (i: number) => T, write: (s: string) => void): void {
  write('[');
  for (let i = 0; i < count; i++) write((i ? ',' : '') + JSON.stringify(item(i)));
  write(']');
}

function party(p: FigureParty | null | undefined): PartyRecord | null {
  return p ? { id: p.id, name: p.name, offset: p.offset, length: p.length } : null;
}

function roundSignificant(x: number, digits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(digits));
}
