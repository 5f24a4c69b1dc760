// Groups of lanes: pools by name pattern (name-N), virtual threads, and the JVM's own threads.
(function (viewer) {
  'use strict';

  function buildGroups(m) {
    var groups = [], byKey = {}, groupOf = new Int32Array(m.threads.length).fill(-1);
    function keyOf(t) {
      if (t.system) return 'system';
      if (t.virtual) return 'virtual';
      var match = /^(.*?\D)(\d+)$/.exec(t.name);
      return match ? 'pool:' + match[1] + 'N' : null;
    }
    var counts = {};
    m.threads.forEach(function (t) { var k = keyOf(t); if (k) counts[k] = (counts[k] || 0) + 1; });
    m.threads.forEach(function (t) {
      var k = keyOf(t);
      if (!k || (k.indexOf('pool:') === 0 && counts[k] < 2) || (k === 'virtual' && counts[k] < 2)) return;
      var g = byKey[k];
      if (!g) {
        g = { key: k, index: groups.length, members: [], system: k === 'system', virtual: k === 'virtual',
          label: k === 'system' ? 'JDK-internal threads' : k === 'virtual' ? 'Virtual threads' : k.slice(5) };
        byKey[k] = g;
        groups.push(g);
      }
      g.members.push(t.index);
      groupOf[t.index] = g.index;
    });
    groups.forEach(function (g) { g.folded = g.members.length > 16; g.agg = null; });
    return { list: groups, byKey: byKey, groupOf: groupOf };
  }

  Object.assign(viewer, { buildGroups });
}(viewer));
