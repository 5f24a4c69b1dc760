// The timeline: canvas lanes with groups, arrows, zoom, pan, hover and selection. This part puts the
// others together (viewport, drawing, input, details) and holds what a user's action changes:
// the selection, the pinned span, the filter, the folded groups, the critical path's display.
(function (viewer) {
  'use strict';
  var $ = viewer.$, clear = viewer.clear, valueAt = viewer.valueAt, aggregate = viewer.aggregate, groupAgg = viewer.groupAgg;

  function Timeline(m) {
    var v = viewer.View(m), state = v.state, box = v.box, groups = v.groups;
    var onSelect = null, onFilter = null, onSystem = null;
    v.draw = function () { viewer.drawFrame(v); };

    // what input, the details box and the other panels may ask of the timeline
    var c = {};
    c.select = function (i) {
      state.selected = i === undefined || i === null ? -1 : i;
      state.related = state.selected >= 0 ? viewer.relations(m, state.selected) : null;
      viewer.showDetails(v, c);
      v.schedule();
      if (onSelect) onSelect(state.selected);
    };
    c.pin = function (h) {
      if (!h || h.row.type !== 'thread') { c.unpin(); return; }
      state.pinned = h.seg >= 0 ? { thread: h.row.thread, seg: h.seg, hit: { row: h.row, x: h.x, y: h.y, t: h.t, seg: h.seg, gutter: h.gutter } } : null;
      c.select(h.row.thread.index);
    };
    c.unpin = function () { state.pinned = null; viewer.showDetails(v, c); v.schedule(); };
    c.setFilter = function (value) {
      state.filter = String(value || '').trim().toLowerCase();
      if ($('filter').value.trim().toLowerCase() !== state.filter) $('filter').value = value;
      v.relayout();
      if (onFilter) onFilter(state.filter);
    };
    c.toggleGroup = function (key, folded) {
      var g = groups.byKey[key];
      if (!g) return;
      g.folded = folded === undefined ? !g.folded : !!folded;
      v.relayout();
    };
    c.setCritical = function (on) {
      state.critical = !!on;
      $('toggle-critical').checked = state.critical;
      var summary = $('critical-summary');
      summary.hidden = !state.critical;
      if (state.critical) {
        clear(summary);
        summary.appendChild(document.createTextNode(viewer.criticalSummary(m)));
      }
      v.schedule();
    };
    c.setSystem = function (on) {
      state.showSystem = on;
      $('toggle-system').checked = on;
      v.relayout();
      if (onSystem) onSystem(on);
    };
    /** Shows a thread's lane: reveals its group, clears a filter that hides it, scrolls to it and selects it. */
    c.reveal = function (index) {
      var t = m.threads[index];
      if (!t) return;
      if (t.system && !state.showSystem) c.setSystem(true);
      var gi = groups.groupOf[index];
      if (gi >= 0 && groups.list[gi].folded) groups.list[gi].folded = false;
      if (!v.matches(t)) c.setFilter('');
      v.relayout();
      var r = v.rowOfThread[index];
      if (r) {
        box.scrollTop = Math.max(0, r.y - (state.height - v.AXIS_H) / 2);
        state.scrollTop = box.scrollTop;
      }
      state.pinned = null;
      c.select(index);
      $('timeline-panel').scrollIntoView({ behavior: 'smooth', block: 'nearest' });
    };

    viewer.bindPointer(v, c);
    viewer.bindToolbar(v, c);
    viewer.renderLegend(m);

    /**
     * After the first paint: the concurrency curve, then each folded group's counts, each in a task of
     * its own so that the page answers input in between.
     */
    function computeAggregates(done) {
      v.curve = v.appThreads.length ? aggregate(m, v.appThreads) : null;
      v.schedule();
      var pending = groups.list.filter(function (g) { return g.folded && !g.agg; });
      (function next() {
        var g = pending.shift();
        if (!g) { v.aggregatesReady = true; v.schedule(); if (done) done(); return; }
        groupAgg(m, g);
        v.schedule();
        setTimeout(next, 0);
      })();
    }

    v.layout();
    v.resize();
    v.fit();
    v.draw();

    return {
      state: state,
      rows: function () { return v.rows; },
      groups: function () { return groups.list.map(function (g) { return { key: g.key, label: g.label, count: g.members.length, folded: g.folded, system: g.system, virtual: g.virtual }; }); },
      render: v.draw,
      fit: v.fit,
      fitAll: v.fitAll,
      zoom: v.zoom,
      zoomTo: v.zoomTo,
      pan: v.pan,
      reveal: c.reveal,
      select: c.select,
      setFilter: c.setFilter,
      toggleGroup: c.toggleGroup,
      setSystem: c.setSystem,
      setCritical: c.setCritical,
      computeAggregates: computeAggregates,
      aggregatesReady: function () { return v.aggregatesReady; },
      curveAt: function (t) { var curve = v.curve; return curve ? { running: valueAt(curve.running, t), waiting: valueAt(curve.waiting, t), alive: valueAt(curve.alive, t) } : null; },
      onSystemChange: function (f) { onSystem = f; },
      onFilterChange: function (f) { onFilter = f; },
      onSelectChange: function (f) { onSelect = f; },
      hit: function (x, y) { return viewer.hit(v, x, y); },
      describe: function (h) { return h ? viewer.describe(v, h) : null; },
      /** Client coordinates of thread i at time t (µs), or null if its row is not laid out. */
      pointOf: function (i, t) {
        var r = v.rowOfThread[i];
        if (!r) return null;
        var rect = v.canvas.getBoundingClientRect();
        return { x: rect.left + v.X(t), y: rect.top + v.rowMid(r), inView: v.rowMid(r) >= v.AXIS_H && v.rowMid(r) <= state.height };
      },
      /** Client coordinates of a group's name in the gutter, or null if it is not laid out. */
      groupPoint: function (key) {
        for (var i = 0; i < v.rows.length; i++) {
          var r = v.rows[i];
          if (r.type === 'group' && r.group.key === key) { var rect = v.canvas.getBoundingClientRect(); return { x: rect.left + 40, y: rect.top + v.rowMid(r) }; }
        }
        return null;
      },
      scrollToThread: function (i) { var r = v.rowOfThread[i]; if (r) { box.scrollTop = Math.max(0, r.y - 40); state.scrollTop = box.scrollTop; v.draw(); } },
      visibleRange: function () { return { start: state.t0, end: state.t1, unit: 'us' }; },
      activity: v.activity
    };
  }

  Object.assign(viewer, { Timeline });
}(viewer));
