/**
 * The ECB's euro foreign exchange reference rates as XML (eurofxref-daily.xml, one day, and
 * eurofxref-hist-90d.xml, many): a gesmes:Envelope holding <Cube time="YYYY-MM-DD"> elements,
 * each with <Cube currency="XXX" rate="n.nnnn"/> children, in units per 1 EUR. Turned into
 * units per 1 USD: X per USD = X per EUR / USD per EUR, and EUR per USD = 1 / USD per EUR.
 *
 * A scanner over the tags (no XML library, no regular expression): the file is small, flat
 * and machine-written, and anything else is refused with a reason, never half-read.
 */
import { dayNumber } from '../dailyHistory';
import { isCode, looksLikeHtml, MAX_SOURCE_BYTES, positiveNumber, roundRate, type Parsed, type RateRow } from './types';

/** The attributes of one start tag's text (between "<Cube" and ">"), quotes ' or ". */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < tag.length) {
    const eq = tag.indexOf('=', i);
    if (eq < 0) break;
    const name = tag.slice(i, eq).trim();
    let q = eq + 1;
    while (q < tag.length && tag[q] === ' ') q++;
    const quote = tag[q];
    if (quote !== '"' && quote !== "'") break;
    const end = tag.indexOf(quote, q + 1);
    if (end < 0) break;
    out.set(name, tag.slice(q + 1, end));
    i = end + 1;
  }
  return out;
}

export function parseEcb(text: string): Parsed {
  if (text.length > MAX_SOURCE_BYTES) return { ok: false, code: 'tooLarge', detail: String(text.length) };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (looksLikeHtml(body)) return { ok: false, code: 'html' };
  if (!body.trimStart().startsWith('<')) return { ok: false, code: 'notXml' };
  if (body.indexOf('<Cube') < 0) return { ok: false, code: 'noCube' };
  // A file cut short (a dropped connection) must not pass for a shorter day list.
  if (body.indexOf('</gesmes:Envelope>') < 0) return { ok: false, code: 'truncated' };

  const rows: RateRow[] = [];
  let day: number | null = null;
  let dayRates: [string, number][] = [];
  let sawUsd = false;
  let sawDay = false;
  const flush = () => {
    if (day === null) return;
    const usd = dayRates.find(([c]) => c === 'USD')?.[1];
    if (usd !== undefined) {
      sawUsd = true;
      rows.push({ currency: 'EUR', day, perUsd: roundRate(1 / usd) });
      for (const [c, perEur] of dayRates) if (c !== 'USD') rows.push({ currency: c, day, perUsd: roundRate(perEur / usd) });
    }
    dayRates = [];
  };
  let at = 0;
  for (;;) {
    const open = body.indexOf('<Cube', at);
    if (open < 0) break;
    const close = body.indexOf('>', open);
    if (close < 0) break;
    const attrs = attributes(body.slice(open + 5, body[close - 1] === '/' ? close - 1 : close));
    at = close + 1;
    const time = attrs.get('time');
    if (time !== undefined) {
      flush();
      day = dayNumber(time.trim());
      if (day !== null) sawDay = true;
      continue;
    }
    const code = attrs.get('currency')?.trim();
    const rate = attrs.get('rate');
    if (day === null || code === undefined || rate === undefined || !isCode(code)) continue;
    const v = positiveNumber(rate);
    if (!Number.isNaN(v)) dayRates.push([code, v]);
  }
  flush();
  if (!sawDay) return { ok: false, code: 'noCube' };
  if (!sawUsd) return { ok: false, code: 'noUsd' };
  return rows.length ? { ok: true, rows } : { ok: false, code: 'noRows' };
}
