// The settings form holds text for its number boxes; these turn the saved settings into the form and
// the form back into the request (QueueSettings), so a wrong entry reaches zod and gets its message.
import type { QueueSettings } from '../../shared/queue-contract';

export interface SettingsForm {
  openTime: string;
  closeTime: string;
  weekdays: number[];
  announcementTemplate: string;
  announceRepeat: string;
  numberReading: QueueSettings['numberReading'];
  slipWidthMm: string;
  printMode: QueueSettings['printMode'];
  printerHost: string;
  printerPort: string;
  printerName: string;
  noticeLine: string;
  ratingWindowMinutes: string;
}

export const SETTINGS_FIELDS = [
  'openTime', 'closeTime', 'weekdays', 'announcementTemplate', 'announceRepeat', 'numberReading', 'slipWidthMm',
  'printMode', 'printerHost', 'printerPort', 'printerName', 'noticeLine', 'ratingWindowMinutes',
] as const;

export function formFromSettings(s: QueueSettings): SettingsForm {
  return {
    ...s,
    weekdays: [...s.weekdays].sort((a, b) => a - b),
    announceRepeat: String(s.announceRepeat),
    slipWidthMm: String(s.slipWidthMm),
    printerPort: String(s.printerPort),
    ratingWindowMinutes: String(s.ratingWindowMinutes),
  };
}

/** Empty is "missing" (必须填写), anything else a number or NaN (格式不正确). */
const asNumber = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim()));

/** The request body; not yet validated (the caller parses it with QueueSettings). */
export function settingsFromForm(f: SettingsForm): Record<keyof QueueSettings, unknown> {
  return {
    openTime: f.openTime,
    closeTime: f.closeTime,
    weekdays: [...f.weekdays].sort((a, b) => a - b),
    announcementTemplate: f.announcementTemplate,
    announceRepeat: asNumber(f.announceRepeat),
    numberReading: f.numberReading,
    slipWidthMm: asNumber(f.slipWidthMm),
    printMode: f.printMode,
    printerHost: f.printerHost,
    printerPort: asNumber(f.printerPort),
    printerName: f.printerName,
    noticeLine: f.noticeLine,
    ratingWindowMinutes: asNumber(f.ratingWindowMinutes),
  };
}

/** Ticks a working day on or off; the list stays sorted Monday (1) to Sunday (7). */
export function toggleWeekday(days: readonly number[], day: number, on: boolean): number[] {
  const set = new Set(days);
  if (on) set.add(day);
  else set.delete(day);
  return [...set].sort((a, b) => a - b);
}

/** A template that never says the number is almost certainly a mistake; warn, do not refuse. */
export function templateWarnings(template: string): Array<'noNumber' | 'noWindow'> {
  const warnings: Array<'noNumber' | 'noWindow'> = [];
  if (!template.includes('{number}')) warnings.push('noNumber');
  if (!template.includes('{window}')) warnings.push('noWindow');
  return warnings;
}
