// The citizen's rating, whatever is rated (a ticket on the pad, a case stage at the kiosk): five big
// levels (the overall rating), three optional indicators (效率、水平、态度), and for a bad rating a
// few quick reasons that fill the comment.
import './rating-form.css';
import type { ReactNode } from 'react';
import { useT } from '../shared/use-t';
import { ASKED_INDICATORS, BAD_REASONS, LEVELS, isBad, type ChoiceAction, type RatingChoice } from './rating-flow';

interface RatingFormProps {
  choice: RatingChoice;
  /** What is rated, in the citizen's words: the ticket and window, or the case and its stage. */
  subject: ReactNode;
  hostDown: boolean;
  /** false for the 追评, which takes the level (and why, when bad) only. */
  askIndicators?: boolean;
  dispatch: (action: ChoiceAction) => void;
  onSubmit: () => void;
}

export function RatingForm({ choice, subject, hostDown, askIndicators = true, dispatch, onSubmit }: RatingFormProps) {
  const { t, language } = useT();
  const { level, indicators, comment, submitting, problem } = choice;
  const separator = language === 'en' ? '; ' : '；';
  return (
    <section className="rating-ask" data-testid="rating-ask">
      <header className="rating-ask-head">
        <h1>{t('rating.prompt')}</h1>
        <p className="rating-subject">{subject}</p>
      </header>
      <div className="rating-levels" role="group" aria-label={t('rating.prompt')}>
        {LEVELS.map((value) => (
          <button
            key={value}
            type="button"
            className={`rating-level level-${value}${level === value ? ' chosen' : ''}`}
            aria-pressed={level === value}
            data-testid={`rating-level-${value}`}
            disabled={submitting}
            onClick={() => dispatch({ type: 'level', level: value })}
          >
            <span className="rating-level-mark" aria-hidden="true">{level === value ? '✓' : ''}</span>
            {t(`rating.levels.l${value}`)}
          </button>
        ))}
      </div>
      <div className="rating-details">
        {askIndicators ? <div className="rating-indicators">
          <h2>{t('rating.indicatorsTitle')}</h2>
          <p className="rating-hint">{t('rating.indicatorsHint')}</p>
          {ASKED_INDICATORS.map((indicator) => (
            <div className="rating-indicator" key={indicator} role="group" aria-label={t(`rating.indicators.${indicator}`)}>
              <span className="rating-indicator-name">{t(`rating.indicators.${indicator}`)}</span>
              {[1, 2, 3, 4, 5].map((value) => (
                <button
                  key={value}
                  type="button"
                  className={indicators[indicator] === value ? 'rating-score chosen' : 'rating-score secondary'}
                  aria-pressed={indicators[indicator] === value}
                  data-testid={`rating-indicator-${indicator}-${value}`}
                  disabled={submitting}
                  onClick={() => dispatch({ type: 'indicator', indicator, value })}
                >
                  {value}
                </button>
              ))}
            </div>
          ))}
        </div> : null}
        <div className="rating-side">
          {level !== null && isBad(level) ? (
            <div className="rating-comment">
              <h2>{t('rating.commentTitle')}</h2>
              <div className="rating-reasons">
                {BAD_REASONS.map((reason) => {
                  const text = t(`rating.reasons.${reason}`);
                  const picked = comment.split(separator.trim()).map((p) => p.trim()).includes(text);
                  return (
                    <button
                      key={reason}
                      type="button"
                      className={picked ? 'rating-reason chosen' : 'rating-reason secondary'}
                      aria-pressed={picked}
                      data-testid={`rating-reason-${reason}`}
                      disabled={submitting}
                      onClick={() => dispatch({ type: 'reason', text, separator })}
                    >
                      {text}
                    </button>
                  );
                })}
              </div>
              <textarea
                value={comment}
                maxLength={500}
                rows={2}
                aria-label={t('rating.commentTitle')}
                placeholder={t('rating.commentPlaceholder')}
                data-testid="rating-comment"
                disabled={submitting}
                onChange={(event) => dispatch({ type: 'comment', text: event.target.value })}
              />
            </div>
          ) : (
            <p className="rating-hint rating-side-hint">{level === null ? t('rating.chooseLevel') : t('rating.optionalHint')}</p>
          )}
          {problem || hostDown ? (
            <div className="rating-alert" role="alert" data-testid="rating-problem">
              {problem === 'failed' ? t('rating.failed') : t('rating.unreachable')}
            </div>
          ) : null}
          <button type="button" className="rating-submit" data-testid="rating-submit" disabled={level === null || submitting} onClick={onSubmit}>
            {submitting ? t('rating.submitting') : t('rating.submit')}
          </button>
        </div>
      </div>
    </section>
  );
}
