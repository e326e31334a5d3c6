// The sentence the display says for one call, from the hall's template (a queue setting).
import { readTicketNumber, type NumberReading } from './number-reading';

export interface AnnouncementSettings {
  announcementTemplate: string;
  numberReading: NumberReading;
}

/** Replaces every {number} and {window} in the template; other braces are left as written. */
export function fillTemplate(template: string, values: { number: string; window: string }): string {
  return template.replace(/\{(number|window)\}/g, (_all, name: 'number' | 'window') => values[name]);
}

/** "请 {number} 号到 {window} 号窗口办理" + A012 at window 3 → "请 A 零 一 二 号到 3 号窗口办理". */
export function announcementText(settings: AnnouncementSettings, call: { number: string; windowNumber: number }): string {
  return fillTemplate(settings.announcementTemplate, {
    number: readTicketNumber(call.number, settings.numberReading),
    window: String(call.windowNumber),
  });
}
