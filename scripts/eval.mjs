#!/usr/bin/env node
// Scores the CLI's analysis of the five seed digests against the gold annotations.
//
//   node scripts/eval.mjs [--json] [--misses] [--predictions FILE]
//
// Runs `node dist/cli.js scan --format json` over <shared>/seeds/*.txt (shared is
// ../shared next to the repository, or $DIGEST_LENS_SHARED), reads
// <shared>/seeds-gold/*.gold.json and prints precision / recall / F1 and agreement
// rates per file and in total, with the targets. --predictions reads a saved CLI output
// instead of running the CLI. --misses lists false positives and false negatives.
// The numbers are information: the exit status is 0 unless the CLI itself fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreAll, verdicts, sameSpan, TARGETS, VALUE_TOLERANCE } from './lib/score.mjs';
import { groupsOf, loadDevset, predictItems, scoreGroup } from './lib/devset.mjs';
import { emptyTotals, factsSummary, goldMentions, isFactsHeldout, loadFactsGold, scoreFacts } from './lib/facts.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.DIGEST_LENS_SHARED
  ? path.resolve(process.env.DIGEST_LENS_SHARED)
  : path.resolve(repoRoot, '..', 'shared');

const USAGE = 'usage: node scripts/eval.mjs [--json] [--misses] [--predictions FILE] [--heldout]';

function parseArgs(argv) {
  const opts = { json: false, misses: false, predictions: null, heldout: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') opts.json = true;
    else if (a === '--misses') opts.misses = true;
    else if (a === '--heldout') opts.heldout = true;
    else if (a === '--predictions') opts.predictions = argv[++i];
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else {
      console.error(`eval: unknown argument ${a}\n${USAGE}`);
      process.exit(2);
    }
  }
  if (opts.predictions === undefined) {
    console.error(`eval: --predictions needs a file\n${USAGE}`);
    process.exit(2);
  }
  return opts;
}

function fail(message) {
  console.error(`eval: ${message}`);
  process.exit(1);
}

/** Runs the bundled CLI over the seeds and returns its parsed JSON. */
function runCli(seedPaths) {
  const cli = cliPath();
  if (!existsSync(cli)) fail(`${path.relative(process.cwd(), cli)} not found; run \`npm run build\` (or \`npm run eval\`)`);
  const res = spawnSync(process.execPath, [cli, 'scan', '--format', 'json', ...seedPaths], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (res.error) fail(`could not run the CLI: ${res.error.message}`);
  if (res.status !== 0) {
    process.stderr.write(res.stderr);
    fail(`the CLI exited with status ${res.status}${res.signal ? ` (${res.signal})` : ''}`);
  }
  try {
    return JSON.parse(res.stdout);
  } catch (e) {
    process.stderr.write(res.stdout.slice(0, 2000));
    fail(`the CLI printed no valid JSON: ${e.message}`);
  }
}

function loadInputs(opts) {
  const seedDir = path.join(shared, 'seeds');
  const goldDir = path.join(shared, 'seeds-gold');
  if (!existsSync(goldDir)) fail(`no gold annotations at ${goldDir} (set DIGEST_LENS_SHARED)`);
  const goldFiles = readdirSync(goldDir).filter((f) => f.endsWith('.gold.json')).sort();
  const golds = goldFiles.map((f) => JSON.parse(readFileSync(path.join(goldDir, f), 'utf8')));
  const seedPaths = golds.map((g) => path.join(seedDir, g.file));
  const texts = new Map(golds.map((g, i) => [g.file, readFileSync(seedPaths[i], 'utf8')]));
  const output = opts.predictions ? JSON.parse(readFileSync(opts.predictions, 'utf8')) : runCli(seedPaths);
  if (!output || output.version !== 1 || !Array.isArray(output.files)) {
    fail('the predictions are not a {"version":1,"files":[...]} object');
  }
  const byName = new Map(output.files.map((f) => [path.basename(f.path), f]));
  const files = golds.map((gold) => ({ name: gold.file.replace(/\.txt$/, ''), gold, pred: byName.get(gold.file) ?? null }));
  return { files, texts };
}

// ---------------------------------------------------------------- formatting

const fmt = (x) => (x === null || x === undefined ? '   —' : x.toFixed(3));
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? pad(c, widths[i]) : lpad(c, widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function report(result) {
  const out = [];
  const rows = (pick) => [
    ...result.files.map((f) => pick(f, f.name + (f.missing ? ' (no prediction)' : ''))),
    pick(result.total, 'total'),
  ];
  out.push('Figures (match: spans overlap and same currency; money_no_currency predictions ignored)');
  out.push(table(['file', 'gold', 'pred', 'tp', 'fp', 'fn', 'ign', 'P', 'R', 'F1', 'value', 'span=', 'approx', 'per'],
    rows((f, name) => {
      const s = f.figures;
      return [name, s.tp + s.fn, s.tp + s.fp, s.tp, s.fp, s.fn, s.ignored, fmt(s.precision), fmt(s.recall), fmt(s.f1),
        fmt(f.valueAccuracy), fmt(f.spanExact), fmt(f.approximateAgreement), fmt(f.perAgreement)];
    })));
  out.push(`value: currency, value, min, max within ${VALUE_TOLERANCE * 100}% over matched figures; ` +
    'span=: exact span; approx/per: agreement over matched figures');
  out.push('');
  out.push('Companies (kinds company|exchange|media|candidate; match: spans overlap and mapped id equal)');
  out.push(table(['file', 'gold', 'pred', 'tp', 'fp', 'fn', 'P', 'R', 'F1', 'span=', 'F1 no-exch', 'B³ F1', 'date'],
    rows((f, name) => {
      const s = f.companies;
      const date = f.date ? (f.date.ok ? 'ok' : `${f.date.pred ?? 'null'}≠${f.date.gold ?? 'null'}`) : fmt(f.dateAccuracy);
      const grouping = f.grouping && typeof f.grouping === 'object' ? f.grouping.f1 : f.grouping;
      return [name, s.tp + s.fn, s.tp + s.fp, s.tp, s.fp, s.fn, fmt(s.precision), fmt(s.recall), fmt(s.f1),
        fmt(f.companySpanExact), fmt(f.companiesNoExchange.f1), fmt(grouping), date];
    })));
  const x = result.total.companiesNoExchange;
  out.push(`without gold kind "exchange": P ${fmt(x.precision)}  R ${fmt(x.recall)}  F1 ${fmt(x.f1)}` +
    ` (tp ${x.tp}, fp ${x.fp}, fn ${x.fn})`);
  out.push('ids: each predicted id maps to the gold id it overlaps most (over all files; gold ids map to themselves); ' +
    'span=: exact span over matches; B³ F1: per file over span-paired mentions, total = mean over files');
  out.push('');
  out.push(table(['target', 'goal', 'measured', 'verdict'],
    verdicts(result.total).map((v) => [v.name, `≥ ${v.target}`, fmt(v.value), v.pass ? 'PASS' : 'FAIL'])));
  return out.join('\n');
}

/** Strings of `list` found in `text`, as spans, to label false positives. */
function occurrences(text, list) {
  const spans = [];
  for (const s of list ?? []) {
    for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) spans.push({ offset: i, length: s.length, text: s });
  }
  return spans;
}

function hits(spans, item) {
  const end = item.offset + (item.length ?? item.text.length);
  return spans.filter((s) => s.offset < end && item.offset < s.offset + s.length).map((s) => s.text);
}

function context(text, item, width = 12) {
  if (!text) return '';
  const end = item.offset + (item.length ?? item.text.length);
  const before = text.slice(Math.max(0, item.offset - width), item.offset);
  const after = text.slice(end, end + width);
  return `…${before}[${text.slice(item.offset, end)}]${after}…`.replace(/\s+/g, ' ');
}

const money = (f) => {
  const range = f.min !== null && f.min !== undefined ? ` [${f.min}..${f.max}]` : '';
  const flags = [f.approximate ? '~' : '', f.per ? `/${f.per}` : ''].join('');
  return `${f.currency} ${f.value}${range}${flags ? ' ' + flags : ''}`;
};

/** Gold ids split over several predicted ids, and predicted ids merging several gold ids. */
function groupingMisses(grouping) {
  if (!grouping) return [];
  const lines = [];
  const describe = (key, other) => {
    const by = new Map();
    for (const item of grouping.items) {
      const k = item[key];
      if (!by.has(k)) by.set(k, new Map());
      const m = by.get(k);
      if (!m.has(item[other])) m.set(item[other], []);
      m.get(item[other]).push(item.mention);
    }
    return [...by].filter(([, m]) => m.size > 1);
  };
  const list = (m) => [...m].map(([id, ms]) => `${id} ×${ms.length} (${[...new Set(ms.map((x) => x.text))].join('/')})`).join(', ');
  for (const [goldId, m] of describe('gold', 'pred')) lines.push(`  grp SPLIT gold ${goldId} → predicted ${list(m)}`);
  for (const [predId, m] of describe('pred', 'gold')) lines.push(`  grp MERGE predicted ${predId} → gold ${list(m)}`);
  return lines;
}

function missesReport(result, texts) {
  const out = ['', 'Misses (FP = predicted, not in gold; FN = gold, not predicted; VAL = matched, value differs;\n' +
    ' DIF = matched, span/approximate/per differ; SPLIT/MERGE = grouping of span-paired mentions)'];
  for (const f of result.files) {
    const gold = f.goldFile;
    const pred = f.predFile;
    const text = texts.get(gold.file);
    const notMoney = occurrences(text, gold.not_money);
    const notCompanies = occurrences(text, gold.not_companies);
    const lines = [];
    const fig = f.figures;
    const preds = pred?.figures ?? [];
    for (const i of fig.falsePositives) {
      const p = preds[i];
      const tag = hits(notMoney, p).length ? '  (not_money)' : '';
      lines.push(`  fig FP  @${p.offset}  ${JSON.stringify(p.text)}  ${money(p)}${tag}  ${context(text, p)}`);
    }
    for (const i of fig.falseNegatives) {
      const g = gold.figures[i];
      lines.push(`  fig FN  @${g.offset}  ${JSON.stringify(g.text)}  ${money(g)}  ${context(text, g)}`);
    }
    for (const { gold: gi, pred: pi } of fig.valueMisses) {
      const g = gold.figures[gi];
      const p = preds[pi];
      lines.push(`  fig VAL @${g.offset}  ${JSON.stringify(g.text)}  gold ${money(g)}  pred ${JSON.stringify(p.text)} ${money(p)}`);
    }
    for (const { gold: gi, pred: pi, diffs } of fig.attributeMisses) {
      const g = gold.figures[gi];
      const p = preds[pi];
      const show = (x) => `${JSON.stringify(x.text)}@${x.offset}${x.approximate ? ' ~' : ''}${x.per ? ` /${x.per}` : ''}`;
      lines.push(`  fig DIF @${g.offset}  ${diffs.join(', ')}: gold ${show(g)}  pred ${show(p)}`);
    }
    const co = f.companies;
    for (const i of co.falsePositives) {
      const p = co.preds[i];
      const mapped = result.mapping.get(p.id);
      const why = [hits(notCompanies, p).length ? 'not_companies' : '', mapped && mapped !== p.id ? `id→${mapped}` : '']
        .filter(Boolean).join(', ');
      lines.push(`  co  FP  @${p.offset}  ${JSON.stringify(p.text)}  ${p.id} (${p.kind})${why ? `  (${why})` : ''}  ${context(text, p)}`);
    }
    for (const { gold: gi, pred: pi } of co.pairs) {
      const g = co.golds[gi];
      const p = co.preds[pi];
      if (!sameSpan(g, p)) lines.push(`  co  DIF @${g.offset}  span: gold ${JSON.stringify(g.text)}@${g.offset}  pred ${JSON.stringify(p.text)}@${p.offset} ${p.id}`);
    }
    for (const i of co.falseNegatives) {
      const g = co.golds[i];
      lines.push(`  co  FN  @${g.offset}  ${JSON.stringify(g.text)}  ${g.id} (${g.kind})  ${context(text, g)}`);
    }
    for (const line of groupingMisses(f.grouping)) lines.push(line);
    if (!f.date.ok) lines.push(`  date    predicted ${f.date.pred ?? 'null'}, gold ${f.date.gold ?? 'null'}`);
    out.push(`${f.name}: ${lines.length ? '' : 'none'}`, ...lines);
  }
  return out.join('\n');
}

function jsonReport(result) {
  const pick = (f) => ({
    figures: { precision: f.figures.precision, recall: f.figures.recall, f1: f.figures.f1,
      tp: f.figures.tp, fp: f.figures.fp, fn: f.figures.fn, ignored: f.figures.ignored },
    valueAccuracy: f.valueAccuracy,
    spanExact: f.spanExact,
    approximateAgreement: f.approximateAgreement,
    perAgreement: f.perAgreement,
    companies: { precision: f.companies.precision, recall: f.companies.recall, f1: f.companies.f1,
      tp: f.companies.tp, fp: f.companies.fp, fn: f.companies.fn },
    companySpanExact: f.companySpanExact,
    companiesNoExchange: { precision: f.companiesNoExchange.precision, recall: f.companiesNoExchange.recall,
      f1: f.companiesNoExchange.f1, tp: f.companiesNoExchange.tp, fp: f.companiesNoExchange.fp, fn: f.companiesNoExchange.fn },
  });
  return {
    targets: TARGETS,
    verdicts: verdicts(result.total),
    total: { ...pick(result.total), grouping: result.total.grouping, dateAccuracy: result.total.dateAccuracy },
    files: result.files.map((f) => ({
      file: f.name,
      predicted: !f.missing,
      ...pick(f),
      grouping: f.grouping ? f.grouping.f1 : null,
      date: f.date,
    })),
  };
}

/** Scores the dev set's items of one split by group; null when the dev set is missing. */
function evalDevset(split) {
  const dir = path.join(repoRoot, 'test', 'devset');
  if (!existsSync(dir)) return null;
  const entries = loadDevset(dir, split);
  if (!entries.length) return null;
  const predictions = predictItems(cliPath(), entries);
  lastDevset = { entries, predictions };
  return groupsOf(entries).map(([name, list]) => ({ name, items: list.length, ...scoreGroup(list, predictions) }));
}
let lastDevset = null;

const FACTS_DIR = path.join(repoRoot, 'test', 'devset', 'facts');

/** Figures as facts on the seeds and on the dev set (split into its dev and held-out parts). */
function evalFacts(seedFiles, seedTexts, heldout) {
  if (!existsSync(FACTS_DIR)) return null;
  const gold = loadFactsGold(FACTS_DIR);
  const seeds = emptyTotals();
  for (const f of seedFiles) {
    const name = path.basename(f.gold.file ?? '');
    const records = gold.get(name);
    const text = seedTexts.get(f.gold.file);
    if (!records || text === undefined) continue;
    scoreFacts(seeds, name, text, records, goldMentions(text, f.gold.companies ?? [], [], records), f.pred);
  }
  const dev = emptyTotals();
  if (lastDevset) {
    for (const { item } of lastDevset.entries) {
      const records = gold.get(item.id);
      if (!records || isFactsHeldout(item.id) !== heldout) continue;
      scoreFacts(dev, item.id, item.text, records, goldMentions(item.text, item.companies ?? [], item.people, records), lastDevset.predictions.get(item.id));
    }
  }
  return { seeds, dev };
}

function factsReport(facts, heldout) {
  const rows = [['seeds', facts.seeds], [heldout ? 'dev set, facts held-out fifth' : 'dev set (facts held-out fifth left out)', facts.dev]].map(([name, t]) => {
    const x = factsSummary(t);
    return [name, x.figures, x.matched, fmt(x.subject), fmt(x.baseline), fmt(x.counterparty), fmt(x.source), fmt(x.sourceP), fmt(x.sourceR), fmt(x.metric),
      fmt(x.sameFact.p), fmt(x.sameFact.r), fmt(x.sameFact.f1)];
  });
  const d = factsSummary(facts.dev);
  const bars = [
    ['attribution (subject)', 0.9, d.subject],
    ['source', 0.9, d.source],
    ['same-fact pairwise F1', 0.9, d.sameFact.f1],
  ];
  return [
    'Figures as facts (test/devset/facts; accuracy over the gold figures found; baseline: nearest company before the figure)',
    table(['set', 'fig', 'found', 'subject', 'baseline', 'counterp.', 'source', 'src P', 'src R', 'metric', 'same P', 'same R', 'same F1'], rows),
    '',
    table(['bar (issue 10)', 'goal', 'measured', 'verdict'],
      bars.map(([name, goal, v]) => [name, `≥ ${goal}`, fmt(v), v !== undefined && v !== null && v >= goal ? 'PASS' : 'FAIL'])),
  ].join('\n');
}

function factsMisses(totals, limit = 5000) {
  return totals.misses.slice(0, limit).map((m) => {
    const diff = ['subject', 'counterparty', 'source', 'metric'].filter((k) => m[k][0] !== m[k][1]).map((k) => `${k} ${m[k][0]} → ${m[k][1]}`).join('; ');
    return `  ${m.key} ${m.text}: ${diff}${m.unrecognised ? ' [subject not recognised]' : ''}\n      …${m.context}…`;
  }).join('\n');
}

/** Pairs of figures the engine and the gold group differently: "missed" (one fact in the gold), "joined" (two). */
function pairMisses(totals, limit = 5000) {
  return totals.pairMisses.slice(0, limit).map((m) => `  ${m.key} ${m.gold ? 'missed' : 'joined'}: ${m.a.text} @${m.a.offset} / ${m.b.text} @${m.b.offset}`).join('\n');
}

function devsetReport(groups, split) {
  const rows = groups.map((g) => {
    const t = g.result.total;
    const f = t.figures;
    const c = t.companies;
    return [g.name, g.items, f.tp + f.fn, f.tp + f.fp, fmt(f.precision), fmt(f.recall), fmt(f.f1), fmt(t.valueAccuracy),
      c.tp + c.fn, c.tp + c.fp, fmt(c.precision), fmt(c.recall), fmt(c.f1), fmt(g.grouping.score?.f1), fmt(g.people.precision), fmt(g.people.recall)];
  });
  const all = groups.find((g) => g.name === 'all');
  const news = groups.find((g) => g.name === 'all news');
  const bars = [
    ['money F1, all', 0.95, all?.result.total.figures.f1],
    ['money F1, news', 0.97, news?.result.total.figures.f1],
    ['value accuracy', 0.97, all?.result.total.valueAccuracy],
    ['company F1', 0.95, all?.result.total.companies.f1],
    ['grouping B³ F1', 0.98, all?.grouping.score?.f1],
  ];
  return [
    `Unseen-text dev set, ${split} split (test/devset; figures and companies as above; grouping: B³ over all items of the group)`,
    table(['group', 'items', 'fig', 'pred', 'P', 'R', 'F1', 'value', 'co', 'pred', 'P', 'R', 'F1', 'group', 'pers P', 'pers R'], rows),
    '',
    table(['bar (issue 9)', 'goal', 'measured', 'verdict'],
      bars.map(([name, goal, v]) => [name, `≥ ${goal}`, fmt(v), v !== undefined && v !== null && v >= goal ? 'PASS' : 'FAIL'])),
  ].join('\n');
}

const opts = parseArgs(process.argv.slice(2));
const { files, texts } = loadInputs(opts);
const result = scoreAll(files);
result.files.forEach((f, i) => {
  f.goldFile = files[i].gold;
  f.predFile = files[i].pred;
});
if (opts.json) {
  const json = jsonReport(result);
  if (opts.misses) {
    json.misses = result.files.map((f) => ({
      file: f.name,
      figures: {
        falsePositives: f.figures.falsePositives.map((i) => f.predFile.figures[i]),
        falseNegatives: f.figures.falseNegatives.map((i) => f.goldFile.figures[i]),
        valueMisses: f.figures.valueMisses.map(({ gold, pred }) => ({ gold: f.goldFile.figures[gold], pred: f.predFile.figures[pred] })),
        attributeMisses: f.figures.attributeMisses.map(({ gold, pred, diffs }) => ({ diffs, gold: f.goldFile.figures[gold], pred: f.predFile.figures[pred] })),
      },
      companies: {
        falsePositives: f.companies.falsePositives.map((i) => f.companies.preds[i]),
        falseNegatives: f.companies.falseNegatives.map((i) => f.companies.golds[i]),
        spanMisses: f.companies.pairs.filter(({ gold, pred }) => !sameSpan(f.companies.golds[gold], f.companies.preds[pred]))
          .map(({ gold, pred }) => ({ gold: f.companies.golds[gold], pred: f.companies.preds[pred] })),
      },
    }));
  }
  console.log(JSON.stringify(json, null, 2));
} else {
  console.log(`Digest Lens eval: ${files.length} seeds from ${shared}`);
  console.log('');
  console.log(report(result));
  if (opts.misses) console.log(missesReport(result, texts));
}
if (!opts.json && !opts.predictions) {
  const split = opts.heldout ? 'heldout' : 'dev';
  const groups = evalDevset(split);
  if (!lastDevset && opts.heldout) evalDevset('dev');
  const facts = evalFacts(files, texts, opts.heldout);
  if (facts) {
    console.log('');
    console.log(factsReport(facts, opts.heldout));
    if (opts.misses) {
      console.log('\nFacts misses, seeds:');
      console.log(factsMisses(facts.seeds));
      console.log('\nFacts misses, dev set:');
      console.log(factsMisses(facts.dev));
      console.log('\nSame-fact misses, seeds:');
      console.log(pairMisses(facts.seeds));
      console.log('\nSame-fact misses, dev set:');
      console.log(pairMisses(facts.dev));
    }
  }
  if (groups) {
    console.log('');
    console.log(devsetReport(groups, split));
    if (opts.misses) {
      const all = groups[groups.length - 1];
      all.result.files.forEach((f, i) => {
        f.goldFile = all.files[i].gold;
        f.predFile = all.files[i].pred;
      });
      const devTexts = new Map(all.files.map((f) => [f.gold.file, f.item.text]));
      console.log(missesReport({ ...all.result, files: all.result.files.filter((f) => !isClean(f)) }, devTexts));
    }
  }
}

/** A dev item with nothing to report. */
function isClean(f) {
  const x = f.figures;
  const c = f.companies;
  return !x.falsePositives.length && !x.falseNegatives.length && !x.valueMisses.length && !x.attributeMisses.length &&
    !c.falsePositives.length && !c.falseNegatives.length;
}

/** The CLI scored: dist/cli.js, or $DIGEST_LENS_CLI (to score another build side by side). */
function cliPath() {
  return process.env.DIGEST_LENS_CLI ? path.resolve(process.env.DIGEST_LENS_CLI) : path.join(repoRoot, 'dist', 'cli.js');
}
