// The hall settings form: saved settings → boxes → request, and a wrong box is named by its field.
import { describe, expect, it } from 'vitest';
import { HallSettings } from '../../electron/contract/hall-settings.js';
import { fieldIssues } from '../../electron/contract/field-issues.js';
import { hallSettingChanges } from '../../electron/hall/settings/hall-settings.js';
import type { UserView } from '../../electron/contract/api.js';
import { hallFormFrom, hallSettingsFrom, leadOptions } from '../../renderer/staff/queue-admin/hall-settings-model.js';

const SAVED = {
  name: '安峰镇便民服务中心',
  phone: '0518-87654321',
  correctionWorkingDays: 5,
  ratingCaseStageDays: 7,
  ratingCallbackWorkingDays: 1,
  ratingRectifyWorkingDays: 5,
  ratingFollowupAssignee: 'lead1',
  dashboardWaitTargetMinutes: 15,
};
const user = (username: string, role: UserView['role'], active = true): UserView => ({ id: username.length, username, role, displayName: username.toUpperCase(), active, createdAt: '', lastLoginAt: null });

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

  it('names the work-order limits: 1–15 working days, the call-back not after the rectification', () => {
    const issues = (change: object) => {
      const input = hallSettingsFrom({ ...hallFormFrom(SAVED), ...change });
      const parsed = HallSettings.safeParse(input);
      return parsed.success ? [] : fieldIssues(parsed.error, input).map((i) => i.field);
    };
    expect(issues({ ratingRectifyWorkingDays: '16' })).toEqual(['ratingRectifyWorkingDays']);
    expect(issues({ ratingCallbackWorkingDays: '6' })).toEqual(['ratingCallbackWorkingDays']);
    expect(issues({ dashboardWaitTargetMinutes: '' })).toEqual(['dashboardWaitTargetMinutes']);
    expect(issues({ ratingCallbackWorkingDays: '5', ratingRectifyWorkingDays: '15' })).toEqual([]);
  });

  it('offers every active supervisor and admin as the lead, and keeps a saved name that no longer fits', () => {
    const users = [user('lead1', 'supervisor'), user('admin', 'admin'), user('clerk1', 'clerk'), user('old-lead', 'supervisor', false)];
    const labels = { everyone: '所有带班领导', notLead: (u: string) => `${u}（已停用）` };
    expect(leadOptions(users, '', labels).map((o) => o.value)).toEqual(['', 'lead1', 'admin']);
    expect(leadOptions(users, 'old-lead', labels).at(-1)).toEqual({ value: 'old-lead', label: 'old-lead（已停用）' });
  });
});
