// The threads table: threads and groups matched by name, the biggest change first.
(function (viewer) {
  'use strict';
  var $ = viewer.$, el = viewer.el, clear = viewer.clear, Fmt = viewer.Fmt, beforeAfter = viewer.beforeAfter, ms = viewer.diffMs;
  var LIMIT = 50;

  function renderDiffThreads(page) {
    var body = $('diff-threads').tBodies[0], more = $('diff-threads-more'), lanes = page.diff.threads, all = false;
    function draw() {
      clear(body);
      (all ? lanes : lanes.slice(0, LIMIT)).forEach(function (t) {
        var b = t.before, a = t.after;
        body.appendChild(el('tr', null, [
          el('td', { class: 'name', title: t.name }, [t.name, t.group ? el('span', { class: 'pill', text: 'group' }) : null]),
          el('td', { class: 'r' }, [beforeAfter(b.threads, a.threads, Fmt.int, null)]),
          el('td', { class: 'r' }, [beforeAfter(b.runningMs, a.runningMs, ms, null)]),
          el('td', { class: 'r' }, [beforeAfter(b.waitingMs, a.waitingMs, ms, true)]),
          el('td', { class: 'r' }, [beforeAfter(b.idleMs, a.idleMs, ms, null)]),
          el('td', { class: 'r' }, [beforeAfter(b.otherMs, a.otherMs, ms, null)]),
          el('td', { class: 'r num', text: ms(t.changeMs) })
        ]));
      });
      more.hidden = all || lanes.length <= LIMIT;
      more.textContent = 'Show all ' + Fmt.int(lanes.length);
    }
    more.onclick = function () { all = true; draw(); };
    draw();
  }

  Object.assign(viewer, { renderDiffThreads });
}(viewer));
