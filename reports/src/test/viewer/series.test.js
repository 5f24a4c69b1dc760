'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { withModel } = require('./load.js');
const { report } = require('./fixture.js');

const { prepare, aggregate, stepSeries, columnMax, valueAt, groupAgg } = withModel();

const at = (series, times) => times.map((t) => valueAt(series, t));

test('a step series counts the intervals covering each moment', () => {
  const s = stepSeries(Float64Array.of(0, 10, 10, 30), Float64Array.of(20, 15, 40, 35), 4);
  assert.deepEqual(Array.from(s.times), [0, 10, 15, 20, 30, 35, 40]);
  assert.deepEqual(Array.from(s.values), [1, 3, 2, 1, 2, 1, 0]);
  assert.equal(s.peak, 3);
  assert.deepEqual(at(s, [-1, 0, 9, 10, 14.9, 15, 39, 40, 99]), [0, 1, 1, 3, 3, 2, 1, 0, 0]);
  // an interval ending where another starts: the count never shows a false dip or peak
  const touching = stepSeries(Float64Array.of(0, 10), Float64Array.of(10, 20), 2);
  assert.equal(touching.peak, 1);
  assert.deepEqual(at(touching, [5, 10, 15, 20]), [1, 1, 1, 0]);
});

test('an idle pool worker is alive but never blocked in the curve', () => {
  const m = prepare(report({ kinds: ['workload', 'idle', 'lock'], threads: [
    { name: 'pool-1-thread-1', start: 0, end: 100, spans: [[0, 10, 'workload'], [10, 90, 'idle'], [90, 95, 'lock']] }
  ] }));
  const agg = aggregate(m, m.threads);
  assert.deepEqual(at(agg.waiting, [5, 50, 92, 97]), [0, 0, 1, 0], 'idle is waiting for work, not blocked');
  assert.deepEqual(at(agg.alive, [50]), [1]);
  assert.equal(m.threads[0].waitTotal, 0, 'no blocked time from the idle kind');
});

test('only the first n intervals count', () => {
  const s = stepSeries(Float64Array.of(0, 5, 99), Float64Array.of(10, 6, 100), 2);
  assert.equal(valueAt(s, 99.5), 0);
});

test('running is top-level workload minus waits; waiting is any wait; alive is the lifetime', () => {
  const m = prepare(report({ threads: [
    { name: 'a', start: 0, end: 100, spans: [[10, 60, 'workload'], [20, 30, 'workload'], [40, 50, 'sleep'], [70, 80, 'park']] },
    { name: 'b', start: 30, end: 90, spans: [[30, 90, 'workload'], [45, 55, 'join']] },
    { name: 'c', start: 200, end: 150 } // an end before the start: never alive
  ] }));
  const agg = aggregate(m, m.threads);
  assert.equal(agg.count, 3);
  assert.deepEqual(at(agg.running, [5, 15, 25, 35, 42, 47, 52, 57, 65, 75, 85, 95]), [0, 1, 1, 2, 1, 0, 1, 2, 1, 1, 1, 0]);
  assert.deepEqual(at(agg.waiting, [5, 42, 47, 52, 57, 75, 85]), [0, 1, 2, 1, 0, 1, 0]);
  assert.deepEqual(at(agg.alive, [0, 29, 30, 89, 90, 99, 100, 175]), [1, 1, 2, 2, 1, 1, 0, 0]);
  assert.equal(agg.running.peak, 2);
});

test('spans are clipped to the thread\'s lifetime', () => {
  const m = prepare(report({ threads: [{ name: 'late', start: 50, end: 80, spans: [[0, 100, 'workload'], [70, 120, 'sleep']] }] }));
  const agg = aggregate(m, m.threads);
  assert.deepEqual(at(agg.running, [40, 50, 69, 70]), [0, 1, 1, 0]);
  assert.deepEqual(at(agg.waiting, [60, 75, 80, 90]), [0, 1, 0, 0]);
});

test('a group counts its members once and keeps the counts', () => {
  const m = prepare(report({ threads: [{ name: 'w-1', end: 10, spans: [[0, 10]] }, { name: 'w-2', end: 10, spans: [[5, 10]] }] }));
  const g = { members: [0, 1], agg: null };
  const agg = groupAgg(m, g);
  assert.equal(valueAt(agg.running, 6), 2);
  assert.equal(groupAgg(m, g), agg);
});

test('column maxima keep a peak shorter than a column', () => {
  // 1 thread all along, 5 for one microsecond in the middle
  const s = stepSeries(Float64Array.of(0, 500, 500, 500, 500), Float64Array.of(1000, 501, 501, 501, 501), 5);
  const cols = columnMax(s, 0, 1000, 10);
  assert.deepEqual(Array.from(cols), [1, 1, 1, 1, 1, 5, 1, 1, 1, 1]);
  assert.deepEqual(Array.from(columnMax(s, 2000, 3000, 4)), [0, 0, 0, 0], 'after the end');
  assert.deepEqual(Array.from(columnMax(s, -100, 0, 2)), [0, 0], 'before the start');
  assert.equal(columnMax(s, 0, 10, 0).length, 0);
  assert.deepEqual(Array.from(columnMax({ times: new Float64Array(0), values: new Int32Array(0) }, 0, 10, 3)), [0, 0, 0]);
});
