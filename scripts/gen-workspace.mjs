#!/usr/bin/env node
// Generates a synthetic workspace of digests for scale tests and benchmarks.
//
//   node scripts/gen-workspace.mjs --files N --out DIR [--seed S] [--huge K] [--binary K] [--no-measure]
//
// Deterministic: the same arguments give the same bytes (one PRNG stream per file, seeded
// from the seed and the file's number; no clock, no environment). Files mix Simplified,
// Traditional and English digests written from the templates in scripts/lib/genTemplates.mjs
// at about the seeds' density of figures, company mentions and theme words, with sizes
// from 1 KB to 200 KB (log-normal, mean near 10 KB), a dated footer line, and folders
// YYYY/MM/ by that date. --huge adds K files over 2 MB (skipped by the server's size cap)
// under huge/, --binary K binary files named .digest (NUL bytes) under binary/; both come
// on top of the N digests. DIR/.gen-workspace.json records what was generated, so callers
// can reuse a workspace made by the same generator version with the same arguments.
// After writing, the densities of the seeds and of a sample of the output are measured
// with the CLI (dist/cli.js, if built) and printed.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as T from './lib/genTemplates.mjs';

/** Bump when the output for a given seed changes, so cached workspaces are regenerated. */
export const GEN_VERSION = 1;
/** Name of the manifest written at the workspace root (the CLI and the server skip dotfiles). */
export const MANIFEST = '.gen-workspace.json';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- randomness

/** FNV-1a of a string: turns "seed/file" into a PRNG seed. */
function hash32(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A small seeded PRNG (mulberry32) with the helpers the generator needs. */
export class Rng {
  constructor(seed) {
    this.s = (typeof seed === 'number' ? seed : hash32(String(seed))) >>> 0;
  }
  next() {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n) {
    return Math.floor(this.next() * n);
  }
  pick(a) {
    return a[this.int(a.length)];
  }
  normal() {
    // Box-Muller; 1 - u keeps the logarithm finite.
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }
}

// ---------------------------------------------------------------- data

let opencc = null;
/** Simplified → Traditional (Taiwan characters) and back, loaded once. */
function converters() {
  if (!opencc) {
    const O = require('opencc-js');
    opencc = { toHant: O.Converter({ from: 'cn', to: 'tw' }), toHans: O.Converter({ from: 'tw', to: 'cn' }) };
  }
  return opencc;
}

const SLOT = /\{(C2|C3|CT|C|MR|MU|M|P|K2|K3|K|Y|MD|N)\}/g;

/** Splits a template into literal strings and slot names (odd indices). */
function compile(text) {
  return text.split(SLOT);
}

/** A template in the scripts it renders in: { hans, hant } or { en }, each compiled. */
function zhTemplate(hans, hant) {
  const c = converters();
  return { hans: compile(hans ?? c.toHans(hant)), hant: compile(hant ?? c.toHant(hans)) };
}

let data = null;
/** Templates, companies and theme words, prepared once. */
function load() {
  if (data) return data;
  const c = converters();
  const companies = T.COMPANIES.trim().split('\n').map((line) => {
    const [id, zh, zhT, en, ticker] = line.split('|');
    return { id, hans: zh || en, hant: (zhT === '=' ? zh : zhT) || en, en: en || zh, ticker, hasZh: !!zh, hasEn: !!en };
  });
  // Popularity: a fixed shuffle of the list, then a Zipf-like weight, so a few names recur
  // across the workspace (as Tencent or NVIDIA do in real notes) and most are rare.
  const order = [...companies.keys()];
  const shuffle = new Rng(20260101);
  for (let i = order.length - 1; i > 0; i--) {
    const j = shuffle.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const zhCos = order.map((i) => companies[i]).filter((x) => x.hasZh || x.hasEn);
  const enCos = order.map((i) => companies[i]).filter((x) => x.hasEn);
  const themes = JSON.parse(readFileSync(path.join(repoRoot, 'server', 'data', 'themes.json'), 'utf8')).themes;
  const excluded = new Set(themes.flatMap((t) => t.exclude ?? []));
  const zhWords = [];
  const enWords = [];
  for (const t of themes) {
    for (const k of t.keywords) {
      if (excluded.has(k)) continue;
      if (/[\u4e00-\u9fff]/.test(k)) zhWords.push({ hans: k, hant: c.toHant(k), theme: t.id });
      else if (k.length >= 3) {
        enWords.push({ en: k, theme: t.id });
        // Upper-case acronyms (GPU, HBM, IPO) are written as such in Chinese notes too.
        if (/^[A-Z0-9]+$/.test(k)) zhWords.push({ hans: k, hant: k, theme: t.id });
      }
    }
  }
  const hantOnly = (list) => list.map((s) => zhTemplate(undefined, s));
  data = {
    companies,
    zhCos,
    enCos,
    zhWords,
    enWords,
    zh: {
      figure: T.ZH_FIGURE.map((s) => zhTemplate(s)),
      mention: T.ZH_MENTION.map((s) => zhTemplate(s)),
      theme: T.ZH_THEME.map((s) => zhTemplate(s)),
      filler: T.ZH_FILLER.map((s) => zhTemplate(s)),
      title: T.ZH_TITLE.map((s) => zhTemplate(s)),
      hantFigure: hantOnly(T.ZH_HANT_ONLY.figure),
      hantMention: hantOnly(T.ZH_HANT_ONLY.mention),
    },
    en: {
      figure: T.EN_FIGURE.map((s) => ({ en: compile(s) })),
      mention: T.EN_MENTION.map((s) => ({ en: compile(s) })),
      theme: T.EN_THEME.map((s) => ({ en: compile(s) })),
      filler: T.EN_FILLER.map((s) => ({ en: compile(s) })),
      title: T.EN_TITLE.map((s) => ({ en: compile(s) })),
    },
    // Characters of amounts and dates that differ in Traditional text.
    hantChars: { 亿: '億', 万: '萬', 币: '幣', 约: '約', 吨: '噸', 时: '時', 台: '臺', 间: '間' },
  };
  return data;
}

// ---------------------------------------------------------------- slot values

/** Picks from a list with Zipf-like weights (index 0 most likely). */
function zipf(rng, list) {
  return list[Math.min(list.length - 1, Math.floor(list.length * rng.next() ** 2.2))];
}

function fixed(v, digits) {
  return v.toFixed(digits).replace(/\.?0+$/, '') || '0';
}

function grouped(v) {
  return Math.round(v).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A plausible amount: log-normal around `median`, written with 0–2 decimals. */
function number(rng, median, sigma = 1.1) {
  const v = median * Math.exp(sigma * rng.normal());
  if (v >= 1000) return rng.next() < 0.5 ? grouped(v) : String(Math.round(v));
  if (v >= 100) return String(Math.round(v));
  if (v >= 10) return fixed(v, rng.int(2));
  return fixed(Math.max(v, 0.1), 1 + rng.int(2));
}

const ZH_CCY = ['美元', '美元', '美元', '元', '元', '港元', '港元', '元人民币', '欧元', '日元'];

function zhMoney(rng) {
  const sp = rng.next() < 0.3 ? ' ' : '';
  if (rng.next() < 0.75) return `${number(rng, 40)}${sp}亿${rng.pick(ZH_CCY)}`;
  return `${number(rng, 3000)}${sp}万${rng.pick(ZH_CCY)}`;
}

function zhRange(rng) {
  const a = Math.max(1, Math.round(Math.exp(3 + rng.normal())));
  const b = a + Math.max(1, Math.round(a * (0.1 + rng.next() * 0.5)));
  const ccy = rng.pick(ZH_CCY);
  return rng.next() < 0.5 ? `${a}亿至${b}亿${ccy}` : `${a}-${b}亿${ccy}`;
}

function zhPerUnit(rng) {
  switch (rng.int(3)) {
    case 0:
      return `${fixed(2 + rng.next() * 20, 1)}万元/吨`;
    case 1:
      return `${fixed(0.2 + rng.next(), 2)}元/千瓦时`;
    default:
      return `${fixed(3 + rng.next() * 15, 1)}美元/TH/s`;
  }
}

const EN_SCALE = [['B', ' billion'], ['M', ' million']];
const EN_PREFIX = ['$', '$', '$', 'US$', 'HK$', '€', 'RMB '];

function enMoney(rng) {
  const billions = rng.next() < 0.7;
  const v = number(rng, billions ? 4 : 300);
  const [short, long] = EN_SCALE[billions ? 0 : 1];
  const prefix = rng.pick(EN_PREFIX);
  return `${prefix}${v}${prefix === 'RMB ' || rng.next() < 0.5 ? long : short}`;
}

function enRange(rng) {
  const a = Math.max(1, Math.round(Math.exp(2 + rng.normal())));
  const b = a + Math.max(1, Math.round(a * (0.1 + rng.next() * 0.5)));
  return `$${a} billion and $${b} billion`;
}

function enPerUnit(rng) {
  switch (rng.int(3)) {
    case 0:
      return `$${grouped(8000 + rng.next() * 20000)} per tonne`;
    case 1:
      return `$${fixed(60 + rng.next() * 90, 0)}/kWh`;
    default:
      return `$${fixed(3 + rng.next() * 15, 1)}/TH/s`;
  }
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Fills the slots of a template: companies and words are objects rendered per script at
 * render time; everything else is a string in the plan's language (Traditional changes a
 * few characters of it, see hantChars).
 */
function fill(rng, parts, lang, hant) {
  const d = load();
  const values = {};
  const used = new Set();
  const company = () => {
    const list = lang === 'en' ? d.enCos : d.zhCos;
    for (let tries = 0; ; tries++) {
      const c = zipf(rng, list);
      if (!used.has(c.id) || tries > 8) {
        used.add(c.id);
        return c;
      }
    }
  };
  const words = lang === 'en' ? d.enWords : d.zhWords;
  const usedWords = new Set();
  const word = () => {
    for (let tries = 0; ; tries++) {
      const w = rng.pick(words);
      const key = w.en ?? w.hans;
      if (!usedWords.has(key) || tries > 8) {
        usedWords.add(key);
        return w;
      }
    }
  };
  for (let i = 1; i < parts.length; i += 2) {
    const slot = parts[i];
    if (slot in values) continue;
    switch (slot) {
      case 'C':
      case 'C2':
      case 'C3':
        values[slot] = company();
        break;
      case 'CT': {
        let c = company();
        for (let k = 0; k < 20 && !c.ticker; k++) c = company();
        values[slot] = { ...c, withTicker: !!c.ticker };
        break;
      }
      case 'K':
      case 'K2':
      case 'K3':
        values[slot] = word();
        break;
      case 'M':
        values[slot] = lang === 'en' ? enMoney(rng) : zhMoney(rng);
        break;
      case 'MR':
        values[slot] = lang === 'en' ? enRange(rng) : zhRange(rng);
        break;
      case 'MU':
        values[slot] = lang === 'en' ? enPerUnit(rng) : zhPerUnit(rng);
        break;
      case 'P':
        values[slot] = `${fixed(Math.exp(2 + 0.8 * rng.normal()), rng.int(2))}%`;
        break;
      case 'Y':
        values[slot] = String(2025 + rng.int(4));
        break;
      case 'MD': {
        const m = 1 + rng.int(12);
        const day = 1 + rng.int(28);
        values[slot] = lang === 'en' ? `${EN_MONTHS[m - 1]} ${day}` : `${m}月${day}日`;
        break;
      }
      case 'N':
        values[slot] = String(2 + rng.int(9));
        break;
    }
  }
  return values;
}

/** Renders one filled template in a script: 'hans', 'hant' or 'en'. */
function render(tpl, values, script) {
  const parts = tpl[script];
  const d = load();
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) {
      out += parts[i];
      continue;
    }
    const v = values[parts[i]];
    if (typeof v === 'string') out += script === 'hant' ? v.replace(/[亿万币约吨时台间]/g, (ch) => d.hantChars[ch]) : v;
    else if ('theme' in v) out += v[script === 'en' ? 'en' : script];
    else {
      out += v[script];
      if (v.withTicker) out += script === 'en' ? ` (${v.ticker})` : `(${v.ticker})`;
    }
  }
  // English sentences that open with a theme word start with a capital.
  if (script === 'en' && out.charCodeAt(0) >= 97 && out.charCodeAt(0) <= 122 && parts[0] === '') out = out[0].toUpperCase() + out.slice(1);
  return out;
}

// ---------------------------------------------------------------- documents

/**
 * Sentence mix per language: figure, mention, theme-only, filler. Tuned (see the printed
 * densities) so a generated workspace lands near the seeds' figures, mentions and theme
 * words per KB.
 */
const MIX = {
  zh: [0.14, 0.25, 0.2, 0.41],
  en: [0.14, 0.24, 0.2, 0.42],
};

function pickKind(rng, lang) {
  const [f, m, t] = MIX[lang];
  const r = rng.next();
  return r < f ? 'figure' : r < f + m ? 'mention' : r < f + m + t ? 'theme' : 'filler';
}

/** One planned sentence: a template and its slot values. */
function planSentence(rng, lang, hant) {
  const d = load();
  const kind = pickKind(rng, lang);
  let list = d[lang][kind];
  // Traditional notes sometimes use the sentences written for Hong Kong and Taiwan readers.
  if (hant && lang === 'zh' && (kind === 'figure' || kind === 'mention') && rng.next() < 0.2) list = kind === 'figure' ? d.zh.hantFigure : d.zh.hantMention;
  const tpl = rng.pick(list);
  return { tpl, values: fill(rng, tpl[lang === 'en' ? 'en' : 'hans'], lang, hant) };
}

const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAYS_ZH = '日一二三四五六';

function pad2(n) {
  return String(n).padStart(2, '0');
}

function hex(rng, n) {
  let s = '';
  while (s.length < n) s += (rng.int(0x10000) + 0x10000).toString(16).slice(1);
  return s.slice(0, n);
}

/** The footer line carrying the digest's date (the last line, which the analysis reads). */
function footer(rng, date, lang) {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  switch (rng.int(lang === 'en' ? 3 : 4)) {
    case 0:
      return `${date} (${WEEKDAYS_EN[weekday]}) · ${hex(rng, 40)}`;
    case 1:
      return `${rng.pick(lang === 'en' ? T.SOURCES_EN : T.SOURCES_ZH)} · ${date} ${pad2(6 + rng.int(16))}:${pad2(rng.int(60))}`;
    case 2:
      return lang === 'en' ? `Published: ${y}/${pad2(m)}/${pad2(d)}` : `日期:${y}年${m}月${d}日`;
    default:
      return `${y}/${pad2(m)}/${pad2(d)} 星期${WEEKDAYS_ZH[weekday]}`;
  }
}

const UTF8 = new TextEncoder();
function utf8Length(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

/**
 * Plans a digest of about `targetBytes` (UTF-8) in a language ('zh' or 'en'): a title,
 * paragraphs and bullet lists of planned sentences, sometimes an English paragraph after
 * Chinese text, and the date footer. `hant` lets Traditional-only sentences in; the plan
 * renders in Simplified or Traditional alike (the same companies, words and amounts).
 */
export function planDigest(rng, targetBytes, lang, date, hant = false) {
  const d = load();
  const title = { tpl: rng.pick(d[lang].title), values: null };
  title.values = fill(rng, title.tpl[lang === 'en' ? 'en' : 'hans'], lang, hant);
  const blocks = [];
  const mixed = lang === 'zh' && rng.next() < 0.15;
  const foot = footer(rng, date, lang);
  const script = lang === 'en' ? 'en' : 'hans';
  let bytes = utf8Length(render(title.tpl, title.values, script)) + utf8Length(foot) + 4;
  // The English paragraph of a mixed note is planned first so that its bytes count too.
  const tail = [];
  if (mixed) {
    for (let k = 0, n = 2 + rng.int(3); k < n; k++) {
      const s = planSentence(rng, 'en', false);
      bytes += utf8Length(render(s.tpl, s.values, 'en')) + 1;
      tail.push(s);
    }
  }
  const budget = targetBytes;
  while (bytes < budget) {
    const bullets = rng.next() < 0.2;
    const count = 2 + rng.int(bullets ? 6 : 5);
    const sentences = [];
    for (let k = 0; k < count && bytes < budget; k++) {
      const s = planSentence(rng, lang, hant);
      bytes += utf8Length(render(s.tpl, s.values, script)) + (bullets ? 7 : 0);
      sentences.push(s);
    }
    blocks.push({ lang, bullets, sentences });
    bytes += 2;
  }
  if (mixed) blocks.push({ lang: 'en', bullets: false, sentences: tail });
  return { lang, title, blocks, footer: foot };
}

/** Renders a plan as text in 'hans', 'hant' or 'en' (English plans ignore the script). */
export function renderDigest(plan, script) {
  const main = plan.lang === 'en' ? 'en' : script;
  const lines = [render(plan.title.tpl, plan.title.values, main), ''];
  for (const block of plan.blocks) {
    const s = block.lang === 'en' ? 'en' : main;
    if (block.bullets) {
      for (let i = 0; i < block.sentences.length; i++) {
        const { tpl, values } = block.sentences[i];
        lines.push(`- ${render(tpl, values, s)} [${1 + (i % 3)}]`);
      }
    } else {
      lines.push(block.sentences.map(({ tpl, values }) => render(tpl, values, s)).join(s === 'en' ? ' ' : ''));
    }
    lines.push('');
  }
  lines.push(plan.footer, '');
  return lines.join('\n');
}

const FIRST_DAY = Date.UTC(2024, 0, 1);
const DAYS = 912; // to 2026-06-30
const EXTENSIONS = ['.digest.md', '.digest.md', '.digest.txt', '.digest.txt', '.digest'];

/** Size of digest `i`: log-normal (median 6 KB, σ 1), clamped so files stay within 1 KB–200 KB; mean ≈ 10 KB. */
function digestSize(rng) {
  return Math.round(Math.min(198 * 1024, Math.max(1100, 6000 * Math.exp(rng.normal()))));
}

/**
 * Digest number `i` of a workspace: its relative path, script, date and text. Pure
 * function of (seed, i). `script` forces a script for a Chinese plan (to render a
 * Traditional digest's Simplified twin).
 */
export function generateDigest(seed, i, { script: forced, bytes: size } = {}) {
  const rng = new Rng(`${seed}/${i}`);
  const r = rng.next();
  const script = r < 0.45 ? 'hans' : r < 0.7 ? 'hant' : 'en';
  const lang = script === 'en' ? 'en' : 'zh';
  const dayMs = FIRST_DAY + rng.int(DAYS) * 86400000;
  const day = new Date(dayMs);
  const date = `${day.getUTCFullYear()}-${pad2(day.getUTCMonth() + 1)}-${pad2(day.getUTCDate())}`;
  const target = size ?? digestSize(rng);
  const ext = rng.pick(EXTENSIONS);
  const plan = planDigest(rng, target, lang, date, script === 'hant');
  const text = renderDigest(plan, forced && lang === 'zh' ? forced : script);
  const slug = plan.title.values.K?.theme ?? 'notes';
  const rel = `${date.slice(0, 4)}/${date.slice(5, 7)}/${date.slice(8)}-${slug}-${String(i).padStart(5, '0')}${ext}`;
  return { rel, script, date, text };
}

/** A huge digest (2.2–3 MB), over the server's default size cap. */
function hugeDigest(seed, k) {
  const rng = new Rng(`${seed}/huge/${k}`);
  const target = Math.round((2.2 + rng.next() * 0.8) * 1024 * 1024);
  const plan = planDigest(rng, target, 'zh', '2025-06-30');
  return { rel: `huge/huge-${k}.digest.txt`, bytes: Buffer.from(renderDigest(plan, 'hans')) };
}

/** A binary file named like a digest: an image header, then random bytes with NULs. */
function binaryDigest(seed, k) {
  const rng = new Rng(`${seed}/binary/${k}`);
  const size = 4096 + rng.int(60 * 1024);
  const bytes = Buffer.alloc(size);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]).copy(bytes);
  for (let j = 12; j < size; j++) bytes[j] = rng.next() < 0.1 ? 0 : rng.int(256);
  return { rel: `binary/blob-${k}.digest`, bytes };
}

/** Reads a workspace's manifest, or null. */
export function readManifest(out) {
  try {
    return JSON.parse(readFileSync(path.join(out, MANIFEST), 'utf8'));
  } catch {
    return null;
  }
}

/** True when `out` holds a workspace this generator version made with these options. */
export function isCurrent(out, { files, seed = 1, huge = 0, binary = 0 }) {
  const m = readManifest(out);
  return !!m && m.version === GEN_VERSION && m.files === files && String(m.seed) === String(seed) && m.huge === huge && m.binary === binary;
}

/**
 * Writes a workspace into `out` (replacing one this generator made before; refusing to
 * write into any other non-empty folder). Returns the manifest.
 */
export function generateWorkspace({ files, out, seed = 1, huge = 0, binary = 0 }) {
  if (existsSync(out) && readdirSync(out).length) {
    if (!readManifest(out)) throw new Error(`${out} is not empty and was not made by gen-workspace; not touching it`);
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
  const made = new Set();
  const write = (rel, content) => {
    const dir = path.dirname(rel);
    if (!made.has(dir)) {
      mkdirSync(path.join(out, dir), { recursive: true });
      made.add(dir);
    }
    writeFileSync(path.join(out, rel), content);
  };
  const t0 = performance.now();
  let bytes = 0;
  const scripts = { hans: 0, hant: 0, en: 0 };
  const sizes = [];
  for (let i = 0; i < files; i++) {
    const g = generateDigest(seed, i);
    const buf = Buffer.from(g.text);
    write(g.rel, buf);
    bytes += buf.length;
    sizes.push(buf.length);
    scripts[g.script]++;
  }
  for (let k = 0; k < huge; k++) {
    const h = hugeDigest(seed, k);
    write(h.rel, h.bytes);
  }
  for (let k = 0; k < binary; k++) {
    const b = binaryDigest(seed, k);
    write(b.rel, b.bytes);
  }
  sizes.sort((a, b) => a - b);
  const manifest = {
    generator: 'digest-lens scripts/gen-workspace.mjs',
    version: GEN_VERSION,
    seed: String(seed),
    files,
    huge,
    binary,
    bytes,
    scripts,
    sizes: files ? { min: sizes[0], median: sizes[files >> 1], mean: Math.round(bytes / files), max: sizes[files - 1] } : null,
    seconds: Number(((performance.now() - t0) / 1000).toFixed(2)),
  };
  writeFileSync(path.join(out, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

// ---------------------------------------------------------------- densities

/**
 * Figures, entity mentions and theme-word hits per KB (1,024 bytes) of a set of files, as
 * the CLI (dist/cli.js) finds them. Returns null when the CLI is not built.
 */
export function measureDensities(paths) {
  const cli = path.join(repoRoot, 'dist', 'cli.js');
  if (!existsSync(cli)) return null;
  const { main } = require(cli);
  let figures = 0;
  let mentions = 0;
  let themes = 0;
  let bytes = 0;
  let pending = '';
  const take = (line) => {
    const r = JSON.parse(line);
    figures += r.figures.length;
    mentions += r.entities.length;
    for (const t of r.themes) themes += t.mentions;
    bytes += statSync(r.path).size;
  };
  // One call per 200 files keeps the argument list short; records stream through `take`.
  for (let i = 0; i < paths.length; i += 200) {
    main(['scan', '--format', 'jsonl', ...paths.slice(i, i + 200)], (s) => {
      pending += s;
      let nl;
      while ((nl = pending.indexOf('\n')) >= 0) {
        take(pending.slice(0, nl));
        pending = pending.slice(nl + 1);
      }
    }, () => {});
  }
  const kb = bytes / 1024;
  return { files: paths.length, bytes, figures: figures / kb, mentions: mentions / kb, themes: themes / kb };
}

/** Every digest path below a folder (not huge/ or binary/), sorted. */
function listDigests(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith('.') || e.name === 'huge' || e.name === 'binary') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(digest|txt|md)$/.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** The seeds folder: $DIGEST_LENS_SHARED/seeds or ../shared/seeds. */
export function seedsDir() {
  return path.join(process.env.DIGEST_LENS_SHARED ? path.resolve(process.env.DIGEST_LENS_SHARED) : path.resolve(repoRoot, '..', 'shared'), 'seeds');
}

function formatDensity(d) {
  return `${d.figures.toFixed(2)} figures, ${d.mentions.toFixed(2)} mentions, ${d.themes.toFixed(2)} theme words per KB`;
}

// ---------------------------------------------------------------- command line

const USAGE = 'usage: node scripts/gen-workspace.mjs --files N --out DIR [--seed S] [--huge K] [--binary K] [--no-measure]';

function parseArgs(argv) {
  const opts = { files: NaN, out: null, seed: '1', huge: 0, binary: 0, measure: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (argv[i + 1] === undefined) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    const count = () => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) throw new Error(`${a} needs a whole number`);
      return n;
    };
    if (a === '--files') opts.files = count();
    else if (a === '--out') opts.out = path.resolve(value());
    else if (a === '--seed') opts.seed = value();
    else if (a === '--huge') opts.huge = count();
    else if (a === '--binary') opts.binary = count();
    else if (a === '--no-measure') opts.measure = false;
    else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isInteger(opts.files) || !opts.out) throw new Error('--files and --out are required');
  return opts;
}

async function cli() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`gen-workspace: ${e.message}\n${USAGE}`);
    process.exit(2);
  }
  const m = generateWorkspace(opts);
  const mb = (m.bytes / 1e6).toFixed(1);
  console.log(`gen-workspace: ${m.files} digests (${m.scripts.hans} Simplified, ${m.scripts.hant} Traditional, ${m.scripts.en} English), ${mb} MB, ` +
    `+${m.huge} huge, +${m.binary} binary, in ${m.seconds} s → ${opts.out}`);
  if (m.sizes) console.log(`sizes: min ${m.sizes.min} B, median ${m.sizes.median} B, mean ${m.sizes.mean} B, max ${m.sizes.max} B`);
  if (!opts.measure) return;
  const seeds = existsSync(seedsDir()) ? measureDensities(readdirSync(seedsDir()).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(seedsDir(), f))) : null;
  // A sample of about 300 files spread over the workspace keeps measuring fast.
  const all = listDigests(opts.out);
  const step = Math.max(1, Math.floor(all.length / 300));
  const sample = measureDensities(all.filter((_, i) => i % step === 0));
  if (!sample) {
    console.log('densities: dist/cli.js is not built (npm run build); not measured');
    return;
  }
  if (seeds) console.log(`seeds:     ${formatDensity(seeds)} (${seeds.files} files, ${(seeds.bytes / 1024).toFixed(0)} KB)`);
  console.log(`generated: ${formatDensity(sample)} (sample of ${sample.files} files, ${(sample.bytes / 1024).toFixed(0)} KB)`);
  if (seeds) {
    const ratio = (k) => `${((sample[k] / seeds[k]) * 100).toFixed(0)}%`;
    console.log(`generated / seeds: figures ${ratio('figures')}, mentions ${ratio('mentions')}, theme words ${ratio('themes')}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await cli();
