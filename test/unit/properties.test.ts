/**
 * Property-based tests of the analysis on hostile text: random mixes of digits (ASCII and
 * full-width), separators, Chinese numerals and scales, currency symbols and words, every
 * kind of dash, brackets, odd whitespace, emoji, combining marks, bidi controls, lone
 * surrogates, NUL, and company names and tickers from the gazetteer. Whatever the text,
 * analyse() must not throw and every span it returns must be a true, whole slice of it.
 *
 * Seeded (SEED below), so every run checks the same inputs; a failure prints the shrunk
 * counterexample and the seed/path to replay it.
 * Run with `node --import tsx --test test/unit/properties.test.ts`.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse } from '../../server/src/analysis/analyse';
import { Gazetteer, builtinGazetteer } from '../../server/src/analysis/gazetteer';
import { parseUserEntities } from '../../server/src/analysis/userFiles/entities';
import { lineStarts, offsetAt, positionAt } from '../../server/src/analysis/text';
import type { DocumentAnalysis, Span } from '../../server/src/analysis/types';
import { fileRecord } from '../../server/src/cli/report';

const SEED = 20_260_301;
const RUNS = 1000;
const params = (numRuns = RUNS) => ({ seed: SEED, numRuns, endOnFailure: false });

// ---------------------------------------------------------------------------------------
// Arbitraries

const gazetteer = builtinGazetteer();
/** Every 7th entity's names and tickers: a few hundred real names, the same on every run. */
const NAMES: string[] = [];
const TICKERS: string[] = [];
gazetteer.all().forEach((e, i) => {
  if (i % 7 !== 0) return;
  NAMES.push(...e.names.slice(0, 3));
  TICKERS.push(...e.tickers.slice(0, 2));
});
NAMES.push('腾讯', '騰訊', 'Tencent', '阿里巴巴', '英伟达', 'NVIDIA', '宁德时代', '寧德時代');
TICKERS.push('0700.HK', 'HK:00700', 'SZ:300750', '(NASDAQ: NVDA)', 'SH:600519', '9988.HK', '$TSLA');

/** Every 40th built-in entity: the base list of the user-entity property. */
const BASE_ENTITIES = gazetteer.all().filter((_, i) => i % 40 === 0);

const ASCII_DIGITS = '0123456789';
const WIDE_DIGITS = '０１２３４５６７８９';
const digits = fc
  .array(fc.constantFrom(...ASCII_DIGITS, ...ASCII_DIGITS, ...WIDE_DIGITS), { minLength: 1, maxLength: 9 })
  .map((d) => d.join(''));
const separators = fc.constantFrom(',', '.', '，', '．', ' ', '\u2009', '\u202f', '、', '·');
const cjkNumerals = fc
  .array(fc.constantFrom(...'一二三四五六七八九十百千万亿兆萬億两兩数數几幾零〇壹贰半'), { minLength: 1, maxLength: 4 })
  .map((d) => d.join(''));
const currencies = fc.constantFrom(
  '$', 'US$', 'HK$', 'NT$', 'S$', 'A$', 'C$', '¥', '￥', '€', '£', '₩', '元', '美元', '港元', '港币', '人民币', '人民幣',
  '日元', '欧元', '歐元', '韩元', '新台币', 'yuan', 'dollars', 'USD', 'CNY', 'RMB', 'HKD', 'EUR', 'JPY', '块', '圓', '円',
);
const scales = fc.constantFrom('B', 'M', 'K', 'bn', 'mn', ' billion', ' million', ' trillion', 'billions', 'millions of', 'tens of', 'hundreds of', 'several', '亿', '万', '萬', '億', '兆', '千', '百');
const dashes = fc.constantFrom('-', '–', '—', '―', '−', '~', '〜', '～', '至', '到', 'to', ' to ', ' and ', 'between ', '介于', '和', '——', '--');
const brackets = fc.constantFrom('(', ')', '（', '）', '【', '】', '[', ']', '《', '》', '「', '」');
const whitespace = fc.constantFrom(' ', '\u3000', '\u00a0', '\t', '\r\n', '\n', '\r', '\u2028', '\u200b', '\ufeff');
const emoji = fc.constantFrom('😀', '💰', '🇨🇳', '👍🏽', '👨‍👩‍👧', '𠀀', '𝟙', '🔟');
const combining = fc.constantFrom('\u0301', '\u0308', '\u20dd', 'e\u0301', '1\u20e3', '\u3099');
const bidi = fc.constantFrom('\u200f', '\u202e', '\u200e', '\u2066', '\u2069', '\u061c');
const broken = fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', '\u0000', '\uffff', '\ufffd');
const hedges = fc.constantFrom('约', '約', '超过', '超過', '近', '逾', 'up to', 'about', 'over ', '以上', '以下', '左右', '多', '余', '数十', '上百', '甚至', '或', '最高约');
const perUnits = fc.constantFrom('/吨', '/噸', '/股', '/kWh', '/TH/s', ' per share', '/', '/平方米', '每股', '发行价');
const punctuation = fc.constantFrom('。', '；', ';', '!', '?', ':', '：', '%', '*', '#', '\\', '"', "'", '`', '<', '>', '&', '|');
const names = fc.constantFrom(...NAMES);
const tickers = fc.constantFrom(...TICKERS);
const words = fc.constantFrom('营收', '融资', '估值', 'revenue', 'raised', 'the', 'Inc.', 'Ltd', '公司', '股份', 'AI', '芯片', 'FY2025', '2026-01-07', '2026年1月');
const randomText = fc.string({ unit: 'binary', maxLength: 3 });
const randomUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 2 });

/** A number: digit groups joined by separators ("1,350", "１２３，４", "4.19"), or a Chinese numeral. */
const numberish = fc.oneof(
  fc.tuple(digits, fc.array(fc.tuple(separators, digits), { maxLength: 3 })).map(([d, rest]) => d + rest.map(([s, x]) => s + x).join('')),
  cjkNumerals,
  fc.tuple(digits, cjkNumerals).map(([d, c]) => d + c),
);
/** Noise that may sit between the parts of a figure: nothing, usually. */
const glue = fc.oneof({ arbitrary: fc.constant(''), weight: 6 }, whitespace, emoji, combining, bidi, broken);
/**
 * Something shaped like a figure, with hostile glue between its parts: [hedge] [currency]
 * number [scale] [dash [currency] number [scale]] [currency] [per-unit] [trailing hedge].
 */
const figureLike = fc
  .tuple(
    fc.option(hedges), fc.option(currencies), numberish, fc.option(scales),
    fc.option(fc.tuple(dashes, glue, fc.option(currencies), numberish, fc.option(scales)).map((p) => p.map((x) => x ?? '').join(''))),
    fc.option(currencies), fc.option(perUnits), fc.option(hedges), glue, glue,
  )
  .map(([h, c1, n1, s1, range, c2, per, h2, g1, g2]) => [h, c1, g1, n1, s1, range, g2, c2, per, h2].map((x) => x ?? '').join(''));

/** One piece of hostile text. Figure-shaped pieces are weighted up so figures do occur. */
const piece = fc.oneof(
  { arbitrary: figureLike, weight: 8 },
  { arbitrary: digits, weight: 6 },
  { arbitrary: separators, weight: 3 },
  { arbitrary: cjkNumerals, weight: 4 },
  { arbitrary: currencies, weight: 5 },
  { arbitrary: scales, weight: 3 },
  { arbitrary: dashes, weight: 3 },
  { arbitrary: brackets, weight: 2 },
  { arbitrary: whitespace, weight: 2 },
  { arbitrary: emoji, weight: 1 },
  { arbitrary: combining, weight: 1 },
  { arbitrary: bidi, weight: 1 },
  { arbitrary: broken, weight: 1 },
  { arbitrary: hedges, weight: 2 },
  { arbitrary: perUnits, weight: 1 },
  { arbitrary: punctuation, weight: 1 },
  { arbitrary: names, weight: 4 },
  { arbitrary: tickers, weight: 2 },
  { arbitrary: words, weight: 2 },
  { arbitrary: randomText, weight: 1 },
  { arbitrary: randomUnits, weight: 1 },
);
/** A hostile document: up to 60 pieces. */
const hostileText = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''));

// ---------------------------------------------------------------------------------------
// Invariants

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** True when `offset` does not fall between the two halves of a surrogate pair. */
function onCodePointBoundary(text: string, offset: number): boolean {
  return !(offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset)));
}

/** assert.ok with a message built only on failure (the messages quote whole documents). */
function ensure(cond: boolean, message: () => string): void {
  if (!cond) assert.fail(message());
}

/** Quotes a text for a message, shortened when long. */
const quote = (text: string) => JSON.stringify(text.length > 400 ? text.slice(0, 400) + '…' : text);

function checkSpan(text: string, span: Span & { text?: string }, what: string): void {
  const label = () => `${what} ${JSON.stringify(span.text)} at ${span.offset}+${span.length} in ${quote(text)}`;
  ensure(Number.isInteger(span.offset) && Number.isInteger(span.length), () => `${label()}: integer offset and length`);
  ensure(span.offset >= 0 && span.length > 0 && span.offset + span.length <= text.length, () => `${label()}: inside the text`);
  ensure(onCodePointBoundary(text, span.offset), () => `${label()}: starts inside a surrogate pair`);
  ensure(onCodePointBoundary(text, span.offset + span.length), () => `${label()}: ends inside a surrogate pair`);
  if (span.text !== undefined) ensure(span.text === text.slice(span.offset, span.offset + span.length), () => `${label()}: text is not the slice ${JSON.stringify(text.slice(span.offset, span.offset + span.length))}`);
}

function overlaps(a: Span, b: Span): boolean {
  return a.offset < b.offset + b.length && b.offset < a.offset + a.length;
}

/** Sorted copy of spans. */
const byOffset = <T extends Span>(spans: readonly T[]): T[] => [...spans].sort((x, y) => x.offset - y.offset);

/** Asserts that spans do not overlap one another. */
function checkDisjoint(spans: readonly Span[], what: string, text: string): void {
  const sorted = byOffset(spans);
  for (let k = 1; k < sorted.length; k++) {
    ensure(!overlaps(sorted[k - 1], sorted[k]), () => `${what} overlap at ${sorted[k - 1].offset} and ${sorted[k].offset} in ${quote(text)}`);
  }
}

/** Every invariant of one analysis of `text`. */
function checkAnalysis(text: string, a: DocumentAnalysis): void {
  for (const f of a.figures) {
    checkSpan(text, f, 'figure');
    const label = () => `figure ${JSON.stringify(f.text)} in ${quote(text)}`;
    // Zero only where the text writes a zero and no other digit ("0元" closing a list).
    ensure(Number.isFinite(f.value) && (f.value > 0 || (f.value === 0 && /^[^1-9１-９]*[0０][^1-9１-９]*$/.test(f.text))), () => `${label()}: finite positive value (or a written zero), got ${f.value}`);
    ensure(/^[A-Z]{3}$/.test(f.currency), () => `${label()}: currency code, got ${f.currency}`);
    for (const [k, v] of [['min', f.min], ['max', f.max]] as const) {
      ensure(v === null || Number.isFinite(v), () => `${label()}: ${k} finite or null, got ${v}`);
    }
    if (f.min !== null) ensure(f.min <= f.value, () => `${label()}: min ${f.min} ≤ value ${f.value}`);
    if (f.max !== null) ensure(f.value <= f.max, () => `${label()}: value ${f.value} ≤ max ${f.max}`);
    ensure(typeof f.approximate === 'boolean', () => `${label()}: approximate`);
  }
  checkDisjoint(a.figures, 'figures', text);
  for (const m of a.mentions) checkSpan(text, m, 'mention');
  checkDisjoint(a.mentions, 'mentions', text);
  // Mentions against figures: one merge-like sweep over both sorted lists.
  const figures = byOffset(a.figures);
  let j = 0;
  for (const m of byOffset(a.mentions)) {
    while (j < figures.length && figures[j].offset + figures[j].length <= m.offset) j++;
    const f = figures[j];
    if (f) ensure(!overlaps(m, f), () => `mention ${JSON.stringify(m.text)} overlaps figure ${JSON.stringify(f.text)} in ${quote(text)}`);
  }
  for (const t of a.themes) {
    ensure(Number.isFinite(t.score) && t.score >= 0 && t.score <= 1, () => `theme ${t.id}: score in [0, 1], got ${t.score}`);
    for (const h of t.hits) checkSpan(text, h, `theme ${t.id} hit`);
    for (const p of t.paragraphs) ensure(p.offset >= 0 && p.offset + p.length <= text.length, () => `theme ${t.id} paragraph inside the text`);
  }
  for (const s of a.sections) {
    ensure(s.offset >= 0 && s.offset + s.length <= text.length, () => `section ${JSON.stringify(s.title)} inside the text`);
    ensure(onCodePointBoundary(text, s.offset) && onCodePointBoundary(text, s.offset + s.length), () => `section ${JSON.stringify(s.title)} on code-point boundaries`);
  }
  ensure(a.date === null || /^\d{4}-\d{2}-\d{2}$/.test(a.date), () => `date ${a.date}`);
}

// ---------------------------------------------------------------------------------------

describe('analyse() on hostile text', () => {
  test('never throws; spans are whole code points inside the text, disjoint, with finite values', () => {
    const seen = { runs: 0, withFigure: 0, withMention: 0, ranges: 0, nextToSurrogate: 0 };
    fc.assert(
      fc.property(hostileText, (text) => {
        const a = analyse(text);
        checkAnalysis(text, a);
        seen.runs++;
        if (a.figures.length) seen.withFigure++;
        if (a.mentions.length) seen.withMention++;
        seen.ranges += a.figures.filter((f) => f.min !== null).length;
        seen.nextToSurrogate += [...a.figures, ...a.mentions].filter((x) => /[\ud800-\udfff]/.test(text.slice(x.offset - 1, x.offset + x.length + 1))).length;
      }),
      params(),
    );
    // The generator must keep producing what the invariants are about, or the test proves nothing.
    assert.ok(seen.withFigure >= seen.runs * 0.2, `figures in ${seen.withFigure} of ${seen.runs} texts`);
    assert.ok(seen.withMention >= seen.runs * 0.15, `mentions in ${seen.withMention} of ${seen.runs} texts`);
    assert.ok(seen.ranges >= 20 && seen.nextToSurrogate >= 20, `ranges ${seen.ranges}, spans next to a surrogate ${seen.nextToSurrogate}`);
  });

  test('the same holds for text glued from money-dense pieces only (figures are dense)', () => {
    const money = fc.oneof(digits, separators, cjkNumerals, currencies, scales, dashes, hedges, perUnits, emoji, broken, combining);
    fc.assert(
      fc.property(fc.array(money, { maxLength: 40 }).map((p) => p.join('')), (text) => {
        checkAnalysis(text, analyse(text));
      }),
      params(),
    );
  });

  test('a surrogate pair split by the text around it is never cut: emoji glued to figures and names', () => {
    const glued = fc.tuple(emoji, fc.oneof(digits, names, tickers, currencies), emoji, fc.oneof(currencies, scales, names), emoji)
      .map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(glued, { minLength: 1, maxLength: 8 }).map((p) => p.join('')), (text) => {
        checkAnalysis(text, analyse(text));
      }),
      params(500),
    );
  });
});

describe('analyse() is a function of its input', () => {
  test('the result does not depend on what was analysed before (no state leaks between calls)', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (x, y) => {
        const first = JSON.stringify(analyse(x));
        analyse(y);
        analyse(y + x + y);
        assert.equal(JSON.stringify(analyse(x)), first);
      }),
      params(300),
    );
  });

  test('large documents (past the 64K code-unit buffers) keep every invariant', () => {
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 60, maxLength: 120 }), fc.nat(2000), (parts, pad) => {
        const text = ' '.repeat(pad) + parts.join('\n').repeat(Math.ceil(70_000 / Math.max(1, parts.join('\n').length)));
        checkAnalysis(text, analyse(text));
      }),
      params(20),
    );
  });
});

describe('user entities with hostile names', () => {
  /** A name: one to four pieces of anything, including surrogates, digits, currency words. */
  const hostileName = fc.array(fc.oneof(names, digits, currencies, emoji, broken, bidi, combining, whitespace, cjkNumerals, fc.string({ unit: 'binary', minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 4 }).map((p) => p.join(''));

  test('a gazetteer extended with them matches without throwing, spans whole and disjoint', () => {
    fc.assert(
      fc.property(fc.array(hostileName, { minLength: 1, maxLength: 6 }), fc.array(fc.oneof(piece, fc.constant('#NAME#')), { maxLength: 40 }), (userNames, parts) => {
        const json = JSON.stringify(userNames.map((name, k) => ({ id: `u${k}`, name, aliases: [name.trim(), name.toUpperCase()], tickers: k % 2 ? [name] : [] })));
        const { entities } = parseUserEntities(json, 'entities.json');
        // A small base list: building the whole built-in gazetteer again would cost half a second a run.
        const g = new Gazetteer([...BASE_ENTITIES, ...entities]);
        let k = 0;
        const text = parts.map((p) => (p === '#NAME#' ? userNames[k++ % userNames.length] : p)).join('');
        checkAnalysis(text, analyse(text, { gazetteer: g }));
      }),
      params(300),
    );
  });
});

describe('CLI records of hostile text', () => {
  test('fileRecord: spans, lines and characters agree with the text; base values finite or null', () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom('USD', 'CNY', 'HKD', 'EUR'), (text, base) => {
        const a = analyse(text);
        const record = fileRecord('hostile.digest', text, a, base);
        const starts = lineStarts(text);
        assert.equal(record.figures.length, a.figures.length);
        assert.equal(record.entities.length, a.mentions.length);
        for (const r of [...record.figures, ...record.entities]) {
          checkSpan(text, r, 'record');
          assert.deepEqual(positionAt(starts, r.offset), { line: r.line, character: r.character });
          assert.equal(offsetAt(starts, r.line, r.character, text.length), r.offset, `line/character of ${JSON.stringify(r.text)} lead back to its offset`);
        }
        for (const f of record.figures) {
          if (f.base === null) continue;
          assert.ok(Number.isFinite(f.base.value) && Number.isFinite(f.base.rate) && f.base.rate > 0, `base of ${JSON.stringify(f.text)}: ${JSON.stringify(f.base)}`);
        }
        // The record is JSON: it survives a round trip unchanged (no NaN, no undefined).
        assert.deepEqual(JSON.parse(JSON.stringify(record)), record);
      }),
      params(500),
    );
  });
});

describe('lineStarts / positionAt / offsetAt with \\r\\n, \\r and \\n mixed', () => {
  const lineText = fc
    .array(fc.oneof({ arbitrary: fc.constantFrom('\r\n', '\r', '\n', '\n\r', '\r\r\n'), weight: 2 }, { arbitrary: fc.constantFrom('a', '一', '😀', ' ', '\u2028', '1,000 亿美元'), weight: 3 }), { maxLength: 50 })
    .map((p) => p.join(''));

  test('every offset round-trips, and positions agree with the LSP TextDocument', () => {
    fc.assert(
      fc.property(lineText, (text) => {
        const starts = lineStarts(text);
        const doc = TextDocument.create('file:///x.digest', 'digest', 1, text);
        assert.equal(starts.length, doc.lineCount, `line count of ${JSON.stringify(text)}`);
        for (let line = 1; line < starts.length; line++) {
          // A line starts right after a line break, and never between \r and \n.
          const prev = text.charCodeAt(starts[line] - 1);
          assert.ok(prev === 10 || prev === 13, `line ${line} of ${JSON.stringify(text)} starts after a break`);
          assert.ok(!(prev === 13 && text.charCodeAt(starts[line]) === 10), `line ${line} of ${JSON.stringify(text)} starts inside \\r\\n`);
        }
        for (let o = 0; o <= text.length; o++) {
          const pos = positionAt(starts, o);
          const between = o > 0 && text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10;
          if (!between) {
            assert.equal(offsetAt(starts, pos.line, pos.character, text.length), o, `offset ${o} of ${JSON.stringify(text)}`);
            assert.equal(offsetAt(starts, pos.line, pos.character, text.length, text), o, `offset ${o} of ${JSON.stringify(text)}, with the text`);
            assert.deepEqual(pos, doc.positionAt(o), `position of offset ${o} in ${JSON.stringify(text)}`);
          }
          assert.equal(offsetAt(starts, pos.line, pos.character, text.length, text), doc.offsetAt(pos), `offsetAt(${pos.line}, ${pos.character}) in ${JSON.stringify(text)}`);
        }
        // Past the end of a line, offsetAt with the text clamps before the line break, as
        // TextDocument does (LSP: "defaults back to the line length"); beyond the last line, to the end.
        for (let line = -1; line <= starts.length; line++) {
          for (const character of [0, 1, 2, 10_000]) {
            assert.equal(offsetAt(starts, line, character, text.length, text), doc.offsetAt({ line, character }), `(${line}, ${character}) in ${JSON.stringify(text)}`);
          }
        }
      }),
      params(),
    );
  });
});
