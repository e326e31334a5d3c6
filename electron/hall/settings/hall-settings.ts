// The hall's own settings as one record (大厅信息与期限, with the 差评整改 limits and the dashboard's target): read from the typed keys, changed in one transaction with
// an audit row naming each changed value before and after (the hall's public phone, not a citizen's).
import type { Db } from '../../../db/connection.js';
import type { HallSettings } from '../../contract/hall-settings.js';
import { appendAudit } from '../audit/chain.js';
import type { Clock } from '../clock.js';
import type { Actor } from '../http/principal.js';
import { validationError } from '../http/errors.js';
import { activeLeadId } from '../work-orders/work-order-store.js';
import { getSetting, setSetting } from './service.js';

export function hallSettings(db: Db): HallSettings {
  return {
    name: getSetting(db, 'hall.name'),
    phone: getSetting(db, 'hall.phone'),
    correctionWorkingDays: getSetting(db, 'cases.correctionWorkingDays'),
    ratingCaseStageDays: getSetting(db, 'ratings.caseStageDays'),
    ratingCallbackWorkingDays: getSetting(db, 'ratings.callbackWorkingDays'),
    ratingRectifyWorkingDays: getSetting(db, 'ratings.rectifyWorkingDays'),
    ratingFollowupAssignee: getSetting(db, 'ratings.followupAssignee'),
    dashboardWaitTargetMinutes: getSetting(db, 'dashboard.waitTargetMinutes'),
  };
}

/** The changed fields as {field: [before, after]}; unchanged ones are left out. */
export function hallSettingChanges(before: HallSettings, after: HallSettings): Record<string, [string | number, string | number]> {
  const changes: Record<string, [string | number, string | number]> = {};
  for (const key of Object.keys(after) as Array<keyof HallSettings>) {
    if (before[key] !== after[key]) changes[key] = [before[key], after[key]];
  }
  return changes;
}

export function saveHallSettings(db: Db, clock: Clock, actor: Actor, input: HallSettings): HallSettings {
  return db.transaction(() => {
    const before = hallSettings(db);
    const changes = hallSettingChanges(before, input);
    if (Object.keys(changes).length === 0) return before;
    // New work orders go to a lead who can take their steps.
    if (input.ratingFollowupAssignee !== '' && activeLeadId(db, input.ratingFollowupAssignee) === null) {
      throw validationError([{ field: 'ratingFollowupAssignee', code: 'not_active_lead' }]);
    }
    setSetting(db, clock, 'hall.name', input.name);
    setSetting(db, clock, 'hall.phone', input.phone);
    setSetting(db, clock, 'cases.correctionWorkingDays', input.correctionWorkingDays);
    setSetting(db, clock, 'ratings.caseStageDays', input.ratingCaseStageDays);
    setSetting(db, clock, 'ratings.callbackWorkingDays', input.ratingCallbackWorkingDays);
    setSetting(db, clock, 'ratings.rectifyWorkingDays', input.ratingRectifyWorkingDays);
    setSetting(db, clock, 'ratings.followupAssignee', input.ratingFollowupAssignee);
    setSetting(db, clock, 'dashboard.waitTargetMinutes', input.dashboardWaitTargetMinutes);
    appendAudit(db, actor, clock.now(), { action: 'hall-settings', entity: 'settings', entityId: 'hall', detail: { changes } });
    return hallSettings(db);
  }).immediate();
}
