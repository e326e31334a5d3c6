// The upload's settings: county URL, sealed key, interval and alert threshold in the settings table;
// the hall code is the hall's own setting (hall.code). Set from the command line or by the admin.
import { z } from 'zod';
import type { Db } from '../../../db/connection.js';
import type { SyncSettingsRequest, SyncSettingsView } from '../../contract/sync.js';
import { appendAudit } from '../audit/chain.js';
import type { Clock } from '../clock.js';
import { domainRule } from '../http/errors.js';
import type { Actor } from '../http/principal.js';
import { getJsonSetting, getSetting, setJsonSetting, setSetting } from '../settings/service.js';
import { openSecret, sealSecret } from './secret-box.js';
import type { CountyConnection } from './transport.js';
import { clearPaused } from './sync-state.js';

const KEY = 'sync.county';

const Stored = z.object({
  countyUrl: z.string().nullable(),
  countyKeySealed: z.string().nullable(),
  intervalSeconds: z.number().int().min(1),
  alertAfterMinutes: z.number().int().min(1),
});
type Stored = z.infer<typeof Stored>;

export const DEFAULT_SYNC: Stored = { countyUrl: null, countyKeySealed: null, intervalSeconds: 300, alertAfterMinutes: 60 };

export function storedSync(db: Db): Stored {
  return getJsonSetting(db, KEY, Stored, DEFAULT_SYNC);
}

export function syncSettingsView(db: Db): SyncSettingsView {
  const s = storedSync(db);
  return { countyUrl: s.countyUrl, countyKeySet: s.countyKeySealed !== null, hallCode: getSetting(db, 'hall.code'), intervalSeconds: s.intervalSeconds, alertAfterMinutes: s.alertAfterMinutes };
}

export type ConnectionResult = { ok: true; connection: CountyConnection } | { ok: false; reason: 'not_configured' | 'key_unreadable' };

/** Where the uploader should send, with the key opened for this cycle only. */
export function countyConnection(db: Db, secretDir: string | null): ConnectionResult {
  const s = storedSync(db);
  if (!s.countyUrl || !s.countyKeySealed || !secretDir) return { ok: false, reason: 'not_configured' };
  try {
    return { ok: true, connection: { url: s.countyUrl, key: openSecret(secretDir, s.countyKeySealed), hallCode: getSetting(db, 'hall.code') } };
  } catch {
    return { ok: false, reason: 'key_unreadable' };
  }
}

function seal(secretDir: string | null, key: string): string {
  if (!secretDir) throw domainRule('sync_no_data_folder');
  return sealSecret(secretDir, key);
}

/** The admin's change (PUT /sync/settings), audited without the key; a new setting lifts a pause. */
export function saveSyncSettings(db: Db, clock: Clock, actor: Actor, secretDir: string | null, input: SyncSettingsRequest): SyncSettingsView {
  const sealed = input.countyKey === undefined ? undefined : seal(secretDir, input.countyKey);
  db.transaction(() => {
    const now = clock.now();
    const before = storedSync(db);
    const next: Stored = {
      countyUrl: input.countyUrl,
      countyKeySealed: sealed ?? before.countyKeySealed,
      intervalSeconds: input.intervalSeconds,
      alertAfterMinutes: input.alertAfterMinutes,
    };
    setJsonSetting(db, clock, KEY, next);
    setSetting(db, clock, 'hall.code', input.hallCode);
    clearPaused(db);
    appendAudit(db, actor, now, {
      action: 'sync-settings',
      entity: 'settings',
      entityId: KEY,
      detail: { countyUrl: input.countyUrl, keyChanged: sealed !== undefined, hallCode: input.hallCode, intervalSeconds: input.intervalSeconds, alertAfterMinutes: input.alertAfterMinutes },
    });
  }).immediate();
  return syncSettingsView(db);
}

export interface CliSyncOptions {
  countyUrl: string | null;
  countyKey: string | null;
  hallCode: string | null;
  /** Only when --sync-interval was given: a stored admin setting is not overwritten by the default. */
  intervalSeconds: number | null;
}

/** Who stores the command line's flags: the host itself, started from the command line. */
const CLI_ACTOR: Actor = { kind: 'system', id: null, name: 'system', terminal: 'cli' };

/** The command line's flags, stored at start (each one only if given). A change is audited like the
 *  admin's, with the values before and after (never the key: only whether it changed). */
export function applyCliSyncOptions(db: Db, clock: Clock, secretDir: string, options: CliSyncOptions): void {
  const sealed = options.countyKey === null ? null : sealSecret(secretDir, options.countyKey);
  db.transaction(() => {
    const s = storedSync(db);
    const hallCode = getSetting(db, 'hall.code');
    const keyChanged = options.countyKey !== null && (s.countyKeySealed === null || !sameKey(secretDir, s.countyKeySealed, options.countyKey));
    const next: Stored = {
      ...s,
      ...(options.countyUrl === null ? {} : { countyUrl: options.countyUrl }),
      ...(keyChanged && sealed !== null ? { countyKeySealed: sealed } : {}),
      ...(options.intervalSeconds === null ? {} : { intervalSeconds: options.intervalSeconds }),
    };
    const nextHallCode = options.hallCode ?? hallCode;
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    if (next.countyUrl !== s.countyUrl) changes.countyUrl = { before: s.countyUrl, after: next.countyUrl };
    if (next.intervalSeconds !== s.intervalSeconds) changes.intervalSeconds = { before: s.intervalSeconds, after: next.intervalSeconds };
    if (nextHallCode !== hallCode) changes.hallCode = { before: hallCode, after: nextHallCode };
    // Starting again with the county flags is also how an operator retries a paused upload.
    if (options.countyKey !== null || options.countyUrl !== null) clearPaused(db);
    if (Object.keys(changes).length === 0 && !keyChanged) return;
    setJsonSetting(db, clock, KEY, next);
    if (nextHallCode !== hallCode) setSetting(db, clock, 'hall.code', nextHallCode);
    appendAudit(db, CLI_ACTOR, clock.now(), { action: 'sync-settings', entity: 'settings', entityId: KEY, detail: { source: 'command-line', changes, keyChanged } });
  }).immediate();
}

/** Whether the sealed key is this key; an unreadable one counts as different (the new one replaces it). */
function sameKey(secretDir: string, sealedKey: string, key: string): boolean {
  try {
    return openSecret(secretDir, sealedKey) === key;
  } catch {
    return false;
  }
}
