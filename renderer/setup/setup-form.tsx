import { useState, type FormEvent } from 'react';
import { useT } from '../shared/use-t';
import type { AppSetup, TerminalRole } from '../shared/contract';
import { CheckboxField, FormMessages, SelectField, TextField } from '../shared/form-field';
import { checkSetup, formFromSetup, needsAdminPassword, onKnownDisplays, WINDOW_ROLES, type SetupErrors, type SetupForm, type WindowChoice } from './setup-model';

export interface DisplayInfo {
  id: number;
  label: string;
  width: number;
  height: number;
  primary: boolean;
}

interface SetupFormProps {
  initial: AppSetup | null;
  displays: DisplayInfo[];
  /** A hall database exists on this PC: its admin exists, so no first password is asked. */
  hasDatabase: boolean;
  onSave: (setup: AppSetup, pin: string, adminPassword?: string) => Promise<{ ok: true } | { ok: false; error: string }>;
}

/** A refusal code from the main process as the clerk's words (setup.errors.<code>), else as it came. */
export function setupErrorText(t: (key: string, options?: Record<string, unknown>) => string, code: string): string {
  return t(`setup.errors.${code}`, { defaultValue: code });
}

export function SetupFormView({ initial, displays, hasDatabase, onSave }: SetupFormProps) {
  const { t } = useT();
  const [form, setForm] = useState<SetupForm>(() => onKnownDisplays(formFromSetup(initial), displays));
  const [errors, setErrors] = useState<SetupErrors>({});
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof SetupForm>(key: K, value: SetupForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setWindow = (role: TerminalRole, change: Partial<WindowChoice>) =>
    setForm((f) => ({ ...f, windows: { ...f.windows, [role]: { ...f.windows[role], ...change } } }));
  const err = (field: keyof SetupErrors) => (errors[field] ? t(errors[field]) : undefined);

  const displayOptions = displays.length
    ? displays.map((d) => ({
        value: String(d.id),
        label: t(d.primary ? 'setup.displayPrimary' : 'setup.displayOther', { label: d.label, width: d.width, height: d.height }),
      }))
    : [{ value: '0', label: t('setup.displayDefault') }];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    const check = checkSetup(form, hasDatabase);
    if (!check.ok) {
      setErrors(check.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = check.adminPassword === null ? await onSave(check.setup, check.pin) : await onSave(check.setup, check.pin, check.adminPassword);
      setResult(saved.ok ? { ok: true, text: t('setup.saved') } : { ok: false, text: t('setup.saveFailed', { message: setupErrorText(t, saved.error) }) });
    } catch (error) {
      setResult({ ok: false, text: t('setup.saveFailed', { message: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setBusy(false);
    }
  };

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="setup-form">
      {hasErrors ? <FormMessages messages={[t('errors.validation')]} /> : null}
      {result ? <div className={result.ok ? 'notice-box' : 'error-box'} role="status"><p>{result.text}</p></div> : null}

      <fieldset className="panel">
        <legend>{t('setup.modeTitle')}</legend>
        {(['host', 'terminal'] as const).map((mode) => (
          <label key={mode} className="radio-choice">
            <input type="radio" name="mode" value={mode} checked={form.mode === mode} onChange={() => set('mode', mode)} />
            <span>
              <strong>{t(`setup.mode.${mode}`)}</strong>
              <span className="muted"> — {t(`setup.modeHelp.${mode}`)}</span>
            </span>
          </label>
        ))}
        {form.mode === 'host' ? (
          <>
            <TextField label={t('setup.port')} value={form.port} onValue={(v) => set('port', v)} error={err('port')} inputMode="numeric" />
            <CheckboxField label={t('setup.listenOnLan')} checked={form.listenOnLan} onChecked={(v) => set('listenOnLan', v)} />
            <p className="muted">{t('setup.listenOnLanHelp')}</p>
            <CheckboxField label={t('setup.autoStart')} checked={form.autoStart} onChecked={(v) => set('autoStart', v)} />
            <p className="muted">{t('setup.autoStartHelp')}</p>
          </>
        ) : (
          <TextField label={t('fields.hostUrl')} value={form.hostUrl} onValue={(v) => set('hostUrl', v)} error={err('hostUrl')} placeholder="http://192.168.1.10:8620" inputMode="url" />
        )}
      </fieldset>

      <fieldset className="panel">
        <legend>{t('setup.windowsTitle')}</legend>
        {errors.windows ? <p className="field-error" role="alert">{t(errors.windows)}</p> : null}
        {WINDOW_ROLES.map((role) => {
          const choice = form.windows[role];
          return (
            <div key={role} className="setup-window">
              <CheckboxField label={t(`setup.window.${role}`)} checked={choice.open} onChecked={(open) => setWindow(role, { open })} />
              {choice.open ? (
                <div className="setup-window-details">
                  <SelectField label={t('setup.display', { window: t(`setup.window.${role}`) })} value={String(choice.displayId)} onValue={(v) => setWindow(role, { displayId: Number(v) })} options={displayOptions} />
                  {role !== 'staff' ? (
                    <TextField
                      label={t('setup.pairingCode', { window: t(`setup.window.${role}`) })}
                      value={choice.pairingCode}
                      onValue={(pairingCode) => setWindow(role, { pairingCode })}
                      hint={t('setup.pairingCodeHint')}
                      autoComplete="off"
                      spellCheck={false}
                    />
                  ) : null}
                </div>
              ) : null}
            </div>
          );
        })}
      </fieldset>

      {needsAdminPassword(form, hasDatabase) ? (
        <fieldset className="panel" data-testid="setup-admin">
          <legend>{t('setup.adminTitle')}</legend>
          <p className="muted">{t('setup.adminHelp')}</p>
          <TextField label={t('setup.adminPassword')} type="password" value={form.adminPassword} onValue={(v) => set('adminPassword', v)} error={err('adminPassword')} autoComplete="new-password" />
          <TextField label={t('setup.adminPasswordAgain')} type="password" value={form.adminPasswordAgain} onValue={(v) => set('adminPasswordAgain', v)} error={err('adminPasswordAgain')} autoComplete="new-password" />
        </fieldset>
      ) : null}

      <fieldset className="panel">
        <legend>{t('setup.pinTitle')}</legend>
        <p className="muted">{t('setup.pinHelp')}</p>
        <TextField label={t('setup.pin')} type="password" inputMode="numeric" value={form.pin} onValue={(v) => set('pin', v)} error={err('pin')} autoComplete="new-password" />
        <TextField label={t('setup.pinAgain')} type="password" inputMode="numeric" value={form.pinAgain} onValue={(v) => set('pinAgain', v)} error={err('pinAgain')} autoComplete="new-password" />
      </fieldset>

      <div className="form-actions">
        <button type="submit" disabled={busy}>{t('setup.save')}</button>
      </div>
    </form>
  );
}
