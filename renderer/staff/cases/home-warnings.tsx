// Home tiles for the back office and the window: how many cases are near or past their promised
// date, each a link to the list filtered to them.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useT } from '../../shared/use-t';
import type { Role } from '../../shared/contract';
import { useStaff } from '../staff-context';
import { casesApi } from './cases-api';
import { useCaseEvents } from './case-events';
import { hashForState } from './case-query';
import './cases.css';

export const WARNING_HOME_ROLES: readonly Role[] = ['backoffice', 'clerk'];

export function HomeWarnings() {
  const { t } = useT();
  const { api } = useStaff();
  const cases = useMemo(() => casesApi(api), [api]);
  const [counts, setCounts] = useState<{ yellow: number; red: number } | null>(null);
  const [failed, setFailed] = useState(false);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    Promise.all([cases.count({ warning: 'yellow' }), cases.count({ warning: 'red' })]).then(
      ([yellow, red]) => {
        if (!live) return;
        setCounts({ yellow, red });
        setFailed(false);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [cases, generation]);
  useCaseEvents(useCallback(() => setGeneration((g) => g + 1), []));

  return (
    <div className="panel" data-testid="home-warnings">
      <h2>{t('caseList.home.title')}</h2>
      {failed ? <p role="alert">{t('caseList.home.failed')}</p> : null}
      <div className="home-warnings">
        {(['red', 'yellow'] as const).map((level) => (
          <a key={level} className={`home-warning limit-${level}`} href={hashForState({ filters: { warning: level }, sort: 'due', page: 0 })} data-testid={`home-warning-${level}`} data-count={counts?.[level] ?? ''}>
            <strong>{counts ? counts[level] : '…'}</strong>
            <span>{t(`caseList.home.${level}`)}</span>
          </a>
        ))}
      </div>
    </div>
  );
}
