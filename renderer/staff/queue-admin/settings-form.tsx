// 叫号与取号设置: business hours and days, how calls are announced (with a live preview of the
// sentence and a 试听 button), the ticket slip and printer, the display's notice, the rating time.
import { useRef, useState, type FormEvent } from 'react';
import { fieldIssues } from '../../shared/contract';
import { FormMessages, SelectField, TextField } from '../../shared/form-field';
import { formErrorsFrom, formErrorsFromIssues, NO_ERRORS, type FormErrors } from '../../shared/form-errors';
import { queueApi } from '../../shared/queue-api';
import { QueueSettings } from '../../shared/queue-contract';
import { useT } from '../../shared/use-t';
import { announcementText } from '../../display/voice/announcement';
import { readTicketNumber } from '../../display/voice/number-reading';
import { HallSpeaker } from '../../display/voice/speakers';
import { useStaff } from '../staff-context';
import { formFromSettings, SETTINGS_FIELDS, settingsFromForm, settingsIssueField, templateWarnings, toggleWeekday, type SettingsForm } from './settings-model';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const SAMPLE_CALL = { number: 'A012', windowNumber: 3 };

export function SettingsFormPanel({ initial, onSaved }: { initial: QueueSettings; onSaved: (saved: QueueSettings) => void }) {
  const { t } = useT();
  const { api } = useStaff();
  const [form, setForm] = useState<SettingsForm>(() => formFromSettings(initial));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const speaker = useRef<HallSpeaker | null>(null);
  const set = <K extends keyof SettingsForm>(key: K) => (value: SettingsForm[K]) => {
    setSaved(false);
    setForm((old) => ({ ...old, [key]: value }));
  };

  const preview = announcementText(form, SAMPLE_CALL);
  const warnings = templateWarnings(form.announcementTemplate);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = settingsFromForm(form);
    const parsed = QueueSettings.safeParse(input);
    if (!parsed.success) {
      setErrors(formErrorsFromIssues(t, fieldIssues(parsed.error, input).map(settingsIssueField), SETTINGS_FIELDS));
      return;
    }
    setBusy(true);
    try {
      const result = await queueApi(api).saveSettings(parsed.data);
      setErrors(NO_ERRORS);
      setSaved(true);
      onSaved(result);
    } catch (error) {
      setErrors(formErrorsFrom(t, error, SETTINGS_FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const listen = () => {
    speaker.current ??= new HallSpeaker();
    void speaker.current.speak(preview).catch(() => undefined);
  };

  return (
    <form className="panel queue-settings" onSubmit={(event) => void submit(event)} noValidate aria-label={t('queueAdmin.settingsTitle')} data-testid="queue-settings-form">
      <FormMessages messages={errors.general} />
      {saved ? <div className="notice-box" role="status">{t('queueAdmin.settingsSaved')}</div> : null}

      <h3>{t('queueAdmin.hoursTitle')}</h3>
      <div className="form-grid">
        {/* Plain text, not type="time": that shows 12:00 AM in an English-language browser. */}
        <TextField label={t('fields.morningOpen')} value={form.morningOpen} onValue={set('morningOpen')} error={errors.fields.morningOpen} hint={t('queueAdmin.timeHint')} inputMode="numeric" autoComplete="off" data-testid="hours-morning-open" />
        <TextField label={t('fields.morningClose')} value={form.morningClose} onValue={set('morningClose')} error={errors.fields.morningClose} inputMode="numeric" autoComplete="off" data-testid="hours-morning-close" />
        <TextField label={t('fields.afternoonOpen')} value={form.afternoonOpen} onValue={set('afternoonOpen')} error={errors.fields.afternoonOpen} hint={t('queueAdmin.afternoonHint')} inputMode="numeric" autoComplete="off" data-testid="hours-afternoon-open" />
        <TextField label={t('fields.afternoonClose')} value={form.afternoonClose} onValue={set('afternoonClose')} error={errors.fields.afternoonClose} inputMode="numeric" autoComplete="off" data-testid="hours-afternoon-close" />
      </div>
      <fieldset className={errors.fields.weekdays ? 'weekday-set has-error' : 'weekday-set'} aria-describedby={errors.fields.weekdays ? 'weekdays-error' : undefined}>
        <legend>{t('fields.weekdays')}</legend>
        {WEEKDAYS.map((day) => (
          <label key={day} className="weekday-option">
            <input type="checkbox" checked={form.weekdays.includes(day)} onChange={(e) => set('weekdays')(toggleWeekday(form.weekdays, day, e.target.checked))} />
            {t(`queueAdmin.weekday.${day}`)}
          </label>
        ))}
        {errors.fields.weekdays ? <p className="field-error" id="weekdays-error" role="alert">{errors.fields.weekdays}</p> : null}
      </fieldset>
      <label className="weekday-option">
        <input type="checkbox" checked={form.holidaysClosed} onChange={(e) => set('holidaysClosed')(e.target.checked)} data-testid="holidays-closed" />
        {t('fields.holidaysClosed')}
      </label>
      <p className="field-hint">{t(form.holidaysClosed ? 'queueAdmin.calendarHint' : 'queueAdmin.calendarIgnoredHint')}</p>

      <h3>{t('queueAdmin.voiceTitle')}</h3>
      <TextField label={t('fields.announcementTemplate')} value={form.announcementTemplate} onValue={set('announcementTemplate')} error={errors.fields.announcementTemplate} hint={t('queueAdmin.templateHint')} autoComplete="off" />
      <div className="announce-preview" data-testid="announcement-preview">
        <span className="muted">{t('queueAdmin.previewLabel', { number: SAMPLE_CALL.number, window: SAMPLE_CALL.windowNumber })}</span>
        <strong>{preview}</strong>
        <button type="button" className="secondary" onClick={listen}>{t('queueAdmin.listen')}</button>
      </div>
      {warnings.map((warning) => (
        <p key={warning} className="field-hint template-warning">{t(`queueAdmin.templateWarning.${warning}`)}</p>
      ))}
      <div className="form-grid">
        <SelectField
          label={t('fields.announceRepeat')}
          value={form.announceRepeat}
          onValue={set('announceRepeat')}
          options={['1', '2', '3'].map((n) => ({ value: n, label: t('queueAdmin.times', { count: Number(n) }) }))}
          error={errors.fields.announceRepeat}
        />
        <SelectField
          label={t('fields.numberReading')}
          value={form.numberReading}
          onValue={(value) => set('numberReading')(value === 'natural' ? 'natural' : 'digits')}
          options={(['digits', 'natural'] as const).map((mode) => ({
            value: mode,
            label: t(`queueAdmin.reading.${mode}`, { sample: readTicketNumber('A105', mode) }),
          }))}
          error={errors.fields.numberReading}
          data-testid="number-reading"
        />
      </div>
      <p className="field-hint" data-testid="number-reading-preview">
        {t('queueAdmin.readingPreview', { a: readTicketNumber('A012', form.numberReading), b: readTicketNumber('A105', form.numberReading), c: readTicketNumber('A110', form.numberReading) })}
      </p>

      <h3>{t('queueAdmin.slipTitle')}</h3>
      <div className="form-grid">
        <SelectField label={t('fields.slipWidthMm')} value={form.slipWidthMm} onValue={set('slipWidthMm')} options={['58', '80'].map((w) => ({ value: w, label: `${w} mm` }))} error={errors.fields.slipWidthMm} />
        <SelectField
          label={t('fields.printMode')}
          value={form.printMode}
          onValue={(value) => set('printMode')(value === 'escpos' ? 'escpos' : 'html')}
          options={(['html', 'escpos'] as const).map((mode) => ({ value: mode, label: t(`queueAdmin.printMode.${mode}`) }))}
          error={errors.fields.printMode}
        />
        {form.printMode === 'escpos' ? (
          <>
            <TextField label={t('fields.printerHost')} value={form.printerHost} onValue={set('printerHost')} error={errors.fields.printerHost} hint={t('queueAdmin.printerHostHint')} autoComplete="off" />
            <TextField label={t('fields.printerPort')} value={form.printerPort} onValue={set('printerPort')} error={errors.fields.printerPort} inputMode="numeric" />
          </>
        ) : (
          <TextField label={t('fields.printerName')} value={form.printerName} onValue={set('printerName')} error={errors.fields.printerName} hint={t('queueAdmin.printerNameHint')} autoComplete="off" />
        )}
      </div>
      <TextField label={t('fields.publicGuideUrl')} value={form.publicGuideUrl} onValue={set('publicGuideUrl')} error={errors.fields.publicGuideUrl} hint={t('queueAdmin.publicGuideUrlHint')} inputMode="url" autoComplete="off" placeholder="https://" data-testid="public-guide-url" />

      <h3>{t('queueAdmin.displayTitle')}</h3>
      <TextField label={t('fields.noticeLine')} value={form.noticeLine} onValue={set('noticeLine')} error={errors.fields.noticeLine} hint={t('queueAdmin.noticeHint')} autoComplete="off" />
      <div className="form-grid">
        <TextField label={t('fields.ratingWindowMinutes')} value={form.ratingWindowMinutes} onValue={set('ratingWindowMinutes')} error={errors.fields.ratingWindowMinutes} inputMode="numeric" />
        <TextField label={t('fields.noShowAfterCalls')} value={form.noShowAfterCalls} onValue={set('noShowAfterCalls')} error={errors.fields.noShowAfterCalls} hint={t('queueAdmin.noShowHint')} inputMode="numeric" />
        <TextField label={t('fields.noShowAfterMinutes')} value={form.noShowAfterMinutes} onValue={set('noShowAfterMinutes')} error={errors.fields.noShowAfterMinutes} inputMode="numeric" />
      </div>
      <div className="form-actions">
        <button type="submit" disabled={busy}>{t('queueAdmin.settingsSave')}</button>
      </div>
    </form>
  );
}
