// Which window the clerk works at today. A window someone else holds is shown, but cannot be taken.
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../shared/api-error';
import type { CategoryView, WindowView } from '../../shared/queue-contract';
import { useT } from '../../shared/use-t';
import { windowHolder } from './counter-model';

interface WindowPickerProps {
  windows: readonly WindowView[];
  categories: readonly CategoryView[];
  userId: number;
  lastWindowId: number | null;
  onSignIn: (windowId: number) => Promise<void>;
  onRefresh: () => void;
}

export function WindowPicker({ windows, categories, userId, lastWindowId, onSignIn, onRefresh }: WindowPickerProps) {
  const { t } = useT();
  const categoryName = (code: string) => categories.find((c) => c.code === code)?.name ?? code;
  const usable = windows.filter((w) => w.active).sort((a, b) => a.number - b.number);
  const selectable = usable.filter((w) => windowHolder(w, userId) !== 'taken');
  const preferred = selectable.find((w) => w.id === lastWindowId) ?? selectable[0] ?? null;
  const [chosen, setChosen] = useState<string>(preferred ? String(preferred.id) : '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosenValue = selectable.some((w) => String(w.id) === chosen) ? chosen : preferred ? String(preferred.id) : '';

  if (usable.length === 0) {
    return (
      <div className="panel">
        <p>{t('counter.noWindows')}</p>
        <button type="button" className="secondary" onClick={onRefresh}>{t('counter.refresh')}</button>
      </div>
    );
  }

  const label = (w: WindowView) => {
    const holder = windowHolder(w, userId);
    const base = t('counter.windowLabel', { number: w.number, name: w.name });
    if (holder === 'taken') return `${base}（${t('counter.takenBy', { name: w.clerk?.displayName ?? '' })}）`;
    if (holder === 'mine') return `${base}（${t('counter.yours')}）`;
    return base;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosenValue) return;
    setBusy(true);
    setError(null);
    try {
      await onSignIn(Number(chosenValue));
    } catch (failure) {
      setError(errorMessage(t, failure));
      onRefresh();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <form className="panel counter-pick" onSubmit={(event) => void submit(event)}>
        {error ? <div className="error-box" role="alert" data-testid="counter-error"><p>{error}</p></div> : null}
        <label htmlFor="counter-window-select" className="counter-pick-label">{t('counter.windowSelect')}</label>
        <div className="counter-pick-row">
          <select id="counter-window-select" data-testid="counter-window-select" value={chosenValue} onChange={(e) => setChosen(e.target.value)}>
            {usable.map((w) => (
              <option key={w.id} value={w.id} disabled={windowHolder(w, userId) === 'taken'}>
                {label(w)}
              </option>
            ))}
          </select>
          <button type="submit" data-testid="counter-sign-in" disabled={busy || !chosenValue}>
            {t('counter.signIn')}
          </button>
        </div>
        {selectable.length === 0 ? <p className="field-hint">{t('counter.allTaken')}</p> : null}
      </form>
      <div className="panel">
        <h2>{t('counter.windowsTitle')}</h2>
        <ul className="counter-window-list">
          {usable.map((w) => {
            const holder = windowHolder(w, userId);
            return (
              <li key={w.id} className={`holder-${holder}`}>
                <strong>{t('counter.windowLabel', { number: w.number, name: w.name })}</strong>
                <span className="muted">{w.categoryCodes.map(categoryName).join(' · ')}</span>
                <span className={`counter-holder holder-${holder}`}>
                  {holder === 'free' ? t('counter.free') : holder === 'mine' ? t('counter.yours') : t('counter.takenBy', { name: w.clerk?.displayName ?? '' })}
                </span>
              </li>
            );
          })}
        </ul>
      </div>
    </>
  );
}
