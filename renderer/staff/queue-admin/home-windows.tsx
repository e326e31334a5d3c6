// 窗口 on the supervisor's home: who sits at each window now, and 释放 for a window whose clerk is
// gone (the PC died, the clerk left without signing out); the host audits the release.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../shared/api-error';
import { queueApi } from '../../shared/queue-api';
import type { WindowView } from '../../shared/queue-contract';
import { useT } from '../../shared/use-t';
import { useStaff } from '../staff-context';

export function HomeWindows() {
  const { t } = useT();
  const { api } = useStaff();
  const queue = useMemo(() => queueApi(api), [api]);
  const [windows, setWindows] = useState<WindowView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [releasing, setReleasing] = useState<WindowView | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(() => {
    queue.windows().then(
      (rows) => {
        setWindows(rows.filter((w) => w.active));
        setError(null);
      },
      (failure: unknown) => setError(failure),
    );
  }, [queue]);
  useEffect(load, [load]);

  const release = async (w: WindowView) => {
    try {
      await queue.releaseWindow(w.id);
      setReleasing(null);
      setDone(t('queueAdmin.windowReleased', { number: w.number }));
      load();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <div className="panel" data-testid="home-windows">
      <div className="screen-title">
        <h2>{t('queueAdmin.windowsTitle')}</h2>
        <button type="button" className="secondary" onClick={load}>{t('home.refreshWindows')}</button>
      </div>
      {done ? <div className="notice-box" role="status">{done}</div> : null}
      {error ? <div className="error-box" role="alert"><p>{errorMessage(t, error)}</p></div> : null}
      {releasing ? (
        <div className="notice-box" role="alertdialog" aria-labelledby="home-window-release-question" data-testid="window-release-confirm">
          <p id="home-window-release-question">{t('queueAdmin.releaseQuestion', { number: releasing.number, name: releasing.clerk?.displayName ?? '' })}</p>
          <button type="button" onClick={() => void release(releasing)}>{t('queueAdmin.releaseConfirm')}</button>{' '}
          <button type="button" className="secondary" onClick={() => setReleasing(null)}>{t('common.cancel')}</button>
        </div>
      ) : null}
      {windows === null ? <p role="status">{t('common.loading')}</p> : (
        <ul className="home-windows">
          {windows.map((w) => (
            <li key={w.id} data-testid="home-window" data-window={w.number}>
              <span>{w.name}（{w.number}）：{t(`counter.windowStatus.${w.status}`)}{w.clerk ? ` · ${w.clerk.displayName}` : ''}</span>{' '}
              {w.clerk ? (
                <button type="button" className="secondary" aria-label={t('queueAdmin.releaseWindow', { number: w.number })} onClick={() => { setDone(null); setReleasing(w); }}>
                  {t('queueAdmin.release')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
