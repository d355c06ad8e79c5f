// Writes scripts/data/hk-names-zh.csv: the Chinese names of the HKEX listings in
// shared/data/companies/listed.csv, one row per code, taken from three public lists:
//
//   --legal FILE   HKEXnews "Hyperlinks to listed companies" as JSON
//                  ([{symbol, engName, zhName, url}], the company's registered names);
//   --short FILE   an older HKEX Chinese short-name list as CSV (code,name,...), whose
//                  Connect-eligible names carry a trailing "s";
//   --top FILE     current short names of the most traded stocks as TSV (code<TAB>name).
//
// Only facts are kept: code, Chinese short name, registered Chinese name without its
// legal form. An old short name is kept only when it still fits the company's current
// registered name (its characters appear in that name in order), so that a code that was
// given to another company since is not mislabelled. The build script derives the
// Simplified forms and the short forms without 控股/集團/-W.
//
//   node scripts/data/extract-hk-names.mjs --legal a.json --short b.csv --top c.tsv
import OpenCC from 'opencc-js';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (k) => { const i = process.argv.indexOf(k); return i > 0 ? process.argv[i + 1] : undefined; };
const SRC = process.env.COMPANIES_DIR ?? join(here, '../../../shared/data/companies');
const OUT = arg('--out') ?? join(here, 'hk-names-zh.csv');
const toCn = OpenCC.Converter({ from: 'hk', to: 'cn' });
const cjk = /[\u3400-\u9fff]/;

const clean = (s) => String(s ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim();
/** A registered name without its legal form: 騰訊控股有限公司 -> 騰訊控股. */
function stem(zh) {
  let s = clean(zh).replace(/'[AB]'$/, '');
  if (!cjk.test(s)) return '';
  s = s.replace(/(股份有限公司|有限責任公司|有限公司|公司)$/, '').replace(/\s+$/, '');
  return s;
}
/** An HKEX short name without the Connect marker of the old list. */
const short = (n) => clean(n).replace(/(?<=[\u3400-\u9fff)A-Z])s$/, '');
const fold = (s) => toCn(s).replace(/[()\-A-Za-z0-9 .&']/g, '');
const inOrder = (a, b) => { let j = 0; for (const c of b) if (c === a[j]) j++; return j === a.length; };

const listedRows = readFileSync(join(SRC, 'listed.csv'), 'utf8').split('\n').filter((l) => l.startsWith('HKEX,'));
const codes = listedRows.map((l) => l.split(',')[1]);
const legal = new Map(JSON.parse(readFileSync(arg('--legal'), 'utf8')).map((x) => [String(x.symbol).padStart(5, '0'), x]));
const old = new Map(readFileSync(arg('--short'), 'utf8').trim().split('\n').slice(1).map((l) => { const [c, n] = l.split(','); return [c, short(n)]; }));
const top = new Map(readFileSync(arg('--top'), 'utf8').trim().split('\n').map((l) => { const [c, n] = l.split('\t'); return [c, clean(n)]; }));

const out = ['code,name_zh,full_zh'];
const stats = { codes: codes.length, top: 0, old: 0, oldRejected: 0, legal: 0, rows: 0 };
for (const code of codes) {
  const L = legal.get(code);
  const full = L ? stem(L.zhName) : '';
  // A short name must fit the registered name (when there is one): lists made by hand
  // carry typos in codes (中銀航空租賃 under 02558, Jinshang Bank's code).
  // Checked by hand: short names that are not abbreviations of the registered name.
  const known = new Set(['01347', '03288', '03908', '09868']);
  const fits = (n) => !full || known.has(code) || inOrder(fold(n).replace(/(集團|控股|股份)/g, ''), fold(full));
  let name = top.get(code) ?? '';
  if (name && cjk.test(name) && fits(name)) stats.top++;
  else {
    if (name && cjk.test(name)) { stats.topRejected = (stats.topRejected ?? 0) + 1; console.log(`rejected ${code} ${name}: registered as ${full}`); }
    name = '';
    const o = old.get(code);
    if (o && cjk.test(o) && full) {
      if (inOrder(fold(o), fold(full))) { name = o; stats.old++; } else stats.oldRejected++;
    }
  }
  if (!cjk.test(name)) name = '';
  if (full) stats.legal++;
  if (!name && !full) continue;
  stats.rows++;
  out.push([code, name, full === name ? '' : full].map((v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(','));
}
writeFileSync(OUT, out.join('\n') + '\n');
console.log(stats);
