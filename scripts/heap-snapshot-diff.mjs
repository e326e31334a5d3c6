#!/usr/bin/env node
// Compares two V8 heap snapshots of one page (DevTools' "Comparison" view, in a terminal): self size
// by node type and by constructor, the groups that grew most, the objects new in the second (node ids
// are stable within one DevTools session) with one retainer path each, and whose compiled code is new.
//   node scripts/heap-snapshot-diff.mjs before.heapsnapshot after.heapsnapshot [--top 25] [--paths 8]
// The wall soak writes such a pair with SOAK_HEAP_SNAPSHOTS=<folder>.
import { readFileSync } from 'node:fs';
import { parseHeapSnapshot, selfSizeByType } from './heap-snapshot.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const files = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (files.length !== 2) {
  process.stderr.write('usage: heap-snapshot-diff.mjs before.heapsnapshot after.heapsnapshot [--top N] [--paths N]\n');
  process.exit(2);
}
const TOP = option('top', 25);
const PATHS = option('paths', 8);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const out = (line = '') => process.stdout.write(`${line}\n`);

/** The group a node is counted in: objects by constructor, code and internals by kind, the rest by type. */
function group(s, i) {
  const t = s.type(i);
  if (t === 'object' || t === 'closure' || t === 'native') return `${t} ${s.name(i).slice(0, 60)}`;
  if (t === 'hidden' || t === 'code' || t === 'array' || t === 'object shape') return `${t} ${s.name(i).replace(/\d+/g, '#').slice(0, 50)}`;
  return t;
}

function groups(s, only = () => true) {
  const m = new Map();
  for (let i = 0; i < s.count; i++) {
    if (!only(i)) continue;
    const g = group(s, i);
    const v = m.get(g) ?? { size: 0, count: 0, sample: i };
    v.size += s.size(i);
    v.count += 1;
    m.set(g, v);
  }
  return m;
}

/** The function a piece of compiled code belongs to: the nearest closure or SharedFunctionInfo above it. */
function owner(s, i) {
  for (let n = s.retainer(i), d = 0; n !== -1 && d < 6; n = s.retainer(n), d++) {
    if (s.type(n) === 'closure') return `${s.name(n) || '(anonymous)'} @${s.id(n)}`;
    if (s.name(n) === 'system / SharedFunctionInfo') return `function info @${s.id(n)}`;
  }
  return '(no function)';
}

const before = parseHeapSnapshot(readFileSync(files[0], 'utf8'));
const after = parseHeapSnapshot(readFileSync(files[1], 'utf8'));
const tb = selfSizeByType(before);
const ta = selfSizeByType(after);
const sum = (m) => [...m.values()].reduce((a, v) => a + v, 0);
out(`self size: ${kb(sum(tb))} → ${kb(sum(ta))} (${before.count} → ${after.count} nodes)`);
out();
out('by node type (self size before → after, change)');
const delta = (k) => (ta.get(k) ?? 0) - (tb.get(k) ?? 0);
for (const k of [...new Set([...tb.keys(), ...ta.keys()])].sort((x, y) => delta(y) - delta(x))) {
  out(`  ${k.padEnd(20)} ${kb(tb.get(k) ?? 0).padStart(11)} → ${kb(ta.get(k) ?? 0).padStart(11)}  ${kb(delta(k)).padStart(10)}`);
}

const gb = groups(before);
const ga = groups(after);
out();
out('groups that grew most (self size change, count change)');
const grown = [...new Set([...gb.keys(), ...ga.keys()])]
  .map((g) => ({ g, d: (ga.get(g)?.size ?? 0) - (gb.get(g)?.size ?? 0), dc: (ga.get(g)?.count ?? 0) - (gb.get(g)?.count ?? 0) }))
  .sort((x, y) => y.d - x.d);
for (const { g, d, dc } of grown.slice(0, TOP)) out(`  ${kb(d).padStart(10)} ${String(dc).padStart(7)}  ${g}`);

// Objects whose id the first snapshot does not have: what the page allocated since and still holds.
const oldIds = new Set();
for (let i = 0; i < before.count; i++) oldIds.add(before.id(i));
const isNew = (i) => !oldIds.has(after.id(i));
const fresh = [...groups(after, isNew)].sort((x, y) => y[1].size - x[1].size);
out();
out(`new since the first snapshot and still alive: ${kb(fresh.reduce((a, [, v]) => a + v.size, 0))}`);
for (const [g, v] of fresh.slice(0, TOP)) out(`  ${kb(v.size).padStart(10)} ${String(v.count).padStart(7)}  ${g}`);
out();
out('the shortest retainer path of one object in each of the largest new groups');
for (const [g, v] of fresh.slice(0, PATHS)) out(`  ${g}\n    ${after.path(v.sample)}`);

// New compiled code by the function it belongs to: JIT tier-up spreads over many functions, a few
// kilobytes each; code made per event would pile up under a few.
const owners = new Map();
let freshCode = 0;
for (let i = 0; i < after.count; i++) {
  if (!isNew(i) || after.type(i) !== 'code') continue;
  freshCode += after.size(i);
  const o = owner(after, i);
  owners.set(o, (owners.get(o) ?? 0) + after.size(i));
}
out();
out(`new compiled code: ${kb(freshCode)} in ${owners.size} functions; the largest`);
for (const [name, size] of [...owners].sort((x, y) => y[1] - x[1]).slice(0, TOP)) out(`  ${kb(size).padStart(10)}  ${name}`);
