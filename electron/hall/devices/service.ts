// Paired terminals (kiosk, display, counter, rating pad): each gets a random token, shown once.
import type { Db } from '../../../db/connection.js';
import { all, get, run, sql } from '../../../db/sql.js';
import type { CreateDeviceRequest, CreateDeviceResponse, DeviceKind, DeviceView } from '../../contract/api.js';
import { appendAudit } from '../audit/chain.js';
import type { Clock } from '../clock.js';
import { conflict, notFound, validationError } from '../http/errors.js';
import type { Actor } from '../http/principal.js';
import { getSetting } from '../settings/service.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { announceCredentialEnded } from '../auth/credentials.js';

interface DeviceRow {
  id: number;
  name: string;
  kind: DeviceKind;
  created_at: string;
  token_expires_at: string;
  last_seen_at: string | null;
  revoked_at: string | null;
  agent_user_id: number | null;
}

const toView = (r: DeviceRow): DeviceView => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  createdAt: r.created_at,
  tokenExpiresAt: r.token_expires_at,
  lastSeenAt: r.last_seen_at,
  revoked: r.revoked_at !== null,
  agentId: r.agent_user_id,
});

const DEVICE_COLUMNS = sql`id, name, kind, created_at, token_expires_at, last_seen_at, revoked_at, agent_user_id`;

export function listDevices(db: Db): { rows: DeviceView[]; total: number } {
  const rows = all<DeviceRow>(db, sql`SELECT ${DEVICE_COLUMNS} FROM devices ORDER BY id`).map(toView);
  return { rows, total: rows.length };
}

export function findDevice(db: Db, id: number): DeviceView | undefined {
  const row = get<DeviceRow>(db, sql`SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = ${id}`);
  return row && toView(row);
}

function tokenExpiry(db: Db, now: Date): string {
  return new Date(now.getTime() + getSetting(db, 'devices.tokenDays') * 86_400_000).toISOString();
}

/** A village node names an active agent; no other terminal names anyone. */
function checkAgent(db: Db, input: CreateDeviceRequest): number | null {
  if (input.kind !== 'village') {
    if (input.agentId !== undefined) throw validationError([{ field: 'agentId', code: 'agent_village_only' }]);
    return null;
  }
  if (input.agentId === undefined) throw validationError([{ field: 'agentId', code: 'required' }]);
  const user = get<{ role: string; active: number }>(db, sql`SELECT role, active FROM users WHERE id = ${input.agentId}`);
  if (!user || user.role !== 'agent' || user.active !== 1) throw validationError([{ field: 'agentId', code: 'not_active_agent' }]);
  return input.agentId;
}

export function createDevice(db: Db, clock: Clock, actor: Actor, input: CreateDeviceRequest): CreateDeviceResponse {
  const token = newToken();
  return db.transaction(() => {
    const agentId = checkAgent(db, input);
    const now = clock.now();
    const { lastInsertRowid } = run(
      db,
      sql`INSERT INTO devices (name, kind, token_hash, token_expires_at, created_at, created_by, agent_user_id)
          VALUES (${input.name}, ${input.kind}, ${hashToken(token)}, ${tokenExpiry(db, now)}, ${now.toISOString()},
                  ${actor.kind === 'user' ? actor.id : null}, ${agentId})`,
    );
    const id = Number(lastInsertRowid);
    appendAudit(db, actor, now, { action: 'device-create', entity: 'device', entityId: id, after: input.kind, detail: { name: input.name, agentId } });
    return { id, token, device: findDevice(db, id)! };
  }).immediate();
}

export function revokeDevice(db: Db, clock: Clock, actor: Actor, id: number): DeviceView {
  const revoked = db.transaction(() => {
    const before = findDevice(db, id);
    if (!before) throw notFound();
    if (before.revoked) throw conflict('device_revoked');
    const now = clock.now();
    run(db, sql`UPDATE devices SET revoked_at = ${now.toISOString()} WHERE id = ${id}`);
    appendAudit(db, actor, now, { action: 'device-revoke', entity: 'device', entityId: id, before: 'active', after: 'revoked' });
    return findDevice(db, id)!;
  }).immediate();
  announceCredentialEnded(db, { kind: 'device', deviceId: id, reason: 'token_revoked' });
  return revoked;
}

/** A new token for the same device (re-pairing); the old token stops working at once. */
export function reissueDeviceToken(db: Db, clock: Clock, actor: Actor, id: number): CreateDeviceResponse {
  const token = newToken();
  const reissued = db.transaction(() => {
    const before = findDevice(db, id);
    if (!before) throw notFound();
    const now = clock.now();
    run(
      db,
      sql`UPDATE devices SET token_hash = ${hashToken(token)}, token_expires_at = ${tokenExpiry(db, now)}, revoked_at = NULL
          WHERE id = ${id}`,
    );
    appendAudit(db, actor, now, {
      action: 'device-token-reissue',
      entity: 'device',
      entityId: id,
      before: before.revoked ? 'revoked' : 'active',
      after: 'active',
    });
    return { id, token, device: findDevice(db, id)! };
  }).immediate();
  // Whatever is still open on the old token ends now.
  announceCredentialEnded(db, { kind: 'device', deviceId: id, reason: 'token_revoked' });
  return reissued;
}
