// Drawing what links lanes: start and wake arrows, the critical path, and the marks of the pinned
// span and the pointer.
(function (viewer) {
  'use strict';
  var Colors = viewer.Colors, passOf = viewer.passOf, lowerBound = viewer.lowerBound;
  var GUTTER = viewer.SIZE.GUTTER, BAR_H = viewer.SIZE.BAR_H;
  /** Past ARROW_BUDGET arrows of one sort in view only the selected thread's are drawn, at most MAX_ARROWS. */
  var MAX_ARROWS = 4000, ARROW_BUDGET = 600;

  /** The row and y of a thread for an arrow end: its lane, its folded group, or clamped to the view's edge. */
  function anchor(v, i) {
    var r = v.rowOfThread[i];
    if (!r) return null;
    var y = v.rowMid(r), H = v.state.height;
    return { row: r, y: Math.max(v.AXIS_H + 2, Math.min(H - 2, y)), off: y < v.AXIS_H || y > H };
  }

  function arrow(ctx, x0, y0, x1, y1, color, width) {
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = width;
    var dir = y1 >= y0 ? 1 : -1;
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1 - dir * 4);
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(x1 - 3, y1 - dir * 5);
    ctx.lineTo(x1 + 3, y1 - dir * 5);
    ctx.lineTo(x1, y1);
    ctx.fill();
  }

  /** An arrow between threads a and b: stronger when it touches the selected thread, faded when another is selected. */
  function arrowStyle(selected, base, a, b) {
    if (selected < 0) return { color: base, width: 1 };
    if (a === selected || b === selected) return { color: base.replace(/[\d.]+\)$/, '1)'), width: 2 };
    return { color: base.replace(/[\d.]+\)$/, '0.12)'), width: 1 };
  }

  /**
   * Arrows of one sort for the visible rows: one per pixel column and pair of rows. Past a budget
   * they are noise, and slow: then only those of the selected thread are drawn, and the range line
   * says how to see the others.
   */
  function drawArrows(v, visible, collect, color) {
    var list = collect(v, visible, false, ARROW_BUDGET + 1);
    var hidden = 0;
    if (list.length > ARROW_BUDGET) {
      hidden = list.length;
      list = v.state.selected >= 0 ? collect(v, visible, true, MAX_ARROWS) : [];
    }
    list.forEach(function (a) {
      var st = arrowStyle(v.state.selected, color, a.from, a.to);
      arrow(v.ctx, a.x0, a.y0, a.x1, a.y1, st.color, st.width);
    });
    return { drawn: list.length, hidden: hidden };
  }

  function membersOf(r) { return r.type === 'thread' ? [r.thread.index] : r.type === 'group' && r.folded ? r.group.members : null; }

  function collectStarts(v, visible, onlySelected, limit) {
    var m = v.m, state = v.state, seen = {}, out = [];
    for (var vi = 0; vi < visible.length && out.length < limit; vi++) {
      var r = visible[vi], members = membersOf(r);
      if (!members) continue;
      for (var k = 0; k < members.length && out.length < limit; k++) {
        var t = m.threads[members[k]];
        if (t.parent < 0 || !t.startSeen) continue;
        var mine = t.index === state.selected || t.parent === state.selected;
        if (onlySelected ? !mine : !state.showStarts && !mine) continue;
        var x = Math.round(v.X(t.start)) + 0.5;
        if (x < GUTTER || x > state.width) continue;
        var from = anchor(v, t.parent);
        if (!from || from.row === r) continue;
        // into a folded group, thousands of starts: one arrow per 16 pixels says enough
        var key = from.row.index + ':' + r.index + ':' + Math.round(x / (r.type === 'group' ? 16 : 1));
        if (seen[key]) continue;
        seen[key] = 1;
        var cy = v.rowMid(r), dir = cy > from.y ? 1 : -1;
        out.push({ x0: x, y0: from.y + (from.off ? 0 : dir * BAR_H / 2), x1: x, y1: cy - dir * (BAR_H / 2 + 1), from: t.parent, to: t.index });
      }
    }
    return out;
  }

  function collectWakes(v, visible, onlySelected, limit) {
    var m = v.m, state = v.state, seen = {}, out = [], t0 = state.t0, t1 = state.t1;
    for (var vi = 0; vi < visible.length && out.length < limit; vi++) {
      var r = visible[vi], members = membersOf(r);
      if (!members) continue;
      for (var k = 0; k < members.length && out.length < limit; k++) {
        var t = m.threads[members[k]];
        if (!t.nw) continue;
        if (onlySelected && t.index !== state.selected && !(state.related && state.related.woke[t.index])) continue;
        var pass = passOf(m, t, 1);
        // wakes are in segment order, segments in start order: begin where a wait may still reach t0
        for (var w = lowerBound(t.wSeg, lowerBound(t.starts, t0 - pass.maxDur)); w < t.nw && out.length < limit; w++) {
          var seg = t.wSeg[w];
          if (t.starts[seg] > t1) break;
          var end = t.ends[seg];
          if (end < t0 || end > t1) continue;
          var waker = t.wWaker[w];
          var mine = waker === state.selected || t.index === state.selected;
          if (onlySelected ? !mine : !state.showWakes && !mine) continue;
          var from = anchor(v, waker);
          if (from && from.row === r) continue;
          var xe = Math.round(v.X(end)) + 0.5;
          var key = (from ? from.row.index : -1) + ':' + r.index + ':' + Math.round(xe);
          if (seen[key]) continue;
          seen[key] = 1;
          var cy = v.rowMid(r);
          if (!from) {
            // the waker's lane is hidden (filtered out or JDK-internal): a short stub from above
            out.push({ x0: xe, y0: cy - BAR_H / 2 - 10, x1: xe, y1: cy - BAR_H / 2 + 1, from: waker, to: t.index });
          } else {
            var dir = cy > from.y ? 1 : -1, xw = Math.round(v.X(Math.min(t.wTime[w], end))) + 0.5;
            out.push({ x0: xw, y0: from.y + (from.off ? 0 : dir * BAR_H / 2), x1: xe, y1: cy - dir * (BAR_H / 2 - 1), from: waker, to: t.index });
          }
        }
      }
    }
    return out;
  }

  function drawCritical(v, H) {
    var ctx = v.ctx, W = v.state.width;
    ctx.fillStyle = 'rgba(255, 255, 255, 0.62)';
    ctx.fillRect(GUTTER, v.AXIS_H, W - GUTTER, H - v.AXIS_H);
    var prev = null;
    v.m.critical.forEach(function (s) {
      var a = anchor(v, s.thread);
      if (!a) { prev = null; return; }
      var x0 = v.X(s.start), x1 = v.X(s.end);
      if (prev && s.link && prev.a) {
        var px = v.X(prev.s.end);
        if (Math.max(px, x0) >= GUTTER && Math.min(px, x0) <= W) arrow(ctx, px, prev.a.y, Math.max(GUTTER, x0), a.y, Colors.critical, 2);
      }
      if (x1 >= GUTTER && x0 <= W && !a.off) {
        var y = a.y - BAR_H / 2, lx = Math.max(GUTTER, x0), lw = Math.max(1.5, Math.min(W, x1) - lx);
        ctx.fillStyle = Colors.critical;
        if (s.wait) {
          ctx.globalAlpha = 0.35; ctx.fillRect(lx, y + 2, lw, BAR_H - 4); ctx.globalAlpha = 1;
          ctx.strokeStyle = Colors.critical; ctx.lineWidth = 1.5; ctx.setLineDash([4, 3]);
          ctx.strokeRect(lx, y + 1, lw, BAR_H - 2); ctx.setLineDash([]);
        } else {
          ctx.fillRect(lx, y + 3, lw, BAR_H - 6);
        }
        v.state.drawn.criticalSteps++;
      }
      prev = { s: s, a: a };
    });
  }

  function drawPinned(v) {
    var ctx = v.ctx, p = v.state.pinned;
    if (!p || p.seg < 0) return;
    var r = v.rowOfThread[p.thread.index];
    if (!r || r.type !== 'thread') return;
    var top = v.rowTop(r), y = top + (r.h - BAR_H) / 2;
    var x0 = v.X(p.thread.starts[p.seg]), x1 = v.X(p.thread.ends[p.seg]);
    ctx.strokeStyle = '#1c2230';
    ctx.lineWidth = 2;
    ctx.strokeRect(x0 - 1, y - 2, Math.max(2, x1 - x0) + 2, BAR_H + 4);
  }

  function drawCursor(v, H) {
    var h = v.state.hover;
    if (!h || h.x < GUTTER) return;
    v.ctx.fillStyle = 'rgba(28, 34, 48, 0.25)';
    v.ctx.fillRect(Math.round(h.x), v.AXIS_H, 1, H - v.AXIS_H);
  }

  Object.assign(viewer, { drawArrows, collectStarts, collectWakes, drawCritical, drawPinned, drawCursor,
    anchor });
}(viewer));
