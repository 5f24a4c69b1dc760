// Mouse, wheel and keyboard on the timeline: hover, drag to pan, wheel to zoom, click to pin a span,
// select a thread or fold a group, keys to zoom, pan, scroll and clear.
(function (viewer) {
  'use strict';
  var hit = viewer.hit, phaseAt = viewer.phaseAt, showTooltip = viewer.showTooltip, showPhaseTooltip = viewer.showPhaseTooltip;
  var GUTTER = viewer.SIZE.GUTTER, LANE_H = viewer.SIZE.LANE_H;

  /** Listens on the canvas, its scroll box and the document; c is the timeline's controller. */
  function bindPointer(v, c) {
    var canvas = v.canvas, box = v.box, state = v.state;
    var drag = null;
    function local(ev) {
      var rect = canvas.getBoundingClientRect();
      return { x: ev.clientX - rect.left, y: ev.clientY - rect.top };
    }

    canvas.addEventListener('mousemove', function (ev) {
      var p = local(ev);
      if (drag) {
        var dx = p.x - drag.x;
        if (Math.abs(dx) > 2) drag.moved = true;
        var span = drag.t1 - drag.t0, dt = -dx / v.plotW() * span;
        v.setView(drag.t0 + dt, drag.t1 + dt);
        showTooltip(v, null);
        return;
      }
      var h = hit(v, p.x, p.y);
      state.hover = h;
      var phase = h ? null : phaseAt(v, p.x, p.y);
      canvas.className = phase || (h && h.gutter && (h.row.type === 'group' || h.row.type === 'thread')) ? 'pointer' : (h && !h.gutter ? 'grab' : '');
      if (phase) showPhaseTooltip(phase, ev.clientX, ev.clientY);
      else showTooltip(v, h, ev.clientX, ev.clientY);
      v.schedule();
    });
    canvas.addEventListener('mouseleave', function () { state.hover = null; showTooltip(v, null); v.schedule(); });
    canvas.addEventListener('mousedown', function (ev) {
      if (ev.button !== 0) return;
      var p = local(ev);
      box.focus({ preventScroll: true });
      if (p.x < GUTTER) return;
      drag = { x: p.x, t0: state.t0, t1: state.t1, moved: false };
      canvas.className = 'grabbing';
      ev.preventDefault();
    });
    window.addEventListener('mouseup', function (ev) {
      if (!drag) return;
      var moved = drag.moved;
      drag = null;
      canvas.className = 'grab';
      if (!moved && ev.target === canvas) {
        var p = local(ev), phase = phaseAt(v, p.x, p.y);
        if (phase) v.zoomTo(phase.start, phase.end, false);
        else c.pin(hit(v, p.x, p.y));
      }
    });
    canvas.addEventListener('click', function (ev) {
      var p = local(ev);
      if (p.x >= GUTTER) return;
      var h = hit(v, p.x, p.y);
      if (!h) return;
      if (h.row.type === 'group') c.toggleGroup(h.row.group.key);
      else if (h.row.type === 'thread') { state.pinned = null; c.select(h.row.thread.index === state.selected ? -1 : h.row.thread.index); }
    });
    canvas.addEventListener('wheel', function (ev) {
      var p = local(ev);
      if (p.x < GUTTER && !ev.ctrlKey) return; // scroll the lanes natively
      ev.preventDefault();
      var unit = ev.deltaMode === 1 ? 16 : ev.deltaMode === 2 ? 400 : 1;
      if (ev.shiftKey || Math.abs(ev.deltaX) > Math.abs(ev.deltaY)) {
        var d = (Math.abs(ev.deltaX) > Math.abs(ev.deltaY) ? ev.deltaX : ev.deltaY) * unit;
        v.pan(d / v.plotW());
      } else {
        v.zoom(Math.exp(ev.deltaY * unit * 0.0015), p.x);
      }
    }, { passive: false });
    box.addEventListener('scroll', function () { state.scrollTop = box.scrollTop; state.hover = null; showTooltip(v, null); v.schedule(); });
    document.addEventListener('keydown', function (ev) {
      var tag = (ev.target && ev.target.tagName) || '';
      if (/^(INPUT|TEXTAREA|SELECT)$/.test(tag) || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      var k = ev.key, handled = true;
      if (k === '+' || k === '=') v.zoom(1 / 1.5);
      else if (k === '-' || k === '_') v.zoom(1.5);
      else if (k === '0') v.fit();
      else if (k === 'ArrowLeft') v.pan(-0.15);
      else if (k === 'ArrowRight') v.pan(0.15);
      else if ((k === 'ArrowUp' || k === 'ArrowDown') && document.activeElement === box) box.scrollTop += (k === 'ArrowUp' ? -LANE_H : LANE_H);
      else if (k === 'Escape') { c.unpin(); c.select(-1); }
      else handled = false;
      if (handled && (k !== 'ArrowUp' && k !== 'ArrowDown' || document.activeElement === box)) ev.preventDefault();
    });
  }

  Object.assign(viewer, { bindPointer });
}(viewer));
