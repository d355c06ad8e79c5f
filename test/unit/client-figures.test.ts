/**
 * The figures webview's shell and data (client/src/figures/html.ts): escaping, the strict
 * Content-Security-Policy with a nonce and no inline script, validation of the page's
 * messages, and the chart's bars.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentSecurityPolicy, escapeHtml, figuresHtml, largestByEntity, makeNonce, pageRows, parsePageMessage, type PageRow } from '../../client/src/figures/html';

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
  assert.deepEqual(parsePageMessage({ type: 'open', index: 2 }, 3), { type: 'open', index: 2 });
  assert.equal(parsePageMessage({ type: 'open', index: 3 }, 3), null);
  assert.equal(parsePageMessage({ type: 'open', index: 1.5 }, 3), null);
  assert.equal(parsePageMessage({ type: 'open', index: '1' }, 3), null);
  assert.equal(parsePageMessage({ type: 'run', command: 'x' }, 3), null);
  assert.equal(parsePageMessage(null, 3), null);
});

const r = (index: number, entity: string | null, baseValue: number | null, per: string | null = null): PageRow => ({
  index,
  text: `t${index}`,
  currency: 'CNY',
  value: 1,
  baseValue,
  approximate: false,
  per,
  entity,
  file: 'a.digest',
  line: 1,
  date: null,
});

test('the chart shows each entity once at its largest amount, largest first, without prices per unit', () => {
  const bars = largestByEntity([r(0, 'A', 10), r(1, 'A', 30), r(2, 'B', 20), r(3, 'C', 1000, 't'), r(4, null, 99), r(5, 'D', null), r(6, 'E', 5)], 2);
  assert.deepEqual(bars.map((b) => [b.entity, b.value, b.index]), [['A', 30, 1], ['B', 20, 2]]);
});

test('page rows carry 1-based lines and the file label, and keep their index', () => {
  const rows = pageRows(
    [{ uri: 'file:///w/a.digest', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, text: '$1B', currency: 'USD', value: 1e9, min: null, max: null, approximate: false, per: null, baseValue: 1e9, baseCurrency: 'USD', date: null, entityId: null, entityName: null, counterpartyId: null, counterpartyName: null, sourceId: null, sourceName: null, metric: 'other', period: null, fact: 0 }],
    () => 'a.digest',
  );
  assert.equal(rows[0].line, 1);
  assert.equal(rows[0].file, 'a.digest');
  assert.equal(rows[0].index, 0);
});
