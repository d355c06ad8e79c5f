/**
 * decodeBytes: byte order marks, legacy Chinese encodings (GBK/GB18030 and Big5, and telling
 * them apart), lossy UTF-8, binary files and the size cap. Legacy bytes are made with
 * encoders inverted from Node's own GBK and Big5 decoders, anchored by hand-checked codes.
 * Run with `node --import tsx --test test/unit/decode.test.ts`.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commonShares, decodeBytes, DEFAULT_MAX_BYTES, type DecodedText } from '../../server/src/io/decode';
import { analyse } from '../../server/src/analysis/analyse';

const WS = join(__dirname, '..', 'fixtures', 'workspace');

// ---------------------------------------------------------------------------------------
// Encoders: every double-byte code of the encoding, decoded one by one, read backwards.

function legacyEncoder(encoding: 'gbk' | 'big5'): (text: string) => Uint8Array {
  const table = new Map<string, [number, number]>();
  const decoder = new TextDecoder(encoding, { fatal: true });
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      let ch: string;
      try {
        ch = decoder.decode(pair);
      } catch {
        continue;
      }
      // First code wins: a character can have a duplicate code (Big5 has a few).
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return (text: string) => {
    const out: number[] = [];
    for (const ch of text) {
      const code = ch.charCodeAt(0);
      if (code < 0x80) out.push(code);
      else {
        const bytes = table.get(ch);
        if (!bytes) throw new Error(`${ch} (U+${code.toString(16)}) has no ${encoding} code`);
        out.push(...bytes);
      }
    }
    return Uint8Array.from(out);
  };
}

const toGbk = legacyEncoder('gbk');
const toBig5 = legacyEncoder('big5');
const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).toUpperCase().padStart(2, '0')).join(' ');

const SIMPLIFIED = '腾讯控股（0700.HK）第三季度营收1,400亿元，同比增长15%。英伟达采购约85亿美元加速卡。';
const TRADITIONAL = '騰訊控股（0700.HK）第三季營收1,400億元，年增15%。輝達採購約85億美元加速卡，南向資金淨買入。';

function ok(d: ReturnType<typeof decodeBytes>): DecodedText {
  assert.ok(d.ok, `rejected: ${!d.ok && d.reason}`);
  return d;
}

describe('encoders used by these tests', () => {
  test('hand-checked codes: 中文 and 腾讯 in GBK, 中文 and 訊 in Big5', () => {
    assert.equal(hex(toGbk('中文')), 'D6 D0 CE C4');
    // 腾 is CC DA in GBK; D1 DA is 掩, so "腾讯" is CC DA D1 B6.
    assert.equal(hex(toGbk('腾讯')), 'CC DA D1 B6');
    assert.equal(new TextDecoder('gbk').decode(Uint8Array.from([0xd1, 0xda, 0xd1, 0xb6])), '掩讯');
    assert.equal(hex(toBig5('中文')), 'A4 A4 A4 E5');
    assert.equal(hex(toBig5('訊')), 'B0 54');
    assert.equal(new TextDecoder('big5').decode(toBig5(TRADITIONAL)), TRADITIONAL);
  });
});

describe('byte order marks', () => {
  test('UTF-8 with a BOM: the BOM is dropped, so analysis offsets count from the first character after it', () => {
    const text = '腾讯 2025 年资本开支为 597 亿元(约 85 亿美元)。';
    const d = ok(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])));
    assert.equal(d.encoding, 'utf-8-bom');
    assert.equal(d.text, text);
    const f = analyse(d.text).figures.find((x) => x.text === '597 亿元');
    assert.ok(f);
    assert.equal(f.offset, text.indexOf('597'));
  });

  test('UTF-16LE and UTF-16BE with a BOM (their NUL bytes are not "binary")', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SIMPLIFIED, 'utf16le')]);
    const be = Buffer.from(le);
    for (let i = 0; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    const dle = ok(decodeBytes(le));
    const dbe = ok(decodeBytes(be));
    assert.deepEqual([dle.encoding, dle.text], ['utf-16le', SIMPLIFIED]);
    assert.deepEqual([dbe.encoding, dbe.text], ['utf-16be', SIMPLIFIED]);
    assert.match(dle.note ?? '', /UTF-16LE/);
    assert.match(dbe.note ?? '', /UTF-16BE/);
  });

  test('plain UTF-8 has no note', () => {
    const d = ok(decodeBytes(Buffer.from(TRADITIONAL, 'utf8')));
    assert.deepEqual([d.encoding, d.text, d.note], ['utf-8', TRADITIONAL, undefined]);
  });
});

describe('legacy Chinese encodings', () => {
  test('GBK bytes of Simplified digest text decode as GB18030, with a note', () => {
    const d = ok(decodeBytes(toGbk(SIMPLIFIED)));
    assert.equal(d.encoding, 'gb18030');
    assert.equal(d.text, SIMPLIFIED);
    assert.match(d.note ?? '', /GB18030/);
    assert.deepEqual(analyse(d.text).figures.map((f) => f.text), ['1,400亿元', '约85亿美元'.slice(1)]);
  });

  test('Big5 bytes also "decode" as GB18030 (into other characters): the ambiguity is real', () => {
    const bytes = toBig5(TRADITIONAL);
    const asGb = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    assert.notEqual(asGb, TRADITIONAL);
    assert.ok(!asGb.includes('\ufffd'), 'GB18030 accepts every pair of this Big5 text');
  });

  test('Big5 bytes of a Traditional sentence decode as Big5', () => {
    const d = ok(decodeBytes(toBig5(TRADITIONAL)));
    assert.equal(d.encoding, 'big5');
    assert.equal(d.text, TRADITIONAL);
    assert.match(d.note ?? '', /BIG5/);
  });

  test('short Traditional notes that GB18030 reads as plausible text still decode as Big5, and the note says why', () => {
    // Most Big5 text puts characters in GB18030's private-use area, which rules GB18030 out
    // by itself; these do not, so only the common-block comparison decides.
    for (const note of ['騰訊 營收 1400億元', '臺積電營收創新高']) {
      const bytes = toBig5(note);
      const asGb = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      assert.ok(!/[\ue000-\uf8ff\ufffd]/.test(asGb), `GB18030 reads ${note} as ${asGb}, plausible text`);
      const d = ok(decodeBytes(bytes));
      assert.deepEqual([d.encoding, d.text], ['big5', note]);
      assert.match(d.note ?? '', /decoded as BIG5 \(both GB18030 and Big5 fit; 100% of the double-byte characters are common Big5 ones, \d+% GB2312 ones\)/);
    }
  });

  test('short Simplified notes in GBK that Big5 could also read stay GB18030', () => {
    for (const note of ['腾讯 营收 1400亿元', '宁德时代 碳酸锂 报价', '中文']) {
      const d = ok(decodeBytes(toGbk(note)));
      assert.deepEqual([d.encoding, d.text], ['gb18030', note]);
      // Big5 accepts these bytes too (as other characters): the comparison, not a failure, decided.
      assert.match(d.note ?? '', /decoded as GB18030 \(both GB18030 and Big5 fit; \d+% .* 100% GB2312 ones\)/);
    }
  });

  test('whole fixture digests: Traditional in Big5 is Big5, Simplified in GBK is GB18030, Traditional in GBK is GB18030', () => {
    const trad = readFileSync(join(WS, 'traditional.digest.txt'), 'utf8');
    const simp = readFileSync(join(WS, 'simplified.digest.md'), 'utf8');
    const big5 = ok(decodeBytes(toBig5(trad)));
    assert.deepEqual([big5.encoding, big5.text === trad], ['big5', true]);
    const gbk = ok(decodeBytes(toGbk(simp)));
    assert.deepEqual([gbk.encoding, gbk.text === simp], ['gb18030', true]);
    // GBK also encodes Traditional characters (in its extension, lead bytes Big5 does not have).
    const tradGbk = ok(decodeBytes(toGbk(trad)));
    assert.deepEqual([tradGbk.encoding, tradGbk.text === trad], ['gb18030', true]);
  });

  test('commonShares: each text sits in its own encoding\'s common block', () => {
    const trad = commonShares(toBig5(TRADITIONAL));
    const simp = commonShares(toGbk(SIMPLIFIED));
    assert.ok(trad.big5 > 0.95 && trad.gb < 0.8, JSON.stringify(trad));
    assert.ok(simp.gb > 0.95 && simp.big5 < 0.8, JSON.stringify(simp));
    assert.deepEqual(commonShares(Buffer.from('plain ASCII')), { gb: 0, big5: 0, pairs: 0 });
  });
});

describe('invalid bytes, binary files and the size cap', () => {
  test('invalid UTF-8 that is neither GB18030 nor Big5 decodes lossily, with a reason', () => {
    const bytes = Buffer.concat([Buffer.from('price '), Buffer.from([0xc0, 0x20, 0xff]), Buffer.from(' up $5 billion')]);
    const d = ok(decodeBytes(bytes));
    assert.equal(d.encoding, 'utf-8');
    assert.match(d.note ?? '', /not valid UTF-8, GB18030 or Big5; \d+ invalid byte sequences? w(as|ere) replaced with U\+FFFD/);
    assert.ok(d.text.startsWith('price ') && d.text.endsWith(' up $5 billion') && d.text.includes('\ufffd'));
  });

  test('UTF-8 with one stray byte stays UTF-8 (lossy) instead of turning into GB18030 mojibake', () => {
    const text = readFileSync(join(WS, 'simplified.digest.md'), 'utf8');
    const bytes = Buffer.concat([Buffer.from(text.slice(0, 40), 'utf8'), Buffer.from([0xe9]), Buffer.from(text.slice(40), 'utf8')]);
    const d = ok(decodeBytes(bytes));
    assert.equal(d.encoding, 'utf-8');
    assert.equal(d.text, text.slice(0, 40) + '\ufffd' + text.slice(40));
    assert.match(d.note ?? '', /1 invalid byte sequence was replaced/);
  });

  test('a NUL byte in the first 8 KB means binary, with its offset; one later does not', () => {
    const d = decodeBytes(Buffer.from('abc\0def'));
    assert.deepEqual(d, { ok: false, reason: 'binary file (NUL byte at 3)' });
    const afterBom = decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0x00]));
    assert.deepEqual(afterBom, { ok: false, reason: 'binary file (NUL byte at 4)' });
    const late = ok(decodeBytes(Buffer.concat([Buffer.alloc(9000, 0x61), Buffer.from([0])])));
    assert.equal(late.text.length, 9001);
  });

  test('over the size cap: rejected with both sizes in the reason', () => {
    const d = decodeBytes(Buffer.alloc(2048, 0x61), 1024);
    assert.deepEqual(d, { ok: false, reason: 'file is 2.0 KB, over the 1.0 KB size cap' });
    assert.ok(ok(decodeBytes(Buffer.alloc(1024, 0x61), 1024)));
    assert.equal(DEFAULT_MAX_BYTES, 2 * 1024 * 1024);
  });

  test('an empty file is empty UTF-8 text', () => {
    assert.deepEqual(decodeBytes(new Uint8Array(0)), { ok: true, text: '', encoding: 'utf-8' });
  });
});
