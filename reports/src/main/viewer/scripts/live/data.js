// The live page's data, without the DOM: the report's compact segments decoded per thread, the rows in
// the order the page draws them, the concurrency steps and the wake arrows of the window.
(function (viewer) {
  'use strict';

  var SYSTEM = 64;
  /** Fields per description in the report's descs (see DataWriter): kind first. */
  var DESC_FIELDS = 8;

  /** Per thread of a report's data: {index, name, system, start, end, segs: [[start µs, end µs, kind name], …]}. */
  function decodeThreads(r) {
    var kinds = r.kinds || ['workload'], descs = r.descs || [];
    return (r.threads || []).map(function (t, i) {
      // a lane's fields by position (DataWriter): id, name, flags, parent, start, end, …
      var flat = (r.segs || [])[i] || [], segs = [], s = 0;
      for (var k = 0; k + 2 < flat.length; k += 3) {
        s += flat[k];
        segs.push([s, s + flat[k + 1], kinds[descs[flat[k + 2] * DESC_FIELDS]] || 'wait']);
      }
      return { index: i, name: t[1], system: (t[2] & SYSTEM) !== 0, start: t[4], end: t[5], segs: segs };
    });
  }

  /** The threads to draw: the JDK's own only if asked, the blocked ones first (longest first), then in report order. */
  function liveRows(threads, blocked, showSystem, max) {
    var rank = {};
    blocked.forEach(function (b, i) { if (!(b.thread in rank)) rank[b.thread] = i + 1; });
    var shown = threads.filter(function (t) { return showSystem || !t.system; });
    shown.sort(function (a, b) { return (rank[a.name] || 1e9) - (rank[b.name] || 1e9) || a.index - b.index; });
    return { rows: shown.slice(0, max), more: Math.max(0, shown.length - max), rank: rank };
  }

  /**
   * The application threads alive and running (alive and not waiting) over time, as steps
   * [[time µs, alive, running], …] in time order.
   */
  function liveSteps(threads) {
    var ev = [];
    threads.forEach(function (t) {
      if (t.system) return;
      ev.push([t.start, 1, 1], [t.end, -1, -1]);
      t.segs.forEach(function (s) { if (s[2] !== 'workload') ev.push([s[0], 0, -1], [s[1], 0, 1]); });
    });
    ev.sort(function (a, b) { return a[0] - b[0]; });
    var alive = 0, running = 0, steps = [];
    ev.forEach(function (e) { alive += e[1]; running += e[2]; steps.push([e[0], alive, Math.max(0, running)]); });
    return steps;
  }

  /**
   * The wake arrows ending in the window: [{waker, woken, from µs, to µs}] from the report's wakes
   * (per woken thread: segment delta, waker, time from the wait's end, how).
   */
  function liveArrows(r, threads, t0) {
    var out = [];
    (r.wakes || []).forEach(function (flat, woken) {
      var seg = 0, segs = threads[woken] ? threads[woken].segs : [];
      for (var k = 0; k + 3 < flat.length; k += 4) {
        seg += flat[k];
        var s = segs[seg];
        if (s && s[1] >= t0) out.push({ waker: flat[k + 1], woken: woken, from: s[1] + flat[k + 2], to: s[1] });
      }
    });
    return out;
  }

  Object.assign(viewer, { decodeThreads, liveRows, liveSteps, liveArrows });
}(viewer));
