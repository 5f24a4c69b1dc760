// Colours, and the one place that knows the wait kinds: a new kind gets its colour here, and the
// legend, the lanes, the cards and the tables all pick it up.
(function (viewer) {
  'use strict';

  var Colors = (function () {
    // waits: one muted colour per kind, spread over the hue circle, none as strong as the workload's blue
    var known = {
      workload: '#4652d0',
      sleep: 'hsl(43, 72%, 68%)',
      join: 'hsl(168, 36%, 56%)',
      monitor: 'hsl(6, 55%, 68%)',
      'monitor-wait': 'hsl(24, 62%, 66%)',
      'monitor-enter': 'hsl(348, 42%, 58%)',
      latch: 'hsl(326, 45%, 74%)',
      barrier: 'hsl(292, 32%, 66%)',
      phaser: 'hsl(262, 36%, 75%)',
      semaphore: 'hsl(60, 42%, 56%)',
      condition: 'hsl(200, 50%, 72%)',
      lock: 'hsl(226, 32%, 64%)',
      future: 'hsl(134, 30%, 62%)',
      executor: 'hsl(96, 28%, 52%)',
      queue: 'hsl(186, 48%, 60%)',
      park: 'hsl(214, 12%, 68%)',
      io: 'hsl(30, 22%, 56%)',
      wait: 'hsl(220, 10%, 74%)'
    };
    function hash(s) { var h = 7; for (var i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0; return Math.abs(h); }
    return {
      kind: function (k) { return known[k] || ('hsl(' + (hash(String(k)) % 360) + ', 30%, 70%)'); },
      nested: '#2f39a6',
      track: '#e7eaf0',
      trackEdge: '#d3d8e2',
      waiting: 'hsl(262, 28%, 76%)',
      alive: '#dfe3ea',
      cut: '#c62828',
      tick: '#586174',
      start: 'rgba(88, 97, 116, 0.6)',
      wake: 'rgba(0, 121, 128, 0.75)',
      critical: '#e8590c',
      grid: '#eef0f4',
      phaseBand: 'rgba(70, 82, 208, 0.045)',
      phaseLine: '#c9cfe0',
      hoverRow: '#f6f8fc',
      selectedRow: '#e6e9fc',
      relatedRow: '#f1f3fd',
      text: '#1c2230',
      muted: '#5d6778',
      faint: '#8b94a3'
    };
  })();

  /** The name of wait kind k (an index into the report's kinds; 0 is the workload). */
  function kindName(kinds, k) { return kinds[k] || ('kind ' + k); }

  viewer.Colors = Colors;
  viewer.kindName = kindName;
}(viewer));
