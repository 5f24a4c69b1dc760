// The summary cards: wall time, threads, in flight and running, time blocked (idle apart), alive at
// exit, agent health — in the words the phases, the curve, the summary and the JSON use too.
(function (viewer) {
  'use strict';
  var $ = viewer.$, el = viewer.el, clear = viewer.clear, Fmt = viewer.Fmt, Colors = viewer.Colors;

  function card(label, value, unit, sub, tone, extra) {
    return el('div', { class: 'card' + (tone ? ' ' + tone : '') }, [
      el('div', { class: 'label', text: label }),
      el('div', { class: 'value', title: value + (unit ? ' ' + unit : '') }, [value, unit ? el('small', { text: ' ' + unit }) : null]),
      sub ? el('div', { class: 'sub', text: sub }) : null,
      extra || null
    ]);
  }

  function stackBar(parts, total) {
    var bar = el('div', { class: 'stack' });
    if (total > 0) {
      parts.forEach(function (p) {
        if (p.value <= 0) return;
        bar.appendChild(el('span', { title: p.label + ': ' + Fmt.dur(p.value), style: { width: (100 * p.value / total) + '%', background: p.color } }));
      });
    }
    return bar;
  }

  /** A folded block of text that explains an error count (shown as text, never as markup); null when there is none. */
  function problem(id, summary, text) {
    if (!text) return null;
    return el('details', { class: 'problem', id: id }, [el('summary', { text: summary }), el('pre', { text: text })]);
  }

  function renderCards(m) {
    var d = m.d, c = d.counts || {}, box = $('cards');
    clear(box);
    var phaseWall = 0;
    m.phases.forEach(function (p) { phaseWall += p.wall; });
    box.appendChild(card('Wall time', Fmt.dur(m.phases.length ? phaseWall : d.durationUs), null,
      m.phases.length ? 'in ' + Fmt.plural(m.phases.length, 'phase') + ' \u00b7 recording ' + Fmt.dur(d.durationUs) : 'the whole recording'));
    box.appendChild(card('Threads', Fmt.int((c.platform || 0) + (c.virtual || 0)), null,
      Fmt.int(c.platform) + ' platform \u00b7 ' + Fmt.int(c.virtual) + ' virtual' + (c.system ? ' \u00b7 ' + Fmt.int(c.system) + ' JDK-internal not counted' : '')));
    var conc = d.concurrency || {}, flying = conc.inFlight || {};
    box.appendChild(card('In flight', flying.peak ? Fmt.int(flying.peak) : '\u2013', flying.peak ? 'peak' : null,
      flying.peak ? 'threads inside workload at once, blocked or not \u00b7 average ' + (flying.average || 0).toFixed(2)
        : 'no workload spans to count'));
    box.appendChild(card('Running', conc.peak ? Fmt.int(conc.peak) : '\u2013', conc.peak ? 'peak' : null,
      conc.peak ? 'of them in workload and not waiting \u00b7 average ' + (conc.average || 0).toFixed(2) : 'no workload spans to count'));
    var all = (d.waits || []).filter(function (w) { return w.time > 0; });
    var waits = all.filter(function (w) { return !w.idle; });
    var idle = 0;
    all.forEach(function (w) { if (w.idle) idle += w.time; });
    var waitTotal = 0;
    waits.forEach(function (w) { waitTotal += w.time; });
    var list = el('div', { class: 'kindlist' });
    waits.slice().sort(function (a, b) { return b.time - a.time; }).slice(0, 6).forEach(function (w) {
      list.appendChild(el('span', null, [el('span', { class: 'swatch', style: { background: Colors.kind(w.kind) } }), w.kind + ' ' + Fmt.dur(w.time)]));
    });
    box.appendChild(card('Time blocked', Fmt.dur(waitTotal), null, 'summed over application threads, by kind'
      + (idle ? ' \u00b7 idle ' + Fmt.dur(idle) + ' apart (waiting for work)' : ''),
      null, el('div', null, [stackBar(waits.map(function (w) { return { label: w.kind, value: w.time, color: Colors.kind(w.kind) }; }), waitTotal), list])));
    var alive = (d.alive || []).length;
    box.appendChild(card('Alive at exit', Fmt.int(alive), alive === 1 ? 'thread' : 'threads',
      alive ? 'cut short \u2014 nothing waited for them: a forgotten wait' : (d.agentData ? 'every thread finished or was waited for' : 'unknown: needs the Weft agent'),
      alive ? 'danger' : null));
    var a = d.agent, loss = d.dataLoss || {};
    var health = el('dl');
    function row(k, v, bad) { health.appendChild(el('dt', { text: k })); health.appendChild(el('dd', { text: v, class: bad ? 'bad' : null })); }
    if (a) {
      row('suppressed errors', Fmt.int(a.suppressedErrors), a.suppressedErrors > 0);
      row('transformation errors', Fmt.int(a.transformErrors), a.transformErrors > 0);
    }
    row('dropped events', loss.bytes > 0 ? Fmt.bytes(loss.bytes) : loss.reported ? 'none' : 'none reported', loss.bytes > 0);
    // over application threads: the JVM's own threads park in ways no agent event explains
    var eligible = 0, matched = 0, sleepKind = m.kinds.indexOf('sleep');
    m.threads.forEach(function (t) {
      if (t.system) return;
      matched += t.nw;
      for (var j = 0; j < t.n; j++) { var k = m.descs[t.desc[j]].kind; if (k !== 0 && k !== sleepKind) eligible++; }
    });
    if (eligible) row('waker known', Fmt.int(matched) + ' of ' + Fmt.plural(eligible, 'wait'), false);
    if (a) {
      var errors = (a.transformErrors || 0) + (a.suppressedErrors || 0) + (loss.bytes > 0 ? 1 : 0);
      box.appendChild(card('Agent health', errors ? 'errors' : 'healthy', null,
        (a.version ? 'v' + a.version + ' \u00b7 ' : '') + Fmt.plural(a.instrumentedTypes || 0, 'type') + ' instrumented', (errors ? 'warn' : 'ok') + ' wide',
        el('div', null, [health,
          problem('health-failed', 'types not instrumented, and why', a.failedTypes ? a.failedTypes.split('; ').join('\n') : ''),
          problem('health-suppressed', 'first suppressed error, with its stack', a.firstSuppressed)])));
    } else {
      box.appendChild(card('Agent health', d.agentData ? 'unknown' : 'no agent', null,
        d.agentData ? 'the agent did not report its health' : 'recorded without the Weft agent', (d.agentData ? '' : 'warn') + ' wide', health));
    }
  }

  Object.assign(viewer, { card, stackBar, renderCards });
}(viewer));
