// Reads a V8 heap snapshot (.heapsnapshot, as DevTools and HeapProfiler.takeHeapSnapshot write it):
// node types, names, self sizes, and for each node the shortest path from the roots. Plain JavaScript
// so the diff script runs without a build; the wall soak imports it for the compiled-code share.

/** Parses a snapshot's text into accessors over its flat node and edge arrays. */
export function parseHeapSnapshot(text) {
  const raw = JSON.parse(text);
  const meta = raw.snapshot.meta;
  const nf = meta.node_fields;
  const ef = meta.edge_fields;
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const N = nf.length;
  const E = ef.length;
  const [iType, iName, iId, iSize, iEdges] = ['type', 'name', 'id', 'self_size', 'edge_count'].map((f) => nf.indexOf(f));
  const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f));
  const { nodes, edges, strings } = raw;
  const count = nodes.length / N;
  const type = (i) => nodeTypes[nodes[i * N + iType]];
  const name = (i) => strings[nodes[i * N + iName]];
  let retainers = null;
  // The shortest path from the roots to each node (breadth first over strong edges), the one DevTools'
  // retainers view lists first; node 0 is the synthetic root. Computed on first use.
  const shortestRetainers = () => {
    if (retainers) return retainers;
    const firstEdge = new Uint32Array(count + 1);
    for (let i = 0, e = 0; i < count; i++) {
      firstEdge[i] = e;
      e += nodes[i * N + iEdges] * E;
      firstEdge[i + 1] = e;
    }
    const node = new Int32Array(count).fill(-1);
    const edge = new Int32Array(count).fill(-1);
    const queue = new Uint32Array(count);
    let head = 0;
    let tail = 0;
    queue[tail++] = 0;
    node[0] = 0;
    while (head < tail) {
      const i = queue[head++];
      for (let e = firstEdge[i]; e < firstEdge[i + 1]; e += E) {
        const kind = edgeTypes[edges[e + eType]];
        if (kind === 'weak' || kind === 'shortcut') continue;
        const to = edges[e + eTo] / N;
        if (node[to] !== -1) continue;
        node[to] = i;
        edge[to] = e;
        queue[tail++] = to;
      }
    }
    node[0] = -1;
    retainers = { node, edge };
    return retainers;
  };
  const edgeName = (e) => {
    const kind = edgeTypes[edges[e + eType]];
    const v = edges[e + eName];
    return kind === 'element' || kind === 'hidden' ? `[${v}]` : String(strings[v]);
  };
  return {
    count,
    type,
    name,
    id: (i) => nodes[i * N + iId],
    size: (i) => nodes[i * N + iSize],
    /** The node that holds `i` on its shortest path from the roots, or -1 for the root. */
    retainer: (i) => shortestRetainers().node[i],
    /** That path, from the node up, as `edge ← type:name` steps. */
    path(i, depth = 14) {
      const { node, edge } = shortestRetainers();
      const parts = [];
      for (let n = i, d = 0; d < depth && node[n] !== -1; d++) {
        parts.push(edgeName(edge[n]));
        n = node[n];
        parts.push(`${type(n)}:${name(n).slice(0, 40)}`);
      }
      return parts.join(' ← ');
    },
  };
}

/** Self size per node type (`code`, `object`, `string`, `native`, …), as DevTools' statistics view sums them. */
export function selfSizeByType(snapshot) {
  const sizes = new Map();
  for (let i = 0; i < snapshot.count; i++) sizes.set(snapshot.type(i), (sizes.get(snapshot.type(i)) ?? 0) + snapshot.size(i));
  return sizes;
}
