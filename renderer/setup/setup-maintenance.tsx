// The set-up window's admin tools for the hall's data on this PC: reset the password of admin (a
// hall whose admin is lost), show the database recovery key once to print, and, on a new PC,
// take the recovery key of a hall moved here. Each asks what the main process checks again.
import { useState, type FormEvent } from 'react';
import type { HallStatus, SetupBridge } from '../shared/contract';
import { FormMessages, TextField } from '../shared/form-field';
import { printInHiddenFrame } from '../shared/print-html';
import { useT } from '../shared/use-t';
import type { Translate } from '../shared/translate';
import { setupErrorText } from './setup-form';

type Outcome = { ok: boolean; text: string } | null;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A one-page sheet with the key in large monospace groups, for the admin to lock away. */
export function recoveryKeySheet(t: Translate, recoveryKey: string, printedAt: Date): string {
  const groups = recoveryKey.split('-').map(escapeHtml).join(' &nbsp; ');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(t('setup.recoveryPrintTitle'))}</title>
<style>body{font-family:sans-serif;margin:20mm}code{font:bold 16pt monospace;letter-spacing:1px}</style></head>
<body><h1>${escapeHtml(t('setup.recoveryPrintTitle'))}</h1><p><code>${groups}</code></p>
<p>${escapeHtml(t('setup.recoveryPrintNote'))}</p><p>${escapeHtml(printedAt.toLocaleString('zh-CN'))}</p></body></html>`;
}

function Result({ outcome }: { outcome: Outcome }) {
  if (outcome === null) return null;
  return (
    <div className={outcome.ok ? 'notice-box' : 'error-box'} role="status">
      <p>{outcome.text}</p>
    </div>
  );
}

export function AdminMaintenance({ bridge, status }: { bridge: SetupBridge; status: HallStatus }) {
  const { t } = useT();
  const [pin, setPin] = useState('');
  const [password, setPassword] = useState('');
  const [reset, setReset] = useState<Outcome>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [recovery, setRecovery] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  const resetPassword = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const answer = await bridge.resetAdminPassword(pin, password).catch((error: unknown) => ({ ok: false as const, error: String(error) }));
    setBusy(false);
    setReset(answer.ok ? { ok: true, text: t('setup.resetDone') } : { ok: false, text: setupErrorText(t, answer.error) });
    if (answer.ok) setPassword('');
  };
  const showKey = async () => {
    setBusy(true);
    const answer = await bridge.exportRecoveryKey(pin).catch((error: unknown) => ({ ok: false as const, error: String(error) }));
    setBusy(false);
    if (answer.ok) setRecoveryKey(answer.recoveryKey);
    setRecovery(answer.ok ? null : { ok: false, text: setupErrorText(t, answer.error) });
  };

  return (
    <fieldset className="panel setup-maintenance" data-testid="setup-maintenance">
      <legend>{t('setup.maintenanceTitle')}</legend>
      <p className="muted">{t('setup.maintenanceHelp')}</p>
      <TextField label={t('setup.maintenancePin')} type="password" inputMode="numeric" value={pin} onValue={setPin} autoComplete="off" />
      {status.hasDatabase ? (
        <form onSubmit={(event) => void resetPassword(event)} noValidate>
          <h3>{t('setup.resetTitle')}</h3>
          <p className="muted">{t('setup.resetHelp')}</p>
          <TextField label={t('setup.resetPassword')} type="password" value={password} onValue={setPassword} autoComplete="new-password" />
          <Result outcome={reset} />
          <div className="form-actions">
            <button type="submit" disabled={busy}>{t('setup.resetButton')}</button>
          </div>
        </form>
      ) : null}
      {status.keySealed ? (
        <div>
          <h3>{t('setup.recoveryTitle')}</h3>
          <p className="muted">{t('setup.recoveryHelp')}</p>
          <Result outcome={recovery} />
          {recoveryKey === null ? (
            <div className="form-actions">
              <button type="button" disabled={busy} onClick={() => void showKey()}>{t('setup.recoveryButton')}</button>
            </div>
          ) : (
            <div className="notice-box" data-testid="recovery-key">
              <p>{t('setup.recoveryShown')}</p>
              <p><code className="recovery-key">{recoveryKey}</code></p>
              <button type="button" onClick={() => void printInHiddenFrame(recoveryKeySheet(t, recoveryKey, new Date()))}>{t('setup.recoveryPrint')}</button>
            </div>
          )}
        </div>
      ) : null}
    </fieldset>
  );
}

/** First run on a PC that a hall was moved to: its recovery key, sealed before the first start. */
export function RecoveryKeyImport({ bridge }: { bridge: SetupBridge }) {
  const { t } = useT();
  const [key, setKey] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await bridge.importRecoveryKey(key).catch((error: unknown) => ({ ok: false as const, error: String(error) }));
    setOutcome(answer.ok ? { ok: true, text: t('setup.importDone') } : { ok: false, text: setupErrorText(t, answer.error) });
  };
  return (
    <form className="panel" onSubmit={(event) => void save(event)} noValidate data-testid="setup-import-key">
      <h2>{t('setup.importTitle')}</h2>
      <p className="muted">{t('setup.importHelp')}</p>
      {outcome && !outcome.ok ? <FormMessages messages={[outcome.text]} /> : <Result outcome={outcome} />}
      <TextField label={t('setup.importKey')} value={key} onValue={setKey} autoComplete="off" spellCheck={false} placeholder="XXXXXXXX-XXXXXXXX-…" />
      <div className="form-actions">
        <button type="submit">{t('setup.importButton')}</button>
      </div>
    </form>
  );
}
