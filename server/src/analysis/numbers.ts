/**
 * Numeral recognition for the money scanner: Arabic numerals with thousands separators and a
 * decimal point, Chinese numerals (十五, 两, 三千, 一百二十亿), mixed forms (3万4000, 1,100.9亿),
 * the vague quantities 数/几 × base and 上亿, and English scale words (k, M, bn, billion ...).
 *
 * Everything here reads the *folded* text (full-width → ASCII, Traditional → Simplified), so only
 * Simplified characters need to be known. The parsers never allocate: they fill a caller-owned
 * result object and return the end offset, and every loop is bounded so hostile input stays linear.
 */

/** What `parseNumeral` found. One instance is reused by the scanner. */
export interface Numeral {
  /** End offset (exclusive) in the folded text; equals the start when nothing was parsed. */
  end: number;
  /** The value; for a vague amount ("数十亿") the base, i.e. the value with 数 read as 1. */
  value: number;
  /** Multiplier of the trailing scale words applied to a leading Arabic number ("25万" → 1e4), else 1. */
  scale: number;
  /** True when the numeral contains an actual digit (Arabic or Chinese), not only unit words. */
  hasDigit: boolean;
  /** True when Arabic digits were read. */
  hasArabic: boolean;
  /** True when a big unit (万, 亿, 兆) was read. */
  hasBig: boolean;
  /** Number of Chinese characters consumed (digits, units, 数 ...). */
  chineseChars: number;
  /**
   * A vague amount: 数/几 × base ("数十亿" = 2e9..9e9) or a vague digit after 十 ("十几亿" =
   * 1.2e9..1.9e9). `value` is then the midpoint of `min` and `max`.
   */
  vague: boolean;
  /** Lower and upper end of the amount (both equal `value` unless vague). */
  min: number;
  max: number;
  /** 上亿, 上千万: "reaching" the base, value is the base. */
  upTo: boolean;
  /** 兆 was read as a unit (10^12, ambiguous in Simplified text). */
  zhao: boolean;
  /** Offset of the first digit or unit (after 数/上), for spans that need it. */
  bodyStart: number;
}

/** Creates an empty result object for `parseNumeral`. */
export function newNumeral(): Numeral {
  return {
    end: 0, value: 0, scale: 1, hasDigit: false, hasArabic: false, hasBig: false,
    chineseChars: 0, vague: false, min: 0, max: 0, upTo: false, zhao: false, bodyStart: 0,
  };
}

/** Chinese digit values (folded, so 兩→两, 貳→贰), -1 when the code unit is not a digit. */
const CN_DIGIT = new Int8Array(65536).fill(-1);
/** Small units 十 百 千 (and their capital forms): the multiplier, else 0. */
const CN_SMALL = new Uint16Array(65536);
/** Big units 万 亿 兆: the multiplier, else 0. */
const CN_BIG = new Float64Array(65536);
/** Characters that can begin a Chinese numeral (including 数 几 上 for vague amounts). */
export const CN_NUMERAL_START = new Uint8Array(65536);
/**
 * The code units set in the tables above, and those set in CN_NUMERAL_START: tables of every
 * code unit are built from these lists, not from a pass over all 65,536 (about a millisecond
 * of every start each).
 */
const NUMERAL_CODES: number[] = [];
export const CN_NUMERAL_START_CODES: number[] = [];
{
  const digits: [string, number][] = [
    ['〇', 0], ['○', 0], ['零', 0], ['一', 1], ['壹', 1], ['二', 2], ['贰', 2], ['两', 2], ['三', 3], ['叁', 3],
    ['参', 3], ['四', 4], ['肆', 4], ['五', 5], ['伍', 5], ['六', 6], ['陆', 6], ['七', 7], ['柒', 7],
    ['八', 8], ['捌', 8], ['九', 9], ['玖', 9],
  ];
  for (const [ch, v] of digits) CN_DIGIT[ch.charCodeAt(0)] = v;
  const small = [['十', 10], ['拾', 10], ['百', 100], ['佰', 100], ['千', 1000], ['仟', 1000]] as [string, number][];
  for (const [ch, v] of small) CN_SMALL[ch.charCodeAt(0)] = v;
  CN_BIG['万'.charCodeAt(0)] = 1e4;
  CN_BIG['亿'.charCodeAt(0)] = 1e8;
  CN_BIG['兆'.charCodeAt(0)] = 1e12;
  // 〇/零 and 参 never begin an amount: 参 is mostly "参与", 零 mostly "零售".
  for (const ch of '一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿兆数几上廿卅卌') {
    CN_NUMERAL_START[ch.charCodeAt(0)] = 1;
    CN_NUMERAL_START_CODES.push(ch.charCodeAt(0));
  }
  for (const [ch] of [...digits, ...small, ['万'], ['亿'], ['兆']]) NUMERAL_CODES.push(ch.charCodeAt(0));
  NUMERAL_CODES.push(...CN_NUMERAL_START_CODES);
}

/** 廿 卅 卌: twenty, thirty, forty. */
const C_NIAN = '廿'.charCodeAt(0);
const C_SA = '卅'.charCodeAt(0);
const C_XI = '卌'.charCodeAt(0);
const C_SHI = '十'.charCodeAt(0);
const C_SHI2 = '拾'.charCodeAt(0);
const C_BAI = '百'.charCodeAt(0);
const C_BAI2 = '佰'.charCodeAt(0);
const C_QIAN = '千'.charCodeAt(0);
const C_QIAN2 = '仟'.charCodeAt(0);
const C_WAN_ = '万'.charCodeAt(0);
const C_YI_ = '亿'.charCodeAt(0);
const C_ZHAO_ = '兆'.charCodeAt(0);

/**
 * CN_SMALL[c] and CN_BIG[c] by comparisons: the scanner asks for every code unit of a numeral
 * and the one after it, and reading the large tables costs more (most code units asked
 * about are ASCII).
 */
function cnSmall(c: number): number {
  if (!(c >= 0x4e00)) return 0;
  return c === C_SHI || c === C_SHI2 ? 10 : c === C_BAI || c === C_BAI2 ? 100 : c === C_QIAN || c === C_QIAN2 ? 1000 : 0;
}
/** Whether `c` is a unit of a Chinese numeral (十 百 千 万 亿 兆, and their capital forms). */
export function cnUnit(c: number): boolean {
  return cnSmall(c) > 0 || cnBig(c) > 0;
}
function cnBig(c: number): number {
  if (!(c >= 0x4e00)) return 0;
  return c === C_WAN_ ? 1e4 : c === C_YI_ ? 1e8 : c === C_ZHAO_ ? 1e12 : 0;
}

/** Every character `parseNumeral` can read inside a Chinese numeral: digits (with 〇/○/零), units, 数, 几, 上. */
export const CN_NUMERAL_CHAR = new Uint8Array(65536);
/** The code units of CN_NUMERAL_CHAR, listed (see NUMERAL_CODES). */
export const CN_NUMERAL_CHAR_CODES: readonly number[] = [...new Set(NUMERAL_CODES)];
for (const c of CN_NUMERAL_CHAR_CODES) CN_NUMERAL_CHAR[c] = 1;

/** The value of a Chinese digit (一 → 1, 〇/○/零 → 0), or -1. */
export function cnDigit(c: number): number {
  return CN_DIGIT[c];
}

/** What `parsePositional` read. */
export interface Positional {
  value: number;
  /** Two ascending digits ("三四"): the lower and the upper reading. */
  vague: boolean;
  min: number;
  max: number;
}
const pos: Positional = { value: 0, vague: false, min: 0, max: 0 };

/**
 * Chinese digits written place by place, as Taiwan and Hong Kong papers do: "五〇五七点四"
 * (5057.4), "二五〇〇", "一点〇五". A run of two or more digits, or one digit followed by 点
 * and digits. Returns the end, or `i` when the text at `i` is not such a numeral; the value
 * goes into `out.value`. Two ascending neighbours without a point ("三四", "七八") are the
 * colloquial "three or four", not 34: `out.vague` is set and `out.min`/`out.max` hold them.
 */
export function parsePositional(s: string, i: number, out: Positional): number {
  const n = s.length;
  let j = i;
  let value = 0;
  let zeros = 0;
  while (j < n && j - i < MAX_INT_DIGITS && CN_DIGIT[s.charCodeAt(j)] >= 0) {
    const d = CN_DIGIT[s.charCodeAt(j)];
    if (d === 0) zeros++;
    value = value * 10 + d;
    j++;
  }
  const digits = j - i;
  if (digits === 0) return i;
  let frac = false;
  // The point is 点, or "." as some papers print it ("一四.七八").
  if ((s.charCodeAt(j) === C_DIAN || s.charCodeAt(j) === 46) && CN_DIGIT[s.charCodeAt(j + 1)] >= 0 && j - i <= MAX_INT_DIGITS) {
    const k = readCnFraction(s, j, n);
    value += cnFraction;
    j = k;
    frac = true;
  }
  if (digits < 2 && !frac) return i;
  // A leading zero ("〇五") is no number.
  if (digits > 1 && CN_DIGIT[s.charCodeAt(i)] === 0) return i;
  out.vague = false;
  if (digits === 2 && !frac && zeros === 0) {
    const d1 = CN_DIGIT[s.charCodeAt(i)];
    const d2 = CN_DIGIT[s.charCodeAt(i + 1)];
    if (d2 === d1 + 1) {
      out.vague = true;
      out.min = d1;
      out.max = d2;
    } else if (d1 === d2) return i; // "一一", "三三" are words, not numbers
  }
  // 两 is a counting word ("两三亿" = two or three), never a place digit.
  if (!out.vague) for (let k = i; k < j; k++) if (s.charCodeAt(k) === C_LIANG) return i;
  out.value = value;
  return j;
}

const C_SHU = '数'.charCodeAt(0);
const C_JI = '几'.charCodeAt(0);
const C_SHANG = '上'.charCodeAt(0);
const C_LIANG = '两'.charCodeAt(0);
const C_WAN = '万'.charCodeAt(0);
const C_ZHAO = '兆'.charCodeAt(0);
const C_DIAN = '点'.charCodeAt(0);

/** The value `readCnFraction` read last. */
let cnFraction = 0;
/**
 * Reads the Chinese digits after the decimal point at `j` (点 or "."): their value goes to
 * `cnFraction` ("五" → 0.5, "〇五" → 0.05), the end offset is returned.
 */
function readCnFraction(s: string, j: number, n: number): number {
  let k = j + 1;
  let div = 1;
  let f = 0;
  while (k < n && k - j <= 12 && CN_DIGIT[s.charCodeAt(k)] >= 0) {
    f = f * 10 + CN_DIGIT[s.charCodeAt(k)];
    div *= 10;
    k++;
  }
  cnFraction = f / div;
  return k;
}

/** Longest Arabic integer part accepted; longer runs are identifiers, not amounts. */
const MAX_INT_DIGITS = 16;
/** Longest Chinese numeral accepted, in characters. */
const MAX_CN_CHARS = 16;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** True for a plain or thin space that may separate a number from its scale word. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * Parses an Arabic number at `i` ("1,350", "1 350", "4.19", "0.03") into `out.value`.
 * Returns the end offset, or `i` when there is no number or it is too long to be an amount
 * (the caller then skips the whole digit run via `skipDigitRun`).
 */
export function parseArabic(s: string, i: number, out: Numeral): number {
  const n = s.length;
  let j = i;
  let intDigits = 0;
  let value = 0;
  while (j < n && isDigit(s.charCodeAt(j))) {
    value = value * 10 + (s.charCodeAt(j) - 48);
    j++;
    intDigits++;
  }
  if (intDigits === 0 || intDigits > MAX_INT_DIGITS) return i;
  // Thousands groups: a separator followed by exactly three digits and no fourth. Only the first
  // group may be shorter than three digits, so "2026,1" or "3800,1.5" are two numbers, and every
  // separator must be the same character (a comma, or a space as in "1 350").
  // Indian grouping: "4,60,518.80" (lakh and crore places), two-digit groups then one of three.
  let indian = false;
  if (intDigits <= 2 && s.charCodeAt(j) === 44 && isDigit(s.charCodeAt(j + 1)) && isDigit(s.charCodeAt(j + 2)) && s.charCodeAt(j + 3) === 44) {
    let k = j;
    let v = value;
    while (k + 3 < n && s.charCodeAt(k) === 44 && isDigit(s.charCodeAt(k + 1)) && isDigit(s.charCodeAt(k + 2)) && s.charCodeAt(k + 3) === 44) {
      v = v * 100 + (s.charCodeAt(k + 1) - 48) * 10 + (s.charCodeAt(k + 2) - 48);
      k += 3;
    }
    if (k + 3 < n && isDigit(s.charCodeAt(k + 1)) && isDigit(s.charCodeAt(k + 2)) && isDigit(s.charCodeAt(k + 3)) && !isDigit(s.charCodeAt(k + 4))) {
      value = v * 1000 + (s.charCodeAt(k + 1) - 48) * 100 + (s.charCodeAt(k + 2) - 48) * 10 + (s.charCodeAt(k + 3) - 48);
      j = k + 4;
      indian = true;
    }
  }
  if (intDigits <= 3 && !indian) {
    let sepUsed = 0;
    let groups = 0;
    while (j + 3 < n && groups < 6) {
      const sep = s.charCodeAt(j);
      if (sep !== 44 && sep !== 32) break;
      if (sepUsed !== 0 && sep !== sepUsed) break;
      if (!(isDigit(s.charCodeAt(j + 1)) && isDigit(s.charCodeAt(j + 2)) && isDigit(s.charCodeAt(j + 3)))) break;
      if (j + 4 < n && isDigit(s.charCodeAt(j + 4))) break;
      value = value * 1000 + (s.charCodeAt(j + 1) - 48) * 100 + (s.charCodeAt(j + 2) - 48) * 10 + (s.charCodeAt(j + 3) - 48);
      sepUsed = sep;
      j += 4;
      groups++;
    }
  }
  // Decimal part: one point followed by at least one digit.
  if (j + 1 < n && s.charCodeAt(j) === 46 && isDigit(s.charCodeAt(j + 1))) {
    let k = j + 1;
    let frac = 0;
    let div = 1;
    while (k < n && isDigit(s.charCodeAt(k)) && k - j <= 12) {
      frac = frac * 10 + (s.charCodeAt(k) - 48);
      div *= 10;
      k++;
    }
    // A second decimal point ("1.2.3") marks a version number, not an amount.
    if (k < n && s.charCodeAt(k) === 46 && isDigit(s.charCodeAt(k + 1))) return i;
    value += frac / div;
    j = k;
  } else if (j < n && s.charCodeAt(j) >= 0xbc && s.charCodeAt(j) <= 0xbe) {
    // "6¼p": a vulgar fraction right after the digits, as London prices are written.
    value += (s.charCodeAt(j) - 0xbb) / 4;
    j++;
  }
  out.value = value;
  return j;
}

/** Returns the end of the digit/separator run at `i`, so the scanner can skip it in one step. */
export function skipDigitRun(s: string, i: number): number {
  const n = s.length;
  let j = i;
  while (j < n) {
    const c = s.charCodeAt(j);
    if (isDigit(c) || c === 46 || c === 44) j++;
    else break;
  }
  return j > i ? j : i + 1;
}

/**
 * Parses a numeral at `i`: Arabic digits, Chinese digits and units, or a mix, optionally led by
 * 数/几 (vague) or 上 (reaching). Spaces are allowed between Arabic digits and a Chinese unit
 * ("1,350 亿"). Fills `out` and returns `out.end` (equal to `i` when nothing was read).
 */
export function parseNumeral(s: string, i: number, out: Numeral): number {
  const n = s.length;
  out.end = i;
  out.value = 0;
  out.scale = 1;
  out.hasDigit = false;
  out.hasArabic = false;
  out.hasBig = false;
  out.chineseChars = 0;
  out.vague = false;
  out.upTo = false;
  out.zhao = false;
  let j = i;
  const c0 = s.charCodeAt(i);
  if (c0 === C_SHU || c0 === C_JI || c0 === C_SHANG) {
    // 数/几/上 must be followed directly by a unit: 数十亿, 几百万, 上亿. "数据", "上市" are words.
    const c1 = s.charCodeAt(i + 1);
    if (!(cnSmall(c1) || cnBig(c1))) return i;
    if (c0 === C_SHANG) out.upTo = true;
    else out.vague = true;
    j = i + 1;
    out.chineseChars = 1;
  }
  out.bodyStart = j;

  let total = 0; // closed big-unit sections
  let section = 0; // sum of small-unit terms below the current big unit
  let num = 0; // the pending digit or Arabic number
  let haveNum = false;
  let lastBig = 0; // the last big unit read
  let magnitude = 0; // the largest unit reached (1e12 after 万亿)
  let arabicValue = 0;
  let numbersRead = 0;
  let steps = 0;
  // A vague digit inside the numeral (十几): it was read as 2, and `innerMult` is its place value.
  let innerMult = 0;
  let innerPending = false;
  let innerInTotal = false;
  /** How far the vague digit reaches above its lowest reading: 7 for 十几 (2..9), 1 for 三四. */
  let innerSpread = 7;
  /** A place-by-place numeral ("五〇五七点四") was read: no small unit may follow it. */
  let positional = false;
  /** A decimal part was read after Chinese digits ("十九点五"): only a big unit may follow. */
  let fraction = false;

  if (j === i) {
    const pe = parsePositional(s, j, pos);
    if (pe > j) {
      if (pos.vague) {
        // "三四十亿": the lower digit, with its spread carried to the place it ends up in.
        num = pos.min;
        innerMult = 1;
        innerSpread = pos.max - pos.min;
        innerPending = true;
      } else {
        num = pos.value;
        positional = true;
        out.hasArabic = true;
        arabicValue = num;
      }
      haveNum = true;
      out.hasDigit = true;
      numbersRead++;
      out.chineseChars += pe - j;
      j = pe;
    }
  }

  while (j < n && steps++ < MAX_CN_CHARS) {
    const c = s.charCodeAt(j);
    if (isDigit(c)) {
      // Arabic digits may open the numeral or follow a big unit ("3万4000"), never 数/上 or a digit.
      if (haveNum || (j === out.bodyStart && j !== i)) break;
      const e = parseArabic(s, j, out);
      if (e === j) break;
      num = out.value;
      haveNum = true;
      out.hasArabic = true;
      out.hasDigit = true;
      if (numbersRead++ === 0) arabicValue = num;
      j = e;
      // "1,350 亿": a space or two between Arabic digits and a Chinese unit belongs to the numeral.
      let k = j;
      while (k < n && k - j < 2 && isSpace(s.charCodeAt(k))) k++;
      if (k > j && (cnSmall(s.charCodeAt(k)) || cnBig(s.charCodeAt(k)))) j = k;
      continue;
    }
    const d = CN_DIGIT[c];
    if (d >= 0 && lastBig > 0 && !haveNum && section === 0 && !out.hasArabic) {
      // "一兆一一二三亿": the next section written place by place.
      const pe = parsePositional(s, j, pos);
      if (pe > j + 1 && !pos.vague) {
        num = pos.value;
        haveNum = true;
        positional = true;
        out.hasDigit = true;
        numbersRead++;
        out.chineseChars += pe - j;
        j = pe;
        continue;
      }
    }
    if (d >= 0) {
      // "一一", "2一" and "数一" are not numerals; 零/〇 only fill a gap inside one ("一千零五").
      if (haveNum || (j === out.bodyStart && j !== i)) break;
      if (d === 0 && section + total === 0) break;
      num = d;
      haveNum = d > 0;
      if (d > 0) {
        out.hasDigit = true;
        numbersRead++;
      }
      out.chineseChars++;
      j++;
      continue;
    }
    if ((c === C_SHU || c === C_JI) && !haveNum && j > out.bodyStart && cnSmall(s.charCodeAt(j - 1)) === 10 && innerMult === 0) {
      // 十几 / 十数: the ones digit is somewhere from 2 to 9.
      num = 2;
      haveNum = true;
      innerMult = 1;
      innerPending = true;
      out.hasDigit = true;
      out.chineseChars++;
      j++;
      continue;
    }
    if ((c === C_SHU || c === C_JI) && !haveNum && innerMult === 0 && j > out.bodyStart && cnSmall(s.charCodeAt(j - 1)) >= 100) {
      // After 百 or 千 a vague digit stands one place lower (六千几万 = 6,200万..6,900万),
      // or at the place of the unit after it (三百数十亿 = 320亿..390亿, 两千几百万).
      const place = cnSmall(s.charCodeAt(j + 1)) ? 1 : cnSmall(s.charCodeAt(j - 1)) / 10;
      num = 2 * place;
      haveNum = true;
      innerMult = place;
      innerPending = true;
      out.hasDigit = true;
      out.chineseChars++;
      j++;
      continue;
    }
    if ((c === C_DIAN || (c === 46 && out.chineseChars > 0)) && !out.hasArabic && lastBig === 0 && (haveNum || section > 0) && CN_DIGIT[s.charCodeAt(j + 1)] >= 0) {
      // "十九点五", "一点〇五兆": a decimal part after Chinese digits ("十二.二", as some papers print it).
      const k = readCnFraction(s, j, n);
      num = (haveNum ? num : 0) + cnFraction;
      haveNum = true;
      fraction = true;
      out.chineseChars += k - j;
      j = k;
      continue;
    }
    if (isSpace(c) && lastBig > 0 && !haveNum && isDigit(s.charCodeAt(j + 1)) && lowerSectionFollows(s, j + 1, lastBig, out)) {
      // "3,350 亿 300 万元": spaces between the sections of one amount.
      j++;
      continue;
    }
    const tens = c === C_NIAN ? 20 : c === C_SA ? 30 : c === C_XI ? 40 : 0;
    if (tens) {
      // 廿 卅 卌 are 二十 三十 四十 in one character (廿七亿, 卅一点六亿), as Hong Kong and Taiwan write them.
      if (haveNum || positional || fraction || section % 100 >= 10) break;
      section += tens;
      num = 0;
      haveNum = false;
      out.hasDigit = true;
      numbersRead++;
      out.chineseChars++;
      j++;
      continue;
    }
    const small = cnSmall(c);
    if (small) {
      // Without a digit a small unit can only lead the numeral (十五, 百亿, 数十亿): in "1亿千瓦"
      // the 千 belongs to the next word.
      if (!haveNum && j !== out.bodyStart) break;
      if (positional || fraction) break;
      if (innerPending) innerMult *= small;
      section += (haveNum ? num : 1) * small;
      num = 0;
      haveNum = false;
      out.chineseChars++;
      j++;
      continue;
    }
    const big = cnBig(c);
    if (big) {
      const v = section + (haveNum ? num : 0);
      if (lastBig === 0) {
        if (v === 0 && j !== out.bodyStart) break;
        // A bare leading 万/亿/兆 counts as one of it (上亿, 兆元).
        total = (v || 1) * big;
        magnitude = big;
        if (innerPending) {
          innerMult *= big;
          innerInTotal = true;
        }
      } else if (lastBig === 1e4 && big === 1e8 && v === 0 && s.charCodeAt(j - 1) === C_WAN) {
        // 万亿 multiplies everything read so far: 3万亿 = 3e12, 一万二千亿 is handled below.
        total *= big;
        magnitude = 1e12;
        if (innerInTotal) innerMult *= big;
      } else if (lastBig === 1e4 && big === 1e8 && magnitude === 1e4) {
        total = (total + v) * big; // 一万二千亿
        magnitude = 1e12;
        if (innerPending || innerInTotal) {
          innerMult *= big;
          innerInTotal = true;
        }
      } else {
        // A smaller unit adds a lower section (1亿2000万); "亿亿", "亿万" and "1亿2亿" stop here.
        if (v === 0 || big >= magnitude) break;
        total += v * big;
        if (innerPending) innerMult *= big;
      }
      if (c === C_ZHAO) out.zhao = true;
      lastBig = big;
      innerPending = false;
      out.hasBig = true;
      section = 0;
      num = 0;
      haveNum = false;
      out.chineseChars++;
      j++;
      continue;
    }
    break;
  }
  if (j === out.bodyStart) return i;
  const value = total + section + (haveNum ? num : 0);
  // Zero is an amount only when written with Arabic digits ("0元" closing a list).
  if (!(value > 0 || (value === 0 && out.hasArabic && !out.hasBig)) || !Number.isFinite(value) || value > 1e18) return i;
  out.value = numbersRead > 0 && value !== Math.floor(value) ? tidyNumber(value) : value;
  out.min = out.value;
  out.max = out.value;
  if (out.vague) {
    out.min = 2 * out.value;
    out.max = 9 * out.value;
    out.value = (out.min + out.max) / 2;
  } else if (innerMult > 0) {
    out.vague = true;
    out.max = out.value + innerSpread * innerMult;
    out.value = (out.min + out.max) / 2;
  }
  // The scale of "25万" or "1万亿" is what multiplies the leading Arabic number; a range end
  // without one borrows it ("20-25万" = 20万-25万).
  out.scale = numbersRead === 1 && arabicValue > 0 ? value / arabicValue : 1;
  out.end = j;
  return j;
}

/**
 * True when the Arabic number at `i` is followed (after at most two spaces) by a unit smaller
 * than `lastBig`: the next section of "3 兆 8090 亿 5400 万元". Clobbers `out.value`.
 */
function lowerSectionFollows(s: string, i: number, lastBig: number, out: Numeral): boolean {
  let k = parseArabic(s, i, out);
  if (k === i) return false;
  const e = k;
  while (k < s.length && k - e < 2 && isSpace(s.charCodeAt(k))) k++;
  const c = s.charCodeAt(k);
  if (cnSmall(c) > 0 || (cnBig(c) > 0 && cnBig(c) < lastBig)) return true;
  // "2 億 906 萬 2,497 元" (as Taiwan filings write amounts): the last section, in ones.
  return lastBig === 1e4 && c === C_YUAN && out.value < 1e4 && Number.isInteger(out.value);
}
const C_YUAN = '元'.charCodeAt(0);

/**
 * Removes binary noise from a computed amount (1,100.9 × 1e8 = 110090000000.00002): rounds to an
 * integer when that is within 1e-12 relative, else to 12 significant digits.
 */
export function tidyNumber(v: number): number {
  if (!Number.isFinite(v)) return v;
  const r = Math.round(v);
  if (Math.abs(v - r) <= Math.abs(v) * 1e-12) return r;
  // Fast path, same result as the string round trip below: scale v to 12 integer digits M
  // and divide back, M / 10^p being the double nearest to the decimal M × 10^-p, as
  // Number() would read it. Only where M is certain: no tie within the product's error.
  if (v > 1e-9 && v < 1e11) {
    const p = 11 - Math.floor(Math.log10(v));
    if (p >= 1 && p <= 21) {
      const scale = POW10[p];
      const x = v * scale;
      const f = x - Math.floor(x);
      if (f < 0.49 || f > 0.51) {
        const m = Math.round(x);
        if (m >= 1e11 && m < 1e12) return m / scale;
      }
    }
  }
  return Number(v.toPrecision(12));
}

/** Powers of ten, exact as doubles up to 10^22. */
const POW10: number[] = [];
for (let k = 0, p = 1; k <= 22; k++, p *= 10) POW10.push(p);

/** Result of an English scale word: its multiplier and end, or mult 0 when there is none. */
export interface EnglishScale {
  mult: number;
  end: number;
  /** Plural word ("billions"): a vague amount when it stands alone. */
  plural: boolean;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** True when `word` (lower case ASCII) occurs at `i`, case-insensitively, followed by a non-letter. */
export function wordAt(s: string, i: number, word: string): boolean {
  const m = word.length;
  if (i + m > s.length) return false;
  for (let k = 0; k < m; k++) {
    let c = s.charCodeAt(i + k);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== word.charCodeAt(k)) return false;
  }
  return !isLetter(s.charCodeAt(i + m));
}

const SCALE_WORDS: [string, number][] = [
  ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
  ['mln', 1e6], ['mn', 1e6], ['bln', 1e9], ['bn', 1e9], ['tn', 1e12], ['mm', 1e6],
  // Indian numbering: a crore is ten million, a lakh a hundred thousand.
  ['crore', 1e7], ['crores', 1e7], ['cr', 1e7], ['lakh', 1e5], ['lakhs', 1e5], ['lac', 1e5],
];

/** SCALE_WORDS by first letter (a = 0), each list in SCALE_WORDS order. */
const SCALE_BY_FIRST: [string, number][][] = [];
for (let c = 97; c <= 122; c++) SCALE_BY_FIRST.push(SCALE_WORDS.filter(([w]) => w.charCodeAt(0) === c));

/**
 * Reads an English scale after a number at `i`: a word after optional spaces ("135 billion"),
 * or a letter glued to the number ("22.5B", "538M", "5k"). Single letters must end the word, so
 * "2 TWh" or "100GW" are not scales. Writes into `out` and returns its multiplier (0 if none).
 */
export function parseEnglishScale(s: string, i: number, out: EnglishScale): number {
  out.mult = 0;
  out.end = i;
  out.plural = false;
  const n = s.length;
  let j = i;
  while (j < n && j - i < 2 && isSpace(s.charCodeAt(j))) j++;
  // "50-billion-yuan": a hyphen may join the number and a scale word (not a single letter).
  const hyphen = j === i && s.charCodeAt(j) === 45;
  if (hyphen) j++;
  const c = s.charCodeAt(j) | 0x20;
  if (c < 97 || c > 122) return 0;
  // Only the scale words with that first letter, in SCALE_WORDS order (most letters open none).
  const words = SCALE_BY_FIRST[c - 97];
  for (let q = 0; q < words.length; q++) {
    const [w, m] = words[q];
    if (wordAt(s, j, w)) {
      out.mult = m;
      out.end = j + w.length;
      // "1.42 lakh crore", "5 thousand crore": a crore of the smaller scale.
      if (m === 1e5 || m === 1e3) {
        let k = out.end;
        while (k < n && k - out.end < 2 && isSpace(s.charCodeAt(k))) k++;
        const crore = k > out.end ? (wordAt(s, k, 'crore') ? 5 : wordAt(s, k, 'crores') ? 6 : wordAt(s, k, 'cr') ? 2 : 0) : 0;
        if (crore) {
          out.mult = m * 1e7;
          out.end = k + crore;
        }
      }
      return out.mult;
    }
    // Plurals ("billions") only after a number when followed by "of": "3 billions" is rare.
  }
  if (j === i && !hyphen) {
    const raw = s.charCodeAt(j);
    if (!isLetter(s.charCodeAt(j + 1))) {
      let m = 0;
      if (raw === 107 || raw === 75) m = 1e3; // k K
      else if (raw === 109 || raw === 77) m = 1e6; // m M
      else if (raw === 98 || raw === 66) m = 1e9; // b B
      else if (raw === 116 || raw === 84) m = 1e12; // t T
      if (m) {
        out.mult = m;
        out.end = j + 1;
        return m;
      }
    }
    // "MM" (million in finance).
    if ((raw === 77) && s.charCodeAt(j + 1) === 77 && !isLetter(s.charCodeAt(j + 2))) {
      out.mult = 1e6;
      out.end = j + 2;
      return 1e6;
    }
  }
  return 0;
}

/**
 * Recognises a stand-alone English vague amount at `i` (at a word start): "billions",
 * "millions", "trillions", "tens of billions", "hundreds of millions", "several billion".
 * Returns the base (min = 2×base, max = 9×base) and writes the end into `out.end`, or 0.
 */
export function parseEnglishVague(s: string, i: number, out: EnglishScale): number {
  out.mult = 0;
  out.end = i;
  out.plural = true;
  const c0 = s.charCodeAt(i) | 0x20;
  // Cheap rejection: only words starting with t, h, s, m, b can open a vague amount.
  if (c0 !== 116 && c0 !== 104 && c0 !== 115 && c0 !== 109 && c0 !== 98) return 0;
  // And by the second letter: tens/thousands/trillions, hundreds, several, millions, billions.
  const c1 = s.charCodeAt(i + 1) | 0x20;
  if (c0 === 116 ? c1 !== 101 && c1 !== 104 && c1 !== 114 : c1 !== (c0 === 104 ? 117 : c0 === 115 ? 101 : 105)) return 0;
  let factor = 1;
  let j = i;
  if (c0 === 116 && wordAt(s, j, 'tens') && s.charCodeAt(j + 4) === 32 && wordAt(s, j + 5, 'of') && s.charCodeAt(j + 7) === 32) {
    factor = 10;
    j += 8;
  } else if (c0 === 104 && wordAt(s, j, 'hundreds') && s.charCodeAt(j + 8) === 32 && wordAt(s, j + 9, 'of') && s.charCodeAt(j + 11) === 32) {
    factor = 100;
    j += 12;
  } else if (c0 === 115) {
    if (!(wordAt(s, j, 'several') && s.charCodeAt(j + 7) === 32)) return 0;
    j += 8;
    for (let q = 0; q < SINGULAR_SCALES.length; q++) {
      const [w, m] = SINGULAR_SCALES[q];
      if (wordAt(s, j, w)) {
        out.mult = m;
        out.end = j + w.length;
        out.plural = false;
        return m;
      }
    }
    return 0;
  }
  for (let q = 0; q < PLURAL_SCALES.length; q++) {
    const [w, m] = PLURAL_SCALES[q];
    if (wordAt(s, j, w)) {
      out.mult = m * factor;
      out.end = j + w.length;
      return out.mult;
    }
  }
  return 0;
}

const SINGULAR_SCALES: [string, number][] = [['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12]];
const PLURAL_SCALES: [string, number][] = [['thousands', 1e3], ['millions', 1e6], ['billions', 1e9], ['trillions', 1e12]];

/** Chinese numeral values, exported for tests and other recognisers. */
export function parseChineseNumber(text: string): number | null {
  const r = newNumeral();
  const e = parseNumeral(text, 0, r);
  return e === text.length && e > 0 ? r.value : null;
}

