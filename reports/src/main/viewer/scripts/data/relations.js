// Who relates to whom: the threads a selected thread started, woke and was woken by, and the
// critical path in one sentence.
(function (viewer) {
  'use strict';
  var Fmt = viewer.Fmt;

  function threadName(m, index) {
    var t = m.threads[index];
    return t ? t.name : null;
  }

  /** What thread sel started, woke and was woken by: the sets the selection highlights. */
  function relations(m, sel) {
    var any = {}, woke = {}, wokenBy = {}, wokeCount = 0, wokenByCount = 0;
    var t = m.threads[sel];
    t.children.forEach(function (c) { any[c] = 1; });
    if (t.parent >= 0) any[t.parent] = 1;
    for (var i = 0; i < t.nw; i++) { wokenBy[t.wWaker[i]] = (wokenBy[t.wWaker[i]] || 0) + 1; any[t.wWaker[i]] = 1; wokenByCount++; }
    m.threads.forEach(function (o) {
      for (var k = 0; k < o.nw; k++) if (o.wWaker[k] === sel) { woke[o.index] = (woke[o.index] || 0) + 1; any[o.index] = 1; wokeCount++; }
    });
    return { any: any, woke: woke, wokenBy: wokenBy, wokeCount: wokeCount, wokenByCount: wokenByCount };
  }

  /** The critical path's length, the threads that ran most of it, its unexplained waits and its links. */
  function criticalSummary(m) {
    var steps = m.critical;
    if (!steps.length) return 'No critical path: the recording holds no application thread activity.';
    var total = steps[steps.length - 1].end - steps[0].start, byThread = {}, waited = 0, wakes = 0, starts = 0;
    steps.forEach(function (s) {
      if (s.wait) waited += s.end - s.start;
      else byThread[s.thread] = (byThread[s.thread] || 0) + s.end - s.start;
      if (s.link === 1) wakes++;
      if (s.link === 2) starts++;
    });
    var top = Object.keys(byThread).map(Number).sort(function (a, b) { return byThread[b] - byThread[a]; }).slice(0, 4)
      .map(function (i) { return threadName(m, i) + ' ' + Fmt.dur(byThread[i]); });
    return 'Critical path: ' + Fmt.dur(total) + ' (' + Fmt.dur(steps[0].start) + ' \u2013 ' + Fmt.dur(steps[steps.length - 1].end) + '). Running: '
      + (top.join(', ') || 'none') + '. Waiting with no one to blame (sleeps, timeouts): ' + Fmt.dur(waited) + '. '
      + Fmt.plural(wakes, 'wake edge') + ', ' + Fmt.plural(starts, 'thread start') + '.';
  }

  Object.assign(viewer, { threadName, relations, criticalSummary });
}(viewer));
