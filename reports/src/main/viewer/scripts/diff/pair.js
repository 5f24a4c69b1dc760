// The two timelines, before above after, on one time scale. Each side is drawn by the timeline's own
// lane painters (draw/lanes.js) through a small viewport of its own; zoom and pan move both sides.
(function (viewer) {
  'use strict';
  var $ = viewer.$, Colors = viewer.Colors, Fmt = viewer.Fmt, niceStep = viewer.niceStep, ellipsize = viewer.ellipsize;
  var GUTTER = viewer.SIZE.GUTTER;
  var AXIS_H = 24, NOTE_H = 20, MAX_ROWS = 60, MIN_SPAN = 2;
  var FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
  var BOLD = '600 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

  /** One side: a model on a canvas, its rows, and time <-> x for the shared view moved by its origin. */
  function Side(m, canvas, origin) {
    var groups = viewer.buildGroups(m);
    var laid = viewer.layoutRows(m, groups, { filter: '', showSystem: false, curve: false });
    var rows = laid.rows.slice(0, MAX_ROWS);
    var state = { t0: origin, t1: origin + 1, width: 0, height: 0, drawn: { segments: 0, marks: 0, frames: 0 } };
    var v = { m: m, canvas: canvas, ctx: canvas.getContext('2d'), state: state, groups: groups, rows: rows,
      hidden: laid.rows.length - rows.length, origin: origin, aggregatesReady: true, curve: null };
    var last = rows.length ? rows[rows.length - 1] : null;
    v.contentHeight = (last ? last.y + last.h : 0) + (v.hidden ? NOTE_H : 0);
    v.plotW = function () { return Math.max(10, state.width - GUTTER - 12); };
    v.X = function (t) { return GUTTER + (t - state.t0) / (state.t1 - state.t0) * v.plotW(); };
    v.T = function (x) { return state.t0 + (x - GUTTER) / v.plotW() * (state.t1 - state.t0); };
    return v;
  }

  function resize(v) {
    var dpr = window.devicePixelRatio || 1, c = v.canvas;
    var w = Math.max(320, c.parentNode.clientWidth), h = AXIS_H + Math.max(v.contentHeight, 24) + 6;
    v.state.width = w;
    v.state.height = h;
    c.style.height = h + 'px';
    c.width = Math.round(w * dpr);
    c.height = Math.round(h * dpr);
    v.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  }

  function draw(v) {
    var ctx = v.ctx, state = v.state, W = state.width, H = state.height;
    state.drawn.segments = state.drawn.marks = 0;
    state.drawn.frames++;
    ctx.clearRect(0, 0, W, H);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, W, H);
    ctx.font = FONT;
    ctx.textBaseline = 'middle';
    ctx.save();
    ctx.beginPath();
    ctx.rect(GUTTER, 0, W - GUTTER, H);
    ctx.clip();
    v.m.phases.forEach(function (p, i) {
      var x0 = v.X(p.start), x1 = v.X(p.end);
      if (i % 2 === 0) { ctx.fillStyle = Colors.phaseBand; ctx.fillRect(x0, AXIS_H, x1 - x0, H - AXIS_H); }
      ctx.fillStyle = Colors.phaseLine;
      ctx.fillRect(Math.round(x0), AXIS_H, 1, H - AXIS_H);
      ctx.fillRect(Math.round(x1), AXIS_H, 1, H - AXIS_H);
    });
    v.rows.forEach(function (r) {
      var top = AXIS_H + r.y;
      if (r.type === 'thread') viewer.drawThread(v, r, top);
      else if (r.type === 'group') viewer.drawGroup(v, r, top);
    });
    ctx.restore();
    v.rows.forEach(function (r) { label(v, r, AXIS_H + r.y); });
    if (v.hidden) {
      ctx.fillStyle = Colors.faint;
      ctx.fillText(Fmt.plural(v.hidden, 'more lane') + ' not drawn: open either recording\u2019s own report for all of them', 12, H - NOTE_H / 2 - 3);
    }
    ctx.fillStyle = Colors.grid;
    ctx.fillRect(GUTTER - 1, AXIS_H, 1, H - AXIS_H);
    axis(v);
  }

  function label(v, r, top) {
    var ctx = v.ctx, mid = top + r.h / 2, x = 12 + (r.indent || 0);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, top, GUTTER - 1, r.h);
    ctx.font = r.type === 'group' ? BOLD : FONT;
    ctx.fillStyle = Colors.text;
    var text = r.type === 'group' ? (r.folded ? '\u25b8 ' : '\u25be ') + r.group.label + ' (' + Fmt.int(r.group.members.length) + ')' : r.thread.name;
    ctx.fillText(ellipsize(text, GUTTER - 12 - x, function (s) { return ctx.measureText(s).width; }), x, mid);
    ctx.font = FONT;
  }

  function axis(v) {
    var ctx = v.ctx, state = v.state, W = state.width;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, W, AXIS_H);
    ctx.fillStyle = Colors.grid;
    ctx.fillRect(0, AXIS_H - 1, W, 1);
    var t0 = state.t0 - v.origin, t1 = state.t1 - v.origin;
    var step = niceStep((t1 - t0) * 90 / v.plotW()), maxAbs = Math.max(Math.abs(t0), Math.abs(t1));
    ctx.save();
    ctx.beginPath();
    ctx.rect(GUTTER, 0, W - GUTTER, AXIS_H);
    ctx.clip();
    for (var t = Math.ceil(t0 / step) * step; t <= t1; t += step) {
      var x = Math.round(v.X(t + v.origin));
      ctx.fillStyle = Colors.trackEdge;
      ctx.fillRect(x, AXIS_H - 6, 1, 5);
      ctx.fillStyle = Colors.muted;
      ctx.fillText(Fmt.tick(Math.abs(t) < step / 1e6 ? 0 : t, step, maxAbs), x + 4, AXIS_H / 2);
    }
    ctx.restore();
  }

  /** Both sides on one view [t0, t1) of µs from each side's origin; returns what input and tests need. */
  function Pair(before, after) {
    var scale = viewer.Diff.commonScale(before, after);
    var sides = [Side(before, $('diff-before'), scale.before), Side(after, $('diff-after'), scale.after)];
    var view = { t0: 0, t1: scale.span };
    var frame = 0;

    function render() {
      sides.forEach(function (v) { v.state.t0 = view.t0 + v.origin; v.state.t1 = view.t1 + v.origin; draw(v); });
      $('diff-range').textContent = 'Showing ' + Fmt.dur(Math.max(0, view.t0)) + ' \u2013 ' + Fmt.dur(view.t1)
        + ' from each start \u00b7 before ' + Fmt.dur(scale.beforeSpan) + ', after ' + Fmt.dur(scale.afterSpan);
    }
    function schedule() {
      if (frame) return;
      frame = (window.requestAnimationFrame || function (f) { return setTimeout(f, 16); })(function () { frame = 0; render(); });
    }
    function setView(t0, t1) {
      var c = viewer.clampView(t0, t1, scale.span);
      view.t0 = c.t0;
      view.t1 = Math.max(c.t0 + MIN_SPAN, c.t1);
      schedule();
    }
    function fit() { var pad = scale.span * 0.02; setView(-pad, scale.span + pad); }
    function zoom(factor, atX, side) {
      var v = side || sides[0], x = atX === undefined ? GUTTER + v.plotW() / 2 : atX;
      var t = v.T(x) - v.origin, span = (view.t1 - view.t0) * factor, f = (x - GUTTER) / v.plotW();
      setView(t - f * span, t - f * span + span);
    }
    function pan(fraction) { var span = view.t1 - view.t0; setView(view.t0 + span * fraction, view.t1 + span * fraction); }

    sides.forEach(function (v) {
      var c = v.canvas, drag = null;
      c.addEventListener('wheel', function (ev) {
        ev.preventDefault();
        var rect = c.getBoundingClientRect();
        zoom(ev.deltaY > 0 ? 1.25 : 0.8, ev.clientX - rect.left, v);
      }, { passive: false });
      c.addEventListener('mousedown', function (ev) { drag = { x: ev.clientX, t0: view.t0, t1: view.t1 }; });
      window.addEventListener('mouseup', function () { drag = null; });
      window.addEventListener('mousemove', function (ev) {
        if (!drag) return;
        var dt = (ev.clientX - drag.x) / v.plotW() * (drag.t1 - drag.t0);
        setView(drag.t0 - dt, drag.t1 - dt);
      });
      c.addEventListener('keydown', function (ev) {
        if (ev.key === '+' || ev.key === '=') zoom(0.8);
        else if (ev.key === '-') zoom(1.25);
        else if (ev.key === '0') fit();
        else if (ev.key === 'ArrowLeft') pan(-0.1);
        else if (ev.key === 'ArrowRight') pan(0.1);
        else return;
        ev.preventDefault();
      });
    });
    $('diff-fit').addEventListener('click', fit);
    $('diff-in').addEventListener('click', function () { zoom(0.8); });
    $('diff-out').addEventListener('click', function () { zoom(1.25); });
    window.addEventListener('resize', function () { sides.forEach(resize); schedule(); });

    sides.forEach(resize);
    fit();
    render();
    return {
      scale: scale,
      view: function () { return { start: view.t0, end: view.t1, unit: 'us' }; },
      setView: function (t0, t1) { setView(t0, t1); render(); },
      fit: function () { fit(); render(); },
      zoom: function (f) { zoom(f); render(); },
      /** The canvas x, in CSS pixels, of µs t from side i's origin. */
      xOf: function (i, t) { return sides[i].X(t + sides[i].origin); },
      /** The lanes of side i: kind, name, y of their middle. */
      rows: function (i) {
        return sides[i].rows.map(function (r) { return { type: r.type, name: r.type === 'group' ? r.group.label : r.thread.name, mid: AXIS_H + r.y + r.h / 2 }; });
      },
      hiddenRows: function (i) { return sides[i].hidden; },
      frames: function () { return sides[0].state.drawn.frames + sides[1].state.drawn.frames; }
    };
  }

  viewer.DiffPair = Pair;
}(viewer));
