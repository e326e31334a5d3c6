// The hall settings form holds text in its number boxes; these turn the saved settings into the form
// and the form back into the request, so a wrong entry reaches zod and gets its field's message.
import type { UserView } from '../../../electron/contract/api.js';
import type { HallSettings } from '../../../electron/contract/hall-settings.js';
import { numberOrNull } from './form-numbers';

export interface HallSettingsForm {
  name: string;
  phone: string;
  correctionWorkingDays: string;
  ratingCaseStageDays: string;
  ratingCallbackWorkingDays: string;
  ratingRectifyWorkingDays: string;
  ratingFollowupAssignee: string;
  dashboardWaitTargetMinutes: string;
}

export const HALL_SETTINGS_FIELDS = [
  'name',
  'phone',
  'correctionWorkingDays',
  'ratingCaseStageDays',
  'ratingCallbackWorkingDays',
  'ratingRectifyWorkingDays',
  'ratingFollowupAssignee',
  'dashboardWaitTargetMinutes',
] as const;

export function hallFormFrom(settings: HallSettings): HallSettingsForm {
  return {
    name: settings.name,
    phone: settings.phone,
    correctionWorkingDays: String(settings.correctionWorkingDays),
    ratingCaseStageDays: String(settings.ratingCaseStageDays),
    ratingCallbackWorkingDays: String(settings.ratingCallbackWorkingDays),
    ratingRectifyWorkingDays: String(settings.ratingRectifyWorkingDays),
    ratingFollowupAssignee: settings.ratingFollowupAssignee,
    dashboardWaitTargetMinutes: String(settings.dashboardWaitTargetMinutes),
  };
}

/** The request body; an empty number box goes as null so zod names it ("必须填写" / a number). */
export function hallSettingsFrom(form: HallSettingsForm): Record<keyof HallSettings, unknown> {
  return {
    name: form.name.trim(),
    phone: form.phone.trim(),
    correctionWorkingDays: numberOrNull(form.correctionWorkingDays),
    ratingCaseStageDays: numberOrNull(form.ratingCaseStageDays),
    ratingCallbackWorkingDays: numberOrNull(form.ratingCallbackWorkingDays),
    ratingRectifyWorkingDays: numberOrNull(form.ratingRectifyWorkingDays),
    ratingFollowupAssignee: form.ratingFollowupAssignee,
    dashboardWaitTargetMinutes: numberOrNull(form.dashboardWaitTargetMinutes),
  };
}

/**
 * Who new work orders may go to: every supervisor (empty), or one active supervisor or admin. A saved
 * name that no longer fits (deactivated, another role) stays listed, marked, so the admin sees it.
 */
export function leadOptions(users: readonly UserView[], current: string, labels: { everyone: string; notLead: (username: string) => string }): Array<{ value: string; label: string }> {
  const leads = users.filter((u) => u.active && (u.role === 'supervisor' || u.role === 'admin'));
  const options = [{ value: '', label: labels.everyone }, ...leads.map((u) => ({ value: u.username, label: `${u.displayName}（${u.username}）` }))];
  if (current !== '' && !leads.some((u) => u.username === current)) options.push({ value: current, label: labels.notLead(current) });
  return options;
}
