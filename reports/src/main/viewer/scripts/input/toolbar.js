// The toolbar above the lanes: fit and zoom buttons, fold and unfold, arrow and critical-path
// toggles, the JDK-internal threads toggle, the name filter; and the window's resizing.
(function (viewer) {
  'use strict';
  var $ = viewer.$, Fmt = viewer.Fmt;

  /** Listens on the toolbar's controls; c is the timeline's controller. */
  function bindToolbar(v, c) {
    var state = v.state;
    $('btn-fit').addEventListener('click', v.fit);
    $('btn-in').addEventListener('click', function () { v.zoom(1 / 1.5); });
    $('btn-out').addEventListener('click', function () { v.zoom(1.5); });
    $('btn-expand').addEventListener('click', function () { v.groups.list.forEach(function (g) { g.folded = false; }); v.relayout(); });
    $('btn-fold').addEventListener('click', function () { v.groups.list.forEach(function (g) { g.folded = true; }); v.relayout(); });
    $('toggle-starts').addEventListener('change', function (ev) { state.showStarts = ev.target.checked; v.schedule(); });
    $('toggle-wakes').addEventListener('change', function (ev) { state.showWakes = ev.target.checked; v.schedule(); });
    $('toggle-critical').addEventListener('change', function (ev) { c.setCritical(ev.target.checked); });
    var filterTimer = 0;
    $('filter').addEventListener('input', function (ev) {
      clearTimeout(filterTimer);
      var value = ev.target.value;
      filterTimer = setTimeout(function () { c.setFilter(value); }, 120);
    });
    window.addEventListener('resize', function () { v.resize(); v.schedule(); });

    if (v.sysCount) {
      $('toggle-system-label').hidden = false;
      $('toggle-system-text').textContent = 'JDK-internal threads (' + Fmt.int(v.sysCount) + ')';
      $('toggle-system').addEventListener('change', function (ev) { c.setSystem(ev.target.checked); });
    }
    $('toggle-critical-label').hidden = !v.m.critical.length;
  }

  Object.assign(viewer, { bindToolbar });
}(viewer));
