// Sets one date: public holiday, make-up working day, or back to the weekday rule, with a name.
import { useState, type FormEvent } from 'react';
import { fieldIssues } from '../../shared/contract';
import { FormMessages, SelectField, TextField } from '../../shared/form-field';
import { formErrorsFrom, formErrorsFromIssues, NO_ERRORS, type FormErrors } from '../../shared/form-errors';
import { useT } from '../../shared/use-t';
import { PutCalendarDayRequest, type CalendarDayView } from '../../../electron/contract/calendar.js';
import type { CalendarApi } from './calendar-api';
import { isoWeekday } from './calendar-model';

type Choice = 'normal' | 'holiday' | 'workday';
const FIELDS = ['kind', 'name'];

interface DayEditorProps {
  date: string;
  current: CalendarDayView | undefined;
  calendar: CalendarApi;
  onSaved: () => void;
}

export function DayEditor({ date, current, calendar, onSaved }: DayEditorProps) {
  const { t } = useT();
  const [choice, setChoice] = useState<Choice>(current?.kind ?? 'normal');
  const [name, setName] = useState(current?.name ?? '');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const weekend = isoWeekday(date) >= 6;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      if (choice === 'normal') {
        if (current) await calendar.clearDay(date);
      } else {
        const input = { kind: choice, name };
        const parsed = PutCalendarDayRequest.safeParse(input);
        if (!parsed.success) {
          setErrors(formErrorsFromIssues(t, fieldIssues(parsed.error, input), FIELDS));
          return;
        }
        await calendar.putDay(date, parsed.data);
      }
      setErrors(NO_ERRORS);
      onSaved();
    } catch (error) {
      setErrors(formErrorsFrom(t, error, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel cal-editor" onSubmit={(event) => void submit(event)} noValidate aria-label={t('calendar.editTitle')} data-testid="cal-editor">
      <h2>{t('calendar.editHeading', { date, weekday: t(`calendar.weekdayShort.${isoWeekday(date)}`) })}</h2>
      <p className="field-hint">{current ? t('calendar.sourceLine', { source: current.source === 'admin' ? t('calendar.sourceAdmin') : current.source }) : t(weekend ? 'calendar.ruleWeekend' : 'calendar.ruleWeekday')}</p>
      <FormMessages messages={errors.general} />
      <SelectField
        label={t('fields.kind')}
        value={choice}
        onValue={(value) => setChoice(value === 'holiday' || value === 'workday' ? value : 'normal')}
        options={(['normal', 'holiday', 'workday'] as const).map((c) => ({ value: c, label: t(`calendar.choice.${c}`) }))}
        error={errors.fields.kind}
        data-testid="cal-kind"
      />
      {choice !== 'normal' ? (
        <TextField label={t('fields.name')} value={name} onValue={setName} error={errors.fields.name} hint={t('calendar.nameHint')} autoComplete="off" data-testid="cal-name" />
      ) : null}
      <div className="form-actions">
        <button type="submit" disabled={busy}>{t('calendar.saveDay')}</button>
      </div>
    </form>
  );
}
