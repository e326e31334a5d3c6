// The agent's lists (DOMAIN §4) and the offline catalogue search over the mirrored items.
import type { Db } from '../../../db/connection.js';
import { all, sql } from '../../../db/sql.js';
import type { AgentList, AgentRequestRow, CatalogItemView } from '../../contract/agent-node.js';
import { dateIn } from '../../contract/identity.js';
import { matchRank, searchNeedle } from '../../hall/catalog/search-key.js';
import type { AgentDeps } from './agent-deps.js';
import { rowOf, type RequestRecord } from './agent-store.js';
import { onList } from './request-rules.js';

const LIST_LIMIT = 500;

export function listRequests(db: Db, deps: AgentDeps, list: AgentList): AgentRequestRow[] {
  const today = dateIn(deps.clock.now(), deps.timeZone);
  const rows = all<RequestRecord & { case_no: string | null }>(
    db,
    sql`SELECT r.*, h.case_no FROM agent_requests r LEFT JOIN agent_hall_states h ON h.request_id = r.request_id
        ORDER BY r.updated_at DESC`,
  );
  return rows
    .map((r) => rowOf(r, r.case_no, today))
    .filter((row) => onList(list, row.state, row.handoverLate))
    .slice(0, LIST_LIMIT);
}

/** How many requests each list holds, for the tab badges. */
export function listCounts(db: Db, deps: AgentDeps): Record<AgentList, number> {
  const lists: AgentList[] = ['drafts', 'waiting', 'correction', 'in-progress', 'overdue', 'ready', 'delivered'];
  return Object.fromEntries(lists.map((l) => [l, listRequests(db, deps, l).length])) as Record<AgentList, number>;
}

/** Characters, full pinyin or initials, best match first (the hall's own search key and ranking). */
export function searchCatalog(db: Db, deps: AgentDeps, q: string): CatalogItemView[] {
  const items = deps.catalogItems(db);
  const needle = searchNeedle(q).replace(/\\(.)/g, '$1');
  const hits = needle ? items.filter((i) => i.searchKey.includes(needle)) : items;
  return hits
    .map((i) => ({ i, rank: needle ? matchRank(i.searchKey, q) : 0 }))
    .sort((a, b) => a.rank - b.rank || a.i.name.localeCompare(b.i.name, 'zh-CN'))
    .slice(0, 50)
    .map(({ i }) => ({ code: i.code, name: i.name, materials: i.materials }));
}
