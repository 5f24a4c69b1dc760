// The phases panel: each phase's speed-up, wall time against summed work, and its waits by kind.
(function (viewer) {
  'use strict';
  var $ = viewer.$, el = viewer.el, clear = viewer.clear, Fmt = viewer.Fmt, Colors = viewer.Colors;
  var stackBar = viewer.stackBar;

  function renderPhases(m, timeline) {
    var panel = $('phases-panel'), box = $('phases');
    clear(box);
    panel.hidden = !m.phases.length;
    var scale = 1;
    m.phases.forEach(function (p) { scale = Math.max(scale, p.wall, p.work); });
    // log-ish widths would hide the lesson: one linear scale, with a floor so tiny bars still show
    function width(v) { return Math.max(v > 0 ? 1.5 : 0, 100 * v / scale) + '%'; }
    m.phases.forEach(function (p) {
      var kinds = Object.keys(p.waitByKind || {});
      var waitTotal = 0;
      kinds.forEach(function (k) { waitTotal += p.waitByKind[k]; });
      box.appendChild(el('div', { class: 'phase', role: 'button', tabindex: '0', title: 'Zoom the timeline to this phase',
        onclick: function () { timeline.zoomTo(p.start, p.end, true); },
        onkeydown: function (ev) { if (ev.key === 'Enter') timeline.zoomTo(p.start, p.end, true); } }, [
        el('div', { class: 'p-name', text: p.name, title: p.name }),
        el('div', { class: 'p-method', text: p.method || '', title: p.method || '' }),
        el('div', { class: 'p-speed' }, [Fmt.speed(p.speedUp), el('small', { text: ' speed-up' })]),
        el('div', { class: 'bars' }, [
          el('span', { class: 'k', text: 'wall' }), el('div', { class: 'track' }, [el('span', { style: { width: width(p.wall), background: '#8b94a3' } })]), el('span', { class: 'v', text: Fmt.dur(p.wall) }),
          el('span', { class: 'k', text: 'work' }), el('div', { class: 'track' }, [el('span', { style: { width: width(p.work), background: Colors.kind('workload') } })]), el('span', { class: 'v', text: Fmt.dur(p.work) })
        ]),
        el('div', { class: 'p-foot', text: Fmt.plural(p.threads, 'thread') + ' working \u00b7 ' + Fmt.pct(p.waitShare) + ' of their time waiting' }),
        stackBar(kinds.map(function (k) { return { label: k, value: p.waitByKind[k], color: Colors.kind(k) }; }), waitTotal),
        el('div', { class: 'kindlist' }, kinds.slice(0, 4).map(function (k) {
          return el('span', null, [el('span', { class: 'swatch', style: { background: Colors.kind(k) } }), k + ' ' + Fmt.dur(p.waitByKind[k])]);
        }))
      ]));
    });
  }

  viewer.renderPhases = renderPhases;
}(viewer));
