/**
 * An analyser for tests of the views over facts: the real analysis, then the fact fields set
 * by a few fixed rules, so that the tests hold whatever the engine attributes today. In a
 * sentence (up to 。 or a line end): the first company before a figure is its subject; after
 * 投资/invest the second is the counterparty; a broker or media outlet followed by 预计/据/称 is
 * the source (and then there is no subject before it); the metric comes from a keyword; the
 * period is the first "YYYY年" or "YYYY"; a figure in parentheses right after another (a
 * stated conversion) shares its fact.
 */
import { analyse } from '../../server/src/analysis/analyse';
import type { Gazetteer } from '../../server/src/analysis/gazetteer';
import type { DocumentAnalysis, FigureParty, Mention, Metric } from '../../server/src/analysis/types';

const METRIC_WORDS: [RegExp, Metric][] = [
  [/资本开支|資本開支|capex/i, 'capex'],
  [/市场规模|市場規模|market size/i, 'market-size'],
  [/营收|營收|收入|revenue/i, 'revenue'],
  [/净利|淨利|利润|profit/i, 'profit'],
  [/融资|融資|raised/i, 'funding'],
  [/估值|valuation/i, 'valuation'],
  [/投资|投資|invest/i, 'investment'],
  [/报价|報價|\/吨|price/i, 'price'],
];

const party = (m: Mention): FigureParty => ({ id: m.id, name: m.name, offset: m.offset, length: m.length });

export function attributing(gazetteer?: Gazetteer): (text: string) => DocumentAnalysis {
  return (text: string) => {
    const a = analyse(text, gazetteer ? { gazetteer } : {});
    for (let i = 0; i < a.figures.length; i++) {
      const f = a.figures[i];
      const start = Math.max(text.lastIndexOf('。', f.offset - 1), text.lastIndexOf('\n', f.offset - 1)) + 1;
      const clause = text.slice(start, f.offset);
      const before = a.mentions.filter((m) => m.offset >= start && m.offset < f.offset);
      const sourceAt = before.findIndex((m) => /^(预计|預計|称|稱|报道|報道)/.test(text.slice(m.offset + m.length, m.offset + m.length + 2)) || /据$|據$/.test(text.slice(Math.max(0, m.offset - 1), m.offset)));
      const companies = before.filter((m, k) => k !== sourceAt && (m.kind === 'company' || m.kind === 'candidate'));
      f.source = sourceAt >= 0 ? party(before[sourceAt]) : null;
      f.metric = METRIC_WORDS.find(([re]) => re.test(clause))?.[1] ?? 'other';
      f.subject = f.metric === 'market-size' || f.metric === 'price' || !companies[0] ? null : party(companies[0]);
      f.counterparty = f.metric === 'investment' && companies[1] ? party(companies[1]) : null;
      f.period = /(20\d\d)年?/.exec(clause)?.[1] ?? null;
      const prev = a.figures[i - 1];
      const between = prev ? text.slice(prev.offset + prev.length, f.offset) : '';
      f.fact = prev && /^\s*[(（]\s*(约|約|about|~)?\s*$/.test(between) ? (prev.fact ?? i - 1) : i;
      if (f.fact !== i) Object.assign(f, { subject: prev.subject, counterparty: prev.counterparty, source: prev.source, metric: prev.metric, period: prev.period });
    }
    return a;
  };
}
