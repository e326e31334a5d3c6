import { useState, type FormEvent } from 'react';
import { useT } from '../shared/use-t';
import { LoginRequest, type LoginResponse, fieldIssues } from '../shared/contract';
import type { ApiClient } from '../shared/api-client';
import { ApiError, errorMessage } from '../shared/api-error';
import { FormMessages, TextField } from '../shared/form-field';
import { formErrorsFrom, formErrorsFromIssues, NO_ERRORS, type FormErrors } from '../shared/form-errors';
import { LangSwitch } from '../shared/lang-switch';
import type { HealthState } from '../shared/use-health';
import { STAFF_END_MESSAGES } from '../shared/credential-end';
import type { SignOutReason } from '../shared/session-store';

const LOGIN_FIELDS = ['username', 'password'] as const;

interface LoginScreenProps {
  api: ApiClient;
  health: HealthState;
  hallName: string;
  /** How the last session ended; said once above the form (nothing after this page's own logout). */
  endedBecause: SignOutReason | null;
  onLogin: (login: LoginResponse) => void;
}

export function LoginScreen({ api, health, hallName, endedBecause, onLogin }: LoginScreenProps) {
  const { t } = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { username, password };
    const parsed = LoginRequest.safeParse(input);
    if (!parsed.success) {
      setErrors(formErrorsFromIssues(t, fieldIssues(parsed.error, input), LOGIN_FIELDS));
      return;
    }
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      onLogin(await api.login(parsed.data));
    } catch (error) {
      setPassword('');
      // The host says only "unauthorized" for a wrong name or password; say it in the clerk's words.
      if (error instanceof ApiError && error.code === 'unauthorized') setErrors({ fields: {}, general: [t('errors.bad_credentials')] });
      else setErrors(formErrorsFrom(t, error, LOGIN_FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="centered-page login-page">
      <div className="centered-card">
        <div className="login-top">
          <LangSwitch />
        </div>
        <h1 className="hall-name">{hallName}</h1>
        {health.status === 'error' ? <div className="error-box" role="alert"><p>{errorMessage(t, health.error)}</p></div> : null}
        <form className="panel" data-testid="login-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="login-title">
          <h2 id="login-title">{t('login.title')}</h2>
          {endedBecause && endedBecause !== 'logout' && errors.general.length === 0 ? (
            <div className="notice-box" role="status" data-testid="session-ended">
              {t(STAFF_END_MESSAGES[endedBecause])}
            </div>
          ) : null}
          <FormMessages messages={errors.general} />
          <TextField label={t('fields.username')} value={username} onValue={setUsername} error={errors.fields.username} autoComplete="username" autoFocus />
          <TextField label={t('fields.password')} type="password" value={password} onValue={setPassword} error={errors.fields.password} autoComplete="current-password" />
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {busy ? t('login.submitting') : t('login.submit')}
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
