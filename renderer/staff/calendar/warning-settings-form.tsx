// 办理时限预警: yellow when this many working days or fewer remain; red once overdue (fixed).
import { useState, type FormEvent } from 'react';
import { fieldIssues } from '../../shared/contract';
import { FormMessages, TextField } from '../../shared/form-field';
import { formErrorsFrom, formErrorsFromIssues, NO_ERRORS, type FormErrors } from '../../shared/form-errors';
import { useT } from '../../shared/use-t';
import { CalendarSettings } from '../../../electron/contract/calendar.js';
import type { CalendarApi } from './calendar-api';

const FIELDS = ['yellowAt'];

export function WarningSettingsForm({ initial, calendar }: { initial: CalendarSettings; calendar: CalendarApi }) {
  const { t } = useT();
  const [yellowAt, setYellowAt] = useState(String(initial.yellowAt));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // An empty box is "required", not 0: Number('') would quietly be 0.
    const input = { yellowAt: yellowAt.trim() === '' ? undefined : Number(yellowAt) };
    const parsed = CalendarSettings.safeParse(input);
    if (!parsed.success) {
      setErrors(formErrorsFromIssues(t, fieldIssues(parsed.error, input), FIELDS));
      return;
    }
    try {
      await calendar.saveSettings(parsed.data);
      setErrors(NO_ERRORS);
      setSaved(true);
    } catch (error) {
      setErrors(formErrorsFrom(t, error, FIELDS));
    }
  };

  return (
    <form className="panel cal-settings" onSubmit={(event) => void submit(event)} noValidate aria-label={t('calendar.warningsTitle')} data-testid="cal-settings">
      <h2>{t('calendar.warningsTitle')}</h2>
      <FormMessages messages={errors.general} />
      {saved ? <div className="notice-box" role="status">{t('calendar.settingsSaved')}</div> : null}
      <TextField
        label={t('fields.yellowAt')}
        value={yellowAt}
        onValue={(value) => {
          setSaved(false);
          setYellowAt(value);
        }}
        error={errors.fields.yellowAt}
        hint={t('calendar.yellowHint')}
        inputMode="numeric"
        autoComplete="off"
      />
      <p className="field-hint">{t('calendar.redRule')}</p>
      <div className="form-actions">
        <button type="submit">{t('calendar.saveSettings')}</button>
      </div>
    </form>
  );
}
