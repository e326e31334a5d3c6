// Migration 11: a hall's saved single period (openTime/closeTime) becomes its one opening period, so
// its hours and every other queue setting survive the change to periods.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { migrations } from '../../db/migrations/index.js';
import { queueSettings } from '../../electron/hall/queue/settings.js';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'hall-m11-'));
  db = openDatabase(path.join(dir, 'hall.db'));
  migrate(db, migrations.filter((m) => m.version < 11));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const OLD = {
  openTime: '09:00', closeTime: '16:00', weekdays: [1, 2, 3, 4, 5, 6], announcementTemplate: '请 {number} 号到 {window} 号窗口', announceRepeat: 1,
  numberReading: 'natural', slipWidthMm: 58, printMode: 'html', printerHost: '', printerPort: 9100, printerName: '', noticeLine: '周六上午开放', ratingWindowMinutes: 5,
};

describe('migration 11 (queue opening periods)', () => {
  it('turns the saved single period into periods and keeps the rest', () => {
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('queue.settings', ?, '2026-03-02T01:00:00Z')").run(JSON.stringify(OLD));
    migrate(db);
    const { openTime: _o, closeTime: _c, ...rest } = OLD;
    expect(queueSettings(db)).toEqual({ ...rest, periods: [{ open: '09:00', close: '16:00' }], noShowAfterCalls: 2, noShowAfterMinutes: 3, holidaysClosed: true, publicGuideUrl: '' });
  });

  it('leaves a hall that never saved its settings on the defaults', () => {
    migrate(db);
    expect(db.prepare("SELECT COUNT(*) AS n FROM settings WHERE key = 'queue.settings'").get()).toEqual({ n: 0 });
    expect(queueSettings(db).periods).toEqual([{ open: '08:30', close: '17:30' }]);
  });
});
