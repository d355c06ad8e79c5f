/**
 * The figures webview's security (complements client-figures.test.ts): the page's CSP
 * allows only the nonce'd script and the extension's own stylesheet; the panel can read
 * only the extension's media folder and runs no command links; and the page script
 * (media/figures/figures.js), run here against a small recording DOM, receives its data
 * by postMessage and writes document text with textContent only — a hostile figure or
 * entity name becomes text, never an element or an attribute.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { contentSecurityPolicy, figuresHtml, makeNonce, type FiguresLabels, type FiguresMessage, type PageRow } from '../../client/src/figures/html';
import type { DossierMessage } from '../../client/src/dossier/model';

const REPO = join(__dirname, '..', '..');
const PAGE_SCRIPT = readFileSync(join(REPO, 'media', 'figures', 'figures.js'), 'utf8');
const PANEL_SOURCE = readFileSync(join(REPO, 'client', 'src', 'figures', 'figuresPanel.ts'), 'utf8');
const DOSSIER_SCRIPT = readFileSync(join(REPO, 'media', 'dossier', 'dossier.js'), 'utf8');
const DOSSIER_SOURCE = readFileSync(join(REPO, 'client', 'src', 'dossier', 'dossierPanel.ts'), 'utf8');
const PANEL_OPTIONS = readFileSync(join(REPO, 'client', 'src', 'webviewPanel.ts'), 'utf8');

/** The directives of a CSP string. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

test('the CSP: nothing by default, scripts by nonce only, no inline or eval, no network sources', () => {
  const cspSource = 'https://file+.vscode-resource.vscode-cdn.net';
  const nonce = makeNonce();
  const csp = directives(contentSecurityPolicy(cspSource, nonce));
  assert.deepEqual(csp.get('default-src'), ["'none'"]);
  assert.deepEqual(csp.get('script-src'), [`'nonce-${nonce}'`], 'scripts: the nonce and nothing else');
  assert.deepEqual(csp.get('style-src'), [cspSource], 'styles: the extension resources, no inline styles');
  for (const [name, values] of csp) {
    for (const v of values) {
      assert.ok(!/unsafe-(inline|eval|hashes)|^\*$|^https?:$|^data:$|^blob:$/.test(v) || (name === 'img-src' && v === 'data:'), `${name} allows ${v}`);
    }
  }
  // No directive opens the network, frames, or forms: default-src 'none' covers them.
  for (const name of ['connect-src', 'frame-src', 'child-src', 'form-action', 'worker-src']) assert.ok(!csp.has(name), `${name} is set`);
});

test('the page: the CSP meta comes first, one external script with the same nonce, no inline code', () => {
  const nonce = makeNonce();
  const html = figuresHtml({ cspSource: 'vscode-webview://x', nonce, scriptUri: 'vscode-webview://x/media/figures/figures.js', styleUri: 'vscode-webview://x/media/figures/figures.css', lang: 'en', title: 'Figures' });
  const head = html.slice(0, html.indexOf('</head>'));
  const firstElement = head.indexOf('<meta http-equiv="Content-Security-Policy"');
  assert.ok(firstElement > 0 && firstElement < head.indexOf('<link') && firstElement < head.indexOf('<title'), 'the CSP precedes every resource');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1);
  assert.equal(scripts[0][2], '', 'the script element is empty');
  assert.ok(scripts[0][1].includes(`nonce="${nonce}"`));
  assert.ok(html.includes(`&#39;nonce-${nonce}&#39;`), 'the CSP names the same nonce');
  assert.doesNotMatch(html, /\son[a-z]+\s*=|javascript:|<iframe|<object|<embed|<form/i);
  // The shell holds no data: rows only ever arrive by message.
  assert.doesNotMatch(html, /<tr|<td|data-index/);
});

test('the panel: scripts on, resources only from the media folder, no command links, data by postMessage', () => {
  // Both panels are created by one function: scripts on, resources only from media/.
  assert.match(PANEL_OPTIONS, /enableScripts:\s*true/);
  assert.match(PANEL_OPTIONS, /localResourceRoots:\s*\[vscode\.Uri\.joinPath\(context\.extensionUri, 'media'\)\]/);
  assert.equal([...PANEL_OPTIONS.matchAll(/localResourceRoots/g)].length, 1);
  for (const source of [PANEL_SOURCE, DOSSIER_SOURCE, PANEL_OPTIONS]) {
    assert.doesNotMatch(source, /enableCommandUris|enableForms/);
  }
  for (const source of [PANEL_SOURCE, DOSSIER_SOURCE]) {
    assert.match(source, /createPagePanel\(context, /);
    assert.doesNotMatch(source, /createWebviewPanel/);
    // The HTML is set once, from the shell; data goes through postMessage.
    assert.equal([...source.matchAll(/webview\.html\s*=/g)].length, 1);
  }
  assert.match(PANEL_SOURCE, /webview\.html = figuresHtml\(/);
  assert.match(PANEL_SOURCE, /webview\.postMessage\(this\.message\)/);
  // Messages from the page are validated before anything is done with them.
  assert.match(PANEL_SOURCE, /parsePageMessage\(raw, this\.rows\.length, /);
  assert.match(DOSSIER_SOURCE, /parseDossierMessage\(raw, /);
  // The page scripts have no HTML sink and no dynamic code.
  for (const script of [PAGE_SCRIPT, DOSSIER_SCRIPT]) {
    const code = script.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"])\/\/.*$/gm, '$1');
    assert.doesNotMatch(code, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\s*\(|new Function|setTimeout\(\s*['"`]|\.src\s*=|\.href\s*=/);
    assert.doesNotMatch(code, /setAttribute\(\s*['"`](on|href|src|style)/i);
  }
});

// -------------------------------------------------------------------------------------
// A recording DOM, just enough for figures.js

class FakeNode {
  children: FakeNode[] = [];
  attributes = new Map<string, string>();
  dataset: Record<string, string> = {};
  listeners = new Map<string, ((e: unknown) => void)[]>();
  hidden = false;
  title = '';
  tabIndex = -1;
  className = '';
  value = '';
  type = '';
  min = '';
  max = '';
  selected = false;
  private text = '';
  readonly classList = {
    add: (...c: string[]) => (this.className = [...this.className.split(' ').filter(Boolean), ...c].join(' ')),
  };
  constructor(
    readonly tagName: string,
    readonly ns: string | null = null,
  ) {}
  get textContent(): string {
    return this.text + this.children.map((c) => c.textContent).join('');
  }
  set textContent(v: string) {
    this.children = [];
    this.text = String(v);
  }
  set innerHTML(_v: string) {
    throw new Error('innerHTML used');
  }
  setAttribute(name: string, value: string): void {
    if (/^on/i.test(name)) throw new Error(`event handler attribute ${name}`);
    this.attributes.set(name, String(value));
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  appendChild(c: FakeNode): FakeNode {
    this.children.push(c);
    return c;
  }
  append(...c: FakeNode[]): void {
    this.children.push(...c);
  }
  replaceChildren(): void {
    this.children = [];
    this.text = '';
  }
  addEventListener(type: string, fn: (e: unknown) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  /** Every node below this one, depth first. */
  *walk(): Generator<FakeNode> {
    for (const c of this.children) {
      yield c;
      yield* c.walk();
    }
  }
}

/** Runs a page script in a fresh context with the fake DOM; returns its nodes and its messages. */
function loadPage(script = PAGE_SCRIPT) {
  const ids = ['summary', 'empty', 'table-section', 'chart', 'chart-title', 'chart-section', 'toolbar', 'totals-section', 'totals-title', 'more', 'title', 'facts'];
  const byId = new Map(ids.map((id) => [id, new FakeNode(id === 'chart' ? 'div' : 'section')]));
  const thead = new FakeNode('thead');
  const tbody = new FakeNode('tbody');
  const totals = new FakeNode('tbody');
  const docListeners = new FakeNode('document');
  const winListeners = new FakeNode('window');
  const created: FakeNode[] = [];
  const sent: unknown[] = [];
  const document = {
    createElement: (tag: string) => (created.push(new FakeNode(tag)), created[created.length - 1]),
    createElementNS: (ns: string, tag: string) => (created.push(new FakeNode(tag, ns)), created[created.length - 1]),
    getElementById: (id: string) => byId.get(id) ?? null,
    querySelector: (sel: string) => (sel === '#figures thead' ? thead : sel === '#figures tbody' ? tbody : sel === '#totals tbody' ? totals : null),
    addEventListener: docListeners.addEventListener.bind(docListeners),
    write: () => {
      throw new Error('document.write used');
    },
  };
  const window = { addEventListener: winListeners.addEventListener.bind(winListeners) };
  const acquireVsCodeApi = () => ({ postMessage: (m: unknown) => sent.push(JSON.parse(JSON.stringify(m))), getState: () => undefined, setState: () => {} });
  runInNewContext(script, { document, window, acquireVsCodeApi, Intl, isFinite, Number, String, Math, JSON, Date, Object, Array, setTimeout });
  const post = (data: unknown) => (winListeners.listeners.get('message') ?? []).forEach((fn) => fn({ data }));
  return { byId, thead, tbody, totals, created, sent, post, docListeners };
}

const HOSTILE = '<img src=x onerror=alert(1)>';
const row = (index: number, text: string, subject: string | null, baseValue: number | null): PageRow => ({
  index,
  text,
  others: [`${HOSTILE} other`],
  currency: 'USD',
  value: 1e9,
  baseValue,
  approximate: false,
  per: null,
  subject,
  counterparty: null,
  source: `Source ${HOSTILE}`,
  metric: 'capex',
  period: '2025',
  file: `<script>${index}</script>.digest`,
  line: 3,
  date: '2026-01-14',
});

const LABELS = Object.fromEntries(
  ['text', 'value', 'converted', 'subject', 'metric', 'period', 'source', 'file', 'date', 'chartTotals', 'chartLargest', 'totals', 'total', 'count', 'empty', 'summary', 'noRate', 'sortHint', 'also', 'allEntities', 'allMetrics', 'allThemes', 'from', 'to', 'clear', 'copyMarkdown', 'copyTsv', 'exportLabel', 'exportFile', 'exportWorkspace', 'exportFilter', 'more', 'counterpartyOf'].map((k) => [k, `${k} ${HOSTILE}`]),
) as unknown as FiguresLabels;

/** Tags and attributes the pages may create; no attribute may carry document text but aria-label. */
const TAGS = ['tr', 'th', 'td', 'button', 'svg', 'g', 'text', 'rect', 'title', 'div', 'select', 'option', 'label', 'input', 'span', 'p', 'section', 'h2', 'ul', 'li', 'line', 'polyline', 'circle'];
const ATTRIBUTES = ['aria-label', 'aria-sort', 'role', 'viewBox', 'x', 'y', 'width', 'height', 'text-anchor', 'tabindex', 'x1', 'x2', 'y1', 'y2', 'class', 'points', 'cx', 'cy', 'r'];

function checkCreated(created: FakeNode[]): void {
  for (const t of new Set(created.map((n) => n.tagName))) assert.ok(TAGS.includes(t), `unexpected element <${t}>`);
  for (const n of created) {
    for (const [name, value] of n.attributes) {
      // setAttribute never parses markup; what matters is that no URL- or code-bearing attribute is set.
      assert.ok(ATTRIBUTES.includes(name), `attribute ${name}="${value}"`);
      if (name !== 'aria-label') assert.ok(!value.includes('<') && !value.includes('command:'), `attribute ${name}="${value}" carries document text`);
    }
    for (const [k, v] of Object.entries(n.dataset)) assert.match(v, /^(\d+|[a-z-]+)$/, `data-${k}="${v}"`);
  }
}

test('the figures page asks for data, then renders hostile text as text only', () => {
  const page = loadPage();
  assert.deepEqual(page.sent, [{ type: 'ready' }], 'the page announces itself and waits for data');
  assert.equal(page.tbody.children.length, 0);

  const rows = [row(0, `$1B ${HOSTILE}`, `Evil ${HOSTILE}`, 1e9), row(1, '[x](command:workbench.action.quit)', '"><svg onload=alert(1)>', 5e8)];
  const message: FiguresMessage = {
    type: 'facts',
    baseCurrency: 'USD',
    locale: 'en',
    labels: LABELS,
    scope: 'workspace',
    rows,
    total: 2,
    inScope: 3,
    totals: [{ entityId: 'evil', entityName: `Evil ${HOSTILE}`, metric: 'capex', value: 1.5e9, count: 2 }],
    chart: { kind: 'totals', bars: [{ label: `Evil ${HOSTILE} · capex`, value: 1.5e9, approximate: false, row: -1, entityId: 'evil', metric: 'capex' }] },
    facets: { entities: [{ id: 'evil', label: `Evil ${HOSTILE}`, count: 2 }], metrics: [{ id: 'capex', label: `资本开支 ${HOSTILE}`, count: 2 }], themes: [], minDate: '2026-01-14', maxDate: '2026-01-14' },
    state: { filter: {}, sort: { key: 'baseValue', dir: -1 }, limit: 500 },
  };
  page.post(message);

  // Rendered: two rows, a total and a bar, the hostile strings present as text.
  assert.equal(page.tbody.children.length, 2);
  const tableText = page.tbody.textContent;
  assert.ok(tableText.includes(HOSTILE) && tableText.includes('"><svg onload=alert(1)>') && tableText.includes('<script>0</script>.digest'));
  assert.ok(page.byId.get('summary')!.textContent.includes(HOSTILE));
  assert.ok(page.totals.textContent.includes(`Evil ${HOSTILE}`));
  // Metrics are shown by the label the server wrote in the user's language.
  assert.ok(page.totals.textContent.includes(`资本开支 ${HOSTILE}`), 'the totals name the metric by its label');
  assert.ok(page.byId.get('chart')!.textContent.includes('Evil <img'), 'the chart labels the bars');
  assert.ok(page.byId.get('toolbar')!.textContent.includes(`Evil ${HOSTILE} (2)`), 'the entity filter lists the entity');
  checkCreated(page.created);

  // Clicking a row asks the extension to open it by index only; a restating figure by its number.
  const click = (attrs: Record<string, string>) => {
    const target = { closest: () => ({ tagName: 'TR', getAttribute: (n: string) => attrs[n] ?? null }) };
    for (const fn of page.docListeners.listeners.get('click') ?? []) fn({ target });
  };
  click({ 'data-index': page.tbody.children[0].dataset.index });
  assert.deepEqual(page.sent[1], { type: 'open', index: 0, mention: -1 });
  click({ 'data-index': '1', 'data-mention': '0' });
  assert.deepEqual(page.sent[2], { type: 'open', index: 1, mention: 0 });
  // A total filters the table to its entity and metric.
  click({ 'data-total': '0' });
  assert.deepEqual(page.sent[3], { type: 'query', filter: { entityId: 'evil', metric: 'capex' }, sort: { key: 'baseValue', dir: -1 }, limit: 500 });

  // Anything that is not a facts message is ignored.
  const before = page.tbody.children.length;
  page.post({ type: 'facts', rows: 'nope' });
  page.post({ type: 'run', command: 'workbench.action.quit' });
  assert.equal(page.tbody.children.length, before);
});

test('the figures page never redraws the table while a button is down: the click lands on the row it began on', async () => {
  const page = loadPage();
  const message = (rows: PageRow[]): FiguresMessage => ({
    type: 'facts', baseCurrency: 'USD', locale: 'en', labels: LABELS, scope: 'workspace', rows, total: rows.length, inScope: rows.length, totals: [],
    chart: { kind: 'largest', bars: [] }, facets: { entities: [], metrics: [], themes: [], minDate: null, maxDate: null },
    state: { filter: {}, sort: { key: 'baseValue', dir: -1 }, limit: 500 },
  });
  page.post(message([row(0, 'a', null, 1), row(1, 'b', null, 2)]));
  const shown = [...page.tbody.children];
  assert.equal(shown.length, 2);
  const fire = (type: string) => (page.docListeners.listeners.get(type) ?? []).forEach((fn) => fn({ target: null }));
  fire('pointerdown');
  // An index change brings new data between mousedown and mouseup: the rows stay.
  page.post(message([row(0, 'c', null, 3)]));
  assert.deepEqual(page.tbody.children, shown, 'the rows under the pointer are not replaced');
  fire('pointerup');
  await new Promise((r) => setTimeout(r, 5));
  assert.equal(page.tbody.children.length, 1, 'the new data is drawn right after the click');
  assert.ok(page.tbody.textContent.includes('c'));
  // Without a button down, data is drawn at once.
  page.post(message([row(0, 'd', null, 4), row(1, 'e', null, 5)]));
  assert.equal(page.tbody.children.length, 2);
});

test('the dossier page renders hostile text as text only and opens facts by index', () => {
  const page = loadPage(DOSSIER_SCRIPT);
  assert.deepEqual(page.sent, [{ type: 'ready' }]);
  const fact = (index: number, date: string, baseValue: number) => ({
    index, text: `${HOSTILE} ${index}`, others: [HOSTILE], currency: 'CNY', value: 8e10, baseValue, approximate: false, per: null, period: '2025', date,
    source: `Broker ${HOSTILE}`, party: null, role: 'subject' as const, file: `<b>${index}</b>.digest`, line: 1,
  });
  const labels = Object.fromEntries(['names', 'tickers', 'counts', 'total', 'noTotal', 'conflicts', 'stated', 'empty', 'timeline', 'noRate', 'openTable'].map((k) => [k, `${k} ${HOSTILE}`]));
  const message: DossierMessage = {
    type: 'dossier',
    locale: 'zh-cn',
    baseCurrency: 'USD',
    labels: labels as unknown as DossierMessage['labels'],
    entity: { id: 'evil', name: `Evil ${HOSTILE}`, kind: 'company', names: [HOSTILE], tickers: ['<i>X</i>'] },
    groups: [{ metric: 'capex', label: `资本开支 ${HOSTILE}`, count: 2, total: { value: 2e10, count: 2 }, facts: [fact(0, '2025-11-02', 1.1e10), fact(1, '2026-01-14', 1.25e10)] }],
    stated: [],
    conflicts: [{ metric: 'capex', label: `资本开支 ${HOSTILE}`, period: '2025', a: fact(2, '2025-11-02', 1.1e10), b: fact(3, '2026-01-14', 1.25e10) }],
  };
  page.post(message);
  const root = page.byId.get('facts')!;
  assert.ok(root.textContent.includes(`${HOSTILE} 0`) && root.textContent.includes('<b>1</b>.digest:1'));
  assert.ok(page.byId.get('title')!.textContent.includes(HOSTILE));
  // The metric is shown by its label in the user's language (as text), and asked for by its id.
  assert.ok(root.textContent.includes(`资本开支 ${HOSTILE} (2)`), 'the metric heading shows its label');
  assert.ok(page.created.some((n) => n.tagName === 'polyline'), 'a timeline of the metric');
  assert.equal(page.created.filter((n) => n.tagName === 'circle').length, 2);
  checkCreated(page.created);
  const click = (attrs: Record<string, string>) => {
    const target = { closest: (sel: string) => (sel === '[data-metric]' ? (attrs['data-metric'] ? { getAttribute: (n: string) => attrs[n] } : null) : { getAttribute: (n: string) => attrs[n] ?? null }) };
    for (const fn of page.docListeners.listeners.get('click') ?? []) fn({ target });
  };
  click({ 'data-index': '1' });
  assert.deepEqual(page.sent[1], { type: 'open', index: 1 });
  click({ 'data-metric': 'capex' });
  assert.deepEqual(page.sent[2], { type: 'table', metric: 'capex' });
});
