// Notes the report carries about the recording.
(function (viewer) {
  'use strict';
  var $ = viewer.$, el = viewer.el, clear = viewer.clear;

  function renderNotes(m) {
    var notes = (m.d.notes || []).filter(function (n) { return n; });
    $('notes-panel').hidden = !notes.length;
    var list = $('notes');
    clear(list);
    notes.forEach(function (n) { list.appendChild(el('li', { text: n })); });
  }

  Object.assign(viewer, { renderNotes });
}(viewer));
