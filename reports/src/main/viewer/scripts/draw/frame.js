// Drawing a frame of the timeline: the rows in view with their tints, phase bands and grid, the
// arrows and marks over them, the names in the gutter, the time axis and the range line.
(function (viewer) {
  'use strict';
  var Colors = viewer.Colors, Fmt = viewer.Fmt, niceStep = viewer.niceStep, ellipsize = viewer.ellipsize;
  var GUTTER = viewer.SIZE.GUTTER;
  var FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
  var BOLD = '600 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

  function fitText(ctx, text, maxW) {
    return ellipsize(text, maxW, function (s) { return ctx.measureText(s).width; });
  }

  function drawFrame(v) {
    var ctx = v.ctx, state = v.state, AXIS_H = v.AXIS_H, rows = v.rows;
    var W = state.width, H = state.height, drawn = state.drawn;
    drawn.segments = drawn.marks = drawn.startArrows = drawn.wakeArrows = drawn.criticalSteps = 0;
    drawn.frames++;
    ctx.clearRect(0, 0, W, H);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, W, H);
    ctx.font = FONT;
    ctx.textBaseline = 'middle';

    var first = v.rowAt(AXIS_H), firstIndex = first ? first.index : 0;
    var visible = [];
    for (var i = Math.max(0, firstIndex); i < rows.length; i++) {
      var top = v.rowTop(rows[i]);
      if (top > H) break;
      if (top + rows[i].h >= AXIS_H) visible.push(rows[i]);
    }

    ctx.save();
    ctx.beginPath();
    ctx.rect(GUTTER, AXIS_H, W - GUTTER, H - AXIS_H);
    ctx.clip();
    drawPhaseBands(v, H);
    drawGrid(v, H);
    visible.forEach(function (r) {
      var top = v.rowTop(r);
      var tint = rowTint(state, r);
      if (tint) { ctx.fillStyle = tint; ctx.fillRect(GUTTER, top, W - GUTTER, r.h); }
      if (r.type === 'thread') viewer.drawThread(v, r, top);
      else if (r.type === 'curve') viewer.drawCurve(v, r, top);
      else if (r.type === 'group') viewer.drawGroup(v, r, top);
    });
    var starts = state.showStarts || state.selected >= 0 ? viewer.drawArrows(v, visible, viewer.collectStarts, Colors.start) : { drawn: 0, hidden: 0 };
    var wakes = state.showWakes || state.selected >= 0 ? viewer.drawArrows(v, visible, viewer.collectWakes, Colors.wake) : { drawn: 0, hidden: 0 };
    drawn.startArrows = starts.drawn;
    drawn.wakeArrows = wakes.drawn;
    drawn.hiddenArrows = starts.hidden + wakes.hidden;
    if (state.critical) viewer.drawCritical(v, H);
    viewer.drawPinned(v);
    viewer.drawCursor(v, H);
    ctx.restore();

    ctx.save();
    ctx.beginPath();
    ctx.rect(0, AXIS_H, GUTTER, H - AXIS_H);
    ctx.clip();
    visible.forEach(function (r) { drawLabel(v, r, v.rowTop(r)); });
    ctx.restore();
    ctx.fillStyle = Colors.grid;
    ctx.fillRect(GUTTER - 1, AXIS_H, 1, H - AXIS_H);

    drawAxis(v, W);
    updateRange(v);
  }

  function rowTint(state, r) {
    if (state.hover && state.hover.row === r) return Colors.hoverRow;
    if (r.type !== 'thread' || state.selected < 0) return null;
    if (r.thread.index === state.selected) return Colors.selectedRow;
    return state.related && state.related.any[r.thread.index] ? Colors.relatedRow : null;
  }

  function drawGrid(v, H) {
    var ctx = v.ctx, state = v.state;
    var step = niceStep((state.t1 - state.t0) * 90 / v.plotW());
    ctx.fillStyle = Colors.grid;
    for (var t = Math.ceil(state.t0 / step) * step; t <= state.t1; t += step) ctx.fillRect(Math.round(v.X(t)), v.AXIS_H, 1, H - v.AXIS_H);
  }

  function drawPhaseBands(v, H) {
    var ctx = v.ctx, AXIS_H = v.AXIS_H;
    v.m.phases.forEach(function (p, i) {
      var x0 = v.X(p.start), x1 = v.X(p.end);
      if (x1 < GUTTER || x0 > v.state.width) return;
      if (i % 2 === 0) { ctx.fillStyle = Colors.phaseBand; ctx.fillRect(x0, AXIS_H, x1 - x0, H - AXIS_H); }
      ctx.fillStyle = Colors.phaseLine;
      ctx.fillRect(Math.round(x0), AXIS_H, 1, H - AXIS_H);
      ctx.fillRect(Math.round(x1), AXIS_H, 1, H - AXIS_H);
    });
  }

  function drawAxis(v, W) {
    var ctx = v.ctx, state = v.state, m = v.m, AXIS_H = v.AXIS_H;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, W, AXIS_H);
    ctx.fillStyle = Colors.grid;
    ctx.fillRect(0, AXIS_H - 1, W, 1);
    ctx.save();
    ctx.beginPath();
    ctx.rect(GUTTER, 0, W - GUTTER, AXIS_H);
    ctx.clip();
    var tickTop = m.phases.length ? 20 : 0;
    m.phases.forEach(function (p, i) {
      var x0 = Math.max(GUTTER, v.X(p.start)), x1 = Math.min(W, v.X(p.end));
      if (x1 - x0 < 4) return;
      ctx.fillStyle = i % 2 === 0 ? '#e9ebfb' : '#f1f2fb';
      ctx.fillRect(x0, 3, x1 - x0 - 1, 15);
      if (x1 - x0 > 30) {
        ctx.font = BOLD;
        ctx.fillStyle = '#3a44a8';
        ctx.fillText(fitText(ctx, p.name + ' \u00b7 ' + (p.inFlight || 0).toFixed(1) + ' in flight \u00b7 '
          + (p.running || 0).toFixed(1) + ' running', x1 - x0 - 10), x0 + 5, 11);
      }
    });
    ctx.font = FONT;
    var step = niceStep((state.t1 - state.t0) * 90 / v.plotW());
    var maxAbs = Math.max(Math.abs(state.t0), Math.abs(state.t1));
    for (var t = Math.ceil(state.t0 / step) * step; t <= state.t1; t += step) {
      var x = Math.round(v.X(t));
      ctx.fillStyle = Colors.trackEdge;
      ctx.fillRect(x, AXIS_H - 6, 1, 5);
      ctx.fillStyle = Colors.muted;
      ctx.fillText(Fmt.tick(Math.abs(t) < step / 1e6 ? 0 : t, step, maxAbs), x + 4, tickTop + (AXIS_H - tickTop) / 2);
    }
    ctx.restore();
    ctx.font = BOLD;
    ctx.fillStyle = Colors.muted;
    ctx.fillText('Threads (' + Fmt.int(viewer.shownThreadCount(v.rows)) + ')', 12, AXIS_H - 13);
    ctx.font = FONT;
  }

  function drawLabel(v, r, top) {
    var ctx = v.ctx, state = v.state;
    var mid = top + r.h / 2;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, top, GUTTER - 1, r.h);
    var tint = rowTint(state, r);
    if (tint) { ctx.fillStyle = tint; ctx.fillRect(0, top, GUTTER - 1, r.h); }
    if (r.type === 'thread') {
      var t = r.thread, x = 12 + (r.indent || 0);
      ctx.font = t.phase || t.index === state.selected ? BOLD : FONT;
      ctx.fillStyle = t.system ? Colors.faint : Colors.text;
      var right = GUTTER - 12;
      if (t.alive) {
        ctx.fillStyle = Colors.cut;
        ctx.beginPath();
        ctx.arc(right - 3, mid, 3.5, 0, Math.PI * 2);
        ctx.fill();
        right -= 12;
        ctx.fillStyle = t.system ? Colors.faint : Colors.text;
      }
      if (t.virtual && !r.group) { ctx.fillStyle = Colors.faint; ctx.fillText('v', right - 6, mid); right -= 12; ctx.fillStyle = Colors.text; }
      ctx.fillText(fitText(ctx, t.name, right - x), x, mid);
    } else if (r.type === 'curve') {
      ctx.font = BOLD;
      ctx.fillStyle = Colors.text;
      ctx.fillText('Concurrency', 12, mid - 14);
      ctx.font = FONT;
      ctx.fillStyle = Colors.faint;
      ctx.fillText(fitText(ctx, 'threads running \u00b7 blocked \u00b7 alive', GUTTER - 24), 12, mid + 2);
      if (v.curve && r.viewPeak) ctx.fillText(fitText(ctx, 'scale 0\u2013' + Fmt.int(r.viewPeak) + ' (most alive in view)', GUTTER - 24), 12, mid + 17);
    } else if (r.type === 'group') {
      var g = r.group;
      ctx.font = BOLD;
      ctx.fillStyle = g.system ? Colors.muted : Colors.text;
      var count = r.shown < g.members.length ? Fmt.int(r.shown) + ' of ' + Fmt.int(g.members.length) : Fmt.int(g.members.length);
      ctx.fillText(fitText(ctx, (r.folded ? '\u25b8 ' : '\u25be ') + g.label + ' (' + count + ')', GUTTER - 24), 12, r.folded ? mid - 7 : mid);
      if (r.folded) {
        ctx.font = FONT;
        ctx.fillStyle = Colors.faint;
        ctx.fillText(fitText(ctx, 'running / blocked / alive' + (r.viewPeak ? ', 0\u2013' + Fmt.int(r.viewPeak) : ''), GUTTER - 36), 24, mid + 9);
      }
    }
    ctx.font = FONT;
  }

  function updateRange(v) {
    var state = v.state, m = v.m;
    var a = Math.max(0, state.t0), b = Math.min(m.duration, state.t1);
    viewer.$('range').textContent = 'Showing ' + Fmt.dur(a) + ' \u2013 ' + Fmt.dur(b) + ' of ' + Fmt.dur(m.duration)
      + (state.drawn.hiddenArrows ? ' \u00b7 too many arrows here: zoom in, or select a thread to see its own' : '');
  }

  Object.assign(viewer, { drawFrame });
}(viewer));
