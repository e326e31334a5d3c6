// The agent's records plugged into the village node: its routes in the node's route table, the hall's
// changes applied through the link's callback, its records wiped with the node's, and the delivered
// requests removed a set time after the hall confirmed them.
import type { Db } from '../../../db/connection.js';
import { all, get, sql } from '../../../db/sql.js';
import { loadShippedCalendar, shippedDays } from '../../hall/calendar/shipped.js';
import type { WorkingCalendar } from '../../hall/calendar/working-days.js';
import { SYSTEM_ACTOR } from '../../hall/http/principal.js';
import { readPairing } from '../link/node-state.js';
import { appendRecord } from '../link/records.js';
import type { VillageNode } from '../node-context.js';
import type { AgentDeps, CatalogLine, MirroredItem } from './agent-deps.js';
import { registerAgentRoutes } from './agent-routes.js';
import { applyHallChange } from './hall-changes.js';
import { purgeConfirmed, wipeAgentRecords } from './progress-service.js';

/**
 * The node keeps no calendar of its own: the shipped official holidays and make-up days count the
 * hand-over limit. A day the hall's admin added locally is not known here (it is at the hall).
 */
function shippedCalendar(): WorkingCalendar {
  let days: ReturnType<typeof shippedDays> = [];
  try {
    days = shippedDays(loadShippedCalendar());
  } catch {
    // No calendar file: weekends only, never a crash of the node.
  }
  return {
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
    workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date)),
  };
}

/** The hall's items as the mirror keeps them (the catalogue contract's Item): their check-lists. */
function linesOf(item: Record<string, unknown>): CatalogLine[] {
  const materials = Array.isArray(item.materials) ? (item.materials as Record<string, unknown>[]) : [];
  return materials
    .filter((m) => typeof m.name === 'string' && m.name)
    .map((m) => ({
      name: m.name as string,
      required: m.requirement === 'required',
      originals: Number.isInteger(m.originals) ? (m.originals as number) : 0,
      copies: Number.isInteger(m.copies) ? (m.copies as number) : 0,
    }));
}

interface MirrorRow {
  code: string;
  name: string;
  search_key: string;
  item: string;
}

const toMirrored = (r: MirrorRow): MirroredItem => ({ code: r.code, name: r.name, searchKey: r.search_key, materials: linesOf(JSON.parse(r.item) as Record<string, unknown>) });

/** The hall's time zone: village nodes serve halls in China. */
export const NODE_TIME_ZONE = 'Asia/Shanghai';
const PURGE_EVERY_MS = 60 * 60_000;

export function agentDepsOf(node: Pick<VillageNode, 'clock'>): AgentDeps {
  return {
    clock: node.clock,
    actor: () => SYSTEM_ACTOR,
    timeZone: NODE_TIME_ZONE,
    calendar: shippedCalendar(),
    appendRecord: (db, input) => appendRecord(db, input),
    villages: (db) => (readPairing(db)?.villages ?? []).map((v) => ({ code: v.code, name: v.name })),
    station: (db) => {
      const pairing = readPairing(db);
      return { agentName: pairing?.agent.displayName ?? '', nodeName: pairing?.nodeName ?? '' };
    },
    catalogItem: (db, code) => {
      const row = get<MirrorRow>(db, sql`SELECT code, name, search_key, item FROM catalog_items WHERE code = ${code}`);
      return row ? toMirrored(row) : null;
    },
    catalogItems: (db) => all<MirrorRow>(db, sql`SELECT code, name, search_key, item FROM catalog_items ORDER BY code`).map(toMirrored),
  };
}

/** The audit rows name the node's agent (display name only) and the node as the terminal. */
function agentActor(db: Db) {
  const pairing = readPairing(db);
  if (!pairing) return SYSTEM_ACTOR;
  return { kind: 'user' as const, id: pairing.agent.id, name: pairing.agent.displayName, terminal: `village:${pairing.nodeId}` };
}

export function registerAgentModule(node: VillageNode): void {
  const base = agentDepsOf(node);
  const deps: AgentDeps = { ...base, actor: () => agentActor(node.db) };
  registerAgentRoutes({ db: node.db, deps, allow: node.allow, add: (spec) => node.route(spec), storeScan: (bytes) => node.storeScan(bytes) });
  node.link.onHallChange((db, change) => void applyHallChange(db, deps, change));
  node.link.onWipe((db) => wipeAgentRecords(db));
  const purge = () => {
    try {
      purgeConfirmed(node.db, deps);
    } catch {
      // A busy database: the next round tries again.
    }
  };
  purge();
  const timer = setInterval(purge, PURGE_EVERY_MS);
  timer.unref();
  node.app.addHook('onClose', async () => clearInterval(timer));
}
