// Scoring of the analysis against the gold annotations in ../shared/seeds-gold.
// Pure functions over plain data: no file access, no process state, so the unit
// tests can feed them tiny hand-made gold/prediction pairs.
//
// Shapes (a subset of seeds-gold/README.md and the CLI JSON contract, ARCHITECTURE.md):
//   gold file:  { file, date, figures: [{text, offset, currency, value, min, max, approximate, per}],
//                 companies: [{text, offset, id, kind}], money_no_currency: [{text, offset}] }
//   pred file:  { path, date, figures: [{text, offset, length, currency, value, min, max, approximate, per}],
//                 entities: [{text, offset, length, id, kind}] }

/** Quality targets printed next to the measured values. */
export const TARGETS = {
  figureF1: 0.99,
  valueAccuracy: 0.99,
  companyF1: 0.95,
  grouping: 0.98,
};

/** Predicted entity kinds that count as companies. */
export const COMPANY_KINDS = new Set(['company', 'exchange', 'media', 'candidate']);

/** Relative tolerance for value, min and max. */
export const VALUE_TOLERANCE = 0.005;

/** The span of an annotation or a prediction; length falls back to the text's length. */
export function spanOf(item) {
  const length = typeof item.length === 'number' ? item.length : item.text.length;
  return { start: item.offset, end: item.offset + length };
}

/** Number of UTF-16 code units two items share (0 when they do not overlap). */
export function overlapLength(a, b) {
  const x = spanOf(a);
  const y = spanOf(b);
  return Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
}

/** True when both items cover the same span exactly. */
export function sameSpan(a, b) {
  const x = spanOf(a);
  const y = spanOf(b);
  return x.start === y.start && x.end === y.end;
}

/**
 * Pairs gold and predicted items one to one, greedily by overlap: every overlapping,
 * compatible pair is a candidate, the largest overlaps are taken first, and neither side
 * is used twice. Ties go to the pair whose starts are closer, then to document order.
 * Returns the pairs (indices into both arrays) and the unmatched indices of each side.
 */
export function greedyMatch(golds, preds, compatible = () => true) {
  const candidates = [];
  // Both lists are small (hundreds per file), so the quadratic scan is fine; a sweep
  // over sorted spans would only matter for much larger inputs.
  for (let g = 0; g < golds.length; g++) {
    for (let p = 0; p < preds.length; p++) {
      const overlap = overlapLength(golds[g], preds[p]);
      if (overlap > 0 && compatible(golds[g], preds[p])) {
        candidates.push({ g, p, overlap, drift: Math.abs(golds[g].offset - preds[p].offset) });
      }
    }
  }
  candidates.sort((a, b) => b.overlap - a.overlap || a.drift - b.drift || a.g - b.g || a.p - b.p);
  const goldUsed = new Array(golds.length).fill(false);
  const predUsed = new Array(preds.length).fill(false);
  const pairs = [];
  for (const c of candidates) {
    if (goldUsed[c.g] || predUsed[c.p]) continue;
    goldUsed[c.g] = true;
    predUsed[c.p] = true;
    pairs.push({ gold: c.g, pred: c.p, overlap: c.overlap });
  }
  pairs.sort((a, b) => golds[a.gold].offset - golds[b.gold].offset);
  return {
    pairs,
    unmatchedGold: goldUsed.flatMap((used, i) => (used ? [] : [i])),
    unmatchedPred: predUsed.flatMap((used, i) => (used ? [] : [i])),
  };
}

/** Precision, recall and F1 from counts; an empty side scores 1 (nothing to get wrong). */
export function prf(tp, fp, fn) {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** Two amounts agree when both are null, or both are numbers within the relative tolerance. */
export function numbersAgree(a, b, tolerance = VALUE_TOLERANCE) {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull && bNull;
  if (a === b) return true;
  return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
}

/** A matched figure is right when currency, value, min and max all agree. */
export function figureValueAgrees(gold, pred, tolerance = VALUE_TOLERANCE) {
  return (
    gold.currency === pred.currency &&
    numbersAgree(gold.value, pred.value, tolerance) &&
    numbersAgree(gold.min, pred.min, tolerance) &&
    numbersAgree(gold.max, pred.max, tolerance)
  );
}

/** `per` agreement treats null and undefined alike. */
function perAgrees(gold, pred) {
  return (gold.per ?? null) === (pred.per ?? null);
}

/**
 * Scores the figures of one file. A prediction matches a gold figure when the spans
 * overlap and the currency is equal. Unmatched predictions that overlap a
 * money_no_currency span are "don't care": neither true nor false positives.
 */
export function scoreFigures(goldFile, predFile) {
  const golds = goldFile.figures ?? [];
  const preds = predFile?.figures ?? [];
  const dontCare = goldFile.money_no_currency ?? [];
  const m = greedyMatch(golds, preds, (g, p) => g.currency === p.currency);
  const ignored = [];
  const falsePositives = [];
  for (const p of m.unmatchedPred) {
    if (dontCare.some((d) => overlapLength(d, preds[p]) > 0)) ignored.push(p);
    else falsePositives.push(p);
  }
  let valueOk = 0;
  let spanExact = 0;
  let approxOk = 0;
  let perOk = 0;
  const valueMisses = [];
  const attributeMisses = [];
  for (const { gold, pred } of m.pairs) {
    const g = golds[gold];
    const p = preds[pred];
    if (figureValueAgrees(g, p)) valueOk++;
    else valueMisses.push({ gold, pred });
    const diffs = [];
    if (sameSpan(g, p)) spanExact++;
    else diffs.push('span');
    if (Boolean(g.approximate) === Boolean(p.approximate)) approxOk++;
    else diffs.push('approximate');
    if (perAgrees(g, p)) perOk++;
    else diffs.push('per');
    if (diffs.length) attributeMisses.push({ gold, pred, diffs });
  }
  return {
    ...prf(m.pairs.length, falsePositives.length, m.unmatchedGold.length),
    matched: m.pairs.length,
    valueOk,
    spanExact,
    approxOk,
    perOk,
    ignored: ignored.length,
    pairs: m.pairs,
    falsePositives,
    falseNegatives: m.unmatchedGold,
    valueMisses,
    attributeMisses,
  };
}

/** The predicted entities that count as companies. */
export function companyMentions(predFile) {
  return (predFile?.entities ?? []).filter((e) => COMPANY_KINDS.has(e.kind));
}

/**
 * Maps every predicted id to the gold id it overlaps most often. Overlaps are counted
 * within each file (gold and predicted mentions of the same file) and summed over all
 * files; the majority wins, ties go to the alphabetically first gold id. A predicted id
 * that is itself a gold id (in any file) maps to itself, so a predictor using the gold
 * ids is never re-labelled by a few misplaced spans. Predicted ids that never overlap a
 * gold company keep their own id.
 * @param {{gold: object, pred: object}[]} files
 * @returns {Map<string, string>}
 */
export function buildIdMapping(files) {
  const goldIds = new Set(files.flatMap(({ gold }) => (gold.companies ?? []).map((g) => g.id)));
  const votes = new Map();
  for (const { gold, pred } of files) {
    const golds = gold.companies ?? [];
    for (const p of companyMentions(pred)) {
      for (const g of golds) {
        if (overlapLength(g, p) === 0) continue;
        let row = votes.get(p.id);
        if (!row) votes.set(p.id, (row = new Map()));
        row.set(g.id, (row.get(g.id) ?? 0) + 1);
      }
    }
  }
  const mapping = new Map();
  for (const [predId, row] of votes) {
    if (goldIds.has(predId)) {
      mapping.set(predId, predId);
      continue;
    }
    let best = null;
    let bestCount = -1;
    for (const [goldId, count] of row) {
      if (count > bestCount || (count === bestCount && goldId < best)) {
        best = goldId;
        bestCount = count;
      }
    }
    mapping.set(predId, best);
  }
  return mapping;
}

/**
 * B³ over mention clusters: each item is one mention with its predicted and gold cluster.
 * Precision averages, over mentions, the share of the mention's predicted cluster that is
 * in its gold cluster; recall the reverse. Returns null when there are no mentions.
 * @param {{pred: string, gold: string}[]} items
 */
export function bcubed(items) {
  if (items.length === 0) return null;
  const predSize = new Map();
  const goldSize = new Map();
  const both = new Map();
  for (const { pred, gold } of items) {
    predSize.set(pred, (predSize.get(pred) ?? 0) + 1);
    goldSize.set(gold, (goldSize.get(gold) ?? 0) + 1);
    const key = JSON.stringify([pred, gold]);
    both.set(key, (both.get(key) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (const { pred, gold } of items) {
    const shared = both.get(JSON.stringify([pred, gold]));
    precision += shared / predSize.get(pred);
    recall += shared / goldSize.get(gold);
  }
  precision /= items.length;
  recall /= items.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, mentions: items.length };
}

/**
 * Scores the company mentions of one file. A predicted company-like mention matches a gold
 * company when the spans overlap and its id, mapped through `mapping`, equals the gold id.
 * With `dropExchange`, gold mentions of kind "exchange" and predictions of kind "exchange"
 * leave the score, and predictions overlapping a dropped gold exchange are "don't care".
 */
export function scoreCompanies(goldFile, predFile, mapping, { dropExchange = false } = {}) {
  let golds = goldFile.companies ?? [];
  let preds = companyMentions(predFile);
  let ignored = 0;
  if (dropExchange) {
    const exchanges = golds.filter((g) => g.kind === 'exchange');
    golds = golds.filter((g) => g.kind !== 'exchange');
    const kept = preds.filter((p) => p.kind !== 'exchange' && !exchanges.some((x) => overlapLength(x, p) > 0));
    ignored = preds.length - kept.length;
    preds = kept;
  }
  const mapped = (p) => mapping.get(p.id) ?? p.id;
  const m = greedyMatch(golds, preds, (g, p) => mapped(p) === g.id);
  return {
    ...prf(m.pairs.length, m.unmatchedPred.length, m.unmatchedGold.length),
    spanExact: m.pairs.filter(({ gold, pred }) => sameSpan(golds[gold], preds[pred])).length,
    ignored,
    golds,
    preds,
    pairs: m.pairs,
    falsePositives: m.unmatchedPred,
    falseNegatives: m.unmatchedGold,
  };
}

/**
 * Grouping of one file: predicted and gold company mentions are paired by span overlap
 * alone (ids ignored, so that both merged and split clusters show), then B³ compares the
 * predicted ids with the gold ids over the paired mentions. Returns the B³ scores and the
 * paired items ({gold, pred, mention}), or null when nothing pairs.
 */
export function scoreGrouping(goldFile, predFile) {
  const golds = goldFile.companies ?? [];
  const preds = companyMentions(predFile);
  const m = greedyMatch(golds, preds);
  const items = m.pairs.map(({ gold, pred }) => ({ gold: golds[gold].id, pred: preds[pred].id, mention: preds[pred] }));
  const score = bcubed(items);
  return score && { ...score, items };
}

function ratio(n, d) {
  return d === 0 ? null : n / d;
}

/**
 * Scores every gold file against its prediction (matched by the caller). Per file and
 * in total: figures (micro-averaged counts), value accuracy, span exact-match, approximate
 * and per agreement over matched figures; companies with and without exchanges; grouping
 * (B³ F1 per file, averaged over files with paired mentions); date accuracy.
 * @param {{name: string, gold: object, pred: object|null}[]} files
 */
export function scoreAll(files) {
  const mapping = buildIdMapping(files.filter((f) => f.pred));
  const perFile = [];
  const sum = { fig: [0, 0, 0], matched: 0, valueOk: 0, spanExact: 0, approxOk: 0, perOk: 0, ignored: 0,
    co: [0, 0, 0], coX: [0, 0, 0], coSpanExact: 0, dates: 0 };
  const groupingScores = [];
  for (const { name, gold, pred } of files) {
    const figures = scoreFigures(gold, pred);
    const companies = scoreCompanies(gold, pred, mapping);
    const companiesNoExchange = scoreCompanies(gold, pred, mapping, { dropExchange: true });
    const grouping = scoreGrouping(gold, pred);
    const dateOk = (gold.date ?? null) === (pred?.date ?? null);
    perFile.push({
      name,
      missing: !pred,
      figures,
      valueAccuracy: ratio(figures.valueOk, figures.matched),
      spanExact: ratio(figures.spanExact, figures.matched),
      approximateAgreement: ratio(figures.approxOk, figures.matched),
      perAgreement: ratio(figures.perOk, figures.matched),
      companies,
      companySpanExact: ratio(companies.spanExact, companies.tp),
      companiesNoExchange,
      grouping,
      date: { gold: gold.date ?? null, pred: pred?.date ?? null, ok: dateOk },
    });
    sum.fig[0] += figures.tp; sum.fig[1] += figures.fp; sum.fig[2] += figures.fn;
    sum.matched += figures.matched;
    sum.valueOk += figures.valueOk;
    sum.spanExact += figures.spanExact;
    sum.approxOk += figures.approxOk;
    sum.perOk += figures.perOk;
    sum.ignored += figures.ignored;
    sum.coSpanExact += companies.spanExact;
    sum.co[0] += companies.tp; sum.co[1] += companies.fp; sum.co[2] += companies.fn;
    sum.coX[0] += companiesNoExchange.tp; sum.coX[1] += companiesNoExchange.fp; sum.coX[2] += companiesNoExchange.fn;
    if (grouping) groupingScores.push(grouping.f1);
    if (dateOk) sum.dates++;
  }
  const total = {
    figures: { ...prf(...sum.fig), matched: sum.matched, ignored: sum.ignored },
    valueAccuracy: ratio(sum.valueOk, sum.matched),
    spanExact: ratio(sum.spanExact, sum.matched),
    approximateAgreement: ratio(sum.approxOk, sum.matched),
    perAgreement: ratio(sum.perOk, sum.matched),
    companies: prf(...sum.co),
    companySpanExact: ratio(sum.coSpanExact, sum.co[0]),
    companiesNoExchange: prf(...sum.coX),
    grouping: groupingScores.length ? groupingScores.reduce((a, b) => a + b, 0) / groupingScores.length : null,
    dateAccuracy: ratio(sum.dates, files.length),
  };
  return { files: perFile, total, mapping };
}

/** Target checks on the totals: [{name, target, value, pass}]. */
export function verdicts(total, targets = TARGETS) {
  const rows = [
    ['figure F1', targets.figureF1, total.figures.f1],
    ['value accuracy', targets.valueAccuracy, total.valueAccuracy],
    ['company F1', targets.companyF1, total.companies.f1],
    ['grouping B³ F1', targets.grouping, total.grouping],
  ];
  return rows.map(([name, target, value]) => ({ name, target, value, pass: value !== null && value >= target }));
}
