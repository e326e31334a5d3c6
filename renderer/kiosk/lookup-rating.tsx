// 办件评价 at the kiosk: the applicant who has just looked a case up rates one stage of it with the
// same form the rating pad uses. The number and password typed for the lookup prove it is theirs.
import { useMemo, useReducer, useRef } from 'react';
import type { CaseRatingStage } from '../../electron/contract/cases.js';
import type { ApiClient } from '../shared/api-client';
import { ApiError, errorMessage } from '../shared/api-error';
import { queueApi } from '../shared/queue-api';
import { useT } from '../shared/use-t';
import { RatingForm } from '../rating/rating-form';
import { caseRatingOutcome, caseRatingReducer, caseRatingRequest, NEW_CASE_RATING, type CaseRatingOutcome } from './lookup-rating-model';

interface CaseRatingProps {
  api: ApiClient;
  caseNo: string;
  password: string;
  stage: CaseRatingStage;
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
    const body = caseRatingRequest(caseNo, password, stage, current);
    if (!body || current.submitting) return;
    dispatch({ type: 'submit' });
    queue.rate(body).then(
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
        dispatch={dispatch}
        onSubmit={submit}
      />
    </div>
  );
}
