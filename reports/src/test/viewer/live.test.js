'use strict';
// The live page's pure part (scripts/live/data.js), on reports in the data format the watcher serves.
const test = require('node:test');
const assert = require('node:assert/strict');
const { load } = require('./load.js');
const { report } = require('./fixture.js');

const { decodeThreads, liveRows, liveSteps, liveArrows } = load('base/format', 'base/colors', 'live/data');

const r = report({ threads: [
  { name: 'main', start: 0, end: 100, spans: [[10, 40, 'workload'], [50, 90, 'join']] },
  { name: 'worker', start: 20, end: 100, spans: [[30, 95, 'latch']], wakes: [[0, 0, 96]] },
  { name: 'Common-Cleaner', start: 0, end: 100, flags: ['system'], spans: [[0, 100, 'park']] },
] });

test('the compact segments decode into absolute spans with their kind names', () => {
  const t = decodeThreads(r);
  assert.deepEqual(t[0].segs, [[10, 40, 'workload'], [50, 90, 'join']]);
  assert.deepEqual(t[1].segs, [[30, 95, 'latch']]);
  assert.equal(t[2].system, true);
  assert.equal(t[1].start, 20);
});

test('blocked threads are drawn first, the longest first; the JDK\'s own only when asked', () => {
  const t = decodeThreads(r);
  const blocked = [{ thread: 'worker', forMs: 9 }, { thread: 'main', forMs: 2 }];
  assert.deepEqual(liveRows(t, blocked, false, 10).rows.map((x) => x.name), ['worker', 'main']);
  assert.deepEqual(liveRows(t, [], true, 10).rows.map((x) => x.name), ['main', 'worker', 'Common-Cleaner']);
  const one = liveRows(t, [], true, 1);
  assert.equal(one.rows.length, 1);
  assert.equal(one.more, 2);
});

test('alive and running steps: a wait takes a thread out of running, not out of alive; the JDK\'s own do not count', () => {
  const steps = liveSteps(decodeThreads(r));
  const at = (time) => steps.filter((s) => s[0] <= time).pop();
  assert.deepEqual(at(25).slice(1), [2, 2]);
  assert.deepEqual(at(60).slice(1), [2, 0], 'main joins, worker awaits its latch');
  assert.deepEqual(at(96).slice(1), [2, 2], 'both done waiting');
});

test('wake arrows run from the waker at its action to the woken at its wait\'s end, those ending in the window', () => {
  const t = decodeThreads(r);
  assert.deepEqual(liveArrows(r, t, 0), [{ waker: 0, woken: 1, from: 96, to: 95 }]);
  assert.deepEqual(liveArrows(r, t, 96), [], 'a wait that ended before the window');
});
