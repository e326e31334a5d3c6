// The settings form holds text for its number boxes; these turn the saved settings into the form and
// the form back into the request (QueueSettings), so a wrong entry reaches zod and gets its message.
import type { FieldIssue } from '../../shared/contract';
import type { QueueSettings } from '../../shared/queue-contract';

export interface SettingsForm {
  /** The first opening period, and an optional second one after a lunch break (both empty: none). */
  morningOpen: string;
  morningClose: string;
  afternoonOpen: string;
  afternoonClose: string;
  weekdays: number[];
  holidaysClosed: boolean;
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
  noShowAfterCalls: string;
  noShowAfterMinutes: string;
  publicGuideUrl: string;
}

export const SETTINGS_FIELDS = [
  'morningOpen', 'morningClose', 'afternoonOpen', 'afternoonClose', 'weekdays', 'holidaysClosed', 'announcementTemplate', 'announceRepeat',
  'numberReading', 'slipWidthMm', 'printMode', 'printerHost', 'printerPort', 'printerName', 'noticeLine', 'ratingWindowMinutes',
  'noShowAfterCalls', 'noShowAfterMinutes', 'publicGuideUrl',
] as const;

const PERIOD_FIELDS = [
  { open: 'morningOpen', close: 'morningClose' },
  { open: 'afternoonOpen', close: 'afternoonClose' },
] as const;

/** Puts an issue of `periods.1.close` under the box it came from (afternoonClose); an overlap of
 *  the two periods under the afternoon's opening time. */
export function settingsIssueField(issue: FieldIssue): FieldIssue {
  const m = /^periods(?:\.(\d)(?:\.(open|close))?)?$/.exec(issue.field);
  if (!m) return issue;
  const period = PERIOD_FIELDS[Number(m[1] ?? 1)] ?? PERIOD_FIELDS[1];
  return { ...issue, field: period[m[2] === 'close' ? 'close' : 'open'] };
}

export function formFromSettings(s: QueueSettings): SettingsForm {
  const { periods, ...rest } = s;
  return {
    ...rest,
    morningOpen: periods[0]?.open ?? '',
    morningClose: periods[0]?.close ?? '',
    afternoonOpen: periods[1]?.open ?? '',
    afternoonClose: periods[1]?.close ?? '',
    weekdays: [...s.weekdays].sort((a, b) => a - b),
    announceRepeat: String(s.announceRepeat),
    slipWidthMm: String(s.slipWidthMm),
    printerPort: String(s.printerPort),
    ratingWindowMinutes: String(s.ratingWindowMinutes),
    noShowAfterCalls: String(s.noShowAfterCalls),
    noShowAfterMinutes: String(s.noShowAfterMinutes),
  };
}

/** Empty is "missing" (必须填写), anything else a number or NaN (格式不正确). */
const asNumber = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim()));

/** The request body; not yet validated (the caller parses it with QueueSettings). */
export function settingsFromForm(f: SettingsForm): Record<keyof QueueSettings, unknown> {
  return {
    periods: [
      { open: f.morningOpen.trim(), close: f.morningClose.trim() },
      ...(f.afternoonOpen.trim() || f.afternoonClose.trim() ? [{ open: f.afternoonOpen.trim(), close: f.afternoonClose.trim() }] : []),
    ],
    weekdays: [...f.weekdays].sort((a, b) => a - b),
    holidaysClosed: f.holidaysClosed,
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
    noShowAfterCalls: asNumber(f.noShowAfterCalls),
    noShowAfterMinutes: asNumber(f.noShowAfterMinutes),
    publicGuideUrl: f.publicGuideUrl,
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
