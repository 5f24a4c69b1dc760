'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { withModel } = require('./load.js');
const { report } = require('./fixture.js');

const viewer = withModel('layout/groups', 'layout/lanes', 'layout/viewport');
const { prepare, buildGroups, layoutRows, rowAtY, shownThreadCount, activityOf, clampView, SIZE } = viewer;

function model(names, extra = {}) {
  return prepare(report({ threads: names.map((n) => (typeof n === 'string' ? { name: n, end: 100 } : Object.assign({ end: 100 }, n))), ...extra }));
}

const describeRows = (rows) => rows.map((r) => r.type === 'thread' ? (r.group ? '  ' : '') + r.thread.name
  : r.type === 'group' ? (r.folded ? '+ ' : '- ') + r.group.label + ' ' + r.shown : r.type);

test('pools by name, virtual threads and the JVM\'s threads form groups; a lone name-N does not', () => {
  const m = model(['main', 'pool-1-thread-1', 'pool-1-thread-2', 'worker-7', 'db-3', 'db-4', 'db-5',
    { name: '', flags: ['virtual'] }, { name: 'v', flags: ['virtual'] }, { name: 'Reference Handler', flags: ['system'] }, { name: 'Finalizer', flags: ['system'] }]);
  const groups = buildGroups(m);
  assert.deepEqual(groups.list.map((g) => [g.key, g.label, g.members]), [
    ['pool:pool-1-thread-N', 'pool-1-thread-N', [1, 2]],
    ['pool:db-N', 'db-N', [4, 5, 6]],
    ['virtual', 'Virtual threads', [7, 8]],
    ['system', 'JDK-internal threads', [9, 10]]
  ]);
  assert.deepEqual(Array.from(groups.groupOf), [-1, 0, 0, -1, 1, 1, 1, 2, 2, 3, 3]);
  assert.ok(groups.list.every((g) => !g.folded), 'small groups start unfolded');
  assert.equal(groups.byKey['pool:db-N'], groups.list[1]);
});

test('groups of more than 16 start folded', () => {
  const names = Array.from({ length: 17 }, (_, i) => 'w-' + i);
  assert.equal(buildGroups(model(names)).list[0].folded, true);
  assert.equal(buildGroups(model(names.slice(1))).list[0].folded, false);
});

test('rows: the curve, lanes and groups in thread order, the JVM\'s threads last and only when asked for', () => {
  const m = model(['main', { name: 'GC', flags: ['system'] }, 'w-1', 'other', 'w-2', { name: 'JFR', flags: ['system'] }, { name: 'Sweeper', flags: ['system'] }]);
  const groups = buildGroups(m);
  let laid = layoutRows(m, groups, { filter: '', showSystem: false, curve: true });
  assert.deepEqual(describeRows(laid.rows), ['curve', 'main', '- w-N 2', '  w-1', '  w-2', 'other']);
  assert.deepEqual(laid.rows.map((r) => r.y), [0, 64, 86, 110, 132, 154]);
  assert.equal(laid.height, SIZE.CURVE_H + 4 * SIZE.LANE_H + SIZE.HEADER_H);
  assert.ok(laid.rows.every((r, i) => r.index === i));
  assert.equal(laid.rowOfThread[4].thread.name, 'w-2');
  assert.equal(laid.rowOfThread[1], undefined, 'a hidden thread has no row');

  laid = layoutRows(m, groups, { filter: '', showSystem: true, curve: false });
  assert.deepEqual(describeRows(laid.rows), ['main', '- w-N 2', '  w-1', '  w-2', 'other', '- JDK-internal threads 3', '  GC', '  JFR', '  Sweeper']);
});

test('a folded group is one lane of counts that stands for each of its threads', () => {
  const m = model(['main', 'w-1', 'w-2', 'w-3']);
  const groups = buildGroups(m);
  groups.list[0].folded = true;
  const laid = layoutRows(m, groups, { filter: '', showSystem: false, curve: false });
  assert.deepEqual(describeRows(laid.rows), ['main', '+ w-N 3']);
  assert.equal(laid.rows[1].h, SIZE.AGG_H);
  assert.ok([1, 2, 3].every((i) => laid.rowOfThread[i] === laid.rows[1]));
  assert.equal(shownThreadCount(laid.rows), 4);
});

test('the filter keeps matching lanes, and unfolds a folded group that has few matches', () => {
  const m = model(['main', 'w-1', 'w-2', 'w-13', 'helper']);
  const groups = buildGroups(m);
  groups.list[0].folded = true;
  let laid = layoutRows(m, groups, { filter: 'w-1', showSystem: false, curve: true });
  assert.deepEqual(describeRows(laid.rows), ['curve', '- w-N 2', '  w-1', '  w-13']);
  assert.equal(shownThreadCount(laid.rows), 2);
  laid = layoutRows(m, groups, { filter: 'nothing', showSystem: false, curve: true });
  assert.deepEqual(describeRows(laid.rows), ['curve']);
});

test('the row at a height, by binary search', () => {
  const m = model(['a', 'b', 'c']);
  const laid = layoutRows(m, buildGroups(m), { filter: '', showSystem: false, curve: true });
  assert.equal(rowAtY(laid.rows, -1), null);
  assert.equal(rowAtY(laid.rows, 0).type, 'curve');
  assert.equal(rowAtY(laid.rows, 63).type, 'curve');
  assert.equal(rowAtY(laid.rows, 64).thread.name, 'a');
  assert.equal(rowAtY(laid.rows, 64 + 3 * 22 - 1).thread.name, 'c');
  assert.equal(rowAtY(laid.rows, 64 + 3 * 22), null);
});

test('fit shows the application\'s activity, not the whole recording', () => {
  const m = prepare(report({ duration: 10_000, threads: [
    { name: 'main', start: 0, end: 9000, flags: ['startSeen'], spans: [[2000, 3000, 'workload'], [3500, 4000, 'sleep']] },
    { name: 'w-1', start: 2500, end: 4200, flags: ['startSeen', 'endSeen'] }
  ] }));
  // main's start at 0 is not activity (start > 0 only); its end was not seen
  assert.deepEqual(activityOf(m, m.threads), { start: 2000, end: 4200 });
  const idle = prepare(report({ duration: 500, threads: [{ name: 'idle', end: 500 }] }));
  assert.deepEqual(activityOf(idle, idle.threads), { start: 0, end: 500 }, 'nothing happened: the whole recording');
});

test('the view stays at least 2 µs long and within 5% of the recording\'s ends', () => {
  assert.deepEqual(clampView(100, 200, 1000), { t0: 100, t1: 200 });
  assert.deepEqual(clampView(100, 100.5, 1000), { t0: 100, t1: 102 });
  assert.deepEqual(clampView(-500, 200, 1000), { t0: -50, t1: 650 });
  assert.deepEqual(clampView(900, 1200, 1000), { t0: 750, t1: 1050 });
  assert.deepEqual(clampView(-5000, 5000, 1000), { t0: -50, t1: 1050 });
});
