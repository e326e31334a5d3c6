// The rating pad beside a window: waits, asks about the ticket just finished there, thanks, waits.
import { useEffect } from 'react';
import { useT } from '../shared/use-t';
import type { TerminalContext } from '../terminal/paired-screen';
import { NOTICE_MS, THANKS_MS } from './rating-flow';
import { RatingForm } from './rating-form';
import { useRatingPad } from './use-rating-pad';

export function RatingApp({ context }: { context: TerminalContext }) {
  const { t } = useT();
  const { phase, dispatch, submit, padWindow, hostDown } = useRatingPad(context);

  // Each phase that ends by itself: the rating window runs out, the thanks and the notice fade.
  const deadline = phase.name === 'asking' ? phase.deadline : null;
  useEffect(() => {
    if (phase.name === 'thanks' || phase.name === 'ended') {
      const timer = setTimeout(() => dispatch({ type: 'finished' }), phase.name === 'thanks' ? THANKS_MS : NOTICE_MS);
      return () => clearTimeout(timer);
    }
    if (deadline !== null && Number.isFinite(deadline)) {
      const timer = setTimeout(() => dispatch({ type: 'expired' }), Math.max(0, deadline - Date.now()));
      return () => clearTimeout(timer);
    }
    return undefined;
  }, [phase.name, deadline, dispatch]);

  if (phase.name === 'asking') {
    return (
      <div className="rating-pad" data-testid="rating-pad" data-phase={phase.name} data-ticket-id={phase.ticket.id}>
        <RatingForm
          choice={phase}
          subject={
            <>
              <span data-testid="rating-ticket-number">{t('rating.ticketNumber', { number: phase.ticket.number })}</span>
              <span>{t('rating.windowNumber', { number: phase.ticket.windowNumber })}</span>
              {phase.ticket.clerkName ? <span>{t('rating.clerk', { name: phase.ticket.clerkName })}</span> : null}
            </>
          }
          hostDown={hostDown}
          dispatch={dispatch}
          onSubmit={submit}
        />
      </div>
    );
  }
  return (
    <div className="rating-pad" data-testid="rating-pad" data-phase={phase.name}>
      {phase.name === 'thanks' ? (
        <section className="rating-center">
          <p className="rating-big" data-testid="rating-thanks">{t('rating.thanks')}</p>
          <p className="rating-sub">{t('rating.thanksHint')}</p>
        </section>
      ) : phase.name === 'ended' ? (
        <section className="rating-center">
          <p className="rating-big rating-ended" role="alert" data-testid="rating-ended">{phase.message || t('rating.ended')}</p>
        </section>
      ) : (
        <section className="rating-center rating-idle" data-testid="rating-idle">
          <p className="rating-big">{t('rating.idlePrompt')}</p>
          <p className="rating-hall">{context.hallName}</p>
          {padWindow ? <p className="rating-window">{padWindow.name || t('rating.windowNumber', { number: padWindow.number })}</p> : null}
          <p className="rating-sub">{t('rating.idleHint')}</p>
        </section>
      )}
      {hostDown ? (
        <div className="rating-alert rating-alert-bottom" role="alert" data-testid="rating-unreachable">
          {t('rating.hostDown')}
        </div>
      ) : null}
    </div>
  );
}
