/**
 * The figures webview's shell and data (client/src/figures/html.ts): escaping, the strict
 * Content-Security-Policy with a nonce and no inline script, validation of the page's
 * messages, and the chart's bars.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentSecurityPolicy, escapeHtml, figuresHtml, makeNonce, pageRows, parseFilter, parsePageMessage } from '../../client/src/figures/html';
import { dossierMessage, parseDossierMessage } from '../../client/src/dossier/model';
import type { DossierResult, FactRow } from '../../protocol/src';

test('escapeHtml neutralises markup and attribute breaks', () => {
  assert.equal(escapeHtml(`<img src=x onerror="alert(1)">&'\``), '&#60;img src=x onerror=&#34;alert(1)&#34;&#62;&#38;&#39;&#96;');
});

test('nonces are fresh, long and safe in an attribute', () => {
  const a = makeNonce();
  const b = makeNonce();
  assert.notEqual(a, b);
  assert.ok(a.length >= 20);
  assert.match(a, /^[A-Za-z0-9_-]+$/);
});

test('the page has the strict CSP, one nonce-d external script and no inline script or handlers', () => {
  const html = figuresHtml({ cspSource: 'vscode-webview://abc', nonce: 'N0nce', scriptUri: 'vscode-webview://abc/figures.js', styleUri: 'vscode-webview://abc/figures.css', lang: 'zh-cn', title: '<b>Figures</b>' });
  assert.equal(contentSecurityPolicy('vscode-webview://abc', 'N0nce'), "default-src 'none'; style-src vscode-webview://abc; script-src 'nonce-N0nce'; img-src vscode-webview://abc data:");
  assert.ok(html.includes(`content="default-src &#39;none&#39;; style-src vscode-webview://abc; script-src &#39;nonce-N0nce&#39;; img-src vscode-webview://abc data:"`));
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  assert.deepEqual(scripts, ['<script nonce="N0nce" src="vscode-webview://abc/figures.js">']);
  assert.match(html, /<script[^>]*><\/script>/, 'the script element has no inline body');
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handlers');
  assert.doesNotMatch(html, /style=/i, 'no inline styles');
  assert.ok(html.includes('&#60;b&#62;Figures&#60;/b&#62;'));
  assert.ok(!html.includes('<b>'));
});

test('messages from the page are validated', () => {
  assert.deepEqual(parsePageMessage({ type: 'ready' }, 0), { type: 'ready' });
  assert.deepEqual(parsePageMessage({ type: 'open', index: 2 }, 3), { type: 'open', index: 2, mention: -1 });
  assert.deepEqual(parsePageMessage({ type: 'open', index: 2, mention: 0 }, 3, () => 1), { type: 'open', index: 2, mention: 0 });
  assert.equal(parsePageMessage({ type: 'open', index: 2, mention: 1 }, 3, () => 1), null, 'no such restating figure');
  assert.equal(parsePageMessage({ type: 'open', index: 3 }, 3), null);
  assert.equal(parsePageMessage({ type: 'open', index: 1.5 }, 3), null);
  assert.equal(parsePageMessage({ type: 'open', index: '1' }, 3), null);
  assert.equal(parsePageMessage({ type: 'run', command: 'x' }, 3), null);
  assert.equal(parsePageMessage(null, 3), null);
  assert.deepEqual(parsePageMessage({ type: 'query', filter: { entityId: 'tencent', metric: 'capex', from: '2025-01-01', to: 'yesterday', evil: 1 }, sort: { key: 'date', dir: 1 }, limit: 1e9 }, 0), {
    type: 'query',
    filter: { entityId: 'tencent', metric: 'capex', from: '2025-01-01' },
    sort: { key: 'date', dir: 1 },
    limit: 20000,
  });
  assert.deepEqual(parsePageMessage({ type: 'query', sort: { key: 'constructor', dir: 7 } }, 0), { type: 'query', filter: {}, sort: { key: 'baseValue', dir: -1 }, limit: 500 });
  assert.deepEqual(parsePageMessage({ type: 'copy', format: 'tsv' }, 0), { type: 'copy', format: 'tsv' });
  assert.equal(parsePageMessage({ type: 'copy', format: 'html' }, 0), null);
  assert.deepEqual(parsePageMessage({ type: 'export', scope: 'filter' }, 0), { type: 'export', scope: 'filter' });
  assert.equal(parsePageMessage({ type: 'export', scope: '/etc/passwd' }, 0), null);
  assert.deepEqual(parseFilter({ themeId: 'x\u0000y', entityId: 'a'.repeat(500) }), {});
});

const fact = (over: Partial<FactRow> = {}): FactRow => ({
  uri: 'file:///w/a.digest',
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } },
  text: '800亿元',
  currency: 'CNY',
  value: 8e10,
  min: null,
  max: null,
  approximate: false,
  per: null,
  baseValue: 1.1e10,
  baseCurrency: 'USD',
  date: '2025-11-02',
  subjectId: 'tencent',
  subjectName: 'Tencent',
  counterpartyId: null,
  counterpartyName: null,
  sourceId: null,
  sourceName: null,
  metric: 'capex',
  period: '2025',
  others: [{ range: { start: { line: 0, character: 8 }, end: { line: 0, character: 14 } }, text: '112亿美元' }],
  ...over,
});

test('page rows carry 1-based lines, the file label, the parties and the restating figures', () => {
  const rows = pageRows([fact({ counterpartyName: 'Ampere', sourceName: '东吴证券' })], () => 'a.digest');
  assert.equal(rows[0].line, 1);
  assert.equal(rows[0].file, 'a.digest');
  assert.equal(rows[0].index, 0);
  assert.deepEqual(rows[0].others, ['112亿美元']);
  assert.deepEqual([rows[0].subject, rows[0].counterparty, rows[0].source, rows[0].metric, rows[0].period], ['Tencent', 'Ampere', '东吴证券', 'capex', '2025']);
});

test('the dossier message numbers every fact it can open; its messages are validated', () => {
  const res: DossierResult = {
    entity: { id: 'tencent', name: 'Tencent', kind: 'company', names: ['Tencent', '腾讯'], tickers: ['HK:00700'], mentions: 4, files: 3 },
    groups: [{ metric: 'capex', count: 2, facts: [{ ...fact(), role: 'subject' }, { ...fact({ date: '2026-01-14', text: '900亿元', subjectName: 'SoftBank', counterpartyName: 'Tencent' }), role: 'counterparty' }], total: { value: 2e10, count: 1 } }],
    stated: [],
    conflicts: [{ metric: 'capex', period: '2025', entityId: 'tencent', entityName: 'Tencent', a: fact(), b: fact({ text: '900亿元', uri: 'file:///w/b.digest' }) }],
    baseCurrency: 'USD',
    complete: true,
  };
  const built = dossierMessage(res, (u) => u.slice(u.lastIndexOf('/') + 1), {} as never, 'en')!;
  assert.equal(built.locations.length, 4);
  const [a, b] = built.message.groups[0].facts;
  assert.deepEqual([a.index, b.index], [0, 1]);
  assert.equal(b.party, 'SoftBank →');
  assert.equal(built.locations[built.message.conflicts[0].b.index].uri, 'file:///w/b.digest');
  assert.deepEqual(parseDossierMessage({ type: 'open', index: 3 }, 4, ['capex']), { type: 'open', index: 3 });
  assert.equal(parseDossierMessage({ type: 'open', index: 4 }, 4, ['capex']), null);
  assert.deepEqual(parseDossierMessage({ type: 'table', metric: 'capex' }, 4, ['capex']), { type: 'table', metric: 'capex' });
  assert.equal(parseDossierMessage({ type: 'table', metric: 'revenue' }, 4, ['capex']), null);
  assert.equal(dossierMessage({ ...res, entity: null }, (u) => u, {} as never, 'en'), null);
});
