// Pairing the node with the hall: the hall's address and the one-time code the admin gave the agent.
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../shared/api-error';
import { useT } from '../shared/use-t';
import { agentApi } from './agent-api';

export function PairingForm({ onPaired }: { onPaired: () => void }) {
  const { t } = useT();
  const [hallUrl, setHallUrl] = useState('http://');
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    agentApi
      .pair(hallUrl.trim(), code.trim())
      .then(onPaired, (err: unknown) => setError(errorMessage(t, err)))
      .finally(() => setBusy(false));
  };
  return (
    <form className="agent-card agent-pairing" onSubmit={submit}>
      <h2>{t('agent.pairing.title')}</h2>
      <p>{t('agent.pairing.help')}</p>
      <label>
        {t('agent.pairing.hallUrl')}
        <input value={hallUrl} onChange={(e) => setHallUrl(e.target.value)} inputMode="url" autoComplete="off" required />
      </label>
      <label>
        {t('agent.pairing.code')}
        <input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" required />
      </label>
      {error && <p className="agent-error" role="alert">{error}</p>}
      <button type="submit" disabled={busy}>{t('agent.pairing.submit')}</button>
    </form>
  );
}
