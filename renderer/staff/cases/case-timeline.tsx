// 办理过程: every entry of the case's timeline, oldest first, as the host recorded it.
import { formatDateTime } from '../../shared/format';
import { useT } from '../../shared/use-t';
import { actorText } from './case-actor';
import { eventLabelKey } from './case-model';
import type { CaseDetail } from './cases-contract';

type CaseEvent = CaseDetail['events'][number];

function extraText(t: ReturnType<typeof useT>['t'], e: CaseEvent): string {
  const d = e.detail ?? {};
  const assignee = d.assignee as { name?: string } | undefined;
  if (assignee?.name) return t('caseDetail.timeline.assignee', { name: assignee.name });
  const delivery = d.delivery as { method?: string } | undefined;
  if (delivery?.method) return t(`caseDetail.method.${delivery.method}`);
  if (typeof d.decision === 'string') return t(`caseDetail.decision.${d.decision}`);
  if (typeof d.dueDate === 'string') return t('caseDetail.timeline.due', { date: d.dueDate });
  return '';
}

export function CaseTimeline({ events }: { events: CaseEvent[] }) {
  const { t, language } = useT();
  const stateText = (s: string | null) => (s ? t(`cases.status.${s}`, { defaultValue: s }) : '—');
  return (
    <section className="panel" data-testid="case-timeline">
      <h2>{t('caseDetail.timeline.title')}</h2>
      <table className="case-table">
        <thead>
          <tr>
            <th scope="col">{t('caseDetail.timeline.at')}</th>
            <th scope="col">{t('caseDetail.timeline.who')}</th>
            <th scope="col">{t('caseDetail.timeline.action')}</th>
            <th scope="col">{t('caseDetail.timeline.states')}</th>
            <th scope="col">{t('caseDetail.timeline.note')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => {
            const key = eventLabelKey(e.action);
            const extra = extraText(t, e);
            const actor = actorText(t, e);
            return (
              <tr key={e.seq} data-action={e.action}>
                <td className="nowrap">{formatDateTime(e.at, language)}</td>
                <td>
                  {actor.who}
                  {actor.where ? <span className="case-muted"> · {actor.where}</span> : null}
                </td>
                <td>{key ? t(key) : e.action}</td>
                <td className="nowrap">
                  {e.stateBefore === e.stateAfter ? stateText(e.stateAfter) : `${stateText(e.stateBefore)} → ${stateText(e.stateAfter)}`}
                </td>
                <td>
                  {e.note ?? ''}
                  {extra ? <span className="case-muted">{e.note ? ' · ' : ''}{extra}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
