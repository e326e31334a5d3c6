// 已出具的告知书: every notice the case was given (受理, each 补正 round, 不予受理), numbered by the
// timeline entry that gave it, each with 重新打印 of exactly that notice.
import { useState } from 'react';
import { errorMessage } from '../../shared/api-error';
import { formatDateTime } from '../../shared/format';
import { pagePrinter, printA4 } from '../../shared/print-html';
import { useT } from '../../shared/use-t';
import { actorLine, type ActorFields } from './case-actor';
import type { CasesApi } from './cases-api';
import type { CaseDetail, NoticeKind } from './cases-contract';

const KIND_OF: Record<string, NoticeKind> = { accept: 'acceptance', 'request-correction': 'correction', reject: 'rejection' };

export interface GivenNotice {
  seq: number;
  kind: NoticeKind;
  at: string;
  actor: ActorFields;
}

export function noticesOf(c: CaseDetail): GivenNotice[] {
  return c.events.flatMap((e) => {
    const kind = KIND_OF[e.action];
    return kind ? [{ seq: e.seq, kind, at: e.at, actor: e }] : [];
  });
}

export function CaseNotices({ c, cases }: { c: CaseDetail; cases: CasesApi }) {
  const { t, language } = useT();
  const [status, setStatus] = useState<{ seq: number; text: string; failed: boolean } | null>(null);
  const notices = noticesOf(c);
  if (notices.length === 0) return null;

  const reprint = async (n: GivenNotice) => {
    const title = t(`intake.notice.${n.kind}`);
    setStatus({ seq: n.seq, text: t('intake.noticePrinting', { title }), failed: false });
    try {
      const outcome = await printA4(await cases.notice(c.id, n.kind, n.seq), pagePrinter('case-notice-frame'));
      setStatus(outcome.ok
        ? { seq: n.seq, text: t('intake.noticePrinted', { title }), failed: false }
        : { seq: n.seq, text: t('intake.noticePrintFailed', { title, detail: outcome.detail }), failed: true });
    } catch (failure) {
      setStatus({ seq: n.seq, text: t('intake.noticePrintFailed', { title, detail: errorMessage(t, failure) }), failed: true });
    }
  };

  return (
    <section className="panel" data-testid="case-notices">
      <h2>{t('caseDetail.notices.title')}</h2>
      <table className="case-table">
        <thead>
          <tr>
            <th scope="col">{t('caseDetail.notices.number')}</th>
            <th scope="col">{t('caseDetail.notices.kind')}</th>
            <th scope="col">{t('caseDetail.timeline.at')}</th>
            <th scope="col">{t('caseDetail.timeline.who')}</th>
            <th scope="col"><span className="visually-hidden">{t('intake.reprint')}</span></th>
          </tr>
        </thead>
        <tbody>
          {notices.map((n) => (
            <tr key={n.seq} data-testid="case-notice" data-seq={n.seq} data-kind={n.kind}>
              <td>{`${c.caseNo}-${n.seq}`}</td>
              <td>{t(`intake.notice.${n.kind}`)}</td>
              <td>{formatDateTime(n.at, language)}</td>
              <td>{actorLine(t, n.actor)}</td>
              <td>
                <button type="button" onClick={() => void reprint(n)}>{t('intake.reprint')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {status ? <p role={status.failed ? 'alert' : 'status'} className={status.failed ? 'error-box' : 'notice-box'}>{status.text}</p> : null}
    </section>
  );
}
