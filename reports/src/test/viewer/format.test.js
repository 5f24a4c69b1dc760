'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { load } = require('./load.js');

const { Fmt, niceStep, ellipsize } = load('base/format');

test('durations in microseconds pick their unit and three significant digits', () => {
  assert.equal(Fmt.dur(0), '0 \u00b5s');
  assert.equal(Fmt.dur(999.4), '999 \u00b5s');
  assert.equal(Fmt.dur(1000), '1.00 ms');
  assert.equal(Fmt.dur(12_345), '12.3 ms');
  assert.equal(Fmt.dur(123_456), '123 ms');
  assert.equal(Fmt.dur(2_500_000), '2.50 s');
  assert.equal(Fmt.dur(-1500), '-1.50 ms');
  assert.equal(Fmt.dur(754e6), '12 min 34 s');
  for (const missing of [null, undefined, NaN, Infinity]) assert.equal(Fmt.dur(missing), '\u2013');
});

test('shares, speed-ups, counts and sizes', () => {
  assert.equal(Fmt.pct(0), '0%');
  assert.equal(Fmt.pct(0.004), '<1%');
  assert.equal(Fmt.pct(0.375), '38%');
  assert.equal(Fmt.pct(NaN), '\u2013');
  assert.equal(Fmt.speed(3.914), '3.91\u00d7');
  assert.equal(Fmt.speed(42.25), '42.3\u00d7');
  assert.equal(Fmt.speed(12345.6), '12,346\u00d7');
  assert.equal(Fmt.int(1234567), '1,234,567');
  assert.equal(Fmt.int(undefined), '0');
  assert.equal(Fmt.plural(1, 'thread'), '1 thread');
  assert.equal(Fmt.plural(2, 'thread'), '2 threads');
  assert.equal(Fmt.plural(0, 'child', 'children'), '0 children');
  assert.equal(Fmt.bytes(812), '812 B');
  assert.equal(Fmt.bytes(12_595), '12.3 KB');
  assert.equal(Fmt.bytes(4.5 * 1048576), '4.5 MB');
});

test('axis labels use the unit of the view and as many decimals as the step needs', () => {
  assert.equal(Fmt.tick(2_000_000, 500_000, 5e6), '2.0 s');
  assert.equal(Fmt.tick(1_200_000, 200_000, 5e6), '1.2 s');
  assert.equal(Fmt.tick(1_050_000, 50_000, 5e6), '1.05 s');
  assert.equal(Fmt.tick(1500, 500, 5000), '1.5 ms');
  assert.equal(Fmt.tick(20, 10, 800), '20 \u00b5s');
  // a long recording zoomed to microseconds: milliseconds with enough decimals, not "0.0 s"
  assert.equal(Fmt.tick(2_000_005, 5, 3e6), '2000.005 ms');
});

test('axis steps are 1, 2 or 5 times a power of ten, never below what was asked', () => {
  assert.equal(niceStep(1), 1);
  assert.equal(niceStep(1.2), 2);
  assert.equal(niceStep(3), 5);
  assert.equal(niceStep(7), 10);
  assert.equal(niceStep(0.03), 0.05);
  for (let raw = 0.001; raw < 1e7; raw *= 1.37) {
    const step = niceStep(raw);
    assert.ok(step >= raw * (1 - 1e-12) && step < raw * 5.0001, raw + ' -> ' + step);
    const mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
    assert.ok([1, 2, 5, 10].some((n) => Math.abs(mantissa - n) < 1e-9), raw + ' -> ' + step);
  }
});

test('ellipsize keeps the longest prefix that fits, with an ellipsis', () => {
  const width = (s) => s.length * 10; // a monospace font of 10 px
  assert.equal(ellipsize('worker-1', 80, width), 'worker-1');
  assert.equal(ellipsize('ForkJoinPool-1-worker-3', 80, width), 'ForkJoi\u2026');
  assert.equal(ellipsize('abc', 5, width), '\u2026');
  const fits = ellipsize('x'.repeat(500), 1234, width);
  assert.ok(width(fits) <= 1234 && width(fits) > 1224, fits.length);
});
