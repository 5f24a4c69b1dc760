// The phases panel: one card per phase group (the calls of one method): wall time (xcount, spread),
// threads in flight and running, and where they were blocked; a group of many unfolds on demand.
(function (viewer) {
  'use strict';
  var $ = viewer.$, el = viewer.el, clear = viewer.clear, Fmt = viewer.Fmt, Colors = viewer.Colors;
  var stackBar = viewer.stackBar;

  /** Shows at most this many phases of one group when it is unfolded. */
  var UNFOLD = 50;

  function kindsOf(byKind) {
    var kinds = Object.keys(byKind || {}), total = 0;
    kinds.forEach(function (k) { total += byKind[k]; });
    kinds.sort(function (a, b) { return byKind[b] - byKind[a]; });
    return { kinds: kinds, total: total };
  }

  /** A group's blocked time by kind, summed over its phases. */
  function groupKinds(m, gi) {
    var byKind = {};
    m.phases.forEach(function (p) {
      if (p.group !== gi) return;
      Object.keys(p.blockedByKind || {}).forEach(function (k) { byKind[k] = (byKind[k] || 0) + p.blockedByKind[k]; });
    });
    return byKind;
  }

  function levels(x) {
    return el('div', { class: 'p-speed' }, [
      (x.inFlight || 0).toFixed(1), el('small', { text: ' in flight \u00b7 ' }),
      (x.running || 0).toFixed(1), el('small', { text: ' running' })
    ]);
  }

  function renderPhases(m, timeline) {
    var panel = $('phases-panel'), box = $('phases');
    clear(box);
    var groups = m.phaseGroups.length ? m.phaseGroups : m.phases.map(function (p, i) {
      return { name: p.name, method: p.method, count: 1, start: p.start, wall: p.wall, min: p.wall, median: p.wall,
        max: p.wall, inFlight: p.inFlight, inFlightPeak: p.inFlightPeak, running: p.running, runningPeak: p.runningPeak,
        blocked: p.blocked, blockedShare: p.blockedShare, idle: p.idle, single: i };
    });
    panel.hidden = !groups.length;
    var scale = 1;
    groups.forEach(function (g) { scale = Math.max(scale, g.wall); });
    // one linear scale, with a floor so tiny bars still show
    function width(v) { return Math.max(v > 0 ? 1.5 : 0, 100 * v / scale) + '%'; }
    groups.forEach(function (g, gi) {
      var members = m.phases.filter(function (p) { return g.single === undefined ? p.group === gi : p === m.phases[g.single]; });
      var first = members[0] || { start: g.start, end: g.start + g.wall };
      var last = members[members.length - 1] || first;
      var byKind = g.single === undefined ? groupKinds(m, gi) : (first.blockedByKind || {});
      var bk = kindsOf(byKind);
      function zoom() { timeline.zoomTo(first.start, last.end, true); }
      var list = el('div', { class: 'p-members', hidden: true });
      var children = [
        el('div', { class: 'p-name', text: g.name + (g.count > 1 ? ' \u00d7' + Fmt.int(g.count) : ''), title: g.name }),
        el('div', { class: 'p-method', text: g.method || '', title: g.method || '' }),
        levels(g),
        el('div', { class: 'bars' }, [
          el('span', { class: 'k', text: 'wall' }), el('div', { class: 'track' }, [el('span', { style: { width: width(g.wall), background: '#8b94a3' } })]), el('span', { class: 'v', text: Fmt.dur(g.wall) })
        ]),
        el('div', { class: 'p-foot', text: (g.count > 1 ? 'each ' + Fmt.dur(g.min) + ' \u2013 ' + Fmt.dur(g.max) + ', median ' + Fmt.dur(g.median) + ' \u00b7 ' : '')
          + 'peak ' + Fmt.int(g.inFlightPeak || 0) + ' in flight, ' + Fmt.int(g.runningPeak || 0) + ' running \u00b7 '
          + Fmt.pct(g.blockedShare || 0) + ' of their time blocked' + (g.idle ? ' \u00b7 idle ' + Fmt.dur(g.idle) : '') }),
        stackBar(bk.kinds.map(function (k) { return { label: k, value: byKind[k], color: Colors.kind(k) }; }), bk.total),
        el('div', { class: 'kindlist' }, bk.kinds.slice(0, 4).map(function (k) {
          return el('span', null, [el('span', { class: 'swatch', style: { background: Colors.kind(k) } }), k + ' ' + Fmt.dur(byKind[k])]);
        }))
      ];
      if (g.count > 1) {
        children.push(el('button', { class: 'p-unfold', type: 'button', text: 'show the ' + Fmt.int(g.count) + ' calls',
          onclick: function (ev) {
            ev.stopPropagation();
            if (!list.firstChild) {
              members.slice(0, UNFOLD).forEach(function (p) {
                list.appendChild(el('div', { class: 'p-member', role: 'button', tabindex: '0', title: 'Zoom the timeline to this call',
                  onclick: function (e) { e.stopPropagation(); timeline.zoomTo(p.start, p.end, true); } },
                  [Fmt.dur(p.start) + ' \u00b7 ' + Fmt.dur(p.wall) + ' \u00b7 ' + (p.running || 0).toFixed(1) + ' running \u00b7 '
                    + Fmt.pct(p.blockedShare || 0) + ' blocked']));
              });
              if (members.length > UNFOLD) list.appendChild(el('div', { class: 'p-member', text: '\u2026 and ' + Fmt.int(members.length - UNFOLD) + ' more' }));
            }
            list.hidden = !list.hidden;
            ev.target.textContent = list.hidden ? 'show the ' + Fmt.int(g.count) + ' calls' : 'hide the calls';
          } }));
        children.push(list);
      }
      box.appendChild(el('div', { class: 'phase', role: 'button', tabindex: '0', title: 'Zoom the timeline to this phase',
        onclick: zoom, onkeydown: function (ev) { if (ev.key === 'Enter') zoom(); } }, children));
    });
  }

  Object.assign(viewer, { renderPhases });
}(viewer));
