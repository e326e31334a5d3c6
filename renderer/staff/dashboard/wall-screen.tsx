// 管理服务一中心 on the wall: a fixed 1920×1080 canvas scaled to the screen, large enough to read from
// five metres, updating by itself; nothing on it needs a click. It refreshes up to once a second for
// a whole day, so a refresh redraws only what changed: figures, window rows and the waiting bars are
// memoized on their shown values. The bars are plain elements, not ECharts: nothing on the wall is
// picked or hovered, and ECharts' whole option pipeline on every refresh kept V8 compiling more of it
// for the whole stream (the wall soak: JS heap 1.14–1.20 × the first minute with it, 1.09 without).
import { memo, useEffect, useState } from 'react';
import { useT } from '../../shared/use-t';
import { formatDateTime } from '../../shared/format';
import { minutes, percent, useDashboard } from './use-dashboard';
import './dashboard.css';

/** Minutes as a number with one decimal, or "—". */
const figure = (n: number | null) => (n === null ? '—' : n.toFixed(1));

const WIDTH = 1920;
const HEIGHT = 1080;

function useScale(): number {
  const fit = () => Math.min(window.innerWidth / WIDTH, window.innerHeight / HEIGHT);
  const [scale, setScale] = useState(fit);
  useEffect(() => {
    const resize = () => setScale(fit());
    window.addEventListener('resize', resize);
    return () => window.removeEventListener('resize', resize);
  }, []);
  return scale;
}

const Big = memo(function Big({ label, value, unit, testId, tone }: { label: string; value: string | number; unit?: string; testId?: string; tone?: 'bad' | 'warn' | 'good' }) {
  return (
    <div className={`wall-figure${tone ? ` tone-${tone}` : ''}`} data-testid={testId}>
      <strong data-testid={testId ? `${testId}-value` : undefined}>
        {value}
        {unit && value !== '—' ? <small>{unit}</small> : null}
      </strong>
      <span>{label}</span>
    </div>
  );
});

const WindowRow = memo(function WindowRow({ name, state, shown, time }: { name: string; state: string; shown: string; time: string }) {
  return (
    <li className={`window-${state}`}>
      <span>{name}</span>
      <strong>{shown}</strong>
      <em>{time}</em>
    </li>
  );
});

const WallBar = memo(function WallBar({ name, count, share }: { name: string; count: number; share: number }) {
  return (
    <li>
      <div className="wall-bar-track">
        <strong>{count}</strong>
        <div className="wall-bar-fill" style={{ height: `calc((100% - 44px) * ${Math.round(share * 1000) / 1000})` }} />
      </div>
      <span>{name}</span>
    </li>
  );
});

/** Waiting per category as columns, each with its number on top, scaled to the longest. */
function WaitingBars({ waiting }: { waiting: ReadonlyArray<{ code: string; name: string; waiting: number }> }) {
  const most = Math.max(1, ...waiting.map((w) => w.waiting));
  return (
    <ul className="wall-bars" data-testid="wall-waiting-bars">
      {waiting.map((w) => (
        <WallBar key={w.code} name={w.name} count={w.waiting} share={w.waiting / most} />
      ))}
    </ul>
  );
}

export default function WallScreen() {
  const { t, language } = useT();
  const { data, failed, updates } = useDashboard();
  const scale = useScale();
  const min = t('dashboard.min');
  return (
    <div className="wall-backdrop" data-testid="wall">
      <div className="wall-canvas" style={{ width: WIDTH, height: HEIGHT, transform: `translate(-50%, -50%) scale(${scale})` }} data-updates={updates}>
        <header className="wall-head">
          <h1>{t('dashboard.title')}</h1>
          <span>{data ? formatDateTime(data.at, language) : ''}</span>
          {failed ? <span className="wall-stale" role="alert">{t('dashboard.stale')}</span> : null}
          <a className="wall-exit" href="#/dashboard" aria-label={t('dashboard.exitWall')}>×</a>
        </header>
        {!data ? (
          <p className="wall-loading">{t('common.loading')}</p>
        ) : (
          <div className="wall-grid">
            <section className="wall-panel wall-queue">
              <h2>{t('dashboard.queueTitle')}</h2>
              <div className="wall-figures">
                <Big testId="wall-waiting" label={t('dashboard.waiting')} value={data.queue.waitingTotal} />
                <Big label={t('dashboard.longestWait')} value={figure(data.queue.longestWaitMinutes)} unit={min} tone={(data.queue.longestWaitMinutes ?? 0) > data.queue.targetMinutes ? 'warn' : undefined} />
                <Big testId="wall-served" label={t('dashboard.served')} value={data.queue.served} />
                <Big label={t('dashboard.avgWait')} value={figure(data.queue.avgWaitMinutes)} unit={min} />
              </div>
              <WaitingBars waiting={data.queue.waiting} />
            </section>
            <section className="wall-panel wall-windows">
              <h2>{t('dashboard.windowsTitle')}</h2>
              <ul>
                {data.queue.windows.slice(0, 10).map((w) => (
                  <WindowRow key={w.number} name={w.name} state={w.state} shown={w.ticketNumber ?? t(`dashboard.windowStates.${w.state}`)} time={w.forMinutes === null ? '' : minutes(w.forMinutes, min)} />
                ))}
              </ul>
            </section>
            <section className="wall-panel wall-cases">
              <h2>{t('dashboard.casesTitle')}</h2>
              <div className="wall-figures">
                <Big testId="wall-red" label={t('dashboard.red')} value={data.cases.red} tone={data.cases.red > 0 ? 'bad' : 'good'} />
                <Big label={t('dashboard.yellow')} value={data.cases.yellow} tone={data.cases.yellow > 0 ? 'warn' : undefined} />
                <Big label={t('dashboard.receivedToday')} value={data.cases.receivedToday} />
                <Big label={t('dashboard.concludedToday')} value={data.cases.concludedToday} />
              </div>
            </section>
            <section className="wall-panel wall-ratings">
              <h2>{t('dashboard.ratingsMonthTitle')}</h2>
              <div className="wall-figures">
                <Big testId="wall-satisfied" label={t('dashboard.satisfiedShare')} value={percent(data.ratingsMonth.satisfiedShare)} />
                <Big label={t('dashboard.ratedShare')} value={percent(data.ratingsMonth.ratedShare)} />
                <Big testId="wall-bad-today" label={t('dashboard.badToday')} value={data.ratingsToday.bad} tone={data.ratingsToday.bad > 0 ? 'bad' : undefined} />
                <Big testId="wall-open-orders" label={t('dashboard.openOrdersShort')} value={data.openOrderCount} tone={data.openOrderCount > 0 ? 'warn' : undefined} />
                <Big label={t('dashboard.rectifiedShare')} value={percent(data.ratingsMonth.rectifiedShare)} />
                <Big label={t('dashboard.calledBackShare')} value={percent(data.ratingsMonth.calledBackShare)} />
              </div>
            </section>
          </div>
        )}
      </div>
    </div>
  );
}
