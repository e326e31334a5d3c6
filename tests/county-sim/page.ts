// The simulator's page: what it has received, its counters and the faults now on.
import type { FaultConfig } from './faults.js';
import type { SimCounters, SimRecordRow } from './store.js';

const escape = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderPage(counters: SimCounters, faults: FaultConfig, newest: readonly SimRecordRow[]): string {
  const rows = newest
    .map((r) => `<tr><td>${escape(r.receivedAt)}</td><td>${escape(r.kind)}</td><td>${escape(r.caseNo)}</td><td>${escape(r.seq)}</td><td><code>${escape(r.recordId)}</code></td><td>${escape(r.receiptId)}</td></tr>`)
    .join('\n');
  const figures = Object.entries(counters).map(([k, v]) => `<li>${escape(k)}: <strong>${escape(v)}</strong></li>`).join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>县区审批平台模拟器 / county platform simulator</title>
<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}code{font-size:12px}</style>
</head><body>
<h1>县区审批平台模拟器 / county platform simulator</h1>
<p>上报接口 / upload: <code>POST /api/v1/batches</code> · 决定 / decisions: <code>GET /api/v1/decisions?hallCode=&amp;after=</code></p>
<ul>${figures}</ul>
<h2>故障 / faults</h2>
<pre>${escape(JSON.stringify(faults, null, 2))}</pre>
<p>切换 / switch: <code>curl -X POST -H 'content-type: application/json' -d '{"refuse5xx":0.2}' http://HOST:PORT/_sim/faults</code></p>
<h2>最近收到的记录 / newest records (${newest.length} of ${counters.records})</h2>
<table><thead><tr><th>received</th><th>kind</th><th>caseNo</th><th>seq</th><th>recordId</th><th>receipt</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}
