// The rows of the timeline, top to bottom: the concurrency curve, then a lane per thread and a row
// per group (folded: one lane of counts; unfolded: a header and its members' lanes), in thread
// order (main first, then by start), the JVM's own threads last when asked for.
(function (viewer) {
  'use strict';

  /** Row heights and the name gutter's width, in CSS pixels. */
  var SIZE = { GUTTER: 240, LANE_H: 22, BAR_H: 14, AGG_H: 40, HEADER_H: 24, CURVE_H: 64 };

  /** Whether thread t's name holds filter (already lower case; empty matches all). */
  function matches(t, filter) { return !filter || t.name.toLowerCase().indexOf(filter) >= 0; }

  /**
   * Lays out the rows for the filter and the showSystem choice: each row gets its y, h and index,
   * and rowOfThread maps a thread to its lane or to the folded group that holds it.
   */
  function layoutRows(m, groups, opts) {
    var rows = [], rowOfThread = new Array(m.threads.length), y = 0;
    function add(r, h) { r.y = y; r.h = h; r.index = rows.length; rows.push(r); y += h; return r; }
    function addGroup(g) {
      var shown = opts.filter ? g.members.filter(function (i) { return matches(m.threads[i], opts.filter); }) : g.members;
      if (!shown.length) return;
      var folded = g.folded && !(opts.filter && shown.length <= 200);
      var r = add({ type: 'group', group: g, folded: folded, shown: shown.length }, folded ? SIZE.AGG_H : SIZE.HEADER_H);
      if (folded) { g.members.forEach(function (i) { rowOfThread[i] = r; }); return; }
      shown.forEach(function (i) { rowOfThread[i] = add({ type: 'thread', thread: m.threads[i], indent: 14, group: g }, SIZE.LANE_H); });
    }
    if (opts.curve) add({ type: 'curve', label: 'Concurrency' }, SIZE.CURVE_H);
    var placed = {};
    m.threads.forEach(function (t) {
      var gi = groups.groupOf[t.index];
      if (gi < 0) {
        if (t.system && !opts.showSystem) return;
        if (matches(t, opts.filter)) rowOfThread[t.index] = add({ type: 'thread', thread: t }, SIZE.LANE_H);
        return;
      }
      var g = groups.list[gi];
      if (placed[g.key] || g.system) return;
      placed[g.key] = true;
      addGroup(g);
    });
    // the JVM's own threads last, when asked for
    groups.list.forEach(function (g) { if (g.system && opts.showSystem) addGroup(g); });
    return { rows: rows, rowOfThread: rowOfThread, height: y };
  }

  /** The row that holds content height cy (0 = top of the first row), or null. */
  function rowAtY(rows, cy) {
    if (cy < 0) return null;
    var lo = 0, hi = rows.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1, r = rows[mid];
      if (cy < r.y) hi = mid - 1; else if (cy >= r.y + r.h) lo = mid + 1; else return r;
    }
    return null;
  }

  /** Threads shown: a lane each, and every member of a folded group. */
  function shownThreadCount(rows) {
    var n = 0;
    rows.forEach(function (r) { if (r.type === 'thread') n++; else if (r.type === 'group' && r.folded) n += r.shown; });
    return n;
  }

  Object.assign(viewer, { SIZE, matches, layoutRows, rowAtY, shownThreadCount });
}(viewer));
