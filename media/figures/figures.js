// @ts-check
/**
 * The figures page (loaded with a nonce under a strict Content-Security-Policy). It receives
 * a `facts` message from the extension and builds the filters, the totals, the chart and the
 * table (one row per fact, the figures restating it in its row). Sorting, filtering and paging
 * are asked of the extension (`query`), which asks the server; copy and export too. All
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

  const columns = [
    { key: 'text', label: 'text', numeric: false },
    { key: 'value', label: 'value', numeric: true },
    { key: 'baseValue', label: 'converted', numeric: true },
    { key: 'subject', label: 'subject', numeric: false },
    { key: 'metric', label: 'metric', numeric: false },
    { key: 'period', label: 'period', numeric: false },
    { key: 'source', label: 'source', numeric: false },
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

  /** @param {string} id */
  function byId(id) {
    return /** @type {any} */ (document.getElementById(id));
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

  /** The display name of a metric in the user's language, from the facets the server labelled. */
  function metricName(id) {
    const facet = data.facets && data.facets.metrics ? data.facets.metrics.find((m) => m.id === id) : null;
    return facet && facet.label ? facet.label : id;
  }

  /** Asks the extension for the facts in a new state. */
  function query(change) {
    const state = Object.assign({}, data.state, change);
    vscode.setState({ sort: state.sort });
    vscode.postMessage({ type: 'query', filter: state.filter, sort: state.sort, limit: state.limit });
  }

  function setFilter(key, value) {
    const filter = Object.assign({}, data.state.filter);
    if (value) filter[key] = value;
    else delete filter[key];
    query({ filter, limit: 500 });
  }

  /** A drop-down of facet values, "all" first. */
  function select(key, allLabel, values) {
    const s = el('select', 'filter');
    s.setAttribute('aria-label', allLabel);
    const all = el('option', '', allLabel);
    all.value = '';
    s.appendChild(all);
    for (const v of values) {
      const o = el('option', '', v.label + ' (' + v.count + ')');
      o.value = v.id;
      if (data.state.filter[key] === v.id) o.selected = true;
      s.appendChild(o);
    }
    // A filter set from elsewhere (a total clicked, the dossier) whose value is not listed.
    if (data.state.filter[key] && !values.some((v) => v.id === data.state.filter[key])) {
      const o = el('option', '', data.state.filter[key]);
      o.value = data.state.filter[key];
      o.selected = true;
      s.appendChild(o);
    }
    s.addEventListener('change', () => setFilter(key, s.value));
    return s;
  }

  function dateInput(key, label) {
    const wrap = el('label', 'date', label + ' ');
    const input = el('input', 'filter');
    input.type = 'date';
    if (data.facets.minDate) input.min = data.facets.minDate;
    if (data.facets.maxDate) input.max = data.facets.maxDate;
    input.value = data.state.filter[key] || '';
    input.addEventListener('change', () => setFilter(key, input.value));
    wrap.appendChild(input);
    return wrap;
  }

  function button(label, cls, onClick) {
    const b = el('button', cls, label);
    b.addEventListener('click', (e) => {
      e.stopPropagation();
      onClick();
    });
    return b;
  }

  function renderToolbar() {
    const bar = byId('toolbar');
    bar.replaceChildren();
    const L = data.labels;
    const filters = el('div', 'filters');
    filters.append(
      select('entityId', L.allEntities, data.facets.entities),
      select('metric', L.allMetrics, data.facets.metrics),
      select('themeId', L.allThemes, data.facets.themes),
      dateInput('from', L.from),
      dateInput('to', L.to),
      button(L.clear, 'secondary clear', () => query({ filter: {}, limit: 500 })),
    );
    const actions = el('div', 'actions');
    actions.append(
      button(L.copyMarkdown, 'secondary copy-markdown', () => vscode.postMessage({ type: 'copy', format: 'markdown' })),
      button(L.copyTsv, 'secondary copy-tsv', () => vscode.postMessage({ type: 'copy', format: 'tsv' })),
    );
    const exp = el('select', 'export');
    exp.setAttribute('aria-label', L.exportLabel);
    const head = el('option', '', L.exportLabel);
    head.value = '';
    exp.appendChild(head);
    const scopes = data.scope === 'file' ? ['file', 'workspace', 'filter'] : ['workspace', 'filter'];
    for (const sc of scopes) {
      const o = el('option', '', sc === 'file' ? L.exportFile : sc === 'workspace' ? L.exportWorkspace : L.exportFilter);
      o.value = sc;
      exp.appendChild(o);
    }
    exp.addEventListener('change', () => {
      if (exp.value) vscode.postMessage({ type: 'export', scope: exp.value });
      exp.value = '';
    });
    actions.appendChild(exp);
    bar.append(filters, actions);
  }

  function renderTotals() {
    const section = byId('totals-section');
    section.hidden = data.totals.length === 0;
    byId('totals-title').textContent = data.labels.totals;
    const tbody = /** @type {any} */ (document.querySelector('#totals tbody'));
    tbody.replaceChildren();
    for (const t of data.totals.slice(0, 50)) {
      const tr = el('tr', 'total');
      tr.tabIndex = 0;
      tr.dataset.total = String(data.totals.indexOf(t));
      tr.append(el('td', '', t.entityName), el('td', '', metricName(t.metric)), el('td', 'num', amount(t.value, data.baseCurrency)), el('td', 'num muted', String(t.count)));
      tbody.appendChild(tr);
    }
  }

  function renderHeader() {
    const thead = /** @type {any} */ (document.querySelector('#figures thead'));
    thead.replaceChildren();
    const tr = el('tr');
    const sort = data.state.sort;
    for (const col of columns) {
      const th = el('th', col.numeric ? 'num' : '');
      const b = el('button', 'sort', data.labels[col.label]);
      b.title = data.labels.sortHint;
      if (sort.key === col.key) {
        th.setAttribute('aria-sort', sort.dir > 0 ? 'ascending' : 'descending');
        b.classList.add(sort.dir > 0 ? 'asc' : 'desc');
      }
      b.addEventListener('click', () => {
        const next = sort.key === col.key ? { key: col.key, dir: -sort.dir } : { key: col.key, dir: col.numeric ? -1 : 1 };
        query({ sort: next });
      });
      th.appendChild(b);
      tr.appendChild(th);
    }
    thead.appendChild(tr);
  }

  function renderTable() {
    renderHeader();
    const tbody = /** @type {any} */ (document.querySelector('#figures tbody'));
    tbody.replaceChildren();
    const L = data.labels;
    for (const r of data.rows) {
      const tr = el('tr', 'row');
      tr.tabIndex = 0;
      tr.dataset.index = String(r.index);
      const text = el('td', 'text');
      const main = el('span', r.approximate ? 'approximate' : '', r.text);
      text.appendChild(main);
      r.others.forEach((o, k) => {
        const also = el('span', 'also', o);
        also.title = L.also;
        also.dataset.index = String(r.index);
        also.dataset.mention = String(k);
        text.appendChild(also);
      });
      tr.appendChild(text);
      tr.appendChild(el('td', 'num', amount(r.value, r.currency) + (r.per ? ' / ' + r.per : '')));
      const conv = el('td', 'num', r.baseValue === null ? L.noRate : amount(r.baseValue, data.baseCurrency) + (r.per ? ' / ' + r.per : ''));
      if (r.baseValue === null) conv.classList.add('missing');
      tr.appendChild(conv);
      const who = r.subject ? (r.counterparty ? r.subject + ' → ' + r.counterparty : r.subject) : r.counterparty ? '→ ' + r.counterparty : '';
      tr.appendChild(el('td', '', who));
      tr.appendChild(el('td', 'muted', r.metric ? metricName(r.metric) : ''));
      tr.appendChild(el('td', '', r.period || ''));
      tr.appendChild(el('td', 'muted', r.source || ''));
      tr.appendChild(el('td', 'file', r.file + ':' + r.line));
      tr.appendChild(el('td', '', r.date || ''));
      tbody.appendChild(tr);
    }
    const more = byId('more');
    more.replaceChildren();
    if (data.rows.length < data.total) {
      more.appendChild(button(L.more + ' (' + data.rows.length + ' / ' + data.total + ')', 'secondary more', () => query({ limit: data.state.limit + 500 })));
    }
  }

  /** Horizontal bars of what is filtered (totals, or the largest facts), drawn as SVG elements. */
  function renderChart() {
    const chart = byId('chart');
    chart.replaceChildren();
    const bars = data.chart.bars;
    byId('chart-title').textContent = data.chart.kind === 'totals' ? data.labels.chartTotals : data.labels.chartLargest;
    byId('chart-section').hidden = bars.length === 0;
    if (!bars.length) return;
    const barHeight = 20;
    const gap = 6;
    const labelWidth = 220;
    const width = 680;
    const max = Math.max(...bars.map((b) => b.value));
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', `0 0 ${width} ${bars.length * (barHeight + gap)}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', byId('chart-title').textContent);
    svg.classList.add('chart');
    bars.forEach((b, i) => {
      const y = i * (barHeight + gap);
      const g = document.createElementNS(SVG, 'g');
      g.classList.add('bar');
      g.setAttribute('tabindex', '0');
      if (b.row >= 0) g.dataset.index = String(b.row);
      else g.dataset.total = String(i);
      const name = document.createElementNS(SVG, 'text');
      name.setAttribute('x', String(labelWidth - 6));
      name.setAttribute('y', String(y + barHeight * 0.7));
      name.setAttribute('text-anchor', 'end');
      name.classList.add('label');
      name.textContent = b.label.length > 30 ? b.label.slice(0, 29) + '…' : b.label;
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
      tip.textContent = b.label;
      g.append(tip, rect, name, value);
      svg.appendChild(g);
    });
    chart.appendChild(svg);
  }

  function render() {
    byId('summary').textContent = data.labels.summary;
    const empty = byId('empty');
    empty.textContent = data.labels.empty;
    empty.hidden = data.rows.length > 0;
    byId('table-section').hidden = data.rows.length === 0;
    renderToolbar();
    renderTotals();
    renderChart();
    renderTable();
  }

  /**
   * Rows and bars open their figure (a restating figure opens itself); a total filters the
   * table to its entity and metric. The extension validates every index.
   */
  function activate(target) {
    const holder = target && target.closest ? target.closest('[data-index],[data-total]') : null;
    if (!holder) return;
    const total = holder.getAttribute('data-total');
    if (total !== null && total !== undefined) {
      const t = data.chart.kind === 'totals' && holder.tagName !== 'TR' && holder.tagName !== 'tr' ? data.chart.bars[Number(total)] : data.totals[Number(total)];
      if (t) query({ filter: Object.assign({}, data.state.filter, { entityId: t.entityId, metric: t.metric }), limit: 500 });
      return;
    }
    const index = Number(holder.getAttribute('data-index'));
    const mention = holder.getAttribute('data-mention');
    if (Number.isInteger(index)) vscode.postMessage({ type: 'open', index, mention: mention === null || mention === undefined ? -1 : Number(mention) });
  }
  document.addEventListener('click', (e) => activate(e.target));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') activate(e.target);
  });

  // New data never redraws the table while a button is down: a row replaced between
  // mousedown and mouseup would get no click, and the user's click would be lost. It is
  // drawn just after the click (pointerup, then the click event, then this timeout).
  let pointerDown = false;
  /** @type {any} */
  let waiting = null;
  const release = () => {
    setTimeout(() => {
      pointerDown = false;
      if (waiting) {
        data = waiting;
        waiting = null;
        render();
      }
    }, 0);
  };
  document.addEventListener('pointerdown', () => (pointerDown = true), true);
  document.addEventListener('pointerup', release, true);
  document.addEventListener('pointercancel', release, true);

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || m.type !== 'facts' || !Array.isArray(m.rows)) return;
    if (pointerDown) {
      waiting = m;
      return;
    }
    data = m;
    render();
  });

  vscode.postMessage({ type: 'ready' });
})();
