// Shown when the node asks this page for its access key (a tablet opened the node's address without
// the link the node printed): where to find the link, and a field to paste it.
import { useState, type FormEvent } from 'react';
import { useT } from '../shared/use-t';
import { keyFromText, rememberNodeKey } from './node-key';

export function NodeKeyForm({ onKey }: { onKey: () => void }) {
  const { t } = useT();
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const key = keyFromText(text);
    if (!key) {
      setError(t('agent.nodeKey.invalid'));
      return;
    }
    rememberNodeKey(key);
    onKey();
  };
  return (
    <form className="agent-card agent-pairing" onSubmit={submit} data-testid="node-key-form">
      <h2>{t('agent.nodeKey.title')}</h2>
      <p>{t('agent.nodeKey.help')}</p>
      <label>
        {t('agent.nodeKey.link')}
        <input value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" spellCheck={false} required />
      </label>
      {error && <p className="agent-error" role="alert">{error}</p>}
      <button type="submit">{t('agent.nodeKey.submit')}</button>
    </form>
  );
}
