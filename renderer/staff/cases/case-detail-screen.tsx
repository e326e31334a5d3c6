// 办件详情: one case — header, applicant, materials, timeline and the actions it allows now.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../shared/api-error';
import { useT } from '../../shared/use-t';
import { useStaff } from '../staff-context';
import { casesApi } from './cases-api';
import type { CaseAction, CaseDetail } from './cases-contract';
import { CaseActions } from './case-actions';
import { CaseApplicant } from './case-applicant';
import { useCaseEvents } from './case-events';
import { CaseMaterials } from './case-materials';
import { CaseNotices } from './case-notices';
import { CaseTimeline } from './case-timeline';
import { LimitBadge } from './limit-badge';
import { LookupLockNote } from './lookup-lock-note';
import { QueryPasswordReissue } from './query-password-reissue';
import { limitText } from './case-model';
import './cases.css';

export default function CaseDetailScreen({ caseId }: { caseId: number }) {
  const { t } = useT();
  const { api, session } = useStaff();
  const cases = useMemo(() => casesApi(api), [api]);
  const [c, setC] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    cases.get(caseId).then(
      (detail) => {
        if (!live) return;
        setC(detail);
        setError(null);
      },
      (failure: unknown) => live && setError(failure),
    );
    return () => {
      live = false;
    };
  }, [cases, caseId, generation]);

  // Someone else (the window, the county) changed this case: show it as it is now.
  useCaseEvents(useCallback((data) => {
    if (data.id === caseId) setGeneration((g) => g + 1);
  }, [caseId]));

  const onDone = (next: CaseDetail, action: CaseAction) => {
    setC(next);
    setDone(t('caseDetail.actions.done', { action: t(`cases.action.${action}`), status: t(`cases.status.${next.status}`) }));
  };

  if (!c) {
    return (
      <section>
        <p><a href="#/cases">{t('caseDetail.back')}</a></p>
        {error ? <div className="error-box" role="alert"><p>{errorMessage(t, error)}</p></div> : <p role="status">{t('common.loading')}</p>}
      </section>
    );
  }

  return (
    <section className="case-detail" data-testid="case-detail" data-case-no={c.caseNo}>
      <p className="case-back"><a href="#/cases" onClick={(e) => { if (window.history.length > 1) { e.preventDefault(); window.history.back(); } }}>{t('caseDetail.back')}</a></p>
      <header className="panel case-header">
        <div className="case-header-main">
          <h1>
            <span className="case-no">{c.caseNo}</span> {c.itemName}
          </h1>
          <span className={`case-status status-${c.status}`} data-testid="case-status" data-status={c.status}>
            {t(`cases.status.${c.status}`)}
          </span>
        </div>
        <dl className="case-facts">
          <div><dt>{t('caseDetail.due')}</dt><dd>{c.dueDate ?? '—'} {limitText(c).key === 'none' ? null : <LimitBadge c={c} />}</dd></div>
          <div><dt>{t('caseDetail.promised')}</dt><dd>{c.promisedLimit.value === 0 ? t('caseDetail.limitImmediate') : t(`caseDetail.limitUnit.${c.promisedLimit.unit}`, { count: c.promisedLimit.value })}</dd></div>
          <div><dt>{t('caseDetail.level')}</dt><dd>{t(`caseDetail.handlingLevel.${c.handlingLevel}`)}</dd></div>
          <div><dt>{t('caseList.col.channel')}</dt><dd>{t(`caseList.channel.${c.channel}`)}</dd></div>
          {c.decision ? <div><dt>{t('caseDetail.decisionLabel')}</dt><dd>{t(`caseDetail.decision.${c.decision}`)}</dd></div> : null}
          {c.deliveryMethod ? <div><dt>{t('caseDetail.actions.method')}</dt><dd>{t(`caseDetail.method.${c.deliveryMethod}`)}</dd></div> : null}
        </dl>
        {c.pauses.some((p) => p.to === null) ? (
          <p className="case-paused" role="note">{t('caseDetail.pausedSince', { date: c.pauses.find((p) => p.to === null)?.from ?? '', reason: c.pauses.find((p) => p.to === null)?.reason ?? '' })}</p>
        ) : null}
      </header>
      <LookupLockNote key={c.id} caseId={c.id} role={session.user.role} cases={cases} />
      {done ? <div className="notice-box" role="status" data-testid="case-action-result">{done}</div> : null}
      {error ? <div className="error-box" role="alert"><p>{errorMessage(t, error)}</p></div> : null}
      <CaseActions key={`${c.status}-${c.events.length}`} c={c} cases={cases} onDone={onDone} />
      <CaseApplicant c={c} cases={cases} />
      <CaseMaterials c={c} />
      <CaseNotices c={c} cases={cases} />
      <QueryPasswordReissue key={c.id} caseId={c.id} role={session.user.role} cases={cases} />
      <CaseTimeline events={c.events} />
    </section>
  );
}
