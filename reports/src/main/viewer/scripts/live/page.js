// The live page: polls the watcher for its latest data once a second and draws who is blocked now, the
// lanes of the window, the concurrency curve and the wake arrows. Recorded text reaches the page as text only.
(function (viewer) {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var LANE = 14, NAME_W = 190, MAX_ROWS = 400;
  var Colors = viewer.Colors;
  var state = { paused: false, data: null, updates: 0, failures: 0, lastOk: 0 };
  window.weftLive = state;
  var query = window.location.search;

  function text(node, s) { node.textContent = s; }
  function el(tag, s, cls) { var e = document.createElement(tag); if (s != null) e.textContent = s; if (cls) e.className = cls; return e; }
  function dur(ms) { return viewer.Fmt.dur(ms * 1000); }

  function poll() {
    if (state.paused) return;
    fetch('data' + query, { cache: 'no-store', credentials: 'omit' }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    }).then(function (d) {
      // an answer to a poll sent before Pause is dropped: a paused page holds still
      if (!d.live || state.paused) return;
      state.data = d; state.updates++; state.lastOk = Date.now();
      render(d);
    }).catch(function (e) {
      if (state.paused) return;
      state.failures++;
      text($('status-text'), 'no answer from the watcher (' + e.message + ')');
      $('dot').className = 'dot stale';
    });
  }

  function render(d) {
    var live = d.live;
    $('dot').className = 'dot' + (live.behindMs > 5000 ? ' stale' : '');
    text($('status-text'), live.behindMs > 5000 ? dur(live.behindMs) + ' behind' : 'live, ' + dur(live.behindMs) + ' behind');
    text($('target'), live.title);
    text($('running'), String(live.threads.running));
    text($('blocked'), String(live.threads.blocked));
    text($('idle'), String(live.threads.idle));
    var kinds = {};
    live.blocked.forEach(function (b) { kinds[b.kind] = (kinds[b.kind] || 0) + 1; });
    text($('blocked-kinds'), Object.keys(kinds).map(function (k) { return k + ' ' + kinds[k]; }).join(', '));
    text($('blocked-note'), live.sampled ? (live.threads.blocked > live.blocked.length ? '(the ' + live.blocked.length + ' longest)' : '')
      : '(this agent does not sample waits in progress: only waits that ended are drawn)');
    var rows = $('blocked-rows');
    while (rows.firstChild) rows.removeChild(rows.firstChild);
    live.blocked.forEach(function (b) {
      var tr = el('tr');
      var name = el('td'); var sw = el('span', null, 'swatch'); sw.style.background = Colors.kind(b.kind);
      name.appendChild(sw); name.appendChild(document.createTextNode(b.thread + (b.virtual ? ' (virtual)' : '')));
      tr.appendChild(name);
      tr.appendChild(el('td', b.kind));
      tr.appendChild(el('td', b.api || '', 'wrap'));
      tr.appendChild(el('td', b.on || '', 'wrap'));
      tr.appendChild(el('td', dur(b.forMs), 'r'));
      rows.appendChild(tr);
    });
    if (!live.blocked.length) { var tr0 = el('tr'); var td0 = el('td', 'nobody', 'muted'); td0.colSpan = 5; tr0.appendChild(td0); rows.appendChild(tr0); }
    text($('window'), 'last ' + dur(live.windowMs));
    draw(d.report, live);
  }

  function draw(r, live) {
    // the one list of kinds travels with the data: the same colour per kind as the report's
    var all = r.allKinds || [];
    Colors.useKinds(all.map(function (k) { return k.name; }), all);
    Colors.useKinds(r.kinds || [], r.kindInfo || []);
    var threads = viewer.decodeThreads(r);
    var laid = viewer.liveRows(threads, live.blocked, $('system').checked, MAX_ROWS);
    var shown = laid.rows, more = laid.more, blockedIds = laid.rank;
    var t1 = r.durationUs || 1, t0 = Math.max(0, t1 - live.windowMs * 1000);
    var lanes = $('lanes'), curve = $('curve'), ratio = window.devicePixelRatio || 1;
    var width = lanes.clientWidth || 800, plot = Math.max(50, width - NAME_W);
    function x(us) { return NAME_W + (Math.min(t1, Math.max(t0, us)) - t0) / (t1 - t0) * plot; }
    var height = Math.max(LANE, (shown.length + (more ? 1 : 0)) * LANE);
    lanes.width = width * ratio; lanes.height = height * ratio; lanes.style.height = height + 'px';
    var g = lanes.getContext('2d'); g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.font = '11px system-ui, sans-serif'; g.textBaseline = 'middle';
    var row = {}, used = {};
    shown.forEach(function (t, i) {
      row[t.index] = i;
      var y = i * LANE;
      g.fillStyle = i % 2 ? '#fafbfc' : '#fff'; g.fillRect(0, y, width, LANE);
      g.fillStyle = '#e9edf3'; g.fillRect(x(t.start), y + 5, Math.max(1, x(t.end) - x(t.start)), 4);
      t.segs.forEach(function (s) {
        if (s[1] < t0) return;
        used[s[2]] = true;
        g.fillStyle = Colors.kind(s[2]);
        g.fillRect(x(s[0]), y + 2, Math.max(1, x(s[1]) - x(s[0])), LANE - 4);
      });
      g.fillStyle = blockedIds[t.name] ? '#b42318' : '#1d2330';
      g.fillText(t.name.length > 28 ? t.name.slice(0, 27) + '\u2026' : t.name, 4, y + LANE / 2);
    });
    if (more) { g.fillStyle = '#667085'; g.fillText(more + ' more threads not drawn', 4, shown.length * LANE + LANE / 2); }
    if ($('wakes').checked) arrows(g, r, threads, row, x, t0);
    var legend = Object.keys(used).sort();
    text($('legend'), legend.length ? 'kinds: ' + legend.join(', ') : '');
    drawCurve(curve, threads, t0, t1, width, ratio, x);
  }

  /** Waker → woken at the end of each wait whose waker is known (the report's wake edges). */
  function arrows(g, r, threads, row, x, t0) {
    g.strokeStyle = Colors.wake; g.fillStyle = g.strokeStyle; g.lineWidth = 1;
    viewer.liveArrows(r, threads, t0).forEach(function (a) {
      if (row[a.woken] === undefined || row[a.waker] === undefined) return;
      var xa = x(a.from), ya = row[a.waker] * LANE + LANE / 2, xb = x(a.to), yb = row[a.woken] * LANE + LANE / 2;
      g.beginPath(); g.moveTo(xa, ya); g.lineTo(xb, yb); g.stroke();
      var dir = yb > ya ? -1 : 1;
      g.beginPath(); g.moveTo(xb, yb); g.lineTo(xb - 3, yb + dir * 5); g.lineTo(xb + 3, yb + dir * 5); g.fill();
    });
  }

  /** Application threads alive (line) and running, not waiting (area), over the window. */
  function drawCurve(canvas, threads, t0, t1, width, ratio, x) {
    var h = 70, steps = viewer.liveSteps(threads), peak = 1;
    steps.forEach(function (s) { peak = Math.max(peak, s[1]); });
    canvas.width = width * ratio; canvas.height = h * ratio; canvas.style.height = h + 'px';
    var g = canvas.getContext('2d'); g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.font = '11px system-ui, sans-serif'; g.fillStyle = Colors.muted; g.textBaseline = 'top';
    g.fillText('running (area) / alive (line), peak ' + peak, 4, 4);
    function y(n) { return h - 4 - n / peak * (h - 20); }
    g.fillStyle = 'rgba(70, 82, 208, 0.3)'; g.strokeStyle = Colors.kind('workload');
    g.beginPath(); g.moveTo(x(t0), y(0));
    var last = 0;
    steps.forEach(function (s) { g.lineTo(x(s[0]), y(last)); g.lineTo(x(s[0]), y(s[2])); last = s[2]; });
    g.lineTo(x(t1), y(last)); g.lineTo(x(t1), y(0)); g.closePath(); g.fill();
    g.strokeStyle = Colors.text; g.beginPath(); g.moveTo(x(t0), y(0)); last = 0;
    steps.forEach(function (s) { g.lineTo(x(s[0]), y(last)); g.lineTo(x(s[0]), y(s[1])); last = s[1]; });
    g.lineTo(x(t1), y(last)); g.stroke();
  }

  $('pause').addEventListener('click', function () {
    state.paused = !state.paused;
    text($('pause'), state.paused ? 'Resume' : 'Pause');
    $('dot').className = 'dot' + (state.paused ? ' paused' : '');
    if (state.paused) text($('status-text'), 'paused'); else poll();
  });
  $('snapshot').addEventListener('click', function () {
    text($('message'), 'writing a snapshot\u2026'); $('message').className = '';
    fetch('snapshot' + query, { method: 'POST', cache: 'no-store', credentials: 'omit' }).then(function (r) { return r.json(); })
      .then(function (a) { text($('message'), a.message); $('message').className = a.ok ? '' : 'bad'; })
      .catch(function (e) { text($('message'), 'snapshot failed: ' + e.message); $('message').className = 'bad'; });
  });
  ['wakes', 'system'].forEach(function (id) { $(id).addEventListener('change', function () { if (state.data) render(state.data); }); });
  window.addEventListener('resize', function () { if (state.data) render(state.data); });
  poll();
  setInterval(poll, 1000);
}(viewer));
