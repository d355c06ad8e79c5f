// Generates server/data/companies.json from ../shared/data/companies (or $COMPANIES_DIR).
//
// Output (compact, one array per entity):
//   { "version": 1,
//     "entities": [[id, name, kind, names "a|b|c", tickers "SZ:300751|...", sector, tier], ...],
//     "ambiguous": "A|ON|ARM|..." }
// tier 0 = curated (notable.csv), tier 1 = listed.csv only (matched under stricter rules).
// Traditional/Simplified (and Taiwan phrase) variants are added here with opencc-js, so the
// runtime never needs OpenCC. Long English legal names of listed rows are dropped: the
// runtime matches the short name and extends over a legal suffix ("Hut 8" + " Corp.").
//
// Our own source data (scripts/data/, see its README.md) adds Chinese names:
//   hk-names-zh.csv  code -> HKEX Chinese short name and registered name, for the HKEX rows
//                    (listed.csv has English names only for most of them);
// Names that differ only in script are kept once per script: the runtime folds Traditional
// to Simplified character by character, so further variants with the same folded form
// (臺積電 beside 台積電) would only cost space and start-up time.
import OpenCC from 'opencc-js';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const SRC = process.env.COMPANIES_DIR ?? join(here, '../../shared/data/companies');
const OUT = join(here, '../server/data/companies.json');
const DATA = join(here, 'data');

const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toHk = OpenCC.Converter({ from: 'cn', to: 'hk' });
const toTwp = OpenCC.Converter({ from: 'cn', to: 'twp' });
const toCn = OpenCC.Converter({ from: 't', to: 'cn' });
const toCnTw = OpenCC.Converter({ from: 'twp', to: 'cn' });

/** Minimal RFC 4180 CSV reader (quotes, doubled quotes, CRLF). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows;
  return body.filter((r) => r.length > 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const list = (s) => (s ? s.split('|').map((x) => x.trim()).filter(Boolean) : []);
const hasCjk = (s) => /[\u3400-\u9fff]/.test(s);
const hasKana = (s) => /[\u3040-\u30ff]/.test(s);
const hasHangul = (s) => /[\uac00-\ud7af]/.test(s);

/** Every script variant of a name: Simplified, Taiwan, Hong Kong, Taiwan phrases. */
function variants(name) {
  if (!hasCjk(name)) return [name];
  const out = new Set([name, toCn(name), toCnTw(name)]);
  for (const v of [...out]) { out.add(toTw(v)); out.add(toHk(v)); out.add(toTwp(v)); }
  return [...out];
}

/** The runtime's folding (server/src/analysis/text.ts): full-width to ASCII, Traditional to Simplified, lowercased. */
const T2S = new Map();
{
  const { pairs } = JSON.parse(readFileSync(join(here, '../server/data/t2s.json'), 'utf8'));
  for (let i = 0; i + 1 < pairs.length; i += 2) T2S.set(pairs[i], pairs[i + 1]);
}
/** The runtime's folding, letter case kept (Latin names are matched with their case rules). */
function foldKeepCase(s) {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : (T2S.get(ch) ?? ch);
  }
  return out;
}
const fold = (s) => foldKeepCase(s).toLowerCase();
/** True when folding changes a character (a Traditional form). */
const isTraditional = (s) => { for (const ch of s) if (T2S.has(ch)) return true; return false; };

/**
 * One name per folded form and script: the first Simplified and the first Traditional
 * spelling of each folded form are kept (腾讯, 騰訊), later ones (臺積電 after 台積電) dropped.
 */
function dedupeByFold(names) {
  const seen = new Set();
  const out = [];
  for (const n of names) {
    // Case stays in the key: "Nvidia" and "NVIDIA" are two spellings the runtime tells apart.
    const key = foldKeepCase(n) + (isTraditional(n) ? '\u0001' : '');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(n);
  }
  return out;
}

const EXCHANGE_PREFIX = { SSE: 'SH', SZSE: 'SZ', BSE: 'BJ', HKEX: 'HK', NASDAQ: 'NASDAQ', NYSE: 'NYSE', AMEX: 'AMEX', TSE: 'TSE', KRX: 'KRX', TWSE: 'TWSE' };
const ID_PREFIX = { SSE: 'sh', SZSE: 'sz', BSE: 'bj', HKEX: 'hk', NASDAQ: 'nasdaq', NYSE: 'nyse', AMEX: 'amex', TSE: 'tse', KRX: 'krx', TWSE: 'twse' };

/** Canonical ticker keys ("SZ:300751", "HK:00700", "NASDAQ:NVDA") from notable.csv forms. */
function canonicalTicker(t) {
  const m = /^([A-Z]+):\s*(.+)$/.exec(t);
  if (m) {
    const ex = { SS: 'SH', SSE: 'SH', SZSE: 'SZ', HKEX: 'HK' }[m[1]] ?? m[1];
    return ex === 'HK' ? `HK:${m[2].padStart(5, '0')}` : `${ex}:${m[2]}`;
  }
  const s = /^(.+)\.([A-Z]+)$/.exec(t);
  if (s) {
    const ex = { SS: 'SH', SH: 'SH', SZ: 'SZ', HK: 'HK', T: 'TSE', KS: 'KRX', KQ: 'KRX', TW: 'TWSE', TWO: 'TPEX', AS: 'EURONEXT', L: 'LSE', BJ: 'BJ' }[s[2]];
    if (ex) return ex === 'HK' ? `HK:${s[1].padStart(5, '0')}` : `${ex}:${s[1]}`;
  }
  return t; // bare US ticker, kept as written
}

const notable = parseCsv(readFileSync(join(SRC, 'notable.csv'), 'utf8'));
const hkNames = new Map(parseCsv(readFileSync(join(DATA, 'hk-names-zh.csv'), 'utf8')).map((r) => [r.code, r]));
/** Folded short names that are ordinary words (hk-names-reject.txt). */
const hkReject = new Set(readFileSync(join(DATA, 'hk-names-reject.txt'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => fold(l.trim())));

/**
 * Chinese names of an HKEX listing: its short name and registered name as written
 * (騰訊控股, 長江和記實業), then short forms without a status marker (-W, -SW, -B...), a
 * share-class letter, a parenthesis or a trailing 控股/集團/股份/公司 (騰訊, 長和). The
 * first list is what HKEX and the company call it; the second is derived and is dropped
 * wherever it is also another company's name.
 */
function hkChineseNames({ name_zh: short, full_zh: full }) {
  const given = [short, full].filter((n) => n && hasCjk(n)).map((n) => n.normalize('NFKC').replace(/\s+/g, ''));
  const derived = new Set();
  for (const g of given) {
    let n = g.replace(/-(?:W|SW|S|B|P|WP|U|R|UW|SS)$/, '').replace(/(?<=[\u3400-\u9fff])[AB]$/, '');
    const forms = new Set([n, n.replace(/\([^)]*\)/g, ''), n.replace(/[()]/g, '')]);
    for (let f of forms) {
      derived.add(f);
      for (;;) {
        const m = /(控股集團|集團控股|控股|集團|股份|公司)$/.exec(f);
        if (!m || [...f.slice(0, m.index)].filter((c) => hasCjk(c)).length < 2) break;
        f = f.slice(0, m.index);
        derived.add(f);
      }
    }
  }
  for (const g of given) derived.delete(g);
  return { given, derived: [...derived].filter((n) => [...n].filter((c) => hasCjk(c)).length >= 2) };
}
const listed = parseCsv(readFileSync(join(SRC, 'listed.csv'), 'utf8'));
const ambiguous = parseCsv(readFileSync(join(SRC, 'ambiguous-tickers.csv'), 'utf8'));

/** @type {Map<string, {id:string,name:string,kind:string,names:Set<string>,primary:Set<string>,tickers:Set<string>,sector:string,tier:number}>} */
const entities = new Map();
const byTicker = new Map();

for (const r of notable) {
  const kind = r.kind === 'product' ? 'product' : 'company';
  const primary = new Set([r.name, r.name_zh, r.name_en].filter(Boolean).flatMap(variants));
  const names = new Set(primary);
  for (const a of list(r.aliases)) for (const v of variants(a)) names.add(v);
  const tickers = new Set();
  for (const t of list(r.tickers)) {
    const c = canonicalTicker(t);
    tickers.add(c);
    byTicker.set(c, r.id);
    if (!c.includes(':')) tickers.add(c);
  }
  entities.set(r.id, { id: r.id, name: r.name_en || r.name, kind, names, primary, tickers, sector: r.sector, tier: 0 });
}

// Compound aliases such as "华为昇腾" or "Google Gemini" are a parent name followed by one
// of the entity's own names. They are dropped so that the matcher splits them in two.
{
  const owner = new Map();
  for (const e of entities.values()) for (const n of e.primary) owner.set(n, e.id);
  for (const e of entities.values()) {
    for (const n of [...e.names]) {
      if (e.primary.has(n)) continue;
      for (const own of e.primary) {
        if (own.length < n.length && n.endsWith(own)) {
          const head = n.slice(0, n.length - own.length).trim();
          if (owner.has(head) && owner.get(head) !== e.id) e.names.delete(n);
        }
      }
    }
  }
}

/** Strips corporate suffixes from an English name ("Hut 8 Corp." -> "Hut 8"). */
function shortEnglish(name) {
  return name
    .replace(/,?\s+(Inc\.?|Corp\.?|Corporation|Co\.,?\s*Ltd\.?|Co\.|Ltd\.?|Limited|L\.?P\.?|PLC|plc|N\.V\.|S\.A\.|AG|SE|SA|Class [A-Z].*|Holdings?|Group)$/i, '')
    .replace(/,?\s+(Inc\.?|Corp\.?|Ltd\.?|Limited|Holdings?)$/i, '')
    .trim();
}

/** Every name the curated list gives, with the id that owns it. */
const curatedOwner = new Map();
for (const e of entities.values()) for (const n of e.names) if (!curatedOwner.has(n)) curatedOwner.set(n, e.id);

for (const r of listed) {
  const canon = `${EXCHANGE_PREFIX[r.exchange]}:${r.code}`;
  const notableId = byTicker.get(canon);
  const isChina = r.exchange === 'SSE' || r.exchange === 'SZSE' || r.exchange === 'BSE' || r.exchange === 'TWSE';
  const names = new Set();
  const add = (n) => {
    if (!n) return;
    if (hasKana(n) || hasHangul(n)) return; // never matched in zh/en digests
    // A Japanese short name of two kanji is most often an ordinary Chinese word (高速, 日宣,
    // 大和): Chinese text names a Japanese company by its curated Chinese name instead.
    if (r.exchange === 'TSE' && hasCjk(n) && n.length <= 2 && !notableId) return;
    if (hasCjk(n)) for (const v of variants(n)) names.add(v);
    else if (!isChina || r.exchange === 'TWSE') names.add(n);
  };
  if (isChina || hasCjk(r.name)) add(r.name);
  else if (r.exchange !== 'HKEX') add(shortEnglish(r.name));
  for (const a of list(r.aliases)) {
    // HKEX English short names in capitals ("CKH HOLDINGS") are kept only when they are
    // also the cleaned long name; otherwise they are noise in prose.
    if (r.exchange === 'HKEX' && !hasCjk(a) && a === a.toUpperCase() && !/-[A-Z]+$/.test(a)) continue;
    add(a);
  }
  if (r.exchange === 'HKEX' && r.name_en && r.name_en !== r.name && r.name_en !== r.name_en.toUpperCase()) add(shortEnglish(r.name_en));
  /** Derived short forms (see hkChineseNames), kept only where no other company has them. */
  const derived = new Set();
  /** HK names beside the first given one: dropped at the end where the match extends to them anyway. */
  const hkMore = new Set();
  const hk = r.exchange === 'HKEX' ? hkNames.get(r.code) : undefined;
  if (hk) {
    const { given, derived: short } = hkChineseNames(hk);
    // Simplified first: dual listings are found by the first CJK name. A Traditional
    // spelling is kept only where folding it (Traditional to Simplified, one character for
    // one) does not give the Simplified name: the runtime folds the text the same way, so
    // 騰訊控股 in a note matches 腾讯控股, and a second spelling of each of 2,300 names would
    // only cost start-up time and bundle size. hk-names-zh.csv keeps the Traditional names.
    given.forEach((n, i) => {
      if (hkReject.has(fold(n))) return;
      const cn = toCn(n);
      if (names.has(cn)) return;
      names.add(cn);
      if (fold(n) !== fold(cn)) names.add(n);
      if (i > 0) hkMore.add(cn);
    });
    for (const n of short) {
      if (hkReject.has(fold(n))) continue;
      const v = toCn(n);
      if (!names.has(v)) { names.add(v); derived.add(v); hkMore.add(v); }
    }
  }
  if (notableId) {
    const e = entities.get(notableId);
    // A name the curated list gives to another company stays with it: "SoftBank" is
    // SoftBank Group's alias, even though SoftBank Corp's listed name shortens to it.
    for (const n of names) {
      if (e.names.has(n) || (curatedOwner.get(n) ?? notableId) !== notableId) continue;
      e.names.add(n);
      if (derived.has(n)) (e.derived ??= new Set()).add(n);
      if (hkMore.has(n)) (e.hkMore ??= new Set()).add(n);
    }
    e.tickers.add(canon);
    continue;
  }
  const id = `${ID_PREFIX[r.exchange]}-${r.code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const display = isChina || hasCjk(r.name) ? r.name : shortEnglish(r.name_en || r.name);
  const tickers = new Set([canon]);
  if (['NASDAQ', 'NYSE', 'AMEX'].includes(r.exchange)) tickers.add(r.code);
  entities.set(id, { id, name: display, kind: 'company', names, primary: new Set([display]), tickers, sector: '', tier: 1, derived, hkMore });
}

/** Moves entity `from` into `into`: names (derived ones stay derived), tickers. */
function merge(into, from) {
  for (const n of from.names) {
    if (into.names.has(n)) continue;
    into.names.add(n);
    if (from.derived?.has(n)) (into.derived ??= new Set()).add(n);
    if (from.hkMore?.has(n)) (into.hkMore ??= new Set()).add(n);
  }
  for (const t of from.tickers) into.tickers.add(t);
  entities.delete(from.id);
}

// Dual listings that are not in notable.csv (same CJK name on two exchanges) become one entity.
{
  const firstByName = new Map();
  for (const e of [...entities.values()]) {
    if (e.tier !== 1) continue;
    // Japanese names can equal Chinese ones (中国電力 of TSE is not 中國電力 of HKEX).
    if (e.tickers.has(`TSE:${e.id.slice(4)}`)) continue;
    const key = [...e.names].find((n) => hasCjk(n) && n.length >= 3 && !e.derived?.has(n));
    if (!key) continue;
    const other = firstByName.get(key);
    if (other) {
      merge(other, e);
    } else firstByName.set(key, e);
  }
}

// Curated extras (server/data/entities-extra.json) with an id of their own and the ticker
// of a listed.csv-only row take that row over when the gazetteer loads: it scans every
// row for the ticker, which costs start-up time. The same takeover is done here instead:
// the row gets the extra's id (and display name and sector), so at load time the extra
// finds its id at once and adds its names as it does for any known id.
{
  const extra = JSON.parse(readFileSync(join(here, '../server/data/entities-extra.json'), 'utf8'));
  let taken = 0;
  for (const x of extra.entities) {
    if (entities.has(x.id) || !x.tickers?.length) continue;
    let into;
    for (const t of x.tickers) {
      const key = canonicalTicker(t);
      const row = [...entities.values()].find((e) => e.tier === 1 && e !== into && e.tickers.has(key));
      if (!row) continue;
      if (!into) {
        entities.delete(row.id);
        row.id = x.id;
        row.name = x.name;
        row.sector = x.sector ?? row.sector;
        entities.set(x.id, (into = row));
      } else merge(into, row);
      taken++;
    }
  }
  console.log(`listed rows taken over by entities-extra.json ids: ${taken}`);
}

// Curated Chinese names (names-zh.csv): US-listed Chinese companies, foreign companies,
// the short names of large Hong Kong companies, brokers. A row names a listing (or, for a
// company that listed.csv lacks, an id of its own), the names to add, and other listings
// of the same company to merge into it. Its entity becomes curated (tier 0): its names are
// matched without the listed-row rules, so two-character names such as 渣打 or 知乎 count
// on their own; derived two-character HKEX short forms that the row does not list are
// dropped, since they are only safe under those rules. A row with tier 1 keeps those rules.
{
  const rowsZh = parseCsv(readFileSync(join(DATA, 'names-zh.csv'), 'utf8'));
  const owner = new Map();
  const index = () => { owner.clear(); for (const e of entities.values()) for (const t of e.tickers) if (!owner.has(t)) owner.set(t, e); };
  index();
  const curatedNames = new Map();
  let added = 0;
  for (const r of rowsZh) {
    const names = list(r.names);
    const listing = r.listing ? canonicalTicker(r.listing) : '';
    let e = (listing && owner.get(listing)) || (r.id && entities.get(r.id)) || undefined;
    if (!e) {
      if (!r.id) { console.warn(`names-zh.csv: no listing ${r.listing}`); continue; }
      e = { id: r.id, name: names.find((n) => !hasCjk(n)) ?? names[0], kind: 'company', names: new Set(), primary: new Set(), tickers: new Set(listing ? [listing] : []), sector: '', tier: r.tier === '1' ? 1 : 0 };
      entities.set(r.id, e);
    }
    for (const a of list(r.also)) {
      const o = owner.get(canonicalTicker(a));
      if (!o) { console.warn(`names-zh.csv: no listing ${a} (with ${r.listing})`); continue; }
      if (o === e) continue;
      // A curated row absorbs a listed-only one; a listed-only one joins a curated one.
      if (o.tier === 0 && e.tier === 1) { merge(o, e); e = o; } else merge(e, o);
      index();
    }
    // tier 1 in the row: its names are common-word-like (長和 in 董事长和, 領展 in 率领展开) and
    // keep the listed-row rules (a two-character name needs a ticker, suffix or list beside it).
    if (e.tier === 1 && r.tier !== '1') {
      e.tier = 0;
      for (const n of e.derived ?? []) if ([...n].filter((c) => hasCjk(c)).length < 3) e.names.delete(n);
    }
    for (const n of names) {
      for (const v of hasCjk(n) ? variants(n) : [n]) {
        e.names.add(v);
        e.derived?.delete(v);
        e.hkMore?.delete(v);
        curatedNames.set(fold(v), e);
        added++;
      }
    }
  }
  // A name of this file is taken away from any listed-only row of another company that also
  // has it: 三星 is Samsung, not the TWSE row 三星 (5007), which would otherwise win as the
  // later entity. (Other notable.csv aliases are left as they are: some, such as 创意 of GUC,
  // are safe only because a listed row's stricter rules hold them.)
  let taken = 0;
  for (const e of entities.values()) {
    for (const n of [...e.names]) {
      const o = curatedNames.get(fold(n));
      if (!o || o === e) continue;
      if (e.tier === 1) { e.names.delete(n); taken++; if (process.env.VERBOSE) console.log(`  ${n}: ${e.id} -> ${o.id}`); } else if (process.env.VERBOSE) console.warn(`names-zh.csv: ${n} of ${o.id} is also a name of ${e.id}`);
    }
  }
  console.log(`names-zh.csv: ${rowsZh.length} rows, ${added} names (with script variants), ${taken} taken from listed rows`);
}

// A derived short form that is also another company's name (or derived for several) is
// nobody's: 中國石油 stays PetroChina's A-share name, not a short form of another row.
{
  const owners = new Map();
  for (const e of entities.values()) {
    for (const n of e.names) {
      const k = fold(n);
      let o = owners.get(k);
      if (!o) owners.set(k, (o = { given: new Set(), derived: new Set() }));
      (e.derived?.has(n) ? o.derived : o.given).add(e.id);
    }
  }
  let dropped = 0;
  for (const e of entities.values()) {
    if (!e.derived) continue;
    for (const n of e.derived) {
      if (!e.names.has(n)) continue;
      const o = owners.get(fold(n));
      const others = new Set([...o.given, ...o.derived]);
      others.delete(e.id);
      if (others.size && !o.given.has(e.id)) { e.names.delete(n); dropped++; }
    }
  }
  console.log(`derived short forms dropped as ambiguous: ${dropped}`);
}

// An HK name that is another of the company's names plus a legal suffix or a status marker
// (騰訊控股 beside 騰訊, 京东集团-SW beside 京东集团) is matched all the same: the runtime
// widens a match over one such suffix. Such names are dropped, shortest first, so that the
// name they extend stays.
{
  const SUFFIX = /(股份有限公司|有限公司|集团|控股|股份|科技|公司|-(?:w|sw|s|b|p|wp|u|r))$/;
  let pruned = 0;
  for (const e of entities.values()) {
    if (!e.hkMore?.size) continue;
    const keys = new Set([...e.names].filter((n) => !e.hkMore.has(n)).map(fold));
    for (const n of [...e.hkMore].filter((x) => e.names.has(x)).sort((a, b) => a.length - b.length)) {
      const f = fold(n);
      const m = SUFFIX.exec(f);
      if (m && m.index >= 2 && keys.has(f.slice(0, m.index))) { e.names.delete(n); pruned++; } else keys.add(f);
    }
  }
  console.log(`HK names dropped as a known name plus a suffix: ${pruned}`);
}

const rows = [];
for (const e of entities.values()) {
  const names = dedupeByFold([...e.names].filter((n) => n.length >= 2 || hasCjk(n)));
  if (!names.length && !e.tickers.size) continue;
  rows.push([e.id, e.name, e.kind, names.join('|'), [...e.tickers].join('|'), e.sector, e.tier]);
}
const ambiguousExtra = readFileSync(join(DATA, 'ambiguous-extra.txt'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
const ambiguousCodes = [...new Set([...ambiguous.map((r) => r.code), ...ambiguousExtra])].sort();
const json = JSON.stringify({ version: 1, source: 'shared/data/companies via scripts/build-companies.mjs', entities: rows, ambiguous: ambiguousCodes.join('|') });
writeFileSync(OUT, json.replace(/\],\[/g, '],\n['));
console.log(`companies.json: ${rows.length} entities, ${(json.length / 1024 / 1024).toFixed(2)} MB (chars)`);
