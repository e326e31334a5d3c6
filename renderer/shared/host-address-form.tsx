import { useState, type FormEvent } from 'react';
import { useT } from './use-t';
import { TextField } from './form-field';
import { normalizeHostUrl } from './host-url';

/** Asks for the hall host's address when the page cannot know it (opened outside the host). */
export function HostAddressForm({ initial, onSave }: { initial: string; onSave: (hostUrl: string) => Promise<void> }) {
  const { t } = useT();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const url = normalizeHostUrl(value);
    if (!url) {
      setError(t('host.invalidAddress'));
      return;
    }
    await onSave(url);
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <p>{t('host.explain')}</p>
      <TextField label={t('fields.hostUrl')} value={value} onValue={setValue} error={error} placeholder="http://192.168.1.10:8620" inputMode="url" autoComplete="url" />
      <div className="form-actions">
        <button type="submit">{t('common.save')}</button>
      </div>
    </form>
  );
}
