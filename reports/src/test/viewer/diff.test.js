'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { withModel } = require('./load.js');
const { report } = require('./fixture.js');

const viewer = withModel('layout/groups', 'layout/lanes', 'layout/viewport', 'diff/compare');
const { Diff, prepare } = viewer;

test('a ratio is after over before, and there is none from nothing or from a missing side', () => {
  assert.equal(Diff.ratio(200, 50), 0.25);
  assert.equal(Diff.ratio(0, 50), null);
  assert.equal(Diff.ratio(null, 50), null);
  assert.equal(Diff.ratio(50, null), null);
  assert.equal(Diff.ratioText(0.25), '0.25\u00d7');
  assert.equal(Diff.ratioText(null), '\u2013');
});

test('a change is better or worse by the direction that helps, and nothing within 5%', () => {
  assert.equal(Diff.verdict(100, 40, true), 'better', 'less wall time');
  assert.equal(Diff.verdict(100, 140, true), 'worse');
  assert.equal(Diff.verdict(1, 3.9, false), 'better', 'more speed-up');
  assert.equal(Diff.verdict(3.9, 1, false), 'worse');
  assert.equal(Diff.verdict(100, 104, true), '', 'within the tolerance');
  assert.equal(Diff.verdict(0, 10, true), '', 'no ratio, no verdict');
});

test('both sides start at their first phase and share the longer span', () => {
  // main starts at 20 and 50, before its phase: the phases, not the threads, line up
  const before = prepare(report({ threads: [{ name: 'main', start: 20, end: 1000, spans: [[100, 900]], flags: ['startSeen', 'endSeen'] }],
    phases: [{ name: 'p', start: 100, end: 900 }] }));
  const after = prepare(report({ threads: [{ name: 'main', start: 50, end: 400, spans: [[300, 400]], flags: ['startSeen', 'endSeen'] }],
    phases: [{ name: 'p', start: 300, end: 400 }] }));
  const s = Diff.commonScale(before, after);
  assert.equal(s.before, 100);
  assert.equal(s.after, 300);
  assert.equal(s.beforeSpan, 900);
  assert.equal(s.afterSpan, 100);
  assert.equal(s.span, 900);
});

test('without phases a side starts at its first activity', () => {
  const m = prepare(report({ threads: [{ name: 'w', start: 50, end: 250, spans: [[60, 200, 'sleep']], flags: ['startSeen', 'endSeen'] }], duration: 300 }));
  const s = Diff.commonScale(m, m);
  assert.equal(s.before, 50);
  assert.equal(s.beforeSpan, 200);
});

test('the page data is read, or the page says why not', () => {
  assert.deepEqual(Diff.parse('{"weft":"no-data"}'), { empty: true });
  assert.ok(Diff.parse('{"format":"weft-report"}').error, 'a timeline is not a diff');
  assert.ok(Diff.parse('{').error);
  const page = { format: 'weft-diff-page', before: {}, after: {}, diff: {} };
  assert.deepEqual(Diff.parse(JSON.stringify(page)).data, page);
});
