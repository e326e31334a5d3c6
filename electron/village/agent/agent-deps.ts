// What the agent module is given by the node (DESIGN §2a: a business module appends to the outbox
// but never imports the link that carries its records away).
import type { Db } from '../../../db/connection.js';
import type { VillageRecordKind } from '../../contract/village.js';
import type { WorkingCalendar } from '../../hall/calendar/working-days.js';
import type { Clock } from '../../hall/clock.js';
import type { Actor } from '../../hall/http/principal.js';

export interface AppendRecordInput {
  kind: VillageRecordKind;
  requestId: string;
  /** Assigned by the outbox when omitted (1, 2, 3… per request). */
  seq?: number;
  occurredAt: string;
  payload: Record<string, unknown>;
}

export interface CatalogLine {
  name: string;
  required: boolean;
  originals: number;
  copies: number;
}

export interface MirroredItem {
  code: string;
  name: string;
  searchKey: string;
  materials: CatalogLine[];
}

export interface AgentDeps {
  clock: Clock;
  /** Who the audit rows name: the node's agent. */
  actor(): Actor;
  /** The hall's time zone, for the 委托 day the hand-over limit counts from. */
  timeZone: string;
  calendar: WorkingCalendar;
  /** The link's outbox: call inside the business transaction. */
  appendRecord(db: Db, input: AppendRecordInput): string;
  /** The villages the paired node's agent serves (from the hall's profile at pairing). */
  villages(db: Db): { code: string; name: string }[];
  /** Who hands over: the agent's and the node's names at the hall ('' while not paired). */
  station(db: Db): { agentName: string; nodeName: string };
  /** One item of the mirrored catalogue, or null. */
  catalogItem(db: Db, code: string): MirroredItem | null;
  /** Every mirrored item (search runs over their keys). */
  catalogItems(db: Db): MirroredItem[];
}
