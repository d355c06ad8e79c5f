// @ts-check
/**
 * The dossier page (loaded with a nonce under a strict Content-Security-Policy). It receives
 * a `dossier` message and draws: the entity's names and tickers, the notes that disagree,
 * then per metric a timeline (SVG: one dot per fact at its note's date, in the base currency)
 * and the facts by date, each opening its sentence; then what the entity states as a source.
 * Document text goes in through textContent and SVG text nodes only.
 */
(function () {
  'use strict';
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const SVG = 'http://www.w3.org/2000/svg';
  /** @type {any} */
  let data = null;

  /** @param {string} tag @param {string} [cls] @param {string} [text] */
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function svg(tag, attrs) {
    const e = document.createElementNS(SVG, tag);
    for (const k of Object.keys(attrs || {})) e.setAttribute(k, String(attrs[k]));
    return e;
  }
  function amount(value, currency) {
    if (typeof value !== 'number' || !isFinite(value)) return '';
    let f;
    try {
      f = new Intl.NumberFormat(data.locale, { notation: 'compact', maximumSignificantDigits: 4 });
    } catch {
      f = new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 4 });
    }
    return f.format(value) + ' ' + currency;
  }

  /** One fact as a list item: date, figure (and its restatements), value in base, period, party, source, file. */
  function factItem(f) {
    const li = el('li', 'fact');
    li.tabIndex = 0;
    li.dataset.index = String(f.index);
    li.appendChild(el('span', 'date', f.date || '—'));
    li.appendChild(el('span', 'text' + (f.approximate ? ' approximate' : ''), f.text));
    for (const o of f.others) li.appendChild(el('span', 'also', o));
    const base = f.baseValue === null ? data.labels.noRate : amount(f.baseValue, data.baseCurrency) + (f.per ? ' / ' + f.per : '');
    li.appendChild(el('span', 'base', base));
    if (f.period) li.appendChild(el('span', 'tag', f.period));
    if (f.party) li.appendChild(el('span', 'party', f.party));
    if (f.source) li.appendChild(el('span', 'source', f.source));
    li.appendChild(el('span', 'file', f.file + ':' + f.line));
    return li;
  }

  /** A timeline: x the note date, y the value in the base currency; dots open their fact. */
  function timeline(facts) {
    const points = facts.filter((f) => f.date && typeof f.baseValue === 'number' && isFinite(f.baseValue));
    if (points.length === 0) return null;
    const W = 420;
    const H = 120;
    const left = 78;
    const bottom = 22;
    const times = points.map((f) => Date.parse(f.date));
    const t0 = Math.min(...times);
    const t1 = Math.max(...times);
    const max = Math.max(...points.map((f) => f.baseValue), 0);
    const min = Math.min(...points.map((f) => f.baseValue), 0);
    const x = (t) => (t1 === t0 ? left + (W - left - 20) / 2 : left + ((t - t0) / (t1 - t0)) * (W - left - 20));
    const y = (v) => (max === min ? H / 2 : 8 + (1 - (v - min) / (max - min)) * (H - bottom - 16));
    const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': data.labels.timeline });
    root.classList.add('timeline');
    root.appendChild(svg('line', { x1: left, y1: H - bottom, x2: W - 10, y2: H - bottom, class: 'axis' }));
    const top = svg('text', { x: left - 6, y: 16, 'text-anchor': 'end', class: 'tick' });
    top.textContent = amount(max, data.baseCurrency);
    root.appendChild(top);
    const first = svg('text', { x: left, y: H - 6, class: 'tick' });
    first.textContent = points.length ? new Date(t0).toISOString().slice(0, 10) : '';
    root.appendChild(first);
    if (t1 !== t0) {
      const last = svg('text', { x: W - 10, y: H - 6, 'text-anchor': 'end', class: 'tick' });
      last.textContent = new Date(t1).toISOString().slice(0, 10);
      root.appendChild(last);
    }
    const sorted = points.slice().sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
    if (sorted.length > 1) root.appendChild(svg('polyline', { points: sorted.map((f) => x(Date.parse(f.date)) + ',' + y(f.baseValue)).join(' '), class: 'line' }));
    for (const f of sorted) {
      const g = svg('g', { tabindex: 0 });
      g.classList.add('point');
      g.dataset.index = String(f.index);
      const c = svg('circle', { cx: x(Date.parse(f.date)), cy: y(f.baseValue), r: 4 });
      const tip = svg('title', {});
      tip.textContent = f.date + ' · ' + f.text + ' · ' + amount(f.baseValue, data.baseCurrency);
      g.append(tip, c);
      root.appendChild(g);
    }
    return root;
  }

  function render() {
    const L = data.labels;
    const e = data.entity;
    /** @type {any} */ (document.getElementById('title')).textContent = e.name;
    /** @type {any} */ (document.getElementById('summary')).textContent = e.kind + ' · ' + L.counts;
    const root = /** @type {any} */ (document.getElementById('facts'));
    root.replaceChildren();
    const about = el('p', 'names');
    about.textContent = L.names + ': ' + e.names.slice(0, 12).join(' · ') + (e.tickers.length ? '   ' + L.tickers + ': ' + e.tickers.join(' · ') : '');
    root.appendChild(about);
    const empty = /** @type {any} */ (document.getElementById('empty'));
    const count = data.groups.reduce((n, g) => n + g.facts.length, 0);
    empty.textContent = L.empty;
    empty.hidden = count > 0 || data.stated.length > 0;

    if (data.conflicts.length) {
      const sec = el('section', 'conflicts');
      sec.appendChild(el('h2', '', L.conflicts + ' (' + data.conflicts.length + ')'));
      const ul = el('ul', 'facts');
      for (const c of data.conflicts) {
        const li = el('li', 'conflict');
        li.appendChild(el('span', 'tag', (c.label || c.metric) + ' ' + c.period));
        const a = factItem(c.a);
        const b = factItem(c.b);
        li.append(a, el('span', 'vs', '≠'), b);
        ul.appendChild(li);
      }
      sec.appendChild(ul);
      root.appendChild(sec);
    }

    for (const g of data.groups) {
      const sec = el('section', 'metric');
      const h = el('h2', '', (g.label || g.metric) + ' (' + (g.count > g.facts.length ? g.facts.length + ' / ' + g.count : g.count) + ')');
      const open = el('button', 'link', L.openTable);
      open.dataset.metric = g.metric;
      h.appendChild(open);
      sec.appendChild(h);
      sec.appendChild(el('p', 'total', g.total ? L.total + ': ' + amount(g.total.value, data.baseCurrency) + ' (' + g.total.count + ')' : L.noTotal));
      const chart = timeline(g.facts);
      if (chart) sec.appendChild(chart);
      const ul = el('ul', 'facts');
      for (const f of g.facts) ul.appendChild(factItem(f));
      sec.appendChild(ul);
      root.appendChild(sec);
    }

    if (data.stated.length) {
      const sec = el('section', 'stated');
      sec.appendChild(el('h2', '', L.stated + ' (' + data.stated.length + ')'));
      const ul = el('ul', 'facts');
      for (const f of data.stated) ul.appendChild(factItem(f));
      sec.appendChild(ul);
      root.appendChild(sec);
    }
  }

  function activate(target) {
    if (!target || !target.closest) return;
    const button = target.closest('[data-metric]');
    if (button) {
      vscode.postMessage({ type: 'table', metric: button.getAttribute('data-metric') });
      return;
    }
    const holder = target.closest('[data-index]');
    if (!holder) return;
    const index = Number(holder.getAttribute('data-index'));
    if (Number.isInteger(index)) vscode.postMessage({ type: 'open', index });
  }
  document.addEventListener('click', (e) => activate(e.target));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') activate(e.target);
  });
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || m.type !== 'dossier' || !Array.isArray(m.groups)) return;
    data = m;
    render();
  });
  vscode.postMessage({ type: 'ready' });
})();
