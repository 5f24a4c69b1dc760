// The threads table: where each thread's lifetime went, sortable, filtered with the lanes.
(function (viewer) {
  'use strict';
  var $ = viewer.$, el = viewer.el, clear = viewer.clear, Fmt = viewer.Fmt, Colors = viewer.Colors;
  var stackBar = viewer.stackBar, kindName = viewer.kindName;

  function renderThreadsTable(m, timeline) {
    var table = $('threads'), body = table.tBodies[0], head = table.tHead.rows[0], more = $('threads-more');
    var state = { key: 'lifetime', asc: false, all: false, system: false, filter: '', selected: -1 };
    var LIMIT = 50;
    // the wait kinds application threads spent time in, most first: one column each (up to 6)
    var kindTime = {};
    m.threads.forEach(function (t) {
      if (!t.system) for (var i = 0; i + 1 < t.wait.length; i += 2) if (!m.idleKind[t.wait[i]]) kindTime[t.wait[i]] = (kindTime[t.wait[i]] || 0) + t.wait[i + 1];
    });
    var kindCols = Object.keys(kindTime).map(Number).sort(function (a, b) { return kindTime[b] - kindTime[a]; }).slice(0, 6);
    var columns = [['name', 'Thread', ''], ['type', 'Type', ''], ['lifetime', 'Lifetime', 'r'], ['work', 'Running', 'r'], ['wait', 'Blocked', 'r']];
    kindCols.forEach(function (k) { columns.push(['k' + k, kindName(m.kinds, k), 'r']); });
    columns.push(['idle', 'Idle', 'r']);
    columns.push(['other', 'Other', 'r']);
    clear(head);
    columns.forEach(function (c) { head.appendChild(el('th', { class: 'sortable ' + c[2], 'data-key': c[0], text: c[1] })); });
    head.appendChild(el('th', { class: 'breakdown', text: 'Breakdown' }));
    function kindValue(t, k) { for (var i = 0; i + 1 < t.wait.length; i += 2) if (t.wait[i] === k) return t.wait[i + 1]; return 0; }
    function value(t, key) {
      switch (key) {
        case 'name': return t.name.toLowerCase();
        case 'type': return (t.system ? 'z' : '') + (t.virtual ? 'virtual' : 'platform');
        case 'lifetime': return t.end - t.start;
        case 'work': return t.work;
        case 'wait': return t.waitTotal;
        case 'idle': return t.idle;
        case 'other': return t.other;
      }
      return key.charAt(0) === 'k' ? kindValue(t, Number(key.slice(1))) : 0;
    }
    function draw() {
      clear(body);
      var f = state.filter;
      var rows = m.threads.filter(function (t) { return (state.system || !t.system) && (!f || t.name.toLowerCase().indexOf(f) >= 0); });
      rows.sort(function (a, b) {
        var x = value(a, state.key), y = value(b, state.key);
        var c = x < y ? -1 : x > y ? 1 : a.index - b.index;
        return state.asc ? c : -c;
      });
      var shown = state.all ? rows : rows.slice(0, LIMIT);
      shown.forEach(function (t) {
        var life = Math.max(1, t.end - t.start);
        var parts = [{ label: 'running', value: t.work, color: Colors.kind('workload') }];
        for (var i = 0; i + 1 < t.wait.length; i += 2) {
          var k = kindName(m.kinds, t.wait[i]);
          parts.push({ label: k, value: t.wait[i + 1], color: Colors.kind(k) });
        }
        parts.push({ label: 'other', value: t.other, color: Colors.track });
        var cells = [
          el('td', { class: 'name', title: t.name }, [t.name,
            t.alive ? el('span', { class: 'pill red', text: 'alive at exit' }) : null,
            t.phase ? el('span', { class: 'pill blue', text: 'phases' }) : null]),
          el('td', { text: (t.virtual ? 'virtual' : 'platform') + (t.system ? ', JDK' : '') + (t.daemonKnown && t.daemon ? ', daemon' : '') }),
          el('td', { class: 'r num', text: Fmt.dur(t.end - t.start) }),
          el('td', { class: 'r num', text: Fmt.dur(t.work) }),
          el('td', { class: 'r num', text: Fmt.dur(t.waitTotal) })
        ];
        kindCols.forEach(function (k) { var v = kindValue(t, k); cells.push(el('td', { class: 'r num', text: v ? Fmt.dur(v) : '\u2013' })); });
        cells.push(el('td', { class: 'r num', text: t.idle ? Fmt.dur(t.idle) : '\u2013' }));
        cells.push(el('td', { class: 'r num', text: Fmt.dur(t.other) }));
        cells.push(el('td', null, [stackBar(parts, life)]));
        body.appendChild(el('tr', { class: 'clickable' + (t.index === state.selected ? ' selected' : ''), 'data-thread': t.index,
          onclick: function () { timeline.reveal(t.index); } }, cells));
      });
      more.hidden = state.all || rows.length <= LIMIT;
      more.textContent = 'Show all ' + Fmt.int(rows.length) + ' threads';
      $('threads-hint').textContent = (f ? Fmt.plural(rows.length, 'thread') + ' match \u201c' + f + '\u201d. ' : '')
        + 'Where each thread\u2019s lifetime went, without overlap. Click a column to sort, a row to find its lane.';
      Array.prototype.forEach.call(head.cells, function (th) {
        th.classList.toggle('sorted', th.getAttribute('data-key') === state.key);
        th.classList.toggle('asc', th.getAttribute('data-key') === state.key && state.asc);
      });
    }
    Array.prototype.forEach.call(head.cells, function (th) {
      var key = th.getAttribute('data-key');
      if (!key) return;
      th.addEventListener('click', function () {
        if (state.key === key) state.asc = !state.asc;
        else { state.key = key; state.asc = key === 'name' || key === 'type'; }
        draw();
      });
    });
    more.addEventListener('click', function () { state.all = true; draw(); });
    draw();
    return {
      setSystem: function (on) { state.system = on; draw(); },
      setFilter: function (f) { state.filter = f; draw(); },
      setSelected: function (i) {
        state.selected = i;
        Array.prototype.forEach.call(body.rows, function (tr) { tr.classList.toggle('selected', Number(tr.getAttribute('data-thread')) === i); });
      }
    };
  }

  Object.assign(viewer, { renderThreadsTable });
}(viewer));
