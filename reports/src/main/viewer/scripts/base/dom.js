// DOM helpers. Recorded text reaches the page only as text nodes and attribute values, never as markup.
(function (viewer) {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };

  /** Creates an element; props: text, class, title, style (object), on* listeners, other attributes. */
  function el(tag, props, children) {
    var e = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        var v = props[k];
        if (v === null || v === undefined) return;
        if (k === 'text') e.textContent = String(v);
        else if (k === 'class') e.className = v;
        else if (k === 'style') Object.keys(v).forEach(function (p) { e.style.setProperty(p, v[p]); });
        else if (k.indexOf('on') === 0) e.addEventListener(k.slice(2), v);
        else e.setAttribute(k, String(v));
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return e;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  Object.assign(viewer, { $, el, clear });
}(viewer));
