// Searches over sorted typed arrays, and a max tree that finds spans reaching into a range in log time.
(function (viewer) {
  'use strict';

  function lowerBound(arr, v, lo, hi) {
    lo = lo || 0; hi = hi === undefined ? arr.length : hi;
    while (lo < hi) { var mid = (lo + hi) >>> 1; if (arr[mid] < v) lo = mid + 1; else hi = mid; }
    return lo;
  }
  function upperBound(arr, v, lo, hi) {
    lo = lo || 0; hi = hi === undefined ? arr.length : hi;
    while (lo < hi) { var mid = (lo + hi) >>> 1; if (arr[mid] <= v) lo = mid + 1; else hi = mid; }
    return lo;
  }

  /** A max tree over values: finds the first or last index in a range whose value exceeds x, in log time. */
  function MaxTree(values) {
    var n = values.length, size = 1;
    while (size < n) size <<= 1;
    var tree = new Float64Array(2 * size).fill(-Infinity);
    tree.set(values, size);
    for (var i = size - 1; i >= 1; i--) tree[i] = Math.max(tree[2 * i], tree[2 * i + 1]);
    function first(node, nl, nr, lo, hi, x) {
      if (nr <= lo || nl >= hi || tree[node] <= x) return -1;
      if (nr - nl === 1) return nl;
      var mid = (nl + nr) >> 1, r = first(2 * node, nl, mid, lo, hi, x);
      return r >= 0 ? r : first(2 * node + 1, mid, nr, lo, hi, x);
    }
    function last(node, nl, nr, lo, hi, x) {
      if (nr <= lo || nl >= hi || tree[node] <= x) return -1;
      if (nr - nl === 1) return nl;
      var mid = (nl + nr) >> 1, r = last(2 * node + 1, mid, nr, lo, hi, x);
      return r >= 0 ? r : last(2 * node, nl, mid, lo, hi, x);
    }
    return {
      firstAbove: function (lo, hi, x) { return lo >= hi ? -1 : first(1, 0, size, lo, hi, x); },
      lastAbove: function (lo, hi, x) { return lo >= hi ? -1 : last(1, 0, size, lo, hi, x); }
    };
  }

  Object.assign(viewer, { lowerBound, upperBound, MaxTree });
}(viewer));
