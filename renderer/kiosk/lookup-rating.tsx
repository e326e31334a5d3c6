// 办件评价 at the kiosk: the applicant who has just looked a case up rates one stage of it, or gives
// the one 追评 after the hall called back about a bad rating, with the same form the rating pad uses
// (the 追评 asks the level and, for a bad one, why). The number and password typed for the lookup
// prove the case is theirs.
import { useMemo, useReducer, useRef } from 'react';
import type { CaseRatingStage } from '../../electron/contract/cases.js';
import type { ApiClient } from '../shared/api-client';
import { ApiError, errorMessage } from '../shared/api-error';
import { queueApi } from '../shared/queue-api';
import { useT } from '../shared/use-t';
import { RatingForm } from '../rating/rating-form';
import { caseRatingOutcome, caseRatingReducer, caseRatingRequest, followupRequest, NEW_CASE_RATING, type CaseRatingOutcome } from './lookup-rating-model';

interface CaseRatingProps {
  api: ApiClient;
  caseNo: string;
  password: string;
  /** A stage reached, or `followup`: the 追评 of the case's bad rating. */
  stage: CaseRatingStage | 'followup';
  /** The rating is stored (thanks), the stage is over (the host's message), or refused for now. */
  onDone: (outcome: Exclude<CaseRatingOutcome, { kind: 'unreachable' }>) => void;
}

export function CaseRating({ api, caseNo, password, stage, onDone }: CaseRatingProps) {
  const { t } = useT();
  const queue = useMemo(() => queueApi(api), [api]);
  const [state, dispatch] = useReducer(caseRatingReducer, NEW_CASE_RATING);
  const stateRef = useRef(state);
  stateRef.current = state;

  const submit = () => {
    const current = stateRef.current;
    if (current.submitting) return;
    const followup = stage === 'followup' ? followupRequest(caseNo, password, current) : null;
    const rating = stage === 'followup' ? null : caseRatingRequest(caseNo, password, stage, current);
    const send = followup ? () => api.request('POST', '/ratings/followup', { body: followup }) : rating ? () => queue.rate(rating) : null;
    if (!send) return;
    dispatch({ type: 'submit' });
    send().then(
      () => onDone({ kind: 'thanks' }),
      (error: unknown) => {
        const outcome = caseRatingOutcome(error, current.triedUnreachable, errorMessage(t, error));
        if (outcome.kind === 'unreachable') dispatch({ type: 'unreachable' });
        else if (outcome.kind === 'refused' && !(error instanceof ApiError)) dispatch({ type: 'failed' });
        else onDone(outcome);
      },
    );
  };

  return (
    <div className="lookup-rating" data-testid="kiosk-case-rating" data-stage={stage}>
      <RatingForm
        choice={state}
        subject={
          <>
            <span>{t('kioskLookup.rating.caseNo', { caseNo })}</span>
            <span data-testid="kiosk-case-rating-stage">{t(`kioskLookup.rating.stage.${stage}`)}</span>
          </>
        }
        hostDown={false}
        askIndicators={stage !== 'followup'}
        dispatch={dispatch}
        onSubmit={submit}
      />
    </div>
  );
}
