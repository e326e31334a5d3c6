// Durations and error lines for the upload screens, in the page's language.
import type { Translate } from '../../shared/translate';
import type { SyncError } from './sync-contract';

/** "2 天 3 小时" / "2 d 3 h": the two largest units, at least "under a minute". */
export function durationText(t: Translate, ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return t('sync.duration.underMinute');
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts: string[] = [];
  if (days) parts.push(t('sync.duration.days', { count: days }));
  if (hours) parts.push(t('sync.duration.hours', { count: hours }));
  if (mins && !days) parts.push(t('sync.duration.minutes', { count: mins }));
  return parts.slice(0, 2).join(' ');
}

export function ageText(t: Translate, since: string | null, now: Date): string {
  if (!since) return t('sync.none');
  return durationText(t, now.getTime() - Date.parse(since));
}

/** The translated reason of the last failure; the detail (an HTTP status, a network code) in brackets. */
export function syncErrorText(t: Translate, error: SyncError | null): string {
  if (!error) return t('sync.none');
  const text = t(`sync.errors.${error.code}`);
  return error.detail ? `${text} (${error.detail})` : text;
}
