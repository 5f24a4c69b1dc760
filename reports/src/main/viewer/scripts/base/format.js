// Formatting of durations (given in microseconds), shares, speed-ups, counts and sizes for the page.
(function (viewer) {
  'use strict';

  var Fmt = {
    sig: function (v) { return v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0); },
    /** A duration given in microseconds. */
    dur: function (us) {
      if (us === null || us === undefined || !isFinite(us)) return '\u2013';
      var a = Math.abs(us), s = us < 0 ? '-' : '';
      if (a < 1000) return s + Math.round(a) + ' \u00b5s';
      if (a < 1e6) return s + Fmt.sig(a / 1e3) + ' ms';
      if (a < 600e6) return s + Fmt.sig(a / 1e6) + ' s';
      var m = Math.floor(a / 60e6);
      return s + m + ' min ' + Math.round((a - m * 60e6) / 1e6) + ' s';
    },
    pct: function (x) { return !isFinite(x) ? '\u2013' : x > 0 && x < 0.005 ? '<1%' : Math.round(x * 100) + '%'; },
    speed: function (x) { return !isFinite(x) ? '\u2013' : (x < 10 ? x.toFixed(2) : x < 1000 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US')) + '\u00d7'; },
    int: function (n) { return Number(n || 0).toLocaleString('en-US'); },
    plural: function (n, one, many) { return Fmt.int(n) + ' ' + (n === 1 ? one : (many || one + 's')); },
    bytes: function (n) { return n < 1024 ? n + ' B' : n < 1048576 ? (n / 1024).toFixed(1) + ' KB' : (n / 1048576).toFixed(1) + ' MB'; },
    /** An axis label at time us, for ticks step us apart in a view reaching maxAbs us. */
    tick: function (us, step, maxAbs) {
      var div = maxAbs >= 1e6 && step >= 1000 ? 1e6 : maxAbs >= 1000 && step >= 1 ? 1e3 : 1;
      var unit = div === 1e6 ? 's' : div === 1e3 ? 'ms' : '\u00b5s';
      var dec = Math.max(0, Math.min(6, Math.ceil(-Math.log(step / div) / Math.LN10 - 1e-9)));
      return (us / div).toFixed(dec) + ' ' + unit;
    }
  };

  /** A step of 1, 2 or 5 times a power of ten, at least raw: the spacing of the time axis' ticks. */
  function niceStep(raw) {
    var p = Math.pow(10, Math.floor(Math.log(raw) / Math.LN10));
    var n = raw / p;
    return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * p;
  }

  /** The longest prefix of text, with an ellipsis, whose width (by measure) fits maxW. */
  function ellipsize(text, maxW, measure) {
    if (measure(text) <= maxW) return text;
    var lo = 0, hi = text.length;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (measure(text.slice(0, mid) + '\u2026') <= maxW) lo = mid; else hi = mid - 1;
    }
    return text.slice(0, lo) + '\u2026';
  }

  Object.assign(viewer, { Fmt, niceStep, ellipsize });
}(viewer));
