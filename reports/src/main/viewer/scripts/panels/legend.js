// The legend above the lanes: every wait kind present in the report with its colour, then the marks.
(function (viewer) {
  'use strict';
  var $ = viewer.$, el = viewer.el, clear = viewer.clear, Colors = viewer.Colors;

  /** The legend's entries: [label, colour] for the kinds drawn as spans, then for the lines and marks. */
  function legendItems(m) {
    var present = {};
    m.descs.forEach(function (x) { present[x.kind] = true; });
    var spans = [['workload', Colors.kind('workload')], ['nested workload', Colors.nested]];
    m.kinds.forEach(function (k, i) { if (i > 0 && present[i]) spans.push([k, Colors.kind(k)]); });
    spans.push(['alive, neither', Colors.track]);
    var lines = [['started', Colors.start], ['woke', Colors.wake], ['critical path', Colors.critical], ['cut short at exit', Colors.cut]];
    if (m.threads.some(function (t) { return t.pins.length; })) lines.push(['pinned to its carrier', Colors.pinned]);
    return { spans: spans, lines: lines };
  }

  function renderLegend(m) {
    var legend = $('legend'), items = legendItems(m);
    clear(legend);
    items.spans.forEach(function (it) { legend.appendChild(el('span', { 'data-kind': it[0] }, [el('span', { class: 'swatch', style: { background: it[1] } }), it[0]])); });
    items.lines.forEach(function (it) {
      legend.appendChild(el('span', null, [el('span', { class: 'swatch line', style: { background: it[1] } }), it[0]]));
    });
  }

  /** The help's list of kinds, from the report's one list (WaitKinds): name, colour, API and meaning. */
  function renderKindHelp(m) {
    var box = $('help-kinds');
    if (!box) return;
    clear(box);
    (m.d.allKinds || []).forEach(function (k) {
      box.appendChild(el('dt', null, [el('span', { class: 'swatch', style: { background: k.color } }), k.name]));
      box.appendChild(el('dd', { text: k.meaning + (k.api ? ' \u2014 ' + k.api : '') + (k.idle ? ' (not blocked)' : '') }));
    });
  }

  Object.assign(viewer, { renderKindHelp, legendItems, renderLegend });
}(viewer));
