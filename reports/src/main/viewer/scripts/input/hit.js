// What is under the pointer: the row, the time, the span of a lane, or a phase's name in the axis.
(function (viewer) {
  'use strict';
  var passOf = viewer.passOf, upperBound = viewer.upperBound;
  var GUTTER = viewer.SIZE.GUTTER;

  /** The segment of thread t under time tt (±tol µs): a wait first, else the deepest workload. */
  function segmentAt(m, t, tt, tol) {
    for (var p = 1; p >= 0; p--) {
      var pass = passOf(m, t, p);
      if (!pass.n) continue;
      var k = upperBound(pass.starts, tt + tol);
      if (!k) continue;
      // the latest-starting span that still reaches tt - tol: for nested workloads, the deepest
      var q = pass.treeOf().lastAbove(0, k, tt - tol - 1e-9);
      if (q >= 0) return pass.idx[q];
    }
    return -1;
  }

  /** The hit at canvas point (x, y): {row, x, y, t, seg (-1 for none), gutter}, or null off the rows. */
  function hit(v, x, y) {
    var r = v.rowAt(y);
    if (!r) return null;
    var h = { row: r, x: x, y: y, t: v.T(x), seg: -1, gutter: x < GUTTER };
    if (r.type === 'thread' && !h.gutter) {
      var tol = 3 * (v.state.t1 - v.state.t0) / v.plotW();
      h.seg = segmentAt(v.m, r.thread, h.t, tol);
    }
    return h;
  }

  /** The phase whose name chip is under (x, y) in the axis, or null. */
  function phaseAt(v, x, y) {
    var m = v.m;
    if (y >= v.AXIS_H - 22 || y < 0 || x < GUTTER || !m.phases.length) return null;
    var t = v.T(x);
    for (var i = 0; i < m.phases.length; i++) if (m.phases[i].start <= t && t <= m.phases[i].end) return m.phases[i];
    return null;
  }

  Object.assign(viewer, { segmentAt, hit, phaseAt });
}(viewer));
