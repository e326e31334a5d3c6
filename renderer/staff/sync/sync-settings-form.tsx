// The county connection, for the administrator: URL, key (write-only), hall code, interval, alert.
import { useEffect, useState, type FormEvent } from 'react';
import { fieldIssues } from '../../shared/contract';
import { FormMessages, TextField } from '../../shared/form-field';
import { formErrorsFrom, formErrorsFromIssues, NO_ERRORS, type FormErrors } from '../../shared/form-errors';
import { useT } from '../../shared/use-t';
import type { SyncApi } from './sync-api';
import { SyncSettingsRequest, type SyncSettingsView } from './sync-contract';

const FIELDS = ['countyUrl', 'countyKey', 'hallCode', 'intervalSeconds', 'alertAfterMinutes'] as const;

export function SyncSettingsForm({ sync, onSaved }: { sync: SyncApi; onSaved: () => void }) {
  const { t } = useT();
  const [view, setView] = useState<SyncSettingsView | null>(null);
  const [countyUrl, setCountyUrl] = useState('');
  const [countyKey, setCountyKey] = useState('');
  const [hallCode, setHallCode] = useState('');
  const [intervalText, setIntervalText] = useState('300');
  const [alertAfter, setAlertAfter] = useState('60');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const show = (v: SyncSettingsView) => {
    setView(v);
    setCountyUrl(v.countyUrl ?? '');
    setCountyKey('');
    setHallCode(v.hallCode);
    setIntervalText(String(v.intervalSeconds));
    setAlertAfter(String(v.alertAfterMinutes));
  };
  useEffect(() => {
    sync.settings().then(show, (error: unknown) => setErrors(formErrorsFrom(t, error, FIELDS)));
    // Loaded once per mount (t is left out on purpose); the form then holds the admin's edits.
  }, [sync]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const input = {
      countyUrl: countyUrl.trim() === '' ? null : countyUrl,
      ...(countyKey === '' ? {} : { countyKey }),
      hallCode,
      intervalSeconds: Number(intervalText),
      alertAfterMinutes: Number(alertAfter),
    };
    const parsed = SyncSettingsRequest.safeParse(input);
    if (!parsed.success) {
      setErrors(formErrorsFromIssues(t, fieldIssues(parsed.error, input), FIELDS));
      return;
    }
    setBusy(true);
    try {
      show(await sync.saveSettings(parsed.data));
      setErrors(NO_ERRORS);
      setSaved(true);
      onSaved();
    } catch (error) {
      setErrors(formErrorsFrom(t, error, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="sync-settings-title" data-testid="sync-settings-form">
      <h2 id="sync-settings-title">{t('sync.settingsTitle')}</h2>
      <FormMessages messages={errors.general} />
      {saved ? <p className="notice-box" role="status">{t('sync.settingsSaved')}</p> : null}
      <div className="form-grid">
        <TextField label={t('fields.countyUrl')} value={countyUrl} onValue={setCountyUrl} error={errors.fields.countyUrl} hint={t('sync.countyUrlHint')} autoComplete="off" />
        <TextField
          label={t('fields.countyKey')}
          type="password"
          value={countyKey}
          onValue={setCountyKey}
          error={errors.fields.countyKey}
          hint={view?.countyKeySet ? t('sync.countyKeySet') : t('sync.countyKeyUnset')}
          autoComplete="new-password"
        />
        <TextField label={t('fields.hallCode')} value={hallCode} onValue={setHallCode} error={errors.fields.hallCode} inputMode="numeric" />
        <TextField label={t('fields.intervalSeconds')} value={intervalText} onValue={setIntervalText} error={errors.fields.intervalSeconds} inputMode="numeric" />
        <TextField label={t('fields.alertAfterMinutes')} value={alertAfter} onValue={setAlertAfter} error={errors.fields.alertAfterMinutes} inputMode="numeric" />
      </div>
      <div className="form-actions">
        <button type="submit" disabled={busy || view === null}>{t('sync.settingsSave')}</button>
      </div>
    </form>
  );
}
