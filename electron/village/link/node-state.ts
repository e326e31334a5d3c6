// The node's pairing with the hall and its link's own state (one row each), read and written here.
import type { Db } from '../../../db/connection.js';
import { get, run, sql } from '../../../db/sql.js';
import type { VillageInfo, VillageProfile } from '../../contract/village.js';
import type { ExchangeError } from '../../link/outcome.js';

export interface Pairing {
  hallUrl: string;
  token: string;
  nodeId: string;
  nodeName: string;
  hall: VillageProfile['hall'];
  agent: VillageProfile['agent'];
  villages: VillageInfo[];
  pairedAt: string;
}

interface PairingRow {
  hall_url: string;
  token: string;
  node_id: string;
  node_name: string;
  hall: string;
  agent: string;
  villages: string;
  paired_at: string;
}

export function readPairing(db: Db): Pairing | null {
  const row = get<PairingRow>(db, sql`SELECT hall_url, token, node_id, node_name, hall, agent, villages, paired_at FROM pairing WHERE id = 1`);
  if (!row) return null;
  return {
    hallUrl: row.hall_url,
    token: row.token,
    nodeId: row.node_id,
    nodeName: row.node_name,
    hall: JSON.parse(row.hall) as Pairing['hall'],
    agent: JSON.parse(row.agent) as Pairing['agent'],
    villages: JSON.parse(row.villages) as VillageInfo[],
    pairedAt: row.paired_at,
  };
}

/** Replaces the pairing; a node paired anew starts its feeds from the beginning. */
export function storePairing(db: Db, hallUrl: string, token: string, profile: VillageProfile, at: Date): void {
  run(db, sql`DELETE FROM pairing`);
  run(
    db,
    sql`INSERT INTO pairing (id, hall_url, token, node_id, node_name, hall, agent, villages, paired_at)
        VALUES (1, ${hallUrl}, ${token}, ${profile.nodeId}, ${profile.nodeName}, ${JSON.stringify(profile.hall)}, ${JSON.stringify(profile.agent)},
                ${JSON.stringify(profile.villages)}, ${at.toISOString()})`,
  );
  run(db, sql`UPDATE link_state SET changes_cursor = NULL, catalog_version = 0, revoked_at = NULL, last_error = NULL, failing_since = NULL WHERE id = 1`);
}

export interface LinkStateRow {
  last_attempt_at: string | null;
  last_contact_at: string | null;
  last_error: string | null;
  failing_since: string | null;
  changes_cursor: string | null;
  catalog_version: number;
  revoked_at: string | null;
}

export function linkState(db: Db): LinkStateRow {
  return get<LinkStateRow>(
    db,
    sql`SELECT last_attempt_at, last_contact_at, last_error, failing_since, changes_cursor, catalog_version, revoked_at FROM link_state WHERE id = 1`,
  )!;
}

/** The hall answered usably. */
export function recordContact(db: Db, at: Date): void {
  const iso = at.toISOString();
  run(db, sql`UPDATE link_state SET last_attempt_at = ${iso}, last_contact_at = ${iso}, last_error = NULL, failing_since = NULL WHERE id = 1`);
}

export function recordLinkFailure(db: Db, at: Date, error: ExchangeError): void {
  const iso = at.toISOString();
  run(
    db,
    sql`UPDATE link_state SET last_attempt_at = ${iso}, last_error = ${JSON.stringify({ ...error, at: iso })},
          failing_since = coalesce(failing_since, ${iso}) WHERE id = 1`,
  );
}

export function setChangesCursor(db: Db, cursor: string | null): void {
  run(db, sql`UPDATE link_state SET changes_cursor = ${cursor} WHERE id = 1`);
}

export function setCatalogVersion(db: Db, version: number): void {
  run(db, sql`UPDATE link_state SET catalog_version = ${version} WHERE id = 1`);
}

export interface PendingCounts {
  records: number;
  scans: number;
}

/** What waits to go: records not yet done (rejected ones are set aside) and the scans they name. */
export function pendingCounts(db: Db): PendingCounts {
  const records = get<{ n: number }>(db, sql`SELECT count(*) AS n FROM link_outbox WHERE state IN ('pending', 'sending')`)!.n;
  const scans = get<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM scans s WHERE s.state = 'pending'
          AND EXISTS (SELECT 1 FROM link_record_scans rs JOIN link_outbox o ON o.id = rs.outbox_id
                      WHERE rs.sha256 = s.sha256 AND o.state IN ('pending', 'sending'))`,
  )!.n;
  return { records, scans };
}
