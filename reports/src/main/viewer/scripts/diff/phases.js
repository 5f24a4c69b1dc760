// The phases table: each phase before -> after with ratios, time blocked by kind, how the two were matched.
(function (viewer) {
  'use strict';
  var $ = viewer.$, el = viewer.el, clear = viewer.clear, Fmt = viewer.Fmt, beforeAfter = viewer.beforeAfter, ms = viewer.diffMs;

  var MATCH = { name: '', order: 'matched by order: the names differ', 'before-only': 'before only', 'after-only': 'after only' };

  function val(f, key) { return f ? f[key] : null; }

  function threads(x) { return x.toFixed(2); }

  function kinds(p) {
    var names = {};
    [p.before, p.after].forEach(function (f) { if (f) Object.keys(f.waitingByKind).forEach(function (k) { names[k] = true; }); });
    return Object.keys(names).map(function (k) {
      var b = p.before ? p.before.waitingByKind[k] || 0 : null, a = p.after ? p.after.waitingByKind[k] || 0 : null;
      return el('span', { class: 'kind' }, [el('span', { class: 'swatch', style: { background: viewer.Colors.kind(k) } }), k + ' ', beforeAfter(b, a, ms, true)]);
    });
  }

  function renderDiffPhases(page) {
    var body = $('diff-phases').tBodies[0], phases = page.diff.phases;
    clear(body);
    $('diff-phases-none').hidden = phases.length > 0;
    phases.forEach(function (p) {
      body.appendChild(el('tr', { 'data-match': p.match }, [
        el('td', { class: 'name', title: p.name }, [p.name, MATCH[p.match] ? el('span', { class: 'match', text: MATCH[p.match] }) : null]),
        el('td', { class: 'r' }, [beforeAfter(val(p.before, 'wallMs'), val(p.after, 'wallMs'), ms, true)]),
        el('td', { class: 'r' }, [beforeAfter(val(p.before, 'workMs'), val(p.after, 'workMs'), ms, null)]),
        el('td', { class: 'r' }, [beforeAfter(val(p.before, 'speedUp'), val(p.after, 'speedUp'), Fmt.speed, false)]),
        el('td', { class: 'r' }, [beforeAfter(val(p.before, 'inFlight'), val(p.after, 'inFlight'), threads, null)]),
        el('td', { class: 'r' }, [beforeAfter(val(p.before, 'waitingMs'), val(p.after, 'waitingMs'), ms, true)]),
        el('td', { class: 'kinds' }, kinds(p))
      ]));
    });
  }

  Object.assign(viewer, { renderDiffPhases });
}(viewer));
