// Step series for the concurrency curve and the folded groups: how many threads run, wait and live
// over time (all values in µs), and their largest value per pixel column.
(function (viewer) {
  'use strict';
  var upperBound = viewer.upperBound;

  /**
   * Step series over threads: running (top-level workload minus waits), waiting (blocked: any wait but
   * idle, which a pool worker spends waiting for work) and alive,
   * built in typed arrays (a million spans must not become a million small arrays).
   */
  function aggregate(m, threads) {
    var cap = 0, maxN = 0;
    threads.forEach(function (t) { cap += t.n + 1; if (t.n > maxN) maxN = t.n; });
    var rs = new Float64Array(cap), re = new Float64Array(cap), rn = 0;
    var ws = new Float64Array(cap), we = new Float64Array(cap), wn = 0;
    var as = new Float64Array(threads.length), ae = new Float64Array(threads.length), an = 0;
    var ks = new Float64Array(maxN + 1), ke = new Float64Array(maxN + 1);
    threads.forEach(function (t) {
      if (t.end > t.start) { as[an] = t.start; ae[an] = t.end; an++; }
      var kn = 0, w0 = wn;
      for (var j = 0; j < t.n; j++) {
        var isW = m.isWork[t.desc[j]] === 1;
        if (isW && t.depth[j] !== 0) continue;
        if (!isW && m.idleKind && m.idleKind[m.descs[t.desc[j]].kind]) continue;
        var s = Math.max(t.starts[j], t.start), e = Math.min(t.ends[j], t.end);
        if (e <= s) continue;
        if (isW) {
          if (kn && s <= ke[kn - 1]) { if (e > ke[kn - 1]) ke[kn - 1] = e; } else { ks[kn] = s; ke[kn] = e; kn++; }
        } else if (wn > w0 && s <= we[wn - 1]) { if (e > we[wn - 1]) we[wn - 1] = e; } else { ws[wn] = s; we[wn] = e; wn++; }
      }
      // running: each workload piece minus the waits (both sorted and disjoint)
      var q = w0;
      for (var i = 0; i < kn; i++) {
        var a = ks[i], b = ke[i];
        while (q < wn && we[q] <= a) q++;
        for (var r = q; r < wn && ws[r] < b; r++) {
          if (ws[r] > a) { rs[rn] = a; re[rn] = ws[r]; rn++; }
          a = Math.max(a, we[r]);
          if (a >= b) break;
        }
        if (a < b) { rs[rn] = a; re[rn] = b; rn++; }
      }
    });
    return { running: stepSeries(rs, re, rn), waiting: stepSeries(ws, we, wn), alive: stepSeries(as, ae, an), count: threads.length };
  }

  /** A step function of how many of n intervals cover each moment: times[k] is when the count became values[k]. */
  function stepSeries(starts, ends, n) {
    var s = starts.slice(0, n).sort(), e = ends.slice(0, n).sort();
    var times = new Float64Array(2 * n), values = new Int32Array(2 * n), k = 0, count = 0, peak = 0, a = 0, b = 0;
    while (a < n || b < n) {
      var isEnd = b < n && (a >= n || e[b] <= s[a]);
      var t = isEnd ? e[b++] : s[a++];
      count += isEnd ? -1 : 1;
      if (count > peak) peak = count;
      if (k && times[k - 1] === t) values[k - 1] = count;
      else { times[k] = t; values[k] = count; k++; }
    }
    return { times: times.subarray(0, k), values: values.subarray(0, k), peak: peak };
  }

  /** The largest value of a step series in each of `cols` columns of [t0, t1). */
  function columnMax(series, t0, t1, cols) {
    var out = new Float32Array(Math.max(0, cols));
    var times = series.times, values = series.values, n = times.length;
    if (!n || cols <= 0) return out;
    var dt = (t1 - t0) / cols;
    var k = upperBound(times, t0) - 1;
    for (var c = 0; c < cols; c++) {
      var tb = t0 + (c + 1) * dt;
      var mx = k >= 0 ? values[k] : 0;
      while (k + 1 < n && times[k + 1] < tb) { k++; if (values[k] > mx) mx = values[k]; }
      out[c] = mx;
    }
    return out;
  }

  function valueAt(series, t) {
    var i = upperBound(series.times, t);
    return i > 0 ? series.values[i - 1] : 0;
  }

  /** A group's step series, counted on first use and kept. */
  function groupAgg(m, g) {
    if (!g.agg) g.agg = aggregate(m, g.members.map(function (i) { return m.threads[i]; }));
    return g.agg;
  }

  Object.assign(viewer, { aggregate, groupAgg, stepSeries, columnMax, valueAt });
}(viewer));
