// The words for what the pointer is on: a span, a thread, the curve, a group or a phase, as a title
// and key/value lines, shared by the tooltip and the details box.
(function (viewer) {
  'use strict';
  var Fmt = viewer.Fmt, kindName = viewer.kindName, threadName = viewer.threadName, wakeOfSeg = viewer.wakeOfSeg;
  var groupAgg = viewer.groupAgg, valueAt = viewer.valueAt;

  /** Key/value lines describing a hit, shared by the tooltip and the pinned details. */
  function describe(v, h) {
    var m = v.m;
    var r = h.row, lines = [], title;
    if (r.type === 'thread') {
      var t = r.thread;
      if (h.seg >= 0) {
        var dsc = m.descs[t.desc[h.seg]], kind = kindName(m.kinds, dsc.kind);
        var s = t.starts[h.seg], e = t.ends[h.seg];
        title = dsc.kind === 0 ? (dsc.label || 'workload') : kind + (dsc.label ? ' \u00b7 ' + dsc.label : '');
        lines.push(['thread', t.name]);
        lines.push(['kind', dsc.kind === 0 ? 'workload' + (t.depth[h.seg] ? ' (nested, depth ' + t.depth[h.seg] + ')' : '') : kind]);
        if (dsc.kind !== 0 && dsc.label) lines.push(['call', dsc.label + (dsc.timed ? ' (with timeout)' : '')]);
        if (dsc.blockerClass) lines.push(['waited on', dsc.blockerClass + (dsc.blockerId ? ' @' + (dsc.blockerId >>> 0).toString(16) : '')]);
        if (dsc.detail) lines.push(['waited for', dsc.detail]);
        if (m.idleKind[dsc.kind]) lines.push(['', 'idle: waiting for its next task, not blocked']);
        var pinned = dsc.kind !== 0 ? pinsIn(t, s, e) : [];
        if (pinned.length) lines.push(['pinned', pinSummary(pinned) + ': its carrier was blocked too']);
        if (dsc.target >= 0) lines.push([kind === 'monitor-enter' ? 'held by' : kind === 'monitor-wait' ? 'notified by' : 'for', threadName(m, dsc.target) || ('#' + dsc.target)]);
        var w = dsc.kind !== 0 ? wakeOfSeg(t, h.seg) : -1;
        if (w >= 0) lines.push(['woken by', (threadName(m, t.wWaker[w]) || '?') + ' (' + (m.hows[t.wHow[w]] || 'wake') + ', at ' + Fmt.dur(t.wTime[w]) + ')']);
        else if (dsc.kind !== 0 && kind !== 'sleep') lines.push(['woken by', 'not recorded (a timeout, an interrupt, or an unseen waker)']);
        lines.push(['duration', Fmt.dur(e - s)]);
        lines.push(['start', Fmt.dur(s) + ' (end ' + Fmt.dur(e) + ')']);
        if (dsc.stack) lines.push(['stack', dsc.stack]);
      } else {
        title = t.name;
        lines.push(['type', (t.virtual ? 'virtual' : 'platform') + (t.daemonKnown ? (t.daemon ? ', daemon' : ', non-daemon') : '') + (t.system ? ', JDK-internal' : '')]);
        lines.push(['id', String(t.id)]);
        lines.push(['lifetime', Fmt.dur(t.end - t.start) + ' (' + Fmt.dur(t.start) + ' \u2013 ' + (t.endSeen ? Fmt.dur(t.end) : 'no end seen') + ')']);
        if (t.parent >= 0) lines.push(['started by', threadName(m, t.parent) || '?']);
        if (t.children.length) lines.push(['started', Fmt.plural(t.children.length, 'thread')]);
        lines.push(['running', Fmt.dur(t.work)]);
        lines.push(['blocked', Fmt.dur(t.waitTotal)]);
        if (t.idle) lines.push(['idle', Fmt.dur(t.idle) + ' waiting for its next task']);
        lines.push(['other', Fmt.dur(t.other)]);
        if (t.pins.length) lines.push(['pinned', pinSummary(t.pins)]);
        if (t.alive) lines.push(['at exit', 'still running: its work was cut short']);
        if (!h.gutter) lines.push(['at', Fmt.dur(h.t)]);
        else lines.push(['', 'click to select: what it started, woke, and what woke it']);
      }
    } else if (r.type === 'curve' || (r.type === 'group' && r.folded)) {
      var agg = r.type === 'curve' ? v.curve : groupAgg(m, r.group);
      title = r.type === 'curve' ? 'Concurrency' : r.group.label + ' (' + Fmt.int(r.group.members.length) + ')';
      if (agg && !h.gutter) {
        lines.push(['at', Fmt.dur(h.t)]);
        lines.push(['running', Fmt.int(valueAt(agg.running, h.t)) + ' in workload, not waiting']);
        lines.push(['blocked', Fmt.int(valueAt(agg.waiting, h.t)) + ' (idle workers not counted)']);
        lines.push(['alive', Fmt.int(valueAt(agg.alive, h.t))]);
      }
      if (agg) lines.push(['peak', Fmt.int(agg.running.peak) + ' running, ' + Fmt.int(agg.waiting.peak) + ' blocked, ' + Fmt.int(agg.alive.peak) + ' alive']);
      if (r.type === 'group') lines.push(['', 'click the name to unfold the group']);
    } else {
      title = r.group.label;
      lines.push(['threads', Fmt.int(r.group.members.length)]);
      lines.push(['', 'click the name to fold the group']);
    }
    return { title: title, lines: lines };
  }


  /** "2 times, 310 ms in all, at Slow.<clinit>:12 (reason)": where a virtual thread was pinned to its carrier. */
  function pinSummary(pins) {
    var total = 0;
    pins.forEach(function (p) { total += p.end - p.start; });
    var first = pins[0], frame = first.stack ? first.stack.split('\n')[0] : null;
    return Fmt.plural(pins.length, 'time') + ', ' + Fmt.dur(total) + ' in all' + (frame ? ', at ' + frame : '')
      + (first.reason ? ' (' + first.reason + ')' : '');
  }

  /** The pins of thread t that overlap [s, e). */
  function pinsIn(t, s, e) {
    return t.pins.filter(function (p) { return p.start < e && p.end > s; });
  }

  /** The lines of a phase's name chip in the axis. */
  function describePhase(p) {
    return { title: p.name, lines: [['method', p.method || ''], ['wall', Fmt.dur(p.wall)],
      ['in flight', (p.inFlight || 0).toFixed(2) + ' threads on average, ' + Fmt.int(p.inFlightPeak || 0) + ' at most'],
      ['running', (p.running || 0).toFixed(2) + ' threads on average, ' + Fmt.int(p.runningPeak || 0) + ' at most'],
      ['threads', Fmt.int(p.threads)], ['blocked', Fmt.pct(p.blockedShare || 0) + ' of the threads\u2019 time'],
      ['', 'click to zoom to the phase']] };
  }

  Object.assign(viewer, { describe, describePhase });
}(viewer));
