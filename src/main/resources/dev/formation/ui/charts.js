// formation ui: small DOM helpers, and the charts (uPlot, from the jar's webjar).
'use strict';
(function () {
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => { if (v !== undefined && v !== null) node.setAttribute(k, v); });
    if (children === undefined || children === null) return node;
    (Array.isArray(children) ? children : [children]).forEach((c) =>
      node.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return node;
  }

  function diff(pre, text) {
    pre.replaceChildren(...text.split('\n').map((line) => {
      const cls = line.startsWith('+') && !line.startsWith('+++') ? 'diff-add'
        : line.startsWith('-') && !line.startsWith('---') ? 'diff-del' : null;
      return el('span', cls ? { class: cls } : {}, line + '\n');
    }));
  }

  window.FormationDom = { el, diff };

  function colour(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
  }

  function axes() {
    const fg = colour('--muted');
    const grid = { stroke: colour('--line'), width: 1 };
    return [{ stroke: fg, grid, ticks: grid }, { stroke: fg, grid, ticks: grid }];
  }

  function width(container) {
    return Math.max(260, Math.floor(container.clientWidth || 600));
  }

  // one uPlot per container: drawn again with new data, made again when its series change
  const plots = new Map();
  function draw(container, id, opts, data) {
    const shape = JSON.stringify(opts.series.map((s) => s.label || ''));
    const known = plots.get(id);
    if (known && known.shape === shape && known.root === container.firstChild) {
      known.plot.setData(data);
      return;
    }
    if (known) known.plot.destroy();
    container.replaceChildren();
    opts.width = width(container);
    opts.height = 220;
    opts.axes = axes();
    const plot = new uPlot(opts, data, container);
    plots.set(id, { plot, shape, root: container.firstChild });
  }

  window.addEventListener('resize', () => plots.forEach(({ plot }) => {
    const container = plot.root.parentNode;
    if (container) plot.setSize({ width: width(container), height: 220 });
  }));

  const palette = ['--s1', '--s2', '--s3', '--s4', '--s5', '--s6'];

  function week(container, w) {
    const series = [{}].concat(w.series.map((s, i) => ({
      label: s.label,
      stroke: colour(palette[Math.floor(i) % palette.length]),
      width: 2,
      dash: s.label.endsWith('(band max)') ? [6, 4] : undefined,
      paths: uPlot.paths.stepped({ align: 1 }),
      value: (u, v) => (v === null || v === undefined ? '—' : v + ' dynos'),
    })));
    const opts = {
      title: w.app + ': dynos by process type, ' + w.zone,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), w.zone),
      scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max + 1)] } },
      series,
    };
    draw(container, 'week-' + w.app, opts, [w.x].concat(w.series.map((s) => s.values)));
  }

  function weeks(list) {
    const section = document.getElementById('weeks');
    section.hidden = list.length === 0;
    const holder = document.getElementById('week-list');
    const names = list.map((w) => w.app);
    Array.from(holder.children).forEach((c) => { if (!names.includes(c.dataset.app)) c.remove(); });
    list.forEach((w) => {
      let card = holder.querySelector('[data-app="' + CSS.escape(w.app) + '"]');
      if (!card) {
        card = el('article', { class: 'card', 'data-app': w.app }, [
          el('h3', {}, [w.app, el('span', { class: 'badge' }, w.zone)]),
          el('p', { class: 'meta week-cost' }),
          el('div', { class: 'chart week-chart', role: 'img' }),
          el('ul', { class: 'week-types' })]);
        holder.append(card);
      }
      card.querySelector('.week-cost').textContent = 'Monthly estimate, windows weighted by the'
        + ' hours they are in force: ' + w.cost;
      const chart = card.querySelector('.week-chart');
      chart.setAttribute('aria-label', 'dynos of ' + w.series.map((s) => s.label).join(', ')
        + ' in ' + w.app + ' from Monday to Sunday');
      week(chart, w);
      card.querySelector('.week-types').replaceChildren(...w.types.map((t) => el('li', {},
        t.type + ' (' + t.size + '): ' + t.cost + '/mo' + t.windows.map((x) =>
          '; window ' + x.name + ' ' + x.when + ' (' + x.percent + '% of the week)').join(''))));
    });
  }

  function line(container, id, title, x, values, label, unit) {
    const opts = {
      title,
      scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, (max || 0) * 1.2)] } },
      series: [{}, { label, stroke: colour('--s1'), width: 2, spanGaps: false,
        points: { show: true, size: 5 },
        value: (u, v) => (v === null || v === undefined ? '—' : v + ' ' + unit) }],
    };
    draw(container, id, opts, [x, values]);
  }

  window.FormationCharts = { weeks, line, plots };
}());
