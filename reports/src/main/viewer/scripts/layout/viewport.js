// The timeline's viewport: the canvas, the time range in view, the vertical scroll, and the mapping
// between time and x, rows and y. Parts that draw or answer input get this object as `v`.
(function (viewer) {
  'use strict';
  var SIZE = viewer.SIZE, GUTTER = SIZE.GUTTER;

  /** The shortest time span the view shows, in µs. */
  var MIN_SPAN = 2;

  /** The application's activity: from its first span or thread start to its last, else the whole recording. */
  function activityOf(m, appThreads) {
    var lo = Infinity, hi = -Infinity;
    appThreads.forEach(function (t) {
      if (t.n) { lo = Math.min(lo, t.starts[0]); hi = Math.max(hi, t.ends[t.n - 1]); }
      if (t.startSeen && t.start > 0) lo = Math.min(lo, t.start);
      if (t.endSeen || t.alive) hi = Math.max(hi, t.end);
    });
    m.phases.forEach(function (p) { lo = Math.min(lo, p.start); hi = Math.max(hi, p.end); });
    for (var i = 0; i < appThreads.length; i++) { var t = appThreads[i]; for (var j = 0; j < Math.min(t.n, 64); j++) hi = Math.max(hi, t.ends[j]); }
    if (!(hi > lo)) return { start: 0, end: m.duration };
    return { start: Math.max(0, lo), end: Math.min(m.duration, hi) };
  }

  /** The view [t0, t1) kept at least MIN_SPAN long and within 5% of the recording's ends. */
  function clampView(t0, t1, duration) {
    var span = Math.max(MIN_SPAN, t1 - t0);
    var pad = duration * 0.05;
    var maxSpan = duration + 2 * pad;
    if (span > maxSpan) span = maxSpan;
    if (t0 < -pad) t0 = -pad;
    if (t0 + span > duration + pad) t0 = duration + pad - span;
    return { t0: t0, t1: t0 + span };
  }

  /** The viewport over model m, drawn by v.draw (which the timeline sets) at most once a frame. */
  function View(m) {
    var $ = viewer.$, canvas = $('canvas'), box = $('lanes'), spacer = $('lanes-spacer');
    var appThreads = m.threads.filter(function (t) { return !t.system; });
    var state = {
      t0: 0, t1: m.duration,
      showSystem: false, showStarts: true, showWakes: true, critical: false,
      filter: '', selected: -1, related: null,
      scrollTop: 0, hover: null, pinned: null,
      width: 0, height: 0,
      drawn: { segments: 0, marks: 0, startArrows: 0, wakeArrows: 0, hiddenArrows: 0, criticalSteps: 0, frames: 0 }
    };
    var v = {
      m: m, canvas: canvas, box: box, ctx: canvas.getContext('2d'), state: state,
      AXIS_H: m.phases.length ? 44 : 26,
      groups: viewer.buildGroups(m),
      appThreads: appThreads,
      sysCount: m.threads.length - appThreads.length,
      activity: activityOf(m, appThreads),
      rows: [], rowOfThread: new Array(m.threads.length), contentHeight: 0,
      curve: null, // the concurrency curve, counted after the first paint
      aggregatesReady: false,
      draw: function () {}
    };
    var frame = 0;

    v.plotW = function () { return Math.max(10, state.width - GUTTER - 12); };
    v.X = function (t) { return GUTTER + (t - state.t0) / (state.t1 - state.t0) * v.plotW(); };
    v.T = function (x) { return state.t0 + (x - GUTTER) / v.plotW() * (state.t1 - state.t0); };
    v.rowTop = function (r) { return v.AXIS_H + r.y - state.scrollTop; };
    v.rowMid = function (r) { return v.rowTop(r) + r.h / 2; };
    v.rowAt = function (y) { return y < v.AXIS_H ? null : viewer.rowAtY(v.rows, y - v.AXIS_H + state.scrollTop); };
    v.matches = function (t) { return viewer.matches(t, state.filter); };

    v.layout = function () {
      var laid = viewer.layoutRows(m, v.groups, { filter: state.filter, showSystem: state.showSystem, curve: appThreads.length > 0 });
      v.rows = laid.rows;
      v.rowOfThread = laid.rowOfThread;
      v.contentHeight = laid.height;
    };

    v.resize = function () {
      var dpr = window.devicePixelRatio || 1;
      var w = Math.max(320, box.clientWidth);
      var maxH = Math.max(260, Math.round(window.innerHeight * 0.74));
      var h = Math.min(maxH, v.AXIS_H + v.contentHeight + 8);
      state.width = w;
      state.height = h;
      canvas.style.height = h + 'px';
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(h * dpr);
      v.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      box.style.height = h + 2 + 'px';
      spacer.style.height = Math.max(0, v.AXIS_H + v.contentHeight + 8 - h) + 'px';
      state.scrollTop = box.scrollTop;
    };

    v.relayout = function () { var keep = box.scrollTop; v.layout(); v.resize(); box.scrollTop = keep; state.scrollTop = box.scrollTop; v.schedule(); };

    v.schedule = function () {
      if (frame) return;
      frame = (window.requestAnimationFrame || function (f) { return setTimeout(f, 16); })(function () { frame = 0; v.draw(); });
    };

    v.setView = function (t0, t1) {
      var view = clampView(t0, t1, m.duration);
      state.t0 = view.t0;
      state.t1 = view.t1;
      v.schedule();
    };
    v.fit = function () { var a = v.activity, s = Math.max(MIN_SPAN, a.end - a.start); v.setView(a.start - s * 0.02, a.end + s * 0.02); };
    v.fitAll = function () { v.setView(-m.duration * 0.01, m.duration * 1.01); };
    v.zoom = function (factor, atX) {
      var x = atX === undefined ? GUTTER + v.plotW() / 2 : atX;
      var t = v.T(x);
      var span = (state.t1 - state.t0) * factor;
      var f = (x - GUTTER) / v.plotW();
      v.setView(t - f * span, t - f * span + span);
    };
    v.pan = function (fraction) {
      var span = state.t1 - state.t0;
      v.setView(state.t0 + span * fraction, state.t1 + span * fraction);
    };
    v.zoomTo = function (start, end, scroll) {
      var span = Math.max(MIN_SPAN, end - start);
      v.setView(start - span * 0.03, end + span * 0.03);
      if (scroll) $('timeline-panel').scrollIntoView({ behavior: 'smooth', block: 'start' });
    };
    return v;
  }

  Object.assign(viewer, { activityOf, clampView, View });
}(viewer));
