// scripts/heap-snapshot.mjs on a small snapshot in V8's format: sizes by node type (the wall soak's
// compiled-code share) and the shortest retainer path over strong edges (the diff script's paths).
import { describe, expect, it } from 'vitest';
import { parseHeapSnapshot, selfSizeByType } from '../../scripts/heap-snapshot.mjs';

const NODE_FIELDS = ['type', 'name', 'id', 'self_size', 'edge_count', 'trace_node_id', 'detachedness'];
const EDGE_FIELDS = ['type', 'name_or_index', 'to_node'];
const NODE_TYPES = ['hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'number', 'native', 'synthetic'];
const EDGE_TYPES = ['context', 'element', 'property', 'internal', 'hidden', 'shortcut', 'weak'];

/** A snapshot from nodes [type, name, id, size] and edges [from, type, name, to] (indexes into the node list). */
function snapshotText(nodes: Array<[string, string, number, number]>, edges: Array<[number, string, string, number]>): string {
  const strings: string[] = [];
  const str = (s: string) => (strings.includes(s) ? strings.indexOf(s) : strings.push(s) - 1);
  const flatNodes = nodes.flatMap(([type, name, id, size], i) => [NODE_TYPES.indexOf(type), str(name), id, size, edges.filter((e) => e[0] === i).length, 0, 0]);
  const ordered = nodes.flatMap((_, i) => edges.filter((e) => e[0] === i));
  // Element and hidden edges carry an index, the others a name from the string table.
  const flatEdges = ordered.flatMap(([, type, name, to]) => [EDGE_TYPES.indexOf(type), type === 'element' || type === 'hidden' ? Number(name) : str(name), to * NODE_FIELDS.length]);
  return JSON.stringify({
    snapshot: { meta: { node_fields: NODE_FIELDS, node_types: [NODE_TYPES], edge_fields: EDGE_FIELDS, edge_types: [EDGE_TYPES] }, node_count: nodes.length, edge_count: ordered.length },
    nodes: flatNodes,
    edges: flatEdges,
    strings,
  });
}

const text = snapshotText(
  [
    ['synthetic', '', 1, 0],
    ['object', 'Window', 3, 100],
    ['closure', 'render', 5, 32],
    ['code', 'system / Code', 7, 400],
    ['object', 'Cache', 9, 50],
    ['code', 'system / InstructionStream', 11, 1_000],
    ['string', 'hello', 13, 20],
  ],
  [
    [0, 'element', '1', 1],
    [1, 'property', 'render', 2],
    [1, 'property', 'cache', 4],
    [2, 'internal', 'code', 3],
    [3, 'internal', 'instruction_stream', 5],
    [4, 'weak', 'held', 5],
    [4, 'property', 'greeting', 6],
  ],
);

describe('heap snapshot reading', () => {
  const s = parseHeapSnapshot(text);

  it('reads nodes and sums self size by node type', () => {
    expect(s.count).toBe(7);
    expect([s.type(3), s.name(3), s.id(3), s.size(3)]).toEqual(['code', 'system / Code', 7, 400]);
    const sizes = selfSizeByType(s);
    expect(sizes.get('code')).toBe(1_400);
    expect(sizes.get('object')).toBe(150);
    expect(sizes.get('string')).toBe(20);
    expect([...sizes.values()].reduce((a, b) => a + b, 0)).toBe(1_602);
  });

  it('finds the retainer on the shortest strong path, never through a weak edge', () => {
    expect(s.retainer(5)).toBe(3);
    expect(s.retainer(3)).toBe(2);
    expect(s.retainer(0)).toBe(-1);
    expect(s.path(5)).toBe('instruction_stream ← code:system / Code ← code ← closure:render ← render ← object:Window ← [1] ← synthetic:');
  });
});
