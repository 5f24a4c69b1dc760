// Before -> after: ratios, whether a change is for the better, and the one time scale two recordings share.
(function (viewer) {
  'use strict';
  var Fmt = viewer.Fmt;

  /** A change smaller than this share of the before value is no change. */
  var TOLERANCE = 0.05;

  /** after / before, or null when there is no ratio (a side missing, or nothing before). */
  function ratio(before, after) {
    if (before === null || after === null || before === undefined || after === undefined) return null;
    return before > 0 && isFinite(after) ? after / before : null;
  }

  /** 'better', 'worse' or '' (within 5%, or no ratio); lowerIsBetter for times, not for a speed-up. */
  function verdict(before, after, lowerIsBetter) {
    var r = ratio(before, after);
    if (r === null || Math.abs(r - 1) <= TOLERANCE) return '';
    return (r < 1) === lowerIsBetter ? 'better' : 'worse';
  }

  /** "0.33×", "12.0×", or an en dash when there is no ratio. */
  function ratioText(r) {
    return r === null || !isFinite(r) ? '\u2013' : Fmt.speed(r);
  }

  function appThreads(m) { return m.threads.filter(function (t) { return !t.system; }); }

  /**
   * The time scale of both timelines: each side starts at its origin, in µs from its recording's start —
   * the start of its first phase, else its application's first activity — and the span is the longer of
   * the two from there to the end of the activity, so that equal times have equal widths and the shorter
   * run ends early.
   */
  function commonScale(before, after) {
    function side(m) {
      var act = viewer.activityOf(m, appThreads(m));
      var origin = m.phases.length ? m.phases[0].start : act.start;
      return { origin: origin, span: Math.max(0, act.end - origin) };
    }
    var b = side(before), a = side(after);
    return { before: b.origin, after: a.origin, beforeSpan: b.span, afterSpan: a.span, span: Math.max(1, b.span, a.span) };
  }

  /** The page's data in the text of its data element: {data}, {empty: true} for the bare template, or {error}. */
  function parse(text) {
    try {
      var d = JSON.parse(text);
      if (!d || d.weft === 'no-data') return { empty: true };
      if (d.format !== 'weft-diff-page' || !d.before || !d.after || !d.diff) return { error: 'The embedded data is not a Weft diff.' };
      return { data: d };
    } catch (e) {
      return { error: 'The embedded data could not be read (' + e.message + ').' };
    }
  }

  viewer.Diff = { parse: parse,  TOLERANCE: TOLERANCE, ratio: ratio, verdict: verdict, ratioText: ratioText, commonScale: commonScale };
}(viewer));
