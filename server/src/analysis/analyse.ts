/**
 * The one entry point of the analysis: text in, plain data out. Pure and synchronous,
 * shared by the language server, the CLI and the benchmarks.
 */
import type { DocumentAnalysis } from './types';
import { foldDocument } from './text';
import { findFigures } from './money';
import { findMentions } from './entities';
import { Gazetteer, builtinGazetteer } from './gazetteer';
import { findThemes, builtinTaxonomy, type Taxonomy } from './themes';
import { findDate } from './date';
import { findSections } from './sections';
import { attachFacts } from './facts';

export interface AnalyseOptions {
  /** Entities to match; defaults to the built-in gazetteer. */
  gazetteer?: Gazetteer;
  /** Themes to score; defaults to the built-in taxonomy. */
  taxonomy?: Taxonomy;
}

/** Analyses one document: its date, figures, entity mentions, themes and sections. */
export function analyse(text: string, options: AnalyseOptions = {}): DocumentAnalysis {
  const { folded, traditional } = foldDocument(text);
  const figures = findFigures(text, folded, { traditional });
  const gazetteer = options.gazetteer ?? builtinGazetteer();
  const mentions = findMentions(text, folded, gazetteer, figures);
  attachFacts(text, folded, figures, mentions, (id) => gazetteer.get(id)?.sector);
  const themes = findThemes(text, folded, options.taxonomy ?? builtinTaxonomy());
  return {
    date: findDate(text),
    figures,
    mentions,
    themes,
    sections: findSections(text),
    traditional,
  };
}
