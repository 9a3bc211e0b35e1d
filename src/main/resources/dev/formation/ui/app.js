// formation ui: the overview, the controls that edit the file, and the change they make.
'use strict';
(function () {
  const csrf = document.querySelector('meta[name=csrf]').content;
  const el = window.FormationDom.el;
  const pending = new Map();
  // each control's last refusal, kept across redraws of the overview
  const refusals = new Map();
  let lastUndo = null;

  function key(app, type) { return app + '--' + type; }

  function declared(p) {
    if (!p.managed) return 'not in the file';
    const count = p.autoscale ? 'autoscale ' + p.autoscale : '×' + p.quantity;
    return p.size + ' ' + count;
  }

  function live(p) {
    if (p.live_quantity === undefined) return '—';
    return p.live_size + ' ×' + p.live_quantity
      + (p.live_autoscale ? ', autoscale ' + p.live_autoscale : '');
  }

  function controls(app, p) {
    const k = key(app.name, p.type);
    const qty = el('input', { id: 'q-' + k, type: 'number', min: '0', max: String(p.max),
      step: '1', value: String(p.file_quantity), 'data-app': app.name, 'data-type': p.type });
    qty.addEventListener('input', () => later(qty, () => {
      // a field being retyped (empty, or not a count yet) edits nothing
      if (qty.value === '' || !qty.validity.valid) { delete qty.dataset.dirty; return; }
      send(qty, { quantity: Number(qty.value) });
    }));
    const size = el('select', { id: 's-' + k, 'data-app': app.name, 'data-type': p.type },
      p.sizes.map((s) => el('option', { value: s }, s)));
    size.value = p.file_size;
    size.addEventListener('change', () => send(size, { size: size.value }));
    return el('div', { class: 'controls' }, [
      el('label', { for: 'q-' + k }, 'quantity of ' + p.type + ' in ' + app.name), qty,
      el('label', { for: 's-' + k }, 'size of ' + p.type + ' in ' + app.name), size,
      el('p', { class: 'refusal', id: 'r-' + k, role: 'alert' }, refusals.get(k) || ''),
    ]);
  }

  // a number field fires at each arrow key: the file is edited once the keys rest
  function later(control, action) {
    clearTimeout(pending.get(control.id));
    control.dataset.dirty = '1';
    pending.set(control.id, setTimeout(() => { pending.delete(control.id); action(); }, 600));
  }

  function row(app, p) {
    const cells = [
      el('th', { scope: 'row' }, p.type),
      el('td', { 'data-label': 'declared' }, declared(p)),
      el('td', { 'data-label': 'window' }, p.scheduled ? (p.window || 'base') : '—'),
      el('td', { 'data-label': 'live' }, live(p)),
      el('td', { 'data-label': 'drift', class: 'drift-' + (p.drift || 'unknown').replace(' ', '-') },
        [p.drift || 'unknown'].concat((p.drift_items || []).map((d) => el('div', { class: 'meta' }, d)))),
      el('td', { 'data-label': 'shape' }, p.managed ? [controls(app, p)] : '—'),
    ];
    return el('tr', { 'data-key': key(app.name, p.type) }, cells);
  }

  function card(app) {
    const head = el('h3', {}, [app.name, el('span', { class: 'badge' }, app.platform),
      el('span', { class: 'badge' }, app.file || '')]);
    const cost = el('p', { class: 'meta' }, 'declared ' + app.declared_cost + '/mo · live '
      + (app.live_cost ? app.live_cost + '/mo' : 'unknown (not read)'));
    const problems = app.errors.concat(app.drift.map((d) => ({ message: d })))
      .map((d) => el('p', { class: 'error' }, (d.code ? d.code + ': ' : '') + d.message
        + (d.hint ? ' (' + d.hint + ')' : '')));
    const table = el('table', { class: 'processes' }, [
      el('caption', { class: 'meta' }, 'process types of ' + app.name),
      el('thead', {}, [el('tr', {}, ['type', 'declared now', 'window', 'live', 'drift', 'shape']
        .map((h) => el('th', { scope: 'col' }, h)))]),
      el('tbody', {}, app.processes.map((p) => row(app, p)))]);
    return el('article', { class: 'card', 'data-app': app.name },
      [head, cost].concat(problems, [el('div', { class: 'table-wrap' }, [table])]));
  }

  // the overview is built again only when it changed, keeping the focus and what is being typed
  let shown = '';
  function renderOverview(state) {
    const text = JSON.stringify({ a: state.apps, d: state.diagnostics });
    if (text === shown) return;
    const active = document.activeElement;
    if (active && active.dataset && active.dataset.dirty) return;
    shown = text;
    const focused = active && active.id;
    const diags = document.getElementById('diagnostics');
    diags.replaceChildren(...state.diagnostics.map((d) =>
      el('p', { class: d.severity === 'error' ? 'error' : 'meta' },
        (d.at ? d.at + ': ' : '') + d.code + ': ' + d.message)));
    document.getElementById('apps').replaceChildren(...state.apps.map(card));
    if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
  }

  async function post(path, body) {
    const r = await fetch(path, { method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Formation-CSRF': csrf },
      body: JSON.stringify(body) });
    if (!r.ok) throw new Error(path + ': ' + r.status + ' ' + (await r.text()));
    return r.json();
  }

  async function send(control, change) {
    const app = control.dataset.app;
    const type = control.dataset.type;
    const k = key(app, type);
    control.setAttribute('aria-busy', 'true');
    try {
      const answer = await post('/api/scale', Object.assign({ app, type }, change));
      refusals.set(k, answer.refused ? messages(answer.diagnostics) : '');
      if (answer.changed) showChange(answer);
    } catch (e) {
      refusals.set(k, String(e.message || e));
    } finally {
      const refusal = document.getElementById('r-' + k);
      if (refusal) refusal.textContent = refusals.get(k);
      control.removeAttribute('aria-busy');
      delete control.dataset.dirty;
      shown = '';
      refresh();
    }
  }

  function messages(diags) {
    return diags.filter((d) => d.severity === 'error')
      .map((d) => (d.code ? d.code + ': ' : '') + d.message + (d.hint ? ' (' + d.hint + ')' : ''))
      .join(' ');
  }

  function showChange(answer) {
    document.getElementById('change').hidden = false;
    document.getElementById('change-edits').replaceChildren(
      ...(answer.edited || []).map((e) => el('li', {}, e)));
    document.getElementById('change-problems').textContent = '';
    const plan = answer.plan;
    document.getElementById('change-cost').textContent = plan
      ? 'Monthly cost ' + plan.before + ' → ' + plan.after + ' (' + plan.delta + ')' : '';
    document.getElementById('change-plan').textContent = plan ? planText(plan) : '';
    window.FormationDom.diff(document.getElementById('change-diff'), answer.diff || '');
    document.getElementById('change-next').textContent = answer.next || '';
    lastUndo = answer.undo || null;
    document.getElementById('undo').hidden = !lastUndo;
  }

  function planText(plan) {
    const lines = [];
    plan.apps.filter((a) => a.changes.length || a.errors.length).forEach((a) => {
      lines.push(a.app + '   ' + a.before + ' → ' + a.after + '/mo (' + a.delta + ')');
      a.changes.forEach((c) => lines.push('  ' + c));
      a.errors.forEach((e) => lines.push('  ' + e.code + ': ' + e.message));
    });
    lines.push('', plan.summary);
    return lines.join('\n');
  }

  document.getElementById('undo').addEventListener('click', async () => {
    if (!lastUndo) return;
    try {
      const answer = await post('/api/undo', { undo: lastUndo });
      if (answer.refused) {
        document.getElementById('change-problems').textContent = messages(answer.diagnostics);
      } else {
        showChange(answer);
        document.getElementById('change-edits').replaceChildren(el('li', {}, 'undone: '
          + answer.file + ' is as it was before the edit'));
      }
    } catch (e) {
      document.getElementById('change-problems').textContent = String(e.message || e);
    }
    shown = '';
    refresh();
  });

  async function refresh() {
    try {
      const r = await fetch('/api/state', { credentials: 'same-origin' });
      if (!r.ok) throw new Error('the server answered ' + r.status);
      const state = await r.json();
      renderOverview(state);
      window.FormationCharts.weeks(state.weeks);
      document.getElementById('status').textContent = state.read_at
        ? 'live state read ' + new Date(state.read_at).toLocaleTimeString() : 'the files have errors';
    } catch (e) {
      document.getElementById('status').textContent = 'cannot reach formation ui: ' + e.message;
    }
  }

  refresh();
  setInterval(refresh, 3000);
  window.FormationLocal.start();
}());
