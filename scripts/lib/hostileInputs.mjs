// The hostile inputs of the adversarial bench: long runs of what the scanners stop at, and
// text that is valid but unusual (broken UTF-16, right-to-left controls, combining marks,
// zero-width characters, emoji, very long or very many lines). One place, so the analyse()
// rows and the CLI rows of scripts/bench/adversarial.mjs read the same texts.

/** Repeats `unit` until the UTF-8 size reaches `bytes`. */
export function runOf(unit, bytes) {
  const unitBytes = Buffer.byteLength(unit, 'utf8');
  return unit.repeat(Math.ceil(bytes / unitBytes));
}

/** The seed texts on one line: every line break turned into a space. */
function seedLine(seeds) {
  return seeds.map((s) => (typeof s === 'string' ? s : s.text).replace(/\r\n|[\r\n]/g, ' ')).join(' ') + ' ';
}

/**
 * [label, text] pairs, each text about `bytes` long in UTF-8. A lone surrogate counts three
 * bytes, as Buffer.byteLength writes it (U+FFFD).
 */
export function hostileInputs(seeds, bytes) {
  const line = seedLine(seeds);
  // One seed sentence with each character followed by a combining mark: every code unit
  // of a figure or a name is interrupted.
  const combining = line.slice(0, 400).replace(/(.)/gsu, '$1\u0301');
  const rtl = line.slice(0, 400).replace(/ /g, ' \u202e').replace(/。/g, '\u202c。\u2067') + '\u2069';
  const zeroWidth = line.slice(0, 400).replace(/(.)/gsu, '$1\u200b').replace(/亿/g, '亿\u200d\ufeff');
  const fullWidth = line.slice(0, 400).replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  const emoji = line.slice(0, 400).replace(/ /g, ' 😀💰🇨🇳👨‍👩‍👧 ');
  const mixed = '腾讯Tencent تينسنت 12亿 Тенсент ₹12 crore टेनसेंट ¥1.2兆 テンセント 1,2 млрд ';
  return [
    ['"1,1,1,…" digits and commas', runOf('1,', bytes)],
    ['"1,234,567.89 …" digits with separators', runOf('1,234,567.89 1 234 567 1.234.567,89 1\'234\'567 ', bytes)],
    ['"１２３，…" full-width digits', runOf('１２３，', bytes)],
    ['"1-2–3—4―5~6…" every dash', runOf('1-2–3—4―5~6〜7至8−9', bytes)],
    ...['万', '亿', '億', '兆', '千', '百'].map((c) => [`"${c.repeat(3)}…" scale ${c}`, runOf(c, bytes)]),
    ['"12亿亿亿万…" a number then scales', runOf('12亿亿亿万万千百 ', bytes)],
    ['"$$$…" currency signs', runOf('$', bytes)],
    ['"¥€£$₩₹…" mixed currency signs', runOf('¥€£$₩₹HK$US$', bytes)],
    ['"美元人民币…" currency words', runOf('美元人民币港元dollars yuan USD RMB ', bytes)],
    ['"((((…" brackets', runOf('(', bytes)],
    ['"腾讯腾讯…" one company', runOf('腾讯', bytes)],
    ['"约数十亿至上百亿美元…" hedges and vague scales', runOf('约数十亿至上百亿美元', bytes)],
    ['"HK$1.2B-HK$…" prefixed range ends', runOf('HK$1.2B-', bytes)],
    ['"该行目标价12元。…" one paragraph of target prices', runOf('腾讯该行目标价12元。', bytes)],
    ['"(00700.HK)股价报12元/股…" listings and yuan share prices', runOf('腾讯控股(00700.HK)股价报12元/股。', bytes)],
    ['lone surrogates', runOf('\ud800a\udc00b\udfff12亿\ud83d ', bytes)],
    ['right-to-left and bidi controls', runOf(rtl, bytes)],
    ['combining marks on every character', runOf(combining, bytes)],
    ['zero-width characters between characters', runOf(zeroWidth, bytes)],
    ['full-width forms of seed text', runOf(fullWidth, bytes)],
    ['emoji between words', runOf(emoji, bytes)],
    ['mixed scripts', runOf(mixed, bytes)],
    ['many short lines', runOf('1亿\n\n腾讯\n$5\n', bytes)],
    ['one very long line of seed text', runOf(line, bytes)],
  ];
}
