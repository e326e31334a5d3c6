// 大厅信息与期限: the hall's name and phone (printed on every notice), the 补正期限 a correction notice
// gives, how long a citizen may rate a case stage, the bad-rating work orders' limits and who gets
// them, and the dashboard's wait target. Administrators only; the host audits each change.
import { useEffect, useState, type FormEvent } from 'react';
import { HallSettings } from '../../../electron/contract/hall-settings.js';
import { errorMessage } from '../../shared/api-error';
import { fieldIssues } from '../../shared/contract';
import type { UserView } from '../../../electron/contract/api.js';
import { FormMessages, SelectField, TextField } from '../../shared/form-field';
import { formErrorsFrom, formErrorsFromIssues, NO_ERRORS, type FormErrors } from '../../shared/form-errors';
import { useT } from '../../shared/use-t';
import { useStaff } from '../staff-context';
import { HALL_SETTINGS_FIELDS, hallFormFrom, hallSettingsFrom, leadOptions, type HallSettingsForm } from './hall-settings-model';

type NumberKey = 'correctionWorkingDays' | 'ratingCaseStageDays' | 'ratingCallbackWorkingDays' | 'ratingRectifyWorkingDays' | 'dashboardWaitTargetMinutes';

export function HallSettingsPanel() {
  const { t } = useT();
  const { api } = useStaff();
  const [form, setForm] = useState<HallSettingsForm | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [users, setUsers] = useState<readonly UserView[]>([]);

  useEffect(() => {
    // The lead list only fills the choice; without it the saved name is still shown and kept.
    api.listUsers().then((rows) => setUsers(rows.rows), () => setUsers([]));
  }, [api]);

  useEffect(() => {
    api.request('GET', '/hall/settings', { schema: HallSettings }).then(
      (settings) => setForm(hallFormFrom(settings)),
      (failure: unknown) => setLoadError(errorMessage(t, failure)),
    );
  }, [api, t]);

  if (loadError) return <div className="error-box" role="alert"><p>{loadError}</p></div>;
  if (!form) return <p role="status">{t('common.loading')}</p>;

  const set = (key: keyof HallSettingsForm) => (value: string) => {
    setSaved(false);
    setForm((old) => (old ? { ...old, [key]: value } : old));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = hallSettingsFrom(form);
    const parsed = HallSettings.safeParse(input);
    if (!parsed.success) {
      setErrors(formErrorsFromIssues(t, fieldIssues(parsed.error, input), HALL_SETTINGS_FIELDS));
      return;
    }
    setBusy(true);
    try {
      const result = await api.request('PUT', '/hall/settings', { body: parsed.data, schema: HallSettings });
      setForm(hallFormFrom(result));
      setErrors(NO_ERRORS);
      setSaved(true);
    } catch (failure) {
      setErrors(formErrorsFrom(t, failure, HALL_SETTINGS_FIELDS));
    } finally {
      setBusy(false);
    }
  };

  /** A whole-number box with its label, hint and the host's or zod's message. */
  const numberField = (key: NumberKey, hintKey: string, testId: string) => (
    <TextField label={t(`fields.${key}`)} value={form[key]} onValue={set(key)} error={errors.fields[key]} hint={t(`queueAdmin.${hintKey}`)} inputMode="numeric" data-testid={testId} />
  );

  return (
    <form className="panel queue-settings" onSubmit={(event) => void submit(event)} noValidate aria-label={t('queueAdmin.hallTitle')} data-testid="hall-settings-form">
      <FormMessages messages={errors.general} />
      {saved ? <div className="notice-box" role="status" data-testid="hall-settings-saved">{t('queueAdmin.hallSaved')}</div> : null}
      <h3>{t('queueAdmin.hallNoticesTitle')}</h3>
      <div className="form-grid">
        <TextField label={t('fields.hallName')} value={form.name} onValue={set('name')} error={errors.fields.name} hint={t('queueAdmin.hallNameHint')} autoComplete="off" data-testid="hall-name" />
        <TextField label={t('fields.hallPhone')} value={form.phone} onValue={set('phone')} error={errors.fields.phone} hint={t('queueAdmin.hallPhoneHint')} inputMode="tel" autoComplete="off" data-testid="hall-phone" />
      </div>
      <h3>{t('queueAdmin.hallPeriodsTitle')}</h3>
      <div className="form-grid">
        {numberField('correctionWorkingDays', 'correctionDaysHint', 'hall-correction-days')}
        {numberField('ratingCaseStageDays', 'ratingDaysHint', 'hall-rating-days')}
      </div>
      <h3>{t('queueAdmin.followupTitle')}</h3>
      <p className="muted">{t('queueAdmin.followupHelp')}</p>
      <div className="form-grid">
        {numberField('ratingCallbackWorkingDays', 'callbackDaysHint', 'hall-callback-days')}
        {numberField('ratingRectifyWorkingDays', 'rectifyDaysHint', 'hall-rectify-days')}
        <SelectField
          label={t('fields.ratingFollowupAssignee')}
          value={form.ratingFollowupAssignee}
          onValue={set('ratingFollowupAssignee')}
          options={leadOptions(users, form.ratingFollowupAssignee, { everyone: t('queueAdmin.assigneeEveryone'), notLead: (username) => t('queueAdmin.assigneeNotLead', { username }) })}
          error={errors.fields.ratingFollowupAssignee}
          data-testid="hall-followup-assignee"
        />
        {numberField('dashboardWaitTargetMinutes', 'waitTargetHint', 'hall-wait-target')}
      </div>
      <div className="form-actions sticky-actions">
        <button type="submit" disabled={busy} data-testid="hall-settings-save">{t('queueAdmin.hallSave')}</button>
      </div>
    </form>
  );
}
