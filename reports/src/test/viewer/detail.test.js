'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { withModel } = require('./load.js');
const { report } = require('./fixture.js');

const viewer = withModel('draw/detail');
const { prepare, passOf, visitPass } = viewer;
const { SPAN, MARK, REACH } = visitPass;

/** The waits of one thread with these [start, end] spans, as the lanes draw them (pass 1). */
function waits(spans) {
  const m = prepare(report({ threads: [{ name: 't', end: 1e9, spans: spans.map(([s, e]) => [s, e, 'park']) }] }));
  return passOf(m, m.threads[0], 1);
}

function visit(pass, t0, t1, left, scale) {
  const calls = [];
  visitPass(pass, t0, t1, left, scale, (j, x0, x1, how) => calls.push({ j, x0, x1, how }));
  return calls;
}

test('at a zoom where every span is a pixel or more, each span in view is painted whole, once, in order', () => {
  const pass = waits([[0, 10], [20, 35], [40, 41], [50, 90], [100, 130]]);
  // view [25, 105] at 1 px per µs, x = 0 at t = 25
  const calls = visit(pass, 25, 105, 0, 1);
  assert.deepEqual(calls.map((c) => [c.j, c.how]), [[1, SPAN], [2, SPAN], [3, SPAN], [4, SPAN]]);
  assert.deepEqual(calls.map((c) => [c.x0, c.x1]), [[-5, 10], [15, 16], [25, 65], [75, 105]]);
});

test('a span that starts before the view and reaches into it is painted', () => {
  const pass = waits([[0, 1000], [10, 11], [2000, 2001]]);
  const calls = visit(pass, 500, 600, 0, 1);
  assert.deepEqual(calls.map((c) => [c.j, c.how]), [[0, SPAN]]);
});

test('crowded spans: one mark per pixel column, and no span left without paint', () => {
  // 10,000 spans of 0.05 µs, 0.1 µs apart: ten in every pixel at 1 px per µs
  const spans = [];
  for (let i = 0; i < 10000; i++) spans.push([i * 0.1, i * 0.1 + 0.05]);
  const pass = waits(spans);
  const calls = visit(pass, 0, 1000, 240, 1);
  const marks = calls.filter((c) => c.how === MARK);
  assert.ok(calls.every((c) => c.how === MARK), 'nothing is wider than a pixel');
  assert.equal(new Set(marks.map((c) => c.x0)).size, marks.length, 'at most one mark a column');
  assert.ok(marks.length <= 1001 && marks.length >= 999, 'about one a column: ' + marks.length);
  assert.ok(marks.every((c) => c.x1 === c.x0 + 1 && Number.isInteger(c.x0)));
  const painted = new Set(marks.map((c) => c.x0));
  for (let j = 0; j < pass.n; j++) {
    const x = Math.floor(240 + pass.starts[j]);
    assert.ok(painted.has(x), 'span ' + j + ' falls in a column with a mark');
  }
});

test('a long span hidden among tiny ones in a skipped run is still painted whole', () => {
  const spans = [];
  for (let i = 0; i < 100; i++) spans.push([i * 0.1, i * 0.1 + 0.01]);
  spans.push([0.55, 80]); // starts inside the first column, behind the first mark
  spans.sort((a, b) => a[0] - b[0]);
  const pass = waits(spans);
  const calls = visit(pass, 0, 100, 0, 1);
  const reach = calls.filter((c) => c.how === REACH);
  assert.equal(reach.length, 1, JSON.stringify(calls.slice(0, 5)));
  assert.equal(pass.ends[reach[0].j], 80);
  assert.deepEqual([reach[0].x0, reach[0].x1], [0.55, 80]);
  // and the long span's own start column was not what stood for it: the mark of column 0 came first
  assert.equal(calls[0].how, MARK);
  assert.equal(calls[0].x0, 0);
});

test('spans outside the view cost nothing', () => {
  const spans = [];
  for (let i = 0; i < 5000; i++) spans.push([i, i + 0.5]);
  const pass = waits(spans);
  const calls = visit(pass, 4000, 4010, 0, 100);
  assert.deepEqual(calls.map((c) => c.j), [3999, 4000, 4001, 4002, 4003, 4004, 4005, 4006, 4007, 4008, 4009, 4010].filter((j) => pass.ends[j] >= 4000));
  assert.ok(calls.every((c) => c.how === SPAN));
});
