// 窗口叫号: the clerk chooses a window (remembered on this computer), then works it at the desk.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../shared/api-error';
import { queueApi } from '../../shared/queue-api';
import type { CategoryView, WindowView } from '../../shared/queue-contract';
import { useT } from '../../shared/use-t';
import { useStaff } from '../staff-context';
import { CounterDesk } from './counter-desk';
import { loadLastWindow, saveLastWindow, windowHolder } from './counter-model';
import { WindowPicker } from './window-picker';
import './counter.css';

function browserStorage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

/** The window to go straight back to: one this clerk already holds, the remembered one first. */
function heldWindow(windows: readonly WindowView[], userId: number, last: number | null): WindowView | null {
  const mine = windows.filter((w) => w.active && windowHolder(w, userId) === 'mine');
  return mine.find((w) => w.id === last) ?? mine[0] ?? null;
}

export default function CounterScreen() {
  const { t } = useT();
  const { api, session } = useStaff();
  const queue = useMemo(() => queueApi(api), [api]);
  const [windows, setWindows] = useState<WindowView[] | null>(null);
  const [categories, setCategories] = useState<CategoryView[]>([]);
  const [windowId, setWindowId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const autoEntered = useRef(false);
  const last = loadLastWindow(browserStorage());

  const loadWindows = useCallback(() => {
    queue.categories().then(setCategories, () => undefined);
    queue.windows().then(
      (list) => {
        setWindows(list);
        setError(null);
        if (!autoEntered.current) {
          autoEntered.current = true;
          const held = heldWindow(list, session.user.id, loadLastWindow(browserStorage()));
          if (held) setWindowId(held.id);
        }
      },
      (failure: unknown) => setError(errorMessage(t, failure)),
    );
  }, [queue, session.user.id, t]);
  useEffect(loadWindows, [loadWindows]);

  if (windowId !== null) {
    return (
      <CounterDesk
        windowId={windowId}
        onLeft={() => {
          setWindowId(null);
          loadWindows();
        }}
      />
    );
  }
  return (
    <section className="counter-screen">
      <div className="screen-title">
        <h1>{t('counter.chooseTitle')}</h1>
      </div>
      {error ? <div className="error-box" role="alert"><p>{error}</p></div> : null}
      {windows === null ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <WindowPicker
          windows={windows}
          categories={categories}
          userId={session.user.id}
          lastWindowId={last}
          onSignIn={async (id) => {
            await queue.windowAction(id, 'sign-in');
            saveLastWindow(browserStorage(), id);
            setWindowId(id);
          }}
          onRefresh={loadWindows}
        />
      )}
    </section>
  );
}
