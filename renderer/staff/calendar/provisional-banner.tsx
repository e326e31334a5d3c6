// A year shipped before the State Council's notice holds the statutory days only: no 调休, no
// bridged holiday blocks. The banner says so until the admin has entered the notice and confirms it.
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../shared/api-error';
import { useT } from '../../shared/use-t';
import type { CalendarApi } from './calendar-api';

export function ProvisionalBanner({ year, calendar, onConfirmed }: { year: number; calendar: CalendarApi; onConfirmed: () => void }) {
  const { t } = useT();
  const [source, setSource] = useState('');
  const [error, setError] = useState<string | null>(null);

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (!source.trim()) {
      setError(t('calendar.confirmNeedsSource'));
      return;
    }
    try {
      await calendar.confirmYear(year, source.trim());
      onConfirmed();
    } catch (failure) {
      setError(errorMessage(t, failure));
    }
  };

  return (
    <div className="cal-provisional" role="note" data-testid="cal-provisional">
      <p>
        <strong>{t('calendar.provisionalTitle', { year })}</strong> {t('calendar.provisionalText')}
      </p>
      <form className="cal-confirm" onSubmit={(event) => void confirm(event)} noValidate>
        <label htmlFor="cal-confirm-source">{t('calendar.confirmLabel')}</label>
        <input id="cal-confirm-source" value={source} onChange={(e) => setSource(e.target.value)} placeholder={t('calendar.confirmPlaceholder')} autoComplete="off" />
        <button type="submit" className="secondary">{t('calendar.confirm')}</button>
        {error ? <p className="field-error" role="alert">{error}</p> : null}
      </form>
    </div>
  );
}
