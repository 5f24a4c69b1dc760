// The model: the embedded JSON decoded into typed arrays per thread (segments, wakes, nesting depth).
(function (viewer) {
  'use strict';
  var lowerBound = viewer.lowerBound, MaxTree = viewer.MaxTree;

  var FLAG = { VIRTUAL: 1, DAEMON: 2, DAEMON_KNOWN: 4, START_SEEN: 8, END_SEEN: 16, ALIVE: 32, SYSTEM: 64, PHASE: 128 };

  /** The report in the text of the data element: {data}, {empty: true} for the bare template, or {error}. */
  function parse(text) {
    try {
      var d = JSON.parse(text);
      if (!d || d.weft === 'no-data') return { empty: true };
      if (d.format !== 'weft-report') return { error: 'The embedded data is not a Weft report.' };
      return { data: d };
    } catch (e) {
      return { error: 'The embedded data could not be read (' + e.message + ').' };
    }
  }

  function readData() {
    var node = viewer.$('weft-data');
    if (!node) return { error: 'The data element is missing.' };
    return parse(node.textContent || '');
  }

  /** Decodes threads, segments and wakes into typed arrays, with nesting depth for workload spans. */
  function prepare(d) {
    var strings = d.strings || [];
    var kinds = d.kinds || ['workload'];
    var str = function (i) { return i >= 0 && i < strings.length ? strings[i] : null; };
    var descs = [];
    var rawDescs = d.descs || [];
    for (var i = 0; i + 7 < rawDescs.length; i += 8) {
      descs.push({ kind: rawDescs[i], label: str(rawDescs[i + 1]), blockerClass: str(rawDescs[i + 2]),
        blockerId: rawDescs[i + 3], target: rawDescs[i + 4], timed: rawDescs[i + 5] === 1, stack: str(rawDescs[i + 6]),
        detail: str(rawDescs[i + 7]) });
    }
    // the one list of kinds (the report's WaitKinds): colours, and which kind is idle rather than blocked
    var kindInfo = d.kindInfo || [];
    if (viewer.Colors) {
      var all = d.allKinds || [];
      viewer.Colors.useKinds(all.map(function (k) { return k.name; }), all);
      viewer.Colors.useKinds(kinds, kindInfo);
    }
    var idleKind = new Uint8Array(kinds.length);
    kindInfo.forEach(function (k, i) { if (k && k.idle) idleKind[i] = 1; });
    var isWork = new Uint8Array(descs.length);
    descs.forEach(function (x, k) { isWork[k] = x.kind === 0 ? 1 : 0; });
    var hows = d.hows || [];
    var threads = (d.threads || []).map(function (row, index) {
      // a lane's fields by position, as DataWriter writes them
      var t = { id: row[0], name: row[1], flags: row[2], parent: row[3], start: row[4], end: row[5], work: row[6],
        idle: row[7], other: row[8], wait: row[9], pins: row[10] };
      var raw = (d.segs && d.segs[index]) || [];
      var n = Math.floor(raw.length / 3);
      var starts = new Float64Array(n), ends = new Float64Array(n), desc = new Int32Array(n), depth = new Uint8Array(n);
      var at = 0, stack = [], nWork = 0;
      for (var j = 0; j < n; j++) {
        at += raw[3 * j];
        starts[j] = at;
        ends[j] = at + raw[3 * j + 1];
        var dk = raw[3 * j + 2];
        desc[j] = dk;
        while (stack.length && stack[stack.length - 1] <= starts[j]) stack.pop();
        if (isWork[dk]) {
          depth[j] = Math.min(stack.length, 255);
          stack.push(ends[j]);
          nWork++;
        } else {
          depth[j] = stack.length ? 1 : 0; // a wait: 1 when inside a workload span
        }
      }
      // wakes that ended this thread's waits
      var rawW = (d.wakes && d.wakes[index]) || [];
      var nw = Math.floor(rawW.length / 4);
      var wSeg = new Int32Array(nw), wWaker = new Int32Array(nw), wTime = new Float64Array(nw), wHow = new Int32Array(nw);
      var seg = 0;
      for (var w = 0; w < nw; w++) {
        seg += rawW[4 * w];
        wSeg[w] = seg;
        wWaker[w] = rawW[4 * w + 1];
        wTime[w] = (seg < n ? ends[seg] : 0) + rawW[4 * w + 2];
        wHow[w] = rawW[4 * w + 3];
      }
      // blocked: every wait kind but idle, which is waiting for work and never summed into it
      var waitTotal = 0;
      for (var k = 1; k < (t.wait || []).length; k += 2) if (!idleKind[t.wait[k - 1]]) waitTotal += t.wait[k];
      var rawP = t.pins || [], pins = [];
      for (var q = 0; q + 3 < rawP.length; q += 4) {
        pins.push({ start: rawP[q], end: rawP[q] + rawP[q + 1], stack: str(rawP[q + 2]), reason: str(rawP[q + 3]) });
      }
      return {
        index: index, id: t.id, name: String(t.name), flags: t.flags, parent: t.parent,
        start: t.start, end: Math.max(t.start, t.end), work: t.work, other: t.other, wait: t.wait || [], waitTotal: waitTotal,
        idle: t.idle || 0, pins: pins,
        virtual: !!(t.flags & FLAG.VIRTUAL), daemon: !!(t.flags & FLAG.DAEMON), daemonKnown: !!(t.flags & FLAG.DAEMON_KNOWN),
        startSeen: !!(t.flags & FLAG.START_SEEN), endSeen: !!(t.flags & FLAG.END_SEEN), alive: !!(t.flags & FLAG.ALIVE),
        system: !!(t.flags & FLAG.SYSTEM), phase: !!(t.flags & FLAG.PHASE),
        n: n, nWork: nWork, starts: starts, ends: ends, desc: desc, depth: depth,
        nw: nw, wSeg: wSeg, wWaker: wWaker, wTime: wTime, wHow: wHow,
        children: [], passes: null
      };
    });
    threads.forEach(function (t) { if (t.parent >= 0 && threads[t.parent] && t.parent !== t.index) threads[t.parent].children.push(t.index); });
    var critical = [], rc = d.critical || [];
    for (var c = 0; c + 4 < rc.length; c += 5) {
      if (!threads[rc[c]]) continue;
      critical.push({ thread: rc[c], start: rc[c + 1], end: rc[c + 1] + rc[c + 2], wait: rc[c + 3] === 1, link: rc[c + 4] });
    }
    var phases = (d.phases || []).map(function (row) {
      // a phase's fields by position, as DataWriter writes them
      var byKind = {}, b = row[17] || [];
      for (var q = 0; q + 1 < b.length; q += 2) if (kinds[b[q]] !== undefined) byKind[kinds[b[q]]] = b[q + 1];
      return { name: str(row[0]), method: str(row[1]), group: row[2] >= 0 ? row[2] : undefined, start: row[3], end: row[4],
        wall: row[5], inFlight: row[6], inFlightTime: row[7], inFlightPeak: row[8], running: row[9], runningTime: row[10],
        runningPeak: row[11], blocked: row[12], blockedShare: row[13], idle: row[14], threadTime: row[15],
        threads: row[16], blockedByKind: byKind };
    });
    return { d: d, kinds: kinds, kindInfo: kindInfo, idleKind: idleKind, descs: descs, isWork: isWork, threads: threads,
      strings: strings, hows: hows, phases: phases, phaseGroups: d.phaseGroups || [],
      duration: Math.max(1, d.durationUs || 1), critical: critical };
  }

  /**
   * The segments of one kind of pass (0 workloads, 1 waits) of a thread: their indices, starts, the
   * longest duration and a max tree over their ends, built on first use.
   */
  function passOf(m, t, p) {
    if (!t.passes) t.passes = [null, null];
    if (t.passes[p]) return t.passes[p];
    var count = p === 0 ? t.nWork : t.n - t.nWork, idx = new Int32Array(count), st = new Float64Array(count), en = new Float64Array(count);
    var k = 0, maxDur = 0;
    for (var j = 0; j < t.n; j++) {
      if ((m.isWork[t.desc[j]] === 1) !== (p === 0)) continue;
      idx[k] = j; st[k] = t.starts[j]; en[k] = t.ends[j];
      if (en[k] - st[k] > maxDur) maxDur = en[k] - st[k];
      k++;
    }
    var pass = { n: count, idx: idx, starts: st, ends: en, maxDur: maxDur, tree: null };
    pass.treeOf = function () { if (!pass.tree) pass.tree = MaxTree(en); return pass.tree; };
    t.passes[p] = pass;
    return pass;
  }

  /** The index (into t.wSeg …) of the wake that ended segment seg of thread t, or -1. */
  function wakeOfSeg(t, seg) {
    var i = lowerBound(t.wSeg, seg);
    return i < t.nw && t.wSeg[i] === seg ? i : -1;
  }

  Object.assign(viewer, { FLAG, parse, readData, prepare, passOf, wakeOfSeg });
}(viewer));
