// The hall settings form holds text in its number boxes; these turn the saved settings into the form
// and the form back into the request, so a wrong entry reaches zod and gets its field's message.
import type { HallSettings } from '../../../electron/contract/hall-settings.js';
import { numberOrNull } from './form-numbers';

export interface HallSettingsForm {
  name: string;
  phone: string;
  correctionWorkingDays: string;
  ratingCaseStageDays: string;
}

export const HALL_SETTINGS_FIELDS = ['name', 'phone', 'correctionWorkingDays', 'ratingCaseStageDays'] as const;

export function hallFormFrom(settings: HallSettings): HallSettingsForm {
  return {
    name: settings.name,
    phone: settings.phone,
    correctionWorkingDays: String(settings.correctionWorkingDays),
    ratingCaseStageDays: String(settings.ratingCaseStageDays),
  };
}

/** The request body; an empty number box goes as null so zod names it ("必须填写" / a number). */
export function hallSettingsFrom(form: HallSettingsForm): Record<keyof HallSettings, unknown> {
  return {
    name: form.name.trim(),
    phone: form.phone.trim(),
    correctionWorkingDays: numberOrNull(form.correctionWorkingDays),
    ratingCaseStageDays: numberOrNull(form.ratingCaseStageDays),
  };
}
