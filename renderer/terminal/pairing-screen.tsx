import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useT } from '../shared/use-t';
import type { TerminalConfig } from '../shared/contract';
import { FormMessages, TextField } from '../shared/form-field';
import { hallApi } from '../shared/hall-api';
import { normalizeHostUrl } from '../shared/host-url';
import { LangSwitch } from '../shared/lang-switch';
import { checkPairing, pairingProblemFrom, type PairedRole, type PairingProblem } from './pairing';

interface PairingScreenProps {
  role: PairedRole;
  initialHostUrl: string;
  /** A code handed over in the address (#pair=…): filled in and checked at once. */
  initialCode?: string | null;
  /** Why we are here again (the stored code was refused), shown above the form. */
  notice?: string | null;
  onPaired: (config: TerminalConfig) => Promise<void>;
}

export function PairingScreen({ role, initialHostUrl, initialCode, notice, onPaired }: PairingScreenProps) {
  const { t } = useT();
  const [hostUrl, setHostUrl] = useState(initialHostUrl);
  const [code, setCode] = useState(initialCode ?? '');
  const [problem, setProblem] = useState<PairingProblem | null>(null);
  const [busy, setBusy] = useState(false);

  const say = (p: PairingProblem) => {
    const params: Record<string, string> = { ...p.params };
    if (params.kind) params.kind = t(`deviceKinds.${params.kind}`);
    if (params.expected) params.expected = t(`deviceKinds.${params.expected}`);
    return t(p.key, params);
  };

  const pair = async () => {
    const origin = normalizeHostUrl(hostUrl);
    if (!origin) return setProblem({ field: 'hostUrl', key: 'host.invalidAddress' });
    const token = code.trim();
    if (!token) return setProblem({ field: 'token', key: 'pairing.codeRequired' });
    setBusy(true);
    setProblem(null);
    try {
      const check = checkPairing(await hallApi(origin).withToken(token).me(), role);
      if (!check.ok) {
        setProblem(check.problem);
        return;
      }
      await onPaired({ hostUrl: origin, deviceToken: token, role });
    } catch (error) {
      setProblem(pairingProblemFrom(error));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void pair();
  };

  // A code from the address is tried once, as if "配对" had been pressed.
  const triedInitial = useRef(false);
  useEffect(() => {
    if (triedInitial.current || !initialCode || !initialHostUrl) return;
    triedInitial.current = true;
    void pair();
  }, []);

  const fieldError = (field: PairingProblem['field']) => (problem && problem.field === field ? say(problem) : undefined);

  return (
    <main className="centered-page terminal-pairing">
      <div className="centered-card">
        <div className="login-top">
          <LangSwitch />
        </div>
        <form className="panel" data-testid="pairing-form" onSubmit={submit} noValidate aria-labelledby="pairing-title">
          <h1 id="pairing-title">{t('pairing.title', { kind: t(`deviceKinds.${role}`) })}</h1>
          <p>{t('pairing.explain')}</p>
          {notice ? <div className="notice-box" role="status">{notice}</div> : null}
          <FormMessages messages={problem && problem.field === null ? [say(problem)] : []} />
          <TextField label={t('fields.hostUrl')} value={hostUrl} onValue={setHostUrl} error={fieldError('hostUrl')} placeholder="http://192.168.1.10:8620" inputMode="url" autoComplete="url" />
          <TextField label={t('fields.token')} value={code} onValue={setCode} error={fieldError('token')} autoComplete="off" spellCheck={false} />
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {busy ? t('pairing.checking') : t('pairing.submit')}
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
