// The threads still running at exit: the forgotten waits.
(function (viewer) {
  'use strict';
  var $ = viewer.$, el = viewer.el, clear = viewer.clear;

  function renderAlive(m, timeline) {
    var alive = m.d.alive || [];
    $('alive-panel').hidden = !alive.length;
    var body = $('alive').tBodies[0];
    clear(body);
    alive.forEach(function (a) {
      body.appendChild(el('tr', { class: a.thread >= 0 ? 'clickable' : null, onclick: a.thread >= 0 ? function () { timeline.reveal(a.thread); } : null }, [
        el('td', { class: 'name', text: a.name, title: a.name }),
        el('td', { text: (a.virtual ? 'virtual' : 'platform') + (a.daemon ? ', daemon' : '') }),
        el('td', { text: a.state || '\u2013' }),
        el('td', null, [el('pre', { class: 'activity', text: a.activity || '\u2013' })])
      ]));
    });
  }

  Object.assign(viewer, { renderAlive });
}(viewer));
