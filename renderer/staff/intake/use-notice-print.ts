// Fetch a case's notice from the host and print it on A4; remembers the last one for 重新打印.
import { useCallback, useState } from 'react';
import { errorMessage } from '../../shared/api-error';
import { pagePrinter, printA4 } from '../../shared/print-html';
import type { Translate } from '../../shared/translate';
import type { IntakeApi, NoticeKind } from './intake-api';

export const NOTICE_FRAME_TEST_ID = 'notice-frame';

export interface NoticeJob {
  caseId: number;
  kind: NoticeKind;
  /** Only while the receipt still shows it: the acceptance and correction notices then print it. */
  password: string | null;
}

export type NoticeState = { job: NoticeJob; status: 'printing' | 'printed' | 'failed'; message: string } | null;

export function useNoticePrint(cases: IntakeApi, t: Translate) {
  const [state, setState] = useState<NoticeState>(null);
  const print = useCallback(
    async (job: NoticeJob) => {
      const title = t(`intake.notice.${job.kind}`);
      setState({ job, status: 'printing', message: t('intake.noticePrinting', { title }) });
      try {
        const html = await cases.notice(job.caseId, job.kind, job.password);
        const outcome = await printA4(html, pagePrinter(NOTICE_FRAME_TEST_ID));
        setState(
          outcome.ok
            ? { job, status: 'printed', message: t('intake.noticePrinted', { title }) }
            : { job, status: 'failed', message: t('intake.noticePrintFailed', { title, detail: outcome.detail }) },
        );
      } catch (failure) {
        setState({ job, status: 'failed', message: t('intake.noticePrintFailed', { title, detail: errorMessage(t, failure) }) });
      }
    },
    [cases, t],
  );
  const forget = useCallback(() => setState(null), []);
  return { notice: state, print, forget };
}
