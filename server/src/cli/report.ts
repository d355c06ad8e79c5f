/**
 * Turns a DocumentAnalysis into the records of the CLI's binding JSON contract
 * (ARCHITECTURE.md, "Invariants"; the fields are listed in the README). Pure: the CLI, the tests and the export command share it.
 */
import type { DocumentAnalysis, Figure, FigureParty } from '../analysis/types';
import { lineStarts, positionAt } from '../analysis/text';
import { rateAt } from '../fx/rates';

export interface BaseValue {
  currency: string;
  value: number;
  /** Units of the base currency per one unit of the figure's currency. */
  rate: number;
  /** The month of the rate used, YYYY-MM. */
  rateDate: string;
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

/** Converts a figure's value into the base currency at the document's date. */
export function toBase(figure: Figure, base: string, date: string | null, overrides?: Record<string, number>): BaseValue | null {
  const from = rateAt(figure.currency, date, overrides);
  const to = rateAt(base, date, overrides);
  if (!from || !to) return null;
  const rate = to.perUsd / from.perUsd;
  // The month that matters is the one of the non-USD side; USD itself carries the month in force.
  const rateDate = figure.currency !== 'USD' ? from.month : to.month;
  return { currency: base, value: roundSignificant(figure.value * rate, 12), rate: roundSignificant(rate, 8), rateDate };
}

/** Builds the JSON record of one file. */
export function fileRecord(path: string, text: string, analysis: DocumentAnalysis, base: string, overrides?: Record<string, number>): FileRecord {
  const starts = lineStarts(text);
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
        base: toBase(f, base, analysis.date, overrides),
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

function party(p: FigureParty | null | undefined): PartyRecord | null {
  return p ? { id: p.id, name: p.name, offset: p.offset, length: p.length } : null;
}

function roundSignificant(x: number, digits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(digits));
}
