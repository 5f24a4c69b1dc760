'use strict';
// Loads parts of the viewer (src/main/viewer/scripts) into a fresh namespace, as the page does:
// each part is a classic script that reads from and adds to the free variable `viewer`.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const SCRIPTS = path.resolve(__dirname, '../../main/viewer/scripts');

/** The namespace after running the named parts ('data/model', …) in order. */
function load(...parts) {
  const viewer = {};
  for (const part of parts) {
    const file = path.join(SCRIPTS, part + '.js');
    vm.compileFunction(fs.readFileSync(file, 'utf8'), ['viewer'], { filename: file })(viewer);
  }
  return viewer;
}

/** The parts the model needs, then those named. */
function withModel(...parts) {
  return load('base/format', 'base/colors', 'data/search', 'data/model', 'data/series', 'data/relations', ...parts);
}

module.exports = { load, withModel };
