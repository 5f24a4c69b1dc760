// Drawing the rows: a thread's lane (its lifetime, workloads, waits, start and end marks), and the
// stacked counts of the concurrency curve and of folded groups.
(function (viewer) {
  'use strict';
  var Colors = viewer.Colors, kindName = viewer.kindName, passOf = viewer.passOf, visitPass = viewer.visitPass;
  var columnMax = viewer.columnMax, groupAgg = viewer.groupAgg;
  var GUTTER = viewer.SIZE.GUTTER, BAR_H = viewer.SIZE.BAR_H;

  function segStyle(m, t, j, y) {
    var dsc = m.descs[t.desc[j]], depth = t.depth[j];
    if (dsc.kind === 0) {
      if (depth > 0) { var inset = Math.min(depth, 2) * 2; return { color: Colors.nested, y: y + inset, h: BAR_H - 2 * inset }; }
      return { color: Colors.kind('workload'), y: y, h: BAR_H };
    }
    return { color: Colors.kind(kindName(m.kinds, dsc.kind)), y: depth ? y + 3 : y, h: depth ? BAR_H - 6 : BAR_H };
  }

  /** Draws the workloads (pass 0) or waits (pass 1) of a lane, at the level of detail visitPass picks. */
  function drawPass(v, t, y, p) {
    if (!t.n) return;
    var pass = passOf(v.m, t, p);
    if (!pass.n) return;
    var ctx = v.ctx, state = v.state, W = state.width, drawn = state.drawn;
    visitPass(pass, state.t0, state.t1, GUTTER, v.plotW() / (state.t1 - state.t0), function (j, x0, x1, how) {
      var st = segStyle(v.m, t, pass.idx[j], y);
      ctx.fillStyle = st.color;
      if (how === visitPass.MARK) {
        ctx.fillRect(x0, st.y, 1, st.h);
        drawn.marks++;
        return;
      }
      var a = Math.max(GUTTER - 2, x0), b = Math.min(W + 2, x1);
      ctx.fillRect(a, st.y, Math.max(1, b - a), st.h);
      if (how === visitPass.SPAN && p === 0 && b - a > 3) { ctx.fillStyle = 'rgba(255,255,255,0.55)'; ctx.fillRect(Math.round(x1) - 1, st.y, 1, st.h); }
      drawn.segments++;
    });
  }

  /** A virtual thread pinned to its carrier: a bar under the lane, as long as the pinning lasted. */
  function drawPins(v, t, y) {
    var ctx = v.ctx, W = v.state.width;
    ctx.fillStyle = Colors.pinned;
    for (var i = 0; i < t.pins.length; i++) {
      var a = Math.max(GUTTER - 2, v.X(t.pins[i].start)), b = Math.min(W + 2, v.X(t.pins[i].end));
      if (b < GUTTER - 2 || a > W + 2) continue;
      ctx.fillRect(a, y + BAR_H + 1, Math.max(2, b - a), 2);
    }
  }

  /** Draws one lane: lifetime track, workload spans, waits, pinning, start and end marks. */
  function drawThread(v, r, top) {
    var ctx = v.ctx, t = r.thread, y = top + (r.h - BAR_H) / 2, W = v.state.width;
    var xs = v.X(t.start), xe = v.X(t.end);
    if (xe < GUTTER - 2 || xs > W + 2) return;
    ctx.fillStyle = Colors.track;
    ctx.fillRect(Math.max(GUTTER - 2, xs), y, Math.max(1, Math.min(W + 2, xe) - Math.max(GUTTER - 2, xs)), BAR_H);
    drawPass(v, t, y, 0);
    drawPass(v, t, y, 1);
    drawPins(v, t, y);
    ctx.fillStyle = Colors.tick;
    if (t.startSeen && xs >= GUTTER - 1) ctx.fillRect(Math.round(xs) - 1, y - 3, 2, BAR_H + 6);
    if (t.alive) {
      ctx.fillStyle = Colors.cut;
      ctx.fillRect(Math.round(xe) - 1, y - 4, 3, BAR_H + 8);
      ctx.beginPath();
      ctx.moveTo(xe + 2, y + BAR_H / 2 - 5);
      ctx.lineTo(xe + 8, y + BAR_H / 2);
      ctx.lineTo(xe + 2, y + BAR_H / 2 + 5);
      ctx.fill();
    } else if (t.endSeen) {
      ctx.fillRect(Math.round(xe) - 1, y - 3, 2, BAR_H + 6);
    } else {
      ctx.fillStyle = Colors.trackEdge;
      for (var d = 0; d < 3; d++) ctx.fillRect(xe + 3 + d * 4, y + BAR_H / 2 - 1, 2, 2);
    }
  }

  /**
   * A stacked area: running at the bottom, waiting above it, the rest of the alive threads on top.
   * The scale is linear, up to the most threads alive in the view, so zooming into a phase shows
   * its few threads even when ten thousand ran elsewhere; it returns that most.
   */
  function drawStacked(v, agg, top, h) {
    var ctx = v.ctx, W = v.state.width, cols = Math.max(1, Math.floor(W - GUTTER));
    var t0 = v.state.t0, t1 = v.T(GUTTER + cols);
    var run = columnMax(agg.running, t0, t1, cols), wait = columnMax(agg.waiting, t0, t1, cols), alive = columnMax(agg.alive, t0, t1, cols);
    var peak = 1;
    for (var i = 0; i < cols; i++) if (alive[i] > peak) peak = alive[i];
    var base = top + h - 4, hmax = h - 9;
    // a layer that is there gets at least a pixel: 3 running among 10,000 alive still show
    function px(n) { return n > 0 ? Math.max(1, n / peak * hmax) : 0; }
    ctx.fillStyle = '#fafbfd';
    ctx.fillRect(GUTTER, top + 2, W - GUTTER, h - 4);
    ctx.fillStyle = Colors.grid;
    ctx.fillRect(GUTTER, base - hmax, W - GUTTER, 1);
    ctx.fillRect(GUTTER, base, W - GUTTER, 1);
    for (var c = 0; c < cols; c++) {
      var a = alive[c];
      if (a <= 0) continue;
      var r = Math.min(run[c], a), w = Math.min(wait[c], a - r);
      var hr = px(r), hw = px(w), ha = Math.max(hr + hw, px(a));
      ctx.fillStyle = Colors.alive; ctx.fillRect(GUTTER + c, base - ha, 1, ha - hr - hw);
      if (hw > 0) { ctx.fillStyle = Colors.waiting; ctx.fillRect(GUTTER + c, base - hr - hw, 1, hw); }
      if (hr > 0) { ctx.fillStyle = Colors.kind('workload'); ctx.fillRect(GUTTER + c, base - hr, 1, hr); }
    }
    return peak;
  }

  function drawCurve(v, r, top) {
    var ctx = v.ctx;
    if (!v.curve) { ctx.fillStyle = Colors.faint; ctx.fillText('counting\u2026', GUTTER + 8, top + r.h / 2); return; }
    r.viewPeak = drawStacked(v, v.curve, top, r.h);
  }

  function drawGroup(v, r, top) {
    var ctx = v.ctx, W = v.state.width;
    if (!r.folded) { ctx.fillStyle = '#f7f8fa'; ctx.fillRect(GUTTER, top, W - GUTTER, r.h); return; }
    if (!r.group.agg && !v.aggregatesReady) { ctx.fillStyle = Colors.faint; ctx.fillText('counting\u2026', GUTTER + 8, top + r.h / 2); return; }
    r.viewPeak = drawStacked(v, groupAgg(v.m, r.group), top, r.h);
  }

  Object.assign(viewer, { drawThread, drawCurve, drawGroup });
}(viewer));
