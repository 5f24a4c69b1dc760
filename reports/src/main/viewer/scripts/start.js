// The page starts here: read the data, fill the panels, draw the timeline, then count the
// aggregates after the first frame; and leave a small hook, window.weft, for tests and the console.
(function (viewer) {
  'use strict';
  var $ = viewer.$;

  function showEmpty(title, reason) {
    $('report').hidden = true;
    $('empty').hidden = false;
    $('empty-title').textContent = title;
    if (reason) $('empty-reason').textContent = reason;
    window.weft = { state: { empty: true }, render: function () {}, visibleRange: function () { return null; } };
  }

  function start() {
    var read = viewer.readData();
    if (!read.data) { showEmpty(read.error ? 'This report could not be read' : 'No data in this report', read.error || 'This is the Weft timeline template without a recording.'); return; }
    var parsedAt = performance.now();
    var model = viewer.prepare(read.data);
    if (!model.threads.length) {
      showEmpty('No thread activity', 'The recording holds no Java thread activity.');
      viewer.renderHeader(model);
      return;
    }
    $('empty').hidden = true;
    $('report').hidden = false;
    if (!model.phases.length) {
      // no phases (a server, a recording without the agent): the timeline is what people came for
      $('report').insertBefore($('timeline-panel'), $('cards'));
    }
    viewer.renderHeader(model);
    viewer.renderBanners(model);
    viewer.renderCards(model);
    var timeline = viewer.Timeline(model);
    viewer.renderPhases(model, timeline);
    viewer.renderAlive(model, timeline);
    var table = viewer.renderThreadsTable(model, timeline);
    timeline.onSystemChange(function (on) { table.setSystem(on); });
    timeline.onFilterChange(function (f) { table.setFilter(f); });
    timeline.onSelectChange(function (i) { table.setSelected(i); });
    viewer.renderNotes(model);
    viewer.renderKindHelp(model);
    var drawnAt = performance.now();

    /** A small hook for browser tests, benchmarks and the console. */
    window.weft = {
      data: model.d,
      model: model,
      state: timeline.state,
      timing: { start: viewer.startedAt, parsed: parsedAt, firstDraw: drawnAt, firstFrame: null, aggregates: null },
      render: timeline.render,
      visibleRange: timeline.visibleRange,
      activity: timeline.activity,
      fit: timeline.fit,
      fitAll: timeline.fitAll,
      zoom: timeline.zoom,
      zoomTo: timeline.zoomTo,
      pan: timeline.pan,
      rows: timeline.rows,
      groups: timeline.groups,
      reveal: timeline.reveal,
      select: timeline.select,
      setFilter: timeline.setFilter,
      toggleGroup: timeline.toggleGroup,
      setSystem: timeline.setSystem,
      setCritical: timeline.setCritical,
      curveAt: timeline.curveAt,
      aggregatesReady: timeline.aggregatesReady,
      hit: timeline.hit,
      describe: timeline.describe,
      pointOf: timeline.pointOf,
      groupPoint: timeline.groupPoint,
      scrollToThread: timeline.scrollToThread,
      kindColor: viewer.Colors.kind
    };
    (window.requestAnimationFrame || setTimeout)(function () {
      window.weft.timing.firstFrame = performance.now();
      setTimeout(function () {
        timeline.computeAggregates(function () { window.weft.timing.aggregates = performance.now(); });
      }, 0);
    });
  }

  start();
}(viewer));
