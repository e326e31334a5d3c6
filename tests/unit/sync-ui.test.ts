// The upload screens' pure parts, and every key they build from data in both locales.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../../electron/contract/county.js';
import { SYNC_ERROR_CODES, type SyncStatus } from '../../electron/contract/sync.js';
import { durationText, syncErrorText } from '../../renderer/staff/sync/sync-format';
import { handleSyncEvent, resetSyncStore, syncSnapshot } from '../../renderer/staff/sync/sync-store';

const locales = ['zh-CN', 'en'].map((lng) => ({ lng, data: JSON.parse(readFileSync(`resources/locales/${lng}.json`, 'utf8')) }));
const lookup = (data: any, key: string) => key.split('.').reduce((node, part) => node?.[part], data);
const echo = (key: string, options?: Record<string, unknown>) => (options ? `${key}${JSON.stringify(options)}` : key);

describe('sync locale keys', () => {
  it('has every key the screens build from data, and the host’s validation reasons', () => {
    const reasons = [...readFileSync('electron/contract/sync.ts', 'utf8').matchAll(/reason: '([a-z_]+)'/g)].map((m) => `validation.${m[1]}`);
    expect(reasons).toHaveLength(2);
    const keys = [
      ...SYNC_ERROR_CODES.map((c) => `sync.errors.${c}`),
      ...RECORD_KINDS.map((k) => `sync.kinds.${k}`),
      ...['pending', 'sending', 'done', 'rejected'].map((s) => `sync.states.${s}`),
      ...['countyUrl', 'countyKey', 'hallCode', 'intervalSeconds', 'alertAfterMinutes'].map((f) => `fields.${f}`),
      'nav.sync',
      'screenHelp.sync',
      ...reasons,
    ];
    for (const { lng, data } of locales) {
      expect({ lng, missing: keys.filter((k) => typeof lookup(data, k) !== 'string') }).toEqual({ lng, missing: [] });
    }
  });
});

describe('durationText', () => {
  it('gives the two largest units, never less than "under a minute"', () => {
    expect(durationText(echo, 0)).toBe('sync.duration.underMinute');
    expect(durationText(echo, -5_000)).toBe('sync.duration.underMinute');
    expect(durationText(echo, 5 * 60_000)).toBe('sync.duration.minutes{"count":5}');
    expect(durationText(echo, 125 * 60_000)).toBe('sync.duration.hours{"count":2} sync.duration.minutes{"count":5}');
    expect(durationText(echo, (3 * 1440 + 125) * 60_000)).toBe('sync.duration.days{"count":3} sync.duration.hours{"count":2}');
  });

  it('names the last error with its detail', () => {
    expect(syncErrorText(echo, null)).toBe('sync.none');
    expect(syncErrorText(echo, { code: 'http_status', detail: '503', at: 'x' })).toBe('sync.errors.http_status (503)');
  });
});

describe('sync status store', () => {
  afterEach(() => resetSyncStore());
  const summary = { configured: true, running: false, counts: { pending: 3, sending: 0, done: 9, rejected: 1 }, heldBehindRejected: 0, oldestPendingAt: null, lastSuccessAt: null, lastAttemptAt: null, lastError: null, paused: true, failingSince: null, alert: true, decisions: { received: 0, applied: 0, pendingApply: 0 } };

  it('takes sync.status events and ignores others or malformed ones', () => {
    handleSyncEvent({ seq: 1, type: 'ticket.called', at: 'x', data: summary });
    expect(syncSnapshot()).toBeNull();
    handleSyncEvent({ seq: 2, type: 'sync.status', at: 'x', data: { counts: 'nonsense' } });
    expect(syncSnapshot()).toBeNull();
    handleSyncEvent({ seq: 3, type: 'sync.status', at: 'x', data: summary });
    expect(syncSnapshot()).toEqual<SyncStatus>({ ...summary, rejected: [] });
  });
});
