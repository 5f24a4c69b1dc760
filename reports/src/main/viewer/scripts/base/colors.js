// Colours. The wait kinds' colours come with the report's data (its kindInfo, from the reports' one
// list of kinds, WaitKinds); the legend, the lanes, the cards and the tables all take them from here.
(function (viewer) {
  'use strict';

  var Colors = (function () {
    // the kinds' colours come with the report, from its one list of kinds (WaitKinds): none is written
    // here; before the data is read only the workload's blue is known
    var known = { workload: '#4652d0' };
    function hash(s) { var h = 7; for (var i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0; return Math.abs(h); }
    return {
      kind: function (k) { return known[k] || ('hsl(' + (hash(String(k)) % 360) + ', 30%, 70%)'); },
      /** Takes the kinds' colours from the report: names[i] is drawn in info[i].color. */
      useKinds: function (names, info) {
        (names || []).forEach(function (k, i) { if (info && info[i] && info[i].color) known[k] = info[i].color; });
      },
      nested: '#2f39a6',
      track: '#e7eaf0',
      trackEdge: '#d3d8e2',
      waiting: 'hsl(262, 28%, 76%)',
      alive: '#dfe3ea',
      cut: '#c62828',
      pinned: '#b02a6e',
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

  Object.assign(viewer, { Colors, kindName });
}(viewer));
