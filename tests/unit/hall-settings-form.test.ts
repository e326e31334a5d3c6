// The hall settings form: saved settings → boxes → request, and a wrong box is named by its field.
import { describe, expect, it } from 'vitest';
import { HallSettings } from '../../electron/contract/hall-settings.js';
import { fieldIssues } from '../../electron/contract/field-issues.js';
import { hallSettingChanges } from '../../electron/hall/settings/hall-settings.js';
import { hallFormFrom, hallSettingsFrom } from '../../renderer/staff/queue-admin/hall-settings-model.js';

const SAVED = { name: '安峰镇便民服务中心', phone: '0518-87654321', correctionWorkingDays: 5, ratingCaseStageDays: 7 };

describe('hall settings form', () => {
  it('round-trips the saved settings', () => {
    expect(HallSettings.parse(hallSettingsFrom(hallFormFrom(SAVED)))).toEqual(SAVED);
  });

  it('names the box that is wrong: empty, not a whole number, out of range', () => {
    const form = { ...hallFormFrom(SAVED), correctionWorkingDays: '', ratingCaseStageDays: '2.5' };
    const input = hallSettingsFrom(form);
    const parsed = HallSettings.safeParse(input);
    expect(parsed.success).toBe(false);
    const fields = fieldIssues(parsed.error!, input).map((i) => i.field).sort();
    expect(fields).toEqual(['correctionWorkingDays', 'ratingCaseStageDays']);
    expect(HallSettings.safeParse({ ...SAVED, correctionWorkingDays: 61 }).success).toBe(false);
    expect(HallSettings.safeParse({ ...SAVED, phone: '电话12345' }).success).toBe(false);
  });

  it('lists only the changed values, before and after, for the audit', () => {
    expect(hallSettingChanges(SAVED, SAVED)).toEqual({});
    expect(hallSettingChanges(SAVED, { ...SAVED, phone: '', correctionWorkingDays: 10 })).toEqual({ phone: ['0518-87654321', ''], correctionWorkingDays: [5, 10] });
  });
});
