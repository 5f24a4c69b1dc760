// The tooltip that follows the pointer, and the details box under the timeline: a pinned span, or
// the selected thread with what it started, woke and was woken by.
(function (viewer) {
  'use strict';
  var $ = viewer.$, el = viewer.el, clear = viewer.clear, Fmt = viewer.Fmt, threadName = viewer.threadName;
  var describe = viewer.describe, describePhase = viewer.describePhase;

  /** Shows the tooltip of hit h near the pointer, or hides it when h is null. */
  function showTooltip(v, h, clientX, clientY) {
    if (!h) { $('tooltip').hidden = true; return; }
    var info = describe(v, h);
    showLines(info.title, info.lines, clientX, clientY);
  }

  function showPhaseTooltip(p, clientX, clientY) {
    var info = describePhase(p);
    showLines(info.title, info.lines, clientX, clientY);
  }

  function showLines(title, lines, clientX, clientY) {
    var tooltip = $('tooltip');
    clear(tooltip);
    tooltip.appendChild(el('div', { class: 't-title', text: title }));
    lines.forEach(function (l) {
      tooltip.appendChild(el('div', { class: 't-row' }, [el('span', { class: 't-key', text: l[0] }), el('span', { class: 't-val', text: l[1] })]));
    });
    tooltip.hidden = false;
    var tw = tooltip.offsetWidth, th = tooltip.offsetHeight;
    var left = clientX + 14, topY = clientY + 14;
    if (left + tw > window.innerWidth - 8) left = clientX - tw - 14;
    if (topY + th > window.innerHeight - 8) topY = clientY - th - 14;
    tooltip.style.left = Math.max(8, left) + 'px';
    tooltip.style.top = Math.max(8, topY) + 'px';
  }

  /** Buttons for the threads in counts (thread index to how often), the most frequent first; each reveals its thread. */
  function linkList(m, c, counts, limit) {
    var ids = Object.keys(counts).map(Number).sort(function (a, b) { return counts[b] - counts[a] || a - b; });
    var box = el('div', { class: 'links' });
    ids.slice(0, limit).forEach(function (i) {
      box.appendChild(el('button', { type: 'button', text: (threadName(m, i) || '?') + (counts[i] > 1 ? ' \u00d7' + Fmt.int(counts[i]) : ''),
        title: 'Show this thread', onclick: function () { c.reveal(i); } }));
    });
    if (ids.length > limit) box.appendChild(el('span', { text: '\u2026 and ' + Fmt.int(ids.length - limit) + ' more' }));
    return box;
  }

  /** Fills the details box from the view's state; c is the timeline's controller (select, unpin, reveal). */
  function showDetails(v, c) {
    var m = v.m, state = v.state;
    var box2 = $('details'), p = state.pinned, sel = state.selected;
    clear(box2);
    box2.classList.toggle('pinned', !!p || sel >= 0);
    if (!p && sel < 0) { box2.textContent = 'Hover over a span for details; click to pin them here. Click a thread\u2019s name to see what it started, what it woke and what woke it.'; return; }
    if (p) {
      var info = describe(v, p.hit);
      box2.appendChild(el('div', { class: 'd-title' }, [el('span', { text: info.title }),
        el('button', { type: 'button', text: 'Clear', onclick: function () { c.unpin(); c.select(-1); } })]));
      var dl = el('dl');
      info.lines.forEach(function (l) { dl.appendChild(el('dt', { text: l[0] })); dl.appendChild(el('dd', { text: l[1] })); });
      box2.appendChild(dl);
      return;
    }
    var t = m.threads[sel], rel = state.related;
    box2.appendChild(el('div', { class: 'd-title' }, [el('span', { text: t.name }),
      t.alive ? el('span', { class: 'pill red', text: 'alive at exit' }) : null,
      el('button', { type: 'button', text: 'Clear', onclick: function () { c.select(-1); } })]));
    var dl2 = el('dl');
    function row(k, value) { dl2.appendChild(el('dt', { text: k })); dl2.appendChild(typeof value === 'string' ? el('dd', { text: value }) : el('dd', null, [value])); }
    row('type', (t.virtual ? 'virtual' : 'platform') + (t.daemonKnown ? (t.daemon ? ', daemon' : ', non-daemon') : '') + (t.system ? ', JDK-internal' : '') + ' \u00b7 id ' + t.id);
    row('lifetime', Fmt.dur(t.end - t.start) + ' (' + Fmt.dur(t.start) + ' \u2013 ' + (t.endSeen ? Fmt.dur(t.end) : 'no end seen') + ') \u00b7 workload ' + Fmt.dur(t.work) + ' \u00b7 waiting ' + Fmt.dur(t.waitTotal));
    if (t.parent >= 0) { var pc = {}; pc[t.parent] = 1; row('started by', linkList(m, c, pc, 1)); }
    var cc = {};
    t.children.forEach(function (ch) { cc[ch] = 1; });
    row('started', t.children.length ? linkList(m, c, cc, 12) : 'no thread');
    row('woke', rel.wokeCount ? el('div', null, [el('div', { text: Fmt.plural(rel.wokeCount, 'wait') + ' of ' + Fmt.plural(Object.keys(rel.woke).length, 'thread') }), linkList(m, c, rel.woke, 12)]) : 'no recorded wake');
    row('woken by', rel.wokenByCount ? el('div', null, [el('div', { text: Fmt.plural(rel.wokenByCount, 'wait') + ' ended by ' + Fmt.plural(Object.keys(rel.wokenBy).length, 'thread') }), linkList(m, c, rel.wokenBy, 12)]) : 'no recorded waker');
    box2.appendChild(dl2);
  }

  Object.assign(viewer, { showTooltip, showPhaseTooltip, showDetails });
}(viewer));
