// Level of detail: which spans of a lane to paint at the current zoom. A million spans must not
// cost a million rectangles, yet no span may vanish.
(function (viewer) {
  'use strict';
  var lowerBound = viewer.lowerBound;

  /** How visitPass reports a span: whole, as a one-pixel mark for its column, or as one reaching past that column. */
  var SPAN = 0, MARK = 1, REACH = 2;

  /**
   * Walks the spans of a pass (see passOf) that meet [t0, t1], where time t is at x = left + (t - t0) * scale,
   * and calls paint(j, x0, x1, how) for each thing to paint, j indexing the pass. A span at least a pixel
   * wide is painted whole (SPAN). Where spans are narrower, the first one in a pixel column paints a MARK
   * for the column and the walk jumps to the next column; a max tree over the ends still finds every span
   * in the skipped run that reaches beyond the column (REACH), so long spans are never lost.
   */
  function visitPass(pass, t0, t1, left, scale, paint) {
    var j = lowerBound(pass.starts, t0 - pass.maxDur);
    while (j < pass.n && pass.starts[j] <= t1) {
      if (pass.ends[j] < t0) { j++; continue; }
      var x0 = left + (pass.starts[j] - t0) * scale, x1 = left + (pass.ends[j] - t0) * scale;
      if (x1 - x0 >= 1) {
        paint(j, x0, x1, SPAN);
        j++;
        continue;
      }
      // sub-pixel: one mark for the column, then the next column
      var px = Math.floor(x0);
      paint(j, px, px + 1, MARK);
      var nextT = t0 + (px + 1 - left) / scale;
      var k = lowerBound(pass.starts, nextT, j + 1);
      if (k > j + 1) {
        var tree = pass.treeOf(), q = tree.firstAbove(j + 1, k, nextT);
        while (q >= 0) {
          paint(q, left + (pass.starts[q] - t0) * scale, left + (pass.ends[q] - t0) * scale, REACH);
          q = tree.firstAbove(q + 1, k, nextT);
        }
      }
      j = k;
    }
  }

  Object.assign(viewer, { visitPass });
  viewer.visitPass.SPAN = SPAN;
  viewer.visitPass.MARK = MARK;
  viewer.visitPass.REACH = REACH;
}(viewer));
