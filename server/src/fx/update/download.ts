/**
 * The one place Digest Lens opens a network connection (test/lsp/security.test.ts allows
 * this file alone). It runs only when the user asks for it: the `Digest Lens: Update
 * Exchange Rates` command, `digest-lens rates update`, or the setting
 * digestLens.rates.autoUpdate turned on. It fetches the ECB's reference-rate XML and the
 * Federal Reserve's H.10 CSV and nothing else: https only (plain http to this machine's
 * loopback address is accepted for tests), a few redirects that stay on https, a deadline,
 * a size cap, and status 200 or an error that says which.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { MAX_SOURCE_BYTES, type Failure } from './types';

export const ECB_DAILY_URL = 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml';
export const ECB_90D_URL = 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist-90d.xml';
/** Every day since 1999, the same XML (about 7 MB): for a gap longer than the 90-day file's. */
export const ECB_HIST_URL = 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.xml';
/** The H.10 package of every currency's daily series, the last `lastobs` observations, CSV with labels. */
export function fedH10Url(lastobs = 10): string {
  return `https://www.federalreserve.gov/datadownload/Output.aspx?rel=H10&series=60f32914ab61dfab590e0e470153e3ae&lastobs=${lastobs}&from=&to=&filetype=csv&label=include&layout=seriescolumn`;
}
export const FED_H10_URL = fedH10Url();

/** How long a source may take in all (connection, redirects, body). */
export const DEFAULT_TIMEOUT_MS = 20_000;
const MAX_REDIRECTS = 3;

export type Downloaded = { ok: true; text: string; url: string } | ({ ok: false } & Failure);

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether a URL may be fetched: https, or http to loopback (the tests' local server). */
function allowed(u: URL): boolean {
  return u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.has(u.hostname));
}

/** Fetches one URL as text; never throws, never outlives `timeoutMs`. */
export function download(url: string, timeoutMs = DEFAULT_TIMEOUT_MS, maxBytes = MAX_SOURCE_BYTES): Promise<Downloaded> {
  return new Promise((resolve) => {
    let settled = false;
    let current: http.ClientRequest | null = null;
    const finish = (d: Downloaded) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      current?.destroy();
      resolve(d);
    };
    const timer = setTimeout(() => finish({ ok: false, code: 'timeout', detail: String(timeoutMs / 1000) }), timeoutMs);
    const get = (target: string, redirects: number) => {
      let u: URL;
      try {
        u = new URL(target);
      } catch {
        return finish({ ok: false, code: 'badUrl', detail: target });
      }
      if (!allowed(u)) return finish({ ok: false, code: redirects ? 'redirect' : 'badUrl', detail: target });
      const mod = u.protocol === 'https:' ? https : http;
      const req = mod.get(u, { headers: { 'accept-encoding': 'identity', 'user-agent': 'digest-lens (rates update)' } }, (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          if (redirects >= MAX_REDIRECTS) return finish({ ok: false, code: 'redirect', detail: res.headers.location });
          return get(new URL(res.headers.location, u).toString(), redirects + 1);
        }
        if (status !== 200) {
          res.resume();
          return finish({ ok: false, code: 'status', detail: String(status) });
        }
        const length = Number(res.headers['content-length']);
        if (Number.isFinite(length) && length > maxBytes) return finish({ ok: false, code: 'tooLarge', detail: String(length) });
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > maxBytes) return finish({ ok: false, code: 'tooLarge', detail: String(size) });
          chunks.push(c);
        });
        res.on('end', () => finish({ ok: true, text: Buffer.concat(chunks).toString('utf8'), url: target }));
        res.on('error', (e) => finish({ ok: false, code: 'network', detail: e.message }));
        res.on('aborted', () => finish({ ok: false, code: 'network', detail: 'connection closed' }));
      });
      current = req;
      req.on('error', (e) => finish({ ok: false, code: 'network', detail: e.message }));
    };
    get(url, 0);
  });
}
