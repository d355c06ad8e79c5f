// @ts-check
/**
 * The figures page (loaded with a nonce under a strict Content-Security-Policy). It receives
 * a `figures` message from the extension and builds a sortable table and a bar chart. All
 * document text goes in through textContent or SVG text nodes, never as HTML; no inline
 * handlers (listeners are attached here), no inline styles (classes from figures.css).
 */
(function () {
  'use strict';
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const SVG = 'http://www.w3.org/2000/svg';

  /** @type {any} */
  let data = null;
  /** Current sort: column key and direction (1 ascending, -1 descending). */
  let sort = { key: 'baseValue', dir: -1 };

  const columns = [
    { key: 'text', label: 'text', numeric: false },
    { key: 'value', label: 'value', numeric: true },
    { key: 'baseValue', label: 'converted', numeric: true },
    { key: 'entity', label: 'entity', numeric: false },
    { key: 'file', label: 'file', numeric: false },
    { key: 'date', label: 'date', numeric: false },
  ];

  /** @param {string} tag @param {string} [cls] @param {string} [text] */
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function numberFormat(locale, options) {
    try {
      return new Intl.NumberFormat(locale, options);
    } catch {
      return new Intl.NumberFormat('en', options);
    }
  }

  /** Compact amount in the page's locale: "1.35万亿" in Chinese, "1.35T" in English. */
  function amount(value, currency) {
    if (typeof value !== 'number' || !isFinite(value)) return '';
    const f = numberFormat(data.locale, { notation: 'compact', maximumSignificantDigits: 4 });
    return f.format(value) + ' ' + currency;
  }

  /** Compares two rows on the current column; empty values always sort last. */
  function compare(a, b) {
    const col = columns.find((c) => c.key === sort.key) || columns[2];
    const x = a[col.key];
    const y = b[col.key];
    const xe = x === null || x === undefined || x === '';
    const ye = y === null || y === undefined || y === '';
    if (xe || ye) return xe && ye ? a.index - b.index : xe ? 1 : -1;
    let d;
    if (col.numeric) d = x - y;
    else d = String(x).localeCompare(String(y), data.locale, { numeric: true });
    if (col.key === 'file' && d === 0) d = a.line - b.line;
    return d * sort.dir || a.index - b.index;
  }

  function renderHeader() {
    const thead = /** @type {HTMLElement} */ (document.querySelector('#figures thead'));
    thead.replaceChildren();
    const tr = el('tr');
    for (const col of columns) {
      const th = el('th', col.numeric ? 'num' : '');
      const button = el('button', 'sort', data.labels[col.label]);
      button.title = data.labels.sortHint;
      if (sort.key === col.key) {
        th.setAttribute('aria-sort', sort.dir > 0 ? 'ascending' : 'descending');
        button.classList.add(sort.dir > 0 ? 'asc' : 'desc');
      }
      button.addEventListener('click', () => {
        sort = sort.key === col.key ? { key: col.key, dir: -sort.dir } : { key: col.key, dir: col.numeric ? -1 : 1 };
        vscode.setState({ sort });
        renderTable();
      });
      th.appendChild(button);
      tr.appendChild(th);
    }
    thead.appendChild(tr);
  }

  function renderTable() {
    renderHeader();
    const tbody = /** @type {HTMLElement} */ (document.querySelector('#figures tbody'));
    tbody.replaceChildren();
    const rows = [...data.rows].sort(compare);
    for (const r of rows) {
      const tr = el('tr', 'row');
      tr.tabIndex = 0;
      tr.dataset.index = String(r.index);
      tr.appendChild(el('td', 'text' + (r.approximate ? ' approximate' : ''), r.text));
      tr.appendChild(el('td', 'num', amount(r.value, r.currency) + (r.per ? ' / ' + r.per : '')));
      const conv = el('td', 'num', r.baseValue === null ? data.labels.noRate : amount(r.baseValue, data.baseCurrency) + (r.per ? ' / ' + r.per : ''));
      if (r.baseValue === null) conv.classList.add('missing');
      tr.appendChild(conv);
      tr.appendChild(el('td', '', r.entity || ''));
      tr.appendChild(el('td', 'file', r.file + ':' + r.line));
      tr.appendChild(el('td', '', r.date || ''));
      tbody.appendChild(tr);
    }
  }

  /** Horizontal bars of the largest figure per entity, drawn as SVG elements. */
  function renderChart() {
    const chart = /** @type {HTMLElement} */ (document.getElementById('chart'));
    chart.replaceChildren();
    const title = /** @type {HTMLElement} */ (document.getElementById('chart-title'));
    title.textContent = data.labels.chartTitle;
    const section = /** @type {HTMLElement} */ (document.getElementById('chart-section'));
    section.hidden = data.bars.length === 0;
    if (!data.bars.length) return;
    const barHeight = 20;
    const gap = 6;
    const labelWidth = 160;
    const width = 640;
    const max = Math.max(...data.bars.map((b) => b.value));
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', `0 0 ${width} ${data.bars.length * (barHeight + gap)}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', data.labels.chartTitle);
    svg.classList.add('chart');
    data.bars.forEach((b, i) => {
      const y = i * (barHeight + gap);
      const g = document.createElementNS(SVG, 'g');
      g.classList.add('bar');
      g.setAttribute('tabindex', '0');
      g.dataset.index = String(b.index);
      const name = document.createElementNS(SVG, 'text');
      name.setAttribute('x', String(labelWidth - 6));
      name.setAttribute('y', String(y + barHeight * 0.7));
      name.setAttribute('text-anchor', 'end');
      name.classList.add('label');
      name.textContent = b.entity.length > 18 ? b.entity.slice(0, 17) + '…' : b.entity;
      const rect = document.createElementNS(SVG, 'rect');
      const w = Math.max(1, ((width - labelWidth - 110) * b.value) / max);
      rect.setAttribute('x', String(labelWidth));
      rect.setAttribute('y', String(y));
      rect.setAttribute('width', String(w));
      rect.setAttribute('height', String(barHeight));
      const value = document.createElementNS(SVG, 'text');
      value.setAttribute('x', String(labelWidth + w + 6));
      value.setAttribute('y', String(y + barHeight * 0.7));
      value.classList.add('value');
      value.textContent = (b.approximate ? '≈ ' : '') + amount(b.value, data.baseCurrency);
      const tip = document.createElementNS(SVG, 'title');
      tip.textContent = b.entity + ': ' + b.text;
      g.append(tip, rect, name, value);
      svg.appendChild(g);
    });
    chart.appendChild(svg);
  }

  function render() {
    /** @type {HTMLElement} */ (document.getElementById('summary')).textContent = data.labels.summary;
    const empty = /** @type {HTMLElement} */ (document.getElementById('empty'));
    empty.textContent = data.labels.empty;
    empty.hidden = data.rows.length > 0;
    /** @type {HTMLElement} */ (document.getElementById('table-section')).hidden = data.rows.length === 0;
    renderChart();
    renderTable();
  }

  /** Rows and bars open their figure in the editor; the extension validates the index. */
  function open(target) {
    const holder = target && target.closest ? target.closest('[data-index]') : null;
    if (!holder) return;
    const index = Number(holder.getAttribute('data-index'));
    if (Number.isInteger(index)) vscode.postMessage({ type: 'open', index });
  }
  document.addEventListener('click', (e) => open(e.target));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') open(e.target);
  });

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || m.type !== 'figures' || !Array.isArray(m.rows)) return;
    data = m;
    render();
  });

  const saved = vscode.getState();
  if (saved && saved.sort && typeof saved.sort.key === 'string') sort = saved.sort;
  vscode.postMessage({ type: 'ready' });
})();
