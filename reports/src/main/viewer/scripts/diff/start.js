// The diff page starts here: read the data, fill the panels, draw both timelines, and leave a small
// hook, window.weftDiff, for tests and the console.
(function (viewer) {
  'use strict';
  var $ = viewer.$;

  function start() {
    var node = $('weft-data');
    var read = node ? viewer.Diff.parse(node.textContent || '') : { error: 'The data element is missing.' };
    if (!read.data) {
      $('empty-title').textContent = read.error ? 'This diff could not be read' : 'No data in this diff';
      $('empty-reason').textContent = read.error || 'This is the Weft diff template without recordings.';
      window.weftDiff = { empty: true };
      return;
    }
    var page = read.data, before = viewer.prepare(page.before), after = viewer.prepare(page.after);
    $('empty').hidden = true;
    $('report').hidden = false;
    viewer.renderDiffHeader(page);
    viewer.renderDiffBanners(page, before, after);
    viewer.renderDiffCards(page);
    viewer.renderDiffPhases(page);
    var pair = viewer.DiffPair(before, after);
    viewer.renderDiffThreads(page);
    window.weftDiff = { ready: true, data: page, before: before, after: after, pair: pair };
  }

  start();
}(viewer));
