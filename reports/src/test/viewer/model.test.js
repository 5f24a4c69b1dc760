'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { withModel } = require('./load.js');
const { report } = require('./fixture.js');

const viewer = withModel();
const { parse, prepare, passOf, wakeOfSeg, lowerBound, upperBound, MaxTree } = viewer;

/** A tiny seeded generator, so that a failure can be replayed. */
function random(seed) {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 4294967296; };
}

test('the data element: a report, the bare template, or a clear error', () => {
  assert.deepEqual(parse('{"weft":"no-data"}'), { empty: true });
  assert.deepEqual(parse('null'), { empty: true });
  assert.equal(parse('{"format":"weft-report","version":2}').data.version, 2);
  assert.equal(parse('{"format":"other"}').error, 'The embedded data is not a Weft report.');
  assert.match(parse('{"format":').error, /^The embedded data could not be read \(.+\)\.$/);
});

test('binary searches agree with a linear scan, with and without a range', () => {
  const next = random(7);
  for (let round = 0; round < 200; round++) {
    const n = Math.floor(next() * 40);
    const arr = Float64Array.from({ length: n }, () => Math.floor(next() * 20)).sort();
    const v = Math.floor(next() * 22) - 1;
    assert.equal(lowerBound(arr, v), arr.findIndex((x) => x >= v) < 0 ? n : arr.findIndex((x) => x >= v));
    assert.equal(upperBound(arr, v), arr.findIndex((x) => x > v) < 0 ? n : arr.findIndex((x) => x > v));
    const lo = Math.floor(next() * (n + 1)), hi = lo + Math.floor(next() * (n - lo + 1));
    let expected = lo;
    while (expected < hi && arr[expected] < v) expected++;
    assert.equal(lowerBound(arr, v, lo, hi), expected);
  }
});

test('the max tree finds the first and last value above x in a range', () => {
  const next = random(11);
  for (let round = 0; round < 200; round++) {
    const n = 1 + Math.floor(next() * 70);
    const values = Float64Array.from({ length: n }, () => Math.floor(next() * 100));
    const tree = MaxTree(values);
    const lo = Math.floor(next() * n), hi = lo + Math.floor(next() * (n - lo + 1)), x = Math.floor(next() * 100);
    let first = -1, last = -1;
    for (let i = lo; i < hi; i++) if (values[i] > x) { if (first < 0) first = i; last = i; }
    assert.equal(tree.firstAbove(lo, hi, x), first, `first in [${lo}, ${hi}) above ${x}`);
    assert.equal(tree.lastAbove(lo, hi, x), last, `last in [${lo}, ${hi}) above ${x}`);
  }
});

test('segments decode from deltas, with the nesting depth of workloads and of waits inside them', () => {
  const m = prepare(report({ threads: [{ name: 'main', start: 0, end: 1000, flags: ['startSeen', 'endSeen', 'phase'], spans: [
    [10, 900, 'workload', 'Main::run'],
    [20, 400, 'workload', 'Task::a'],
    [30, 100, 'workload', 'Task::inner'],
    [150, 200, 'sleep', 'Thread.sleep'],
    [500, 600, 'join', 'Thread.join'],
    [950, 990, 'park']
  ] }] }));
  const t = m.threads[0];
  assert.equal(t.n, 6);
  assert.equal(t.nWork, 3);
  assert.deepEqual(Array.from(t.starts), [10, 20, 30, 150, 500, 950]);
  assert.deepEqual(Array.from(t.ends), [900, 400, 100, 200, 600, 990]);
  assert.deepEqual(Array.from(t.depth), [0, 1, 2, 1, 1, 0], 'nested workloads count up; a wait is 1 inside a workload, 0 outside');
  assert.deepEqual(t.desc.length, 6);
  assert.equal(m.descs[t.desc[1]].label, 'Task::a');
  assert.equal(m.kinds[m.descs[t.desc[3]].kind], 'sleep');
  assert.ok(t.startSeen && t.endSeen && t.phase && !t.virtual && !t.alive && !t.system);
  assert.equal(m.duration, 1000);
});

test('wakes decode to the woken segment, the waker and the time it acted', () => {
  const m = prepare(report({ threads: [
    { name: 'main', end: 1000, spans: [[100, 300, 'join'], [400, 500, 'sleep'], [600, 800, 'latch']],
      wakes: [[0, 1, 290, 'thread end'], [2, 1, 805]] },
    { name: 'worker', end: 900, parent: 0 }
  ] }));
  const main = m.threads[0];
  assert.equal(main.nw, 2);
  assert.deepEqual(Array.from(main.wSeg), [0, 2]);
  assert.deepEqual(Array.from(main.wWaker), [1, 1]);
  assert.deepEqual(Array.from(main.wTime), [290, 805]);
  assert.deepEqual(Array.from(main.wHow).map((h) => m.hows[h]), ['thread end', 'unpark']);
  assert.equal(wakeOfSeg(main, 0), 0);
  assert.equal(wakeOfSeg(main, 1), -1, 'the sleep had no waker');
  assert.equal(wakeOfSeg(main, 2), 1);
  assert.deepEqual(main.children, [1], 'the worker is main\'s child');
});

test('a pass holds one kind of segment in start order, with the longest duration', () => {
  const m = prepare(report({ threads: [{ name: 't', end: 100, spans: [[0, 50, 'workload'], [5, 10, 'sleep'], [20, 22, 'workload'], [30, 90, 'park']] }] }));
  const t = m.threads[0];
  const work = passOf(m, t, 0), waits = passOf(m, t, 1);
  assert.deepEqual(Array.from(work.idx), [0, 2]);
  assert.deepEqual(Array.from(waits.idx), [1, 3]);
  assert.equal(work.maxDur, 50);
  assert.equal(waits.maxDur, 60);
  assert.equal(passOf(m, t, 1), waits, 'built once');
});

test('the critical path decodes into steps of known threads only', () => {
  const m = prepare(report({ threads: [{ name: 'main', end: 100 }, { name: 'w', end: 100 }],
    critical: [[0, 0, 10, 0, 0], [1, 10, 30, 0, 2], [0, 40, 5, 1, 1], [7, 45, 5, 0, 0]] }));
  assert.deepEqual(m.critical.map((s) => [s.thread, s.start, s.end, s.wait, s.link]),
    [[0, 0, 10, false, 0], [1, 10, 40, false, 2], [0, 40, 45, true, 1]]);
});

test('a phase row decodes to its fields, its name and method from the strings, its blocked time by kind name', () => {
  const m = prepare(report({
    threads: [{ name: 'main', end: 1000, spans: [[0, 900, 'workload', 'Demo::run'], [100, 400, 'join', 'Thread.join']] }],
    phases: [{ name: 'Demo.run', method: 'Demo::run', group: 0, start: 0, end: 900, inFlight: 1.5, inFlightTime: 1350,
      inFlightPeak: 2, running: 0.75, runningTime: 675, runningPeak: 1, blocked: 300, blockedShare: 0.25, idle: 7,
      threadTime: 1200, threads: 2, blockedByKind: { join: 300, latch: 0 } }]
  }));
  assert.deepEqual(m.phases, [{ name: 'Demo.run', method: 'Demo::run', group: 0, start: 0, end: 900, wall: 900, inFlight: 1.5,
    inFlightTime: 1350, inFlightPeak: 2, running: 0.75, runningTime: 675, runningPeak: 1, blocked: 300, blockedShare: 0.25,
    idle: 7, threadTime: 1200, threads: 2, blockedByKind: { join: 300, latch: 0 } }]);
  const loose = prepare(report({ threads: [{ name: 'main', end: 10 }], phases: [{ name: 'p', start: 1, end: 9 }] }));
  assert.equal(loose.phases[0].group, undefined, 'a phase in no group');
  assert.equal(loose.phases[0].method, null);
});
