// 叫号屏: what is being called now in very large type, the last calls, the people waiting per
// category and the hall's notice along the bottom. No controls: the screen only looks and speaks.
import { ConnectionBadge } from '../shared/connection-badge';
import { useT } from '../shared/use-t';
import type { TerminalContext } from '../terminal/paired-screen';
import { DisplayClock } from './display-clock';
import { recentBesideCalling } from './display-state';
import { SoundNotice } from './sound-notice';
import { useDisplayFeed } from './use-display-feed';
import { useVoice } from './voice/use-voice';

const RECENT_SHOWN = 8;

export function DisplayScreen({ ctx }: { ctx: TerminalContext }) {
  const { t, language } = useT();
  const voice = useVoice();
  const state = useDisplayFeed(ctx, voice.announce);
  const recent = recentBesideCalling(state, RECENT_SHOWN);
  // Roughly one second per three characters, so long notices do not race past.
  const noticeSeconds = Math.max(18, Math.round(state.notice.length / 3) + 10);

  return (
    <div className={voice.blocked ? 'display-screen sound-blocked' : 'display-screen'} data-testid="display-screen">
      <header className="display-header">
        <h1 className="display-hall">{ctx.hallName}</h1>
        {state.loaded && !state.open ? <span className="display-closed">{t('display.closed')}</span> : null}
        {ctx.connection !== 'open' ? <ConnectionBadge state={ctx.connection} /> : null}
        <DisplayClock language={language} />
      </header>
      {voice.blocked ? <SoundNotice onEnable={voice.unlock} /> : null}

      <div className="display-body">
        <section className={`display-calling count-${Math.max(1, state.calling.length)}`} data-testid="display-calling" aria-labelledby="display-calling-title">
          <h2 id="display-calling-title" className="display-section-title">{t('display.calling')}</h2>
          {state.calling.length > 0 ? (
            <ul className="display-call-list" aria-live="polite">
              {state.calling.map((call) => (
                <li
                  key={`${call.ticketId}:${call.callCount}`}
                  className={state.flash === `${call.ticketId}:${call.callCount}` ? 'display-call newest' : 'display-call'}
                  data-testid="display-call"
                  data-number={call.number}
                  data-window={call.windowNumber}
                >
                  <span className="call-number">{call.number}</span>
                  <span className="call-to" aria-hidden="true">→</span>
                  <span className="call-window">{t('display.windowNumber', { number: call.windowNumber })}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="display-idle">{state.loaded ? t('display.nobodyCalled') : t('common.loading')}</p>
          )}
        </section>

        <aside className="display-side">
          <section className="display-recent" data-testid="display-recent" aria-labelledby="display-recent-title">
            <h2 id="display-recent-title" className="display-section-title">{t('display.recent')}</h2>
            {recent.length > 0 ? (
              <ol>
                {recent.map((call) => (
                  <li key={call.ticketId} data-number={call.number}>
                    <span className="recent-number">{call.number}</span>
                    <span className="recent-window">{t('display.windowNumber', { number: call.windowNumber })}</span>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="display-empty">{t(state.calling.length > 0 ? 'display.noEarlier' : 'display.noRecent')}</p>
            )}
          </section>
          <section className="display-waiting" data-testid="display-waiting" aria-labelledby="display-waiting-title">
            <h2 id="display-waiting-title" className="display-section-title">{t('display.waiting')}</h2>
            <ul>
              {state.waiting.map((line) => (
                <li key={line.code} data-code={line.code}>
                  <span className="waiting-name">{line.name}</span>
                  <span className="waiting-count">{t('display.people', { count: line.waiting })}</span>
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>

      <footer className="display-notice" data-testid="display-notice">
        {state.notice ? (
          <div className="notice-track" style={{ animationDuration: `${noticeSeconds}s` }}>
            {state.notice}
          </div>
        ) : null}
      </footer>

      <ol className="visually-hidden" data-testid="voice-log" data-voice-mode={voice.mode} aria-hidden="true">
        {voice.queued.map((text, index) => (
          <li key={index}>{text}</li>
        ))}
      </ol>
    </div>
  );
}
