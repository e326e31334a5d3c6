import { describe, expect, it } from 'vitest';
import { QueueSettings } from '../../electron/contract/queue.js';
import { addItem, moveItem, notYetChosen, removeItem } from '../../renderer/staff/queue-admin/ordered-list';
import { formFromSettings, settingsFromForm, settingsIssueField, templateWarnings, toggleWeekday } from '../../renderer/staff/queue-admin/settings-model';
import { fieldIssues } from '../../electron/contract/field-issues.js';
import { numberOrNull, numberOrUndefined, textOrNull } from '../../renderer/staff/queue-admin/form-numbers';

describe('ordered multi-select', () => {
  it('adds at the end, once', () => {
    expect(addItem(['A'], 'B')).toEqual(['A', 'B']);
    expect(addItem(['A', 'B'], 'A')).toEqual(['A', 'B']);
  });

  it('moves one step up or down, and not past either end', () => {
    expect(moveItem(['A', 'B', 'C'], 2, 'up')).toEqual(['A', 'C', 'B']);
    expect(moveItem(['A', 'B', 'C'], 0, 'down')).toEqual(['B', 'A', 'C']);
    expect(moveItem(['A', 'B', 'C'], 0, 'up')).toEqual(['A', 'B', 'C']);
    expect(moveItem(['A', 'B', 'C'], 2, 'down')).toEqual(['A', 'B', 'C']);
    expect(moveItem(['A'], 5, 'up')).toEqual(['A']);
  });

  it('removes and lists what is left to add in the original order, without touching its input', () => {
    const chosen = ['C', 'A'];
    expect(removeItem(chosen, 'C')).toEqual(['A']);
    expect(notYetChosen(['A', 'B', 'C', 'D'], chosen)).toEqual(['B', 'D']);
    expect(chosen).toEqual(['C', 'A']);
  });
});

const SETTINGS: QueueSettings = {
  periods: [{ open: '08:30', close: '12:00' }, { open: '14:00', close: '17:30' }], weekdays: [5, 1, 3], announcementTemplate: '请 {number} 号到 {window} 号窗口办理', announceRepeat: 2,
  numberReading: 'digits', slipWidthMm: 80, printMode: 'escpos', printerHost: '192.168.1.50', printerPort: 9100, printerName: '',
  noticeLine: '请保管好号票', ratingWindowMinutes: 10, noShowAfterCalls: 2, noShowAfterMinutes: 3, holidaysClosed: false,
  publicGuideUrl: 'https://zwfw.example.gov.cn/bszn/',
};

describe('settings form', () => {
  it('round-trips saved settings through the form', () => {
    const back = QueueSettings.parse(settingsFromForm(formFromSettings(SETTINGS)));
    expect(back).toEqual({ ...SETTINGS, weekdays: [1, 3, 5] });
  });

  it('turns an empty or wrong number box into a value zod refuses, naming the field', () => {
    const form = { ...formFromSettings(SETTINGS), printerPort: '', ratingWindowMinutes: 'ten' };
    const result = QueueSettings.safeParse(settingsFromForm(form));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['printerPort', 'ratingWindowMinutes']);
  });

  it('edits two opening periods; empty afternoon boxes mean one period a day', () => {
    const form = formFromSettings(SETTINGS);
    expect(form).toMatchObject({ morningOpen: '08:30', morningClose: '12:00', afternoonOpen: '14:00', afternoonClose: '17:30' });
    const single = QueueSettings.parse(settingsFromForm({ ...form, morningClose: '17:30', afternoonOpen: ' ', afternoonClose: '' }));
    expect(single.periods).toEqual([{ open: '08:30', close: '17:30' }]);
  });

  it('puts the problem of a period under the box it came from', () => {
    const fieldsOf = (over: Record<string, string>) => {
      const input = settingsFromForm({ ...formFromSettings(SETTINGS), ...over });
      const result = QueueSettings.safeParse(input);
      return result.success ? [] : [...new Set(fieldIssues(result.error, input).map(settingsIssueField).map((i) => i.field))];
    };
    expect(fieldsOf({ morningClose: '08:00' })).toEqual(['morningClose']);
    expect(fieldsOf({ afternoonOpen: '11:00' })).toEqual(['afternoonOpen']);
    expect(fieldsOf({ afternoonClose: '' })).toEqual(['afternoonClose']);
    expect(settingsIssueField({ field: 'periods.1.close', code: 'time_format' }).field).toBe('afternoonClose');
    expect(settingsIssueField({ field: 'noticeLine', code: 'required' }).field).toBe('noticeLine');
  });

  it('keeps the working days sorted Monday to Sunday', () => {
    expect(toggleWeekday([5, 1], 3, true)).toEqual([1, 3, 5]);
    expect(toggleWeekday([1, 3, 5], 3, false)).toEqual([1, 5]);
    expect(toggleWeekday([1], 1, true)).toEqual([1]);
  });

  it('warns about a template that would not say the number or the window', () => {
    expect(templateWarnings(SETTINGS.announcementTemplate)).toEqual([]);
    expect(templateWarnings('请到窗口')).toEqual(['noNumber', 'noWindow']);
    expect(templateWarnings('{number} 号')).toEqual(['noWindow']);
  });

  it('reads number boxes: empty is "not given", text goes on to zod as NaN', () => {
    expect(numberOrNull(' ')).toBeNull();
    expect(numberOrNull('20')).toBe(20);
    expect(numberOrUndefined('')).toBeUndefined();
    expect(Number.isNaN(numberOrUndefined('abc'))).toBe(true);
    expect(textOrNull('  SB-01 ')).toBe('SB-01');
    expect(textOrNull('')).toBeNull();
  });
});
