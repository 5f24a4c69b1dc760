'use strict';
// Reports in the data format HtmlRenderer embeds (see DataWriter), written from absolute times, so
// that a test says what a thread did rather than how the format encodes it.

const FLAG = { virtual: 1, daemon: 2, daemonKnown: 4, startSeen: 8, endSeen: 16, alive: 32, system: 64, phase: 128 };

/**
 * threads: [{name, start, end, parent, flags: ['virtual', …], spans: [[start, end, kind or 'workload',
 * label], …], wakes: [[span index, waker, time of the wake, how], …], pins: [[start, end, stack, reason], …]}];
 * kinds: the wait kinds used.
 */
function report({ threads, kinds = ['workload', 'sleep', 'join', 'latch', 'park'], duration, phases = [], critical = [] }) {
  const strings = [], descs = [], descKey = new Map(), hows = ['unpark', 'thread end'];
  const str = (s) => {
    if (s === undefined || s === null) return -1;
    let i = strings.indexOf(s);
    if (i < 0) { i = strings.length; strings.push(s); }
    return i;
  };
  const desc = (kind, label) => {
    const k = kinds.indexOf(kind);
    if (k < 0) throw new Error('unknown kind ' + kind);
    const key = k + ':' + label;
    if (!descKey.has(key)) { descKey.set(key, descs.length / 8); descs.push(k, str(label), -1, -1, -1, 0, -1, -1); }
    return descKey.get(key);
  };
  const segs = [], wakes = [];
  const out = threads.map((t, index) => {
    const spans = (t.spans || []).slice().sort((a, b) => a[0] - b[0]);
    if (spans.some((s, i) => i > 0 && s[0] < spans[i - 1][0])) throw new Error('unsorted');
    let at = 0;
    const flat = [];
    for (const [s, e, kind = 'workload', label] of spans) { flat.push(s - at, e - s, desc(kind, label)); at = s; }
    segs.push(flat);
    const w = [];
    let prev = 0;
    for (const [seg, waker, time, how = 'unpark'] of (t.wakes || [])) { w.push(seg - prev, waker, time - spans[seg][1], hows.indexOf(how)); prev = seg; }
    wakes.push(w);
    let flags = 0;
    for (const f of (t.flags || [])) flags |= FLAG[f];
    const pins = (t.pins || []).flatMap(([s, e, stack, reason]) => [s, e - s, str(stack), str(reason)]);
    // a lane a row, by position: id, name, flags, parent, start, end, running, idle, other, waits, pins
    return [100 + index, t.name, flags, t.parent === undefined ? -1 : t.parent,
      t.start || 0, t.end, t.work || 0, t.idle || 0, t.other || 0, t.wait || [], pins];
  });
  // a phase a row, by position, as DataWriter writes it; blockedByKind {kind: µs} becomes [kind index, µs, …]
  const phaseRows = phases.map((p) => [str(p.name), str(p.method), p.group === undefined ? -1 : p.group, p.start, p.end,
    p.wall === undefined ? p.end - p.start : p.wall, p.inFlight || 0, p.inFlightTime || 0, p.inFlightPeak || 0,
    p.running || 0, p.runningTime || 0, p.runningPeak || 0, p.blocked || 0, p.blockedShare || 0, p.idle || 0,
    p.threadTime || 0, p.threads || 0,
    Object.entries(p.blockedByKind || {}).flatMap(([k, us]) => {
      if (kinds.indexOf(k) < 0) throw new Error('unknown kind ' + k);
      return [kinds.indexOf(k), us];
    })]);
  const end = duration || Math.max(1, ...out.map((t) => t[5]));
  const kindInfo = kinds.map((k, i) => ({ color: k === 'workload' ? '#4652d0' : 'hsl(' + (i * 53 % 360) + ', 30%, 70%)',
    idle: k === 'idle' }));
  return { format: 'weft-report', version: 5, durationUs: end, kinds, kindInfo, threads: out, segs, descs, strings, hows,
    wakes, critical: critical.flat(), phases: phaseRows };
}

module.exports = { report, FLAG };
