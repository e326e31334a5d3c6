// The queue's settings (hours, announcement, slip, printer), one JSON object with defaults.
import type { Db } from '../../../db/connection.js';
import { QueueSettings } from '../../contract/queue.js';
import type { Clock } from '../clock.js';
import { getJsonSetting, setJsonSetting } from '../settings/service.js';

export const QUEUE_SETTINGS_KEY = 'queue.settings';

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
  periods: [{ open: '08:30', close: '17:30' }],
  weekdays: [1, 2, 3, 4, 5],
  holidaysClosed: true,
  announcementTemplate: '请 {number} 号到 {window} 号窗口办理',
  announceRepeat: 2,
  numberReading: 'digits',
  slipWidthMm: 80,
  printMode: 'html',
  printerHost: '',
  printerPort: 9100,
  printerName: '',
  noticeLine: '请保管好您的号票，过号请重新取号。办事指南可在取号机上查询。',
  ratingWindowMinutes: 10,
  noShowAfterCalls: 2,
  noShowAfterMinutes: 3,
  publicGuideUrl: '',
};

export function queueSettings(db: Db): QueueSettings {
  return getJsonSetting(db, QUEUE_SETTINGS_KEY, QueueSettings, DEFAULT_QUEUE_SETTINGS);
}

export function saveQueueSettings(db: Db, clock: Clock, settings: QueueSettings): void {
  setJsonSetting(db, clock, QUEUE_SETTINGS_KEY, settings);
}
