import { describe, expect, it } from 'vitest';
import { backupWarning } from '../../electron/hall/backup/backup-state.js';
import { backupFileName, takenAtOfName } from '../../electron/hall/backup/backup-file.js';
import { backupsToKeep } from '../../electron/hall/backup/rotation.js';

const day = 24 * 3600_000;

describe('backup rotation (7 daily, 4 weekly, 12 monthly)', () => {
  it('keeps one a day for a week, one a week for a month, one a month for a year', () => {
    const end = Date.parse('2026-12-31T18:00:00Z'); // 02:00 the next day in the hall
    const backups = Array.from({ length: 500 }, (_, i) => ({ name: `b${i}`, takenAt: new Date(end - i * day) }));
    const keep = backupsToKeep(backups);
    // 7 days + weeks 2–4 (3 more) + months beyond those (about 11 more): never more than 23.
    expect(keep.size).toBeGreaterThanOrEqual(7 + 2 + 10);
    expect(keep.size).toBeLessThanOrEqual(23);
    for (let i = 0; i < 7; i++) expect(keep.has(`b${i}`)).toBe(true);
    expect(keep.has('b7')).toBe(false);
    expect(keep.has('b499')).toBe(false);
  });

  it('keeps the newest of two on the same day', () => {
    const keep = backupsToKeep([
      { name: 'early', takenAt: new Date('2026-03-02T01:00:00Z') },
      { name: 'late', takenAt: new Date('2026-03-02T09:00:00Z') },
    ]);
    expect([...keep]).toEqual(['late']);
  });

  it('names carry the time and only ours are read back', () => {
    const at = new Date('2026-03-02T01:02:03Z');
    expect(backupFileName(at)).toBe('hall-backup-20260302-010203.db');
    expect(takenAtOfName(backupFileName(at))?.toISOString()).toBe(at.toISOString());
    expect(takenAtOfName('hall.db')).toBeNull();
    expect(takenAtOfName('hall-backup-20260302-010203.db.partial')).toBeNull();
  });
});

describe('backup warning', () => {
  const now = Date.parse('2026-03-05T00:00:00Z');
  const good = (ago: number) => ({ lastGood: { file: 'f', at: new Date(now - ago).toISOString(), bytes: 1 }, lastFailure: null });
  it('warns after two days without a good backup, or when the folder is missing', () => {
    expect(backupWarning(good(day), true, now, now - 10 * day)).toBe('none');
    expect(backupWarning(good(2 * day + 1), true, now, now - 10 * day)).toBe('stale');
    expect(backupWarning(good(day), false, now, now - 10 * day)).toBe('folder_missing');
    expect(backupWarning({ lastGood: null, lastFailure: null }, true, now, now - day)).toBe('none');
    expect(backupWarning({ lastGood: null, lastFailure: { at: '', reason: 'failed', message: '' } }, true, now, now - day)).toBe('failing');
    expect(backupWarning({ lastGood: null, lastFailure: null }, true, now, now - 3 * day)).toBe('failing');
  });
});
