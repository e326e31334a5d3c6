// Loaded with `node --require` for the integration run under another Node major (.ci/run, Node 24):
// every `new Database()` without a nativeBinding option (tests, the county simulator) then loads
// the addon named by HALL_SQLITE_BINDING instead of node_modules' build for the Node of `npm ci`.
// The hall's own code passes HALL_SQLITE_BINDING itself (db/connection.ts); this covers the rest.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload, loaded by `node --require` */
const Module = require('node:module');
const path = require('node:path');

const binding = process.env.HALL_SQLITE_BINDING;
if (binding) {
  const packageDir = path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
  const bindingsPath = require.resolve('bindings', { paths: [packageDir] });
  // better-sqlite3 asks `require('bindings')('better_sqlite3.node')` for its default addon.
  const stand = new Module(bindingsPath);
  stand.filename = bindingsPath;
  stand.loaded = true;
  stand.exports = (name) => {
    if (name !== 'better_sqlite3.node') throw new Error(`sqlite-binding-preload: unexpected addon ${name}`);
    return require(path.resolve(binding));
  };
  require.cache[bindingsPath] = stand;
}
