// formation ui: the local platform's apps, live (dynos, router charts, autoscaler, logs).
'use strict';
(function () {
  const el = window.FormationDom.el;
  let next = 0;

  function uptime(s) {
    if (s === undefined) return '—';
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    return (h ? h + 'h ' : '') + (h || m ? m + 'm ' : '') + (s % 60) + 's';
  }

  function dynos(app) {
    return el('div', { class: 'table-wrap' }, [el('table', {}, [
      el('caption', { class: 'meta' }, 'dynos of ' + app.name),
      el('thead', {}, [el('tr', {}, ['dyno', 'state', 'pid', 'uptime', 'restarts']
        .map((h) => el('th', { scope: 'col' }, h)))]),
      el('tbody', {}, app.dynos.map((d) => el('tr', {}, [
        el('th', { scope: 'row' }, d.name),
        el('td', {}, d.state + (d.problem ? ' (' + d.problem + ')' : '')),
        el('td', {}, d.pid === undefined ? '—' : String(d.pid)),
        el('td', {}, uptime(d.uptime_s)),
        el('td', {}, String(d.restarts))])))])]);
  }

  function decisions(app) {
    if (!app.autoscale) return el('p', { class: 'meta' }, 'No autoscaler on this app.');
    const a = app.autoscale;
    const list = (a.decisions || []).slice(-20).reverse().map((d) => el('li', {},
      d.at + ': ' + d.from + ' → ' + d.to + ' dynos at p95 ' + d.p95_ms + ' ms (' + d.reason + ')'));
    return el('div', {}, [el('p', { class: 'meta' }, 'Autoscaler: ' + a.min + '..' + a.max
      + ' dynos, p95 target ' + a.p95_ms_target + ' ms'),
      list.length ? el('ol', { class: 'decisions' }, list) : el('p', { class: 'meta' }, 'No decisions yet.')]);
  }

  function card(holder, app) {
    let node = holder.querySelector('[data-app="' + CSS.escape(app.name) + '"]');
    if (!node) {
      node = el('article', { class: 'card', 'data-app': app.name }, [
        el('h3', {}, [app.name, el('span', { class: 'badge' }, 'local')]),
        el('p', { class: 'meta router' }), el('div', { class: 'dynos' }),
        el('div', { class: 'charts' }, [
          el('div', { class: 'chart local-chart p95', role: 'img',
            'aria-label': 'router p95 latency of ' + app.name + ' over the last hour' }),
          el('div', { class: 'chart local-chart rate', role: 'img',
            'aria-label': 'router requests per minute of ' + app.name + ' over the last hour' })]),
        el('div', { class: 'autoscale' })]);
      holder.append(node);
    }
    if (!app.registered) {
      node.querySelector('.router').textContent = 'Not registered with the local platform yet:'
        + ' `formation apply` registers it.';
      return;
    }
    const r = app.router;
    const h = app.history;
    node.querySelector('.router').textContent = 'Router on port ' + r.port
      + (r.listening ? '' : ' (not listening)') + ' · last minute: ' + r.requests_last_minute
      + ' requests, p95 ' + (r.p95_ms_last_minute < 0 ? '—' : r.p95_ms_last_minute + ' ms')
      + ' · last hour: ' + h.requests + ' requests, ' + h.errors_5xx + ' 5xx';
    node.querySelector('.dynos').replaceChildren(dynos(app));
    node.querySelector('.autoscale').replaceChildren(decisions(app));
    window.FormationCharts.line(node.querySelector('.p95'), 'p95-' + app.name,
      'p95 latency (ms) of each minute', h.x, h.p95, 'p95', 'ms');
    window.FormationCharts.line(node.querySelector('.rate'), 'rate-' + app.name,
      'requests in each minute (the current one so far)', h.x, h.rate, 'requests', '/min');
  }

  function logs(lines) {
    if (!lines.length) return;
    const pre = document.getElementById('logs');
    const atEnd = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
    lines.forEach((l) => pre.append(document.createTextNode(l.app + ' | ' + l.line + '\n')));
    while (pre.childNodes.length > 400) pre.firstChild.remove();
    if (atEnd) pre.scrollTop = pre.scrollHeight;
  }

  async function refresh() {
    try {
      const r = await fetch('/api/local?after=' + next, { credentials: 'same-origin' });
      if (!r.ok) return;
      const state = await r.json();
      const section = document.getElementById('local');
      section.hidden = !state.any;
      if (!state.any) return;
      document.getElementById('local-problem').textContent = state.problem || '';
      const holder = document.getElementById('local-list');
      state.apps.forEach((a) => card(holder, a));
      logs(state.logs);
      next = state.next;
    } catch (e) {
      document.getElementById('local-problem').textContent = 'cannot read: ' + e.message;
    }
  }

  window.FormationLocal = { start: () => { refresh(); setInterval(refresh, 3000); } };
}());
