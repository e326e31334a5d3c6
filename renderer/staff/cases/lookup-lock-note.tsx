// A note on the case detail when the kiosk lookup of this case is locked (too many wrong query
// passwords), with 解除锁定 for the citizen standing at the counter. Only the roles that may see and
// lift locks ask the host; for the others nothing is shown.
import { useEffect, useState } from 'react';
import { errorMessage } from '../../shared/api-error';
import type { Role } from '../../shared/contract';
import { formatDateTime } from '../../shared/format';
import { useT } from '../../shared/use-t';
import type { CasesApi } from './cases-api';
import type { LookupLock } from './cases-contract';

export const LOOKUP_LOCK_ROLES: readonly Role[] = ['clerk', 'supervisor', 'admin'];

export function LookupLockNote({ caseId, role, cases }: { caseId: number; role: Role; cases: CasesApi }) {
  const { t } = useT();
  const [lock, setLock] = useState<LookupLock | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [lifted, setLifted] = useState(false);
  const allowed = LOOKUP_LOCK_ROLES.includes(role);

  useEffect(() => {
    if (!allowed) return;
    let live = true;
    cases.lookupLocks().then(
      (locks) => live && setLock(locks.find((l) => l.caseId === caseId) ?? null),
      () => live && setLock(null),
    );
    return () => {
      live = false;
    };
  }, [allowed, cases, caseId]);

  if (lifted) {
    return <div className="notice-box" role="status" data-testid="case-lookup-unlocked">{t('caseDetail.lookupLock.lifted')}</div>;
  }
  if (!lock) return null;

  const lift = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await cases.liftLookupLock(caseId);
      setLock(null);
      setLifted(true);
    } catch (error) {
      setProblem(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  return <LookupLockView lock={lock} busy={busy} problem={problem} onLift={() => void lift()} />;
}

/** The note itself: how many wrong passwords, when it lifts by itself, and the button. */
export function LookupLockView({ lock, busy, problem, onLift }: { lock: LookupLock; busy: boolean; problem: string | null; onLift: () => void }) {
  const { t, language } = useT();
  return (
    <div className="case-lookup-lock" role="note" data-testid="case-lookup-lock">
      <p>{t('caseDetail.lookupLock.note', { failures: lock.failures, until: formatDateTime(lock.lockedUntil, language) })}</p>
      <button type="button" className="secondary" disabled={busy} data-testid="case-lookup-unlock" onClick={onLift}>
        {t('caseDetail.lookupLock.lift')}
      </button>
      {problem ? <p className="case-lookup-lock-error" role="alert">{problem}</p> : null}
    </div>
  );
}
