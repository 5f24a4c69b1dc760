'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { withModel } = require('./load.js');
const { report } = require('./fixture.js');

const viewer = withModel('base/dom', 'panels/legend', 'panels/describe');
const { prepare, relations, criticalSummary, describe, describePhase, legendItems, Colors } = viewer;

// main starts two workers, joins the first (woken by its end) and waits on a latch the second counts down
const demo = () => prepare(report({
  threads: [
    { name: 'main', end: 1000, flags: ['startSeen', 'endSeen', 'phase'], work: 900, other: 20, wait: [2, 300, 3, 100],
      spans: [[0, 900, 'workload', 'Demo::run'], [100, 400, 'join', 'Thread.join'], [500, 600, 'latch', 'CountDownLatch.await']],
      wakes: [[1, 1, 400, 'thread end'], [2, 2, 598]] },
    { name: 'worker-1', start: 50, end: 400, parent: 0, flags: ['startSeen', 'endSeen'], spans: [[60, 390, 'workload', 'Task::run']] },
    { name: 'worker-2', start: 60, end: 700, parent: 0, flags: ['startSeen', 'endSeen', 'alive'], spans: [[100, 200, 'sleep', 'Thread.sleep']] }
  ],
  critical: [[0, 0, 100, 0, 0], [1, 100, 300, 0, 1], [0, 400, 100, 0, 1], [0, 500, 100, 1, 0], [0, 600, 300, 0, 0]],
  phases: [{ name: 'Demo.run', method: 'Demo::run', start: 0, end: 900, wall: 900, inFlight: 1.3889, inFlightPeak: 2, running: 0.8, runningPeak: 1, threads: 3, blockedShare: 0.25 }]
}));

test('a selected thread relates to what it started, what woke it and what it woke', () => {
  const m = demo();
  const main = relations(m, 0);
  assert.deepEqual(Object.keys(main.any).map(Number).sort(), [1, 2]);
  assert.deepEqual(main.wokenBy, { 1: 1, 2: 1 });
  assert.equal(main.wokenByCount, 2);
  assert.equal(main.wokeCount, 0);
  const worker = relations(m, 2);
  assert.deepEqual(worker.woke, { 0: 1 });
  assert.deepEqual(Object.keys(worker.any).map(Number).sort(), [0], 'its parent and the thread it woke');
  assert.equal(worker.wokenByCount, 0);
});

test('the critical path in one sentence', () => {
  assert.equal(criticalSummary(demo()), 'Critical path: 900 \u00b5s (0 \u00b5s \u2013 900 \u00b5s). Running: main 500 \u00b5s, worker-1 300 \u00b5s. '
    + 'Waiting with no one to blame (sleeps, timeouts): 100 \u00b5s. 2 wake edges, 0 thread starts.');
  const none = prepare(report({ threads: [{ name: 'x', end: 5 }] }));
  assert.equal(criticalSummary(none), 'No critical path: the recording holds no application thread activity.');
});

const hitOn = (m, thread, seg, extra = {}) => Object.assign({ row: { type: 'thread', thread: m.threads[thread] }, t: 0, seg, gutter: false }, extra);

test('a wait is described with its call, its waker and its times', () => {
  const m = demo();
  const join = describe({ m }, hitOn(m, 0, 1));
  assert.equal(join.title, 'join \u00b7 Thread.join');
  assert.deepEqual(join.lines, [['thread', 'main'], ['kind', 'join'], ['call', 'Thread.join'],
    ['woken by', 'worker-1 (thread end, at 400 \u00b5s)'], ['duration', '300 \u00b5s'], ['start', '100 \u00b5s (end 400 \u00b5s)']]);
  const sleep = describe({ m }, hitOn(m, 2, 0));
  assert.ok(!sleep.lines.some((l) => l[0] === 'woken by'), 'a sleep has no waker to miss');
  const nested = describe({ m }, hitOn(m, 0, 0));
  assert.equal(nested.title, 'Demo::run');
  assert.deepEqual(nested.lines[1], ['kind', 'workload']);
});

test('a thread is described by its life and its links', () => {
  const m = demo();
  const info = describe({ m }, hitOn(m, 2, -1, { gutter: true }));
  assert.equal(info.title, 'worker-2');
  const lines = new Map(info.lines);
  assert.equal(lines.get('started by'), 'main');
  assert.equal(lines.get('lifetime'), '640 \u00b5s (60 \u00b5s \u2013 700 \u00b5s)');
  assert.equal(lines.get('at exit'), 'still running: its work was cut short');
  assert.equal(lines.get(''), 'click to select: what it started, woke, and what woke it');
  assert.equal(new Map(describe({ m }, hitOn(m, 0, -1, { gutter: true })).lines).get('started'), '2 threads');
});

test('the curve and a folded group are described by their counts at the pointer', () => {
  const m = demo();
  const curve = viewer.aggregate(m, m.threads);
  const info = describe({ m, curve }, { row: { type: 'curve' }, t: 150, seg: -1, gutter: false });
  assert.deepEqual(info.lines.slice(0, 4), [['at', '150 \u00b5s'], ['running', '1 in workload, not waiting'], ['blocked', '2 (idle workers not counted)'], ['alive', '3']]);
  const g = { label: 'worker-N', members: [1, 2], agg: null };
  const group = describe({ m }, { row: { type: 'group', folded: true, group: g }, t: 150, seg: -1, gutter: false });
  assert.equal(group.title, 'worker-N (2)');
  assert.deepEqual(group.lines[1], ['running', '1 in workload, not waiting']);
  assert.deepEqual(group.lines[group.lines.length - 1], ['', 'click the name to unfold the group']);
});

test('a phase chip names its wall time and the threads in flight and running', () => {
  const info = describePhase(demo().phases[0]);
  assert.equal(info.title, 'Demo.run');
  assert.deepEqual(info.lines.slice(1, 4), [['wall', '900 \u00b5s'], ['in flight', '1.39 threads on average, 2 at most'],
    ['running', '0.80 threads on average, 1 at most']]);
});

test('the legend lists the wait kinds present, each in its own colour', () => {
  const items = legendItems(demo());
  assert.deepEqual(items.spans.map((i) => i[0]), ['workload', 'nested workload', 'sleep', 'join', 'latch', 'alive, neither']);
  assert.equal(new Set(items.spans.map((i) => i[1])).size, items.spans.length);
  assert.deepEqual(items.lines.map((i) => i[0]), ['started', 'woke', 'critical path', 'cut short at exit']);
  assert.equal(Colors.kind('join'), items.spans[3][1]);
  assert.equal(Colors.kind('some-new-kind'), Colors.kind('some-new-kind'), 'an unknown kind gets a stable colour');
});

test('a pinned virtual thread says how long and at which frame, on the wait and on the thread', () => {
  const m = prepare(report({ threads: [
    { name: 'vt', end: 500, flags: ['virtual', 'startSeen', 'endSeen'], spans: [[100, 400, 'sleep', 'Thread.sleep']],
      pins: [[110, 390, 'app.Slow.<clinit>:12\napp.Main.run:3', 'VM call to app.Slow.<clinit> on stack']] }
  ] }));
  assert.equal(m.threads[0].pins.length, 1);
  const onWait = new Map(describe({ m }, hitOn(m, 0, 0)).lines);
  assert.equal(onWait.get('pinned'), '1 time, 280 \u00b5s in all, at app.Slow.<clinit>:12 (VM call to app.Slow.<clinit> on stack): its carrier was blocked too');
  const onThread = new Map(describe({ m }, hitOn(m, 0, -1, { gutter: true })).lines);
  assert.ok(onThread.get('pinned').startsWith('1 time, 280 \u00b5s in all'));
  assert.ok(legendItems(m).lines.some((l) => l[0] === 'pinned to its carrier'));
});
